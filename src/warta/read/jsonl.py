"""Read JSON-lines corpora (`.jsonl`, `.jsonl.gz`, `.json`): one record a line, streamed.

A bad line is quarantined with its line number and the lines after it are still read.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..article import Quarantined, RawDoc
from .decode import decode_bytes
from .lines import iter_lines
from .records import doc_from_record, quarantine, too_large

# Errors a damaged or truncated gzip stream raises part-way through.
STREAM_ERRORS = (OSError, EOFError, zlib.error)


def iter_jsonl(path: str, stem: str, max_bytes: int) -> Iterator[RawDoc | Quarantined]:
    """Records of a JSON-lines file, gzip-compressed when its name ends in `.gz`."""
    opener = gzip.open if path.lower().endswith(".gz") else open
    with opener(path, "rb") as stream:
        yield from records_from_lines(iter_lines(stream, max_bytes), stem=stem, prefix=path, max_bytes=max_bytes)


def iter_json(path: str, stem: str, max_bytes: int) -> Iterator[RawDoc | Quarantined]:
    """A `.json` file: JSON lines as a rule; a whole-file array or object when it is one instead."""
    whole = _whole_document(path, max_bytes)
    if whole is None:
        yield from iter_jsonl(path, stem, max_bytes)
        return
    items = whole if isinstance(whole, list) else [whole]
    for number, item in enumerate(items, 1):
        source, fallback_id = f"{path}:{number}", f"{stem}:{number}"
        if not isinstance(item, dict):
            yield quarantine("not-an-object", f"Item {number} of the JSON array is a {_json_type(item)}, "
                             "not an object.", id=fallback_id, source=source)
        else:
            yield doc_from_record(item, fallback_id=fallback_id, source=source, max_bytes=max_bytes,
                                  encoding="utf-8")


def records_from_lines(lines: Iterable[tuple[int, bytes | None, int]], *, stem: str, prefix: str,
                       max_bytes: int) -> Iterator[RawDoc | Quarantined]:
    """Parse numbered lines into records; the ids of records without one are `stem:line`."""
    numbered = iter(lines)
    last = 0
    while True:
        try:
            number, line, size = next(numbered)
        except StopIteration:
            return
        except STREAM_ERRORS as error:
            yield quarantine("unreadable", f"Reading stopped after line {last}: {error}.",
                             id=None, source=f"{prefix}:{last + 1}")
            return
        last = number
        source, fallback_id = f"{prefix}:{number}", f"{stem}:{number}"
        if line is None:
            yield too_large(size, max_bytes, what=f"line {number}", id=fallback_id, source=source)
            continue
        if not line.strip():
            continue  # blank lines separate nothing and are not records
        record, encoding, error = _parse(line)
        if error is not None:
            yield quarantine("not-json", f"Line {number} is not valid JSON: {error}.", id=fallback_id, source=source)
        elif not isinstance(record, dict):
            yield quarantine("not-an-object", f"Line {number} is a JSON {_json_type(record)}, not an object.",
                             id=fallback_id, source=source)
        else:
            yield doc_from_record(record, fallback_id=fallback_id, source=source, max_bytes=max_bytes,
                                  encoding=encoding)


def _parse(line: bytes) -> tuple[Any, str, str | None]:
    """(value, encoding of the line, error message or None)."""
    try:
        text, encoding = line.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        # JSON lines should be UTF-8; a legacy-encoded line is still worth reading.
        text, encoding = decode_bytes(line)
    try:
        return json.loads(text), encoding, None
    except json.JSONDecodeError as error:
        return None, encoding, f"{error.msg} at column {error.colno}"
    except (ValueError, RecursionError) as error:
        return None, encoding, str(error) or type(error).__name__


def _whole_document(path: str, max_bytes: int) -> Any | None:
    """The file parsed as one JSON value when its first line is an array or not JSON on its own."""
    with open(path, "rb") as stream:
        first = b""
        for _, line, _ in iter_lines(stream, max_bytes):
            if line is None or line.strip():
                first = line or b""
                break
    if not first.strip():
        return None  # empty, or an oversized first line: the line reader reports it
    value, _, error = _parse(first)
    if error is None and not isinstance(value, list):
        return None  # a JSON-lines file
    if Path(path).stat().st_size > max_bytes:
        return None
    value, _, error = _parse(Path(path).read_bytes())
    return value if error is None and isinstance(value, (list, dict)) else None


def _json_type(value: Any) -> str:
    if isinstance(value, list):
        return "array"
    if isinstance(value, str):
        return "string"
    if isinstance(value, bool):
        return "boolean"
    if value is None:
        return "null"
    return "number"
