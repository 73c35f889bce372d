"""The project's own gold files are sound: their drops are in the raw text, raw minus drops is
the body, nothing is reworded (tests/fixtures/check_gold.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"
sys.path.insert(0, str(FIXTURES))

import check_gold  # noqa: E402


@pytest.mark.parametrize("path", check_gold.GOLD_FILES, ids=lambda p: p.name)
def test_gold_file_is_sound(path: Path) -> None:
    assert check_gold.check_file(path) == []
