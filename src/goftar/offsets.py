"""Offset maps between repaired text and the raw input.

Every character of a repaired text maps back to a half-open span of the raw
input.  A rewriting stage describes its work as a list of :class:`Edit`
objects on the current text; :func:`apply_edits` returns the new text and a
map new→old, and :meth:`OffsetMap.compose` chains it onto the map old→raw.

Stdlib only.  Lookups are strict: an offset outside the text raises
:class:`OffsetError` rather than guessing.
"""
from __future__ import annotations

from bisect import bisect_right
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
    """Maps each character of a text to the raw span it came from.

    The map is stored as segments that tile the text: in a *linear* segment
    character ``ns + k`` came from raw character ``rs + k``; in any other segment
    (a replacement of a different length) every character came from the whole
    raw span ``[rs, re)`` — a point when the characters were inserted.  Work is
    proportional to the number of edits, not the length of the text.
    """

    __slots__ = ("_ns", "_rs", "_re", "_lin", "length", "raw_len")

    def __init__(self, segments: Sequence[tuple[int, int, int, bool]], length: int, raw_len: int) -> None:
        self._ns: list[int] = []
        self._rs: list[int] = []
        self._re: list[int] = []
        self._lin: list[bool] = []
        self.length = length
        self.raw_len = raw_len
        for ns, rs, re_, lin in segments:
            self._push(ns, rs, re_, lin)

    def _push(self, ns: int, rs: int, re_: int, lin: bool) -> None:
        if self._ns and ns == self._ns[-1]:  # the previous segment was empty: replace it
            self._ns.pop(); self._rs.pop(); self._re.pop(); self._lin.pop()
        if lin and self._lin and self._lin[-1]:
            # merge with a contiguous linear predecessor
            plen = ns - self._ns[-1]
            if self._rs[-1] + plen == rs:
                self._re[-1] = re_
                return
        self._ns.append(ns)
        self._rs.append(rs)
        self._re.append(re_)
        self._lin.append(lin)

    @classmethod
    def identity(cls, n: int) -> "OffsetMap":
        return cls([(0, 0, n, True)] if n else [], n, n)

    def __len__(self) -> int:
        return self.length

    def _seg(self, i: int) -> int:
        return bisect_right(self._ns, i) - 1

    def _raw_start(self, i: int) -> int:
        k = self._seg(i)
        return self._rs[k] + (i - self._ns[k]) if self._lin[k] else self._rs[k]

    def _raw_end(self, i: int) -> int:
        """Raw end of character ``i`` (exclusive)."""
        k = self._seg(i)
        return self._rs[k] + (i - self._ns[k]) + 1 if self._lin[k] else self._re[k]

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Raw span covered by ``text[start:end]``; an empty span maps to a point."""
        n = self.length
        if not (0 <= start <= end <= n):
            raise OffsetError(f"span [{start}, {end}) outside text of length {n}")
        if start == end:
            p = self.raw_len if start == n else self._raw_start(start)
            return p, p
        return self._raw_start(start), self._raw_end(end - 1)

    def segments(self) -> list[tuple[int, int, int, int, bool]]:
        """``(new_start, new_end, raw_start, raw_end, linear)`` for each segment."""
        ends = self._ns[1:] + [self.length]
        return list(zip(self._ns, ends, self._rs, self._re, self._lin))

    def compose(self, inner: "OffsetMap") -> "OffsetMap":
        """``inner`` maps a newer text onto this map's text; return newer text → raw."""
        if inner.raw_len != self.length:
            raise OffsetError(
                f"cannot compose: inner map indexes {inner.raw_len} chars, outer text has {self.length}"
            )
        out = OffsetMap([], 0, self.raw_len)
        outer = self.segments()
        o_starts = self._ns
        for ns, ne, ms, me, lin in inner.segments():
            if ne == ns:
                continue
            if not lin:
                rs, re_ = self.to_raw(ms, me)
                out._push(ns, rs, re_, False)
                continue
            k = bisect_right(o_starts, ms) - 1
            pos = ms
            while pos < me:
                os_, oe, ors, ore, olin = outer[k]
                b = min(me, oe)
                new_at = ns + (pos - ms)
                if olin:
                    out._push(new_at, ors + (pos - os_), ors + (b - os_), True)
                else:
                    out._push(new_at, ors, ore, False)
                pos = b
                k += 1
        out.length = inner.length
        return out

    def to_json(self) -> dict:
        return {"segments": [[ns, rs, re_, int(lin)] for ns, _, rs, re_, lin in self.segments()],
                "length": self.length, "raw_len": self.raw_len}

    @classmethod
    def from_json(cls, d: dict) -> "OffsetMap":
        return cls([(a, b, c, bool(e)) for a, b, c, e in d["segments"]], d["length"], d["raw_len"])


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, OffsetMap, list[Edit]]:
    """Apply non-overlapping edits; return (new text, map new→old, edits applied, sorted).

    Edits that change nothing are dropped.  A replacement of the same length
    maps character by character; otherwise each new character maps to the
    whole replaced span (an insertion maps to a point).
    """
    todo = sorted((e for e in edits if text[e.start : e.end] != e.new), key=lambda e: (e.start, e.end))
    n = len(text)
    pieces: list[str] = []
    m = OffsetMap([], 0, n)
    pos = 0
    new_pos = 0
    for e in todo:
        if e.start < pos or e.end > n or e.start > e.end:
            raise OffsetError(f"overlapping or out-of-range edit {e!r}")
        if e.start > pos:
            pieces.append(text[pos : e.start])
            m._push(new_pos, pos, e.start, True)
            new_pos += e.start - pos
        k = len(e.new)
        if k:
            pieces.append(e.new)
            m._push(new_pos, e.start, e.end, k == e.end - e.start)
            new_pos += k
        pos = e.end
    if pos < n:
        pieces.append(text[pos:])
        m._push(new_pos, pos, n, True)
        new_pos += n - pos
    m.length = new_pos
    return "".join(pieces), m, todo
