"""Photo and video captions: `Lambang PBB di New York. (Instagram.com/unitednations)`.

A caption ends in a photo credit in parentheses (a photo word, or a `source/photographer` pair,
or a domain). In flat text its start is found by walking back: to a caption opener
(`Ilustrasi ...`), to where the caption repeats the subheading before it (product listings repeat
the item name under its photo), or to the previous sentence's end.
"""

from __future__ import annotations

import re

from ..lang import Lexicon
from .credits import INITIALS_SLASH
from .shape import core, ends_sentence, is_list_number, words

_PAREN = re.compile(r"\(([^()]{2,90})\)")
_FIRST_WORD = re.compile(r"[\s:/.]")
_TWO_LETTERS = re.compile(r"[A-Za-z]{2}")
_DOMAIN_IN = re.compile(r"\b[\w-]+\.(?:com|id|co)\b")
MAX_CAPTION_WORDS = 40


def is_photo_credit(inner: str, lex: Lexicon) -> bool:
    s = inner.strip()
    if INITIALS_SLASH.fullmatch(f"({s})"):
        # `(fsd/fsd)` is a byline, `(AFP/Kiran RIDLEY)` a photo credit: the latter has a space,
        # a long part or a photo word.
        parts = [p.strip() for p in s.split("/")]
        if all(len(p) <= 6 and " " not in p for p in parts) and not any(p in lex.photo_credit_words for p in parts):
            return False
    first = _FIRST_WORD.split(s, maxsplit=1)[0]
    if first in lex.photo_credit_words:
        return True
    return "/" in s and (_TWO_LETTERS.search(s) is not None or _DOMAIN_IN.search(s) is not None)


def photo_credits(text: str, start: int, end: int, lex: Lexicon) -> list[re.Match[str]]:
    return [m for m in _PAREN.finditer(text, start, end) if is_photo_credit(m.group(1), lex)]


# `... di Jakarta, Senin (19/5). Katadata/Rizky Ramadhan`, `... Lebaran. FOTO/dok.SINDOnews`:
# a source and a photographer joined by a slash, right after a sentence, with no parentheses.
_BARE_CREDIT = re.compile(r"(?<=[.!?] )(?:FOTO|Foto|[A-Z][\w.]{2,25})\s*/\s*(?:[A-Z][\w.]*|dok\.?\w*|[a-z]{3,15})(?:\s[A-Z][a-z][\w.]*)?")


def bare_photo_credits(text: str, start: int, end: int, lex: Lexicon) -> list[re.Match[str]]:
    """Photo credits without parentheses; the word before the slash must be a photo word or a
    known outlet (`Katadata/Nama`), so that `Jakarta/Bogor` in prose is not one."""
    out = []
    for m in _BARE_CREDIT.finditer(text, start, end):
        source = m.group().split("/")[0].strip()
        if source in ("FOTO", "Foto") or source in lex.photo_credit_words or source.casefold() in lex.outlet_by_alias:
            out.append(m)
    return out


def caption_start(text: str, lo: int, paren_start: int, lex: Lexicon) -> int:
    """Where the caption ending at `paren_start` begins, not before `lo`."""
    ws = words(text, max(lo, paren_start - MAX_CAPTION_WORDS * 15), paren_start)
    if not ws:
        return paren_start
    # Back to the previous sentence end, skipping the one right before the credit.
    i = len(ws) - 1
    first = max(0, len(ws) - MAX_CAPTION_WORDS)
    b = first
    for k in range(len(ws) - 2, first - 1, -1):
        if ends_sentence(ws[k].text, lex) and not is_list_number(ws[k].text):
            b = k + 1
            break
    window = ws[b:i + 1]
    # A caption opener inside the window marks the start.
    for k, w in enumerate(window):
        if any(text.startswith(op, w.start) for op in lex.caption_openers) and k > 0:
            return w.start
    # The caption repeats the words just before it (the item's name above its photo).
    texts = [core(w.text) for w in window]
    n = len(texts)
    for k in range(1, n):
        m = n - k
        if m <= k and texts[k:] == texts[k - m:k]:
            return window[k].start
    # A list number opens the item: keep the number with the article, take the rest.
    if window and is_list_number(window[0].text) and len(window) > 1:
        return window[1].start
    return window[0].start if window else paren_start
