"""Clean text that pdftotext extracted: visual-order runs, page furniture, page breaks.

pdftotext writes right-to-left lines inside RLE…PDF marks and wraps every
left-to-right run (numbers, «:», «،» next to them) in LRE…PDF marks *in visual
order*: «تاریخ انتشار‪ ۲۴ :‬شهریور» is «تاریخ انتشار: ۲۴ شهریور».  We put such
runs back in reading order, then drop page furniture: form feeds, page
numbers («1/2», «صفحه ۳ از ۵»), print headers and footers (lines repeated on
several pages, the browser's date/URL lines).  Every change is an
:class:`~goftar.offsets.Edit` with a reason, applied by the reader so that
``doc.raw`` stays exactly what pdftotext wrote.
"""
from __future__ import annotations

import json
import math
import re
from collections import Counter
from functools import lru_cache
from typing import Callable

from ..offsets import Edit

LRE, RLE, PDF_MARK, LRM, RLM = "\u202a", "\u202b", "\u202c", "\u200e", "\u200f"
_LTR_RUN = re.compile(f"{LRE}([^{LRE}{RLE}{PDF_MARK}\n]*){PDF_MARK}")
_LATIN = re.compile(r"[A-Za-z]")
_EDGE = re.compile(r"(?P<head>[^A-Za-z0-9]*)(?P<core>[A-Za-z0-9].*[A-Za-z0-9]|[A-Za-z0-9])(?P<tail>[^A-Za-z0-9]*)$", re.S)
_TOKEN = re.compile(r"[0-9۰-۹٠-٩]+(?:[:/.,٫٬][0-9۰-۹٠-٩]+)*|\s+|.", re.S)
_PAGE_NO = re.compile(
    r"^\s*(?:[-–—]?\s*[0-9۰-۹]{1,4}\s*[-–—]?|[0-9۰-۹]{1,4}\s*/\s*[0-9۰-۹]{1,4}|"
    r"(?:صفحه|page)\s*[0-9۰-۹]{1,4}(?:\s*(?:از|of|/)\s*[0-9۰-۹]{1,4})?)\s*$",
    re.I,
)
_PRINT_LINE = re.compile(
    r"^\s*(?:(?:file|https?)://\S+\s*(?:[0-9]{1,4}\s*/\s*[0-9]{1,4})?|"
    r"[0-9]{1,2}/[0-9]{1,2}/[0-9]{2,4},?\s+[0-9]{1,2}:[0-9]{2}(?:\s*[AP]M)?)\s*$",
    re.I,
)
_MARKS = re.compile(f"[{LRE}{RLE}{PDF_MARK}{LRM}{RLM}\u2066\u2067\u2068\u2069]")


def looks_like_pdftotext(text: str) -> bool:
    """pdftotext output: form feeds between pages, or lines wrapped in bidi embedding marks."""
    return "\f" in text or text.count(RLE) >= 3 or text.count(LRE) >= 3


def reorder_edits(text: str) -> list[Edit]:
    """Put each visual-order LTR run («۲۴ :») back in reading order («: ۲۴»).

    Inside a run with Latin letters the order is already the reading order; only the neutral
    characters at its edges are moved.
    """
    out = []
    for m in _LTR_RUN.finditer(text):
        run = m.group(1)
        if not run.strip():
            continue
        if _LATIN.search(run):
            # a Latin run is in reading order inside, but the neutrals at its edges were placed
            # visually: « »Canal+» is «+Canal» », «)WSB Atlanta» is «WSB Atlanta)»
            core = _EDGE.match(run)
            if core:
                new = core["tail"][::-1] + core["core"] + core["head"][::-1]
                if new != run:
                    out.append(Edit(m.start(1), m.end(1), new, "pdf:visual-order"))
            continue
        tokens = _TOKEN.findall(run)
        if len(tokens) < 2:
            continue
        new = "".join(reversed(tokens))
        if new != run:
            out.append(Edit(m.start(1), m.end(1), new, "pdf:visual-order"))
    return out


_MARK_BEFORE_ALEF = re.compile("([\u0654\u064b])ا")


_LILLAH = re.compile("(?<=[\u0621-\u06cc\u200c])(?<!ا)هلل")


