"""Which attributed statements are found, and where their content starts and ends (real Persian text)."""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from goftar.api import read_text, record
from goftar.attribute.evaluate import score_article
from goftar.cli import main

REPO = Path(__file__).resolve().parents[1]


def statements(text: str) -> list[dict]:
    rec = record(read_text(text))
    return rec["quotes"] + rec["reported_statements"]


def texts(text: str) -> list[str]:
    return [s["text"] for s in statements(text)]


def test_score_article_lists_unfound_and_spurious_statements():
    gold = {"quotes": [{"text": "این خبر از اساس کذب و بدون پایه است", "speaker": "حسین شریفی"},
                       {"text": "قرار است دوشنبه هفته پیش رو نشست دیگری برگزار شود", "speaker": "حسین شریفی"}]}
    rec = {"quotes": [{"text": "این خبر از اساس کذب و بدون پایه است.", "speaker": "حسین شریفی"},
                      {"text": "فدراسیون به دنبال مربی تازه‌ای است", "speaker": None}]}
    s = score_article(gold, rec)
    assert [t for _, _, t in s["unfound"]] == ["قرار است دوشنبه هفته پیش رو نشست دیگری برگزار شود"]
    assert [t for _, _, t in s["spurious"]] == ["فدراسیون به دنبال مربی تازه‌ای است"]


def test_statement_listing_is_refused_on_held_out_splits():
    runner = CliRunner()
    for args in (["--split", "test"], ["--split", "val"], ["--split", "test2"], []):
        res = runner.invoke(main, ["eval", "attribution", str(REPO / "eval" / "attribution_gold"), "--statements", *args])
        assert res.exit_code != 0 and "refused" in (res.output + str(res.exception))
