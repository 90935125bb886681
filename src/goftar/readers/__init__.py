"""Input readers: bytes on disk → Document, raw kept.

:func:`load` reads one file of any supported kind — text (UTF-8, UTF-16, Windows-1256; pdftotext
output is recognised and cleaned), PDF (through pdftotext) or a saved web page (trafilatura, with
half-spaces protected) — and :func:`iter_inputs` lists the readable files of a folder.
``meta["source"]`` records path, kind, sha256 and size of the bytes read, and the encoding.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ..errors import InputError
from ..model import Document

__all__ = ["InputError", "load", "load_bytes", "read_file_bytes", "iter_inputs", "kind_of", "MAX_BYTES", "MAX_PDF_BYTES"]

#: largest text or HTML file read (a news article is a few tens of kB)
MAX_BYTES = 5 * 1024 * 1024
#: largest PDF file read (PDFs carry images)
MAX_PDF_BYTES = 50 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".mhtml"}
PDF_SUFFIXES = {".pdf"}
SKIP_NAMES = {"gold.json"}


def kind_of(data: bytes, name: str = "") -> str:
    """``pdf``, ``html`` or ``text``, from the bytes first and the file name second."""
    from .html import looks_like_html

    if data.startswith(b"%PDF"):
        return "pdf"
    if looks_like_html(data):
        return "html"
    suffix = Path(name).suffix.lower()
    if suffix in PDF_SUFFIXES:
        return "pdf"
    if suffix in HTML_SUFFIXES:
        return "html"
    return "text"


def _size_check(n: int, name: str, limit: int) -> None:
    if n > limit:
        raise InputError(f"{name}: file too large ({n / 1048576:.1f} MB; the limit is {limit // 1048576} MB)")


def load_bytes(data: bytes, name: str | None = None, path: Path | None = None) -> Document:
    """A Document from bytes (standard input, an upload); ``name`` is shown in messages and kept as path."""
    label = name or "<stdin>"
    kind = kind_of(data, label)
    if not data.strip():
        raise InputError(f"{label}: empty input")
    if kind == "pdf":
        _size_check(len(data), label, MAX_PDF_BYTES)
        from .pdf import read_pdf

        if path is None:  # pdftotext needs a file
            import tempfile

            with tempfile.NamedTemporaryFile(suffix=".pdf") as tmp:
                tmp.write(data)
                tmp.flush()
                doc = read_pdf(data, Path(tmp.name))
            doc.meta["source"]["path"] = name
            return doc
        return read_pdf(data, path)
    _size_check(len(data), label, MAX_BYTES)
    if kind == "html":
        from .html import read_html

        return read_html(data, name)
    from .text import read_text

    return read_text(data, name)


def read_file_bytes(path: Path | str) -> bytes:
    """The bytes of one input file, within the size limits; InputError with a one-line reason otherwise."""
    path = Path(path)
    if path.is_dir():
        raise InputError(f"{path}: is a folder (read folders with iter_inputs or `goftar read FOLDER`)")
    try:
        size = path.stat().st_size
        _size_check(size, str(path), MAX_PDF_BYTES)
        with open(path, "rb") as f:
            head = f.read(8)
        if not head.startswith(b"%PDF"):
            _size_check(size, str(path), MAX_BYTES)
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror or e})") from None


def load(path: Path | str) -> Document:
    """Read one file (text, PDF or HTML) into a Document; InputError with a one-line reason otherwise."""
    path = Path(path)
    return load_bytes(read_file_bytes(path), str(path), path)


def iter_inputs(folder: Path | str) -> Iterator[Path]:
    """Files under ``folder`` (recursively, sorted) that goftar can read; hidden files skipped."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"{folder}: not a folder")
    for p in sorted(folder.rglob("*")):
        if not p.is_file() or any(part.startswith(".") for part in p.relative_to(folder).parts):
            continue
        if p.name in SKIP_NAMES or p.suffix.lower() in {".json", ".jsonl", ".gz", ".zip", ".png", ".jpg", ".jpeg",
                                                          ".gif", ".css", ".js"}:
            continue
        yield p
