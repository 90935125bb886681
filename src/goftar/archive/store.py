"""The archive: SQLite is the system of record, tantivy a derived search index.

Writes go in batches.  For each batch:

1. one SQLite transaction stores the articles (raw bytes, repaired text, the full
   record, quotes, people, places, organisations, events, MinHash bands) with
   ``indexed = 0``;
2. tantivy gets the batch (each article deleted by key, then added) and commits;
3. a second small transaction sets ``indexed = 1``.

A crash between 1 and 3 leaves articles with ``indexed = 0``: the next writable open
re-adds them (deleting first, so nothing is indexed twice).  Ingest is idempotent by
the SHA-256 of the input bytes: the same file twice changes nothing.
"""
from __future__ import annotations

import contextlib
import csv
import datetime as _dt
import hashlib
import json
import logging
import os
import sqlite3
import threading
import time
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, cast

from ..errors import GoftarError
from . import dedup
from .analysis import flat, loose_pattern, tokens
from .index import IndexDoc, SearchIndex
from .schema import APP, MIGRATIONS, READABLE_FROM, SCHEMA_VERSION

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]
SKIP_SUFFIXES = (".db", ".db-wal", ".db-shm", ".sqlite", ".sqlite3", ".parquet")


class ArchiveError(GoftarError):
    """The archive cannot do what was asked; the message says why (the store is unharmed)."""


@dataclass
class IngestReport:
    """What an ingest did: counts, and the inputs that failed with their reasons."""

    added: int = 0
    unchanged: int = 0
    new_stories: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["failed"] = [{"path": p, "reason": r} for p, r in self.failed]
        return d


@dataclass
class SearchResult:
    """One page of hits, with the total number of matching articles and of distinct stories."""

    hits: list[dict[str, Any]]
    total: int
    stories: int
    query: str = ""

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


# -- defensive access to record fields -------------------------------------------------------------------
def _str(v: Any) -> str | None:
    if v is None:
        return None
    if isinstance(v, dict):
        v = v.get("name") or v.get("text") or v.get("value")
        return None if v is None else str(v)
    if isinstance(v, (list, tuple)):
        return " ".join(s for s in (_str(x) for x in v) if s) or None
    s = str(v).strip()
    return s or None


def _list(v: Any) -> list[Any]:
    if v is None:
        return []
    if isinstance(v, (list, tuple)):
        return list(v)
    return [v]


def _int(v: Any) -> int | None:
    try:
        return None if v is None or isinstance(v, bool) else int(v)
    except (TypeError, ValueError):
        return None


def _names(v: Any) -> list[str]:
    return [s for s in (_str(x) for x in _list(v)) if s]


def _body(rec: dict[str, Any]) -> str:
    """The article's words for search and near-duplicates: repaired text, else its parts."""
    text = rec.get("text")
    if isinstance(text, str) and text.strip():
        return text
    parts = [_str(rec.get(k)) for k in ("title", "kicker", "lead")]
    parts += [_str(p) for p in _list(rec.get("paragraphs"))]
    return "\n\n".join(p for p in parts if p)


def _pack(text: str) -> bytes:
    """Text compressed for storage (Persian UTF-8 shrinks about 3×)."""
    return zlib.compress(text.encode("utf-8"), 3)


def _unpack(value: bytes | str | None) -> str:
    """Stored text back: compressed (bytes) or, in older rows, plain."""
    if value is None:
        return ""
    if isinstance(value, bytes):
        return zlib.decompress(value).decode("utf-8")
    return value


def _raw(data: bytes | None, codec: str | None) -> bytes:
    """The input bytes exactly as ingested."""
    data = bytes(data or b"")
    return zlib.decompress(data) if codec == "zlib" else data


def _now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")


def _sql_error(e: sqlite3.Error, path: Path, doing: str) -> ArchiveError:
    msg = str(e)
    low = msg.lower()
    if "full" in low:
        return ArchiveError(f"{path}: disk full while {doing}; the unfinished batch was rolled back, "
                            "the store is unharmed")
    if "readonly" in low or "read-only" in low:
        return ArchiveError(f"{path}: the archive is read-only here ({msg})")
    if "not a database" in low or "malformed" in low or "corrupt" in low:
        return ArchiveError(f"{path}: not a goftar archive or corrupt ({msg})")
    if "locked" in low or "busy" in low:
        return ArchiveError(f"{path}: another process is writing to the archive ({msg}); try again later")
    if "unable to open" in low:
        return ArchiveError(f"{path}: cannot open the archive ({msg}); is the folder writable?")
    return ArchiveError(f"{path}: database error while {doing}: {msg}")


