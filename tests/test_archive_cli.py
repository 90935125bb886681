"""The archive commands end to end: ingest, search --json, quotes, people, stats, check, export, bad input."""
from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from goftar.cli import main

ZWNJ = "\u200c"


class Ran:
    def __init__(self, returncode: int, stdout: str, stderr: str) -> None:
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr


def goftar(*args: str) -> Ran:
    """The console entry point, in process: errors become a message and an exit code, never a traceback."""
    import contextlib
    import io

    from goftar.cli import run

    out, err = io.StringIO(), io.StringIO()
    code = 0
    old = sys.argv
    sys.argv = ["goftar", *args]
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                run()
            except SystemExit as e:
                code = int(e.code or 0)
    finally:
        sys.argv = old
    return Ran(code, out.getvalue(), err.getvalue())


@pytest.fixture(scope="module")
def hamshahri_files(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Eight Hamshahri RSS items (title + lead) as text files, one of them with «ظرفیت‌ها»-style half-spaces."""
    items = json.load(gzip.open(shared / "corpora" / "hamshahrionline_rss" / "hamshahri.json.gz", "rt",
                                encoding="utf-8"))
    folder = tmp_path_factory.mktemp("ham")
    for i, it in enumerate(items[:8]):
        (folder / f"{i}.txt").write_text(f"{it['title']}\n\n{it['summary']}\n", encoding="utf-8")
    return folder


def _run(*args: str) -> Any:
    res = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return res


def test_ingest_search_stats_check_export(hamshahri_files: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "h.db")
    first = _run("ingest", str(hamshahri_files), "--db", db, "--json")
    assert first.exit_code == 0, first.output
    assert json.loads(first.output)["added"] == 8
    again = _run("ingest", str(hamshahri_files), "--db", db, "--json")
    assert json.loads(again.output)["added"] == 0 and json.loads(again.output)["unchanged"] == 8

    title = (hamshahri_files / "0.txt").read_text(encoding="utf-8").splitlines()[0]
    word = next(w for w in title.split() if ZWNJ in w)  # «پرترافیک‌ترین»
    ids = set()
    for spelling in (word, word.replace(ZWNJ, ""), word.replace(ZWNJ, " ")):
        res = _run("search", spelling, "--db", db, "--json")
        hits = json.loads(res.output)
        assert hits and {"id", "title", "published", "agency", "story", "snippet"} <= set(hits[0])
        ids.add(hits[0]["id"])
    assert len(ids) == 1

    stats = json.loads(_run("stats", "--db", db, "--json").output)
    assert stats["articles"] == 8 and stats["stories"] == 8
    assert {"quotes", "people"} <= set(stats)
    ok = _run("check", "--db", db)
    assert ok.exit_code == 0 and "ok: 8 articles" in ok.output
    assert _run("people", "--db", db, "--json").exit_code == 0
    assert _run("quotes", "--db", db, "--json").exit_code == 0
    out = tmp_path / "exp"
    res = _run("export", "--db", db, "--format", "csv", "--out", str(out))
    assert res.exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == ["articles.csv", "events.csv", "people.csv", "quotes.csv"]

    # check explains an index that lost articles, and reindex repairs it
    import tantivy

    idx = tantivy.Index.open(db + ".index")
    w = idx.writer(15_000_000, 1)
    w.delete_all_documents()
    w.commit()
    w.wait_merging_threads()
    bad = _run("check", "--db", db)
    assert bad.exit_code == 1 and "missing" in bad.output
    assert _run("reindex", "--db", db).exit_code == 0
    assert _run("check", "--db", db).exit_code == 0


def test_bad_archives_give_one_line_errors(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(os.urandom(4096))
    before = junk.read_bytes()
    for args in (["stats", "--db", str(junk)], ["ingest", str(tmp_path), "--db", str(junk)],
                 ["search", "x", "--db", str(tmp_path / "none.db")]):
        res = goftar(*args)
        assert res.returncode != 0
        assert res.stderr.startswith("goftar: error: ") and "Traceback" not in res.stderr
        assert len(res.stderr.strip().splitlines()) == 1
    assert junk.read_bytes() == before


def _can_mount() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("mount") is not None


@pytest.fixture()
def tiny_fs(tmp_path: Path) -> Any:
    """A small tmpfs (root only): a real full disk and a real read-only folder."""
    if not _can_mount():
        pytest.skip("needs root to mount a tmpfs")
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=400k", "tmpfs", str(mnt)]).returncode:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)])


def test_full_disk_and_read_only_folder(tiny_fs: Path, shared: Path, tmp_path: Path) -> None:
    items = json.load(gzip.open(shared / "corpora" / "langml_fars_varzesh3_news" / "fars-news-2.json.gz", "rt",
                                encoding="utf-8"))
    src = tmp_path / "src"
    src.mkdir()
    for i, it in enumerate(items[:6]):
        (src / f"{i}.txt").write_text("\n\n".join([it["title"], it["abstract"], *it["paragraphs"]]), encoding="utf-8")
    db = tiny_fs / "a.db"
    res = goftar("ingest", str(src / "0.txt"), "--db", str(db), "-q")
    assert res.returncode == 0, res.stderr
    before = json.loads(goftar("stats", "--db", str(db), "--json").stdout)
    # fill the disk but for a few pages
    st = os.statvfs(tiny_fs)
    (tiny_fs / "filler").write_bytes(b"\0" * max(0, st.f_bavail * st.f_frsize - 12_000))
    res = goftar("ingest", str(src), "--db", str(db), "-q")
    assert res.returncode != 0
    assert "disk full" in res.stderr or "cannot write" in res.stderr, res.stderr
    assert "Traceback" not in res.stderr and len(res.stderr.strip().splitlines()) == 1
    chk = goftar("check", "--db", str(db))
    assert chk.returncode == 0, chk.stderr
    after = json.loads(goftar("stats", "--db", str(db), "--json").stdout)
    assert after["articles"] in (before["articles"], 6)  # the failed batch is rolled back whole
    # read-only folder: writing is refused with a reason, reading the store still works
    assert subprocess.run(["mount", "-o", "remount,ro", str(tiny_fs)]).returncode == 0
    res = goftar("ingest", str(src), "--db", str(db), "-q")
    assert res.returncode != 0 and "read-only" in res.stderr and "Traceback" not in res.stderr
    stats = goftar("stats", "--db", str(db), "--json")
    assert stats.returncode == 0, stats.stderr
    assert json.loads(stats.stdout)["articles"] == after["articles"]
    res = goftar("search", "ایران", "--db", str(db))
    assert res.returncode != 0 and "read-only file system" in res.stderr and "Traceback" not in res.stderr


def test_an_older_archive_is_explained_and_upgraded(hamshahri_files: Path, tmp_path: Path) -> None:
    import sqlite3

    db = str(tmp_path / "old.db")
    assert goftar("ingest", str(hamshahri_files), "--db", db, "-q").returncode == 0
    con = sqlite3.connect(db)  # as goftar made it before schema 3
    con.executescript("DROP TABLE persons; DROP TABLE person_names; DROP INDEX quotes_speaker_article; "
                      "UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    con.close()
    res = goftar("stats", "--db", db)
    assert res.returncode != 0 and "Traceback" not in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1 and "goftar check --upgrade --db FILE" in res.stderr
    up = goftar("check", "--upgrade", "--db", db)
    assert up.returncode == 0, up.stderr
    assert json.loads(goftar("stats", "--db", db, "--json").stdout)["articles"] == 8
