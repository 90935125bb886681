#!/usr/bin/env python3
"""Build src/goftar/data/pdfwrap.json: glyph widths for telling a wrapped row from a paragraph end in pdftotext text.

pdftotext's plain output has no geometry: a paragraph whose last row fills the column looks like a
wrapped row.  What it keeps is the text of each row, and a row was wrapped exactly when the next
row's first word would not have fitted after it.  Character counts measure a row's width badly
(«ا» is a fifth of «ص»; Arabic letters change width with their joining form), so we learn the
advance width of each letter in each joining form (isolated, initial, medial, final) and of the
other characters, in units of one space, by least squares on the word boxes of
``pdftotext -bbox-layout`` of the development PDFs.

A row that fills the column and ends a sentence stays ambiguous: a sentence ending where the row
wraps, or a paragraph whose last row happens to be full.  For those a small logistic regression
over words and paragraph shape, trained on every sentence end of the corpus articles' paragraphs,
says how likely a paragraph ends there.

Source: the ``dev`` and ``dev2`` splits written by ``scripts/build_testset.py`` — articles of
fars-news-1/2 and varzesh3-1/2 (../shared/corpora/langml_fars_varzesh3_news) printed by Chromium in
Noto Naskh Arabic.  Only widths of characters are kept (no text).  The test split is never read.

usage: python scripts/build_pdfwrap_model.py [--root tests/artifacts/reader] [--splits dev,dev2]
"""
from __future__ import annotations

import argparse
import datetime
import hashlib
import html
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import gzip

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from goftar.readers.pdftext import _SENTENCE_END, break_features, sentence_count, width_units  # noqa: E402

SHARED = ROOT.parent / "shared" if (ROOT.parent / "shared").exists() else Path("/work/shared")
CORPUS = SHARED / "corpora" / "langml_fars_varzesh3_news"
LM_FILES = ("fars-news-1", "fars-news-2", "varzesh3-1", "varzesh3-2")

OUT = ROOT / "src" / "goftar" / "data" / "pdfwrap.json"
PROVENANCE = ROOT / "src" / "goftar" / "data" / "pdfwrap.PROVENANCE.md"
ALLOWED = ("fars-news-1-", "fars-news-2-", "varzesh3-1-", "varzesh3-2-")
_LINE = re.compile(r'<line xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*?)</line>', re.S)
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">(.*?)</word>')
_RTL = re.compile(r"[\u0600-\u06ff]")


