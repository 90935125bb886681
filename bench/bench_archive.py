"""Archive benchmark: ingest speed, index size and top-10 query latency at 10k and 100k articles.

Records are built directly (not through the reader) by recombining real paragraphs,
titles and tags from ../shared/corpora (Fars News, Hamshahri RSS) with speakers,
places and meetings drawn from the gazetteer; 5 % are republications of an earlier
record (an agency line added, the last paragraph cut), so stories are exercised too.

    python3 bench/bench_archive.py                 # 10k and 100k (bounded: stops adding at --budget seconds)
    python3 bench/bench_archive.py --sizes 10000   # quick

Prints a table per size: records/s, database and index size, and p50/p95 latency
of top-10 searches for common / rare terms, single words and phrases.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any, Iterator

REPO = Path(__file__).resolve().parents[1]


def shared_dir() -> Path:
    for cand in (REPO.parent / "shared", Path("/work/shared")):
        if (cand / "corpora").is_dir():
            return cand
    sys.exit("bench_archive: ../shared/corpora not found")


class Pool:
    """Real Persian material to recombine."""

    def __init__(self, shared: Path) -> None:
        corp = shared / "corpora"
        self.paragraphs: list[str] = []
        self.titles: list[str] = []
        self.tags: list[str] = []
        for k in range(1, 5):
            p = corp / "langml_fars_varzesh3_news" / f"fars-news-{k}.json.gz"
            if p.exists():
                for it in json.load(gzip.open(p, "rt", encoding="utf-8")):
                    self.titles.append(it["title"])
                    self.paragraphs += [x for x in it["paragraphs"] if len(x) > 60]
                    self.tags += it.get("tags") or []
        ham = corp / "hamshahrionline_rss" / "hamshahri.json.gz"
        if ham.exists():
            for it in json.load(gzip.open(ham, "rt", encoding="utf-8")):
                self.titles.append(it["title"])
                self.paragraphs.append(it["summary"])
                self.tags += it.get("tags") or []
        names = [ln.split("\t") for ln in (corp / "gazetteer_fa" / "faker_fa_IR_person_names.tsv")
                 .read_text(encoding="utf-8").splitlines()[1:]]
        self.first = [n for k, n in names if k.startswith("first_name")]
        self.last = [n for k, n in names if k == "last_name"]
        prov = json.loads((corp / "gazetteer_fa" / "iran_province_city.json").read_text(encoding="utf-8"))
        self.places = [c["city-fa"] for p in prov for c in p["cities"]]
        self.agencies = ["خبرگزاری فارس", "ایرنا", "ایسنا", "همشهری آنلاین", "خبرگزاری مهر", "تسنیم"]
        self.words = Counter(w for p in self.paragraphs[:3000] for w in p.split() if len(w) > 3)


def build_records(n: int, seed: int = 7, pool: Pool | None = None) -> Iterator[dict[str, Any]]:
    """``n`` records shaped like ``goftar.api.record`` output, from recombined real text."""
    pool = pool or Pool(shared_dir())
    rng = random.Random(seed)
    kept: list[dict[str, Any]] = []
    for i in range(n):
        if kept and rng.random() < 0.05:  # a republication of an earlier story
            base = rng.choice(kept)
            paras = [f"به گزارش {rng.choice(pool.agencies)}، " + base["paragraphs"][0], *base["paragraphs"][1:-1]]
            title, lead, agency, pub = base["title"], base["lead"], rng.choice(pool.agencies), base["published"]
            tags, quotes, people, places, events = base["tags"], base["quotes"], base["people"], base["places"], []
        else:
            paras = rng.sample(pool.paragraphs, rng.randint(3, 7))
            title, lead = rng.choice(pool.titles), rng.choice(pool.paragraphs)
            agency = rng.choice(pool.agencies)
            pub = f"20{rng.randint(19, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            tags = rng.sample(pool.tags, min(len(pool.tags), rng.randint(0, 3)))
            speakers = [f"{rng.choice(pool.first)} {rng.choice(pool.last)}" for _ in range(rng.randint(0, 3))]
            quotes = [{"speaker": s, "speaker_mention": s, "verb": "گفت", "kind": "direct",
                       "text": rng.choice(paras)[:160]} for s in speakers]
            people = [{"name": s, "titles": [], "roles": [], "mentions": 1} for s in speakers]
            places = [{"name": rng.choice(pool.places), "code": None, "kind": "city"}] if rng.random() < .5 else []
            events = ([{"type": "meeting", "participants": speakers[:2], "place": places[0]["name"] if places else None,
                        "date": pub, "relative_time": None, "evidence": title}] if len(speakers) >= 2 else [])
        text = "\n\n".join([title, lead, *paras])
        sha = hashlib.sha256(f"{i}\n{agency}\n{text}".encode()).hexdigest()
        rec = {"id": sha[:16], "source": {"path": f"bench/{i}.txt", "kind": "text", "sha256": sha},
               "title": title, "kicker": None, "lead": lead, "paragraphs": paras, "agency": agency,
               "original_source": None, "tags": tags, "published": pub, "quotes": quotes,
               "reported_statements": [], "people": people, "places": places, "organizations": [],
               "events": events, "warnings": [], "text": text, "raw": text}
        if len(kept) < 5000:
            kept.append(rec)
        yield rec


def _size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) if path.is_dir() else path.stat().st_size


def _latency(arc: Any, queries: list[str], rounds: int = 5) -> tuple[float, float, float]:
    times = []
    totals = []
    for _ in range(rounds):
        for q in queries:
            t = time.perf_counter()
            res = arc.search(q, limit=10)
            times.append((time.perf_counter() - t) * 1000)
            totals.append(res.total)
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))], statistics.median(totals)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,100000")
    ap.add_argument("--dir", default=None, help="Where to build the archive (default: a temp folder, removed).")
    ap.add_argument("--budget", type=float, default=480, help="Stop adding records after this many seconds.")
    args = ap.parse_args()
    sys.path.insert(0, str(REPO / "src"))
    from goftar.archive import Archive

    sizes = [int(s) for s in args.sizes.split(",")]
    work = Path(args.dir) if args.dir else Path(tempfile.mkdtemp(prefix="goftar-bench-archive-"))
    work.mkdir(parents=True, exist_ok=True)
    db = work / "bench.db"
    for p in (db, work / "bench.db-wal", work / "bench.db-shm"):
        p.unlink(missing_ok=True)
    shutil.rmtree(work / "bench.db.index", ignore_errors=True)
    pool = Pool(shared_dir())
    common = [w for w, _ in pool.words.most_common(40)[10:20]]
    rare = [w for w, c in pool.words.items() if c == 2][:10]
    phrases_common = []
    for p in pool.paragraphs[:400]:
        ws = p.split()
        if len(ws) > 6:
            phrases_common.append(f'"{ws[2]} {ws[3]}"')
    phrases_common = phrases_common[:10]
    phrases_rare = [f'"{" ".join(p.split()[4:7])}"' for p in pool.paragraphs[5000:5010]]
    halfspace = ["ظرفیت ها", "ظرفیتها", "ظرفیت‌ها", "می شود", "بین‌المللی", "اقتصاد*"]
    gen = build_records(max(sizes), pool=pool)
    t0 = time.perf_counter()
    done = 0
    rows = []
    print(f"# python3 bench/bench_archive.py --sizes {args.sizes}  (archive in {work})")
    with Archive(db) as arc:
        for size in sizes:
            t = time.perf_counter()
            cpu = time.process_time()
            batch: list[dict[str, Any]] = []
            stopped = False
            while done < size:
                batch.append(next(gen))
                done += 1
                if len(batch) == 2000:
                    arc.ingest_records(batch, batch=2000)
                    batch = []
                    if time.perf_counter() - t0 > args.budget:
                        stopped = True
                        break
            if batch:
                arc.ingest_records(batch, batch=2000)
            ingest_s = time.perf_counter() - t
            ingest_cpu = time.process_time() - cpu
            stats = arc.stats()
            lat = {name: _latency(arc, qs) for name, qs in (
                ("common word", common), ("rare word", rare), ("common phrase", phrases_common),
                ("rare phrase", phrases_rare), ("half-space/prefix", halfspace))}
            other = {}
            for name, fn in (("stats()", arc.stats), ("people(limit=50)", lambda: arc.people(limit=50)),
                             ("quotes(speaker=…)", lambda: arc.quotes(speaker=pool.last[3], limit=100)),
                             ("quotes(about=…)", lambda: arc.quotes(about=rare[0], limit=100)),
                             ("check()", arc.check)):
                t1 = time.perf_counter()
                fn()
                other[name] = (time.perf_counter() - t1) * 1000
            rows.append((stats["articles"], stats["stories"], ingest_s, ingest_cpu, done, _size(db),
                         _size(work / "bench.db.index"), lat, other))
            if stopped:
                print(f"# budget of {args.budget:.0f} s reached at {done} records")
                break
    prev = 0
    import os

    print(f"# load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    for articles, stories, secs, cpu, n, dbsize, ixsize, lat, other in rows:
        print(f"\n## {articles} articles ({stories} stories)")
        print(f"ingest: {n - prev} records in {secs:.1f} s = {(n - prev) / secs:.0f} records/s "
              f"({(n - prev) / cpu:.0f} records per CPU-second, all threads); "
              f"sqlite {dbsize / 2**20:.0f} MiB, tantivy index {ixsize / 2**20:.0f} MiB")
        prev = n
        print(f"{'query (top 10)':22s}{'p50 ms':>9s}{'p95 ms':>9s}{'median hits':>13s}")
        for name, (p50, p95, hits) in lat.items():
            print(f"{name:22s}{p50:9.1f}{p95:9.1f}{hits:13.0f}")
        print("other calls (ms, once): " + ", ".join(f"{k} {v:.0f}" for k, v in other.items()))
    if not args.dir:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
