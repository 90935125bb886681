"""People (with titles and roles), pronouns, places and organisations mentioned in an article.

Names are found from cues, not guessed from every capital-less word: a title before them
(«حضرت آیت‌الله خامنه‌ای», «آقای «فیدل کاسترو»»), a role right after or before them
(«میگل دیاز کانل» رئیس جمهور کوبا»), or known first-name tokens («محمدجواد ظریف»).  Once found, a
person's full name and surname are recognised wherever else they appear («آقای کاسترو»).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress, repeat
from operator import and_, eq, not_

from . import lexicon as L
from .text import Block, Token, Tokens

_GAP_OK = re.compile(r"^[ \u200c\u00a0\u200f\u200e]*$")


@dataclass
class Person:
    """One person of the article: the name as the article gives it in full, titles, roles, mentions."""

    pid: int
    name: str
    key: str
    last: str
    titles: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    mentions: list[str] = field(default_factory=list)
    first_at: int = 0

    def add(self, seq: list[str], value: str | None) -> None:
        if value and value not in seq:
            seq.append(value)


@dataclass
class Mention:
    """A stretch of text that refers to someone: a name (with titles), a role or a pronoun."""

    start: int
    end: int
    t0: int  # first token index
    t1: int  # one past the last token
    kind: str  # "name" | "role" | "pronoun" | "org"
    text: str
    person: Person | None = None
    role: str | None = None


_PREFIX_CACHE: dict[int, tuple[dict[str, str], frozenset[str]]] = {}
# Word lists registered once: each gets a bit, and every prefix of their keys maps to the bits of the lists it
# starts an entry of. A Scan tags each token with those bits, so ``match`` rejects most tokens in one lookup.
_TABLE_BIT: dict[int, int] = {}
_PREFIX_BITS: dict[str, int] = {}
_EXACT_BITS: dict[str, int] = {}  # key → bits of the lists it is a whole entry of
_REGISTERED: list[dict[str, str]] = []
_BITS_OF: dict[tuple[int, ...], int] = {}  # ids of registered tables → OR of their bits
_LEXICONS_DONE: list[bool] = []


def register(table: dict[str, str]) -> dict[str, str]:
    """Make ``table`` a registered word list (fast first-token rejection in :meth:`Scan.match`); returns it."""
    if id(table) in _TABLE_BIT:
        return table
    bit = 1 << len(_REGISTERED)
    _REGISTERED.append(table)  # kept alive, so its id stays its own
    _TABLE_BIT[id(table)] = bit
    for k in table:
        _EXACT_BITS[k] = _EXACT_BITS.get(k, 0) | bit
        for n in range(1, len(k) + 1):
            p = k[:n]
            _PREFIX_BITS[p] = _PREFIX_BITS.get(p, 0) | bit
    return table


def _prefixes(table: dict[str, str]) -> frozenset[str]:
    """Every prefix of every key of ``table`` (cached per table), so a match can stop early."""
    got = _PREFIX_CACHE.get(id(table))
    if got is not None and got[0] is table:
        return got[1]
    pref = frozenset(k[:n] for k in table for n in range(1, len(k) + 1))
    if len(_PREFIX_CACHE) > 64:
        _PREFIX_CACHE.clear()
    _PREFIX_CACHE[id(table)] = (table, pref)
    return pref


def _register_lexicons() -> None:
    """Register the lexicon tables (idempotent; lazily loaded ones are registered on first use)."""
    if _LEXICONS_DONE:
        return
    _LEXICONS_DONE.append(True)
    for t in (L.TITLE_KEYS, L.ROLE_KEYS, L.ORG_KEYS, L.PRONOUNS, L.OPINION, L.speech_verbs(), L.stance_verbs(),
              _place_table()):
        register(t)


class Scan:
    """The token stream of one article with helpers to match phrases whatever their spacing."""

    def __init__(self, text: str, tokens: list[Token] | Tokens, blocks: list[Block]) -> None:
        self.text = text
        self.tokens = tokens
        self.blocks = blocks
        n = len(tokens)
        if isinstance(tokens, Tokens):
            starts, ends, keys, words = tokens.starts, tokens.ends, tokens.keys, tokens.words
        else:
            starts, ends, keys = [t.start for t in tokens], [t.end for t in tokens], [t.key for t in tokens]
            words = [t.text for t in tokens]
        self.starts, self.ends, self.keys, self.words = starts, ends, keys, words
        self.block_of, self.footer, cuts = _block_ranges(starts, blocks)
        # two tokens may belong to one phrase when only spaces (or half-spaces) separate them in one block
        #: gaps[i]: the text between token i and token i+1
        gaps = getattr(tokens, "gaps", None)
        if gaps is None:
            gaps = list(map(text.__getitem__, map(slice, ends, starts[1:])))
        self.gaps = gaps
        join = list(map(eq, gaps, repeat(" ")))  # most gaps are one space: decided in C, the rest below
        #: indices i whose gap to token i+1 is not a single space (punctuation, line breaks, half-spaces …)
        self.unspaced = unspaced = list(compress(range(len(gaps)), map(not_, join)))
        for i in unspaced:
            join[i] = _GAP_OK.match(gaps[i]) is not None
        for c in cuts:
            if 0 < c < n:
                join[c - 1] = False
        join.append(False)
        self._join = join
        _register_lexicons()
        # a list's bit is set on token i when an entry may start there: the word is an entry, or the word and
        # the next one (joined) begin one — most words that merely begin an entry («م», «ر») are left out
        bits = list(map(_EXACT_BITS.get, keys, repeat(0)))
        # a pair is looked up only where the word joins the next one and is itself a prefix of some entry
        # (every prefix of an entry is a key of _PREFIX_BITS; an empty key prefixes anything); elsewhere a
        # token keeps the bits of the one-word entries it is
        pair = list(map(and_, map(_PREFIX_BITS.__contains__, keys), join))
        if "" in keys:  # (rare: a test in C first)
            for i in compress(range(n), map(not_, keys)):
                pair[i] = join[i]
        pair_bits = list(map(_PREFIX_BITS.get, map(str.__add__, compress(keys, pair), compress(keys[1:], pair)),
                             repeat(0)))
        # most pairs begin no entry: only those that do reach the Python loop
        for i, b in compress(zip(compress(range(n), pair), pair_bits), pair_bits):
            bits[i] |= b
        self._bits = bits
        self._some = list(compress(range(n), bits))  # tokens where some entry may start

    def candidates(self, *tables: dict[str, str]) -> list[int]:
        """Indices of the tokens where a phrase of one of the (registered) ``tables`` may start."""
        bit, bits = self.bits_of(*tables), self._bits
        return [i for i in self._some if bits[i] & bit]

    def bits_of(self, *tables: dict[str, str]) -> int:
        """The OR of the bits of registered ``tables`` (all bits when one is not registered)."""
        ids = tuple(map(id, tables))
        out = _BITS_OF.get(ids)
        if out is None:
            out = 0
            for t in tables:
                out |= _TABLE_BIT.get(id(t), -1)
            if -1 not in map(_TABLE_BIT.get, ids, repeat(-1)):  # only registered (kept-alive) tables are cached
                _BITS_OF[ids] = out
        return out

    def may(self, i: int, table: dict[str, str]) -> bool:
        """Cheap test: can a phrase of (registered) ``table`` start at token ``i``?"""
        bit = _TABLE_BIT.get(id(table))
        return bit is None or (i < len(self._bits) and bool(self._bits[i] & bit))

    def joined(self, i: int) -> bool:
        """True when token ``i`` and ``i+1`` are separated by spaces only (same phrase possible)."""
        return 0 <= i < len(self._join) and self._join[i]

    def match(self, i: int, table: dict[str, str], maxn: int = 4) -> tuple[int, str] | None:
        """Longest phrase of ``table`` starting at token ``i``: (number of tokens, value)."""
        bit = _TABLE_BIT.get(id(table))
        if bit is not None:
            bits = self._bits
            if i >= len(bits) or not bits[i] & bit:
                return None
            keys, join, pref = self.keys, self._join, _PREFIX_BITS
            k = keys[i]
            best = (1, table[k]) if k in table else None
            j, end = i + 1, min(i + maxn, len(keys))
            while j < end and join[j - 1]:
                k += keys[j]
                if not pref.get(k, 0) & bit:
                    break
                if k in table:
                    best = (j - i + 1, table[k])
                j += 1
            return best
        pref = _prefixes(table)
        best = None
        k = ""
        keys, join = self.keys, self._join
        for n in range(maxn):
            j = i + n
            if j >= len(keys) or (n and not join[j - 1]):
                break
            k += keys[j]
            if k not in pref:
                break
            if k in table:
                best = (n + 1, table[k])
        return best

    def span_text(self, t0: int, t1: int) -> str:
        return self.text[self.starts[t0] : self.ends[t1 - 1]]


def _block_ranges(starts: list[int], blocks: list[Block]) -> tuple[list[int], list[bool], list[int]]:
    """For each token (by start offset): its block index, whether it lies outside the body (between blocks or
    in a footer), and the token indices where a new block begins.  A token belongs to the first block that
    ends after its start."""
    n = len(starts)
    if not blocks:
        return [0] * n, [True] * n, []
    block_of: list[int] = []
    footer: list[bool] = []
    cuts = []
    lo = 0
    last = len(blocks) - 1
    for b, blk in enumerate(blocks):
        hi = n if b == last else max(lo, bisect_left(starts, blk.end, lo))
        if hi > lo:
            cuts.append(lo)
        inside_lo = max(lo, min(hi, bisect_left(starts, blk.start, lo, hi)))
        inside_hi = max(inside_lo, min(hi, bisect_left(starts, blk.end, inside_lo, hi)))
        block_of.extend([b] * (hi - lo))
        out = blk.kind == "footer"
        footer.extend([True] * (inside_lo - lo))
        footer.extend([out] * (inside_hi - inside_lo))
        footer.extend([True] * (hi - inside_hi))
        lo = hi
    return block_of, footer, cuts


_DIGIT = re.compile(r"[0-9۰-۹]")
#: symbols glued to a word («*شما»: an interview's question marker glued to a pronoun; «*احمد نوراللهی»: a bullet)
_SYMBOL = re.compile(r"[*#@&%+=/\\|~^_<>\[\]{}]")
#: finite verbs: «می‌…» / «نمی‌…», past stems with a personal ending («شنیدم», «کردند»), subjunctives
#: («بدهیم», «بگیرند»); no part of a name or a role phrase (known name tokens excepted: «میرحسین»)
_VERBISH = re.compile(r"^.{3,}(?:(?<!مق)دم|تم|دیم|تیم|دید|تید|دند|تند)$"  # «…مقدم» is a surname
                      r"|^ب(?:ده|کن|گیر|رو|زن|گذار|ساز|گو|خواه|رس|دار|شو|یاب|بین|پرداز|دان|توان|یای|یاور|نویس|خوان)(?:م|ی|د|یم|ید|ند)$")
#: adverbs (tanwin often lost in copied text: «قاعدتا», «تقریبا») and focus words: they end a name or a role
_ADVERBS = {L.key(w) for w in """قاعدتا تقریبا نسبتا واقعا اصلا فعلا عملا اخیرا قبلا دقیقا صرفا کاملا شدیدا مجددا
ظاهرا حتما بعدا اولا ثانیا مثلا طبیعتا احتمالا بعضا عمدتا نهایتا اساسا لزوما اتفاقا تماما مستقیما رسما کلا جدا
صریحا شخصا قطعا مسلما یقینا غالبا معمولا دائما دایما ضمنا حتی فقط تنها صرفاً اگرچه هرچند درحالیکه بلکه
بی‌شک بی‌تردید بدون‌شک وقتی زمانی هنگامی همیشه همواره همچنان هم‌اکنون حالا مبنی بالاخره بالأخره سرانجام ناگهان
شد شدند شوند شود شوم هستم هستیم هستند باشند باشیم بودند بودیم بوده گردید گردند
اول دوم سوم چهارم پنجم یکم
راحل بزرگوار سرافراز گرانقدر گرانقدرش والامقام عالیقدر معظم زمان
مد ظله مدظله العالی مدظله‌العالی دام عزه قدس سره رحمه رحمه‌الله علیه""".split()}
_ADVERBS |= {k + "ً" for k in list(_ADVERBS) if k.endswith("ا")}


#: infinitives («نهادن», «کردن», «داشتن») end a role: «امام جمعه چالوس | نهادن اسم نیکو … را …»
_INFINITIVE = re.compile(r"(?:ردن|یدن|ادن|ودن|شتن|ستن|فتن|ختن)$")
_NOT_INFINITIVE = {L.key(w) for w in ("معادن", "بدن", "لندن")}
_MI = re.compile(r"^ن?می[\u200c ]")


@lru_cache(maxsize=65536)
def _not_name_key(k: str) -> bool:
    # «مکررا», «شخصا»: a frequent word with the tanwin «ا» (its «ً» lost in copied text) is an adverb
    return k not in L.name_tokens() and (k in _ADVERBS or _VERBISH.search(k) is not None or k.endswith("ترین")
                                         or len(k) >= 5 and k.endswith("ا") and k[:-1] in L.common_words())


_COMMA_GAP = re.compile(r"\s*[،,]\s*")
_COMMA_GAP_Q = re.compile(r"\s*[،,]\s*«?")
_SPACES = re.compile(r"\s+")
_BREAK_BEFORE = re.compile(r"[.،:؛!؟»«\n]|\s[-–—]\s")
_STOP_BEFORE = re.compile(r"[.:؛!؟\n]")
_BITS_ONCE: dict[str, int] = {}


def _bits_once(name: str, *tables: dict[str, str]) -> int:
    """:meth:`Scan.bits_of` of registered lexicon ``tables`` (fixed for the process), kept under ``name``."""
    got = _BITS_ONCE.get(name)
    if got is None:
        _register_lexicons()
        got = _BITS_ONCE[name] = Scan.bits_of(None, *tables)  # type: ignore[arg-type]
    return got


def not_name_word(scan: Scan, j: int) -> bool:
    """Token ``j`` is a verb («می‌گوید» with its half-space, not «میگل»), an adverb or a superlative, and no known
    name token."""
    return _not_name_word(scan.keys[j], scan.words[j])


@lru_cache(maxsize=65536)
def _not_name_word(k: str, w: str) -> bool:
    """:func:`not_name_word` of a word ``w`` with key ``k`` (a function of the word alone, cached per word)."""
    return _not_name_key(k) or ((_MI.match(w) is not None or _HALF_SPACED_FUNCTION.search(w) is not None
                                 or "\u200cو" in w and _paired_words(w)) and k not in L.name_tokens())


def _paired_words(word: str) -> bool:
    """«دست‌وپنجه», «ریخت‌وپاش», «نقل‌وانتقالات»: two words joined by «و» across a half-space, a compound noun
    (not «الله‌وردی», a name: its first half is a name token)."""
    parts = [L.key(p) for p in word.split("\u200c")]
    common, ordinary, names = L.common_words(), L.ordinary_words(), L.name_tokens()
    return any(len(b) > 2 and b[0] == "و" and (a in common or a in ordinary) and a not in names
               and a not in _ARABIC_TAILS and (b[1:] in common or b[1:] in ordinary) for a, b in zip(parts, parts[1:]))


#: words whose half-space shows a preposition before them or a personal suffix after them: «به‌نحوی‌که»,
#: «به‌زودی», «حواس‌تان» — adverbs and possessed nouns, no part of a name
_HALF_SPACED_FUNCTION = re.compile("^به\u200c|\u200c(?:تان|شان|مان|تون|شون|مون)$")


def _name_token_ok(scan: Scan, j: int) -> bool:
    """Could token ``j`` be part of a person's name (not a function word, title, role, verb or number)?"""
    if _never_name_token(scan.keys[j], scan.words[j]):
        return False
    bits = scan._bits[j]
    if not bits & _bits_once("name_stop", L.TITLE_KEYS, L.ROLE_KEYS, L.speech_verbs()):
        return True
    return (scan.match(j, L.TITLE_KEYS, 3) is None and scan.match(j, L.ROLE_KEYS, 2) is None
            and scan.match(j, L.speech_verbs(), 3) is None)


