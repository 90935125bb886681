"""Character folding: one spelling for each Persian letter, no invisible junk.

Produces :class:`~goftar.offsets.Edit` objects, each with a reason, so every
change can be shown (``goftar repair --diff``) and traced back to the raw input.
"""
from __future__ import annotations

import re
import unicodedata

from ..offsets import Edit, apply_edits
from ..settings import Settings

ZWNJ = "\u200c"

# letter variants → Persian letters
_LETTERS = {
    "\u064a": "\u06cc",  # ARABIC YEH → FARSI YEH
    "\u0649": "\u06cc",  # ALEF MAKSURA → FARSI YEH
    "\u06d2": "\u06cc",  # YEH BARREE
    "\u0643": "\u06a9",  # ARABIC KAF → KEHEH
    "\u06aa": "\u06a9",  # SWASH KAF
    "\u06c1": "\u0647",  # HEH GOAL
    "\u06d5": "\u0647",  # AE
}
_ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩"
_PERSIAN = "۰۱۲۳۴۵۶۷۸۹"
_LATIN = "0123456789"

# bidi controls, and other invisible characters that carry no text (soft hyphen, BOM, tatweel)
_BIDI = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"
_INVISIBLE = _BIDI + "\u00ad\ufeff\u0640"
_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\u000b\u000c"
# diacritics dropped by default; U+064B (tanwin fath) is kept after alef (دائماً), U+0654 (hamza above) kept
_DIACRITICS = "\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0653\u0655\u0656\u0657\u0658\u0670"

_PERSIAN_LETTER = "\u0621-\u063a\u0641-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc\u06c0"

_PERSIAN_LETTER_RE = re.compile(f"[{_PERSIAN_LETTER}]")

# One character class finds every single character that may need folding: a plain
# character-set scan is several times faster than an alternation of contextual patterns.
# Context (what comes before or after) is then checked in Python for the few matches.
_COMMON = (
    "\r" + "".join(_LETTERS) + "\ufb50-\ufdff\ufe70-\ufefe" + _INVISIBLE + _SPACES
    + _DIACRITICS + "\u064b" + _ARABIC_INDIC + ZWNJ + ",?;"
)
_SINGLE = re.compile(f"[{_COMMON}]")
_SINGLE_LATIN = re.compile(f"[{_COMMON}{_PERSIAN}]")  # with digits="latin", Persian digits too
# rarer multi-character damage, each with a literal start the regex engine can skip to
_SPACE_PUNCT = re.compile(r" +(?=[:،؛؟!](?:\s|$))", re.M)
_LATIN_TO_FA_PUNCT = {",": "،", "?": "؟", ";": "؛"}


def _stray_zwnj(text: str, s: int) -> bool:
    """A ZWNJ that joins nothing: before a space, another ZWNJ or the end; after a space or the start."""
    nxt = text[s + 1] if s + 1 < len(text) else ""
    if not nxt or nxt.isspace() or nxt == ZWNJ:
        return True
    k = s - 1
    while k >= 0 and text[k] == ZWNJ:
        k -= 1
    return k < 0 or text[k].isspace()


def fold_edits(text: str, settings: Settings) -> list[Edit]:
    """Edits that fold ``text`` (does not change it)."""
    out: list[Edit] = []
    add = out.append
    digits = settings.digits
    letters = settings.fold_letters
    diacritics = settings.drop_diacritics
    pattern = _SINGLE_LATIN if digits == "latin" else _SINGLE
    n = len(text)
    for m in pattern.finditer(text):
        s = m.start()
        ch = m.group()
        if ch in _LETTERS:
            if letters:
                add(Edit(s, s + 1, _LETTERS[ch], "fold:letter"))
        elif ch == ZWNJ:
            if _stray_zwnj(text, s):
                add(Edit(s, s + 1, "", "fold:stray-zwnj"))
        elif ch in _DIACRITICS or ch == "\u064b":
            if diacritics and not (ch == "\u064b" and s and text[s - 1] == "ا"):
                add(Edit(s, s + 1, "", "fold:diacritic"))
        elif ch in _SPACES:
            add(Edit(s, s + 1, " ", "fold:space"))
        elif ch in _INVISIBLE:
            add(Edit(s, s + 1, "", "fold:bidi" if ch in _BIDI else "fold:invisible"))
        elif ch == "\r":
            e = s + 2 if s + 1 < n and text[s + 1] == "\n" else s + 1
            add(Edit(s, e, "\n", "fold:newline"))
        elif ch in _ARABIC_INDIC:
            if digits != "keep":
                table = _PERSIAN if digits == "fa" else _LATIN
                add(Edit(s, s + 1, table[_ARABIC_INDIC.index(ch)], "fold:digit"))
        elif ch in _PERSIAN:
            add(Edit(s, s + 1, _LATIN[_PERSIAN.index(ch)], "fold:digit"))
        elif ch in _LATIN_TO_FA_PUNCT:
            if s and _PERSIAN_LETTER_RE.match(text[s - 1]) and (s + 1 == n or text[s + 1].isspace()):
                add(Edit(s, s + 1, _LATIN_TO_FA_PUNCT[ch], "fold:punct"))
        elif letters:  # presentation forms
            new = unicodedata.normalize("NFKC", ch)
            if new != ch:
                add(Edit(s, s + 1, "".join(_LETTERS.get(c, c) for c in new), "fold:presentation-form"))
    # broken Allah ligature: آیتاالله → آیت‌الله ; pdftotext's اهلل → الله
    i = text.find("االله")
    while i != -1:
        if i and _PERSIAN_LETTER_RE.match(text[i - 1]):
            add(Edit(i, i + 1, ZWNJ, "fold:allah-ligature"))
        i = text.find("االله", i + 1)
    i = text.find("اهلل")
    while i != -1:
        add(Edit(i, i + 4, "الله", "fold:allah-ligature"))
        i = text.find("اهلل", i + 4)
    # space before Persian punctuation: «گفت :» → «گفت:»
    for m in _SPACE_PUNCT.finditer(text):
        s = m.start()
        if s and (_PERSIAN_LETTER_RE.match(text[s - 1]) or text[s - 1] in "»)"):
            add(Edit(s, m.end(), "", "fold:space-before-punct"))
    return out


def fold_text(text: str, settings: Settings | None = None) -> str:
    """Convenience: the folded text alone."""
    return apply_edits(text, fold_edits(text, settings or Settings()))[0]
