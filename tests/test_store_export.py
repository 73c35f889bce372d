"""`warta export` (Parquet and JSON lines for Hugging Face datasets) and `warta link` on the store."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from warta.cli import app
from warta.store import Store
from warta.store.ingest import IngestOptions, run_ingest
from warta.store.link import connect_available, iter_connect_docs, replace_links

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "src" / "warta" / "samples" / "corpus.jsonl"
STORE_FIELDS = ("store", "cluster", "duplicates", "related", "stories")


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner(env={"COLUMNS": "200", "NO_COLOR": "1"})


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("export") / "s.duckdb"
    run_ingest(IngestOptions([str(CORPUS)], db=str(db), workers=1, link=False))
    return db


def test_jsonl_export_gives_back_every_article(store: Path, runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["export", "--db", str(store), "--format", "jsonl", "--output", str(out)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    with Store(store) as s:
        assert len(lines) == s.stats()["articles"] == 7
        for row in lines:
            article = s.article(row["id"])
            for name, value in article.items():
                if name not in STORE_FIELDS:
                    assert row["text" if name == "body" else name] == value, (row["id"], name)
            assert row["has_contradiction"] == bool(article["inconsistencies"])
            assert row["content_hash"] == article["store"]["content_hash"]


def test_parquet_export_has_the_datasets_columns(store: Path, runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "out.parquet"
    result = runner.invoke(app, ["export", "--db", str(store), "--format", "parquet", "--output", str(out)])
    assert result.exit_code == 0, result.output
    table = pq.read_table(out)
    assert table.num_rows == 7
    assert table.column_names[:2] == ["id", "text"]
    for name in ("url", "title", "outlet", "published", "authors", "removed", "dates", "attributions", "quotes",
                 "entities", "inconsistencies", "has_contradiction", "duplicate_cluster", "related", "stories"):
        assert name in table.column_names, name
    rows = {r["id"]: r for r in table.to_pylist()}
    with Store(store) as s:
        article = s.article("jakarta-kini-1")
    assert rows["jakarta-kini-1"]["text"] == article["body"]
    assert rows["jakarta-kini-1"]["entities"] == article["entities"]  # typed structs, same values
    assert str(table.schema.field("entities").type).startswith("list<element: struct<")


def test_export_refuses_what_it_cannot_do(store: Path, runner: CliRunner, tmp_path: Path) -> None:
    assert runner.invoke(app, ["export", "--db", str(store), "--format", "csv", "-o", str(tmp_path / "x")]).exit_code == 2
    assert runner.invoke(app, ["export", "--db", str(tmp_path / "none.duckdb"), "-o", str(tmp_path / "x")]).exit_code == 2


def test_links_replace_the_three_tables_together(tmp_path: Path) -> None:
    connect = pytest.importorskip("warta.connect", reason="warta.connect (the linker) is not in this tree")
    db = tmp_path / "s.duckdb"
    run_ingest(IngestOptions([str(CORPUS)], db=str(db), workers=1, link=False))
    links = connect.Links(
        duplicates=[connect.DuplicateRow("jakarta-kini-1", "c1", "jakarta-kini-1", "syndicated", 1.0),
                    connect.DuplicateRow("suara-deli-1", "c1", "jakarta-kini-1", "syndicated", 0.8)],
        related=[connect.RelatedRow("jakarta-kini-1", "gema-pantura-1", 0.4, ["LOC:Jakarta", "banjir"])],
        stories=[connect.StoryRow("s1", "jakarta-kini-1"), connect.StoryRow("s1", "gema-pantura-1")])
    with duckdb.connect(str(db)) as con:
        assert replace_links(con, links) == {"duplicates": 2, "related": 1, "stories": 2}
        assert replace_links(con, links) == {"duplicates": 2, "related": 1, "stories": 2}  # replaced, not added
        with pytest.raises(ValueError):  # a malformed row: nothing is swapped
            replace_links(con, connect.Links(duplicates=[("only", "three", "fields")]))
        assert con.execute("SELECT count(*) FROM duplicates").fetchone()[0] == 2
    with Store(db) as s:
        article = s.article("jakarta-kini-1")
        assert [d["id"] for d in article["duplicates"]] == ["suara-deli-1"]
        assert article["related"][0]["id"] == "gema-pantura-1" and article["related"][0]["reasons"][0] == "LOC:Jakarta"
        assert article["related"][0]["title"] == s.article("gema-pantura-1")["title"]
        assert article["stories"] == ["s1"]


def test_connect_docs_carry_what_connect_doc_makes_of_an_article(store: Path) -> None:
    connect = pytest.importorskip("warta.connect", reason="warta.connect (the linker) is not in this tree")
    from warta import Article, Removed

    with duckdb.connect(str(store), read_only=True) as con, Store(store) as s:
        for doc in iter_connect_docs(con):
            stored = s.article(doc.id)
            fields = {k: v for k, v in stored.items() if k not in STORE_FIELDS}
            fields["removed"] = [Removed(**r) for r in fields["removed"]]
            assert doc == connect.connect_doc(Article(**fields))


@pytest.mark.skipif(not connect_available(), reason="warta.connect (the linker) is not in this tree")
def test_link_command_finds_an_exact_copy(tmp_path: Path, runner: CliRunner) -> None:
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    copy = dict(next(r for r in rows if r["id"] == "suara-deli-1"), id="suara-deli-1-copy")
    corpus = tmp_path / "in.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in [*rows, copy]), encoding="utf-8")
    db = tmp_path / "s.duckdb"
    run_ingest(IngestOptions([str(corpus)], db=str(db), workers=1, link=False))
    result = runner.invoke(app, ["link", "--db", str(db)])
    assert result.exit_code == 0, result.output
    with Store(db) as s:
        assert "suara-deli-1" in {d["id"] for d in s.article("suara-deli-1-copy")["duplicates"]}
