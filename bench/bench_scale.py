"""Scale-out speed: articles/s of `goftar batch` with 1 and 2 workers (local and dask) vs one plain process.

    python3 bench/bench_scale.py [--n 1200] [--partition-size 100] [--engines local,dask] [--repeat 3]

Input: the first N articles of Fars News files 3–4, then Varzesh3 3–4 (../shared/corpora/langml_fars_varzesh3_news;
research-only texts), damaged like PDF copies (half-spaces dropped or spaced, lines wrapped), as a JSONL of {id, text}.
Rows:
  read     one new process calling goftar.api.read_text + record in a loop: what reading alone costs (no output)
  inline   one new process running the batch's own partition function (goftar.scale.work.process_partition: read,
           flatten, write Parquet atomically) over the same partitions, one after another, with no engine: the
           same job as the engines do, in a single process.  This is the baseline of "per-core".
           Both start in a new process, with the word caches empty, as every worker does.
  local/N  goftar.scale.run_batch(engine="local", workers=N)
  dask/N   goftar.scale.run_batch(engine="dask", workers=N) on a LocalCluster (1 thread per worker)
Columns: wall = whole run incl. starting processes/cluster; steady = first partition start → last partition end;
per-core = steady rate / workers, as % of the inline rate (what the engine costs over doing the same work in one
process); vs read = the same against the read row (what batch output costs on top); a/CPU-s = articles per CPU
second spent inside partitions; speed-up = steady rate vs the same engine with 1 worker; cores got = CPU seconds
the workers received per wall second; peak RSS = largest resident set of any worker process.
With --repeat R every row runs R times, interleaved (read, inline, engines, read, inline, ...), and the median of
each row is shown: on a machine shared with other jobs single runs vary by ±10 %.  Bounded by --budget seconds.
"""
from __future__ import annotations

import argparse
import multiprocessing
import gzip
import json
import os
import random
import resource
import statistics
import sys
import tempfile
import textwrap
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from goftar import api
from goftar.scale import run_batch
from goftar.scale.inputs import partitions
from goftar.scale.work import process_partition


def shared() -> Path:
    here = Path(__file__).resolve().parents[1]
    for cand in (here.parent / "shared", Path("/work/shared")):
        if (cand / "corpora").is_dir():
            return cand
    sys.exit("bench_scale: needs ../shared/corpora (Fars News)")


def make_input(n: int, path: Path) -> list[str]:
    rng = random.Random(11)
    corpus = shared() / "corpora" / "langml_fars_varzesh3_news"
    texts: list[str] = []
    for name in ("fars-news-3.json.gz", "fars-news-4.json.gz", "varzesh3-3.json.gz", "varzesh3-4.json.gz"):
        for a in json.load(gzip.open(corpus / name, "rt", encoding="utf-8")):
            paras = [a["title"], a.get("abstract") or ""] + list(a["paragraphs"])
            paras = [p for p in paras if p.strip()]
            damaged = ["\n".join(textwrap.wrap("".join(rng.choice(["", " "]) if c == "\u200c" else c for c in p),
                                               width=rng.randint(55, 80))) for p in paras]
            texts.append("\n\n".join(damaged))
            if len(texts) == n:
                break
        if len(texts) == n:
            break
    with open(path, "w", encoding="utf-8") as fh:
        for i, t in enumerate(texts):
            fh.write(json.dumps({"id": f"fars-{i}", "text": t}, ensure_ascii=False) + "\n")
    return texts


def fresh(fn: Any, *args: Any) -> Any:
    """Run ``fn(*args)`` in a new process: like a worker, it starts with the pipeline's word caches empty
    (measured in this process after other rows, it would read the same articles with warm caches)."""
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(fn, *args).result()


