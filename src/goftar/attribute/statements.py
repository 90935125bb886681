"""Quotes (direct and indirect) and reported statements, with their speakers resolved.

- direct: the content after a colon whose clause ends in a speech verb («… تاکید کردند:»), running over the
  following paragraphs until the next attributing paragraph; or «…» followed by a speech verb.
- indirect: «به گفته X، …», «به نوشته X، …», «X گفت که …»; «گفته می‌شود که …» has no speaker.
- reported: stances without a verb of saying («… را همسو با … خواندند», «… را هم‌جهت با … دانست») and the
  «با تاکید بر اینکه X … افزود» clause.

The speaker is the subject of the attributing clause: the first mention that starts the clause (or follows a
comma, an adverb, or the verb closing a relative clause), not one after «با / از / دیدار …».  Pronouns
(«ایشان / وی / او») and a dropped subject resolve to the previous speaker; roles to the person holding them.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from operator import le

from . import lexicon as L
from .mentions import Mention, Person, Scan, not_name_word, register

# «و...» (an ellipsis) ends no sentence; «… خارج شد.رفیقدوست در …»: a full stop glued between two words does
# (two letters before, three after: not «ه.ش» nor «اف.بی.آی»)
_SENT_END = re.compile(r"(?<!\.)[.!؟?](?=\s|$|[«»\"])|\n"
                       r"|(?<=[\u0621-\u064a\u0671-\u06d3]{2})\.(?=[\u0621-\u064a\u0671-\u06d3]{3})")
#: (the last word of) adverbs after which a subject starts: «در ادامه X گفت»; not «در» alone («در سازمان ملل، …»)
_ADVERBS = {L.key(w) for w in "همچنین سپس اما ولی نیز هم بنابراین همچنان ادامه بلافاصله پیشتر قبلا اخیرا البته".split()}
_INDIRECT_CUES = {L.key(w): w for w in ("به گفته", "به نوشته", "به اعتقاد", "به عقیده", "به باور", "به ادعای",
                                        "به نقل از")}
# «بنابر اظهارات مسئولان آبفا «…»», «بنا به اعلام مسئولان باشگاه، …», «طبق گفته نایب رییس شورا، …»: the
# attribution spans persian_rst marks with these heads (not «طبق گزارش …»: as often the writer's own source)
_SOURCE_CUES = {L.key(f"{p} {n}"): f"{p} {n}" for p in ("طبق", "بنابر", "بنا بر", "بنا به", "بر اساس")
                for n in ("اعلام", "اظهارات", "گفته")}
_INDIRECT_CUES.update(_SOURCE_CUES)
_THAT = {L.key(w) for w in ("اینکه", "این که", "این‌که")}
_PASSIVE = {k: k for k in L.PASSIVE_SPEECH}
_THAT_T = {k: k for k in _THAT}
#: passives whose content may follow without «که» («گفته می‌شود شیاطین سرخ مایل به جذب … هستند»); the bare
#: «… شده» forms are participles too («مطالب گفته شده در جلسه»), so they must open their clause
_PASSIVE_PLAIN = {L.key(w): w for w in ("گفته می‌شود", "گفته می‌شد", "گفته شده است", "شنیده می‌شود", "شنیده شده است",
                                         "شایعه شده است", "ادعا شده است", "گفته شده", "شنیده شده", "شایعه شده",
                                         "ادعا شده")}
#: «از X خواست (تا) …»: a request, its content after the verb
_ASKED_OF = {L.key(w): w for w in ("خواست", "خواستند", "خواسته است", "خواسته‌اند", "خواسته بود", "خواسته بودند")}
_SMALL = {"که": "که", "با": "با", "از": "از", "ضمن": "ضمن", "خواستار": "خواستار"}
_REPORTED_BY = {L.key(w) for w in ("گزارش", "نقل", "نوشته")}
_STOP_CONTEXT = {L.key(w) for w in ("طی", "ضمن", "امروز", "دیروز", "روز", "هنگام", "که")}
#: «در گفت‌وگو / جلسه / مراسم …» after a role is where it was said, not part of the role («… در مجلس» is)
_EVENT_NOUNS = {L.key(w) for w in """دیدار ملاقات گفتگو گفت‌وگو گفتگوی گفت‌وگوی سفر نشست جلسه مراسم همایش آیین
مصاحبه حاشیه جمع""".split()}
_FIRST_PERSON = {L.key(w) for w in ("من", "ما", "بنده", "اینجانب", "نگارنده")}  # «به عقیده نگارنده»: the writer
#: «خواستار … شد»: a request reported with its object inside the verb
_ASKED = {L.key(w) for w in ("شد", "شدند", "شده است", "شده‌اند", "شده بود", "بود", "بودند", "است", "هستند",
                              "شده بودند")}
#: «باید گفت», «نمی‌توان گفت», «می‌توان گفت»: an impersonal modal before the verb, no speaker
_MODALS = {L.key(w) for w in ("باید", "نباید", "می‌توان", "نمی‌توان", "توان", "بتوان", "میتوان", "نمیتوان")}
for _t in (_PASSIVE, _THAT_T, _INDIRECT_CUES, _SMALL, _PASSIVE_PLAIN, _ASKED_OF):  # _CAME is registered below, where it is defined
    register(_t)
#: speech verbs whose content is a prepositional object («به … اشاره کرد», «بر … تاکید کرد», «از … انتقاد کرد»)
_PREP_OF = {"تاکید": ("بر",), "تأکید": ("بر",), "اشاره": ("به",), "اذعان": ("به",), "اعتراف": ("به",),
            "انتقاد": ("از",), "گلایه": ("از",), "ابراز رضایت": ("از",), "ابراز خرسندی": ("از",),
            "ابراز نارضایتی": ("از",), "تمجید": ("از",), "یاد": ("از",)}
_PREP_VERBS = {f"{n} {v}" for n in _PREP_OF for v in ("کرد", "نمود", "داشت")}  # «بر … تاکید داشت»
#: of these, what was said is only ever the prepositional object
_PREP_ONLY = {"ابراز رضایت", "ابراز خرسندی", "ابراز نارضایتی", "تمجید", "یاد"}
_FROM_VERBS = {"خبر داد", "ابراز کرد", "تقدیر کرد", "پاسخ داد", "نقل کرد"}
#: a paragraph in the first person («… ما شاهد …», «… انجام می‌دهیم»): in a news report, the speaker still talking
_FIRST_PERSON_TEXT = re.compile(r"(?<![\w\u200c])(?:ما|من|بنده|اینجانب|(?:ن?می[\u200c ]?\w+|\w*(?:کرد|شد|داد|داشت|بود|"
                                r"هست|کن|ده|گرفت|رفت|توانست|خواه)|\w+ه\u200c?ا)یم)(?![\w\u200c])")
#: «اغراق نباشد که گفته شود، …»: a passive auxiliary after «گفته» makes no content
_AUX = {L.key(w) for w in ("شود", "شد", "شده", "نشود", "نشد", "بشود", "می‌شود", "شوند")}
_FINITE = {L.key(w) for w in ("نیست", "نیستند", "باشد", "باشند", "دارد", "ندارد", "دارند", "ندارند", "شود", "شوند",
                               "نشود", "کند", "کنند", "نکند", "هست", "هستند", "بود", "بودند", "شد", "شدند")}


def _finite(k: str) -> bool:
    """Does the word ``k`` (a key) end a clause as a finite verb («است», «می‌شود», «کرده‌اند» …)?"""
    return k in _FINITE or k in L.CLAUSE_VERBS or k.endswith(("است", "اند")) or k.startswith(("می", "نمی")) and len(k) > 4


#: «استدلال / نظر / برآورد X این است که …»: a view stated in a noun
_VIEW_NOUNS = {L.key(w) for w in ("استدلال", "نظر", "اعتقاد", "برآورد", "پاسخ", "توضیح", "ادعای", "پیشنهاد",
                                  "دیدگاه", "توصیه", "تحلیل", "ارزیابی", "پیش‌بینی", "پیشبینی")}


def _view_of(scan: Scan, k: int, b_start: int) -> tuple[int, int] | None:
    """Token range of «استدلال / نظر … X» opening the sentence of «این است که» at token ``k`` (its «این»), with
    a name, role or word between the noun and «این» (not «نظر این است که»: nobody's)."""
    cs = _sentence_start(scan.text, b_start, scan.starts[k])
    q0 = bisect_left(scan.starts, cs)
    while q0 < k and scan.keys[q0] in _OPENER_WORDS:
        q0 += 1
    if k - q0 < 2 or k - q0 > 12 or scan.keys[q0] not in _VIEW_NOUNS \
            or scan.keys[q0 + 1] in L.STOP and scan.keys[q0 + 1] not in _THIS:
        return None
    return q0, k


_SPEECH_NOUN = {L.key(w) for w in ("سخن", "حرف")}
_KNOWS = {"می‌داند", "می‌دانند"}
_WITH_ONLY = {L.key(w) for w in ("از", "با", "ضمن")}
_WITH_CUE = {L.key(w) for w in ("تاکید", "تأکید", "اشاره", "بیان", "اعلام", "یادآوری", "ابراز", "اظهار", "تصریح",
                                 "تکذیب", "محکوم", "انتقاد", "تمجید", "تشبیه", "رد")}
#: «با تکذیب / محکوم کردن / اعلام / رد NP … گفت», «با تمجید از …», «ضمن تشبیه X به Y افزود»: the noun phrase is
#: what was denied, condemned, announced, praised (not «با ابراز / انتقاد …»: the dev gold takes those half the time)
_DENY_CUE = {L.key(w) for w in ("تکذیب", "محکوم", "اعلام", "تمجید", "تشبیه", "رد")}


@dataclass
class Statement:
    """One attributed statement: content span, verb, kind, and the mention of its speaker."""

    kind: str  # direct | indirect | reported
    start: int
    end: int
    verb: str
    clause: tuple[int, int]  # where the speaker is looked for
    at: int  # text position that orders statements (the verb)
    mention: Mention | None = None
    person: Person | None = None
    speaker: str | None = None
    passive: bool = False
    inherit: bool = True  # a missing subject means the previous speaker
    question: bool = False  # an interviewer's question in a printed interview (see :func:`interviewer`)


_OPENS_ATTRIBUTION = re.compile(r"\s*(?:به\s+گفته|به\s+گزارش|به\s+اعتقاد)\b")
_OPENS_PRONOUN = re.compile(r"\s*(?:وی|او|ایشان)\b")
_COLON = re.compile(r"[:：]")
_QUOTE_MARKS = re.compile(r"[«»“”\"]")
_AS_REPORTED = re.compile(r"\s*به\s+گزارش")
_DATELINE = re.compile(r"\s*به[\s\u200c]+گزارش[^،]{0,200}،")
_GAP_BREAK = re.compile(r"[،,؛;:»)]")
_CLAUSE_BREAK = re.compile(r"[.،:؛!؟\n]")


def _sentence_start(text: str, lo: int, pos: int) -> int:
    # the end of the last sentence end in [lo, pos), searched backwards from ``pos`` (every match of _SENT_END
    # is one of these characters, so this is the last match ``finditer(text, lo, pos)`` would give, found
    # without scanning the whole paragraph before ``pos``)
    s = lo
    p = pos
    while p > lo:
        p = max(text.rfind(".", lo, p), text.rfind("\n", lo, p), text.rfind("!", lo, p), text.rfind("؟", lo, p),
                text.rfind("?", lo, p))
        if p < 0:
            break
        if _SENT_END.match(text, p, pos):
            s = p + 1
            break
    while s < pos and text[s].isspace():
        s += 1
    return s


def _sentence_end(text: str, pos: int, hi: int) -> int:
    m = _SENT_END.search(text, pos, hi)
    return m.end() if m and m.group() != "\n" else (m.start() if m else hi)


def _content_end(text: str, pos: int, hi: int) -> int:
    """End of the sentence that starts at ``pos``, not stopping inside «…»."""
    depth = 0
    for m in _CONTENT_MARKS.finditer(text, pos, hi):
        ch, n = m.group(), m.start()
        if ch == "«":
            depth += 1
        elif ch == "»":
            if depth == 1 and n > pos and text[n - 1] in ".!؟?":
                return n + 1  # «… شود.» ends its sentence with the quote
            depth = max(0, depth - 1)
        elif ch == "\n" and depth == 0:
            return n
        elif ch in ".!؟?" and depth == 0 and (n + 1 >= len(text) or text[n + 1].isspace() or text[n + 1] in "«"):
            return n + 1
    return hi


_CONTENT_MARKS = re.compile(r"[«»\n.!؟?]")


def _guillemet_end(text: str, pos: int, hi: int) -> int | None:
    """Offset after the » that closes the « at ``pos``."""
    depth = 0
    for n in range(pos, hi):
        if text[n] == "«":
            depth += 1
        elif text[n] == "»":
            depth -= 1
            if depth == 0:
                return n + 1
    return None


def _stray_close(text: str, s: int, e: int) -> int | None:
    """Offset of the first » in ``[s, e)`` that closes no « opened there (its « was lost), else None."""
    depth = 0
    for m in _GUILLEMETS.finditer(text, s, e):
        depth += 1 if m.group() == "«" else -1
        if depth < 0:
            return m.start()
    return None


_GUILLEMETS = re.compile(r"[«»]")


def _starts_attribution(scan: Scan, mentions: list[Mention], s: int, e: int, quoting: bool = False) -> bool:
    """Does the sentence ``[s, e)`` attribute something itself (a speech verb outside «…», «به گفته»…)?  With
    ``quoting`` (a sentence inside the words of a speaker), not a verb that ends the sentence («… اسکوچیچ … صحبت‌های
    خود را مطرح کرد.»: told, nothing quoted) nor one after first-person words («ما چارچوب مالی داریم …؛ اسدی وقتی
    مبلغ بالایی گفت …»: the speaker still talking)."""
    text = scan.text
    if _OPENS_ATTRIBUTION.match(text, s, e):
        return True
    # «وی … را ملزم به … دانست»: a pronoun opening a sentence with a verb of saying or of stance; «او همچون
    # رونالدو …» with none is the speaker's own sentence, and so is «بارها اعلام کردیم …»
    tables = (L.speech_verbs(), L.stance_verbs(), L.OPINION) if _OPENS_PRONOUN.match(text, s, e) else (L.speech_verbs(),)
    i0 = _token_before(scan, s)
    i = 0 if i0 is None else i0 + 1
    starts, n = scan.starts, len(scan.keys)
    if i >= n:
        return False
    # only tokens where a verb of ``tables`` may start are looked at (their bits); the «…» depth there is
    # counted from the sentence start (or from the first token, when it starts before ``s``)
    bits, want = scan._bits, scan.bits_of(*tables)
    base = min(s, starts[i])
    while i < n and starts[i] < e:
        if bits[i] & want or want < 0:  # (-1: a table not registered, any token)
            ts = starts[i]
            if text.count("«", base, ts) - text.count("»", base, ts) <= 0:
                for tb in tables:
                    vm = scan.match(i, tb, 4)
                    # «نمی‌توان پیش‌بینی کرد»: an impersonal modal, nobody says anything
                    if vm and not "".join(scan.keys[i : i + vm[0]]).endswith("یم") \
                            and not (i > 0 and scan.keys[i - 1] in _MODALS):
                        if quoting and (not text[scan.ends[i + vm[0] - 1] : e].strip(" .!؟?»\u200c")
                                        and len(tables) == 1 and not _opens_with_mention(scan, mentions, s)
                                        or _FIRST_PERSON_TEXT.search(text, s, ts) or _AS_SAID.search(text, s, ts)):
                            continue  # (one opening with «او / وی» or a name is a new statement all the same)
                        return True
        i += 1
    return False


#: «همانطور که مقام معظم رهبری … فرمودند، …»: the speaker citing someone, not a new statement
_AS_SAID = re.compile(r"(?:(?:همان|آن|این)[\s\u200c]*(?:طور|گونه)|چنان)[\s\u200c]*که\s")


def _object_start(scan: Scan, mentions: list[Mention], cs: int, ra: int) -> int:
    """Where the subject search of a stance in ``[cs, ra)`` ends: before a name or role right before its «را» at
    ``ra`` («مجید سلیمانی … خبرگزاری فرانسه را به نادیده‌گرفتن حقایق متهم کرد»: the accused is the object, not who
    accuses) — when another mention before it may be the subject (a role read on into the object, «یک کارشناس مسائل
    هسته‌ای گزارش مدیرکل آژانس را …», is left as it is)."""
    k = bisect_left(mentions, ra, key=_start) - 1
    while k >= 0 and mentions[k].end > ra:
        k -= 1
    lo = max(cs, scan.text.rfind(":", cs, ra) + 1)  # «خبرگزاری فارس: …»: a dateline is no subject
    if k > 0 and not scan.text[mentions[k].end : ra].strip(" \u200c") and mentions[k - 1].start >= lo:
        return mentions[k].start
    return ra


def _subject_opens(scan: Scan, mentions: list[Mention], pos: int) -> bool:
    """Does a mention open the clause at ``pos`` as its subject (not the object «X را …»)?"""
    k = bisect_left(mentions, pos, key=_start)
    if k == len(mentions) or not _opens_with_mention(scan, mentions, pos):
        return False
    t1 = mentions[k].t1
    return t1 >= len(scan.keys) or scan.keys[t1] != "را"


def _opens_with_mention(scan: Scan, mentions: list[Mention], s: int) -> bool:
    """Does a mention start at one of the first two tokens from ``s`` («علی اصغر مجاهدی، … همچنین … خبر داده است»)?"""
    i = bisect_left(scan.starts, s)
    hi = scan.ends[min(i + 1, len(scan.ends) - 1)] if i < len(scan.ends) else s
    k = bisect_left(mentions, s, key=_start)
    return k < len(mentions) and mentions[k].start < hi


def _closed_later(text: str, body: list, bi: int, s: int, e: int) -> int:
    """«نیمار گفت: "تیته … ⏎⏎ … بازیابی کردیم."»: a quote opened at ``s`` and left open in its paragraph
    ``body[bi]`` runs on over the next paragraphs (six at most) to the mark that closes it; else ``e``."""
    mark = text[s]
    if mark == "«":
        depth = text.count("«", s, body[bi].end) - text.count("»", s, body[bi].end)
    else:
        depth = text.count('"', s, body[bi].end) % 2
    if depth <= 0:
        return e  # closed in its own paragraph
    for k in range(bi + 1, min(len(body), bi + 7)):
        b = body[k]
        if b.kind != "paragraph":
            return e
        for m in (_GUILLEMETS if mark == "«" else _STRAIGHT).finditer(text, b.start, b.end):
            depth += 1 if m.group() == "«" else -1
            if depth == 0:
                return m.end()
        if mark == '"':
            depth = 1  # a paragraph holding a "…" pair of its own leaves the quote open
    return e


_STRAIGHT = re.compile('"')


def _inline_end(scan: Scan, mentions: list[Mention], s: int, e: int) -> int:
    """Where quoted content after a colon ends inside its paragraph: at «» closing, or before a sentence that
    attributes something else («… گفته : X. او همچنین گفته بود …»)."""
    text = scan.text
    if text[s] == "«":
        close = _guillemet_end(text, s, e)
        if close:
            return close
    elif text[s] == '"':  # «کروس به آ.اس گفت:" من تراشتگن را … "»: straight quotes, as Varzesh3 writes them
        close = text.find('"', s + 1, e)
        if close > 0 and not _phrase_quoted(text, s, close + 1):  # not «گفت: "محمود المشهدانی" رئیس مجلس …»
            return close + 1
    else:
        stray = _stray_close(text, s, e)
        if stray is not None:  # «تصریح کرد : … لطمه نزده است». …»: the » of a lost « ends the quote
            return stray
    first_end = _content_end(text, s, e)
    pos = first_end
    while pos < e:
        nxt = _content_end(text, pos, e)
        if nxt <= pos:
            break
        ss = pos
        while ss < nxt and text[ss].isspace():
            ss += 1
        if _starts_attribution(scan, mentions, ss, nxt, quoting=True):
            return pos
        pos = nxt
    return e


_NEXT_SPEAKER = re.compile(r"[،,؛]\s*(?:او|وی|ایشان|اما|ولی)\s")


_WHILE = re.compile(r"(?:در\s*حالی\s*که|درحالیکه|در\s*حالیکه|با\s*اینکه|با\s*این\s*که|اگرچه|اگر\s*چه|"
                    # «به‌رغم اینکه مدیران استقلال ادعا می‌کردند …، در نهایت مشخص شد …»
                    r"(?:به[\s\u200c]*رغم|علی[\s\u200c]*رغم|علیرغم|با[\s\u200c]*وجود)[\s\u200c]*(?:اینکه|این\s*که|این‌که))\s")


def _phrase_quoted(text: str, q0: int, q1: int) -> bool:
    """«…» from ``q0`` to ``q1`` is a short phrase the sentence goes on after (a word, not «و» or punctuation,
    follows the »), not the words said."""
    nxt = text[q1 : q1 + 40].lstrip(" \u200c")
    word = nxt.split(maxsplit=1)[0] if nxt.split() else ""
    return bool(word) and word[0] not in ".،,:؛!؟?«»()\n" and word not in ("و", "که") \
        and len(text[q0:q1].split()) <= 8 and not text[q1 - 2 : q1 - 1] in ".!؟?"


_AND_ALSO_SAID = re.compile(r"\sو\s+(?:[^\s،.:«»]+\s+){1,5}(?:هم|نیز)\s+(?:گفت|افزود|اظهار|تاکید|تأکید|اعلام|تصریح|بیان)")
#: «… مرتکب تخلف نشده و امروز با انتشار عکس زیر در اینستاگرام خود نوشت که …»: a second statement of the sentence
_AND_THEN_SAID = re.compile(r"\sو\s+(?:(?!و\s)[^\s،.:«»]+\s+){1,12}?(?:گفت|نوشت|افزود|اعلام\s+کرد|تصریح\s+کرد|تاکید\s+کرد|"
                            r"تأکید\s+کرد|اظهار\s+(?:کرد|داشت))\s*(?:که\s|:)")


_WHILE_SAID = re.compile(r"\s(?:در\s*حالی\s*که|درحالیکه|در\s*حالیکه|اما|ولی)\s+(?:[^\s،.:«»]+\s+){1,4}"
                         r"(?:معتقد|می‌گوی|میگوی|می\sگوی|گفت|گفته|اعلام\s+کرد|تاکید\s+کرد|تأکید\s+کرد|بر\s+این\s+باور)")


def _topic_colons(scan: Scan, body: list, colon_at: dict) -> list[tuple[int, int]]:
    """«مصدومیت هازارد:« ادن ناراحت است …»», «رویارویی با مارکو روزه: "او یک سرمربی استثنایی است …"»: after a
    colon quote («… در نشست خبری گفت: …»), paragraphs that open with a short topic — a noun phrase, no verb,
    no «را» — and a colon before «…» or "…" are a press conference's answers, one per topic. (block, colon)."""
    if not colon_at:
        return []
    text, out = scan.text, []
    for bi in range(min(colon_at) + 1, len(body)):
        b = body[bi]
        if bi in colon_at or b.kind != "paragraph" or text[b.start] in _BULLETS or text[b.start].isdigit():
            continue
        m = _COLON.search(text, b.start, min(b.end, b.start + 160))
        if m is None:
            continue
        c = m.start()
        after = text[c + 1 : c + 4].lstrip()
        if not after or after[0] not in '«"' or _SENT_END.search(text, b.start, c) or "«" in text[b.start : c] \
                or _AS_REPORTED.match(text, b.start, c):
            continue
        head = text[b.start : c].rstrip()
        if head.endswith(")") and "(" in head:  # «کلاس با گواردیولا در مونیخ(سال 2015 زمانی که …):«…»»: an aside
            head = head[: head.rfind("(")]
        t0, t1 = bisect_left(scan.starts, b.start), bisect_left(scan.starts, b.start + len(head))
        if not 0 < t1 - t0 <= 16 or "را" in scan.keys[t0:t1] or _finite(scan.keys[t1 - 1]):
            continue  # «… میکروفن را در دست گرفت:«…»»: a clause, its own subject
        out.append((bi, c))
    return out


_ASKS = ("*", "•")


def _interview_answers(text: str, body: list, attributing: set[int], first_quote: int) -> list[int]:
    """«*شما گفته بودید … ⏎⏎ این آمار را … دادم …  ⏎⏎ • به نظر شما دربی خوب بود؟ ⏎⏎ من تمام ابزار هجومی‌ام را …»: an
    interview printed as questions marked «*» / «•» (three at least, two of them ending in «؟»), each followed by
    unmarked paragraphs — the answers, once the one interviewed has been quoted before the first question
    (``first_quote``: «… سرمربی تیم فوتبال استقلال گفت: …»; else who answers is unknown). Blocks of the answer
    paragraphs (not those that attribute themselves)."""
    asks = [bi for bi, b in enumerate(body) if b.kind == "paragraph" and text[b.start] in _ASKS]
    if len(asks) < 3 or body[asks[0]].start < first_quote or sum(text[body[bi].start : body[bi].end].rstrip()[-1:] in "؟?" for bi in asks) < 2:
        return []
    out = []
    for n, bi in enumerate(asks):
        k = bi + 1
        stop = asks[n + 1] if n + 1 < len(asks) else len(body)
        while k < stop and body[k].kind == "paragraph" and k not in attributing:
            out.append(k)
            k += 1
    # questions each answered: not a list of points that happen to carry bullets
    return out if len(out) >= 2 and len({bi for bi in asks if bi + 1 in out}) >= 2 else []


def _clause_cut(text: str, s: int, e: int) -> int:
    """Indirect content ends before «، او همچنین گفته …» (another statement of the sentence), and — when the
    attribution sits in a «در حالی که …» clause — at the comma that closes that clause."""
    for m in _NEXT_SPEAKER.finditer(text, s, e):
        if text.count("«", s, m.start()) <= text.count("»", s, m.start()):  # not «… ، اما …» inside a quote
            e = m.start()
            break
    semi = text.find("؛", s, e)  # «اعلام کرد که … مشکلی ندارد ؛ اعلام نظری که …»: the writer goes on
    if semi > s and text.count("«", s, semi) <= text.count("»", s, semi):
        e = semi
    for pat in (_AND_ALSO_SAID, _WHILE_SAID, _AND_THEN_SAID):
        # «… برخورد می‌کند و خانم دکتر ابتکار هم گفت …», «دولت معتقد است … در حالیکه کارگران معتقدند …»:
        # a second speaker in the same sentence
        m = pat.search(text, s, e)
        if m and text.count("«", s, m.start()) <= text.count("»", s, m.start()):
            e = m.start()
    sent = _sentence_start(text, max(0, s - 300), s)
    w = _WHILE.search(text, sent, s)
    if w and "،" not in text[w.end() : s]:  # the attribution itself sits inside the «در حالی که …» clause
        comma = text.find("،", s, e)
        if comma > s:
            e = comma
    return e


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in "،,:"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in "،,:"):
        e -= 1
    if e - s > 2 and text[s] == "«" and text[e - 1] == "»" and text.count("«", s + 1, e - 1) == text.count("»", s + 1, e - 1):
        s, e = s + 1, e - 1
        while s < e and text[s].isspace():  # «گفت:« لیگ قهرمانان …»»: no space opening the words
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
    return s, e


