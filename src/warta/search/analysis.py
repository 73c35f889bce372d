"""How search cuts text into words and finds a word's stem: one place, used at indexing and at query time.

Words: tantivy's simple tokenizer (runs of letters and digits), lower-cased and folded to ASCII
(`Café` -> `cafe`), words over 40 characters dropped. The same analyzer object cuts the pages
(inside tantivy) and the queries (here), so a query word is always an index term.

Stems: tantivy has no Indonesian stemmer, so stems come from Sastrawi (Nazief-Adriani with
Indonesian's root-word dictionary: `kebanjiran` -> `banjir`, `penangkapan` -> `tangkap`), looked
up once per word type and cached, since a corpus repeats its words. Three guards, all data:
names in the entity gazetteer are never stemmed (`Bekasi` is a city, not `bekas`), nor are
function words (`lang/id/search-stopwords.txt`: `secara` is not `cara`), and
`lang/id/search-stems.tsv` overrides stems that would join unrelated words (`pemerintah` is not
`perintah`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import lru_cache

from tantivy import Filter, TextAnalyzer, TextAnalyzerBuilder, Tokenizer

from ..lang import data_lines

MAX_WORD_CHARS = 40
_STEM_CACHE_LIMIT = 1_000_000  # word types; past this the cache starts over (bounded memory)


@lru_cache(maxsize=1)
def word_analyzer() -> TextAnalyzer:
    """The analyzer of the `title` and `body` fields (registered under `ANALYZER_WORDS`)."""
    return (TextAnalyzerBuilder(Tokenizer.simple())
            .filter(Filter.remove_long(MAX_WORD_CHARS))
            .filter(Filter.lowercase())
            .filter(Filter.ascii_fold())
            .build())


@lru_cache(maxsize=1)
def key_analyzer() -> TextAnalyzer:
    """A whole value as one lower-cased term: outlet names and entity keys match case-insensitively."""
    return TextAnalyzerBuilder(Tokenizer.raw()).filter(Filter.lowercase()).build()


@lru_cache(maxsize=1)
def stem_analyzer() -> TextAnalyzer:
    """The stem fields hold stems joined by spaces, computed here in Python."""
    return TextAnalyzerBuilder(Tokenizer.whitespace()).build()


def words(text: str) -> list[str]:
    return word_analyzer().analyze(text)


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    return frozenset(data_lines("id", "search-stopwords.txt"))


@lru_cache(maxsize=1)
def _overrides() -> dict[str, str]:
    out = {}
    for line in data_lines("id", "search-stems.tsv"):
        word, stem = line.split("\t")
        out[word.strip()] = stem.strip()
    return out


@lru_cache(maxsize=1)
def _protected_names() -> frozenset[str]:
    """One-word names of the entity gazetteer, as index terms: never stemmed."""
    from ..understand.ner.gazetteer import gazetteer

    out = set()
    for key in gazetteer().entries:
        if len(key) == 1:
            out.update(words(key[0]))
    return frozenset(out)


@lru_cache(maxsize=1)
def stemming_fingerprint() -> str:
    """Changes when anything that decides a stem changes: the index keeps it and rebuilds on a change."""
    import importlib.metadata as md

    h = hashlib.sha256()
    h.update(md.version("pysastrawi").encode())
    for word, stem in sorted(_overrides().items()):
        h.update(f"{word}\t{stem}\n".encode())
    for word in sorted(_protected_names() | stop_words()):
        h.update(word.encode() + b"\n")
    return h.hexdigest()[:16]


class Stemmer:
    """Sastrawi's stem of one index term, cached per word type, with the project's guards."""

    def __init__(self) -> None:
        from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

        # The word-level stemmer under Sastrawi's own cache (which normalises whole texts first).
        self._stem_word = StemmerFactory().create_stemmer().delegatedStemmer.stem_word
        self._cache: dict[str, str] = dict(_overrides())
        self._fixed = dict(self._cache)
        for word in _protected_names() | stop_words():
            self._cache.setdefault(word, word)
        self._fixed.update(self._cache)

    def stem(self, word: str) -> str:
        found = self._cache.get(word)
        if found is not None:
            return found
        if len(word) <= 3 or not word.isalpha():
            # Numbers, codes (`rp1`, `covid19`) and short words have no affixes to strip.
            stem = word
        else:
            stem = self._stem_word(word) or word
            if " " in stem or not stem.isalpha():
                stem = word
        if len(self._cache) >= _STEM_CACHE_LIMIT:
            self._cache = dict(self._fixed)
        self._cache[word] = stem
        return stem

    def derived_stems(self, terms: Iterable[str]) -> str:
        """The stems of the words that are not their own stem, space-joined: a stem field's text.

        Only derived words are listed (`kebanjiran` gives `banjir`, `banjir` gives nothing): the
        plain field already holds the root words, and the stem field stays small.
        """
        stem = self.stem
        return " ".join(s for t in terms if (s := stem(t)) != t)


@lru_cache(maxsize=1)
def shared_stemmer() -> Stemmer:
    return Stemmer()
