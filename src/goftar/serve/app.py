"""The web app: server-rendered right-to-left pages and a JSON API over one archive.

:func:`create_app` builds a FastAPI application.  Every page is drawn from the
same payload its JSON twin returns (``/search`` ↔ ``/api/search`` …), so the
API covers everything the pages show.  Safe by default: the archive is opened
read-only unless ``allow_ingest``; writes then need the bearer ``token``;
bodies are size-limited; templates autoescape; static files are served from
memory, so no request path reaches the file system.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
import threading
from importlib import resources
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator
from urllib.parse import urlencode

from fastapi import Body, FastAPI, Form, HTTPException, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from .. import __version__
from ..errors import GoftarError
from . import render
from .security import Guard, new_token, token_matches

#: The largest request body accepted (paste/upload/ingest), in bytes.
MAX_BODY = 2_000_000
#: The largest article text the read-now page will read, in characters.
MAX_TEXT = 400_000
FILTERS = ("speaker", "person", "place", "tag", "agency", "since", "until")
FILTER_LABELS = {
    "speaker": "گوینده",
    "person": "شخص",
    "place": "مکان",
    "tag": "برچسب",
    "agency": "رسانه",
    "since": "از تاریخ",
    "until": "تا تاریخ",
}
#: How many repairs the article page lists one by one (all are marked in the text).
MAX_EDIT_ROWS = 400
#: How many quotes a person page lists (the plot counts them all).
MAX_PERSON_QUOTES = 200
#: How many top hits the counts by story look at (page one only).
STORY_WINDOW = 100
_DATE = re.compile(r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$")
_ARCHIVE_ERRORS: tuple[type[BaseException], ...] = (GoftarError, LookupError)


def create_app(
    archive_path: str | Path | None,
    *,
    allow_ingest: bool = False,
    token: str | None = None,
    archive: Any = None,
    max_body: int = MAX_BODY,
    allowed_hosts: Iterable[str] | None = None,
) -> FastAPI:
    """A FastAPI app serving the archive at ``archive_path`` (or an already open ``archive``).

    ``allow_ingest`` opens the archive for writing and enables ``POST /api/ingest``
    (and "store" on the read-now page), which then require ``token`` as a bearer
    token; a token is generated when none is given (read it from
    ``app.state.token``).  Without ``allow_ingest`` the app never writes.
    ``allowed_hosts`` (host names without ports) refuses requests for any other
    Host; ``goftar serve`` sets it to the loopback names when it binds loopback.
    """
    if allow_ingest and not token:
        token = new_token()
    store = ArchiveAccess(archive_path, archive=archive, writable=allow_ingest)
    app = FastAPI(
        title="goftar",
        version=__version__,
        description="Who said what, to whom, where and when — in Persian news reports.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.archive = store
    app.state.allow_ingest = allow_ingest
    app.state.token = token if allow_ingest else None
    hosts = frozenset(h.lower() for h in allowed_hosts) if allowed_hosts is not None else None
    app.add_middleware(Guard, max_body=max_body, allowed_hosts=hosts)
    pages = Pages(store, allow_ingest=allow_ingest)
    _static_routes(app)
    _api_routes(app, store, pages)
    _page_routes(app, store, pages)
    return app


# ---------------------------------------------------------------------------
# archive access
# ---------------------------------------------------------------------------
class ArchiveAccess:
    """Opens the archive lazily, once; the archive itself serialises access to its database."""

    def __init__(self, path: str | Path | None, *, archive: Any = None, writable: bool = False) -> None:
        self.path = Path(path) if path is not None else None
        self.writable = writable
        self._archive = archive
        self._lock = threading.Lock()

    def _open(self) -> Any:
        if self._archive is None:
            with self._lock:
                if self._archive is None:
                    from ..archive import Archive

                    if self.path is None:
                        raise GoftarError("no archive given")
                    self._archive = Archive(self.path, readonly=not self.writable)
        return self._archive

    def call(self, method: str, *args: Any, **kw: Any) -> Any:
        """``archive.<method>(*args, **kw)``."""
        return getattr(self._open(), method)(*args, **kw)

    def has(self, method: str) -> bool:
        """Whether the archive offers ``method`` (older archives lack some)."""
        return callable(getattr(self._open(), method, None))

    def close(self) -> None:
        with self._lock:
            if self._archive is not None and hasattr(self._archive, "close"):
                self._archive.close()
            self._archive = None


def _plain(obj: Any) -> Any:
    """Dataclasses and objects with ``to_json``/``__dict__`` as plain JSON-able values."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {k: _plain(v) for k, v in dataclasses.asdict(obj).items()}
    if hasattr(obj, "to_json"):
        return obj.to_json()
    if isinstance(obj, dict):
        if all(isinstance(v, (str, int, float, bool, type(None))) for v in obj.values()):
            return obj  # rows and JSON from the archive are plain already
        return {str(k): _plain(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple, set)):
        return [_plain(v) for v in obj]
    if isinstance(obj, (str, int, float, bool)) or obj is None:
        return obj
    if isinstance(obj, (dt.date, dt.datetime)):
        return obj.isoformat()
    if hasattr(obj, "__dict__"):
        return {k: _plain(v) for k, v in vars(obj).items() if not k.startswith("_")}
    return str(obj)


