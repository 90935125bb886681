"""Meetings, calls and visits: who met whom, where and when.

A cue noun («دیدار», «ملاقات», «نشست», «جلسه», «گفتگوی تلفنی», «سفر», «بازدید») gives an event; its
participants are the subject of the sentence and the party met: the person right after the cue («در دیدار رئیس
جمهور کوبا»), after «با» («دیدار … با آقای «فیدل کاسترو»», «در دیدار با فرهنگیان شهربابک»: a group is a party
too), a «با حضور X و Y» list, or the party before a verbal cue («X با Y دیدار کرد», «جلسه‌ای با Z داشت»).
A session («نشست», «جلسه») is an event only with a party right after it, and talks («گفت‌وگو», «مذاکره») only
as a verb with a party («با X مذاکراتی انجام دادیم») or on the phone: «در نشست شورای …», «نشست خبری» and «در
گفت‌وگو با خبرنگار فارس» are no meetings. A cue inside a role or an organisation («ستاد تسهیلات سفر») is no
cue. A visit's destination follows its traveller («سفر رئیس جمهور به گیلان»). A meeting told inside a quote is the speaker's when its clause names no one else («من با …
جلسه داشتم»). Planned, proposed or wished-for meetings («قرار است … سفر کند», «برای سفر به …», «دعوت کرد»)
are no events. «این دیدار» refers back to the last event (and «که X نیز حضور داشت» adds X); mentions of the
same meeting merge, while one with its own time («دیدار ۲۲ سال پیش خود با …») is a separate event.
"""
from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from dataclasses import dataclass, field

from . import lexicon as L
from .mentions import Mention, Person, PlaceHit, Scan, register
from .statements import Statement, _sentence_end, _sentence_start, _subject

_CUES = {L.key(k): v for k, v in {
    "دیدار": "meeting", "ملاقات": "meeting", "دیدارش": "meeting", "دیداری": "meeting", "ملاقاتی": "meeting",
    "نشست": "session", "نشستی": "session", "جلسه": "session", "جلسه‌ای": "session",
    "گفتگوی تلفنی": "call", "گفت‌وگوی تلفنی": "call", "تماس تلفنی": "call", "مکالمه تلفنی": "call",
    "گفتگو": "talk", "گفت‌وگو": "talk", "گفتگویی": "talk", "گفت‌وگویی": "talk", "گفتگوهایی": "talk",
    "گفت‌وگوهایی": "talk", "مذاکره": "talk", "مذاکرات": "talk", "مذاکراتی": "talk",
    "سفر": "visit", "بازدید": "tour",
}.items()}
register(_CUES)
_NUM = r"(?:[0-9۰-۹]+|یک|دو|سه|چهار|پنج|شش|هفت|هشت|نه|ده|بیست|سی|چند)"
_REL = re.compile(rf"{_NUM}\s+(سال|ماه|هفته|روز)\s+(پیش|قبل)")
_FA_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789")
_WORDS = {"یک": 1, "دو": 2, "سه": 3, "چهار": 4, "پنج": 5, "شش": 6, "هفت": 7, "هشت": 8, "نه": 9, "ده": 10,
          "بیست": 20, "سی": 30}
_TALK = re.compile(r"(?:دیدار|ملاقات|گفتگو|گفت‌وگو|گفتوگو|مذاکره|مذاکرات|نشست|سفر)")


def _fold(s: str) -> str:
    return L.key(s).replace("ئ", "ی")


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
        if p is None or p in self.participants:
            return
        if isinstance(p, str) and any(isinstance(q, str) and _fold(q) == _fold(p) for q in self.participants):
            return  # «رئیس فدراسیون» and «رییس فدراسیون»: one role written two ways
        self.participants.append(p)

    def names(self) -> list[str]:
        return [p.name if isinstance(p, Person) else p for p in self.participants]


