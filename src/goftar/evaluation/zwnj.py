"""Half-space (ZWNJ) evaluation: corpus splits, synthetic damage, and position-level scoring.

The scorer works like ``score_record.py``'s ``zwnj_f1``: texts are compared on
their letters (spaces and ZWNJ removed) and a ZWNJ is identified by the number
of letters before it.  Damage and repair never change letters, so gold and
prediction align one to one; if they ever do not, difflib aligns them.

Held-out split (never read by ``scripts/build_zwnj_lexicon.py``):

* ``langml_fars_varzesh3_news``: the clean documents (``doc_quality.tsv``
  ``clean_zwnj_gold=1``) of ``fars-news-4`` and ``varzesh3-4``;
* ``hamshahrionline_rss``: every item whose index is a multiple of 5 and that
  passes the clean test (no Arabic yeh/kaf, no «می»/«نمی» followed by a space,
  at least one ZWNJ);
* ``persian_rst``: every file whose position in sorted order is a multiple of 5 and
  that passes the clean test.

Everything else in those three corpora is the build split.
"""
from __future__ import annotations

import csv
import difflib
import gzip
import json
import os
import re
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Literal

ZWNJ = "\u200c"
Split = Literal["build", "heldout"]
Damage = Literal["glued", "space"]

HELD_OUT_DESCRIPTION = (
    "held-out split: langml fars-news-4 + varzesh3-4 clean docs (clean_zwnj_gold=1), "
    "hamshahrionline_rss items with index % 5 == 0 (clean), persian_rst files with sorted index % 5 == 0 (clean)"
)

_LANGML_BUILD = ("fars-news-1", "fars-news-2", "fars-news-3", "varzesh3-1", "varzesh3-2", "varzesh3-3")
_LANGML_HELDOUT = ("fars-news-4", "varzesh3-4")
_MI_SPACE = re.compile(r"(?<![\w\u200c])ن?می (?=\w)")


def shared_dir() -> Path | None:
    """The project's shared data folder (``../shared`` next to the repo), or None if absent."""
    env = os.environ.get("GOFTAR_SHARED")
    candidates = [Path(env)] if env else []
    candidates += [Path(__file__).resolve().parents[3].parent / "shared", Path("/work/shared")]
    for c in candidates:
        if (c / "corpora").is_dir():
            return c
    return None


def is_clean(text: str) -> bool:
    """The corpora READMEs' clean-ZWNJ test: no Arabic yeh/kaf, no «می »/«نمی », at least one ZWNJ."""
    return ZWNJ in text and "\u064a" not in text and "\u0643" not in text and not _MI_SPACE.search(text)


def _langml_text(d: dict) -> str:
    parts = [d.get("title") or "", d.get("abstract") or d.get("summary") or ""] + list(d.get("paragraphs") or [])
    return "\n\n".join(p.strip() for p in parts if p and p.strip())


