#!/usr/bin/env python3
"""Build the reader test set: real news articles rendered the four ways users hand them to goftar.

Source: ../shared/corpora/langml_fars_varzesh3_news (Fars News + Varzesh3; title, abstract = lead,
paragraphs, tags; research and testing use only), documents with ``clean_zwnj_gold=1`` only.

For each article this writes ``OUT/<split>/<id>/``:

* ``page.html``     a realistic news page: site header, navigation menu, breadcrumb, title, date line,
                    lead (``class="lead"``), body, tag links, short link, related box, copyright footer,
                    with ``og:title`` / ``article:tag`` / ``article:published_time`` metadata;
* ``page.pdf``      the page printed by headless Chromium (its default print header/footer included);
* ``pdftotext.txt`` ``pdftotext -enc UTF-8 page.pdf`` output, as someone else extracted it;
* ``webcopy.txt``   the page's text as copied from a browser, with the seed article's damage: half-spaces
                    deleted or spaced, hard wraps at ~110 characters, blank lines inside sentences,
                    the tags label glued to the first tag;
* ``gold.json``     the source article: title, lead, paragraphs, tags, published (the date shown on the page).

Splits: ``dev`` (fars-news-1, varzesh3-1) was used while writing the reader; ``test`` (fars-news-3/4,
varzesh3-3/4) was not looked at; ``dev2`` (only with ``--splits dev2``) holds more development articles: those of
fars-news-1 / varzesh3-1 after the first ``--dev-size`` (the ``dev`` ones) and fars-news-2 / varzesh3-2;
``dev3`` (``--splits dev3``) the articles of the same files after those of dev2 (``--dev2-size``).
Deterministic (seeded).

usage: python scripts/build_testset.py [--out tests/artifacts/reader] [--per-split-source 40] [--jobs 2]
       python scripts/build_testset.py --splits dev2 --per-split-source 75 --jobs 1
       python scripts/build_testset.py --splits dev3 --per-split-source 150 --jobs 1
"""
from __future__ import annotations

import argparse
import csv
import gzip
import html
import json
import random
import shutil
import subprocess
import sys
import tempfile
import textwrap
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import jdatetime

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" if (ROOT.parent / "shared").exists() else Path("/work/shared")
CORPUS = SHARED / "corpora" / "langml_fars_varzesh3_news"
ZWNJ = "\u200c"

SPLITS = {
    "dev": ["fars-news-1.json", "varzesh3-1.json"],
    "test": ["fars-news-3.json", "fars-news-4.json", "varzesh3-3.json", "varzesh3-4.json"],
    # more development articles: the rest of fars-news-1 / varzesh3-1 (after the ones in ``dev``) and fars-news-2 /
    # varzesh3-2; never from the files of the test split
    "dev2": ["fars-news-1.json", "fars-news-2.json", "varzesh3-1.json", "varzesh3-2.json"],
    # and the rest of the same four files, after dev and dev2
    "dev3": ["fars-news-1.json", "fars-news-2.json", "varzesh3-1.json", "varzesh3-2.json"],
}
SITES = [("خبرگزاری نمونه", "sample-news.ir"), ("پایگاه خبری ورزش امروز", "varzesh-emrooz.ir")]
NAV = ["صفحه اصلی", "سیاسی", "اقتصادی", "اجتماعی", "ورزشی", "فرهنگی", "بین‌الملل", "عکس", "فیلم"]
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"]

PAGE = """<!DOCTYPE html>
<html lang="fa" dir="rtl"><head><meta charset="utf-8">
<title>{title} | {site}</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="{site}">
<meta property="article:published_time" content="{iso}T{hh}:{mm}:00+03:30">
{tag_meta}
<meta name="description" content="{lead}">
<style>
body {{ font-family: 'Noto Naskh Arabic', 'Noto Sans Arabic', sans-serif; margin: 0; line-height: 1.9; }}
header, footer {{ background: #eee; padding: 8px 24px; }}
nav a {{ margin-left: 12px; }} nav span.sep {{ color: #999; }}
article {{ padding: 8px 48px; }} .lead {{ font-weight: bold; }} .tags a {{ margin-left: 8px; }}
</style></head>
<body>
<header><div class="logo">{site}</div>
<nav class="menu">{nav}</nav></header>
<div class="breadcrumb"><a href="/">خانه</a> » <a href="/{section_slug}">{section}</a> » <span>{sub}</span></div>
<article class="news">
<h1 class="title">{title}</h1>
<div class="news-meta">تاریخ انتشار: {date_fa} - {time_fa} | کد خبر: {code}</div>
<p class="lead">{lead}</p>
<div class="body">
{body}
</div>
{tags_html}
<div class="short-link">لینک کوتاه: https://{domain}/x{code}</div>
</article>
<aside class="related"><h3>اخبار مرتبط</h3><ul>{related}</ul></aside>
<footer>کلیه حقوق این سایت متعلق به {site} است. © {year_fa}</footer>
</body></html>
"""


