"""Half-space (ZWNJ, U+200C) restoration, learned from clean Persian news.

Two damages are repaired, alone or mixed in one text:

* **glued**: the ZWNJ was deleted (ظرفیتها, میکردند, بینالمللی);
* **spaced**: the ZWNJ became a space (نشان دهنده, برچسب ها, می توانند).

Glued prepositions are split as well (درطول → در طول).

Knowledge comes from ``data/zwnj_lexicon.tsv.gz`` (every written form seen in
the clean build split of ``shared/corpora`` with its count: one-word forms, and
runs of 2–4 words whose letters also occur as one word) and
``data/zwnj_affixes.json`` (affix statistics learned from those counts); see
``scripts/build_zwnj_lexicon.py`` and ``data/zwnj.PROVENANCE.md``.

Decisions, for each word or run of space-separated words:

1. Lexicon: forms are compared on their *key* (the letters with spaces and
   ZWNJ removed).  A glued word takes its most frequent ZWNJ form when that
   form (plus its spaced spellings, plus its inflected family such as
   موضع‌گیری‌ها) is at least as frequent as the glued one, or when the ZWNJ
   sets off a conventional suffix (ها، ترین، ‌اند after ه …) that is not
   overwhelmingly glued (آنها stays); a plural of a known stem seen glued only
   once or twice keeps the convention (چالش‌ها).  A glued preposition is split
   when the spaced bigram dominates (درطول → در طول).  A run of words separated
   by spaces is joined when a one-word form of its key beats the spaced run
   (with little direct evidence, its inflected family is pooled: اصلاح طلبی
   ← اصلاح‌طلبان).  The lexicon includes hazm's ZWNJ compounds that the news
   never writes as one word (فریدون‌شهر).
2. Rules for unknown words, conditioned on stem knowledge: a known stem + a
   conventional suffix (rival analyses weighed by stem count × suffix use:
   ساخته‌ایم, not ساخت‌هایم; unknown stems by analogy with known endings:
   …انه‌ای), a verbal prefix (می، نمی، برمی …) + a verb stem (hazm's list), a
   learned bound prefix (آیت‌) + a known word, a known stem + a suffix that
   data shows is mostly written after ZWNJ (گیری، سازی …).  A spaced token that
   almost never stands alone (ها، اند …) is joined to its neighbour.  After a
   non-joining letter (ا د ذ ر ز ژ و) suffixes are glued; ی/ای after ه need
   evidence that the ه is silent (نامه‌ای, not شاهی).
3. Damage profile: a text that shows spaced damage (detached ها، می …) but no
   glued damage keeps its glued words.  Spaces between two free words (رئیس
   جمهور) and before a token that is only *mostly* written attached (نشین،
   سازی، شان: "soft" joins) are changed only when the spaced evidence (detached
   suffixes, plus a quarter per such candidate) exceeds three times the glued
   evidence (glued repairs, plus words that still carry a ZWNJ, which show the
   writer's half-spaces survived).  Safe repairs always apply.

Names and other known words are never cut (خامنه‌ای stays whole because the
lexicon knows it; میگل is not می + verb), and text that is already right is
left alone.
"""
from __future__ import annotations

import bisect
import gzip
import json
import re
from collections import Counter
from functools import lru_cache
from itertools import accumulate
from importlib import resources

from ..offsets import Edit

ZWNJ = "\u200c"
_L = "\u0621-\u063a\u0641-\u064a\u064b\u0654\u067e\u0686\u0698\u06a9\u06af\u06cc\u06c0"
WORD_RE = re.compile(f"[{_L}]+(?:{ZWNJ}[{_L}]+)*")
"""A Persian word: a run of letters, ZWNJ allowed between letters."""

NON_JOINING = frozenset("ءآأؤإاةدذرزژو\u06c0")
"""Letters that do not join to the next one: a ZWNJ after them is invisible, so suffixes are glued."""
_TRANSPARENT = frozenset("\u064b\u0654")

