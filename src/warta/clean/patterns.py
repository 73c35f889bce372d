"""Regular expressions built from a language's data (day and month names, credit labels).

Built once per Lexicon and cached, so the logic modules never spell a word of the language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lang import Lexicon


@dataclass(frozen=True)
class Patterns:
    date_bit: re.Pattern[str]  # `| Jumat 21-03-2025,04:05 WIB` after a byline
    date_only: re.Pattern[str]  # a paragraph that is a date and nothing else
    glued_label: re.Pattern[str]  # `EditorEdwin Fajerial`: an author label glued to the name


def _alt(words: list[str] | tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=4)
def _build(days: tuple[str, ...], months: tuple[str, ...], zones: tuple[str, ...], labels: tuple[str, ...]) -> Patterns:
    day = f"(?:{_alt(days)})"
    month = f"(?:{_alt(months)})"
    zone = f"(?:{_alt(zones)})"
    date = rf"\d{{1,2}}(?:[-/.]\d{{1,2}}[-/.]|\s+{month}\.?\s+)\d{{2,4}}"
    time = rf"\d{{1,2}}[:.]\d{{2}}(?:\s*{zone})?"
    return Patterns(
        date_bit=re.compile(rf"\s*\|?\s*(?:{day},?\s*)?{date}(?:\s*[,|-]?\s*{time})?", re.I),
        date_only=re.compile(
            rf"(?:[A-Za-z.]+\s*[-|,]\s*)?(?:{day}\s*,?\s*)?(?:{date}|\d{{1,2}}\s+{month}\s+\d{{4}})"
            rf"(?:\s*[,|-]?\s*(?:pukul\s*)?{time})?\s*{zone}?\s*",
            re.I,
        ),
        glued_label=re.compile(rf"(?:{_alt(labels)})(?=[A-Z][a-z])"),
    )


_BY_LEXICON: dict[int, Patterns] = {}


def patterns(lex: Lexicon) -> Patterns:
    got = _BY_LEXICON.get(id(lex))
    if got is None:
        got = _BY_LEXICON[id(lex)] = _build(lex.days, tuple(lex.months), tuple(lex.zones), lex.author_labels)
    return got