@lru_cache(maxsize=65536)
def _never_name_token(k: str, w: str) -> bool:
    """The word-only half of :func:`_name_token_ok` (cached per word): a function word, a number, a verb, an
    adverb or a superlative, or a function word behind a symbol."""
    return bool(k in L.STOP or _DIGIT.search(k) or _not_name_word(k, w)
                or _SYMBOL.search(k) and _SYMBOL.sub("", k) in L.STOP)  # «*شما»


def _guillemet_name(scan: Scan, i: int) -> tuple[int, int, int, int] | None:
    """«X» (or “X”) starting right before token ``i``: (name token range, char range of «…») when short and
    name-like."""
    t = scan.tokens[i]
    before = scan.text[max(0, t.start - 3) : t.start].strip(" ")
    if before.endswith("''"):
        opener = "''"  # ''کریم بوستانی'' افزود: two apostrophes for quotation marks in copied text
    elif before.endswith(("«", "“", '"')):
        opener = before[-1]
    else:
        return None
    close = scan.text.find(_CLOSER[opener], t.start, t.start + 60)
    if close < 0:
        return None
    j = i
    while j < len(scan.tokens) and scan.ends[j] <= close:
        if not _name_token_ok(scan, j) and scan.keys[j] not in {"و", "دی", "د", "ال", "بن", "فون", "وان"}:
            return None
        j += 1
    if j == i or j - i > 5:
        return None
    return i, j, scan.text.rfind(opener, 0, t.start), close + len(_CLOSER[opener])


_CLOSER = {"«": "»", "“": "”", '"': '"', "''": "''"}
_QUOTES_ONLY = re.compile(r"[«»“”\"']")
_SOURCE_CUES = {L.key(w) for w in ("گزارش", "نقل", "از", "نوشته", "سایت", "روزنامه", "خبرگزاری", "پایگاه", "شبکه")}


def _quoted_subject(scan: Scan, g: tuple[int, int, int, int]) -> bool:
    """A quoted name («…», "…", ''…'') opening its clause as the subject of a speech verb («''کریم بوستانی''
    افزود: …», «"عمر کاملیتی" در … گفت»), or before a comma and an apposition."""
    t = g[1]
    if t >= len(scan.keys):
        return False
    if g[0] > 0:  # opening its clause: after punctuation or a sentence adverb, not «به "ورزش سه" گفت»
        gap = _QUOTES_ONLY.sub("", scan.gaps[g[0] - 1])
        if not (_CLAUSE_GAP.search(gap) or scan.keys[g[0] - 1] in _OPENERS) \
                or scan.keys[g[0] - 1] in _SOURCE_CUES or scan.keys[g[0] - 1] in _CUE_NOUNS:
            return False  # «به گزارش "ورزش سه"، …»: the outlet that reports
    gap = scan.text[g[3] : scan.starts[t]]
    if not gap.strip():
        return _says(scan, t) is not None or _bare_apposition_says(scan, t)
    return _COMMA_GAP.fullmatch(gap) is not None and _apposition_says(scan, t) is not None


def _bare_apposition_says(scan: Scan, t: int) -> bool:
    """From token ``t``, right after a quoted name: an apposition of up to four words with no comma («"گل آقا شيرزوي"
    والي ننگرهار نيز ضمن … گفت»), then what follows a subject and the speech verb of the sentence."""
    for q in range(t + 1, min(len(scan.keys), t + 5)):
        if not scan.joined(q - 1) or scan.keys[q - 1] in L.FUNCTION or not_name_word(scan, q - 1):
            return False
        if scan.keys[q] in _AFTER_SOLE_SUBJECT:
            return _says(scan, q) is not None
    return False


_POSSESSED = {L.key(w) for w in ("دفتر", "همسر", "فرزند", "پسر", "دختر", "برادر", "خواهر", "پدر", "مادر", "وکیل")}
#: «X و Y» compounds of office names whose second word is otherwise a stop word («راهداری و حمل و نقل جاده‌ای»)
_ROLE_COMPOUNDS = {(L.key("حمل"), L.key("نقل"))}
_IMAM = L.key("امام")
#: titles that name institutions («واحد آیت‌الله آملی», «فجر شهید سپاسی», «حوزه علامه …»)
_NAMESAKE_TITLES = register(L.phrase_table(["آیت‌الله", "آیت الله", "شهید", "شهیدان", "علامه", "حضرت"]))
_VALI, _FAQIH = L.key("ولی"), L.key("فقیه")
#: first names that are function words too; a name only right after a title
_FUNCTION_FIRST = {L.key("ولی")}
_ROLE_AFTER_PLACE = {L.key(w) for w in ("و", "در", "شرقی", "غربی", "شمالی", "جنوبی", "مرکزی", "رضوی")}
#: «به گفته X»; «به رهبری X» (a party «به رهبری نایجل فراژ») names someone too
_CUE_NOUNS = {L.key(w) for w in ("گفته", "اعتقاد", "عقیده", "باور", "نوشته", "ادعای", "رهبری", "ریاست", "سرپرستی")}
_ROLE_END = {L.key(w) for w in """دیدار ملاقات گفتگو گفت‌وگو سفر نشست جلسه مراسم سخنان مواضع ضمن همراه نیز روز امروز
دیروز معتقد هیئت هیات فعلا فعلاً باید نباید بار هنوز اخیرا اخیراً پیشتر قبلا قبلاً سپس امشب امسال صبح عصر شب عزم
یعنی نظیر مانند مثل همچون اقدام تاکید تأکید اشاره انتقاد اعلام بیان اظهار ابراز بعدازظهر بعدازظهرامروز ظهر بامداد دیشب""".split()}

#: «هیئت» (board) ends a role («… | هیئت همراه»), but right after the head it is the office («رئیس هیئت جودو»)
_BOARD = {L.key(w) for w in ("هیئت", "هیات")}


def _role_at(scan: Scan, i: int) -> int | None:
    """End token (exclusive) of a role phrase starting at ``i`` («رئیس جمهور کوبا», «وزیر امور خارجه»)."""
    m = scan.match(i, L.ROLE_KEYS, 2)
    if not m or scan.footer[i]:
        return None
    j = head_end = i + m[0]
    n = len(scan.keys)  # (a list: ``len(scan.tokens)`` would be a Python-level call, made at every step below)
    if scan.keys[i] == "یکی" and j < n:
        # «یکی از اهالی / نمایندگان / شهروندان …» is someone; «یکی از نکاتی که …» is not
        nk = scan.keys[j]
        if not (scan.match(j, L.ROLE_KEYS, 2) or nk.endswith(("ان", "ین", "گان", "ات", "ها", "های")) or nk == "اهالی"):
            return None
    names, maybe = L.name_tokens(), L.maybe_first_names()
    bits, stop_bits = scan._bits, _bits_once("role_stop", L.speech_verbs(), L.OPINION, L.TITLE_KEYS, L.stance_verbs())
    while j < n and j - i < 8 and scan.joined(j - 1):
        k = scan.keys[j]
        if k == "و" and j - i >= 2 and j + 1 < n and scan.joined(j) \
                and scan.keys[j - 1] + "و" + scan.keys[j + 1] in L.places():
            j += 2  # «فرمانده انتظامی سیستان و بلوچستان»: a place named with «و»
            continue
        if k == "و" and j - i >= 2 and j + 1 < n and scan.joined(j):
            nk = scan.keys[j + 1]
            if ((nk not in L.STOP or (scan.keys[j - 1], nk) in _ROLE_COMPOUNDS) and nk not in _ROLE_END and names.get(nk) != "first" and nk not in L.PRONOUNS
                    and not scan.match(j + 1, L.ROLE_KEYS, 2) and not scan.match(j + 1, L.TITLE_KEYS, 3)
                    and nk not in L.sure_places() and not scan.match(j + 1, L.speech_verbs(), 3)):
                j += 2  # «وزیر آموزش و پرورش», «معاون پیشگیری و درمان …»
                continue
        if k == _VALI and j + 1 < n and scan.joined(j) and scan.keys[j + 1] == _FAQIH:
            j += 2  # «نماینده ولی فقیه در …»: «ولی» (but) is a word of the office here
            continue
        if k == _IMAM and j - i >= 2 and scan.joined(j) and j + 1 < n \
                and not scan.match(j, L.ROLE_KEYS, 2) and scan.keys[j + 1] not in L.FUNCTION:
            j += 2  # «سرپرست کمیته امداد امام خمینی (ره)», «رئیس بیمارستان امام رضا»: an institution's namesake
            continue
        if j - i >= 2 and scan.joined(j) and j + 1 < n and scan.keys[j - 1] not in L.sure_places() \
                and scan.keys[j - 1] not in L.FUNCTION and (t := scan.match(j, _NAMESAKE_TITLES, 2)) is not None \
                and j + t[0] < n and scan.joined(j + t[0] - 1) and _name_token_ok(scan, j + t[0]):
            # «رئیس دانشگاه آزاد اسلامی واحد آیت‌الله آملی», «سرمربی تیم فوتبال فجر شهید سپاسی شیراز»: a title after an
            # institution's noun names the institution (after a place it is the holder's: «امام جمعه تهران آیت‌الله …»)
            j += t[0] + 1
            while j < n and scan.joined(j - 1) and scan.keys[j] in L.name_tokens() and _name_token_ok(scan, j):
                j += 1
            continue
        if j - 1 > i and scan.keys[j - 1] in L.sure_places() and L.sure_places()[scan.keys[j - 1]].kind != "region" \
                and k not in _ROLE_AFTER_PLACE:
            break  # «معاون رئیس جمهور عراق | وتوی مجدد …»: a role ends after its country or city
        if (k in L.FUNCTION or names.get(k) == "first" or k in L.CLAUSE_VERBS or not_name_word(scan, j)
                or k in _ROLE_END and not (j == head_end and k in _BOARD)  # «رئیس هیئت فوتبال استان», «عضو هیئت علمی»
                or k in maybe and j + 1 < n and scan.joined(j) and _unknown_word(scan, j + 1)  # «… و میلاد سرلک»
                or _INFINITIVE.search(k) and k not in _NOT_INFINITIVE
                or k.endswith("ترین") and j > i + 1  # a superlative opens the object: «… دانشگاهی | مهم‌ترین شاخص»
                or bits[j] & stop_bits and (scan.match(j, L.speech_verbs(), 3) or scan.match(j, L.OPINION, 3)
                                            or scan.match(j, L.TITLE_KEYS, 3) or scan.match(j, L.stance_verbs(), 3))):
            break
        j += 1
    if j - i >= 8 and j + 1 < n and scan.keys[j] == _IMAM and scan.joined(j - 1) and scan.joined(j) \
            and not scan.match(j, L.ROLE_KEYS, 2) and scan.keys[j + 1] not in L.FUNCTION:
        j += 2  # a long role ending in a namesake: «رئیس دانشگاه آزاد اسلامی واحد یادگار امام خمینی (ره)»
    elif j - i >= 8 and j + 1 < n and scan.joined(j - 1) and scan.keys[j - 1] not in L.sure_places() \
            and (t := scan.match(j, _NAMESAKE_TITLES, 2)) is not None and j + t[0] < n \
            and scan.joined(j + t[0] - 1) and _name_token_ok(scan, j + t[0]):
        j += t[0] + 1  # «رئیس دانشگاه آزاد اسلامی علوم و تحقیقات واحد آیت‌الله آملی»
    return j


