"""A hit's snippet: the passage of the body where the query's words gather, with their spans.

Spans are character offsets into the snippet text as returned (not HTML: the caller escapes and
marks). A word is highlighted where the index would have matched it: the form typed, or, for a
word outside quotes, any word with the same stem (`kebanjiran` for `banjir`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .analysis import Stemmer, words
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
        # Only the words of a text that hold a query word or a core are looked at: one regular
        # expression finds them, instead of a Python loop over every word of the page.
        pieces = set(cores) | self.exact
        pieces = sorted((p for p in pieces if not any(q != p and q in p for q in pieces)), key=len, reverse=True)
        self._piece_re = re.compile("|".join(map(re.escape, pieces))) if pieces else None

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
        if self._piece_re is None:
            return []
        out = []
        last_end = -1
        low = text.lower()
        if len(low) != len(text):  # a letter whose lower case is longer (rare): offsets must hold
            low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        for m in self._piece_re.finditer(low):
            a, b = m.start(), m.end()
            if a < last_end:
                continue  # inside the word just looked at
            while a > 0 and text[a - 1].isalnum():
                a -= 1
            while b < len(text) and text[b].isalnum():
                b += 1
            last_end = b
            terms = words(text[a:b])  # the word as the index has it (lower case, folded)
            if len(terms) == 1 and (k := self.key(terms[0])) is not None:
                out.append((a, b, k))
        return out


def highlight_title(title: str, hl: Highlighter) -> list[tuple[int, int]]:
    return [(a, b) for a, b, _k in hl.spans(title)]


def make_snippet(body: str, hl: Highlighter, width: int = SNIPPET_CHARS) -> Snippet:
    matches = hl.spans(body)[:_MAX_MATCHES] if not hl.is_empty else []
    if not matches:
        return _cut(body, 0, width, [])
    # The window (opening a little before a match) holding the most distinct query words, then the
    # most matches; the first such. Both window edges only move forward: one pass over the matches.
    best_start, best_score = 0, (-1, -1)
    counts: dict[str, int] = {}
    lo = hi = 0
    for a, _b, _k in matches:
        start = max(0, a - _LEAD_CHARS)
        while hi < len(matches) and matches[hi][1] <= start + width:
            counts[matches[hi][2]] = counts.get(matches[hi][2], 0) + 1
            hi += 1
        while lo < hi and matches[lo][0] < start:
            key = matches[lo][2]
            counts[key] -= 1
            if not counts[key]:
                del counts[key]
            lo += 1
        score = (len(counts), hi - lo)
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