def fa_digits(s: str) -> str:
    return s.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))


def load_articles(files: list[str]) -> list[dict]:
    good: set[tuple[str, int]] = set()
    with open(CORPUS / "doc_quality.tsv", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if row["clean_zwnj_gold"] == "1":
                good.add((row["file"], int(row["index"])))
    out = []
    for name in files:
        docs = json.load(gzip.open(CORPUS / (name + ".gz"), "rt", encoding="utf-8"))
        for i, d in enumerate(docs):
            paras = [p.strip() for p in d.get("paragraphs") or [] if p and p.strip()]
            title = (d.get("title") or "").strip()
            lead = (d.get("abstract") or "").strip()
            if (name, i) not in good or not title or not lead or not paras or len(paras) > 14:
                continue
            if any(len(p) > 1500 for p in paras) or sum(len(p) for p in paras) > 6000:
                continue
            tags = [t.strip() for t in d.get("tags") or [] if t and t.strip()]
            out.append({"id": f"{name.split('.')[0]}-{i:03d}", "title": title, "lead": lead,
                        "paragraphs": paras, "tags": tags, "link": d.get("link", "")})
    return out


def render_page(a: dict, rng: random.Random, others: list[dict]) -> tuple[str, str]:
    """The HTML page and the ISO date it shows."""
    site, domain = rng.choice(SITES)
    jd = jdatetime.date(1402, 1, 1) + jdatetime.timedelta(days=rng.randrange(0, 700))
    iso = jd.togregorian().isoformat()
    months = ["فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"]
    date_fa = fa_digits(f"{jd.day} ") + months[jd.month - 1] + fa_digits(f" {jd.year}")
    hh, mm = f"{rng.randrange(7, 23):02d}", f"{rng.randrange(0, 60):02d}"
    code = str(rng.randrange(100000, 999999))
    nav = ' <span class="sep">|</span> '.join(f'<a href="/{i}">{n}</a>' for i, n in enumerate(NAV))
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in a["paragraphs"])
    tags_html = ""
    if a["tags"] and rng.random() < 0.5:  # inline links with visible separators
        links = "، ".join(f'<a href="/tag/{html.escape(t)}" rel="tag">{html.escape(t)}</a>' for t in a["tags"])
        tags_html = f'<div class="tags"><span class="label">برچسب‌ها:</span> {links}</div>'
    elif a["tags"]:  # a vertical list of tag links
        items = "".join(f'<li><a href="/tag/{html.escape(t)}" rel="tag">{html.escape(t)}</a></li>' for t in a["tags"])
        tags_html = f'<div class="tags"><div class="label">برچسب‌ها:</div><ul>{items}</ul></div>'
    tag_meta = "\n".join(f'<meta property="article:tag" content="{html.escape(t)}">' for t in a["tags"])
    related = "".join(f'<li><a href="/r{i}">{html.escape(o["title"])}</a></li>' for i, o in enumerate(others))
    page = PAGE.format(
        title=html.escape(a["title"]), site=site, iso=iso, hh=hh, mm=mm, tag_meta=tag_meta,
        lead=html.escape(a["lead"]), nav=nav, section_slug="sport", section="ورزش" if "varzesh" in a["id"] else "سیاسی",
        sub="فوتبال" if "varzesh" in a["id"] else "مجلس", date_fa=date_fa, time_fa=fa_digits(f"{hh}:{mm}"),
        code=code, body=body, tags_html=tags_html, domain=domain, related=related, year_fa=fa_digits(str(jd.year)),
    )
    return page, iso


def damage(text: str, rng: random.Random) -> str:
    """The seed's kind of damage on one paragraph: half-spaces lost or spaced."""
    out = []
    for ch in text:
        if ch == ZWNJ:
            out.append("" if rng.random() < 0.7 else " ")
        else:
            out.append(ch)
    return "".join(out)