def _same_meeting(old: Event, new: Event) -> bool:
    """Two mentions of one meeting: two people in common, or (in another sentence) one, when the rest of one
    side is unnamed (roles, groups).

    «ملاقات مدیر جدید پرسپولیس با بازیکنان» (headline) and «جعفر سمیعی … با بازیکنان و اعضای کادرفنی دیدار
    کرد» are one meeting; «ملاقات با یونکر» and «نشست خبری مشترک با وردکار», both Johnson's, are two.
    """
    shared = set(old.names()) & set(new.names())
    if len(shared) >= min(2, len(new.participants)):
        return True
    if not shared or old.start == new.start:
        return False  # «با X مذاکراتی انجام دادیم و در سوریه با Y گفتگوهایی …»: two meetings of one sentence

    def unnamed_rest(ev: Event) -> bool:
        return all(isinstance(p, str) for p in ev.participants if (p if isinstance(p, str) else p.name) not in shared)

    return unnamed_rest(new) or unnamed_rest(old)


def _resolve(m: Mention | None) -> Person | str | None:
    """The person a mention refers to; an unnamed role («امیر قطر») stands for itself."""
    if m is None:
        return None
    if m.person is not None:
        return m.person
    return m.text if m.kind in ("role", "org", "name") else None


_LIGHT_VERBS = {L.key(w) for w in """کرد کردند کردم کردیم کرده نمود نمودند داشت داشتند داشتم داشتیم داشته
انجام کند کنند نشست نشستند""".split()}
# words that may stand between a cue and the party met: times, «خود», ordinals, «مشترک»,
# «دیدار و گفت‌وگو با …»
_GAP_WORDS = {L.key(w) for w in """با حضور خود خویش رسمی غیررسمی امروز دیروز روز سال ماه هفته پیش قبل اخیر
دوم سوم چهارم نخست اول روزه یکروزه دوروزه مشترک خبری و گفتگو گفت‌وگو آقای خانم""".split()} \
    | {L.key(w) for w in _WORDS} | {L.key(w) for w in ("شنبه", "یکشنبه", "دوشنبه", "سه‌شنبه", "چهارشنبه",
                                                     "پنجشنبه", "پنج‌شنبه", "جمعه", "صبح", "عصر", "ظهر")}
_OWN = re.compile(r"\s*(?:\S+\s+){0,4}?(?:خود|خویش)\b")
_FIRST_PERSON = {L.key(w) for w in ("داشتم", "داشتیم", "کردم", "کردیم", "نمودم", "نمودیم", "دادم", "دادیم",
                                     "شدم", "شدیم")}
_THIS_EV = {L.key(w) for w in ("این", "همین", "آن")}
_FOR = {L.key(w) for w in ("برای", "جهت", "آستانه")}  # «در آستانه سفر …»: on its eve
# a clause that plans, proposes or wishes the meeting: «که قرار است … سفر کند», «… در ماه‌های آینده»
_PLANNED_AFTER = re.compile(r"قرار\s*(?:است|بود)|خواه(?:د|ند|یم|م)\b|آینده|دعوت|پیشنهاد|درخواست")
_PLANNED_BEFORE = re.compile(r"قرار\s*(?:است|بود|شد)|خواه(?:د|ند|یم|م)\b|\bباید\b|می\u200c?خواه|منتظر")
_FUTURE = re.compile(r"\bخواه(?:د|ند)\b")
_PROGRAMME = re.compile(r"برگزاری|برنامه|برپایی")
_CLAUSE_END = re.compile(r"[،,؛:!؟?\n]|(?<!\.)\.(?!\.)")  # «…» is no end
# heads that follow «با» but are no party: «با اشاره به», «با بیان اینکه», «با پایان …»
_NOT_PARTY_HEAD = {L.key(w) for w in ("پایان", "زمان", "جریان", "میان", "عنوان", "توجه", "هدف", "موضوع",
                                      "حضور", "همراهی", "همکاری", "خبرنگار", "خبرنگاران", "اصحاب", "رسانه",
                                      "رسانه‌ها", "یکدیگر", "همدیگر", "روزنامه", "شبکه", "خبرگزاری",
                                      "پایگاه", "نشریه", "برنامه")}  # an outlet interviews, it does not meet