_ROW = re.compile(r"[^\n]+")
_TANWIN_END = re.compile(f"(?<=[\u0621-\u06cc]) \u064bا[{PDF_MARK}{LRE}{RLE}]*$")
_TANWIN_LAM = re.compile("(?<=[\u0621-\u06cc])\u064bل ا(?![\u0621-\u06cc])")
_LONE_LAM = re.compile(f"^[{PDF_MARK}{LRE}{RLE}]*ل(?=[{PDF_MARK}{LRE}{RLE}]*(?: |$))")


def lam_alef_tanwin_edits(text: str) -> list[Edit]:
    """pdftotext sets the «لاً» ligature (فعلاً، قبلاً) apart: the row ends «فع ًا» and its «ل» is
    written as a row of its own or at the head of the row before or after.  Put the word together."""
    rows = [(m.start(), m.end(), m.group()) for m in _ROW.finditer(text)]
    out = []
    used: set[int] = set()
    for k, (s, e, row) in enumerate(rows):
        tail = _TANWIN_END.search(row)
        if not tail or k in used:
            continue
        for j in (k + 1, k - 1):
            if not 0 <= j < len(rows) or j in used:
                continue
            lam = _LONE_LAM.match(rows[j][2])
            if not lam:
                continue
            merged = row[: tail.start()] + "لاً" + rows[j][2][lam.end():]
            a, b = (k, j) if k < j else (j, k)
            out.append(Edit(rows[a][0], rows[b][1], merged, "pdf:lam-alef-tanwin"))
            used.update((k, j))
            break
    # «احتمالًا» (tanwin before the alef) comes out as «احتماًل ا»
    out += [Edit(m.start(), m.end(), "ل\u064bا", "pdf:lam-alef-tanwin") for m in _TANWIN_LAM.finditer(text)
            if not any(x.start <= m.start() < x.end for x in out)]
    return out


def mark_order_edits(text: str) -> list[Edit]:
    """pdftotext writes a mark before the alef it sits on: «تٔاکید» → «تأکید», «قطعًا» → «قطعاً»; the
    «لله» ligature backwards: «به‌حمدهلل» → «به‌حمدلله» (its «اهلل» for «الله» is folded later); and the
    «لاً» ligature apart (:func:`lam_alef_tanwin_edits`)."""
    out = lam_alef_tanwin_edits(text)
    taken = [(x.start, x.end) for x in out]
    out += [
        Edit(m.start(), m.end(), "أ" if m.group(1) == "\u0654" else "ا\u064b", "pdf:mark-order")
        for m in _MARK_BEFORE_ALEF.finditer(text) if not any(a <= m.start() < b for a, b in taken)
    ]
    out += [Edit(m.start(), m.end(), "لله", "pdf:lillah-ligature") for m in _LILLAH.finditer(text)
            if not any(a <= m.start() < b for a, b in taken)]
    return out


def _key(line: str) -> str:
    """A line with marks, spaces and digits removed: running headers differ only by page number."""
    return re.sub(r"[\s0-9۰-۹]+", "", _MARKS.sub("", line))


