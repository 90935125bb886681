"""The public JSON record of one article (``goftar read --json``), built from a Document.

Field names are a public contract (``goftar schema`` prints its JSON Schema).
Structural fields come from :func:`goftar.read.record_fields`, attribution from
:func:`goftar.attribute.record_fields`.
"""
from __future__ import annotations

from typing import Any

from .model import Document

RECORD_VERSION = 1


def to_record(doc: Document, with_raw: bool = True) -> dict[str, Any]:
    from .attribute import record_fields as attribute_fields
    from .read import record_fields as read_fields

    src = dict(doc.meta.get("source") or {})
    rec: dict[str, Any] = {
        "id": (src.get("sha256") or "")[:16],
        "version": RECORD_VERSION,
        "source": src,
    }
    rec.update(read_fields(doc))
    rec.update(attribute_fields(doc))
    rec["warnings"] = list(doc.meta.get("warnings", []))
    rec["text"] = doc.text
    if with_raw:
        rec["raw"] = doc.raw
    rec["repairs"] = len(doc.edits)
    return rec