def _langml_docs(corpora: Path, names: Iterable[str]) -> Iterator[tuple[str, str]]:
    folder = corpora / "langml_fars_varzesh3_news"
    clean: set[tuple[str, int]] = set()
    with open(folder / "doc_quality.tsv", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if row["clean_zwnj_gold"] == "1":
                clean.add((row["file"], int(row["index"])))
    for name in names:
        with gzip.open(folder / f"{name}.json.gz", "rt", encoding="utf-8") as f:
            docs = json.load(f)
        for i, d in enumerate(docs):
            if (f"{name}.json", i) in clean:
                yield f"{name}#{i}", _langml_text(d)


def _hamshahri_docs(corpora: Path, split: Split) -> Iterator[tuple[str, str]]:
    with gzip.open(corpora / "hamshahrionline_rss" / "hamshahri.json.gz", "rt", encoding="utf-8") as f:
        items = json.load(f)
    for i, d in enumerate(items):
        if (i % 5 == 0) != (split == "heldout"):
            continue
        text = _langml_text(d)
        if is_clean(text):
            yield f"hamshahri#{i}", text


def rst_text(path: Path) -> str:
    """An rs3 file's article: its segments in id order, joined by spaces."""
    root = ET.parse(path).getroot()
    segs = sorted(root.iter("segment"), key=lambda s: int(s.get("id", "0")))
    return " ".join((s.text or "").strip() for s in segs)


def _rst_docs(corpora: Path, split: Split) -> Iterator[tuple[str, str]]:
    files = sorted((corpora / "persian_rst" / "rs3").glob("*.rs3"))
    for i, p in enumerate(files):
        if (i % 5 == 0) == (split == "heldout"):
            text = rst_text(p)
            if is_clean(text):
                yield f"rst:{p.stem}", text


def corpus_documents(split: Split, corpora: Path | None = None) -> Iterator[tuple[str, str]]:
    """(doc id, text) of the clean ZWNJ documents of one split of ``shared/corpora``."""
    if corpora is None:
        shared = shared_dir()
        if shared is None:
            raise FileNotFoundError("shared/corpora not found (set GOFTAR_SHARED)")
        corpora = shared / "corpora"
    yield from _langml_docs(corpora, _LANGML_HELDOUT if split == "heldout" else _LANGML_BUILD)
    yield from _hamshahri_docs(corpora, split)
    yield from _rst_docs(corpora, split)


def load_texts(path: Path) -> list[tuple[str, str]]:
    """Well-formed texts from a .txt file, a folder of .txt files, or a langml/hamshahri .json(.gz) array.

    JSON items contribute title + abstract/summary + paragraphs; only items passing
    :func:`is_clean` are kept, since the others are not ZWNJ gold.
    """
    if path.is_dir():
        out = []
        for p in sorted(path.rglob("*.txt")):
            out.append((str(p), p.read_text(encoding="utf-8")))
        return out
    name = path.name
    if name.endswith(".json") or name.endswith(".json.gz"):
        opener = gzip.open if name.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8") as f:  # type: ignore[operator]
            items = json.load(f)
        if isinstance(items, dict):
            items = [items]
        return [(f"{name}#{i}", t) for i, d in enumerate(items) if isinstance(d, dict) for t in [_langml_text(d)] if is_clean(t)]
    return [(str(path), path.read_text(encoding="utf-8"))]


def damage(text: str, kind: Damage) -> str:
    """``glued``: every ZWNJ deleted; ``space``: every ZWNJ turned into a space."""
    return text.replace(ZWNJ, "" if kind == "glued" else " ")


def marks(text: str, spaces: set[int] | None = None) -> tuple[str, set[int]]:
    """(letters without spaces/ZWNJ, set of letter indices that a ZWNJ precedes).

    If ``spaces`` is given, the letter indices that a space precedes are added to it.
    """
    letters: list[str] = []
    pos: set[int] = set()
    for ch in text:
        if ch == ZWNJ:
            pos.add(len(letters))
        elif not ch.isspace():
            letters.append(ch)
        elif spaces is not None and letters:
            spaces.add(len(letters))
    return "".join(letters), pos


def count_matches(gold: str, pred: str, at_space: list[int] | None = None) -> tuple[int, int, int]:
    """(true positives, false positives, false negatives) of ZWNJ positions, aligned on letters.

    If ``at_space`` is a list, the number of false positives where the gold has a
    space (رئیس جمهور written with a space in the gold) is appended to it.
    """
    gs: set[int] = set()
    gl, gp = marks(gold, gs)
    pl, pp = marks(pred)
    if gl != pl:
        sm = difflib.SequenceMatcher(None, gl, pl, autojunk=False)
        m: dict[int, int] = {}
        for a, b, n in sm.get_matching_blocks():
            for k in range(n + 1):
                m[b + k] = a + k
        pp = {m[p] for p in pp if p in m}
    tp = len(pp & gp)
    if at_space is not None:
        at_space.append(len((pp - gp) & gs))
    return tp, len(pp) - tp, len(gp) - tp


@dataclass
class Score:
    """Position-level counts and speed for one damage kind."""

    damage: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    fp_at_space: int = 0  # false positives where the gold writes a space (a spaced compound)
    docs: int = 0
    exact_docs: int = 0
    chars: int = 0
    seconds: float = 0.0
    errors: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def lenient_precision(self) -> float:
        """Precision not counting a ZWNJ where the gold has a space (as score_record's optional_halfspace)."""
        fp = self.fp - self.fp_at_space
        return self.tp / (self.tp + fp) if self.tp + fp else 0.0

    @property
    def lenient_f1(self) -> float:
        p, r = self.lenient_precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def chars_per_second(self) -> float:
        return self.chars / self.seconds if self.seconds else 0.0

    def as_dict(self) -> dict:
        return {
            "damage": self.damage,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "fp_at_space": self.fp_at_space,
            "lenient_precision": round(self.lenient_precision, 4),
            "lenient_f1": round(self.lenient_f1, 4),
            "docs": self.docs,
            "exact_docs": self.exact_docs,
            "chars": self.chars,
            "seconds": round(self.seconds, 3),
            "chars_per_second": round(self.chars_per_second),
        }


def word_errors(gold: str, pred: str, limit: int = 20) -> list[tuple[str, str]]:
    """Up to ``limit`` (gold word, predicted word) pairs that differ, for error listings."""
    out: list[tuple[str, str]] = []
    gw, pw = gold.split(), pred.split()
    sm = difflib.SequenceMatcher(None, gw, pw, autojunk=False)
    for op, a1, a2, b1, b2 in sm.get_opcodes():
        if op != "equal":
            out.append((" ".join(gw[a1:a2]), " ".join(pw[b1:b2])))
            if len(out) >= limit:
                break
    return out


def evaluate(
    docs: list[tuple[str, str]],
    repair: Callable[[str], str],
    kinds: Iterable[Damage] = ("glued", "space"),
    keep_errors: int = 0,
) -> list[Score]:
    """Damage each gold text, repair it with ``repair`` and score ZWNJ positions per damage kind.

    ``repair`` is timed (CPU time) over all documents of a kind together
    (``chars`` counts the damaged input).  ``keep_errors`` > 0 keeps that many differing words.
    """
    scores = []
    for kind in kinds:
        s = Score(kind)
        damaged = [damage(t, kind) for _, t in docs]
        t0 = time.process_time()  # CPU time: other jobs on the machine do not skew it
        repaired = [repair(d) for d in damaged]
        s.seconds = time.process_time() - t0
        for (doc_id, gold), bad, pred in zip(docs, damaged, repaired):
            at_space: list[int] = []
            tp, fp, fn = count_matches(gold, pred, at_space)
            s.fp_at_space += at_space[0]
            s.tp += tp
            s.fp += fp
            s.fn += fn
            s.docs += 1
            s.exact_docs += pred == gold
            s.chars += len(bad)
            if keep_errors and len(s.errors) < keep_errors and (fp or fn):
                for g, p in word_errors(gold, pred, keep_errors - len(s.errors)):
                    s.errors.append((doc_id, g, p))
        scores.append(s)
    return scores


def goftar_repair(text: str) -> str:
    """Repair ``text`` with goftar's ZWNJ stage alone."""
    from ..offsets import apply_edits
    from ..repair.zwnj import zwnj_edits

    return apply_edits(text, zwnj_edits(text))[0]


def prepare_gold(docs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Fold gold texts the way goftar's repair does before its ZWNJ stage (letters, stray ZWNJ, spaces)."""
    from ..repair.fold import fold_text

    return [(i, fold_text(t)) for i, t in docs]
