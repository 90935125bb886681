"""Stages and the runner.

A stage is a plain function ``fn(doc, settings) -> doc`` with a name and the
layers/meta keys it ``requires`` and ``assigns``.  :func:`check_order` rejects a
pipeline whose stages need something no earlier stage made, before any
document is touched; :func:`run` rejects a stage that returns nothing.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

from .model import Document
from .settings import Settings

StageFn = Callable[[Document, Settings], Document]


@dataclass(frozen=True)
class Stage:
    name: str
    fn: StageFn
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()


class PipelineError(RuntimeError):
    pass


def check_order(stages: Sequence[Stage], given: Iterable[str] = ()) -> None:
    have = set(given)
    for st in stages:
        missing = [r for r in st.requires if r not in have]
        if missing:
            raise PipelineError(f"stage {st.name!r} requires {missing}, which no earlier stage assigns")
        have.update(st.assigns)


def run(doc: Document, stages: Sequence[Stage], settings: Settings | None = None) -> Document:
    settings = settings or Settings()
    for st in stages:
        out = st.fn(doc, settings)
        if not isinstance(out, Document):
            raise PipelineError(f"stage {st.name!r} returned {type(out).__name__}, not a Document")
        doc = out
    return doc
