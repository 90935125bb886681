#!/usr/bin/env python3
"""Build the attribution lexicons in src/goftar/data/:

- ``attr_places.tsv``  — place gazetteer (compact key, name, ISO/M.49 code, kind), compiled from
  ../shared/corpora/gazetteer_fa (Unicode CLDR territories + tz exemplar cities via babel, Iranian
  provinces/cities, MIT) plus a short hand list of news spellings (آمریکا, فلسطین, غزه …) below.
- ``attr_common.txt``  — frequent Fars-news words (names stop there).
- ``attr_ordinary.txt`` — words of the NER corpora that are no person's name (RESEARCH-ONLY sources).
- ``attr_names.tsv``   — person-name tokens (first / last / solo: a surname that names a person on its own),
  from Faker fa_IR (MIT) and the PERSON tags of arman_personer + PEYMA (both RESEARCH-ONLY licences: the
  shipped names list inherits that restriction) and ParsTwiNER (MIT).

Usage: python scripts/build_attr_lexicons.py [--corpora ../shared/corpora]
Writes the files and their PROVENANCE.md with sha256.
"""
from __future__ import annotations

import argparse
import collections
import datetime as dt
import gzip
import hashlib
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "goftar" / "data"
FOLD = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ۀ": "ه", "ة": "ه", "أ": "ا", "إ": "ا"})


def key(s: str) -> str:
    """Matching key: folded letters, no spaces / half-spaces."""
    return re.sub(r"[\s\u200c]+", "", s.translate(FOLD))


