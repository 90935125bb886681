"""Attribution: quotes, speakers, people, places, organisations, events."""
from __future__ import annotations

from typing import Any

from ..model import Document
from ..pipeline import Stage

STAGES: list[Stage] = []


def record_fields(doc: Document) -> dict[str, Any]:
    return {}
