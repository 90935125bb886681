"""Reflow: rejoin hard-wrapped lines, drop blank lines inside sentences, keep real paragraphs.

Text copied out of PDFs and web pages is wrapped at a fixed width and has
blank lines in the middle of sentences.  We estimate the wrap width from the
document itself, then decide every line break:

* a line that ends a sentence («.» «!» «؟» «:» «؛» …) ends a paragraph;
* a list item, a footer label («منبع»، «برچسب‌ها»), a menu or a reference line stays on its own;
* a line without final punctuation that reached the wrap width (or whose next
  word would not have fitted) was wrapped: it joins the next line with a space,
  across any blank lines;
* any other short line without final punctuation is a heading: it stays.

The output separates paragraphs by exactly one blank line.  Labels glued to
the previous word («انقلاببرچسب ها:») are split off first.
"""
from __future__ import annotations

import re

from ..offsets import Edit

ZWNJ = "\u200c"
_TERMINAL = re.compile(r"[.!?؟:؛…]['\"»)\]]*$")
_SENTENCE_END = re.compile(r"[.!?؟:؛][\"»)]*$")
_LIST_ITEM = re.compile(r"^(\[\d+\]|[•▪●◦*\-–—]\s|\d{1,2}[.)\-]\s|[۰-۹]{1,2}[.)\-]\s)")
LABELS = (
    "برچسب ها", "برچسب‌ها", "برچسبها", "برچسب", "کلیدواژه ها", "کلیدواژه‌ها", "کلیدواژهها",
    "کلید واژه ها", "کلمات کلیدی", "تگ ها", "تگ‌ها", "تگها", "منبع", "منابع", "موضوعات",
    "لینک کوتاه", "نشانی کوتاه",
)
_LABEL_ALT = "|".join(sorted((re.escape(x) for x in LABELS), key=len, reverse=True))
_LABEL_LINE = re.compile(rf"^(?:{_LABEL_ALT})\s*[:|｜]")
# a label glued to the end of a previous word: «انقلاببرچسب ها:»
_GLUED_LABEL = re.compile(rf"(?<=[\u0600-\u06ff\w])(?:{_LABEL_ALT})\s*[:|｜]")
_SPACES = re.compile(r"[ ]{2,}")


def split_label_edits(text: str) -> list[Edit]:
    """Insert a paragraph break before a footer label glued to the previous word."""
    out = []
    for m in _GLUED_LABEL.finditer(text):
        # «منبع» glued inside a word (e.g. «پرمنبع:») is rare but possible: require the label to be
        # followed by its colon/bar, which the regex does, and the previous char not a space.
        out.append(Edit(m.start(), m.start(), "\n\n", "reflow:split-label"))
    return out


_MENU_LINE = re.compile(r"(?:\s[|｜»›]\s.*){2}")


def _is_fixed_line(line: str) -> bool:
    """A line that never joins another: list items, footer labels, menus and breadcrumbs («صفحه اصلی | سیاسی | …»)."""
    return bool(_LIST_ITEM.match(line) or _LABEL_LINE.match(line) or _MENU_LINE.search(line))


def wrap_width(lengths: list[int]) -> int:
    """The width the text was wrapped at, or 0 if it does not look wrapped.

    Wrapped text has several lines whose lengths cluster just under the width;
    text with one paragraph per line has lengths spread widely.
    """
    long_lines = sorted(n for n in lengths if n >= 20)
    if len(long_lines) < 3:
        return 0
    width = long_lines[int(0.9 * (len(long_lines) - 1))]
    near = sum(1 for n in long_lines if n >= 0.8 * width)
    if width < 30 or near < 3 or near < 0.25 * len(long_lines):
        return 0
    return width


def _short_text_width(text: str, lines: list[tuple[int, int]]) -> int:
    """The wrap width of a text too short for :func:`wrap_width`'s statistics: its longest line, when at
    least two lines within 5 % of it stop mid-sentence (a short article wrapped at a fixed width)."""
    longest = max((e - s for s, e in lines), default=0)
    if longest < 60:
        return 0
    cut = [1 for s, e in lines if e - s >= 0.95 * longest and not _TERMINAL.search(text[s:e])]
    return longest if len(cut) >= 2 else 0


def reflow_edits(text: str) -> list[Edit]:
    """Edits that reflow ``text`` into paragraphs separated by one blank line."""
    edits: list[Edit] = []
    # (start, end) of each non-blank line's content, stripped
    lines: list[tuple[int, int]] = []
    pos = 0
    for raw_line in text.split("\n"):
        s, e = pos, pos + len(raw_line)
        pos = e + 1
        seg = text[s:e]
        stripped = seg.strip()
        if not stripped:
            continue
        ls = s + (len(seg) - len(seg.lstrip()))
        le = s + len(seg.rstrip())
        lines.append((ls, le))
    if not lines:
        return [Edit(0, len(text), "", "reflow:blank")] if text else []
    lengths = [e - s for s, e in lines]
    width = wrap_width(lengths) or _short_text_width(text, lines)
    # the width wrapped lines never exceed (a wrap leaves no room for the next word): the longest line
    # that is not an unwrapped outlier
    fit_width = max((n for n in lengths if n <= 1.1 * width), default=0)

    # leading and trailing whitespace of the whole text
    edits.append(Edit(0, lines[0][0], "", "reflow:strip"))
    edits.append(Edit(lines[-1][1], len(text), "", "reflow:strip"))

    for (s1, e1), (s2, e2) in zip(lines, lines[1:]):
        l1 = text[s1:e1]
        l2 = text[s2:e2]
        join = False
        gap = text[e1:s2]
        if width and not _TERMINAL.search(l1) and not _is_fixed_line(l1) and not _is_fixed_line(l2):
            first_word = l2.split(" ", 1)[0]
            if len(l1) >= 0.8 * width or len(l1) + 1 + len(first_word) > 0.95 * width:
                join = True
        elif (width and _SENTENCE_END.search(l1) and (gap.count("\n") == 1 or l1.endswith(":"))
              and not _is_fixed_line(l1) and not _is_fixed_line(l2)
              and len(l1) <= fit_width < len(l1) + 1 + len(l2.split(" ", 1)[0])):
            # a sentence ending exactly where the line was wrapped, the paragraph going on on the
            # very next line (or after a blank line, for «گفت:»): the next word would not have
            # fitted, so this break is a wrap too
            join = True
        if join:
            edits.append(Edit(e1, s2, " ", "reflow:join" if "\n\n" not in gap.replace(" ", "") else "reflow:join-across-blank"))
        else:
            edits.append(Edit(e1, s2, "\n\n", "reflow:paragraph"))

    # runs of spaces inside lines
    for s, e in lines:
        for m in _SPACES.finditer(text, s, e):
            edits.append(Edit(m.start(), m.end(), " ", "reflow:spaces"))
    return edits
