"""docs/archive.md can't rot: its Python example runs, and every archive command is documented."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from goftar.cli import main
from goftar.commands.archive import commands

REPO = Path(__file__).resolve().parents[1]
DOC = REPO / "docs" / "archive.md"


def test_python_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocks = re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    assert blocks
    shutil.copytree(REPO / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    for code in blocks:
        exec(compile(code, str(DOC), "exec"), {})


def test_every_archive_command_is_documented_and_has_help() -> None:
    text = DOC.read_text(encoding="utf-8")
    for cmd in commands:
        assert f"goftar {cmd.name}" in text, cmd.name
        res = CliRunner().invoke(main, [cmd.name, "--help"])
        assert res.exit_code == 0 and "--db" in res.output
