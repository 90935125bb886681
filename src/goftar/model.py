"""The one document model every stage reads and extends.

A :class:`Document` keeps the raw input untouched (``raw``), the repaired text
(``text``) and an :class:`~goftar.offsets.OffsetMap` from repaired characters
back to raw ones.  Stages add :class:`Span` objects to named layers
(``doc.spans["quote"]``) and document-level values to ``doc.meta``; spans
store offsets into ``text``, never copies, and their raw offsets are derived.

Only repair stages rewrite ``text`` (through :meth:`Document.apply`); after
repair the text is frozen and later stages only add spans.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from .offsets import Edit, OffsetMap, apply_edits


@dataclass(slots=True)
class Span:
    """A labelled region ``[start, end)`` of the repaired text, with attributes."""

    start: int
    end: int
    label: str = ""
    attrs: dict[str, Any] = field(default_factory=dict)

    def to_json(self, doc: "Document | None" = None) -> dict[str, Any]:
        d: dict[str, Any] = {"start": self.start, "end": self.end}
        if self.label:
            d["label"] = self.label
        if doc is not None:
            d["raw_start"], d["raw_end"] = doc.raw_span(self.start, self.end)
        if self.attrs:
            d["attrs"] = self.attrs
        return d


@dataclass(slots=True)
class EditRecord:
    """One repair as the user sees it: what a stage changed, why, and where in the raw input."""

    stage: str
    reason: str
    start: int  # offset in the text the stage saw
    before: str
    after: str
    raw_start: int
    raw_end: int

    def to_json(self) -> dict[str, Any]:
        return {
            "stage": self.stage,
            "reason": self.reason,
            "raw_start": self.raw_start,
            "raw_end": self.raw_end,
            "before": self.before,
            "after": self.after,
        }


class Document:
    """Raw input, repaired text, offset map, span layers and metadata."""

    __slots__ = ("raw", "text", "offsets", "spans", "edits", "meta")

    def __init__(self, raw: str, meta: dict[str, Any] | None = None) -> None:
        self.raw: str = raw
        self.text: str = raw
        self.offsets: OffsetMap = OffsetMap.identity(len(raw))
        self.spans: dict[str, list[Span]] = {}
        self.edits: list[EditRecord] = []
        self.meta: dict[str, Any] = dict(meta or {})

    # -- rewriting (repair stages only) ---------------------------------
    def apply(self, edits: Iterable[Edit], stage: str) -> int:
        """Rewrite ``text`` with ``edits`` (offsets into the current text); returns how many applied."""
        if any(self.spans.values()):
            raise RuntimeError("text is frozen once spans exist; repair must run first")
        new_text, inner, done = apply_edits(self.text, edits)
        if not done:
            return 0
        for e in done:
            rs, re_ = self.offsets.to_raw(e.start, e.end)
            self.edits.append(
                EditRecord(stage, e.reason, e.start, self.text[e.start : e.end], e.new, rs, re_)
            )
        self.offsets = self.offsets.compose(inner)
        self.text = new_text
        return len(done)

    # -- spans ----------------------------------------------------------
    def add_span(self, layer: str, start: int, end: int, label: str = "", **attrs: Any) -> Span:
        if not (0 <= start <= end <= len(self.text)):
            raise ValueError(f"span [{start}, {end}) outside text of length {len(self.text)}")
        span = Span(start, end, label, dict(attrs))
        self.spans.setdefault(layer, []).append(span)
        return span

    def layer(self, name: str) -> list[Span]:
        return self.spans.get(name, [])

    def span_text(self, span: Span) -> str:
        return self.text[span.start : span.end]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        return self.offsets.to_raw(start, end)

    def raw_text(self, span: Span) -> str:
        rs, re_ = self.raw_span(span.start, span.end)
        return self.raw[rs:re_]

    # -- serialisation --------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        return {
            "raw": self.raw,
            "text": self.text,
            "offsets": self.offsets.to_json(),
            "spans": {k: [s.to_json() for s in v] for k, v in self.spans.items()},
            "edits": [e.to_json() | {"start": e.start} for e in self.edits],
            "meta": self.meta,
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> "Document":
        doc = cls(d["raw"], d.get("meta"))
        doc.text = d["text"]
        doc.offsets = OffsetMap.from_json(d["offsets"])
        doc.spans = {
            k: [Span(s["start"], s["end"], s.get("label", ""), s.get("attrs", {})) for s in v]
            for k, v in d.get("spans", {}).items()
        }
        doc.edits = [
            EditRecord(e["stage"], e["reason"], e["start"], e["before"], e["after"], e["raw_start"], e["raw_end"])
            for e in d.get("edits", [])
        ]
        return doc

    def __repr__(self) -> str:
        layers = ", ".join(f"{k}={len(v)}" for k, v in self.spans.items())
        return f"<Document {len(self.raw)} raw chars, {len(self.edits)} edits, spans: {layers or 'none'}>"
