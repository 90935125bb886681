"""The tantivy search index: derived from the SQLite store, rebuildable, Persian-aware.

Every text field holds tokens made by :mod:`goftar.archive.analysis` and is split
by tantivy's ``whitespace`` tokenizer only, so index and query see the same folding.
An indexed document is keyed by the article's SQLite rowid (field ``n``); adding an
article always deletes ``n`` first, so re-indexing after a crash never duplicates.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tantivy

from ..errors import GoftarError
from .analysis import analyse, joins, query_variants, tokens

SEP = " | "  # between names in a multi-valued name field: phrases never span two names
NAME_FIELDS = ("speaker", "person", "place", "tag", "agency")
TEXT_FIELDS = ("title", "body")
WRITER_HEAP = 96_000_000


def build_schema() -> tantivy.Schema:
    sb = tantivy.SchemaBuilder()
    sb.add_integer_field("n", stored=True, indexed=True, fast=True)
    sb.add_integer_field("story", fast=True, indexed=False)
    sb.add_integer_field("published", fast=True, indexed=True)
    sb.add_text_field("title", tokenizer_name="whitespace")
    sb.add_text_field("body", tokenizer_name="whitespace")
    sb.add_text_field("joins", tokenizer_name="whitespace", index_option="freq")
    for name in NAME_FIELDS:
        sb.add_text_field(name, tokenizer_name="whitespace")
    return sb.build()


def date_number(value: str | None) -> int:
    """``2024-05-01`` → 20240501; -1 when unknown (so ranges never match it)."""
    if not value:
        return -1
    m = re.match(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", str(value).strip())
    if not m:
        return -1
    y, mo, d = int(m.group(1)), int(m.group(2) or 0), int(m.group(3) or 0)
    return y * 10000 + mo * 100 + d


@dataclass
class IndexDoc:
    """What the index needs of one article."""

    n: int
    story: int
    published: str | None
    title: str
    body: str
    names: dict[str, list[str]]
    toks: list[str] | None = None  # tokens(title + body), when the caller has them already


class SearchIndex:
    """A tantivy index in a folder; one writer at a time (tantivy holds a lock file)."""

    def __init__(self, path: Path, *, readonly: bool = False) -> None:
        self.path = Path(path)
        self.readonly = readonly
        self.schema = build_schema()
        self.created = False
        self._writer: Any = None
        self._seen: tuple[int, ...] | None = None  # meta.json as of the last reload
        if readonly and not (self.path / "meta.json").exists():
            raise GoftarError(f"{self.path}: the search index is missing; run `goftar reindex --db FILE`")
        try:
            if not readonly:
                self.created = not (self.path / "meta.json").exists()
                self.path.mkdir(parents=True, exist_ok=True)
            self.index = tantivy.Index(self.schema, path=str(self.path), reuse=True)
        except (OSError, ValueError) as e:
            if "read-only" in str(e).lower() or "ReadOnlyFilesystem" in str(e):
                raise GoftarError(f"{self.path}: the search index is on a read-only file system and tantivy must "
                                  "write a lock file even to read; stats, quotes, people and export work without "
                                  "it, or copy the archive somewhere writable to search") from None
            raise GoftarError(f"{self.path}: cannot open the search index ({e}); "
                              "run `goftar reindex --db FILE` to rebuild it") from None

    # -- writing -------------------------------------------------------------------------------------
    def _w(self) -> Any:
        if self.readonly:
            raise GoftarError("the archive is open read-only")
        if self._writer is None:
            try:
                self._writer = self.index.writer(WRITER_HEAP, 2)
            except (OSError, ValueError) as e:
                raise GoftarError(f"{self.path}: the search index is being written by another process ({e})") from None
        return self._writer

    def add(self, docs: Iterable[IndexDoc]) -> int:
        """Replace (delete then add) each document; call :meth:`commit` to make them durable."""
        w = self._w()
        k = 0
        for d in docs:
            toks = d.toks if d.toks is not None else tokens(d.title + "\n" + d.body)
            fields: dict[str, Any] = {
                "n": d.n,
                "story": d.story,
                "published": date_number(d.published),
                "title": analyse(d.title),
                "body": " ".join(toks),
                "joins": joins(toks),
            }
            for name in NAME_FIELDS:
                vals = [analyse(v) for v in d.names.get(name, []) if v]
                if vals:
                    fields[name] = SEP.join(vals)
            w.delete_documents_by_term("n", d.n)
            w.add_document(tantivy.Document(**fields))
            k += 1
        return k

    def delete_all(self) -> None:
        self._w().delete_all_documents()

    def commit(self) -> None:
        self._w().commit()
        self.index.reload()

    def close(self) -> None:
        if self._writer is not None:
            try:
                self._writer.wait_merging_threads()
            except Exception:  # noqa: BLE001 - closing must not mask the real error
                pass
            self._writer = None

    # -- reading -------------------------------------------------------------------------------------
    def searcher(self) -> Any:
        """A searcher that sees every commit so far, also another process's (reloads when meta.json changed)."""
        try:
            st = (self.path / "meta.json").stat()
            stamp: tuple[int, ...] | None = (st.st_mtime_ns, st.st_size, st.st_ino)
        except OSError:
            stamp = None
        if stamp is None or stamp != self._seen:
            self.index.reload()
            self._seen = stamp
        return self.index.searcher()

    def num_docs(self) -> int:
        return int(self.searcher().num_docs)

    def all_keys(self) -> list[int]:
        """The ``n`` of every live document (for consistency checks)."""
        s = self.searcher()
        total = s.num_docs
        if total == 0:
            return []
        res = s.search(tantivy.Query.all_query(), limit=total, count=False)
        return [int(v) for v in s.fast_field_values("n", [a for _, a in res.hits])]

    # -- queries ---------------------------------------------------------------------------------------
    def _term(self, field: str, tok: str) -> Any:
        return tantivy.Query.term_query(self.schema, field, tok)

    def _seq(self, field: str, toks: Sequence[str]) -> Any:
        if len(toks) == 1:
            return self._term(field, toks[0])
        return tantivy.Query.phrase_query(self.schema, field, list(toks))

    def _any(self, queries: list[Any]) -> Any:
        if len(queries) == 1:
            return queries[0]
        return tantivy.Query.boolean_query([(tantivy.Occur.Should, q) for q in queries])

    def _all(self, queries: list[Any]) -> Any:
        if len(queries) == 1:
            return queries[0]
        return tantivy.Query.boolean_query([(tantivy.Occur.Must, q) for q in queries])

    def words_query(self, text: str) -> Any | None:
        """Every word of ``text`` somewhere in the article, whatever its half-spaces."""
        variants = query_variants(text)
        if not variants or not variants[0]:
            return None
        alts = []
        for v in variants:
            alts.append(self._all([self._any([self._term("body", t), self._term("joins", t)]) for t in v]))
        q = self._any(alts)
        base = variants[0]
        if len(base) >= 2:  # rank the words side by side first
            q = tantivy.Query.boolean_query([
                (tantivy.Occur.Must, q),
                (tantivy.Occur.Should, tantivy.Query.boost_query(self._seq("body", base), 2.0)),
            ])
        return q

    def phrase_query(self, text: str, field: str = "body") -> Any | None:
        """The words of ``text`` side by side in ``field``, whatever its half-spaces."""
        variants = [v for v in query_variants(text) if v]
        if not variants:
            return None
        alts = [self._seq(field, v) for v in variants]
        if field == "body":
            alts += [self._term("joins", v[0]) for v in variants if len(v) == 1]
        return self._any(alts)

    def prefix_query(self, word: str) -> Any | None:
        """Words starting with ``word`` (tantivy's parser ignores ``*``: a regex query instead)."""
        toks = tokens(word)
        if not toks:
            return None
        head, last = toks[:-1], toks[-1]
        rx = re.escape(last) + ".*"
        parts = [self._any([tantivy.Query.regex_query(self.schema, "body", rx),
                            tantivy.Query.regex_query(self.schema, "joins", rx)])]
        parts += [self._any([self._term("body", t), self._term("joins", t)]) for t in head]
        return self._all(parts)

    def build(self, query: str, filters: dict[str, str | None], since: str | None, until: str | None) -> Any:
        """Parse ``query`` (words, ``"phrases"``, ``prefix*``) and AND the filters to it."""
        must: list[Any] = []
        ranked: list[Any] = []
        rest = query
        for m in re.finditer(r'"([^"]*)"|«([^»]*)»', query):
            q = self.phrase_query(m.group(1) or m.group(2) or "")
            if q is not None:
                must.append(q)
        rest = re.sub(r'"[^"]*"|«[^»]*»', " ", query)
        plain: list[str] = []
        for w in rest.split():
            if w.endswith("*") and len(w) > 1:
                q = self.prefix_query(w.rstrip("*"))
                if q is not None:
                    must.append(q)
            else:
                plain.append(w)
        if plain:
            q = self.words_query(" ".join(plain))
            if q is not None:
                must.append(q)
                title_toks = tokens(" ".join(plain))
                ranked.append(tantivy.Query.boost_query(
                    self._any([self._term("title", t) for t in title_toks]), 1.5))
        if query.strip() and not must:
            return tantivy.Query.empty_query()
        for field, value in filters.items():
            if value:
                fq = self.phrase_query(value, field)
                must.append(fq if fq is not None else tantivy.Query.empty_query())
        lo, hi = date_number(since), date_number(until)
        if since and lo < 0 or until and hi < 0:
            raise GoftarError(f"not a date: {since if since and lo < 0 else until!r} (use YYYY-MM-DD)")
        if since or until:
            if until and hi % 100 == 0:  # a month or a year: up to its end
                hi += 99 if hi % 10000 else 9999
            must.append(tantivy.Query.range_query(self.schema, "published", tantivy.FieldType.Integer,
                                                  lo if since else None, hi if until else None))
        if not must:
            return tantivy.Query.all_query()
        clauses = [(tantivy.Occur.Must, q) for q in must] + [(tantivy.Occur.Should, q) for q in ranked]
        if len(clauses) == 1:
            return must[0]
        return tantivy.Query.boolean_query(clauses)

    def search(self, query: Any, limit: int, offset: int, *,
               newest_first: bool = False) -> tuple[list[tuple[int, float]], int, int]:
        """``([(n, score)], total hits, distinct stories)`` of a built query (by relevance, or by date).

        The page of hits is collected alone, so tantivy can skip blocks that cannot reach
        the top (block-WAND); the totals come from one scoring-free aggregation pass.
        """
        s = self.searcher()
        if newest_first:
            res = s.search(query, limit=max(limit, 1), count=False, offset=offset, order_by_field="published")
        else:
            res = s.search(query, limit=max(limit, 1), count=False, offset=offset)
        keys = s.fast_field_values("n", [a for _, a in res.hits]) if res.hits else []
        hits = [(int(k), 0.0 if newest_first else float(score)) for (score, _), k in zip(res.hits, keys)][:limit]
        total, stories = self.counts(s, query)
        return hits, total, stories

    @staticmethod
    def counts(s: Any, query: Any) -> tuple[int, int]:
        """Matching articles and distinct stories (HyperLogLog: within about 1 %) in one pass."""
        agg = s.aggregate(query, {"total": {"value_count": {"field": "n"}},
                                  "stories": {"cardinality": {"field": "story"}}})
        total = int((agg.get("total") or {}).get("value") or 0)
        stories = int(round((agg.get("stories") or {}).get("value") or 0)) if total else 0
        return total, min(stories, total)
