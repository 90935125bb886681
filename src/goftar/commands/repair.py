"""`goftar repair`: print repaired text, its edits (--diff) or both as JSON (--json)."""
from __future__ import annotations

import json

import click

from ..api import repair_stages
from ..model import Document
from ..pipeline import run
from .common import digits_option, read_text_arg, settings_from


@click.command("repair")
@click.argument("path", metavar="FILE|-")
@click.option("--diff", "show_diff", is_flag=True, help="Show each edit with its reason and raw offsets.")
@click.option("--json", "as_json", is_flag=True, help="Print the text and the edits (raw offsets) as JSON.")
@digits_option
@click.option("--no-reflow", is_flag=True, help="Keep line breaks as they are.")
@click.option("--no-zwnj", is_flag=True, help="Do not restore half-spaces.")
@click.option("--keep-diacritics", is_flag=True, help="Keep Arabic diacritics (harakat).")
def repair_cmd(path: str, show_diff: bool, as_json: bool, digits: str, no_reflow: bool, no_zwnj: bool,
               keep_diacritics: bool) -> None:
    """Repair FILE (or - for standard input): half-spaces, wrapped lines, letters, digits, bidi marks.

    Prints the repaired text, paragraphs separated by one blank line.
    """
    text, name = read_text_arg(path)
    settings = settings_from(digits, reflow=not no_reflow, zwnj=not no_zwnj, drop_diacritics=not keep_diacritics)
    doc = run(Document(text, {"source": {"path": name}}), repair_stages(), settings)
    if as_json:
        out = {"text": doc.text, "edits": [e.to_json() for e in doc.edits]}
        click.echo(json.dumps(out, ensure_ascii=False, indent=1))
    elif show_diff:
        for e in doc.edits:
            line = doc.raw.count("\n", 0, e.raw_start) + 1
            click.echo(f"{line}:{e.raw_start}-{e.raw_end}\t{e.reason}\t{e.before!r} → {e.after!r}")
        click.echo(f"# {len(doc.edits)} edits", err=True)
    else:
        click.echo(doc.text)


commands = [repair_cmd]
