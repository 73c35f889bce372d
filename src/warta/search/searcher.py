"""Answering searches: `Searcher` keeps the index open (the web app holds one); `search` is one call.

A search returns the total number of matching articles, one page of hits (limit at most 100)
with a snippet each, and facets over the whole matching set (outlets, months, contradiction
flag, duplicate status) counted by tantivy's aggregations on fast fields.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

import tantivy
from tantivy import Occur, Order, Query

from .analysis import shared_stemmer
from .build import build_index, load_stems
from .query import Filters, SearchError, check_length, parse, to_tantivy
from .schema import (
    DUPLICATE_STATUSES,
    MANIFEST_FILE,
    index_dir_for,
    index_exists,
    open_index,
)
from .snippets import Highlighter, Snippet, highlight_title, make_snippet

MAX_LIMIT = 100
MAX_OFFSET = 10_000  # deep pages cost a top-(offset+limit) collection: bounded
FACET_OUTLETS = 20  # the largest outlets by count; the rest are summed in `outlet_other`
FACET_MONTHS = 600  # fifty years of months: every month of any real corpus

Sort = Literal["relevance", "newest"]


@dataclass
class FacetCount:
    value: str
    count: int


@dataclass
class Facets:
    outlet: list[FacetCount] = field(default_factory=list)  # largest first
    outlet_other: int = 0  # matching articles of outlets past the first FACET_OUTLETS
    month: list[FacetCount] = field(default_factory=list)  # YYYY-MM, newest first; undated left out
    has_contradiction: dict[str, int] = field(default_factory=dict)  # "true"/"false" -> count
    duplicate: dict[str, int] = field(default_factory=dict)  # none/representative/duplicate -> count


@dataclass
class SearchHit:
    id: str
    title: str | None
    outlet: str | None
    published: str | None  # YYYY-MM-DD
    url: str | None
    score: float | None  # BM25 with field weights; None when sorted by date
    snippet: Snippet
    title_highlights: list[tuple[int, int]]  # character spans in `title`
    has_contradiction: bool
    duplicate: str


@dataclass
class SearchResults:
    query: str
    total: int
    limit: int
    offset: int
    hits: list[SearchHit]
    facets: Facets | None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        for hit in d["hits"]:
            hit["title_highlights"] = [list(h) for h in hit["title_highlights"]]
            hit["snippet"]["highlights"] = [list(h) for h in hit["snippet"]["highlights"]]
        return d


class Searcher:
    """An open search index. Thread-safe for searches; sees new commits as the index is updated.

        s = Searcher("warta.duckdb")
        s.search("banjir", outlet="Kompas.com", date_from="2025-01-01", limit=10).to_dict()

    `path` is the store (`warta.duckdb`, whose index is `warta.search/` beside it) or the index
    folder itself. Where the store has no index yet, it is built first; where the store's files
    changed since the index's last update (an ingest that did not update it), it is updated first
    (`update=False` skips that check).
    """

    def __init__(self, path: str | Path, *, update: bool = True) -> None:
        p = Path(path)
        self.index_dir = p if p.suffix == ".search" else index_dir_for(p)
        if not index_exists(self.index_dir):
            if p.suffix == ".search" or not p.exists():
                raise SearchError(f"no search index at {self.index_dir} and no store at {p}: "
                                  "run `warta ingest ... --db STORE` first")
            build_index(p)
        elif update and p.suffix != ".search" and _store_changed_since_update(p, self.index_dir):
            try:
                build_index(p)
            except SearchError:
                pass  # the store is being written (an ingest holds it): search what is indexed
        self._index = open_index(self.index_dir)
        self._schema = self._index.schema
        self._stemmer = shared_stemmer()
        load_stems(self._stemmer, self.index_dir)  # words met at indexing are not stemmed again
        self._lock = threading.Lock()  # the stemmer's cache is a plain dict

    def refresh(self) -> None:
        """See the latest commit now (it is seen by itself shortly after each commit)."""
        self._index.reload()

    @property
    def num_docs(self) -> int:
        return self._index.searcher().num_docs

    def search(self, query: str, *, outlet: str | Sequence[str] | None = None,
               date_from: dt.date | str | None = None, date_to: dt.date | str | None = None,
               entity: str | Sequence[str] | None = None, has_contradiction: bool | None = None,
               duplicate: str | Sequence[str] | None = None, limit: int = 20, offset: int = 0,
               sort: Sort = "relevance", facets: bool = True) -> SearchResults:
        """One page of results. A blank query lists the articles the filters keep, newest first.

        Raises `SearchError` (a ValueError) for a query over 200 characters, a limit outside
        1..100, an offset outside 0..10000, or a filter value of the wrong shape.
        """
        query = query or ""
        check_length(query)
        if not 1 <= limit <= MAX_LIMIT:
            raise SearchError(f"limit must be between 1 and {MAX_LIMIT}, not {limit}")
        if not 0 <= offset <= MAX_OFFSET:
            raise SearchError(f"offset must be between 0 and {MAX_OFFSET}, not {offset}")
        if sort not in ("relevance", "newest"):
            raise SearchError(f"sort must be relevance or newest, not {sort!r}")
        filters = Filters.of(outlet=outlet, date_from=date_from, date_to=date_to, entity=entity,
                             has_contradiction=has_contradiction, duplicate=duplicate)
        parsed = parse(query)
        with self._lock:
            text_query = to_tantivy(parsed, self._schema, self._stemmer) if query.strip() else Query.all_query()
        final = _with_filters(text_query, filters.queries(self._schema))

        searcher = self._index.searcher()
        by_date = sort == "newest" or not query.strip()
        if by_date:
            found = searcher.search(final, limit, count=True, offset=offset,
                                    order_by_field="published", order=Order.Desc)
        else:
            found = searcher.search(final, limit, count=True, offset=offset)
        with self._lock:
            highlighter = Highlighter(parsed, self._stemmer)
            hits = [self._hit(searcher.doc(addr), None if by_date else score, highlighter)
                    for score, addr in found.hits]
        return SearchResults(query=query, total=found.count, limit=limit, offset=offset, hits=hits,
                             facets=_facets(searcher, final) if facets else None)

    def _hit(self, doc: tantivy.Document, score: float | None, hl: Highlighter) -> SearchHit:
        title = doc.get_first("title")
        published = doc.get_first("published")
        return SearchHit(
            id=doc.get_first("id"),
            title=title,
            outlet=doc.get_first("outlet"),
            published=published.date().isoformat() if published is not None else None,
            url=doc.get_first("url"),
            score=round(score, 4) if score is not None else None,
            snippet=make_snippet(doc.get_first("body") or "", hl),
            title_highlights=highlight_title(title, hl) if title else [],
            has_contradiction=bool(doc.get_first("has_contradiction")),
            duplicate=doc.get_first("duplicate") or "none",
        )


def search(db_path: str | Path, query: str, *, outlet: str | Sequence[str] | None = None,
           date_from: dt.date | str | None = None, date_to: dt.date | str | None = None,
           entity: str | Sequence[str] | None = None, has_contradiction: bool | None = None,
           duplicate: str | Sequence[str] | None = None, limit: int = 20, offset: int = 0,
           sort: Sort = "relevance", facets: bool = True) -> SearchResults:
    """One search over the store's index (opened for this call; a server keeps a `Searcher`)."""
    return Searcher(db_path).search(query, outlet=outlet, date_from=date_from, date_to=date_to,
                                    entity=entity, has_contradiction=has_contradiction,
                                    duplicate=duplicate, limit=limit, offset=offset, sort=sort,
                                    facets=facets)


