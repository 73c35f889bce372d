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
    """Sastrawi's stem of one index term, cached per word type, with the project's guards.

    The cache is two plain containers so that a page's stem text is built by C-level lookups:
    `_seen` holds every word type stemmed so far, `_derived` only those whose stem differs.
    """

    def __init__(self) -> None:
        from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

        # The word-level stemmer under Sastrawi's own cache (which normalises whole texts first).
        self._stem_word = StemmerFactory().create_stemmer().delegatedStemmer.stem_word
        fixed = {w: w for w in _protected_names() | stop_words()}
        fixed.update(_overrides())
        self._fixed_seen = frozenset(fixed)
        self._fixed_derived = {w: s for w, s in fixed.items() if s != w}
        self._reset()

    def _reset(self) -> None:
        self._seen: set[str] = set(self._fixed_seen)
        self._derived: dict[str, str] = dict(self._fixed_derived)

    def stem(self, word: str) -> str:
        found = self._derived.get(word)
        if found is not None:
            return found
        if word in self._seen:
            return word
        if len(self._seen) >= _STEM_CACHE_LIMIT:
            self._reset()
        return self._compute(word)

    def _compute(self, word: str) -> str:
        if len(word) <= 3 or not word.isalpha():
            # Numbers, codes (`rp1`, `covid19`) and short words have no affixes to strip.
            stem = word
        else:
            stem = self._stem_word(word) or word
            if " " in stem or not stem.isalpha():
                stem = word
        self._seen.add(word)
        if stem != word:
            self._derived[word] = stem
        return stem

    def learned(self) -> list[tuple[str, str]]:
        """Every word type stemmed so far, with its stem ("" where the word is its own stem)."""
        return sorted((w, self._derived.get(w, "")) for w in self._seen.difference(self._fixed_seen))

    def learn(self, pairs: list[tuple[str, str]]) -> None:
        """Take stems computed before (by `learned`, under the same stemming data) into the cache."""
        if len(self._seen) + len(pairs) >= _STEM_CACHE_LIMIT:
            return
        for word, stem in pairs:
            if word not in self._seen:
                self._seen.add(word)
                if stem and stem != word:
                    self._derived[word] = stem

    def derived_stems(self, terms: list[str]) -> str:
        """The stems of the words that are not their own stem, space-joined: a stem field's text.

        Only derived words are listed (`kebanjiran` gives `banjir`, `banjir` gives nothing): the
        plain field already holds the root words, and the stem field stays small.
        """
        if len(self._seen) >= _STEM_CACHE_LIMIT:
            self._reset()
        for word in set(terms).difference(self._seen):
            self._compute(word)
        return " ".join(filter(None, map(self._derived.get, terms)))


@lru_cache(maxsize=1)
def shared_stemmer() -> Stemmer:
    return Stemmer()
