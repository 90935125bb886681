"""Shared fixtures: the bundled example article and the location of ../shared (optional)."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"


def shared_dir() -> Path | None:
    """The project's shared/ folder (data, gold, scorer) if this machine has it."""
    for cand in (REPO.parent / "shared", Path("/work/shared")):
        if (cand / "examples").is_dir():
            return cand
    return None


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (EXAMPLES / "seed-article.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def shared() -> Path:
    d = shared_dir()
    if d is None:
        pytest.skip("../shared is not on this machine")
    return d
