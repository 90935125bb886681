"""Structure: title, kicker, lead, body, agency, original source, tags, dates (as spans).

The stages run on the repaired, frozen text and only add spans and meta:

``layout``     one ``block`` span per paragraph, labelled with its role (text, nav, meta, tags …)
``header``     ``title``, ``kicker``, ``lead``
``body``       ``paragraph`` spans: the body, lead excluded, up to the footer
``footer``     ``tag`` and ``original_source`` spans from «برچسب‌ها:», «[1] …», «منبع| …»
``agency``     ``agency`` span from «به گزارش X،», «به نقل از X،», «خبرگزاری X:»
``published``  ``published`` span and ``meta["published"]`` (ISO date) from page metadata or a date line

Page metadata read by the HTML reader (``meta["html_meta"]``) is used as a hint:
a paragraph that matches the page's own title, kicker or lead wins.
"""
from __future__ import annotations

import re
from typing import Any

from ..model import Document, Span
from ..pipeline import Stage
from ..settings import Settings
from . import layout
from .dates import find_dates, parse_iso

__all__ = ["STAGES", "record_fields"]

_FOOTER_ROLES = {"tags_label", "tag_item", "source", "junk"}
_SKIP_ROLES = {"nav", "meta", "page"}
_KICKER_MAX = 160
_TAG_MAX = 90  # tags can be whole phrases («رئیس هیات نجات غریق و غواصی مازندران»)


def core(s: str) -> str:
    """Letters only: spaces, half-spaces and edge punctuation removed (how fields are compared)."""
    return re.sub(r"[\s\u200c]+", "", s or "").strip("؛;:،,.")


def _hints(doc: Document) -> dict[str, Any]:
    """What the reader learned outside the text: page markup (HTML) or a print header (PDF)."""
    from ..repair.fold import fold_text

    hints = dict(doc.meta.get("hints") or {})
    html = doc.meta.get("html_meta") or {}
    for key, src in (("title", "title"), ("kicker", "kicker"), ("lead", "lead"),
                     ("published_time", "article:published_time"), ("date", "time")):
        if html.get(src):
            hints[key] = html[src]
    for key in ("title", "kicker", "lead"):
        if hints.get(key):
            hints[key] = fold_text(hints[key])
    return hints


def _blocks(doc: Document) -> list[Span]:
    return doc.layer("block")


def _trim(doc: Document, start: int, end: int, chars: str) -> tuple[int, int]:
    """Shrink ``[start, end)`` past spaces and the given edge characters."""
    t = doc.text
    while end > start and (t[end - 1].isspace() or t[end - 1] in chars):
        end -= 1
    while start < end and (t[start].isspace() or t[start] in chars):
        start += 1
    return start, end


# -- layout -----------------------------------------------------------------
def layout_stage(doc: Document, settings: Settings) -> Document:
    """Split the text into paragraphs and give each a role (a ``block`` span per paragraph)."""
    doc.spans.setdefault("block", [])
    for p in layout.classify(doc.text):
        doc.add_span("block", p.start, p.end, p.role)
    return doc


# -- header -----------------------------------------------------------------
def _text_blocks(doc: Document) -> list[int]:
    return [i for i, b in enumerate(_blocks(doc)) if b.label == "text"]


def _find_hint(doc: Document, hint: str | None, candidates: list[int]) -> int | None:
    if not hint:
        return None
    want = core(hint)
    blocks = _blocks(doc)
    for i in candidates:
        if core(doc.span_text(blocks[i])) == want:
            return i
    return None


_GLUED_META = re.compile(r"\s(?:تاریخ[\u200c ]?انتشار|زمان[\u200c ]?انتشار|کد[\u200c ]?خبر|تاریخ)\s*[:：|]")


