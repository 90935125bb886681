"""Web app speed: requests/s and latency (p50/p95/p99) for search and article pages on a big archive.

    python bench/bench_serve.py                       # build a 100k-article archive once, then load it
    python bench/bench_serve.py --articles 20000 --db /tmp/goftar-bench/serve-20k.db
    python bench/bench_serve.py --build-only          # just build the archive

The archive is built from real news text in ../shared/corpora: the 3,200
Fars/Varzesh3 articles are read with goftar (so records carry real quotes,
people and repairs); each stored article is one of those readings with three
paragraphs from other articles of the corpus appended (to text and raw alike,
so offsets stay valid) and, when the reading found no date, a date spread
over 2015-2024.  The archive groups variants close enough into stories, as
it would a report republished by many outlets (43,663 stories for 100k).  Building 100k articles takes a while (the archive ingests at
a few dozen articles/s on 2 cores); the file is reused on later runs.

The server is ``goftar serve`` in its own process (one uvicorn worker,
read-only) on 127.0.0.1; the load generator is a fixed pool of keep-alive
client threads, bounded both in requests and in seconds per scenario.
Latency is measured per request on the client, so it includes loopback HTTP.
"""
from __future__ import annotations

import argparse
import copy
import gzip
import hashlib
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote

REPO = Path(__file__).resolve().parents[1]
SHARED = next((p for p in (REPO.parent / "shared", Path("/work/shared")) if (p / "corpora").is_dir()), None)
NEWS = ("fars-news-1", "fars-news-2", "fars-news-3", "fars-news-4", "varzesh3-1", "varzesh3-2", "varzesh3-3",
        "varzesh3-4")


def corpus_articles() -> list[dict]:
    if SHARED is None:
        sys.exit("bench_serve: needs ../shared/corpora (the news corpus) to build an archive")
    out = []
    for name in NEWS:
        path = SHARED / "corpora" / "langml_fars_varzesh3_news" / f"{name}.json.gz"
        out += json.load(gzip.open(path, "rt", encoding="utf-8"))
    return out


def as_raw(a: dict) -> str:
    """A corpus article as the damaged text goftar reads: title, lead, paragraphs, tags."""
    parts = [a.get("title") or "", a.get("abstract") or "", *(a.get("paragraphs") or [])]
    if a.get("tags"):
        parts.append("برچسب‌ها: " + "، ".join(a["tags"]))
    return "\n\n".join(p.strip() for p in parts if p and p.strip())


def build(db: Path, n: int, base_n: int, seed: int = 7) -> None:
    """Write an archive of ``n`` articles at ``db`` (see the module docstring)."""
    from goftar.api import read_text, record
    from goftar.archive import Archive

    rng = random.Random(seed)
    arts = corpus_articles()
    rng.shuffle(arts)
    paras = [p.strip() for a in arts for p in a.get("paragraphs") or [] if len(p.strip()) > 60]
    t0 = time.time()
    bases = []
    for a in arts[:base_n]:
        raw = as_raw(a)
        if len(raw) > 200:
            bases.append(record(read_text(raw)))
    print(f"read {len(bases)} base articles with goftar in {time.time() - t0:.0f} s", file=sys.stderr)
    db.parent.mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    with Archive(db) as archive:
        done = archive.stats()["articles"]
        batch = []
        for i in range(done, n):
            rec = copy.deepcopy(bases[i % len(bases)])
            extra = "\n\n" + "\n\n".join(rng.sample(paras, 3))
            rec["text"] += extra
            rec["raw"] += extra
            sha = hashlib.sha256(f"{i}\n{rec['raw']}".encode()).hexdigest()
            rec["id"] = sha[:16]
            rec["source"] = {**rec.get("source", {}), "sha256": sha, "path": f"bench/{i}.txt"}
            if not rec.get("published"):
                day = rng.randrange(0, 3650)
                rec["published"] = time.strftime("%Y-%m-%d", time.gmtime(1420070400 + day * 86400))
            batch.append(rec)
            if len(batch) == 1000:
                archive.ingest_records(batch)
                batch = []
                k = i + 1 - done
                print(f"\r{i + 1}/{n} articles, {k / (time.time() - t0):.0f}/s", end="", file=sys.stderr)
        if batch:
            archive.ingest_records(batch)
    print(f"\nbuilt {db} ({n} articles) in {time.time() - t0:.0f} s", file=sys.stderr)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(conn: http.client.HTTPConnection, path: str) -> tuple[int, int]:
    conn.request("GET", path)
    r = conn.getresponse()
    body = r.read()
    return r.status, len(body)


