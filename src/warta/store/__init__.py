"""warta's embedded store (DuckDB): `warta ingest` writes it, `Store` reads it.

    ingest.py   the command: readers -> pipeline on worker processes -> batches, resumable
    writer.py   the one read-write connection: what is stored, one transaction per batch
    schema.py   the tables, declared once (docs/store.md describes them with example SQL)
    read.py     `Store`: the read API for the web app and the command line
    link.py     the connect phase (duplicates, related, stories) over the whole store
    export.py   `warta export`: Parquet or JSON lines, Hugging Face datasets-compatible
"""

from __future__ import annotations

from typing import Any

__all__ = ["Store", "SCHEMA_VERSION", "SchemaMismatch"]


def __getattr__(name: str) -> Any:
    # Loaded on first use, so that the modules a Ray worker needs (keys, rows) import without DuckDB.
    if name == "Store":
        from .read import Store

        return Store
    if name in ("SCHEMA_VERSION", "SchemaMismatch"):
        from . import schema

        return getattr(schema, name)
    raise AttributeError(f"module 'warta.store' has no attribute {name!r}")