_HONORIFICS = {L.key(w) for w in ("آقای", "خانم", "جناب", "سرکار")}
_PRONOUN_KEYS = {k.replace("آ", "ا") for k in L.PRONOUNS}


def _no_party(phrase: str) -> bool:
    """A phrase after «با» that names no one met: a pronoun, a verbal noun, the press, a team (a match)."""
    words = [L.key(w) for w in phrase.split()]
    while words and words[0] in _HONORIFICS:
        words = words[1:]  # «با آقای عمرموسی»
    return not words or words[0] in _NOT_PARTY_HEAD or words[0].replace("آ", "ا") in _PRONOUN_KEYS \
        or words[0] in _GAP_WORDS or words[0].translate(_FA_DIGITS).isdigit() \
        or any(w.startswith(("تیم", "حریف")) for w in words)


def _stop_keys() -> frozenset[str]:
    """Words that end a party's noun phrase: function words (not «و»), times, speech and clause verbs, cues."""
    nouns = {L.key(v.split()[0]) for v in L.speech_verbs().values() if " " in v}
    return frozenset((L.FUNCTION - {L.key("و")}) | L.NOUNISH | L.CLAUSE_VERBS | set(L.speech_verbs())
                     | nouns | set(_CUES) | _LIGHT_VERBS | _NOT_PARTY_HEAD)


_STOPS: list[frozenset[str]] = []


def _group(scan: Scan, j: int, hi: int) -> tuple[str, int] | None:
    """A group met, as written, starting at token ``j``: «فرهنگیان شهربابک», «مسئولان و مردم شبانکاره».

    The head is a plural («…ان», «…ها», «…ات») or a role word, not a place or a verbal noun («با بیان اینکه»);
    the phrase runs to the first function word, verb, time word or punctuation (at most eight words).
    Returns the phrase and the index one past its last token.
    """
    if not _STOPS:
        _STOPS.append(_stop_keys())
    stops = _STOPS[0]
    keys, text = scan.keys, scan.text
    if j >= len(keys) or scan.starts[j] >= hi:
        return None
    head = keys[j]
    if head in stops or head in L.PRONOUNS or head in L.places() or len(head) < 3:
        return None
    if not (head.endswith(("ان", "ها", "های", "ات")) or scan.match(j, L.ROLE_KEYS, 3)):
        return None
    k = j + 1
    while k < len(keys) and k - j < 8 and scan.starts[k] < hi and keys[k] not in stops \
            and not _CLAUSE_END.search(text, scan.ends[k - 1], scan.starts[k]) and keys[k].isalpha():
        k += 1
    while k - 1 > j and keys[k - 1] == L.key("و"):
        k -= 1
    return text[scan.starts[j] : scan.ends[k - 1]], k


def _parties(scan: Scan, mentions: list[Mention], j: int, hi: int, listing: bool,
             groups: bool = True) -> list[Person | str]:
    """The party (or, after «با حضور», the list of parties) starting at token ``j``, before char ``hi``.

    A group noun phrase («فرهنگیان شهربابک») is a party only when ``groups`` (after «با»).
    """
    keys, text = scan.keys, scan.text
    out: list[Person | str] = []
    while j < len(keys) and scan.starts[j] < hi:
        at = scan.starts[j]
        m = next((x for x in mentions if x.kind in ("name", "role") and x.t0 == j), None)
        if m is None and keys[j] in _HONORIFICS:  # «با آقای فاروق الشرع», the title outside the name
            m = next((x for x in mentions if x.kind in ("name", "role") and x.t0 == j + 1), None)
        if m is not None and m.end > hi:  # «با آقای اسدی مذاکراتی …»: a name run on into the cue
            p, nxt = text[m.start : hi].strip(), m.t1
        elif m is not None:
            p = _resolve(m)
            nxt = m.t1
        else:
            g = _group(scan, j, hi) if groups else None
            if g is None:
                break
            p, nxt = g
        if p is not None and not (isinstance(p, str) and _no_party(p)):
            out.append(p)
        # «X و Y», and after «با حضور» every name or role of the list
        if nxt < len(keys) and keys[nxt] == L.key("و") and not _CLAUSE_END.search(text, at, scan.starts[nxt]):
            j = nxt + 1
            continue
        if listing:
            end = _CLAUSE_END.search(text, scan.ends[nxt - 1], hi)
            lim = end.start() if end else hi
            for x in mentions:
                if scan.ends[nxt - 1] <= x.start < lim and x.kind in ("name", "role"):
                    p = _resolve(x)
                    if p is not None and p not in out:
                        out.append(p)
        break
    return out


