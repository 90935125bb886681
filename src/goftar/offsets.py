"""Offset maps between repaired text and the raw input.

Every character of a repaired text maps back to a half-open span of the raw
input.  A rewriting stage describes its work as a list of :class:`Edit`
objects on the current text; :func:`apply_edits` returns the new text and a
map new→old, and :meth:`OffsetMap.compose` chains it onto the map old→raw.

Stdlib only.  Lookups are strict: an offset outside the text raises
:class:`OffsetError` rather than guessing.
"""
from __future__ import annotations

from array import array
from dataclasses import dataclass
from typing import Iterable, Sequence


class OffsetError(ValueError):
    """An offset does not fall inside the text it claims to index."""


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` by ``new``; ``reason`` says why (``zwnj:glued``, ``fold:yeh`` …)."""

    start: int
    end: int
    new: str
    reason: str


class OffsetMap:
    """Maps each character ``i`` of a text to the raw span ``[starts[i], ends[i])``.

    ``starts`` has one extra sentinel entry (``len(text)`` → ``len(raw)``) so
    that empty spans at the end of the text resolve.
    """

    __slots__ = ("starts", "ends", "raw_len")

    def __init__(self, starts: Sequence[int], ends: Sequence[int], raw_len: int) -> None:
        if len(starts) != len(ends) + 1:
            raise OffsetError("starts must have one more entry than ends")
        self.starts = starts if isinstance(starts, array) else array("l", starts)
        self.ends = ends if isinstance(ends, array) else array("l", ends)
        self.raw_len = raw_len

    @classmethod
    def identity(cls, n: int) -> "OffsetMap":
        return cls(array("l", range(n + 1)), array("l", range(1, n + 1)), n)

    def __len__(self) -> int:
        return len(self.ends)

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Raw span covered by ``text[start:end]``; an empty span maps to a point."""
        n = len(self.ends)
        if not (0 <= start <= end <= n):
            raise OffsetError(f"span [{start}, {end}) outside text of length {n}")
        if start == end:
            p = self.starts[start]
            return p, p
        return self.starts[start], self.ends[end - 1]

    def compose(self, inner: "OffsetMap") -> "OffsetMap":
        """``inner`` maps a newer text onto this map's text; return newer text → raw."""
        if inner.raw_len != len(self.ends):
            raise OffsetError(
                f"cannot compose: inner map indexes {inner.raw_len} chars, outer text has {len(self.ends)}"
            )
        s_out, e_out = self.starts, self.ends
        starts = array("l")
        ends = array("l")
        for a, b in zip(inner.starts, inner.ends):
            rs = s_out[a]
            starts.append(rs)
            ends.append(e_out[b - 1] if b > a else rs)
        starts.append(s_out[inner.starts[-1]])
        return OffsetMap(starts, ends, self.raw_len)

    def to_json(self) -> dict:
        return {"starts": list(self.starts), "ends": list(self.ends), "raw_len": self.raw_len}

    @classmethod
    def from_json(cls, d: dict) -> "OffsetMap":
        return cls(d["starts"], d["ends"], d["raw_len"])


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, OffsetMap, list[Edit]]:
    """Apply non-overlapping edits; return (new text, map new→old, edits sorted).

    Edits that change nothing are dropped.  A replacement of the same length
    maps character by character; otherwise each new character maps to the
    whole replaced span (an insertion maps to a point).
    """
    todo = sorted((e for e in edits if text[e.start : e.end] != e.new), key=lambda e: (e.start, e.end))
    n = len(text)
    pieces: list[str] = []
    starts = array("l")
    ends = array("l")
    pos = 0
    for e in todo:
        if e.start < pos or e.end > n or e.start > e.end:
            raise OffsetError(f"overlapping or out-of-range edit {e!r}")
        if e.start > pos:
            pieces.append(text[pos : e.start])
            starts.extend(range(pos, e.start))
            ends.extend(range(pos + 1, e.start + 1))
        pieces.append(e.new)
        k = len(e.new)
        if k == e.end - e.start:
            starts.extend(range(e.start, e.end))
            ends.extend(range(e.start + 1, e.end + 1))
        else:
            starts.extend([e.start] * k)
            ends.extend([e.end] * k)
        pos = e.end
    if pos < n:
        pieces.append(text[pos:])
        starts.extend(range(pos, n))
        ends.extend(range(pos + 1, n + 1))
    starts.append(n)
    return "".join(pieces), OffsetMap(starts, ends, n), todo
