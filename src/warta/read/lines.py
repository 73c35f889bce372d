"""Read a byte stream line by line with a cap on line length, so one huge line cannot fill memory."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

_DRAIN_CHUNK = 1 << 20


def iter_lines(stream: BinaryIO, max_bytes: int, start: int = 0) -> Iterator[tuple[int, bytes | None, int]]:
    """Yield (line number, line without its line break, size in bytes) for each line.

    A line longer than `max_bytes` is skipped in chunks, never held whole: it comes as
    (number, None, size). Numbers start after `start`, 1-based.
    """
    number = start
    while True:
        # Room for the line break (\r\n) so a line of exactly max_bytes is not counted as cut.
        chunk = stream.readline(max_bytes + 2)
        if not chunk:
            return
        number += 1
        if len(chunk) == max_bytes + 2 and not chunk.endswith(b"\n"):
            yield number, None, len(chunk) + _drain_line(stream)
            continue
        line = chunk.rstrip(b"\r\n")
        if len(line) > max_bytes:
            yield number, None, len(line)
        else:
            yield number, line, len(line)


def _drain_line(stream: BinaryIO) -> int:
    """Skip to the end of the current line; return how many bytes were skipped (line break excluded)."""
    skipped = 0
    while True:
        chunk = stream.readline(_DRAIN_CHUNK)
        if not chunk:
            return skipped
        if chunk.endswith(b"\n"):
            return skipped + len(chunk.rstrip(b"\r\n"))
        skipped += len(chunk)


def count_rest(stream: BinaryIO) -> int:
    """Read a stream to its end in chunks and return how many bytes that was."""
    total = 0
    while chunk := stream.read(_DRAIN_CHUNK):
        total += len(chunk)
    return total
