"""Persian text analysis for search: the same folding at index time and at query time.

Neither SQLite FTS5 nor tantivy's tokenizers know Persian: both split words at the
half-space (U+200C) and fold none of ي/ی, ك/ک, the three digit systems, diacritics
or tatweel.  So the archive analyses text itself and hands tantivy ready-made
tokens separated by single spaces (indexed with the ``whitespace`` tokenizer).

Canonical tokens:

* letters folded (ي ى ئ → ی, ك → ک, أ إ آ ٱ → ا, ؤ → و, ة → ه), Latin lower-cased;
* Persian and Arabic-Indic digits → 0-9;
* diacritics, tatweel and bidi marks dropped;
* a half-space joins: ظرفیت‌ها → ``ظرفیتها`` (the glued form, as written without it);
* a bound affix written apart is glued to its word: ظرفیت ها → ``ظرفیتها``,
  می شود → ``میشود`` (a closed list, see :data:`SUFFIXES` / :data:`PREFIXES`).

So the three spellings ظرفیت‌ها = ظرفیتها = ظرفیت ها give the same token.  Compounds
that are not affixes (نشان‌دهنده / نشان دهنده) are matched through *join forms*: every
pair of neighbouring tokens glued (``نشاندهنده``), indexed in a second field, and on
the query side through alternative segmentations (see :func:`query_variants`).
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import product

ZWNJ = "\u200c"

_FOLD = {
    "ي": "ی", "ى": "ی", "ئ": "ی", "ې": "ی", "ۍ": "ی",
    "ك": "ک", "ڪ": "ک",
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ؤ": "و", "ۀ": "ه", "ة": "ه", "ۂ": "ه", "ھ": "ه", "ہ": "ه",
    "\u0640": "",  # tatweel
    "\u200d": "", "\u200e": "", "\u200f": "", "\u202a": "", "\u202b": "", "\u202c": "",
    "\u202d": "", "\u202e": "", "\u2066": "", "\u2067": "", "\u2068": "", "\u2069": "", "\ufeff": "",
    "\u00ad": "",
}
for _i in range(10):
    _FOLD[chr(0x06F0 + _i)] = str(_i)  # Persian digits
    _FOLD[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic digits
for _c in range(0x064B, 0x0660):  # harakat, shadda, sukun, superscript alef, ...
    _FOLD[chr(_c)] = ""
_FOLD["\u0670"] = ""
_FOLD["\u0654"] = ""
_FOLD["\u0655"] = ""
_TABLE = str.maketrans(_FOLD)
#: runs of characters to fold: ``str.translate`` looks every character up in a dict, so
#: finding the few that change (in C) and translating only those is over twice as fast
_TO_FOLD = re.compile("[" + "".join(re.escape(c) for c in _FOLD) + "]+")

#: Affixes that Persian writes with a half-space and damaged text writes with a space.
#: (است, ای, ام, اند stand alone too often — a verb, a vocative — to be glued blindly.)
SUFFIXES = frozenset({
    "ها", "های", "هایی", "هایم", "هایت", "هایش", "هایمان", "هایتان", "هایشان",
    "تر", "ترین", "تری", "ترها",
})
PREFIXES = frozenset({"می", "نمی"})

_WORD = re.compile(r"[0-9A-Za-z\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF\u200c]+")
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Fold letters, digits, diacritics and tatweel; keep spaces and half-spaces."""
    return _TO_FOLD.sub(_fold_run, text).lower()


def _fold_run(m: re.Match[str]) -> str:
    return m.group().translate(_TABLE)


def _raw_words(text: str) -> list[str]:
    """Words of folded text, each with its half-spaces still inside (trimmed at the ends)."""
    out = []
    for m in _WORD.finditer(fold(text)):
        w = m.group().strip(ZWNJ)
        if w:
            out.append(w)
    return out


