"""`warta export`: the store as files a Hugging Face `datasets` loader reads directly.

One row per article: `id`, `text` (the clean body), then every field of the stored Article record
(url, title, outlet, dateline, published, authors, format, removed, dates, attributions, quotes,
entities, inconsistencies, encoding, ...) with its nested lists as typed structs, and what the store
adds: has_contradiction, hashes, source, duplicate cluster, related ids, story ids.

    load_dataset("parquet", data_files="warta.parquet")   # or "json", data_files="warta.jsonl"

The record's types come from the records themselves (DuckDB's `json_group_structure`), so a field
the pipeline adds later is exported without a change here. DuckDB writes both formats (`COPY ... TO`),
streaming: memory does not grow with the store.
"""

from __future__ import annotations

import json
import os
from typing import Any

import duckdb

FORMATS = ("parquet", "jsonl")

_STORE_COLUMNS = """a.has_contradiction, a.content_hash, a.body_hash, a.source,
       d.cluster_id AS duplicate_cluster, d.representative_id AS duplicate_representative, d.kind AS duplicate_kind,
       coalesce((SELECT list(r.related_id ORDER BY r.score DESC, r.related_id) FROM related r
                 WHERE r.article_id = a.id), []) AS related,
       coalesce((SELECT list(s.story_id ORDER BY s.story_id) FROM stories s WHERE s.article_id = a.id), []) AS stories"""


def export_sql(con: duckdb.DuckDBPyConnection) -> str:
    """The query whose rows are the export: one per article, ordered by id."""
    found = con.execute("SELECT json_group_structure(record) FROM articles").fetchone()[0]
    structure: dict[str, Any] = json.loads(found) if found else {}
    fields = [f"from_json(a.record -> {_literal(name)}, {_literal(json.dumps(_portable(shape)))}) AS {_ident(name)}"
              for name, shape in structure.items() if name not in ("id", "body")]
    record_columns = "".join(f"{column},\n       " for column in fields)
    return (f"SELECT a.id, a.body AS text,\n       {record_columns}{_STORE_COLUMNS}\n"
            "FROM articles a LEFT JOIN duplicates d ON d.article_id = a.id\nORDER BY a.id")


def export_store(db: str | os.PathLike[str], output: str | os.PathLike[str], fmt: str) -> int:
    """Write every article of the store `db` to `output`; returns the number of rows written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    options = "FORMAT parquet, COMPRESSION zstd" if fmt == "parquet" else "FORMAT json"
    with duckdb.connect(str(db), read_only=True) as con:
        con.execute(f"COPY ({export_sql(con)}) TO {_literal(os.fspath(output))} ({options})")
        return con.execute("SELECT count(*) FROM articles").fetchone()[0]


def _portable(shape: Any) -> Any:
    """A JSON structure with types every reader has: NULL (never seen filled) as VARCHAR, unsigned as signed."""
    if isinstance(shape, dict):
        return {k: _portable(v) for k, v in shape.items()}
    if isinstance(shape, list):
        return [_portable(v) for v in shape]
    return {"NULL": "VARCHAR", "UBIGINT": "BIGINT"}.get(shape, shape)


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def run_export(db: str, output: str, fmt: str) -> int:
    """`warta export`: 0 when written, 2 for a usage error (no store, unknown format, missing folder)."""
    import sys
    import time

    from rich.console import Console
    from rich.markup import escape

    err = Console(file=sys.stderr, highlight=False)
    problem = (f"unknown format {fmt!r}: use parquet or jsonl" if fmt not in FORMATS else
               f"no store at {db}" if not os.path.isfile(db) else
               f"the folder of {output} does not exist" if not os.path.isdir(os.path.dirname(os.path.abspath(output)))
               else None)
    if problem:
        err.print(f"[bold red]error:[/] {escape(problem)}")
        return 2
    started = time.monotonic()
    try:
        rows = export_store(db, output, fmt)
    except duckdb.IOException as error:  # a writer holds the store
        err.print(f"[bold red]error:[/] cannot read the store {escape(db)}: {escape(str(error))}")
        return 2
    size = os.path.getsize(output)
    err.print(f"exported {rows:,} articles to {escape(output)} ({fmt}, {size / 1e6:,.1f} MB) "
              f"in {time.monotonic() - started:,.1f} s")
    return 0
