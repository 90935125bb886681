"""Scale-out: the same reading as ``goftar read``, partition by partition, on processes or a Dask cluster.

``run_batch(inputs, outdir, engine="local"|"dask", ...)`` plans deterministic
partitions (:mod:`.inputs`), runs each through :func:`.work.process_partition`
(public API → record → Parquet rows, written atomically per partition) on an
engine (:mod:`.engines`), and resumes an interrupted run in the same OUTDIR.
``read_table(outdir, "records")`` loads a finished table.  See docs/cluster.md.
"""
from __future__ import annotations

from .batch import DEFAULT_PARTITION_SIZE, BatchResult, finished_partitions, read_table, run_batch
from .faults import Fault
from .inputs import Item, Partition, discover, partitions
from .work import SCHEMAS, TABLES, process_partition, read_item

__all__ = [
    "BatchResult", "DEFAULT_PARTITION_SIZE", "Fault", "Item", "Partition", "SCHEMAS", "TABLES", "discover",
    "finished_partitions", "partitions", "process_partition", "read_item", "read_table", "run_batch",
]
