"""Template paragraphs an outlet repeats on its pages, learned from the corpus itself.

A line such as `Dapatkan Berita Pilihan di WhatsApp Anda` or an outlet's own menu words stands
on every page of that outlet. Where a corpus holds several pages of one outlet (one host), the
short paragraphs found on many of its distinct pages are its template's, whatever the words: a
signal that needs no marker list and so reaches templates nobody wrote rules for.

Only paragraphs of text with line breaks are learned (flat text has no paragraphs to compare),
exact duplicate pages count once (a syndicated story is not a template), and long paragraphs
that read as sentences are never taken (a background paragraph recycled across a story's
follow-ups is the journalist's).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from itertools import chain
from typing import Any
from dataclasses import dataclass, field

from ..lang import Lexicon, load
from .regions import line_kind
from .shape import ends_with_terminal
from .spans import Piece, paragraphs

_DIGITS = re.compile(r"\d+")
_SPACE = re.compile(r"\s+")

MIN_DOCS = 3  # a paragraph on at least this many distinct pages of one host...
MIN_SHARE = 0.2  # ...and on at least this share of them
MAX_WORDS = 30  # template paragraphs are short
SENTENCE_WORDS = 12  # above this, a paragraph ending a sentence is taken for prose


def _key(s: str) -> str:
    return _SPACE.sub(" ", _DIGITS.sub("0", s.casefold())).strip()


def _eligible(s: str, lex: Lexicon) -> bool:
    n = len(s.split())
    if n == 0 or n > MAX_WORDS:
        return False
    return n <= SENTENCE_WORDS or not ends_with_terminal(s, lex)


@dataclass
class TemplateLines:
    """Counts paragraphs per host while learning; then names the repeated ones as clutter."""

    docs: Counter[str] = field(default_factory=Counter)
    counts: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    _seen: set[bytes] = field(default_factory=set)
    _frozen: dict[str, frozenset[str]] | None = None

    def learn(self, text: str, host: str | None) -> None:
        if self._frozen is not None:
            raise RuntimeError("TemplateLines is frozen: learn from a sample first, then apply")
        digest = hashlib.blake2b(text.encode("utf-8", "replace"), digest_size=16).digest()
        if digest in self._seen:
            return
        self._seen.add(digest)
        paras = paragraphs(text)
        if len(paras) < 2:
            return  # flat text: nothing to compare paragraph by paragraph
        lex = load()
        h = host or ""
        self.docs[h] += 1
        keys = {_key(text[p.start:p.end]) for p in paras if _eligible(text[p.start:p.end], lex)}
        self.counts[h].update(keys)

    def freeze(self) -> TemplateLines:
        self._frozen = {}
        for h, counter in self.counts.items():
            need = max(MIN_DOCS, MIN_SHARE * self.docs[h])
            self._frozen[h] = frozenset(k for k, n in counter.items() if n >= need)
        return self

    def lines_for(self, host: str | None) -> frozenset[str]:
        if self._frozen is None:
            self.freeze()
        assert self._frozen is not None
        return self._frozen.get(host or "", frozenset())

    def pieces(self, text: str, host: str | None, lex: Lexicon | None = None) -> list[Piece]:
        """The page's paragraphs that its host's template repeats, as clutter pieces."""
        known = self.lines_for(host)
        if not known:
            return []
        lex = lex or load()
        out = []
        for p in paragraphs(text):
            s = text[p.start:p.end]
            if _eligible(s, lex) and _key(s) in known:
                out.append(Piece(p.start, p.end, line_kind(s, lex) or "other", "corpus-repetition"))
        return out


# Records read ahead to learn each outlet's template paragraphs before cleaning any of them.
WARMUP_DOCS = 2000
WARMUP_BYTES = 16_000_000
# If the first records hold hardly any text pages (an HTML or WARC corpus), stop reading ahead:
# HTML pages are not learned from, and holding them would only cost memory.
PROBE_DOCS = 100
MIN_TEXT_SHARE = 0.1


def learn_ahead(items: Iterable[Any], host_of: Any, max_docs: int = WARMUP_DOCS,
                max_bytes: int = WARMUP_BYTES) -> tuple[TemplateLines, Iterator[Any]]:
    """Read the first records of a stream (bounded by count and size), learn the templates from
    the text ones among them, and give back the whole stream, in order, with nothing lost.

    Items are RawDoc-like (`kind`, `content`, `url`); anything else passes through untouched.
    The learned templates depend only on the stream's first records, so a rerun over the same
    input gives the same output.
    """
    it = iter(items)
    buffered: list[Any] = []
    size = 0
    texts = 0
    for item in it:
        buffered.append(item)
        size += len(getattr(item, "content", "") or "")
        texts += getattr(item, "kind", None) == "text"
        if len(buffered) >= max_docs or size >= max_bytes:
            break
        if len(buffered) == PROBE_DOCS and texts < MIN_TEXT_SHARE * PROBE_DOCS:
            break
    templates = TemplateLines()
    for item in buffered:
        if getattr(item, "kind", None) == "text":
            templates.learn(item.content, host_of(item.url))
    return templates.freeze(), chain(buffered, it)
