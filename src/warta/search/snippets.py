"""A hit's snippet: the passage of the body where the query's words gather, with their spans.

Spans are character offsets into the snippet text as returned (not HTML: the caller escapes and
marks). A word is highlighted where the index would have matched it: the form typed, or, for a
word outside quotes, any word with the same stem (`kebanjiran` for `banjir`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .analysis import Stemmer, word_analyzer
from .query import ParsedQuery

SNIPPET_CHARS = 240
_LEAD_CHARS = 60  # context kept before the first highlighted word
_ELLIPSIS = "…"
_MAX_MATCHES = 400  # matches considered when placing the window: bounded work on long pages


@dataclass
class Snippet:
    text: str
    highlights: list[tuple[int, int]] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"text": self.text, "highlights": [list(h) for h in self.highlights]}


class Highlighter:
    def __init__(self, parsed: ParsedQuery, stemmer: Stemmer) -> None:
        self._stemmer = stemmer
        clauses = [c for g in parsed.groups for c in g if not c.negated]
        content = [c for c in clauses if not c.is_stop_word] or clauses
        self.exact = frozenset(t for c in content for t in c.terms)
        self.stems = frozenset(stemmer.stem(t) for c in content if not c.exact for t in c.terms)
        # A word sharing a stem contains the stem less its first letter, which prefixes may
        # change (`pukul` -> `memukul`, `tangkap` -> `menangkap`): only such words are stemmed.
        cores = sorted({s[1:] if len(s) >= 4 else s for s in self.stems}, key=len, reverse=True)
        self._core_re = re.compile("|".join(map(re.escape, cores))) if cores else None

    @property
    def is_empty(self) -> bool:
        return not self.exact and not self.stems

    def key(self, term: str) -> str | None:
        """Which query word `term` stands for (its stem or itself), or None when it is no match."""
        if term in self.exact:
            return self._stemmer.stem(term)
        if self._core_re is not None and len(term) > 3 and self._core_re.search(term):
            stem = self._stemmer.stem(term)
            if stem in self.stems:
                return stem
        return None

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        out = []
        for tok in word_analyzer().pre_tokenize(text).tokens:
            k = self.key(tok.text)
            if k is not None:
                out.append((tok.char_offset_from, tok.char_offset_to, k))
        return out


def highlight_title(title: str, hl: Highlighter) -> list[tuple[int, int]]:
    return [(a, b) for a, b, _k in hl.spans(title)]


def make_snippet(body: str, hl: Highlighter, width: int = SNIPPET_CHARS) -> Snippet:
    matches = hl.spans(body)[:_MAX_MATCHES] if not hl.is_empty else []
    if not matches:
        return _cut(body, 0, width, [])
    best_start, best_score = 0, (-1, -1)
    for a, _b, _k in matches:
        start = max(0, a - _LEAD_CHARS)
        inside = [m for m in matches if m[0] >= start and m[1] <= start + width]
        score = (len({m[2] for m in inside}), len(inside))
        if score > best_score:
            best_start, best_score = start, score
    return _cut(body, best_start, width, matches)


def _cut(body: str, start: int, width: int, matches: list[tuple[int, int, str]]) -> Snippet:
    end = min(len(body), start + width)
    # Whole words only: step forward to a word start, back to a word end.
    if start > 0:
        while start < end and not body[start - 1].isspace():
            start += 1
    if end < len(body):
        cut = body.rfind(" ", start, end)
        if cut > start:
            end = cut
    text = body[start:end].strip()
    lead = start + (len(body[start:end]) - len(body[start:end].lstrip()))
    prefix = _ELLIPSIS if lead > 0 else ""
    suffix = _ELLIPSIS if lead + len(text) < len(body.rstrip()) else ""
    shift = len(prefix) - lead
    spans = [(a + shift, b + shift) for a, b, _k in matches if a >= lead and b <= lead + len(text)]
    # Line breaks become spaces one for one, so the offsets stay right.
    flat = text.translate(_FLATTEN)
    return Snippet(prefix + flat + suffix, spans)


_FLATTEN = str.maketrans({"\n": " ", "\r": " ", "\t": " "})
