"""Full-text search over the store: a tantivy index beside it, with filters and facets.

    from warta.search import build_index, search, Searcher
    build_index("warta.duckdb")                      # warta.search/ beside the store; incremental
    search("warta.duckdb", "banjir jakarta", outlet="Kompas.com", date_from="2025-01-01").to_dict()
    s = Searcher("warta.duckdb"); s.search("korupsi", has_contradiction=True, duplicate="none")

Why tantivy and not DuckDB's fts extension, how Indonesian words are stemmed, the query syntax
and the measured latencies: docs/search.md.
"""

from __future__ import annotations

from .build import BuildReport, build_index, index_records
from .query import MAX_QUERY_CHARS, SearchError
from .records import IndexRecord, record_from_article
from .schema import DUPLICATE_STATUSES, index_dir_for
from .searcher import (
    MAX_LIMIT,
    FacetCount,
    Facets,
    Searcher,
    SearchHit,
    SearchResults,
    search,
)
from .snippets import Snippet

__all__ = [
    "DUPLICATE_STATUSES",
    "MAX_LIMIT",
    "MAX_QUERY_CHARS",
    "BuildReport",
    "FacetCount",
    "Facets",
    "IndexRecord",
    "SearchError",
    "SearchHit",
    "SearchResults",
    "Searcher",
    "Snippet",
    "build_index",
    "index_dir_for",
    "index_records",
    "record_from_article",
    "search",
]
