"""Reading what the index needs from the store (`articles`, `entities`, `duplicates`), in SQL.

Each article's row carries a signature (md5 of everything the index holds of it): an index
update re-indexes exactly the articles whose signature changed (a new duplicate link, a
contradiction found later, new entities), adds new ones and drops those gone from the store.
The tables `entities` and `duplicates` are optional (an article then has none); the `articles`
columns beyond `id` and `body` are optional too, so the index also serves a bare table.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import duckdb

from .records import IndexRecord

CURRENT_TABLE = "warta_search_current"
TODO_TABLE = "warta_search_todo"
_KEY_SEP = "\x1e"  # between entity keys in one string; no name holds it
_BATCH_ROWS = 2_000


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> set[str] | None:
    rows = con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ? AND table_schema = 'main'",
        [table]).fetchall()
    return {r[0] for r in rows} or None


def _source_sql(con: duckdb.DuckDBPyConnection) -> str:
    """One row per article: the indexed fields, entity keys, duplicate status and signature."""
    cols = _columns(con, "articles")
    if cols is None or not {"id", "body"} <= cols:
        raise LookupError("the store has no `articles` table with `id` and `body` columns")

    def col(name: str, sql_type: str) -> str:
        return f"a.{name}" if name in cols else f"CAST(NULL AS {sql_type})"

    ent_cols = _columns(con, "entities")
    if ent_cols and "article_id" in ent_cols and ({"key"} <= ent_cols or {"type", "text"} <= ent_cols):
        # The store's `key` (`PER:Joko Widodo`), or the same built from type and name.
        key = "\"key\"" if "key" in ent_cols else (
            "type || ':' || coalesce(canonical, text)" if "canonical" in ent_cols else "type || ':' || text")
        # Distinct keys, sorted below: the signature must not depend on the mention order.
        ents = (f"SELECT CAST(article_id AS VARCHAR) AS article_id, string_agg(DISTINCT {key}, '{_KEY_SEP}') "
                f"AS keys FROM entities WHERE {key} IS NOT NULL GROUP BY article_id")
    else:
        ents = "SELECT CAST(NULL AS VARCHAR) AS article_id, CAST(NULL AS VARCHAR) AS keys WHERE false"

    dup_cols = _columns(con, "duplicates")
    if dup_cols and {"article_id", "representative_id"} <= dup_cols:
        # A copy points at another article; an article others point at represents them (whether
        # or not the table also lists it pointing at itself).
        copies = ("SELECT DISTINCT article_id AS id FROM duplicates "
                  "WHERE representative_id IS NOT NULL AND representative_id <> article_id")
        reps = ("SELECT DISTINCT representative_id AS id FROM duplicates "
                "WHERE representative_id IS NOT NULL")
    else:
        copies = reps = "SELECT CAST(NULL AS VARCHAR) AS id WHERE false"

    return f"""
        WITH ents AS ({ents}), copies AS ({copies}), reps AS ({reps}),
        rows AS (
            SELECT CAST(a.id AS VARCHAR) AS id, {col('url', 'VARCHAR')} AS url,
                   {col('title', 'VARCHAR')} AS title, coalesce(a.body, '') AS body,
                   {col('outlet', 'VARCHAR')} AS outlet,
                   TRY_CAST({col('published', 'DATE')} AS DATE) AS published,
                   coalesce(CAST({col('has_contradiction', 'BOOLEAN')} AS BOOLEAN), false) AS has_contradiction,
                   CASE WHEN c.id IS NOT NULL THEN 'duplicate'
                        WHEN r.id IS NOT NULL THEN 'representative' ELSE 'none' END AS duplicate,
                   list_sort(string_split(coalesce(e.keys, ''), '{_KEY_SEP}')) AS entity_keys
            FROM articles a
            LEFT JOIN ents e ON e.article_id = CAST(a.id AS VARCHAR)
            LEFT JOIN copies c ON c.id = CAST(a.id AS VARCHAR)
            LEFT JOIN reps r ON r.id = CAST(a.id AS VARCHAR)
        )
        SELECT *, md5(concat_ws(chr(31), coalesce(url, ''), coalesce(title, ''), body,
                                coalesce(outlet, ''), coalesce(CAST(published AS VARCHAR), ''),
                                CAST(has_contradiction AS VARCHAR), duplicate,
                                array_to_string(entity_keys, chr(30)))) AS sig
        FROM rows
    """


def snapshot(con: duckdb.DuckDBPyConnection) -> None:
    """The store's current rows, with signatures, as a temporary table for this update."""
    con.execute(f"CREATE OR REPLACE TEMP TABLE {CURRENT_TABLE} AS {_source_sql(con)}")


def mark_todo(con: duckdb.DuckDBPyConnection, manifest: str | None) -> tuple[int, list[str]]:
    """Pick the rows to (re)index against the last manifest; return their number and the ids gone."""
    if manifest is None:
        con.execute(f"CREATE OR REPLACE TEMP TABLE {TODO_TABLE} AS SELECT id FROM {CURRENT_TABLE}")
        gone: list[str] = []
    else:
        con.execute(f"""CREATE OR REPLACE TEMP TABLE {TODO_TABLE} AS
            SELECT c.id FROM {CURRENT_TABLE} c LEFT JOIN read_parquet(?) m ON m.id = c.id
            WHERE m.sig IS NULL OR m.sig <> c.sig""", [manifest])
        gone = [r[0] for r in con.execute(
            f"SELECT m.id FROM read_parquet(?) m ANTI JOIN {CURRENT_TABLE} c ON c.id = m.id ORDER BY m.id",
            [manifest]).fetchall()]
    n = con.execute(f"SELECT count(*) FROM {TODO_TABLE}").fetchone()[0]
    return n, gone


def todo_records(con: duckdb.DuckDBPyConnection) -> Iterator[IndexRecord]:
    """The rows picked by `mark_todo`, streamed in batches (bounded memory), in id order."""
    reader = con.execute(f"""SELECT c.* EXCLUDE (sig) FROM {CURRENT_TABLE} c
                             JOIN {TODO_TABLE} t ON t.id = c.id ORDER BY c.id""").fetch_record_batch(_BATCH_ROWS)
    for batch in reader:
        for row in batch.to_pylist():
            published = row["published"]
            yield IndexRecord(
                id=row["id"], body=row["body"], title=row["title"], url=row["url"], outlet=row["outlet"],
                published=published if isinstance(published, dt.date) else None,
                entity_keys=tuple(k for k in row["entity_keys"] if k),
                has_contradiction=bool(row["has_contradiction"]), duplicate=row["duplicate"],
            )


def write_manifest(con: duckdb.DuckDBPyConnection, path: str) -> None:
    con.execute(f"COPY (SELECT id, sig FROM {CURRENT_TABLE} ORDER BY id) TO '{_sql_path(path)}' (FORMAT parquet)")


def drop_temp(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(f"DROP TABLE IF EXISTS {TODO_TABLE}")
    con.execute(f"DROP TABLE IF EXISTS {CURRENT_TABLE}")


def _sql_path(path: str) -> str:
    return path.replace("'", "''")