def _verb_before(scan: Scan, pos: int, table: dict[str, str]) -> tuple[int, int] | None:
    """Token range of a verb from ``table`` ending at the last token before ``pos``."""
    j = _token_before(scan, pos)
    if j is None:
        return None
    keys, join, bits = scan.keys, scan._join, scan._bits
    want = scan.bits_of(table)  # -1 when ``table`` is not registered: no token is ruled out by its bits
    for n in (4, 3, 2, 1):
        i = j - n + 1
        if i < 0 or want >= 0 and not bits[i] & want or not all(join[i:j]):
            continue  # (no entry of ``table`` can start at token i when its bit is not set there)
        if "".join(keys[i : j + 1]) in table:
            return i, j + 1
    return None


def _token_before(scan: Scan, pos: int) -> int | None:
    """Index of the last token ending at or before ``pos``."""
    lo = bisect_right(scan.ends, pos)
    return lo - 1 if lo else None


def find_statements(scan: Scan, mentions: list[Mention]) -> list[Statement]:
    """All quotes and reported statements of the article, speakers unresolved yet."""
    text = scan.text
    body = [b for b in scan.blocks if b.kind not in ("footer",)]
    verbs = L.speech_verbs()
    out: list[Statement] = []
    # 1. colon attributions
    colon_at: dict[int, list[tuple[int, tuple[int, int]]]] = {}
    for bi, b in enumerate(body):
        for m in _COLON.finditer(text[b.start : b.end]):
            c = b.start + m.start()
            v = _verb_before(scan, c, verbs) or _verb_before(scan, c, _PASSIVE) or _document_says(scan, c)
            if v and not text[scan.ends[v[1] - 1] : c].strip():
                colon_at.setdefault(bi, []).append((c, v))
    attributing = set(colon_at)
    for bi, b in enumerate(body):
        if _AS_REPORTED.match(text, b.start, b.end):
            attributing.add(bi)
    topics = _topic_colons(scan, body, colon_at)
    attributing.update(bi for bi, _ in topics)
    first_quote = min((c for items in colon_at.values() for c, _ in items), default=len(text))
    answers = _interview_answers(text, body, attributing, first_quote)
    for bi, items in colon_at.items():
        b = body[bi]
        for n, (c, (v0, v1)) in enumerate(items):
            nxt = items[n + 1][0] if n + 1 < len(items) else b.end
            s, e = _trim(text, c + 1, nxt if n + 1 < len(items) else b.end)
            if e > s and not (text[c + 1 : s].strip() == "«" and text[e : e + 3].strip()[:1] == "»"):
                # (content that is one «…» in full is the quote: nothing inside it attributes anew)
                e = _inline_end(scan, mentions, s, e)
                if n + 1 == len(items) and text[s] in '«"':
                    e = _closed_later(text, body, bi, s, e)
            if n + 1 < len(items):  # content stops before the next attributing clause (or at its closing »)
                e = _sentence_start(text, c + 1, items[n + 1][0])
                s, e = _trim(text, s, e)
                if e > s and text[s] == "«":
                    s, e = _trim(text, s, _inline_end(scan, mentions, s, e))
            if e > s and n + 1 == len(items) and bi + 1 < len(body) and bi + 1 not in attributing \
                    and text[s] not in '«"' and text[b.start] not in _BULLETS and _trim(text, s, b.end)[1] <= e:
                # «وی گفت: X. ⏎⏎ Y. ⏎⏎ Z.»: unattributed paragraphs after one that ends with the speaker's words
                # go on with them
                k = bi + 1
                while k < len(body) and k not in attributing and body[k].kind == "paragraph" \
                        and _FIRST_PERSON_TEXT.search(text, body[k].start, body[k].end) and text[body[k].start] not in _BULLETS \
                        and not _starts_attribution(scan, mentions, body[k].start, body[k].end):
                    e = _trim(text, s, body[k].end)[1]
                    k += 1
            if e <= s and n + 1 == len(items):  # content in the following paragraphs
                k = bi + 1
                last = None
                while k < len(body) and k not in attributing and body[k].kind == "paragraph" \
                        and (last is None or text[body[k].start] in '«"'
                             or _FIRST_PERSON_TEXT.search(text, body[k].start, body[k].end)):
                    # (after the first paragraph, only those still in the speaker's voice: «طبرسی … می‌گوید: ⏎⏎
                    # «…» (طبرسی، 1408) ⏎⏎ با توجه به آیات دیگری …» goes back to the writer)
                    last = k
                    k += 1
                if last is not None:
                    s, e = _trim(text, body[bi + 1].start, body[last].end)
                elif bi + 1 in colon_at and body[bi + 1].kind == "paragraph":
                    # «پیامبر کنار چاه ایستاد و چنین فرمود: ⏎⏎ ای اهل چاه … یافتم. عده‌ای گفتند: …»: the words run
                    # up to the sentence of the next paragraph's own attribution
                    nb = body[bi + 1]
                    v_next = colon_at[bi + 1][0][1][0]
                    s, e = _trim(text, nb.start, _sentence_start(text, nb.start, scan.starts[v_next]))
            if e <= s:
                continue
            cs = _sentence_start(text, b.start, scan.starts[v0])
            vtext = scan.span_text(v0, v1)
            st = Statement("direct", s, e, vtext, (cs, scan.starts[v0]), scan.starts[v0])
            st.passive = "".join(scan.keys[v0:v1]) in L.PASSIVE_SPEECH
            out.append(st)
    for bi, c in topics:
        b = body[bi]
        s, e = _trim(text, c + 1, b.end)
        e = _closed_later(text, body, bi, s, _inline_end(scan, mentions, s, e))
        s, e = _trim(text, s, e)
        if e > s:  # no verb, no subject: the speaker of the colon quotes before goes on
            out.append(Statement("direct", s, e, "", (c, c), c))
    for bi in answers:  # the one interviewed speaks on
        s, e = _trim(text, body[bi].start, body[bi].end)
        if e > s:
            # the clause, where no speaker is named, is the answer's last character (its closing mark, when it has
            # one): nothing before it (a question) is looked at for a subject — an empty clause would send the
            # resolver to the question for one («شما چرا گفتید من به خانه کی روش رفته ام …؟ ⏎⏎ زمانی که من …»)
            out.append(Statement("direct", s, e, "", (e - 1, e), s))
    covered = _Covered(len(text))
    for q in out:
        covered.append((q.start, q.end))
    if answers:  # the interviewer's questions («*شما گفته بودید …»): the interviewer's words, nothing inside them
        # attributes anew; they do not interrupt the answers' one voice (no subject, nothing inherited)
        for bi, b in enumerate(body):
            if text[b.start] in _ASKS and b.start > first_quote:
                covered.append((b.start, b.end))
                s, e = _trim(text, b.start + 1, b.end)
                if e - s > 1:
                    ask = Statement("direct", s, e, "", (e - 1, e), s, inherit=False, question=True)
                    out.append(ask)
    inside = covered.inside
    for st in _outlet_reports(scan, body, covered):
        out.append(st)
        covered.append((st.start, st.end))

    toks = scan.tokens
    skip_to = 0
    # only tokens that may start a cue phrase or a verb, and «که / با / از»
    keys = scan.keys
    n_toks = len(keys)  # the token count (a list's length: no Python-level Tokens.__len__ call below)
    for i in scan.candidates(_INDIRECT_CUES, L.stance_verbs(), verbs, L.OPINION, _SMALL, _PASSIVE, _PASSIVE_PLAIN,
                             _ASKED_OF, _ELLIPTIC, _TOOK_UP, _GAVE):
        if keys[i] in _WITH_ONLY and not (i + 1 < n_toks and keys[i + 1] in _WITH_CUE) and not scan.match(
                i, verbs, 4):
            continue  # «از / با / ضمن» start a statement only as «با تاکید بر اینکه …» (step 5 below)
        t = toks[i]
        if i < skip_to or scan.footer[i] or inside(t.start):
            continue
        blk = scan.blocks[scan.block_of[i]]
        b_start, b_end = blk.start, blk.end
        # 2. «به گفته X، …»
        m = scan.match(i, _INDIRECT_CUES, 3)
        if m and L.key(m[1]) != L.key("به نقل از"):
            j = i + m[0]
            skip_to = j
            if j < n_toks and scan.keys[j] in _FIRST_PERSON:
                continue  # «به اعتقاد من، …»: the writer's own view
            comma = text.find("،", scan.ends[j - 1], b_end)
            send = _content_end(text, scan.ends[j - 1], b_end)
            men = [x for x in mentions if x.start >= scan.ends[j - 1] and x.t0 <= j + 1]
            if men and (comma < 0 or comma >= send or men[0].end < comma and
                        len(text[men[0].end : comma].split()) > 3):
                if L.key(m[1]) in _SOURCE_CUES and not text[men[0].end : men[0].end + 3].strip().startswith("«"):
                    continue  # «بنابر اعلام وزارت بهداشت میانگین شاخص …»: where the source ends is unsure
                # «به گفته محمد مجتهدزاده تجهیزات …»: no comma; the content starts after the mention
                end = men[0].end
                for x in mentions:
                    if x.kind == "role-bound" and x.person is men[0].person and 0 <= x.start - end <= 3:
                        end = x.end
                s, e = _trim(text, end, _clause_cut(text, end, send))
                if e > s:
                    st = Statement("indirect", s, e, m[1], (men[0].start, end), t.start, inherit=False)
                    st.speaker = men[0].text
                    out.append(st)
                    covered.append((s, e))
                continue
            if 0 <= comma < send and j < n_toks:
                s, e = _trim(text, comma + 1, send)
                if e > s:
                    st = Statement("indirect", s, e, m[1], (scan.starts[j], comma), t.start, inherit=False)
                    # «به نوشته «نیویورک تایمز»، …»: the outlet's name without its quotation marks
                    st.speaker = _QUOTE_MARKS.sub("", text[scan.starts[j] : comma]).strip()
                    if keys[j] in _THIS and j + 1 < n_toks and keys[j + 1] in _OUTLETS | _DOCUMENTS \
                            and len(st.speaker.split()) <= 3:
                        # «به نوشته این بولتن، …»: the outlet named before, as «این بولتن … نوشت» resolves it
                        st.speaker, st.inherit = None, True
                    out.append(st)
                    covered.append((s, e))
            continue
        # 3. «X گفت که …», «گفته می‌شود که …»
        if t.key == "که" and i > 0 and scan.joined(i - 1):
            v = _verb_before(scan, t.start, verbs)
            if v is None:  # «گروهی بر این باورند که …», «کارشناسان معتقدند که …» (not «می‌داند که»: knows that)
                v = _verb_before(scan, t.start, L.OPINION)
                if v and (scan.keys[v[0]].startswith("می") or any(o.at == scan.starts[v[0]] for o in out)):
                    v = None
            if v and v[0] > 0 and scan.keys[v[0] - 1] in _MODALS:
                v = None  # «نمی‌توان گفت که …», «باید گفت که …»: nobody says it
            if v and verbs.get("".join(keys[v[0] : v[1]]), "").rsplit(" ", 1)[0] in _PREP_ONLY:
                v = None  # «از ضمیر پاک هنرمندان یاد می‌کند که …»: «که» opens a relative clause, not what was said
            view = None
            if v is None and i >= 3 and keys[i - 1] == "است" and keys[i - 2] in _THIS:
                view = _view_of(scan, i - 2, b_start)  # «استدلال این استاد دانشگاه … این است که …»
                v = (view[0], view[0] + 1) if view else None
            passive = _verb_before(scan, t.start, _PASSIVE)
            document = v is None and passive is None and _document_says(scan, t.start)
            if document:
                v = document  # «در این خبرها آمده است که …»: what a document says (no earlier speaker's)
            if v or passive:
                v0, v1 = v or passive  # type: ignore[misc]
                send = _clause_cut(text, t.end, _content_end(text, t.end, b_end))
                s, e = _trim(text, t.end, send)
                if e > s:
                    cs = _sentence_start(text, b_start, scan.starts[v0])
                    st = Statement("indirect", s, e, scan.span_text(v0, v1), (cs, scan.starts[v0]), scan.starts[v0])
                    st.passive = bool(passive) and not v
                    st.inherit = not document
                    if view:  # the holder of the view stands between the noun and «این است»
                        st.clause, st.verb = (scan.starts[v1], scan.starts[view[1]]), st.verb + " … این است"
                        if text[e - 1] == "." and text[e - 2] == "»":
                            st.start, st.end = _trim(text, s, e - 1)
                    out.append(st)
                    covered.append((s, e))
            continue
        # 3b. «گفته می‌شود شیاطین سرخ …», «در حالیکه گفته می‌شد سجاد مردانی …»: a passive, no «که», no speaker;
        # «وی از خانواده‌ها خواست تا …»: a request
        st = _plain_passive(scan, i, b_end) if scan.may(i, _PASSIVE_PLAIN) else None
        if st is None and scan.may(i, _ASKED_OF):
            st = _asked_of(scan, i, b_start, b_end)
        if st is None and scan.may(i, _TOOK_UP):
            st = _took_up(scan, i, b_start, inside)
        if st is None and scan.may(i, _GAVE):
            st = _promised(scan, i, b_start, inside)
        if st is not None:
            out.append(st)
            covered.append((st.start, st.end))
            continue
        # 4a. «X می‌گوید «…»», «X گفته …», «X معتقد است …»: the content follows the verb
        vm = scan.match(i, verbs, 4) or scan.match(i, L.OPINION, 4)
        if vm and i > 0 and scan.keys[i - 1] in _MODALS:
            vm = None
        if vm and i > 0 and keys[i - 1] in _SPEECH_NOUN and vm[1] == "گفت":
            vm = None  # «… که مدیرکل دفتر بازرسی از آن سخن می‌گوید، …»: speaks of something, says nothing here
        if vm and vm[1] in _KNOWS:
            vm = None  # «چون می‌داند گردآوری چنین کتابی مجال می‌خواهد»: knows, says nothing («… را … می‌داند» is a stance)
        if vm and vm[1] == "خبر داد":
            # «آقای ظریف … از وجود پولشویی گسترده در کشور خبر داد»: what was announced, after «از»
            # the first «از» after the subject («… همچنین از توافق با وزارت کشور برای جبران خسارت‌های ناشی از
            # دزدی دریایی خبر داده است»), not one of «پس از / یکی از …»
            cs = _sentence_start(text, b_start, t.start)
            lo = next((x.end for x in mentions if cs <= x.start < t.start), cs)  # after the subject
            az = [q for q in range(i - 1, max(-1, i - 30), -1) if scan.starts[q] >= lo and scan.keys[q] == "از"
                  and not (q > 0 and scan.keys[q - 1] in _OF_NOT_OBJECT)]
            that = i + vm[0] < n_toks and scan.keys[i + vm[0]] == "که"
            if not az and not that:  # the «از …» phrase holds a name itself: the «از» nearest the verb
                az = [q for q in range(i - 1, max(-1, i - 25), -1) if scan.starts[q] >= cs and scan.keys[q] == "از"][:1]
            if az:
                out.append(Statement("reported", scan.starts[az[-1]], scan.ends[i + vm[0] - 1],
                                     scan.span_text(i, i + vm[0]), (cs, scan.starts[az[-1]]), t.start))
                covered.append((scan.starts[az[-1]], scan.ends[i + vm[0] - 1]))
                continue
        if vm and vm[1] in _PREP_VERBS:
            # «کنشگران … به لزوم توجه به این حق مردم اذعان کردند.», «وی بر … تاکید کرد.»: the verb ends the
            # sentence, what was said is its prepositional object
            ve = scan.ends[i + vm[0] - 1]
            tail = text[ve : ve + 2]
            nxt_verb = i + vm[0] + 1 < n_toks and scan.keys[i + vm[0]] == "و" and scan.joined(i + vm[0] - 1) \
                and scan.match(i + vm[0] + 1, verbs, 4) is not None  # «… بر … تأکید کرد و گفت: …»
            if tail[:1] in (".", "") or tail in ("\n", " \n") or nxt_verb:
                cs = _sentence_start(text, b_start, t.start)
                comma = text.rfind("،", cs, t.start)
                lo = max(cs, comma + 1)
                ke = [scan.ends[q] for q in range(i - 1, max(-1, i - 25), -1) if scan.starts[q] >= lo and scan.keys[q] == "که"]
                if ke:  # «از همین روست که رییس‌جمهور … از نظم … انتقاد کرد»: the verb's own clause follows «که»
                    lo = ke[0]
                own = _PREP_OF[vm[1].rsplit(" ", 1)[0]]
                preps = [q for q in range(i - 1, max(-1, i - 25), -1) if scan.starts[q] >= lo
                         and scan.keys[q] in own and not (q and scan.keys[q - 1] in _WITH_CUE)]
                # what was said is a phrase of some length: «به مورد جالبی اشاره می‌کند» only points at something
                # «وی به قابلیت‌های گردشگری شهر اشاره کرد»: a topic pointed at, not what was said (only «به اینکه …» is)
                if preps and own == ("به",) and vm[1].startswith("اشاره") and scan.keys[preps[-1] + 1] not in _THAT:
                    preps = []
                # «از شهدا یاد کرد» remembers them; «از این ناکامی به عنوان یک ناکامی تلخ یاد کرد» says what it was
                if preps and vm[1].startswith("یاد") and L.key("عنوان") not in keys[preps[-1] : i]:
                    preps = []
                if preps and i - preps[-1] >= (3 if vm[1].rsplit(" ", 1)[0] in _PREP_ONLY else 4) \
                        and not inside(scan.starts[preps[-1]]) \
                        and not any(scan.keys[q] in _MODALS for q in range(preps[-1], i)):
                    q = preps[-1]  # the earliest: «به لزوم توجه به این حق …»
                    out.append(Statement("reported", scan.starts[q], ve, scan.span_text(i, i + vm[0]),
                                         (cs, scan.starts[q]), t.start))
                    covered.append((scan.starts[q], ve))
                    continue
        if vm and vm[1].rsplit(" ", 1)[0] in _PREP_ONLY:
            vm = None  # «… یاد می‌کند بی عقده‌ای …»: what follows is not what was said
        if vm and i + vm[0] < n_toks:
            j = i + vm[0]
            gap = text[scan.ends[j - 1] : scan.starts[j]]
            nk = scan.keys[j]
            quoted_next = "«" in gap and ":" not in gap
            # «… هشدار داد، تمایل به ایران … را تهدید می‌کند»: the content may follow a comma
            # «اعلام کرد از آنجایی که …», «معتقد است با جذب رناتو سانچس …»: a preposition may open the content,
            # not after a verb that takes one of its own («اشاره کرد به …»)
            plain_next = (gap.strip() in ("", "،") and nk not in ("و", "که", "تا", "اما", "ولی", "را") and nk not in _AUX
                          and not (nk in ("به", "از", "با", "بر") and (vm[1] in _PREP_VERBS or vm[1] in _FROM_VERBS))
                          and not (nk == "به" and vm[1].startswith("معتقد"))  # «معتقد به همان شیوه … بودم»: believed in
                          and nk not in L.CLAUSE_VERBS and scan.block_of[j] == scan.block_of[i]
                          and "".join(scan.keys[i : j + 1]) not in L.PASSIVE_SPEECH
                          and not scan.match(j, L.speech_verbs(), 3))
            if quoted_next or plain_next:
                q0 = text.find("«", scan.ends[j - 1], scan.starts[j] + 1)
                q1 = _guillemet_end(text, q0, b_end) if q0 >= 0 else None
                if q1 and _phrase_quoted(text, q0, q1):
                    # «گفت «۳۰ بیماری ممنوعه برای معلمان» تعیین شده و …»: a phrase in «» inside the sentence said
                    s, e = q0, _clause_cut(text, q0, _content_end(text, q0, b_end))
                    kind = "indirect"
                elif q0 >= 0:
                    # an unclosed «: up to the next sentence that attributes something («او توضیح داده «…»»)
                    s, e = (q0 + 1, q1 - 1) if q1 else (q0 + 1, _inline_end(scan, mentions, q0 + 1, b_end))
                    kind = "direct"
                else:
                    s, e = scan.starts[j], _content_end(text, scan.starts[j], b_end)
                    e = _clause_cut(text, s, e)
                    kind = "indirect"
                s, e = _trim(text, s, e)
                if e - s > 10 and ("،" not in gap or len(text[s:e].split()) >= 6):
                    cs = _sentence_start(text, b_start, t.start)
                    out.append(Statement(kind, s, e, scan.span_text(i, j), (cs, t.start), t.start))
                    covered.append((s, e))
                    continue
        # 4. stances: «… را همسو با … خواندند»
        sv = scan.match(i, L.stance_verbs(), 3)
        if sv is None and i + 2 < n_toks and scan.match(i, _ELLIPTIC, 2) and scan.match(i + 2, verbs, 4):
            sv = (1, t.key + " کرد")  # «… را ٥٠ هزار تن در سال اعلام و افزود: …»: «کرد» left out before «و»
        if sv and ":" in text[scan.ends[i + sv[0] - 1] : scan.ends[i + sv[0] - 1] + 3]:
            sv = None  # «… را … عنوان کرد: …» is a colon attribution
        if sv and sv[1] == "خواند" and i > 0 and keys[i - 1] == L.key("فرا"):
            sv = None  # «… را به اردوی تیم ملی فرا می‌خواند»: summons, says nothing
        if sv:
            cs = _sentence_start(text, b_start, t.start)
            ra = [q for q in range(i - 1, max(-1, i - 30), -1) if scan.starts[q] >= cs and scan.keys[q] == "را"]
            if ra and any(scan.keys[q] in _MODALS for q in range(bisect_left(scan.starts, cs), i)):
                # «این نهاد را می‌توان غیرسیاسی‌ترین نهاد کشور دانست», «باید مقایسه‌ای … انجام داد و … آن را
                # نشانه … دانست»: nobody's stance
                ra = []
            if ra and sv[1] == "رد کرد" and any(keys[q] in _OFFERS for q in range(bisect_left(scan.starts, cs), ra[0])):
                ra = []  # «پیشنهاد همکاری … را رد کرد» turns an offer down; «خبر / شایعه … را رد کرد» denies words
            if ra and sv[1] in _SAY_STANCES and (keys[ra[0] + 1] in _ABOUT or keys[ra[0] + 1] == "در"
                                                 and keys[ra[0] + 2] in _ABOUT_IN):
                ra = []  # «موضع خود را درباره جذب بازیکنان سرباز اعلام کرد»: said about something, not what it is
            if ra and sv[1] == "اعلام کرد" and i - ra[0] < 3:
                ra = []  # «نتایج را اعلام کرد» announces something; «شرط آن را «…» اعلام کرد» says what it is
            if ra and sv[1] == "بیان کرد" and (i - ra[0] < 3 or keys[ra[0] + 1] in _HOW):
                ra = []  # «حرف‌ها را بیان کرد», «مطالب را به زبانی ساده بیان کرد»: says, not what something is
            if ra:
                st = Statement("reported", cs, scan.ends[i + sv[0] - 1], scan.span_text(i, i + sv[0]),
                               (cs, scan.starts[ra[0]]), t.start)
                st.clause = (cs, _object_start(scan, mentions, cs, scan.starts[ra[0]]))
                # «… به گوش می‌رسد اما باشگاه تراکتورسازی مذاکره … را رد کرد»: the stance is the clause «اما / ولی»
                # opens, not the sentence before it
                for k in range(ra[0] - 1, bisect_left(scan.starts, cs), -1):
                    if keys[k] in _BUT and (_finite(keys[k - 1]) or "،" in text[scan.ends[k - 1] : scan.starts[k]]) \
                            and text.count("«", cs, scan.starts[k]) <= text.count("»", cs, scan.starts[k]):
                        # (after a verb or a comma: «مدیران باشگاه اما این مساله را تکذیب می‌کنند» keeps its subject;
                        # so does «کی‌روش …، اما بازیکنان جوان را نیز … فرا می‌خواند»: what follows «اما» is the object)
                        st.start = scan.starts[k + 1]
                        if _subject_opens(scan, mentions, st.start):
                            st.clause = (st.start, st.clause[1])
                        break
                # «… را … بیان کرد و تعامل با گروه پیشگامان کویر را گامی موثر برشمرد»: this stance starts after
                # the verb «و» joins it to
                for k in range(ra[0] - 1, bisect_left(scan.starts, cs), -1):
                    if keys[k] == "که" and st.start == cs:
                        break  # «… و متهم اصلی را دستگیر کرده که او انگیزه قتل را … عنوان کرد»: «که» opens the clause
                    if keys[k] == "و" and (_verb_before(scan, scan.starts[k], verbs)
                                           or _verb_before(scan, scan.starts[k], L.stance_verbs())
                                           # «… اعتراض نمودند و از مسئولین پی‌گیری مساله را خواستار شدند»
                                           or keys[k - 1] in L.CLAUSE_VERBS and keys[k - 1] not in _BE):
                        k += 1
                        while k < ra[0] and keys[k] in _ADVERBS:
                            k += 1
                        st.start = scan.starts[k]
                        break
                out.append(st)
            continue
        # 4b. «X خواستار همکاری … شد»: what was asked for is the object inside the verb
        if t.key == "خواستار" and not scan.match(i, verbs, 4):
            cs = _sentence_start(text, b_start, t.start)
            send = _sentence_end(text, t.end, b_end)
            for q in range(i + 1, min(n_toks, i + 40)):
                if scan.starts[q] >= send or inside(scan.starts[q]):
                    break
                if scan.keys[q] in _ASKED or (q + 1 < n_toks and scan.keys[q] + scan.keys[q + 1] in _ASKED):
                    q1 = q + 1 if scan.keys[q] in _ASKED else q + 2
                    if q1 < n_toks and scan.keys[q1] in ("بود", "است"):
                        q1 += 1
                    # «خواستار تعیین وضعیتش شد»: two words asked for at least; not «خواستار این شده بود که …»
                    if q - i >= 3 and not (q1 < n_toks and scan.keys[q1] == "که"):
                        ve = scan.ends[q1 - 1]
                        out.append(Statement("reported", t.start, ve, "خواستار شد", (cs, t.start), t.start))
                        covered.append((t.start, ve))
                    break
                if scan.match(q, verbs, 4) or scan.keys[q] in L.CLAUSE_VERBS:
                    break  # another verb first: «خواستار» belongs to something else
            continue
        # 5. «با تاکید بر اینکه X … افزود»
        # «با تاکید بر اینکه», «ضمن تاکید بر اینکه», «پس از تاکید بر این که»
        after_with = t.key in ("با", "ضمن") or (t.key == "از" and i > 0 and scan.keys[i - 1] == "پس")
        if after_with and i + 2 < n_toks and scan.keys[i + 1] in _WITH_CUE:
            j = i + 2
            if scan.keys[j] in _FEELING and j + 1 < n_toks and scan.keys[j + 1] in ("بر", "از", "به"):
                j += 1  # «ضمن تاکید مجدد بر …», «با ابراز امیدواری از اینکه …»
            if scan.keys[j] in {"بر", "به"} or scan.keys[j] == "از" and scan.keys[j - 1] in _FEELING:
                j += 1
            th = scan.match(j, _THAT_T, 2) if j < n_toks else None
            if not th and j + 2 < n_toks and scan.keys[j] in _THIS and scan.keys[j + 1] in _THIS_POINT \
                    and scan.keys[j + 2] == "که":
                th = (3, "این موضوع که")  # «ضمن اشاره به این موضوع که …»
            denied = not th and scan.keys[i + 1] in _DENY_CUE and t.key != "از"  # not «پس از اعلام نتایج …»
            if denied and j < n_toks and keys[j] == L.key("کردن"):
                j += 1  # «با محکوم کردن جنایات …»
            if (denied or not th and scan.keys[i + 1] in _STRESS and scan.keys[j - 1] == "بر") and j < n_toks:
                # «با تاکید بر توجه جدی دولت نهم به نظرات مردم افزود: …»: the stance is the noun phrase; so are
                # what is denied, condemned or announced («با تکذیب خبر برخی رسانه‌ها در خصوص … گفت: …»)
                np_ = _stressed_phrase(scan, j, b_end)
                if np_ is not None and denied and (keys[j] in _THIS or bisect_left(scan.starts, np_[1]) - j < 4):
                    np_ = None  # «با اعلام این خبر گفت»: the phrase points back, says nothing
                if np_ is not None and not inside(np_[0]):
                    cs = _sentence_start(text, b_start, t.start)
                    out.append(Statement("reported", np_[0], np_[1], scan.span_text(i, i + 2), (cs, t.start), t.start))
                    covered.append(np_)
                continue
            if th:
                s0 = scan.ends[j + th[0] - 1]
                send = _sentence_end(text, s0, b_end)
                # X runs to the speech verb that closes the clause (or the colon / sentence end)
                stop = send
                colon = text.find(":", s0, send)
                if colon >= 0:
                    stop = colon
                    v = _verb_before(scan, colon, verbs)
                    if v:
                        stop = scan.starts[v[0]]
                else:
                    for q in range(j + th[0], n_toks):
                        if scan.starts[q] >= send:
                            break
                        vv = scan.match(q, verbs, 4)
                        if vv and (q + vv[0] >= n_toks or scan.starts[q + vv[0]] >= send
                                   or text[scan.ends[q + vv[0] - 1] : scan.starts[q + vv[0]]].strip()
                                   or "،" in text[scan.ends[q - 1] : scan.starts[q]]):
                            stop = scan.starts[q]
                            break
                # «با بیان اینکه … اتفاق افتاده است، در ادامه در پاسخ به سئوالی …»: the clause ends at the comma
                # after its verb when more than the speech verb follows
                last = bisect_left(scan.starts, stop)
                for q in range(j + th[0] + 1, last - 1):
                    if _finite(keys[q - 1]) and "،" in text[scan.ends[q - 1] : scan.starts[q]]:
                        stop = scan.ends[q - 1]
                        break
                s, e = _trim(text, s0, stop)
                if e > s:
                    cs = _sentence_start(text, b_start, t.start)
                    out.append(Statement("reported", s, e, scan.span_text(i, i + 2), (cs, t.start), t.start))
    out.sort(key=lambda st: st.at)
    return out


