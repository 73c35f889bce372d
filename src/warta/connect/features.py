"""What the related-article score compares: TF-IDF terms, IDF-weighted entity keys and dates.

Three sparse matrices, one row a document, each row of unit length so that a row product is a
cosine:

- terms: the words of title and body, case folded, without function words and reporting verbs
  (lang/id/connect.toml) or bare numbers, with particles and possessive endings cut (`rumahnya`
  -> `rumah`); weighted by sublinear term frequency x IDF;
- entities: the canonical keys (`PER:Vladimir Putin`), each once, weighted by IDF, so that
  `LOC:Indonesia` in every other article weighs little and `PER:Xi Jinping` much;
- dates: the days the body names (`2023-12-30`, also the days inside a datetime or a range),
  weighted by IDF.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from scipy import sparse

from ..lang import data_toml
from .records import ConnectDoc
from .text import words

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Vocabulary:
    stopwords: frozenset[str]
    suffixes: tuple[str, ...]
    min_stem: int
    # word -> its term ("" for a word the score ignores): a corpus repeats its words
    seen: dict[str, str] = field(default_factory=dict, compare=False, hash=False, repr=False)


@lru_cache(maxsize=2)
def vocabulary(lang: str = "id") -> Vocabulary:
    d = data_toml(lang, "connect.toml")
    return Vocabulary(frozenset(d["stopwords"]), tuple(sorted(d["suffixes"], key=len, reverse=True)),
                      int(d["min_stem"]))


def terms(text: str, vocab: Vocabulary) -> list[str]:
    """Content words of `text`, particles and possessive endings cut."""
    seen = vocab.seen
    out = []
    for w in words(text):
        t = seen.get(w)
        if t is None:
            t = seen[w] = _term(w, vocab)
        if t:
            out.append(t)
    return out


def _term(w: str, vocab: Vocabulary) -> str:
    """One word's term, or "" for a word the score ignores."""
    if len(w) < 3 or w.isdigit() or w in vocab.stopwords:
        return ""
    for suf in vocab.suffixes:
        if w.endswith(suf) and len(w) - len(suf) >= vocab.min_stem:
            w = w[: -len(suf)]
            break
    return "" if w in vocab.stopwords else w


def days(values: Iterable[str]) -> list[str]:
    """The calendar days in ISO date values (a datetime or a range gives the days it names)."""
    return list(dict.fromkeys(d for v in values for d in _DAY.findall(v)))


@dataclass
class Features:
    terms: sparse.csr_matrix  # docs x term vocabulary, rows of unit length
    entities: sparse.csr_matrix  # docs x entity keys, rows of unit length
    dates: sparse.csr_matrix  # docs x days, rows of unit length
    entity_names: list[str]  # column -> key
    entity_col: dict[str, int]  # key -> column
    date_names: list[str]
    entity_idf: np.ndarray
    term_df: np.ndarray  # documents a term occurs in
    entity_df: np.ndarray


def build_features(docs: Sequence[ConnectDoc], lang: str = "id") -> Features:
    vocab = vocabulary(lang)
    n = len(docs)
    term_rows = [_counts(terms(f"{d.title or ''}\n{d.body}", vocab)) for d in docs]
    tmat, _t_names, t_df = _matrix(term_rows, n, sublinear=True)
    emat, e_names, e_df = _matrix([dict.fromkeys(d.entities, 1) for d in docs], n, sublinear=False)
    dmat, d_names, _d_df = _matrix([dict.fromkeys(days(d.dates), 1) for d in docs], n, sublinear=False)
    return Features(tmat, emat, dmat, e_names, {k: j for j, k in enumerate(e_names)}, d_names, _idf(e_df, n),
                    t_df, e_df)


def _counts(tokens: list[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for t in tokens:
        out[t] = out.get(t, 0) + 1
    return out


def _idf(df: np.ndarray, n: int) -> np.ndarray:
    # Smoothed IDF (as scikit-learn's): a key in every document still weighs a little.
    return np.log((1 + n) / (1 + df)) + 1.0


def _matrix(rows: list[dict[str, int]], n: int, sublinear: bool) -> tuple[sparse.csr_matrix, list[str], np.ndarray]:
    """Unit-length TF-IDF rows; columns in order of first appearance (deterministic)."""
    index: dict[str, int] = {}
    indptr, indices, data = [0], [], []
    for row in rows:
        for key, count in row.items():
            indices.append(index.setdefault(key, len(index)))
            data.append(1.0 + math.log(count) if sublinear else 1.0)
        indptr.append(len(indices))
    m = sparse.csr_matrix((np.asarray(data, dtype=np.float32), np.asarray(indices, dtype=np.int32),
                           np.asarray(indptr, dtype=np.int64)), shape=(n, len(index)))
    df = np.bincount(m.indices, minlength=len(index)).astype(np.int64)
    m = m @ sparse.diags(_idf(df, n).astype(np.float32))
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    m = sparse.diags((1.0 / norms).astype(np.float32)) @ m
    return m.tocsr(), list(index), df
