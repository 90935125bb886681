"""The public entry points: everything (CLI, HTTP, Dask) calls these."""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from .model import Document
from .pipeline import Stage, check_order, run
from .settings import Settings


def repair_stages() -> list[Stage]:
    from .repair import STAGES

    return list(STAGES)


def read_stages(settings: Settings | None = None) -> list[Stage]:
    """Repair, then structure, then (if enabled) attribution."""
    from .attribute import STAGES as ATTRIBUTE
    from .read import STAGES as READ

    settings = settings or Settings()
    stages = repair_stages() + list(READ)
    if settings.attribute:
        stages += list(ATTRIBUTE)
    check_order(stages)
    return stages


def repair(text: str, settings: Settings | None = None) -> Document:
    """A Document whose ``text`` is the repaired form of ``text``."""
    doc = Document(text, {"source": source_info(text.encode("utf-8"), kind="text")})
    return run(doc, repair_stages(), settings)


def source_info(data: bytes, kind: str, path: str | None = None, **extra: Any) -> dict[str, Any]:
    return {"path": path, "kind": kind, "sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data), **extra}


def read_document(doc: Document, settings: Settings | None = None) -> Document:
    """Run the full reading pipeline on a Document a reader produced."""
    return run(doc, read_stages(settings), settings)


def read_text(text: str, settings: Settings | None = None, path: str | None = None) -> Document:
    doc = Document(text, {"source": source_info(text.encode("utf-8"), kind="text", path=path)})
    return read_document(doc, settings)


def read_path(path: str | Path, settings: Settings | None = None) -> Document:
    """Read one file of any supported kind (text, PDF, HTML) into a Document."""
    from .readers import load

    return read_document(load(Path(path)), settings)


def record(doc: Document, with_raw: bool = True) -> dict[str, Any]:
    from .record import to_record

    return to_record(doc, with_raw=with_raw)
