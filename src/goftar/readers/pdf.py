"""PDF files through poppler's pdftotext (plain mode, UTF-8): the only extractor that keeps half-spaces."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from ..errors import InputError
from ..model import Document
from .pdftext import (furniture_edits, geometry_breaks, header_title, layout_edits, mark_order_edits,
                      paragraph_edits, reorder_edits, title_join_edits)

PDFTOTEXT_TIMEOUT = 120


def pdftotext(path: Path) -> str:
    """Text of the PDF at ``path`` as ``pdftotext -enc UTF-8`` writes it; InputError with the reason otherwise."""
    exe = shutil.which("pdftotext")
    if not exe:
        raise InputError(f"{path}: reading PDF needs pdftotext (Debian package poppler-utils)")
    try:
        proc = subprocess.run([exe, "-enc", "UTF-8", str(path), "-"], capture_output=True,
                              timeout=PDFTOTEXT_TIMEOUT)
    except subprocess.TimeoutExpired:
        raise InputError(f"{path}: pdftotext took longer than {PDFTOTEXT_TIMEOUT} s") from None
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        reason = err[-1] if err else f"exit status {proc.returncode}"
        raise InputError(f"{path}: not a readable PDF ({reason})")
    return proc.stdout.decode("utf-8", "replace")


def bbox_layout(path: Path) -> str:
    """``pdftotext -bbox-layout`` output (row geometry), or "" if it cannot be had."""
    exe = shutil.which("pdftotext")
    if not exe:
        return ""
    try:
        proc = subprocess.run([exe, "-bbox-layout", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                              timeout=PDFTOTEXT_TIMEOUT)
    except subprocess.TimeoutExpired:
        return ""
    return proc.stdout.decode("utf-8", "replace") if proc.returncode == 0 else ""


def clean_pdftotext(doc: Document, geometry: dict[int, bool | str] | None = None) -> Document:
    """Reading order of LTR runs, page furniture removed, wrapped title joined, paragraphs rebuilt.

    ``geometry`` maps raw row ends to paragraph ends (from :func:`geometry_breaks`); without it
    row lengths decide.
    """
    doc.apply(reorder_edits(doc.text), "pdf")
    doc.apply(mark_order_edits(doc.text), "pdf")
    edits, headers = furniture_edits(doc.text)
    doc.apply(edits, "pdf")
    if headers:
        doc.meta["print_headers"] = headers
        title = header_title(headers[0])
        if title:
            if not title.startswith(("…", "...")) and not title.endswith(("…", "...")):
                doc.meta.setdefault("hints", {}).setdefault("title", title)
            doc.apply(title_join_edits(doc.text, title), "pdf")
    def breaks(end: int) -> bool | str | None:
        if not geometry or end <= 0:
            return None
        return geometry.get(doc.offsets.to_raw(end - 1, end)[1])

    doc.apply(paragraph_edits(doc.text, breaks), "pdf")
    doc.apply(layout_edits(doc.text), "pdf")
    doc.meta["paragraphs_rebuilt"] = True
    return doc


def read_pdf(data: bytes, path: Path) -> Document:
    """A Document from a PDF file: ``raw`` is pdftotext's output; an image-only PDF is refused."""
    from ..api import source_info

    if not data.startswith(b"%PDF"):
        raise InputError(f"{path}: not a PDF file (no %PDF header)")
    text = pdftotext(path)
    if not re.search(r"[\u0600-\u06ffA-Za-z]", text):
        raise InputError(f"{path}: the PDF has no text layer (a scanned image?); OCR is not supported")
    doc = Document(text, {"source": source_info(data, kind="pdf", path=str(path), encoding="utf-8",
                                                extracted_by="pdftotext")})
    return clean_pdftotext(doc, geometry_breaks(bbox_layout(path), text))
