"""Text as the duplicate finder compares it: normalised words, a body hash, word-shingle hashes.

Normalisation (NFKC, case folded, words only) makes two copies of a story equal when they
differ only in case, punctuation, quotes or white space, which is what survives syndication
and re-cleaning. Hashes are stable across processes and machines (blake2b), never Python's
salted `hash`, so the same corpus always gives the same clusters.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

import numpy as np

_WORD = re.compile(r"[^\W_]+")
_MASK64 = np.uint64(0xFFFFFFFFFFFFFFFF)
# Multipliers of the polynomial shingle hash and of the final mix (odd, from splitmix64).
_POLY = np.uint64(0x9E3779B97F4A7C15)
_MIX1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX2 = np.uint64(0x94D049BB133111EB)


def words(text: str) -> list[str]:
    """The text's words, NFKC-normalised and case folded; punctuation and spacing dropped."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def body_hash(tokens: list[str]) -> str:
    """The exact-duplicate key: a hash of the normalised words."""
    return hashlib.blake2b(" ".join(tokens).encode("utf-8"), digest_size=16).hexdigest()


class WordHasher:
    """Stable 64-bit word hashes, each word hashed once per corpus (a cache, not a vocabulary)."""

    def __init__(self) -> None:
        self._cache: dict[str, int] = {}

    def __call__(self, tokens: list[str]) -> np.ndarray:
        cache = self._cache
        missing = [t for t in dict.fromkeys(tokens) if t not in cache]
        for tok in missing:
            cache[tok] = int.from_bytes(hashlib.blake2b(tok.encode("utf-8"), digest_size=8).digest(), "little")
        return np.fromiter(map(cache.__getitem__, tokens), dtype=np.uint64, count=len(tokens))


def shingle_hashes(word_hashes: np.ndarray, size: int) -> np.ndarray:
    """The sorted, unique 32-bit hashes of the text's `size`-word shingles.

    A text shorter than `size` words is one shingle of all its words. The shingle hash is a
    polynomial over the word hashes (wrapping in 64 bits) passed through the splitmix64
    finaliser; its high 32 bits are kept, the width datasketch's permutations expect.
    """
    n = len(word_hashes)
    if n == 0:
        return np.empty(0, dtype=np.uint32)
    size = min(size, n)
    count = n - size + 1
    with np.errstate(over="ignore"):
        acc = word_hashes[:count].copy()
        for j in range(1, size):
            acc = acc * _POLY + word_hashes[j : j + count]
        acc ^= acc >> np.uint64(30)
        acc *= _MIX1
        acc ^= acc >> np.uint64(27)
        acc *= _MIX2
        acc ^= acc >> np.uint64(31)
    return np.unique((acc >> np.uint64(32)).astype(np.uint32))


def jaccard_and_containment(a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    """Jaccard similarity and containment (shared / smaller set) of two sorted unique hash sets."""
    if len(a) == 0 or len(b) == 0:
        return 0.0, 0.0
    shared = len(np.intersect1d(a, b, assume_unique=True))
    return shared / (len(a) + len(b) - shared), shared / min(len(a), len(b))
