#!/usr/bin/env python3
"""Fill the article text into the attribution gold files (eval/attribution_gold/*.json).

Each gold file names its source (``"source": {"corpus": "persian_rst", "file": "meidan001.rs3"}``); the text
is rebuilt from ../shared/corpora/persian_rst/rs3 (segments joined in id order, CC BY-NC 4.0).  Gold statement
texts may be written as anchors «first words … last words»; they are expanded to the full span of the text
(an anchor that is not found is an error, so a typo cannot pass silently).

Usage: python scripts/build_attr_gold.py [--corpora ../shared/corpora] [GOLD_DIR]
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def rst_text(path: Path) -> str:
    """The article of an rstWeb .rs3 file: its segments in id order, joined by spaces."""
    segs = ET.parse(path).getroot().findall(".//segment")
    segs.sort(key=lambda s: int(s.get("id") or 0))
    return re.sub(r"\s+", " ", " ".join((s.text or "").strip() for s in segs)).strip()


def fars_text(path: Path, index: int) -> str:
    """A Fars news article of the langml corpus: title, abstract and paragraphs, one blank line apart."""
    a = json.load(gzip.open(path, "rt", encoding="utf-8"))[index]
    return "\n\n".join([a.get("title") or "", a.get("abstract") or ""] + list(a.get("paragraphs") or []))


_ARABIC = str.maketrans({"ی": "ي", "ک": "ك"})


def expand(text: str, anchor: str, after: str = "") -> str:
    """«a … b» → the span of ``text`` from a to b (ellipsis «…» or «...»); plain text must occur as is
    (or with Arabic ي / ك, as older articles write them).  ``after``: search only after the first
    occurrence of this string (for a statement whose words the lead already repeats)."""
    start = 0
    if after:
        start = text.find(after)
        if start < 0:
            raise ValueError(f"'after' not in text: {after!r}")
        start += len(after)
    try:
        return _expand(text, anchor, start)
    except ValueError:
        return _expand(text, anchor.translate(_ARABIC), start)


def _expand(text: str, anchor: str, start: int = 0) -> str:
    parts = re.split(r"\s*(?:…|\.\.\.)\s*", anchor.strip())
    if len(parts) == 1 or not parts[-1]:
        if anchor.strip() not in text[start:]:
            raise ValueError(f"not in text: {anchor!r}")
        return anchor.strip()
    a, b = parts[0], parts[-1]
    i = text.find(a, start)
    j = text.find(b, i + len(a)) if i >= 0 else -1
    if i < 0 or j < 0:
        raise ValueError(f"anchor not in text: {anchor!r}")
    return text[i : j + len(b)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold_dir", nargs="?", type=Path, default=ROOT / "eval" / "attribution_gold")
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    a = ap.parse_args()
    corpora = a.corpora if a.corpora.exists() else Path("/work/shared/corpora")
    bad = 0
    for f in sorted(a.gold_dir.glob("*.json")):
        g = json.loads(f.read_text(encoding="utf-8"))
        src = g["source"]
        if src["corpus"] == "persian_rst":
            text = rst_text(corpora / src["corpus"] / "rs3" / src["file"])
        else:
            text = fars_text(corpora / src["corpus"] / src["file"], int(src["index"]))
        g["text"] = text
        try:
            for q in g.get("quotes", []):
                q["text"] = expand(text, q.get("anchor") or q["text"], q.get("after", ""))
                q.setdefault("anchor", q["text"] if len(q["text"]) < 60 else None)
        except ValueError as e:
            print(f"{f.name}: {e}", file=sys.stderr)
            bad += 1
            continue
        f.write_text(json.dumps(g, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"done ({bad} files with errors)")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
