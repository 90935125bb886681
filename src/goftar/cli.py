"""The `goftar` command: parses, calls the core, prints.  Errors become a message and an exit code.

Each command group lives in ``goftar.commands.<name>`` and exposes ``commands``
(top-level commands) and optionally ``eval_commands`` (subcommands of ``goftar eval``).
"""
from __future__ import annotations

import importlib
import importlib.util
import os
import sys

import click

from . import __version__
from .errors import GoftarError

COMMAND_MODULES = ("repair", "read", "eval_zwnj", "eval_reader", "eval_attribution", "archive", "serve", "batch")


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="goftar")
def main() -> None:
    """goftar (گفتار): repair and read Persian news reports — who said what, to whom, where and when."""


@main.group("eval")
def eval_group() -> None:
    """Measure quality on held-out data (precision / recall / F1, speed)."""


for _name in COMMAND_MODULES:
    _modname = f"goftar.commands.{_name}"
    if importlib.util.find_spec(_modname) is None:
        continue
    _mod = importlib.import_module(_modname)
    for _cmd in getattr(_mod, "commands", ()):
        main.add_command(_cmd)
    for _cmd in getattr(_mod, "eval_commands", ()):
        eval_group.add_command(_cmd)


def run() -> None:
    """Console entry point: no tracebacks for the user unless GOFTAR_DEBUG is set."""
    try:
        main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("goftar: aborted", err=True)
        sys.exit(130)
    except click.ClickException as e:
        e.show()
        sys.exit(e.exit_code)
    except click.exceptions.Exit as e:
        sys.exit(e.exit_code)
    except GoftarError as e:
        click.echo(f"goftar: error: {e}", err=True)
        sys.exit(e.exit_code)
    except KeyboardInterrupt:
        click.echo("goftar: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as e:  # noqa: BLE001 - last resort: a message, not a traceback
        if os.environ.get("GOFTAR_DEBUG"):
            raise
        click.echo(f"goftar: internal error: {type(e).__name__}: {e} (set GOFTAR_DEBUG=1 for a traceback)", err=True)
        sys.exit(70)


if __name__ == "__main__":
    run()