_STRESS = {L.key(w) for w in ("تاکید", "تأکید")}
_BUT = {L.key(w) for w in ("اما", "ولی")}
_SAY_STANCES = {"اعلام کرد", "بیان کرد", "عنوان کرد", "ذکر کرد"}
_ABOUT = {L.key(w) for w in ("درباره", "درخصوص", "پیرامون", "راجع", "درمورد")}
_ABOUT_IN = {L.key(w) for w in ("خصوص", "مورد", "رابطه", "باره")}  # «در خصوص / در مورد …»
_BE = {L.key(w) for w in ("است", "بود", "بودند", "هستند")}
_OFFERS = {L.key(w) for w in ("پیشنهاد", "پیشنهادات", "پیشنهادها", "درخواست", "درخواست‌ها", "دعوت", "تقاضا", "تقاضای")}
_HOW = {L.key(w) for w in ("به", "با", "در", "برای")}
#: stance nouns whose «کرد» may be left out before «و» and the next verb («… را … عنوان و افزود»)
_ELLIPTIC = {L.key(w + " و"): w for w in ("عنوان", "اعلام", "ذکر", "ارزیابی", "توصیف", "قلمداد", "تلقی", "تعبیر")}
register(_ELLIPTIC)
#: «ابراز امیدواری / نگرانی / خرسندی از اینکه …», «تاکید مجدد بر …»
_FEELING = {L.key(w) for w in ("مجدد", "امیدواری", "نگرانی", "خرسندی", "تاسف", "تأسف", "رضایت", "خوشحالی")}
#: «با تاکید بر این مطلب که …»: the stance is the clause after «که»
_THIS_POINT = {L.key(w) for w in ("مطلب", "موضوع", "نکته", "مساله", "مسئله", "امر")}


