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

    # --- entities -----------------------------------------------------------------------------------

    def entity(self, key: str, top: int = TOP) -> dict[str, Any] | None:
        """One entity (`TYPE:name`, as in the `entities.key` column): its mentions per day and month
        (by the articles' publication day), the entities named in the same articles, its outlets,
        the ways the text writes it, and its latest articles. None when the store never names it."""
        cur = self.con.cursor()  # its own cursor: the temporary table below is private to it
        try:
            # One scan of the mentions, then their articles by id; every figure below reads these small tables.
            cur.execute("""CREATE TEMP TABLE _named AS SELECT article_id, text, type, coalesce(canonical, text) AS name,
                           code FROM entities WHERE key = ?""", [key])
            cur.execute("""CREATE TEMP TABLE _mentions AS
                           SELECT n.*, a.published, a.outlet FROM _named n
                           JOIN (SELECT id, published, outlet FROM articles
                                 WHERE id IN (SELECT article_id FROM _named)) a ON a.id = n.article_id""")
            mentions, n_articles, type_, name, code = cur.execute(
                "SELECT count(*), count(DISTINCT article_id), any_value(type), mode(name), any_value(code) "
                "FROM _mentions").fetchone()
            if mentions == 0:
                return None
            per = ("SELECT {bucket} AS b, count(*) AS mentions, count(DISTINCT article_id) AS articles "
                   "FROM _mentions WHERE published IS NOT NULL GROUP BY b ORDER BY b")
            return {
                "key": key, "type": type_, "name": name, "code": code, "mentions": mentions, "articles": n_articles,
                "per_day": _buckets(cur, per.format(bucket="published"), [], "day"),
                "per_month": _buckets(cur, per.format(bucket="strftime(published, '%Y-%m')"), [], "month"),
                "cooccurring": _rows(cur, """
                    SELECT o.key, count(DISTINCT o.article_id) AS articles FROM entities o
                    WHERE o.article_id IN (SELECT article_id FROM _mentions) AND o.key <> ?
                    GROUP BY o.key ORDER BY articles DESC, o.key LIMIT ?""", [key, top]),
                "outlets": _rows(cur, """
                    SELECT outlet, count(DISTINCT article_id) AS articles, count(*) AS mentions FROM _mentions
                    GROUP BY outlet ORDER BY articles DESC, outlet NULLS LAST LIMIT ?""", [top]),
                "forms": _rows(cur, "SELECT text, count(*) AS mentions FROM _mentions "
                                    "GROUP BY text ORDER BY mentions DESC, text LIMIT ?", [top]),
                "latest": _rows(cur, f"""
                    SELECT {_CARD} FROM articles a WHERE a.id IN (SELECT article_id FROM _mentions)
                    ORDER BY a.published DESC NULLS LAST, a.id LIMIT ?""", [top]),
            }
        finally:
            cur.close()

    def entities(self, type: str | None = None, top: int = 50) -> list[dict[str, Any]]:
        """The entities named in the most articles, of one type (PER, ORG, LOC) or all."""
        return self._rows("""
            SELECT key, any_value(type) AS type, count(DISTINCT article_id) AS articles, count(*) AS mentions
            FROM entities WHERE ? IS NULL OR type = ? GROUP BY key
            ORDER BY articles DESC, mentions DESC, key LIMIT ?""", [type, type, top])

    # --- outlets ------------------------------------------------------------------------------------

    def outlet(self, name: str, top: int = TOP) -> dict[str, Any] | None:
        """One outlet: its volume per day and month, the share of its pages warta removed clutter from
        and of those whose text contradicts itself, and the entities it names most."""
        summary = self._rows(f"SELECT {_OUTLET_SUMMARY} FROM articles WHERE outlet = ? GROUP BY outlet", [name])
        if not summary:
            return None
        per = "SELECT {bucket} AS b, count(*) AS articles FROM articles WHERE outlet = ? AND published IS NOT NULL " \
              "GROUP BY b ORDER BY b"
        return summary[0] | {
            "per_day": self._buckets(per.format(bucket="published"), [name], "day"),
            "per_month": self._buckets(per.format(bucket="strftime(published, '%Y-%m')"), [name], "month"),
            "entities": self._rows("""
                SELECT e.key, count(DISTINCT e.article_id) AS articles FROM entities e
                JOIN articles a ON a.id = e.article_id WHERE a.outlet = ?
                GROUP BY e.key ORDER BY articles DESC, e.key LIMIT ?""", [name, top]),
            "removed_kinds": self._rows("""
                SELECT r.kind, count(*) AS pieces FROM removed r JOIN articles a ON a.id = r.article_id
                WHERE a.outlet = ? GROUP BY r.kind ORDER BY pieces DESC, r.kind""", [name]),
            "latest": self._rows(f"SELECT {_CARD} FROM articles a WHERE a.outlet = ? "
                                 "ORDER BY a.published DESC NULLS LAST, a.id LIMIT ?", [name, top]),
        }

    def outlets(self) -> list[dict[str, Any]]:
        """Every outlet with its article count, first and last day, and its clutter and contradiction shares."""
        return self._rows(f"SELECT {_OUTLET_SUMMARY} FROM articles WHERE outlet IS NOT NULL "
                          "GROUP BY outlet ORDER BY articles DESC, outlet")

    # --- the whole store ------------------------------------------------------------------------------

    def stats(self) -> dict[str, Any]:
        """Counts of everything the store holds."""
        con = self.con
        first, last = con.execute("SELECT min(published), max(published) FROM articles").fetchone()
        return {
            "articles": self._scalar("SELECT count(*) FROM articles"),
            "quarantined": self._scalar("SELECT count(*) FROM quarantine"),
            "quarantine_reasons": dict(con.execute("SELECT reason, count(*) FROM quarantine GROUP BY reason "
                                                   "ORDER BY count(*) DESC, reason").fetchall()),
            "outlets": self._scalar("SELECT count(DISTINCT outlet) FROM articles"),
            "published_first": _iso(first), "published_last": _iso(last),
            "formats": dict(con.execute("SELECT format, count(*) FROM articles GROUP BY format ORDER BY format").fetchall()),
            "with_contradiction": self._scalar("SELECT count(*) FROM articles WHERE has_contradiction"),
            "with_clutter_removed": self._scalar("SELECT count(*) FROM articles WHERE n_removed > 0"),
            "entities": self._scalar("SELECT count(DISTINCT key) FROM entities"),
            "mentions": self._scalar("SELECT count(*) FROM entities"),
            "quotes": self._scalar("SELECT count(*) FROM quotes"),
            "attributions": self._scalar("SELECT count(*) FROM attributions"),
            "dates": self._scalar("SELECT count(*) FROM dates"),
            "removed_pieces": self._scalar("SELECT count(*) FROM removed"),
            "duplicate_clusters": self._scalar("SELECT count(DISTINCT cluster_id) FROM duplicates"),
            "duplicates": dict(con.execute("SELECT kind, count(*) FROM duplicates WHERE article_id <> representative_id "
                                           "GROUP BY kind ORDER BY kind").fetchall()),
            "related": self._scalar("SELECT count(*) FROM related"),
            "stories": self._scalar("SELECT count(DISTINCT story_id) FROM stories"),
            "size_bytes": os.path.getsize(self.path),
        }

    def facets(self, ids: list[str] | None = None, top: int = TOP) -> dict[str, Any]:
        """Counts to filter by, over the articles `ids` (a search's hits) or the whole store: outlets,
        months, formats, entities, contradiction flag and duplicate status (none, representative, or the
        kind of copy: exact, near, syndicated)."""
        cur = self.con.cursor()
        try:
            if ids is None:
                only, only_entities = "TRUE", "TRUE"
            else:
                cur.execute("CREATE TEMP TABLE _facet_ids AS SELECT DISTINCT unnest(?::VARCHAR[]) AS id", [ids])
                only, only_entities = "a.id IN (SELECT id FROM _facet_ids)", "article_id IN (SELECT id FROM _facet_ids)"
            return {
                "articles": cur.execute(f"SELECT count(*) FROM articles a WHERE {only}").fetchone()[0],
                "outlets": _rows(cur, f"SELECT outlet AS value, count(*) AS articles FROM articles a WHERE {only} "
                                      "GROUP BY outlet ORDER BY articles DESC, outlet NULLS LAST LIMIT ?", [top]),
                "months": _rows(cur, f"SELECT strftime(published, '%Y-%m') AS value, count(*) AS articles "
                                     f"FROM articles a WHERE {only} GROUP BY value ORDER BY value NULLS LAST"),
                "formats": _rows(cur, f"SELECT format AS value, count(*) AS articles FROM articles a WHERE {only} "
                                      "GROUP BY format ORDER BY articles DESC, format"),
                "has_contradiction": _rows(cur, f"SELECT has_contradiction AS value, count(*) AS articles "
                                                f"FROM articles a WHERE {only} GROUP BY value ORDER BY value"),
                "duplicate": _rows(cur, f"""
                    SELECT {_STATUS} AS value, count(*) AS articles
                    FROM articles a LEFT JOIN duplicates d ON d.article_id = a.id WHERE {only}
                    GROUP BY value ORDER BY articles DESC, value"""),
                "entities": _rows(cur, f"""
                    SELECT key AS value, any_value(type) AS type, count(DISTINCT article_id) AS articles
                    FROM entities WHERE {only_entities} GROUP BY key
                    ORDER BY articles DESC, key LIMIT ?""", [top]),
            }
        finally:
            cur.close()

    def articles(self, *, outlet: str | None = None, entity: str | None = None, date_from: str | None = None,
                 date_to: str | None = None, has_contradiction: bool | None = None, duplicate: str | None = None,
                 limit: int = 20, offset: int = 0) -> dict[str, Any]:
        """A page of articles (newest first) matching filters, with the total: the browse view, not
        search (`warta.search` ranks by text). `duplicate`: none, representative, exact, near, syndicated,
        or duplicate (any copy)."""
        where, params = ["TRUE"], []
        if outlet is not None:
            where.append("a.outlet = ?"); params.append(outlet)  # noqa: E702
        if entity is not None:
            where.append("a.id IN (SELECT article_id FROM entities WHERE key = ?)"); params.append(entity)  # noqa: E702
        if date_from is not None:
            where.append("a.published >= ?::DATE"); params.append(date_from)  # noqa: E702
        if date_to is not None:
            where.append("a.published <= ?::DATE"); params.append(date_to)  # noqa: E702
        if has_contradiction is not None:
            where.append("a.has_contradiction = ?"); params.append(has_contradiction)  # noqa: E702
        if duplicate is not None:
            where.append(_DUPLICATE_FILTER); params.extend([duplicate] * 2)  # noqa: E702
        condition = " AND ".join(where)
        total = self._scalar(f"SELECT count(*) FROM articles a LEFT JOIN duplicates d ON d.article_id = a.id "
                             f"WHERE {condition}", params)
        items = self._rows(f"SELECT {_CARD} FROM articles a LEFT JOIN duplicates d ON d.article_id = a.id "
                           f"WHERE {condition} ORDER BY a.published DESC NULLS LAST, a.id LIMIT ? OFFSET ?",
                           [*params, limit, offset])
        return {"total": total, "items": items}

    # --- helpers --------------------------------------------------------------------------------------

    def _rows(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        return _rows(self.con, sql, params)

    def _scalar(self, sql: str, params: list[Any] | None = None) -> Any:
        return self.con.execute(sql, params or []).fetchone()[0]

    def _buckets(self, sql: str, params: list[Any], name: str) -> list[dict[str, Any]]:
        return _buckets(self.con, sql, params, name)


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    cursor = con.execute(sql, params or [])
    names = [d[0] for d in cursor.description]
    return [{n: _plain(v) for n, v in zip(names, row)} for row in cursor.fetchall()]


def _buckets(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any], name: str) -> list[dict[str, Any]]:
    """Rows of a `b`-bucketed count, the bucket renamed (`day`, `month`)."""
    return [{name: row.pop("b"), **row} for row in _rows(con, sql, params)]


