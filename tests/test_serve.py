"""The web app and JSON API, in process (FastAPI TestClient) over a real archive built from real articles.

The archive is built once per module in a temporary folder from the example
articles bundled with the package (damaged Fars News reports and the seed)
plus one hostile article whose text carries a ``<script>``.
"""
from __future__ import annotations

import html
import json
import re
import shutil
import sys
from importlib import resources
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("tantivy")
from fastapi.testclient import TestClient  # noqa: E402

from goftar.api import read_text, record  # noqa: E402
from goftar.serve import create_app  # noqa: E402
from goftar.serve.app import iter_example_texts, parse_date  # noqa: E402
from goftar.serve.render import Mark, mark_text, timeline_svg  # noqa: E402

ZWNJ = "\u200c"
HOSTILE_MARK = "window.__goftar_pwned = 1"


def hostile_text(seed: str) -> str:
    """The seed's first paragraphs with a script tag and an attribute-breaking quote inside the body."""
    head = "\n\n".join(seed.split("\n\n")[:4])
    return head + f'\n\nاین متن آزمایشی است <script>{HOSTILE_MARK}</script> و "><img src=x onerror=alert(1)> پایان.\n'


def build_archive(path, texts: dict[str, str]) -> dict[str, str]:
    """Read ``texts`` (name → raw text) with goftar and ingest them into a new archive at ``path``; name → id."""
    from goftar.archive import Archive

    records = {}
    for name, text in texts.items():
        rec = record(read_text(text, path=f"examples/{name}"))
        records[name] = rec
    archive = Archive(path)
    try:
        archive.ingest_records(list(records.values()))
    finally:
        archive.close()
    return {name: rec["id"] for name, rec in records.items()}


def example_texts() -> dict[str, str]:
    texts = dict(iter_example_texts())
    assert "seed-article.txt" in texts, "the seed article must ship with the package"
    texts["hostile.txt"] = hostile_text(texts["seed-article.txt"])
    return texts


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    texts = example_texts()
    db = tmp_path_factory.mktemp("archive") / "test.db"
    ids = build_archive(db, texts)
    return db, ids, texts


@pytest.fixture(scope="module")
def client(built):
    db, _, _ = built
    app = create_app(db)
    with TestClient(app) as c:
        yield c
    app.state.archive.close()


def letters(s: str) -> str:
    """Only the letters and digits of ``s`` (spaces, ZWNJ and punctuation dropped), as the scorer compares."""
    return re.sub(r"[\W_]+", "", s.replace(ZWNJ, ""))


# ---------------------------------------------------------------------------
# pages
# ---------------------------------------------------------------------------
def test_home_is_persian_right_to_left_and_phone_ready(client):
    r = client.get("/")
    assert r.status_code == 200
    assert '<html lang="fa" dir="rtl">' in r.text
    assert 'name="viewport"' in r.text
    assert "/static/style.css" in r.text
    css = client.get("/static/style.css").text
    assert "Vazirmatn-Regular.woff2" in css and "@media" in css


def test_font_and_licence_are_served_from_the_package(client):
    font = client.get("/static/fonts/Vazirmatn-Regular.woff2")
    assert font.status_code == 200 and font.headers["content-type"] == "font/woff2"
    assert font.content[:4] == b"wOF2"
    assert "SIL OPEN FONT LICENSE" in client.get("/static/fonts/OFL.txt").text


@pytest.mark.parametrize("path", ["/static/../app.py", "/static/..%2fapp.py", "/static/%2e%2e/%2e%2e/api.py",
                                  "/static//etc/passwd", "/static/templates/base.html"])
def test_no_request_path_reaches_the_file_system(client, path):
    r = client.get(path)
    assert r.status_code == 404
    assert "import" not in r.text and "root:" not in r.text


def test_search_api_finds_the_seed_by_a_word_of_its_title(client, built):
    _, ids, _ = built
    r = client.get("/api/search", params={"q": "کوبا"})
    assert r.status_code == 200
    data = r.json()
    assert data["total"] >= 1
    assert ids["seed-article.txt"] in [h["id"] for h in data["hits"]]
    for hit in data["hits"]:
        assert {"id", "title"} <= set(hit)
    assert ids["fars-13970506000631.txt"] not in [h["id"] for h in data["hits"]]