def parse_date(value: str | None, field: str) -> str | None:
    """An ISO date from ``YYYY-MM-DD`` (Gregorian) or ``۱۴۰۲/۰۸/۱۰`` (Jalali, year < 1700); None if empty."""
    if value is None or not value.strip():
        return None
    v = value.strip().translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789"))
    m = _DATE.match(v)
    if not m:
        raise HTTPException(400, f"{field}: expected a date like 2023-11-01 or ۱۴۰۲/۰۸/۱۰, got {value!r}")
    y, mo, d = (int(x) for x in m.groups())
    try:
        if y < 1700:
            import jdatetime

            return jdatetime.date(y, mo, d).togregorian().isoformat()
        return dt.date(y, mo, d).isoformat()
    except ValueError:
        raise HTTPException(400, f"{field}: no such date {value!r}") from None


def _limit_text(value: str | None, field: str, n: int = 200) -> str | None:
    if value is None:
        return None
    value = value.strip()
    if len(value) > n:
        raise HTTPException(400, f"{field}: longer than {n} characters")
    return value or None


# ---------------------------------------------------------------------------
# payloads: one function per page, shared by the page and its JSON twin
# ---------------------------------------------------------------------------
class Pages:
    """Builds the payload of each page from the archive; the JSON API returns these as they are."""

    def __init__(self, store: ArchiveAccess, *, allow_ingest: bool) -> None:
        self.store = store
        self.allow_ingest = allow_ingest

    def search(self, q: str, filters: dict[str, str | None], limit: int, offset: int) -> dict[str, Any]:
        """One page of hits, plus how the best ``STORY_WINDOW`` hits fall into stories (near-duplicates)."""
        q = _limit_text(q, "q", 500) or ""
        clean: dict[str, str | None] = {}
        for k in FILTERS:
            v = filters.get(k)
            clean[k] = parse_date(v, k) if k in ("since", "until") else _limit_text(v, k)
        active = {k: v for k, v in clean.items() if v}
        window = offset == 0 and limit < STORY_WINDOW
        result = self.store.call("search", q, limit=STORY_WINDOW if window else limit, offset=offset, **active)
        all_hits = [_plain(h) for h in result.hits]
        counts: dict[Any, dict[str, Any]] = {}
        for h in all_hits:
            key = h.get("story") or h.get("id")
            entry = counts.setdefault(key, {"story": key, "count": 0, "title": h.get("title"), "first": h.get("id")})
            entry["count"] += 1
        hits = all_hits[:limit]
        for h in hits:
            h["story_count"] = counts[h.get("story") or h.get("id")]["count"]
        stories = sorted(counts.values(), key=lambda e: -e["count"])
        total_stories = result.stories if isinstance(result.stories, int) else len(stories)
        return {
            "query": q,
            "filters": active,
            "total": int(result.total or 0),
            "limit": limit,
            "offset": offset,
            "hits": hits,
            "stories": stories,
            "stories_counted_over": len(all_hits),
            "total_stories": total_stories,
        }

    def article(self, id: str) -> dict[str, Any]:
        if len(id) > 200:
            raise HTTPException(404, "no such article")
        rec = self.store.call("article", id)
        if rec is None:
            raise HTTPException(404, f"no article with id {id!r}")
        rec = _plain(rec)
        rec.setdefault("id", id)
        return rec

    def story(self, id: str) -> list[dict[str, Any]]:
        """The articles of the story (near-duplicate group) that article ``id`` belongs to."""
        if len(id) > 200 or not self.store.has("story"):
            return []
        return _plain(self.store.call("story", id))

    def repairs(self, id: str) -> dict[str, Any]:
        rec = self.article(id)
        edits, _, _ = render.repair_view(rec)
        return {"id": rec["id"], "repairs": edits}

    def people(self, limit: int | None) -> dict[str, Any]:
        people = _plain(self.store.call("people", limit=limit))
        return {"people": people}

    def person(self, name: str) -> dict[str, Any]:
        name = _limit_text(name, "name") or ""
        p = self.store.call("person", name, quotes_limit=MAX_PERSON_QUOTES) if name else None
        if p is None:
            raise HTTPException(404, f"no person named {name!r}")
        p = _plain(p)
        # counted by the archive over every quote, not only the newest ones listed
        p["timeline"] = {m["month"]: m["count"] for m in p.get("quotes_by_month") or []}
        p["met"] = _met(p)
        return p

    def quotes(self, speaker: str | None, about: str | None, limit: int) -> dict[str, Any]:
        kw = {"speaker": _limit_text(speaker, "speaker"), "about": _limit_text(about, "about"), "limit": limit}
        return {"quotes": _plain(self.store.call("quotes", **kw))}

    def stats(self) -> dict[str, Any]:
        return _plain(self.store.call("stats"))


