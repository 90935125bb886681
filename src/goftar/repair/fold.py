"""Character folding: one spelling for each Persian letter, no invisible junk.

Produces :class:`~goftar.offsets.Edit` objects, each with a reason, so every
change can be shown (``goftar repair --diff``) and traced back to the raw input.
"""
from __future__ import annotations

import re
import unicodedata

from ..offsets import Edit
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

# bidi controls and other invisible characters that carry no text
_INVISIBLE = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c\u00ad\ufeff\u0640"
_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\u000b\u000c"
# diacritics dropped by default; U+064B (tanwin fath) is kept after alef (دائماً), U+0654 (hamza above) kept
_DIACRITICS = "\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0653\u0655\u0656\u0657\u0658\u0670"

_PERSIAN_LETTER = "\u0621-\u063a\u0641-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc\u06c0"

_PATTERN = re.compile(
    "|".join(
        [
            r"(?P<crlf>\r\n?)",
            rf"(?P<letter>[{''.join(_LETTERS)}])",
            r"(?P<pres>[\ufb50-\ufdff\ufe70-\ufefe])",
            rf"(?P<invisible>[{_INVISIBLE}])",
            rf"(?P<space>[{_SPACES}])",
            rf"(?P<diac>[{_DIACRITICS}]|(?<!ا)\u064b)",
            r"(?P<ar_digit>[٠-٩])",
            r"(?P<fa_digit>[۰-۹])",
            # broken Allah ligature: آیتاالله → آیت‌الله ; pdftotext's اهلل → الله
            rf"(?<=[{_PERSIAN_LETTER}])(?P<allah_alef>ا)(?=الله)",
            r"(?P<allah_pdf>اهلل)",
            # stray ZWNJ: doubled, or next to a space/edge/non-letter
            rf"(?P<zwnj_stray>{ZWNJ}+(?=[\s{ZWNJ}]|$)|(?<=[\s])\u200c+|^\u200c+)",
            # space before Persian punctuation: «گفت :» → «گفت:»
            rf"(?<=[{_PERSIAN_LETTER}»)])(?P<space_punct>[ ]+)(?=[:،؛؟!](?:\s|$))",
            # Latin comma / question mark / semicolon after a Persian letter
            rf"(?<=[{_PERSIAN_LETTER}])(?P<latin_punct>[,?;])(?=\s|$)",
        ]
    ),
    re.M,
)
_LATIN_TO_FA_PUNCT = {",": "،", "?": "؟", ";": "؛"}


def fold_edits(text: str, settings: Settings) -> list[Edit]:
    """Edits that fold ``text`` (does not change it)."""
    out: list[Edit] = []
    add = out.append
    digits = settings.digits
    for m in _PATTERN.finditer(text):
        kind = m.lastgroup
        s, e = m.span()
        ch = m.group()
        if kind == "crlf":
            add(Edit(s, e, "\n", "fold:newline"))
        elif kind == "letter" and settings.fold_letters:
            add(Edit(s, e, _LETTERS[ch], "fold:letter"))
        elif kind == "pres" and settings.fold_letters:
            new = unicodedata.normalize("NFKC", ch)
            if new != ch:
                new = "".join(_LETTERS.get(c, c) for c in new)
                add(Edit(s, e, new, "fold:presentation-form"))
        elif kind == "invisible":
            add(Edit(s, e, "", "fold:bidi" if ch in "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c" else "fold:invisible"))
        elif kind == "space":
            add(Edit(s, e, " ", "fold:space"))
        elif kind == "diac" and settings.drop_diacritics:
            add(Edit(s, e, "", "fold:diacritic"))
        elif kind == "ar_digit" and digits != "keep":
            table = _PERSIAN if digits == "fa" else _LATIN
            add(Edit(s, e, table[_ARABIC_INDIC.index(ch)], "fold:digit"))
        elif kind == "fa_digit" and digits == "latin":
            add(Edit(s, e, _LATIN[_PERSIAN.index(ch)], "fold:digit"))
        elif kind == "allah_alef":
            add(Edit(s, e, ZWNJ, "fold:allah-ligature"))
        elif kind == "allah_pdf":
            add(Edit(s, e, "الله", "fold:allah-ligature"))
        elif kind == "zwnj_stray":
            add(Edit(s, e, "", "fold:stray-zwnj"))
        elif kind == "space_punct":
            add(Edit(s, e, "", "fold:space-before-punct"))
        elif kind == "latin_punct":
            add(Edit(s, e, _LATIN_TO_FA_PUNCT[ch], "fold:punct"))
    return out


def fold_text(text: str, settings: Settings | None = None) -> str:
    """Convenience: the folded text alone."""
    from ..offsets import apply_edits

    return apply_edits(text, fold_edits(text, settings or Settings()))[0]
