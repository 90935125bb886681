"""One partition's work: read every item through the public API, flatten, write Parquet atomically.

:func:`process_partition` is the only function the engines ship to workers.
It reads each item exactly as ``goftar read`` does (:func:`goftar.api.read_path`
/ :func:`goftar.api.read_text`, then :func:`goftar.api.record`), turns the
records into rows of five tables and writes them under ``OUTDIR/<table>/``:

* every table file is written to a hidden temporary name in its final folder,
  flushed, fsync'ed and then moved into place with :func:`os.replace`, so a
  reader never sees a half-written file;
* file names depend only on the partition id, so a partition that runs twice
  (a retry, a worker the scheduler thought dead, a resumed run) replaces its
  own files instead of adding rows;
* a marker ``OUTDIR/_manifest/part-NNNNNN.json`` is written last; a partition
  counts as finished only when its marker exists and names the same items.

A failure of one article (bad input, or a bug in a stage) becomes a row of
``errors``; it does not fail the partition.
"""
from __future__ import annotations

import json
import logging
import os
import resource
import signal
import socket
import sys
import threading
import time
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator

import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import GoftarError, InputError
from ..settings import Settings
from .faults import Fault
from .inputs import Item, Partition

log = logging.getLogger(__name__)

MANIFEST_DIR = "_manifest"

_STR = pa.string()
_INT = pa.int64()
_STRS = pa.list_(pa.string())

#: Column layout of every output table (stable: Parquet files of one run must agree).
SCHEMAS: dict[str, pa.Schema] = {
    "records": pa.schema([
        ("id", _STR), ("input", _STR), ("input_id", _STR), ("partition", _INT),
        ("title", _STR), ("kicker", _STR), ("lead", _STR), ("agency", _STR), ("original_source", _STR),
        ("published", _STR), ("tags", _STRS), ("paragraphs", _STRS),
        ("source_path", _STR), ("source_kind", _STR), ("sha256", _STR),
        ("quotes", _INT), ("reported_statements", _INT), ("people", _INT), ("events", _INT),
        ("warnings", _STRS), ("record_json", _STR),
    ]),
    "quotes": pa.schema([
        ("id", _STR), ("input", _STR), ("partition", _INT), ("n", _INT), ("field", _STR),
        ("speaker", _STR), ("speaker_mention", _STR), ("verb", _STR), ("kind", _STR), ("text", _STR),
        ("start", _INT), ("end", _INT), ("raw_start", _INT), ("raw_end", _INT), ("json", _STR),
    ]),
    "people": pa.schema([
        ("id", _STR), ("input", _STR), ("partition", _INT), ("n", _INT),
        ("name", _STR), ("titles", _STRS), ("roles", _STRS), ("mentions", _INT), ("json", _STR),
    ]),
    "events": pa.schema([
        ("id", _STR), ("input", _STR), ("partition", _INT), ("n", _INT),
        ("type", _STR), ("participants", _STRS), ("place", _STR), ("date", _STR),
        ("relative_time", _STR), ("evidence", _STR), ("json", _STR),
    ]),
    "errors": pa.schema([
        ("input", _STR), ("input_id", _STR), ("path", _STR), ("line", _INT), ("partition", _INT),
        ("error", _STR), ("reason", _STR),
    ]),
}
TABLES = tuple(SCHEMAS)


class ItemTimeout(GoftarError):
    """Reading one article took longer than the batch allows."""


@contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Raise :class:`ItemTimeout` in the block after ``seconds`` (SIGALRM, so only in a process's main
    thread — local workers; in a dask worker thread there is no safe way to interrupt and it is a no-op)."""
    if not seconds or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGALRM"):
        yield
        return

    def on_alarm(signum: int, frame: Any) -> None:
        raise ItemTimeout(f"reading took longer than {seconds:g} s")

    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


# -- reading one item ----------------------------------------------------------------------------
def _jsonl_object(item: Item) -> dict[str, Any]:
    assert item.offset is not None
    try:
        with open(item.path, "rb") as fh:
            fh.seek(item.offset)
            line = fh.readline()
    except OSError as e:
        raise InputError(f"cannot read ({e.strerror or e})") from None
    try:
        obj = json.loads(line.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError("line is not UTF-8") from None
    except json.JSONDecodeError as e:
        raise InputError(f"line is not JSON ({e.msg} at column {e.colno})") from None
    if not isinstance(obj, dict):
        raise InputError(f"line is a JSON {type(obj).__name__}, not an object with id and text|html|path")
    return obj


def _read_html(html: str, settings: Settings, ref: str) -> Any:
    """Read HTML held in memory through the same reader as an .html file (``source.path`` stays empty)."""
    from .. import api
    from ..readers import load_bytes

    doc = load_bytes(html.encode("utf-8"), f"{ref}.html")  # the name's suffix makes even a bare fragment HTML
    doc.meta.setdefault("source", {})["path"] = None
    return api.read_document(doc, settings)


def read_item(item: Item, settings: Settings) -> dict[str, Any]:
    """The public record of one item, exactly as ``goftar read --json`` builds it.

    ``source`` gains ``input`` (``path`` or ``path:line``) and, for JSONL, ``input_id``.
    Raises :class:`GoftarError` (or anything a stage raises) when the item cannot be read.
    """
    from .. import api

    input_id: str | None = None
    if item.line is None:
        doc = api.read_path(item.path, settings)
    else:
        obj = _jsonl_object(item)
        input_id = None if obj.get("id") is None else str(obj["id"])
        if isinstance(obj.get("text"), str):
            doc = api.read_text(obj["text"], settings)
        elif isinstance(obj.get("html"), str):
            doc = _read_html(obj["html"], settings, item.ref)
        elif isinstance(obj.get("path"), str):
            p = Path(obj["path"])
            if not p.is_absolute():
                p = Path(item.path).parent / p
            doc = api.read_path(p, settings)
        else:
            raise InputError("object has none of text, html or path (a string)")
    rec = api.record(doc)
    source = rec.setdefault("source", {})
    source["input"] = item.ref
    if input_id is not None:
        source["input_id"] = input_id
    return rec


# -- flattening ----------------------------------------------------------------------------------
def _s(v: Any) -> str | None:
    """A string column value: strings as they are, names of named things, anything else as JSON."""
    if v is None or isinstance(v, str):
        return v
    if isinstance(v, dict) and isinstance(v.get("name"), str):
        return v["name"]
    return json.dumps(v, ensure_ascii=False, sort_keys=True)


def _ss(v: Any) -> list[str]:
    if v is None:
        return []
    if isinstance(v, (list, tuple)):
        return [x for x in map(_s, v) if x is not None]
    return [x for x in [_s(v)] if x is not None]


def _i(v: Any) -> int | None:
    return v if isinstance(v, int) and not isinstance(v, bool) else None


def _count(v: Any) -> int | None:
    if isinstance(v, (list, tuple)):
        return len(v)
    return _i(v)


def _js(v: Any) -> str:
    # records are built in a fixed key order, so the text is deterministic without sort_keys (which costs
    # a third of the serialisation time on full records)
    return json.dumps(v, ensure_ascii=False)


def _list(rec: dict[str, Any], key: str) -> list[Any]:
    v = rec.get(key)
    return v if isinstance(v, list) else []


def record_rows(rec: dict[str, Any], pid: int) -> dict[str, list[dict[str, Any]]]:
    """Rows for records, quotes, people and events from one public record."""
    rid, src = rec.get("id"), rec.get("source") or {}
    head = {"id": rid, "input": src.get("input"), "partition": pid}
    out: dict[str, list[dict[str, Any]]] = {"records": [], "quotes": [], "people": [], "events": []}
    out["records"].append({
        **head,
        "input_id": src.get("input_id"),
        "title": _s(rec.get("title")), "kicker": _s(rec.get("kicker")), "lead": _s(rec.get("lead")),
        "agency": _s(rec.get("agency")), "original_source": _s(rec.get("original_source")),
        "published": _s(rec.get("published")), "tags": _ss(rec.get("tags")),
        "paragraphs": _ss(rec.get("paragraphs")),
        "source_path": src.get("path"), "source_kind": src.get("kind"), "sha256": src.get("sha256"),
        "quotes": len(_list(rec, "quotes")), "reported_statements": len(_list(rec, "reported_statements")),
        "people": len(_list(rec, "people")), "events": len(_list(rec, "events")),
        "warnings": _ss(rec.get("warnings")),
        "record_json": _js(rec),
    })
    n = 0
    for field in ("quotes", "reported_statements"):
        for q in _list(rec, field):
            q = q if isinstance(q, dict) else {"text": q}
            out["quotes"].append({
                **head, "n": n, "field": field,
                "speaker": _s(q.get("speaker")), "speaker_mention": _s(q.get("speaker_mention")),
                "verb": _s(q.get("verb")), "kind": _s(q.get("kind")), "text": _s(q.get("text")),
                "start": _i(q.get("start")), "end": _i(q.get("end")),
                "raw_start": _i(q.get("raw_start")), "raw_end": _i(q.get("raw_end")), "json": _js(q),
            })
            n += 1
    for n, p in enumerate(_list(rec, "people")):
        p = p if isinstance(p, dict) else {"name": p}
        out["people"].append({
            **head, "n": n, "name": _s(p.get("name")), "titles": _ss(p.get("titles")),
            "roles": _ss(p.get("roles")), "mentions": _count(p.get("mentions")), "json": _js(p),
        })
    for n, e in enumerate(_list(rec, "events")):
        e = e if isinstance(e, dict) else {"type": e}
        out["events"].append({
            **head, "n": n, "type": _s(e.get("type")), "participants": _ss(e.get("participants")),
            "place": _s(e.get("place")), "date": _s(e.get("date")), "relative_time": _s(e.get("relative_time")),
            "evidence": _s(e.get("evidence")), "json": _js(e),
        })
    return out


def error_row(item: Item, pid: int, exc: BaseException) -> dict[str, Any]:
    """One ``errors`` row: which input failed and the one-line reason."""
    input_id = None
    if item.line is not None:
        try:
            input_id = _s(_jsonl_object(item).get("id"))
        except GoftarError:
            pass
    reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if not isinstance(exc, GoftarError):
        reason = f"internal error: {type(exc).__name__}: {reason}"
    return {"input": item.ref, "input_id": input_id, "path": item.path, "line": item.line, "partition": pid,
            "error": type(exc).__name__, "reason": reason}


# -- writing -------------------------------------------------------------------------------------
def _write_atomic(path: Path, write: Callable[[Any], None]) -> None:
    """Write ``path`` through a hidden temporary sibling, fsync it, then move it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        with open(tmp, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _parquet_writer(rows: list[dict[str, Any]], schema: pa.Schema) -> Callable[[Any], None]:
    tbl = pa.Table.from_pylist(rows, schema=schema)

    def write(fh: Any) -> None:
        pq.write_table(tbl, fh, compression="zstd")

    return write


def table_path(outdir: Path, table: str, part: Partition | str) -> Path:
    name = part if isinstance(part, str) else part.name
    return outdir / table / f"{name}.parquet"


def marker_path(outdir: Path, part: Partition | str) -> Path:
    name = part if isinstance(part, str) else part.name
    return outdir / MANIFEST_DIR / f"{name}.json"


def read_marker(outdir: Path, part: Partition) -> dict[str, Any] | None:
    """The marker of a finished partition holding exactly ``part``'s items, else None."""
    try:
        m = json.loads(marker_path(outdir, part).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if m.get("digest") != part.digest or not all(table_path(outdir, t, part).exists() for t in TABLES):
        return None
    return m


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # KiB on Linux


def process_partition(part: Partition, outdir: str, settings: Settings | None = None,
                      fault: Fault | None = None, item_timeout: float | None = None) -> dict[str, Any]:
    """Read, flatten and write one partition; returns its manifest (counts, timing, worker, peak RSS).

    An article that takes longer than ``item_timeout`` seconds becomes an ``errors`` row (local engine).
    """
    settings = settings or Settings()
    if threading.current_thread() is not threading.main_thread():
        # A dask worker runs this in a thread beside its event loop; each time the loop wakes (heartbeats,
        # messages) it asks for the GIL, and with the default 5 ms switch interval the hand-overs cost this
        # CPU-bound task 5-10 % of its CPU (bench_scale: 130-136 → 148-149 articles per CPU-second).  A
        # 50 ms interval keeps the loop answering well within dask's timeouts.
        sys.setswitchinterval(0.05)
    out = Path(outdir)
    t0, cpu0, started = time.perf_counter(), time.process_time(), time.time()
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    for item in part.items:
        try:
            with deadline(item_timeout):
                rec = read_item(item, settings)
        except Exception as e:  # noqa: BLE001 - one bad article must not sink the other thousands
            log.debug("failed %s: %s", item.ref, e)
            rows["errors"].append(error_row(item, part.pid, e))
            continue
        for table, rs in record_rows(rec, part.pid).items():
            rows[table].extend(rs)
        del rec
    for table in TABLES:
        _write_atomic(table_path(out, table, part), _parquet_writer(rows[table], SCHEMAS[table]))
        if table == "records" and fault is not None:
            fault.strike(part.pid)  # tests: fail mid-partition, after a table is already in place
    manifest = {
        "partition": part.pid, "name": part.name, "digest": part.digest, "inputs": len(part.items),
        "first": part.items[0].ref if part.items else None, "last": part.items[-1].ref if part.items else None,
        **{t: len(rows[t]) for t in TABLES},
        "seconds": round(time.perf_counter() - t0, 4), "cpu_seconds": round(time.process_time() - cpu0, 4),
        "started": started, "finished": time.time(),
        "peak_rss_mb": round(_peak_rss_mb(), 1),
        "worker_pid": os.getpid(), "host": socket.gethostname(),
    }
    _write_atomic(marker_path(out, part), lambda fh: fh.write(json.dumps(manifest, indent=1).encode()))
    return manifest