def find_mentions(scan: Scan) -> tuple[list[Mention], list[Person]]:
    """Name, role and pronoun mentions in text order, and the people they refer to."""
    n = len(scan.keys)  # the number of tokens (a list's length, no Python-level ``Tokens.__len__`` call)
    names = L.name_tokens()
    raw: list[tuple[Mention, list[str]]] = []  # name mentions with their titles
    roles: list[Mention] = []
    pronouns: list[Mention] = []
    used = [False] * n
    role_bit = scan.bits_of(L.ROLE_KEYS)
    trigger_bits = scan.bits_of(L.TITLE_KEYS, L.ROLE_KEYS, L.PRONOUNS)
    solos = L.solo_names()
    text = scan.text
    i = 0
    for c in _mention_starts(scan, trigger_bits):
        if c < i:
            continue
        i = c
        if scan.footer[i] or used[i]:
            continue
        # titles, possibly stacked: «حضرت آیت‌الله», «حجت‌الاسلام والمسلمین»
        titles: list[str] = []
        j = i
        while j < n:
            m = scan.match(j, L.TITLE_KEYS, 3)
            if not m:
                break
            r = scan.match(j, L.ROLE_KEYS, 2)
            if r and r[0] > m[0]:  # «امام جمعه» is a role, «امام خمینی» a title
                break
            nxt = j + m[0]
            if r and r[0] == m[0] and nxt < n and scan.keys[nxt] in L.common_words() \
                    and scan.keys[nxt] not in names and not titles:
                break  # «کاپیتان تیم فوتبال پدیده خراسان»: a role head that is a title too, before an ordinary word
            titles.append(scan.span_text(j, j + m[0]))
            j += m[0]
            if not scan.joined(j - 1) and not scan.text[scan.ends[j - 1] : scan.starts[j] if j < n else None].strip(" ") == "«":
                break
        name_rng: tuple[int, int] | None = None
        after_cue = i >= 2 and scan.keys[i - 2] == "به" and scan.keys[i - 1] in _CUE_NOUNS and scan.joined(i - 1)
        span_start = scan.starts[i]
        span_end = 0
        if j < n:
            opens = scan.text[max(0, scan.starts[j] - 2) : scan.starts[j]]
            g = _guillemet_name(scan, j) if any(map(opens.__contains__, "«“\"'")) else None
            if g and g[0] > 0 and scan.keys[g[0] - 1] in _SOURCE_CUES and not titles:
                g = None  # «به گزارش "ورزش سه"، مدافع پرسپولیس …»: the outlet that reports, no one's name
            if g and (titles or _role_at(scan, g[1]) or (g[1] < n and _role_after(scan, g[3], g[1]))
                      or not titles and _quoted_subject(scan, g)):
                name_rng, span_end = (g[0], g[1]), g[3]
            elif titles:
                k = j
                if scan.keys[j] in _FUNCTION_FIRST and j + 1 < n and scan.joined(j) \
                        and (_unknown_word(scan, j + 1) or scan.keys[j + 1] in names):
                    k = j + 1  # «مهندس ولی آذروش»: a first name that is also a function word («ولی»: but)
                while k < n and k - j < 4 and _name_token_ok(scan, k) and (k == j or scan.joined(k - 1)):
                    if k > j and scan.keys[k] in L.common_words():
                        # «حجت الاسلام محمدرضا میر تاج‌الدینی»: a frequent word inside, when a rare one follows
                        if k - j < 3 and k + 1 < n and scan.joined(k) and _unknown_word(scan, k + 1):
                            k += 2
                            continue
                        if scan.keys[k].endswith("ی") and _clause_openers(scan)[scan.keys[k]] >= 2:
                            k += 1  # «حجت‌الاسلام عبدالحسین بابایی … ⏎ بابایی تاکید کرد»: the surname the article repeats
                        break
                    k += 1
                if k > j and k - j < 4 and _surname_before_apposition(scan, k):
                    k += 1  # «ژنرال محمد ظهیر عظیمی، سخنگوی …»
                elif k == j + 1 and (scan.keys[j] in L.first_names() or _unknown_word(scan, j)) \
                        and _clause_start(scan, i) and _surname_in_subject_slot(scan, k):
                    k += 1  # «سید بهلول حسینی نماینده مردم میانه در گفت‌وگو … گفت»
                # «شهید، تکریم …» (a comma between), «آقایان گفتن …», «32 شهید تقدیم …» (a count): no name
                apart = j > 0 and not scan.joined(j - 1) and "«" not in scan.gaps[j - 1]
                counted = i > 0 and _DIGIT.search(scan.keys[i - 1]) is not None
                if k > j and not apart and not (k == j + 1 and (counted or _INFINITIVE.search(scan.keys[j])
                                                                 and scan.keys[j] not in _NOT_INFINITIVE)):
                    name_rng, span_end = (j, k), scan.ends[k - 1]
            elif after_cue and not titles and scan.keys[j] not in L.common_words() and _name_token_ok(scan, j) \
                    and len(scan.keys[j]) >= 3 and scan.keys[j] not in L.sure_places():
                # «به گفته شیرین ولی‌پوری خودزنی …»: after «به گفته» comes who said it
                k = j + 1
                while k < n and k - j < 2 and scan.joined(k - 1) and _name_token_ok(scan, k) \
                        and scan.keys[k] not in L.common_words() and len(scan.keys[k]) >= 3:
                    k += 1
                if k - j >= 2:
                    name_rng, span_end = (j, k), scan.ends[k - 1]
            if name_rng is None and not titles and j == i and _clause_start(scan, i) and _unknown_word(scan, i):
                # «هدایت‌اله جمالی‌پور در جلسه …»: two or three unknown words opening a clause, then «در / با …»
                k = i + 1
                while k < n and k - i < 3 and scan.joined(k - 1) and _unknown_word(scan, k) \
                        and scan.keys[k] not in _AFTER_SOLE_SUBJECT \
                        and not (k > i + 1 and scan.keys[k].endswith("ی") and scan.keys[k][:-1] in L.common_words()):
                    k += 1  # not «اسکولز | راجع به …», «رسولی محلاتی | روایتی …»
                if k - i == 1 and _surname_in_subject_slot(scan, k) and _bare_subject_elsewhere(scan, k):
                    k += 1  # «مائوریتزیو ساری در پایان بازی گفت … ساری در ادامه گفت»: a surname that is a word too
                # «افشاگری کوهن در …» (Cohen's disclosure) is not a new person: it ends in a known surname
                # that no first name precedes
                owned = scan.keys[k - 1] in {scan.keys[m.t1 - 1] for m, _ in raw} and scan.keys[i] not in names
                # «شهردار اشتوتگارت ، فریتس کوهن ، پیام …»: between commas right after a role, in apposition
                between_commas = bool(roles) and roles[-1].t1 == i and k < n \
                    and _COMMA_GAP.fullmatch(text[scan.ends[i - 1] : scan.starts[i]]) is not None \
                    and _COMMA_GAP.fullmatch(text[scan.ends[k - 1] : scan.starts[k]]) is not None
                if k - i == 1 and k + 1 < n and scan.joined(i) and _name_token_ok(scan, k) \
                        and not scan.keys[i].endswith("ی") and names.get(scan.keys[i]) not in ("last", "solo") \
                        and (scan.keys[k].endswith("ی") or names.get(scan.keys[k]) in ("last", "solo")) \
                        and scan.keys[k] not in {scan.keys[m.t1 - 1] for m, _ in raw} \
                        and len(scan.keys[k]) >= 3 and scan.keys[k] not in L.sure_places() \
                        and not _not_name_at(scan, k) and scan.keys[k] not in L.FUNCTION \
                        and _subject_slot(scan, k + 1):
                    # «احد جمالی در دیدار … گفت», «ماشاءالله عظیمی …»: an unknown first name, then a surname in «ی»
                    # that is a frequent word too
                    k += 1
                if k - i >= 2 and k < n and not owned and (between_commas or scan.joined(k - 1) and (
                        scan.keys[k] in _AFTER_SUBJECT or scan.match(k, L.speech_verbs(), 3)) or _subject_slot(scan, k)) \
                        and not (_GROUP_NOUN.search(scan.keys[i]) and (v2 := _says(scan, k)) is not None
                                 and _PLURAL_VERB.search(scan.keys[v2[1] - 1])):  # «کتابداران تهرانی … گفتند»
                    name_rng, span_end = (i, k), scan.ends[k - 1]
                elif k - i == 1 and k < n and not owned and scan.keys[i] not in L.maybe_first_names() \
                        and (v := _says(scan, k) if scan.joined(k - 1) else _apposition_says(scan, k)) is not None \
                        and _sole_name_word(scan, i) \
                        and not (_GROUP_NOUN.search(scan.keys[i]) and _PLURAL_VERB.search(scan.keys[v[1] - 1])):
                    # «کتابداران … گفتند»: a plural noun with a plural verb is a group, «تیموریان … گفت» a surname
                    # «دروگبا به این نکته اشاره کرده است», «میکل پیرامون این مسئله گفت»: one unknown word opening
                    # the clause of a speech verb is its subject, a surname the lexicon does not know
                    name_rng, span_end = (i, i + 1), scan.ends[i]
            if name_rng is None and not titles and j == i and _recurring_surname(scan, i):
                name_rng, span_end = (i, i + 2), scan.ends[i + 1]
            split = name_rng is None and not titles and _split_first(scan, j)
            if name_rng is None and not titles and (names.get(scan.keys[j]) == "first" or split) \
                    and (_name_token_ok(scan, j) or _first_name_not_role(scan, j)) and not _feast_epithet(scan, j):
                k = j + 2 if split else j + 1
                if k + 1 < n and k - j == 1 and scan.joined(k - 1) and _surname_head(scan, k):
                    k += 2  # «حسین شاه حسینی», «میثم زمان آبادی»: a surname whose first half is a role or an epithet
                while k < n and k - j < 4 and scan.joined(k - 1) and _name_token_ok(scan, k) and scan.keys[k] in names:
                    k += 1
                # then surnames the lexicon does not know: one right after a first name may be an ordinary
                # word too («اسماعیل دوستی», «مهدی چمران»), further ones may not; a place noun may not
                # («طرح هادی روستای تینوج»: the rural «هادی» plan of the village of Tinuj)
                while k < n and k - j < 4 and scan.joined(k - 1) and _name_token_ok(scan, k) \
                        and len(scan.keys[k]) >= 3 and scan.keys[k] not in L.sure_places() \
                        and scan.keys[k] not in L.PLACE_CUES \
                        and (k == j + 1 or scan.keys[k] not in L.common_words()) and not _not_name_at(scan, k):
                    k += 1
                if k - j >= 2 and k - j < 4 and _surname_before_apposition(scan, k):
                    k += 1  # «محمد ظهیر عظیمی، سخنگوی وزارت دفاع …»: a surname in «ی» that is a frequent word too
                if k - j < 3 and j == i and _clause_start(scan, j) and _surname_in_subject_slot(scan, k):
                    # «محمد اسلامی افزود: …», «سید بهلول حسینی نماینده مردم میانه … گفت»: a subject's surname
                    # that is an ordinary word too
                    k += 1
                    name_rng, span_end = (j, k), scan.ends[k - 1]
                elif k == j + 2 and _first_name_alone(scan, j):
                    k = j + 1  # «آریا ساعت …», «آریا داریم …», «آریا اندازه …»: the first name alone
                    name_rng, span_end = (j, k), scan.ends[j]
                elif k - j >= 2:
                    name_rng, span_end = (j, k), scan.ends[k - 1]
                elif k == j + 1 and j == i and _clause_start(scan, j) and scan.keys[j] not in L.common_words() \
                        and not _after_source_cue(scan, j) and _apposition_says(scan, k) is not None:
                    name_rng, span_end = (j, k), scan.ends[j]  # «میثم، یکی دیگر از ساکنان روستا گفت: …»
            if name_rng is None and not titles and scan.keys[j] in solos and _name_token_ok(scan, j) \
                    and not (j > 0 and scan.joined(j - 1) and names.get(scan.keys[j - 1]) == "first") \
                    and not _indefinite_noun(scan, j) and not _word_before_surname(scan, j):
                # «ترامپ», «همتی», «هاشمی رفسنجانی»: a surname that names a person on its own
                k = j + 1
                while k < n and k - j < 3 and scan.joined(k - 1) and scan.keys[k] in names \
                        and _name_token_ok(scan, k):  # «اسفندیار رحیم مشایی»
                    k += 1
                if k == j + 1 and k + 1 < n and scan.joined(j) and _unknown_word(scan, k) and (
                        _COMMA_GAP.fullmatch(scan.gaps[k]) is not None or scan.joined(k) and _role_at(scan, k + 1)):
                    k += 1  # «منصور ابراهیم‌زاده، سرمربی راه‌آهن»: a first name that also stands alone as a surname
                name_rng, span_end = (j, k), scan.ends[k - 1]
        if name_rng:
            a, b = name_rng
            mtext = _QUOTES_ONLY.sub("", scan.text[span_start:span_end])
            mtext = _SPACES.sub(" ", mtext).strip()
            ment = Mention(span_start, span_end, i, b, "name", scan.span_text(a, b))
            ment.role = mtext  # full written form, kept until people are built
            raw.append((ment, titles))
            for q in range(i, b):
                used[q] = True
            i = b
            continue
        if scan.keys[i] in L.PRONOUNS and not titles:
            pronouns.append(Mention(scan.starts[i], scan.ends[i], i, i + 1, "pronoun", scan.words[i]))
            i += 1
            continue
        r = _role_at(scan, i) if scan._bits[i] & role_bit else None
        if r and scan.keys[i] in _CUE_NOUNS and i > 0 and scan.keys[i - 1] == "به":
            r = None  # «به رهبری نایجل فراژ»: a cue for the name after it, no role
        if r and raw and raw[-1][0].t1 == i:
            pass  # already right after a name
        elif r and i >= 2 and (L.key(scan.span_text(i, min(r, i + 2))) not in _VAGUE_ROLE
                               and scan.keys[i] not in _VAGUE_ROLE or _one_of_after_comma(scan, i)):
            k = i
            comma_gap = _COMMA_GAP.fullmatch(scan.text[scan.ends[i - 1] : scan.starts[i]]) is not None
            if comma_gap and not used[i - 1]:
                # «مجیدرضا حریری ، نایب‌رییس اتاق بازرگانی»: look back from before the comma
                k2 = i - 1
                while k2 > 0 and i - 1 - k2 < 3 and (k2 == i - 1 or scan.joined(k2)) and not used[k2] \
                        and _name_token_ok(scan, k2) and scan.keys[k2] not in L.common_words() \
                        and len(scan.keys[k2]) >= 3 and scan.keys[k2] not in L.sure_places():
                    k2 -= 1
                k2 += 1
                before = scan.text[scan.ends[k2 - 1] : scan.starts[k2]] if k2 > 0 else "."
                # one unknown word will do too: «… ایشان وینگادا ، سرمربی تیم ملی امید شد»
                one = i - k2 == 1 and _unknown_word(scan, k2) and scan.keys[k2] not in L.FUNCTION \
                    and not _after_source_cue(scan, k2)  # «به نقل از تسنیم، سرمربی …»: the outlet
                if one and k2 >= 1 and not used[k2 - 1] and scan.joined(k2 - 1) and _clause_start(scan, k2 - 1) \
                        and _name_token_ok(scan, k2 - 1) and not _BREAK_BEFORE.search(before) \
                        and scan.keys[k2 - 1] not in L.FUNCTION and scan.keys[k2 - 1] not in _OPENERS:
                    k2 -= 1  # «پل اسکولز، اسطوره یونایتد …»: a first name that is a frequent word, opening the clause
                    before = scan.text[scan.ends[k2 - 1] : scan.starts[k2]] if k2 > 0 else "."
                if (i - k2 >= 2 or one) and (k2 == 0 or _BREAK_BEFORE.search(before) or scan.keys[k2 - 1] in L.FUNCTION
                                             or scan.keys[k2 - 1] in _OPENERS):  # «پیش‌تر بنفشه زهرایی ، دبیر …»
                    ment = Mention(scan.starts[k2], scan.ends[i - 1], k2, i, "name", scan.span_text(k2, i))
                    ment.role = ment.text
                    raw.append((ment, []))
                    k = i  # done
                    before = ""
            while k > 0 and i - k < 3 and scan.joined(k - 1) and not used[k - 1] \
                    and _name_token_ok(scan, k - 1) and scan.keys[k - 1] not in L.common_words() \
                    and len(scan.keys[k - 1]) >= 3 and scan.keys[k - 1] not in L.sure_places() and not scan.footer[k - 1]:
                k -= 1
            if not comma_gap and i - k < 2:
                # «ایاد علاوی نخست وزیر …» right after a colon or a full stop: a surname may be a frequent word
                # too («علاوی»), as long as the other word is not
                k3 = i
                while k3 > 0 and i - k3 < 2 and scan.joined(k3 - 1) and not used[k3 - 1] \
                        and _name_token_ok(scan, k3 - 1) and len(scan.keys[k3 - 1]) >= 3 \
                        and scan.keys[k3 - 1] not in L.sure_places() and not scan.footer[k3 - 1] \
                        and not _not_name_at(scan, k3 - 1):
                    k3 -= 1
                if i - k3 == 2 and any(scan.keys[q] not in L.common_words() for q in range(k3, i)) \
                        and (k3 == 0 or _STOP_BEFORE.search(scan.text[scan.ends[k3 - 1] : scan.starts[k3]])):
                    k = k3
            before = scan.text[scan.ends[k - 1] : scan.starts[k]] if k > 0 else "."
            if not comma_gap and i - k >= 2 and (k == 0 or _BREAK_BEFORE.search(before) or scan.keys[k - 1] in L.FUNCTION):
                ment = Mention(scan.starts[k], scan.ends[i - 1], k, i, "name", scan.span_text(k, i))
                ment.role = ment.text
                raw.append((ment, []))
        if r:
            q = _quantified(scan, i, used)
            roles.append(Mention(scan.starts[q], scan.ends[r - 1], q, r, "role", scan.span_text(q, r)))
            for q in range(i, r):
                used[q] = True
            i = r
            continue
        i += 1
    raw = [x for x in raw if not _team_in_a_role(scan, x[0], roles)]
    for m, _ in raw:  # names found looking back from a role leave their tokens unmarked
        used[m.t0 : m.t1] = [True] * (m.t1 - m.t0)
    raw += _repeated_names(scan, used, {scan.keys[m.t1 - 1] for m, _ in raw if m.t1 - m.t0 >= 2})
    raw += _listed_names(scan, raw, used)
    _trim_run_on(scan, raw)
    raw = [x for x in raw if not _namesake(scan, x)]
    people = _people(scan, raw, roles)
    mentions = sorted([m for m, _ in raw] + roles + pronouns, key=lambda m: m.start)
    return mentions, people


