"""Crash test of the archive: kill -9 `goftar ingest` at random moments, then check and re-ingest.

    python3 scripts/crash_test.py                    # 20 kills, 3000 records via --from-parquet
    python3 scripts/crash_test.py --mode files       # 20 kills while reading .txt files with the reader

Records are built by recombining real corpus paragraphs (bench/bench_archive.py) and
split into one chunk per round; round i ingests chunks 1..i (so there is always new
work to interrupt, and old work to find again) and is killed after a random delay,
until --kills kills have landed (a round that finishes first does not count).
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


def make_input(work: Path, mode: str, n: int, rounds: int) -> tuple[list[list[str]], int]:
    """Ingest arguments per round (round i = the inputs of rounds 1..i) and the number of distinct articles."""
    bench = _bench()
    records = list(bench.build_records(n))  # type: ignore[attr-defined]
    per = -(-n // rounds)
    chunks = [records[k:k + per] for k in range(0, n, per)]
    args: list[list[str]] = []
    if mode == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        for i, part in enumerate(chunks):
            out = work / f"batch-{i:02d}" / "records"
            out.mkdir(parents=True)
            pq.write_table(pa.table({"id": [r["id"] for r in part],
                                     "record_json": [json.dumps(r, ensure_ascii=False) for r in part]}),
                           out / "part-0000.parquet")
        # --from-parquet takes one folder: round i reads a folder holding the parts of rounds 1..i
        for i in range(len(chunks)):
            d = work / f"round-{i:02d}" / "records"
            d.mkdir(parents=True)
            for j in range(i + 1):
                os.link(work / f"batch-{j:02d}" / "records" / "part-0000.parquet", d / f"part-{j:04d}.parquet")
            args.append(["--from-parquet", str(d.parent)])
        return args, len({r["id"] for r in records})
    texts: set[str] = set()
    for i, part in enumerate(chunks):
        folder = work / f"files-{i:02d}"
        folder.mkdir()
        for k, r in enumerate(part):
            if r["raw"] not in texts:
                texts.add(r["raw"])
                (folder / f"{k:05d}.txt").write_text(r["raw"], encoding="utf-8")
        args.append([str(work / f"files-{j:02d}") for j in range(i + 1)])
    return args, len(texts)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kills", type=int, default=20, help="How many times to kill -9 an ingest doing new work.")
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
    # twice as many rounds as kills: a round that finishes before its kill does not count
    rounds, expected = make_input(work, args.mode, n, 2 * args.kills)
    print(f"# python3 scripts/crash_test.py --mode {args.mode} --kills {args.kills} --records {n}  (in {work})")

    # how long one round's new work takes, to spread the kills over it
    t = time.perf_counter()
    goftar("ingest", *rounds[0], "--db", str(work / "probe.db"), "-q", check=True)
    full = time.perf_counter() - t
    t = time.perf_counter()
    goftar("stats", "--db", str(work / "probe.db"), check=True)
    startup = min(time.perf_counter() - t, full / 2)
    print(f"one round of new work: {full:.1f} s with a start-up of about {startup:.1f} s; {expected} articles in all")

    failures = 0
    killed = 0
    per_round = -(-n // len(rounds))
    stored = 0
    for i, ingest_args in enumerate(rounds, 1):
        if killed == args.kills:
            break
        proc = subprocess.Popen([sys.executable, "-m", "goftar", "ingest", *ingest_args, "--db", str(db), "-q"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        # the new work of this round: its records not stored yet (earlier kills may have left some)
        todo = min(n, i * per_round) - stored
        delay = rng.uniform(startup, full * max(1.0, todo / per_round))  # kill it at work, not while importing
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
        stored = count if isinstance(count, int) else stored
        ok = chk.returncode == 0 or (not db.exists() and "no such archive" in chk.stderr)
        failures += not ok
        print(f"{i:2d}. after {delay:5.2f} s {outcome:32s} check {'ok' if ok else 'FAILED'}  "
              f"articles {count}  waiting for index {pending}")
        if not ok:
            print("   " + (chk.stderr or chk.stdout).strip().replace("\n", "\n   "))

    ingest_args = rounds[-1]  # everything
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
    good = failures == 0 and chk.returncode == 0 and final.returncode == 0 and exact and killed == args.kills
    print("PASS: every article exactly once" if good else "FAIL")
    if good and not args.dir:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if good else 1


if __name__ == "__main__":
    sys.exit(main())
