"""`goftar repair` as a user runs it: text, --diff, --json, and bad input without tracebacks."""
import json
import subprocess
import sys

import pytest

from conftest import EXAMPLES

SEED = str(EXAMPLES / "seed-article.txt")


def goftar(*args, stdin: bytes | None = None):
    return subprocess.run([sys.executable, "-m", "goftar", *args], input=stdin, capture_output=True, timeout=120)


def test_repair_prints_paragraphs():
    r = goftar("repair", SEED)
    assert r.returncode == 0
    out = r.stdout.decode()
    assert "آیت\u200cالله" in out and "آیتاالله" not in out
    assert "\n\n\n" not in out


def test_repair_json_edits_point_into_the_raw_input():
    r = goftar("repair", "--json", SEED)
    assert r.returncode == 0
    data = json.loads(r.stdout)
    raw = open(SEED, encoding="utf-8").read()
    assert data["edits"], "the seed needs repairs"
    for e in data["edits"]:
        assert 0 <= e["raw_start"] <= e["raw_end"] <= len(raw)
        assert e["reason"]
    allah = [e for e in data["edits"] if e["reason"] == "fold:allah-ligature"]
    assert len(allah) == 2 and all(raw[e["raw_start"]:e["raw_end"]] == "ا" for e in allah)


def test_repair_diff_lists_reasons():
    r = goftar("repair", "--diff", SEED)
    assert r.returncode == 0
    assert b"reflow:join" in r.stdout and b"fold:allah-ligature" in r.stdout


def test_repair_reads_stdin_in_windows_1256():
    text = "رهبر انقلاب اسلامی در دیدار با وزیر خارجه کوبا تاکید کردند"
    # Windows-1256 has no Persian yeh: old files carry the Arabic one, which folding turns into ی
    r = goftar("repair", "-", stdin=text.replace("ی", "ي").encode("cp1256"))
    assert r.returncode == 0
    assert r.stdout.decode().strip() == text


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda tmp: tmp / "missing.txt", b"no such file"),
        (lambda tmp: tmp, b"is a folder"),
        (lambda tmp: (tmp / "x.bin").write_bytes(bytes(range(256)) * 40) and tmp / "x.bin", b"binary"),
    ],
)
def test_bad_input_gets_a_message_not_a_traceback(tmp_path, make, message):
    r = goftar("repair", str(make(tmp_path)))
    assert r.returncode != 0
    assert message in r.stderr
    assert b"Traceback" not in r.stderr
