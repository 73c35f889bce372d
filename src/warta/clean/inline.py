"""Clutter inside a paragraph: the pieces that markers, credit labels, initials, photo credits and
promo sentences open, each running as far as its extent rule says.

In flat text (line breaks lost) the whole page is one paragraph, so this is where glued clutter
(`...kemarin. Baca Juga:Judul LainKalimat berikutnya`) comes apart.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import NamedTuple

from ..lang import Lexicon, phrase_key
from .captions import bare_photo_credits, caption_start, photo_credits
from .credits import BRACKET_INITIALS, INITIALS_SLASH, PAREN_SOURCE, PAREN_WORDS, STAR_RED, initials_names, label_extent
from .promo import promo_spans
from .shape import ends_with_terminal
from .spans import Piece
from .titles import title_run_end


_SPACES = re.compile(r"\s+")
_LETTER = re.compile(r"[A-Za-z]")
_URL_HERE = re.compile(r"https?://\S+")


@dataclass
class Found:
    pieces: list[Piece] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)


class Opener(NamedTuple):
    """Where a marker or a label opens a piece."""

    start: int
    body_start: int  # where the marker text ends and its extent begins
    kind: str
    extent: str
    author: bool = False


def openers(text: str, s: int, e: int, lex: Lexicon) -> list[Opener]:
    """Every marker and label in text[s:e], in order; a page is read once, paragraphs then pick
    theirs (`within`)."""
    found: list[Opener] = []
    for m in lex.phrase_re.finditer(text, s, e):
        mk = lex.phrase_markers.get(phrase_key(m.group()))
        if mk is None:  # the `(?![a-z])` tail left a phrase without its colon; look it up bare
            continue
        found.append(Opener(m.start(), m.end(), mk.kind, mk.extent))
    for mk in lex.markers:
        for m in mk.pattern.finditer(text, s, e):
            found.append(Opener(m.start(), m.end(), mk.kind, mk.extent))
    for m in lex.label_re.finditer(text, s, e):
        label = _SPACES.sub(" ", m.group("label")).casefold()
        kind, author = lex.label_kind.get(label, ("credit", True))
        # A label inside a sentence (`... kata editor: ...`) is prose: labels are capitalised.
        if not m.group("label")[0].isupper():
            continue
        found.append(Opener(m.start(), m.end(), kind, "label", author))
    found.sort(key=lambda o: (o.start, -(o.body_start - o.start)))
    out: list[Opener] = []
    for o in found:
        if out and o.start < out[-1].body_start:
            continue  # inside the previous marker's own text (`Baca Juga` in `Baca Juga:`)
        out.append(o)
    return out


def _sentence_end(text: str, start: int, limit: int) -> int:
    m = re.search(r"[.!?](?=\s|$)", text[start:limit])
    return start + m.end() if m else limit


def within(opens: list[Opener], s: int, e: int) -> list[Opener]:
    """The openers that lie inside [s, e)."""
    i = bisect_left(opens, s, key=lambda o: o.start)
    out = []
    while i < len(opens) and opens[i].start < e:
        if opens[i].body_start <= e:
            out.append(opens[i])
        i += 1
    return out


def scan(text: str, s: int, e: int, lex: Lexicon, opens: list[Opener] | None = None) -> Found:
    """Inline clutter of the paragraph text[s:e]; `opens`: the page's openers, if read already."""
    f = Found()
    _markers(text, s, e, lex, f, openers(text, s, e, lex) if opens is None else within(opens, s, e))
    _slash_initials(text, s, e, lex, f)
    # Promos before bylines: `... akhir pekan.(*) Dapatkan informasi ... di Google News` needs
    # the promo found to see that only clutter follows the `(*)`.
    boundaries = [p.end for p in f.pieces]
    for ps, pe in promo_spans(text, s, e, lex, boundaries):
        f.pieces.append(Piece(ps, pe, "promo", "promo-sentence"))
    _end_bylines(text, s, e, lex, f)
    _captions(text, s, e, lex, f)
    return f


