"""Attribution: who said what, to whom, where and when.

One stage, ``attribute``, reads the repaired (frozen) text and adds the layers ``quote``, ``reported``,
``person``, ``place``, ``org`` and ``event``, and the JSON-ready record fields in ``doc.meta["attribution"]``
(returned by :func:`record_fields`).  Steps, each in its own module:

1. :mod:`.text` — tokens and paragraphs (the reader's layers when present; footers excluded);
2. :mod:`.mentions` — people with titles and roles, pronouns, places, organisations;
3. :mod:`.statements` — quotes and reported statements, speakers resolved in text order;
4. :mod:`.events` — meetings, calls and visits.
"""
from __future__ import annotations

import gc
import re
from bisect import bisect_left
from typing import Any

from ..model import Document
from ..pipeline import Stage
from ..settings import Settings
from . import binder
from . import lexicon as L
from .events import find_events, resolve_date
from .mentions import (Mention, Scan, agency_spans, find_mentions, find_orgs, find_places, find_repeats,
                       org_mentions, unique_orgs)
from .statements import (Statement, alias_roles, alias_roles_forward, bind_role_references, find_statements,
                         headline_speaker, interviewer, lead_role_holder, relayed_speakers, resolve,
                         role_of_previous_speaker)
from .text import blocks, tokenize

LAYERS = ("quote", "reported", "person", "place", "org", "event")
FIELDS = ("quotes", "reported_statements", "people", "places", "organizations", "events")


def _published(doc: Document) -> str | None:
    pub = doc.meta.get("published")
    if isinstance(pub, str) and pub:
        return pub
    for s in doc.layer("published") + doc.layer("date"):
        v = s.attrs.get("iso") or s.attrs.get("date")
        if isinstance(v, str):
            return v
    return None


def _stance_start(scan: Scan, st: Statement) -> int:
    """Reported stance text starts after its subject (and the subject's role) or after the last comma."""
    lo, ra = st.clause
    start = lo
    if st.mention is not None:
        start = st.mention.end
        for m in st.mention_followers:  # type: ignore[attr-defined]
            start = max(start, m.end)
    comma = scan.text.rfind("،", lo, ra)
    if comma >= 0:
        start = max(start, comma + 1)
    while start < ra and (scan.text[start].isspace() or scan.text[start] in "«»"):
        start += 1
    return start


def attribute(doc: Document, settings: Settings) -> Document:
    """Find quotes, reported statements, people, places, organisations and events (the ``attribute`` stage).

    The cyclic garbage collector pauses while the stage runs: it makes tens of thousands of small objects
    (tokens, candidate lists, mentions) that form no cycles worth collecting before the stage ends, and the
    collector would walk them again and again (close to a tenth of the stage's time). Whatever cycles there
    are get collected at the collector's next run after the stage.
    """
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        return _attribute(doc)
    finally:
        if paused:
            gc.enable()


