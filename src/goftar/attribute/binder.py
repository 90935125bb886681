"""A learned antecedent model: which person a role or pronoun speaker mention refers to.

The hand rules of :mod:`.statements` resolve role mentions («رئیس سازمان …»), pronouns («وی», «ایشان») and
dropped subjects pass by pass.  This module looks at each such statement once more, after those passes, and
scores every person of the article (named anywhere: a role in the lead is often named in the body) plus
"nobody" (keep the role as written) with a log-linear model over general features — distances, who spoke
before, who opens the previous sentence, how far the role's words overlap the candidate's roles, where the
candidate is named, how often they speak, titles with honorific plurals, and the rules' own choice.

The weights live in ``goftar/data/attr_binder.json`` (built by ``scripts/build_attr_binder.py`` from the
attribution gold of the dev and test1 splits).  The model overrides the rules only when its best candidate
beats the rules' choice by more than the file's ``threshold``.  Without that file, or with the environment
variable ``GOFTAR_BINDER=0``, :func:`rebind` returns at once (``GOFTAR_BINDER_MODEL=PATH`` loads another weight
file instead, for experiments).  Runtime is pure Python: a dot product over a few candidates per statement.

Not shipped (2026-11-29): the model matched the rules on the val split (speaker accuracy 0.828 both) instead
of beating them, so no weight file is committed and :func:`rebind` returns at once; see
``scripts/build_attr_binder.py`` for the figures and how to build one.
"""
from __future__ import annotations

import json
import os
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from math import log1p
from pathlib import Path
from typing import Any

from . import lexicon as L
from .mentions import Mention, Person, Scan
from .statements import _GROUPS, _THEY, _THIS, Statement

MODEL_FILE = "attr_binder.json"

#: feature names, in the order of the vectors (the model file names the ones it weighs)
FEATURES = (
    # a person as the candidate
    "rules", "prev_speaker", "prev_speaker_x_pron", "prev_speaker_x_role",
    "named_before", "log_chars_before", "sents_before", "paras_before", "nearest_before", "recency_rank",
    "named_after", "log_chars_after", "sents_after", "nearest_after_x_role", "only_after_x_role",
    "subject_prev_sentence", "same_sentence_before",
    "head_match", "role_overlap", "role_equal", "has_role", "has_role_x_role", "roleless_x_role",
    "in_title", "in_lead", "in_body", "log_statements", "top_speaker", "first_speaker", "log_names",
    "titled", "titled_x_plural_verb", "titled_x_ishan", "this_x_prev_speaker", "group_x_person",
    # "nobody": keep the role (or the unnamed speaker before) as written
    "nobody", "nobody_x_role", "nobody_x_pron", "nobody_x_group", "nobody_x_this", "nobody_x_rules",
    "nobody_x_no_head_match", "nobody_x_role_words", "nobody_x_indefinite", "nobody_x_prev_unnamed",
    "indefinite_x_person", "role_conflict", "nobody_x_org", "named_later_in_sentence_x_pron",
    "plural_pron_x_person", "nobody_x_plural_pron",
)

#: set to a list by ``scripts/build_attr_binder.py``: :func:`rebind` then appends each article's cases to it
#: and changes nothing
TRACE: list[list[Case]] | None = None

_BREAK = re.compile(r"[.!؟?\n]")
_ISHAN = L.key("ایشان")
#: «یک / یکی از …» makes a role indefinite: someone unnamed, not a person of the article
_ONE = {L.key("یک"), L.key("یکی")}
_ORG_HEADS = {L.key(w) for w in L.ORG_HEADS}
#: group subjects («کارشناسان», «برخی») — the rules' list — and «یکی» («یکی از …»)
_GROUP_WORDS = _GROUPS | {L.key("یکی")}


