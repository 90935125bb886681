"""Half-space (ZWNJ) restoration.  Placeholder interface: replaced by the learned model."""
from __future__ import annotations

from ..offsets import Edit


def zwnj_edits(text: str) -> list[Edit]:
    return []