def _stressed_phrase(scan: Scan, j: int, b_end: int) -> tuple[int, int] | None:
    """The noun phrase stressed in «با تاکید بر NP» from token ``j``: up to the speech verb that closes the clause
    («… افزود: », «… گفت»), at most 40 tokens and in one sentence; None when no speech verb closes it (a list:
    «… با تاکید بر کاربردهای مرتبط با مزیت‌های استان، …»)."""
    text, keys = scan.text, scan.keys
    send = _sentence_end(text, scan.starts[j], b_end)
    verbs = L.speech_verbs()
    for q in range(j + 1, min(len(keys), j + 40)):
        if scan.starts[q] >= send or text.count(":", scan.starts[j], scan.starts[q]):
            return None
        if keys[q] in _WITH_ONLY and q + 1 < len(keys) and keys[q + 1] in _WITH_CUE:
            return None  # «… با اشاره به …»: another clause first
        if scan.may(q, verbs) and scan.match(q, verbs, 4):
            lo = j
            if keys[j] in _THIS and j + 2 < q and keys[j + 1] in _THIS_POINT and keys[j + 2] == "که":
                lo = j + 3
            hi = q
            comma = [c for c in range(lo + 1, q) if "،" in text[scan.ends[c - 1] : scan.starts[c]]]
            if comma and "را" in keys[comma[-1] : q]:
                hi = comma[-1]  # «با تاکید بر تدوین قانون اساسی جدید، مخالفت خود را … اعلام کرد»: the verb's own object
            s, e = _trim(text, scan.starts[lo], scan.ends[hi - 1])
            return (s, e) if hi - lo >= 2 and e > s else None
    return None


def _asked_of(scan: Scan, i: int, b_start: int, b_end: int) -> Statement | None:
    """«سخنگوی کمیسیون آموزش مجلس از هیأت رئیسه خواست این کمیسیون … در نظر گرفته شود»: «از X» a few words
    before the verb at token ``i``, the request after it (past «تا / که»), as an indirect statement."""
    am = scan.match(i, _ASKED_OF, 3)
    if am is None or i + am[0] >= len(scan.tokens):
        return None
    text, keys = scan.text, scan.keys
    cs = _sentence_start(text, b_start, scan.starts[i])
    if text[cs : cs + 1] in _BULLETS:
        return None  # «-فرستادگان ویژه آمریکا … از این کشور خواستند …»: a list of headlines
    az = [q for q in range(i - 1, max(-1, i - 9), -1) if scan.starts[q] >= cs and keys[q] == "از"
          and not (q > 0 and keys[q - 1] in _OF_NOT_OBJECT)]
    if not az or i - az[0] < 2 or any(scan.match(q, L.speech_verbs(), 4) for q in range(az[0] + 1, i)):
        return None
    j = i + am[0]
    if keys[j] in ("تا", "که") and scan.joined(j - 1):
        j += 1
    elif "که" in keys[bisect_left(scan.starts, cs) : az[0]]:
        return None  # «همان چیزی که مربیان از من خواستند»: the verb closes a relative clause
    if j >= len(keys) or text[scan.ends[j - 1] : scan.starts[j]].strip(" \u200c") or scan.block_of[j] != scan.block_of[i]:
        return None
    e = _clause_cut(text, scan.starts[j], _content_end(text, scan.starts[j], b_end))
    for q in range(j + 1, bisect_left(scan.starts, e)):
        if scan.match(q, _ASKED_OF, 3):  # «… قرار دهند و با دعوت از مردم …، خواست …»: a second request
            ands = [k for k in range(q - 1, j, -1) if keys[k] == "و"]
            e = scan.starts[ands[-1]] if ands else e
            break
    s, e = _trim(text, scan.starts[j], e)
    if len(text[s:e].split()) < 3:
        return None
    return Statement("indirect", s, e, scan.span_text(i, i + am[0]), (cs, scan.starts[az[0]]), scan.starts[i])


#: «به تمجید از مارکو روزه و گلادباخ پرداخت»: a verdict on someone, told by the verb «پرداختن»
_TOOK_UP = {L.key(w): w for w in ("پرداخت", "پرداختند", "پرداخته است", "پرداخته‌اند", "پرداخته بود", "می‌پردازد",
                                  "می‌پردازند", "پرداخته")}
_VERDICTS = {L.key(w) for w in ("تمجید", "ستایش", "انتقاد", "تعریف", "تقدیر", "قدردانی", "گلایه", "شکایت", "دفاع",
                                "انتقادات")}
register(_TOOK_UP)


def _took_up(scan: Scan, i: int, b_start: int, inside: Callable[[int], bool]) -> Statement | None:
    """«پپ گواردیولا، سرمربی منچسترسیتی به تمجید از مارکو روزه و گلادباخ پرداخت»: «به» + a noun of praise or
    blame + «از X» before the verb at token ``i`` (that ends its sentence or joins the next verb with «و»), as a
    reported statement; not «به بازی / گفت‌وگو / تشریح … پرداخت» (what someone did or talked about)."""
    vm = scan.match(i, _TOOK_UP, 3)
    if vm is None:
        return None
    text, keys = scan.text, scan.keys
    ve = scan.ends[i + vm[0] - 1]
    if text[ve : ve + 1] not in (".", "", "\n") and not (i + vm[0] < len(keys) and keys[i + vm[0]] == "و"):
        return None
    cs = _sentence_start(text, b_start, scan.starts[i])
    for q in range(i - 3, max(-1, i - 20), -1):
        if scan.starts[q] < cs:
            return None
        if keys[q] == "به" and keys[q + 1] in _VERDICTS and keys[q + 2] == "از" and not inside(scan.starts[q]):
            return Statement("reported", scan.starts[q], ve, scan.span_text(i, i + vm[0]), (cs, scan.starts[q]),
                             scan.starts[i])
    return None


#: «به مسئولان قول مساعدت … را داد», «وعده بازگشایی انجمن را به روزنامه‌نگاران کشور داد»: a promise, its object
#: between the noun and the verb
_GAVE = {L.key(w): w for w in ("داد", "دادند", "داده است", "داده‌اند", "داده بود", "داده بودند", "می‌دهد", "می‌دهند")}
_PROMISES = {L.key(w) for w in ("قول", "وعده")}
_AND_BUT = {L.key(w) for w in ("و", "اما", "ولی")}
register(_GAVE)


def _promised(scan: Scan, i: int, b_start: int, inside: Callable[[int], bool]) -> Statement | None:
    """«قول / وعده NP را … داد» with the verb at token ``i``: the promise, from the noun to the verb, as a reported
    statement (the noun right before the verb — «قول داد …» — is a verb of saying, found elsewhere)."""
    vm = scan.match(i, _GAVE, 3)
    if vm is None:
        return None
    keys, text = scan.keys, scan.text
    ve, j = scan.ends[i + vm[0] - 1], i + vm[0]
    if text[ve : ve + 1] not in (".", "", "\n") and not (j < len(keys) and keys[j] in _AND_BUT):
        return None  # «بازیکنی که باشگاه به او قول … را داده بود، …»: the verb closes a relative clause
    cs = _sentence_start(text, b_start, scan.starts[i])
    ra = None
    for q in range(i - 1, max(-1, i - 25), -1):
        if scan.starts[q] < cs or keys[q] in ("که", "و") and ra is None:
            return None  # «… که به او قول داده بودند»: the promise's clause is not this verb's
        if keys[q] == "را" and ra is None:
            ra = q
        if keys[q] in _PROMISES and ra is not None and ra - q >= 2 and not inside(scan.starts[q]):
            return Statement("reported", scan.starts[q], scan.ends[i + vm[0] - 1], scan.span_text(i, i + vm[0]),
                             (cs, scan.starts[q]), scan.starts[i])
    return None


_CLAUSE_OPENERS = {L.key(w) for w in ("و", "که", "اما", "ولی", "همچنین", "نیز", "هم", "حالیکه", "درحالیکه")} | _THAT


