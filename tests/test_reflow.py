"""Reflow: wrapped lines rejoined, blank lines inside sentences dropped, real paragraphs kept."""
import re

from goftar.repair import repair_text
from goftar.repair.reflow import reflow_edits, split_label_edits, wrap_width
from goftar.offsets import apply_edits
from goftar.settings import Settings

NO_ZWNJ = Settings(zwnj=False)


def letters(s: str) -> str:
    return re.sub(r"[\s\u200c]+", "", s)


def test_seed_paragraphs_are_rejoined(seed_text):
    paras = repair_text(seed_text, NO_ZWNJ).split("\n\n")
    # the lead was wrapped after «با اشاره به» and continues on the next line
    lead = next(p for p in paras if p.startswith("حضرت"))
    assert lead.endswith("تاکید کردند:") and "با اشاره به ظرفیت" in lead
    # a blank line fell inside «... همسو با مواضع / (blank) / جمهوری اسلامی ...»: joined
    assert any("همسو با مواضع جمهوری اسلامی خواندند" in p for p in paras)
    # «... دانست و / گفت:» — a 4-character line that only ends a wrapped sentence
    assert any(p.endswith("دانست و گفت:") for p in paras)
    # the kicker is its own paragraph; a paragraph that ends with «.» with no blank line after it still ends
    assert "رهبر انقلاب اسلامی در دیدار رئیس جمهور کوبا؛" in paras
    assert any(p.endswith("وجود ندارد.") for p in paras)
    assert not any("\n" in p for p in paras)
    assert 20 <= len(paras) <= 26


def test_glued_footer_label_is_split_off(seed_text):
    out = repair_text(seed_text, NO_ZWNJ)
    paras = out.split("\n\n")
    assert "[1] رهبر انقلاب" in paras
    assert any(p.startswith("برچسب") for p in paras)
    assert paras[-1] == "[4] فلسطین"


def test_one_paragraph_per_line_text_is_not_joined():
    # web-copy text, one paragraph a line, the title without a full stop
    text = (
        "تشدید مجازات شکارچیان متخلف\n"
        "به گزارش خبرگزاری فارس، معاون محیط زیست طبیعی سازمان حفاظت محیط زیست گفت: نرخ ضرر و زیان شکار غیر مجاز افزایش می‌یابد و این کار از ابتدای سال آینده اجرا خواهد شد و همه استان‌ها مشمول آن هستند\n"
        "وی افزود: این تصمیم پس از بررسی‌های کارشناسی گرفته شد.\n"
    )
    assert wrap_width([len(x) for x in text.splitlines()]) == 0
    out = repair_text(text, NO_ZWNJ).split("\n\n")
    assert len(out) == 3 and out[0] == "تشدید مجازات شکارچیان متخلف"


def test_split_label_only_when_glued():
    text = "رهبر انقلاببرچسب ها: انقلاب"
    new = apply_edits(text, split_label_edits(text))[0]
    assert new == "رهبر انقلاب\n\nبرچسب ها: انقلاب"
    assert split_label_edits("منبع: ایرنا") == []


def test_reflow_is_idempotent(seed_text):
    once = repair_text(seed_text, NO_ZWNJ)
    assert apply_edits(once, reflow_edits(once))[0] == once


def test_menu_line_is_not_joined_to_the_title():
    # a short copied page (dev3 varzesh3-1-340): its longest lines set a small wrap width, yet the menu stays apart
    text = (
        "صفحه اصلی | سیاسی | اقتصادی | اجتماعی | ورزشی | فرهنگی\n\n"
        "مهاجم خارجی استقلال عزادار شد\n\n"
        "تاریخ انتشار: ۱۴۰۳/۰۲/۲۵ - ۱۲:۳۰\n\n"
        "بوبکر کبه ، مهاجم خارجی تیم فوتبال استقلال ، عزادار شد.\n\n"
        "بوبکر کبه در غم از دست دادن پدرش عزادار شد. پدر کبه در سن 73 سالگی دیشب به علت عارضه قلبی دار فانی را وداع گفت .\n\n"
        "ورزش سه این ضایعه را به کبه و خانواده محترمش تسلیت می گوید.\n\n"
        "لینک کوتاه: https://sample-news.ir/x12345\n"
    )
    paras = repair_text(text, NO_ZWNJ).split("\n\n")
    assert "مهاجم خارجی استقلال عزادار شد" in paras