SPLIT_HEADS = frozenset({"در", "از", "با", "به", "بر", "تا", "که"})
"""Prepositions that lose their space (درطول, ازجمله) and are split again when the lexicon says so."""

# decision thresholds (counts from the lexicon)
_MIN_KNOWN = 2  # a word seen this often is a known stem
_JOIN_RATIO = 1.0  # one-word form must beat the spaced run by this factor
_SPLIT_MIN = 3
_SPLIT_RATIO = 3.0
_AFFIX_P = 0.5  # share of ZWNJ uses needed for an affix rule
_BOUND_MIN = 5
_BOUND_P = 0.97  # share of a token's uses that are bound for spaced-token joins; tokens below this share (but above _SOFT_TAIL_P) are soft, joined only in spaced texts
_STRONG_P = 0.9  # share of bound uses for a prefix applied to unknown words (آیت‌، خرم‌)
_SOFT_MIN = 4  # a part seen this often after/before a ZWNJ can be a soft join
_SOFT_TAIL_P = 0.7  # share of a token's uses after a ZWNJ needed to join it to the previous word
_SOFT_PROFILE = 3.0  # free/soft joins need spaced evidence above this many times the glued evidence
_FREE_WEIGHT = 0.25  # a free/soft join candidate is this much evidence of spaced damage
_FAMILY_BELOW = 10  # join decisions with fewer direct counts than this also count the inflected family
_RARE_GLUED = 2  # a glued form seen this rarely does not outvote the plural convention
_PLURAL_STEM_MIN = 3
_ANALOGY_MIN = 30  # unknown stem + ‌ای needs this many known words ending the same way
_VERB_ENDINGS = ("", "م", "ی", "د", "یم", "ید", "ند", "ن", "ه", "ست")
_CONVENTION_RATIO = 4.0  # a conventional suffix keeps its ZWNJ unless glued is this much more frequent
PLURALS = ("ها", "های", "هایی", "هایم", "هایت", "هایش", "هایمان", "هایتان", "هایشان", "هاست")
_AFTER_ANY = frozenset(PLURALS + ("ترین", "تر", "تری", "ترها"))
"""Suffixes written after a ZWNJ by convention when the stem ends in a joining letter (ظرفیت‌ها, مهم‌ترین)."""
_AFTER_HEH = frozenset(("ای", "اند", "ایم", "اید", "ام", "ات", "اش", "ی", "ایی"))
"""Suffixes written after a ZWNJ by convention after a final silent ه (بوده‌اند, نامه‌ای)."""
_UNAMBIGUOUS_AFTER_HEH = frozenset(("اند", "ایم", "اید", "ام", "ات", "اش", "ی"))
"""Of those, the ones that cannot be read as part of a plural (های): safe on unknown stems."""


def ends_joining(s: str) -> bool:
    """True if the last letter of ``s`` joins to a following letter (so a ZWNJ after it is visible)."""
    for ch in reversed(s):
        if ch in _TRANSPARENT:
            continue
        return ch not in NON_JOINING
    return False


def _key(s: str) -> str:
    return s.replace(ZWNJ, "").replace(" ", "")