def _plain_passive(scan: Scan, i: int, b_end: int) -> Statement | None:
    """«گفته می‌شود X …» at token ``i``: the passive, then its content (not «که …», a colon or «»: other steps
    take those), as a speakerless indirect statement."""
    pm = scan.match(i, _PASSIVE_PLAIN, 4)
    if pm is None or i + pm[0] >= len(scan.tokens):
        return None
    text, j = scan.text, i + pm[0]
    gap = text[scan.ends[j - 1] : scan.starts[j]]
    if gap.strip(" \u200c،") or scan.keys[j] in ("که", "و", "را", "تا") or scan.block_of[j] != scan.block_of[i]:
        return None
    if not pm[1].endswith(("است", "شود", "شد")) and i > 0 and scan.keys[i - 1] not in _CLAUSE_OPENERS \
            and not _CLAUSE_BREAK.search(text, scan.ends[i - 1], scan.starts[i]):
        return None  # «مطالب گفته شده در جلسه …»: a participle
    s, e = _trim(text, scan.starts[j], _clause_cut(text, scan.starts[j], _content_end(text, scan.starts[j], b_end)))
    if e - s <= 10 or len(text[s:e].split()) < 3:
        return None
    st = Statement("indirect", s, e, scan.span_text(i, j), (scan.starts[i], scan.starts[i]), scan.starts[i])
    st.passive = True
    return st


class _Covered:
    """Character ranges already inside a statement (``inside`` is one lookup)."""

    def __init__(self, n: int) -> None:
        self.mask = bytearray(n + 1)

    def append(self, span: tuple[int, int]) -> None:
        s, e = span
        self.mask[s:e] = b"\x01" * max(0, e - s)

    def inside(self, pos: int) -> bool:
        return bool(self.mask[pos])


def _block_index(body: list, pos: int) -> int:
    lo, hi = 0, len(body)
    while lo < hi:
        mid = (lo + hi) // 2
        if body[mid].end <= pos:
            lo = mid + 1
        else:
            hi = mid
    return min(lo, max(0, len(body) - 1))


def _start(m: Mention) -> int:
    return m.start


def _named_in_dateline(scan: Scan, mentions: list[Mention], lo: int, cut: int) -> list[Mention]:
    """«به گزارش فارس جرج بوش در سخنان روز پنجشنبه خود … بدون در اختیار داشتن مدرکی، ایران را … متهم کرد»: a
    dateline with no comma of its own runs on into the sentence; a person named right after the source (one to
    three words after «به گزارش», not «به نقل از NAME») opens the clause."""
    t_lo = bisect_left(scan.starts, lo)
    for x in mentions:
        if x.start >= cut:
            break
        if x.start <= lo or x.kind != "name" or x.t0 - t_lo > 5 or x.t0 - t_lo < 3 \
                or not scan.text[x.end : cut].strip(" ،,") \
                or scan.keys[x.t0 - 1] in _REPORTED_BY or scan.keys[x.t0 - 1] == "از" \
                or _GAP_BREAK.search(scan.text, scan.ends[x.t0 - 1], x.start):
            continue
        return [x]
    return []


def _subject(scan: Scan, mentions: list[Mention], lo: int, hi: int) -> Mention | None:
    """The mention that is the grammatical subject of the clause ``[lo, hi)``."""
    text = scan.text
    m = _DATELINE.match(text[lo:hi])
    if m:
        cut = lo + m.end()
        # «به گزارش "ورزش سه" و به نقل از ایسنا علی اکبر طاهری، درباره … اظهار کرد»: a name that ends the
        # dateline at its comma opens the clause, when the source before it is one or two words (not «به نقل از
        # روابط عمومی پایگاه هوایی شهید بابایی،»: an institution's namesake)
        named = [x for x in mentions if lo < x.start and x.end <= cut and x.kind == "name"
                 and not text[x.end : cut].strip(" ،,") and scan.keys[x.t0 - 1] not in _REPORTED_BY
                 and any(scan.keys[q] in _REPORTED_BY or scan.keys[q] == "از" for q in range(max(0, x.t0 - 3), x.t0 - 1))]
        if not named:
            named = _named_in_dateline(scan, mentions, lo, cut)
        lo = named[-1].start if named else cut
    colon = max(text.rfind(":", lo, hi), text.rfind("：", lo, hi))
    if colon >= 0:  # «خبرگزاری فارس: رئیس اداره … گفت»: the dateline is not the subject
        lo = colon + 1
    semi = text.rfind("؛", lo, hi)
    if semi >= 0 and text.count("«", semi, hi) == text.count("»", semi, hi):
        lo = semi + 1  # «… به شمار می‌آید ؛ البته ترامپ و مشاوران وی … عنوان کرده‌اند»: a new clause
    best: tuple[int, Mention] | None = None
    first = bisect_left(mentions, lo, key=_start)  # mentions are in text order
    for men in mentions[first:]:
        if men.start >= hi:
            break
        if not (lo <= men.start < hi) or men.kind == "role-bound" and best is not None:
            continue
        prev = _token_before(scan, men.start)
        if men.kind in ("org", "role") and prev is not None and scan.keys[prev] in _REPORTED_BY \
                and (men.kind == "org" or not text[scan.ends[prev] : men.start].strip()):
            continue  # «به گزارش خبرگزاری فارس / خبرنگار فارس از بجنورد محمد علی شجاعی …»: who reports does not speak
        if men.kind == "org" and _SOURCE_BEFORE.search(text, lo, men.start) is not None:
            continue  # «به نقل از روابط عمومی شرکت نمایشگاه‌ها … نجفی مدیرعامل … گفت»: the source, not the subject
        if prev is not None and men.kind.startswith("role") and scan.keys[prev] in _THIS \
                and scan.ends[prev] > lo:
            prev = prev - 1 if prev > 0 else None  # «این افسر سابق اطلاعاتی تصریح کرد»: «این» opens the subject
        rank = 3
        if prev is None or scan.ends[prev] <= lo:
            rank = 1
        else:
            gap = text[scan.ends[prev] : men.start]
            pk = scan.keys[prev]
            if _GAP_BREAK.search(gap):
                rank = 1
            elif pk in _QUANT or pk == "از" and prev > 0 and scan.keys[prev - 1] in _QUANT:
                rank = 1  # «برخی اقتصاددانان معتقدند», «برخی از پژوهشگران دانشگاهی … می‌دانند»
            elif pk in _WE and men.kind == "role" and scan.keys[men.t0].endswith(("ان", "ها")) \
                    and (men.t1 >= len(scan.keys) or scan.keys[men.t1] != "را"):
                rank = 1  # «ما نمایندگان هم گفتیم …», «ما جامعه شناسان معتقدیم …»: the writer's group
            elif (pk in L.OBJECT_MARKERS or pk in L.FUNCTION) and prev > 0 and scan.keys[prev - 1] in _THIS \
                    and pk not in _THIS:
                rank = 1  # «در این دیدار حاج حسین نامور …», «در همین حال رییس سازمان …»: after a setting
            elif pk in L.OBJECT_MARKERS:
                rank = 9
            elif pk in L.CLAUSE_VERBS or pk in _ADVERBS or pk in L.speech_verbs() or pk in _CONCESSIVE \
                    or pk == "چه" and prev > 0 and scan.keys[prev - 1] in ("اگر", "گر"):
                rank = 1  # «اگر چه گروهی بر این باورند …»: a conjunction opens the clause
            elif pk == "که" or pk == "و":  # «… رسیده است و وزارت بهداشت اعلام کرده …»
                rank = 2
            elif pk in L.FUNCTION:
                rank = 9
        if rank < 9 and (best is None or rank < best[0]):
            best = (rank, men)
            if rank == 1:
                break
    return best[1] if best else None


def resolve(scan: Scan, statements: list[Statement], mentions: list[Mention], quotes_only: bool = False) -> None:
    """Give each statement its speaker mention and person, in text order (pronouns need the one before)."""
    _SCAN[:] = [scan]
    _ALL[:] = mentions
    last: Person | None = None
    last_name: str | None = None
    last_end = 0
    group: str | None = None  # the last group that spoke, and where
    group_end = -1
    persons_before = [m for m in mentions if m.person is not None]
    ats = [st.at for st in statements]
    by_at = all(map(le, ats, ats[1:]))  # (as find_statements returns them): _nested reads only those said before
    for st in statements:
        if st.passive:
            st.speaker = None
            continue
        if st.kind == "indirect" and st.speaker is not None and not st.inherit:
            lo, hi = st.clause
            men = [m for m in mentions if lo <= m.start < hi]
            if men:
                st.mention = men[0]
                _bind(st, men[0], last, persons_before, last_name)
                if st.speaker is not None:  # «به گفته معاون وزیر، … . وی همچنین گفت …»
                    last, last_name = st.person, st.speaker
                    last_end = max(last_end, st.end, st.at)
            continue
        lo, hi = st.clause
        men = _subject(scan, mentions, lo, hi)
        if men is None and not scan.text[lo:hi].strip():
            # «او در پاسخ به این سوال که آیا …؟ گفت: …»: a verb cannot open a sentence; its subject is before
            # the question mark
            p = lo - 1
            while p > 0 and scan.text[p].isspace():
                p -= 1
            if p > 0 and scan.text[p] in "؟?":
                lo2 = _sentence_start(scan.text, max(0, p - 600), p)
                # «وی … در پاسخ به سوال خبرنگاری که گفت: آیا … البرادعی …؟ اظهار داشت: …»: the question is the
                # reporter's; the subject stands before the colon that opens it
                asked = max(scan.text.rfind(":", lo2, p), scan.text.rfind("：", lo2, p))
                men = _subject(scan, mentions, lo2, asked if asked > lo2 else p)
        if men is None:
            titled = _this_title(scan, mentions, lo, hi)
            if titled is not None:  # «این شاهزاده سعودی … گفته است که …»: the one last named with that title
                st.person, st.speaker = titled, titled.name
                last, last_name = titled, titled.name
                last_end = max(last_end, st.end, st.at)
                continue
            outlet = _this_outlet(scan, mentions, statements, lo, hi)
            if outlet is not None:  # «این خبرگزاری با اشاره به … نوشت»: the agency named before
                st.speaker = outlet
                group, group_end = outlet, max(st.end, st.at)
                continue
            men = _bare_subject(scan, lo, hi)
            named = next((m for m in mentions if men is not None and m.kind == "name" and m.person is not None
                          and m.t0 == men.t0 and m.t1 == men.t1), None)
            if named is not None:
                men = named  # «حال لاورن مدعی شد …»: the one word is a person's surname, bound as a name
            elif men is not None:  # «کتابداران در بخشی از این قطعنامه گفتند», «ترکیه اعلام کرد»: a group or a country
                st.mention = men
                st.speaker = men.text
                group, group_end = men.text, max(st.end, st.at)  # «آن‌ها همچنین گفتند …», not «وی / او»
                continue
        if men is None:
            if st.inherit and last_name is not None:
                st.person, st.speaker = last, last_name
                last_end = max(last_end, st.end, st.at)
            continue
        st.mention = men
        if men.kind == "pronoun" and scan.keys[men.t0] in _THEY and (group is None or group_end < last_end):
            they = _they_antecedent(scan, men)
            if they is not None:  # «فرانکفورتی‌ها نیز واکنشی منفی … نشان داده‌اند. آنها معتقدند که …»
                group, group_end = they.text, st.at
        if men.kind == "pronoun" and group is not None and group_end >= last_end and scan.keys[men.t0] in _THEY:
            st.speaker = group
            group_end = max(group_end, st.end, st.at)
            continue
        if men.kind == "pronoun" and not _continues(st):
            # «رییس پلیس راهور امروز در جلسه حاضر شد. وی گفت …»: the subject of a sentence since the last
            # statement, not the last person named
            subj = _intervening_subject(scan, mentions, statements, last_end, men.start)
            if subj is not None:
                last, last_name = subj.person, (subj.person.name if subj.person else subj.text)
        _bind(st, men, last, persons_before, last_name)
        if st.speaker is not None and st.person is None and men.kind == "role" \
                and _head(men.text) in _GROUPS:
            group, group_end = st.speaker, max(st.end, st.at)  # «کارشناسان … گفتند»: no «وی» after it
        elif st.speaker is not None and not _nested(st, statements[: bisect_left(ats, st.at)] if by_at else statements):
            last, last_name = st.person, st.speaker
            last_end = max(last_end, st.end, st.at)


_PLURAL_VERB_END = re.compile(r"(?:ند|اند)$")


def _they_antecedent(scan: Scan, men: Mention) -> Mention | None:
    """«فرانکفورتی‌ها نیز واکنشی منفی به اعلام … نشان داده‌اند. آنها معتقدند که …»: «آنها» opening a sentence
    points back to the plural group that is the subject of the sentence before (a bare plural noun or collective,
    the one :func:`_bare_subject` reads, its verb plural), not to the last person named."""
    text = scan.text
    start = _sentence_start(text, max(0, men.start - 600), men.start)
    if text[start : men.start].strip(" \u200c«\"") or men.t0 == 0:
        return None
    prev_end = scan.ends[men.t0 - 1]  # the last word of the sentence before: its verb
    if not _PLURAL_VERB_END.search(scan.keys[men.t0 - 1]) or text[prev_end : men.start].strip() not in (".", "!"):
        return None
    prev_start = _sentence_start(text, max(0, prev_end - 600), prev_end - 1)
    return _bare_subject(scan, prev_start, prev_end)


_TALK_WITH = re.compile(r"(?:گفت[\s\u200c]*و[\s\u200c]*گو|گفتگو|مصاحبه)(?:یی|ی|ای)?\s+(?:[^\s]+\s+){0,2}?با\s+")


def interviewer(scan: Scan, statements: list[Statement], mentions: list[Mention]) -> None:
    """The questions of a printed interview are the interviewer's: the one the interviewed person «… گفت و گویی با
    فردوسی پور … انجام داد» with, named before the first question; the outlet's reporter when the report says
    only «در گفت‌وگو با خبرنگار فارس». Not the one who answers («در گفت‌وگویی کوتاه با علی‌اکبر ضیائی استاد
    دانشگاه …»: someone who speaks elsewhere or whom the lead names). Unresolved (None) otherwise."""
    asks = [st for st in statements if st.question]
    if not asks:
        return
    text = scan.text
    who: Mention | None = None
    for m in _TALK_WITH.finditer(text, 0, asks[0].start):
        who = next((x for x in mentions if x.start == m.end() and x.kind in ("name", "role")), None) or who
    if who is None:
        return
    p = who.person
    if p is not None and (any(st.person is p for st in statements if not st.question) or any(
            x.person is p and scan.blocks and scan.blocks[scan.block_of[x.t0]].kind == "lead" for x in mentions)):
        return  # «در گفت‌وگویی کوتاه با علی‌اکبر ضیائی استاد دانشگاه …»: the one interviewed (the lead's speaker)
    for st in asks:
        st.mention, st.person = who, who.person
        st.speaker = who.person.name if who.person is not None else who.text


def relayed_speakers(statements: list[Statement], mentions: list[Mention]) -> None:
    """«خبرگزاری امارات … گزارش داد: آیت الله خامنه‌ای خواستار تحریم … شدند», «به نوشته پایگاه بلومبرگ، یک مقام
    ارشد دولت جانسون … اعلام کرد …»: an outlet that relays someone's words is the channel, not the speaker. When
    the statement an outlet (or no one) was given opens with its own subject — a name or a role — followed in the
    same sentence by a verb of saying, asking or judging, the statement is that subject's."""
    scan = _SCAN[0] if _SCAN else None
    if scan is None:
        return
    text = scan.text
    tables = (L.speech_verbs(), L.OPINION, L.stance_verbs(), _REQUEST)
    for st in statements:
        m0 = st.mention
        if st.person is not None or st.passive or m0 is not None and m0.kind not in ("org", "group") \
                or st.speaker is None and m0 is None or not _REPORTING.search(st.verb):
            continue  # only what is reported or written («گزارش داد», «به نوشته …»), not an org's «اضافه کرد»
        s = st.start
        while s < st.end and text[s] in " «\u200c":
            s += 1
        e = _sentence_end(text, s, st.end)
        t0, t1 = bisect_left(scan.starts, s), bisect_left(scan.starts, e)
        verb = next((q for q in range(t0 + 1, t1) if any(scan.may(q, tb) and scan.match(q, tb, 4) for tb in tables)),
                    None)
        if verb is None:
            continue
        men = _subject(scan, mentions, s, scan.starts[verb])
        if men is None or men.kind not in ("name", "role") or _quoted_at(text, s, men.start) \
                or len(text[s : men.start].split()) > 2:
            continue  # the subject opens the relayed sentence (a title or a time word before it at most)
        st.mention = men
        if men.person is not None:
            st.person, st.speaker = men.person, men.person.name
        else:
            st.speaker = men.text