def header_stage(doc: Document, settings: Settings) -> Document:
    """Title, kicker (روتیتر, the short line ending in «؛» or the page's own markup) and lead."""
    blocks = _blocks(doc)
    texts = [i for i in _text_blocks(doc) if i < _footer_start(doc)]
    if not texts:
        return doc
    hints = _hints(doc)
    head = texts[:6]
    title_i = _find_hint(doc, hints.get("title"), head)
    kicker_i = _find_hint(doc, hints.get("kicker"), head)
    lead_i = _find_hint(doc, hints.get("lead"), head)

    def short_semicolon(i: int) -> bool:
        t = doc.span_text(blocks[i])
        return len(t) <= _KICKER_MAX and t.endswith("؛")

    if title_i is None:
        rest = [i for i in texts if i != kicker_i]
        if kicker_i is None and len(rest) >= 2 and short_semicolon(rest[0]) and not short_semicolon(rest[1]):
            kicker_i = rest[0]  # kicker above the title
            rest = rest[1:]
        title_i = rest[0] if rest else None
    if kicker_i is None and title_i is not None:
        after = [i for i in texts if i > title_i]
        if after and short_semicolon(after[0]) and len(after) >= 2:
            kicker_i = after[0]  # kicker under the title, as in copied pages
    if title_i is not None:
        s, e = _trim(doc, blocks[title_i].start, blocks[title_i].end, "")
        glued = _GLUED_META.search(doc.text, s + 1, e)  # a date line reflowed onto a long title
        if glued:
            e = _trim(doc, s, glued.start(), "")[1]
        doc.add_span("title", s, e)
    if kicker_i is not None:
        s, e = _trim(doc, blocks[kicker_i].start, blocks[kicker_i].end, "؛;:")
        doc.add_span("kicker", s, e)
    if lead_i is None:
        used = {title_i, kicker_i}
        after = [i for i in texts if i not in used and (title_i is None or i > title_i)]
        lead_i = after[0] if after else None
    if lead_i is not None:
        b = blocks[lead_i]
        doc.add_span("lead", b.start, b.end)
        doc.meta["lead_block"] = lead_i
    doc.meta["header_blocks"] = sorted(i for i in (title_i, kicker_i, lead_i) if i is not None)
    return doc


# -- body -------------------------------------------------------------------
def _footer_start(doc: Document) -> int:
    """Index of the first block of the footer (tags, source, share/copyright lines) after the text begins."""
    blocks = _blocks(doc)
    seen_text = 0
    for i, b in enumerate(blocks):
        if b.label == "text":
            seen_text += 1
        elif b.label in _FOOTER_ROLES and seen_text >= 2:
            return i
    return len(blocks)


def body_stage(doc: Document, settings: Settings) -> Document:
    """Body paragraphs: text blocks after the header and before the footer."""
    blocks = _blocks(doc)
    header = doc.meta.get("header_blocks") or []
    first = max(header) + 1 if header else 0
    end = _footer_start(doc)
    doc.spans.setdefault("paragraph", [])
    for i in range(first, end):
        b = blocks[i]
        if b.label == "text" and i not in header:
            doc.add_span("paragraph", b.start, b.end)
    if not doc.layer("paragraph") and not doc.layer("lead"):
        warnings = doc.meta.setdefault("warnings", [])
        if "no article text found" not in " ".join(warnings):
            warnings.append("no article text found")
    return doc


# -- footer -----------------------------------------------------------------
_TAG_SPLIT = re.compile(r"\s*(?:[،,|؛;#]|\s[-–—•·/]\s)\s*")


_GLUED_LABEL_END = re.compile(rf"(?:{layout.TAG_LABELS})\s*[:|]?\s*$")


def _add_tag(doc: Document, start: int, end: int) -> None:
    s, e = _trim(doc, start, end, "#،,؛;:.-–—|•·")
    glued = _GLUED_LABEL_END.search(doc.text, s + 1, e)  # «… (مدیرعامل)برچسب‌ها:» left glued by repair
    if glued:
        s, e = _trim(doc, s, glued.start(), "#،,؛;:.-–—|•·")
    if e > s and e - s <= _TAG_MAX:
        doc.add_span("tag", s, e)


def _split_tags(doc: Document, start: int, end: int) -> None:
    pos = start
    for m in _TAG_SPLIT.finditer(doc.text, start, end):
        _add_tag(doc, pos, m.start())
        pos = m.end()
    _add_tag(doc, pos, end)