def read_only(texts: list[str]) -> tuple[float, float, float]:
    """Articles per wall second and per CPU second of one plain reading loop, and its peak RSS (MB)."""
    api.record(api.read_text("گفتار"))  # warm lazy data, as the workers do
    t0, c0 = time.perf_counter(), time.process_time()
    for t in texts:
        api.record(api.read_text(t))
    dt, dc = time.perf_counter() - t0, time.process_time() - c0
    return len(texts) / dt, len(texts) / dc, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def inline(src: Path, out: Path, partition_size: int) -> tuple[float, float, float]:
    """The batch's partition function over every partition in this one process: rate, CPU rate, peak RSS."""
    api.record(api.read_text("گفتار"))  # warm lazy data, as the workers do
    parts = list(partitions([str(src)], partition_size))
    n = sum(len(p.items) for p in parts)
    t0, c0 = time.perf_counter(), time.process_time()
    for p in parts:
        process_partition(p, str(out))
    dt, dc = time.perf_counter() - t0, time.process_time() - c0
    return n / dt, n / dc, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1200, help="articles (default 1200)")
    ap.add_argument("--partition-size", type=int, default=100)
    ap.add_argument("--engines", default="local,dask")
    ap.add_argument("--repeat", type=int, default=1, help="runs of every row, interleaved; medians shown")
    ap.add_argument("--budget", type=float, default=600.0, help="stop starting new rounds after this many seconds")
    args = ap.parse_args()
    t_start = time.monotonic()
    runs: dict[str, list[dict[str, float]]] = {}
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        src = Path(tmp) / "articles.jsonl"
        texts = make_input(args.n, src)
        for rnd in range(args.repeat):
            if rnd and time.monotonic() - t_start > args.budget:
                print(f"# budget of {args.budget:.0f} s spent after {rnd} rounds", file=sys.stderr)
                break
            rate, cpu, rss = fresh(read_only, texts)
            runs.setdefault("read", []).append(dict(wall=len(texts) / rate, rate=rate, steady=rate, cpu=cpu,
                                                    rss=rss, cores=rate / cpu))
            rate, cpu, rss = fresh(inline, src, Path(tmp) / f"inline{rnd}", args.partition_size)
            runs.setdefault("inline", []).append(dict(wall=len(texts) / rate, rate=rate, steady=rate, cpu=cpu,
                                                      rss=rss, cores=rate / cpu))
            for engine in args.engines.split(","):
                for workers in (1, 2):
                    res = run_batch([src], Path(tmp) / f"{engine}{workers}-{rnd}", engine=engine, workers=workers,
                                    partition_size=args.partition_size)
                    assert res.inputs == len(texts) and not res.failures, res
                    window = (res.last_finish or 0.0) - (res.first_start or 0.0)
                    runs.setdefault(f"{engine}/{workers}", []).append(dict(
                        wall=res.seconds, rate=res.rate, steady=res.steady_rate, cpu=res.inputs / res.cpu_seconds,
                        rss=res.peak_rss_mb, cores=res.cpu_seconds / window if window > 0 else 0.0))

    def med(name: str, key: str) -> float:
        return statistics.median(r[key] for r in runs[name])

    base, read = med("inline", "steady"), med("read", "steady")
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"articles: {len(texts)} Fars News / Varzesh3 reports (damaged), partition size {args.partition_size}; "
          f"{os.cpu_count()} cores, {len(runs['read'])} round(s), medians; load average now {load}")
    print(f"{'run':<9} {'wall s':>7} {'wall a/s':>9} {'steady a/s':>11} {'per-core':>9} {'vs read':>8} "
          f"{'a/CPU-s':>8} {'speed-up':>9} {'cores got':>9} {'peak RSS MB':>12}  runs of steady a/s")
    for name in runs:
        workers = int(name.split("/")[1]) if "/" in name else 1
        steady = med(name, "steady")
        one = f"{name.split('/')[0]}/1"
        speedup = f"{steady / med(one, 'steady'):.2f}x" if "/" in name and one in runs else ""
        print(f"{name:<9} {med(name, 'wall'):>7.1f} {med(name, 'rate'):>9.1f} {steady:>11.1f} "
              f"{100 * steady / workers / base:>8.0f}% {100 * steady / workers / read:>7.0f}% {med(name, 'cpu'):>8.1f} "
              f"{speedup:>9} {med(name, 'cores'):>9.2f} {max(r['rss'] for r in runs[name]):>12.0f}  "
              + " ".join(f"{r['steady']:.0f}" for r in runs[name]))
    print(f"\ncommand: python3 bench/bench_scale.py --n {args.n} --partition-size {args.partition_size} "
          f"--engines {args.engines} --repeat {args.repeat}")


if __name__ == "__main__":
    main()
