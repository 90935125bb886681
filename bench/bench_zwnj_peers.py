#!/usr/bin/env python3
"""Half-space restoration: goftar vs the Persian normalizers, on the same held-out text in one run.

    python3 bench/bench_zwnj_peers.py [--limit N] [--peers-python /opt/peers/bin/python] [--out bench/results/zwnj_peers.md]

The text is goftar's held-out split of ../shared/corpora (never used to build the
lexicon; see goftar.evaluation.zwnj).  Each document is folded like goftar's
repair does, then damaged twice: every ZWNJ deleted ("glued") and every ZWNJ
turned into a space ("spaced").  goftar repairs with its ZWNJ stage alone; each
peer runs its normalizer in a subprocess of the peers' venv (hazm, shekar,
python-negar, rishe and parsivar pin incompatible numpy versions, so they never
share goftar's interpreter).  Every tool sees the same damaged texts; its time
covers the normalizing loop only (model/lexicon loading excluded, one warm-up
call first; CPU time, so other jobs on the machine do not skew the ratios).  Precision / recall / F1 count ZWNJ positions aligned on letters,
as score_record.py's zwnj_f1 (peers that also change letters are aligned with
difflib).  The table goes to stdout and to --out.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from goftar.evaluation import zwnj as ev  # noqa: E402

PEERS = {
    "hazm": "import hazm\n_n = hazm.Normalizer()\nfix = _n.normalize",
    "shekar": "from shekar import Normalizer\n_n = Normalizer()\nfix = _n",
    "python-negar": "from negar.virastar import PersianEditor\ndef fix(t):\n    return PersianEditor(t).cleanup()",
    "rishe": "import rishe\n_n = rishe.Normalizer()\nfix = _n.normalize",
    "parsivar": "from parsivar import Normalizer\n_n = Normalizer()\nfix = _n.normalize",
}

RUNNER = r'''
import json, sys, time, warnings
warnings.filterwarnings("ignore")
t0 = time.perf_counter()
{setup}
t_init = time.perf_counter() - t0
inp = json.load(open(sys.argv[1], encoding="utf-8"))
out = {{}}
for kind, texts in inp.items():
    fix(texts[0])
    t0 = time.process_time()
    res = [fix(t) for t in texts]
    out[kind] = {{"seconds": time.process_time() - t0, "texts": [r if isinstance(r, str) else str(r) for r in res]}}
out["init_seconds"] = t_init
json.dump(out, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
'''


def run_peer(name: str, python: str, inp: Path, tmp: Path, timeout: int) -> dict | str:
    """Outputs and timings of one peer, or an error string."""
    script = tmp / f"run_{name}.py"
    script.write_text(RUNNER.format(setup=PEERS[name]), encoding="utf-8")
    out = tmp / f"out_{name}.json"
    try:
        p = subprocess.run([python, str(script), str(inp), str(out)], capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return f"timed out after {timeout} s"
    if p.returncode != 0:
        last = (p.stderr.strip().splitlines() or ["?"])[-1]
        return f"failed: {last[:120]}"
    return json.loads(out.read_text(encoding="utf-8"))


def score(kind: str, gold: list[tuple[str, str]], preds: list[str], seconds: float) -> ev.Score:
    s = ev.Score(kind)
    for (_, g), p in zip(gold, preds):
        tp, fp, fn = ev.count_matches(g, p)
        s.tp += tp
        s.fp += fp
        s.fn += fn
        s.docs += 1
        s.exact_docs += p == g
        s.chars += len(ev.damage(g, kind))  # type: ignore[arg-type]
    s.seconds = seconds
    return s


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=0, help="use the first N held-out documents (0: all)")
    ap.add_argument("--peers-python", default="/opt/peers/bin/python")
    ap.add_argument("--peers", default=",".join(PEERS), help="comma-separated subset of " + ",".join(PEERS))
    ap.add_argument("--timeout", type=int, default=1800)
    ap.add_argument("--out", type=Path, default=REPO / "bench" / "results" / "zwnj_peers.md")
    args = ap.parse_args()

    shared = ev.shared_dir()
    if shared is None:
        sys.exit("bench_zwnj_peers: ../shared/corpora not found (set GOFTAR_SHARED)")
    gold = [(i, t) for i, t in ev.prepare_gold(list(ev.corpus_documents("heldout", shared / "corpora"))) if t.strip()]
    if args.limit:
        gold = gold[: args.limit]
    kinds = ("glued", "space")
    damaged = {k: [ev.damage(t, k) for _, t in gold] for k in kinds}  # type: ignore[arg-type]
    n_chars = sum(len(t) for t in damaged["glued"])

    rows: dict[str, dict[str, ev.Score] | str] = {}
    ev.goftar_repair(damaged["glued"][0])  # load the lexicon, warm up
    res: dict[str, ev.Score] = {}
    for k in kinds:
        t0 = time.process_time()
        preds = [ev.goftar_repair(t) for t in damaged[k]]
        res[k] = score(k, gold, preds, time.process_time() - t0)
    rows["goftar"] = res

    with tempfile.TemporaryDirectory() as tmpd:
        tmp = Path(tmpd)
        inp = tmp / "input.json"
        inp.write_text(json.dumps(damaged, ensure_ascii=False), encoding="utf-8")
        for name in [p.strip() for p in args.peers.split(",") if p.strip()]:
            print(f"running {name} …", file=sys.stderr)
            out = run_peer(name, args.peers_python, inp, tmp, args.timeout)
            if isinstance(out, str):
                rows[name] = out
                continue
            rows[name] = {k: score(k, gold, out[k]["texts"], out[k]["seconds"]) for k in kinds}

    base = rows["goftar"]
    assert isinstance(base, dict)
    base_speed = (base["glued"].chars_per_second + base["space"].chars_per_second) / 2
    lines = [
        "# Half-space restoration: goftar vs peers (same text, same run)",
        "",
        f"- date: {datetime.now(timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}",
        f"- text: {ev.HELD_OUT_DESCRIPTION}",
        f"- {len(gold)} documents, {n_chars:,} characters per damage; glued = every ZWNJ deleted, spaced = every ZWNJ → space",
        "- P/R/F1 at ZWNJ positions aligned on letters (like score_record.py zwnj_f1); chars/s = damaged chars / CPU time of the normalizing loop (process_time: loading excluded, robust to other load on the machine), mean of both damages",
        "- command: `python3 bench/bench_zwnj_peers.py" + (f" --limit {args.limit}" if args.limit else "") + "`",
        "- goftar's lexicon is learned from the build split (never the text above) plus hazm's MIT word list "
        "(ZWNJ compounds) and verb stems; see src/goftar/data/zwnj.PROVENANCE.md",
        "",
        "| tool | glued P | glued R | glued F1 | spaced P | spaced R | spaced F1 | chars/s | goftar speed ÷ tool |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for name, r in rows.items():
        if isinstance(r, str):
            lines.append(f"| {name} | {r} | | | | | | | |")
            continue
        g, s = r["glued"], r["space"]
        speed = (g.chars_per_second + s.chars_per_second) / 2
        ratio = base_speed / speed if speed else float("inf")
        lines.append(
            f"| {name} | {g.precision:.3f} | {g.recall:.3f} | {g.f1:.3f} | {s.precision:.3f} | {s.recall:.3f} | "
            f"{s.f1:.3f} | {speed:,.0f} | {ratio:.2f}× |"
        )
    table = "\n".join(lines) + "\n"
    print(table)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(table, encoding="utf-8")
    print(f"written to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
