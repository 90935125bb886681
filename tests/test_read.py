"""The article reader: readers (text, pdftotext text, PDF, HTML), structure stages, dates, bad input."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from goftar.api import read_document, read_text, record
from goftar.errors import InputError
from goftar.readers import load, load_bytes
from goftar.read.dates import find_dates, parse_iso
from goftar.settings import Settings

FIX = Path(__file__).parent / "fixtures" / "reader"
ARTICLES = ["varzesh3-1-032", "fars-news-1-272"]
NO_ATTR = Settings(attribute=False)
needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext not installed")


def letters(s: str | None) -> str:
    """Letters only, folded like goftar folds them: how structure is compared."""
    from goftar.repair.fold import fold_text

    return re.sub(r"[\s\u200c]+", "", fold_text(s or "")).strip("؛;:،,.")


def gold(name: str) -> dict:
    return json.loads((FIX / name / "gold.json").read_text(encoding="utf-8"))


def read_fixture(name: str, fname: str) -> dict:
    return record(read_document(load(FIX / name / fname), NO_ATTR))


# -- the seed ----------------------------------------------------------------
def test_seed_structure_matches_gold(seed_text: str, shared: Path) -> None:
    g = json.loads((shared / "examples" / "seed-article.gold.json").read_text(encoding="utf-8"))
    rec = record(read_text(seed_text, NO_ATTR))
    for field in ("title", "kicker", "lead", "agency", "original_source"):
        assert letters(rec[field]) == letters(g[field]), field
    assert [letters(t) for t in rec["tags"]] == [letters(t) for t in g["tags"]]
    assert [letters(p) for p in rec["paragraphs"]] == [letters(p) for p in g["paragraphs"]]


def test_seed_footer_lines_are_not_body(seed_text: str) -> None:
    rec = record(read_text(seed_text, NO_ATTR))
    body = " ".join(rec["paragraphs"])
    assert "منبع" not in body and "برچسب" not in body and "[1]" not in body
    assert rec["paragraphs"][1].startswith("به گزارش اسپادانا خبر")  # the agency line stays in the body


def test_offsets_point_at_the_fields_in_text_and_raw(seed_text: str) -> None:
    doc = read_text(seed_text, NO_ATTR)
    rec = record(doc)
    for field in ("title", "kicker", "lead", "agency", "original_source"):
        o = rec["offsets"][field]
        assert doc.text[o["start"] : o["end"]] == rec[field]
        assert letters(rec[field]) in letters(doc.raw[o["raw_start"] : o["raw_end"]]) or field == "title"
    for tag, o in zip(rec["tags"], rec["offsets"]["tags"]):
        assert doc.raw[o["raw_start"] : o["raw_end"]] == tag
    for p, o in zip(rec["paragraphs"], rec["offsets"]["paragraphs"]):
        assert doc.text[o["start"] : o["end"]] == p


# -- the four input kinds ----------------------------------------------------
@pytest.mark.parametrize("name", ARTICLES)
@pytest.mark.parametrize("fname", ["webcopy.txt", "page.html",
                                   pytest.param("page.pdf", marks=needs_pdftotext), "pdftotext.txt"])
def test_title_lead_tags_from_every_kind(name: str, fname: str) -> None:
    g, rec = gold(name), read_fixture(name, fname)
    assert letters(rec["title"]) == letters(g["title"])
    if fname == "pdftotext.txt":  # no row geometry: a full last row may carry the next paragraph along
        assert letters(rec["lead"]).startswith(letters(g["lead"]))
    else:
        assert letters(rec["lead"]) == letters(g["lead"])
    assert sorted(map(letters, rec["tags"])) == sorted(set(map(letters, g["tags"])))
    assert rec["published"] == g["published"]
    body = " ".join(rec["paragraphs"])
    assert "لینک کوتاه" not in body and "کلیه حقوق" not in body and "صفحه اصلی" not in body


@needs_pdftotext
def test_pdf_body_paragraphs_are_rebuilt() -> None:
    g, rec = gold("varzesh3-1-032"), read_fixture("varzesh3-1-032", "page.pdf")
    got = [letters(p) for p in rec["paragraphs"]]
    found = sum(letters(p) in got for p in g["paragraphs"])
    assert found >= 0.7 * len(g["paragraphs"])  # row geometry splits paragraphs; one page break may still join two
    assert rec["source"]["kind"] == "pdf" and rec["source"]["extracted_by"] == "pdftotext"


def test_pdftotext_text_is_recognised_and_furniture_removed() -> None:
    doc = load(FIX / "fars-news-1-272" / "pdftotext.txt")
    assert doc.meta["source"]["kind"] == "text" and doc.meta["source"]["extracted_by"] == "pdftotext"
    assert "file://" in doc.raw and "file://" not in doc.text  # raw kept, print footer gone
    assert "\f" not in doc.text
    assert not re.search(r"^\W*1/2\W*$", doc.text, re.M)


def test_visual_order_runs_are_put_back_in_reading_order() -> None:
    from goftar.offsets import apply_edits
    from goftar.readers.pdftext import reorder_edits

    line = "\u202bتاریخ انتشار\u202a ۲۴ :\u202cشهریور \u202a | ۱۱:۱۶ - ۱۴۰۳\u202cکد خبر\u202a346967 :\u202c\u202c"
    fixed = apply_edits(line, reorder_edits(line))[0]
    plain = re.sub("[\u202a-\u202c]", "", fixed)
    assert plain == "تاریخ انتشار: ۲۴ شهریور ۱۴۰۳ - ۱۱:۱۶ | کد خبر: 346967"


@pytest.mark.parametrize("run,logical", [
    ("شبکه تلویزیونی«\u202a »Canal+\u202cدر خصوص", "شبکه تلویزیونی«+Canal» در خصوص"),
    ("آتلانتا» (\u202a)WSB Atlanta\u202c درباره", "آتلانتا» (WSB Atlanta) درباره"),
    ("لینک کوتاه\u202ahttps://sample-news.ir/x346967 :\u202c", "لینک کوتاه: https://sample-news.ir/x346967"),
])
def test_latin_runs_get_their_edge_punctuation_back(run: str, logical: str) -> None:
    from goftar.offsets import apply_edits
    from goftar.readers.pdftext import reorder_edits

    fixed = re.sub("[\u202a-\u202c]", "", apply_edits(run, reorder_edits(run))[0])
    assert re.sub(r"\s+", " ", fixed).strip() == logical


def test_html_keeps_half_spaces_that_bare_trafilatura_drops() -> None:
    import trafilatura

    from goftar.readers.html import guarded_extract

    page = (FIX / "fars-news-1-272" / "page.html").read_text(encoding="utf-8")
    assert "\u200c" not in (trafilatura.extract(page) or "")  # why the guard exists
    guarded = guarded_extract(page)
    assert guarded.count("\u200c") >= 10
    rec = read_fixture("fars-news-1-272", "page.html")
    assert "بخش‌های" in " ".join(rec["paragraphs"])


def test_html_metadata_is_kept() -> None:
    doc = load(FIX / "varzesh3-1-032" / "page.html")
    meta = doc.meta["html_meta"]
    assert meta["article:published_time"].startswith(gold("varzesh3-1-032")["published"])
    assert letters(meta["title"]) == letters(gold("varzesh3-1-032")["title"])
    assert doc.meta["source"]["kind"] == "html"


# -- dates ---------------------------------------------------------------------
@pytest.mark.parametrize("text,iso", [
    ("۸ آذر ۱۴۰۲", "2023-11-29"),
    ("تاریخ انتشار: ۱۴۰۲/۰۹/۰۸ - ۱۲:۳۰", "2023-11-29"),
    ("سه‌شنبه ۸ آذر ماه ۱۴۰۲", "2023-11-29"),
    ("29 November 2023", "2023-11-29"),
    ("۲۹ نوامبر ۲۰۲۳", "2023-11-29"),
    ("۱ محرم ۱۴۴۵", "2023-07-19"),
])
def test_dates_are_read(text: str, iso: str) -> None:
    assert [d.iso for d in find_dates(text)] == [iso]


@pytest.mark.parametrize("text", ["۴۰ آذر ۱۴۰۲", "۱۴۰۲/۱۳/۰۱", "در ۷۵ سال گذشته", "ساعت ۱۲:۳۰"])
def test_no_date_is_invented(text: str) -> None:
    assert find_dates(text) == []


def test_published_is_null_without_a_date(seed_text: str) -> None:
    assert record(read_text(seed_text, NO_ATTR))["published"] is None
    assert parse_iso("2024-09-14T11:16:00+03:30") == "2024-09-14"


# -- encodings and bad input ---------------------------------------------------
@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "cp1256"])
def test_encodings_give_the_same_reading(seed_text: str, encoding: str) -> None:
    base = record(read_text(seed_text, NO_ATTR))
    if encoding == "cp1256":  # Windows-1256 files write the Arabic yeh; folding brings the Persian one back
        seed_text = seed_text.replace("ی", "ي")
    doc = read_document(load_bytes(seed_text.encode(encoding, errors="replace"), "seed.txt"), NO_ATTR)
    assert letters(record(doc)["title"]) == letters(base["title"])
    assert record(doc)["tags"] == base["tags"]


def _goftar(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "goftar", *args], input=stdin, capture_output=True, timeout=120)


@needs_pdftotext
def test_image_pdf_is_refused_with_a_reason() -> None:
    p = _goftar("read", "--json", str(FIX / "image-only.pdf"))
    assert p.returncode != 0
    assert b"no text layer" in p.stderr and b"Traceback" not in p.stderr


def test_binary_and_huge_files_are_refused(tmp_path: Path) -> None:
    binary = tmp_path / "blob.bin"
    binary.write_bytes(bytes(range(256)) * 64)
    huge = tmp_path / "huge.txt"
    huge.write_bytes(("سلام دنیا " * 1_100_000).encode("utf-8"))  # > 10 MB
    for path, reason in ((binary, b"binary"), (huge, b"too large")):
        p = _goftar("read", "--json", str(path))
        assert p.returncode == 2, path
        assert reason in p.stderr and b"Traceback" not in p.stderr


def test_page_without_article_and_non_persian_page_give_valid_records() -> None:
    empty = b"<html><body><nav><a href='/'>\xd8\xae\xd8\xa7\xd9\x86\xd9\x87</a></nav></body></html>"
    rec = record(read_document(load_bytes(empty, "empty.html"), NO_ATTR))
    assert rec["paragraphs"] == [] and rec["lead"] is None and rec["warnings"]
    english = (b"<html><head><title>Weather</title></head><body><h1>Sunny day in Oslo</h1>"
               b"<p>It was a sunny day in Oslo and people walked along the harbour all afternoon.</p></body></html>")
    rec = record(read_document(load_bytes(english, "en.html"), NO_ATTR))
    assert rec["raw"] and rec["source"]["kind"] == "html"
    assert rec["published"] is None and rec["tags"] == []


def test_folder_run_skips_a_bad_file_and_says_so(tmp_path: Path) -> None:
    shutil.copy(FIX / "varzesh3-1-032" / "webcopy.txt", tmp_path / "a.txt")
    shutil.copy(FIX / "fars-news-1-272" / "page.html", tmp_path / "b.html")
    (tmp_path / "c.txt").write_bytes(b"\x00\x01\x02binary\x00" * 100)
    out = tmp_path / "out.jsonl"
    p = _goftar("read", str(tmp_path), "--no-attribute", "-o", str(out))
    assert p.returncode == 1
    assert b"c.txt" in p.stderr and b"read 2 of 3" in p.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    assert {json.loads(l)["source"]["kind"] for l in lines} == {"text", "html"}


def test_stdin_and_schema() -> None:
    p = _goftar("read", "--json", "--no-attribute", "-", stdin=(FIX / "varzesh3-1-032" / "webcopy.txt").read_bytes())
    assert p.returncode == 0
    rec = json.loads(p.stdout)
    schema = json.loads(_goftar("schema").stdout)
    assert set(schema["required"]) <= set(rec)
    assert schema["properties"]["source"]["properties"]["kind"]["enum"] == ["text", "pdf", "html"]


def test_html_kicker_and_lead_markup() -> None:
    page = """<!DOCTYPE html><html lang="fa" dir="rtl"><head><meta charset="utf-8">
