"""The shape of words and runs of words: capitalisation, punctuation, glue, sentences.

Headlines and prose differ in shape more than in words: a headline capitalises its content words
and ends without a full stop; prose runs lowercase words between capitalised sentence starts.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..lang import Lexicon

# Where words glued together once line breaks were lost come apart: a lowercase letter or a
# closing quote directly followed by a capital (`InflasiBPJS`, `Warga'Pendangkalan`), or a list
# number glued to a word (`RUPS2. PT`), a sentence glued to the next (`pengundian.Kepala`). Known camel-case brands (`ShopeePay`) also split here;
# the split is only a candidate, used where the prose-resumes test agrees.
# Each branch starts with the character right after the cut, so the engine jumps to capitals and
# digits instead of testing every position.
_GLUE = re.compile(
    r"[A-Z](?:(?<=[a-z\u00e0-\u024f][A-Z])(?=[a-z])|(?<=['’”\"][A-Z])|(?<=[a-z][.!?][A-Z])(?=[a-z]))"
    r"|\d(?<=[A-Za-z]\d)(?=\d?\.(?:\s|$))"
    r"|[“‘](?<=[a-z][“‘])(?=[A-Z])"  # an opening quote glued to the word before (`Ramadan“Kalau`)
)
_WORD = re.compile(r"\S+")


class Word(NamedTuple):
    text: str
    start: int
    end: int
    glued: bool = False  # this word was split off the previous one at a glue point


def words(text: str, start: int = 0, end: int | None = None) -> list[Word]:
    """Words of text[start:end] with absolute offsets, glued words split apart."""
    end = len(text) if end is None else end
    out: list[Word] = []
    glue = [g.start() for g in _GLUE.finditer(text, start, end)]  # one pass, not one per word
    gi = 0
    for m in _WORD.finditer(text, start, end):
        s, e = m.start(), m.end()
        while gi < len(glue) and glue[gi] <= s:
            gi += 1
        prev = s
        while gi < len(glue) and glue[gi] < e:
            out.append(Word(text[prev:glue[gi]], prev, glue[gi], glued=prev > s))
            prev = glue[gi]
            gi += 1
        out.append(Word(text[prev:e], prev, e, glued=prev > s))
    return out


def core(w: str) -> str:
    """The word without surrounding punctuation and quotes."""
    return w.strip("\"'“”‘’«»()[]{}.,;:!?…-–—•*\u2060")


def is_cap(w: str) -> bool:
    c = core(w)
    return bool(c) and (c[0].isupper() or c[0].isdigit())


def is_upper_word(w: str) -> bool:
    c = core(w)
    return len(c) >= 2 and c.isupper()


def is_lower_content(w: str, lex: Lexicon) -> bool:
    """A lowercase word that a Title Case headline would have capitalised."""
    c = core(w)
    if not c or not c[0].isalpha() or not c[0].islower():
        return False
    return c.lower() not in lex.title_lowercase


def ends_sentence(w: str, lex: Lexicon) -> bool:
    t = w.rstrip(lex.closing_quotes)
    return bool(t) and t[-1] in lex.terminal


_LIST_NUMBER = re.compile(r"\d{1,2}\.(?:$|[A-Z])")


def is_list_number(w: str) -> bool:
    """`2.` or `5.Kredivo`: a numbered item of the article's own list."""
    return _LIST_NUMBER.match(w) is not None


def title_case_ratio(ws: list[Word], lex: Lexicon) -> float:
    """Share of content words that are capitalised (digits count as capitalised). Acronyms
    (`KRL`, `NIK`) are left out: they are capitals in a sentence as much as in a headline."""
    content = [w for w in ws if core(w.text) and core(w.text).lower() not in lex.title_lowercase
               and not is_upper_word(w.text)]
    if not content:
        return 0.0
    return sum(is_cap(w.text) for w in content) / len(content)


def ends_with_terminal(s: str, lex: Lexicon) -> bool:
    t = s.rstrip().rstrip(lex.closing_quotes + " ")
    return bool(t) and t[-1] in lex.terminal


# after the stop: closing quotes, or a byline in parentheses (`... pekan.(*) Dapatkan ...`)
_SENT = re.compile(r"(?<=[.!?…])(?:[\"'”’)]|\([^()\s]{1,12}\))*\s+(?=[\"'“‘(]?[A-Z0-9])")


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of text[start:end]: split after terminal punctuation before a capital."""
    out = []
    pos = start
    for m in _SENT.finditer(text, start, end):
        out.append((pos, m.start()))
        pos = m.end()
    if pos < end:
        out.append((pos, end))
    return [(s, e) for s, e in out if text[s:e].strip()]


def is_prose(s: str, lex: Lexicon) -> bool:
    """A paragraph a journalist wrote: a few words ending a sentence, or a long run of words."""
    n = len(s.split())
    return (n >= 6 and ends_with_terminal(s, lex)) or n >= 25


def is_headline_shaped(s: str, lex: Lexicon) -> bool:
    """A line that reads as a headline: 3-25 words, capitalised, no full stop at the end."""
    ws = words(s)
    if not 2 <= len(ws) <= 25:
        return False
    t = s.rstrip()
    if t.endswith((".", ",", ";", ":")) and not t.endswith("..."):
        return False
    return title_case_ratio(ws, lex) >= 0.6 or t.endswith(("?", "!"))