#: «خواستار … شد»: a request, the verb of the relayed «… خواستار تحریم کنفرانس شدند»
_REQUEST = {L.key("خواستار"): "خواستار شد"}
#: verbs of an outlet reporting or writing
_REPORTING = re.compile(r"گزارش|نوشت|نقل")


def _nested(st: Statement, statements: list[Statement]) -> bool:
    """Is ``st`` said inside another's words («وی افزود: … به همین دلیل بوش … اعلام کرد که …»)? The one quoted
    within a quote is not who the report's next «وی گفت» is about."""
    text = _SCAN[0].text if _SCAN else ""
    at, lo = st.at, st.clause[0]
    for o in statements:
        if o.kind == "reported" or o.at >= at or o.start > lo:
            continue
        if at < o.end:
            return True
        # «وی افزود: … نیاورده بودند. به همین دلیل بوش … اعلام کرد که …»: words after a colon run to the end of
        # their paragraph, whatever the statement finder cut (a new «X گفت: …» is the report's own turn)
        if text and o.kind == "direct" and st.kind != "direct" and o.end <= lo and text.find("\n", o.start, at) < 0 \
                and text.find(":", o.at, o.start) >= 0 and text.find("«", o.end, lo) < 0:
            return True
    return False


#: verbs that go on with the speaker of the statement before («وی افزود», «او ادامه داد»)
_CONTINUE = {"افزود", "ادامه داد", "اضافه کرد"}


def _continues(st: Statement) -> bool:
    return L.speech_verbs().get(L.key(st.verb)) in _CONTINUE


def _intervening_subject(scan: Scan, mentions: list[Mention], statements: list[Statement], after: int,
                         at: int) -> Mention | None:
    """The name or role that opens the last sentence between ``after`` (the end of the last statement) and the
    sentence at ``at`` (of a pronoun or a dropped subject), outside statements and «…»; None when there is none
    (or it is a pronoun)."""
    text = scan.text
    t = min(bisect_left(scan.starts, at), len(scan.starts) - 1)
    b = scan.blocks[scan.block_of[t]] if scan.blocks and t >= 0 else None
    ps = _sentence_start(text, b.start if b else 0, at)
    if ps <= after:
        return None
    spans = [(x.start, x.end) for x in statements]
    cut = [after] + [m.end() for m in _SENT_END.finditer(text, after, ps)]
    for n in range(len(cut) - 1, -1, -1):
        ss = cut[n]
        se = cut[n + 1] if n + 1 < len(cut) else ps
        while ss < se and text[ss].isspace():
            ss += 1
        if se - ss < 8 or any(a <= ss < e for a, e in spans):
            continue
        men = _subject(scan, mentions, ss, se)
        if men is None:
            continue
        if men.kind not in ("name", "role") or _quoted_at(text, ss, men.start) \
                or men.kind == "role" and (_after_this(men, mentions)
                                           or men.person is None and _head(men.text) in _EPITHETS
                                           or men.person is None and men.start == ss
                                           and "\n" in text[after:ss] and not text[after:ss].strip(" \n.»«")):
            # a pronoun, «این مسئول …», «ستاره سابق اینتر», or a role opening the paragraph right after the last
            # statement («… عنوان کرد. ⏎ فرمانده سابق پایگاه … پرداخت. ⏎ وی …»): the one spoken of before
            return None
        k = bisect_left(scan.starts, ss)
        while k < men.t0 and scan.keys[k] in _ADVERBS:
            k += 1
        return men if men.t0 - k <= 1 or text[ss:men.start].count("،") else None
    return None


def _head(text: str) -> str:
    """The key of the first word of a role or mention («سرمربی» of «سرمربی تیم ملی»); "" for an empty text."""
    words = text.split()
    return L.key(words[0]) if words else ""


def _holds_head(p: Person, head: str) -> bool:
    """Does ``p`` hold a role whose first word is ``head``?"""
    return any(_head(r) == head for r in p.roles)


def _same_role(a: str | None, b: str | None) -> bool:
    """One role however it is spaced («مدیرعامل شرکت برق» / «مدیر عامل شرکت برق»): the same key."""
    return a is not None and b is not None and (a == b or L.key(a) == L.key(b))


def _quoted_at(text: str, lo: int, pos: int) -> bool:
    """Is ``pos`` inside «…» opened after ``lo``? A name written in guillemets («پائولو اتوری» سرمربی …) is not."""
    q = pos
    while q > lo and text[q - 1] in " \u200c":
        q -= 1
    if q > lo and text[q - 1] in "«“":
        q -= 1
    return text.count("«", lo, q) != text.count("»", lo, q)


def _give_role(p: Person, role: str, statements: list[Statement], mentions: list[Mention]) -> None:
    """``role`` (which nobody held) is ``p``'s: it joins their roles and mentions, and the statements and role
    mentions left unresolved under it become theirs."""
    p.add(p.roles, role)
    p.add(p.mentions, role)
    for other in statements:
        if other.person is None and _same_role(other.speaker, role):
            other.person, other.speaker = p, p.name
    for men in mentions:
        if men.kind == "role" and men.person is None and _same_role(men.text, role):
            men.person = p


def _roles_agree(role: str, roles: list[str]) -> bool:
    """«بازیکن تیم ملی والیبال لهستان» and «ملی‌پوش والیبال لهستان»: two roles sharing two words or more (the
    same office in other words)."""
    words = {L.key(w) for w in role.split()} - L.FUNCTION
    return any(len(words & ({L.key(w) for w in r.split()} - L.FUNCTION)) >= 2 for r in roles)


#: words a repeat of a role may add or drop and still name the same office («… اتاق بازرگانی استان اردبیل»)
_ROLE_FILLER = {L.key(w) for w in ("استان", "شهرستان", "کشور", "شهر")}


def _role_words(role: str) -> set[str]:
    return {L.key(w) for w in role.split()} - L.FUNCTION - _ROLE_FILLER


def _held_by_other(role: str, p: Person, mentions: list[Mention]) -> bool:
    """Does someone other than ``p`` already hold ``role`` in the article — written the same, or as the start of
    a longer role phrase («فرماندار مسجدسلیمان» and «فرماندار مسجدسلیمان خواستار …»), or with the same words up
    to «استان / شهرستان» («رئیس کمیسیون کشاورزی اتاق بازرگانی اردبیل»)? A role repeated in a report is the
    office of the one introduced with it, not of the next person named."""
    words = _role_words(role)
    if not words:
        return False
    head = _head(role)
    seen: set[int] = set()
    for m in mentions:
        q = m.person
        if q is None or q is p or id(q) in seen:
            continue
        seen.add(id(q))
        for r in q.roles:
            if _head(r) == head and words <= _role_words(r):
                return True
    return False


def alias_roles(statements: list[Statement], mentions: list[Mention]) -> None:
    """«رییس سازمان X گفته … . علیرضا جمشیدی … افزوده»: a report names by role first, then by name.

    When a statement's speaker is a role nobody in the article holds and the next statement's speaker is a
    person first named there (without a role of their own), the role is theirs: earlier statements by that
    role (and pronouns that followed them) get the name.
    """
    for n, st in enumerate(statements):
        if st.person is not None or st.speaker is None or st.mention is None or st.mention.kind != "role":
            continue
        role = st.speaker
        if _head(role) in _GROUPS:
            continue  # «عده‌ای», «کارشناسان»: a group is not the next person named
        for nxt in statements[n + 1 :]:
            if nxt.person is None and _same_role(nxt.speaker, role) or nxt.mention is not None and nxt.mention.kind == "group":
                continue
            p, m = nxt.person, nxt.mention
            first = _first_in_body(p, mentions) if p is not None else 0
            scan = _SCAN[0] if _SCAN else None
            if p is not None and m is not None and m.kind == "name" and (not p.roles or _roles_agree(role, p.roles)) \
                    and first >= st.at - 200 \
                    and first >= (st.mention.start if st.mention else 0) \
                    and not (scan is not None and _introduces_new(scan, m)) \
                    and not _held_by_other(role, p, mentions):  # «علی احمدی نیز گفت»: someone else
                _give_role(p, role, statements, mentions)
            break


def alias_roles_forward(statements: list[Statement], mentions: list[Mention]) -> None:
    """«معاون درمان وزیر بهداشت … گفته «…». … محمد آقاجانی همچنین …»: a role nobody holds, then, before anyone
    else speaks, the first naming of a person who has no role (not as an object, not brought in with «نیز / هم»,
    outside quotes): the role is that person's.  :func:`alias_roles` covers the case where that person speaks next;
    this one the case where the report names them in passing («بر اساس آماری که محمد شریفی‌مقدم ارایه کرده»)."""
    scan = _SCAN[0] if _SCAN else None
    if scan is None:
        return
    keys = scan.keys
    inside = [(o.start, o.end) for o in statements]
    speaking = {id(o.mention) for o in statements if o.mention is not None}
    for n, st in enumerate(statements):
        m = st.mention
        if st.person is not None or m is None or m.kind != "role" or st.speaker != m.text \
                or _head(m.text) in _GROUPS or _after_this(m, _ALL):
            continue
        # up to the next statement of someone else, and no further than a paragraph's length
        stop = min(st.end + 400, len(scan.text))
        for o in statements[n + 1 :]:
            if not _same_role(o.speaker, st.speaker):
                stop = min(stop, o.clause[0] if o.clause[0] > st.end else o.start)
                break
        for x in mentions:
            if x.start < max(m.end, st.end) or x.start >= stop:
                continue
            if any(a <= x.start < b for a, b in inside) or x.kind in ("pronoun", "org") \
                    or x.kind != "name" and id(x) not in speaking:
                continue  # a role that says nothing here («یکی از مشکلات …») is no one new
            if x.kind != "name" or x.person is None:
                break  # someone else, or a role, comes first
            p = x.person
            opens = x.t0 == 0 or keys[x.t0 - 1] in _OPENS_CLAUSE \
                or _CLAUSE_BREAK.search(scan.text, scan.ends[x.t0 - 1], x.start) is not None
            if p.roles or _first_in_body(p, mentions) != x.start or _introduces_new(scan, x) or not opens:
                break  # «… در سه دوره آقای خاتمی ، احمدی نژاد و روحانی»: named in passing, not as an agent
            _give_role(p, m.text, statements, mentions)  # st.speaker is m.text (checked above)
            break


def lead_role_holder(statements: list[Statement], mentions: list[Mention]) -> None:
    """«سخنگوی نمایندگی ایران در سازمان ملل … گفت که …» in the lead, then «علیرضا میریوسفی سخنگوی هیئت ایران …» in
    the body: a report's lead names its main speaker by role and the body names them. A role nobody holds that
    speaks in the lead is the first person named in the body with a role of the same head («سخنگوی»), when that
    person is the first such holder (not a group, «یکی از …» or «این …»)."""
    scan = _SCAN[0] if _SCAN else None
    if scan is None or not scan.blocks:
        return
    _lead_subject_unread(scan, statements, mentions)
    for st in statements:
        m = st.mention
        if st.person is not None or m is None or m.kind != "role" or not _same_role(st.speaker, m.text) \
                or scan.blocks[scan.block_of[m.t0]].kind != "lead" or _head(m.text) in _GROUPS \
                or scan.keys[m.t0] == "یکی" or _after_this(m, mentions):
            continue
        head = _head(m.text)
        lead_end = scan.blocks[scan.block_of[m.t0]].end
        opener = _dateline_speaker(scan, statements, lead_end)
        lead_start = scan.blocks[scan.block_of[m.t0]].start
        others = {_head(x.text) for x in mentions if x is not m and x.kind.startswith("role")
                  and lead_start <= x.start < lead_end}
        if opener is not None and not _places_differ(m.text, opener.roles) \
                and not _held_by_other(m.text, opener, mentions) \
                and not any(_head(r) in others for r in opener.roles):
            # (not when the lead names the opener's office too: «وزیر خارجه ایتالیا در دیدار با دبیر شورای عالی
            # امنیت ملی … گفت» ⏎ «به گزارش …، حسن روحانی دبیر شورای عالی امنیت ملی …»: the other party)
            # «نماینده مجلس گفت: …» ⏎ «به گزارش خبرگزاری فارس، مهدی عیسی زاده عضو کمیسیون اجتماعی مجلس … یادآور
            # شد: …»: the body's first sentence names the lead's speaker, whatever other role it gives them
            _give_role(opener, m.text, statements, mentions)
            continue
        for x in mentions:
            p = x.person
            if x.start < lead_end or x.kind != "name" or p is None \
                    or not _holds_head(p, head):
                continue
            if _first_in_body(p, mentions) >= lead_end and not _places_differ(m.text, p.roles):
                # not someone the title or lead named before, nor the coach of another country
                _give_role(p, m.text, statements, mentions)
            break


def _lead_subject_unread(scan: Scan, statements: list[Statement], mentions: list[Mention]) -> None:
    """«محقق مرکز «گلوبال ریسرچ» در مصاحبه با فارس عنوان کرد که …» in the lead, a subject none of the lexicons
    reads, then «به گزارش …، «استفان لندمن» …» opening the body: the lead's statement is the opener's (when the
    lead names no role or person of its own that could be someone else)."""
    for st in statements:
        if st.speaker is not None or st.mention is not None or st.passive or st.kind == "reported":
            continue
        lo, hi = st.clause
        t = bisect_left(scan.starts, lo)
        if t >= len(scan.keys) or scan.blocks[scan.block_of[t]].kind != "lead" \
                or len(scan.text[lo:hi].split()) < 2:
            continue
        b = scan.blocks[scan.block_of[t]]
        if any(b.start <= x.start < b.end and x.kind in ("name", "role", "org") for x in mentions):
            continue
        opener = _dateline_speaker(scan, statements, b.end)
        if opener is not None:
            st.person, st.speaker = opener, opener.name


def _dateline_speaker(scan: Scan, statements: list[Statement], lead_end: int) -> Person | None:
    """The person who speaks first in the body when the body opens «به گزارش …، NAME …» and NAME is the first
    statement's subject, first named there (not in the title or lead)."""
    first = min((o for o in statements if o.at >= lead_end), key=lambda o: o.at, default=None)
    if first is None or first.person is None or first.mention is None or first.mention.kind != "name":
        return None
    b = scan.blocks[scan.block_of[first.mention.t0]]
    d = _DATELINE.match(scan.text, b.start, first.mention.start)
    opens = d.end() if d is not None else b.start  # «به گزارش …، NAME …» or the paragraph opening «NAME …»
    if b.start < lead_end or scan.text[opens : first.mention.start].strip(" \u200c«»\"") \
            or _first_in_body(first.person, _ALL) < first.mention.start:
        return None
    return first.person


def _places_differ(role: str, roles: list[str]) -> bool:
    """«سرمربی تیم فوتبال نوجوانان کره‌جنوبی» and «سرمربی تیم ملی ازبکستان»: both roles name places, none shared."""
    places = L.sure_places()
    mine = {L.key(w) for w in role.split()} & places.keys()
    theirs = {L.key(w) for r in roles for w in r.split()} & places.keys()
    return bool(mine and theirs and not mine & theirs)


def role_of_previous_speaker(statements: list[Statement], mentions: list[Mention]) -> None:
    """«غلامعلی حداد عادل … گفت: … وی افزود: … رئیس مجلس شورای اسلامی گفت: …»: a role nobody holds, right
    after statements of a person who has no role of their own, is that person's — unless the clause brings the
    role in as someone new («معاون استاندار نیز گفت»)."""
    scan = _SCAN[0] if _SCAN else None
    prev: Statement | None = None
    headline = _headline_person(mentions)
    for st in statements:
        m = st.mention
        if m is not None and m.kind == "pronoun" and st.person is None and st.speaker and headline is not None \
                and prev is not None and prev.person is headline:
            # «حسن‌زاده: …» ⏎ «از بازیکن سابق ذوب آهن … پرسیدیم … که او … پاسخ داد»: the role the pronoun was
            # resolved to, in a report of one person's words
            m = next((x for x in reversed(mentions) if x.kind == "role" and x.person is None and x.start < m.start
                      and x.text == st.speaker), None)
        if (st.person is None and m is not None and m.kind == "role" and st.speaker == m.text and prev is not None
                and prev.person is not None and scan is not None
                and (not prev.person.roles or _next_colon_turn(scan, prev, st)
                     or _next_turn(scan, prev, st) and _one_speaker_so_far(statements, st, prev.person)
                     or _sole_head_holder(m.text, prev.person, mentions)
                     # «حسن‌زاده: فقط در ایران …» as the title: the report is that person's words
                     or prev.person is headline and not prev.person.roles and not _after_this(m, mentions))
                and _head(m.text) not in _GROUPS and not _introduces_new(scan, m)
                and not any(x.kind == "name" and prev.at < x.start < m.start and x.person is not prev.person
                            and not any(o.start <= x.start < o.end for o in statements)  # not one quoted
                            for x in mentions)
                # «… دو فعال اصولگرا، یکی در قامت نامزد ریاست جمهوری …. نامزد محترم ریاست جمهوری … اظهار
                # داشتند»: a role brought in between the two as someone new is not the previous speaker's
                and not any(x.kind == "role" and max(prev.at, prev.end) < x.start < m.start and x.text.split()[0] == m.text.split()[0]
                            for x in mentions)):
            p = prev.person
            p.add(p.roles, m.text)
            p.add(p.mentions, m.text)
            role = st.speaker
            for other in statements:
                if other.person is None and _same_role(other.speaker, role):
                    other.person, other.speaker = p, p.name
            m.person = p
        if st.person is not None or st.speaker is None:
            prev = st if st.person is not None else prev
        else:
            prev = None  # an unresolved role or group spoke in between