class Archive:
    """A goftar archive: ``FILE`` (SQLite, the system of record) and ``FILE.index/`` (tantivy).

    Use as a context manager.  One writer at a time; any number of readers
    (``readonly=True``).  ``max_bytes`` caps the database size (SQLite
    ``max_page_count``), which is also how tests simulate a full disk.
    """

    def __init__(self, path: str | os.PathLike[str], *, readonly: bool = False,
                 index_dir: str | os.PathLike[str] | None = None, max_bytes: int | None = None) -> None:
        self.path = Path(path)
        self.readonly = readonly
        self.index_dir = Path(index_dir) if index_dir else self.path.with_name(self.path.name + ".index")
        self._lock = threading.RLock()
        self._index: SearchIndex | None = None
        self.db = self._connect(max_bytes)
        try:
            self._migrate()
            if not readonly:
                self.catch_up()
        except BaseException:
            self.close()
            raise

    # -- opening ---------------------------------------------------------------------------------------
    def _connect(self, max_bytes: int | None) -> sqlite3.Connection:
        p = self.path
        if p.is_dir():
            raise ArchiveError(f"{p}: is a folder; --db takes an archive file (created if missing)")
        if self.readonly:
            if not p.exists():
                raise ArchiveError(f"{p}: no such archive")
            uri = f"file:{p.resolve().as_posix()}?mode=ro"
        else:
            parent = p.resolve().parent
            if not parent.is_dir():
                raise ArchiveError(f"{parent}: no such folder")
            if not os.access(parent, os.W_OK) or (p.exists() and not os.access(p, os.W_OK)):
                raise ArchiveError(f"{p}: cannot write here (read-only folder or file); "
                                   "open it read-only or choose another --db")
            uri = f"file:{p.resolve().as_posix()}"
        try:
            db = sqlite3.connect(uri, uri=True, timeout=10, isolation_level=None, check_same_thread=False)
            db.row_factory = sqlite3.Row
            db.execute("PRAGMA foreign_keys = ON")
            db.execute("PRAGMA busy_timeout = 10000")
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.Error as e:
            raise _sql_error(e, p, "opening") from None
        self._max_bytes = max_bytes
        return db

    def _configure(self) -> None:
        """WAL mode and size cap, only once the file is known to be ours (a foreign file stays untouched)."""
        if self.readonly:
            return
        db = self.db
        try:
            mode = db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise ArchiveError(f"{self.path}: cannot switch the archive to WAL mode (got {mode})")
            db.execute("PRAGMA synchronous = NORMAL")
            if self._max_bytes:
                page = db.execute("PRAGMA page_size").fetchone()[0]
                db.execute(f"PRAGMA max_page_count = {max(1, int(self._max_bytes) // page)}")
        except sqlite3.Error as e:
            raise _sql_error(e, self.path, "opening") from None

    def _migrate(self) -> None:
        db = self.db
        try:
            tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        except sqlite3.Error as e:
            raise _sql_error(e, self.path, "opening") from None
        if tables and "meta" not in tables:
            raise ArchiveError(f"{self.path}: an SQLite database but not a goftar archive "
                               f"(tables: {', '.join(sorted(tables)[:5])}); left untouched")
        version = 0
        if "meta" in tables:
            meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
            if meta.get("app") != APP:
                raise ArchiveError(f"{self.path}: an SQLite database but not a goftar archive; left untouched")
            version = int(meta.get("schema_version", "0"))
        if version > SCHEMA_VERSION:
            raise ArchiveError(f"{self.path}: made by a newer goftar (schema {version} > {SCHEMA_VERSION})")
        self._configure()
        if version == SCHEMA_VERSION:
            return
        if self.readonly:
            if version >= READABLE_FROM:  # only indexes are missing: readable as it is, if slower
                log.info("%s: schema %d < %d, read as it is", self.path, version, SCHEMA_VERSION)
                return
            raise ArchiveError(f"{self.path}: made by an older goftar (schema {version} < {SCHEMA_VERSION}); "
                               "upgrade it once with `goftar check --upgrade --db FILE` (needs write access)")
        try:
            with self._tx():
                if version == 0:
                    db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
                    db.execute("INSERT OR REPLACE INTO meta VALUES ('app', ?)", (APP,))
                    db.execute("INSERT OR REPLACE INTO meta VALUES ('created', ?)", (_now(),))
                for i in range(version, SCHEMA_VERSION):
                    for stmt in MIGRATIONS[i].split(";"):
                        if stmt.strip():
                            db.execute(stmt)
                db.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
        except sqlite3.Error as e:
            raise _sql_error(e, self.path, "creating the archive") from None

    @contextlib.contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (BEGIN IMMEDIATE: the single writer), rolled back on any error."""
        with self._lock:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield self.db
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    self.db.execute("ROLLBACK")
                raise
            self.db.execute("COMMIT")

    @property
    def index(self) -> SearchIndex:
        """The search index, opened on first use (created if missing when writable)."""
        if self._index is None:
            self._index = SearchIndex(self.index_dir, readonly=self.readonly)
            if self._index.created:
                # a new (or deleted) index: everything in the store must be indexed again
                with self._tx() as db:
                    db.execute("UPDATE articles SET indexed = 0 WHERE indexed = 1")
        return self._index

    def close(self) -> None:
        """Finish background index merges and close the database."""
        if self._index is not None:
            self._index.close()
            self._index = None
        with contextlib.suppress(Exception):
            self.db.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------------------
    def ingest_paths(self, paths: Iterable[str | os.PathLike[str]], *, progress: Progress | None = None,
                     batch: int = 50, flush_seconds: float = 10.0) -> IngestReport:
        """Read and store every file (folders recursively); failures are collected, never fatal.

        Stored in batches of ``batch`` files, or of whatever was read in ``flush_seconds``
        (reading is slow: an interrupted ingest loses little).
        """
        from .. import api

        t0 = time.perf_counter()
        report = IngestReport()
        files = list(self._expand(paths, report))
        items: list[tuple[dict[str, Any], bytes, str | None]] = []
        seen: set[str] = set()
        last_flush = time.perf_counter()
        for i, f in enumerate(files, 1):
            try:
                data = f.read_bytes()
            except OSError as e:
                report.failed.append((str(f), f"cannot read ({e.strerror or e})"))
                continue
            sha = hashlib.sha256(data).hexdigest()
            if sha in seen or self._has(sha):
                report.unchanged += 1
            else:
                try:
                    rec = api.record(api.read_path(f))
                except GoftarError as e:
                    report.failed.append((str(f), str(e)))
                    rec = None
                except Exception as e:  # noqa: BLE001 - one bad file must not stop the ingest
                    report.failed.append((str(f), f"{type(e).__name__}: {e}"))
                    rec = None
                if rec is not None:
                    seen.add(sha)
                    items.append((rec, data, sha))
            if len(items) >= batch or (items and time.perf_counter() - last_flush > flush_seconds):
                self._write(items, report)
                items = []
                last_flush = time.perf_counter()
            if progress:
                progress(i, len(files), str(f))
        if items:
            self._write(items, report)
        report.seconds = time.perf_counter() - t0
        return report

    def _expand(self, paths: Iterable[str | os.PathLike[str]], report: IngestReport) -> Iterator[Path]:
        own = {self.path.resolve()}
        for p in map(Path, paths):
            if p.is_dir():
                for f in sorted(p.rglob("*")):
                    rel = f.relative_to(p).parts
                    if not f.is_file() or any(x.startswith(".") for x in rel):
                        continue
                    if f.name.endswith(SKIP_SUFFIXES) or self.index_dir.resolve() in f.resolve().parents:
                        continue
                    if f.resolve() not in own:
                        yield f
            elif p.is_file():
                yield p
            else:
                report.failed.append((str(p), "no such file or folder"))

    def ingest_records(self, records: Iterable[dict[str, Any]], raw_bytes: dict[str, bytes] | None = None, *,
                       progress: Progress | None = None, batch: int = 500) -> IngestReport:
        """Store records made by :func:`goftar.api.record` (``raw_bytes``: record id → input bytes)."""
        t0 = time.perf_counter()
        report = IngestReport()
        items: list[tuple[dict[str, Any], bytes | None, str | None]] = []
        k = 0
        for rec in records:
            k += 1
            if not isinstance(rec, dict):
                report.failed.append((f"#{k}", "not a record (a JSON object)"))
                continue
            rid = str(rec.get("id") or "")
            items.append((rec, (raw_bytes or {}).get(rid), None))
            if len(items) >= batch:
                self._write(items, report)
                items = []
                if progress:
                    progress(k, 0, rid)
        if items:
            self._write(items, report)
        report.seconds = time.perf_counter() - t0
        return report

    def ingest_parquet(self, outdir: str | os.PathLike[str], *, progress: Progress | None = None) -> IngestReport:
        """Load the records a batch run wrote to ``OUTDIR/records/*.parquet`` (column ``record_json``)."""
        import pyarrow.parquet as pq

        root = Path(outdir)
        folder = root / "records" if (root / "records").is_dir() else root
        files = sorted(folder.glob("*.parquet"))
        if not files:
            raise ArchiveError(f"{outdir}: no records/*.parquet files here (made by `goftar batch`)")
        report = IngestReport()
        t0 = time.perf_counter()

        def records() -> Iterator[dict[str, Any]]:
            for f in files:
                try:
                    pf = pq.ParquetFile(f)
                    if "record_json" not in pf.schema_arrow.names:
                        report.failed.append((str(f), "no record_json column"))
                        continue
                    for b in pf.iter_batches(columns=["record_json"], batch_size=500):
                        for j, s in enumerate(b.column(0).to_pylist()):
                            try:
                                yield json.loads(s)
                            except (TypeError, ValueError) as e:
                                report.failed.append((f"{f}#{j}", f"bad record_json ({e})"))
                except OSError as e:
                    report.failed.append((str(f), f"cannot read parquet ({e})"))

        sub = self.ingest_records(records(), progress=progress)
        report.added, report.unchanged, report.new_stories = sub.added, sub.unchanged, sub.new_stories
        report.failed += sub.failed
        report.seconds = time.perf_counter() - t0
        return report

    def _has(self, sha: str) -> bool:
        with self._lock:
            return self.db.execute("SELECT 1 FROM articles WHERE sha256 = ?", (sha,)).fetchone() is not None

    def _write(self, items: Sequence[tuple[dict[str, Any], bytes | None, str | None]], report: IngestReport) -> None:
        """Store a batch in one transaction, then index it (see the module docstring)."""
        if self.readonly:
            raise ArchiveError(f"{self.path}: opened read-only")
        added: list[tuple[int, dict[str, Any], list[str]]] = []
        try:
            with self._tx() as db:
                for rec, raw, sha in items:
                    res = self._insert(db, rec, raw, sha)
                    if res is None:
                        report.unchanged += 1
                        continue
                    n, new_story, toks = res
                    added.append((n, rec, toks))
                    report.new_stories += new_story
        except sqlite3.Error as e:
            raise _sql_error(e, self.path, "storing a batch") from None
        report.added += len(added)
        if added:
            docs = []
            for n, rec, toks in added:
                doc = self._index_doc(n, rec, self._story_n(n))
                doc.toks = toks
                docs.append(doc)
            self._index_and_mark(docs)

    def _story_n(self, n: int) -> int:
        with self._lock:
            return int(self.db.execute("SELECT story_n FROM articles WHERE n = ?", (n,)).fetchone()[0])

    def _insert(self, db: sqlite3.Connection, rec: dict[str, Any], raw: bytes | None,
                sha: str | None) -> tuple[int, bool, list[str]] | None:
        src = cast(dict[str, Any], rec.get("source")) if isinstance(rec.get("source"), dict) else {}
        raw_text = rec.get("raw") if isinstance(rec.get("raw"), str) else None
        if raw is None:
            raw = (raw_text if raw_text is not None else json.dumps(rec, ensure_ascii=False, sort_keys=True)).encode()
        sha = sha or _str(src.get("sha256")) or hashlib.sha256(raw).hexdigest()
        if db.execute("SELECT 1 FROM articles WHERE sha256 = ?", (sha,)).fetchone():
            return None
        rid = _str(rec.get("id")) or sha[:16]
        if db.execute("SELECT 1 FROM articles WHERE id = ?", (rid,)).fetchone():
            rid = sha[:32]
        text = _body(rec)
        toks = tokens((_str(rec.get("title")) or "") + "\n" + text)
        sig = dedup.signature(toks)
        bands = dedup.band_keys(sig) if (sig != 0xFFFFFFFF).any() else []
        match = None
        if bands:
            marks = ",".join("?" * len(bands))
            cands = db.execute(
                f"SELECT m.article, m.sig FROM minhash m WHERE m.article IN "
                f"(SELECT DISTINCT article FROM bands WHERE key IN ({marks}) LIMIT 200)", bands).fetchall()
            match = dedup.best_match(sig, ((r[0], r[1]) for r in cands))
        story, story_n = ("", 0)
        if match:
            row = db.execute("SELECT story, story_n FROM articles WHERE n = ?", (match[0],)).fetchone()
            story, story_n = row[0], row[1]
        stored = {k: v for k, v in rec.items() if k not in ("text", "raw")}
        cur = db.execute(
            "INSERT INTO articles (id, sha256, story, story_n, title, kicker, lead, agency, original_source, "
            "published, source_path, source_kind, text, record, ingested_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (rid, sha, story or rid, story_n, _str(rec.get("title")), _str(rec.get("kicker")), _str(rec.get("lead")),
             _str(rec.get("agency")), _str(rec.get("original_source")), _str(rec.get("published")),
             _str(src.get("path")), _str(src.get("kind")), _pack(text),
             _pack(json.dumps(stored, ensure_ascii=False, default=str)), _now()))
        n = int(cur.lastrowid or 0)
        if not match:
            db.execute("UPDATE articles SET story_n = ? WHERE n = ?", (n, n))
        db.execute("INSERT INTO raw (article, bytes, codec) VALUES (?, ?, 'zlib')", (n, zlib.compress(raw, 3)))
        if bands:
            db.execute("INSERT INTO minhash VALUES (?, ?)", (n, dedup.to_blob(sig)))
            db.executemany("INSERT INTO bands VALUES (?, ?)", [(b, n) for b in bands])
        self._insert_children(db, n, rec)
        return n, not match, toks

    def _insert_children(self, db: sqlite3.Connection, n: int, rec: dict[str, Any]) -> None:
        db.executemany("INSERT INTO tags VALUES (?, ?, ?)", [(n, t, flat(t)) for t in _names(rec.get("tags"))])
        rows = []
        for reported, key in ((0, "quotes"), (1, "reported_statements")):
            for q in _list(rec.get(key)):
                if not isinstance(q, dict):
                    continue
                speaker = _str(q.get("speaker"))
                qtext = _str(q.get("text")) or ""
                rows.append((n, reported, speaker, flat(speaker or ""), _str(q.get("speaker_mention")),
                             _str(q.get("verb")), _str(q.get("kind")), qtext, flat(qtext), _int(q.get("start")),
                             _int(q.get("end")), _int(q.get("raw_start")), _int(q.get("raw_end"))))
        db.executemany("INSERT INTO quotes (article, reported, speaker, speaker_key, speaker_mention, verb, kind, "
                       'text, flat, start, "end", raw_start, raw_end) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)', rows)
        people = []
        for p in _list(rec.get("people")):
            name = _str(p.get("name")) if isinstance(p, dict) else _str(p)
            if not name:
                continue
            d = p if isinstance(p, dict) else {}
            mentions = d.get("mentions")
            count = len(mentions) if isinstance(mentions, (list, tuple)) else (_int(mentions) or 1)
            people.append((n, name, flat(name), json.dumps(_names(d.get("titles")), ensure_ascii=False),
                           json.dumps(_names(d.get("roles")), ensure_ascii=False), count))
        db.executemany("INSERT INTO people VALUES (?, ?, ?, ?, ?, ?)", people)
        places = []
        for p in _list(rec.get("places")):
            name = _str(p.get("name")) if isinstance(p, dict) else _str(p)
            if name:
                d = p if isinstance(p, dict) else {}
                places.append((n, name, flat(name), _str(d.get("code")), _str(d.get("kind"))))
        db.executemany("INSERT INTO places VALUES (?, ?, ?, ?, ?)", places)
        orgs = [(n, o, flat(o)) for o in (_str(x.get("name")) if isinstance(x, dict) else _str(x)
                                           for x in _list(rec.get("organizations"))) if o]
        db.executemany("INSERT INTO organizations VALUES (?, ?, ?)", orgs)
        meetings: Counter[str] = Counter()
        for ev in _list(rec.get("events")):
            if not isinstance(ev, dict):
                continue
            parts = _names(ev.get("participants"))
            meetings.update({flat(p) for p in parts} - {""})
            cur = db.execute(
                "INSERT INTO events (article, type, participants, place, date, relative_time, evidence) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (n, _str(ev.get("type")), json.dumps(parts, ensure_ascii=False), _str(ev.get("place")),
                 _str(ev.get("date")), _str(ev.get("relative_time")), _str(ev.get("evidence"))))
            e = cur.lastrowid
            db.executemany("INSERT INTO event_people VALUES (?, ?, ?, ?)", [(e, n, flat(p), p) for p in parts])
        self._count_persons(db, rec, people, rows, meetings)

    @staticmethod
    def _count_persons(db: sqlite3.Connection, rec: dict[str, Any], people: list[tuple[Any, ...]],
                       quotes: list[tuple[Any, ...]], meetings: Counter[str]) -> None:
        """Add one article to the per-person counts (statements, meetings, articles, name spellings)."""
        names: Counter[tuple[str, str]] = Counter()
        for row in people:
            names[(row[2], row[1])] += 1
        statements: Counter[str] = Counter()
        for row in quotes:
            if row[3]:
                statements[row[3]] += 1
                names[(row[3], row[2])] += 1
        for ev in _list(rec.get("events")):
            if isinstance(ev, dict):
                names.update((flat(p), p) for p in _names(ev.get("participants")))
        keys = ({k for k, _ in names} | set(meetings)) - {""}
        db.executemany(
            "INSERT INTO persons (key, statements, meetings, articles) VALUES (?, ?, ?, 1) "
            "ON CONFLICT (key) DO UPDATE SET statements = statements + excluded.statements, "
            "meetings = meetings + excluded.meetings, articles = articles + 1",
            [(k, statements[k], meetings[k]) for k in sorted(keys)])
        db.executemany(
            "INSERT INTO person_names (key, name, n) VALUES (?, ?, ?) "
            "ON CONFLICT (key, name) DO UPDATE SET n = n + excluded.n",
            [(k, name, c) for (k, name), c in names.items() if k])

    @staticmethod
    def _index_doc(n: int, rec: dict[str, Any], story_n: int) -> IndexDoc:
        quotes = _list(rec.get("quotes")) + _list(rec.get("reported_statements"))
        names = {
            "speaker": [s for s in (_str(q.get("speaker")) for q in quotes if isinstance(q, dict)) if s],
            "person": [s for s in (_str(p.get("name")) if isinstance(p, dict) else _str(p)
                                   for p in _list(rec.get("people"))) if s],
            "place": [s for s in (_str(p.get("name")) if isinstance(p, dict) else _str(p)
                                  for p in _list(rec.get("places"))) if s],
            "tag": _names(rec.get("tags")),
            "agency": [s for s in (_str(rec.get("agency")), _str(rec.get("original_source"))) if s],
        }
        return IndexDoc(n=n, story=story_n, published=_str(rec.get("published")), title=_str(rec.get("title")) or "",
                        body=_body(rec), names=names)

    def _index_and_mark(self, docs: list[IndexDoc]) -> None:
        try:
            self.index.add(docs)
            self.index.commit()
        except GoftarError:
            raise
        except (OSError, ValueError, RuntimeError) as e:
            raise ArchiveError(f"{self.index_dir}: cannot write the search index ({e}); the store is safe, "
                               "the index catches up at the next ingest (or run `goftar reindex`)") from None
        marks = ",".join("?" * len(docs))
        try:
            with self._tx() as db:
                db.execute(f"UPDATE articles SET indexed = 1 WHERE n IN ({marks})", [d.n for d in docs])
        except sqlite3.Error as e:
            raise _sql_error(e, self.path, "marking articles indexed") from None

    def _docs_from_store(self, ns: list[int]) -> list[IndexDoc]:
        marks = ",".join("?" * len(ns))
        with self._lock:
            rows = self.db.execute(f"SELECT n, story_n, record, text FROM articles WHERE n IN ({marks})",
                                   ns).fetchall()
        docs = []
        for r in rows:
            rec = json.loads(_unpack(r["record"]))
            rec["text"] = _unpack(r["text"])
            docs.append(self._index_doc(r["n"], rec, r["story_n"]))
        return docs

    def pending(self) -> int:
        """Articles stored but not yet in the search index (after a crash; caught up when opened writable)."""
        with self._lock:
            return int(self.db.execute("SELECT count(*) FROM articles WHERE indexed = 0").fetchone()[0])

    def catch_up(self, chunk: int = 2000) -> int:
        """Index every stored article the index does not have yet; returns how many."""
        done = 0
        _ = self.index  # a newly created index marks everything pending
        while True:
            with self._lock:
                ns = [r[0] for r in self.db.execute(
                    "SELECT n FROM articles WHERE indexed = 0 ORDER BY n LIMIT ?", (chunk,))]
            if not ns:
                return done
            self._index_and_mark(self._docs_from_store(ns))
            done += len(ns)

    def reindex(self) -> None:
        """Rebuild the search index from the store (the index is derived data)."""
        if self.readonly:
            raise ArchiveError(f"{self.path}: opened read-only")
        try:
            idx = self.index
        except GoftarError:
            # unreadable index: move it aside and start afresh
            broken = self.index_dir.with_name(self.index_dir.name + f".broken-{int(time.time())}")
            self.index_dir.rename(broken)
            log.warning("moved the unreadable index to %s", broken)
            idx = self.index
        with self._tx() as db:
            db.execute("UPDATE articles SET indexed = 0")
        idx.delete_all()
        idx.commit()
        self.catch_up()

    # -- reading ---------------------------------------------------------------------------------------
    def search(self, query: str, *, speaker: str | None = None, person: str | None = None,
               place: str | None = None, tag: str | None = None, agency: str | None = None,
               since: str | None = None, until: str | None = None, limit: int = 10,
               offset: int = 0) -> SearchResult:
        """Articles matching ``query`` (words, ``"a phrase"``, ``prefix*``) and every given filter.

        Ranked by relevance; with filters only (an empty query), newest first.
        """
        filters = {"speaker": speaker, "person": person, "place": place, "tag": tag, "agency": agency}
        q = self.index.build(query or "", filters, since, until)
        # without words there is no relevance: newest first
        hits, total, stories = self.index.search(q, limit, offset, newest_first=not (query or "").strip())
        if not hits:
            return SearchResult([], total, stories, query)
        pats = [loose_pattern(t) for t in tokens(query.replace("*", " ").replace('"', " "))]
        marks = ",".join("?" * len(hits))
        with self._lock:
            rows = {r["n"]: r for r in self.db.execute(
                f"SELECT n, id, title, published, agency, story, lead, text FROM articles WHERE n IN ({marks})",
                [n for n, _ in hits])}
        out = []
        for n, score in hits:
            r = rows.get(n)
            if r is None:  # indexed but gone from the store: `goftar check` reports it
                continue
            snippet, html = _snippet(_unpack(r["text"]) or r["lead"] or "", pats)
            out.append({"id": r["id"], "title": r["title"], "published": r["published"], "agency": r["agency"],
                        "story": r["story"], "snippet": snippet, "snippet_html": html, "score": round(score, 4)})
        return SearchResult(out, total, stories, query)

    def article(self, id: str) -> dict[str, Any] | None:
        """The full stored record of article ``id`` with its ``story`` and ``raw`` text."""
        with self._lock:
            r = self.db.execute("SELECT a.*, raw.bytes, raw.codec FROM articles a LEFT JOIN raw ON raw.article = a.n "
                                "WHERE a.id = ?", (id,)).fetchone()
        if r is None:
            return None
        rec = json.loads(_unpack(r["record"]))
        rec["id"] = r["id"]
        rec["story"] = r["story"]
        rec["text"] = _unpack(r["text"])
        data = _raw(r["bytes"], r["codec"])
        if "raw" not in rec:
            from ..readers.encoding import decode

            try:
                rec["raw"] = decode(data)
            except GoftarError:
                rec["raw"] = data.decode("utf-8", errors="replace")
        with self._lock:
            rec["story_size"] = self.db.execute("SELECT count(*) FROM articles WHERE story_n = ?",
                                                (r["story_n"],)).fetchone()[0]
        return rec

    def raw_bytes(self, id: str) -> bytes | None:
        """The input bytes exactly as ingested."""
        with self._lock:
            r = self.db.execute("SELECT raw.bytes, raw.codec FROM raw JOIN articles a ON a.n = raw.article "
                                "WHERE a.id = ?", (id,)).fetchone()
        return None if r is None else _raw(r[0], r[1])

    def story(self, id: str) -> list[dict[str, Any]]:
        """Every article of the story that article ``id`` belongs to (id, title, published, agency)."""
        with self._lock:
            rows = self.db.execute(
                "SELECT b.id, b.title, b.published, b.agency FROM articles a JOIN articles b ON b.story_n = a.story_n "
                "WHERE a.id = ? ORDER BY b.n", (id,)).fetchall()
        return [dict(r) for r in rows]

    def quotes(self, *, speaker: str | None = None, about: str | None = None, limit: int = 100,
               reported: bool = True) -> list[dict[str, Any]]:
        """Quotes (and, if ``reported``, reported statements), newest first, with their article."""
        where: list[str] = []
        args: list[Any] = []
        if speaker:
            keys = self._speaker_keys(flat(speaker))
            if keys is None:  # too many people match a short fragment: scan
                where.append("instr(q.speaker_key, ?) > 0")
                args.append(flat(speaker))
            else:  # the index on quotes(speaker_key) does the work
                where.append(f"q.speaker_key IN ({','.join('?' * len(keys)) or 'NULL'})")
                args += keys
        for t in tokens(about or ""):
            where.append("instr(q.flat, ?) > 0")
            args.append(t)
        if not reported:
            where.append("q.reported = 0")
        sql = ("SELECT q.*, a.id AS article_id, a.title, a.published, a.story, a.agency FROM quotes q "
               "JOIN articles a ON a.n = q.article" + (" WHERE " + " AND ".join(where) if where else "")
               + " ORDER BY a.published IS NULL, a.published DESC, q.q LIMIT ?")
        with self._lock:
            rows = self.db.execute(sql, [*args, int(limit)]).fetchall()
        return [_quote_row(r) for r in rows]

    def _speaker_keys(self, part: str, most: int = 500) -> list[str] | None:
        """The person keys containing ``part`` (each quote's speaker has one); None when more than ``most``."""
        with self._lock:
            rows = self.db.execute("SELECT key FROM persons WHERE instr(key, ?) > 0 AND statements > 0 LIMIT ?",
                                   (part, most + 1)).fetchall()
        return None if len(rows) > most else [r[0] for r in rows]

    def people(self, *, limit: int | None = None) -> list[dict[str, Any]]:
        """Everyone named, quoted or met: statements, meetings (events they took part in), articles."""
        sql = ("SELECT key, statements, meetings, articles, (SELECT name FROM person_names n WHERE n.key = "
               "persons.key ORDER BY n.n DESC, length(n.name) DESC LIMIT 1) AS name FROM persons "
               "ORDER BY statements + meetings DESC, articles DESC, key" + (" LIMIT ?" if limit else ""))
        with self._lock:
            rows = self.db.execute(sql, (int(limit),) if limit else ()).fetchall()
        return [{"name": r["name"] or r["key"], "statements": r["statements"], "meetings": r["meetings"],
                 "articles": r["articles"]} for r in rows]

    def person(self, name: str, *, quotes_limit: int | None = None) -> dict[str, Any] | None:
        """One person: titles, roles, quotes, events (whom they met), and whom they spoke about.

        ``quotes`` lists the newest ``quotes_limit`` quotes (all by default); ``quotes_total``
        counts them all and ``quotes_by_month`` (``[{"month": "YYYY-MM", "count": n}]``, oldest
        first, undated quotes left out) is counted in SQL, so a page can plot every quote
        while loading only a few.  ``about`` looks at the listed quotes.
        """
        key = flat(name)
        if not key:
            return None
        with self._lock:
            db = self.db
            found = db.execute("SELECT key FROM persons WHERE key = ?", (key,)).fetchone()
            if found is None:  # a part of the name: the most mentioned person containing it
                found = db.execute("SELECT key FROM persons WHERE instr(key, ?) > 0 "
                                   "ORDER BY statements + meetings + articles DESC, key LIMIT 1", (key,)).fetchone()
            if found is None:
                return None
            key = found[0]
            prow = db.execute("SELECT name, titles, roles, article FROM people WHERE key = ?", (key,)).fetchall()
            qrows = db.execute(
                "SELECT q.*, a.id AS article_id, a.title, a.published, a.story, a.agency FROM quotes q "
                "JOIN articles a ON a.n = q.article WHERE q.speaker_key = ? "
                "ORDER BY a.published IS NULL, a.published DESC, q.q LIMIT ?",
                (key, -1 if quotes_limit is None else max(0, int(quotes_limit)))).fetchall()
            quotes_total = db.execute("SELECT count(*) FROM quotes WHERE speaker_key = ?", (key,)).fetchone()[0]
            months = db.execute(
                "SELECT substr(a.published, 1, 7) AS month, count(*) AS count FROM quotes q "
                "JOIN articles a ON a.n = q.article WHERE q.speaker_key = ? AND length(a.published) >= 7 "
                "GROUP BY month ORDER BY month", (key,)).fetchall()
            spoke = db.execute("SELECT DISTINCT article FROM quotes WHERE speaker_key = ?", (key,)).fetchall()
            name_rows = db.execute("SELECT name, n FROM person_names WHERE key = ?", (key,)).fetchall()
            erows = db.execute(
                "SELECT e.*, a.id AS article_id, a.published AS article_published FROM event_people ep "
                "JOIN events e ON e.e = ep.event JOIN articles a ON a.n = e.article WHERE ep.key = ? "
                "ORDER BY a.published IS NULL, a.published DESC", (key,)).fetchall()
            others = db.execute(
                "SELECT DISTINCT p.article, p.name, p.key FROM people p JOIN quotes q ON q.article = p.article "
                "WHERE q.speaker_key = ? AND p.key != ?", (key, key)).fetchall()
        names = Counter({r["name"]: r["n"] for r in name_rows})
        titles: list[str] = []
        roles: list[str] = []
        for r in prow:
            titles += [t for t in json.loads(r["titles"]) if t not in titles]
            roles += [t for t in json.loads(r["roles"]) if t not in roles]
        quotes = [_quote_row(r) for r in qrows]
        events = []
        for r in erows:
            parts = json.loads(r["participants"])
            events.append({"type": r["type"], "with": [p for p in parts if flat(p) != key], "place": r["place"],
                           "date": r["date"], "relative_time": r["relative_time"], "evidence": r["evidence"],
                           "article": r["article_id"], "published": r["article_published"]})
        about: Counter[str] = Counter()
        by_article: dict[int, list[str]] = {}
        for r in qrows:
            by_article.setdefault(r["article"], []).append(r["flat"] or "")
        for r in others:
            if any(r["key"] and r["key"] in f for f in by_article.get(r["article"], [])):
                about[r["name"]] += 1
        return {"name": names.most_common(1)[0][0] if names else name, "key": key, "titles": titles,
                "roles": roles, "articles": len({r["article"] for r in prow} | {r[0] for r in spoke}),
                "quotes": quotes, "quotes_total": quotes_total,
                "quotes_by_month": [{"month": r["month"], "count": r["count"]} for r in months],
                "events": events,
                "about": [{"name": n, "quotes": c} for n, c in about.most_common()]}

    def stats(self) -> dict[str, int]:
        """Counts: articles, stories, quotes, reported statements, people, places, organisations, events."""
        q = {
            "articles": "SELECT count(*) FROM articles",
            "stories": "SELECT count(DISTINCT story_n) FROM articles",
            "quotes": "SELECT count(*) FROM quotes WHERE reported = 0",
            "reported_statements": "SELECT count(*) FROM quotes WHERE reported = 1",
            "people": "SELECT count(*) FROM persons",
            "places": "SELECT count(DISTINCT key) FROM places",
            "organizations": "SELECT count(DISTINCT key) FROM organizations",
            "events": "SELECT count(*) FROM events",
            "pending_index": "SELECT count(*) FROM articles WHERE indexed = 0",
        }
        with self._lock:
            return {k: int(self.db.execute(s).fetchone()[0]) for k, s in q.items()}

    def check(self) -> list[str]:
        """Problems found in the store and the index; ``[]`` when they are consistent."""
        problems: list[str] = []
        try:
            with self._lock:
                db = self.db
                res = [r[0] for r in db.execute("PRAGMA quick_check(5)")]
                if res != ["ok"]:
                    problems += [f"sqlite: {r}" for r in res]
                for table in ("raw", "tags", "quotes", "people", "places", "organizations", "events", "minhash"):
                    k = db.execute(f"SELECT count(*) FROM {table} WHERE article NOT IN (SELECT n FROM articles)"
                                   ).fetchone()[0]
                    if k:
                        problems.append(f"{table}: {k} rows belong to no article")
                k = db.execute("SELECT count(*) FROM articles WHERE n NOT IN (SELECT article FROM raw)").fetchone()[0]
                if k:
                    problems.append(f"articles: {k} without their raw input bytes")
                k = db.execute("SELECT count(*) FROM articles WHERE story_n NOT IN (SELECT n FROM articles)"
                               ).fetchone()[0]
                if k:
                    problems.append(f"articles: {k} in a story whose first article is missing")
                indexed = {r[0] for r in db.execute("SELECT n FROM articles WHERE indexed = 1")}
                stored = {r[0] for r in db.execute("SELECT n FROM articles")}
        except sqlite3.Error as e:
            return problems + [str(_sql_error(e, self.path, "checking"))]
        try:
            keys = self.index.all_keys()
        except GoftarError as e:
            return problems + [str(e)]
        dup = len(keys) - len(set(keys))
        if dup:
            problems.append(f"index: {dup} articles indexed more than once; run `goftar reindex`")
        extra = set(keys) - stored
        if extra:
            problems.append(f"index: {len(extra)} documents with no article in the store; run `goftar reindex`")
        missing = indexed - set(keys)
        if missing:
            problems.append(f"index: {len(missing)} articles marked indexed are missing; run `goftar reindex`")
        return problems

    def export(self, out_dir: str | os.PathLike[str], fmt: str = "jsonl") -> list[Path]:
        """Write articles, quotes, people and events to ``out_dir`` as jsonl, parquet or csv files."""
        if fmt not in ("jsonl", "parquet", "csv"):
            raise ArchiveError(f"unknown export format {fmt!r} (jsonl, parquet or csv)")
        out = Path(out_dir)
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise ArchiveError(f"{out}: cannot create the folder ({e.strerror or e})") from None
        tables = {
            "articles": self._export_articles(full=fmt == "jsonl"),
            "quotes": iter(self.quotes(limit=-1)),
            "people": iter(self.people()),
            "events": self._export_events(),
        }
        paths = []
        for name, rows in tables.items():
            p = out / f"{name}.{fmt}"
            try:
                _write_table(p, fmt, rows)
            except OSError as e:
                raise ArchiveError(f"{p}: cannot write ({e.strerror or e})") from None
            paths.append(p)
        return paths

    def _export_articles(self, full: bool) -> Iterator[dict[str, Any]]:
        with self._lock:
            ids = [r[0] for r in self.db.execute("SELECT id FROM articles ORDER BY n")]
        for i in ids:
            rec = self.article(i)
            if rec is None:
                continue
            if full:
                yield rec
            else:
                yield {"id": rec["id"], "story": rec["story"], "title": _str(rec.get("title")),
                       "kicker": _str(rec.get("kicker")), "lead": _str(rec.get("lead")),
                       "agency": _str(rec.get("agency")), "original_source": _str(rec.get("original_source")),
                       "published": _str(rec.get("published")), "tags": json.dumps(_names(rec.get("tags")),
                                                                                  ensure_ascii=False),
                       "source_path": _str((rec.get("source") or {}).get("path")),
                       "sha256": _str((rec.get("source") or {}).get("sha256")),
                       "quotes": len(_list(rec.get("quotes"))), "text": rec.get("text") or "",
                       "record_json": json.dumps(rec, ensure_ascii=False, default=str)}

    def _export_events(self) -> Iterator[dict[str, Any]]:
        with self._lock:
            rows = self.db.execute("SELECT e.*, a.id AS article_id, a.published AS article_published FROM events e "
                                   "JOIN articles a ON a.n = e.article ORDER BY e.e").fetchall()
        for r in rows:
            yield {"article": r["article_id"], "published": r["article_published"], "type": r["type"],
                   "participants": r["participants"], "place": r["place"], "date": r["date"],
                   "relative_time": r["relative_time"], "evidence": r["evidence"]}


def _quote_row(r: sqlite3.Row) -> dict[str, Any]:
    return {"article": r["article_id"], "title": r["title"], "published": r["published"], "story": r["story"],
            "agency": r["agency"], "reported": bool(r["reported"]), "speaker": r["speaker"],
            "speaker_mention": r["speaker_mention"], "verb": r["verb"], "kind": r["kind"], "text": r["text"],
            "start": r["start"], "end": r["end"], "raw_start": r["raw_start"], "raw_end": r["raw_end"]}


def _snippet(text: str, pats: list[Any], width: int = 110) -> tuple[str, str]:
    """A window of ``text`` around the first match, plain and with ``<mark>`` (HTML-escaped)."""
    import html

    first = None
    for p in pats:
        m = p.search(text)
        if m and (first is None or m.start() < first):
            first = m.start()
    if first is None:
        first = 0
    lo = max(0, first - width)
    if lo:
        sp = text.rfind(" ", 0, lo + 15)
        lo = sp + 1 if sp > lo - 15 else lo
    hi = min(len(text), first + width)
    sp = text.find(" ", hi)
    hi = sp if 0 <= sp < hi + 15 else hi
    window = text[lo:hi].replace("\n", " ")
    spans: list[tuple[int, int]] = []
    for p in pats:
        spans += [(m.start(), m.end()) for m in p.finditer(window) if m.end() > m.start()]
    spans.sort()
    out, last = [], 0
    for s, e in spans:
        if s < last:
            continue
        out.append(html.escape(window[last:s]) + "<mark>" + html.escape(window[s:e]) + "</mark>")
        last = e
    out.append(html.escape(window[last:]))
    pre = "…" if lo else ""
    post = "…" if hi < len(text) else ""
    return pre + window + post, pre + "".join(out) + post


def _write_table(path: Path, fmt: str, rows: Iterator[dict[str, Any]]) -> None:
    tmp = path.with_name(path.name + ".tmp")
    if fmt == "jsonl":
        with tmp.open("w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")
    elif fmt == "csv":
        rows_l = list(rows)
        cols = list(rows_l[0]) if rows_l else ["id"]
        with tmp.open("w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fieldnames=cols, extrasaction="ignore")
            w.writeheader()
            for r in rows_l:
                w.writerow({k: (json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v)
                            for k, v in r.items()})
    else:
        import pyarrow as pa
        import pyarrow.parquet as pq

        rows_l = [{k: (json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v)
                   for k, v in r.items()} for r in rows]
        table = pa.Table.from_pylist(rows_l) if rows_l else pa.table({"id": pa.array([], pa.string())})
        pq.write_table(table, tmp)
    os.replace(tmp, path)


__all__ = ["Archive", "ArchiveError", "IngestReport", "SearchResult"]