@dataclass
class Candidate:
    """One possible speaker of a statement: a person, or nobody (``person`` None, ``speaker`` as written)."""

    person: Person | None
    speaker: str | None
    x: list[tuple[int, float]]  # the non-zero features of this statement: (index in FEATURES, value)
    base: list[tuple[int, float]]  # the non-zero features of the person alone (shared by their candidates)

    def dense(self) -> list[float]:
        """The feature vector in full (for the build script)."""
        out = [0.0] * len(FEATURES)
        for i, v in self.base + self.x:
            out[i] = v
        return out


@dataclass
class Case:
    """A statement whose speaker mention is a role, a pronoun or missing, with its candidates."""

    statement: Statement
    start: int
    end: int
    mention_kind: str  # role | pronoun | dropped
    candidates: list[Candidate]
    rules: int  # index of the rules' choice among the candidates


@lru_cache(maxsize=1)
def _model() -> dict[str, Any] | None:
    """The weights (``goftar/data/attr_binder.json``, or the file named by ``GOFTAR_BINDER_MODEL`` for
    experiments), or None when the file is absent."""
    other = os.environ.get("GOFTAR_BINDER_MODEL")
    f = Path(other) if other else resources.files("goftar.data").joinpath(MODEL_FILE)
    if not f.is_file():
        return None
    data = json.loads(f.read_text(encoding="utf-8"))
    w = dict(zip(data["features"], data["weights"]))
    data["vector"] = [float(w.get(name, 0.0)) for name in FEATURES]
    return data


def enabled() -> bool:
    """The model file is there and ``GOFTAR_BINDER`` is not "0"."""
    return os.environ.get("GOFTAR_BINDER", "1") != "0" and _model() is not None


def rebind(scan: Scan, statements: list[Statement], mentions: list[Mention], people: list[Person]) -> None:
    """Re-resolve role, pronoun and dropped-subject speakers with the learned model (the last resolution pass).

    A statement changes speaker only when the model's best candidate scores more than the model's threshold
    above the rules' choice.  No-op without the model file or with ``GOFTAR_BINDER=0``."""
    if TRACE is None and not enabled():
        return
    found = cases(scan, statements, mentions, people)
    if TRACE is not None:
        TRACE.append(found)
        return
    model = _model()
    assert model is not None
    w, threshold = model["vector"], float(model.get("threshold", 0.0))
    base: dict[int, float] = {}  # id of a person's shared feature list → its part of the score
    for case in found:
        scores = []
        for c in case.candidates:
            b = base.get(id(c.base))
            if b is None:
                b = base[id(c.base)] = sum([w[i] * v for i, v in c.base])
            scores.append(b + sum([w[i] * v for i, v in c.x]))
        best = max(range(len(scores)), key=scores.__getitem__)
        if best == case.rules or scores[best] - scores[case.rules] <= threshold:
            continue
        apply(case, case.candidates[best])


def apply(case: Case, cand: Candidate) -> None:
    """Give ``case``'s statement the speaker ``cand``."""
    st = case.statement
    st.person, st.speaker = cand.person, (cand.person.name if cand.person is not None else cand.speaker)
    if cand.person is not None and st.mention is not None:
        cand.person.add(cand.person.mentions, st.mention.text)


@lru_cache(maxsize=4096)
def _key_words(text: str) -> tuple[str, ...]:
    return tuple(L.key(w) for w in text.split() if w)


@lru_cache(maxsize=64)
def _pronoun_key(text: str) -> str:
    return L.key(text)


