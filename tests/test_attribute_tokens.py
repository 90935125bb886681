"""The attribute stage's tokenizer: its spelled-out whitespace class is exactly ``\\s``."""
import re

from goftar.attribute.text import SPACE_CHARS, tokenize


def test_space_chars_are_exactly_what_backslash_s_matches() -> None:
    every = "".join(map(chr, range(0x110000)))
    assert SPACE_CHARS == "".join(re.findall(r"\s", every))


def test_words_split_at_any_unicode_space_but_not_at_half_spaces() -> None:
    # «ظرفیت‌ها» keeps its half-space (U+200C) inside the word; a no-break space (U+00A0), an em space (U+2003)
    # and a narrow no-break space (U+202F) separate words like an ordinary space
    text = "ظرفیت\u200cها\u00a0نشان\u2003دهنده\u202fاست، گفت."
    toks = tokenize(text)
    assert toks.words == ["ظرفیت\u200cها", "نشان", "دهنده", "است", "گفت"]
    assert [text[s:e] for s, e in zip(toks.starts, toks.ends)] == toks.words
    assert toks.gaps == ["\u00a0", "\u2003", "\u202f", "، "]