def load(port: int, paths: list[str], concurrency: int, max_requests: int, max_seconds: float) -> dict:
    """Fire GETs at the server from ``concurrency`` keep-alive threads; bounded in count and time."""
    lock = threading.Lock()
    latencies: list[float] = []
    errors = 0
    issued = 0
    deadline = time.perf_counter() + max_seconds

    def worker(k: int) -> None:
        nonlocal errors, issued
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        rng = random.Random(k)
        while True:
            with lock:
                if issued >= max_requests or time.perf_counter() > deadline:
                    break
                issued += 1
            path = rng.choice(paths)
            t = time.perf_counter()
            try:
                status, _ = get(conn, path)
            except (OSError, http.client.HTTPException):
                status = 0
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            dt = time.perf_counter() - t
            with lock:
                if status == 200:
                    latencies.append(dt)
                else:
                    errors += 1
        conn.close()

    start = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(k,)) for k in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - start
    lat = sorted(latencies)

    def pct(p: float) -> float:
        return lat[min(len(lat) - 1, int(p * len(lat)))] * 1000 if lat else float("nan")

    return {"requests": len(lat), "errors": errors, "seconds": wall, "rps": len(lat) / wall if wall else 0,
            "p50": pct(0.50), "p95": pct(0.95), "p99": pct(0.99), "mean": statistics.fmean(lat) * 1000 if lat else 0}


def sample_paths(db: Path, rng: random.Random) -> dict[str, list[str]]:
    """URLs to request: search words from titles, article ids, people — read from the archive."""
    import sqlite3

    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    rows = con.execute("SELECT id, title FROM articles ORDER BY random() LIMIT 2000").fetchall()
    con.close()
    from goftar.archive import Archive

    with Archive(db, readonly=True) as a:
        people = [p["name"] for p in a.people(limit=200)]
    words = [w for _, t in rows for w in (t or "").split() if len(w) >= 4]
    words = rng.sample(sorted(set(words)), min(300, len(set(words))))
    ids = [i for i, _ in rows]
    return {
        "search page": [f"/search?q={quote(w)}" for w in words],
        "search API": [f"/api/search?q={quote(w)}" for w in words],
        "search + date filter": [f"/search?q={quote(w)}&since=2018-01-01&until=2020-12-31" for w in words],
        "article page": [f"/articles/{i}" for i in ids],
        "article API": [f"/api/articles/{i}" for i in ids],
        "person page": [f"/people/{quote(p)}" for p in people] or ["/people"],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", type=Path, default=Path("/tmp/goftar-bench/serve-100k.db"))
    ap.add_argument("--articles", type=int, default=100_000, help="articles in the archive (built if missing)")
    ap.add_argument("--base", type=int, default=3200, help="corpus articles read with goftar to build from")
    ap.add_argument("--build-only", action="store_true")
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--requests", type=int, default=2000, help="at most this many requests per scenario")
    ap.add_argument("--seconds", type=float, default=45, help="at most this long per scenario")
    args = ap.parse_args()

    have = 0
    if args.db.exists():
        from goftar.archive import Archive

        with Archive(args.db, readonly=True) as a:
            have = a.stats()["articles"]
    if have < args.articles:
        build(args.db, args.articles, args.base)
    if args.build_only:
        return
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "goftar", "serve", "--db", str(args.db), "--port", str(port)],
                              stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.time() + 120
        while True:  # the server is up when it answers
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                if get(conn, "/api/stats")[0] == 200:
                    break
            except OSError:
                if server.poll() is not None or time.time() > deadline:
                    sys.exit(f"bench_serve: server did not start: {server.stderr.read() if server.stderr else ''}")
                time.sleep(0.2)
        stats = json.loads(_json(port, "/api/stats"))
        rng = random.Random(11)
        scenarios = sample_paths(args.db, rng)
        rows = []
        for name, paths in scenarios.items():
            load(port, paths, 2, 20, 10)  # warm-up
            r = load(port, paths, args.concurrency, args.requests, args.seconds)
            rows.append((name, r))
    finally:
        server.terminate()
        server.wait(timeout=30)
    cmd = "python bench/bench_serve.py " + " ".join(sys.argv[1:])
    print(f"\n## goftar serve on {stats['articles']:,} articles ({stats['stories']:,} stories, "
          f"{stats['quotes']:,} quotes, {stats['people']:,} people); {os.cpu_count()} cores, "
          f"{args.concurrency} client threads, 1 server process")
    print(f"command: {cmd.strip()}\n")
    print("| scenario | requests | errors | req/s | p50 ms | p95 ms | p99 ms |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, r in rows:
        print(f"| {name} | {r['requests']} | {r['errors']} | {r['rps']:.1f} | {r['p50']:.1f} | {r['p95']:.1f} | "
              f"{r['p99']:.1f} |")


def _json(port: int, path: str) -> str:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", path)
    return conn.getresponse().read().decode()


if __name__ == "__main__":
    main()