def _markers(text: str, s: int, e: int, lex: Lexicon, f: Found, opens: list[Opener]) -> None:
    for i, o in enumerate(opens):
        limit = opens[i + 1].start if i + 1 < len(opens) else e
        if o.extent == "phrase":
            end = o.body_start
        elif o.extent == "rest":
            end = limit
        elif o.extent == "titles":
            end = title_run_end(text, o.body_start, limit, lex)
        elif o.extent == "sentence":
            end = _sentence_end(text, o.body_start, limit)
        else:  # label
            end, names = label_extent(text, o.body_start, limit, lex)
            if o.author and o.kind == "credit":
                f.authors.extend(n for n in names if n.casefold() not in lex.credit_only_lines)
            if o.kind == "caption" and text[o.start - 1:o.start] != "(":
                # `Pesepeda beristirahat di kedai. Foto: Nama/kumparan`: the label ends a caption
                # the way a photo credit in parentheses does (which _captions handles).
                start = caption_start(text, _previous_end(f.pieces, s, o.start), o.start, lex)
                f.pieces.append(Piece(start, max(end, o.body_start), "caption", "caption-label"))
                continue
        f.pieces.append(Piece(o.start, max(end, o.body_start), o.kind, f"marker:{o.extent}"))


def _slash_initials(text: str, s: int, e: int, lex: Lexicon, f: Found) -> None:
    for m in INITIALS_SLASH.finditer(text, s, e):
        inner = m.group(0)
        if inner.count("/") and _LETTER.search(inner) is None and inner != "(/)":
            continue
        f.pieces.append(Piece(m.start(), m.end(), "credit", "initials"))
        f.authors.extend(initials_names(inner, lex))


def _end_bylines(text: str, s: int, e: int, lex: Lexicon, f: Found) -> None:
    """`(eno)`, `(Tim)`, `(Taufik Fajar)`, `(*)`, `[ded]`, `(tirto.id - Pendidikan)`: a byline
    only after a sentence's end and at the end of the paragraph (or before other clutter)."""
    found = [*PAREN_WORDS.finditer(text, s, e), *BRACKET_INITIALS.finditer(text, s, e),
             *PAREN_SOURCE.finditer(text, s, e)]
    for m in sorted(found, key=lambda m: m.start()):
        before = text[s:m.start()].rstrip()
        after = text[m.end():e].strip()
        if not before or not ends_with_terminal(before, lex):
            continue
        if after and not _only_clutter_follows(m.end(), e, f.pieces, text):
            continue
        f.pieces.append(Piece(m.start(), m.end(), "credit", "paren-byline"))
        inner = m.group(0).strip("()[]")
        if m.re is PAREN_SOURCE:
            continue  # an outlet and its section, not a person
        if "/" in inner or m.group(0).startswith("["):
            f.authors.extend(initials_names("(" + inner + ")", lex))
            continue
        if inner != "*" and inner.casefold() not in lex.credit_only_lines and inner.lower() not in ("tim", "red"):
            f.authors.append(inner)
    for m in STAR_RED.finditer(text, s, e):
        f.pieces.append(Piece(m.start(), m.end(), "credit", "star-red"))


def _captions(text: str, s: int, e: int, lex: Lexicon, f: Found) -> None:
    """Photo credits end captions; the caption starts where the walk back says."""
    taken = list(f.pieces)
    for m in [*photo_credits(text, s, e, lex), *bare_photo_credits(text, s, e, lex)]:
        if any(p.start <= m.start() < p.end for p in taken):
            continue
        taken = [p for p in taken if not (m.start() < p.start < m.end())]  # `(Foto: ...)` inside
        start = caption_start(text, _previous_end(taken, s, m.start()), m.start(), lex)
        f.pieces.append(Piece(start, m.end(), "caption", "photo-credit"))


def _previous_end(pieces: list[Piece], lo: int, pos: int) -> int:
    """The end of the last piece before `pos` (a caption does not reach back across clutter)."""
    return max([lo, *(p.end for p in pieces if p.end <= pos)])


def _only_clutter_follows(pos: int, end: int, pieces: list[Piece], text: str) -> bool:
    """Whether everything in text[pos:end] after white space is inside found pieces or a URL."""
    rest = text[pos:end]
    i = pos + (len(rest) - len(rest.lstrip()))
    while i < end:
        p = next((p for p in pieces if p.start <= i < p.end), None)
        if p is not None:
            i = p.end
        else:
            m = _URL_HERE.match(text[i:end])
            if m:
                i += m.end()
            else:
                return False
        while i < end and text[i].isspace():
            i += 1
    return True
