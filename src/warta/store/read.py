"""The store's read API, for the web app and the command line: `Store(path)`.

    with Store("warta.duckdb") as store:
        store.article("kompas-123")      # the Article dict, with its duplicates and related articles
        store.entity("PER:Joko Widodo")  # mentions per day and month, co-occurring entities, outlets
        store.outlet("Kompas.com")       # volume per day and month, share cleaned, share contradictory
        store.outlets(); store.stats(); store.facets(ids=[...])

DuckDB allows one read-write process at a time and any number of read-only ones, but a read-only
open fails while a writer holds the file: open the store read-only (the default) and keep ingests
and `warta link` out of the window where the web app reads.
"""

from __future__ import annotations

import json
import os
from datetime import date
from typing import Any

import duckdb

from .schema import SchemaMismatch, SCHEMA_VERSION

TOP = 20  # rows in the ranked lists (co-occurring entities, outlets, facets) unless asked otherwise


class Store:
    def __init__(self, path: str | os.PathLike[str], read_only: bool = True) -> None:
        if read_only and not os.path.exists(path):
            raise FileNotFoundError(f"no store at {path}: create it with `warta ingest ... --db {path}`")
        self.path = str(path)
        self.con = duckdb.connect(self.path, read_only=read_only)
        if not read_only:
            from .schema import ensure_schema

            ensure_schema(self.con)
        self._check_version()

    def _check_version(self) -> None:
        try:
            row = self.con.execute("SELECT value FROM warta_meta WHERE key = 'schema_version'").fetchone()
        except duckdb.CatalogException:
            raise SchemaMismatch(f"{self.path} is not a warta store") from None
        if not row or row[0] != SCHEMA_VERSION:
            raise SchemaMismatch(f"{self.path} has store schema version {row[0] if row else None}, "
                                 f"this warta reads version {SCHEMA_VERSION}")

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- one article ------------------------------------------------------------------------------

    def article(self, id: str) -> dict[str, Any] | None:
        """The Article dict (as `warta process` writes it) plus `store` facts, `duplicates` (the other
        members of its duplicate cluster) and `related` (ranked), each with title and outlet."""
        row = self.con.execute("SELECT record, body, content_hash, body_hash, source, host, ingested_at "
                               "FROM articles WHERE id = ?", [id]).fetchone()
        if row is None:
            return None
        record, body, content_hash, body_hash, source, host, ingested_at = row
        article = json.loads(record)
        article["body"] = body
        article = {name: article[name] for name in _ARTICLE_ORDER if name in article} | article
        article["store"] = {"content_hash": content_hash, "body_hash": body_hash, "source": source,
                            "host": host, "ingested_at": ingested_at.isoformat() if ingested_at else None}
        article["cluster"] = self._cluster(id)
        article["duplicates"] = self._duplicates(id)
        article["related"] = self._related(id)
        article["stories"] = [s for (s,) in self.con.execute(
            "SELECT story_id FROM stories WHERE article_id = ? ORDER BY story_id", [id]).fetchall()]
        return article

    def _cluster(self, id: str) -> dict[str, Any] | None:
        row = self.con.execute("SELECT cluster_id, representative_id, kind, similarity FROM duplicates "
                               "WHERE article_id = ?", [id]).fetchone()
        if row is None:
            return None
        return {"cluster_id": row[0], "representative_id": row[1], "kind": row[2], "similarity": row[3],
                "is_representative": row[1] == id}

    def _duplicates(self, id: str) -> list[dict[str, Any]]:
        rows = self.con.execute("""
            SELECT d.article_id, d.kind, d.similarity, d.article_id = d.representative_id,
                   a.title, a.outlet, a.published, a.url
            FROM duplicates d JOIN articles a ON a.id = d.article_id
            WHERE d.cluster_id = (SELECT cluster_id FROM duplicates WHERE article_id = ?) AND d.article_id <> ?
            ORDER BY d.article_id = d.representative_id DESC, d.similarity DESC, d.article_id""", [id, id]).fetchall()
        return [{"id": r[0], "kind": r[1], "similarity": r[2], "is_representative": r[3], "title": r[4],
                 "outlet": r[5], "published": _iso(r[6]), "url": r[7]} for r in rows]

    def _related(self, id: str) -> list[dict[str, Any]]:
        rows = self.con.execute("""
            SELECT r.related_id, r.score, r.reasons, a.title, a.outlet, a.published, a.url
            FROM related r JOIN articles a ON a.id = r.related_id
            WHERE r.article_id = ? ORDER BY r.score DESC, r.related_id""", [id]).fetchall()
        return [{"id": r[0], "score": r[1], "reasons": r[2], "title": r[3], "outlet": r[4],
                 "published": _iso(r[5]), "url": r[6]} for r in rows]


# The Article dict's field order (article.py), so a stored article reads like `warta process` output.
_ARTICLE_ORDER = ("id", "body", "format", "url", "title", "outlet", "dateline", "published", "authors", "removed",
                  "dates", "attributions", "quotes", "entities", "inconsistencies", "encoding")


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None
