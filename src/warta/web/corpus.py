"""What the pages read, in one object: the store (`warta.store.Store`, opened read-only) and its
search index (`warta.search.Searcher`).

The store's DuckDB connection is one object, and a DuckDB connection is not meant to be used by
two threads at once; FastAPI runs the page functions on a thread pool, so every store call holds
a lock. The searcher is thread-safe by itself and is called without it.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from .params import SearchParams


class Corpus:
    def __init__(self, store: Any, searcher: Any) -> None:
        self._store = store
        self._searcher = searcher
        self._lock = threading.Lock()

    @classmethod
    def open(cls, db_path: Path) -> Corpus:
        """Open the store read-only and its index; an index not built yet is built first (beside the
        store, in `NAME.search/`: derived data, the store itself is never written)."""
        from ..search import Searcher
        from ..store import Store

        if not db_path.exists():
            raise FileNotFoundError(f"no store at {db_path}: create one with `warta ingest FILES --db {db_path}`")
        searcher = Searcher(db_path)  # first: building a missing index opens the store by itself
        return cls(Store(db_path, read_only=True), searcher)

    def close(self) -> None:
        with self._lock:
            self._store.close()

    # -- reads ----------------------------------------------------------------------------------

    def search(self, p: SearchParams) -> dict[str, Any]:
        results = self._searcher.search(
            p.q, outlet=p.outlet, date_from=p.date_from, date_to=p.date_to, entity=p.entity,
            has_contradiction=p.has_contradiction, duplicate=p.duplicate, sort=p.sort,
            limit=p.size, offset=p.offset)
        return results.to_dict()

    def article(self, article_id: str) -> dict[str, Any] | None:
        with self._lock:
            return self._store.article(article_id)

    def entity(self, key: str) -> dict[str, Any] | None:
        with self._lock:
            return self._store.entity(key)

    def outlet(self, name: str) -> dict[str, Any] | None:
        with self._lock:
            return self._store.outlet(name)

    def outlets(self) -> list[dict[str, Any]]:
        with self._lock:
            return self._store.outlets()

    def stats(self) -> dict[str, Any]:
        with self._lock:
            return self._store.stats()
