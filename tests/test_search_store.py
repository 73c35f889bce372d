"""End to end: `warta ingest` fills a store, `warta search` finds its articles; updates follow ingests.

The pages are the project's sample corpus (written for the project), plus an exact copy of one
page under another id and address, which the store links as a duplicate.
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from warta.cli import app
from warta.search import Searcher, build_index, index_dir_for

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "src" / "warta" / "samples"


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner(env={"COLUMNS": "200", "NO_COLOR": "1"})


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory, runner: CliRunner) -> Path:
    work = tmp_path_factory.mktemp("e2e")
    rows = [json.loads(line) for line in (SAMPLES / "corpus.jsonl").read_text(encoding="utf-8").splitlines()]
    copy = dict(next(r for r in rows if r["id"] == "suara-deli-1"), id="suara-deli-1-copy",
                url="https://kabar-medan.example.invalid/panen-raya")
    corpus = work / "in.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in [*rows, copy]), encoding="utf-8")
    db = work / "store.duckdb"
    result = runner.invoke(app, ["ingest", str(corpus), "--db", str(db), "--workers", "1"])
    assert result.exit_code in (0, 3), result.output  # 3: the sample corpus's bad record, quarantined
    return db


def search_json(runner: CliRunner, db: Path, *args: str) -> dict:
    result = runner.invoke(app, ["search", *args, "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_ingest_then_search_finds_the_stories(ingested: Path, runner: CliRunner) -> None:
    assert search_json(runner, ingested, "pompa mobile")["hits"][0]["id"] == "jakarta-kini-1"
    meriam = search_json(runner, ingested, "meriam karbit")
    assert meriam["hits"][0]["id"] == "khatulistiwa-pos-1"
    assert meriam["hits"][0]["snippet"]["highlights"]
    everything = search_json(runner, ingested, "", "--limit", "100")
    con = duckdb.connect(str(ingested), read_only=True)
    stored = {r[0] for r in con.execute("SELECT id FROM articles").fetchall()}
    contradictory = {r[0] for r in con.execute("SELECT id FROM articles WHERE has_contradiction").fetchall()}
    entity, with_entity = con.execute(
        "SELECT key, list(DISTINCT article_id) FROM entities GROUP BY key ORDER BY count(DISTINCT article_id) DESC, "
        "key LIMIT 1").fetchone()
    con.close()
    assert {h["id"] for h in everything["hits"]} == stored and everything["total"] == len(stored)
    flagged = search_json(runner, ingested, "", "--contradiction", "--limit", "100")
    assert {h["id"] for h in flagged["hits"]} == contradictory and contradictory
    named = search_json(runner, ingested, "", "--entity", entity, "--limit", "100")
    assert {h["id"] for h in named["hits"]} == set(with_entity)


def test_the_stores_duplicate_links_are_filters(ingested: Path, runner: CliRunner) -> None:
    copies = search_json(runner, ingested, "gabah", "--duplicate", "duplicate")
    assert [h["id"] for h in copies["hits"]] == ["suara-deli-1-copy"]
    reps = search_json(runner, ingested, "gabah", "--duplicate", "representative")
    assert [h["id"] for h in reps["hits"]] == ["suara-deli-1"]
    assert search_json(runner, ingested, "gabah", "--duplicate", "none")["total"] == 0
    facets = search_json(runner, ingested, "gabah")["facets"]["duplicate"]
    assert facets == {"none": 0, "representative": 1, "duplicate": 1}


def test_a_second_ingest_is_indexed_by_an_update_through_the_writers_connection(
        ingested: Path, runner: CliRunner, tmp_path: Path) -> None:
    page = ("JAKARTA, JAKARTAKINI.ID - Gempa bermagnitudo 5,1 mengguncang Sukabumi, Jawa Barat, Kamis "
            "(13/3/2025) dini hari. Warga berhamburan keluar rumah.\nBMKG menyatakan gempa tidak berpotensi tsunami.\n")
    new = tmp_path / "gempa.txt"
    new.write_text(page, encoding="utf-8")
    searcher = Searcher(ingested)
    before = searcher.num_docs
    result = runner.invoke(app, ["ingest", str(new), "--db", str(ingested), "--workers", "1"])
    assert result.exit_code == 0, result.output
    # What ingest does at its end: the update through the connection it holds (read-write). Where
    # ingest has already run it, there is nothing left to index.
    con = duckdb.connect(str(ingested))
    report = build_index(ingested, connection=con)
    con.close()
    assert report.indexed in (0, 1) and report.total == before + 1
    assert (index_dir_for(ingested) / "manifest.parquet").exists()
    searcher.refresh()
    hits = searcher.search("gempa sukabumi").hits
    assert len(hits) == 1 and "Gempa" in hits[0].snippet.text
