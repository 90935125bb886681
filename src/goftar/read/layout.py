"""Paragraph roles: which paragraphs of a repaired article are page furniture, labels or tags.

Works on the repaired text (paragraphs separated by blank lines).  Each
paragraph gets one role: ``nav`` (menus and breadcrumbs), ``meta`` (date line,
news code, reading time), ``page`` (page numbers, print headers, URLs),
``tags_label`` («برچسب‌ها:»), ``tag_item`` («[1] رهبر انقلاب»), ``source``
(«منبع| X»), ``junk`` (share buttons, copyright, comment prompts) or ``text``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import find_dates

ZWNJ = "\u200c"
_SP = "[\u200c ]?"  # a half-space that may have been lost or spaced


def _words(*forms: str) -> str:
    return "|".join(sorted((f.replace("‌", _SP) for f in forms), key=len, reverse=True))


TAG_LABELS = _words(
    "برچسب‌ها", "برچسب", "کلیدواژه‌ها", "کلید‌واژه‌ها", "کلیدواژه", "کلمات کلیدی", "تگ‌ها", "تگ", "موضوعات",
    "موضوعات مرتبط", "Tags",
)
SOURCE_LABELS = _words("منبع", "منابع", "مأخذ", "ماخذ")
_LABEL_SEP = r"\s*[:|｜：]\s*"

TAGS_LABEL = re.compile(rf"^(?:{TAG_LABELS}){_LABEL_SEP}", re.I)
SOURCE_LINE = re.compile(rf"^(?:{SOURCE_LABELS}){_LABEL_SEP}(?P<value>.+?)[\s.،؛:]*$")
TAG_ITEM = re.compile(r"^\s*\[[0-9۰-۹]{1,2}\]\s*(?P<value>\S.*?)\s*$")
HASHTAGS = re.compile(r"^(?:#\S+\s*){1,}$")

NAV_START = re.compile(rf"^(?:صفحه{_SP}اصلی|خانه|صفحه{_SP}نخست|home)\b", re.I)
_NAV_SEP = re.compile(r"\s[|»›>/•·]\s|\s[|»›>•·]|[|»›>•·]\s")

META_LINE = re.compile(
    rf"^(?:تاریخ(?:{_SP}انتشار)?|زمان(?:{_SP}انتشار)?|انتشار|کد{_SP}خبر|شناسه{_SP}خبر|کد{_SP}مطلب|"
    rf"زمان{_SP}مطالعه|تعداد{_SP}بازدید|بازدید|سرویس|گروه|نویسنده|خبرنگار|دبیر|مترجم|"
    rf"آخرین{_SP}به{_SP}روزرسانی|به{_SP}روز{_SP}شده|News ID|Published)\s*[:：|]",
    re.I,
)
JUNK_LINE = re.compile(
    rf"^(?:لینک{_SP}کوتاه|نشانی{_SP}کوتاه|کپی{_SP}شد|اشتراک{_SP}گذاری|ارسال{_SP}نظر|"
    rf"اخبار{_SP}مرتبط|مطالب{_SP}مرتبط|پربازدیدترین|پربحث‌ترین|آخرین{_SP}اخبار|"
    rf"ارسال{_SP}به{_SP}دوستان|کلیه{_SP}حقوق|تمامی{_SP}حقوق|همه{_SP}حقوق|©|Copyright|"
    rf"بازگشت{_SP}به{_SP}بالا)",
    re.I,
)
# «انتهای پیام/…» is not junk: the agency's end mark is part of the article as published
# ordinary words that are page junk only as a whole button or heading («نظرات (۳)», «چاپ»), not as the first
# word of a title («دیدگاه مردم نسبت به مجلس باید تغییر کند»)
JUNK_WORD = re.compile(
    rf"^(?:اشتراک|نظرات|دیدگاه(?:{_SP}ها)?|چاپ|ذخیره)\s*(?:[:：|(\[]|[0-9۰-۹]|$)", re.I)
PAGE_LINE = re.compile(
    r"^(?:[-–—\s]*[0-9۰-۹]{1,4}[-–—\s]*|[0-9۰-۹]{1,4}\s*/\s*[0-9۰-۹]{1,4}|"
    r"(?:صفحه|page)\s*[0-9۰-۹]{1,4}(?:\s*(?:از|of|/)\s*[0-9۰-۹]{1,4})?|"
    r"(?:https?|file)://\S+(?:\s+[0-9۰-۹]{1,4}\s*/\s*[0-9۰-۹]{1,4})?|www\.\S+|"
    r"[0-9]{1,2}/[0-9]{1,2}/[0-9]{2,4},?\s+[0-9]{1,2}:[0-9]{2}(?:\s*[AP]M)?.*)$",
    re.I,
)
_TIME = re.compile(r"[0-9۰-۹]{1,2}:[0-9۰-۹]{2}")
_TERMINAL = re.compile(r"[.!؟?:؛…»\"')\]]\s*$")
_LETTERS = re.compile(r"[\u0600-\u06ffA-Za-z]")


@dataclass(slots=True)
class Para:
    """One paragraph of the repaired text, its offsets and role."""

    start: int
    end: int
    text: str
    role: str = "text"


def paragraphs(text: str) -> list[Para]:
    """Paragraphs of ``text`` (blank-line separated; single lines when not reflowed), stripped."""
    out: list[Para] = []
    for m in re.finditer(r"[^\n]+", text):
        s, e = m.span()
        seg = m.group()
        ls = len(seg) - len(seg.lstrip())
        rs = len(seg.rstrip())
        if rs <= ls:
            continue
        out.append(Para(s + ls, s + rs, seg[ls:rs]))
    return out


def is_nav(t: str) -> bool:
    """A menu or breadcrumb line: «صفحه اصلی | سیاسی | اقتصادی» or «خانه » ورزش » فوتبال»."""
    pieces = [p for p in re.split(r"[|»›>•·/]", t) if p.strip()]
    seps = len(_NAV_SEP.findall(t))
    if NAV_START.match(t) and (seps >= 1 or len(t) < 25):
        return True
    if seps >= 2 and len(pieces) >= 3 and all(len(p.strip().split()) <= 4 for p in pieces):
        return True
    return False


def is_meta(t: str) -> bool:
    """A date/news-code/reading-time line, not a sentence."""
    if META_LINE.match(t):
        return True
    if len(t) <= 80 and not _TERMINAL.search(t.rstrip(".")):
        dates = find_dates(t)
        if dates:
            rest = t
            for d in reversed(dates):
                rest = rest[: d.start] + rest[d.end :]
            rest = _TIME.sub("", rest)
            # what is left is at most a weekday, a separator or «ساعت»
            if len(re.findall(r"[\u0600-\u06ffA-Za-z]+", rest)) <= 3:
                return True
    return False


def role_of(t: str) -> str:
    """The role of one paragraph's text (see the module docstring)."""
    if TAGS_LABEL.match(t):
        return "tags_label"
    if SOURCE_LINE.match(t):
        return "source"
    if TAG_ITEM.match(t) and len(t) <= 60:
        return "tag_item"
    if PAGE_LINE.match(t) or not _LETTERS.search(t):
        return "page"
    if is_nav(t):
        return "nav"
    if JUNK_LINE.match(t) or JUNK_WORD.match(t):
        return "junk"
    if is_meta(t):
        return "meta"
    if HASHTAGS.match(t):
        return "tag_item"
    return "text"


def classify(text: str) -> list[Para]:
    """Paragraphs of ``text`` with their roles."""
    paras = paragraphs(text)
    for p in paras:
        p.role = role_of(p.text)
    # the masthead: short lines above the page's navigation menu (site name, slogan)
    top = paras[:8]
    last_nav = max((i for i, p in enumerate(top) if p.role == "nav"), default=-1)
    for p in top[: max(last_nav, 0)]:
        if p.role == "text" and len(p.text) <= 80 and not _TERMINAL.search(p.text):
            p.role = "nav"
    return paras