def _team_in_a_role(scan: Scan, m: Mention, roles: list[Mention]) -> bool:
    """A one-word name no list holds that the article writes inside a role phrase too («دروازه‌بان سابق شهرخودرو»):
    a team or a body the role names, not a person («دروازه‌بان سابق تیم‌های پیکان، شهرخودرو، نفت … گفت»)."""
    if m.t1 - m.t0 != 1 or not roles:
        return False
    k = scan.keys[m.t0]
    if k in L.name_tokens() or not any(scan.keys[q] == k for r in roles if r.t1 - r.t0 >= 2
                                       for q in range(r.t0 + 1, r.t1)):
        return False
    # (a role may run on into a surname: «خبرنگار … فارس نور الدین پیرموذن نماینده»; a word that opens a clause
    # right before «در / با …» or a speech verb, «پیرموذن تاکید کرد», is a person)
    return not any(scan.keys[q] == k and _clause_start(scan, q) and _subject_follows(scan, q + 1)
                   for q in range(len(scan.keys) - 1))


_ARABIC_WORD = re.compile(r"^ال|[أإةؤً]")
_INFLECTED = re.compile(r"(?:ش|م|ت|ی|اش|شان|مان|ها|های)$")
_PERFECT = re.compile(r"ه(?:اند|ایم|اید)$")  # «نشسته‌اند», not «اولاند»


_ARABIC_FUNCTION = {L.key(w) for w in ("فی", "الی", "الذی", "التی", "هذا", "هذه", "ذلک", "کان", "قال", "قالوا", "عن",
                                        "علیه", "انه", "لم", "لن", "الا", "إن", "أن", "اللهم", "هو", "بما", "لما")}
#: nouns before the name of a place or a thing («منطقه پی‌رجه هزارجریب», «ورزشگاه استمفورد بریج»)
_THING_CUES = {L.key(w) for w in """منطقه مناطق ورزشگاه استادیوم هتل خیابان بزرگراه میدان بیمارستان شرکت باشگاه تیم
    کتاب فیلم روزنامه نشریه مجله سایت برند مارک محله کوه رود رودخانه دریاچه جزیره تنگه بندر فرودگاه""".split()}
_ARABIC_OF: dict[int, tuple[Scan, set[int]]] = {}
_INFLECTED_ANY = re.compile(r"(?:ش|م|ت|ی|اش|شان|مان|ها|های|ین|ات)$")
_GLUED_HEAD = re.compile(r"^([^\u200c]{3,})\u200c")


def _arabic_word(word: str) -> bool:
    """An Arabic word: «ال» («الضروره»), a hamza seat or tanwin of Arabic — unless a listed first name."""
    return _ARABIC_WORD.search(word) is not None and L.name_tokens().get(L.key(word)) != "first"


def _arabic_blocks(scan: Scan) -> set[int]:
    """Blocks (paragraphs) with two Arabic function words or more: a verse, a hadith, a fatwa quoted in Arabic."""
    got = _ARABIC_OF.get(id(scan))
    if got is None or got[0] is not scan:
        _ARABIC_OF.clear()
        hits = Counter(scan.block_of[q] for q in compress(range(len(scan.keys)),
                                                           map(_ARABIC_FUNCTION.__contains__, scan.keys)))
        got = (scan, {b for b, n in hits.items() if n >= 2})
        _ARABIC_OF[id(scan)] = got
    return got[1]


def _ordinary_stem(k: str, ordinary: frozenset[str]) -> bool:
    """An ordinary word of the NER corpora with a possessive, plural or «ی» suffix («باشگاهش», «صحبتی»)."""
    m = _INFLECTED.search(k)
    return m is not None and k[: m.start()] in ordinary


def _inflected(k: str, ordinary: frozenset[str], surname: bool = False) -> bool:
    """An ordinary word with a suffix («ناظرین», «صحبتی», «نشسته‌اند»); with «ی» only a frequent one: «ریگی»,
    «نصیری» are surnames."""
    m = _INFLECTED_ANY.search(k)
    if m is None:
        return False
    stem = k[: m.start()]
    if k[:2] in ("نا", "بی") and (k[2:] in ordinary or k[2:] in L.common_words()):
        return True  # «ناایمن»
    return stem in L.common_words() or stem in ordinary and not (surname and k.endswith("ی"))


