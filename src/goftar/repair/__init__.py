"""Repair: the only stages that rewrite text.  Each one extends the offset map.

Order: fold characters → split glued footer labels → reflow lines → restore
half-spaces.  Half-space restoration runs last because it needs whole words,
which only exist once wrapped lines are joined.
"""
from __future__ import annotations

from ..model import Document
from ..pipeline import Stage
from ..settings import Settings
from .fold import fold_edits
from .reflow import reflow_edits, split_label_edits
from .zwnj import zwnj_edits


def fold(doc: Document, settings: Settings) -> Document:
    doc.apply(fold_edits(doc.text, settings), "fold")
    return doc


def reflow(doc: Document, settings: Settings) -> Document:
    if settings.reflow:
        doc.apply(split_label_edits(doc.text), "reflow")
        if not doc.meta.get("paragraphs_rebuilt"):  # a reader (PDF) already rebuilt the paragraphs
            doc.apply(reflow_edits(doc.text), "reflow")
    return doc


def zwnj(doc: Document, settings: Settings) -> Document:
    if settings.zwnj:
        doc.apply(zwnj_edits(doc.text), "zwnj")
    return doc


STAGES = [
    Stage("fold", fold, assigns=("text:folded",)),
    Stage("reflow", reflow, requires=("text:folded",), assigns=("text:reflowed",)),
    Stage("zwnj", zwnj, requires=("text:reflowed",), assigns=("text:repaired",)),
]


def repair_text(text: str, settings: Settings | None = None) -> str:
    """Repaired text of ``text`` (a convenience over the Document pipeline)."""
    from ..pipeline import run

    return run(Document(text), STAGES, settings).text