def _met(person: dict[str, Any]) -> list[dict[str, Any]]:
    """Who ``person`` met: other participants of their meeting-like events, most frequent first."""
    me = person.get("name")
    seen: dict[str, dict[str, Any]] = {}
    for ev in person.get("events") or []:
        if not isinstance(ev, dict):
            continue
        for who in ev.get("with") or ev.get("participants") or []:
            name = who.get("name") if isinstance(who, dict) else str(who)
            if not name or name == me:
                continue
            entry = seen.setdefault(name, {"name": name, "count": 0, "dates": [], "articles": []})
            entry["count"] += 1
            when = ev.get("date") or ev.get("published")
            if when:
                entry["dates"].append(when)
            aid = ev.get("article") or ev.get("article_id") or ev.get("id")
            if aid and aid not in entry["articles"]:
                entry["articles"].append(aid)
    return sorted(seen.values(), key=lambda e: (-e["count"], e["name"]))


# ---------------------------------------------------------------------------
# static files, from memory
# ---------------------------------------------------------------------------
_TYPES = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".woff2": "font/woff2",
          ".txt": "text/plain; charset=utf-8", ".md": "text/markdown; charset=utf-8", ".svg": "image/svg+xml"}


def _static_files() -> dict[str, tuple[bytes, str]]:
    files: dict[str, tuple[bytes, str]] = {}

    def walk(node: Any, prefix: str) -> None:
        for child in node.iterdir():
            name = prefix + child.name
            if child.is_dir():
                walk(child, name + "/")
            elif Path(child.name).suffix in _TYPES:
                files[name] = (child.read_bytes(), _TYPES[Path(child.name).suffix])

    walk(resources.files(__package__) / "static", "")
    return files


def _static_routes(app: FastAPI) -> None:
    files = _static_files()

    @app.get("/static/{name:path}", include_in_schema=False)
    def static(name: str) -> Response:
        found = files.get(name)
        if found is None:
            raise HTTPException(404, "no such file")
        return Response(found[0], media_type=found[1], headers={"cache-control": "public, max-age=86400"})


