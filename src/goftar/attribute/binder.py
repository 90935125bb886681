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
variable ``GOFTAR_BINDER=0``, :func:`rebind` returns at once.  Runtime is pure Python: a dot product over a
few candidates per statement.
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
from typing import Any

from . import lexicon as L
from .mentions import Mention, Person, Scan
from .statements import Statement

MODEL_FILE = "attr_binder.json"

#: feature names, in the order of :func:`_features` vectors (the model file names the ones it weighs)
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
    "nobody_x_no_head_match", "nobody_x_role_words",
)
_INDEX = {f: n for n, f in enumerate(FEATURES)}

#: set to a list by ``scripts/build_attr_binder.py``: :func:`rebind` then appends each article's cases to it
#: and changes nothing
TRACE: list[list[Case]] | None = None

_SENT = re.compile(r"[.!؟?](?=\s|$|[«»\"])|\n")
_THIS = {L.key("این"), L.key("همین")}
_ISHAN = L.key("ایشان")
_GROUP_WORDS = {L.key(w) for w in """عده‌ای گروهی برخی بسیاری مسئولان مسیولان مسوولان کارشناسان منتقدان فعالان
روانشناسان روان‌شناسان اقتصاددانان جامعه‌شناسان پژوهشگران کارگران معدنچیان حقوقدانان پزشکان نظریه‌پردازان ساکنان
اهالی شاهدان نمایندگان اعضای موافقان مخالفان تحلیلگران یکی""".split()}


@dataclass
class Candidate:
    """One possible speaker of a statement: a person, or nobody (``person`` None, ``speaker`` as written)."""

    person: Person | None
    speaker: str | None
    x: list[float]


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
    """The weights (``goftar/data/attr_binder.json``), or None when the file is absent."""
    f = resources.files("goftar.data").joinpath(MODEL_FILE)
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
    for case in found:
        scores = [sum(a * b for a, b in zip(w, c.x) if b) for c in case.candidates]
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


def _key_words(text: str) -> list[str]:
    return [L.key(w) for w in text.split() if w]


