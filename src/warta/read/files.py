"""Pick the reader for each input path and stream its records: `iter_inputs` is the entry point.

| input | records |
| --- | --- |
| `.txt` | one text page, id = file stem |
| `.html` `.htm` `.xhtml` | one HTML page, id = file stem |
| `.jsonl` `.jsonl.gz` `.ndjson` `.json` `.json.gz` | one record a line: `id`, `html` or `text` (or `raw`), `url` |
| `.parquet` | one record a row, same columns |
| `.warc` `.warc.gz` | HTML and text `response` records |
| `-` | standard input: JSON lines if the first non-blank line is a JSON object, else one page |

Nothing here raises for bad input: a path or record that cannot be read becomes a Quarantined
(reasons in `records.py`). Memory stays flat in corpus size: every reader streams.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from ..article import Quarantined, RawDoc
from .jsonl import iter_json, iter_jsonl
from .parquet import iter_parquet
from .records import page_from_bytes, quarantine, too_large
from .stdin import iter_stdin
from .warc import iter_warc

DEFAULT_MAX_BYTES = 8_000_000

Reader = Callable[[str, str, int], Iterator["RawDoc | Quarantined"]]


def iter_text_file(path: str, stem: str, max_bytes: int) -> Iterator[RawDoc | Quarantined]:
    yield _page_file(path, stem, max_bytes, kind="text")


def iter_html_file(path: str, stem: str, max_bytes: int) -> Iterator[RawDoc | Quarantined]:
    yield _page_file(path, stem, max_bytes, kind="html")


# Longest suffixes first, so `.jsonl.gz` is not taken for a `.gz` of something else.
READERS: tuple[tuple[str, Reader], ...] = (
    (".jsonl.gz", iter_jsonl), (".json.gz", iter_jsonl), (".ndjson", iter_jsonl), (".jsonl", iter_jsonl),
    (".json", iter_json), (".parquet", iter_parquet), (".warc.gz", iter_warc), (".warc", iter_warc),
    (".txt", iter_text_file), (".html", iter_html_file), (".htm", iter_html_file), (".xhtml", iter_html_file),
)
PAGE_SUFFIXES = (".txt", ".html", ".htm", ".xhtml")


def iter_inputs(paths: list[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDoc | Quarantined]:
    """Every record of every input, in order, each a RawDoc or a Quarantined."""
    for path in paths:
        yield from _iter_path(path, max_bytes)


def is_page_file(path: str) -> bool:
    """True for a path that holds exactly one page (text or HTML file)."""
    return path.lower().endswith(PAGE_SUFFIXES)


def input_stem(path: str) -> str:
    """The file name without its reader suffix: `a/news.jsonl.gz` -> `news`."""
    name = Path(path).name
    for suffix, _ in READERS:
        if name.lower().endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return Path(path).stem or name


def _iter_path(path: str, max_bytes: int) -> Iterator[RawDoc | Quarantined]:
    if path == "-":
        if sys.stdin is None:
            yield quarantine("unreadable", "There is no standard input to read.", id=None, source="<stdin>")
            return
        records = iter_stdin(getattr(sys.stdin, "buffer", sys.stdin), max_bytes)
    else:
        stem = input_stem(path)
        problem = _path_problem(path)
        if problem:
            yield quarantine("unreadable", problem, id=stem, source=path)
            return
        reader = next(reader for suffix, reader in READERS if path.lower().endswith(suffix))
        records = reader(path, stem, max_bytes)
    try:
        yield from records
    except Exception as error:  # the last safety net: one bad file must not stop the batch
        yield quarantine("unreadable", f"Reading stopped: {type(error).__name__}: {error}.", id=None, source=path)


def _path_problem(path: str) -> str | None:
    """Why a path cannot be read, or None."""
    if not os.path.exists(path):
        return "The file does not exist."
    if os.path.isdir(path):
        return "The path is a directory, not a file."
    if not path.lower().endswith(tuple(suffix for suffix, _ in READERS)):
        known = " ".join(suffix for suffix, _ in READERS)
        return f"warta does not read files like {Path(path).name!r}; it reads {known} and - (stdin)."
    if not os.access(path, os.R_OK):
        return "The file cannot be opened: permission denied."
    return None


def _page_file(path: str, stem: str, max_bytes: int, kind: str) -> RawDoc | Quarantined:
    size = os.path.getsize(path)
    if size > max_bytes:  # decided from the size alone: a huge file is never read
        return too_large(size, max_bytes, what="file", id=stem, source=path)
    with open(path, "rb") as stream:
        data = stream.read(max_bytes + 1)  # the file may have grown since stat
    return page_from_bytes(data, id=stem, source=path, max_bytes=max_bytes, kind=kind)