def _sole_head_holder(role: str, p: Person, mentions: list[Mention]) -> bool:
    """«امیرقلعه نویی سرمربی طلایی پوشان … گفت … سرمربی سپاهان توضیح داد»: ``p`` holds a role with the head of
    ``role`` («سرمربی») and nobody else in the article does — a report varies how it names its one coach."""
    head = _head(role)
    if not _holds_head(p, head):
        return False
    return not any(m.person is not None and m.person is not p and _holds_head(m.person, head) for m in mentions)


def _next_colon_turn(scan: Scan, prev: Statement, st: Statement) -> bool:
    """«… . ⏎ عضو مجلس خبرگان رهبری خاطرنشان کرد: …» right after the previous statement: a news report goes on
    quoting one official under another of their roles (a report on several officials names each before or
    after their words, and tells what was said earlier with «گفته بود / ادعا کرده بود …»)."""
    text = scan.text
    gap = text[max(prev.end, prev.at) : st.clause[0]]
    if prev.end - prev.start < 60 or text[st.clause[0] : st.clause[0] + 1] in _BULLETS:
        return False  # a list of headlines («- معاون وزیر بازرگانی: نان گران می‌شود»), not a report's turns
    return st.kind == "direct" and not gap.strip(" \n.»") and text[st.at : st.start].lstrip().startswith(
        tuple(st.verb.split()[:1])) and ":" in text[st.at : st.start]


def _next_turn(scan: Scan, prev: Statement, st: Statement) -> bool:
    """«وی افزود: … . ⏎ نامزد ائتلاف اکثریت اصولگرایان با تاکید بر اینکه … بیان داشت: …»: the statement right
    after the previous one, nothing written between them, its role opening the sentence — a report going on
    quoting its one speaker under another of their titles."""
    m = st.mention
    if m is None or prev.end - prev.start < 40:
        return False
    text = scan.text
    if text[max(prev.end, prev.at) : st.clause[0]].strip(" \n.»«\u200c") or "\n" not in text[prev.end : st.clause[0]]:
        return False  # a paragraph of its own («… گفته «…». مدیرکل محیط زیست … ، in one paragraph: someone new)
    return st.clause[0] == m.start or not text[st.clause[0] : m.start].strip(" \u200c")


def _one_speaker_so_far(statements: list[Statement], st: Statement, p: Person) -> bool:
    """Has ``p`` been the only named speaker before ``st``? (A report on several officials — «ژنرال محمد ظهیر
    عظیمی … نیز گفت … ⏎ رئیس پلیس کابل گفت …» — brings in each new one by role.)"""
    return all(o.person is None or o.person is p for o in statements if o.at < st.at)


def _introduces_new(scan: Scan, m: Mention) -> bool:
    """«… نیز / هم گفت», «یکی از …», or a role after «در این جلسه»: someone new speaks."""
    keys = scan.keys
    after = keys[m.t1 : m.t1 + 6]
    return any(k in ("نیز", "هم") for k in after[:3]) or m.t0 > 0 and keys[m.t0 - 1] in ("و", "نیز")


def _first_in_body(p: Person, mentions: list[Mention]) -> int:
    """Where ``p`` is first named outside the title and kicker («محمد ابراهیم: امیدوارم …» as a headline does
    not make the role in the lead someone else's)."""
    scan = _SCAN[0] if _SCAN else None
    starts = [m.start for m in mentions if m.person is p and m.kind == "name" and not (
        scan is not None and scan.blocks and scan.blocks[scan.block_of[m.t0]].kind in ("title", "kicker")
        or scan is not None and not scan.blocks)]
    return min(starts) if starts else p.first_at


def bind_role_references(statements: list[Statement], mentions: list[Mention], people: list[Person]) -> None:
    """A role speaker nobody was bound to («سرمربی», «سخنگوی کمیسیون آموزش مجلس») is the one person of the
    article holding a role with the same head whose words it mostly repeats, and no other place.

    «سخنگوی کمیسیون آموزش مجلس» → the person introduced as «… سخنگوی کمیسیون آموزش و تحقیقات مجلس»."""
    places = L.sure_places()
    holders = [(p, [L.key(w) for w in r.split()]) for p in people for r in p.roles if r.split()]
    # the words written with a holder's role, a few past where the role phrase stopped («رئیس اتاق بازرگانی،
    # صنایع و معادن و کشاورزی استان کرمان»): a shorter repeat may use any of them
    scan = _SCAN[0] if _SCAN else None
    context: dict[int, set[str]] = {}
    if scan is not None:
        name_starts = sorted((x.t0, id(x.person)) for x in mentions if x.kind == "name")
        for x in mentions:
            if x.kind == "role-bound" and x.person is not None:
                stop = min(len(scan.keys), x.t1 + 10)
                for t0, pid in name_starts:  # not into the next person's name and role
                    if x.t1 <= t0 < stop and pid != id(x.person):
                        stop = t0
                        break
                for q in range(x.t1, stop):  # nor past «با / از / دیدار …» or a verb («… در دیدار با وزیر خارجه ایتالیا»)
                    k = scan.keys[q]
                    nk = scan.keys[q + 1] if q + 1 < len(scan.keys) else ""
                    if k in L.OBJECT_MARKERS or k in L.CLAUSE_VERBS or k in _STOP_CONTEXT \
                            or k == "در" and (nk in _EVENT_NOUNS or nk in _THIS) or scan.match(q, L.speech_verbs(), 3):
                        stop = q
                        break
                end = _sentence_end(scan.text, scan.ends[x.t1 - 1], scan.ends[stop - 1]) if stop > x.t1 else 0
                while stop > x.t1 and scan.starts[stop - 1] >= end:
                    stop -= 1
                context.setdefault(id(x.person), set()).update(scan.keys[x.t0 : stop])
    speaking = {id(st.person) for st in statements if st.person is not None}
    for st in statements:
        m = st.mention
        if st.person is not None or m is None or m.kind != "role" or not st.speaker or st.speaker != m.text:
            continue
        words = [L.key(w) for w in m.text.split()]
        if not words or words[0] in _GROUPS:
            continue
        cands = {}
        for p, rw in holders:
            near = context.get(id(p), set())
            if words[0] not in rw and words[0] not in near:
                continue
            rest = [w for w in words if w not in rw]
            if len(words) >= 2 and all(w in near for w in rest):
                # every word of the repeat is written with the holder's role: «عضو شورای اسلامی» after «عیسی
                # محمدی جانباز شیمیایی … و عضو شورای اسلامی روستای شهیدآباد»
                cands[id(p)] = p
                continue
            if rw[0] != words[0]:
                continue
            if not any(w in places for w in rest) and len(words) - len(rest) >= 0.6 * len(words) \
                    and not _other_office(rest, words, rw):
                cands[id(p)] = p
                continue
            # a holder who speaks in the article, written with no place of their own («سرمربی برزیلی این
            # تیم»), is the one of a repeat that names a place too («سرمربی برزیلی تیم ملی فوتبال قطر») when
            # the head and the word qualifying it agree («مدیرکل سابق …», «افسر سابق اطلاعاتی …»)
            if id(p) in speaking and not any(w in places for w in rw) and not any(w in places for w in near) \
                    and len(words) > 1 and words[1] in rw[1:] and words[1] not in L.FUNCTION:
                cands[id(p)] = p
        if not cands and scan is not None and m.t0 > 0 and scan.keys[m.t0 - 1] in _ADDRESS:
            # «آقای وزیر» after «آقای نعمت زاده»: the person last named with that title
            title = scan.keys[m.t0 - 1]
            named = [x.person for x in mentions if x.kind == "name" and x.person is not None and x.start < m.start
                     and any(L.key(t) == title for t in x.person.titles)]
            if named:
                cands[id(named[-1])] = named[-1]
        if not cands and scan is not None and scan.keys[m.t0] != "یکی" and not _after_this(m, mentions) \
                and not _introduces_new(scan, m):
            # «شهردار تبریز … این شایعه را تکذیب کرد» in a report whose one «شهردار» is «نجفی»: the only holder of
            # the head, when the two roles name no different places or bodies
            heads = [(p, rw) for p, rw in holders if rw[0] == words[0]]
            if len({id(p) for p, _ in heads}) == 1 and not any(
                    _other_office([w for w in words if w not in rw], words, rw) or _places_differ(m.text, [" ".join(rw)])
                    for _, rw in heads):
                cands[id(heads[0][0])] = heads[0][0]
        if len(cands) == 1:
            p = next(iter(cands.values()))
            role = st.speaker
            for other in statements:  # the role's own statements and the «وی …» ones that followed them
                if other.person is None and _same_role(other.speaker, role):
                    other.person, other.speaker = p, p.name
            m.person = p
            p.add(p.mentions, m.text)


def _other_office(rest: list[str], words: list[str], rw: list[str]) -> bool:
    """«مدیر مسئول روزنامه اعتماد» and «مدیر مسئول روزنامه سیاست روز»: each role has words the other lacks past
    their shared head — the same title of two different bodies."""
    extra = set(rw) - set(words) - L.FUNCTION - _ROLE_FILLER
    mine = set(rest) - L.FUNCTION - _ROLE_FILLER
    # one word written two ways is no difference («رئیس جمهور» / «رئیس جمهوری اسلامی»)
    mine = {w for w in mine if not any(x.startswith(w) or w.startswith(x) for x in extra)}
    return bool(extra) and bool(mine) and not any(w.startswith(x) or x.startswith(w) for w in mine for x in rw)


_BULLETS = set("-–—*•·")
_WE = {L.key(w) for w in ("ما", "شما")}
_CONCESSIVE = {L.key(w) for w in ("اگرچه", "هرچند", "گرچه", "چون", "زیرا", "چراکه", "اگر")}
_THIS = {L.key("این"), L.key("همین")}
_ADDRESS = {L.key(w) for w in ("آقای", "خانم", "جناب")}
#: words after which a name opens a clause of its own («… که محمد شریفی‌مقدم ارایه کرده»)
_OPENS_CLAUSE = {L.key(w) for w in ("که", "پیشتر", "پیش‌تر", "همچنین", "هم‌چنین", "اما", "ولی", "سپس", "البته")}
#: words before «از» that make it no object of «خبر داد» («پس از», «یکی از اعضای …»)
_OF_NOT_OBJECT = {L.key(w) for w in ("پس", "بعد", "قبل", "پیش", "یکی", "برخی", "بسیاری", "بیش", "کمتر", "بیشتر")}
_QUANT = {L.key(w) for w in ("برخی", "بسیاری", "یک", "دو", "سه", "چند", "تعدادی", "شماری", "اغلب", "بیشتر", "یکی",
                             "بعضی", "گروهی", "جمعی", "عده‌ای")}
_SCAN: list[Scan] = []
_GROUPS = {L.key(w) for w in """مدیران مسئولین مسوولین مربیان بازیکنان دست‌اندرکاران سران رهبران وزرای خیلی بعضی تعدادی شماری اغلب اکثر منابع مقامات عده‌ای گروهی برخی بسیاری مسئولان مسیولان مسوولان کارشناسان منتقدان فعالان روانشناسان
روان‌شناسان اقتصاددانان جامعه‌شناسان پژوهشگران کارگران معدنچیان حقوقدانان پزشکان نظریه‌پردازان ساکنان اهالی
شاهدان نمایندگان اعضای موافقان مخالفان تحلیلگران""".split()}
_ALL: list[Mention] = []


def _after_this(men: Mention, persons: list[Mention]) -> bool:
    scan = _SCAN[0] if _SCAN else None
    if not scan:
        return False
    # «این جامعه‌شناس», and roles listed with their demonstrative («این مقام عالی‌رتبه انتظامی»)
    return men.t0 > 0 and scan.keys[men.t0 - 1] in _THIS or scan.keys[men.t0] in _THIS


def _same_sentence_antecedent(scan: Scan, men: Mention, mentions: list[Mention]) -> Mention | None:
    """The nearest name or role before pronoun ``men`` in its own sentence, outside «…»."""
    text = scan.text
    b = scan.blocks[scan.block_of[men.t0]] if scan.blocks else None
    ss = _sentence_start(text, b.start if b else 0, men.start)
    best = None
    for m in mentions:
        if ss <= m.start and m.end <= men.start and m.kind in ("name", "role") and \
                text.count("«", ss, m.start) == text.count("»", ss, m.start):
            best = m
    return best


def _introduced_unnamed(men: Mention) -> bool:
    """«یک سخنگوی وزارت خارجه آمریکا … واکنش نشان داد. این سخنگوی وزارت خارجه آمریکا … گفت»: the demonstrative
    points back at the same role written before and bound to nobody, not at the last speaker."""
    key = L.key(men.text)
    return any(m.kind == "role" and m.person is None and m.end <= men.start and L.key(m.text) == key
               and len(men.text.split()) >= 2 for m in _ALL)


def _last_named(men: Mention, persons: list[Mention]) -> Person | None:
    """The person named last before ``men`` (by name, outside «…»), in its paragraph or the one before."""
    scan = _SCAN[0] if _SCAN else None
    if scan is None or not scan.blocks:
        return None
    b = scan.block_of[men.t0]
    lo = scan.blocks[max(0, b - 1)].start
    for m in reversed(persons):
        if m.start >= men.start or m.kind != "name":
            continue
        if m.start < lo:
            return None
        if m.person is not None and not _quoted_at(scan.text, lo, m.start):
            p = m.person  # named again, or with a role: someone the report is about, not a namesake in passing
            return p if p.roles or sum(x.person is p for x in persons) >= 2 else None
    return None


def _bind(st: Statement, men: Mention, last: Person | None, persons: list[Mention], last_name: str | None = None) -> None:
    if men.kind == "pronoun":
        if last_name is not None and last is None:  # the previous speaker was an unnamed role
            st.speaker = last_name
            return
        p = last
        near = _same_sentence_antecedent(_SCAN[0], men, _ALL) if _SCAN else None
        if near is not None:  # «… توسط رییس جمهور ارایه شد ایشان گفت …»
            if near.person is None:
                st.speaker = near.text
                return
            p = near.person
        if p is None:
            before = [m for m in persons if m.start < men.start]
            p = before[-1].person if before else None
        if p is not None:
            p.add(p.mentions, men.text)
            men.person = p
        st.person = p
        st.speaker = p.name if p else None
    elif men.person is not None:
        st.person, st.speaker = men.person, men.person.name
    elif men.kind == "role" and _after_this(men, persons) and (last is not None or last_name is not None) \
            and not _introduced_unnamed(men):
        # «این جامعه‌شناس», «این پژوهشگر اجتماعی»: the one just quoted
        st.person, st.speaker = last, (last.name if last else last_name)
    elif men.kind == "role" and _after_this(men, persons) and not _introduced_unnamed(men) \
            and (p := _last_named(men, persons)) is not None:
        # «… مینو عابدی کماندار ملی‌پوش اصفهانی موفق به کسب سه مدال … شد. این ورزشکار اصفهانی … مدعی شد»:
        # nobody has spoken yet; the demonstrative points back at the person last named
        st.person, st.speaker = p, p.name
        men.person = p
        p.add(p.mentions, men.text)
    else:
        st.speaker = men.text + _outlet_name(men)


_NAMED_AFTER = re.compile(r"\s*[«\"]([^«»\"\n،.:]{2,40})[»\"]")


def _outlet_name(men: Mention) -> str:
    """«پایگاه خبری "کانزاس‌سیتی استار" در گزارشی نوشت»: an outlet («پایگاه خبری», «روزنامه») is the one its
    quoted name right after names (« "کانزاس‌سیتی استار"» returned, to follow the outlet's words)."""
    scan = _SCAN[0] if _SCAN else None
    if scan is None or men.kind != "org" or _head(men.text) not in _OUTLETS:
        return ""
    m = _NAMED_AFTER.match(scan.text, men.end)
    return " " + m.group(1).strip() if m else ""


def _last_named_is(p: Person, m: Mention, named: list[Mention]) -> bool:
    """Is ``p`` the person named last (by name) before mention ``m``?"""
    before = [x for x in named if x.end <= m.start]
    return bool(before) and before[-1].person is p