def cases(scan: Scan, statements: list[Statement], mentions: list[Mention], people: list[Person]) -> list[Case]:
    """The statements to re-resolve with their candidates and feature vectors (rules' state as it is now)."""
    targets = []
    prev_of = []  # the last statement before each one that has a speaker
    prev: Statement | None = None
    for st in statements:
        prev_of.append(prev)
        if st.speaker is not None:
            prev = st
    for n, st in enumerate(statements):
        if st.passive or (st.speaker is None and st.mention is None):
            continue
        m = st.mention
        if m is None:
            kind = "dropped"
        elif m.kind == "role":
            kind = "role"
        elif m.kind == "pronoun":
            kind = "pronoun"
        else:
            continue
        targets.append((n, st, kind))
    if not targets or not people:
        return []
    # sentence ends: the gaps between tokens that hold a full stop, a question mark or a line break
    gaps, tok_ends = scan.gaps, scan.ends
    sent_ends = [tok_ends[i] for i in scan.unspaced if _BREAK.search(gaps[i])]
    blocks = scan.blocks
    block_starts = [b.start for b in blocks]
    kinds = [b.kind for b in blocks]

    # where each person is named (names and roles written next to a name)
    named: dict[int, list[int]] = {}
    where: dict[int, set[str]] = {}
    n_names: dict[int, int] = {}
    # the first name, role or pronoun mention of each sentence: its subject (looked up lazily, by position)
    subjects = sorted((m.start, m.person.pid if m.person is not None else -1) for m in mentions if m.kind != "org")
    subject_at = [a for a, _ in subjects]
    n_sents = len(sent_ends)

    def subject_of(s: int) -> int | None:
        if s < 0:
            return None
        lo = sent_ends[s - 1] if s else 0
        k = bisect_left(subject_at, lo)
        if k < len(subject_at) and (s >= n_sents or subject_at[k] < sent_ends[s]):
            return subjects[k][1]
        return None

    for m in mentions:
        p = m.person
        mk = m.kind
        if p is None or mk not in ("name", "role-bound"):
            continue
        named.setdefault(p.pid, []).append(m.start)
        if mk == "name":
            n_names[p.pid] = n_names.get(p.pid, 0) + 1
        where.setdefault(p.pid, set()).add(kinds[max(0, bisect_right(block_starts, m.start) - 1)] if blocks
                                           else "paragraph")
    # who speaks (by the rules' reading so far; counting only statements whose speaker is named there did worse
    # in cross-validation)
    said: dict[int, int] = {}
    first_speaker = None
    for st in statements:
        if st.person is not None:
            said[st.person.pid] = said.get(st.person.pid, 0) + 1
            if first_speaker is None:
                first_speaker = st.person.pid
    top = max(said.values()) if said else 0
    # per person: what does not depend on the statement
    static: dict[int, list[tuple[int, float]]] = {}
    role_words: dict[int, list[tuple[str, ...]]] = {}
    for p in people:
        pid = p.pid
        f: list[tuple[int, float]] = []
        w = where.get(pid, ())
        if "title" in w or "kicker" in w:
            f.append((_IN_TITLE, 1.0))
        if "lead" in w:
            f.append((_IN_LEAD, 1.0))
        if "paragraph" in w:
            f.append((_IN_BODY, 1.0))
        k = said.get(pid, 0)
        if k:
            f.append((_LOG_STATEMENTS, log1p(k)))
            if k == top:
                f.append((_TOP_SPEAKER, 1.0))
        if first_speaker == pid:
            f.append((_FIRST_SPEAKER, 1.0))
        if pid in n_names:
            f.append((_LOG_NAMES, log1p(n_names[pid])))
        if p.titles:
            f.append((_TITLED, 1.0))
        if p.roles:
            f.append((_HAS_ROLE, 1.0))
            role_words[pid] = [_key_words(r) for r in p.roles if r.strip()]
        static[pid] = f

    org_names = {m.text for m in mentions if m.kind == "org"}
    out = []
    for n, st, kind in targets:
        m = st.mention
        pos = m.start if m is not None else st.at
        end = m.end if m is not None else pos
        prev = prev_of[n]
        prev_pid = prev.person.pid if prev is not None and prev.person is not None else None
        s_here = bisect_right(sent_ends, pos)
        b_here = max(0, bisect_right(block_starts, pos) - 1)
        is_role = kind == "role"
        words = _key_words(m.text) if m is not None and is_role else ()
        wset = set(words)
        group = bool(words) and words[0] in _GROUP_WORDS
        this = m is not None and m.t0 > 0 and scan.keys[m.t0 - 1] in _THIS
        one = m is not None and is_role and (scan.keys[m.t0] in _ONE or m.t0 > 0 and scan.keys[m.t0 - 1] in _ONE)
        vw = st.verb.split()
        plural = bool(vw) and vw[-1].endswith("ند")
        pk = _pronoun_key(m.text) if m is not None and m.kind == "pronoun" else ""
        ishan, they = pk == _ISHAN, pk in _THEY
        subj_prev = subject_of(s_here - 1)
        before: dict[int, int] = {}
        after: dict[int, int] = {}
        for pid, at in named.items():
            k = bisect_left(at, pos)
            if k:
                before[pid] = at[k - 1]
            k = bisect_right(at, end, k)
            if k < len(at):
                after[pid] = at[k]
        # a pronoun or a dropped subject points back: only people named before it (or the rules' choice)
        pool = people if is_role else [p for p in people if p.pid in before or p.pid == prev_pid or st.person is p]
        # nobody: the role as written, or the unnamed speaker the rules kept
        keep = True
        if st.person is None:
            nobody_speaker: str | None = st.speaker
        elif is_role and m is not None:
            nobody_speaker = m.text
        else:
            nobody_speaker = prev.speaker if prev is not None and prev.person is None else None
            keep = nobody_speaker is not None
        if len(pool) + keep < 2:
            continue  # no choice to make
        rank = {pid: r for r, pid in enumerate(sorted(before, key=before.__getitem__, reverse=True))}
        nearest_after = min(after, key=after.__getitem__) if after else None
        any_head = False
        cands: list[Candidate] = []
        for p in pool:
            pid = p.pid
            x: list[tuple[int, float]] = []
            if st.person is p:
                x.append((_RULES, 1.0))
            if prev_pid == pid:
                x.append((_PREV, 1.0))
                x.append((_PREV_ROLE if is_role else _PREV_PRON, 1.0))
                if this:
                    x.append((_THIS_PREV, 1.0))
            b = before.get(pid)
            if b is not None:
                r = rank[pid]
                sb = bisect_right(sent_ends, b)
                x += [(_NAMED_BEFORE, 1.0), (_CHARS_BEFORE, log1p((pos - b) / 50)),
                      (_SENTS_BEFORE, min(s_here - sb, 10) / 10),
                      (_PARAS_BEFORE, min(b_here - max(0, bisect_right(block_starts, b) - 1), 5) / 5),
                      (_RECENCY, min(r, 5) / 5)]
                if r == 0:
                    x.append((_NEAREST_BEFORE, 1.0))
                if sb == s_here:
                    x.append((_SAME_SENTENCE, 1.0))
            a = after.get(pid)
            if a is not None and not is_role and bisect_right(sent_ends, a) == s_here:
                x.append((_LATER_IN_SENTENCE, 1.0))  # «وی … حضور البرادعی … اظهار داشت»: an object, not «وی»
            if a is not None:
                x += [(_NAMED_AFTER, 1.0), (_CHARS_AFTER, log1p((a - pos) / 50)),
                      (_SENTS_AFTER, min(bisect_right(sent_ends, a) - s_here, 10) / 10)]
                if is_role and nearest_after == pid:
                    x.append((_NEAREST_AFTER_ROLE, 1.0))
                if is_role and b is None:
                    x.append((_ONLY_AFTER_ROLE, 1.0))
            if subj_prev == pid:
                x.append((_SUBJECT_PREV, 1.0))
            if is_role:
                rws = role_words.get(pid)
                if rws:
                    x.append((_HAS_ROLE_X_ROLE, 1.0))
                    if words:
                        if any(rw and rw[0] == words[0] for rw in rws):
                            any_head = True
                            x.append((_HEAD_MATCH, 1.0))
                        else:
                            x.append((_ROLE_CONFLICT, 1.0))  # they hold another kind of role
                        x.append((_OVERLAP, max(len(wset.intersection(rw)) for rw in rws) / len(words)))
                        if words in rws:
                            x.append((_ROLE_EQUAL, 1.0))
                else:
                    x.append((_ROLELESS_ROLE, 1.0))
            elif p.titles:
                if plural:
                    x.append((_TITLED_PLURAL, 1.0))
                if ishan:
                    x.append((_TITLED_ISHAN, 1.0))
            if group:
                x.append((_GROUP_PERSON, 1.0))
            if one:
                x.append((_ONE_PERSON, 1.0))
            if they:
                x.append((_THEY_PERSON, 1.0))
            cands.append(Candidate(p, p.name, x, static[pid]))
        if keep:
            x = [(_NOBODY, 1.0), (_NOBODY_ROLE if is_role else _NOBODY_PRON, 1.0)]
            nobody_first = L.key(nobody_speaker.split()[0]) if nobody_speaker and nobody_speaker.split() else ""
            if group or nobody_first in _GROUP_WORDS or nobody_first.endswith(("ان", "ها")):
                x.append((_NOBODY_GROUP, 1.0))  # a group («کارشناسان», «کتابداران …») speaks, not a person
            if they:
                x.append((_NOBODY_THEY, 1.0))
            if this:
                x.append((_NOBODY_THIS, 1.0))
            if st.person is None:
                x.append((_NOBODY_RULES, 1.0))
            if one:
                x.append((_NOBODY_ONE, 1.0))
            if prev is not None and prev.person is None:
                x.append((_NOBODY_PREV_UNNAMED, 1.0))
            if nobody_speaker in org_names or nobody_first in _ORG_HEADS:
                x.append((_NOBODY_ORG, 1.0))  # an organisation, not a person
            if is_role:
                if not any_head:
                    x.append((_NOBODY_NO_HEAD, 1.0))
                x.append((_NOBODY_WORDS, min(len(words), 6) / 6))
            cands.append(Candidate(None, nobody_speaker, x, _NO_BASE))
        rules = next((c for c, cand in enumerate(cands) if cand.person is st.person), None)
        if rules is None or len(cands) < 2:
            continue
        out.append(Case(st, st.start, st.end, kind, cands, rules))
    return out


