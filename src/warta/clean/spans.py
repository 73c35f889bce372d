"""Pieces of clutter as character spans of the page text, and the body that is left without them."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass
class Piece:
    """A span of the page text judged clutter. `why` says which rule took it (for debugging)."""

    start: int
    end: int
    kind: str
    why: str = ""


@dataclass(frozen=True)
class Para:
    """A paragraph: a non-blank line of the input, trimmed of surrounding white space."""

    start: int
    end: int


def paragraphs(text: str) -> list[Para]:
    out: list[Para] = []
    pos = 0
    for line in text.split("\n"):
        s = pos
        e = pos + len(line)
        pos = e + 1
        stripped = line.strip()
        if not stripped:
            continue
        lead = len(line) - len(line.lstrip())
        out.append(Para(s + lead, s + lead + len(stripped)))
    return out


def covered(pieces: list[Piece], start: int, end: int) -> bool:
    """Whether [start, end) lies inside already-taken pieces (ignoring white space gaps)."""
    return any(p.start <= start and end <= p.end for p in pieces)


def normalise(pieces: list[Piece], text: str) -> list[Piece]:
    """Sort, resolve overlaps (the earlier piece keeps its kind) and join neighbours of one kind.

    Neighbours are joined when only white space separates them, so a list of headlines under
    `Artikel Terkait` is one removed piece, as a person would describe it.
    """
    ps = sorted((p for p in pieces if p.end > p.start), key=lambda p: (p.start, -p.end))
    out: list[Piece] = []
    for p in ps:
        if out and p.start < out[-1].end:
            if p.end > out[-1].end:
                out[-1].end = p.end
            continue
        gap = text[out[-1].end:p.start] if out else ""
        if out and out[-1].kind == p.kind and not gap.strip():
            out[-1].end = p.end
            continue
        if out and gap.strip() and len(gap.strip()) <= 3 and not re.search(r"\w", gap):
            out[-1].end = p.start  # a lone separator between two pieces (`|`, `•`) goes with them
        out.append(Piece(p.start, p.end, p.kind, p.why))
    # Trim white space inside piece edges: a removed piece is its text, not the space around it.
    for p in out:
        while p.start < p.end and text[p.start].isspace():
            p.start += 1
        while p.end > p.start and text[p.end - 1].isspace():
            p.end -= 1
    return [p for p in out if p.end > p.start]


_ENDS = ".!?…:;,\"'”’)]"
_OPENS = "\"'“‘(["


def body_without(text: str, pieces: list[Piece], flat: bool) -> str:
    """The text with the pieces cut out and nothing else changed.

    Inside a paragraph, a cut leaves one space where words would otherwise touch; paragraphs
    left empty disappear; the rest are joined by a newline (a space for flat text).
    """
    keep: list[str] = []
    pos = 0
    for p in pieces:
        keep.append(text[pos:p.start])
        keep.append("\x00")  # the cut point, resolved below
        pos = p.end
    keep.append(text[pos:])
    joined = "".join(keep)
    lines = []
    for line in joined.split("\n"):
        if "\x00" in line:
            parts = line.split("\x00")
            acc = parts[0]
            for part in parts[1:]:
                if acc and part and not acc[-1].isspace() and not part[0].isspace():
                    # What the cut brings together must not merge: words stay apart, and so do a
                    # sentence's end and the next one (`ujarnya.[caption]Salah` -> `ujarnya. Salah`).
                    if (acc[-1].isalnum() or acc[-1] in _ENDS) and (part[0].isalnum() or part[0] in _OPENS):
                        acc += " "
                elif acc and part and acc[-1].isspace() and part[0].isspace():
                    part = part.lstrip()
                acc += part
            line = acc
        line = line.strip()
        if line:
            lines.append(line)
    return (" " if flat else "\n").join(lines)