def wrap(text: str, width: int, rng: random.Random) -> str:
    lines = textwrap.wrap(text, width=width, break_long_words=False, break_on_hyphens=False)
    out = []
    for k, line in enumerate(lines):
        out.append(line)
        if k < len(lines) - 1 and rng.random() < 0.15:
            out.append("")  # a blank line inside a sentence
    return "\n".join(out)


def webcopy(a: dict, iso: str, rng: random.Random) -> str:
    """The article as copied from the rendered page, damaged like the seed."""
    width = rng.randrange(100, 120)
    parts = []
    if rng.random() < 0.5:
        parts.append(" | ".join(NAV[:6]))
    parts.append(damage(a["title"], rng))
    jd = jdatetime.date.fromgregorian(date=__import__("datetime").date.fromisoformat(iso))
    parts.append(fa_digits(f"تاریخ انتشار: {jd.year}/{jd.month:02d}/{jd.day:02d} - ۱۲:۳۰"))
    parts.append(wrap(damage(a["lead"], rng), width, rng))
    for p in a["paragraphs"]:
        parts.append(wrap(damage(p, rng), width, rng))
    tags = [damage(t, rng) for t in a["tags"]]
    if tags:
        style = rng.choice(["seed", "inline", "lines"])
        if style == "seed":  # «[1] رهبر انقلاببرچسب ها:» then one tag per line
            items = [f"[{k + 1}] {t}" for k, t in enumerate(tags)]
            items[0] += "برچسب ها: "
            parts.append("\n".join(items))
        elif style == "inline":
            parts.append("برچسب ها: " + "، ".join(tags))
        else:
            parts.append("برچسب‌ها:\n" + "\n".join(tags))
    parts.append("لینک کوتاه: https://sample-news.ir/x12345")
    return "\n\n".join(parts) + "\n"


def print_pdf(html_path: Path, pdf_path: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="goftar-chromium-") as profile:
        cmd = ["chromium", *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--print-to-pdf={pdf_path}",
               html_path.as_uri()]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)


def build_one(a: dict, split: str, out: Path, rng: random.Random, others: list[dict]) -> None:
    d = out / split / a["id"]
    d.mkdir(parents=True, exist_ok=True)
    page, iso = render_page(a, rng, others)
    (d / "page.html").write_text(page, encoding="utf-8")
    (d / "webcopy.txt").write_text(webcopy(a, iso, rng), encoding="utf-8")
    gold = {"id": a["id"], "split": split, "link": a["link"], "title": a["title"], "lead": a["lead"],
            "paragraphs": a["paragraphs"], "tags": a["tags"], "published": iso}
    (d / "gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")
    if not (d / "page.pdf").exists():
        print_pdf(d / "page.html", d / "page.pdf")
    txt = subprocess.run(["pdftotext", "-enc", "UTF-8", str(d / "page.pdf"), "-"], check=True,
                         capture_output=True).stdout
    (d / "pdftotext.txt").write_bytes(txt)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=ROOT / "tests" / "artifacts" / "reader")
    ap.add_argument("--per-split-source", type=int, default=40, help="articles per corpus file")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--splits", default="dev,test")
    ap.add_argument("--dev-size", type=int, default=50,
                    help="articles per file in the dev split (dev2 skips them in the files they share)")
    ap.add_argument("--dev2-size", type=int, default=75,
                    help="articles per file in the dev2 split (dev3 takes the ones after them)")
    ap.add_argument("--clean", action="store_true", help="remove OUT first")
    args = ap.parse_args()
    if not CORPUS.exists():
        print(f"corpus not found: {CORPUS}", file=sys.stderr)
        return 2
    if args.clean and args.out.exists():
        shutil.rmtree(args.out)
    jobs = []
    for split in args.splits.split(","):
        for name in SPLITS[split]:
            rng = random.Random(f"goftar-reader-{name}")
            arts = load_articles([name])
            rng.shuffle(arts)
            skip = args.dev_size if split in ("dev2", "dev3") and name in SPLITS["dev"] else 0
            if split == "dev3":
                skip += args.dev2_size
            chosen = arts[skip: skip + args.per_split_source]
            for k, a in enumerate(chosen):
                others = [arts[(k + j + 1) % len(arts)] for j in range(3)]
                jobs.append((a, split, random.Random(f"{a['id']}"), others))
    with ThreadPoolExecutor(args.jobs) as ex:
        for n, _ in enumerate(ex.map(lambda j: build_one(j[0], j[1], args.out, j[2], j[3]), jobs), 1):
            if n % 20 == 0:
                print(f"{n}/{len(jobs)}", file=sys.stderr)
    print(f"wrote {len(jobs)} articles to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
