"""Persian search analysis: folding and half-space insensitivity, on words from the seed article."""
from __future__ import annotations

import numpy as np

from goftar.archive import dedup
from goftar.archive.analysis import flat, loose_pattern, query_variants, tokens


def test_three_spellings_of_a_half_space_give_one_token() -> None:
    assert tokens("ظرفیت‌ها") == tokens("ظرفیتها") == tokens("ظرفیت ها") == ["ظرفیتها"]
    assert tokens("می‌تواند") == tokens("میتواند") == tokens("می تواند")
    assert tokens("همکاری‌های اقتصادی") == tokens("همکاریهای اقتصادی") == tokens("همکاری های اقتصادی")


def test_letters_digits_diacritics_and_tatweel_are_folded() -> None:
    assert tokens("ارائه خدمات بانكي") == tokens("ارائه خدمات بانکی")
    assert tokens("۷۵ سال") == tokens("٧٥ سال") == tokens("75 سال") == ["75", "سال"]
    assert tokens("اِسلامی") == tokens("اسلامـــی") == tokens("اسلامی")


def test_compounds_that_are_not_affixes_have_join_variants() -> None:
    variants = query_variants("نشان دهنده")
    assert ["نشان", "دهنده"] in variants and ["نشاندهنده"] in variants
    assert ["نشان", "دهنده"] in query_variants("نشان‌دهنده")
    # digits are never glued to words
    assert all("75سال" not in v for v in query_variants("۷۵ سال"))


def test_loose_pattern_finds_every_spelling_in_unfolded_text() -> None:
    text = "از این ظرفيت ها و ظرفیت‌ها و ظرفیتها"
    assert len(loose_pattern("ظرفیت‌ها").findall(text)) == 3
    assert flat("ظرفیت ها") == flat("ظرفیت‌ها")


def test_minhash_tells_republications_from_other_stories() -> None:
    a = ("رهبر انقلاب اسلامی در دیدار رئیس جمهور کوبا با اشاره به ظرفیت‌های فراوان سیاسی و اقتصادی دو کشور "
         "تاکید کردند باید از این ظرفیت‌ها برای تشکیل یک اتحاد و ائتلاف میان کشورهایی که در قبال زورگویی‌های "
         "آمریکا و غربی‌ها دارای موضع یکسان هستند استفاده شود")
    b = "به گزارش اسپادانا خبر، " + a.replace("ظرفیت‌ها", "ظرفیتها")
    c = "وی از بهره‌برداری ۶ هزار و ۱۲۷ دفتر روستایی تا پایان مرداد ماه سال جاری در کشور خبر داد و افزود این دفاتر"
    sa, sb, sc = dedup.signature(a), dedup.signature(b), dedup.signature(c)
    assert dedup.similarity(sa, sb) >= dedup.THRESHOLD > dedup.similarity(sa, sc)
    assert len(set(dedup.band_keys(sa)) & set(dedup.band_keys(sb))) > 0
    assert np.array_equal(dedup.from_blob(dedup.to_blob(sa)), sa)