def test_search_page_links_hits_to_article_pages(client, built):
    _, ids, _ = built
    r = client.get("/search", params={"q": "کوبا"})
    assert r.status_code == 200
    assert f'href="/articles/{ids["seed-article.txt"]}"' in r.text
    assert "کوبا" in r.text


def test_search_filters_are_passed_and_dates_validated(client):
    r = client.get("/api/search", params={"q": "ایران", "since": "۱۴۰۲/۰۸/۱۰", "until": "2030-01-01"})
    assert r.status_code == 200
    assert r.json()["filters"] == {"since": "2023-11-01", "until": "2030-01-01"}
    assert client.get("/api/search", params={"q": "ایران", "since": "yesterday"}).status_code == 400
    page = client.get("/search", params={"q": "ایران", "since": "2023-02-30"})
    assert page.status_code == 400 and 'dir="rtl"' in page.text


def test_empty_search_goes_home(client):
    r = client.get("/search", params={"q": "  "}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/"


def test_article_api_returns_the_stored_record(client, built):
    _, ids, texts = built
    rec = client.get(f"/api/articles/{ids['seed-article.txt']}").json()
    assert rec["raw"] == texts["seed-article.txt"]
    assert letters(rec["text"]) == letters(read_text(texts["seed-article.txt"]).text)
    assert "کوبا" in rec["title"]


def test_article_page_shows_raw_beside_repaired_with_every_repair_marked(client, built):
    _, ids, texts = built
    aid = ids["seed-article.txt"]
    repairs = client.get(f"/api/articles/{aid}/repairs").json()["repairs"]
    assert repairs, "the damaged seed needs repairs"
    assert all({"raw_start", "raw_end", "before", "after", "reason"} <= set(e) for e in repairs)
    html = client.get(f"/articles/{aid}").text
    raw_pane = html.split('id="raw">', 1)[1].split("</div>", 1)[0]
    repaired_pane = html.split('id="repaired">', 1)[1].split("</div>", 1)[0]
    # one marked span (or insertion point) per repair in the raw pane
    assert raw_pane.count('class="edit"') + raw_pane.count('class="ins"') >= len(repairs)
    assert 'class="edit"' in repaired_pane
    # the raw pane, tags stripped and unescaped, is the raw input itself
    raw_back = re.sub(r"<[^>]+>", "", raw_pane).replace("&#34;", '"').replace("&#39;", "'")
    raw_back = raw_back.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    assert raw_back == texts["seed-article.txt"]


def test_half_spaces_survive_into_the_page(client, built):
    _, ids, _ = built
    aid = ids["seed-article.txt"]
    rec = client.get(f"/api/articles/{aid}").json()
    assert rec["text"].count(ZWNJ) > 0
    html = client.get(f"/articles/{aid}").text
    annotated = html.split('id="annotated">', 1)[1].split("</div>", 1)[0]
    assert re.sub(r"<[^>]+>", "", annotated).count(ZWNJ) == rec["text"].count(ZWNJ)


def test_hostile_article_is_shown_as_text(client, built):
    _, ids, _ = built
    html = client.get(f"/articles/{ids['hostile.txt']}").text
    assert HOSTILE_MARK in html
    assert "<script" not in html
    assert "&lt;script&gt;" in html
    assert "<img" not in html
    r = client.get(f"/articles/{ids['hostile.txt']}")
    assert "script-src 'self'" in r.headers["content-security-policy"]


def test_unknown_article_is_404_as_json_and_as_page(client):
    assert client.get("/api/articles/0000000000000000").status_code == 404
    page = client.get("/articles/0000000000000000")
    assert page.status_code == 404 and 'dir="rtl"' in page.text


def test_people_list_and_person_pages(client):
    people = client.get("/api/people").json()["people"]
    assert client.get("/people").status_code == 200
    assert client.get("/api/people/" + "نام ناموجود در بایگانی").status_code == 404
    if not people:
        pytest.skip("attribution found no people in the examples yet")
    name = people[0]["name"]
    p = client.get(f"/api/people/{name}").json()
    assert p["name"] == name and "timeline" in p and "met" in p
    page = client.get(f"/people/{name}")
    assert page.status_code == 200 and name in page.text


def test_openapi_and_offline_docs(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/search", "/api/articles/{id}", "/api/people/{name}", "/api/ingest", "/api/read"):
        assert path in spec["paths"]
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/api/search" in docs.text
    assert "cdn" not in docs.text.lower() and "https://" not in docs.text


# ---------------------------------------------------------------------------
# read now (not stored)
# ---------------------------------------------------------------------------
def test_read_now_page_reads_a_paste_without_storing_it(client, built):
    _, _, texts = built
    text = texts["fars-13961020000133.txt"].replace("شاهزاده", "شاهزادهٔ")
    before = client.get("/api/stats").json()
    r = client.post("/read", data={"text": text})
    assert r.status_code == 200
    assert "ذخیره نشده" in r.text
    assert "بازداشت" in r.text
    assert client.get("/api/stats").json() == before


def test_read_now_accepts_an_upload_in_utf16(client, built):
    _, _, texts = built
    data = texts["seed-article.txt"].encode("utf-16")
    r = client.post("/read", files={"upload": ("seed.txt", data, "text/plain")})
    assert r.status_code == 200 and "کوبا" in r.text


FIXTURES = Path(__file__).parent / "fixtures" / "reader"


@pytest.mark.parametrize("name", ["page.pdf", "page.html"])
def test_read_now_reads_an_uploaded_pdf_or_saved_page_like_the_cli(client, name):
    """A PDF goes through pdftotext and a saved page through the guarded HTML reader, as `goftar read` does:
    the page shows the article's own title (from the corpus gold) with its half-spaces."""
    if name == "page.pdf" and shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    art = FIXTURES / "fars-news-1-272"
    title = json.loads((art / "gold.json").read_text("utf-8"))["title"]
    r = client.post("/read", files={"upload": (name, (art / name).read_bytes(), "application/octet-stream")})
    assert r.status_code == 200
    shown = re.search(r"<h1>(.*?)</h1>", r.text, re.S)
    assert shown is not None and shown.group(1).strip() == html.escape(title, quote=False)


def test_read_now_refuses_an_image_only_pdf_with_a_message(client):
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    r = client.post("/read", files={"upload": ("scan.pdf", (FIXTURES / "image-only.pdf").read_bytes(),
                                               "application/pdf")})
    assert r.status_code == 400 and "scan.pdf" in r.text and "Traceback" not in r.text


def test_read_api_returns_a_record(client, built):
    _, _, texts = built
    rec = client.post("/api/read", json={"text": texts["seed-article.txt"]}).json()
    assert rec["raw"] == texts["seed-article.txt"] and ZWNJ in rec["text"]
    assert client.post("/api/read", json={"text": "   "}).status_code == 400


# ---------------------------------------------------------------------------
# writes and limits
# ---------------------------------------------------------------------------
def test_read_only_archive_refuses_writes(client, built):
    _, _, texts = built
    body = {"texts": [texts["seed-article.txt"]]}
    assert client.post("/api/ingest", json=body).status_code == 403
    assert client.post("/api/ingest", json=body, headers={"Authorization": "Bearer x"}).status_code == 403


def test_ingest_needs_the_token(tmp_path, built):
    _, _, texts = built
    db = tmp_path / "w.db"
    build_archive(db, {"seed-article.txt": texts["seed-article.txt"]})
    app = create_app(db, allow_ingest=True)
    token = app.state.token
    assert token and len(token) >= 32
    body = {"texts": [texts["fars-13990725000458.txt"]]}
    with TestClient(app) as c:
        r = c.post("/api/ingest", json=body)
        assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
        assert c.post("/api/ingest", json=body, headers={"Authorization": "Bearer wrong"}).status_code == 403
        assert c.post("/api/ingest", json=body, headers={"Authorization": token}).status_code == 401
        ok = c.post("/api/ingest", json=body, headers={"Authorization": f"Bearer {token}"})
        assert ok.status_code == 200
        (new_id,) = ok.json()["ids"]
        assert c.get(f"/api/articles/{new_id}").json()["raw"] == texts["fars-13990725000458.txt"]
        # the read-now form stores only with the token
        other = texts["fars-14000302000423.txt"]
        assert c.post("/read", data={"text": other, "store": "1", "token": "nope"}).status_code == 403
        stored = c.post("/read", data={"text": other, "store": "1", "token": token})
        assert stored.status_code == 200 and "ذخیره شد" in stored.text
    app.state.archive.close()


def test_request_bodies_are_size_limited(built):
    db, _, texts = built
    app = create_app(db, max_body=4000)
    with TestClient(app) as c:
        big = texts["fars-13970506000631.txt"]  # > 4000 bytes of UTF-8
        assert len(big.encode()) > 4000
        assert c.post("/api/read", json={"text": big}).status_code == 413

        def chunks():
            data = big.encode()
            for i in range(0, len(data), 1000):
                yield data[i : i + 1000]

        r = c.post("/api/read", content=chunks(), headers={"content-type": "application/json"})
        assert r.status_code == 413
        assert c.post("/api/read", json={"text": texts["seed-article.txt"][:600]}).status_code == 200
    app.state.archive.close()


def test_serve_refuses_a_missing_archive_with_one_line(monkeypatch, capsys, tmp_path):
    from goftar.cli import run

    monkeypatch.setattr(sys, "argv", ["goftar", "serve", "--db", str(tmp_path / "missing.db")])
    with pytest.raises(SystemExit) as exit_:
        run()
    assert exit_.value.code != 0
    err = capsys.readouterr().err
    assert err.startswith("goftar: error:") and "missing.db" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert not (tmp_path / "missing.db").exists()


# ---------------------------------------------------------------------------
# rendering helpers
# ---------------------------------------------------------------------------
def test_mark_text_nests_overlaps_and_escapes():
    text = "رئیس جمهور <b>کوبا</b> گفت"
    html = mark_text(text, [Mark(0, 14, "quote", 'a"b'), Mark(5, 10, "person", "x")])
    assert "<b>" not in html and "&lt;b&gt;" in html
    assert re.sub(r"<[^>]+>", "", str(html)).replace("&lt;", "<").replace("&gt;", ">") == text
    assert 'class="person quote"' in html and 'title="a&#34;b | x"' in html


def test_timeline_has_one_bar_per_dated_month():
    svg = str(timeline_svg(["2023-11-01", "2023-11-20", "2024-01-05", None]))
    assert svg.count("<rect") == 2  # Nov and Jan; December has none
    assert "۱۴۰۲/۰۸" in svg
    assert str(timeline_svg([None, ""])) == ""


def test_jalali_and_gregorian_dates_parse():
    assert parse_date("۱۴۰۲/۰۸/۱۰", "since") == "2023-11-01"
    assert parse_date("2023-11-01", "since") == "2023-11-01"
    assert parse_date("", "since") is None


def test_examples_ship_with_the_package():
    base = resources.files("goftar.data") / "examples"
    assert (base / "seed-article.txt").is_file()


def test_loopback_server_refuses_foreign_host_headers(built):
    db, _, _ = built
    app = create_app(db, allowed_hosts=["127.0.0.1", "localhost"])
    with TestClient(app, base_url="http://127.0.0.1:8000") as c:
        assert c.get("/api/stats").status_code == 200
        assert c.get("/api/stats", headers={"host": "localhost:8000"}).status_code == 200
        assert c.get("/api/stats", headers={"host": "evil.example:8000"}).status_code == 400
    app.state.archive.close()


def test_demo_reads_the_bundled_examples_and_serves_them_read_only(monkeypatch):
    from click.testing import CliRunner

    from goftar.commands import serve as serve_cmds

    seen = {}

    def fake_run(app, host, port):  # instead of uvicorn: look at the app the demo would serve
        with TestClient(app, base_url=f"http://{host}:{port}") as c:
            seen["stats"] = c.get("/api/stats").json()
            seen["hits"] = c.get("/api/search", params={"q": "کوبا"}).json()["hits"]
            seen["ingest"] = c.post("/api/ingest", json={"texts": ["متن"]}).status_code
        seen["host"] = host

    monkeypatch.setattr(serve_cmds, "_run", fake_run)
    result = CliRunner().invoke(serve_cmds.demo_cmd, ["--port", "8123"])
    assert result.exit_code == 0, result.output
    assert seen["host"] == "127.0.0.1"
    assert seen["stats"]["articles"] == len(list(iter_example_texts()))
    assert any("کوبا" in (h["title"] or "") for h in seen["hits"])
    assert seen["ingest"] == 403  # the demo is read-only
