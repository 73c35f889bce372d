"""Exact, near and syndicated duplicates: clusters of copies of one text, with a representative.

1. Exact: documents whose normalised words are the same (`text.body_hash`) are one cluster
   before anything else; only the first of them goes on to the near-duplicate search.
2. Near: MinHash signatures over word shingles, banded LSH (`lsh.BandIndex`) for candidates,
   and every candidate pair checked on the real shingle sets before it is linked: the Jaccard
   similarity, or the containment of the smaller text in the larger (a truncated copy, a teaser
   that is the first part of the story) when the smaller text is long enough to mean something.
3. Clusters are the connected components of the checked links (union-find). The representative
   is the earliest published member, then the longest body, then the smallest id.
4. A member published under another outlet than the representative is `syndicated`; else a
   member with the same normalised body is `exact`, any other `near`.

The parameters and the measurements behind them are in docs/connect.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .lsh import BandIndex, signatures
from .records import ConnectDoc, DuplicateKind, DuplicateRow
from .text import WordHasher, body_hash, jaccard_and_containment, shingle_hashes, words
from .unionfind import UnionFind


@dataclass(frozen=True)
class DuplicateParams:
    shingle: int = 3  # words a shingle
    num_perm: int = 80  # MinHash permutations = bands * rows
    bands: int = 40
    rows: int = 2
    min_jaccard: float = 0.3  # a checked pair with this Jaccard similarity is a duplicate...
    min_containment: float = 0.8  # ...and so is one whose smaller text is this much inside the larger
    min_contained_shingles: int = 30  # ...when the smaller text has at least this many shingles
    min_estimate: float = 0.15  # candidates whose signatures agree less than this are not checked
    min_words: int = 8  # shorter texts are matched exactly only
    per_cluster: int = 3  # members of one cluster a bucket keeps (see lsh.py)


DEFAULT_PARAMS = DuplicateParams()


@dataclass
class DuplicateResult:
    rows: list[DuplicateRow]
    cluster_of: dict[str, str]  # article id -> cluster id, for members of a cluster only
    pairs_checked: int  # candidate pairs whose shingle sets were compared
    pairs_linked: int


def find_duplicates(docs: Sequence[ConnectDoc], params: DuplicateParams = DEFAULT_PARAMS) -> DuplicateResult:
    """Duplicate clusters of `docs` (ids must be unique); the same docs give the same rows."""
    order = sorted(range(len(docs)), key=lambda i: docs[i].id)  # input order does not matter
    docs = [docs[i] for i in order]
    _check_unique(docs)
    n = len(docs)
    uf = UnionFind(n)
    hasher = WordHasher()
    hashes: list[str | None] = [None] * n
    exact_of: list[int] = list(range(n))  # each doc -> the first doc with its body hash
    first_with_hash: dict[str, int] = {}
    shingles: dict[int, np.ndarray] = {}  # only for the first doc of each body hash
    near: list[int] = []  # the docs the near-duplicate search sees
    for i, d in enumerate(docs):
        tokens = words(d.body)  # one doc's words at a time: a corpus's words never sit in memory
        if not tokens:
            continue
        h = hashes[i] = body_hash(tokens)
        j = first_with_hash.setdefault(h, i)
        if j != i:
            exact_of[i] = j
            uf.union(j, i)
        elif len(tokens) >= params.min_words:
            shingles[i] = shingle_hashes(hasher(tokens), params.shingle)
            near.append(i)
    index = BandIndex(params.bands, params.rows, params.per_cluster)
    sigs = np.zeros((n, params.num_perm), dtype=np.uint32)
    checked = linked = 0
    for i, sig in zip(near, signatures((shingles[i] for i in near), params.num_perm)):
        sigs[i] = sig
        keys = index.keys(sig)
        cands = [c for c in index.candidates(keys) if uf.find(c) != uf.find(i)]
        if cands:
            # The signatures' agreement estimates the Jaccard similarity: a pair far below both
            # rules is not worth the exact comparison (most band collisions at 2 rows a band).
            estimate = (sigs[cands] == sig).mean(axis=1)
            for c, est in zip(cands, estimate):
                if est < params.min_estimate or uf.find(c) == uf.find(i):
                    continue
                checked += 1
                if _same_text(shingles[i], shingles[c], params):
                    uf.union(c, i)
                    linked += 1
        index.add(i, keys, uf.find)

    rows: list[DuplicateRow] = []
    cluster_of: dict[str, str] = {}
    for members in uf.groups().values():
        rep = min(members, key=lambda m: _representative_key(docs[m]))
        cluster_id = "dup:" + docs[rep].id
        rep_set = shingles.get(exact_of[rep])
        member_rows = []
        for m in members:
            if m == rep:
                continue
            kind = _kind(docs[m], docs[rep], hashes[m] == hashes[rep])
            sim = 1.0 if hashes[m] == hashes[rep] else _similarity(shingles.get(exact_of[m]), rep_set)
            member_rows.append(DuplicateRow(docs[m].id, cluster_id, docs[rep].id, kind, sim))
        kinds = {r.kind for r in member_rows}
        rep_kind: DuplicateKind = "syndicated" if "syndicated" in kinds else "near" if "near" in kinds else "exact"
        rows.append(DuplicateRow(docs[rep].id, cluster_id, docs[rep].id, rep_kind, 1.0))
        rows.extend(sorted(member_rows, key=lambda r: r.article_id))
        for m in members:
            cluster_of[docs[m].id] = cluster_id
    rows.sort(key=lambda r: (r.cluster_id, r.article_id != r.representative_id, r.article_id))
    return DuplicateResult(rows, cluster_of, checked, linked)


def _same_text(a: np.ndarray, b: np.ndarray, p: DuplicateParams) -> bool:
    jaccard, containment = jaccard_and_containment(a, b)
    if jaccard >= p.min_jaccard:
        return True
    return containment >= p.min_containment and min(len(a), len(b)) >= p.min_contained_shingles


def _similarity(a: np.ndarray | None, b: np.ndarray | None) -> float:
    if a is None or b is None:
        return 0.0
    return round(jaccard_and_containment(a, b)[0], 4)


def _representative_key(doc: ConnectDoc) -> tuple[str, int, str]:
    # Unknown dates sort after every known one ("~" is after the digits).
    return (doc.published or "~", -len(doc.body), doc.id)


def outlet_key(outlet: str | None) -> str | None:
    """An outlet name folded for comparison (`KOMPAS.com` = `Kompas.com`, `Jakarta Insider`)."""
    if not outlet:
        return None
    key = "".join(ch for ch in outlet.casefold() if ch.isalnum())
    return key or None


def _kind(member: ConnectDoc, rep: ConnectDoc, same_body: bool) -> DuplicateKind:
    a, b = outlet_key(member.outlet), outlet_key(rep.outlet)
    if a and b and a != b:
        return "syndicated"
    return "exact" if same_body else "near"


def _check_unique(docs: Sequence[ConnectDoc]) -> None:
    for a, b in zip(docs, docs[1:]):
        if a.id == b.id:
            raise ValueError(f"two documents share the id {a.id!r}: the linker needs unique ids")
