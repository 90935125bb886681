"""Helpers shared by the command modules: reading an input argument, settings from flags."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import InputError
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
    if path == "-":
        data = sys.stdin.buffer.read()
        name = None
    else:
        p = Path(path)
        if p.is_dir():
            raise InputError(f"{path}: is a folder; this command takes one file (or - for standard input)")
        try:
            data = p.read_bytes()
        except FileNotFoundError:
            raise InputError(f"{path}: no such file") from None
        except OSError as e:
            raise InputError(f"{path}: cannot read ({e.strerror or e})") from None
        name = str(p)
    from ..readers.encoding import decode

    return decode(data, name or "<stdin>"), name