def _store_changed_since_update(db: Path, index_dir: Path) -> bool:
    """The store's file (or its write-ahead log) is newer than the index's last update."""
    try:
        updated = (index_dir / MANIFEST_FILE).stat().st_mtime
    except OSError:
        return True
    wal = db.with_name(db.name + ".wal")
    return any(f.exists() and f.stat().st_mtime > updated for f in (db, wal))


def _with_filters(text_query: Query, filters: list[Query]) -> Query:
    if not filters:
        return text_query
    # Filters decide membership only: a zero constant score leaves the ranking to the words.
    return Query.boolean_query([(Occur.Must, text_query)]
                               + [(Occur.Must, Query.const_score_query(f, 0.0)) for f in filters])


def _facets(searcher: tantivy.Searcher, query: Query) -> Facets:
    aggs = {
        "outlet": {"terms": {"field": "outlet", "size": FACET_OUTLETS}},
        "month": {"terms": {"field": "month", "size": FACET_MONTHS, "order": {"_key": "desc"}}},
        "has_contradiction": {"terms": {"field": "has_contradiction", "size": 2}},
        "duplicate": {"terms": {"field": "duplicate", "size": len(DUPLICATE_STATUSES)}},
    }
    res = searcher.aggregate(query, aggs)
    contra = {b.get("key_as_string", str(b["key"])): b["doc_count"] for b in res["has_contradiction"]["buckets"]}
    return Facets(
        outlet=[FacetCount(b["key"], b["doc_count"]) for b in res["outlet"]["buckets"]],
        outlet_other=int(res["outlet"].get("sum_other_doc_count", 0)),
        month=[FacetCount(b["key"], b["doc_count"]) for b in res["month"]["buckets"]],
        has_contradiction={"true": contra.get("true", 0), "false": contra.get("false", 0)},
        duplicate={s: next((b["doc_count"] for b in res["duplicate"]["buckets"] if b["key"] == s), 0)
                   for s in DUPLICATE_STATUSES},
    )
