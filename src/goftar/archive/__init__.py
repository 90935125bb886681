"""The archive: SQLite record store + tantivy search index + near-duplicate stories.

>>> from goftar.archive import Archive
>>> with Archive("news.db") as a:            # doctest: +SKIP
...     a.ingest_paths(["reports/"])
...     a.search("ظرفیت‌ها", since="2024-01-01").hits
"""
from __future__ import annotations

from .store import Archive, ArchiveError, IngestReport, SearchResult

__all__ = ["Archive", "ArchiveError", "IngestReport", "SearchResult"]