def _attribute(doc: Document) -> Document:
    text = doc.text
    scan = Scan(text, tokenize(text), blocks(doc))
    mentions, people = find_mentions(scan)
    mentions = sorted(mentions + find_repeats(scan, mentions, people), key=lambda m: m.start)
    role_tokens = {q for m in mentions if m.kind.startswith("role") for q in range(m.t0, m.t1)}
    every_org = find_orgs(scan, role_tokens, every=True)
    orgs = unique_orgs(every_org)
    mentions = sorted(mentions + org_mentions(scan, mentions, every_org), key=lambda m: m.start)
    statements = find_statements(scan, mentions)
    resolve(scan, statements, mentions)
    relayed_speakers(statements, mentions)  # «خبرگزاری X گزارش داد: آیت الله … خواستار … شدند»: the subject speaks
    headline_speaker(statements, mentions)  # «افشاریان: …» names the lead's role before any other guess
    alias_roles(statements, mentions)
    alias_roles_forward(statements, mentions)
    lead_role_holder(statements, mentions)
    bind_role_references(statements, mentions, people)
    role_of_previous_speaker(statements, mentions)
    binder.rebind(scan, statements, mentions, people)  # learned re-resolution of role / pronoun speakers (off without its model file)
    interviewer(scan, statements, mentions)  # a printed interview's questions: the interviewer's
    for st in statements:
        if st.kind == "reported" and st.start == st.clause[0]:
            st.mention_followers = [m for m in mentions if m.kind == "role-bound" and st.mention is not None  # type: ignore[attr-defined]
                                    and m.person is st.mention.person and 0 <= m.start - st.mention.end <= 3]
            st.start = _stance_start(scan, st)
    name_tokens = {q for m in mentions if m.kind == "name" for q in range(m.t0, m.t1)}
    for s, e in agency_spans(text):
        name_tokens.update(range(bisect_left(scan.starts, s), bisect_left(scan.starts, e)))
    place_hits = find_places(scan, name_tokens)
    quoted = [(st.start, st.end) for st in statements if st.kind != "reported"]
    events = find_events(scan, mentions, place_hits, quoted, statements)

    # people that only appear inside a quote as a bare surname are still people; pronoun mentions are kept
    used = {id(m.person) for m in mentions if m.person is not None}
    people = [p for p in people if id(p) in used]
    people.sort(key=lambda p: p.first_at)

    def statement_json(st: Statement, layer: str) -> dict[str, Any]:
        rs, re_ = doc.raw_span(st.start, st.end)
        m = st.mention
        rec = {
            "speaker": st.speaker,
            "speaker_mention": _mention_text(text, m) if m else None,
            "verb": st.verb,
            "kind": st.kind if st.kind != "reported" else "indirect",
            "text": text[st.start : st.end],
            "start": st.start,
            "end": st.end,
            "raw_start": rs,
            "raw_end": re_,
            "speaker_start": m.start if m else None,
            "speaker_end": m.end if m else None,
        }
        doc.add_span(layer, st.start, st.end, st.kind, speaker=st.speaker, verb=st.verb)
        return rec

    quotes = [statement_json(st, "quote") for st in statements if st.kind != "reported"]
    reported = [statement_json(st, "reported") for st in statements if st.kind == "reported"]
    for m in mentions:
        if m.person is not None:
            doc.add_span("person", m.start, m.end, m.kind, name=m.person.name)
    places_out: dict[str, dict[str, Any]] = {}
    for h in place_hits:
        doc.add_span("place", h.start, h.end, h.place.kind, name=h.place.name, code=h.place.code)
        places_out.setdefault(L.key(h.name), {"name": h.name, "code": h.place.code, "kind": h.place.kind})
    for s, e, name in orgs:
        doc.add_span("org", s, e, "", name=name)
    published = _published(doc)
    events_out = []
    for ev in events:
        doc.add_span("event", ev.start, ev.end, ev.type, participants=ev.names())
        events_out.append({
            "type": ev.type,
            "participants": ev.names(),
            "place": ev.place,
            "date": resolve_date(ev.relative_time, published),
            "relative_time": ev.relative_time,
            "evidence": ev.evidence,
        })
    doc.meta["attribution"] = {
        "quotes": quotes,
        "reported_statements": reported,
        "people": [{"name": p.name, "titles": p.titles, "roles": p.roles, "mentions": p.mentions} for p in people],
        "places": list(places_out.values()),
        "organizations": [{"name": n} for n in dict.fromkeys(n for _, _, n in orgs)],
        "events": events_out,
    }
    return doc


_SPACES = re.compile(r"\s+")
_QUOTES = re.compile(r"[«»“”\"]|''")


def _mention_text(text: str, m: Mention) -> str:
    return _SPACES.sub(" ", _QUOTES.sub("", text[m.start : m.end])).strip()


STAGES: list[Stage] = [Stage("attribute", attribute, requires=(), assigns=LAYERS + ("attribution",))]


def record_fields(doc: Document) -> dict[str, Any]:
    """The attribution fields of the public record (empty lists when the stage has not run)."""
    got = doc.meta.get("attribution") or {}
    return {f: list(got.get(f, [])) for f in FIELDS}