def body_words(pdf: Path) -> tuple[list[tuple[str, float]], list[float]]:
    """(word in reading order, width in pt) for the words of the body-size rows, and the gaps between them."""
    out = subprocess.run(["pdftotext", "-bbox-layout", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                         check=True).stdout.decode("utf-8", "replace")
    lines = []
    for m in _LINE.finditer(out):
        words = [(float(a), float(b), html.unescape(t)) for a, b, t in _WORD.findall(m.group(3))]
        lines.append((round(float(m.group(2)) - float(m.group(1)), 1), words))
    heights = Counter(h for h, _ in lines)
    body = heights.most_common(1)[0][0]
    words, gaps = [], []
    for h, ws in lines:
        if h != body:
            continue
        for x0, x1, t in ws:
            # -bbox-layout writes right-to-left words in visual order
            words.append((t[::-1] if _RTL.search(t) else t, x1 - x0))
        ws = sorted(ws)
        gaps += [b[0] - a[1] for a, b in zip(ws, ws[1:])]
    return words, gaps


def sentence_ends(files: list[str]) -> tuple[list[list[str]], np.ndarray]:
    """Every sentence end of the corpus articles (lead and paragraphs): its features and whether a paragraph
    ends there (1) or the paragraph goes on (0)."""
    X: list[list[str]] = []
    y: list[int] = []
    for name in files:
        if name not in LM_FILES:
            raise SystemExit(f"{name}: only {', '.join(LM_FILES)} may be used")
        for d in json.load(gzip.open(CORPUS / f"{name}.json.gz", "rt", encoding="utf-8")):
            paras = [p.strip() for p in [d.get("abstract") or "", *(d.get("paragraphs") or [])] if p and p.strip()]
            several = [sentence_count(p) >= 2 for p in paras]
            for k, p in enumerate(paras):
                # the article's style, from its other paragraphs (the reader sees only the certain ones)
                others = [x for i, x in enumerate(several) if i not in (k, k + 1)]
                multi = sum(others) / len(others) if others else None
                for m in _SENTENCE_END.finditer(p):
                    if m.end() >= len(p):
                        break
                    X.append(break_features(p[: m.end()], p[m.end():].lstrip(), multi, first=k == 0))
                    y.append(0)
                last = None
                for last in _SENTENCE_END.finditer(p):
                    pass
                if k + 1 < len(paras) and last is not None and last.end() == len(p):
                    X.append(break_features(p, paras[k + 1], multi, first=k == 0))
                    y.append(1)
    return X, np.array(y, dtype=float)


def logistic(X: list[list[str]], y: np.ndarray, min_count: int = 5, l2: float = 1.0) -> dict[str, float]:
    """L2-regularised logistic regression over indicator features (Newton's method)."""
    counts = Counter(f for x in X for f in x)
    feats = sorted(f for f, n in counts.items() if n >= min_count)
    index = {f: i for i, f in enumerate(feats)}
    M = np.zeros((len(X), len(feats)))
    for r, x in enumerate(X):
        for f in x:
            if f in index:
                M[r, index[f]] = 1.0
    w = np.zeros(len(feats))
    for _ in range(25):
        p = 1.0 / (1.0 + np.exp(-(M @ w)))
        grad = M.T @ (p - y) + l2 * w
        hess = (M * (p * (1 - p))[:, None]).T @ M + l2 * np.eye(len(feats))
        w -= np.linalg.solve(hess, grad)
    return {f: round(float(w[i]), 3) for f, i in index.items() if abs(w[i]) >= 0.05 or f == "bias"}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--root", type=Path, default=ROOT / "tests" / "artifacts" / "reader")
    ap.add_argument("--splits", default="dev,dev2")
    ap.add_argument("--min-count", type=int, default=3, help="units seen fewer times share the 'other' width")
    ap.add_argument("--lm-files", default=",".join(LM_FILES),
                    help="corpus files whose paragraphs train the sentence-end model")
    ap.add_argument("--join-below", type=float, default=0.3,
                    help="a full row ending a sentence is joined when P(paragraph ends) is below this")
    args = ap.parse_args()
    pdfs = []
    for split in args.splits.split(","):
        if split == "test":
            raise SystemExit("the test split is held out")
        for d in sorted((args.root / split).iterdir()):
            if (d / "page.pdf").exists():
                if not d.name.startswith(ALLOWED):
                    raise SystemExit(f"{d.name}: not from fars-news-1/2 or varzesh3-1/2")
                pdfs.append(d / "page.pdf")
    if not pdfs:
        raise SystemExit(f"no PDFs under {args.root} ({args.splits}); run scripts/build_testset.py first")
    samples: list[tuple[list[str], float]] = []
    gaps: list[float] = []
    for pdf in pdfs:
        words, g = body_words(pdf)
        samples += [(width_units(w), x) for w, x in words]
        gaps += g
    space = float(np.median(gaps))
    counts = Counter(u for us, _ in samples for u in us)
    keys = sorted(k for k, n in counts.items() if n >= args.min_count)
    index = {k: i for i, k in enumerate(keys)}
    X = np.zeros((len(samples), len(keys) + 1))
    y = np.array([x for _, x in samples])
    for r, (us, _) in enumerate(samples):
        for u in us:
            X[r, index.get(u, len(keys))] += 1
    coef, *_ = np.linalg.lstsq(X, y, rcond=None)
    rmse = float(np.sqrt(np.mean((y - X @ coef) ** 2)))
    naive = np.array([[len(us), 1.0] for us, _ in samples])
    c2, *_ = np.linalg.lstsq(naive, y, rcond=None)
    rmse_count = float(np.sqrt(np.mean((y - naive @ c2) ** 2)))
    lm_files = args.lm_files.split(",")
    Xs, ys = sentence_ends(lm_files)
    weights = logistic(Xs, ys)
    model = {
        "about": "units: advance widths in units of one space; keys are a letter + joining form (s/i/m/f) or a "
                 "character. breaks: logistic weights of goftar.readers.pdftext.break_features, P(a paragraph "
                 "ends at a sentence end); a full row ending a sentence is joined when it is below join_below.",
        "other": round(float(coef[-1]) / space, 3),
        "units": {k: round(float(coef[index[k]]) / space, 3) for k in keys},
        "breaks": weights,
        "join_below": args.join_below,
    }
    OUT.write_text(json.dumps(model, ensure_ascii=False, sort_keys=True, indent=0) + "\n", encoding="utf-8")
    sha = hashlib.sha256(OUT.read_bytes()).hexdigest()
    PROVENANCE.write_text(
        f"""# pdfwrap.json — glyph widths for rebuilding paragraphs of pdftotext text

Advance width of each Arabic letter in each joining form and of other characters, in units of one space,
used by `goftar.readers.pdftext.paragraph_edits` to tell a wrapped row (the next row's first word would not
have fitted) from a paragraph end when only pdftotext's plain text is at hand.
- Source: `pdftotext -bbox-layout` word boxes of {len(pdfs)} development pages ({args.splits}) rendered by
  `scripts/build_testset.py` from ../shared/corpora/langml_fars_varzesh3_news fars-news-1/2 and varzesh3-1/2
  (publisher content, research and testing use; only character widths are kept, no text) and printed by
  Chromium in Noto Naskh Arabic (SIL OFL 1.1). The test split is never read.
- Fit: least squares over {len(samples)} words, {len(keys)} units (seen ≥ {args.min_count} times); word width
  RMSE {rmse:.2f} pt (character count: {rmse_count:.2f} pt); space {space:.3f} pt.
- `breaks`: logistic regression (L2, {len(weights)} indicator features: sentences and length of the paragraph so
  far, an open quote or «گفت:», the last word, the next one or two words, a colon in the next sentence, the
  share of the article's other paragraphs with several sentences, whether it is the first (the lead)) of "a paragraph ends here" at the
  {len(ys)} sentence ends of the leads and paragraphs of {", ".join(lm_files)} ({ys.mean():.0%} paragraph ends);
  a full row ending a sentence is joined when P < {args.join_below} (chosen on held-out development pages:
  trained on one half of the files, counted on the pages of the other).
  Keeps single words of publisher text as feature names (research and testing use, like the corpus).
- Licence: glyph widths measured on rendered pages (no text); the word features inherit the corpus's
  research/testing-only status: **RESEARCH-ONLY** for `breaks`.
- Build: `python scripts/build_testset.py --splits dev2 --per-split-source 75 --jobs 1` (after the dev split), then
  `python scripts/build_pdfwrap_model.py` ({datetime.date.today().isoformat()})
- sha256: {sha}
""",
        encoding="utf-8",
    )
    print(f"{len(pdfs)} pages, {len(samples)} words, {len(keys)} units; RMSE {rmse:.2f} pt "
          f"(char count {rmse_count:.2f} pt); sentence-end model: {len(ys)} examples, {len(weights)} weights; "
          f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
