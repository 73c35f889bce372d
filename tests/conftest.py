"""Shared test helpers: where the dev gold lives (../shared beside the repository)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEV_GOLD = [SHARED / "data" / "news-dev-lines.jsonl", SHARED / "data" / "news-dev-flat.jsonl"]
SAMPLES_GOLD = ROOT / "tests" / "fixtures" / "samples-gold.jsonl"
BLIND_GOLD = ROOT / "tests" / "fixtures" / "blind-gold.jsonl"


def load_gold(paths: list[Path]) -> list[dict]:
    out = []
    for p in paths:
        with p.open(encoding="utf-8") as fh:
            out.extend(json.loads(line) for line in fh if line.strip())
    return out


@pytest.fixture(scope="session")
def dev_gold() -> list[dict]:
    if not all(p.exists() for p in DEV_GOLD):
        pytest.skip("../shared/data/news-dev-*.jsonl is absent: the dev gold pages are third-party text kept outside the repository")
    return load_gold(DEV_GOLD)


@pytest.fixture(scope="session")
def samples_gold() -> list[dict]:
    return load_gold([SAMPLES_GOLD])