def cases(scan: Scan, statements: list[Statement], mentions: list[Mention], people: list[Person]) -> list[Case]:
    """The statements to re-resolve with their candidates and feature vectors (rules' state as it is now)."""
    targets = []
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
    if not targets:
        return []
    text = scan.text
    sent_ends = [x.end() for x in _SENT.finditer(text)]
    blocks = scan.blocks
    block_starts = [b.start for b in blocks]

    def sent_of(pos: int) -> int:
        return bisect_right(sent_ends, pos)

    def block_of(pos: int) -> int:
        return max(0, bisect_right(block_starts, pos) - 1)

    # where each person is named (names and roles written next to a name)
    named: dict[int, list[int]] = {}
    places: dict[int, set[str]] = {}
    n_names: dict[int, int] = {}
    firsts: list[tuple[int, int]] = []  # (sentence, pid) of the first mention of each sentence
    seen_sent: set[int] = set()
    for m in mentions:
        p = m.person
        if p is None or m.kind not in ("name", "role-bound"):
            continue
        named.setdefault(p.pid, []).append(m.start)
        if m.kind == "name":
            n_names[p.pid] = n_names.get(p.pid, 0) + 1
        kind = blocks[block_of(m.start)].kind if blocks else "paragraph"
        places.setdefault(p.pid, set()).add(kind)
    for m in mentions:  # the subject of each sentence: its first name, role or pronoun mention
        if m.kind in ("name", "role-bound", "role", "pronoun"):
            s = sent_of(m.start)
            if s not in seen_sent:
                seen_sent.add(s)
                if m.person is not None:
                    firsts.append((s, m.person.pid))
    first_of_sent = dict(firsts)
    said: dict[int, int] = {}
    first_speaker = None
    for st in statements:
        if st.person is not None:
            said[st.person.pid] = said.get(st.person.pid, 0) + 1
            if first_speaker is None:
                first_speaker = st.person.pid
    top = max(said.values()) if said else 0
    roles_of = {p.pid: [_key_words(r) for r in p.roles if r.strip()] for p in people}

    out = []
    for n, st, kind in targets:
        m = st.mention
        pos = m.start if m is not None else st.at
        prev = next((o for o in reversed(statements[:n]) if o.speaker is not None), None)
        prev_pid = prev.person.pid if prev is not None and prev.person is not None else None
        s_here, b_here = sent_of(pos), block_of(pos)
        is_role, is_pron = kind == "role", kind != "role"
        words = _key_words(m.text) if m is not None and is_role else []
        group = bool(words) and (words[0] in _GROUP_WORDS)
        this = m is not None and m.t0 > 0 and scan.keys[m.t0 - 1] in _THIS
        plural = st.verb.split()[-1].endswith("ند") if st.verb.split() else False
        ishan = m is not None and m.kind == "pronoun" and L.key(m.text) == _ISHAN
        subj_prev = first_of_sent.get(s_here - 1)
        # recency: people by their last naming before the mention
        last_before = {}
        for pid, at in named.items():
            k = bisect_left(at, pos)
            if k:
                last_before[pid] = at[k - 1]
        order = sorted(last_before, key=lambda pid: -last_before[pid])
        rank = {pid: r for r, pid in enumerate(order)}
        after_first = {}
        for pid, at in named.items():
            k = bisect_right(at, m.end if m is not None else pos)
            if k < len(at):
                after_first[pid] = at[k]
        nearest_after = min(after_first, key=after_first.__getitem__) if after_first else None
        any_head = False
        cands: list[Candidate] = []
        for p in people:
            x = [0.0] * len(FEATURES)
            pid = p.pid

            def put(name: str, v: float) -> None:
                x[_INDEX[name]] = v
            if st.person is p:
                put("rules", 1)
            if prev_pid == pid:
                put("prev_speaker", 1)
                put("prev_speaker_x_pron" if is_pron else "prev_speaker_x_role", 1)
                if this:
                    put("this_x_prev_speaker", 1)
            b = last_before.get(pid)
            if b is not None:
                put("named_before", 1)
                put("log_chars_before", log1p((pos - b) / 50))
                put("sents_before", min(s_here - sent_of(b), 10) / 10)
                put("paras_before", min(b_here - block_of(b), 5) / 5)
                r = rank[pid]
                put("nearest_before", 1.0 if r == 0 else 0.0)
                put("recency_rank", min(r, 5) / 5)
                if s_here == sent_of(b):
                    put("same_sentence_before", 1)
            a = after_first.get(pid)
            if a is not None:
                put("named_after", 1)
                put("log_chars_after", log1p((a - pos) / 50))
                put("sents_after", min(sent_of(a) - s_here, 10) / 10)
                if is_role and nearest_after == pid:
                    put("nearest_after_x_role", 1)
                if is_role and b is None:
                    put("only_after_x_role", 1)
            if subj_prev == pid:
                put("subject_prev_sentence", 1)
            rws = roles_of.get(pid, [])
            if words and rws:
                head = any(rw and rw[0] == words[0] for rw in rws)
                if head:
                    any_head = True
                    put("head_match", 1)
                put("role_overlap", max(len(set(words) & set(rw)) / len(words) for rw in rws))
                if any(rw == words for rw in rws):
                    put("role_equal", 1)
            if p.roles:
                put("has_role", 1)
                if is_role:
                    put("has_role_x_role", 1)
            elif is_role:
                put("roleless_x_role", 1)
            where = places.get(pid, set())
            put("in_title", 1.0 if where & {"title", "kicker"} else 0.0)
            put("in_lead", 1.0 if "lead" in where else 0.0)
            put("in_body", 1.0 if "paragraph" in where else 0.0)
            k = said.get(pid, 0)
            put("log_statements", log1p(k))
            if k and k == top:
                put("top_speaker", 1)
            if first_speaker == pid:
                put("first_speaker", 1)
            put("log_names", log1p(n_names.get(pid, 0)))
            if p.titles:
                put("titled", 1)
                if is_pron and plural:
                    put("titled_x_plural_verb", 1)
                if ishan:
                    put("titled_x_ishan", 1)
            if group:
                put("group_x_person", 1)
            cands.append(Candidate(p, p.name, x))
        # nobody: the role as written, or the unnamed speaker the rules kept
        keep = True
        if st.person is None:
            nobody_speaker: str | None = st.speaker
        elif is_role and m is not None:
            nobody_speaker = m.text
        else:
            nobody_speaker = prev.speaker if prev is not None and prev.person is None else None
            keep = nobody_speaker is not None
        if keep:
            x = [0.0] * len(FEATURES)
            x[_INDEX["nobody"]] = 1
            x[_INDEX["nobody_x_role" if is_role else "nobody_x_pron"]] = 1
            if group:
                x[_INDEX["nobody_x_group"]] = 1
            if this:
                x[_INDEX["nobody_x_this"]] = 1
            if st.person is None:
                x[_INDEX["nobody_x_rules"]] = 1
            if is_role and not any_head:
                x[_INDEX["nobody_x_no_head_match"]] = 1
            if is_role:
                x[_INDEX["nobody_x_role_words"]] = min(len(words), 6) / 6
            cands.append(Candidate(None, nobody_speaker, x))
        rules = next((c for c, cand in enumerate(cands) if (st.person is not None and cand.person is st.person)
                      or (st.person is None and cand.person is None)), None)
        if rules is None or len(cands) < 2:
            continue
        out.append(Case(st, st.start, st.end, kind, cands, rules))
    return out
