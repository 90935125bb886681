#!/usr/bin/env python3
"""Reading speed: a folder of N web-copy articles, articles/s per core, beside hazm's Normalizer.

The articles are real Fars News / Varzesh3 articles (../shared/corpora/langml_fars_varzesh3_news, research
use only) written as damaged web copies the way scripts/build_testset.py makes them (half-spaces lost,
hard wraps, blank lines inside sentences, glued tags label).  goftar reads every file from disk
(decode, repair, structure; attribution optional) in one process; hazm's Normalizer normalises the same
texts in the peers' venv (/opt/peers/bin/python), timed inside that process so start-up is excluded.
Times are CPU seconds of one process (= one core).

usage: python bench/bench_read.py [--n 1000] [--attribute]
"""
from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

HAZM = r"""
import sys, time, json
from pathlib import Path
from hazm import Normalizer
files = sorted(Path(sys.argv[1]).glob("*.txt"))
texts = [f.read_text(encoding="utf-8") for f in files]
n = Normalizer()
t0 = time.process_time()
for t in texts:
    n.normalize(t)
print(json.dumps({"n": len(texts), "cpu": time.process_time() - t0}))
"""


def make_folder(folder: Path, n: int) -> int:
    import build_testset as bt

    arts = bt.load_articles(bt.SPLITS["dev"] + bt.SPLITS["test"])
    rng = random.Random("bench-read")
    chars = 0
    for k in range(n):
        a = arts[k % len(arts)]
        text = bt.webcopy(a, "2023-11-29", rng)
        chars += len(text)
        (folder / f"{k:05d}.txt").write_text(text, encoding="utf-8")
    return chars


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--attribute", action="store_true", help="also run attribution (quotes, people …)")
    args = ap.parse_args()

    from goftar.api import read_document
    from goftar.readers import iter_inputs, load
    from goftar.settings import Settings

    with tempfile.TemporaryDirectory(prefix="goftar-bench-read-") as tmp:
        folder = Path(tmp)
        chars = make_folder(folder, args.n)
        settings = Settings(attribute=args.attribute)
        files = list(iter_inputs(folder))
        read_document(load(files[0]), settings)  # warm-up: lazy loads, regex compilation
        t0 = time.process_time()
        for f in files:
            read_document(load(f), settings)
        ours = time.process_time() - t0
        peer = None
        try:
            out = subprocess.run(["/opt/peers/bin/python", "-c", HAZM, str(folder)], capture_output=True, text=True,
                                 timeout=3600, check=True)
            peer = json.loads(out.stdout.strip().splitlines()[-1])
        except (OSError, subprocess.SubprocessError, ValueError) as e:
            print(f"hazm not available: {e}", file=sys.stderr)

    n = len(files)
    print(f"{n} articles, {chars / n:.0f} characters each on average")
    print(f"{'tool':44s} {'cpu s':>8s} {'articles/s/core':>16s}")
    label = "goftar read (decode+repair+structure" + ("+attribution)" if args.attribute else ")")
    print(f"{label:44s} {ours:8.2f} {n / ours:16.1f}")
    if peer:
        print(f"{'hazm Normalizer().normalize':44s} {peer['cpu']:8.2f} {peer['n'] / peer['cpu']:16.1f}")
        print(f"reading costs {ours / peer['cpu']:.2f}x normalising (target <= 2x)")
    print(f"command: python bench/bench_read.py --n {args.n}" + (" --attribute" if args.attribute else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
