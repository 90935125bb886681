"""Character folding on text as it comes out of PDFs and web pages."""
from goftar.offsets import apply_edits
from goftar.repair.fold import fold_edits, fold_text
from goftar.settings import Settings

ZWNJ = "\u200c"


def test_arabic_letters_become_persian():
    # a Fars News title from 2008, written with Arabic yeh and kaf
    raw = "ارائه خدمات بر خط بانكي در دفاتر ICT روستايي امكان پذير مي شود"
    assert fold_text(raw) == "ارائه خدمات بر خط بانکی در دفاتر ICT روستایی امکان پذیر می شود"


def test_bidi_marks_tatweel_and_presentation_forms_removed():
    raw = "\u202bرهبـــر انقلاب\u202c \u200fاسلامی\u200e " + "\ufee1\ufeb3\ufee0\ufee4\ufe8e\ufee5"  # presentation forms of مسلمان
    assert fold_text(raw) == "رهبر انقلاب اسلامی مسلمان"


def test_broken_allah_ligatures():
    assert fold_text("حضرت آیتاالله خامنه\u200cای") == f"حضرت آیت{ZWNJ}الله خامنه{ZWNJ}ای"
    assert fold_text(f"عزت{ZWNJ}اهلل ضرغامی") == f"عزت{ZWNJ}الله ضرغامی"


def test_digits_follow_the_setting():
    raw = "۷۵ سال، ٢٢ سال و 2023"
    assert fold_text(raw) == "۷۵ سال، ۲۲ سال و 2023"
    assert fold_text(raw, Settings(digits="latin")) == "75 سال، 22 سال و 2023"
    assert fold_text(raw, Settings(digits="keep")) == raw


def test_diacritics_dropped_but_tanwin_on_alef_kept():
    assert fold_text("دائماً مُحَمَّد") == "دائماً محمد"
    assert fold_text("مُحَمَّد", Settings(drop_diacritics=False)) == "مُحَمَّد"


def test_space_before_colon_and_stray_zwnj():
    assert fold_text("تاکید کردند :") == "تاکید کردند:"
    assert fold_text(f"می{ZWNJ}{ZWNJ}شود {ZWNJ}کتاب{ZWNJ} ") == f"می{ZWNJ}شود کتاب "


def test_correct_text_is_left_alone(seed_text):
    gold_like = f"باید روابط دو کشور در زمینه{ZWNJ}های مختلف از جمله همکاری علمی، بیش از پیش تقویت شود."
    assert fold_edits(gold_like, Settings()) == []


def test_every_fold_edit_says_why():
    raw = "\u202bكتاب\u202c"
    edits = fold_edits(raw, Settings())
    assert {e.reason for e in edits} == {"fold:bidi", "fold:letter"}
    assert apply_edits(raw, edits)[0] == "کتاب"