def _glued(word: str) -> bool:
    """A half-spaced word whose first part is a frequent word («هفت‌رنگ», «بی‌طرف» is caught as «بی» + …)."""
    if word.startswith(("بی\u200c", "نا\u200c", "هم\u200c", "به\u200c")) or "می\u200c" in word:
        return True  # «بی‌طرف», «حقوقمی‌نشیند»
    if word.startswith("و") and (L.key(word[1:]) in L.common_words() or L.key(word[1:]) in L.ordinary_words()):
        return True  # «وکاهش»: «و» glued to a word
    m = _GLUED_HEAD.match(word)
    return m is not None and (L.key(m.group(1)) in L.common_words() or L.key(m.group(1)) in L.ordinary_words())


def _repeated_names(scan: Scan, used: list[bool], surnames: set[str]) -> list[tuple[Mention, list[str]]]:
    """«ذخیره ایکر کاسیاس شد … با جدایی کاسیاس»: a first name (known, or a word the lexicons do not know) and a
    rare word that the article writes again on its own — a person no cue introduces, typically a foreign name.
    A word that ends a name found already (``surnames``, updated with the names found here) is that person's surname, no first name: «شفر برزای را
    می‌خواست» is Schaefer wanting Barzai, two people side by side."""
    keys = scan.keys
    firsts, maybe, names, ordinary = L.first_names(), L.maybe_first_names(), L.name_tokens(), L.ordinary_words()
    out: list[tuple[Mention, list[str]]] = []
    common = L.common_words()
    # the article's own words looked up in the lists, in C: «set.difference» walks the smaller set (the
    # article's words), where «set -= frozenset» would walk all 37k ordinary words
    # (three letters will do for the surname: «لیونل مسی», «فیلیپ لام», «هرنان پرز»)
    rare = {k for k in set(keys).difference(common).difference(ordinary) if len(k) >= 3}
    if not rare:
        return out
    at = list(compress(range(len(keys)), map(rare.__contains__, keys)))
    where: dict[str, list[int]] = {}
    for q in at:
        where.setdefault(keys[q], []).append(q)
    counts = {k: len(w) for k, w in where.items()}  # how often each rare word is written (no Counter of all words)
    for q in at:
        k = keys[q]
        if q == 0 or used[q] or used[q - 1] or not scan.joined(q - 1):
            continue
        f = keys[q - 1]
        if counts[k] < 2 and (f in ordinary or f in common or f in names) and f not in maybe or names.get(k) == "first" \
                or not _unknown_word(scan, q):
            continue  # (a word written once needs an unknown word before it)
        if f == k or names.get(f) == "last" or f in surnames or _arabic_word(scan.words[q - 1]) or _arabic_word(scan.words[q]) \
                or _ordinary_stem(k, ordinary) or _PERFECT.search(k) or _glued(scan.words[q - 1]):
            continue  # «دوان دوان», «زاده صحبتی», Arabic passages («تزویج الأب»), «باشگاهش», «نشسته‌اند»
        if not (f in firsts or f in maybe or f not in ordinary and _unknown_word(scan, q - 1)) \
                or not _name_token_ok(scan, q - 1) \
                or (q + 1 < len(keys) and scan.joined(q) and _unknown_word(scan, q + 1)):
            continue
        twice = counts[k] >= 2 and any(r > 0 and keys[r - 1] != f for r in where[k] if r != q)
        # once only: two words no list holds («تیبو کورتوا», «خورخه سمپائولی»), outside Arabic passages and
        # not a frequent word under a prefix or a suffix («ناظرین بی‌طرف», «بادبادک هفت‌رنگ»)
        # a first name that is a word too («جان بولتون»: «جان», life) will do before such a surname
        if not twice and not ((f in maybe or f not in ordinary and f not in names and len(f) >= 3
                               and _unknown_word(scan, q - 1) and not _inflected(f, ordinary)) and not _inflected(k, ordinary, surname=True)
                              and not _glued(scan.words[q - 1]) and not _glued(scan.words[q])
                              and scan.block_of[q] not in _arabic_blocks(scan)
                              and not (q >= 2 and (keys[q - 2] in L.PLACE_CUES or keys[q - 2] in _THING_CUES))):
            continue
        ment = Mention(scan.starts[q - 1], scan.ends[q], q - 1, q + 1, "name", scan.span_text(q - 1, q + 1))
        ment.role = ment.text
        out.append((ment, []))
        used[q - 1] = used[q] = True
        surnames.add(k)
    return out


def _listed_names(scan: Scan, raw: list[tuple[Mention, list[str]]], used: list[bool]) -> list[tuple[Mention, list[str]]]:
    """«آرمین هادی پور، بهنام اسبقی، ابوالفضل یعقوبی …»: two or three words between commas, a name before them and
    one after (or «و» and a name) are a name too when they open with a first name or a word no list holds."""
    if len(raw) < 2:
        return []
    keys, n = scan.keys, len(scan.keys)
    starts = {m.t0 for m, _ in raw}
    firsts, maybe, ordinary, common = L.first_names(), L.maybe_first_names(), L.ordinary_words(), L.common_words()
    out: list[tuple[Mention, list[str]]] = []
    for m, _ in list(raw):
        a = m.t1
        if a >= n or _COMMA_GAP.fullmatch(scan.gaps[a - 1]) is None:
            continue
        for b in (a + 1, a + 2, a + 3):
            if b > n or not all(scan.joined(q) for q in range(a, b - 1)):
                break
            if b < n and (_COMMA_GAP.fullmatch(scan.gaps[b - 1]) is not None and b in starts
                          or scan.joined(b - 1) and keys[b] == "و" and b + 1 in starts):
                if any(used[q] or not _name_token_ok(scan, q) or keys[q] in L.sure_places() for q in range(a, b)):
                    break
                if not (keys[a] in firsts or keys[a] in maybe or keys[a] not in ordinary and keys[a] not in common) \
                        or keys[b - 1] in common and keys[b - 1] not in L.name_tokens():
                    break
                # one word will do when no list holds it: a surname alone among names («… مجید حسینی،
                # پادووانی و آرمین سهرابیان»)
                if b == a + 1 and (keys[a] in firsts or keys[a] in maybe or len(keys[a]) < 3 or _not_name_at(scan, a)
                                   or _inflected(keys[a], ordinary, surname=True) or keys[a] in L.places()):
                    continue
                ment = Mention(scan.starts[a], scan.ends[b - 1], a, b, "name", scan.span_text(a, b))
                ment.role = ment.text
                out.append((ment, []))
                used[a:b] = [True] * (b - a)
                break
    return out


#: places and buildings named after someone («بیمارستان سینا», «خیابان امینی», «ورزشگاه شهید متقی»)
_NAMESAKE_NOUNS = {L.key(w) for w in """بیمارستان بیمارستانهای خیابان بلوار تقاطع بزرگراه اتوبان کوچه میدان ورزشگاه
    استادیوم سالن تالار مدرسه مدارس دبیرستان هنرستان دبستان ابتدایی دانشگاه پارک بوستان مسجد حسینیه پایگاه مجتمع
    شهرک پادگان فرودگاه ناو ایستگاه بندر اردوگاه امداد هتل""".split()}  # «کمیته امداد امام خمینی (ره)»
#: media a name right after is the title of («نشریه ال موندو دپورتیوو», «شبکه تلویزیونی سوریسی کانتزونی»)
_OUTLET_NOUNS = {L.key(w) for w in ("نشریه", "روزنامه", "مجله", "هفته‌نامه", "ماهنامه", "شبکه", "تلویزیونی",
                                    "رادیو", "رادیویی", "سایت", "وبسایت", "خبرگزاری", "تیم‌های", "تیمهای")}
#: titles a namesake may bear: «مدرسه شهید ساجدی», «میدان امام خمینی», «بیمارستان حضرت امام رضا»
_MARTYR = {L.key(w) for w in ("شهید", "شهیده", "سردار شهید", "امام", "حضرت امام", "حضرت")}


def _namesake(scan: Scan, x: tuple[Mention, list[str]]) -> bool:
    """A name right after a place or building noun, with no title but «شهید» or «امام»: the place's namesake, no
    one in the article («در بیمارستان سینا انجام شد», «مدرسه شهید ساجدی», «میدان امام خمینی»)."""
    m, titles = x
    if not all(L.key(t) in _MARTYR for t in titles):
        return False
    if m.t0 > 0 and scan.joined(m.t0 - 1) and (scan.keys[m.t0 - 1] in _NAMESAKE_NOUNS or scan.keys[m.t0 - 1] in _OUTLET_NOUNS):
        return True  # «بیمارستان سینا», «نشریه ال موندو دپورتیوو», «شبکه تلویزیونی سوریسی کانتزونی»
    # «شهید رجایی قزوین», «شهید شهریاری زنجان»: a martyr's name and a city is a team or a club named after him
    return bool(titles) and m.t1 < len(scan.keys) and scan.joined(m.t1 - 1) and scan.keys[m.t1] in L.sure_places()


def _bare_elsewhere(scan: Scan, k: int) -> bool:
    """The surname at token ``k`` stands elsewhere in the article without the word that follows it here: the name
    ends at it («امیر عابدزاده غایب بودند … عابدزاده در تمرین …»)."""
    keys, key = scan.keys, scan.keys[k]
    if key in L.common_words():  # «ناصر پایه گذار»: «پایه» stands elsewhere as the word it is
        return False
    nxt = keys[k + 1] if k + 1 < len(keys) else ""
    return any(keys[q] == key and (q + 1 >= len(keys) or keys[q + 1] != nxt) for q in range(len(keys)) if q != k)


def _written_prefix(scan: Scan, m: Mention, written: set[str], common: frozenset[str], names: dict[str, str]) -> int:
    """How many leading words of the three-word or longer name ``m`` (titles aside) the article writes as a name of its own when a
    frequent word follows them here («خامنه‌ای | کنفرانس پاییزی»); 0 when none."""
    words = m.text.split()
    n, a = len(words), m.t1 - len(words)  # (the name's own words: titles come before them)
    if n < 3 or a < m.t0 or [L.key(w) for w in words] != scan.keys[a : m.t1]:
        return 0
    for c in range(n - 1, 0, -1):
        nxt = scan.keys[a + c]
        if nxt in common and nxt not in names and L.key(" ".join(words[:c])) in written:
            return c
    return 0


def _trim_run_on(scan: Scan, raw: list[tuple[Mention, list[str]]]) -> None:
    """«افشین قطبی تسلیت …», «خمینی نه‌تنها …» where the article names «افشین قطبی» / «خمینی» elsewhere (or writes the
    surname alone: «امیر عابدزاده غایب … عابدزاده»): a name that ran on into an ordinary word ends before it."""
    if not raw:
        return
    written = {L.key(m.text) for m, _ in raw}
    names, ordinary, common = L.name_tokens(), L.ordinary_words(), L.common_words()
    for m, _ in raw:
        if m.t1 - m.t0 < 2 or m.t1 - 1 <= m.t0:
            continue
        words = m.text.split()
        cut = _written_prefix(scan, m, written, common, names)
        if cut:  # «آیت‌الله خامنه‌ای کنفرانس پاییزی را …» where «خامنه‌ای» is written alone elsewhere
            full = m.role == m.text
            m.t1 -= len(words) - cut
            m.end = scan.ends[m.t1 - 1]
            m.text = " ".join(words[:cut])
            m.role = m.text if full else _SPACES.sub(" ", _QUOTES_ONLY.sub("", scan.text[m.start : m.end])).strip()
            continue
        last = scan.keys[m.t1 - 1]
        if last in names or not (last in ordinary or last in common or _not_name_form(last)):
            continue
        if len(words) < 2 or L.key(" ".join(words[:-1])) not in written and not (
                len(words) >= 3 and _bare_elsewhere(scan, m.t1 - 2)):
            continue
        full = m.role == m.text
        m.t1 -= 1
        m.end = scan.ends[m.t1 - 1]
        m.text = " ".join(words[:-1])
        if full:
            m.role = m.text
        elif m.role:
            m.role = _SPACES.sub(" ", _QUOTES_ONLY.sub("", scan.text[m.start : m.end])).strip()


_ONE_OF = L.key("یکی")


def _one_of_after_comma(scan: Scan, i: int) -> bool:
    """«اسکار مون‌تابالان، یکی از اعضای اصلی رئال مادرید گفت»: «یکی از …» in apposition after a comma describes
    the name before it (elsewhere it names no one in particular)."""
    return scan.keys[i] == _ONE_OF and _COMMA_GAP.fullmatch(scan.gaps[i - 1]) is not None


#: quantifiers of a group («بسیاری از کارشناسان», «برخی فعالان»): part of who speaks
_GROUP_QUANT = {L.key(w) for w in ("بسیاری", "برخی", "بعضی", "تعدادی", "شماری", "اغلب", "اکثر", "بیشتر", "خیلی")}


