"""`goftar read`: one JSON record per article (a file, standard input or a folder); `goftar schema`."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, TextIO

import click

from ..errors import GoftarError, InputError
from .common import digits_option, settings_from


def _read_one(source: Path | None, settings: Any) -> dict[str, Any]:
    from ..api import read_document, record
    from ..readers import load, load_bytes

    if source is None:
        doc = load_bytes(sys.stdin.buffer.read(), None)
    else:
        doc = load(source)
    return record(read_document(doc, settings))


def _summary(rec: dict[str, Any]) -> str:
    """A readable summary of one record."""
    src = rec.get("source") or {}
    lines = [f"# {src.get('path') or '<stdin>'} ({src.get('kind')}, {src.get('bytes')} bytes)"]
    for label, key in (("title", "title"), ("kicker", "kicker"), ("lead", "lead"), ("agency", "agency"),
                       ("source", "original_source"), ("published", "published")):
        if rec.get(key):
            lines.append(f"{label:10s} {rec[key]}")
    if rec.get("tags"):
        lines.append(f"{'tags':10s} {' · '.join(rec['tags'])}")
    lines.append(f"{'body':10s} {len(rec.get('paragraphs') or [])} paragraphs")
    for p in rec.get("paragraphs") or []:
        lines.append(f"  {p}")
    for w in rec.get("warnings") or []:
        lines.append(f"warning    {w}")
    return "\n".join(lines)


def _emit(rec: dict[str, Any], out: TextIO, as_json: bool, jsonl: bool) -> None:
    if as_json:
        out.write(json.dumps(rec, ensure_ascii=False, indent=None if jsonl else 1) + "\n")
    else:
        out.write(_summary(rec) + "\n\n")


def _read_folder(folder: Path, settings: Any, out: TextIO, as_json: bool) -> int:
    """Read every file of ``folder``; a bad file is reported and skipped.  Returns how many failed."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from ..readers import iter_inputs

    files = list(iter_inputs(folder))
    if not files:
        raise InputError(f"{folder}: no readable files in the folder")
    failures: list[tuple[Path, str]] = []
    show = sys.stderr.isatty() and len(files) >= 20
    with Progress(TextColumn("reading"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  transient=True, disable=not show) as bar:
        task = bar.add_task("read", total=len(files))
        for path in files:
            try:
                rec = _read_one(path, settings)
            except GoftarError as e:
                failures.append((path, str(e)))
            except Exception as e:  # noqa: BLE001 - one bad file never stops the run
                failures.append((path, f"{path}: internal error: {type(e).__name__}: {e}"))
            else:
                _emit(rec, out, as_json, jsonl=True)
            bar.advance(task)
    ok = len(files) - len(failures)
    click.echo(f"goftar: read {ok} of {len(files)} files", err=True)
    if failures:
        click.echo(f"goftar: {len(failures)} failed:", err=True)
        for _path, reason in failures:
            click.echo(f"  {reason}", err=True)
    return len(failures)


@click.command("read")
@click.argument("path", metavar="PATH|-")
@click.option("--json", "as_json", is_flag=True, help="Print the record as JSON (JSON Lines for a folder).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write records (JSON Lines) to this file instead of standard output.")
@digits_option
@click.option("--no-attribute", is_flag=True, help="Structure only: skip quotes, people, places, events.")
def read_cmd(path: str, as_json: bool, output: str | None, digits: str, no_attribute: bool) -> None:
    """Read an article (text, PDF or HTML file, a folder of them, or - for standard input).

    Prints a readable summary, or with --json the public record (see `goftar schema`):
    title, kicker, lead, paragraphs, agency, original_source, tags, published, quotes, people …
    For a folder, one record per line; bad files are reported and skipped; the exit code is 1
    when any file failed.
    """
    settings = settings_from(digits, attribute=not no_attribute)
    out: TextIO = open(output, "w", encoding="utf-8") if output else sys.stdout
    as_json = as_json or bool(output)
    try:
        if path != "-" and Path(path).is_dir():
            failed = _read_folder(Path(path), settings, out, as_json)
            if failed:
                sys.exit(1)
            return
        if path != "-" and not Path(path).exists():
            raise InputError(f"{path}: no such file or folder")
        rec = _read_one(None if path == "-" else Path(path), settings)
        _emit(rec, out, as_json, jsonl=bool(output))
    finally:
        if output:
            out.close()


@click.command("schema")
def schema_cmd() -> None:
    """Print the JSON Schema of the record `goftar read --json` writes."""
    from importlib.resources import files

    click.echo(files("goftar.schema").joinpath("record.schema.json").read_text(encoding="utf-8"))


commands = [read_cmd, schema_cmd]