_NO_BASE: list[tuple[int, float]] = []

(_RULES, _PREV, _PREV_PRON, _PREV_ROLE, _NAMED_BEFORE, _CHARS_BEFORE, _SENTS_BEFORE, _PARAS_BEFORE, _NEAREST_BEFORE,
 _RECENCY, _NAMED_AFTER, _CHARS_AFTER, _SENTS_AFTER, _NEAREST_AFTER_ROLE, _ONLY_AFTER_ROLE, _SUBJECT_PREV,
 _SAME_SENTENCE, _HEAD_MATCH, _OVERLAP, _ROLE_EQUAL, _HAS_ROLE, _HAS_ROLE_X_ROLE, _ROLELESS_ROLE, _IN_TITLE, _IN_LEAD,
 _IN_BODY, _LOG_STATEMENTS, _TOP_SPEAKER, _FIRST_SPEAKER, _LOG_NAMES, _TITLED, _TITLED_PLURAL, _TITLED_ISHAN,
 _THIS_PREV, _GROUP_PERSON, _NOBODY, _NOBODY_ROLE, _NOBODY_PRON, _NOBODY_GROUP, _NOBODY_THIS, _NOBODY_RULES,
 _NOBODY_NO_HEAD, _NOBODY_WORDS, _NOBODY_ONE, _NOBODY_PREV_UNNAMED, _ONE_PERSON, _ROLE_CONFLICT, _NOBODY_ORG, _LATER_IN_SENTENCE, _THEY_PERSON, _NOBODY_THEY) = range(len(FEATURES))
