"""Input readers: bytes on disk → Document (raw kept).  Text only for now."""
from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from ..model import Document

__all__ = ["InputError", "load"]


def load(path: Path) -> Document:
    from ..api import source_info

    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror or e})") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text") from None
    return Document(text, {"source": source_info(data, kind="text", path=str(path))})
