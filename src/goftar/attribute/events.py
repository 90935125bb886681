"""Meetings, calls and visits: who met whom, where and when.

A cue noun («دیدار», «ملاقات», «گفتگوی تلفنی», «سفر») gives an event; its participants are the subject of the
sentence and the person right after the cue («در دیدار رئیس جمهور کوبا», «دیدار … با آقای «فیدل کاسترو»»).
«این دیدار» refers back to the last event (and «که X نیز حضور داشت» adds X); mentions of the same meeting
merge, while one with its own time («دیدار ۲۲ سال پیش خود با …») is a separate event.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from . import lexicon as L
from .mentions import Mention, Person, PlaceHit, Scan, register
from .statements import _sentence_end, _sentence_start, _subject, _token_before

_CUES = {L.key(k): v for k, v in {
    "دیدار": "meeting", "ملاقات": "meeting", "دیدارش": "meeting",
    "گفتگوی تلفنی": "call", "گفت‌وگوی تلفنی": "call", "تماس تلفنی": "call", "مکالمه تلفنی": "call",
    "سفر": "visit",
}.items()}
register(_CUES)
_NUM = r"(?:[0-9۰-۹]+|یک|دو|سه|چهار|پنج|شش|هفت|هشت|نه|ده|بیست|سی|چند)"
_REL = re.compile(rf"{_NUM}\s+(سال|ماه|هفته|روز)\s+(پیش|قبل)")
_FA_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789")
_WORDS = {"یک": 1, "دو": 2, "سه": 3, "چهار": 4, "پنج": 5, "شش": 6, "هفت": 7, "هشت": 8, "نه": 9, "ده": 10,
          "بیست": 20, "سی": 30}
_TALK = re.compile(r"(?:دیدار|ملاقات|گفتگو|گفت‌وگو|گفتوگو|مذاکره|مذاکرات|نشست|سفر)")


@dataclass
class Event:
    type: str
    participants: list[Person | str] = field(default_factory=list)
    start: int = 0
    end: int = 0
    place: str | None = None
    relative_time: str | None = None
    evidence: str = ""

    def add(self, p: Person | str | None) -> None:
        if p is not None and p not in self.participants:
            self.participants.append(p)

    def names(self) -> list[str]:
        return [p.name if isinstance(p, Person) else p for p in self.participants]


def _resolve(m: Mention | None) -> Person | str | None:
    """The person a mention refers to; an unnamed role («امیر قطر») stands for itself."""
    if m is None:
        return None
    if m.person is not None:
        return m.person
    return m.text if m.kind in ("role", "org") else None


def find_events(scan: Scan, mentions: list[Mention], places: list[PlaceHit],
                quoted: list[tuple[int, int]]) -> list[Event]:
    """Events in text order, merged when they are the same meeting."""
    text, toks = scan.text, scan.tokens
    events: list[Event] = []
    for i in scan.candidates(_CUES):
        t = toks[i]
        cue = None if scan.footer[i] else scan.match(i, _CUES, 2)
        if not cue or any(s <= t.start < e for s, e in quoted):
            continue
        etype = cue[1]
        b = scan.blocks[scan.block_of[i]]
        ss = _sentence_start(text, b.start, t.start)
        se = _sentence_end(text, t.end, b.end)
        ev = Event(etype, start=ss, end=se, evidence=text[ss:se].strip())
        anaphoric = i > 0 and scan.keys[i - 1] == "این"
        cue_end = scan.ends[i + cue[0] - 1]
        window = text[cue_end : min(se, cue_end + 40)]
        rel = _REL.match(window.strip())
        if rel:
            ev.relative_time = rel.group(0)
        # the person met: right after the cue, after a time, «خود» or «با»
        after = [m for m in mentions if cue_end <= m.start < se and m.kind != "role-bound"]
        for m in after[:1]:
            gap = text[cue_end : m.start]
            gap_words = {L.key(w) for w in re.findall(r"[^\s«»]+", _REL.sub("", gap))}
            if gap_words <= {"با", "خود", "خویش", "رسمی", "امروز", "دیروز"} and "،" not in gap:
                ev.add(_resolve(m))
        subj = _subject(scan, [m for m in mentions if m.kind != "role-bound"], ss, t.start)
        # «سفر اخیر خود به …», or «در سفر به پکن» with no possessor: the subject travels
        own = re.match(r"\s*(?:\S+\s+){0,4}?(?:خود|خویش)\b|\s*به\s", window) is not None
        # a visit is the traveller's («سفر کالین پاول …», «سفر اخیر خود به اسپانیا»), not the speaker's
        if subj is not None and (etype != "visit" or own):
            ev.add(_resolve(subj))
        if anaphoric:
            # «در این دیدار که X نیز حضور داشت»
            rel_clause = re.match(r"\s*که\s+(.{0,120}?)حضور\s+داشت", text[cue_end : se])
            extra = []
            if rel_clause:
                lo, hi = cue_end + rel_clause.start(1), cue_end + rel_clause.end(1)
                extra = [m for m in mentions if lo <= m.start < hi and m.kind != "role-bound"]
            # «این دیدار» is the meeting being reported, not an earlier one told with its own time
            current = [e for e in events if e.type == etype and e.relative_time is None]
            target = current[-1] if current else None
            if target is not None:
                for m in extra:
                    target.add(_resolve(m))
                for p in ev.participants:
                    target.add(p)
                continue
            for m in extra:
                ev.add(_resolve(m))
        same = None
        if ev.relative_time is None:
            for old in events:
                if old.type == etype and old.relative_time is None and \
                        len(set(old.names()) & set(ev.names())) >= min(2, len(ev.participants)) \
                        and ev.participants:
                    same = old
                    break
        if same is not None:
            for p in ev.participants:
                same.add(p)
            continue
        for p in places:
            if max(ss, t.start if etype == "visit" else ss) <= p.start < se and \
                    re.search(r"(?:در|به)\s*$", text[max(ss, p.start - 6) : p.start]):
                ev.place = p.name
                break
        if len(ev.participants) >= 2 or (etype == "visit" and ev.participants and ev.place):
            events.append(ev)
    # the place of a meeting told elsewhere: «در گفتگوهای خود در تهران»
    for ev in events:
        if ev.place is None and ev.relative_time is None:
            for p in places:
                if p.place.kind != "city":
                    continue
                before = text[max(0, p.start - 50) : p.start]
                if re.search(r"در\s*$", before) and _TALK.search(before):
                    ev.place = p.name
                    break
    return events


def resolve_date(relative: str | None, published: str | None) -> str | None:
    """«۲۲ سال پیش» against a published ISO date → an ISO date (year, month or day precision)."""
    if not relative or not published:
        return None
    try:
        pub = dt.date.fromisoformat(str(published)[:10])
    except ValueError:
        return None
    m = _REL.match(relative)
    if not m:
        return None
    num = relative.split()[0].translate(_FA_DIGITS)
    n = int(num) if num.isdigit() else _WORDS.get(num)
    if n is None:
        return None
    unit = m.group(1)
    if unit == "سال":
        return f"{pub.year - n:04d}"
    if unit == "ماه":
        y, mth = divmod(pub.year * 12 + pub.month - 1 - n, 12)
        return f"{y:04d}-{mth + 1:02d}"
    days = n * (7 if unit == "هفته" else 1)
    return (pub - dt.timedelta(days=days)).isoformat()