class Lexicon:
    """Written forms with counts, and the decisions derived from them."""

    def __init__(self, forms: dict[str, int], affixes: dict) -> None:
        self.forms = forms
        self.by_key: dict[str, list[str]] = {}
        self.single_counts: dict[str, int] = {}
        for f, c in forms.items():
            k = _key(f)
            self.by_key.setdefault(k, []).append(f)
            if " " not in f:
                self.single_counts[k] = self.single_counts.get(k, 0) + c
        self.sorted_keys = sorted(self.by_key)  # for inflected families (_family)
        # stems whose final ه is silent: seen written before ‌ای، ‌اند … (نامه‌ای, بوده‌اند)
        self.silent_heh: set[str] = set()
        for f in forms:
            head, _, tail = f.rpartition(ZWNJ)
            if head.endswith("ه") and tail in _AFTER_HEH and " " not in f:
                self.silent_heh.add(_key(head))
        # keys that have a one-word ZWNJ form, and their letter prefixes up to a ZWNJ:
        # only runs of spaced words starting with such a prefix can be joined
        self.joinable: set[str] = set()
        self.first_parts: set[str] = set()
        for f in forms:
            if ZWNJ in f and " " not in f:
                self.joinable.add(_key(f))
                acc = ""
                for p in f.split(ZWNJ)[:-1]:
                    acc += p
                    self.first_parts.add(acc)
        self.suffixes = {
            s: zw / (zw + gl) for s, (zw, gl) in affixes["suffixes"].items() if zw >= 5 and zw / (zw + gl) >= _AFFIX_P
        }
        self.bound_suffix = {
            t for t, (b, a) in affixes["bound_suffix"].items() if b >= _BOUND_MIN and b >= _BOUND_P * (a + b)
        }
        self.bound_prefix = {
            t for t, (b, a) in affixes["bound_prefix"].items() if b >= _BOUND_MIN and b >= _BOUND_P * (a + b)
        }
        # soft parts: mostly (not nearly always) written attached (نشین، سازی، شان): joined only in
        # texts that show spaced damage, when nothing in the lexicon says the pair is two words
        self.soft_suffix = {
            t for t, (b, a) in affixes["bound_suffix"].items() if b >= _SOFT_MIN and b >= _SOFT_TAIL_P * (a + b)
        } - self.bound_suffix
        self.verb_stems = frozenset(affixes.get("verb_stems", ()))
        # how often each part is written after a ZWNJ (ها، ای، ایم …): weighs rival analyses of a glued word
        self.tail_uses = {t: b for t, (b, a) in affixes["bound_suffix"].items()}
        # (last 3 letters of the stem, suffix) of one-word ZWNJ forms: analogy for unknown stems
        self.endings: dict[tuple[str, str], int] = {}
        for f, c in forms.items():
            if ZWNJ in f and " " not in f:
                head, _, tail = f.rpartition(ZWNJ)
                k = (_key(head)[-3:], tail)
                self.endings[k] = self.endings.get(k, 0) + c
        self.strong_prefix = {  # آیت‌، خرم‌ …: bound, and frequent enough to apply to unknown words
            t
            for t, (b, a) in affixes["bound_prefix"].items()
            if b >= 50 and b >= _STRONG_P * (a + b) and t not in ("می", "نمی")
        }
        self._glued_cache: dict[str, str | None] = {}
        self._join_cache: dict[str, str | None] = {}
        self._edit_cache: dict[tuple[str, str], list[tuple[int, int, str, str]]] = {}
        self.word_status: dict[str, bool] = {}
        self.pair_keys = frozenset(self.joinable | self.first_parts)
        # detached suffixes: a word followed by one of these is looked at
        self.triggers = frozenset(self.bound_suffix | _AFTER_ANY | _AFTER_HEH)

    def interesting(self, w: str) -> bool:
        """Whether a word needs a look on its own: a glued word to fix, a bound prefix, a word with ZWNJ.

        (Runs of spaced words are found from pairs of keys, see ``pair_keys``.)"""
        if w in self.bound_prefix or ZWNJ in w:
            return True
        return len(w) > 2 and self.fix_glued(w) is not None

    # -- counts -------------------------------------------------------------
    def count(self, form: str) -> int:
        return self.forms.get(form, 0)

    def known(self, word: str) -> bool:
        """A word (in any one-word spelling) seen at least ``_MIN_KNOWN`` times."""
        return self.word_count(word) >= _MIN_KNOWN

    def word_count(self, word: str) -> int:
        """How often the letters of ``word`` were written as one word (glued or with ZWNJ)."""
        return self.single_counts.get(_key(word), 0)

    def best_single(self, key: str) -> tuple[str | None, int]:
        best, n = None, 0
        for f in self.by_key.get(key, ()):
            if " " not in f and self.forms[f] > n:
                best, n = f, self.forms[f]
        return best, n

    # -- glued words --------------------------------------------------------
    def fix_glued(self, word: str) -> str | None:
        """The form a word written without ZWNJ should take, or None to leave it."""
        try:
            return self._glued_cache[word]
        except KeyError:
            pass
        out = self._decide_glued(word)
        if out == word:
            out = None
        if len(self._glued_cache) < 200_000:
            self._glued_cache[word] = out
        return out

    def _decide_glued(self, word: str) -> str | None:
        forms = self.by_key.get(word)
        if forms:
            glued = self.forms.get(word, 0)
            best, n = None, 0  # most frequent one-word ZWNJ form
            split, ns = None, 0  # most frequent "preposition word" split
            spaced = 0  # other spaced spellings: evidence that writers see two words
            for f in forms:
                c = self.forms[f]
                if " " not in f:
                    if ZWNJ in f and c > n:
                        best, n = f, c
                elif f.count(" ") == 1 and f.split(" ", 1)[0] in SPLIT_HEADS:
                    if c > ns:
                        split, ns = f, c
                else:
                    spaced += c
            if split and ns >= _SPLIT_MIN and ns > _SPLIT_RATIO * (glued + n):
                return split
            if best is not None:
                # pool the inflected family (موضع‌گیری‌ها …) at the same places
                fz, fg = self._family(word, _seps(best))
                n += fz
                glued += fg
                # spaced spellings support the ZWNJ one unless they dominate it (آن که: a phrase)
                support = spaced if 2 * n >= spaced else 0
                if n + support >= glued or (_conventional(best) and _CONVENTION_RATIO * n > glued):
                    return best
            if best is None and glued <= _RARE_GLUED:
                # seen glued once or twice only: a known stem + a plural keeps the convention (چالش‌ها)
                out = self._plural(word)
                if out is not None:
                    return out
            if n or glued:
                return None
        return self._rule_glued(word)

    def _plural(self, word: str) -> str | None:
        """``stem‌ها`` (…های، …هایی) if ``word`` is a known stem ending in a joining letter + a plural suffix."""
        for suf in PLURALS:
            stem = word[: -len(suf)]
            if word.endswith(suf) and len(stem) >= 3 and ends_joining(stem) and self.word_count(stem) >= _PLURAL_STEM_MIN:
                h, _ = self.best_single(stem)
                return (h if h and ZWNJ in h else stem) + ZWNJ + suf
        return None

    def _family(self, key: str, seps: dict[int, str], limit: int = 40) -> tuple[int, int]:
        """Counts of longer one-word forms starting with ``key``: (with ZWNJ at ``seps``, glued there)."""
        keys = self.sorted_keys
        i = bisect.bisect_right(keys, key)
        zw = gl = 0
        for k in keys[i : i + limit]:
            if not k.startswith(key):
                break
            for f in self.by_key[k]:
                if " " in f:
                    continue
                fs = _seps(f)
                if all(fs.get(p) == ZWNJ for p in seps):
                    zw += self.forms[f]
                elif not any(p in fs for p in seps):
                    gl += self.forms[f]
        return zw, gl

    def _rule_glued(self, word: str) -> str | None:
        """Affix rules for a word the lexicon does not know; the best-supported analysis wins."""
        best: str | None = None
        score = 0.0
        for j in range(2, len(word)):
            head, tail = word[:j], word[j:]
            if not ends_joining(head):
                continue
            n_head = self.word_count(head)
            cand = None
            s = 0.0
            if tail in _AFTER_ANY or (tail in _AFTER_HEH and head.endswith("ه")):
                # conventional suffix: a known stem, or any stem of 3+ letters for plurals
                if tail == "ی" and _key(head) not in self.silent_heh:
                    continue  # after a consonantal ه (شاه, شکوه) ی is glued: need evidence of a silent ه
                if tail in ("ای", "ایی") and head + "ی" in self.forms and _key(head) not in self.silent_heh:
                    continue  # شاهی is written glued, so شاه's ه is a consonant
                if n_head >= _MIN_KNOWN:
                    s = 1000.0 + n_head * self.tail_uses.get(tail, 1)  # P(stem) × P(suffix): ساخته‌ایم, not ساخت‌هایم
                elif len(head) >= 3 and tail in PLURALS:
                    s = 1.0 + self._analogy(head, tail)  # an unknown stem with a plural ending
                elif len(head) >= 4 and tail in _UNAMBIGUOUS_AFTER_HEH:
                    s = 1.0 + self._analogy(head, tail)  # an unknown stem with a verb/possessive ending (جنگیده‌اند)
                elif len(head) >= 4 and tail == "ای" and self._analogy(head, tail) >= _ANALOGY_MIN / 1000:
                    s = 1.0 + self._analogy(head, tail)  # ساختارشکنانه‌ای like صادقانه‌ای, not …شکنان‌های
            elif head in self.bound_prefix and head.endswith("می") and (len(tail) >= 3 or tail[-1] in "دت"):
                # the verbal prefix (می، نمی، برمی …) + a verb; never + any known word (میله, میگل)
                if self._verb_like(tail):
                    s = 500.0 + self.word_count(tail)
            elif head in self.strong_prefix and len(tail) >= 2 and self.word_count(tail) >= _MIN_KNOWN:
                s = 100.0 + self.word_count(tail)  # آیت‌، خرم‌ … + a known word
            else:
                p = self.suffixes.get(tail)
                if p is not None and n_head >= 3 and len(tail) >= 3 and len(word) >= 6:
                    s = 10.0 * p + min(n_head, 100) / 100
            if s > score:
                h, _ = self.best_single(head)
                t = self.fix_glued(tail) if len(tail) > 2 and s < 1000 else None
                cand = (h if h and ZWNJ in h else head) + ZWNJ + (t or tail)
                best, score = cand, s
        return best

    def _analogy(self, head: str, tail: str) -> float:
        """How often known ZWNJ words end like ``head`` (its last 3 letters) + ZWNJ + ``tail``, scaled to [0, 1)."""
        return min(self.endings.get((head[-3:], tail), 0), 999) / 1000

    def _verb_like(self, s: str) -> bool:
        for e in _VERB_ENDINGS:
            if s.endswith(e) and s[: len(s) - len(e)] in self.verb_stems:
                return True
        return False

    # -- spaced runs --------------------------------------------------------
    def join_run(self, words: list[str]) -> str | None:
        """One-word form for ``words`` (separated by single spaces in the text), "" to keep them, None if unknown."""
        run = " ".join(words)
        try:
            return self._join_cache[run]
        except KeyError:
            pass
        out = self._decide_join(words)
        if len(self._join_cache) < 200_000:
            self._join_cache[run] = out
        return out

    def _join_family(self, key: str, cuts: set[int]) -> tuple[int, int]:
        """Counts of related keys (same letters up to one past the last cut) written (with ZWNJ, spaced) at ``cuts``."""
        return _join_family_counts(self, key, cuts)

    def _decide_join(self, words: list[str]) -> str | None:
        key = "".join(_key(w) for w in words)
        if key not in self.joinable:
            return "" if self.forms.get(" ".join(words), 0) >= _MIN_KNOWN else None
        forms = self.by_key[key]
        # letter offsets where the input has a space
        cuts = set()
        acc = 0
        for w in words[:-1]:
            acc += len(_key(w))
            cuts.add(acc)
        # how often writers put a space at each of those places
        n_in = 0
        for f in forms:
            if " " in f:
                seps = _seps(f)
                if all(seps.get(c) == " " for c in cuts):
                    n_in += self.forms[f]
        best, n = None, 0
        for f in forms:
            c = self.forms[f]
            if c <= n or " " in f:
                continue
            seps = _seps(f)
            ok = True
            for cut in cuts:
                s = seps.get(cut, "")
                if s == ZWNJ:
                    continue
                # glued across a former space: only for a bound suffix after a non-joining letter
                right = _part_from(f, cut)
                if s == "" and right in self.bound_suffix and not _joins_at(key, cut):
                    continue
                ok = False
                break
            if ok:
                best, n = f, c
        if best is not None:
            ratio = 1 / _CONVENTION_RATIO if _conventional(best) else _JOIN_RATIO
            if n + n_in < _FAMILY_BELOW:
                # little direct evidence: pool the inflected family (اصلاح‌طلبان for اصلاح طلبی)
                fz, fs = self._join_family(key, cuts)
                n, n_in = n + fz, n_in + fs
            if n > ratio * n_in:
                return best
        if n_in >= _MIN_KNOWN:
            return ""
        return None


