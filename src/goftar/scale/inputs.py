"""Turn the command-line inputs into a deterministic sequence of partitions.

An *item* is one article to read: a file on disk, or one line of a JSONL file
(``{"id": ..., "text"|"html"|"path": ...}``).  Inputs are expanded (folders
recursively), sorted by resolved path and de-duplicated, JSONL files are
expanded line by line in file order, and the resulting stream is cut into
partitions of ``partition_size`` consecutive items.  The same inputs and the
same size therefore always give the same partition ids with the same items,
whichever engine runs them — which is what makes resume and retries safe.

Partitions are produced lazily: for a JSONL file only byte offsets are kept,
so planning a run over millions of lines holds one partition at a time.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import InputError

#: files picked up when a folder is given (others are skipped and counted): what the readers take
ARTICLE_SUFFIXES = frozenset({".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".mhtml", ".pdf"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})


@dataclass(frozen=True, slots=True)
class Item:
    """One article to read: ``path`` alone for a file, or a JSONL ``path`` with its ``line`` (1-based)
    and the byte ``offset`` where that line starts."""

    path: str
    line: int | None = None
    offset: int | None = None

    @property
    def ref(self) -> str:
        """A short human reference: ``path`` or ``path:line``."""
        return self.path if self.line is None else f"{self.path}:{self.line}"


@dataclass(frozen=True, slots=True)
class Partition:
    """A numbered, ordered chunk of items; ``digest`` identifies exactly which items it holds."""

    pid: int
    items: tuple[Item, ...]

    @property
    def name(self) -> str:
        return f"part-{self.pid:06d}"

    @property
    def digest(self) -> str:
        h = hashlib.sha256()
        for it in self.items:
            h.update(f"{it.path}\0{it.line}\0{it.offset}\n".encode("utf-8", "surrogateescape"))
        return h.hexdigest()[:32]


@dataclass(frozen=True, slots=True)
class Discovery:
    """The expanded input files (sorted) and how many folder entries were skipped."""

    files: tuple[str, ...]
    skipped: int


def discover(inputs: Iterable[str | Path]) -> Discovery:
    """Expand files and folders into a sorted, de-duplicated list of article and JSONL files.

    Raises :class:`InputError` for an input that does not exist or when nothing is left to read.
    """
    found: set[str] = set()
    skipped = 0
    for raw in inputs:
        p = Path(raw)
        if p.is_dir():
            for f in p.rglob("*"):
                if not f.is_file() or any(part.startswith(".") for part in f.relative_to(p).parts):
                    continue
                suffix = f.suffix.lower()
                if suffix in ARTICLE_SUFFIXES or suffix in JSONL_SUFFIXES:
                    found.add(str(f.resolve()))
                else:
                    skipped += 1
        elif p.is_file():
            found.add(str(p.resolve()))
        elif p.exists():
            raise InputError(f"{raw}: not a regular file or folder")
        else:
            raise InputError(f"{raw}: no such file or folder")
    if not found:
        raise InputError("no input files to read (folders are searched for .txt, .html, .pdf and .jsonl)")
    return Discovery(tuple(sorted(found)), skipped)


def is_jsonl(path: str) -> bool:
    return Path(path).suffix.lower() in JSONL_SUFFIXES


def iter_items(files: Iterable[str]) -> Iterator[Item]:
    """Every article in ``files``, in order; JSONL files yield one item per non-blank line."""
    for path in files:
        if not is_jsonl(path):
            yield Item(path)
            continue
        try:
            fh = open(path, "rb")
        except OSError as e:
            raise InputError(f"{path}: cannot read ({e.strerror or e})") from None
        with fh:
            offset = 0
            for lineno, line in enumerate(fh, start=1):
                if line.strip():
                    yield Item(path, lineno, offset)
                offset += len(line)


def partitions(files: Iterable[str], size: int) -> Iterator[Partition]:
    """Cut the item stream of ``files`` into partitions of ``size`` items (the last may be shorter)."""
    if size < 1:
        raise InputError(f"partition size must be at least 1, not {size}")
    chunk: list[Item] = []
    pid = 0
    for item in iter_items(files):
        chunk.append(item)
        if len(chunk) == size:
            yield Partition(pid, tuple(chunk))
            pid += 1
            chunk = []
    if chunk:
        yield Partition(pid, tuple(chunk))