def _traveller(scan: Scan, j: int, hi: int, places: list[PlaceHit]) -> str | None:
    """«سفر هیئت دولت به استان …»: two or three plain words between a visit cue and «به» + a place."""
    keys = scan.keys
    for n in (2, 3):
        k = j + n
        if k + 1 >= len(keys) or scan.starts[k] >= hi or keys[k] != L.key("به"):
            continue
        words = keys[j:k]
        if any(w in L.FUNCTION or w in _GAP_WORDS or w in L.PRONOUNS or not w.isalpha() for w in words) or \
                _CLAUSE_END.search(scan.text, scan.starts[j], scan.starts[k]):
            return None
        nxt = scan.starts[k + 1]
        if keys[k + 1] in L.PLACE_CUES or any(nxt <= p.start <= nxt + 8 for p in places):  # «به استان …»
            return scan.text[scan.starts[j] : scan.ends[k - 1]]
        return None
    return None


def _after_gap(scan: Scan, j: int, hi: int) -> tuple[int, bool, bool]:
    """Skip the words between a cue and its party (times, «خود», ordinals, «با»): (token, saw «با», «با حضور»)."""
    keys, text = scan.keys, scan.text
    saw_ba = listing = False
    i0 = j
    while j < len(keys) and scan.starts[j] < hi and not _CLAUSE_END.search(text, scan.ends[j - 1], scan.starts[j]):
        k = keys[j]
        if k == L.key("که") and j + 1 < len(keys) and keys[j + 1] == L.key("با"):
            j += 1  # «دیداری که با ایشان داشتند»
            continue
        if k == L.key("با"):
            saw_ba = True
            if j + 1 < len(keys) and keys[j + 1] == L.key("حضور"):
                listing = True
                j += 1
            j += 1
            break
        if k in _GAP_WORDS or k.isdigit() or k.translate(_FA_DIGITS).isdigit():
            j += 1
            continue
        if k == L.key("گفت") and keys[j + 1 : j + 3] == [L.key("و"), L.key("گو")]:
            j += 3  # «دیدار و گفت و گو با …»
            continue
        break
    if j < len(keys) and _CLAUSE_END.search(text, scan.ends[i0 - 1], scan.starts[j]):
        return len(keys), False, False  # «درباره این دیدار گفت: بازیکنان …»: nothing met after a colon
    return j, saw_ba, listing


def _party_before(scan: Scan, mentions: list[Mention], i: int, lo: int) -> tuple[list[Person | str], int] | None:
    """«X با Y دیدار کرد», «با آخوندی دیداری داشتم»: the party between «با» and the cue at token ``i``."""
    keys, text = scan.keys, scan.text
    # the cue must be the verb's noun: «دیدار کرد», «ملاقاتی … داشت», «دیدار و گفت‌وگو کرد», «جلسه‌ای برگزار کردیم»
    after = [keys[q] for q in range(i + 1, min(i + 7, len(keys)))]
    if not any(k in _LIGHT_VERBS for k in after) or _CLAUSE_END.search(
            text, scan.ends[i], scan.starts[min(i + 2, len(keys) - 1)]):
        return None
    for b in range(i - 1, max(-1, i - 12), -1):
        if scan.starts[b] < lo or _CLAUSE_END.search(text, scan.ends[b], scan.starts[b + 1]):
            return None
        if keys[b] == L.key("با"):
            got: list[Person | str] = _parties(scan, mentions, b + 1, scan.starts[i], False)
            if not got and 0 < i - b - 1 <= 6:
                # whoever stands between «با» and «دیدار کرد» is met: «با آخوندی دیداری داشتم», «با کادر فنی و
                # مدیریت باشگاه جلسه داشتم»
                phrase = text[scan.starts[b + 1] : scan.ends[i - 1]]
                if not _no_party(phrase) and not any(keys[q] in L.FUNCTION and keys[q] != L.key("و")
                                                     for q in range(b + 1, i)):
                    got = [phrase]
            return (got, scan.starts[b]) if got else None
    return None


