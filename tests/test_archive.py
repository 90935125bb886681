"""The archive on real corpus text read by goftar: ingest, search, stories, queries, crash recovery."""
from __future__ import annotations

import gzip
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from goftar import api
from goftar.archive import Archive, ArchiveError
from goftar.settings import Settings

ZWNJ = "\u200c"


def _fars(shared: Path, k: int = 2) -> list[dict[str, Any]]:
    path = shared / "corpora" / "langml_fars_varzesh3_news" / f"fars-news-{k}.json.gz"
    if not path.exists():
        pytest.skip(f"{path} is missing")
    return json.load(gzip.open(path, "rt", encoding="utf-8"))


def _text(item: dict[str, Any], paragraphs: list[str] | None = None) -> str:
    paras = item["paragraphs"] if paragraphs is None else paragraphs
    return "\n\n".join([item["title"], item["abstract"], *paras])


NO_ATTRIBUTION = Settings(attribute=False)


def _record(text: str, **fields: Any) -> dict[str, Any]:
    """The public record goftar makes of ``text`` (structure only: attribution is tested elsewhere)."""
    rec = api.record(api.read_text(text, NO_ATTRIBUTION))
    rec.update(fields)
    return rec


@pytest.fixture(scope="module")
def articles(shared: Path) -> list[dict[str, Any]]:
    """Long Fars articles with half-spaces and Persian (not Arabic) yeh: good text for search tests."""
    items = _fars(shared)
    good = [x for x in items if len(x["paragraphs"]) >= 5 and ZWNJ in " ".join(x["paragraphs"])
            and "ي" not in _text(x)]
    assert len(good) >= 12
    return good[:12]


@pytest.fixture()
def arc(tmp_path: Path) -> Any:
    with Archive(tmp_path / "news.db") as a:
        yield a


def _zwnj_word(text: str) -> str:
    """A word of ``text`` written with a half-space, e.g. «ظرفیت‌ها»."""
    import re

    for m in re.finditer(r"[\u0600-\u06FF]{3,}\u200c[\u0600-\u06FF]{2,}", text):
        return m.group()
    raise AssertionError("no half-space word")


def test_ingest_files_is_idempotent(tmp_path: Path, articles: list[dict[str, Any]]) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i, item in enumerate(articles[:4]):
        (folder / f"{i}.txt").write_text(_text(item), encoding="utf-8")
    (folder / "bad.txt").write_bytes(b"\x00\x01\x02 binary \xff\xfe\x00")
    with Archive(tmp_path / "a.db") as a:
        first = a.ingest_paths([folder])
        stats1 = a.stats()
        second = a.ingest_paths([folder, folder / "0.txt"])
        assert (first.added, second.added, second.unchanged) == (4, 0, 5)
        assert [p for p, _ in first.failed] == [str(folder / "bad.txt")]
        assert a.stats() == stats1
        assert a.check() == []
        # the raw input bytes are kept exactly
        hit = a.search(articles[0]["title"].split()[0] + " " + articles[0]["title"].split()[1]).hits
        rid = next(h["id"] for h in hit if h["title"] and articles[0]["title"][:10] in h["title"].replace(ZWNJ, " "))
        assert a.raw_bytes(rid) == (folder / "0.txt").read_bytes()
        assert a.article(rid)["raw"] == (folder / "0.txt").read_text(encoding="utf-8")


def test_a_word_matches_whatever_its_half_space_is_written_as(arc: Any, articles: list[dict[str, Any]]) -> None:
    item = articles[0]
    text = _text(item)
    word = _zwnj_word(text)
    spaced, glued = text.replace(word, word.replace(ZWNJ, " ")), text.replace(word, word.replace(ZWNJ, ""))
    recs = [_record(t) for t in (text, spaced, glued)]
    others = [_record(_text(x)) for x in articles[1:6] if word.replace(ZWNJ, "") not in _text(x).replace(ZWNJ, "")]
    arc.ingest_records(recs + others)
    want = {r["id"] for r in recs}
    for query in (word, word.replace(ZWNJ, " "), word.replace(ZWNJ, "")):
        res = arc.search(query, limit=50)
        assert want <= {h["id"] for h in res.hits}, query
        assert not {r["id"] for r in others} & {h["id"] for h in res.hits}
        assert res.stories == 1  # the three spellings are one story