def furniture_edits(text: str) -> tuple[list[Edit], list[str]]:
    """Edits removing page breaks, page numbers and running headers/footers; also the header lines seen.

    Removing a line also removes the blank lines around it, so a paragraph cut by a page break
    is one wrapped paragraph again.
    """
    lines: list[tuple[int, int, str]] = []
    pos = 0
    for raw_line in re.split(r"\n", text):
        lines.append((pos, pos + len(raw_line), raw_line))
        pos += len(raw_line) + 1
    pages = text.count("\f") + 1
    # running headers and footers: the same line at the top or bottom edge of several pages
    by_page: list[list[str]] = [[]]
    for _, _, l in lines:
        if "\f" in l:
            by_page.append([])
        if _key(l):
            by_page[-1].append(_key(l))
    counts = Counter(k for page in by_page for k in set(page[:3] + page[-3:]))
    repeated = {k for k, n in counts.items() if pages >= 2 and n >= 2 and n >= pages - 1 and len(k) <= 200}
    drop = []
    headers = []
    prev: int | None = None  # index of the previous non-blank line
    page_start = True  # whether ``prev`` opened a page
    prev_opened = False
    for i, (s, e, l) in enumerate(lines):
        bare = _MARKS.sub("", l).replace("\f", "").strip()
        if "\f" in l:
            page_start = True
        if not bare:
            continue
        printed = bool(_PRINT_LINE.match(bare)) and not bare.lower().startswith(("file:", "http"))
        if _PAGE_NO.match(bare) or _PRINT_LINE.match(bare) or _key(l) in repeated:
            drop.append(i)
            if not _PAGE_NO.match(bare) and not _PRINT_LINE.match(bare):
                headers.append(bare)
        if printed and prev is not None and prev_opened and prev not in drop:
            # a browser's print header: the page's <title> beside the date, at the top of the page
            drop.append(prev)
            headers.append(_MARKS.sub("", lines[prev][2]).replace("\f", "").strip())
        prev_opened = page_start
        page_start = False
        prev = i
    # a long page title wraps in the browser's print header: up to two rows above its date line on the first
    # page (pdftotext may write the row holding « | site» first); both go, and the header is read as one
    top: list[int] = []
    for i, (_s, _e, l) in enumerate(lines):
        bare = _MARKS.sub("", l).replace("\f", "").strip()
        if not bare:
            continue
        if _PRINT_LINE.match(bare) and not bare.lower().startswith(("file:", "http")):
            break
        top.append(i)
        if len(top) > 2 or "\f" in l:
            top = []
            break
    else:
        top = []
    if top and (len(top) == 2 or any(i in drop for i in top)):
        parts = [_MARKS.sub("", lines[i][2]).replace("\f", "").strip() for i in top]
        parts.sort(key=lambda t: bool(re.search(r"\s[|｜]\s", t)))  # the site's name ends the title
        headers.insert(0, " ".join(parts))
        drop.extend(i for i in top if i not in drop)
    drop.sort()
    edits: list[Edit] = []
    dropped = set(drop)
    # group dropped lines with the blank lines between them; replace each group by a single newline
    i = 0
    n = len(lines)
    while i < n:
        if i not in dropped:
            i += 1
            continue
        j = i
        while j + 1 < n and (j + 1 in dropped or not _MARKS.sub("", lines[j + 1][2]).replace("\f", "").strip()):
            j += 1
        k = i
        while k - 1 >= 0 and not _MARKS.sub("", lines[k - 1][2]).replace("\f", "").strip():
            k -= 1
        start = lines[k][0]
        end = lines[j][1]
        if k == 0:
            edits.append(Edit(start, min(end + 1, len(text)), "", "pdf:page-furniture"))
        elif j == n - 1:
            edits.append(Edit(start - 1, end, "", "pdf:page-furniture"))
        else:
            edits.append(Edit(start, end + 1, "", "pdf:page-furniture"))
        i = j + 1
    # form feeds left inside kept lines
    covered = [(e.start, e.end) for e in edits]
    for m in re.finditer("\f", text):
        if not any(a <= m.start() < b for a, b in covered):
            edits.append(Edit(m.start(), m.end(), "\n", "pdf:page-break"))
    # header lines seen once per page, most frequent first, without duplicates
    seen: list[str] = []
    for h in headers:
        if h not in seen:
            seen.append(h)
    return edits, seen


_HEADER_SEP = re.compile(r"\s+[|｜–—-]\s+")


def header_title(header: str) -> str:
    """The page title in a print header «title | site»: cut at the last separator only, since titles
    themselves hold dashes («پیش بازی منچسترسیتی - اورتون | سایت»)."""
    seps = list(_HEADER_SEP.finditer(header))
    return (header[: seps[-1].start()] if seps else header).strip()


def _title_key(s: str) -> str:
    """Letters only, for matching a print header's title: its digits and the punctuation at the edges of
    its runs may have moved, and its lam-alef ligature may come out as «ال» (see :func:`_ligature`)."""
    return re.sub(r"[\W\d_]+", "", s)


def _ligature(key: str) -> str:
    """A key without alef and lam: pdftotext writes the lam-alef ligature as «ال» or «لا» and «الله» as
    «اهلل», and a row may end inside the pair; the other letters are enough to recognise a title."""
    return key.replace("ل", "").replace("ا", "")