# ---------------------------------------------------------------------------
# JSON API
# ---------------------------------------------------------------------------
def _api_routes(app: FastAPI, store: ArchiveAccess, pages: Pages) -> None:
    @app.get("/api/search", tags=["archive"], summary="Full-text search with filters; hits and counts by story")
    def api_search(
        q: str = "",
        speaker: str | None = None,
        person: str | None = None,
        place: str | None = None,
        tag: str | None = None,
        agency: str | None = Query(None, description="outlet"),
        since: str | None = Query(None, description="YYYY-MM-DD or Jalali ۱۴۰۲/۰۸/۱۰"),
        until: str | None = None,
        limit: int = Query(10, ge=1, le=100),
        offset: int = Query(0, ge=0, le=10_000),
    ) -> dict[str, Any]:
        filters = dict(speaker=speaker, person=person, place=place, tag=tag, agency=agency, since=since,
                       until=until)
        return pages.search(q, filters, limit, offset)

    @app.get("/api/articles/{id}", tags=["archive"], summary="The full record of one article")
    def api_article(id: str) -> dict[str, Any]:
        return pages.article(id)

    @app.get("/api/articles/{id}/story", tags=["archive"],
             summary="The articles of the same story (near-duplicates): id, title, published, agency")
    def api_story(id: str) -> dict[str, Any]:
        pages.article(id)  # 404 for an unknown id
        return {"id": id, "articles": pages.story(id)}

    @app.get("/api/articles/{id}/repairs", tags=["archive"],
             summary="Every repair made to the raw input: raw offsets, before, after, reason")
    def api_repairs(id: str) -> dict[str, Any]:
        return pages.repairs(id)

    @app.get("/api/people", tags=["archive"], summary="People with counts of statements, meetings and articles")
    def api_people(limit: int = Query(200, ge=1, le=5000)) -> dict[str, Any]:
        return pages.people(limit)

    @app.get("/api/people/{name}", tags=["archive"],
             summary="One person: titles, roles, quotes over time, who they met")
    def api_person(name: str) -> dict[str, Any]:
        return pages.person(name)

    @app.get("/api/quotes", tags=["archive"], summary="Quotes by speaker and/or about someone")
    def api_quotes(speaker: str | None = None, about: str | None = None,
                   limit: int = Query(100, ge=1, le=1000)) -> dict[str, Any]:
        return pages.quotes(speaker, about, limit)

    @app.get("/api/stats", tags=["archive"], summary="Counts in the archive")
    def api_stats() -> dict[str, Any]:
        return pages.stats()

    @app.post("/api/read", tags=["read"], summary="Read one article now (not stored)")
    def api_read(text: str = Body(..., embed=True, max_length=MAX_TEXT)) -> dict[str, Any]:
        return read_now(text)

    @app.post("/api/ingest", tags=["write"],
              summary="Read and store articles (needs --allow-ingest and the bearer token)",
              responses={401: {"description": "no token"}, 403: {"description": "wrong token or read-only"}})
    def api_ingest(request: Request, texts: list[str] = Body(..., embed=True, max_length=1000)) -> dict[str, Any]:
        check_write(request)
        return ingest_texts(store, texts)

    @app.get("/docs", include_in_schema=False, response_class=HTMLResponse)
    def docs(request: Request) -> HTMLResponse:
        return render_page("docs.html", request, api=app.openapi(), allow_ingest=pages.allow_ingest)

    @app.exception_handler(GoftarError)
    async def goftar_error(request: Request, exc: GoftarError) -> Response:
        """An archive or reading error: its one-line reason, never a traceback."""
        return await http_error(request, HTTPException(503, str(exc)))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        if request.url.path.startswith("/api/") or request.url.path.startswith("/static/") \
                or request.url.path == "/openapi.json":
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        return render_page("error.html", request, status=exc.status_code, message=str(exc.detail),
                           status_code=exc.status_code)


def check_write(request: Request) -> None:
    """Refuse a write unless the app allows ingest and the request carries the right bearer token."""
    if not request.app.state.allow_ingest:
        raise HTTPException(403, "this archive is read-only (start goftar serve with --allow-ingest)")
    auth = request.headers.get("authorization", "")
    scheme, _, given = auth.partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise HTTPException(401, "a bearer token is required", headers={"WWW-Authenticate": "Bearer"})
    if not token_matches(given.strip(), request.app.state.token):
        raise HTTPException(403, "wrong token")


def read_now(text: str) -> dict[str, Any]:
    """The record of ``text`` read at once (nothing stored)."""
    from ..api import read_text, record

    if not text.strip():
        raise HTTPException(400, "empty text")
    if len(text) > MAX_TEXT:
        raise HTTPException(413, f"text longer than {MAX_TEXT} characters")
    return _record_or_http(lambda: record(read_text(text)), "", "this text")


def read_upload(data: bytes, filename: str) -> dict[str, Any]:
    """The record of an uploaded file, read as ``goftar read FILE`` reads it: text in UTF-8, UTF-16 or
    Windows-1256, a PDF through pdftotext, a saved web page through the guarded HTML reader (nothing stored)."""
    from ..api import read_document, record
    from ..readers import load_bytes

    name = Path(filename).name or "upload"
    return _record_or_http(lambda: record(read_document(load_bytes(data, name))), name, "this file")


