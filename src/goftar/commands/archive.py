"""Archive commands: ingest, reindex, search, quotes, people, person, stats, check, export.

Each command opens :class:`goftar.archive.Archive`, calls one method and prints;
archive errors become ``goftar: error: <reason>`` and a non-zero exit.
"""
from __future__ import annotations

import json
import sys
from typing import Any

import click

db_option = click.option("--db", "db", required=True, metavar="FILE", envvar="GOFTAR_DB",
                         help="The archive (SQLite file; its index is FILE.index/). Env: GOFTAR_DB.")
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON.")


def _open(db: str, readonly: bool = False) -> Any:
    from ..archive import Archive

    return Archive(db, readonly=readonly)


def _dump(obj: Any) -> None:
    click.echo(json.dumps(obj, ensure_ascii=False, indent=1, default=str))


@click.command("ingest")
@click.argument("paths", nargs=-1, metavar="PATH...")
@db_option
@click.option("--from-parquet", "parquet", metavar="OUTDIR", help="Load records written by `goftar batch` instead.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@json_option
def ingest_cmd(paths: tuple[str, ...], db: str, parquet: str | None, quiet: bool, as_json: bool) -> None:
    """Read files and folders (or batch output) into the archive FILE.

    Idempotent: a file already stored (same bytes) is skipped.  Files that cannot be
    read are listed at the end; they never stop the ingest (exit 1 if any failed).
    """
    if not paths and not parquet:
        raise click.UsageError("give at least one PATH or --from-parquet OUTDIR")
    with _open(db) as arc:
        if parquet:
            report = arc.ingest_parquet(parquet)
            if paths:
                sub = arc.ingest_paths(paths)
                report.added += sub.added
                report.unchanged += sub.unchanged
                report.new_stories += sub.new_stories
                report.failed += sub.failed
        elif quiet or as_json or not sys.stderr.isatty():
            report = arc.ingest_paths(paths)
        else:
            from rich.progress import Progress

            with Progress(transient=True) as bar:
                task = bar.add_task("ingest", total=None)

                def progress(done: int, total: int, path: str) -> None:
                    bar.update(task, completed=done, total=total or None, description=path[-40:])

                report = arc.ingest_paths(paths, progress=progress)
        stats = arc.stats()
    if as_json:
        _dump({**report.to_json(), "archive": stats})
    else:
        click.echo(f"added {report.added}, unchanged {report.unchanged}, new stories {report.new_stories}, "
                   f"failed {len(report.failed)} ({report.seconds:.1f} s); archive: {stats['articles']} articles, "
                   f"{stats['stories']} stories")
        for path, reason in report.failed:
            click.echo(f"  failed: {path}: {reason}", err=True)
    if report.failed:
        sys.exit(1)


@click.command("reindex")
@db_option
def reindex_cmd(db: str) -> None:
    """Rebuild the search index of FILE from the store."""
    with _open(db) as arc:
        arc.reindex()
        n = arc.stats()["articles"]
    click.echo(f"reindexed {n} articles")


@click.command("search")
@click.argument("query", default="")
@db_option
@click.option("--speaker", help="Quoted speaker (any part of the name).")
@click.option("--person", help="A person named in the article.")
@click.option("--place", help="A place named in the article.")
@click.option("--tag", help="A tag of the article.")
@click.option("--agency", help="The agency or original source.")
@click.option("--since", metavar="DATE", help="Published on or after (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--until", metavar="DATE", help="Published on or before.")
@click.option("--limit", default=10, show_default=True, type=click.IntRange(1, 1000))
@click.option("--offset", default=0, type=click.IntRange(0))
@json_option
def search_cmd(query: str, db: str, as_json: bool, limit: int, offset: int, **filters: str | None) -> None:
    """Find articles: words match whatever their half-spaces, "a phrase", prefix*.

    ي/ی, ك/ک, digits, diacritics and tatweel are folded, so «ظرفیت‌ها», «ظرفیتها» and
    «ظرفیت ها» find the same articles.
    """
    with _open(db, readonly=True) as arc:
        res = arc.search(query, limit=limit, offset=offset, **filters)
    if as_json:
        _dump(res.hits)
        return
    click.echo(f"{res.total} articles, {res.stories} stories")
    for h in res.hits:
        click.echo(f"{h['id']}  {h['published'] or '-'}  {h['agency'] or '-'}  story {h['story']}\n  {h['title'] or ''}"
                   f"\n  {h['snippet']}")


@click.command("quotes")
@db_option
@click.option("--speaker", help="Any part of the speaker's name.")
@click.option("--about", metavar="QUERY", help="Words the quote contains (half-space insensitive).")
@click.option("--limit", default=100, show_default=True, type=click.IntRange(1))
@json_option
def quotes_cmd(db: str, speaker: str | None, about: str | None, limit: int, as_json: bool) -> None:
    """Who said what: quotes and reported statements, newest first."""
    with _open(db, readonly=True) as arc:
        rows = arc.quotes(speaker=speaker, about=about, limit=limit)
    if as_json:
        _dump(rows)
        return
    for q in rows:
        kind = "reported" if q["reported"] else (q["kind"] or "quote")
        click.echo(f"{q['published'] or '-'}  {q['speaker'] or '?'} ({q['verb'] or kind}): «{q['text']}»  [{q['article']}]")


@click.command("people")
@db_option
@click.option("--limit", type=click.IntRange(1), help="At most N people.")
@click.option("--name", help="Show one person: titles, roles, quotes, meetings, whom they spoke about.")
@json_option
def people_cmd(db: str, limit: int | None, name: str | None, as_json: bool) -> None:
    """People with their numbers of statements, meetings and articles."""
    with _open(db, readonly=True) as arc:
        if name:
            person = arc.person(name)
            if person is None:
                from ..errors import GoftarError

                raise GoftarError(f"no person matching {name!r} in {db}")
            if as_json:
                _dump(person)
            else:
                click.echo(f"{person['name']}  {'، '.join(person['titles'] + person['roles'])}")
                click.echo(f"  {len(person['quotes'])} statements, {len(person['events'])} meetings, "
                           f"{person['articles']} articles")
                for e in person["events"]:
                    click.echo(f"  met {'، '.join(e['with']) or '?'} {e['date'] or e['published'] or ''}")
            return
        rows = arc.people(limit=limit)
    if as_json:
        _dump(rows)
        return
    for p in rows:
        click.echo(f"{p['statements']:6d} statements {p['meetings']:5d} meetings {p['articles']:6d} articles  {p['name']}")


@click.command("stats")
@db_option
@json_option
def stats_cmd(db: str, as_json: bool) -> None:
    """Counts of articles, stories, quotes, people, places, organisations, events."""
    with _open(db, readonly=True) as arc:
        stats = arc.stats()
    if as_json:
        _dump(stats)
    else:
        for k, v in stats.items():
            click.echo(f"{k:22s}{v}")


@click.command("check")
@db_option
@click.option("--upgrade", is_flag=True, help="Open writable: upgrade an older archive and index what waits.")
def check_cmd(db: str, upgrade: bool) -> None:
    """Check that store and index are consistent: exit 0, else list the problems and exit 1."""
    with _open(db, readonly=not upgrade) as arc:
        problems = arc.check()
        pending = arc.pending()
        n = arc.stats()["articles"]
    for p in problems:
        click.echo(f"problem: {p}", err=True)
    if pending:
        click.echo(f"note: {pending} articles wait to be indexed (an interrupted ingest); "
                   "the next ingest or `goftar reindex` indexes them")
    if problems:
        sys.exit(1)
    click.echo(f"ok: {n} articles, store and index consistent")


@click.command("export")
@db_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "parquet", "csv"]), default="jsonl", show_default=True)
@click.option("--out", "out", default="export", show_default=True, metavar="DIR", help="Output folder.")
def export_cmd(db: str, fmt: str, out: str) -> None:
    """Write articles, quotes, people and events as jsonl, parquet or csv files into DIR."""
    with _open(db, readonly=True) as arc:
        paths = arc.export(out, fmt)
    for p in paths:
        click.echo(str(p))


commands = [ingest_cmd, reindex_cmd, search_cmd, quotes_cmd, people_cmd, stats_cmd, check_cmd, export_cmd]
