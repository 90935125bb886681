"""The learned speaker binder (goftar.attribute.binder): candidates, features and the override rule.

The article below is a Fars-style report: a role in the lead («رئیس سازمان حفاظت محیط زیست گفت: …») whose
holder is named only in the body («عیسی کلانتری رئیس سازمان حفاظت محیط زیست … اظهار کرد»), a second official
with another role, and the first role again at the end.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from goftar.api import read_text, record
from goftar.attribute import binder

ARTICLE = """هشدار درباره خشک شدن تالاب‌ها

رئیس سازمان حفاظت محیط زیست گفت: بیش از نیمی از تالاب‌های کشور در معرض خشک شدن قرار دارند.

به گزارش خبرگزاری فارس، عیسی کلانتری رئیس سازمان حفاظت محیط زیست امروز در نشست خبری با اصحاب رسانه اظهار کرد: مدیریت منابع آب در کشور نیازمند بازنگری جدی است و بدون همکاری وزارت نیرو نمی‌توان تالاب‌ها را نجات داد.

وی افزود: سهم محیط زیست از آب سدها باید به طور کامل رعایت شود.

در ادامه این نشست، محمد حسینی معاون وزیر نیرو نیز گفت: وزارت نیرو برای تامین حقابه تالاب‌ها برنامه دارد.

رئیس سازمان حفاظت محیط زیست در پایان تاکید کرد: مردم نیز باید در مصرف آب صرفه‌جویی کنند.
"""
ROLE = "رئیس سازمان حفاظت محیط زیست"


@pytest.fixture
def model_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[object]:
    """Point the binder at a weight file of the test's making (and forget the cached model around the test)."""

    def use(weights: dict[str, float] | None, threshold: float = 0.0) -> None:
        path = tmp_path / "binder.json"
        if weights is not None:
            path.write_text(json.dumps({"features": list(weights), "weights": list(weights.values()),
                                        "threshold": threshold}), encoding="utf-8")
        monkeypatch.setenv("GOFTAR_BINDER_MODEL", str(path))
        monkeypatch.delenv("GOFTAR_BINDER", raising=False)
        binder._model.cache_clear()

    binder._model.cache_clear()
    yield use
    binder._model.cache_clear()


def _speakers(text: str = ARTICLE) -> list[tuple[str | None, str | None]]:
    rec = record(read_text(text), with_raw=False)
    return [(q["speaker"], q["speaker_mention"]) for q in rec["quotes"]]


def _traced(text: str = ARTICLE) -> list[binder.Case]:
    binder.TRACE = []
    try:
        read_text(text)
        return [c for found in binder.TRACE for c in found]
    finally:
        binder.TRACE = None


def _features(c: binder.Candidate) -> set[str]:
    return {binder.FEATURES[i] for i, v in c.base + c.x if v}


def test_lead_role_candidates_include_the_holder_named_in_the_body() -> None:
    cases = _traced()
    lead = next(c for c in cases if c.mention_kind == "role" and c.statement.mention is not None
                and c.statement.mention.start < ARTICLE.index("به گزارش"))
    by_speaker = {c.speaker: c for c in lead.candidates}
    assert set(by_speaker) == {"عیسی کلانتری", "محمد حسینی", ROLE}  # every person of the article, and nobody
    holder = _features(by_speaker["عیسی کلانتری"])
    assert {"named_after", "nearest_after_x_role", "only_after_x_role", "head_match", "role_equal"} <= holder
    assert "named_before" not in holder  # named only after the lead
    other = _features(by_speaker["محمد حسینی"])
    assert "role_conflict" in other and "head_match" not in other  # «معاون وزیر نیرو» is another role
    assert _features(by_speaker[ROLE]) >= {"nobody", "nobody_x_role"}


def test_last_role_sees_the_previous_speaker_and_the_holder() -> None:
    last = [c for c in _traced() if c.mention_kind == "role"][-1]
    by_speaker = {c.speaker: _features(c) for c in last.candidates}
    assert {"prev_speaker", "prev_speaker_x_role", "nearest_before"} <= by_speaker["محمد حسینی"]
    assert {"named_before", "head_match"} <= by_speaker["عیسی کلانتری"]
    assert "prev_speaker" not in by_speaker["عیسی کلانتری"]


def test_a_pronoun_has_only_people_named_before_it_as_candidates() -> None:
    # «… محمد حسینی گفت: … وی افزود»: two people named before the pronoun, none after it that could be its antecedent
    text = ARTICLE.replace("وی افزود", "در همین حال محمد حسینی معاون وزیر نیرو گفت: برنامه داریم. وی افزود")
    pron = [c for c in _traced(text) if c.mention_kind == "pronoun"]
    assert pron
    for c in pron:
        people = [x for x in c.candidates if x.person is not None]
        assert {x.speaker for x in people} == {"عیسی کلانتری", "محمد حسینی"}
        assert all("named_before" in _features(x) for x in people)
        nearest = [x.speaker for x in people if "nearest_before" in _features(x)]
        assert nearest == ["محمد حسینی"]


def test_no_model_file_changes_nothing(model_env) -> None:  # type: ignore[no-untyped-def]
    model_env(None)  # the file named does not exist
    assert not binder.enabled()
    got = _speakers()
    assert got[0] == ("عیسی کلانتری", ROLE)  # the rules bind the lead's role to the holder named in the body


def test_model_overrides_rules_when_its_margin_exceeds_the_threshold(model_env) -> None:  # type: ignore[no-untyped-def]
    model_env({"nobody_x_role": 5.0})  # a model that keeps every role as written
    got = _speakers()
    assert got[0] == (ROLE, ROLE) and got[-1] == (ROLE, ROLE)
    assert got[1] == ("عیسی کلانتری", "عیسی کلانتری")  # a name mention is never re-bound
    model_env({"nobody_x_role": 5.0}, threshold=6.0)  # the margin does not reach the threshold: the rules stand
    assert _speakers()[0] == ("عیسی کلانتری", ROLE)


def test_switched_off_by_the_environment(model_env, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    model_env({"nobody_x_role": 5.0})
    monkeypatch.setenv("GOFTAR_BINDER", "0")
    assert _speakers()[0] == ("عیسی کلانتری", ROLE)


def test_scores_follow_the_weights(model_env) -> None:  # type: ignore[no-untyped-def]
    model_env({"prev_speaker_x_role": 4.0})  # «the previous speaker said it»: the last role goes to حسینی
    assert _speakers()[-1] == ("محمد حسینی", ROLE)
    model_env({"prev_speaker_x_role": 4.0, "head_match": 3.0, "role_conflict": -3.0})
    assert _speakers()[-1] == ("عیسی کلانتری", ROLE)  # holding the same role outweighs speaking last
