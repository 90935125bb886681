"""The batch driver: plan partitions, skip finished ones, run the rest on an engine, summarise.

OUTDIR layout::

    OUTDIR/_run.json                  what this OUTDIR holds (partition size, settings, inputs digest)
    OUTDIR/_lock                      host and pid of the driver writing it now (one driver at a time)
    OUTDIR/_manifest/part-NNNNNN.json one marker per finished partition (written last)
    OUTDIR/records/part-NNNNNN.parquet   one row per article (record_json = the full public record)
    OUTDIR/quotes/ people/ events/       flattened rows keyed by article id
    OUTDIR/errors/                       one row per input that could not be read, with the reason

Running again over the same OUTDIR resumes: partitions with a marker naming the
same items are skipped.  A different partition size, settings or input list
is refused rather than mixed into the same tables.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import socket
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from ..errors import InputError
from ..settings import Settings
from .engines import Failure, default_workers, run_dask, run_local
from .faults import Fault
from .inputs import Partition, discover, partitions
from .work import MANIFEST_DIR, TABLES, marker_path, read_marker, table_path

RUN_FILE = "_run.json"
LOCK_FILE = "_lock"
DEFAULT_PARTITION_SIZE = 500


@dataclass
class BatchResult:
    """What a run did: counts over the partitions it processed (skipped ones are counted apart)."""

    outdir: str
    engine: str
    workers: int
    partitions: int = 0
    skipped: int = 0
    inputs: int = 0
    records: int = 0
    errors: int = 0
    quotes: int = 0
    people: int = 0
    events: int = 0
    seconds: float = 0.0
    peak_rss_mb: float = 0.0
    worker_pids: set[int] = field(default_factory=set)
    failures: list[Failure] = field(default_factory=list)
    skipped_files: int = 0
    #: summed time workers spent inside partitions, and the wall-clock window from the first partition's
    #: start to the last one's end (excludes starting processes or a cluster)
    busy_seconds: float = 0.0
    cpu_seconds: float = 0.0
    first_start: float | None = None
    last_finish: float | None = None

    @property
    def rate(self) -> float:
        """Articles (read or failed) per second of wall time over the processed partitions."""
        return self.inputs / self.seconds if self.seconds > 0 else 0.0

    @property
    def steady_rate(self) -> float:
        """Articles per second between the first partition's start and the last one's end."""
        if self.first_start is None or self.last_finish is None or self.last_finish <= self.first_start:
            return 0.0
        return self.inputs / (self.last_finish - self.first_start)

    def add(self, m: dict[str, Any]) -> None:
        self.partitions += 1
        self.inputs += m["inputs"]
        for k in ("records", "errors", "quotes", "people", "events"):
            setattr(self, k, getattr(self, k) + m[k])
        self.peak_rss_mb = max(self.peak_rss_mb, m.get("peak_rss_mb", 0.0))
        self.worker_pids.add(m.get("worker_pid", 0))
        self.busy_seconds += m.get("seconds", 0.0)
        self.cpu_seconds += m.get("cpu_seconds", 0.0)
        if "started" in m:
            self.first_start = m["started"] if self.first_start is None else min(self.first_start, m["started"])
            self.last_finish = m["finished"] if self.last_finish is None else max(self.last_finish, m["finished"])

    def to_json(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["worker_pids"] = sorted(self.worker_pids)
        d["rate"] = round(self.rate, 2)
        d["steady_rate"] = round(self.steady_rate, 2)
        d["seconds"] = round(self.seconds, 3)
        return d


def _run_info(files: tuple[str, ...], size: int, settings: Settings) -> dict[str, Any]:
    h = hashlib.sha256("\n".join(files).encode("utf-8", "surrogateescape")).hexdigest()
    return {"format": 1, "partition_size": size, "settings": dataclasses.asdict(settings),
            "inputs_sha256": h, "files": len(files), "tables": list(TABLES)}


def _check_outdir(out: Path, info: dict[str, Any]) -> None:
    """Create OUTDIR, or make sure an existing one was written by the same kind of run."""
    if out.exists() and not out.is_dir():
        raise InputError(f"{out}: exists and is not a folder")
    run_file = out / RUN_FILE
    if run_file.exists():
        try:
            old = json.loads(run_file.read_text("utf-8"))
        except (OSError, ValueError):
            raise InputError(f"{run_file}: unreadable; use a new output folder") from None
        for key, what in (("partition_size", "--partition-size"), ("settings", "settings"),
                          ("inputs_sha256", "list of inputs")):
            if old.get(key) != info[key]:
                was = "" if key == "inputs_sha256" else f" ({old.get(key)!r})"
                raise InputError(f"{out} holds a run with a different {what}{was}; "
                                 "use a new output folder to start over")
        return
    if out.exists() and any(out.iterdir()):
        raise InputError(f"{out}: folder is not empty and holds no goftar batch run; use a new output folder")
    out.mkdir(parents=True, exist_ok=True)
    run_file.write_text(json.dumps(info, indent=1, ensure_ascii=False), "utf-8")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextmanager
def _driver_lock(out: Path) -> Iterator[None]:
    """One driver per OUTDIR: ``_lock`` names its host and pid; a lock left by a dead process here is taken over."""
    lock = out / LOCK_FILE
    me = {"host": socket.gethostname(), "pid": os.getpid()}
    for _ in range(2):
        try:
            fd = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            try:
                other = json.loads(lock.read_text("utf-8"))
            except (OSError, ValueError):
                other = {}
            if other.get("host") == me["host"] and isinstance(other.get("pid"), int) and not _alive(other["pid"]):
                lock.unlink(missing_ok=True)  # left by a run that was killed: take over
                continue
            raise InputError(f"{out} is being written by another goftar batch (pid {other.get('pid')} on "
                             f"{other.get('host')}); if that run is gone, delete {lock}") from None
        with os.fdopen(fd, "w") as fh:
            json.dump(me, fh)
        break
    try:
        yield
    finally:
        lock.unlink(missing_ok=True)


def run_batch(inputs: Iterable[str | Path], outdir: str | Path, *, engine: str = "local",
              workers: int | None = None, scheduler: str | None = None,
              partition_size: int = DEFAULT_PARTITION_SIZE, settings: Settings | None = None,
              retries: int = 2, fault: Fault | None = None, item_timeout: float | None = None,
              on_partition: Callable[[dict[str, Any]], None] | None = None) -> BatchResult:
    """Read every input into Parquet tables under ``outdir``; resumes an interrupted run in the same folder.

    ``engine`` is ``"local"`` (processes on this machine) or ``"dask"`` (``scheduler`` address, or a
    LocalCluster of ``workers`` processes).  ``on_partition`` is called with each finished partition's
    manifest.  An article slower than ``item_timeout`` seconds becomes an error row (local engine only).
    Raises :class:`InputError` for unusable inputs or OUTDIR.
    """
    if engine not in ("local", "dask"):
        raise InputError(f"unknown engine {engine!r}; use local or dask")
    if scheduler and engine != "dask":
        raise InputError("--scheduler needs --engine dask")
    if workers is not None and workers < 1:
        raise InputError(f"--workers must be at least 1, not {workers}")
    if partition_size < 1:
        raise InputError(f"--partition-size must be at least 1, not {partition_size}")
    settings = settings or Settings()
    disc = discover(inputs)
    out = Path(outdir).resolve()
    _check_outdir(out, _run_info(disc.files, partition_size, settings))
    nworkers = workers or default_workers()
    result = BatchResult(str(out), engine, nworkers, skipped_files=disc.skipped)

    def todo() -> Iterator[Partition]:
        for part in partitions(disc.files, partition_size):
            if read_marker(out, part) is not None:
                result.skipped += 1
            else:
                yield part

    failures: list[Failure] = []
    with _driver_lock(out):
        t0 = time.perf_counter()
        if engine == "local":
            stream = run_local(todo(), str(out), settings, nworkers, retries, fault, failures, item_timeout)
        else:
            stream = run_dask(todo(), str(out), settings, workers, scheduler, retries, fault, failures,
                              item_timeout)
        for manifest in stream:
            result.add(manifest)
            if on_partition is not None:
                on_partition(manifest)
        result.seconds = time.perf_counter() - t0
        result.failures = failures
        _sweep_temporaries(out)
    return result


def _sweep_temporaries(out: Path) -> None:
    """Remove temporary files a killed writer left behind (hidden ``.part-*.tmp`` names)."""
    for d in [out / t for t in TABLES] + [out / MANIFEST_DIR]:
        if d.is_dir():
            for f in d.glob(".*.tmp"):
                f.unlink(missing_ok=True)


def finished_partitions(outdir: str | Path) -> list[str]:
    """Names of the partitions of ``outdir`` that have a marker, in order."""
    d = Path(outdir) / MANIFEST_DIR
    return sorted(p.stem for p in d.glob("part-*.json")) if d.is_dir() else []


def read_table(outdir: str | Path, table: str) -> Any:
    """One output table of ``outdir`` as a ``pyarrow.Table``, from finished partitions only, in order."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from .work import SCHEMAS

    if table not in SCHEMAS:
        raise InputError(f"no table {table!r}; tables are {', '.join(TABLES)}")
    out = Path(outdir)
    parts = [pq.read_table(table_path(out, table, name)) for name in finished_partitions(out)
             if table_path(out, table, name).exists()]
    return pa.concat_tables(parts) if parts else SCHEMAS[table].empty_table()


__all__ = ["BatchResult", "DEFAULT_PARTITION_SIZE", "finished_partitions", "marker_path", "read_table",
           "run_batch"]
