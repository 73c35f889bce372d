"""MinHash signatures (datasketch) and a banded LSH index whose buckets stay small.

datasketch's `MinHashLSH.query` returns every key in a matching bucket. A corpus that carries
one story thousands of times (a syndication wave, a replicated benchmark) then costs the square
of the copies. Here a bucket keeps at most `per_cluster` members of each duplicate cluster
found so far: a new document meets a cluster through a few of its members, not all of them,
and the work stays linear in the corpus while a copy that resembles only one member (a
truncated, reworded copy of a truncated copy) still finds that member in some band.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import numpy as np
from datasketch import MinHash

SEED = 1  # the permutations' seed: fixed, so signatures are the same on every run


def signatures(shingle_sets: Iterable[np.ndarray], num_perm: int) -> Iterator[np.ndarray]:
    """Each shingle set's MinHash signature (datasketch's `MinHash.generator`, 32-bit values)."""
    lists = (s.tolist() for s in shingle_sets)
    for m in MinHash.generator(lists, num_perm=num_perm, seed=SEED, hashfunc=_identity):
        yield m.hashvalues


def _identity(x: int) -> int:  # shingles arrive already hashed to 32 bits
    return x


class BandIndex:
    """`bands` dictionaries, one a band, from a band's `rows` signature values to document ids."""

    def __init__(self, bands: int, rows: int, per_cluster: int = 3) -> None:
        self.bands, self.rows, self.per_cluster = bands, rows, per_cluster
        self._tables: list[dict[bytes, list[int]]] = [{} for _ in range(bands)]

    def keys(self, signature: np.ndarray) -> list[bytes]:
        r = self.rows
        return [signature[b * r : (b + 1) * r].tobytes() for b in range(self.bands)]

    def candidates(self, keys: list[bytes]) -> list[int]:
        """Documents sharing at least one band with these keys, in insertion order, each once."""
        seen: dict[int, None] = {}
        for table, key in zip(self._tables, keys):
            for doc in table.get(key, ()):
                seen.setdefault(doc, None)
        return list(seen)

    def add(self, doc: int, keys: list[bytes], cluster_of: Callable[[int], int]) -> None:
        """File `doc` under its keys, unless its bucket holds `per_cluster` of its cluster already."""
        mine = cluster_of(doc)
        for table, key in zip(self._tables, keys):
            bucket = table.setdefault(key, [])
            if sum(1 for d in bucket if cluster_of(d) == mine) < self.per_cluster:
                bucket.append(doc)
