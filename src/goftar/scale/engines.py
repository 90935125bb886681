"""Engines run partitions somewhere and yield their manifests as they finish.

Both engines take a lazy iterator of partitions and keep only a bounded
number in flight (``2 × workers``), so the driver never materialises the
whole plan.  A partition whose task fails is resubmitted up to ``retries``
times; one that still fails is reported, not fatal — a later run over the same
OUTDIR picks it up again (finished partitions are skipped).

* ``local``: a :class:`~concurrent.futures.ProcessPoolExecutor` (processes
  forked from a warmed fork server).  A worker process that dies breaks the
  pool: the pool is rebuilt and the partitions that were in flight are rerun
  one at a time, so only the one that kills its worker uses up its retries.
* ``dask``: a ``distributed`` client on a given scheduler, or on a
  LocalCluster of N single-threaded worker processes.  Tasks carry dask
  ``retries=``; a worker that dies has its tasks rescheduled by the
  scheduler, and a task that exhausts the scheduler's patience
  (``KilledWorker``) is resubmitted here.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
import uuid
from collections import deque
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any, Iterator

from ..errors import GoftarError
from ..settings import Settings
from .faults import Fault
from .inputs import Partition
from .work import process_partition

log = logging.getLogger(__name__)


#: Dask settings for the LocalCluster we start.  A worker runs its task in a thread beside an event loop; the
#: statistical profiler (every 10 ms), the blocked-loop tick (20 ms) and the system and memory monitors wake
#: that loop and take the GIL from the task: together 5-15 % of a worker's CPU on this workload.
QUIET_WORKERS = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.worker.memory.monitor-interval": "1s",
}


@dataclass
class Failure:
    """A partition that failed every attempt."""

    partition: int
    reason: str


@dataclass
class _Retrier:
    """Bookkeeping shared by the engines: a queue of partitions to (re)submit and the attempts so far."""

    parts: Iterator[Partition]
    retries: int
    queue: deque[Partition] = field(default_factory=deque)
    attempts: dict[int, int] = field(default_factory=dict)
    failures: list[Failure] = field(default_factory=list)

    def next(self) -> Partition | None:
        if self.queue:
            return self.queue.popleft()
        return next(self.parts, None)

    def failed(self, part: Partition, reason: str, requeue: bool = True) -> bool:
        """Count a failed attempt; True (and queued again unless ``requeue`` is False) if retries remain."""
        n = self.attempts.get(part.pid, 0) + 1
        self.attempts[part.pid] = n
        if n > self.retries:
            log.warning("%s failed %d times, giving up: %s", part.name, n, reason)
            self.failures.append(Failure(part.pid, reason))
            return False
        log.info("%s failed (attempt %d), retrying: %s", part.name, n, reason)
        if requeue:
            self.queue.append(part)
        return True


def _warm(settings: Settings) -> None:
    """Worker initializer: import the pipeline and load its lazy data once, before the first partition.

    ``gc.freeze()`` then moves what is loaded so far (lexicons, and in a dask worker the whole of
    ``distributed``) out of the cyclic collector's reach, so its full collections during reading stop
    re-scanning objects that live as long as the worker.
    """
    import gc

    from .. import api

    try:
        api.record(api.read_text("گفتار", settings))
    except Exception:  # noqa: BLE001 - warming is an optimisation; real errors surface per article
        pass
    gc.freeze()


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def run_local(parts: Iterator[Partition], outdir: str, settings: Settings, workers: int, retries: int = 2,
              fault: Fault | None = None, failures: list[Failure] | None = None,
              item_timeout: float | None = None) -> Iterator[dict[str, Any]]:
    """Run partitions on ``workers`` local processes; yields each finished partition's manifest.

    Partitions that fail every attempt are appended to ``failures``.
    """
    # forkserver: a clean server process (no threads inherited from the caller) imports and warms the
    # pipeline once; each worker forks from it, so a pool (or a rebuilt one) starts in milliseconds
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["goftar.scale._preload"])
    r = _Retrier(parts, retries)

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(workers, mp_context=ctx, initializer=_warm, initargs=(settings,))

    pool = new_pool()
    pending: dict[Future[dict[str, Any]], Partition] = {}
    # A dying worker breaks the whole pool and fails every partition in flight, so the culprit is unknown:
    # those partitions become suspects and are rerun one at a time, where a death is attributable.
    suspects: deque[Partition] = deque()
    isolated = False
    try:
        while True:
            if suspects:
                if not pending:
                    part = suspects.popleft()
                    pending[pool.submit(process_partition, part, outdir, settings, fault, item_timeout)] = part
                    isolated = True
            else:
                isolated = False
                while len(pending) < 2 * workers and (nxt := r.next()) is not None:
                    pending[pool.submit(process_partition, nxt, outdir, settings, fault, item_timeout)] = nxt
            if not pending:
                break
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            broken = False
            for fut in done:
                part = pending.pop(fut)
                try:
                    yield fut.result()
                except BrokenProcessPool:
                    broken = True
                    if isolated:  # it killed its worker on its own: retry it alone again
                        if r.failed(part, "its worker process died", requeue=False):
                            suspects.appendleft(part)
                    else:
                        suspects.append(part)
                except Exception as e:  # noqa: BLE001 - a failed task is retried, then reported
                    r.failed(part, f"{type(e).__name__}: {e}")
            if broken:  # the pool is unusable: resubmit what was in flight on a fresh one
                log.warning("a worker process died; restarting the pool, %d partitions to rerun one at a time",
                            len(suspects) + len(pending))
                suspects.extend(pending.values())
                pending.clear()
                pool.shutdown(wait=False, cancel_futures=True)
                pool = new_pool()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        if failures is not None:
            failures.extend(r.failures)


def run_dask(parts: Iterator[Partition], outdir: str, settings: Settings, workers: int | None,
             scheduler: str | None = None, retries: int = 2, fault: Fault | None = None,
             failures: list[Failure] | None = None, item_timeout: float | None = None) -> Iterator[dict[str, Any]]:
    """Run partitions on a dask cluster; yields each finished partition's manifest.

    With ``scheduler`` (``tcp://host:8786``) the workers must share ``outdir``'s file system and have goftar
    installed; without it a LocalCluster of ``workers`` single-threaded processes is started and stopped here.
    """
    try:
        from distributed import Client, LocalCluster, as_completed
        from distributed.scheduler import KilledWorker
    except ImportError:
        raise GoftarError("the dask engine needs dask[distributed]: pip install 'goftar[scale]'") from None

    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout="20s")
        else:
            import dask

            with dask.config.set(QUIET_WORKERS):
                cluster = LocalCluster(n_workers=workers or default_workers(), threads_per_worker=1,
                                       processes=True, dashboard_address=":0", silence_logs=logging.CRITICAL)
            client = Client(cluster)
    except (OSError, ValueError, TypeError) as e:  # unreachable, timed out, or not an address
        raise GoftarError(f"cannot reach the dask scheduler {scheduler or '(local)'}: {e}") from None

    run_token = uuid.uuid4().hex[:8]
    r = _Retrier(parts, retries)

    def capacity() -> int:
        """Partitions to keep in flight: two per worker thread the scheduler has now (clusters grow)."""
        try:
            return max(2, 2 * sum(client.nthreads().values()))
        except Exception:  # noqa: BLE001 - a scheduler hiccup: keep going with a small window
            return 2

    try:
        client.run(_warm, settings)
        futures: dict[Any, Partition] = {}
        ac = as_completed()

        def submit(part: Partition) -> None:
            attempt = r.attempts.get(part.pid, 0)
            fut = client.submit(process_partition, part, outdir, settings, fault, item_timeout,
                                retries=retries, pure=False, key=f"goftar-batch-{run_token}-{part.name}-{attempt}")
            futures[fut] = part
            ac.add(fut)

        def refill() -> None:
            limit = capacity()
            while len(futures) < limit and (nxt := r.next()) is not None:
                submit(nxt)

        refill()
        for fut in ac:
            part = futures.pop(fut)
            try:
                yield fut.result()
            except KilledWorker as e:  # the scheduler saw its workers die too often: resubmit here
                r.failed(part, f"KilledWorker: {e}")
            except Exception as e:  # noqa: BLE001 - the task raised on every one of dask's retries
                r.attempts[part.pid] = retries
                r.failed(part, f"{type(e).__name__}: {e}")
            fut.release()
            refill()
    finally:
        if failures is not None:
            failures.extend(r.failures)
        client.close()
        if cluster is not None:
            cluster.close()