def test_letters_digits_prefix_and_phrase(arc: Any, shared: Path) -> None:
    old = _fars(shared, 1)[0]  # a 2008 Fars report in Arabic ي/ك with Latin digits
    text = _text(old)
    assert "بانكي" in text and "300" in text
    rec = _record(text)
    arc.ingest_records([rec])
    rid = rec["id"]
    for query in ("بانکی", "بانكي", "۳۰۰ دفتر", "٣٠٠", "بانـــکی", "بانک*", '"خدمات بانکی"', "«پست بانک»"):
        assert [h["id"] for h in arc.search(query).hits] == [rid], query
    assert arc.search('"بانکی خدمات"').total == 0  # a phrase keeps its order
    assert arc.search("بانکهای*").total == 0


def test_five_republications_make_no_new_story(arc: Any, articles: list[dict[str, Any]]) -> None:
    originals = [_record(_text(x)) for x in articles[:5]]
    arc.ingest_records(originals)
    before = arc.stats()
    assert before["articles"] == before["stories"] == 5
    repubs = []
    for x in articles[:5]:
        paras = ["به گزارش خبرگزاری ایرنا به نقل از فارس، " + x["paragraphs"][0], *x["paragraphs"][1:-1]]  # last cut
        repubs.append(_record(_text(x, paras)))
    report = arc.ingest_records(repubs)
    after = arc.stats()
    assert (report.added, report.new_stories) == (5, 0)
    assert (after["articles"], after["stories"]) == (10, 5)
    for orig, rep in zip(originals, repubs):
        assert arc.article(rep["id"])["story"] == arc.article(orig["id"])["story"] == orig["id"]
        assert {a["id"] for a in arc.story(rep["id"])} == {orig["id"], rep["id"]}
    # different articles stay different stories
    arc.ingest_records([_record(_text(x)) for x in articles[5:12]])
    assert arc.stats()["stories"] == 12


def test_filters_and_dates(arc: Any, articles: list[dict[str, Any]]) -> None:
    recs = []
    for i, x in enumerate(articles[:6]):
        recs.append(_record(_text(x), published=f"2024-0{i + 1}-15", tags=x.get("tags") or [],
                            agency="خبرگزاری فارس" if i % 2 else "ایرنا"))
    arc.ingest_records(recs)
    everything = arc.search("", limit=100)
    assert everything.total == 6
    assert {h["id"] for h in arc.search("", since="2024-03-01", limit=100).hits} == {r["id"] for r in recs[2:]}
    assert {h["id"] for h in arc.search("", since="2024-02", until="2024-03", limit=100).hits} == \
        {recs[1]["id"], recs[2]["id"]}
    assert {h["id"] for h in arc.search("", agency="فارس", limit=100).hits} == {r["id"] for r in recs[1::2]}
    tagged = [r for r in recs if r["tags"]]
    if tagged:
        tag = tagged[0]["tags"][0]
        hits = {h["id"] for h in arc.search("", tag=tag, limit=100).hits}
        assert tagged[0]["id"] in hits and hits <= {r["id"] for r in tagged}
    with pytest.raises(ArchiveError.__mro__[1]):
        arc.search("", since="yesterday")


