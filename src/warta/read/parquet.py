"""Read Parquet corpora a record batch at a time: columns `id`, `html` or `text` (or `raw`), `url`."""

from __future__ import annotations

from collections.abc import Iterator

from ..article import Quarantined, RawDoc
from .records import CONTENT_FIELDS, doc_from_record, quarantine

# Small batches: pages run to megabytes, and memory should not grow with the batch.
BATCH_ROWS = 64
_COLUMNS = ("id", *CONTENT_FIELDS, "url", "format")


def iter_parquet(path: str, stem: str, max_bytes: int) -> Iterator[RawDoc | Quarantined]:
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(path)
        names = set(parquet.schema_arrow.names)
        rows = parquet.metadata.num_rows
    except Exception as error:  # pyarrow raises several types for a damaged or foreign file
        yield quarantine("bad-parquet", f"The file cannot be read as Parquet: {error}.", id=stem, source=path)
        return
    if not names.intersection(CONTENT_FIELDS):
        fields = ", ".join(f"`{name}`" for name in CONTENT_FIELDS)
        yield quarantine("no-content", f"The Parquet file has none of the columns {fields} "
                         f"({rows:,} rows not read).", id=stem, source=path)
        return

    columns = [name for name in _COLUMNS if name in names]
    row = 0
    try:
        for batch in parquet.iter_batches(batch_size=BATCH_ROWS, columns=columns):
            for record in batch.to_pylist():
                row += 1
                yield doc_from_record(record, fallback_id=f"{stem}:{row}", source=f"{path}:{row}",
                                      max_bytes=max_bytes, encoding="utf-8")  # Parquet strings are UTF-8
    except Exception as error:
        yield quarantine("bad-parquet", f"Reading stopped after row {row:,}: {error}.",
                         id=None, source=f"{path}:{row + 1}")
