"""Tokens and paragraphs of the repaired text, as offsets (attribution never copies text)."""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import accumulate
from typing import NamedTuple, overload

from ..model import Document
from .lexicon import word_key, words_key

#: the characters ``\s`` matches in a str pattern (those whose ``str.isspace()`` is true), spelled out: a class
#: of literal characters is one table lookup per character in ``re``, where ``\s`` inside a negated class
#: costs a category test per character too (the tokenizer's split runs about twice as fast)
SPACE_CHARS = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
               "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
# a word: anything but whitespace and punctuation; U+200C stays inside the word
_WORD = re.compile(f"[^{re.escape(SPACE_CHARS)}" r"«»\"“”'()\[\]{}:：؛;،,.!؟?|/\\…\-–—]+")
_FOOTER = re.compile(
    r"^\s*(?:منبع\s*[|:：]|منبع\s|برچسب|کلید\s*واژه|کلیدواژه|کد\s*خبر|انتهای\s*پیام|\[\d+\]|لینک\s*کوتاه|"
    r"نظرات|ارسال\s*نظر|تگ\s*ها|تگ‌ها|source\b|tags?\s*:)",
    re.I,
)


class Token(NamedTuple):
    """One word: ``[start, end)`` in ``doc.text`` and its matching key."""

    i: int
    start: int
    end: int
    text: str
    key: str


# builds a Token from a 5-tuple without a Python-level call
_new_token = partial(tuple.__new__, Token)


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph-like block of the text (title, lead or body paragraph)."""

    start: int
    end: int
    kind: str  # "title" | "kicker" | "lead" | "paragraph" | "footer"


class Tokens(Sequence[Token]):
    """The tokens of a text as plain lists of starts, ends, words, keys and the gaps between them (what the
    scans read, at C speed); a :class:`Token` is made only when one is asked for by index."""

    __slots__ = ("starts", "ends", "words", "keys", "gaps")

    def __init__(self, starts: list[int], ends: list[int], words: list[str], keys: list[str],
                 gaps: list[str]) -> None:
        self.starts, self.ends, self.words, self.keys = starts, ends, words, keys
        self.gaps = gaps  # gaps[i]: the text between token i and token i + 1

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, i: int) -> Token: ...
    @overload
    def __getitem__(self, i: slice) -> list[Token]: ...
    def __getitem__(self, i: int | slice) -> Token | list[Token]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self.starts)))]
        if i < 0:
            i += len(self.starts)
        return _new_token((i, self.starts[i], self.ends[i], self.words[i], self.keys[i]))

    def __iter__(self) -> Iterator[Token]:
        return map(_new_token, zip(range(len(self.starts)), self.starts, self.ends, self.words, self.keys))


# the text split at words, the words kept: [gap, word, gap, word, …, gap]
_SPLIT = re.compile(f"({_WORD.pattern})")


def tokenize(text: str) -> Tokens:
    """Every word of ``text`` with offsets.

    All per-word work runs in C: one ``re.split`` gives the words and the gaps between them, the offsets are
    the running sums of their lengths, and the keys of all words come from the words joined by NUL.
    """
    parts = _SPLIT.split(text)
    words = parts[1::2]
    cum = list(accumulate(map(len, parts)))
    if not words:
        keys = []
    elif "\0" in text:  # NUL separates the words below; never in real text
        keys = [word_key(w) for w in words]
    else:
        keys = words_key("\0".join(words)).split("\0")
    return Tokens(cum[0:-1:2], cum[1::2], words, keys, parts[2:-1:2])


def is_footer(line: str) -> bool:
    """A source / tags / link line at the end of a report, not part of its body."""
    return bool(_FOOTER.match(line))


def blocks(doc: Document) -> list[Block]:
    """Paragraphs in text order: from the reader's layers when present, else split on blank lines.

    Everything from the first footer line on («منبع|», «برچسب ها:», «[1] …») is marked ``footer``.
    """
    layered: list[Block] = []
    for layer in ("title", "kicker", "lead", "paragraph"):
        for s in doc.layer(layer):
            layered.append(Block(s.start, s.end, layer))
    if any(b.kind == "paragraph" for b in layered):
        out = sorted(layered, key=lambda b: b.start)
    else:
        out = []
        for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*", doc.text):
            s, e = m.start(), m.end()
            while s < e and doc.text[s].isspace():
                s += 1
            while e > s and doc.text[e - 1].isspace():
                e -= 1
            if e > s:
                out.append(Block(s, e, "paragraph"))
    marked, footer = [], False
    for b in out:
        line = doc.text[b.start : b.end]
        if is_footer(line) or ("برچسب" in line and len(line) < 60):
            footer = True
        marked.append(Block(b.start, b.end, "footer") if footer and b.kind == "paragraph" else b)
    return marked
