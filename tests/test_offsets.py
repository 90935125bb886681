"""The offset map: every repaired character maps back to the raw input, strictly."""
import pytest

from goftar import Document
from goftar.offsets import Edit, OffsetError, OffsetMap, apply_edits

ZWNJ = "\u200c"


def test_apply_edits_insert_replace_delete_map_back():
    raw = "ظرفیتها  برچسب ها"
    edits = [
        Edit(5, 5, ZWNJ, "zwnj:glued"),   # ظرفیت|ها
        Edit(7, 9, " ", "spaces"),        # two spaces → one
        Edit(14, 15, ZWNJ, "zwnj:space"), # برچسب ها → برچسب‌ها
    ]
    new, m, done = apply_edits(raw, edits)
    assert new == f"ظرفیت{ZWNJ}ها برچسب{ZWNJ}ها"
    assert len(done) == 3
    # the inserted ZWNJ has no raw character of its own: it maps to a point
    i = new.index(ZWNJ)
    assert m.to_raw(i, i + 1) == (5, 5)
    # the word «برچسب‌ها» maps back to «برچسب ها» in the raw text
    s = new.index("برچسب")
    assert raw[slice(*m.to_raw(s, s + len("برچسب‌ها")))] == "برچسب ها"


def test_overlapping_edits_are_refused():
    with pytest.raises(OffsetError):
        apply_edits("کتابها", [Edit(0, 3, "x", "a"), Edit(2, 4, "y", "b")])


def test_lookups_outside_the_text_raise():
    m = OffsetMap.identity(4)
    with pytest.raises(OffsetError):
        m.to_raw(2, 9)
    with pytest.raises(OffsetError):
        m.to_raw(3, 2)


def test_composed_maps_follow_two_rewrites():
    doc = Document("مي شود\r\nكتابها")
    doc.apply([Edit(1, 2, "ی", "fold"), Edit(6, 8, "\n", "crlf"), Edit(8, 9, "ک", "fold")], "fold")
    assert doc.text == "می شود\nکتابها"
    doc.apply([Edit(2, 3, ZWNJ, "zwnj:space"), Edit(11, 11, ZWNJ, "zwnj:glued")], "zwnj")
    assert doc.text == f"می{ZWNJ}شود\nکتاب{ZWNJ}ها"
    k = doc.text.index("کتاب")
    rs, re_ = doc.raw_span(k, len(doc.text))
    assert doc.raw[rs:re_] == "كتابها"  # the raw (Arabic kaf, glued) form
    assert doc.raw_span(0, 1) == (0, 1)
    # every edit records where in the raw input it happened
    kinds = {e.reason for e in doc.edits}
    assert {"fold", "crlf", "zwnj:space", "zwnj:glued"} <= kinds
    crlf = next(e for e in doc.edits if e.reason == "crlf")
    assert doc.raw[crlf.raw_start:crlf.raw_end] == "\r\n"


def test_document_json_round_trip_keeps_offsets():
    doc = Document("آیتاالله خامنهای")
    doc.apply([Edit(3, 4, ZWNJ, "fold:allah")], "fold")
    doc.add_span("person", 9, len(doc.text), name="خامنه‌ای")
    again = Document.from_json(doc.to_json())
    assert again.text == doc.text and again.raw == doc.raw
    assert again.raw_span(9, len(again.text)) == doc.raw_span(9, len(doc.text))
    assert again.layer("person")[0].attrs["name"] == "خامنه‌ای"


def test_text_is_frozen_once_spans_exist():
    doc = Document("سلام")
    doc.add_span("title", 0, 4)
    with pytest.raises(RuntimeError):
        doc.apply([Edit(0, 0, "x", "late")], "late")


def _naive(text, edits):
    """Reference: per-character raw spans after applying edits (the obvious, slow way)."""
    spans, out, pos = [], [], 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        for i in range(pos, e.start):
            out.append(text[i]); spans.append((i, i + 1))
        same = len(e.new) == e.end - e.start
        for k, ch in enumerate(e.new):
            out.append(ch); spans.append((e.start + k, e.start + k + 1) if same else (e.start, e.end))
        pos = e.end
    for i in range(pos, len(text)):
        out.append(text[i]); spans.append((i, i + 1))
    return "".join(out), spans


def test_random_edit_chains_match_a_naive_reference():
    import random

    rng = random.Random(7)
    base = "حضرت آیتاالله خامنهای در دیدار رئیس جمهور کوبا تاکید کردند: باید از این ظرفیتها استفاده شود."
    for _ in range(200):
        doc = Document(base)
        ref_spans = [(i, i + 1) for i in range(len(base))]
        for _stage in range(3):
            text = doc.text
            cuts = sorted(rng.sample(range(len(text) + 1), 6))
            edits = []
            for a, b in zip(cuts[::2], cuts[1::2]):
                b = min(b, a + rng.randint(0, 3))
                edits.append(Edit(a, b, rng.choice(["", ZWNJ, " ", "xy", text[a:b][::-1] or "q"]), "t"))
            edits = [e for e in edits if text[e.start:e.end] != e.new]
            new, spans = _naive(text, edits)
            # compose the reference by hand
            composed = []
            for s_, e_ in spans:
                if e_ > s_:
                    composed.append((ref_spans[s_][0], ref_spans[e_ - 1][1]))
                else:
                    p = ref_spans[s_][0] if s_ < len(ref_spans) else len(base)
                    composed.append((p, p))
            doc.apply(edits, "t")
            assert doc.text == new
            ref_spans = composed
            for i in range(len(new)):
                assert doc.raw_span(i, i + 1) == ref_spans[i], (i, new)