# News spellings CLDR lacks (CLDR writes «امریکا», «سرزمین‌های فلسطینی» …): name, code, kind.
EXTRA_PLACES = [
    ("آمریکا", "US", "country"), ("ایالات متحده", "US", "country"), ("ایالات متحده آمریکا", "US", "country"),
    ("امریکا", "US", "country"), ("فلسطین", "PS", "country"), ("انگلیس", "GB", "country"),
    ("بریتانیا", "GB", "country"), ("انگلستان", "GB", "country"), ("روسیه", "RU", "country"),
    ("چین", "CN", "country"), ("کره جنوبی", "KR", "country"), ("کره شمالی", "KP", "country"),
    ("امارات", "AE", "country"), ("امارات متحده عربی", "AE", "country"), ("عربستان", "SA", "country"),
    ("عربستان سعودی", "SA", "country"), ("آذربایجان", "AZ", "country"), ("جمهوری آذربایجان", "AZ", "country"),
    ("هلند", "NL", "country"), ("سوئیس", "CH", "country"), ("سوییس", "CH", "country"),
    ("اسرائیل", "IL", "country"), ("رژیم صهیونیستی", "IL", "country"), ("ونزوئلا", "VE", "country"),
    ("آلمان", "DE", "country"), ("فرانسه", "FR", "country"), ("ژاپن", "JP", "country"), ("هند", "IN", "country"),
    ("پاکستان", "PK", "country"), ("افغانستان", "AF", "country"), ("عراق", "IQ", "country"), ("سوریه", "SY", "country"),
    ("لبنان", "LB", "country"), ("ترکیه", "TR", "country"), ("یمن", "YE", "country"), ("مصر", "EG", "country"),
    ("ارمنستان", "AM", "country"), ("تاجیکستان", "TJ", "country"), ("قزاقستان", "KZ", "country"),
    ("ازبکستان", "UZ", "country"), ("ترکمنستان", "TM", "country"), ("بحرین", "BH", "country"), ("کویت", "KW", "country"),
    ("قطر", "QA", "country"), ("عمان", "OM", "country"), ("اوکراین", "UA", "country"), ("کوبا", "CU", "country"),
    ("برزیل", "BR", "country"), ("آرژانتین", "AR", "country"), ("ایتالیا", "IT", "country"), ("اسپانیا", "ES", "country"),
    ("کانادا", "CA", "country"), ("استرالیا", "AU", "country"), ("بلژیک", "BE", "country"), ("اتریش", "AT", "country"),
    ("سوئد", "SE", "country"), ("نروژ", "NO", "country"), ("یونان", "GR", "country"), ("لیبی", "LY", "country"),
    ("الجزایر", "DZ", "country"), ("تونس", "TN", "country"), ("مالزی", "MY", "country"), ("اندونزی", "ID", "country"),
    ("ایران", "IR", "country"), ("بوسنی", "BA", "country"), ("صربستان", "RS", "country"), ("کرواسی", "HR", "country"),
    ("غزه", None, "region"), ("نوار غزه", None, "region"), ("کرانه باختری", None, "region"), ("قدس", None, "city"),
    ("بیت المقدس", None, "city"), ("اروپا", "150", "region"), ("آسیا", "142", "region"), ("آفریقا", "002", "region"),
    ("خاورمیانه", None, "region"), ("غرب آسیا", "145", "region"), ("خلیج فارس", None, "region"), ("قفقاز", None, "region"),
    ("آمریکای لاتین", "419", "region"), ("تهران", None, "city"), ("مشهد", None, "city"), ("اصفهان", None, "city"),
    ("شیراز", None, "city"), ("تبریز", None, "city"), ("قم", None, "city"), ("بلوچستان", None, "region"), ("کرج", None, "city"), ("اهواز", None, "city"),
    ("نیویورک", None, "city"), ("واشنگتن", None, "city"), ("لندن", None, "city"), ("پاریس", None, "city"),
    ("مسکو", None, "city"), ("پکن", None, "city"), ("ژنو", None, "city"), ("وین", None, "city"), ("برلین", None, "city"),
    ("بغداد", None, "city"), ("دمشق", None, "city"), ("بیروت", None, "city"), ("کابل", None, "city"), ("آنکارا", None, "city"),
    ("استانبول", None, "city"), ("ریاض", None, "city"), ("دوحه", None, "city"), ("باکو", None, "city"), ("هاوانا", None, "city"),
    ("کربلا", None, "city"), ("نجف", None, "city"), ("مکه", None, "city"), ("مدینه", None, "city"),
]
# CLDR / gazetteer entries that are ordinary Persian words or too ambiguous in news text.
PLACE_STOP = {
    "جهان", "دنیا", "آمریکا", "ایالات", "اسلام", "نور", "امید", "بهار", "کوه", "شهر", "بندر", "مرکز", "آزادی",
    "رضوان", "نیک", "نیکشهر", "امام", "بم", "بن", "سنت", "الجزیره", "جمهوری", "ماه", "باران", "باغ", "دره",
    "سرو", "فردوس", "آباد", "خان", "زمان", "جنوب", "شمال", "شرق", "غرب", "وحدت", "اتحاد", "اسلامشهر",
    "پیروز", "پیروزی", "دولت", "صفا", "ملک", "کیش", "اروند", "خاتم", "بهشت", "دانش", "امیر", "سلطان",
    "ماکو", "نظر", "کلام", "باشت", "سیاه", "ناز", "سنگ", "تیران", "مهر", "دوشنبه", "فارس", "اندیشه", "مرکزی", "ملارد", "بابا",
}
PROVINCE_CAPITAL_FIRST = True
#: country names that are ordinary words as well («مالی» financial): only taken after a place cue
CUE_ONLY_COUNTRIES = {"مالی"}


