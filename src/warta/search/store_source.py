"""Reading what the index needs from the store (`articles`, `entities`, `duplicates`), in SQL.

An update works in two steps. First every article gets a signature, a 64-bit hash (DuckDB's
`hash`) of everything the index holds of it: url, title, body, outlet, date, contradiction flag,
duplicate status and the set of its entity keys; this touches no text twice and moves nothing
into Python. Comparing signatures with the last update's picks the articles to (re)index: new
ones, and those whose indexed fields changed (a duplicate link or a contradiction found later,
new entities). Only those rows are then read in full and streamed in batches.

DuckDB may change its hash function between versions; the only cost is one full re-index.
The tables `entities` and `duplicates` are optional (an article then has none); the `articles`
columns beyond `id` and `body` are optional too, so the index also serves a bare table.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

import duckdb

from .records import IndexRecord

CURRENT_TABLE = "warta_search_current"
TODO_TABLE = "warta_search_todo"
_BATCH_ROWS = 2_000
_NONE = "SELECT CAST(NULL AS VARCHAR) AS id WHERE false"


@dataclass(frozen=True)
class _Sources:
    """The SQL pieces for this store's tables, whichever optional columns and tables it has."""

    columns: dict[str, str]  # indexed field -> SQL over `articles a`
    entity_key: str | None  # SQL for an entity's key over `entities`, None without the table
    copies: str  # ids that copy another article
    reps: str  # ids other articles copy


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> set[str] | None:
    rows = con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ? AND table_schema = 'main'",
        [table]).fetchall()
    return {r[0] for r in rows} or None


def _sources(con: duckdb.DuckDBPyConnection) -> _Sources:
    cols = _columns(con, "articles")
    if cols is None or not {"id", "body"} <= cols:
        raise LookupError("the store has no `articles` table with `id` and `body` columns")

    def col(name: str, sql_type: str) -> str:
        return f"a.{name}" if name in cols else f"CAST(NULL AS {sql_type})"

    columns = {
        "id": "CAST(a.id AS VARCHAR)",
        "url": col("url", "VARCHAR"),
        "title": col("title", "VARCHAR"),
        "body": "coalesce(a.body, '')",
        "outlet": col("outlet", "VARCHAR"),
        "published": f"TRY_CAST({col('published', 'DATE')} AS DATE)",
        "has_contradiction": f"coalesce(TRY_CAST({col('has_contradiction', 'BOOLEAN')} AS BOOLEAN), false)",
    }
    ent_cols = _columns(con, "entities") or set()
    entity_key = None
    if "article_id" in ent_cols and "key" in ent_cols:
        entity_key = '"key"'  # the store's `TYPE:name`
    elif {"article_id", "type", "text"} <= ent_cols:
        entity_key = "type || ':' || " + ("coalesce(canonical, text)" if "canonical" in ent_cols else "text")
    dup_cols = _columns(con, "duplicates") or set()
    if {"article_id", "representative_id"} <= dup_cols:
        # A copy points at another article; an article others point at represents them (whether
        # or not the table also lists it pointing at itself).
        copies = ("SELECT DISTINCT CAST(article_id AS VARCHAR) AS id FROM duplicates "
                  "WHERE representative_id IS NOT NULL AND representative_id <> article_id")
        reps = ("SELECT DISTINCT CAST(representative_id AS VARCHAR) AS id FROM duplicates "
                "WHERE representative_id IS NOT NULL")
    else:
        copies = reps = _NONE
    return _Sources(columns, entity_key, copies, reps)


def _status_sql(src: _Sources) -> tuple[str, str]:
    """(CTEs, expression): an article's duplicate status, over `a` joined to `c` and `r`."""
    ctes = f"copies AS ({src.copies}), reps AS ({src.reps})"
    expr = ("CASE WHEN c.id IS NOT NULL THEN 'duplicate' WHEN r.id IS NOT NULL THEN 'representative' "
            "ELSE 'none' END")
    return ctes, expr


