"""Score attribution against a gold folder (``goftar eval attribution GOLD_DIR``).

Each ``GOLD_DIR/*.json`` holds one article: ``text`` (the article as read), and the statements, people,
places and events a reader found in it (see ``eval/attribution_gold/README.md``).  Gold statements are
matched one-to-one to predicted quotes and reported statements by their content (similarity ≥ 0.6 on
letters, or one containing the other).  On matched pairs the speaker is right when the names agree the
way ``score_record.py`` compares people (one contains the other, spaces and half-spaces ignored), or when
both are null.  Speaker accuracy is split by how the gold mention names the speaker: name, role, pronoun,
none (no subject in the clause / «گفته می‌شود»).
"""
from __future__ import annotations

import difflib
import json
import re
from pathlib import Path
from typing import Any

from ..errors import InputError

PRONOUNS = {"وی", "ایشان", "او"}


def core(s: str | None) -> str:
    """Letters only: no spaces, half-spaces or punctuation; Arabic letter variants folded."""
    fold: dict[str, str | int | None] = {"ي": "ی", "ك": "ک", "ۀ": "ه", "أ": "ا"}
    s = (s or "").translate(str.maketrans(fold))
    return re.sub(r"[\s\u200c«»:،,.؛;!؟?()\"']+", "", s)


def same_person(g: str | None, p: str | None) -> bool:
    g, p = core(g), core(p)
    return bool(g) and bool(p) and (g in p or p in g)


def _similar(a: str, b: str) -> bool:
    a, b = core(a), core(b)
    if not a or not b:
        return False
    if (a in b or b in a) and min(len(a), len(b)) >= 0.5 * max(len(a), len(b)):
        return True
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.6


def mention_kind(q: dict[str, Any]) -> str:
    """name | role | pronoun | none — how the gold clause names the speaker."""
    if q.get("mention_kind"):
        return str(q["mention_kind"])
    m = (q.get("speaker_mention") or "").strip()
    if not m or q.get("speaker") is None:
        return "none"
    return "pronoun" if m in PRONOUNS else "name"


def _f1(gold: list[str], pred: list[str], eq: Any) -> tuple[int, int, int, int]:
    """(gold matched, gold total, pred matched, pred total)."""
    tg = sum(any(eq(g, p) for p in pred) for g in gold)
    tp = sum(any(eq(g, p) for g in gold) for p in pred)
    return tg, len(gold), tp, len(pred)


def score_article(gold: dict[str, Any], rec: dict[str, Any]) -> dict[str, Any]:
    """Counts for one article: statement matches, speaker hits by mention kind, people/places/events."""
    preds = list(rec.get("quotes") or []) + list(rec.get("reported_statements") or [])
    used: set[int] = set()
    pairs = []
    for g in gold.get("quotes", []):
        for n, p in enumerate(preds):
            if n not in used and _similar(g["text"], p.get("text", "")):
                used.add(n)
                pairs.append((g, p))
                break
    speaker: dict[str, list[int]] = {}
    misses = []
    for g, p in pairs:
        ok = (g.get("speaker") is None and p.get("speaker") is None) or same_person(g.get("speaker"), p.get("speaker"))
        for k in ("all", mention_kind(g)):
            speaker.setdefault(k, [0, 0])
            speaker[k][0] += ok
            speaker[k][1] += 1
        if not ok:
            misses.append((g.get("speaker"), p.get("speaker"), g["text"][:40], mention_kind(g), p.get("speaker_mention")))
    people = _f1([p if isinstance(p, str) else p["name"] for p in gold.get("people", [])],
                 [p["name"] for p in rec.get("people") or []], same_person)
    places = _f1(list(gold.get("places", [])), [p["name"] for p in rec.get("places") or []],
                 lambda a, b: core(a) == core(b))

    def ev_eq(g: dict[str, Any], p: dict[str, Any]) -> bool:
        return g["type"] == p.get("type") and all(any(same_person(n, q) for q in p.get("participants") or [])
                                                 for n in g["participants"])
    # a gold file whose annotation did not cover events (``"events": null``) is left out of the events score
    gold_events = gold.get("events", [])
    events = _f1(gold_events, rec.get("events") or [], ev_eq) if gold_events is not None else (0, 0, 0, 0)
    unfound = [(g.get("speaker"), g.get("kind"), g["text"]) for g in gold.get("quotes", [])
               if not any(g is a for a, _ in pairs)]
    spurious = [(p.get("speaker"), p.get("verb"), p.get("text", "")) for n, p in enumerate(preds) if n not in used]
    return {"quotes": (len(pairs), len(gold.get("quotes", [])), len(used), len(preds)), "speaker": speaker,
            "people": people, "places": places, "events": events, "misses": misses,
            "unfound": unfound, "spurious": spurious}


def _prf(tg: int, ng: int, tp: int, np_: int) -> tuple[float, float, float]:
    r = tg / ng if ng else 1.0
    p = tp / np_ if np_ else (1.0 if not ng else 0.0)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(gold_dir: Path, split: str | None = None) -> dict[str, Any]:
    """Read every gold article's text (of ``split`` if given: dev | test1 | test) and score the attribution fields."""
    from ..api import read_text, record

    if not gold_dir.is_dir():
        raise InputError(f"{gold_dir}: no such folder")
    files = sorted(gold_dir.glob("*.json"))
    if not files:
        raise InputError(f"{gold_dir}: no gold .json files")
    tot: dict[str, list[int]] = {k: [0, 0, 0, 0] for k in ("quotes", "people", "places", "events")}
    spk: dict[str, list[int]] = {}
    per_article = []
    for f in files:
        try:
            gold = json.loads(f.read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            raise InputError(f"{f}: not a gold JSON file ({e})") from None
        if split and gold.get("split", "test") != split:
            continue
        if not gold.get("text"):
            raise InputError(f"{f}: has no text (run scripts/build_attr_gold.py)")
        rec = record(read_text(gold["text"], path=str(f)), with_raw=False)
        s = score_article(gold, rec)
        for k in tot:
            tot[k] = [a + b for a, b in zip(tot[k], s[k])]
        for k, (ok, n) in s["speaker"].items():
            spk.setdefault(k, [0, 0])
            spk[k][0] += ok
            spk[k][1] += n
        per_article.append({"file": f.name, "misses": s["misses"], "unfound": s["unfound"],
                            "spurious": s["spurious"]})
    if not per_article:
        raise InputError(f"{gold_dir}: no gold articles in split {split!r}")
    out: dict[str, Any] = {"articles": len(per_article), "split": split or "all"}
    qp, qr, qf = _prf(*tot["quotes"])
    out["quotes"] = {"precision": qp, "recall": qr, "f1": qf, "gold": tot["quotes"][1], "predicted": tot["quotes"][3]}
    out["speaker_accuracy"] = {k: {"accuracy": ok / n if n else None, "n": n} for k, (ok, n) in sorted(spk.items())}
    for k in ("people", "places", "events"):
        p, r, f1 = _prf(*tot[k])
        out[k] = {"precision": p, "recall": r, "f1": f1}
    out["per_article"] = per_article
    return out
