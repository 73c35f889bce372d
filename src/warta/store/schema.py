"""The store's tables, declared once: the DDL and the Arrow batches that fill them come from here.

Every table is a tuple of `Column`s (name, DuckDB type, Arrow type), so the writer's Arrow
batches and the `CREATE TABLE` statements cannot drift apart. Child tables of `articles`
(`removed`, `dates`, `attributions`, `quotes`, `entities`, `inconsistencies`) are keyed by
(`article_id`, `seq`), `seq` being the item's position in the Article's list; they carry no
index, because the writer inserts an article and its children in one transaction and never
inserts an article twice (its primary key forbids it), which keeps the key unique at no cost.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pyarrow as pa

# Raised when the layout changes incompatibly; a store of another version is refused, not mixed.
SCHEMA_VERSION = "1"


@dataclass(frozen=True)
class Column:
    name: str
    sql: str
    arrow: pa.DataType


def _c(name: str, sql: str) -> Column:
    return Column(name, sql, _ARROW[sql])


_ARROW: dict[str, pa.DataType] = {
    "VARCHAR": pa.string(), "JSON": pa.string(), "INTEGER": pa.int32(), "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(), "DATE": pa.date32(), "TIMESTAMP": pa.timestamp("us"),
    "VARCHAR[]": pa.list_(pa.string()),
}

ARTICLES = (
    _c("id", "VARCHAR"),              # the record's own id, or its content_hash when it has none
    _c("content_hash", "VARCHAR"),    # blake2b-160 of the raw input content (text or HTML)
    _c("body_hash", "VARCHAR"),       # blake2b-128 of the normalised body; NULL for an empty body
    _c("url", "VARCHAR"),
    _c("host", "VARCHAR"),            # the URL's host without www.
    _c("outlet", "VARCHAR"),
    _c("title", "VARCHAR"),
    _c("dateline", "VARCHAR"),
    _c("published", "DATE"),
    _c("format", "VARCHAR"),          # text-lines | text-flat | html
    _c("body", "VARCHAR"),
    _c("authors", "VARCHAR[]"),
    _c("encoding", "VARCHAR"),
    _c("source", "VARCHAR"),          # input file and record number
    _c("n_chars", "INTEGER"),         # characters in the body
    _c("n_removed", "INTEGER"),       # clutter pieces removed
    _c("removed_chars", "INTEGER"),   # characters in them
    _c("n_entities", "INTEGER"),
    _c("n_quotes", "INTEGER"),
    _c("has_contradiction", "BOOLEAN"),
    _c("record", "JSON"),             # the complete Article dict except `body` (in its own column)
    _c("ingested_at", "TIMESTAMP"),   # UTC, when the batch holding it was committed
)
REMOVED = (_c("article_id", "VARCHAR"), _c("seq", "INTEGER"), _c("kind", "VARCHAR"), _c("text", "VARCHAR"),
           _c("start", "INTEGER"), _c("end", "INTEGER"))
DATES = (_c("article_id", "VARCHAR"), _c("seq", "INTEGER"), _c("text", "VARCHAR"),
         _c("value", "VARCHAR"),      # ISO 8601, possibly partial: 2025-03, --05-15, 2025-03-10T19:00+07:00
         _c("day", "DATE"),           # the value's calendar day when it names one, else NULL
         _c("start", "INTEGER"), _c("end", "INTEGER"))
ATTRIBUTIONS = (_c("article_id", "VARCHAR"), _c("seq", "INTEGER"), _c("source", "VARCHAR"), _c("kind", "VARCHAR"),
                _c("text", "VARCHAR"), _c("start", "INTEGER"), _c("end", "INTEGER"),
                _c("mentions", "JSON"))  # [[start, end], ...] every place the source is named
QUOTES = (_c("article_id", "VARCHAR"), _c("seq", "INTEGER"), _c("speaker", "VARCHAR"), _c("text", "VARCHAR"),
          _c("start", "INTEGER"), _c("end", "INTEGER"))
ENTITIES = (_c("article_id", "VARCHAR"), _c("seq", "INTEGER"),
            _c("key", "VARCHAR"),     # TYPE:name, the name canonical when known: `PER:Joko Widodo`
            _c("text", "VARCHAR"), _c("type", "VARCHAR"), _c("canonical", "VARCHAR"), _c("code", "VARCHAR"),
            _c("start", "INTEGER"), _c("end", "INTEGER"))
INCONSISTENCIES = (_c("article_id", "VARCHAR"), _c("seq", "INTEGER"), _c("kind", "VARCHAR"),
                   _c("explanation", "VARCHAR"), _c("evidence", "JSON"))
QUARANTINE = (_c("key", "VARCHAR"),   # what a rerun looks up: the id, else `@source`
              _c("id", "VARCHAR"), _c("reason", "VARCHAR"), _c("detail", "VARCHAR"), _c("source", "VARCHAR"),
              _c("ingested_at", "TIMESTAMP"))
DUPLICATES = (_c("article_id", "VARCHAR"), _c("cluster_id", "VARCHAR"), _c("representative_id", "VARCHAR"),
              _c("kind", "VARCHAR"),  # exact | near | syndicated
              _c("similarity", "DOUBLE"))
RELATED = (_c("article_id", "VARCHAR"), _c("related_id", "VARCHAR"), _c("score", "DOUBLE"),
           _c("reasons", "VARCHAR[]"))
STORIES = (_c("story_id", "VARCHAR"), _c("article_id", "VARCHAR"))

TABLES: dict[str, tuple[Column, ...]] = {
    "articles": ARTICLES, "removed": REMOVED, "dates": DATES, "attributions": ATTRIBUTIONS, "quotes": QUOTES,
    "entities": ENTITIES, "inconsistencies": INCONSISTENCIES, "quarantine": QUARANTINE,
    "duplicates": DUPLICATES, "related": RELATED, "stories": STORIES,
}
# The tables that hang off one article and are written with it.
CHILD_TABLES = ("removed", "dates", "attributions", "quotes", "entities", "inconsistencies")
# The tables the connect phase (`warta link`) replaces as a whole.
LINK_TABLES = ("duplicates", "related", "stories")

PRIMARY_KEYS: dict[str, tuple[str, ...]] = {
    "articles": ("id",), "quarantine": ("key",), "duplicates": ("article_id",),
    "related": ("article_id", "related_id"), "stories": ("story_id", "article_id"),
}
NOT_NULL = {"articles": ("content_hash", "format", "body", "ingested_at"),
            "quarantine": ("reason", "ingested_at")}


def quote(name: str) -> str:
    """A column name as SQL: `end` and `key` are keywords, so every name is quoted."""
    return '"' + name.replace('"', '""') + '"'


def create_table_sql(table: str) -> str:
    columns = TABLES[table]
    required = NOT_NULL.get(table, ())
    parts = [f"{quote(c.name)} {c.sql}" + (" NOT NULL" if c.name in required else "") for c in columns]
    if table in PRIMARY_KEYS:
        parts.append("PRIMARY KEY (" + ", ".join(quote(n) for n in PRIMARY_KEYS[table]) + ")")
    return f"CREATE TABLE IF NOT EXISTS {table} (\n  " + ",\n  ".join(parts) + "\n)"


def arrow_schema(table: str) -> pa.Schema:
    return pa.schema([pa.field(c.name, c.arrow) for c in TABLES[table]])


class SchemaMismatch(RuntimeError):
    """The file is a store of another schema version, or not a warta store."""


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create the tables of an empty store; refuse a store written with another schema version."""
    tables = {row[0] for row in con.execute("SELECT table_name FROM information_schema.tables "
                                            "WHERE table_schema = 'main'").fetchall()}
    if "warta_meta" in tables:
        row = con.execute("SELECT value FROM warta_meta WHERE key = 'schema_version'").fetchone()
        found = row[0] if row else None
        if found != SCHEMA_VERSION:
            raise SchemaMismatch(f"the store has schema version {found}, this warta writes version "
                                 f"{SCHEMA_VERSION}; ingest into a new --db file")
        return
    if tables - {"warta_meta"}:
        raise SchemaMismatch(f"the database already holds tables ({', '.join(sorted(tables))}) and is not a "
                             "warta store; give another --db file")
    from .. import __version__

    con.execute("BEGIN")
    con.execute("CREATE TABLE warta_meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    for table in TABLES:
        con.execute(create_table_sql(table))
    con.execute("INSERT INTO warta_meta VALUES ('schema_version', ?), ('created_by', ?)",
                [SCHEMA_VERSION, f"warta {__version__}"])
    con.execute("COMMIT")
