"""Publication dates as people write them in Persian news: Jalali, Gregorian and Hijri.

:func:`find_dates` returns every date it can read in a string, with its span and
its ISO (Gregorian) form; :func:`parse_iso` reads page metadata
(``article:published_time``).  A date is only ever *read*, never guessed: an
impossible day or month yields nothing.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import jdatetime

_FA_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")

JALALI_MONTHS = {
    "فروردین": 1, "اردیبهشت": 2, "خرداد": 3, "تیر": 4, "مرداد": 5, "امرداد": 5, "شهریور": 6,
    "مهر": 7, "آبان": 8, "آذر": 9, "دی": 10, "بهمن": 11, "اسفند": 12,
}
GREGORIAN_MONTHS = {
    "ژانویه": 1, "ژانویهٔ": 1, "فوریه": 2, "مارس": 3, "آوریل": 4, "آپریل": 4, "مه": 5, "می": 5, "مئی": 5,
    "ژوئن": 6, "جون": 6, "ژوئیه": 7, "جولای": 7, "اوت": 8, "آگوست": 8, "سپتامبر": 9, "اکتبر": 10,
    "نوامبر": 11, "دسامبر": 12,
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
HIJRI_MONTHS = {
    "محرم": 1, "صفر": 2, "ربیع‌الاول": 3, "ربیع الاول": 3, "ربیع‌الثانی": 4, "ربیع الثانی": 4,
    "ربیع‌الآخر": 4, "ربیع الآخر": 4, "جمادی‌الاول": 5, "جمادی الاول": 5, "جمادی‌الاولی": 5,
    "جمادی الاولی": 5, "جمادی‌الثانی": 6, "جمادی الثانی": 6, "جمادی‌الآخر": 6, "جمادی الآخر": 6,
    "جمادی‌الثانیه": 6, "رجب": 7, "شعبان": 8, "رمضان": 9, "شوال": 10, "ذی‌القعده": 11,
    "ذی القعده": 11, "ذیقعده": 11, "ذی‌الحجه": 12, "ذی الحجه": 12, "ذیحجه": 12,
}


def _alt(names: dict[str, int]) -> str:
    # tolerate a lost half-space inside month names: «ربیعالاول»
    forms = set()
    for n in names:
        forms.add(re.escape(n).replace("\u200c", "[\u200c ]?").replace(r"\ ", "[\u200c ]?"))
    return "|".join(sorted(forms, key=len, reverse=True))


_D = r"[0-9۰-۹٠-٩]"
_NUM_DATE = re.compile(
    rf"(?<![0-9۰-۹٠-٩/])(?P<a>{_D}{{1,4}})\s*(?P<sep>[/\-.])\s*(?P<b>{_D}{{1,2}})\s*(?P=sep)\s*(?P<c>{_D}{{1,4}})(?![0-9۰-۹٠-٩/])"
)
_WORD_DATE = re.compile(
    rf"(?<![\w\u0600-\u06ff])(?P<day>{_D}{{1,2}})\s*(?:ام|م)?\s+(?P<month>{_alt(JALALI_MONTHS)}|{_alt(GREGORIAN_MONTHS)}|{_alt(HIJRI_MONTHS)})"
    rf"(?:\s*(?:ماه|سال|،|,))?\s+(?P<year>{_D}{{4}})(?![0-9۰-۹٠-٩])",
    re.I,
)
_EN_DATE = re.compile(
    rf"(?P<month>{_alt(GREGORIAN_MONTHS)})\.?\s+(?P<day>{_D}{{1,2}}),?\s+(?P<year>{_D}{{4}})", re.I
)


@dataclass(frozen=True)
class FoundDate:
    """A date read in a text: its span, the calendar it was written in and its ISO form."""

    start: int
    end: int
    calendar: str  # jalali | gregorian | hijri
    iso: str


def _num(s: str) -> int:
    return int(s.translate(_FA_DIGITS))


def _jalali(y: int, m: int, d: int) -> str | None:
    try:
        return jdatetime.date(y, m, d).togregorian().isoformat()
    except (ValueError, OverflowError):
        return None


def _gregorian(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def _hijri(y: int, m: int, d: int) -> str | None:
    """Tabular (arithmetic) Islamic calendar → Gregorian; off by a day at most from the sighted one."""
    if not (1 <= m <= 12 and 1 <= d <= 30 and 1 <= y <= 2000):
        return None
    jd = d + int(29.5 * (m - 1) + 0.99) + (y - 1) * 354 + (3 + 11 * y) // 30 + 1948440 - 1
    # Julian day number → Gregorian (Fliegel & Van Flandern)
    a = jd + 32044
    b = (4 * a + 3) // 146097
    c = a - 146097 * b // 4
    dd = (4 * c + 3) // 1461
    e = c - 1461 * dd // 4
    mm = (5 * e + 2) // 153
    day = e - (153 * mm + 2) // 5 + 1
    month = mm + 3 - 12 * (mm // 10)
    year = 100 * b + dd - 4800 + mm // 10
    return _gregorian(year, month, day)


def _lookup(month: str, table: dict[str, int]) -> int | None:
    key = month.lower().replace("\u200c", "").replace(" ", "")
    for name, num in table.items():
        if name.lower().replace("\u200c", "").replace(" ", "") == key:
            return num
    return None


def _numeric(a: int, b: int, c: int) -> tuple[str, str] | None:
    """A numeric date: y/m/d or d/m/y; the year's size says the calendar."""
    if a >= 1000:
        y, m, d = a, b, c
    elif c >= 1000:
        y, m, d = c, b, a
    elif a > 31 and c <= 31:  # two-digit year first: ۰۲/۰۹/۰۸ → 1402
        y, m, d = (1300 + a if a >= 50 else 1400 + a), b, c
    else:
        return None
    if 1300 <= y <= 1500:
        iso = _jalali(y, m, d)
        return (iso, "jalali") if iso else None
    if 1900 <= y <= 2100:
        iso = _gregorian(y, m, d)
        return (iso, "gregorian") if iso else None
    return None


