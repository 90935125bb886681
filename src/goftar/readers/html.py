"""Saved web pages: trafilatura's main text with half-spaces protected, plus the page's own metadata.

trafilatura drops every U+200C (its control-character filter uses ``str.isprintable``), and a
private-use placeholder is dropped the same way, so half-spaces are swapped for a rare *printable*
character around the call and restored after.  Title, kicker (روتیتر), lead (لید), tags and the
publication time are read from the page's markup (``og:title``, ``article:tag``,
``article:published_time``, class names used by Persian news sites) into ``meta["html_meta"]``;
those trafilatura left out of its text are put back around it, so every field has offsets.
"""
from __future__ import annotations

import re
from typing import Any

from ..errors import InputError
from ..model import Document

ZWNJ = "\u200c"
_PLACEHOLDERS = ("\u2058", "\u2059", "\u205a", "\u2e2c")
KICKER_CLASSES = ("rutitr", "roo-titr", "rootitr", "ro-titr", "uptitle", "up-title", "overtitle", "kicker",
                  "pretitle", "pre-title", "supertitle", "surtitle")
LEAD_CLASSES = ("lead", "lid", "subtitle", "sub-title", "summary", "introtext", "intro", "abstract",
                "news-lead", "teaser", "description")
TITLE_CLASSES = ("title", "news-title", "headline", "entry-title", "post-title")
TAGS_CLASSES = ("tags", "tag", "keywords", "news-tags", "tags-list", "post-tags")
_WS = re.compile(r"\s+")


def _text(el: Any) -> str:
    return _WS.sub(" ", el.text_content() or "").strip()


def _by_class(tree: Any, names: tuple[str, ...], tags: str = "*") -> Any | None:
    for name in names:
        found = tree.xpath(
            f"//body//{tags}[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]"
        )
        for el in found:
            if _text(el):
                return el
    return None


def page_meta(tree: Any) -> dict[str, Any]:
    """Metadata of a news page: og:title, h1, kicker, lead, article:tag list, published time."""
    meta: dict[str, Any] = {}

    def prop(name: str) -> list[str]:
        vals = tree.xpath(f"//meta[@property='{name}' or @name='{name}']/@content")
        return [_WS.sub(" ", v).strip() for v in vals if v and v.strip()]

    for key in ("og:title", "article:published_time", "og:site_name", "description", "og:description"):
        v = prop(key)
        if v:
            meta[key] = v[0]
    tags = prop("article:tag")
    if not tags:
        kw = prop("keywords") or prop("news_keywords")
        if kw:
            tags = [t.strip() for t in re.split(r"[,،]", kw[0]) if t.strip()]
    if tags:
        meta["article:tag"] = tags
    h1 = tree.xpath("//body//h1")
    title_el = next((el for el in h1 if _text(el)), None)
    if title_el is None:
        title_el = _by_class(tree, TITLE_CLASSES)
    if title_el is not None:
        meta["title"] = _text(title_el)
    elif "og:title" in meta:
        meta["title"] = meta["og:title"]
    kicker = _by_class(tree, KICKER_CLASSES)
    if kicker is not None:
        meta["kicker"] = _text(kicker)
    lead = _by_class(tree, LEAD_CLASSES, "*[self::p or self::div or self::h2 or self::h3 or self::span]")
    if lead is not None:
        meta["lead"] = _text(lead)
    tag_box = _by_class(tree, TAGS_CLASSES)
    if tag_box is not None:
        links = [_text(a) for a in tag_box.xpath(".//a") if _text(a)]
        if links:
            meta["tag_links"] = links
    for t in tree.xpath("//body//time/@datetime"):
        meta.setdefault("time", t)
    return meta


def guarded_extract(html: str) -> str:
    """trafilatura's main text with every half-space kept."""
    import trafilatura

    ph = next((p for p in _PLACEHOLDERS if p not in html), None)
    if ph is None:
        raise InputError("page uses every half-space placeholder character; cannot protect half-spaces")
    out = trafilatura.extract(html.replace(ZWNJ, ph), include_comments=False, include_tables=True,
                              include_links=False, include_images=False, deduplicate=False)
    return (out or "").replace(ph, ZWNJ)


def _core(s: str) -> str:
    return re.sub(r"[\s\u200c]+", "", s)


def read_html(data: bytes, path: str | None = None) -> Document:
    """A Document from a saved web page: ``raw`` is the guarded trafilatura text, completed by the
    page's title/kicker/lead/tags markup where trafilatura left them out."""
    from lxml import html as lxml_html

    from ..api import source_info
    from .encoding import decode

    name = path or "<stdin>"
    enc = _declared_encoding(data)
    try:
        page = data.decode(enc) if enc else decode(data, name)
    except (UnicodeDecodeError, LookupError):
        page = decode(data, name)
    try:
        tree = lxml_html.fromstring(page)
    except Exception as e:  # lxml raises several types for broken input
        raise InputError(f"{name}: not a readable web page ({type(e).__name__})") from None
    meta = page_meta(tree)
    body = guarded_extract(page)
    have = _core(body)
    head = []
    order = ("kicker", "title") if _kicker_first(tree) else ("title", "kicker")
    for key in order:
        v = meta.get(key)
        if v and _core(v) not in have:
            head.append(v)
    lead = meta.get("lead")
    if lead and _core(lead) not in have:
        head.append(lead)
    tail = []
    tags = meta.get("tag_links") or meta.get("article:tag") or []
    if tags and not re.search(r"(?:برچسب|کلیدواژه|کلمات کلیدی|تگ)[\u200c ]?(?:ها)?\s*[:|]", body):
        tail.append("برچسب‌ها: " + "، ".join(tags))
    text = "\n\n".join([*head, body, *tail]).strip() + "\n"
    doc = Document(text, {"source": source_info(data, kind="html", path=path, encoding=enc or "detected",
                                                extracted_by="trafilatura"),
                          "html_meta": meta})
    if not _core(body):
        doc.meta.setdefault("warnings", []).append("no article text found on the page")
    # trafilatura writes one paragraph per line: nothing is hard-wrapped, so reflow must not join
    from .pdftext import layout_edits

    doc.apply(layout_edits(doc.text), "html")
    doc.meta["paragraphs_rebuilt"] = True
    return doc


def _kicker_first(tree: Any) -> bool:
    """Whether the kicker comes before the title in the page."""
    for el in tree.iter():
        cls = f" {el.get('class') or ''} " if isinstance(el.tag, str) else ""
        if el.tag == "h1" or any(f" {c} " in cls for c in TITLE_CLASSES):
            return False
        if any(f" {c} " in cls for c in KICKER_CLASSES):
            return True
    return True


def _declared_encoding(data: bytes) -> str | None:
    m = re.search(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_\-]+)", data[:4000], re.I)
    if not m:
        return None
    enc = m.group(1).decode("ascii").lower()
    return {"windows-1256": "cp1256", "utf8": "utf-8"}.get(enc, enc)


def looks_like_html(data: bytes) -> bool:
    """The first bytes look like markup (a doctype, <html>, <head> or <body>)."""
    head = data[:2000].lstrip().lower()
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    return head.startswith((b"<!doctype html", b"<html", b"<head", b"<?xml")) or (
        b"<html" in head and b"<body" in data[:20000].lower()
    )