_PLAIN_WORD = re.compile(r"[0-9a-z\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]+")
_GLUE_SUFFIX = re.compile(r"(?<=[^\s\d]) (" + "|".join(sorted(SUFFIXES, key=len, reverse=True)) + r")(?= |$)")
_GLUE_PREFIX = re.compile(r"(?<![^ ])(" + "|".join(sorted(PREFIXES, key=len, reverse=True)) + r") (?=[^\s\d])")


def tokens(text: str) -> list[str]:
    """Canonical search tokens of ``text`` (see the module docstring)."""
    words = " ".join(_PLAIN_WORD.findall(fold(text).replace(ZWNJ, "")))
    words = _GLUE_PREFIX.sub(r"\1", _GLUE_SUFFIX.sub(r"\1", words))
    return words.split()


def analyse(text: str) -> str:
    """Tokens of ``text`` joined by single spaces: what the index stores for a text field."""
    return " ".join(tokens(text))


def joins(toks: list[str]) -> str:
    """Every two neighbouring tokens glued: the forms a half-space or lost space may take."""
    return " ".join(map(str.__add__, toks, toks[1:]))


def flat(text: str) -> str:
    """Letters and digits only, nothing between them: for substring matches insensitive to spacing."""
    return "".join(tokens(text))


def query_variants(text: str, cap: int = 16) -> list[list[str]]:
    """Token sequences a phrase may be indexed as, whatever its half-spaces are written as.

    Each half-space in the query may be a half-space (glued token) or a space (two
    tokens), and each space between two words may hide a lost half-space (glued).
    The first variant is the canonical reading; at most ``cap`` variants.
    """
    base = tokens(text)
    # the places where a word could be split (half-space) or two words joined (space)
    pieces: list[list[str]] = []
    for w in _raw_words(text):
        parts = [p for p in w.split(ZWNJ) if p]
        pieces.append(parts)
    variants: list[list[str]] = [base]
    seen = {tuple(base)}
    split_forms = [tokens(" ".join(" ".join(p) for p in pieces))]
    joined = ["".join(base[i:i + 2]) for i in range(len(base) - 1)]
    # 1. every half-space as a space
    for v in split_forms:
        if tuple(v) not in seen:
            seen.add(tuple(v))
            variants.append(v)
    # 2. each subset of neighbouring canonical tokens glued (pairs only, no overlaps)
    n = len(base)
    if n >= 2:
        for mask in product((False, True), repeat=min(n - 1, 4)):
            if not any(mask) or any(mask[i] and mask[i + 1] for i in range(len(mask) - 1)):
                continue
            if any(m and (base[i].isdigit() or base[i + 1].isdigit()) for i, m in enumerate(mask)):
                continue
            out: list[str] = []
            i = 0
            while i < n:
                if i < len(mask) and mask[i]:
                    out.append(joined[i])
                    i += 2
                else:
                    out.append(base[i])
                    i += 1
            if tuple(out) not in seen:
                seen.add(tuple(out))
                variants.append(out)
            if len(variants) >= cap:
                break
    return variants[:cap]


def name_key(name: str) -> str:
    """A person's / place's name as a lookup key: folded, glued, spaces normalised."""
    return " ".join(tokens(name))


def _variant_classes() -> dict[str, str]:
    classes: dict[str, str] = {}
    for src, dst in _FOLD.items():
        if dst:
            classes.setdefault(dst, dst)
            classes[dst] += src
    return classes


_CLASSES = _variant_classes()


@lru_cache(maxsize=1024)
def loose_pattern(term: str) -> re.Pattern[str]:
    """A regex finding ``term`` in unfolded text, whatever its letters, digits, half-spaces or diacritics.

    Used to highlight matches in snippets of the original text.
    """
    gap = r"[\u200c\u0640\u064b-\u065f\u0670 ]?"
    parts = []
    for ch in flat(term):
        cls = _CLASSES.get(ch, ch)
        parts.append("[" + re.escape(cls) + "]" if len(cls) > 1 else re.escape(ch))
    return re.compile(gap.join(parts), re.IGNORECASE) if parts else re.compile(r"(?!)")