def title_join_edits(text: str, title: str) -> list[Edit]:
    """Join the lines of a wrapped title («… با» / «حضور نخبگان») that match ``title`` letter for letter.

    A print header cuts a long title with «…» at either end; then the lines must end (or start)
    with what is left of it, and the title's rows beyond the cut are those as wide as its wrapped
    rows.  A header whose right-to-left order was upset by a Latin run («… | site : Real
    Madridرونالدو») may also have lost a few letters at one end.
    """
    cut_start, cut_end = title.lstrip().startswith(("…", "...")), title.rstrip().endswith(("…", "..."))
    want = _ligature(_title_key(title.strip().strip("….").strip()))
    if len(want) < 8:
        return []
    lines = [(m.start(), m.end(), m.group()) for m in re.finditer(r"[^\n]+", text)]
    modes: list[tuple[bool, bool, int | None]] = [(cut_start, cut_end, None)]
    if not (cut_start or cut_end):
        modes += [(True, False, 30), (False, True, 30)]
    for start_cut, end_cut, slack in modes:
        run = _title_run(lines, want, start_cut, end_cut, slack)
        if run:
            a, b = _extend_title_run(lines, *run, start_cut, end_cut)
            return [Edit(lines[k][1], lines[k + 1][0], " ", "pdf:join-title") for k in range(a, b)]
    return []


def _title_run(lines: list[tuple[int, int, str]], want: str, cut_start: bool, cut_end: bool,
               slack: int | None) -> tuple[int, int] | None:
    """The shortest run of up to four lines (among the first 40) holding ``want`` as the cut says."""

    def fits(acc: str) -> bool:
        acc = _ligature(acc)
        if slack is not None and len(acc) - len(want) > slack:
            return False
        if cut_start and cut_end:
            return want in acc
        if cut_start:
            return acc.endswith(want)
        if cut_end:
            return acc.startswith(want)
        return acc == want

    def could_grow(acc: str) -> bool:
        acc = _ligature(acc)
        if cut_start or cut_end:
            return len(acc) < len(want) + (slack if slack is not None else 60)
        return want.startswith(acc)

    for a in range(min(len(lines), 40)):
        acc = ""
        for b in range(a, min(a + 4, len(lines))):
            acc += _title_key(lines[b][2])
            if fits(acc):
                while a < b and fits("".join(_title_key(lines[k][2]) for k in range(a + 1, b + 1))):
                    a += 1  # the shortest run of lines that still holds the title
                return a, b
            if not could_grow(acc):
                break
    return None


def _extend_title_run(lines: list[tuple[int, int, str]], a: int, b: int, cut_start: bool,
                      cut_end: bool) -> tuple[int, int]:
    """Grow a title's run past the header's cut: a line before it as wide as its wrapped lines (a cut
    start), or the lines after it while its last line is as wide (a cut end); two lines at most."""
    def width(k: int) -> float:
        return text_width(_MARKS.sub("", lines[k][2]).strip())

    def heading(k: int) -> bool:  # not a menu or breadcrumb row
        return bool(_title_key(lines[k][2])) and not re.search(r"\s[|｜»›]\s", lines[k][2])

    if cut_start and b > a:
        wrapped = max(width(k) for k in range(a, b))
        for _ in range(2):
            if a > 0 and heading(a - 1) and width(a - 1) >= 0.85 * wrapped:
                a -= 1
    if cut_end and b > a:
        wrapped = max(width(k) for k in range(a, b))
        for _ in range(2):
            if b + 1 < len(lines) and width(b) >= 0.85 * wrapped and heading(b + 1):
                b += 1
    return a, b


# joining classes for glyph widths: right-joining letters never connect to the next letter
_RIGHT_JOINING = frozenset("اآأإٱؤدذرزژوة")
_DUAL_JOINING = frozenset("بپتثجچحخسشصضطظعغفقکگلمنهیئيكىـ")
_NO_WIDTH = frozenset(chr(c) for c in range(0x064B, 0x0660)) | {"\u0670", "\u200c", "\u200d", "\u200e", "\u200f"}
_ALLAH = "\ufdf2"  # pdftotext writes the «الله» ligature as «اهلل»; it is one glyph


