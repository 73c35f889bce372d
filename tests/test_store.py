"""The store: `warta ingest` into DuckDB, reruns, and the read API (`warta.store.Store`)."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from warta.read.files import iter_inputs
from warta.run.batch import Processed, process_all
from warta.store import Store
from warta.store.ingest import IngestOptions, run_ingest
from warta.store.schema import CHILD_TABLES, TABLES

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "src" / "warta" / "samples"
CORPUS = SAMPLES / "corpus.jsonl"
STORE_FIELDS = ("store", "cluster", "duplicates", "related", "stories")


def ingest(inputs: list[Path | str], db: Path, **options) -> int:
    options.setdefault("workers", 1)
    options.setdefault("link", False)
    return run_ingest(IngestOptions([str(p) for p in inputs], db=str(db), **options))


def count(db: Path, sql: str) -> int:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchone()[0]


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("store") / "samples.duckdb"
    assert ingest([CORPUS], db) == 3  # the corpus holds one bad record: exit 3, as `warta process`
    return db


def test_samples_are_stored_as_warta_process_makes_them(sample_store: Path) -> None:
    expected = {r.article.id: r.article.to_dict() for r in process_all(iter_inputs([str(CORPUS)]))
                if isinstance(r, Processed)}
    assert len(expected) == 7
    with Store(sample_store) as store:
        for id_, article in expected.items():
            got = store.article(id_)
            assert got is not None
            assert {k: v for k, v in got.items() if k not in STORE_FIELDS} == article
            assert got["store"]["source"].startswith(str(CORPUS))
        assert store.article("no-such-id") is None


def test_child_rows_match_the_article_lists(sample_store: Path) -> None:
    with Store(sample_store) as store:
        article = store.article("jakarta-kini-1")
        con = store.con
        for table, field in (("removed", "removed"), ("dates", "dates"), ("attributions", "attributions"),
                             ("quotes", "quotes"), ("entities", "entities"), ("inconsistencies", "inconsistencies")):
            n = con.execute(f"SELECT count(*) FROM {table} WHERE article_id = 'jakarta-kini-1'").fetchone()[0]
            assert n == len(article[field]), table
        assert article["inconsistencies"], "the sample page carries a contradiction"
        row = con.execute("SELECT has_contradiction, n_removed, published, outlet FROM articles "
                          "WHERE id = 'jakarta-kini-1'").fetchone()
        assert row[0] is True and row[1] == len(article["removed"]) and row[3] == article["outlet"]
        # (article_id, seq) is unique in every child table
        for table in CHILD_TABLES:
            dupes = con.execute(f"SELECT count(*) FROM (SELECT article_id, seq FROM {table} "
                                "GROUP BY ALL HAVING count(*) > 1)").fetchone()[0]
            assert dupes == 0, table


def test_bad_record_is_quarantined_with_its_reason(sample_store: Path) -> None:
    with duckdb.connect(str(sample_store), read_only=True) as con:
        rows = con.execute("SELECT key, id, reason, detail, source FROM quarantine").fetchall()
    assert [(r[0], r[1], r[2]) for r in rows] == [("bad-1", "bad-1", "no-content")]
    assert "content fields" in rows[0][3] and rows[0][4] == f"{CORPUS}:7"


def test_rerun_stores_nothing_twice(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    ingest([CORPUS], db)
    before = {t: count(db, f"SELECT count(*) FROM {t}") for t in TABLES}
    assert ingest([CORPUS, CORPUS], db) == 0  # everything known, nothing quarantined by this run
    after = {t: count(db, f"SELECT count(*) FROM {t}") for t in TABLES}
    assert after == before
    assert before["articles"] == 7 and before["quarantine"] == 1


def test_a_reused_id_with_other_content_is_quarantined_not_dropped(tmp_path: Path) -> None:
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    page = "JAKARTA - Harga cabai rawit di Pasar Induk Kramat Jati naik menjadi Rp80.000 per kilogram."
    first.write_text(json.dumps({"id": "x1", "text": page}) + "\n", encoding="utf-8")
    second.write_text(json.dumps({"id": "x1", "text": page.replace("80.000", "95.000")}) + "\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    assert ingest([first], db) == 0
    assert ingest([second], db) == 3
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT body FROM articles").fetchall()[0][0].endswith("Rp80.000 per kilogram.")
        key, reason = con.execute("SELECT key, reason FROM quarantine").fetchone()
    assert reason == "duplicate-id" and key.startswith("x1#")
    assert ingest([first, second], db) == 0  # both known now


def test_records_without_an_id_are_keyed_by_their_content(tmp_path: Path) -> None:
    page = "BANDUNG - Pemerintah Kota Bandung membuka 12 posko pengaduan banjir di kecamatan rawan."
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    one.write_text(json.dumps({"text": page}) + "\n", encoding="utf-8")
    two.write_text("\n" + json.dumps({"text": page}) + "\n", encoding="utf-8")  # other name, other line
    db = tmp_path / "s.duckdb"
    ingest([one], db)
    ingest([two], db)
    with duckdb.connect(str(db), read_only=True) as con:
        ids = con.execute("SELECT id, content_hash FROM articles").fetchall()
    assert len(ids) == 1 and ids[0][0] == ids[0][1] and len(ids[0][0]) == 40


def test_exact_copies_are_stored_and_linked(tmp_path: Path) -> None:
    body = ("Pemerintah Provinsi Jawa Barat menyalurkan bantuan beras kepada 3.500 keluarga terdampak "
            "banjir di Kabupaten Bandung, Kamis (6/3/2025).")
    records = [{"id": "a", "text": f"BANDUNG, KABARPRIANGAN - {body}"},
               {"id": "b", "text": f"BANDUNG, WARTANUSANTARA.COM - {body.upper()}"},
               {"id": "c", "text": "SURABAYA - Harga bawang merah turun di pasar tradisional Surabaya."}]
    path = tmp_path / "c.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    db = tmp_path / "s.duckdb"
    ingest([path], db)
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 3
        rows = con.execute("SELECT article_id, representative_id, kind, similarity FROM duplicates "
                           "ORDER BY article_id").fetchall()
    assert rows == [("a", "a", "exact", 1.0), ("b", "a", "exact", 1.0)]
    with Store(db) as store:
        assert [d["id"] for d in store.article("b")["duplicates"]] == ["a"]
        assert store.article("b")["cluster"]["representative_id"] == "a"


def test_two_workers_store_the_same_as_one(tmp_path: Path) -> None:
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    ingest([CORPUS, SAMPLES / "kabar-priangan.html"], one, workers=1)
    ingest([CORPUS, SAMPLES / "kabar-priangan.html"], two, workers=2, batch_size=2)
    sql = "SELECT id, content_hash, body, record FROM articles ORDER BY id"
    with duckdb.connect(str(one), read_only=True) as a, duckdb.connect(str(two), read_only=True) as b:
        assert a.execute(sql).fetchall() == b.execute(sql).fetchall()
        for table in CHILD_TABLES:
            q = f"SELECT * FROM {table} ORDER BY article_id, seq"
            assert a.execute(q).fetchall() == b.execute(q).fetchall(), table


def test_a_store_of_another_program_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "other.duckdb"
    with duckdb.connect(str(db)) as con:
        con.execute("CREATE TABLE t (x INTEGER)")
    assert ingest([CORPUS], db) == 2
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT table_name FROM information_schema.tables").fetchall() == [("t",)]


# --- the read API: every figure checked against the stored Article dicts ------------------------------

def stored_articles(db: Path) -> list[dict]:
    with Store(db) as store:
        ids = [r[0] for r in store.con.execute("SELECT id FROM articles ORDER BY id").fetchall()]
        return [store.article(i) for i in ids]


def keys_of(article: dict) -> list[str]:
    return [f"{e['type']}:{e.get('canonical') or e['text']}" for e in article["entities"]]


def test_entity_view_counts_what_the_articles_name(sample_store: Path) -> None:
    articles = stored_articles(sample_store)
    with Store(sample_store) as store:
        top = store.entities(top=5)
        assert top and top == sorted(top, key=lambda e: (-e["articles"], -e["mentions"], e["key"]))
        for listed in top:
            key = listed["key"]
            view = store.entity(key)
            naming = [a for a in articles if key in keys_of(a)]
            assert view["articles"] == listed["articles"] == len(naming)
            assert view["mentions"] == sum(keys_of(a).count(key) for a in naming)
            dated = [a for a in naming if a["published"]]
            assert sum(d["mentions"] for d in view["per_day"]) == sum(keys_of(a).count(key) for a in dated)
            assert sum(m["articles"] for m in view["per_month"]) == len(dated)
            for other in view["cooccurring"]:
                assert other["articles"] == sum(1 for a in naming if other["key"] in keys_of(a))
            assert {o["outlet"] for o in view["outlets"]} == {a["outlet"] for a in naming}
            assert {x["id"] for x in view["latest"]} == {a["id"] for a in naming}
        assert store.entity("PER:Nobody At All") is None


def test_outlet_views_match_the_articles(sample_store: Path) -> None:
    articles = stored_articles(sample_store)
    with Store(sample_store) as store:
        listed = store.outlets()
        assert sum(o["articles"] for o in listed) == len([a for a in articles if a["outlet"]])
        for row in listed:
            mine = [a for a in articles if a["outlet"] == row["outlet"]]
            view = store.outlet(row["outlet"])
            assert view["articles"] == row["articles"] == len(mine)
            assert view["share_contradiction"] == pytest.approx(sum(bool(a["inconsistencies"]) for a in mine) / len(mine))
            assert view["share_clutter_removed"] == pytest.approx(sum(bool(a["removed"]) for a in mine) / len(mine))
            assert sum(d["articles"] for d in view["per_day"]) == sum(1 for a in mine if a["published"])
            assert sum(k["pieces"] for k in view["removed_kinds"]) == sum(len(a["removed"]) for a in mine)
        assert store.outlet("No Such Outlet") is None


def test_stats_and_facets(sample_store: Path) -> None:
    articles = stored_articles(sample_store)
    with Store(sample_store) as store:
        stats = store.stats()
        assert stats["articles"] == len(articles) == 7
        assert stats["quarantined"] == 1 and stats["quarantine_reasons"] == {"no-content": 1}
        assert stats["with_contradiction"] == sum(bool(a["inconsistencies"]) for a in articles)
        assert stats["mentions"] == sum(len(a["entities"]) for a in articles)
        assert stats["quotes"] == sum(len(a["quotes"]) for a in articles)
        assert stats["formats"] == {f: sum(a["format"] == f for a in articles) for f in {a["format"] for a in articles}}
        every = store.facets()
        assert every["articles"] == 7 and sum(o["articles"] for o in every["outlets"]) == 7
        assert every["duplicate"] == [{"value": "none", "articles": 7}]
        two = ["jakarta-kini-1", "pelita-rinjani-1"]
        some = store.facets(ids=two)
        assert some["articles"] == 2
        assert some["has_contradiction"] == [{"value": True, "articles": 2}]
        assert {o["value"] for o in some["outlets"]} == {a["outlet"] for a in articles if a["id"] in two}
        assert store.facets(ids=[])["articles"] == 0


def test_articles_lists_by_filter(sample_store: Path) -> None:
    articles = stored_articles(sample_store)
    with Store(sample_store) as store:
        page = store.articles(limit=3)
        assert page["total"] == 7 and len(page["items"]) == 3
        newest = sorted((a for a in articles if a["published"]), key=lambda a: a["published"], reverse=True)
        assert [i["id"] for i in page["items"]] == [a["id"] for a in newest][:3]
        assert {i["id"] for i in store.articles(has_contradiction=True)["items"]} == \
            {a["id"] for a in articles if a["inconsistencies"]}
        recent = [a for a in articles if a["published"] and a["published"] >= "2025-04-01"]
        assert store.articles(date_from="2025-04-01")["total"] == len(recent)
        key = store.entities(top=1)[0]["key"]
        assert {i["id"] for i in store.articles(entity=key)["items"]} == {a["id"] for a in articles if key in keys_of(a)}
        assert store.articles(duplicate="none")["total"] == 7 and store.articles(duplicate="exact")["total"] == 0


def test_the_default_store_is_read_only(sample_store: Path) -> None:
    with Store(sample_store) as store, pytest.raises(duckdb.Error):
        store.con.execute("DELETE FROM articles")
    with pytest.raises(FileNotFoundError):
        Store(sample_store.parent / "absent.duckdb")


def test_dev_gold_pages_are_stored_whole(dev_gold: list[dict], tmp_path: Path) -> None:
    """The 51 dev pages (text and HTML): each stored under its id, with all its rows."""
    from conftest import DEV_GOLD

    db = tmp_path / "dev.duckdb"
    assert ingest(DEV_GOLD, db) == 0
    with Store(db) as store:
        assert store.stats()["articles"] == len(dev_gold) and store.stats()["quarantined"] == 0
        for gold in dev_gold:
            article = store.article(gold["id"])
            assert article["url"] == gold["url"] and article["body"].strip()
            for table in CHILD_TABLES:
                n = store.con.execute(f"SELECT count(*) FROM {table} WHERE article_id = ?", [gold["id"]]).fetchone()[0]
                assert n == len(article[table]), (gold["id"], table)


# --- docs/store.md stays true ---------------------------------------------------------------------

DOC = ROOT / "docs" / "store.md"


def test_every_example_query_in_the_docs_runs(sample_store: Path) -> None:
    import re

    queries = re.findall(r"```sql\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    assert len(queries) >= 10
    with duckdb.connect(str(sample_store), read_only=True) as con:
        for query in queries:
            con.execute(query).fetchall()  # raises on any error
        assert con.execute(queries[0]).fetchall(), "articles per outlet and month: the samples have some"


def test_the_docs_describe_every_column(sample_store: Path) -> None:
    text = DOC.read_text(encoding="utf-8")
    for table, columns in TABLES.items():
        assert f"`{table}`" in text, table
        for column in columns:
            assert f"`{column.name}`" in text, (table, column.name)


# --- the command line ---------------------------------------------------------------------------------

def test_estimated_totals_for_the_progress_bar(tmp_path: Path) -> None:
    import gzip

    import pyarrow as pa
    import pyarrow.parquet as pq

    from warta.store.estimate import estimate_records

    table = pa.table({"id": ["a", "b", "c"], "text": ["x", "y", "z"]})
    pq.write_table(table, tmp_path / "t.parquet")
    (tmp_path / "n.jsonl").write_text('{"text": "a"}\n{"text": "b"}', encoding="utf-8")  # no final newline
    with gzip.open(tmp_path / "z.jsonl.gz", "wt") as out:
        out.write('{"text": "a"}\n')
    assert estimate_records([str(CORPUS)]) == 8
    assert estimate_records([str(CORPUS), str(SAMPLES / "kabar-priangan.html"), str(tmp_path / "t.parquet"),
                             str(tmp_path / "n.jsonl")]) == 8 + 1 + 3 + 2
    assert estimate_records([str(CORPUS), str(tmp_path / "z.jsonl.gz")]) is None


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from warta.cli import app

    runner = CliRunner(env={"COLUMNS": "200", "NO_COLOR": "1"})
    db = tmp_path / "s.duckdb"
    assert runner.invoke(app, ["ingest", str(CORPUS), "--db", str(CORPUS)]).exit_code == 2  # the store is an input
    assert runner.invoke(app, ["ingest", str(CORPUS), "--db", str(tmp_path / "no" / "s.duckdb")]).exit_code == 2
    assert runner.invoke(app, ["ingest", str(CORPUS), "--db", str(db), "--workers", "0"]).exit_code == 2
    assert not db.exists()
    result = runner.invoke(app, ["ingest", str(CORPUS), "--db", str(db), "--workers", "1", "--no-link"])
    assert result.exit_code == 3 and "no-content" in result.output
    assert "already stored" in result.output


def test_bad_records_are_quarantined_with_their_reasons_and_never_reprocessed(tmp_path: Path, monkeypatch) -> None:
    from warta import pipeline

    good = "SEMARANG - Dinas Perhubungan Kota Semarang menambah 20 armada bus listrik mulai pekan depan."
    lines = [json.dumps({"id": "ok-1", "text": good}),
             json.dumps({"id": "empty-1", "text": "   "}),
             "[1, 2, 3]",
             "{broken",
             json.dumps({"id": "nul-1", "text": "abc\u0000def\u0000" * 20}),
             json.dumps({"id": "boom-1", "text": good.replace("20", "35")})]
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    real = pipeline.process
    calls: list[str] = []

    def failing(raw, *args):
        calls.append(raw.id)
        if raw.id == "boom-1":
            raise ValueError("a record the pipeline cannot take")
        return real(raw, *args)

    monkeypatch.setattr(pipeline, "process", failing)
    db = tmp_path / "s.duckdb"
    assert ingest([path], db) == 3
    with duckdb.connect(str(db), read_only=True) as con:
        reasons = dict(con.execute("SELECT key, reason FROM quarantine").fetchall())
        detail = con.execute("SELECT detail FROM quarantine WHERE key = 'boom-1'").fetchone()[0]
        assert [r[0] for r in con.execute("SELECT id FROM articles").fetchall()] == ["ok-1"]
    assert reasons == {"empty-1": "empty", "bad:3": "not-an-object", "bad:4": "not-json", "nul-1": "binary",
                       "boom-1": "pipeline-error"}
    assert "ValueError: a record the pipeline cannot take" in detail
    assert sorted(calls) == ["boom-1", "ok-1"]

    calls.clear()
    assert ingest([path], db) == 0
    assert calls == []  # every record known: skipped before the pipeline, the failed one too


def test_pages_and_lines_on_stdin_are_keyed_by_their_content(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from warta.cli import app

    runner = CliRunner(env={"COLUMNS": "200", "NO_COLOR": "1"})
    db = tmp_path / "s.duckdb"
    pages = ["MAKASSAR - Pelabuhan Soekarno-Hatta Makassar melayani 12.000 penumpang selama libur panjang.",
             "AMBON - Pemerintah Kota Ambon memperbaiki 15 jembatan yang rusak akibat banjir bulan lalu."]
    for page in pages:  # two different pages piped in one after the other: both stored, neither a conflict
        result = runner.invoke(app, ["ingest", "-", "--db", str(db), "--workers", "1", "--no-link"], input=page)
        assert result.exit_code == 0, result.output
    lines = json.dumps({"text": pages[0]}) + "\n" + json.dumps({"id": "own-1", "text": pages[1]}) + "\n"
    result = runner.invoke(app, ["ingest", "-", "--db", str(db), "--workers", "1", "--no-link"], input=lines)
    assert result.exit_code == 0, result.output
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("SELECT id, content_hash FROM articles ORDER BY source, id").fetchall()
    ids = [r[0] for r in rows]
    assert len(ids) == 3 and "own-1" in ids  # the id-less line matched the page with the same content
    assert all(i == h for i, h in rows if i != "own-1")
