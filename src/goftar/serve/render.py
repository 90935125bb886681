"""Turning records into safe HTML fragments: marked text, repair views, dates, a small SVG plot.

Everything that comes from an article goes through :func:`markupsafe.escape`
before it is wrapped in :class:`~markupsafe.Markup`; nothing here trusts text.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable

from markupsafe import Markup, escape

FA_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


@dataclass(frozen=True, slots=True)
class Mark:
    """A highlighted region ``[start, end)`` of a text; ``cls`` is a CSS class, ``title`` a tooltip."""

    start: int
    end: int
    cls: str
    title: str = ""


def fa_digits(value: Any) -> str:
    """``value`` as text with Latin digits written as Persian digits."""
    return str(value).translate(FA_DIGITS)


def jalali(iso: str | None) -> str:
    """An ISO date (``2023-11-01``) as a Persian-digit Jalali date (``۱۴۰۲/۰۸/۱۰``); '' if absent."""
    if not iso:
        return ""
    try:
        import datetime as _dt

        import jdatetime

        d = _dt.date.fromisoformat(str(iso)[:10])
        return fa_digits(jdatetime.date.fromgregorian(date=d).strftime("%Y/%m/%d"))
    except (ValueError, ImportError):
        return fa_digits(iso)


def mark_text(text: str, marks: Iterable[Mark]) -> Markup:
    """``text`` escaped, with every mark as a ``<span class=…>``; overlapping marks nest by splitting.

    The text is cut at every mark boundary; each piece is wrapped in one span
    carrying the classes (and tooltips) of all marks covering it.  Empty marks
    (insertions) become a small ``<span class="ins">`` placeholder.  One sweep
    over the boundaries, so the cost grows with the marks, not their product.
    """
    marks = [m for m in marks if 0 <= m.start <= m.end <= len(text)]
    inserts: dict[int, list[str]] = {}
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    for k, m in enumerate(marks):
        if m.start == m.end:
            inserts.setdefault(m.start, []).append(m.title)
        else:
            starts.setdefault(m.start, []).append(k)
            ends.setdefault(m.end, []).append(k)
    points = sorted({0, len(text)} | set(inserts) | set(starts) | set(ends))
    active: dict[int, Mark] = {}
    out: list[str] = []
    for a, b in zip(points, points[1:] + [len(text)]):
        for k in ends.get(a, ()):
            active.pop(k, None)
        for k in starts.get(a, ()):
            active[k] = marks[k]
        if a in inserts:
            titles = " | ".join(t for t in inserts[a] if t)
            out.append(f'<span class="ins" title="{escape(titles)}"></span>')
        if b <= a:
            continue
        piece = escape(text[a:b])
        if not active:
            out.append(piece)
            continue
        classes = " ".join(sorted({m.cls for m in active.values()}))
        title = " | ".join(dict.fromkeys(m.title for m in active.values() if m.title))
        attr = f' title="{escape(title)}"' if title else ""
        out.append(f'<span class="{escape(classes)}"{attr}>{piece}</span>')
    return Markup("".join(out))


@lru_cache(maxsize=4096)
def _name_pattern(needle: str) -> re.Pattern[str] | None:
    parts = [re.escape(p) for p in re.split(r"[\s\u200c]+", needle.strip()) if p]
    if not parts or len(needle.strip()) < 2:
        return None
    return re.compile(r"(?<![\w\u200c])" + r"[\s\u200c]*".join(parts) + r"(?![\w])")


def _occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    """Where ``needle`` occurs in ``text`` as a whole word, ignoring ZWNJ/space differences."""
    pattern = _name_pattern(needle)
    if pattern is None:
        return []
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def mentions(text: str, name: str) -> bool:
    """Whether ``name`` occurs in ``text`` as whole words (ZWNJ and spaces interchangeable)."""
    return bool(_occurrences(text, name))


def safe_snippet(html: str) -> Markup:
    """A search snippet that may carry ``<mark>`` highlights, re-escaped so that nothing else survives."""
    import html as _html

    out = []
    for part in re.split(r"(</?mark>)", html or ""):
        out.append(part if part in ("<mark>", "</mark>") else str(escape(_html.unescape(part))))
    balanced = "".join(out)
    if balanced.count("<mark>") != balanced.count("</mark>"):
        return Markup(escape(_html.unescape(re.sub(r"</?mark>", "", html or ""))))
    return Markup(balanced)


def _name_of(item: Any) -> str:
    if isinstance(item, dict):
        return str(item.get("name") or item.get("text") or "")
    return str(item or "")


def annotation_marks(record: dict[str, Any]) -> list[Mark]:
    """Marks for quotes, reported statements, people and places of a record, on its ``text``."""
    text = record.get("text") or ""
    marks: list[Mark] = []
    for field, cls in (("quotes", "m-quote"), ("reported_statements", "m-reported")):
        for q in record.get(field) or []:
            s, e = q.get("start"), q.get("end")
            if isinstance(s, int) and isinstance(e, int):
                who = q.get("speaker") or q.get("speaker_mention") or "?"
                title = f"{who} — {q.get('verb') or ''}".strip(" —")
                marks.append(Mark(s, e, cls, title))
    for field, cls in (("people", "m-person"), ("places", "m-place"), ("organizations", "m-org")):
        for item in record.get(field) or []:
            name = _name_of(item)
            spans: list[tuple[int, int]] = []
            mentions = item.get("mentions") if isinstance(item, dict) else None
            for m in mentions or []:
                if isinstance(m, dict) and isinstance(m.get("start"), int) and isinstance(m.get("end"), int):
                    spans.append((m["start"], m["end"]))
                elif isinstance(m, (list, tuple)) and len(m) == 2 and all(isinstance(x, int) for x in m):
                    spans.append((m[0], m[1]))
                elif isinstance(m, str):
                    spans.extend(_occurrences(text, m))
            if not spans:
                spans.extend(_occurrences(text, name))
            for s, e in spans:
                marks.append(Mark(s, e, cls, name))
    return marks


@lru_cache(maxsize=256)
def _repair(raw: str) -> Any:
    from ..api import repair

    return repair(raw)


def repair_view(record: dict[str, Any]) -> tuple[list[dict[str, Any]], list[Mark], list[Mark]]:
    """The repairs of a record and their marks on the raw input and on the repaired text.

    Uses the record's own ``edits`` when the archive stored them; otherwise
    re-runs the repair stages on ``raw`` (cached) and keeps their edits.  The
    repaired-text marks need the offset map, so they are only given when the
    re-run repair reproduces the record's text exactly.
    """
    raw = record.get("raw") or ""
    text = record.get("text") or ""
    edits = record.get("edits")
    doc = None
    if raw:
        try:
            doc = _repair(raw)
        except Exception:  # noqa: BLE001 - a page must render even if repair fails on odd input
            doc = None
    if not edits and doc is not None:
        edits = [e.to_json() for e in doc.edits]
    edits = [e for e in edits or [] if isinstance(e, dict)]
    raw_marks = [
        Mark(int(e["raw_start"]), int(e["raw_end"]), "edit", _edit_title(e))
        for e in edits
        if isinstance(e.get("raw_start"), int) and isinstance(e.get("raw_end"), int)
    ]
    text_marks: list[Mark] = []
    if doc is not None and doc.text == text:
        text_marks = _marks_on_text(doc.offsets, len(doc.text), edits)
    return edits, raw_marks, text_marks


def _edit_title(e: dict[str, Any]) -> str:
    before = (e.get("before") or "").replace("\u200c", "‹نیم‌فاصله›").replace("\n", "⏎")
    after = (e.get("after") or "").replace("\u200c", "‹نیم‌فاصله›").replace("\n", "⏎")
    return f"{e.get('reason', '')}: «{before}» → «{after}»"


def _marks_on_text(offsets: Any, length: int, edits: list[dict[str, Any]]) -> list[Mark]:
    """Repaired characters whose raw origin (``offsets.to_raw``) lies inside an edit, as runs per edit."""
    spans = sorted(
        (int(e["raw_start"]), int(e["raw_end"]), _edit_title(e))
        for e in edits
        if isinstance(e.get("raw_start"), int) and isinstance(e.get("raw_end"), int)
    )
    if not spans:
        return []
    keys = [s[0] for s in spans]
    out: list[Mark] = []
    run: list[Any] | None = None  # [start, end, title]
    for i in range(length):
        rs, re_ = offsets.to_raw(i, i + 1)
        hit = None
        j = bisect.bisect_right(keys, re_) - 1
        while j >= 0 and j >= bisect.bisect_right(keys, rs) - 8:
            s, e, title = spans[j]
            if (s < re_ and e > rs) or (rs == re_ and s <= rs <= e):
                hit = title
                break
            j -= 1
        if hit is not None and run is not None and run[1] == i and run[2] == hit:
            run[1] = i + 1
        elif hit is not None:
            if run is not None:
                out.append(Mark(run[0], run[1], "edit", run[2]))
            run = [i, i + 1, hit]
    if run is not None:
        out.append(Mark(run[0], run[1], "edit", run[2]))
    return out


def timeline_svg(dates: Iterable[str | None], *, width: int = 640, height: int = 160) -> Markup:
    """A bar chart of how many items fall in each month, as inline SVG ('' if nothing is dated)."""
    counts: dict[str, int] = {}
    for d in dates:
        if d and len(str(d)) >= 7:
            counts[str(d)[:7]] = counts.get(str(d)[:7], 0) + 1
    return timeline_svg_counts(counts, width=width, height=height)


def timeline_svg_counts(counts: dict[str, int], *, width: int = 640, height: int = 160) -> Markup:
    """The same chart from counts per month (``{"YYYY-MM": n}``)."""
    counts = {m: n for m, n in counts.items() if m and len(m) >= 7 and n}
    if not counts:
        return Markup("")
    months = _month_range(min(counts), max(counts))
    values = [counts.get(m, 0) for m in months]
    top = max(values)
    pad_b, pad_t = 24, 14
    bw = max(2.0, (width - 20) / len(months))
    bars = []
    for k, (m, v) in enumerate(zip(months, values)):
        if not v:
            continue
        h = (height - pad_b - pad_t) * v / top
        x = width - 10 - (k + 1) * bw  # right to left: the earliest month on the right
        y = height - pad_b - h
        label = f"{jalali(m + '-15')[:-3]}: {fa_digits(v)}"
        bars.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(1.0, bw - 2):.1f}" height="{h:.1f}">'
            f"<title>{escape(label)}</title></rect>"
        )
    first, last = jalali(months[0] + "-15")[:-3], jalali(months[-1] + "-15")[:-3]
    svg = (
        f'<svg class="timeline" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape("گفته‌ها در طول زمان")}" xmlns="http://www.w3.org/2000/svg">'
        f'<line x1="10" y1="{height - pad_b}" x2="{width - 10}" y2="{height - pad_b}" class="axis"/>'
        + "".join(bars)
        + f'<text x="{width - 10}" y="{height - 6}" class="tick" direction="rtl" text-anchor="start">'
        f"{escape(first)}</text>"
        f'<text x="10" y="{height - 6}" class="tick" direction="rtl" text-anchor="end">{escape(last)}</text>'
        f'<text x="10" y="{pad_t - 2}" class="tick" direction="rtl" text-anchor="end">'
        f"{escape('بیشینه: ' + fa_digits(top))}</text></svg>"
    )
    return Markup(svg)


def _month_range(first: str, last: str) -> list[str]:
    y, m = int(first[:4]), int(first[5:7])
    ly, lm = int(last[:4]), int(last[5:7])
    out: list[str] = []
    while (y, m) <= (ly, lm) and len(out) < 600:
        out.append(f"{y:04d}-{m:02d}")
        m += 1
        if m > 12:
            y, m = y + 1, 1
    return out