def _looks_like_tag(t: str) -> bool:
    return 0 < len(t) <= _TAG_MAX and len(t.split()) <= 12 and not re.search(r"[.!؟?:]$", t)


def footer_stage(doc: Document, settings: Settings) -> Document:
    """Tags («برچسب‌ها: …», «[1] …», tag link lines) and the original source («منبع| X»)."""
    blocks = _blocks(doc)
    doc.spans.setdefault("tag", [])
    start = _footer_start(doc)
    in_tags = False
    for i in range(start, len(blocks)):
        b = blocks[i]
        t = doc.span_text(b)
        if b.label == "tags_label":
            m = layout.TAGS_LABEL.match(t)
            assert m
            if b.start + m.end() < b.end:
                _split_tags(doc, b.start + m.end(), b.end)
                in_tags = False
            else:
                in_tags = True
            continue
        if b.label == "tag_item":
            m = layout.TAG_ITEM.match(t)
            if m:
                _add_tag(doc, b.start + m.start("value"), b.start + m.end("value"))
            else:  # hashtags
                for h in re.finditer(r"#(\S+)", t):
                    _add_tag(doc, b.start + h.start(1), b.start + h.end(1))
            continue
        if b.label == "source" and not doc.layer("original_source"):
            m = layout.SOURCE_LINE.match(t)
            if m:
                s, e = _trim(doc, b.start + m.start("value"), b.start + m.end("value"), "«»\"")
                if e > s:
                    doc.add_span("original_source", s, e)
            in_tags = False
            continue
        if in_tags and b.label == "text" and _looks_like_tag(t):
            _add_tag(doc, b.start, b.end)
            continue
        in_tags = False
    # tags the page declared but the text does not show as a list: keep those found in the footer only
    return doc


# -- agency -----------------------------------------------------------------
_OUTLET = r"(?:خبرگزاری|پایگاه[\u200c ]?(?:خبری|اطلاع[\u200c ]?رسانی)|روزنامه|هفته[\u200c ]?نامه|سایت|شبکه|باشگاه خبرنگاران|رادیو|تلویزیون)"
_AGENCY = re.compile(
    r"(?:^|(?<=[\s«(]))(?:به[\u200c ]گزارش|به[\u200c ]نقل[\u200c ]از)\s+(?P<x>[^،,:\n]{2,80}?)\s*(?=[،,:]|\s+به[\u200c ]نقل[\u200c ]از\s)"
)
_AGENCY_HEAD = re.compile(rf"^(?P<x>{_OUTLET}\s+[^:،,\n]{{2,40}}?)\s*:")
# «در گفت‌وگو با خبرنگار گروه اقتصادی خبرگزاری فارس»: the outlet the interview was given to
_INTERVIEW = re.compile(
    rf"گفت[\u200c ]?و[\u200c ]?گو\s+با\s+(?:خبرنگار[^،,:\n]{{0,40}}?\s+)?(?P<x>{_OUTLET}\s+[^\s،,:.]+)"
)
_REPORTER = re.compile(r"^(?:خبرنگار|گروه|سرویس|دبیر|تحریریه)(?:\s|$)")


def _agency_span(doc: Document, start: int, end: int) -> tuple[int, int] | None:
    """Narrow «خبرنگار ورزشی خبرگزاری فارس» to the outlet; refuse a reporter with no outlet."""
    t = doc.text[start:end]
    place = re.search(r"\s+از\s+", t)  # «خبرگزاری فارس از بوشهر»: the outlet, not its bureau
    if place and place.start() > 0:
        end = start + place.start()
        t = t[: place.start()]
    m = re.search(_OUTLET, t)
    if m and m.start() > 0:
        start += m.start()
    elif not m and _REPORTER.match(t):
        return None
    s, e = _trim(doc, start, end, "«»\"'“”()")
    if e <= s or len(doc.text[s:e].split()) > 7:
        return None
    return s, e


