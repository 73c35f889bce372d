"""Sentences and tokens with character offsets, cut the way the NER training data is cut.

The training sets (idner-news-2k, NERGrit, NERP) split punctuation off words, full stops of
abbreviations and initials included (`Dr` `.`), but keep word-internal connectors: `Kompas.com`,
`Jokowi-JK`, `1.000`, `2/12/2014`, `10%`. The same here, plus URLs and e-mail addresses as one token.

Sentences end at `.`, `!`, `?` (with closing quotes or brackets after them) followed by white
space and a capital, digit or opening quote, except after an abbreviation of
`lang/id/entities/abbreviations.txt` or a single capital letter; line breaks always end one.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

_TOKEN = re.compile(
    r"https?://\S+[^\s.,;:!?)\]\"'”’]"  # URL
    r"|www\.\S+[^\s.,;:!?)\]\"'”’]"
    r"|[\w.+-]+@\w+(?:\.\w+)+"  # e-mail
    r"|\d+(?:[.,:/]\d+)+%?"  # 1.000  2,5  2/12/2014  10:30
    r"|\w+(?:[-'’.&]\w+)*%?"  # words, Kompas.com, Jokowi-JK, ke-80, 10%
    r"|\.{2,}|[^\w\s]",  # ellipsis, any other symbol alone
)

_LAST_WORD = re.compile(r"[\w.]+$")
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])|\n+")


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    text = resources.files("warta.lang").joinpath("id", "entities", "abbreviations.txt").read_text(encoding="utf-8")
    return frozenset(ln.strip().casefold() for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) offsets of the tokens of `text[start:end]`, into `text`."""
    return [m.span() for m in _TOKEN.finditer(text, start, len(text) if end is None else end)]


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of `text`, white space trimmed off."""
    abbr = abbreviations()
    out: list[tuple[int, int]] = []
    begin = 0
    for m in _END.finditer(text):
        if m.group(0)[0] == ".":
            # the word before the full stop, looked for in the 40 characters before it, not the sentence
            w = _LAST_WORD.search(text, max(begin, m.start() - 40), m.start())
            word = w.group() if w else ""
            if word and ((len(word) == 1 and word.isupper()) or word.casefold() in abbr):
                continue
        _add(text, begin, m.end(), out)
        begin = m.end()
    _add(text, begin, len(text), out)
    return out


def _add(text: str, s: int, e: int, out: list[tuple[int, int]]) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        out.append((s, e))


def tokenize_sentences(text: str) -> list[list[tuple[int, int]]]:
    """Token offsets (into `text`) grouped by sentence."""
    return [toks for s, e in sentences(text) if (toks := tokenize(text, s, e))]
