"""Each article's most related articles in the corpus, with the score and the reasons for it.

Score of a pair (each part a cosine in [0, 1], see features.py):

    score = (w_text * terms + w_entities * entities + w_dates * dates) * time

where `time` is 1 when either publication day is unknown, and 0.5 + 0.5 * exp(-days apart /
`days_scale`) when both are known: a follow-up a week later still counts, a story of another
year counts half. A pair below `min_score` is not listed, so an article with nothing related
gets an empty list rather than its least unrelated neighbours.

Candidates come from an inverted index, never from all pairs: each article looks up its
`query_features` heaviest entity keys and terms among the articles that share them, skipping
keys more than `max_posting` articles share (too common to single out a story), and keeps the
`candidates` best by that rough overlap; only those are scored in full. Duplicates of the
article are left out (they are listed as duplicates), and of a duplicate cluster only its best
scoring member is listed. The parameters and their measurements: docs/connect.md.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from .features import Features, days
from .records import ConnectDoc, RelatedRow


@dataclass(frozen=True)
class RelatedParams:
    w_text: float = 0.5
    w_entities: float = 0.4
    w_dates: float = 0.1
    days_scale: float = 30.0
    min_score: float = 0.14
    candidates: int = 40
    query_features: int = 24
    max_posting: int = 2000
    chunk: int = 512  # rows of the candidate product computed at once (bounds its memory)


DEFAULT_RELATED = RelatedParams()


@dataclass(frozen=True)
class ScoredPair:
    a: int
    b: int
    score: float
    text: float
    entities: float
    dates: float
    days_apart: int | None


def find_related(docs: Sequence[ConnectDoc], feats: Features, cluster_of: dict[str, str], k: int,
                 params: RelatedParams = DEFAULT_RELATED) -> list[list[ScoredPair]]:
    """For each document (in `docs` order), its up to `k` best pairs, best first."""
    n = len(docs)
    if n < 2 or k <= 0:
        return [[] for _ in docs]
    cluster = _cluster_index(docs, cluster_of)
    published = _published_days(docs)
    index, query = _candidate_matrices(feats, params)
    index_t = index.T.tocsr()
    out: list[list[ScoredPair]] = []
    for start in range(0, n, params.chunk):
        stop = min(n, start + params.chunk)
        overlap = (query[start:stop] @ index_t).tocsr()
        overlap.sort_indices()  # columns in document order: ties are broken by it
        rows_a, rows_b = _top_candidates(overlap, start, cluster, params.candidates)
        scored = _score(rows_a, rows_b, feats, published, params)
        by_doc: dict[int, list[ScoredPair]] = {i: [] for i in range(start, stop)}
        for pair in scored:
            by_doc[pair.a].append(pair)
        for i in range(start, stop):
            out.append(_best(by_doc[i], docs, cluster, k, params.min_score))
    return out


def _cluster_index(docs: Sequence[ConnectDoc], cluster_of: dict[str, str]) -> np.ndarray:
    ids: dict[str, int] = {}
    return np.array([ids.setdefault(cluster_of[d.id], len(ids)) if d.id in cluster_of else -1 - i
                     for i, d in enumerate(docs)], dtype=np.int64)


def _published_days(docs: Sequence[ConnectDoc]) -> np.ndarray:
    out = np.full(len(docs), np.nan)
    for i, d in enumerate(docs):
        if d.published:
            try:
                out[i] = dt.date.fromisoformat(d.published[:10]).toordinal()
            except ValueError:
                pass
    return out


def _candidate_matrices(feats: Features, p: RelatedParams) -> tuple[sparse.csr_matrix, sparse.csr_matrix]:
    """The index (entity keys and terms shared by 2..max_posting docs) and each doc's query: the
    `query_features` heaviest of its own index entries."""
    both = sparse.hstack([feats.entities, feats.terms], format="csr")
    df = np.concatenate([feats.entity_df, feats.term_df])
    usable = (df >= 2) & (df <= p.max_posting)
    index = (both @ sparse.diags(usable.astype(np.float32))).tocsr()
    index.eliminate_zeros()
    query = index.copy()
    for i in range(query.shape[0]):
        lo, hi = query.indptr[i], query.indptr[i + 1]
        if hi - lo > p.query_features:
            row = query.data[lo:hi]
            cut = np.partition(row, hi - lo - p.query_features)[hi - lo - p.query_features]
            row[row < cut] = 0.0
    query.eliminate_zeros()
    return index, query


def _top_candidates(overlap: sparse.csr_matrix, start: int, cluster: np.ndarray,
                    limit: int) -> tuple[np.ndarray, np.ndarray]:
    rows_a: list[np.ndarray] = []
    rows_b: list[np.ndarray] = []
    for r in range(overlap.shape[0]):
        i = start + r
        lo, hi = overlap.indptr[r], overlap.indptr[r + 1]
        cols, vals = overlap.indices[lo:hi], overlap.data[lo:hi]
        keep = cluster[cols] != cluster[i]  # itself and its duplicates
        cols, vals = cols[keep], vals[keep]
        if len(cols) > limit:
            # The `limit` largest overlaps; ties at the cut broken by column (document order), so
            # the same corpus gives the same candidates.
            cut = np.partition(vals, len(vals) - limit)[len(vals) - limit]
            above = vals > cut
            at = np.flatnonzero(vals == cut)[: limit - int(above.sum())]
            cols = np.sort(np.concatenate([cols[above], cols[at]]))
        rows_a.append(np.full(len(cols), i, dtype=np.int64))
        rows_b.append(cols.astype(np.int64))
    return np.concatenate(rows_a), np.concatenate(rows_b)


def _rowwise_dot(m: sparse.csr_matrix, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    if len(a) == 0:
        return np.zeros(0)
    return np.asarray(m[a].multiply(m[b]).sum(axis=1)).ravel()


def _score(a: np.ndarray, b: np.ndarray, feats: Features, published: np.ndarray,
           p: RelatedParams) -> list[ScoredPair]:
    text = _rowwise_dot(feats.terms, a, b)
    ents = _rowwise_dot(feats.entities, a, b)
    dates = _rowwise_dot(feats.dates, a, b)
    apart = np.abs(published[a] - published[b])
    known = ~np.isnan(apart)
    time = np.where(known, 0.5 + 0.5 * np.exp(-np.where(known, apart, 0) / p.days_scale), 1.0)
    score = (p.w_text * text + p.w_entities * ents + p.w_dates * dates) * time
    keep = np.flatnonzero(score >= p.min_score)  # rows only for the pairs that can be listed
    return [
        ScoredPair(int(a[j]), int(b[j]), round(float(score[j]), 4), round(float(text[j]), 4),
                   round(float(ents[j]), 4), round(float(dates[j]), 4), int(apart[j]) if known[j] else None)
        for j in keep
    ]


def _best(pairs: list[ScoredPair], docs: Sequence[ConnectDoc], cluster: np.ndarray, k: int,
          min_score: float) -> list[ScoredPair]:
    pairs = sorted((q for q in pairs if q.score >= min_score), key=lambda q: (-q.score, docs[q.b].id))
    seen: set[int] = set()
    out = []
    for q in pairs:
        if cluster[q.b] in seen:  # one member of a duplicate cluster is enough
            continue
        seen.add(int(cluster[q.b]))
        out.append(q)
        if len(out) == k:
            break
    return out


def reasons(pair: ScoredPair, a: ConnectDoc, b: ConnectDoc, feats: Features, max_entities: int = 4) -> list[str]:
    """The evidence for a pair, strongest first, in words a reader checks at a glance."""
    out = []
    shared = set(a.entities) & set(b.entities)
    if shared:
        names = sorted(shared, key=lambda key: (-feats.entity_idf[feats.entity_col[key]], key))[:max_entities]
        out.append("entities: " + ", ".join(key.split(":", 1)[-1] for key in names))
    if pair.text > 0:
        out.append(f"text similarity {pair.text:.2f}")
    if pair.dates > 0:
        same_days = sorted(set(days(a.dates)) & set(days(b.dates)))
        out.append("dates: " + ", ".join(same_days[:3]))
    if pair.days_apart is not None:
        out.append("published the same day" if pair.days_apart == 0 else f"published {pair.days_apart} days apart")
    return out


def to_rows(best: list[list[ScoredPair]], docs: Sequence[ConnectDoc], feats: Features) -> list[RelatedRow]:
    rows = []
    for pairs in best:
        for q in pairs:
            rows.append(RelatedRow(docs[q.a].id, docs[q.b].id, q.score, reasons(q, docs[q.a], docs[q.b], feats)))
    return rows