def build_places(corpora: Path, common: set[str]) -> list[tuple[str, str, str, str, str]]:
    """Rows (key, name, code, kind, cue): ``cue`` is "1" for names that are also ordinary words or short town
    names («انار», «اهر», «ماهه»): the reader takes those only after a place cue («شهرستان انار»)."""
    gz = corpora / "gazetteer_fa"
    rows: dict[str, tuple[str, str, str, str]] = {}

    def add(name: str, code: str | None, kind: str, override: bool = False, cue: bool = False) -> None:
        name = name.translate(FOLD).strip()
        k = key(name)
        if (len(k) < 3 and not override) or len(k) < 2 or (name in PLACE_STOP and not override):
            return
        if k in rows and not (override or rows[k][3] == "1" and not cue):
            return
        rows[k] = (name, code or "", kind, "1" if cue else "")

    for name, code, kind in EXTRA_PLACES:
        add(name, code, kind, override=True)
    for line in (gz / "cldr_territories_fa.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        code, ctype, name_fa, _ = line.split("\t")
        name_fa = re.sub(r"\s*\(.*?\)\s*", "", name_fa).strip()
        add(name_fa, code, "country" if ctype == "iso3166_alpha2" else "region", cue=name_fa in CUE_ONLY_COUNTRIES)
    for line in (gz / "cldr_tz_exemplar_cities_fa.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        _, city, _ = line.split("\t")
        add(city, None, "city", cue=key(city.translate(FOLD)) in common)
    for prov in json.loads((gz / "iran_province_city.json").read_text(encoding="utf-8")):
        add(prov["province-fa"], None, "region")
        for i, c in enumerate(prov["cities"]):
            # the first city listed is the provincial capital; other towns are only kept when long
            # enough to be unlikely ordinary words (short ones collide: «نور», «بم» …)
            ck = key(c["city-fa"].translate(FOLD))
            add(c["city-fa"], None, "city", cue=not (i == 0 or (len(ck) >= 5 and ck not in common)))
    return sorted(((k, *v) for k, v in rows.items()), key=lambda r: r[0])


def read_conll(path: Path, sep: str | None) -> list[list[tuple[str, str]]]:
    sents, cur = [], []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip():
                if cur:
                    sents.append(cur)
                cur = []
                continue
            parts = line.rsplit(sep, 1) if sep else line.rsplit(None, 1)
            if len(parts) == 2:
                cur.append((parts[0].strip(), parts[1].strip().replace("_", "-")))
    if cur:
        sents.append(cur)
    return sents


def build_names(corpora: Path) -> list[tuple[str, str]]:
    """Person-name tokens that are names far more often than ordinary words in the NER corpora."""
    as_first, as_last, total = collections.Counter(), collections.Counter(), collections.Counter()
    files = [(corpora / "arman_personer" / f"{s}_fold1.txt.gz", None) for s in ("train", "test")]
    files += [(corpora / "peyma" / f"{s}.txt.gz", "|") for s in ("train", "dev", "test")]
    for path, sep in files:
        for sent in read_conll(path, sep):
            toks = [key(t) for t, _ in sent]
            tags = [g for _, g in sent]
            for i, (t, g) in enumerate(zip(toks, tags)):
                total[t] += 1
                if g in ("B-pers", "B-PER"):
                    nxt = tags[i + 1] if i + 1 < len(tags) else "O"
                    if nxt in ("I-pers", "I-PER"):
                        as_first[t] += 1
                elif g in ("I-pers", "I-PER"):
                    nxt = tags[i + 1] if i + 1 < len(tags) else "O"
                    if nxt not in ("I-pers", "I-PER"):
                        as_last[t] += 1
    # a surname that stands for a person on its own («ترامپ», «همتی», «ظریف»): a one-token person entity at
    # least three times and a person in 80 % of its occurrences, in Arman, PEYMA and ParsTwiNER (MIT)
    solo, per, seen = collections.Counter(), collections.Counter(), collections.Counter()
    twiner = [(corpora / "parstwiner" / f"{s}.txt.gz", "\t") for s in ("train", "dev", "test")]
    for path, sep in files + twiner:
        for sent in read_conll(path, sep):
            toks = [key(t) for t, _ in sent]
            tags = [g.upper().replace("PERS", "PER") for _, g in sent]
            for i, (t, g) in enumerate(zip(toks, tags)):
                seen[t] += 1
                if g.endswith("-PER"):
                    per[t] += 1
                if g == "B-PER" and (i + 1 == len(tags) or tags[i + 1] != "I-PER"):
                    solo[t] += 1
    out: dict[str, str] = {}
    for t, n in as_first.items():
        if len(t) >= 2 and n >= 2 and n / total[t] >= 0.6:
            out[t] = "first"
    for t, n in as_last.items():
        if len(t) >= 3 and n >= 2 and n / total[t] >= 0.6 and t not in out:
            out[t] = "last"
    for line in (corpora / "gazetteer_fa" / "faker_fa_IR_person_names.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        kind, name = line.split("\t")
        if kind.startswith("first_name"):
            for part in name.split():
                out.setdefault(key(part), "first")
        elif kind == "last_name":
            out.setdefault(key(name), "last")
    for t, n in solo.items():
        if len(t) >= 3 and n >= 3 and per[t] / seen[t] >= 0.8 and out.get(t) != "first":
            out[t] = "solo"
    # a listed first name that the corpora mostly write as an ordinary word («بهار», «هستی», «رها», «باران»:
    # five times or more, under a quarter of them a person) is a first name only where the article bears it out
    for t, kind in list(out.items()):
        if kind == "first" and seen[t] >= 5 and per[t] < 0.25 * seen[t]:
            out[t] = "first?"
    # "first?": a frequent word that opens a two-token person at least three times («کریم», «بهمن», «امید»),
    # a first name only where the article bears it out (goftar.attribute.mentions._recurring_surname)
    for t, n in as_first.items():
        if len(t) >= 3 and n >= 3 and t not in out:
            out[t] = "first?"
    return sorted(out.items())


def build_ordinary(corpora: Path, names: dict[str, str]) -> list[str]:
    """Words of Arman, PEYMA and ParsTwiNER that are no person's name: tagged PER in under a quarter of their
    occurrences (and not a listed name token). A word the article writes that none of the three corpora holds
    («کاسیاس», «اینیستا») is more likely a name than a word that is only missing from ``attr_common.txt``."""
    seen: collections.Counter[str] = collections.Counter()
    per: collections.Counter[str] = collections.Counter()
    files = [(corpora / "arman_personer" / f"{s}_fold1.txt.gz", None) for s in ("train", "test")]
    files += [(corpora / "peyma" / f"{s}.txt.gz", "|") for s in ("train", "dev", "test")]
    files += [(corpora / "parstwiner" / f"{s}.txt.gz", "\t") for s in ("train", "dev", "test")]
    for path, sep in files:
        for sent in read_conll(path, sep):
            for t, g in sent:
                k = key(t)
                seen[k] += 1
                if g.upper().replace("PERS", "PER").endswith("-PER"):
                    per[k] += 1
    return sorted(k for k, n in seen.items() if len(k) >= 3 and per[k] < 0.25 * n and k not in names
                  and re.fullmatch(r"[\u0600-\u06ff]+", k))


def build_common(corpora: Path, names: dict[str, str], n: int = 4000) -> list[str]:
    """The most frequent words of the Fars news articles (never the inside of a person's name), written in at
    least two articles: a word frequent in one article only is that article's subject or its speaker's surname
    («حضرتی» in an interview), not an ordinary word."""
    freq: collections.Counter[str] = collections.Counter()
    docs: collections.Counter[str] = collections.Counter()
    d = corpora / "langml_fars_varzesh3_news"
    for f in sorted(d.glob("fars-news-*.json.gz"))[:2]:
        for art in json.load(gzip.open(f, "rt", encoding="utf-8")):
            words: list[str] = []
            for para in [art.get("title", ""), art.get("abstract", "")] + list(art.get("paragraphs") or []):
                words += [key(w) for w in re.findall(r"[\u0600-\u06ff\u200c]+", para or "")]
            freq.update(words)
            docs.update(set(words))
    return [w for w, _ in freq.most_common(n) if w not in names and docs[w] >= 2]


def sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    a = ap.parse_args()
    corpora = a.corpora if a.corpora.exists() else Path("/work/shared/corpora")
    names = build_names(corpora)
    common = build_common(corpora, {k: v for k, v in names if v != "first?"})  # «کریم» stays a frequent word
    places = build_places(corpora, set(common))
    ordinary = build_ordinary(corpora, dict(names))
    p4 = DATA / "attr_ordinary.txt"
    p4.write_text("".join(w + "\n" for w in ordinary), encoding="utf-8")
    p3 = DATA / "attr_common.txt"
    p3.write_text("".join(w + "\n" for w in common), encoding="utf-8")
    p1 = DATA / "attr_places.tsv"
    p1.write_text("key\tname\tcode\tkind\tcue\n" + "".join("\t".join(r) + "\n" for r in places), encoding="utf-8")
    p2 = DATA / "attr_names.tsv"
    p2.write_text("key\tkind\n" + "".join(f"{k}\t{v}\n" for k, v in names), encoding="utf-8")
    today = dt.date.today().isoformat()
    (DATA / "attr_places.PROVENANCE.md").write_text(
        f"""# attr_places.tsv — place gazetteer for attribution

- Source: ../shared/corpora/gazetteer_fa — Unicode CLDR territories and IANA tz exemplar cities (via babel 2.19.0,
  Unicode License v3), Iranian provinces/cities (github.com/amyrmahdy/provinces_cities_iran, MIT; provincial capitals
  and town names; short or ordinary-word town names are marked cue-only), plus a hand list of news spellings in scripts/build_attr_lexicons.py.
- Licence: Unicode License v3 + MIT. Not research-only.
- Build: `python scripts/build_attr_lexicons.py` ({today})
- Rows: {len(places)}; sha256: {sha(p1)}
""", encoding="utf-8")
    (DATA / "attr_names.PROVENANCE.md").write_text(
        f"""# attr_names.tsv — person-name tokens (first / last / solo / first?)

- Source: PERSON tags of ../shared/corpora/arman_personer (fold 1 train+test) and ../shared/corpora/peyma
  (train/dev/test): tokens tagged as a person's first (or last) token in at least 60 % of their occurrences and
  at least twice; plus Faker fa_IR first/last names (MIT) from ../shared/corpora/gazetteer_fa; "solo" tokens
  (a surname standing for a person alone: «ترامپ», «همتی») are one-token person entities at least three times and
  a person in ≥ 80 % of their occurrences in Arman, PEYMA and ../shared/corpora/parstwiner (ParsTwiNER, MIT);
  "first?" tokens are ordinary words that open a two-token person at least three times in Arman/PEYMA («کریم»),
  and listed first names the three corpora write as a person in under a quarter of five or more occurrences
  («بهار», «هستی», «رها»).
- Licence: **RESEARCH-ONLY** — ArmanPersoNERCorpus is released "only for academic research use" and PEYMA "for
  research purposes"; this derived list inherits that restriction. Faker names and ParsTwiNER are MIT.
- Build: `python scripts/build_attr_lexicons.py` ({today})
- Rows: {len(names)}; sha256: {sha(p2)}
""", encoding="utf-8")
    (DATA / "attr_common.PROVENANCE.md").write_text(
        f"""# attr_common.txt — the {len(common)} most frequent words of Fars news (keys, no spaces/half-spaces)

Used to stop a person's name from running into ordinary words, and to drop Iranian town names that are
ordinary words. Person-name tokens and words written in one article only are removed from the list.
- Source: ../shared/corpora/langml_fars_varzesh3_news fars-news-1/2 (repository Apache-2.0; publisher content —
  only word counts are kept).
- Build: `python scripts/build_attr_lexicons.py` ({today})
- sha256: {sha(p3)}
""", encoding="utf-8")
    (DATA / "attr_ordinary.PROVENANCE.md").write_text(
        f"""# attr_ordinary.txt — {len(ordinary)} words that are no person's name (keys)

Words of the NER corpora tagged as (part of) a person in under a quarter of their occurrences, three letters or
more, not in attr_names.tsv. A word of an article that is in neither this list nor attr_common.txt is an
unknown word: with a first name before it and written again alone, it is read as a person's name
(goftar.attribute.mentions._repeated_names).
- Source: ../shared/corpora/arman_personer (fold 1 train+test), ../shared/corpora/peyma (train/dev/test),
  ../shared/corpora/parstwiner (train/dev/test).
- Licence: **RESEARCH-ONLY** — ArmanPersoNERCorpus is released "only for academic research use" and PEYMA "for
  research purposes"; this derived list inherits that restriction. ParsTwiNER is MIT.
- Build: `python scripts/build_attr_lexicons.py` ({today})
- Rows: {len(ordinary)}; sha256: {sha(p4)}
""", encoding="utf-8")
    print(f"{p1}: {len(places)} places; {p2}: {len(names)} name tokens; {p4}: {len(ordinary)} ordinary words")


if __name__ == "__main__":
    main()
