"""`goftar serve` (the web app and JSON API over an archive) and `goftar demo` (the examples, served)."""
from __future__ import annotations

import ipaddress
import os
import shutil
import tempfile
from pathlib import Path

import click

from ..errors import GoftarError, InputError


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")


def _hosts(host: str) -> list[str] | None:
    """Host names the server answers to: the loopback names when bound to loopback, else any."""
    if not _is_loopback(host):
        return None
    return [*LOOPBACK_NAMES, f"[{host}]" if ":" in host else host]


def _run(app: object, host: str, port: int) -> None:
    try:
        import uvicorn
    except ImportError:
        raise GoftarError("the web app needs the serve extra: pip install 'goftar[serve]'") from None
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)  # type: ignore[arg-type]
    except OSError as e:
        raise GoftarError(f"cannot listen on {host}:{port} ({e.strerror or e})") from None


@click.command("serve")
@click.option("--db", "db", required=True, type=click.Path(dir_okay=False), help="The archive file (goftar archive …).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback by default).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--allow-ingest", is_flag=True, help="Allow writes (POST /api/ingest) with a bearer token.")
@click.option("--token", envvar="GOFTAR_TOKEN", help="Bearer token for writes (default: a new random one, printed).")
def serve_cmd(db: str, host: str, port: int, allow_ingest: bool, token: str | None) -> None:
    """Serve the archive DB as a right-to-left web app with a JSON API (docs at /docs).

    Read-only unless --allow-ingest; writes then need the token as
    'Authorization: Bearer TOKEN'.
    """
    from ..serve import create_app

    path = Path(db)
    if not allow_ingest and not path.exists():
        raise InputError(f"{db}: no such archive (build one with goftar archive, or pass --allow-ingest)")
    if path.is_dir():
        raise InputError(f"{db}: is a folder, not an archive file")
    app = create_app(path, allow_ingest=allow_ingest, token=token, allowed_hosts=_hosts(host))
    try:
        app.state.archive.call("stats")
    except GoftarError as e:
        raise InputError(f"{db}: cannot open the archive ({e})") from None
    except Exception as e:  # noqa: BLE001 - sqlite/tantivy errors become one line
        raise InputError(f"{db}: cannot open the archive ({type(e).__name__}: {e})") from None
    if not _is_loopback(host):
        click.echo(f"goftar: warning: listening on {host}, reachable from other machines", err=True)
    click.echo(f"goftar: serving {db} at http://{host}:{port}/ ({'writes allowed' if allow_ingest else 'read-only'})",
               err=True)
    if allow_ingest and not token:
        click.echo(f"goftar: write token: {app.state.token}", err=True)
    _run(app, host, port)


@click.command("demo")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--db", "db", type=click.Path(dir_okay=False), default=None,
              help="Where to build the demo archive (default: a fresh temporary folder).")
def demo_cmd(host: str, port: int, db: str | None) -> None:
    """Read the bundled example articles into a fresh archive and serve it."""
    from ..serve import create_app
    from ..serve.app import iter_example_texts, read_now

    examples = list(iter_example_texts())
    if not examples:
        raise GoftarError("no bundled example articles found (goftar/data/examples)")
    tmp = None
    if db is None:
        tmp = tempfile.mkdtemp(prefix="goftar-demo-")
        db = os.path.join(tmp, "demo.db")
    elif Path(db).exists():
        raise InputError(f"{db}: already exists; the demo builds a fresh archive")
    app = create_app(db, allow_ingest=True)
    click.echo(f"goftar: reading {len(examples)} example articles into {db}", err=True)
    records = []
    for name, text in examples:
        rec = read_now(text)
        rec.setdefault("source", {})["path"] = f"examples/{name}"
        records.append(rec)
    app.state.archive.call("ingest_records", records)
    app.state.archive.close()
    served = create_app(db, allowed_hosts=_hosts(host))  # the demo itself is read-only
    click.echo(f"goftar: open http://{host}:{port}/ (Ctrl-C to stop)", err=True)
    try:
        _run(served, host, port)
    finally:
        served.state.archive.close()
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)


commands = [serve_cmd, demo_cmd]
