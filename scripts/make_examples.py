"""Build the bundled example articles in examples/ from ../shared/corpora (Fars News, fars-news-2).

Each article is written the way users paste it: half-spaces lost (glued or spaced, at random
but reproducibly), lines hard-wrapped at about 110 characters, a blank line now and then inside
a paragraph, and a tag footer.  The seed article (examples/seed-article.txt) is copied as is.

Usage: python scripts/make_examples.py [--shared ../shared]
Source: language-ml/course-nlp-ir-1-text-exploring (Apache-2.0 repository; article texts © farsnews.ir,
research and testing use).
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import textwrap
from pathlib import Path

PICKS = [4, 13, 58, 63, 68]  # indices in fars-news-2.json: articles with several quoted statements
ZWNJ = "\u200c"


def damage(text: str, rng: random.Random) -> str:
    return "".join((rng.choice(["", " "]) if ch == ZWNJ else ch) for ch in text)


def wrap(par: str, rng: random.Random) -> str:
    lines = textwrap.wrap(par, width=110, break_long_words=False)
    out = []
    for i, line in enumerate(lines):
        out.append(line)
        if i < len(lines) - 1 and rng.random() < 0.25:
            out.append("")  # a blank line inside the paragraph, as copied from a PDF
    return "\n".join(out)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    a = ap.parse_args()
    src = Path(a.shared) / "corpora" / "langml_fars_varzesh3_news" / "fars-news-2.json.gz"
    docs = json.load(gzip.open(src, "rt", encoding="utf-8"))
    out_dir = Path(__file__).resolve().parents[1] / "examples"
    for i in PICKS:
        d = docs[i]
        rng = random.Random(i)
        parts = [d["title"], d["abstract"], *d["paragraphs"]]
        body = "\n\n".join(wrap(damage(p.strip(), rng), rng) for p in parts if p.strip())
        tags = "\n".join(f"[{k}] {damage(t, rng)}" for k, t in enumerate(d["tags"], 1))
        text = f"{body}\n\nبرچسب ها:\n{tags}\n"
        art_id = d["link"].split("/news/")[1].split("/")[0]
        (out_dir / f"fars-{art_id}.txt").write_text(text, encoding="utf-8")
        print(out_dir / f"fars-{art_id}.txt")


if __name__ == "__main__":
    main()