def agency_stage(doc: Document, settings: Settings) -> Document:
    """The outlet reporting: the first «به گزارش X،» / «به نقل از X،» / «خبرگزاری X:» of the article,
    else the outlet an interview was given to («در گفت‌وگو با خبرنگار … خبرگزاری X»)."""
    spans = [*doc.layer("lead"), *doc.layer("paragraph")[:4]]
    for sp in spans:
        t = doc.span_text(sp)
        m = _AGENCY_HEAD.match(t)
        if m:
            got = _agency_span(doc, sp.start + m.start("x"), sp.start + m.end("x"))
            if got:
                doc.add_span("agency", *got)
                return doc
        for m in _AGENCY.finditer(t):
            got = _agency_span(doc, sp.start + m.start("x"), sp.start + m.end("x"))
            if got:
                doc.add_span("agency", *got)
                return doc
    for sp in spans:
        m = _INTERVIEW.search(doc.span_text(sp))
        if m:
            doc.add_span("agency", sp.start + m.start("x"), sp.start + m.end("x"))
            return doc
    return doc


# -- published --------------------------------------------------------------
def published_stage(doc: Document, settings: Settings) -> Document:
    """Publication date: page metadata first, else a date line above or below the article; never invented."""
    hints = _hints(doc)
    for key in ("published_time", "date"):
        iso = parse_iso(hints.get(key) or "")
        if iso:
            doc.meta["published"] = iso
            doc.meta["published_from"] = f"html:{key}"
            return doc
    doc.meta["published"] = None
    for i, b in enumerate(_blocks(doc)):
        offset = 0
        if b.label != "meta":
            glued = _GLUED_META.search(doc.span_text(b)) if b.label == "text" and i < 6 else None
            if not glued:
                continue
            offset = glued.end()  # a date line reflowed onto the title
        found = find_dates(doc.text[b.start + offset : b.start + offset + 60 if offset else b.end])
        if found:
            f = found[0]
            s = b.start + offset
            doc.add_span("published", s + f.start, s + f.end, f.calendar, iso=f.iso)
            doc.meta["published"] = f.iso
            doc.meta["published_from"] = "text"
            return doc
    return doc


STAGES: list[Stage] = [
    Stage("layout", layout_stage, requires=("text:repaired",), assigns=("block",)),
    Stage("header", header_stage, requires=("block",), assigns=("title", "kicker", "lead")),
    Stage("body", body_stage, requires=("block", "lead"), assigns=("paragraph",)),
    Stage("footer", footer_stage, requires=("block",), assigns=("tag", "original_source")),
    Stage("agency", agency_stage, requires=("lead", "paragraph"), assigns=("agency",)),
    Stage("published", published_stage, requires=("block",), assigns=("published",)),
]


# -- record -----------------------------------------------------------------
def _where(doc: Document, sp: Span) -> dict[str, int]:
    rs, re_ = doc.raw_span(sp.start, sp.end)
    return {"start": sp.start, "end": sp.end, "raw_start": rs, "raw_end": re_}


def record_fields(doc: Document) -> dict[str, Any]:
    """The structural fields of the public record, each with its offsets (text and raw)."""
    out: dict[str, Any] = {}
    offsets: dict[str, Any] = {}
    for field, layer in (("title", "title"), ("kicker", "kicker"), ("lead", "lead"),
                         ("agency", "agency"), ("original_source", "original_source")):
        spans = doc.layer(layer)
        out[field] = doc.span_text(spans[0]) if spans else None
        offsets[field] = _where(doc, spans[0]) if spans else None
    paras = doc.layer("paragraph")
    out["paragraphs"] = [doc.span_text(s) for s in paras]
    offsets["paragraphs"] = [_where(doc, s) for s in paras]
    tags, tag_offsets, seen = [], [], set()
    for s in doc.layer("tag"):
        t = doc.span_text(s)
        if core(t) in seen:
            continue
        seen.add(core(t))
        tags.append(t)
        tag_offsets.append(_where(doc, s))
    out["tags"] = tags
    offsets["tags"] = tag_offsets
    out["published"] = doc.meta.get("published")
    pub = doc.layer("published")
    offsets["published"] = _where(doc, pub[0]) if pub else None
    out["offsets"] = offsets
    return out