def _planned(scan: Scan, i: int, cue_end: int, lo: int, hi: int) -> bool:
    """True when the cue's clause plans or proposes the meeting instead of reporting it."""
    text = scan.text
    if i > 0 and scan.keys[i - 1] in _FOR:
        return True  # «برای سفر به برزیل دعوت کرد», «جهت دیدار با مقامات آمریکایی راهی …»
    end = _CLAUSE_END.search(text, cue_end, hi)
    if _PLANNED_AFTER.search(text, cue_end, min(end.start() if end else hi, cue_end + 60)):
        return True
    # «سفر انتخاباتی کروبی به مازندران در روزهای اول … صورت خواهد گرفت»: the clause's verb is future
    that = text.find(" که ", cue_end, end.start() if end else hi)
    if _FUTURE.search(text, cue_end, that if that >= 0 else (end.start() if end else hi)):
        return True
    start = max(lo, text.rfind("،", lo, scan.starts[i]) + 1)
    if _PLANNED_BEFORE.search(text, start, scan.starts[i]):
        return True
    # an item of a programme: «از برگزاری یادواره شهدا … و دیدار با مدافعان سلامت … خبر داد»
    listed = i > 0 and (scan.keys[i - 1] == L.key("و") or text[lo : scan.starts[i]].rstrip().endswith("،"))
    return listed and _PROGRAMME.search(text, lo, scan.starts[i]) is not None


_DESTINATION = re.compile(r"[^،.]{0,20}?\sبه\s+(?:\S+\s+){0,1}?")


def _inner_clause(scan: Scan, lo: int, i: int) -> int:
    """Start of the reported clause holding token ``i``: after the last speech verb between ``lo`` and it.

    «یک مقام ارشد دولت جانسون اعلام کرد جانسون مصمم است … در ملاقات …»: the meeting is Johnson's.
    """
    verbs = L.speech_verbs()
    k = max(bisect_left(scan.starts, lo), i - 30)
    while k < i:
        got = scan.match(k, verbs, 4) if scan.may(k, verbs) else None
        if got:
            lo = scan.ends[k + got[0] - 1]
            k += got[0]
        else:
            k += 1
    return lo


def _statement_at(statements: list[Statement], pos: int) -> tuple[Statement | None, Statement | None]:
    """(the statement whose attributing clause holds ``pos``, the statement whose content holds it)."""
    clause = content = None
    for st in statements:
        if st.clause[0] <= pos < st.clause[1] and clause is None:
            clause = st
        if st.start <= pos < st.end and content is None:
            content = st
    return clause, content


def _speaker(st: Statement | None) -> Person | str | None:
    if st is None:
        return None
    return st.person if st.person is not None else st.speaker