def test_quotes_people_and_meetings(arc: Any, shared: Path) -> None:
    items = _fars(shared, 1)
    item = items[0]  # «وارسته ... اظهارداشت: با توجه به ...»
    para = item["paragraphs"][0]
    said = para.split("اظهارداشت:", 1)[1].strip()
    second = item["paragraphs"][1].split("افزود:", 1)[1].strip()
    rec = _record(_text(item), quotes=[
        {"speaker": "وارسته", "speaker_mention": "وارسته", "verb": "اظهارداشت", "kind": "direct", "text": said},
    ], reported_statements=[
        {"speaker": "وارسته", "speaker_mention": "وی", "verb": "افزود", "kind": "indirect", "text": second},
    ], people=[{"name": "وارسته", "titles": ["رئیس اداره کل دفاتر خدمات بانکی پست بانک"], "roles": [],
                "mentions": 3}],
        events=[{"type": "meeting", "participants": ["وارسته", "وزیر ارتباطات"], "place": "تهران",
                 "date": None, "relative_time": None, "evidence": para[:40]}],
        published="2008-09-01")
    other = _record(_text(items[1]))
    arc.ingest_records([rec, other])
    quotes = arc.quotes(speaker="وارسته")
    assert [q["text"] for q in quotes] == [said, second]
    assert {q["article"] for q in quotes} == {rec["id"]}
    assert all(q["published"] == "2008-09-01" for q in quotes)
    about = arc.quotes(about="نرم افزار")  # written «نرم افزار» in the quote: any spelling matches
    assert [q["text"] for q in about] == [said]
    assert arc.quotes(about="نرم‌افزار") == about
    assert arc.quotes(speaker="ظریف") == []
    people = arc.people()
    assert {"name": "وارسته", "statements": 2, "meetings": 1, "articles": 1} in people
    p = arc.person("وارسته")
    assert p["titles"] == ["رئیس اداره کل دفاتر خدمات بانکی پست بانک"]
    assert p["events"][0]["with"] == ["وزیر ارتباطات"]
    assert len(p["quotes"]) == 2
    assert arc.person("نیست‌کسی") is None
    assert [h["id"] for h in arc.search("", speaker="وارسته").hits] == [rec["id"]]
    stats = arc.stats()
    extra = [len(other.get(k) or []) for k in ("quotes", "reported_statements", "events")]
    assert (stats["quotes"], stats["reported_statements"], stats["events"]) == (1 + extra[0], 1 + extra[1],
                                                                               1 + extra[2])


def test_person_pages_load_a_few_quotes_but_count_them_all(arc: Any, shared: Path) -> None:
    items = _fars(shared, 1)[:6]
    recs = []
    for i, item in enumerate(items):  # one quote per article, over three months
        said = item["paragraphs"][0][:120]
        recs.append(_record(_text(item), published=f"2008-0{7 + i % 3}-1{i}", quotes=[
            {"speaker": "محمود وارسته", "speaker_mention": "وی", "verb": "گفت", "kind": "direct", "text": said}]))
    arc.ingest_records(recs)
    whole = arc.person("وارسته")
    assert len(whole["quotes"]) == whole["quotes_total"] == 6  # the default still lists every quote
    assert whole["quotes_by_month"] == [{"month": "2008-07", "count": 2}, {"month": "2008-08", "count": 2},
                                        {"month": "2008-09", "count": 2}]
    few = arc.person("وارسته", quotes_limit=2)
    assert [q["published"] for q in few["quotes"]] == ["2008-09-15", "2008-09-12"]  # the newest
    assert (few["quotes_total"], few["quotes_by_month"], few["articles"]) == (6, whole["quotes_by_month"], 6)
    # quotes(speaker=…) takes any part of the name, exactly as before
    assert len(arc.quotes(speaker="وارسته")) == len(arc.quotes(speaker="محمود وارسته")) == 6
    assert arc.quotes(speaker="وارسته", limit=3) == whole["quotes"][:3]


