"""How many records the inputs hold, cheaply, for the progress bar's ETA.

Exact where it costs little (a page file is one record, a Parquet footer states its rows, a JSON-lines
file under `SAMPLE_BYTES` has its lines counted); extrapolated from the first `SAMPLE_BYTES` of a larger
JSON-lines file; unknown (None) for compressed files, WARC and stdin, where counting means reading all.
"""

from __future__ import annotations

import os

from ..read.files import PAGE_SUFFIXES

SAMPLE_BYTES = 64 * 1024 * 1024
_BLOCK = 1024 * 1024


def estimate_records(paths: list[str]) -> int | None:
    total = 0
    for path in paths:
        count = _records_in(path)
        if count is None:
            return None
        total += count
    return total


def _records_in(path: str) -> int | None:
    lower = path.lower()
    if path == "-" or not os.path.isfile(path):
        return None if path == "-" else 1  # a missing file is one quarantined record
    if lower.endswith(PAGE_SUFFIXES):
        return 1
    if lower.endswith(".parquet"):
        try:
            import pyarrow.parquet as pq

            return pq.ParquetFile(path).metadata.num_rows
        except Exception:
            return None
    if lower.endswith((".jsonl", ".ndjson")):
        return _jsonl_lines(path)
    return None  # .json may be one array of records over many lines: unknown


def _jsonl_lines(path: str) -> int:
    size = os.path.getsize(path)
    lines = 0
    seen = 0
    last = b"\n"
    with open(path, "rb") as stream:
        while seen < SAMPLE_BYTES:
            block = stream.read(_BLOCK)
            if not block:
                break
            lines += block.count(b"\n")
            seen += len(block)
            last = block[-1:]
    if seen >= size:
        return lines + (last != b"\n")  # a last line without its newline
    return round(lines * size / seen) if seen else 0
