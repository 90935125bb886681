"""`goftar batch`: read many reports into Parquet tables, on local processes or a Dask cluster."""
from __future__ import annotations

import json
import os
from typing import Any

import click

from ..errors import GoftarError
from .common import digits_option, settings_from


@click.command("batch")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("-o", "--output", "outdir", required=True, metavar="OUTDIR",
              help="Folder for the Parquet tables; an existing batch folder is resumed.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default=None,
              help="local: processes on this machine (default); dask: a Dask scheduler or LocalCluster.")
@click.option("--scheduler", metavar="tcp://HOST:8786", default=None,
              help="Address of a running Dask scheduler (implies --engine dask).")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Worker processes (local, or the LocalCluster of --engine dask). Default: one per core.")
@click.option("--partition-size", type=click.IntRange(min=1), default=None,
              help="Articles per partition (one Parquet file per table). Default: 500.")
@click.option("--retries", type=click.IntRange(min=0), default=2, show_default=True,
              help="Times a failed partition is tried again.")
@click.option("--item-timeout", type=click.FloatRange(min=0), default=300.0, show_default=True,
              help="Seconds one article may take before it becomes an error row (local engine; 0: no limit).")
@digits_option
@click.option("--no-attribute", is_flag=True, help="Skip attribution (quotes, people, events).")
@click.option("--json", "as_json", is_flag=True, help="Print the run summary as JSON.")
@click.option("-q", "--quiet", is_flag=True, help="No progress lines on standard error.")
def batch_cmd(inputs: tuple[str, ...], outdir: str, engine: str | None, scheduler: str | None,
              workers: int | None, partition_size: int | None, retries: int, item_timeout: float, digits: str, no_attribute: bool,
              as_json: bool, quiet: bool) -> None:
    """Read every INPUT (files, folders, JSONL of {id, text|html|path}) into Parquet tables under OUTDIR.

    Tables: records/ (one row per article, record_json = the full record), quotes/, people/, events/,
    errors/ (inputs that could not be read, with the reason).  Each partition is written atomically;
    running the same command again resumes and skips finished partitions.
    """
    from ..scale import DEFAULT_PARTITION_SIZE, Fault, run_batch

    engine = engine or ("dask" if scheduler else "local")
    settings = settings_from(digits, attribute=not no_attribute)

    def progress(m: dict[str, Any]) -> None:
        if not quiet:
            click.echo(f"{m['name']}: {m['records']} read, {m['errors']} failed in {m['seconds']:.1f} s "
                       f"(worker {m['worker_pid']}, peak {m['peak_rss_mb']:.0f} MB)", err=True)

    res = run_batch(inputs, outdir, engine=engine, workers=workers, scheduler=scheduler,
                    partition_size=partition_size or DEFAULT_PARTITION_SIZE, settings=settings, retries=retries,
                    fault=Fault.parse(os.environ.get("GOFTAR_SCALE_FAULT")), item_timeout=item_timeout or None,
                    on_partition=progress)
    if as_json:
        click.echo(json.dumps(res.to_json(), ensure_ascii=False, indent=1))
    else:
        click.echo(f"{res.outdir}: {res.records} records, {res.errors} errors from {res.inputs} inputs in "
                   f"{res.partitions} partitions ({res.skipped} already done) — {res.seconds:.1f} s, "
                   f"{res.rate:.1f} articles/s on {res.workers} {res.engine} workers, "
                   f"peak {res.peak_rss_mb:.0f} MB per worker")
    if res.failures:
        names = ", ".join(f"part-{f.partition:06d}" for f in res.failures[:5])
        raise GoftarError(f"{len(res.failures)} partitions failed after retries ({names}: "
                          f"{res.failures[0].reason}); run the same command again to retry them")


commands = [batch_cmd]
