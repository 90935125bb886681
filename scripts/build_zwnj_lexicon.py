#!/usr/bin/env python3
"""Build goftar's half-space lexicon from the clean-ZWNJ news in ../shared/corpora.

    python3 scripts/build_zwnj_lexicon.py [--shared ../shared] [--hazm-verbs PATH] [--hazm-words PATH]
    python3 scripts/build_zwnj_lexicon.py --dev --score --out /tmp/zdev   # development build + dev score

Writes src/goftar/data/zwnj_lexicon.tsv.gz (written form → count) and
src/goftar/data/zwnj_affixes.json (affix statistics learned from the counts),
then prints the sha256 of both for src/goftar/data/zwnj.PROVENANCE.md.

Sources (build split only; the held-out split is never read, see
goftar.evaluation.zwnj): langml fars-news-1..3 + varzesh3-1..3 clean docs,
hamshahrionline_rss items with index % 5 != 0 (clean), persian_rst files with
sorted index % 5 != 0, the whole ArmanPersoNER corpus (research-only), and the
present stems of hazm's verbs.dat (MIT) when given.

Counted units, after goftar's character folding:
* every word (a run of Persian letters, ZWNJ included) as written;
* every run of 2–4 words separated by exactly one space whose letters also occur
  written as one word (so "نشان دهنده" is counted because "نشان‌دهنده" is);
* bigrams "در X" / "از X" / … (a preposition then a word), to learn splits of glued
  prepositions (درطول → در طول);
* each form at most PER_DOC_CAP times per document (one writer's habit does not outvote the rest);
* plus, counted once, the ZWNJ compounds of hazm's words.dat (MIT) whose letters the
  news never shows as one word (فریدون‌شهر، بی‌احترامی); their spaced runs in the news are counted.

``--dev`` leaves every 10th build document out (a development slice to tune on
without touching the held-out split).
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
from collections import Counter
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from goftar.evaluation.zwnj import corpus_documents, shared_dir  # noqa: E402
from goftar.repair.fold import fold_text  # noqa: E402
from goftar.repair.zwnj import SPLIT_HEADS, WORD_RE, ZWNJ, ends_joining  # noqa: E402

DATA = REPO / "src" / "goftar" / "data"
MAX_N = 4
PLURALS = ("ها", "های", "هایی", "هایم", "هایت", "هایش", "هایمان", "هایتان", "هایشان", "هاست")


def is_dev(i: int) -> bool:
    """Whether build document number ``i`` belongs to the development slice (left out by ``--dev``)."""
    return i % 10 == 3


def dev_documents(corpora: Path) -> list[tuple[str, str]]:
    """The development slice of the build split: every 10th build document."""
    return [d for i, d in enumerate(corpus_documents("build", corpora)) if is_dev(i)]


def arman_texts(corpora: Path) -> list[str]:
    """ArmanPersoNER sentences (tokens joined by spaces), all three test folds = the whole corpus."""
    out = []
    for k in (1, 2, 3):
        with gzip.open(corpora / "arman_personer" / f"test_fold{k}.txt.gz", "rt", encoding="utf-8") as f:
            toks: list[str] = []
            for line in f:
                line = line.rstrip("\n")
                if not line.strip():
                    if toks:
                        out.append(" ".join(toks))
                        toks = []
                    continue
                tok = line.rsplit(" ", 1)[0]
                toks.append(tok)
            if toks:
                out.append(" ".join(toks))
    return out


def runs(text: str) -> list[list[str]]:
    """Maximal runs of words separated by exactly one space."""
    out: list[list[str]] = []
    cur: list[str] = []
    last_end = -1
    for m in WORD_RE.finditer(text):
        if cur and text[last_end : m.start()] == " ":
            cur.append(m.group())
        else:
            if cur:
                out.append(cur)
            cur = [m.group()]
        last_end = m.end()
    if cur:
        out.append(cur)
    return out


def consistent_docs(doc_runs: list[list[list[str]]], rounds: int = 2, min_share: float = 0.85) -> list[list[list[str]]]:
    """Drop documents that write glued what the others write with ZWNJ.

    "Clean" in the READMEs only means no «می » with a space; many such documents
    still glue plurals and compounds (باشگاههای).  A key is a ZWNJ word when the
    kept documents write it with ZWNJ at least as often as glued; a document is
    kept when at least ``min_share`` of its ZWNJ words carry the ZWNJ.
    """
    kept = doc_runs
    for _ in range(rounds):
        counts: Counter[str] = Counter(w for d in kept for r in d for w in r)
        zw: Counter[str] = Counter()
        gl: Counter[str] = Counter()
        for w, c in counts.items():
            (zw if ZWNJ in w else gl)[w.replace(ZWNJ, "")] += c
        zwnj_words = {k for k, c in zw.items() if c >= 2 and c >= gl[k]}
        # plurals of known words ending in a joining letter take ZWNJ by convention,
        # unless nearly everyone glues them (آنها, تنها)
        stems = {k for k, c in gl.items() if c >= 3 and ends_joining(k)}
        for k in list(gl):
            for suf in PLURALS:
                if k.endswith(suf) and k[: -len(suf)] in stems and gl[k] < 4 * zw[k]:
                    zwnj_words.add(k)
                    break
        new = []
        for d in doc_runs:
            z = g = 0
            for r in d:
                for w in r:
                    k = w.replace(ZWNJ, "")
                    if k in zwnj_words:
                        if ZWNJ in w:
                            z += 1
                        else:
                            g += 1
            if z + g < 3 or z >= min_share * (z + g):
                new.append(d)
        kept = new
    return kept


PER_DOC_CAP = 4
"""A form counts at most this many times per document, so one writer's habit (کی روش
repeated in one report) does not outvote the other documents."""


def _capped(counts: Counter[str], cap: int = PER_DOC_CAP) -> Counter[str]:
    return Counter({w: min(c, cap) for w, c in counts.items()})


def _multi_counts(doc: list[list[str]], keys: set[str]) -> Counter[str]:
    """Runs of 2–4 words of one document whose letters occur as one word, and preposition bigrams."""
    multi: Counter[str] = Counter()
    for r in doc:
        for i in range(len(r)):
            k = r[i].replace(ZWNJ, "")
            for n in range(2, MAX_N + 1):
                if i + n > len(r):
                    break
                k += r[i + n - 1].replace(ZWNJ, "")
                if k in keys:
                    multi[" ".join(r[i : i + n])] += 1
                elif n == 2 and r[i] in SPLIT_HEADS:
                    multi[" ".join(r[i : i + 2])] += 1
    return multi


HAZM_MIN_FREQ = 1
"""hazm word-list entries with a lower frequency (many are 0) are not used."""


def hazm_zwnj_words(path: Path | None, min_freq: int = HAZM_MIN_FREQ) -> list[str]:
    """Words written with ZWNJ in hazm's ``words.dat`` (MIT), folded like goftar's repair, if the file exists."""
    if not path or not path.exists():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or ZWNJ not in parts[0] or not parts[1].isdigit() or int(parts[1]) < min_freq:
            continue
        w = fold_text(parts[0]).strip()
        if ZWNJ in w and WORD_RE.fullmatch(w):
            out.append(w)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=None)
    ap.add_argument("--hazm-verbs", type=Path, default=Path("/opt/peers/lib/python3.11/site-packages/hazm/data/verbs.dat"))
    ap.add_argument("--hazm-words", type=Path, default=Path("/opt/peers/lib/python3.11/site-packages/hazm/data/words.dat"))
    ap.add_argument("--out", type=Path, default=DATA)
    ap.add_argument("--dev", action="store_true",
                    help="development build: leave out every 10th build document (see dev_documents) so that "
                    "decisions can be tuned on them without touching the held-out split; use with --out")
    ap.add_argument("--score", action="store_true",
                    help="with --dev: after building, score goftar's ZWNJ stage with this lexicon on the dev slice")
    args = ap.parse_args()
    shared = args.shared or shared_dir()
    if shared is None:
        sys.exit("build_zwnj_lexicon: ../shared not found (use --shared)")
    corpora = shared / "corpora"

    texts = [t for i, (_, t) in enumerate(corpus_documents("build", corpora)) if not (args.dev and is_dev(i))]
    n_docs = len(texts)
    texts += arman_texts(corpora)
    texts = [fold_text(t) for t in texts]
    doc_runs = [runs(t) for t in texts]
    print(f"{n_docs} clean documents + {len(texts) - n_docs} Arman sentences", file=sys.stderr)
    doc_runs = consistent_docs(doc_runs)
    all_runs = [r for d in doc_runs for r in d]
    print(f"{len(doc_runs)} kept as consistent, {sum(map(len, all_runs))} words", file=sys.stderr)

    single: Counter[str] = Counter()
    for d in doc_runs:
        single.update(_capped(Counter(w for r in d for w in r)))
    keys: set[str] = {w.replace(ZWNJ, "") for w in single}
    # compounds the news never shows as one word but hazm's word list writes with ZWNJ
    # (فریدون‌شهر، بی‌احترامی): counted once, and their spaced runs in the news are counted too
    extra = {w: 1 for w in hazm_zwnj_words(args.hazm_words) if w.replace(ZWNJ, "") not in keys}
    print(f"{len(extra)} ZWNJ compounds from hazm's word list", file=sys.stderr)
    single.update(extra)
    keys.update(w.replace(ZWNJ, "") for w in extra)
    multi: Counter[str] = Counter()
    for d in doc_runs:
        multi.update(_capped(_multi_counts(d, keys)))
    del all_runs

    # keep: every ZWNJ form; glued words seen twice, or once when the key also has a ZWNJ form
    zw_keys = {w.replace(ZWNJ, "") for w in single if ZWNJ in w}
    lex: dict[str, int] = {}
    for w, c in single.items():
        if ZWNJ in w or c >= 1:
            lex[w] = c
    for g, c in multi.items():
        first = g.split(" ", 1)[0]
        k = g.replace(" ", "").replace(ZWNJ, "")
        if k in zw_keys or k in lex:
            lex[g] = c
        elif first in SPLIT_HEADS and c >= 3:
            lex[g] = c

    # affix statistics: for a part written after (suffix) / before (prefix) a ZWNJ,
    # how often it is attached with ZWNJ vs glued, when the rest is a known word
    # ending in a joining letter
    known = {w for w, c in single.items() if ZWNJ not in w and c >= 2}
    suf_zw: Counter[str] = Counter()
    pre_zw: Counter[str] = Counter()
    for w, c in single.items():
        if ZWNJ not in w:
            continue
        head, _, tail = w.rpartition(ZWNJ)
        if head.replace(ZWNJ, "") in known and ends_joining(head):
            suf_zw[tail] += c
        first, _, rest = w.partition(ZWNJ)
        if rest.replace(ZWNJ, "") in known and ends_joining(first):
            pre_zw[first] += c
    suf_cand = {s for s, c in suf_zw.items() if c >= 3}
    pre_cand = {p for p, c in pre_zw.items() if c >= 3}
    suf_gl: Counter[str] = Counter()
    pre_gl: Counter[str] = Counter()
    for w, c in single.items():
        if ZWNJ in w:
            continue
        for j in range(2, len(w) - 1):
            head, tail = w[:j], w[j:]
            if tail in suf_cand and head in known and ends_joining(head):
                suf_gl[tail] += c
            if head in pre_cand and tail in known and ends_joining(head):
                pre_gl[head] += c
    suffixes = {s: [suf_zw[s], suf_gl[s]] for s in sorted(suf_cand)}
    prefixes = {p: [pre_zw[p], pre_gl[p]] for p in sorted(pre_cand)}

    # bound parts: tokens that, written alone, are nearly always a damaged half of a word
    alone: Counter[str] = Counter({w: c for w, c in single.items() if ZWNJ not in w})
    after: Counter[str] = Counter()
    before: Counter[str] = Counter()
    for w, c in single.items():
        if ZWNJ in w:
            parts = w.split(ZWNJ)
            after[parts[-1]] += c
            before[parts[0]] += c
    bound_suffix = {t: [after[t], alone[t]] for t in after if after[t] >= 3}
    bound_prefix = {t: [before[t], alone[t]] for t in before if before[t] >= 3}

    stems: list[str] = []
    if args.hazm_verbs and args.hazm_verbs.exists():
        for line in args.hazm_verbs.read_text(encoding="utf-8").splitlines():
            if "#" in line:
                past, present = line.split("#", 1)
                for s in (past, present):
                    s = fold_text(s).strip()
                    if s and ZWNJ not in s:
                        stems.append(s)
        stems = sorted(set(stems))

    args.out.mkdir(parents=True, exist_ok=True)
    lex_path = args.out / "zwnj_lexicon.tsv.gz"
    body = "".join(f"{w}\t{c}\n" for w, c in sorted(lex.items()))
    with open(lex_path, "wb") as raw:
        with gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, compresslevel=9) as f:
            f.write(body.encode("utf-8"))
    aff_path = args.out / "zwnj_affixes.json"
    aff = {
        "built": date.today().isoformat(),
        "suffixes": suffixes,
        "prefixes": prefixes,
        "bound_suffix": bound_suffix,
        "bound_prefix": bound_prefix,
        "verb_stems": stems,
    }
    aff_path.write_text(json.dumps(aff, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8")
    for p in (lex_path, aff_path):
        print(f"{p.relative_to(REPO) if p.is_relative_to(REPO) else p}  {p.stat().st_size} bytes  sha256 {hashlib.sha256(p.read_bytes()).hexdigest()}")
    print(f"{len(lex)} forms, {len(suffixes)} suffixes, {len(prefixes)} prefixes, {len(stems)} verb stems", file=sys.stderr)
    if args.dev and args.score:
        score_dev(args.out, corpora)


def score_dev(out: Path, corpora: Path) -> None:
    """Score the ZWNJ stage, using the lexicon just written to ``out``, on the dev slice (both damages)."""
    import importlib

    from goftar.evaluation import zwnj as ev

    zw = importlib.import_module("goftar.repair.zwnj")
    forms: dict[str, int] = {}
    for line in gzip.decompress((out / "zwnj_lexicon.tsv.gz").read_bytes()).decode("utf-8").splitlines():
        f, _, c = line.partition("\t")
        forms[f] = int(c)
    lex = zw.Lexicon(forms, json.loads((out / "zwnj_affixes.json").read_text(encoding="utf-8")))
    zw.lexicon = lambda: lex  # the packaged lexicon is not used for this score
    docs = [(i, t) for i, t in ev.prepare_gold(dev_documents(corpora)) if t.strip()]
    print(f"dev slice: {len(docs)} documents, {sum(len(t) for _, t in docs):,} characters")
    for s in ev.evaluate(docs, ev.goftar_repair):
        print(f"{s.damage:<6} P {s.precision:.4f} R {s.recall:.4f} F1 {s.f1:.4f}  "
              f"(fp {s.fp}, of which at a gold space {s.fp_at_space}; fn {s.fn})")


if __name__ == "__main__":
    main()
