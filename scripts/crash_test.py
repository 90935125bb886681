"""Crash test of the archive: kill -9 `goftar ingest` at random moments, then check and re-ingest.

    python3 scripts/crash_test.py                    # 20 kills, 3000 records via --from-parquet
    python3 scripts/crash_test.py --mode files       # 20 kills while reading .txt files with the reader

Records are built by recombining real corpus paragraphs (bench/bench_archive.py).
After every kill: `goftar check --db FILE` must exit 0.  At the end an uninterrupted
ingest must leave every article exactly once in the store and in the index.
Exit status 0 when all of that holds; the log says what happened at each kill.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _bench() -> object:
    spec = importlib.util.spec_from_file_location("bench_archive", REPO / "bench" / "bench_archive.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def goftar(*args: str, check: bool = False) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "goftar", *args], capture_output=True, text=True, check=check)


def make_input(work: Path, mode: str, n: int) -> tuple[list[str], int]:
    """The ingest arguments and the number of distinct articles they hold."""
    bench = _bench()
    records = list(bench.build_records(n))  # type: ignore[attr-defined]
    if mode == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        out = work / "batch" / "records"
        out.mkdir(parents=True)
        for k in range(0, n, 500):
            part = records[k:k + 500]
            pq.write_table(pa.table({"id": [r["id"] for r in part],
                                     "record_json": [json.dumps(r, ensure_ascii=False) for r in part]}),
                           out / f"part-{k // 500:04d}.parquet")
        return ["--from-parquet", str(work / "batch")], len({r["id"] for r in records})
    folder = work / "files"
    folder.mkdir()
    texts = {r["raw"] for r in records}
    for i, t in enumerate(sorted(texts)):
        (folder / f"{i:05d}.txt").write_text(t, encoding="utf-8")
    return [str(folder)], len(texts)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kills", type=int, default=20)
    ap.add_argument("--records", type=int, default=None, help="default: 3000 (parquet) / 40 (files)")
    ap.add_argument("--mode", choices=["parquet", "files"], default="parquet")
    ap.add_argument("--dir", default=None, help="Work folder (default: a temp folder, removed on success).")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    n = args.records or (3000 if args.mode == "parquet" else 40)
    work = Path(args.dir) if args.dir else Path(tempfile.mkdtemp(prefix="goftar-crash-"))
    work.mkdir(parents=True, exist_ok=True)
    db = work / "crash.db"
    ingest_args, expected = make_input(work, args.mode, n)
    print(f"# python3 scripts/crash_test.py --mode {args.mode} --kills {args.kills} --records {n}  (in {work})")

    # how long an uninterrupted ingest takes, to spread the kills over it
    t = time.perf_counter()
    goftar("ingest", *ingest_args, "--db", str(work / "probe.db"), "-q", check=True)
    full = time.perf_counter() - t
    print(f"uninterrupted ingest: {full:.1f} s for {expected} articles")

    failures = 0
    killed = 0
    for i in range(1, args.kills + 1):
        proc = subprocess.Popen([sys.executable, "-m", "goftar", "ingest", *ingest_args, "--db", str(db), "-q"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        delay = rng.uniform(0.05, full)
        try:
            proc.wait(timeout=delay)
            outcome = f"finished before the kill (exit {proc.returncode})"
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            killed += 1
            outcome = "killed -9"
        chk = goftar("check", "--db", str(db))
        stats = goftar("stats", "--db", str(db), "--json")
        count = json.loads(stats.stdout)["articles"] if stats.returncode == 0 else "?"
        pending = json.loads(stats.stdout)["pending_index"] if stats.returncode == 0 else "?"
        ok = chk.returncode == 0 or (not db.exists() and "no such archive" in chk.stderr)
        failures += not ok
        print(f"{i:2d}. after {delay:5.2f} s {outcome:32s} check {'ok' if ok else 'FAILED'}  "
              f"articles {count}  waiting for index {pending}")
        if not ok:
            print("   " + (chk.stderr or chk.stdout).strip().replace("\n", "\n   "))

    final = goftar("ingest", *ingest_args, "--db", str(db), "-q", "--json")
    chk = goftar("check", "--db", str(db))
    stats = json.loads(goftar("stats", "--db", str(db), "--json").stdout)
    sys.path.insert(0, str(REPO / "src"))
    from goftar.archive import Archive

    with Archive(db, readonly=True) as arc:
        keys = arc.index.all_keys()
        dup_sha = arc.db.execute("SELECT count(*) - count(DISTINCT sha256) FROM articles").fetchone()[0]
    exact = (stats["articles"] == expected and len(keys) == expected and len(set(keys)) == expected
             and dup_sha == 0 and stats["pending_index"] == 0)
    print(f"final ingest exit {final.returncode}; check exit {chk.returncode}; articles {stats['articles']} "
          f"(expected {expected}); index docs {len(keys)} ({len(set(keys))} distinct); "
          f"kills that landed {killed}/{args.kills}")
    good = failures == 0 and chk.returncode == 0 and final.returncode == 0 and exact
    print("PASS: every article exactly once" if good else "FAIL")
    if good and not args.dir:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if good else 1


if __name__ == "__main__":
    sys.exit(main())
