"""Tokens and paragraphs of the repaired text, as offsets (attribution never copies text)."""
from __future__ import annotations

import gc
import re
from dataclasses import dataclass
from functools import partial
from itertools import accumulate
from typing import NamedTuple

from ..model import Document
from .lexicon import word_key, words_key

# a word: anything but whitespace and punctuation; U+200C stays inside the word
_WORD = re.compile(r"[^\s«»\"“”'()\[\]{}:：؛;،,.!؟?|/\\…\-–—]+")
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


# builds a Token from a 5-tuple without a Python-level call (tokenising is the hot loop of attribution)
_new_token = partial(tuple.__new__, Token)


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph-like block of the text (title, lead or body paragraph)."""

    start: int
    end: int
    kind: str  # "title" | "kicker" | "lead" | "paragraph" | "footer"


class Tokens(list):
    """The tokens of a text, with their starts, ends, keys and the gaps between them also as plain lists
    (for C-speed scans)."""

    starts: list[int]
    ends: list[int]
    keys: list[str]
    gaps: list[str]  # gaps[i]: the text between token i and token i + 1


# the text split at words, the words kept: [gap, word, gap, word, …, gap]
_SPLIT = re.compile(f"({_WORD.pattern})")


def tokenize(text: str) -> list[Token]:
    """Every word of ``text`` with offsets.

    All per-word work runs in C: one ``re.split`` gives the words and the gaps between them, the offsets are
    the running sums of their lengths, the keys of all words come from the words joined by NUL, and the tokens
    are built by ``tuple.__new__``.
    """
    parts = _SPLIT.split(text)
    words = parts[1::2]
    cum = list(accumulate(map(len, parts)))
    starts, ends = cum[0:-1:2], cum[1::2]
    if not words:
        keys = []
    elif "\0" in text:  # NUL separates the words below; never in real text
        keys = [word_key(w) for w in words]
    else:
        keys = words_key("\0".join(words)).split("\0")
    # tens of thousands of small tuples that form no cycles: the cyclic collector would only walk them again
    # and again while they are made, so it pauses for this one statement (when the stage has not paused it)
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        out = Tokens(map(_new_token, zip(range(len(words)), starts, ends, words, keys)))
    finally:
        if paused:
            gc.enable()
    out.starts, out.ends, out.keys, out.gaps = starts, ends, keys, parts[2:-1:2]
    return out


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