def _quantified(scan: Scan, i: int, used: list[bool]) -> int:
    """Where the group role at token ``i`` starts with its quantifier: «بسیاری از | کارشناسان …»."""
    keys = scan.keys
    if not (keys[i].endswith(("ان", "ها", "های", "گان")) or keys[i] in ("اعضای", "اهالی")):
        return i
    q = i
    if q >= 2 and keys[q - 1] == "از" and keys[q - 2] in _GROUP_QUANT and scan.joined(q - 1) and scan.joined(q - 2):
        q -= 2
    elif q >= 1 and keys[q - 1] in _GROUP_QUANT and scan.joined(q - 1):
        q -= 1
    return q if not any(used[q:i]) else i


@lru_cache(maxsize=1)
def _first_or_solo() -> frozenset[str]:
    """Keys of first names and of surnames that name a person alone (a mention may start at either)."""
    return L.first_names() | L.solo_names()


#: second halves of compound first names («زین الدین», «روح الله», «عبد الرحمن») copied text writes apart
_ARABIC_TAILS = {L.key(w) for w in ("الله", "الدین", "الرحمن", "الرحیم", "الحسین", "الزمان", "السادات", "الملک")}


def _split_first(scan: Scan, j: int) -> bool:
    """Tokens ``j`` and ``j + 1`` are one compound first name written apart («زین الدین زیدان», «روح الله …»)."""
    return j + 1 < len(scan.keys) and scan.keys[j + 1] in _ARABIC_TAILS and scan.joined(j) \
        and scan.keys[j] + scan.keys[j + 1] in L.first_names() and scan.keys[j] not in L.STOP


def _mention_starts(scan: Scan, trigger_bits: int) -> list[int]:
    """Token indices where a mention may start (most words can start none): a title, role or pronoun, a
    known first name, a word right after «, after «به گفته …» nouns, or an unfrequent word after punctuation."""
    keys, bits, text = scan.keys, scan._bits, scan.text
    common = L.common_words()
    n = len(keys)
    out = {i for i in scan._some if bits[i] & trigger_bits}
    out.update(compress(range(n), map(_first_or_solo().__contains__, keys)))  # one pass for both lists
    out.update(q - 1 for q in compress(range(1, n), map(_ARABIC_TAILS.__contains__, keys[1:])) if _split_first(scan, q - 1))
    out.update(compress(range(1, n), map(_CUE_NOUNS.__contains__, keys[:-1])))
    if keys and keys[0] not in common:
        out.add(0)
    out.update([i + 1 for i in scan.unspaced if keys[i + 1] not in common])
    # «…، بهمن مرادنیا در نشست …»: a frequent word then a rare one after punctuation (see _recurring_surname)
    maybe = L.maybe_first_names()
    out.update([i + 1 for i in scan.unspaced if keys[i + 1] in maybe and i + 2 < n and keys[i + 2] not in common])
    starts = scan.starts
    for opener in ("«", "“", '"', "''"):
        p = text.find(opener)
        while p >= 0:  # «X: the word starting within two characters after «
            q = bisect_left(starts, p + 1)
            if q < len(starts) and starts[q] <= p + 2:
                out.add(q)
            p = text.find(opener, p + 1)
    return sorted(out)


#: sentence adverbs that may open a clause right before a name («پیش‌تر بنفشه زهرایی ، دبیر …»)
_OPENERS = {L.key(w) for w in ("پیشتر", "پیش‌تر", "قبلا", "قبلاً", "اخیرا", "اخیراً", "همچنین", "هم‌چنین", "سپس", "اما",
                               "ولی", "البته", "ضمنا", "ضمناً", "اکنون", "هم‌اکنون", "همچنان", "بنابراین")}
_AFTER_NAME = {L.key(w) for w in ("در", "با", "ضمن", "طی", "امروز", "روز", "نیز", "هم", "همچنین")}
#: role heads that name no one in particular: no name stands right before them
_VAGUE_ROLE = {L.key(w) for w in ("یکی از", "عده‌ای", "گروهی", "اعضای", "اهالی", "ساکنان")}


# infinitives, plurals, adverbs with tanwin, «می‌…» verbs: never a name
_NOT_NAME = re.compile(r"(?:دن|تن|ها|های|هایی|گان|ات|ً|ی‌ای|امروز|دیروز|امشب|شده|شدهاند|شدهاست)$|^(?:می|نمی)"
                       r"|[0-9۰-۹a-zA-Z]")

_PLURAL_ENDS = ("ها", "های", "هایی")


@lru_cache(maxsize=65536)
def _not_name_form(k: str) -> bool:
    """:data:`_NOT_NAME` for a word key, but a plural only where the rest is a word: «کتابهایی» (کتاب + هایی),
    not the surname «شیخبهایی» («شیخ‌بهایی»: no word «شیخب»)."""
    m = _NOT_NAME.search(k)
    if m is None:
        return False
    end = m.group()
    if end not in _PLURAL_ENDS:
        return True
    stem = k[: -len(end)]
    if len(stem) < 2 or stem in L.common_words() or stem in L.ordinary_words() or stem in L.FUNCTION:
        return True
    # «رسانهای» («رسانه‌ای» with its half-space lost) is «رسانه» + «ای», no plural but no name either
    return end == "های" and (stem + "ه" in L.common_words() or stem + "ه" in L.ordinary_words())


_HALF_SPACED_SUFFIX = re.compile("\u200c(?:ها|های|هایی|ای)$")


def _not_name_at(scan: Scan, j: int) -> bool:
    """:func:`_not_name_form` of token ``j``, or a word that bears a plural or «ای» after a half-space
    («مدیربرنامه‌های», «مدیررسانه‌ای») and is no known name token («خامنه‌ای»)."""
    return _not_name_form_at(scan.keys[j], scan.words[j])


@lru_cache(maxsize=65536)
def _not_name_form_at(k: str, w: str) -> bool:
    """:func:`_not_name_at` of a word ``w`` with key ``k`` (cached per word)."""
    return _not_name_form(k) or _HALF_SPACED_SUFFIX.search(w) is not None and k not in L.name_tokens()


#: what follows a subject's name when the clause goes on («مرادنیا پیش از ظهر امروز در نشست …»)
_AFTER_SUBJECT = _AFTER_NAME | {L.key(w) for w in ("پیش", "صبح", "عصر", "ظهر", "شامگاه", "بامداد", "دیروز", "امشب")}


def _recurring_surname(scan: Scan, i: int) -> bool:
    """«…، بهمن مرادنیا در نشست … اظهار کرد … مرادنیا در ادامه …»: at a clause start, a frequent word that is
    a first name too («بهمن», «کریم»: :func:`lexicon.maybe_first_names`) and a rare word that the article writes
    again on its own as a subject, each followed by «در / با / …» or a speech verb — a person whose first name
    the lexicon cannot tell from a word."""
    n = len(scan.keys)
    if i + 2 >= n or scan.keys[i] not in L.maybe_first_names() or not (scan.joined(i) and scan.joined(i + 1)) \
            or not _clause_start(scan, i):  # (the first-name test first: it rejects nearly every word)
        return False
    k0, k1, k2 = scan.keys[i], scan.keys[i + 1], scan.keys[i + 2]
    if k0 not in L.maybe_first_names() or k0 in L.sure_places() or not _name_token_ok(scan, i) \
            or not _unknown_word(scan, i + 1) or L.name_tokens().get(k1) == "first":
        return False
    if _subject_slot(scan, i + 2) and not scan.joined(i + 2) or _says(scan, i + 2) is not None \
            and keys_end_in_speech(scan, i + 2):
        return True  # «کریم عزیززاده به نقش … اشاره و … تاکید کرد», «…، ملی‌پوش …»: the subject of a speech verb
    if not _subject_follows(scan, i + 2):
        return False
    # the surname stands again on its own as a subject: «مرادنیا در ادامه …», «پورمرجان تصریح کرد»
    keys = scan.keys
    return any(keys[q] == k1 and keys[q - 1] != k0 and _subject_follows(scan, q + 1)
               for q in range(1, n - 1) if q != i + 1)


#: what may stand between a subject and the rest of its clause
_AFTER_SOLE_SUBJECT = _AFTER_SUBJECT | {L.key(w) for w in ("پیرامون", "درباره", "راجع", "به", "از", "که", "بعد", "پس")}


_GROUP_NOUN = re.compile(r"(?:ان|ها|های)$")
_PLURAL_VERB = re.compile(r"(?:ند|نده|اند)$")
_SUFFIXES = {L.key(w) for w in ("اش", "ام", "ات", "شان", "مان", "تان", "ها", "های", "ای", "ی")}


_OPENERS_OF: dict[int, tuple[Scan, Counter[str]]] = {}


def _clause_openers(scan: Scan) -> Counter[str]:
    """How often each word opens a clause in the article (counted once per scan)."""
    got = _OPENERS_OF.get(id(scan))
    if got is None or got[0] is not scan:
        _OPENERS_OF.clear()
        keys = scan.keys  # a clause opens only after a gap that is not one space (scan.unspaced)
        got = (scan, Counter(keys[q + 1] for q in scan.unspaced if q + 1 < len(keys) and _clause_start(scan, q + 1)))
        if keys:
            got[1][keys[0]] += 1
        _OPENERS_OF[id(scan)] = got
    return got[1]


_FOLLOWERS_OF: dict[int, tuple[Scan, dict[str, set[str]]]] = {}


def _first_name_alone(scan: Scan, j: int) -> bool:
    """The known first name at token ``j`` is followed by an ordinary word, as it is by two other ordinary words
    elsewhere in the article («آریا ساعت …», «آریا داریم …», «آریا اندازه …»): the name stands alone here."""
    nxt = scan.keys[j + 1]
    ordinary, common = L.ordinary_words(), L.common_words()
    if nxt not in ordinary and nxt not in common or nxt in L.name_tokens():
        return False
    got = _FOLLOWERS_OF.get(id(scan))
    if got is None or got[0] is not scan:
        _FOLLOWERS_OF.clear()
        firsts = L.first_names()
        keys = scan.keys
        followers: dict[str, set[str]] = {}
        for q in compress(range(len(keys) - 1), map(firsts.__contains__, keys)):
            if scan.joined(q):
                followers.setdefault(keys[q], set()).add(keys[q + 1])
        got = (scan, followers)
        _FOLLOWERS_OF[id(scan)] = got
    return sum(f in ordinary or f in common for f in got[1].get(scan.keys[j], ())) >= 3


#: second halves of compound surnames copied text writes apart («زمان آبادی», «ابوترابی فرد», «علامه زاده»)
_SURNAME_TAILS = {L.key(w) for w in ("آبادی", "زاده", "نژاد", "پور", "فرد", "نیا", "فر", "وند", "راد", "منش", "کیا")}


def _surname_head(scan: Scan, k: int) -> bool:
    """Token ``k``, right after a first name, is no name word on its own (a one-word role or an epithet: «شاه»,
    «زمان») but opens a surname with the token after it: a surname tail («میثم زمان آبادی») or a surname the
    lexicon knows («حسین شاه حسینی»)."""
    if _name_token_ok(scan, k) or not scan.joined(k):
        return False
    key, nxt = scan.keys[k], scan.keys[k + 1]
    if key in L.STOP or _DIGIT.search(key) or _VERBISH.search(key) or _MI.match(scan.words[k]) \
            or nxt in L.places() or not _name_token_ok(scan, k + 1):
        return False
    one_word_role = (m := scan.match(k, L.ROLE_KEYS, 2)) is not None and m[0] == 1
    # (not before an unknown word: «یحیی مربی جوانی است», Yahya is a young coach)
    return nxt in _SURNAME_TAILS or one_word_role and (L.name_tokens().get(nxt) in ("last", "solo")
                                                       or nxt in L.maybe_first_names())


_PREPOSITIONS = L.OBJECT_MARKERS | {L.key("در")}


def _word_before_surname(scan: Scan, j: int) -> str:
    """What comes before a surname the news writes alone (:func:`lexicon.news_surnames`) at token ``j``, when it does
    not name a person alone there: "first" — a word that may be its first name, a word no list holds or a first name
    that is a word too («لوکا مودریچ»: the full name is found from its first word); "possessor" — a noun it is the
    possessor of, no one to say anything («شاگردان دالیچ», «در کنار مودریچ»: left unnamed); "" otherwise."""
    if j == 0 or not scan.joined(j - 1) or scan.keys[j] not in L.news_surnames():
        return ""
    f = scan.keys[j - 1]
    if f in L.common_words() and (f not in L.FUNCTION or j >= 2 and scan.keys[j - 2] in _PREPOSITIONS):
        return "possessor"
    if f in L.maybe_first_names() or f not in L.name_tokens() and len(f) >= 3 and _unknown_word(scan, j - 1) \
            and _name_token_ok(scan, j - 1) and not _not_name_at(scan, j - 1):
        return "first"
    return ""