def _record_or_http(read: Callable[[], dict[str, Any]], name: str, what: str) -> dict[str, Any]:
    """``read()``, with a reader's refusal as a 400 and a reader bug as a 500 (never a traceback page);
    messages start with ``name`` (an upload's file name) when there is one."""
    prefix = f"{name}: " if name else ""
    try:
        return read()
    except GoftarError as e:
        raise HTTPException(400, str(e) if str(e).startswith(prefix) else prefix + str(e)) from None
    except Exception as e:  # noqa: BLE001 - a reader bug must not become a traceback page
        raise HTTPException(500, f"{prefix}could not read {what} ({type(e).__name__})") from None


def ingest_texts(store: ArchiveAccess, texts: list[str]) -> dict[str, Any]:
    """Read each text and store the records; returns their ids and the archive's report."""
    records = [read_now(t) for t in texts]
    report = store.call("ingest_records", records)
    return {"ids": [r["id"] for r in records], "report": _plain(report)}


# ---------------------------------------------------------------------------
# pages
# ---------------------------------------------------------------------------
_ENV = None


def _env() -> Any:
    global _ENV
    if _ENV is None:
        import jinja2

        env = jinja2.Environment(
            loader=jinja2.PackageLoader("goftar.serve", "templates"),
            autoescape=True,  # every template, whatever its extension
            trim_blocks=True,
            lstrip_blocks=True,
            undefined=jinja2.ChainableUndefined,
        )
        env.filters["jalali"] = render.jalali
        env.filters["fa"] = render.fa_digits
        env.filters["snippet"] = render.safe_snippet
        env.globals["version"] = __version__
        _ENV = env
    return _ENV


def render_page(template: str, request: Request, *, status_code: int = 200, **ctx: Any) -> HTMLResponse:
    """Render ``template`` with ``ctx`` (autoescaped) as an HTML response."""
    html = _env().get_template(template).render(request_path=request.url.path, **ctx)
    return HTMLResponse(html, status_code=status_code)


def _qs(**kw: Any) -> str:
    return urlencode({k: v for k, v in kw.items() if v not in (None, "")})


def _page_routes(app: FastAPI, store: ArchiveAccess, pages: Pages) -> None:
    @app.get("/", include_in_schema=False, response_class=HTMLResponse)
    def home(request: Request) -> HTMLResponse:
        try:
            stats = pages.stats()
        except _ARCHIVE_ERRORS:
            stats = {}
        return render_page("home.html", request, stats=stats, labels=FILTER_LABELS, filters={})

    @app.get("/search", include_in_schema=False, response_class=HTMLResponse)
    def search_page(
        request: Request,
        q: str = "",
        speaker: str | None = None,
        person: str | None = None,
        place: str | None = None,
        tag: str | None = None,
        agency: str | None = None,
        since: str | None = None,
        until: str | None = None,
        page: int = Query(1, ge=1, le=1000),
    ) -> Response:
        raw_filters = dict(speaker=speaker, person=person, place=place, tag=tag, agency=agency, since=since,
                           until=until)
        if not q.strip() and not any((v or "").strip() for v in raw_filters.values()):
            return RedirectResponse("/", status_code=303)
        per_page = 20
        data = pages.search(q, raw_filters, per_page, (page - 1) * per_page)
        base = {"q": q, **{k: v for k, v in raw_filters.items() if v}}
        prev_url = f"/search?{_qs(**base, page=page - 1)}" if page > 1 else None
        next_url = f"/search?{_qs(**base, page=page + 1)}" if page * per_page < data["total"] else None
        return render_page("search.html", request, data=data, q=q, filters=raw_filters, labels=FILTER_LABELS,
                           page=page, prev_url=prev_url, next_url=next_url,
                           api_url=f"/api/search?{_qs(**base)}")

    @app.get("/articles/{id}", include_in_schema=False, response_class=HTMLResponse)
    def article_page(request: Request, id: str) -> HTMLResponse:
        rec = pages.article(id)
        story = pages.story(id) if (rec.get("story_size") or 0) > 1 else []
        return render_page("article.html", request, **_article_context(rec), story=story,
                           api_url=f"/api/articles/{id}")

    @app.get("/people", include_in_schema=False, response_class=HTMLResponse)
    def people_page(request: Request) -> HTMLResponse:
        data = pages.people(500)
        return render_page("people.html", request, people=data["people"])

    @app.get("/people/{name}", include_in_schema=False, response_class=HTMLResponse)
    def person_page(request: Request, name: str) -> HTMLResponse:
        p = pages.person(name)
        quotes = sorted(p.get("quotes") or [], key=lambda q: str(q.get("published") or ""), reverse=True)
        plot = render.timeline_svg_counts(p["timeline"])
        return render_page("person.html", request, p=p, quotes=quotes, n_quotes=p.get("quotes_total", len(quotes)),
                           plot=plot,
                           about=_about(p, quotes), api_url=f"/api/people/{name}")

    @app.get("/read", include_in_schema=False, response_class=HTMLResponse)
    def read_form(request: Request) -> HTMLResponse:
        return render_page("read.html", request, allow_ingest=pages.allow_ingest, text="")

    @app.post("/read", include_in_schema=False, response_class=HTMLResponse)
    async def read_submit(
        request: Request,
        text: str = Form(""),
        upload: UploadFile | None = None,
        store_it: str | None = Form(None, alias="store"),
        token: str = Form(""),
    ) -> HTMLResponse:
        if upload is not None and upload.filename:
            rec = read_upload(await upload.read(), upload.filename)
        else:
            rec = read_now(text)
        stored = False
        if store_it:
            if not pages.allow_ingest:
                raise HTTPException(403, "this archive is read-only (start goftar serve with --allow-ingest)")
            if not token_matches(token.strip(), request.app.state.token):
                raise HTTPException(403, "wrong token")
            store.call("ingest_records", [rec])
            stored = True
        return render_page("article.html", request, **_article_context(rec), transient=not stored, stored=stored,
                           api_url=None)