def snapshot(con: duckdb.DuckDBPyConnection) -> None:
    """Every article's id and signature, as a temporary table for this update."""
    src = _sources(con)
    ctes, status = _status_sql(src)
    if src.entity_key:
        # XOR of the distinct keys' hashes: the set of entities, whatever their order.
        ents = (f"SELECT CAST(article_id AS VARCHAR) AS article_id, bit_xor(DISTINCT hash({src.entity_key})) AS h "
                f"FROM entities WHERE {src.entity_key} IS NOT NULL GROUP BY article_id")
    else:
        ents = "SELECT CAST(NULL AS VARCHAR) AS article_id, CAST(NULL AS UBIGINT) AS h WHERE false"
    col = src.columns
    con.execute(f"""CREATE OR REPLACE TEMP TABLE {CURRENT_TABLE} AS
        WITH {ctes}, ents AS ({ents})
        SELECT {col['id']} AS id,
               hash({col['url']}, {col['title']}, {col['body']}, {col['outlet']}, {col['published']},
                    {col['has_contradiction']}, {status}, e.h) AS sig
        FROM articles a
        LEFT JOIN copies c ON c.id = {col['id']}
        LEFT JOIN reps r ON r.id = {col['id']}
        LEFT JOIN ents e ON e.article_id = {col['id']}""")


def mark_todo(con: duckdb.DuckDBPyConnection, manifest: str | None) -> list[str]:
    """Pick the rows to (re)index against the last manifest; return the ids gone from the store."""
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
    return gone


def todo_records(con: duckdb.DuckDBPyConnection) -> Iterator[IndexRecord]:
    """The rows picked by `mark_todo`, read in full and streamed in batches (bounded memory), in id order."""
    src = _sources(con)
    ctes, status = _status_sql(src)
    if src.entity_key:
        ents = (f"SELECT CAST(article_id AS VARCHAR) AS article_id, list_sort(list(DISTINCT {src.entity_key})) AS keys "
                f"FROM entities WHERE {src.entity_key} IS NOT NULL "
                f"AND CAST(article_id AS VARCHAR) IN (SELECT id FROM {TODO_TABLE}) GROUP BY article_id")
    else:
        ents = "SELECT CAST(NULL AS VARCHAR) AS article_id, CAST(NULL AS VARCHAR[]) AS keys WHERE false"
    fields = ", ".join(f"{sql} AS {name}" for name, sql in src.columns.items())
    key = src.columns["id"]
    reader = con.execute(f"""
        WITH {ctes}, ents AS ({ents})
        SELECT {fields}, {status} AS duplicate, coalesce(e.keys, []) AS entity_keys
        FROM articles a
        JOIN {TODO_TABLE} t ON t.id = {key}
        LEFT JOIN copies c ON c.id = {key}
        LEFT JOIN reps r ON r.id = {key}
        LEFT JOIN ents e ON e.article_id = {key}
        ORDER BY {key}""").fetch_record_batch(_BATCH_ROWS)
    for batch in reader:
        for row in batch.to_pylist():
            published = row["published"]
            yield IndexRecord(
                id=row["id"], body=row["body"], title=row["title"], url=row["url"], outlet=row["outlet"],
                published=published if isinstance(published, dt.date) else None,
                entity_keys=tuple(row["entity_keys"]),
                has_contradiction=bool(row["has_contradiction"]), duplicate=row["duplicate"],
            )


def write_manifest(con: duckdb.DuckDBPyConnection, path: str) -> None:
    con.execute(f"COPY (SELECT id, sig FROM {CURRENT_TABLE} ORDER BY id) TO '{_sql_path(path)}' (FORMAT parquet)")


def drop_temp(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(f"DROP TABLE IF EXISTS {TODO_TABLE}")
    con.execute(f"DROP TABLE IF EXISTS {CURRENT_TABLE}")


def _sql_path(path: str) -> str:
    return path.replace("'", "''")