# An article in a list: enough to show and link it.
_CARD = ("a.id, a.title, a.outlet, a.published, a.url, a.n_chars, a.n_removed, a.has_contradiction, "
         "substr(a.body, 1, 200) AS lead")
_OUTLET_SUMMARY = """outlet, count(*) AS articles, min(published) AS first, max(published) AS last,
    avg(CASE WHEN n_removed > 0 THEN 1.0 ELSE 0.0 END) AS share_clutter_removed,
    avg(CASE WHEN has_contradiction THEN 1.0 ELSE 0.0 END) AS share_contradiction,
    avg(removed_chars / (removed_chars + n_chars + 1e-9)) AS mean_removed_share,
    count(DISTINCT host) AS hosts"""
# An article's duplicate status: not in a cluster, its cluster's representative, or how it copies it.
_STATUS = ("CASE WHEN d.article_id IS NULL THEN 'none' WHEN d.article_id = d.representative_id "
           "THEN 'representative' ELSE d.kind END")
# `duplicate` filter: one status, or `duplicate` for every copy whatever its kind.
_DUPLICATE_FILTER = f"({_STATUS} = ? OR (? = 'duplicate' AND {_STATUS} NOT IN ('none', 'representative')))"


def _plain(value: Any) -> Any:
    """JSON-ready: days as ISO strings."""
    return value.isoformat() if isinstance(value, date) else value

# The Article dict's field order (article.py), so a stored article reads like `warta process` output.
_ARTICLE_ORDER = ("id", "body", "format", "url", "title", "outlet", "dateline", "published", "authors", "removed",
                  "dates", "attributions", "quotes", "entities", "inconsistencies", "encoding")


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None