def _article_context(rec: dict[str, Any]) -> dict[str, Any]:
    """What the article template needs: the record, its marked text and raw, and its repairs."""
    edits, raw_marks, text_marks = render.repair_view(rec)
    text = rec.get("text") or ""
    annotated = render.mark_text(text, render.annotation_marks(rec))
    repaired = render.mark_text(text, text_marks)
    raw = render.mark_text(rec.get("raw") or "", raw_marks)
    reasons: dict[str, int] = {}
    for e in edits:
        reasons[e.get("reason", "?")] = reasons.get(e.get("reason", "?"), 0) + 1
    shown = str.maketrans({"\u200c": "‹ن›", "\n": "⏎"})
    rows = [(render.fa_digits(f"{e.get('raw_start')}–{e.get('raw_end')}"), e.get("reason", ""),
             (e.get("before") or "").translate(shown), (e.get("after") or "").translate(shown))
            for e in edits[:MAX_EDIT_ROWS]]
    return {
        "rec": rec,
        "annotated": annotated,
        "repaired": repaired,
        "raw": raw,
        "edits": edits,
        "edit_rows": rows,
        "reasons": sorted(reasons.items(), key=lambda kv: -kv[1]),
        "repaired_marked": bool(text_marks) or not edits,
    }


def _about(person: dict[str, Any], quotes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Whom ``person`` spoke about, each with a few of the quotes that name them.

    The archive's ``about`` list (name and count) is used when present;
    otherwise the people they met are looked for in their quotes.
    """
    about = person.get("about")
    if about is None:
        about = [{"name": m["name"]} for m in person.get("met") or []]
    out = []
    for entry in about:
        name = entry.get("name") if isinstance(entry, dict) else str(entry)
        if not name or name == person.get("name"):
            continue
        said = [q for q in quotes if render.mentions(q.get("text") or "", name)]
        count = entry.get("quotes") if isinstance(entry, dict) and isinstance(entry.get("quotes"), int) else len(said)
        if count or said:
            out.append({"name": name, "count": count, "quotes": said[:3]})
    return sorted(out, key=lambda e: -e["count"])


def iter_example_texts() -> Iterator[tuple[str, str]]:
    """(name, text) of the example articles bundled with the package (``goftar.data/examples``)."""
    base = resources.files("goftar.data") / "examples"
    if not base.is_dir():
        return
    for child in sorted(base.iterdir(), key=lambda c: c.name):
        if child.name.endswith(".txt"):
            yield child.name, child.read_text(encoding="utf-8")