def _join_family_counts(lex: "Lexicon", key: str, cuts: set[int], limit: int = 40) -> tuple[int, int]:
    zw = sp = 0
    if not cuts:
        return 0, 0
    keys = lex.sorted_keys
    # siblings share the run's letters up to its last cut (اصلاح‌طلبی → اصلاح‌طلبان)
    stem = key[: max(cuts) + 2]
    i = bisect.bisect_left(keys, stem)
    for k in keys[i : i + limit]:
        if not k.startswith(stem):
            break
        if k == key:
            continue
        for f in lex.by_key[k]:
            seps = _seps(f)
            if all(seps.get(c) == ZWNJ for c in cuts) and " " not in f:
                zw += lex.forms[f]
            elif all(seps.get(c) == " " for c in cuts) and f.count(" ") == len(cuts):
                sp += lex.forms[f]
    return zw, sp


def _conventional(form: str) -> bool:
    """True if ``form``'s last ZWNJ sets off a suffix that convention writes with ZWNJ."""
    head, _, tail = form.rpartition(ZWNJ)
    if tail in _AFTER_ANY:
        return ends_joining(head)
    return tail in _AFTER_HEH and head.endswith("ه")


def _seps(form: str) -> dict[int, str]:
    """Separators of a written form by letter offset: {offset: ZWNJ or ' '}."""
    out: dict[int, str] = {}
    k = 0
    for ch in form:
        if ch == ZWNJ or ch == " ":
            out[k] = ch
        else:
            k += 1
    return out