def find_events(scan: Scan, mentions: list[Mention], places: list[PlaceHit],
                quoted: list[tuple[int, int]], statements: list[Statement] | None = None) -> list[Event]:
    """Events in text order, merged when they are the same meeting.

    ``statements`` (resolved) give the subject of an attributing clause («وی در دیدار با … گفت») and the
    teller of a meeting told inside a quote («… با آخوندی دیداری داشتم»).
    """
    text, keys = scan.text, scan.keys
    statements = statements or []
    ments = [m for m in mentions if m.kind != "role-bound"]
    inside = {q for m in mentions if m.kind in ("role", "org") for q in range(m.t0 + 1, m.t1)}
    events: list[Event] = []
    for i in scan.candidates(_CUES):
        cue = None if scan.footer[i] or i in inside else scan.match(i, _CUES, 4)
        if not cue:
            continue  # «رئیس ستاد تسهیلات سفر»: a cue inside a role or an organisation is no event
        start = scan.starts[i]
        kind = cue[1]
        b = scan.blocks[scan.block_of[i]]
        ss = _sentence_start(text, b.start, start)
        se = _sentence_end(text, scan.ends[i], b.end)
        cue_end = scan.ends[i + cue[0] - 1]
        clause_end = _CLAUSE_END.search(text, cue_end, se)
        if kind == "talk":  # «گفت و گویی با فردوسی پور به صورت تلفنی انجام داد»
            if re.search(r"تلفن", text[cue_end : clause_end.start() if clause_end else se]):
                kind = "call"
            elif _party_before(scan, ments, i, ss) is None:
                continue  # «در گفت‌وگو با خبرنگار فارس»: an interview; «با X مذاکراتی انجام دادیم» is a meeting
        etype = {"session": "meeting", "tour": "visit", "talk": "meeting"}.get(kind, kind)
        said, told = _statement_at(statements, start)
        if told is not None and told.kind != "reported":
            ss = _inner_clause(scan, max(ss, told.start), i)  # inside a quote, the quote's own clause
        ev = Event(etype, start=ss, end=se, evidence=text[ss:se].strip())
        anaphoric = i > 0 and keys[i - 1] in _THIS_EV
        window = text[cue_end : min(se, cue_end + 40)]
        rel = _REL.match(window.strip())
        if rel:
            ev.relative_time = rel.group(0)
        if not anaphoric and _planned(scan, i, cue_end, ss, se):
            continue
        # the party met: right after the cue (a time, «خود» or «با» between), or «با حضور X و Y»
        j, saw_ba, listing = _after_gap(scan, i + cue[0], se)
        parties: list[Person | str] = []
        dest_from = cue_end
        if saw_ba or kind in ("meeting", "visit", "tour", "call"):
            parties = _parties(scan, ments, j, se, listing, groups=saw_ba)
            if parties and not saw_ba:
                dest_from = max((m.end for m in ments if m.t0 >= j and m.start < se and _resolve(m) in parties),
                                default=cue_end)
                k = bisect_left(scan.starts, dest_from)
                if etype == "meeting" and k < len(keys) and keys[k] == L.key("با") \
                        and not _CLAUSE_END.search(text, dest_from, scan.starts[k]):
                    # «دیدار وزیر و مسئولان وزارت اطلاعات با رهبر انقلاب»: both sides after the cue
                    parties += [p for p in _parties(scan, ments, k + 1, se, False) if p not in parties]
        subj_hi = start
        if not parties and not anaphoric:
            before = _party_before(scan, ments, i, ss)  # «X با Y دیدار کرد»
            if before is not None:
                parties, subj_hi = before
        if not parties and saw_ba and j < len(keys) and keys[j] in L.PRONOUNS:
            # «با اشاره به دیداری که با ایشان داشتند»: the one named last before, in the sentence
            prior = [m for m in ments if ss <= m.start < start and m.kind in ("name", "role")]
            if prior:
                parties = [p for p in [_resolve(prior[-1])] if p is not None]
        if not parties and etype == "visit" and not saw_ba and _subject(scan, ments, ss, start) is None:
            traveller = _traveller(scan, i + cue[0], se, places)  # «در سفر هیئت دولت به استان …»
            if traveller is not None:
                parties = [traveller]
                dest_from = text.index(traveller, cue_end) + len(traveller)
        if kind in ("session", "talk") and not parties and not anaphoric:
            continue  # «در نشست شورای …», «نشست خبری»: a session, not a meeting with someone
        if kind == "tour" and not parties:
            continue
        lo = ss
        if anaphoric:  # «… دیداری داشتم که در آن جلسه متوجه شدم»: the clause after «که»
            lo = max(ss, text.rfind(" که ", ss, start) + 1, text.rfind("،", ss, start) + 1)
        that = text.rfind(" که ", lo, start)
        if that >= 0 and _OWN.match(window):
            # «کوهن در همان دقایقی که دونالد ترامپ دومین دیدار خود با کیم …»: «خود» is the relative clause's
            lo = that + 1 if _subject(scan, ments, that + 1, subj_hi) is not None else lo
        subj_m = _subject(scan, ments, lo, subj_hi)
        subj: Person | str | None = _resolve(subj_m)
        first_person = any(keys[q] in _FIRST_PERSON for q in range(j, min(j + 3, len(keys)))
                           if scan.starts[q] < se)
        if told is not None and told.kind != "reported" and (subj_m is None or first_person):
            subj = _speaker(told)  # «… با آخوندی دیداری داشتم»: the one who tells it
        elif said is not None and (subj_m is None or subj_m.kind == "pronoun"
                                   or subj_m is said.mention and subj_m.person is None and subj_m.kind != "name"):
            # «وی در دیدار با …» resolved like the statement's speaker
            subj = _resolve(said.mention) if said.mention is not None and said.mention.person is not None \
                else _speaker(said) or subj
        # «سفر اخیر خود به …», or «در سفر به پکن» with no possessor: the subject travels
        own = _OWN.match(window) is not None or re.match(r"\s*به\s", window) is not None
        for p in parties:
            ev.add(p)
        if subj is not None and (etype != "visit" or own or saw_ba):
            ev.add(subj)
        if etype == "visit" and parties and not saw_ba and subj is not None and \
                re.match(r"[^،.]{0,80}?به\s+کشورش", text[cue_end:se]):
            ev.add(subj)  # «چاوز … در پایان سفر احمدی‌نژاد به کشورش»: the host
        if anaphoric:
            # «در این دیدار که X نیز حضور داشت»
            rel_clause = re.match(r"\s*که\s+(.{0,120}?)حضور\s+داشت", text[cue_end : se])
            extra = []
            if rel_clause:
                lo, hi = cue_end + rel_clause.start(1), cue_end + rel_clause.end(1)
                extra = [m for m in ments if lo <= m.start < hi]
            # «این دیدار» is the meeting being reported, not an earlier one told with its own time
            current = [e for e in events if e.type == etype and e.relative_time is None]
            target = current[-1] if current else None
            if target is not None:
                for m in extra:
                    target.add(_resolve(m))
                for p in ev.participants:
                    target.add(p)
                continue
            if kind != "meeting":
                continue  # «در این نشست …» with no meeting before: a session, not a meeting
            for m in extra:
                ev.add(_resolve(m))
        same = None
        if ev.relative_time is None:
            for old in events:
                if old.type == etype and old.relative_time is None and ev.participants and \
                        _same_meeting(old, ev):
                    same = old
                    break
        if same is not None:
            for p in ev.participants:
                same.add(p)
            continue
        for p in places:
            if etype == "visit":
                # the destination follows the traveller: «سفر رئیس جمهور به گیلان», «سفر دوم … به استان …»
                if cue_end <= p.start < se and _DESTINATION.fullmatch(text, dest_from, p.start):
                    ev.place = p.name
                    break
            elif ss <= p.start < se and re.search(r"(?:در|به)\s*$", text[max(ss, p.start - 6) : p.start]):
                ev.place = p.name
                break
        if ev.place is None and etype == "visit" and parties and not saw_ba:
            dest = re.match(r"\s*به\s+((?:استان|شهر|شهرستان|کشور)(?:\s+[^،.:\s]+){1,4})(?=\s*[،.:])",
                            text[dest_from:se])
            if dest and keys[bisect_left(scan.starts, dest_from + dest.start(1))] in L.PLACE_CUES:
                ev.place = dest.group(1)  # «به استان چهار محال و بختیاری» when the gazetteer has no entry
        if kind == "tour" and ev.place is None:
            continue  # «بازدید از بیمارستان»: a tour of a site, not a visit
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