_INDEFINITE_NEXT = {L.key(w) for w in ("را", "است", "هست", "بود", "باشد")}


def _indefinite_noun(scan: Scan, j: int) -> bool:
    """The surname at token ``j`` is a frequent word with the indefinite «ی» here, before «را» / «است»: «نعمتی را برای
    کشور فراهم کرد», «سرزمین پر از برکت و نعمتی است» (a blessing), not «نعمتی» the person."""
    k = scan.keys[j]
    return k.endswith("ی") and k[:-1] in L.common_words() and j + 1 < len(scan.keys) and scan.joined(j) \
        and scan.keys[j + 1] in _INDEFINITE_NEXT


_NAQL, _AZ, _GOZARESH = L.key("نقل"), L.key("از"), L.key("گزارش")


def _after_source_cue(scan: Scan, j: int) -> bool:
    """Token ``j`` follows «به نقل از» / «به گزارش»: a lone word there is the outlet that reports («به نقل از
    تسنیم، سرمربی گسترش فولاد … گفت»), not the subject in apposition."""
    keys = scan.keys
    return j >= 1 and scan.joined(j - 1) and (keys[j - 1] == _GOZARESH or j >= 2 and keys[j - 1] == _AZ
                                              and keys[j - 2] == _NAQL and scan.joined(j - 2))


#: feasts whose epithet is a first name too: «عید سعید فطر», «عید سعید قربان», «اعیاد شعبانیه»
_FEASTS = {L.key(w) for w in ("عید", "اعیاد")}


def _feast_epithet(scan: Scan, j: int) -> bool:
    """The first name at token ``j`` is the epithet of a feast, no one's name: «عید سعید فطر» (blessed Eid)."""
    return j > 0 and scan.keys[j - 1] in _FEASTS and scan.joined(j - 1)


def _first_name_not_role(scan: Scan, j: int) -> bool:
    """The first name at token ``j`` is a one-word role head too («امیر», «ملک», «رهبر»), but a surname follows it, not
    the rest of an office: «امیر قلعه‌نویی» (a known surname or a word no list holds), not «امیر قطر»."""
    m = scan.match(j, L.ROLE_KEYS, 2)
    if m is None or m[0] != 1 or j + 1 >= len(scan.keys) or not scan.joined(j) or scan.match(j, L.TITLE_KEYS, 3):
        return False
    nxt = scan.keys[j + 1]  # (before another first name it is a rank: «امیر علیرضا انگیزه»)
    kind = L.name_tokens().get(nxt)
    return nxt not in L.places() and (kind in ("last", "solo") or kind is None and _unknown_word(scan, j + 1))


def _surname_before_apposition(scan: Scan, k: int) -> bool:
    """Token ``k``, right after a name, is its surname in «ی» though a frequent word too: a comma and a role follow
    («محمد ظهیر عظیمی، سخنگوی وزارت دفاع افغانستان»)."""
    return k + 1 < len(scan.keys) and scan.joined(k - 1) and scan.keys[k].endswith("ی") and _name_token_ok(scan, k) \
        and scan.keys[k] not in L.sure_places() and _COMMA_GAP.fullmatch(scan.gaps[k]) is not None \
        and _role_at(scan, k + 1) is not None


#: what a subject's name never runs on into, whatever the slot after it: function words, the words that open the
#: rest of a clause («در / با / امروز / صبح …») and those that end a role («دیدار», «نیز», «هیئت» …)
_NOT_SURNAME = L.FUNCTION | _AFTER_SOLE_SUBJECT | _ROLE_END | _ADVERBS


def _surname_in_subject_slot(scan: Scan, k: int) -> bool:
    """Token ``k``, right after a first name that opens the clause, is its surname whatever word it is — a frequent
    word or an ordinary noun too («محمد اسلامی افزود: …», «سید بهلول حسینی نماینده مردم میانه در گفت‌وگو … گفت») —
    when what follows it is the rest of a speech verb's clause (:func:`_subject_slot`), or a role in apposition and
    then that clause.  (A first name alone is a subject there too, but then the next word is «در / با / …», the verb
    or a comma, which no surname is.)"""
    n = len(scan.keys)
    if k + 1 >= n or not scan.joined(k - 1):
        return False
    key = scan.keys[k]
    if len(key) < 3 or key in _NOT_SURNAME or key in L.PRONOUNS or key in L.speech_nouns() or key in L.name_tokens() and key in L.first_names() \
            or _DIGIT.search(key) or not_name_word(scan, k) or _not_name_at(scan, k) \
            or scan._bits[k] & _bits_once("name_stop", L.TITLE_KEYS, L.ROLE_KEYS, L.speech_verbs()) and (
                scan.match(k, L.TITLE_KEYS, 3) or scan.match(k, L.ROLE_KEYS, 2) or scan.match(k, L.speech_verbs(), 3)):
        return False
    if _subject_slot(scan, k + 1):
        return True
    r = _role_at(scan, k + 1) if scan.joined(k) else None
    return r is not None and r < n and _subject_slot(scan, r)


def _bare_subject_elsewhere(scan: Scan, k: int) -> bool:
    """The word at token ``k`` (a surname after an unknown first name) opens another clause of the article on its own,
    as the subject of what follows («ساری در ادامه گفت», «لندمن، ساکن شیکاگو، در مصاحبه … گفت»)."""
    key, first, keys = scan.keys[k], scan.keys[k - 1], scan.keys
    if not _clause_openers(scan)[key]:
        return False
    return any(q != k and keys[q - 1] != first and _clause_start(scan, q) and _subject_slot(scan, q + 1)
               for q in range(1, len(keys) - 1) if keys[q] == key)


def _sole_name_word(scan: Scan, i: int) -> bool:
    """An unknown word that is no inflected or glued form of frequent words: not «مطلبی» / «ساعتی» (a frequent
    noun with the indefinite «ی»), «بشدت» («ب» + a frequent word), «آن‌گونه» / «درباره‌اش» / «دراین‌ارتباط»
    (frequent or function words joined by a half-space or glued)."""
    k, common = scan.keys[i], L.common_words()
    if k.startswith("ب") and k[1:] in common:
        return False  # «بشدت»
    if k.endswith("اتی") and len(k) >= 6 and k[:-3] in common:
        return False  # «توافقاتی»: a plural with the indefinite «ی» («براتی», «نجاتی» are names)
    if k.endswith("ی") and k[:-1] in common and (scan.keys.count(k) < 2 or _clause_openers(scan)[k] < 2):
        return False  # «مطلبی»: a surname of that form («حضرتی») opens several clauses of the article
    parts = [L.key(w) for w in scan.words[i].split("\u200c") if w]
    if len(parts) > 1 and (parts[0] in common or parts[0] in L.FUNCTION or parts[-1] in _SUFFIXES):
        return False
    head = parts[0]
    return not any(head[:n] in L.FUNCTION and (head[n:] in L.FUNCTION or head[n:] in common)
                   for n in range(2, len(head) - 1))


def _says(scan: Scan, t: int, limit: int = 30) -> tuple[int, int] | None:
    """Token ``t`` follows a clause-opening word as a subject does («در / با / نیز …» or the verb itself), and a
    speech or opinion verb closes that sentence within ``limit`` words: the verb's token range, else None."""
    keys = scan.keys
    if keys[t] not in _AFTER_SOLE_SUBJECT and scan.match(t, L.speech_verbs(), 3) is None \
            and scan.match(t, L.OPINION, 3) is None:
        return None
    verb_bits = _bits_once("says", L.speech_verbs(), L.OPINION)
    other_bits = _bits_once("someone", L.ROLE_KEYS, L.TITLE_KEYS, L.PRONOUNS)
    firsts, nouns = L.first_names(), L.speech_nouns()
    governed = False  # past a preposition, a role or a name is an object («سلمان در مراسم … مسئولان …»)
    for q in range(t, min(len(keys), t + limit)):
        if q > t and (_STOP_BEFORE.search(scan.gaps[q - 1]) or scan.block_of[q] != scan.block_of[t]):
            return None
        if scan._bits[q] & verb_bits:
            m = scan.match(q, L.speech_verbs(), 3) or scan.match(q, L.OPINION, 3)
            if m:
                return q, q + m[0]
        if keys[q] in nouns and q + 1 < len(keys) and keys[q + 1] == "و" and scan.joined(q) and q > t:
            return q, q + 1  # «… به نقش … اشاره و بر … تاکید کرد»: the light verb of the first of two is left out
        if not governed and (keys[q] in firsts or scan._bits[q] & other_bits and (
                scan.match(q, L.ROLE_KEYS, 2) or scan.match(q, L.TITLE_KEYS, 3) or keys[q] in L.PRONOUNS)):
            return None  # «بالاخره دیروز سخنگوی قوه قضاییه … اعلام کرد»: someone else is the subject
        if keys[q] == "و" or q < len(scan.gaps) and "،" in scan.gaps[q]:
            governed = False  # «… و علیرضا جهانبخش در این باره اظهار داشت»: a clause of its own
        else:
            governed = governed or keys[q] in L.OBJECT_MARKERS or keys[q] in ("در", "بر", "طی", "ضمن")
    return None


def keys_end_in_speech(scan: Scan, t: int) -> bool:
    """Token ``t`` opens what follows a subject: «در / با / به …» or the speech verb itself."""
    return scan.keys[t] in _AFTER_SOLE_SUBJECT or scan.match(t, L.speech_verbs(), 3) is not None


def _apposition_says(scan: Scan, t: int) -> tuple[int, int] | None:
    """After a comma at token ``t``: an apposition of up to eight words, then what follows a subject and a speech
    verb closing the sentence («توستائو، اسطوره فوتبال برزیل مدعی شد که …»): that verb's token range."""
    n = len(scan.keys)
    if t >= n or _COMMA_GAP.fullmatch(scan.gaps[t - 1]) is None:
        return None
    for q in range(t + 1, min(n, t + 9)):
        if not scan.joined(q - 1):
            return None
        if scan.keys[q] in _AFTER_SOLE_SUBJECT or scan.match(q, L.speech_verbs(), 3):
            return _says(scan, q)
    return None


def _subject_slot(scan: Scan, t: int) -> bool:
    """The words before token ``t`` are the subject of a speech verb: «در / با / به …» then the verb closes the
    sentence (:func:`_says`), or a comma, an apposition of up to eight words («داوید کونارسکی، ملی‌پوش والیبال
    لهستان درمورد … اظهار داشت») and then so."""
    n = len(scan.keys)
    if t >= n:
        return False
    if scan.joined(t - 1):
        return _says(scan, t) is not None
    return _apposition_says(scan, t) is not None


def _subject_follows(scan: Scan, t: int) -> bool:
    return t < len(scan.keys) and scan.joined(t - 1) and (
        scan.keys[t] in _AFTER_SUBJECT or scan.match(t, L.speech_verbs(), 3) is not None)


def _unknown_word(scan: Scan, j: int) -> bool:
    """A word that could be part of a name: not frequent, not a function word, role, title, verb or place."""
    k = scan.keys[j]
    return (len(k) >= 3 and k not in L.common_words() and k not in L.sure_places() and _name_token_ok(scan, j)
            and not _not_name_at(scan, j))


_CLAUSE_GAP = re.compile(r"[.!؟?:،\n]")


def _clause_start(scan: Scan, i: int) -> bool:
    """Token ``i`` opens a sentence or a clause (after «.», «:», «،», a line break or «به گزارش …،»)."""
    if i == 0:
        return True
    gap = scan.gaps[i - 1]  # the text between token i - 1 and token i, already cut by the tokenizer
    return gap != " " and bool(_CLAUSE_GAP.search(gap))


def _role_after(scan: Scan, char_end: int, t: int) -> bool:
    return t < len(scan.tokens) and _GAP_OK.match(scan.text[char_end : scan.starts[t]]) is not None and \
        _role_at(scan, t) is not None


def _apposition_ends(scan: Scan, t: int) -> bool:
    """After a name at token ``t``: a comma, a full stop or a verb — not «و» or another comma-separated item."""
    if t >= len(scan.tokens):
        return True
    gap = scan.text[scan.ends[t - 1] : scan.starts[t]]
    if "،" in gap or "," in gap:
        return _role_at(scan, t) is None  # «…، رضا اردکانیان، معاون …» is a list of officials
    return scan.keys[t] != "و"


_LONG_VOWELS = str.maketrans("", "", "یوا")


