"""warta's embedded store (DuckDB): `warta ingest` writes it, `Store` reads it.

    ingest.py   the command: readers -> pipeline on worker processes -> batches, resumable
    writer.py   the one read-write connection: what is stored, one transaction per batch
    schema.py   the tables, declared once (docs/store.md describes them with example SQL)
    read.py     `Store`: the read API for the web app and the command line
    link.py     the connect phase (duplicates, related, stories) over the whole store
    export.py   `warta export`: Parquet or JSON lines, Hugging Face datasets-compatible
"""

from .read import Store
from .schema import SCHEMA_VERSION, SchemaMismatch

__all__ = ["Store", "SCHEMA_VERSION", "SchemaMismatch"]
