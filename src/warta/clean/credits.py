"""Credit lines: `Penulis: Andi Saputra`, `Editor :Budi`, `(ant/red)`, `(Taufik Fajar)`, `* Red`.

A label is followed by one or more names, each a short run of capitalised words (or one
lowercase handle such as `ahmadhp`), joined by commas or `dan`; a `|` separator may chain more
labels or a date (`Reporter: A | Editor: B | Jumat 21-03-2025,04:05 WIB`). Names go to `authors`
unless the label names a source (`Sumber:`) or the name is a team (`Tim`).
"""

from __future__ import annotations

import re

from ..lang import Lexicon
from .patterns import patterns
from .shape import core, words

# Initials of the writer and editor at the end of a story: `(ant/red)`, `(fsd/fsd)`, `(Ant/Z-1)`,
# `(/)`. Lowercase initials with a slash are unambiguous anywhere; other parenthesised words need
# to stand after a sentence's end, at the end of a paragraph (checked by the caller).
INITIALS_SLASH = re.compile(r"\((?:[A-Za-z][A-Za-z0-9]{0,5}|\*)?(?:\s*/\s*(?:[A-Za-z0-9-]{1,6})?){1,3}\)")
PAREN_WORDS = re.compile(r"\((?:\*|[A-Za-z][A-Za-z.-]{1,12}(?:\s+[A-Z][A-Za-z.'-]{0,15}){0,3})\)")
# `[ded]`, `[tan/mdk]`: initials in square brackets, another house style.
BRACKET_INITIALS = re.compile(r"\[(?:[a-z]{2,6})(?:\s*/\s*[a-z]{2,6}){0,3}\]")
# `(tirto.id - Pendidikan)`: the outlet's domain (and section) closing a story.
PAREN_SOURCE = re.compile(r"\([\w-]+(?:\.[\w-]+)*\.(?:com|id|co\.id|net|co|tv)(?:\s*[-–/]\s*[^()]{1,30})?\)")
STAR_RED = re.compile(r"(?<![^\s])\*\s*(?:Red|RED|red|Redaksi)\b\.?")



_DOMAINISH = re.compile(r"\.(?:com|id|co|net|tv)$", re.I)


def label_extent(text: str, start: int, limit: int, lex: Lexicon) -> tuple[int, list[str]]:
    """From just after a label's colon: the end of the names, and the names."""
    date_bit = patterns(lex).date_bit
    ws = words(text, start, limit)
    names: list[str] = []
    cur: list[str] = []
    end = start
    i = 0
    while i < len(ws):
        w = ws[i]
        t = w.text
        if t in ("|", "-", "–", "—", "·", "•"):
            # a separator: the piece continues only if a date or another label follows
            m = date_bit.match(text, w.start + len(t))
            if m and m.end() <= limit:
                end = m.end()
                break
            if cur:
                names.append(" ".join(cur))
                cur = []
            break
        c = core(t)
        first = not cur and not names
        if not c:
            i += 1
            continue
        if w.glued and not first:
            break  # `MunjinEditor`: the glued word starts something else
        # Names are capitalised words; a short number belongs to a code name (`RC 014`, `Z-1`),
        # a long one is a page counter (`Widodo Bogiarto 4398`).
        name_like = c[0].isupper() or (c[0].isdigit() and len(c) <= 3) or (first and len(c) <= 20 and c.isalnum())
        if cur and c.lower() in lex.name_connectors:
            names.append(" ".join(cur))
            cur = []
            end = w.end
            i += 1
            continue
        if not name_like or len(cur) >= 5:
            break
        if c.lower() in lex.not_name and cur:
            break
        if cur and (c.casefold() in lex.months or c in lex.days or c.capitalize() in lex.days or _DOMAINISH.search(c)):
            break  # `Nadia Kirana Selasa, 3 Juni`, `Ardi Kusumo Grid.ID -`: the name has ended
        if t.startswith("(") and cur:
            break
        cur.append(c)
        end = w.end
        if t.endswith(")"):
            break  # the label sat inside parentheses: `(Foto: Dok. Humas)`
        if t.endswith((",", ";")):
            names.append(" ".join(cur))
            cur = []
            # a comma ends one name; the next word must look like another name to go on
            if i + 1 < len(ws) and not core(ws[i + 1].text)[:1].isupper():
                break
        i += 1
    if cur:
        names.append(" ".join(cur))
    # A trailing `| date` belongs to the same credit line.
    m = date_bit.match(text, end)
    if m and "|" in text[end:m.end()] and m.end() <= limit:
        end = m.end()
    # `Kontributor Lhokseumawe, Masriadi`: a job and a place before the name are not a name
    names = [n.strip(" ,;") for n in names if n.strip(" ,;")]
    return end, [n for n in names if n.split()[0].casefold() not in lex.not_name]


def initials_names(paren: str, lex: Lexicon) -> list[str]:
    """Author initials in `(fyk/ash)`: the parts that are not agency codes."""
    inner = paren.strip("()* ")
    parts = [p.strip() for p in inner.split("/")]
    out = []
    for p in parts:
        if p and p.casefold() not in lex.agency_codes and p not in out:
            out.append(p)
    return out