def test_read_only_open_of_an_older_archive(tmp_path: Path, articles: list[dict[str, Any]]) -> None:
    db = tmp_path / "old.db"
    with Archive(db) as a:
        a.ingest_records([_record(_text(x)) for x in articles[:2]])
    title_word = articles[0]["title"].split()[0]
    con = sqlite3.connect(db)  # make it schema 3: the last migration only added an index
    con.executescript("DROP INDEX quotes_speaker_article; UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    con.close()
    with Archive(db, readonly=True) as r:  # readable as it is, and left as it is
        assert r.search(title_word).total >= 1 and r.check() == []
    con = sqlite3.connect(db)  # schema 2 lacks tables the queries need: refused with the way out
    con.executescript("DROP TABLE persons; DROP TABLE person_names; UPDATE meta SET value = '2' "
                      "WHERE key = 'schema_version'")
    assert con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == ("2",)
    con.close()
    with pytest.raises(ArchiveError, match=r"goftar check --upgrade --db FILE"):
        Archive(db, readonly=True)
    with Archive(db) as a:  # one writable open upgrades it
        assert a.stats()["articles"] == 2
    with Archive(db, readonly=True) as r:
        assert r.search(title_word).total >= 1 and r.check() == [] and r.people() is not None


def test_a_crash_between_store_and_index_is_caught_up(tmp_path: Path, articles: list[dict[str, Any]],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "a.db"
    recs = [_record(_text(x)) for x in articles[:4]]
    with Archive(db) as a:
        a.ingest_records(recs[:2])
        from goftar.archive.index import SearchIndex

        def boom(self: Any) -> None:
            raise OSError("simulated crash before the index commit")

        monkeypatch.setattr(SearchIndex, "commit", boom)
        with pytest.raises(ArchiveError):
            a.ingest_records(recs[2:])
        monkeypatch.undo()
        assert a.pending() == 2
    with Archive(db, readonly=True) as r:
        assert r.check() == [] and r.pending() == 2  # stored, waiting: consistent
    with Archive(db) as a:  # a writable open catches up
        assert a.pending() == 0 and a.check() == []
        assert a.search(recs[3]["title"].split()[0], limit=50).total >= 1
        assert a.ingest_records(recs).added == 0
    # the index is derived data: delete it and it is rebuilt from the store
    import shutil

    shutil.rmtree(tmp_path / "a.db.index")
    with Archive(db) as a:
        assert a.check() == [] and a.stats()["articles"] == 4
        assert len(a.index.all_keys()) == 4
        a.reindex()
        assert a.check() == [] and len(a.index.all_keys()) == 4


def test_bad_files_are_refused_and_left_untouched(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite at all" * 100)
    foreign = tmp_path / "foreign.db"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE t (x)")
    con.execute("INSERT INTO t VALUES (1)")
    con.commit()
    con.close()
    before = {p: p.read_bytes() for p in (junk, foreign)}
    for p in (junk, foreign):
        with pytest.raises(ArchiveError, match="not a goftar archive"):
            Archive(p)
        with pytest.raises(ArchiveError, match="not a goftar archive"):
            Archive(p, readonly=True)
        assert p.read_bytes() == before[p]
    with pytest.raises(ArchiveError, match="no such archive"):
        Archive(tmp_path / "missing.db", readonly=True)
    with pytest.raises(ArchiveError, match="is a folder"):
        Archive(tmp_path)


def test_a_full_disk_rolls_back_the_batch(tmp_path: Path, articles: list[dict[str, Any]]) -> None:
    db = tmp_path / "a.db"
    recs = [_record(_text(x)) for x in articles[:12]]
    with Archive(db) as a:
        a.ingest_records(recs[:1])
        size = db.stat().st_size + (tmp_path / "a.db-wal").stat().st_size
    with Archive(db, max_bytes=size + 8_192) as a:  # room for two pages, not for 11 articles
        with pytest.raises(ArchiveError, match="disk full"):
            a.ingest_records(recs[1:], batch=100)
        assert a.stats()["articles"] == 1
        assert a.check() == []
    with Archive(db) as a:
        assert a.ingest_records(recs).added == 11
        assert a.check() == []


def test_export_writes_every_table(arc: Any, tmp_path: Path, articles: list[dict[str, Any]]) -> None:
    import csv

    import pyarrow.parquet as pq

    recs = [_record(_text(x), quotes=[{"speaker": "وی", "text": x["paragraphs"][0][:60]}]) for x in articles[:3]]
    arc.ingest_records(recs)
    paths = arc.export(tmp_path / "j", "jsonl")
    lines = (tmp_path / "j" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    assert {json.loads(s)["id"] for s in lines} == {r["id"] for r in recs}
    assert [p.name for p in paths] == ["articles.jsonl", "quotes.jsonl", "people.jsonl", "events.jsonl"]
    arc.export(tmp_path / "p", "parquet")
    assert pq.read_table(tmp_path / "p" / "quotes.parquet").num_rows == 3
    arc.export(tmp_path / "c", "csv")
    with open(tmp_path / "c" / "articles.csv", encoding="utf-8") as f:
        assert len(list(csv.DictReader(f))) == 3


def test_ingest_from_batch_parquet(tmp_path: Path, articles: list[dict[str, Any]]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    recs = [_record(_text(x)) for x in articles[:3]]
    (tmp_path / "out" / "records").mkdir(parents=True)
    table = pa.table({"id": [r["id"] for r in recs],
                      "record_json": [json.dumps(r, ensure_ascii=False) for r in recs]})
    pq.write_table(table, tmp_path / "out" / "records" / "part-0.parquet")
    with Archive(tmp_path / "a.db") as a:
        assert a.ingest_parquet(tmp_path / "out").added == 3
        assert a.ingest_parquet(tmp_path / "out").unchanged == 3
        assert a.article(recs[1]["id"])["raw"] == recs[1]["raw"]
