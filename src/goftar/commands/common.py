"""Helpers shared by the command modules: reading an input argument, settings from flags."""
from __future__ import annotations

import sys
import click

from ..settings import Settings

digits_option = click.option(
    "--digits",
    type=click.Choice(["fa", "latin", "keep"]),
    default="fa",
    show_default=True,
    help="fa: Arabic-Indic digits become Persian (Latin kept); latin: all digits 0-9; keep: untouched.",
)


def settings_from(digits: str = "fa", **kw: object) -> Settings:
    return Settings(digits=digits, **kw)  # type: ignore[arg-type]


def read_text_arg(path: str) -> tuple[str, str | None]:
    """Text of a FILE argument or '-' (stdin), decoded; raises InputError with a clear reason."""
    from ..readers import read_file_bytes
    from ..readers.encoding import decode

    if path == "-":
        return decode(sys.stdin.buffer.read(), "<stdin>"), None
    return decode(read_file_bytes(path), path), path
