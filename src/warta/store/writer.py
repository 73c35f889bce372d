"""The ingest's writer: the one read-write connection, what the store already holds, and batches
committed one transaction each.

A batch's articles, their child rows, its quarantined records and the exact-duplicate links of
its articles go in together, so a crash or `kill -9` leaves each article whole or absent, never
half-written; DuckDB's write-ahead log rolls back an uncommitted batch when the file is next opened.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

import duckdb
import pyarrow as pa

from .keys import conflict_key
from .rows import ArticleRows
from .schema import CHILD_TABLES, TABLES, arrow_schema, ensure_schema
from .work import QuarantineRow

# Content hashes are remembered by their first 16 hex digits (64 bits): enough to tell a record
# already stored from another one that reuses its id, at a quarter of the memory.
HASH_PREFIX = 16


@dataclass
class Known:
    """What the store holds (or this run has in flight), so a rerun skips it before any work.

    `articles`: stored key -> content-hash prefix; `quarantined`: keys in the quarantine table;
    `bodies`: normalised body hash -> the first article stored with it (its exact-copy representative).
    About 250 bytes of memory per stored record.
    """

    articles: dict[str, str] = field(default_factory=dict)
    quarantined: set[str] = field(default_factory=set)
    bodies: dict[str, str] = field(default_factory=dict)

    def status(self, key: str, hashed: str) -> str:
        """`new`, `stored` (this very record is already in), or `conflict` (its id holds other content)."""
        held = self.articles.get(key)
        if held is None:
            return "quarantined" if key in self.quarantined else "new"
        if held == hashed[:HASH_PREFIX]:
            return "stored"
        return "stored" if conflict_key(key, hashed) in self.quarantined else "conflict"


@dataclass
class Batch:
    """Rows waiting for the next commit."""

    articles: list[ArticleRows] = field(default_factory=list)
    quarantined: list[QuarantineRow] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.articles) + len(self.quarantined)


@dataclass
class Committed:
    stored: int
    quarantined: int
    linked: int  # articles linked to an exact copy stored before them


class StoreWriter:
    """The store opened for writing (DuckDB allows one such process at a time)."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = str(path)
        self.con = duckdb.connect(self.path)
        try:
            ensure_schema(self.con)
        except BaseException:
            self.con.close()
            raise

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> StoreWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def known(self) -> Known:
        known = Known()
        for key, hashed in self.con.execute("SELECT id, content_hash FROM articles").fetchall():
            known.articles[key] = hashed[:HASH_PREFIX]
        known.quarantined.update(k for (k,) in self.con.execute("SELECT key FROM quarantine").fetchall())
        rows = self.con.execute("SELECT body_hash, arg_min(id, (ingested_at, id)) FROM articles "
                                "WHERE body_hash IS NOT NULL GROUP BY body_hash").fetchall()
        known.bodies.update(rows)
        return known

    def write(self, batch: Batch, known: Known) -> Committed:
        """Commit a batch in one transaction; `known.bodies` learns its new bodies once committed."""
        now = datetime.now(timezone.utc).replace(tzinfo=None)
        links, new_bodies = self._exact_links(batch.articles, known)
        self.con.execute("BEGIN")
        try:
            if batch.articles:
                self._insert("articles", [a.article for a in batch.articles], now)
                for table in CHILD_TABLES:
                    self._insert(table, [row for a in batch.articles for row in a.children.get(table, ())], now)
            self._insert("quarantine", [q.row for q in batch.quarantined], now, or_ignore=True)
            self._insert("duplicates", links, now, or_ignore=True)
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        known.bodies.update(new_bodies)
        linked = sum(1 for row in links if row[0] != row[2])
        return Committed(len(batch.articles), len(batch.quarantined), linked)

    def _exact_links(self, articles: list[ArticleRows], known: Known) -> tuple[list[tuple[Any, ...]], dict[str, str]]:
        """`duplicates` rows for articles whose normalised body is already stored (or earlier in the batch).

        A copy joins its original's cluster when `warta link` has put the original in one; else
        the cluster is named after the body hash and the original is its representative.
        """
        new_bodies: dict[str, str] = {}
        pairs: list[tuple[str, str, str]] = []  # (copy, original, body hash)
        for a in articles:
            if a.body_hash is None:
                continue
            original = known.bodies.get(a.body_hash) or new_bodies.get(a.body_hash)
            if original is None:
                new_bodies[a.body_hash] = a.id
            else:
                pairs.append((a.id, original, a.body_hash))
        if not pairs:
            return [], new_bodies
        originals = sorted({original for _, original, _ in pairs})
        clusters = dict((row[0], (row[1], row[2])) for row in self.con.execute(
            "SELECT article_id, cluster_id, representative_id FROM duplicates WHERE article_id = ANY(?)",
            [originals]).fetchall())
        rows: dict[str, tuple[Any, ...]] = {}
        for copy, original, hashed in pairs:
            cluster, representative = clusters.get(original, (f"exact:{hashed[:16]}", original))
            rows.setdefault(original, (original, cluster, representative, "exact", 1.0))
            rows[copy] = (copy, cluster, representative, "exact", 1.0)
        return list(rows.values()), new_bodies

    def _insert(self, table: str, rows: Iterable[tuple[Any, ...]], now: datetime, or_ignore: bool = False) -> None:
        rows = list(rows)
        if not rows:
            return
        batch = to_arrow(table, rows, now)
        self.con.register("_warta_batch", batch)
        try:
            verb = "INSERT OR IGNORE" if or_ignore else "INSERT"
            self.con.execute(f"{verb} INTO {table} SELECT * FROM _warta_batch")
        finally:
            self.con.unregister("_warta_batch")


def to_arrow(table: str, rows: list[tuple[Any, ...]], now: datetime) -> pa.Table:
    """Row tuples as an Arrow table of the store's column types; `ingested_at` set to `now`."""
    schema = arrow_schema(table)
    columns = list(zip(*rows))
    arrays = []
    for n, column in enumerate(TABLES[table]):
        values = [now] * len(rows) if column.name == "ingested_at" else columns[n]
        arrays.append(pa.array(values, type=column.arrow))
    return pa.Table.from_arrays(arrays, schema=schema)