<meta property="og:title" content="تیم ملی فوتبال ایران به جام جهانی صعود کرد"></head><body>
<nav><a href="/">صفحه اصلی</a> | <a href="/s">ورزشی</a> | <a href="/p">سیاسی</a></nav>
<div class="rutitr">سرمربی تیم ملی پس از بازی؛</div>
<h1>تیم ملی فوتبال ایران به جام جهانی صعود کرد</h1>
<p class="lead">تیم ملی فوتبال ایران با پیروزی در آخرین دیدار مقدماتی، جواز حضور در جام جهانی را به دست آورد.</p>
<div class="body"><p>به گزارش خبرگزاری ایسنا، سرمربی تیم ملی پس از پایان دیدار در جمع خبرنگاران از بازیکنان قدردانی کرد و گفت این پیروزی حاصل تلاش همه اعضای تیم بود.</p>
<p>وی افزود که برای حضور موفق در جام جهانی برنامه‌های زیادی داریم و از هفته آینده اردوی تیم ملی آغاز خواهد شد.</p></div>
<div class="news-date">۸ آذر ۱۴۰۲</div>
</body></html>""".encode("utf-8")
    rec = record(read_document(load_bytes(page, "page.html"), NO_ATTR))
    assert rec["kicker"] == "سرمربی تیم ملی پس از بازی"
    assert rec["title"] == "تیم ملی فوتبال ایران به جام جهانی صعود کرد"
    assert rec["lead"].startswith("تیم ملی فوتبال ایران با پیروزی")
    assert rec["agency"] == "خبرگزاری ایسنا"
    assert len(rec["paragraphs"]) == 2 and "برنامه‌های" in rec["paragraphs"][1]


def test_published_from_a_date_line_in_copied_text(seed_text: str) -> None:
    text = "تاریخ انتشار: ۸ آذر ۱۴۰۲ - ۱۲:۳۰\n\n" + seed_text
    doc = read_text(text, NO_ATTR)
    rec = record(doc)
    assert rec["published"] == "2023-11-29"
    o = rec["offsets"]["published"]
    assert doc.raw[o["raw_start"] : o["raw_end"]] == "۸ آذر ۱۴۰۲"
    assert letters(rec["title"]) == letters(record(read_text(seed_text, NO_ATTR))["title"])


@pytest.mark.parametrize("sentence,agency", [
    ("به گزارش خبرنگار ورزشی خبرگزاری فارس، جلسه کمیته فردا برگزار می‌شود.", "خبرگزاری فارس"),
    ("به گزارش خبرگزاری فارس از بوشهر، رحیم قاسمیه صبح امروز سخن گفت.", "خبرگزاری فارس"),
    ('به گزارش "ورزش سه"، کاروان تیم پرسپولیس از هتل خارج شد.', "ورزش سه"),
    ("عبدالمجید شیخی در گفت‌وگو با خبرنگار گروه اقتصادی خبرگزاری فارس اظهار داشت که تولید مهم است.", "خبرگزاری فارس"),
    ("به گزارش خبرنگار ما، جلسه امروز برگزار شد.", None),
])
def test_agency(sentence: str, agency: str | None) -> None:
    text = "عنوان خبر آزمایشی درباره جلسه\n\n" + "لید خبر آزمایشی که چند کلمه دارد.\n\n" + sentence + "\n"
    assert record(read_text(text, NO_ATTR))["agency"] == agency


# -- pdftotext text without geometry: paragraphs, wrapped titles -------------------------------
def _structure(name: str, fname: str) -> dict[str, bool]:
    g, rec = gold(name), read_fixture(name, fname)
    return {
        "title": letters(rec["title"]) == letters(g["title"]),
        "lead": letters(rec["lead"]) == letters(g["lead"]),
        "paragraphs": [letters(p) for p in rec["paragraphs"]] == [letters(p) for p in g["paragraphs"]],
        "tags": sorted(map(letters, rec["tags"])) == sorted(set(map(letters, g["tags"]))),
    }


@pytest.mark.parametrize("name, fname", [
    ("varzesh3-1-127", "pdftotext.txt"),  # three one-row paragraphs, each ending a sentence near the column's edge
    ("varzesh3-2-252", "pdftotext.txt"),  # a short article; its print header wrapped over two rows
    ("fars-news-1-078", "pdftotext.txt"),  # a title wrapped inside «سال اسرای» (lam-alef across the rows)
    ("fars-news-1-058", "pdftotext.txt"),  # a title starting «دیدگاه …» (a comments heading only on its own)
    ("fars-news-1-058", "webcopy.txt"),
    ("fars-news-1-103", "webcopy.txt"),  # a short copied article wrapped at 109 characters
])
def test_structure_is_exact(name: str, fname: str) -> None:
    assert _structure(name, fname) == {"title": True, "lead": True, "paragraphs": True, "tags": True}


def test_glyph_widths_measure_rows_better_than_character_counts() -> None:
    from goftar.readers.pdftext import text_width, width_units

    assert width_units("بستن") == ["بi", "سm", "تm", "نf"]  # a letter's joining form decides its width
    assert width_units("داد") == ["دs", "اs", "دs"]
    assert text_width("ااااا") < 0.5 * text_width("صصصصص")  # same length, very different widths
    assert text_width("عبداهلل") < text_width("عبدالحسین")  # «اهلل» is pdftotext's «الله», one ligature glyph
    assert text_width("گفت و گو") == pytest.approx(text_width("گفت") + text_width("و") + text_width("گو") + 2)


def test_column_width_passes_over_a_lone_wider_row() -> None:
    from goftar.readers.pdftext import column_width

    assert column_width([204.7, 183.0, 181.5, 120.0]) == 183.0  # a joined two-row title in a larger font
    assert column_width([180.0, 173.6, 151.2, 48.3]) == 180.0  # no cluster needed in a short article


def test_sentence_end_model_prefers_a_new_paragraph_after_a_report_opening() -> None:
    from goftar.readers.pdftext import paragraph_end_probability

    said = "امام جمعه دلوار گفت: اعتقاد راسخ شهید به ارزش‌های دینی قیام او را ماندگار کرده است."
    # «به گزارش …» opens a new paragraph; an open quotation goes on
    report = paragraph_end_probability(said, "به گزارش خبرگزاری فارس از تنگستان، …")
    assert report > 0.5 and report > paragraph_end_probability(said, "آنها قدرتمند هستند و …")
    quote = "وی افزود: «ما شایسته بیش از نتیجه‌هایی بودیم که کسب کردیم."
    assert paragraph_end_probability(quote, "آنها قدرتمند هستند و …") < paragraph_end_probability(said, "آنها قدرتمند هستند و …")
    # the article's first paragraph of prose is its lead, which the body never continues
    going_on = paragraph_end_probability(said, "آنها قدرتمند هستند و …")
    assert paragraph_end_probability(said, "آنها قدرتمند هستند و …", first=True) > 5 * going_on


def test_eval_reader_refuses_to_show_test_misses(tmp_path: Path) -> None:
    from goftar.commands.eval_reader import evaluate

    (tmp_path / "test").mkdir()
    with pytest.raises(InputError, match="held out"):
        evaluate(tmp_path, "test", misses=True)


@pytest.mark.parametrize("line, role", [
    ("دیدگاه مردم نسبت به مجلس باید تغییر کند", "text"),  # a title, not the comments heading
    ("نظرات (۳)", "junk"),
    ("چاپ", "junk"),
    ("انتهای پیام/86011/ت10/ض1002", "text"),  # the agency's end mark belongs to the article as published
])
def test_paragraph_roles(line: str, role: str) -> None:
    from goftar.read.layout import role_of

    assert role_of(line) == role


def test_lam_alef_with_tanwin_set_apart_by_pdftotext_is_put_together() -> None:
    from goftar.offsets import apply_edits
    from goftar.readers.pdftext import mark_order_edits

    # as pdftotext wrote «گفت: فعلاً با استعفای …» and «که قبلاً» (dev2 varzesh3-2-472, fars-news-2-138)
    before = "\u202bل با استعفای غلامحسین پیروانی موافقت\u202c\n\u202bشیراز گفت\u202a: \u202cفع \u064bا\u202c\n\u202bکرده‌ایم"
    assert apply_edits(before, mark_order_edits(before))[0] == (
        "\u202bشیراز گفت\u202a: \u202cفعلاً با استعفای غلامحسین پیروانی موافقت\u202c\n\u202bکرده‌ایم")
    alone = "\u202bکه قب \u064bا\u202c\n\u202bل\u202c\n\u202bبه شکل آزمون"
    assert apply_edits(alone, mark_order_edits(alone))[0] == "\u202bکه قبلاً\u202c\n\u202bبه شکل آزمون"
    assert mark_order_edits("\u202bکاملًا درست\u202c") != []  # the usual mark-before-alef fix still applies
    inside = "اما احتماًل ا پس از عید"  # «احتمالًا», tanwin before the alef (dev2 fars-news-2-097)
    assert apply_edits(inside, mark_order_edits(inside))[0] == "اما احتمال\u064bا پس از عید"


@pytest.mark.parametrize("name", ["synthetic-title-cut-start", "synthetic-title-latin", "synthetic-title-dash"])
def test_wrapped_title_is_joined_whatever_the_print_header_did(name: str) -> None:
    # the print header: cut with «…» at the start / its order upset by «Real Madrid» / a dash inside the title
    g, rec = gold(name), read_fixture(name, "pdftotext.txt")
    assert letters(rec["title"]) == letters(g["title"])
    assert letters(rec["lead"]) == letters(g["lead"])


def test_header_title_cuts_at_the_last_separator() -> None:
    from goftar.readers.pdftext import header_title

    assert header_title("پیش بازی منچسترسیتی - اورتون | خبرگزاری نمونه") == "پیش بازی منچسترسیتی - اورتون"
    assert header_title("عنوان خبر") == "عنوان خبر"


def test_a_long_tag_does_not_end_the_tag_list() -> None:
    text = (
        "غرق شدن دو نفر در دریای مازندران\n\n"
        "رئیس هیات نجات غریق مازندران گفت: امسال دو نفر در دریا غرق شدند.\n\n"
        "به گزارش خبرگزاری فارس، نقی کریمیان امروز گفت: ما نیرو مستقر کردیم تا مردم وارد دریا نشوند.\n\n"
        "برچسب‌ها:\n\nنقی کریمیان\n\nرئیس هیات نجات غریق و غواصی مازندران\n\nغرقی در دریای مازندران\n\n"
        "لینک کوتاه: https://example.ir/x1\n"
    )
    rec = record(read_text(text, NO_ATTR))
    assert rec["tags"] == ["نقی کریمیان", "رئیس هیات نجات غریق و غواصی مازندران", "غرقی در دریای مازندران"]