def find_dates(text: str) -> list[FoundDate]:
    """Every date written in ``text`` (Jalali, Gregorian or Hijri), in order; never an invented one."""
    out: list[FoundDate] = []
    for m in _NUM_DATE.finditer(text):
        got = _numeric(_num(m["a"]), _num(m["b"]), _num(m["c"]))
        if got:
            out.append(FoundDate(m.start(), m.end(), got[1], got[0]))
    for m in _WORD_DATE.finditer(text):
        d, y = _num(m["day"]), _num(m["year"])
        month = m["month"]
        for table, cal, conv in (
            (JALALI_MONTHS, "jalali", _jalali),
            (HIJRI_MONTHS, "hijri", _hijri),
            (GREGORIAN_MONTHS, "gregorian", _gregorian),
        ):
            num = _lookup(month, table)
            if num is None:
                continue
            iso = conv(y, num, d)
            if iso and _plausible_year(cal, y):
                out.append(FoundDate(m.start(), m.end(), cal, iso))
            break
    for m in _EN_DATE.finditer(text):
        num = _lookup(m["month"], GREGORIAN_MONTHS)
        y = _num(m["year"])
        if num and 1900 <= y <= 2100:
            iso = _gregorian(y, num, _num(m["day"]))
            if iso:
                out.append(FoundDate(m.start(), m.end(), "gregorian", iso))
    out.sort(key=lambda f: f.start)
    # drop a date nested inside another one
    kept: list[FoundDate] = []
    for f in out:
        if kept and f.start < kept[-1].end:
            continue
        kept.append(f)
    return kept


def _plausible_year(calendar: str, y: int) -> bool:
    return {"jalali": (1300, 1500), "gregorian": (1900, 2100), "hijri": (1300, 1600)}[calendar][0] <= y <= {
        "jalali": (1300, 1500), "gregorian": (1900, 2100), "hijri": (1300, 1600)}[calendar][1]


def parse_iso(value: str) -> str | None:
    """The date of an ISO-8601 timestamp (``2023-11-29T10:20:00+03:30``), or a date found in it."""
    value = (value or "").strip()
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if m:
        return _gregorian(int(m[1]), int(m[2]), int(m[3]))
    found = find_dates(value)
    return found[0].iso if found else None
