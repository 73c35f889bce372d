"""The connect phase: duplicates, related articles and stories for the whole store.

`warta.connect.link_corpus` reads one `ConnectDoc` per article (id, outlet, published, title, body,
entity keys, date values) and returns `Links`; this module feeds it from the store and replaces the
tables `duplicates`, `related` and `stories` with its rows in one transaction, so a reader sees the
old links or the new ones, never a mix.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from typing import Any

import duckdb

from .schema import LINK_TABLES, TABLES
from .writer import to_arrow

FETCH_ROWS = 1000

_DOCS_SQL = """
SELECT a.id, a.outlet, strftime(a.published, '%Y-%m-%d'), a.title, a.body,
       coalesce((SELECT list(k ORDER BY first_seq) FROM (
                   SELECT e.key AS k, min(e.seq) AS first_seq FROM entities e
                   WHERE e.article_id = a.id GROUP BY e.key)), []),
       coalesce((SELECT list(v ORDER BY first_seq) FROM (
                   SELECT d.value AS v, min(d.seq) AS first_seq FROM dates d
                   WHERE d.article_id = a.id AND regexp_matches(d.value, '^[0-9]{4}') GROUP BY d.value)), [])
FROM articles a ORDER BY a.id
"""


def connect_available() -> bool:
    return importlib.util.find_spec("warta.connect") is not None


def link_store(con: duckdb.DuckDBPyConnection) -> str:
    """Run the connect phase on the store; a one-line account of what it did (or why it did not)."""
    if not connect_available():
        return "not linked: warta.connect (duplicates, related, stories) is not part of this warta yet"
    from ..connect import link_corpus

    links = link_corpus(iter_connect_docs(con))
    counts = replace_links(con, links)
    return ", ".join(f"{n:,} {table} rows" for table, n in counts.items())


def iter_connect_docs(con: duckdb.DuckDBPyConnection) -> Iterator[Any]:
    """Every stored article as a ConnectDoc, as `warta.connect.connect_doc` makes one from an Article:
    entity keys and ISO date values (those starting with a year) each once, in order of first mention."""
    from ..connect import ConnectDoc

    cursor = con.cursor()  # its own cursor: the caller's connection may write while this one reads
    try:
        cursor.execute(_DOCS_SQL)
        while rows := cursor.fetchmany(FETCH_ROWS):
            for id_, outlet, published, title, body, entities, dates in rows:
                yield ConnectDoc(id=id_, outlet=outlet, published=published, title=title, body=body,
                                 entities=list(entities), dates=list(dates))
    finally:
        cursor.close()


def replace_links(con: duckdb.DuckDBPyConnection, links: Any) -> dict[str, int]:
    """Swap the three link tables for `links`' rows, in one transaction."""
    from datetime import datetime

    tables = {table: [_as_row(row, table) for row in getattr(links, table)] for table in LINK_TABLES}
    con.execute("BEGIN")
    try:
        for table, rows in tables.items():
            con.execute(f"DELETE FROM {table}")
            if rows:
                con.register("_warta_links", to_arrow(table, rows, datetime.now()))
                try:
                    con.execute(f"INSERT INTO {table} SELECT * FROM _warta_links")
                finally:
                    con.unregister("_warta_links")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return {table: len(rows) for table, rows in tables.items()}


def _as_row(row: Any, table: str) -> tuple[Any, ...]:
    """A Links row as a tuple in the table's column order: a tuple, a mapping or an object with the fields."""
    names = [c.name for c in TABLES[table]]
    if isinstance(row, dict):
        values = tuple(row[name] for name in names)
    elif isinstance(row, (tuple, list)) and not hasattr(row, "_fields"):
        values = tuple(row)
    else:
        values = tuple(getattr(row, name) for name in names)
    if len(values) != len(names):
        raise ValueError(f"a {table} row from link_corpus has {len(values)} fields, the table {len(names)}: {row!r}")
    return tuple(list(v) if isinstance(v, (tuple, set, frozenset)) else v for v in values)


def run_link(db: str) -> int:
    """`warta link`: 0 when linked (or when there is nothing to link with), 2 when the store cannot be written."""
    import os
    import sys
    import time

    from rich.console import Console
    from rich.markup import escape

    from .schema import SchemaMismatch
    from .writer import StoreWriter

    err = Console(file=sys.stderr, highlight=False)
    if not os.path.isfile(db):
        err.print(f"[bold red]error:[/] no store at {escape(db)}")
        return 2
    started = time.monotonic()
    try:
        writer = StoreWriter(db)
    except (SchemaMismatch, duckdb.IOException) as error:
        err.print(f"[bold red]error:[/] cannot write the store {escape(db)}: {escape(str(error))}")
        return 2
    with writer:
        note = link_store(writer.con)
    err.print(f"linked {escape(db)} in {time.monotonic() - started:,.1f} s: {escape(note)}")
    return 0