def _spelled_apart(parts: list[str], p: Person) -> bool:
    """``parts`` name person ``p`` spelled another way: the same surname and a first name no list holds that differs
    only in its long vowels («سیرکژان / سریکژان / سیریکژان مامبتالین»: one transliterated name, three spellings).
    Known first names keep people apart («محمد / محمود دایی»)."""
    other = p.name.split()
    if len(other) != len(parts) or L.key(parts[-1]) != p.last or len(p.last) < 3:
        return False
    a, b = L.key(" ".join(parts[:-1])), L.key(" ".join(other[:-1]))
    firsts = L.first_names()
    return a != b and a not in firsts and b not in firsts and a not in L.maybe_first_names() \
        and b not in L.maybe_first_names() and len(a) >= 4 and a.translate(_LONG_VOWELS) == b.translate(_LONG_VOWELS)


def _people(scan: Scan, raw: list[tuple[Mention, list[str]]], roles: list[Mention]) -> list[Person]:
    """Group name mentions into people; bind adjacent roles; find bare repeats of known names."""
    people: list[Person] = []
    by_key: dict[str, Person] = {}

    seen_at: dict[int, list[int]] = {}  # person id → where their fuller names were written

    def person_for(name: str, at: int) -> Person:
        k = L.key(name)
        parts = name.split()
        if len(parts) == 1:
            bearers = [p for p in people if p.last == k and p.key != k]
            if len(bearers) > 1:  # «محمدی» after «مجید محمدی … عیسی محمدی»: the one named last before it
                before = [(max((x for x in seen_at.get(p.pid, []) if x < at), default=-1), p.pid, p) for p in bearers]
                best = max(before, key=lambda b: (b[0], -b[1]))
                if best[0] >= 0:
                    return best[2]
        if k in by_key:
            return by_key[k]
        if len(parts) == 1:
            # «جواد» after «جواد شمقدری»: a first name alone that opens one full name of the article
            opening = [p for p in people if p.key != k and L.key(p.name.split()[0]) == k]
            if len(opening) == 1:
                by_key[k] = opening[0]
                return opening[0]
        for p in people:  # «کاسترو» after «فیدل کاسترو», «مؤذن زاده» after «مصطفی مؤذن زاده», and the other way round
            if k == p.last or (len(parts) > 1 and L.key(parts[-1]) == p.key) or \
                    (len(k) >= 5 and (p.key.endswith(k) or k.endswith(p.key) and len(p.key) >= 5)):
                if len(k) > len(p.key):
                    p.name, p.key = name, k
                by_key[k] = p
                return p
            if len(parts) > 1 and _spelled_apart(parts, p):
                by_key[k] = p
                return p
        p = Person(len(people), name, k, L.key(parts[-1]) if parts else k, first_at=at)
        people.append(p)
        by_key[k] = p
        return p

    # longer names first, so a surname alone joins the full name
    for m, titles in sorted(raw, key=lambda x: -len(x[0].text.split())):
        p = person_for(m.text, m.start)
        m.person = p
        seen_at.setdefault(p.pid, []).append(m.start)
        for t in titles:
            p.add(p.titles, t)
    for m, _ in raw:
        p = m.person
        assert p is not None
        p.first_at = min(p.first_at, m.start)
        p.add(p.mentions, m.role or m.text)
        m.role = None
    # roles right after a name («… خامنه‌ای رهبر انقلاب اسلامی») or right before one
    name_end = {m.t1: m for m, _ in raw}
    name_start = {m.t0: m for m, _ in raw}
    agencies = [(max(0, a - 12), b) for a, b in agency_spans(scan.text)]
    role_owner: dict[str, Person] = {}
    for r in roles:
        owner = None
        gap = scan.text[name_end[r.t0].end : r.start].replace("»", "") if r.t0 in name_end else ""
        if r.t0 in name_end and (_GAP_OK.match(gap) or _COMMA_GAP.fullmatch(gap)):  # «X ، رییس …»
            owner = name_end[r.t0].person
        elif r.t1 in name_start and _GAP_OK.match(scan.text[r.end : name_start[r.t1].start].replace("«", "")) \
                and scan.keys[r.t1 - 1] not in _POSSESSED:
            owner = name_start[r.t1].person
        elif r.t1 in name_start and _COMMA_GAP_Q.fullmatch(scan.text[r.end : name_start[r.t1].start]) \
                and scan.keys[r.t1 - 1] not in _POSSESSED and _apposition_ends(scan, name_start[r.t1].t1) \
                and not any(a <= r.start < b for a, b in agencies):  # «به گزارش خبرنگار فارس، X …» is no apposition
            owner = name_start[r.t1].person  # «وزیر نیرو، رضا اردکانیان، گفت»: a role in apposition
        if owner:
            owner.add(owner.roles, r.text)
            owner.add(owner.mentions, r.text)
            r.person = owner
            r.kind = "role-bound"
            role_owner.setdefault(L.key(r.text), owner)
    # other role mentions: the person holding that role in this article
    for r in roles:
        if r.person is None:
            k = L.key(r.text)
            owner = role_owner.get(k)
            if owner is None:
                cands = {id(p): p for rk, p in role_owner.items() if rk.startswith(k) and len(k) >= 4}
                owner = next(iter(cands.values())) if len(cands) == 1 else None
            if owner:
                r.person = owner
                owner.add(owner.mentions, r.text)
    return people


def org_mentions(scan: Scan, mentions: list[Mention],
                 orgs: list[tuple[int, int, str]] | None = None) -> list[Mention]:
    """Organisations that can say things («وزارت بهداشت اعلام کرده …») as mentions, outside other mentions."""
    taken: set[int] = set()
    for m in mentions:
        taken.update(range(m.t0, m.t1))
    if orgs is None:
        orgs = find_orgs(scan, {q for m in mentions if m.kind.startswith("role") for q in range(m.t0, m.t1)}, True)
    agencies = agency_spans(scan.text)
    out = []
    for s, e, name in orgs:
        if any(a <= s < b for a, b in agencies):
            continue
        t0, t1 = bisect_left(scan.starts, s), bisect_left(scan.ends, e) + 1
        if t0 >= len(scan.starts) or scan.starts[t0] != s or t1 > len(scan.ends) or scan.ends[t1 - 1] != e:
            continue
        if any(q in taken for q in range(t0, t1)):
            continue
        out.append(Mention(s, e, t0, t1, "org", name))
    return out


def find_repeats(scan: Scan, mentions: list[Mention], people: list[Person]) -> list[Mention]:
    """Bare repeats of known names («میگل دیاز کانل در مورد …», «کاسترو») as name mentions."""
    covered: set[int] = set()
    for m in mentions:
        covered.update(range(m.t0, m.t1))
    forms: dict[str, Person] = {}
    sharing: dict[str, list[Person]] = {}  # a surname several people of the article bear («مجید / عیسی محمدی»)
    for p in people:
        forms[p.key] = p
        if len(p.last) >= 3 and p.last not in L.STOP:
            forms.setdefault(p.last, p)
            sharing.setdefault(p.last, []).append(p)
    named = sorted((m.start, m.person) for m in mentions if m.kind == "name" and m.person is not None)
    out = []
    table = {k: k for k in forms}
    firsts = _prefixes(table)  # a repeat starts with a word that begins a known name
    for i in compress(range(len(scan.keys)), map(firsts.__contains__, scan.keys)):
        if i in covered or scan.footer[i]:
            continue
        m = scan.match(i, table, 4)
        if m and not any(q in covered for q in range(i, i + m[0])):
            p = forms[m[1]]
            if len(sharing.get(m[1], ())) > 1 and m[1] != p.key:
                # a bare shared surname is the one of them named last before it
                before = [q for at, q in named if at < scan.starts[i] and q in sharing[m[1]]]
                p = before[-1] if before else p
            out.append(Mention(scan.starts[i], scan.ends[i + m[0] - 1], i, i + m[0], "name", scan.span_text(i, i + m[0]), p))
            covered.update(range(i, i + m[0]))
    return out


@dataclass
class PlaceHit:
    start: int
    end: int
    name: str
    place: L.Place


def agency_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of «به گزارش X» agencies (their names are outlets, not places: «فارس»)."""
    return list(_agency_spans(text))


@lru_cache(maxsize=4)
def _agency_spans(text: str) -> tuple[tuple[int, int], ...]:
    # the stage asks three times per article (people, organisations, places): the text is searched once
    return tuple((m.start(1), m.end(2) if m.group(2) else m.end(1)) for m in _AGENCY.finditer(text))


@lru_cache(maxsize=1)
def _place_table() -> dict[str, str]:
    return {k: k for k in L.places()}


_OUTLET_TAILS = {L.key(w) for w in ("پست", "تایمز", "ژورنال", "هرالد", "تریبون")}


def find_places(scan: Scan, skip: set[int]) -> list[PlaceHit]:
    """Gazetteer matches (countries, cities, regions), longest first, outside person names and footers."""
    table = _place_table()
    out: list[PlaceHit] = []
    footer = scan.footer
    nxt = 0
    keys, join, pbit, last = scan.keys, scan._join, _TABLE_BIT[id(table)], len(scan.keys) - 1
    for i in scan.candidates(table):
        if i < nxt or footer[i] or i in skip:
            continue
        k = keys[i]
        if k not in table and not (i < last and join[i] and _PREFIX_BITS.get(k + keys[i + 1], 0) & pbit):
            continue  # neither a place nor the start of a longer one
        m = scan.match(i, table, 3)
        if m and m[0] > 1 and k in L.FUNCTION:
            m = None  # «به شهر» is not «بهشهر»
        if m and L.places()[m[1]].cue_only and not (
                i > 0 and (keys[i - 1] in L.PLACE_CUES
                           or keys[i - 1] == "و" and out and out[-1].end == scan.ends[i - 2] if i > 1 else False)
                or i > 1 and keys[i - 1] == "از" and keys[i - 2] == "فارس"):
            m = None  # «انار», «مالی»: only after «شهرستان / استان / مردم …», or «… اهر و هریس»
        if m and i + m[0] < len(keys) and keys[i + m[0]] in _OUTLET_TAILS:
            m = None  # «واشنگتن پست», «نیویورک تایمز» are newspapers
        if m:
            out.append(PlaceHit(scan.starts[i], scan.ends[i + m[0] - 1], scan.span_text(i, i + m[0]), L.places()[m[1]]))
            nxt = i + m[0]
    return out


_AGENCY = re.compile(r"به[\s\u200c]+گزارش\s+([^،,:.\n]{2,80}?)\s*(?:،|,|به[\s\u200c]*نقل\s+از\s+([^،,:.\n]{2,80}?)\s*[،,])")
_SOURCE = re.compile(r"^\s*منبع\s*[|:：]?\s*(.+?)\s*$", re.M)


def find_orgs(scan: Scan, role_tokens: set[int], every: bool = False) -> list[tuple[int, int, str]]:
    """Agencies («به گزارش X،»), the original source («منبع| X»), and ministries / outlets by their head noun:
    each organisation once (at its first mention), or ``every`` mention of it (for speakers)."""
    out: list[tuple[int, int, str]] = []
    for m in _AGENCY.finditer(scan.text):
        for g in (1, 2):
            if m.group(g):
                out.append((m.start(g), m.end(g), m.group(g).strip()))
    if "منبع" in scan.text:  # the line-anchored scan below needs that word: most articles skip it
        for m in _SOURCE.finditer(scan.text):
            out.append((m.start(1), m.end(1), m.group(1).strip()))
    toks = scan.tokens
    verb_bits = scan.bits_of(L.speech_verbs(), L.OPINION)
    bits = scan._bits
    nxt = 0
    for i in scan.candidates(L.ORG_KEYS):
        if i < nxt or scan.footer[i] or i in role_tokens:
            continue
        m = scan.match(i, L.ORG_KEYS, 2)
        if m and i + m[0] < len(toks) and scan.joined(i + m[0] - 1):
            j = i + m[0]
            while j < len(toks) and j - i < 6 and scan.joined(j - 1) and scan.keys[j] not in L.FUNCTION \
                    and not (bits[j] & verb_bits and (scan.match(j, L.speech_verbs(), 3) or scan.match(j, L.OPINION, 3))) \
                    and scan.keys[j] not in L.CLAUSE_VERBS and scan.keys[j] not in _ROLE_END \
                    and not not_name_word(scan, j):
                j += 1
            if j > i + m[0]:
                out.append((scan.starts[i], scan.ends[j - 1], scan.span_text(i, j)))
            nxt = j
    return sorted(out) if every else unique_orgs(out)


def unique_orgs(found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Each organisation once, at its first mention (a name inside one already kept is the same)."""
    seen: set[str]
    uniq: list[tuple[int, int, str]]
    seen, uniq = set(), []
    for s, e, name in sorted(found):
        k = L.key(name)
        if k not in seen and not any(k in x for x in seen):
            seen.add(k)
            uniq.append((s, e, name))
    return uniq
