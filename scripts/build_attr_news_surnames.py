#!/usr/bin/env python3
"""Build ``src/goftar/data/attr_news_surnames.txt``: surnames that news writes alone for a person («مسی», «آنچلوتی»,
«دخیا», «رویانیان»), mined from ../shared/corpora/langml_fars_varzesh3_news (fars-news-1/2, varzesh3-1/2).

A word of four letters or more is kept when the news writes it at least twice right after one and the same word that opens a person's name
(a known first name, or a word no list holds: «لیونل مسی», «کارلو آنچلوتی», «وریا غفوری»), that pair makes at least
15 % of the word's occurrences, and the word is none of: a frequent word, a word the NER corpora hold as no
person's name, a place, a name token already listed (``attr_names.tsv``), an Arabic «ال…» word, a first name in
«…الله», a word in «…ایی» («گرایی»: a suffix of split compounds), or a word or place with «ی» («مکانی», «اصفهانی»).  Articles annotated for evaluation
(``eval/attribution_gold`` sources in these four files) and batch q are left out, so the list does not know them.

Usage: python scripts/build_attr_news_surnames.py [--corpora ../shared/corpora]
Writes the list and its PROVENANCE.md with sha256.
"""
from __future__ import annotations

import argparse
import collections
import datetime as dt
import gzip
import hashlib
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "goftar" / "data"
sys.path.insert(0, str(ROOT / "src"))
from goftar.attribute import lexicon as L  # noqa: E402

FILES = ("fars-news-1", "fars-news-2", "varzesh3-1", "varzesh3-2")
#: articles of these files that evaluation reads (attribution gold, development and retired splits; batch q):
#: the mined list must not be made from them
EXCLUDE = {
    "fars-news-1": {11, 24, 25, 30, 35, 37, 46, 51, 55, 56, 63, 64, 69, 77, 81, 83, 84, 87, 90, 109, 113, 114, 115, 120,
                   134, 138, 140, 158, 159, 161, 163, 182, 184, 190, 191, 211, 215, 223, 230, 234, 236, 242, 251, 259, 265,
                   272, 296},
    "fars-news-2": {1, 3, 4, 5, 7, 8, 13, 14, 16, 21, 22, 23, 24, 25, 27, 32, 33, 35, 40, 49, 50, 53, 57, 58, 60, 64, 67,
                   68, 70, 71, 72, 73, 76, 80, 82, 84, 87, 88, 91, 95, 96, 101, 102, 104, 107, 108, 112, 118, 122, 128,
                   137, 139, 143, 144, 148, 149, 157, 164, 165, 166, 167, 172, 174, 176, 179, 185, 193, 198, 205, 208, 209,
                   210, 211, 214, 215, 217, 219, 220, 227, 230, 234, 236, 237, 240, 242, 243, 245, 251, 252, 254, 255, 256,
                   263, 265, 280, 281, 284, 287, 288, 298, 299},
    "varzesh3-1": {22, 25, 38, 94, 99, 127, 141, 143, 144, 194, 239, 247, 253, 263, 275, 321, 335, 362, 363, 380, 388, 431,
                  446, 471, 480, 491},
    "varzesh3-2": {39, 78, 79, 84, 96, 102, 108, 110, 131, 149, 163, 166, 168, 180, 203, 205, 218, 230, 235, 244, 276, 296,
                  309, 310, 319, 339, 349, 353, 380, 390, 415, 442, 494},
}
WORD = re.compile(r"[\w\u200c]+")
MIN_PAIR, MIN_SHARE = 2, 0.15


def build(corpora: Path, exclude: dict[str, set[int]]) -> list[str]:
    names, ordinary, common = L.name_tokens(), L.ordinary_words(), L.common_words()
    maybe, places = L.maybe_first_names(), L.places()
    firsts = L.first_names()
    uni: collections.Counter[str] = collections.Counter()
    pairs: collections.Counter[tuple[str, str]] = collections.Counter()
    for name in FILES:
        with gzip.open(corpora / "langml_fars_varzesh3_news" / f"{name}.json.gz", "rt", encoding="utf-8") as f:
            arts = json.load(f)
        for i, a in enumerate(arts):
            if i in exclude.get(name, ()):
                continue
            for par in [a.get("title") or "", a.get("abstract") or ""] + list(a.get("paragraphs") or []):
                for clause in re.split(r"[.!؟?:«»،,؛\"()\n]", par):
                    ws = [L.key(w) for w in WORD.findall(clause)]
                    uni.update(ws)
                    pairs.update(zip(ws, ws[1:]))

    def opener(x: str) -> bool:  # a word that opens a person's name
        if len(x) < 3 or x in maybe or x in places or re.search(r"[0-9۰-۹A-Za-z_]", x):
            return False
        return x in firsts or (x not in names and x not in ordinary and x not in common)

    def surname(w: str) -> bool:
        return len(w) >= 4 and w not in names and w not in ordinary and w not in common and w not in maybe \
            and w not in places and w not in L.STOP and re.search(r"[0-9۰-۹A-Za-z_]", w) is None \
            and not w.endswith(("ها", "های", "هایی", "ایی", "الله")) and not w.startswith("ال") \
            and not (w.endswith("ی") and (w[:-1] in places or w[:-1] in common or w[:-1] in ordinary))
        # («اصفهانی»: of a place; «مکانی», «عیدی», «گرایی»: a word with «ی»)

    ends: collections.Counter[str] = collections.Counter()  # how often a word ends a «first name + surname» pair
    opens: collections.Counter[str] = collections.Counter()  # … and opens one (then it is a first name)
    for (x, w), c in pairs.items():
        if c >= MIN_PAIR and x != w and surname(w) and opener(x):
            ends[w] += c
            opens[x] += c
    return sorted(w for w, c in ends.items() if c >= MIN_SHARE * uni[w] and c > opens[w])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    args = ap.parse_args()
    if not args.corpora.is_dir():
        args.corpora = Path("/work/shared/corpora")
    words = build(args.corpora, EXCLUDE)
    out = DATA / "attr_news_surnames.txt"
    out.write_text("\n".join(words) + "\n", encoding="utf-8")
    sha = hashlib.sha256(out.read_bytes()).hexdigest()
    (DATA / "attr_news_surnames.PROVENANCE.md").write_text(f"""# attr_news_surnames.txt — surnames news writes alone for a person

One key a line: words the news writes right after a first name (or a word no list holds) often enough
(≥ {MIN_PAIR} times, ≥ {int(MIN_SHARE * 100)} % of their occurrences: «لیونل مسی», «کارلو آنچلوتی») and that are no frequent
word, no place and no word the NER corpora hold as no one's name. The reader takes such a word alone for a person.
- Source: ../shared/corpora/langml_fars_varzesh3_news fars-news-1/2 and varzesh3-1/2 (repository Apache-2.0;
  publisher content, research and testing only — only word counts are kept), minus the articles evaluation reads.
  Filters use attr_names.tsv / attr_ordinary.txt (RESEARCH-ONLY sources: see their PROVENANCE).
- Build: `python scripts/build_attr_news_surnames.py` ({dt.date.today().isoformat()})
- Rows: {len(words)}; sha256: {sha}
""", encoding="utf-8")
    print(f"{len(words)} surnames → {out}")


if __name__ == "__main__":
    main()
