"""Text files: decoded (UTF-8, UTF-16, Windows-1256), pdftotext output cleaned, raw kept."""
from __future__ import annotations

from ..model import Document
from .encoding import decode
from .pdftext import looks_like_pdftotext


def read_text(data: bytes, path: str | None = None) -> Document:
    """A Document from the bytes of a text file; ``raw`` is the decoded text, untouched.

    Text someone extracted with pdftotext (bidi marks, form feeds, print headers) is cleaned
    the same way as a PDF we extract ourselves.
    """
    from ..api import source_info
    from .encoding import detect

    name = path or "<stdin>"
    text = decode(data, name)
    enc = detect(data) if data else "utf-8"
    doc = Document(text, {"source": source_info(data, kind="text", path=path, encoding=enc)})
    if looks_like_pdftotext(text):
        from .pdf import clean_pdftotext

        doc.meta["source"]["extracted_by"] = "pdftotext"
        clean_pdftotext(doc)
    return doc