def width_units(word: str) -> list[str]:
    """The glyphs of one word (reading order) as width-table keys: a letter + its joining form
    (``s`` isolated, ``i`` initial, ``m`` medial, ``f`` final), any other character as itself."""
    chars = [c for c in word.replace("اهلل", _ALLAH) if c not in _NO_WIDTH]
    out = []
    for i, c in enumerate(chars):
        if c in _DUAL_JOINING or c in _RIGHT_JOINING:
            after_joiner = i > 0 and chars[i - 1] in _DUAL_JOINING
            before_letter = c in _DUAL_JOINING and i + 1 < len(chars) and (
                chars[i + 1] in _DUAL_JOINING or chars[i + 1] in _RIGHT_JOINING)
            out.append(c + ("m" if after_joiner and before_letter else "f" if after_joiner else
                            "i" if before_letter else "s"))
        else:
            out.append(c)
    return out


@lru_cache(maxsize=1)
def _width_table() -> dict:
    from importlib import resources

    return json.loads(resources.files("goftar.data").joinpath("pdfwrap.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1 << 16)
def _word_width(word: str) -> float:
    table = _width_table()
    units, other = table["units"], table["other"]
    return sum(units.get(u, other) for u in width_units(word))


def text_width(text: str) -> float:
    """Printed width of ``text`` in spaces, from the glyph widths in ``data/pdfwrap.json``."""
    return sum(map(_word_width, text.split(" "))) + text.count(" ")


_END = re.compile(r"[.!؟?…][\"'»)\]]*$")  # a sentence ends
_PAUSE = re.compile(r"[:؛][\"'»)\]]*$")  # «گفت:» ends a paragraph only on a short row
# rows that open a page block of their own: footer and meta labels
_LABEL_ROW = re.compile(
    r"^(?:برچسب|کلید[\u200c ]?واژه|کلمات کلیدی|تگ[\u200c ]?ها|منبع|منابع|لینک کوتاه|نشانی کوتاه|تاریخ|کد خبر|"
    r"اخبار مرتبط|مطالب مرتبط|کلیه حقوق|تمامی حقوق|\[[0-9۰-۹]+\])"
)


_FOLD_WORD = str.maketrans({"ي": "ی", "ك": "ک", "ى": "ی", "\u200c": "", "ـ": ""})
_SENTENCE_END = re.compile(r"[.!؟?…]+[\"'»)\]]*(?=\s|$)")
_WORD_CHARS = re.compile(r"[^\s.!؟?…:؛،,\"'«»()\[\]]+")


def _bare_word(s: str) -> str:
    m = _WORD_CHARS.search(s)
    return m.group().translate(_FOLD_WORD) if m else ""


def sentence_count(paragraph: str) -> int:
    """Sentences in a paragraph: sentence ends before its last character, plus one."""
    return len(_SENTENCE_END.findall(paragraph.rstrip()[:-1])) + 1


def break_features(paragraph: str, following: str, multi: float | None = None, first: bool = False) -> list[str]:
    """Features of a sentence end: does a paragraph end after ``paragraph`` (its text so far, ending a
    sentence), with ``following`` the text that comes next?  ``multi`` is the share of the article's
    other paragraphs that hold more than one sentence (its style: one-sentence news paragraphs or long
    quotes), None if unknown; ``first`` says the paragraph is the article's first in prose (the lead,
    which the body never continues).  Names of indicator features."""
    sentences = sentence_count(paragraph) - 1
    n = len(paragraph)
    last = paragraph.rstrip()
    head = following.split(None, 2)
    words = [_bare_word(w) for w in head]
    before = [_bare_word(w) for w in last.split()[-1:]]
    quote_open = last.count("«") > last.count("»") or last.count('"') % 2 == 1
    colon = ":" in last
    m = _SENTENCE_END.search(following)
    nxt = following[: m.start() if m else 200]
    style = "none" if multi is None else str(round(multi * 4) / 4)
    return [
        f"first={first}",
        f"first_sents={first}:{min(sentences, 2)}",
        f"multi={style}",
        f"multi_sents={style}:{min(sentences, 2)}",
        f"next_colon={':' in nxt}",
        f"next_colon_sents={':' in nxt}:{min(sentences, 2)}",
        "bias",
        f"sents={min(sentences, 3)}",
        f"len={0 if n < 150 else 1 if n < 300 else 2 if n < 500 else 3}",
        f"colon={colon}",
        f"colon_sents={colon}:{min(sentences, 2)}",
        f"quote_open={quote_open}",
        f"end={last[-1]}",
        f"next={words[0] if words else ''}",
        f"next2={' '.join(words[:2])}",
        f"last={before[0] if before else ''}",
    ]


def paragraph_end_probability(paragraph: str, following: str, multi: float | None = None,
                              first: bool = False) -> float:
    """P(a paragraph ends after ``paragraph``, which ends a sentence), from the logistic weights in
    ``data/pdfwrap.json`` (trained on the corpus's paragraphs by scripts/build_pdfwrap_model.py);
    ``multi`` and ``first`` as in :func:`break_features`."""
    weights = _width_table()["breaks"]
    z = sum(weights.get(f, 0.0) for f in break_features(paragraph, following, multi, first))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


#: a row's next word "would have fitted" when the row, a space and the word take less than this share of the
#: column: glyph widths are learned on regular text, and bold (a lead) runs ~4 % wider (on the development
#: pages wrapped rows came down to 0.958, rows ending a paragraph without a full stop up to 0.87, and one 0.97)
FIT_SHARE = 0.92
#: the same for a row ending a sentence: wrapped ones were never narrower than 99 % of the column on the
#: development pages (a bold lead ending a sentence at a wrap is rare), and below that the row ends its paragraph
END_FIT_SHARE = 0.99


def column_width(widths: list[float]) -> float:
    """The column's width in spaces: the widest row, unless it stands more than 5 % above the next one
    (a heading in a larger font joined into one row, or a row of glyphs the widths were not learned on;
    at most two such rows are passed over)."""
    ranked = sorted(widths, reverse=True)
    k = 0
    while k < 2 and k + 1 < len(ranked) and ranked[k] > 1.05 * ranked[k + 1]:
        k += 1
    return ranked[k] if ranked else 0.0


def paragraph_edits(text: str, breaks: "Callable[[int], bool | str | None] | None" = None) -> list[Edit]:
    """Rebuild paragraphs from pdftotext's one-line-per-row output.

    pdftotext separates lines of a paragraph and paragraphs alike with one newline.  A row was
    wrapped exactly when the first word of the next row would not have fitted after it in the
    column, so we measure rows with learned glyph widths (:func:`text_width`) against the widest
    row.  A row whose next word would have fitted ends its paragraph.  A row that fills the column
    and ends a sentence is ambiguous (a sentence ending at a wrap, or a paragraph's last row that
    happens to be full): a small model of sentence ends (:func:`paragraph_end_probability`), told
    the article's style by its unambiguous paragraphs, decides.  With row geometry (``breaks``,
    from a PDF's bounding boxes) the vertical gaps decide instead.  Joins become a space and ends
    a blank line.
    """
    rows = [(m.start(), m.end(), _MARKS.sub("", m.group()).strip()) for m in re.finditer(r"[^\n]+", text)]
    rows = [r for r in rows if r[2]]
    lengths = sorted(len(r[2]) for r in rows if len(r[2]) >= 30)
    if len(lengths) < 3:
        return []
    width = lengths[int(0.9 * (len(lengths) - 1))]
    widths = [text_width(r[2]) for r in rows]
    column = column_width(widths)
    # first pass: True (join), False (paragraph end) or None (a full row ending a sentence: decided below)
    joins: list[bool | None] = []
    for i, ((_s1, e1, t1), (_s2, _e2, t2)) in enumerate(zip(rows, rows[1:])):
        # pdftotext also puts blank lines inside paragraphs (between its text blocks): not a signal
        n = len(t1)
        known = breaks(e1) if breaks else None
        full: bool | None
        if known == "join":  # a wrapped heading in a large font
            full = True
        elif known is not None:  # the geometry decides, but a short row never continues
            full = not known and n >= 0.5 * width
        else:
            need = widths[i] + 1 + text_width(t2.split(" ", 1)[0])
            ends_sentence = bool(_END.search(t1))
            full = need > (END_FIT_SHARE if ends_sentence else FIT_SHARE) * column
            if full and ends_sentence:
                full = None
        # a footer label opens its own block; a label row continues only when it fills the column
        if _LABEL_ROW.match(t2) or (_LABEL_ROW.match(t1) and n < 0.85 * width):
            full = False
        joins.append(full)
    multi = _multi_sentence_share([r[2] for r in rows], joins)
    edits = []
    start = 0  # the row that opened the current paragraph
    prose = False  # whether a paragraph of prose (a lead) has ended before this one
    for i, ((_s1, e1, _t1), (s2, _e2, _t2)) in enumerate(zip(rows, rows[1:])):
        full = joins[i]
        paragraph = " ".join(r[2] for r in rows[start: i + 1]) if full is not True else ""
        if full is None:
            following = " ".join(r[2] for r in rows[i + 1: i + 3])
            p_end = paragraph_end_probability(paragraph, following, multi, first=not prose)
            full = p_end < _width_table()["join_below"]
        edits.append(Edit(e1, s2, " " if full else "\n\n", "pdf:join-row" if full else "pdf:paragraph"))
        if not full:
            start = i + 1
            prose = prose or _is_prose(paragraph)
    return edits


def _is_prose(paragraph: str) -> bool:
    return len(paragraph) > 60 and bool(_END.search(paragraph))


def _multi_sentence_share(rows: list[str], joins: list[bool | None]) -> float | None:
    """Share of the paragraphs that are certain (no undecided row end inside, ending a sentence, over 60
    characters) holding more than one sentence; None without any."""
    counts = []
    current: list[str] = []
    undecided = False
    for i, row in enumerate(rows):
        current.append(row)
        if i == len(joins) or joins[i] is False:
            paragraph = " ".join(current)
            if not undecided and _is_prose(paragraph):
                counts.append(sentence_count(paragraph) >= 2)
            current, undecided = [], False
        elif joins[i] is None:
            undecided = True
    return sum(counts) / len(counts) if counts else None


def geometry_breaks(bbox_xhtml: str, text: str) -> dict[int, bool | str]:
    """Paragraph ends from ``pdftotext -bbox-layout``: a vertical gap under a row larger than
    ~40 % of its height ends a paragraph.  Keyed by the offset in ``text`` (pdftotext's plain
    output of the same file) where each row ends; empty if the two outputs do not line up."""
    boxes = [
        (float(y0), float(y1))
        for y0, y1 in re.findall(r'<line xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">', bbox_xhtml)
    ]
    page_sizes = [len(re.findall(r"<line ", p)) for p in bbox_xhtml.split("<page ")[1:]]
    found = [(m.end(), _MARKS.sub("", m.group()).replace("\f", "").strip()) for m in re.finditer(r"[^\n]+", text)]
    found = [(end, row) for end, row in found if row]
    rows = [end for end, _ in found]
    furniture = [bool(_PAGE_NO.match(row) or _PRINT_LINE.match(row)) for _, row in found]
    if len(rows) != len(boxes):
        return {}
    last_on_page = set()
    k = 0
    for n in page_sizes:
        k += n
        last_on_page.add(k - 1)
    heights = sorted(y1 - y0 for y0, y1 in boxes)
    body_height = heights[len(heights) // 2] if heights else 0.0
    out: dict[int, bool | str] = {}
    for i in range(len(rows) - 1):
        if i in last_on_page or furniture[i + 1]:  # the page ends here: geometry cannot tell
            continue
        (a0, a1), (b0, b1) = boxes[i], boxes[i + 1]
        gap = b0 - a1
        if gap < -1 or gap > 2.5 * (a1 - a0):  # a new column, a float, or the page footer next: unknown
            continue
        ends = gap > 0.4 * (a1 - a0)
        big = (a1 - a0) > 1.3 * body_height and abs((b1 - b0) - (a1 - a0)) < 0.1 * (a1 - a0)
        # rows of a heading in a large font: few characters, yet one line wrapped
        out[rows[i]] = "join" if big and not ends else ends
    return out


def layout_edits(text: str) -> list[Edit]:
    """Paragraphs separated by exactly one blank line, single spaces, no edge whitespace."""
    edits = []
    for m in re.finditer(r"[ \t]*\n[\s]*", text):
        new = "\n\n" if m.start() > 0 and m.end() < len(text) else ""
        edits.append(Edit(m.start(), m.end(), new, "pdf:paragraph"))
    covered = [(e.start, e.end) for e in edits]
    for m in re.finditer(r"(?<!\n) {2,}|^ +| +$", text):
        if not any(a <= m.start() < b for a, b in covered):
            edits.append(Edit(m.start(), m.end(), " " if 0 < m.start() and m.end() < len(text) else "", "pdf:spaces"))
    return edits
