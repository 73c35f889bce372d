"""Read standard input: JSON lines when its first non-blank line is a JSON object, else one page."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain
from typing import BinaryIO

from ..article import Quarantined, RawDoc
from .jsonl import _parse, records_from_lines
from .lines import count_rest, iter_lines
from .records import page_from_bytes, too_large

STDIN_ID = "stdin"
# The source of a page read whole from stdin; JSON lines from stdin are `<stdin>:LINE`.
STDIN_SOURCE = "<stdin>"


def iter_stdin(stream: BinaryIO, max_bytes: int) -> Iterator[RawDoc | Quarantined]:
    head: list[bytes] = []  # raw lines up to the first non-blank one, line breaks kept
    size = 0
    while size <= max_bytes:
        chunk = stream.readline(max_bytes + 2)
        if not chunk:
            break
        head.append(chunk)
        size += len(chunk)
        if chunk.strip():
            break
    if size > max_bytes:
        yield _too_large(size + count_rest(stream), max_bytes)
        return

    first = head[-1].strip() if head else b""
    value, _, error = _parse(first) if first else (None, "", "blank")
    if error is None and isinstance(value, dict):
        seen = ((number, line.rstrip(b"\r\n"), len(line)) for number, line in enumerate(head, 1))
        lines = chain(seen, iter_lines(stream, max_bytes, start=len(head)))
        yield from records_from_lines(lines, stem=STDIN_ID, prefix=STDIN_SOURCE, max_bytes=max_bytes)
        return

    data = b"".join(head) + stream.read(max_bytes + 1 - size)
    if len(data) > max_bytes:
        yield _too_large(len(data) + count_rest(stream), max_bytes)
        return
    yield page_from_bytes(data, id=STDIN_ID, source=STDIN_SOURCE, max_bytes=max_bytes)


def _too_large(size: int, max_bytes: int) -> Quarantined:
    return too_large(size, max_bytes, what="page on standard input", id=STDIN_ID, source=STDIN_SOURCE)