def _headline_person(mentions: list[Mention]) -> Person | None:
    """The person whose words the title gives («طاهری: هیچ بازیکنی را …»): a name (a title word at most before it)
    and nothing else before the title's colon."""
    scan = _SCAN[0] if _SCAN else None
    if scan is None or not scan.blocks or scan.blocks[0].kind != "title":
        return None
    title = scan.blocks[0]
    colon = scan.text.find(":", title.start, title.end)
    if colon < 0:
        colon = scan.text.find("：", title.start, title.end)
    if colon < 0:
        return None
    named = [m for m in mentions if m.kind == "name" and m.person is not None and title.start <= m.start
             and m.end <= colon and not scan.text[m.end : colon].strip(" »\u200c")]
    if not named or len(scan.text[title.start : named[0].start].split()) > 1:
        return None  # the words before the colon are a name (a title word at most before it), not a clause
    return named[0].person


def headline_speaker(statements: list[Statement], mentions: list[Mention]) -> None:
    """«طاهری: هیچ بازیکنی را به برانکو تحمیل نکرده‌ایم» as the title, then «سرپرست باشگاه پرسپولیس می‌گوید …» in
    the lead: a report whose headline gives a person's words names its main speaker there, and a role nobody holds
    that speaks before that person is named in the body is theirs (not a group, «یکی از …» or «این …»)."""
    scan = _SCAN[0] if _SCAN else None
    p = _headline_person(mentions)
    if scan is None or p is None:
        return
    first = _first_in_body(p, mentions)
    named = [x for x in mentions if x.kind == "name" and x.person is not None
             and scan.blocks[scan.block_of[x.t0]].kind not in ("title", "kicker")]
    for st in statements:
        m = st.mention
        if st.person is None and m is not None and m.kind == "role" and _same_role(st.speaker, m.text) \
                and _head(m.text) not in _GROUPS and scan.keys[m.t0] != "یکی" \
                and not _after_this(m, mentions) and (st.at < first or not p.roles and _last_named_is(
                    p, m, named) and not _introduces_new(scan, m) and not _held_by_other(m.text, p, mentions)):
            # before the person is named in the body, or right after («مهدی شریفی با گل زیبایی … . ⏎ مهاجم
            # سپاهان … گفت: …»: nobody else named between)
            _give_role(p, m.text, statements, mentions)


_PLURAL = re.compile(r"(?:[^ب]ان|ین|گان|یان|ها|های)$")
_NOT_PLURAL = re.compile(r"(?:بان|مان|زبان|ستان)$")
_COLLECTIVE = {L.key(w) for w in ("دولت",)}
_OPENER_WORDS = _ADVERBS | {L.key(w) for w in ("البته", "ضمنا", "اکنون", "هم‌اکنون", "حال", "همچنان")}


def _bare_subject(scan: Scan, lo: int, hi: int, depth: int = 0) -> Mention | None:
    """A subject that names no person, role or organisation of the lexicons: a plural group («کتابداران»,
    «متصرفان زمین‌های پناهگاه …», «کنشگران و احزاب و گروه‌های سیاسی»), a country («ترکیه») or «دولت», opening
    the clause ``[lo, hi)`` of a speech verb and followed by that verb or by «در / با / نیز …» (not by «را»: then
    it is the object of a dropped subject)."""
    text = scan.text
    m = _DATELINE.match(text[lo:hi])
    if m:
        lo += m.end()
    elif _AS_REPORTED.match(text, lo, hi) and depth == 0:
        # «به گزارش نشریه Geostrategy دستگاه‌های اطلاعاتی غربی اعتقاد دارند …»: no comma closes the source; a
        # plural group or a country after one to three words of it is the subject
        t0 = bisect_left(scan.starts, lo) + 2
        for t in range(t0 + 1, min(t0 + 4, bisect_left(scan.starts, hi))):
            got = _bare_subject(scan, scan.starts[t], hi, depth=1)
            if got is not None and got.t1 - got.t0 >= 2:
                return got
        return None
    for mark in (":", "：", "؛"):
        c = text.rfind(mark, lo, hi)
        if c >= 0:
            lo = c + 1
    t = bisect_left(scan.starts, lo)
    keys, n = scan.keys, len(scan.keys)
    while t < n and scan.starts[t] < hi and keys[t] in _OPENER_WORDS:
        t += 1
    if t >= n or scan.starts[t] >= hi:
        return None
    k0 = keys[t]
    if k0 in _THEY or k0.endswith("ترین") or k0 in _DEMONSTRATIVE_PLURALS:
        return None
    if k0 in _OUTLETS:  # «سایت «وطن» همچنین نوشته است که …», «روزنامه گاردین مدعی شد»: the outlet and its name
        k = t + 1
        verb_t = bisect_left(scan.starts, hi)
        while k < verb_t and k - t < 5 and keys[k] not in L.STOP and keys[k] not in _AFTER_SUBJECT_WORDS \
                and not _GAP_BREAK.search(scan.gaps[k - 1].replace("«", "").replace("»", "")):
            k += 1
        if k > t + 1 and (k == verb_t or keys[k] in _AFTER_SUBJECT_WORDS or keys[k] in _ADVERBS):
            return Mention(scan.starts[t], scan.ends[k - 1], t, k, "group", _QUOTE_MARKS.sub("", scan.span_text(t, k)))
        return None
    verb_t = bisect_left(scan.starts, hi)
    object_next = verb_t < n and keys[verb_t] == "را" and scan.starts[verb_t] - hi < 3
    # («…، ایران | را به دخالت … متهم کرد»: a noun right before «را» is the object of a subject named before)
    if t + 1 == verb_t and not object_next and len(k0) >= 3 and k0 not in L.STOP and k0 not in L.PRONOUNS and not not_name_word(scan, t) \
            and scan.match(t, L.speech_verbs(), 3) is None and not _DIGITS.search(k0):
        # «رویترز تصریح کرده است», «مردم گفتند»: one word and the verb make the clause; the word speaks
        return Mention(scan.starts[t], scan.ends[t], t, t + 1, "group", scan.words[t])
    place = L.sure_places().get(k0)
    verb_t = bisect_left(scan.starts, hi)
    if place is None and t + 2 <= verb_t and scan.joined(t):
        two = L.sure_places().get(k0 + keys[t + 1])
        if two is not None and two.kind == "country" and (t + 2 == verb_t or keys[t + 2] in _AFTER_SUBJECT_WORDS) \
                and not (t + 2 == verb_t and object_next):
            # «کره جنوبی امروز اعلام کرد …»: a country of two words
            return Mention(scan.starts[t], scan.ends[t + 1], t, t + 2, "group", scan.span_text(t, t + 2))
    head_ok = (place is not None and place.kind == "country") or k0 in _COLLECTIVE or (
        len(k0) >= 5 and _PLURAL.search(k0) is not None and _NOT_PLURAL.search(k0) is None
        and k0 not in L.STOP and k0 not in L.name_tokens() and k0 not in L.sure_places())
    if not head_ok:
        return None
    verb_t = bisect_left(scan.starts, hi)
    k = t + 1
    while k < verb_t and k - t < 7 and scan.joined(k - 1):
        kk = keys[k]
        if kk == "و" and k + 1 < verb_t and scan.joined(k) and keys[k + 1] not in L.STOP:
            k += 2
            continue
        if kk in L.STOP or kk in _AFTER_SUBJECT_WORDS or kk == "را" or _DIGITS.search(kk) or kk in _QUANT_WORDS \
                or not_name_word(scan, k) or keys[k - 1] in L.sure_places():
            break  # «دولت آمریکا | هرگونه …», «استقلالی‌ها | حتی …»
        k += 1
    if k < verb_t and (keys[k] not in _AFTER_SUBJECT_WORDS or not scan.joined(k - 1)) or k == verb_t and object_next:
        return None
    if place is not None and k > t + 1:
        return None  # «ترکیه …» as a subject is the country alone
    return Mention(scan.starts[t], scan.ends[k - 1], t, k, "group", scan.span_text(t, k))


_AFTER_SUBJECT_WORDS = {L.key(w) for w in ("در", "با", "ضمن", "طی", "نیز", "هم", "همچنین", "امروز", "روز",
                                            "پیرامون", "درباره", "راجع", "به", "از", "بر", "که")}
_DIGITS = re.compile(r"[0-9۰-۹]")
#: «به نقل از / به گزارش …» with no comma after it: what follows names the source
_SOURCE_BEFORE = re.compile(r"(?:نقل\s+از|گزارش)[^،,:.]*$")
_THEY = {L.key(w) for w in ("آنها", "آن‌ها", "آنان")}
#: role heads a report uses for variety about the person it is about («ستاره سابق اینتر», «اسطوره …»), not offices
_EPITHETS = {L.key(w) for w in ("ستاره", "اسطوره", "لژیونر", "ملی‌پوش", "پیشکسوت")}
_OUTLETS = {L.key(w) for w in ("سایت", "بولتن", "وبگاه", "وب‌سایت", "روزنامه", "نشریه", "مجله", "هفته‌نامه", "شبکه",
                                "خبرگزاری", "پایگاه", "تلویزیون", "رادیو")}
_DEMONSTRATIVE_PLURALS = {L.key(w) for w in ("اینان", "اینها", "این‌ها", "ایشان")}
_QUANT_WORDS = {L.key(w) for w in ("هرگونه", "هیچ‌گونه", "هیچگونه", "همگی", "همه")}


#: «به گزارش X،» / «به نقل از X،» at a sentence start (X: the source, up to the comma)
_SOURCED = re.compile(r"به[\s\u200c]+(?:گزارش|نقل[\s\u200c]+از)\s+([^،,:.\n]{2,80}?)\s*[،,]")
_VIA = re.compile(r"به[\s\u200c]+نقل[\s\u200c]+از\s+")
_FROM_PLACE = re.compile(r"\s+از\s+.*$")
#: Iranian agencies that relay the news («به گزارش ایسنا، …»): channels, not sources (an «به نقل از X» is a source)
_CHANNELS = re.compile(r"^\W*(?:خبرگزاری\s+)?(?:ایسنا|ایرنا|ایلنا|مهر|تسنیم|میزان|شبستان|رسا|ایکنا|برنا|پانا|"
                       r"باشگاه\s+خبرنگاران|صدا\s+و\s+سیما|خبرگزاری\s+جمهوری\s+اسلامی)\W*$")
#: the publisher's own agency and desks: what it reports is no one's statement
_OWN_SOURCE = re.compile(r"فارس|ورزش[\s\u200c]*(?:سه|3|۳)|خبرنگار|گروه|^سایت باشگاه|روابط[\s\u200c]+عمومی")


def _outlet_reports(scan: Scan, body: list, covered: "_Covered") -> list[Statement]:
    """«به گزارش خبرگزاری فرانسه از نابلس، …», «به گزارش فارس به نقل از ایکانومیک تایمز، …»: a sentence that an
    outlet reports, attributing nothing itself (no speech verb in it), is that outlet's statement; the publisher's
    own agency or desk («به گزارش خبرگزاری فارس، …») and a public-relations office are no speakers."""
    text, out = scan.text, []
    verb_tables = (L.speech_verbs(), L.OPINION, L.stance_verbs())
    for b in body:
        if "گزارش" not in text[b.start : b.end] and "نقل" not in text[b.start : b.end]:
            continue
        for m in _SOURCED.finditer(text, b.start, b.end):
            before = text[b.start : m.start()].rstrip()
            if before and before[-1] not in ".!؟?»\n":
                continue  # not at a sentence start
            src = m.group(1)
            vias = list(_VIA.finditer(src))
            if vias:
                src = src[vias[-1].end():]
            elif _CHANNELS.search(src) and m.group(0).lstrip().startswith("به"):
                continue  # «به گزارش ایسنا، …»: the report's channel, not its source
            src = _FROM_PLACE.sub("", _QUOTE_MARKS.sub("", src)).strip()  # «خبرگزاری فرانسه از نابلس»
            if not src or _OWN_SOURCE.search(src) or covered.inside(m.end()):
                continue
            s0 = m.end()
            e0 = _content_end(text, s0, b.end)
            s, e = _trim(text, s0, e0)
            if len(text[s:e].split()) < 6 or ":" in text[s:e]:
                continue
            t0, t1 = bisect_left(scan.starts, s), bisect_left(scan.starts, e)
            if any(scan.match(q, tb, 4) for q in range(t0, t1) for tb in verb_tables if scan.may(q, tb)):
                continue  # «…، علی طاهری درباره … اظهار کرد: …»: the sentence names its own speaker
            st = Statement("indirect", s, e, "به گزارش", (m.start(1), m.end(1)), m.start(1), inherit=False)
            st.speaker = src
            words = [L.key(w) for w in src.split()]
            if len(words) <= 3 and words[0] in _THIS and len(words) > 1 and words[1] in _OUTLETS | _DOCUMENTS:
                st.speaker, st.inherit = None, True  # «به گزارش این بولتن، …»: the outlet named before
            out.append(st)
    return out


def _this_title(scan: Scan, mentions: list[Mention], lo: int, hi: int) -> Person | None:
    """«این شاهزاده سعودی … گفته است»: a demonstrative and a title opening the clause point back at the person
    last named with that title before it."""
    t = bisect_left(scan.starts, lo)
    keys = scan.keys
    while t < len(keys) and scan.starts[t] < hi and keys[t] in _OPENER_WORDS:
        t += 1
    if t + 1 >= len(keys) or scan.starts[t + 1] >= hi or keys[t] not in _THIS or not scan.joined(t):
        return None
    m = scan.match(t + 1, L.TITLE_KEYS, 3)
    if m is None:
        return None
    title = L.key(m[1])
    named = [x.person for x in mentions if x.kind == "name" and x.person is not None and x.start < scan.starts[t]
             and any(L.key(tt) == title for tt in x.person.titles)]
    return named[-1] if named else None


_CAME_INTO = {L.key(w) for w in ("وجود", "بوجود", "پدید", "پیش", "بیرون", "فرود", "کنار")}
#: «در این بیانیه آمده است: …»; «فدراسیون … در بخشی از گزارش خود آورده است: …»
_CAME = {L.key(w): w for w in ("آمده است", "آمده‌است", "آمده", "آورده است", "آورده‌است", "آورده")}
#: documents whose words are quoted: «در این بیانیه آمده است: …», «این گزارش می‌افزاید …»
_DOCUMENTS = {L.key(w) for w in ("گزارش", "بیانیه", "نامه", "اطلاعیه", "پیام", "متن", "قطعنامه", "گزارشی", "بیانیه‌ای",
                                  "مطلب", "مقاله", "یادداشت", "گزارش‌ها", "خبر", "خبرها", "اخبار")}


def _document_says(scan: Scan, colon: int) -> tuple[int, int] | None:
    """«در (بخشی از) این گزارش / بیانیه ستاد … آمده است: …»: the verb «آمده است» before a colon, when its clause
    names a document; the token range of the verb."""
    v = _verb_before(scan, colon, _CAME)
    if v is None or v[0] > 0 and scan.keys[v[0] - 1] in _CAME_INTO:
        return None  # «شایعاتی به وجود آمده که …»: came into being
    lo = _sentence_start(scan.text, max(0, colon - 300), scan.starts[v[0]])
    dl = _DATELINE.match(scan.text, lo, scan.starts[v[0]])
    if dl:  # «به گزارش ورزش سه، …»: the dateline's report is not the document
        lo = dl.end()
    t0 = bisect_left(scan.starts, lo)
    return v if any(scan.keys[q] in _DOCUMENTS for q in range(t0, v[0])) else None


def _this_outlet(scan: Scan, mentions: list[Mention], statements: list[Statement], lo: int, hi: int) -> str | None:
    """«این خبرگزاری / این روزنامه / این پایگاه … نوشت»: the outlet of that kind named last before the clause (an
    organisation mention, or the speaker of an earlier statement, written with the same head word)."""
    t = bisect_left(scan.starts, lo)
    keys = scan.keys
    while t < len(keys) and scan.starts[t] < hi and keys[t] in _OPENER_WORDS:
        t += 1
    for q in range(t, min(t + 5, len(keys) - 1)):  # «در (بخشی از) این گزارش آمده است»
        if keys[q] in _THIS and keys[q + 1] in _DOCUMENTS and scan.starts[q + 1] < hi:
            # the document of the organisation or outlet that spoke last («این بیانیه می‌افزاید»)
            sources = [o.speaker for o in statements if o.speaker and o.person is None and o.at < scan.starts[q]
                       and o.mention is not None and o.mention.kind in ("org", "group")]
            return sources[-1] if sources else None
    if t + 1 >= len(keys) or scan.starts[t + 1] >= hi or keys[t] not in _THIS or keys[t + 1] not in _OUTLETS:
        return None
    head, at = keys[t + 1], scan.starts[t]
    named = [x.text for x in mentions if x.kind == "org" and x.end <= at and _head(x.text) == head]
    named += [o.speaker for o in statements if o.speaker and o.at < at and _head(o.speaker) == head]
    return named[-1] if named else None


register(_CAME)