def _part_from(form: str, cut: int) -> str:
    """Letters of ``form`` from letter offset ``cut`` up to the next separator."""
    k = 0
    out = []
    for ch in form:
        if ch == ZWNJ or ch == " ":
            if k > cut:
                break
            continue
        if k >= cut:
            out.append(ch)
        k += 1
    return "".join(out)


def _joins_at(key: str, cut: int) -> bool:
    return ends_joining(key[:cut])


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The packaged lexicon, loaded once on first use."""
    data = resources.files("goftar.data")
    with data.joinpath("zwnj_lexicon.tsv.gz").open("rb") as raw:
        text = gzip.decompress(raw.read()).decode("utf-8")
    forms: dict[str, int] = {}
    for line in text.splitlines():
        f, _, c = line.partition("\t")
        forms[f] = int(c)
    affixes = json.loads(data.joinpath("zwnj_affixes.json").read_text(encoding="utf-8"))
    return Lexicon(forms, affixes)


def _form_edits(text: str, start: int, end: int, new: str) -> list[Edit]:
    """Minimal edits turning ``text[start:end]`` into ``new`` (same letters, other separators)."""
    cache = lexicon()._edit_cache
    key = (text[start:end], new)
    rel = cache.get(key)
    if rel is None:
        rel = [(e.start, e.end, e.new, e.reason) for e in _compute_form_edits(key[0], 0, len(key[0]), new)]
        if len(cache) < 200_000:
            cache[key] = rel
    return [Edit(start + a, start + b, n, r) for a, b, n, r in rel]


def _compute_form_edits(text: str, start: int, end: int, new: str) -> list[Edit]:
    out: list[Edit] = []
    old_seps: dict[int, tuple[str, int]] = {}
    letter_pos: list[int] = []
    k = 0
    for p in range(start, end):
        ch = text[p]
        if ch == ZWNJ or ch == " ":
            old_seps[k] = (ch, p)
        else:
            letter_pos.append(p)
            k += 1
    new_seps = _seps(new)
    for cut in sorted(set(old_seps) | set(new_seps)):
        old, p = old_seps.get(cut, ("", letter_pos[cut]))
        want = new_seps.get(cut, "")
        if old == want:
            continue
        if old == "":
            out.append(Edit(p, p, want, "zwnj:glued" if want == ZWNJ else "zwnj:split"))
        elif want == "":
            out.append(Edit(p, p + 1, "", "zwnj:join" if old == " " else "zwnj:remove"))
        elif want == ZWNJ:
            out.append(Edit(p, p + 1, ZWNJ, "zwnj:space"))
        else:
            out.append(Edit(p, p + 1, " ", "zwnj:split"))
    return out


_SPLIT_RE = re.compile(f"([{_L}]+(?:{ZWNJ}[{_L}]+)*)")


def _glued_kind(out: str) -> str:
    """Category of a repair of a glued word: split, safe (می‌ verb / conventional suffix), or other."""
    if " " in out:
        return "split"
    head = out.split(ZWNJ, 1)[0]
    if head in ("می", "نمی") or _conventional(out):
        return "glued_safe"
    return "glued_other"


def zwnj_edits(text: str) -> list[Edit]:
    """Edits restoring half-spaces in ``text`` (folded and reflowed); does not change ``text``.

    The text's damage profile is taken into account: when it shows spaced damage
    (standalone ها، می …) but no glued damage (no glued می‌ verbs or plurals), its
    glued words are trusted; unless it shows spaced damage, its spaces between two
    free words (ذوب آهن, رئیس جمهور) are trusted.  Safe repairs always apply.
    """
    lex = lexicon()
    parts = _SPLIT_RE.split(text)  # [sep, word, sep, word, ..., sep]
    words = parts[1::2]
    seps = parts[2::2]  # seps[i] follows words[i]
    starts = list(accumulate(map(len, parts), initial=0))[1::2]  # offset of each word
    # (kind, edits, fallback edits if this kind is not applied)
    groups: list[tuple[str, list[Edit], list[Edit]]] = []
    first_parts = lex.first_parts
    joinable = lex.joinable
    bound_suffix = lex.bound_suffix
    bound_prefix = lex.bound_prefix
    soft_suffix = lex.soft_suffix

    def glued(k: int) -> None:
        w = words[k]
        if len(w) > 2 and ZWNJ not in w:
            out = lex.fix_glued(w)
            if out:
                groups.append((_glued_kind(out), _form_edits(text, starts[k], starts[k] + len(w), out), []))

    n = len(words)

    def attach_suffixes(out: str, last: int) -> tuple[str, int]:
        """Glue following space-separated bound suffixes (… های) onto a joined word."""
        while last + 1 < n and seps[last] == " " and is_suffix(out, words[last + 1]):
            out += (ZWNJ if ends_joining(out) else "") + words[last + 1]
            last += 1
        return out, last

    def is_suffix(left: str, t: str) -> bool:
        return t in bound_suffix or t in _AFTER_ANY or (t in _AFTER_HEH and left.endswith("ه"))

    def spaced_run(i: int, k: str) -> int | None:
        """Join words[i] with the following space-separated words if warranted; index after the run, or None."""
        w = words[i]
        s = starts[i]
        j = i + 1
        while j + 1 < n and j - i < 3 and seps[j] == " ":
            j += 1
        keep = False
        if k in first_parts:
            # extend the run while its letters can still begin a ZWNJ word
            last = i
            while last < j:
                k += _key(words[last + 1])
                if k not in joinable and k not in first_parts:
                    break
                last += 1
            for last in range(last, i, -1):
                run = words[i : last + 1]
                out = lex.join_run(run)
                if out:
                    bound = (
                        _conventional(out)
                        or any(t in bound_prefix for t in run[:-1])
                        or any(t in bound_suffix for t in run[1:])
                    )
                    out, last = attach_suffixes(out, last)
                    edits = _form_edits(text, s, starts[last] + len(words[last]), out)
                    if bound:
                        groups.append(("join_bound", edits, []))
                    else:
                        before = len(groups)
                        for k2 in range(i, last + 1):
                            glued(k2)
                        fallback = [e for g in groups[before:] for e in g[1]]
                        del groups[before:]
                        groups.append(("join_free", edits, fallback))
                    return last + 1
                if out == "" and last == i + 1:
                    keep = True
        else:
            keep = lex.forms.get(w + " " + words[i + 1], 0) >= _MIN_KNOWN
        nxt = words[i + 1]
        if not keep and (is_suffix(w, nxt) or w in bound_prefix):
            left = w if ZWNJ in w else (lex.fix_glued(w) or w)
            right = nxt if ZWNJ in nxt else (lex.fix_glued(nxt) or nxt)
            sep = ZWNJ if ends_joining(left) or w in bound_prefix else ""
            out, last = attach_suffixes(left + sep + right, i + 1)
            groups.append(("join_bound", _form_edits(text, s, starts[last] + len(words[last]), out), []))
            return last + 1
        if not keep and ZWNJ not in w and ZWNJ not in nxt and ends_joining(w) and len(nxt) >= 2 and nxt in soft_suffix:
            out, last = attach_suffixes(w + ZWNJ + nxt, i + 1)
            before = len(groups)
            for k2 in range(i, last + 1):
                glued(k2)
            fallback = [e for g in groups[before:] for e in g[1]]
            del groups[before:]
            groups.append(("join_soft", _form_edits(text, s, starts[last] + len(words[last]), out), fallback))
            return last + 1
        return None

    # only words that may change, or that precede a detached suffix, need a look
    status = lex.word_status
    for w in set(words).difference(status):
        status[w] = lex.interesting(w)
    triggers = lex.triggers
    pair_keys = lex.pair_keys
    cand = [i for i, w in enumerate(words) if status[w]]
    cand += [i for i, (a, b) in enumerate(zip(words, words[1:])) if a in first_parts and a + b in pair_keys]
    cand += [i - 1 for i, w in enumerate(words) if i and (w in triggers or ZWNJ in w or w in soft_suffix)]
    cand = sorted(set(cand))
    cache = lex._glued_cache
    pos = 0
    for i in cand:
        if i < pos:
            continue
        pos = i + 1
        w = words[i]
        if seps[i] == " " and i + 1 < n:
            k = w if ZWNJ not in w else _key(w)
            nx = words[i + 1]
            if k in first_parts:
                k2 = k + (nx if ZWNJ not in nx else _key(nx))
                hit = k2 in joinable or k2 in first_parts
            else:
                hit = False
            if hit or nx in triggers or w in bound_prefix or nx in soft_suffix:
                after = spaced_run(i, k)
                if after is not None:
                    pos = after
                    continue
        if len(w) > 2 and ZWNJ not in w:
            out = cache[w] if w in cache else lex.fix_glued(w)
            if out:
                groups.append((_glued_kind(out), _form_edits(text, starts[i], starts[i] + len(w), out), []))

    kinds = Counter(g[0] for g in groups)
    n_glued = kinds["glued_safe"]
    n_spaced = kinds["join_bound"]
    skip = set()
    if n_spaced and not n_glued:
        skip.add("glued_other")
    # free and soft joins only where spaced damage clearly outweighs glued damage; otherwise
    # the spaces left in the text are the writer's (رئیس جمهور)
    spaced = n_spaced + _FREE_WEIGHT * (kinds["join_free"] + kinds["join_soft"])
    # words that still carry a ZWNJ show that the writer's half-spaces survived: evidence against both damages
    intact = sum(1 for w in words if ZWNJ in w)
    if spaced <= _SOFT_PROFILE * (n_glued + kinds["glued_other"] + intact) or not spaced:
        skip.update(("join_soft", "join_free"))
    out_edits: list[Edit] = []
    for kind, edits, fallback in groups:
        out_edits.extend(fallback if kind in skip else edits)
    return out_edits
