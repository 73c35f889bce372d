"""The JSON API: the same reads as the pages, as JSON, under /api (described at /openapi.json)."""

from __future__ import annotations

import math
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Request

from . import bounds
from .params import SearchParams, search_params

router = APIRouter(prefix="/api", tags=["api"])

_NOT_FOUND = {404: {"description": "Nothing in the store under this name"},
              400: {"description": "A parameter out of bounds or of the wrong shape"}}
IdPath = Annotated[str, Path(max_length=bounds.MAX_ID_CHARS)]


def run_search(request: Request, p: SearchParams) -> dict[str, Any]:
    """The search results plus the paging the pages use: shared by /search and /api/search."""
    from ..search import SearchError

    try:
        results = request.app.state.corpus.search(p)
    except SearchError as e:
        raise HTTPException(400, str(e)) from None
    pages = min(math.ceil(results["total"] / p.size), bounds.max_page(p.size)) if results["total"] else 0
    return {**results, "page": p.page, "size": p.size, "pages": pages}


@router.get("/search", responses=_NOT_FOUND, summary="Full-text search with filters, facets and highlighted snippets")
def api_search(request: Request, p: Annotated[SearchParams, Depends(search_params)]) -> dict[str, Any]:
    """`total` matching articles; `hits` of this page, each with a `snippet` whose `highlights` are
    [start, end) character offsets into `snippet.text` (and `title_highlights` into `title`);
    `facets` over all matching articles; `pages` the last page reachable at this `size`."""
    return run_search(request, p)


@router.get("/article/{article_id:path}", responses=_NOT_FOUND, summary="One article, as warta read it")
def api_article(request: Request, article_id: IdPath) -> dict[str, Any]:
    """The Article record (`body`, `removed` clutter with its kinds, `dates`, `attributions`,
    `quotes`, `entities`, `inconsistencies` with evidence offsets into `body`) plus the store's
    `duplicates`, `related` articles and `stories`."""
    article = request.app.state.corpus.article(article_id)
    if article is None:
        raise HTTPException(404, f"No article with id {article_id!r} in this store.")
    return article


@router.get("/entity/{key:path}", responses=_NOT_FOUND, summary="One entity: mentions over time, co-occurring entities, outlets")
def api_entity(request: Request, key: IdPath) -> dict[str, Any]:
    """`key` is `TYPE:name` (`PER:Joko Widodo`, `LOC:Jakarta`), as in an article's entity links."""
    entity = request.app.state.corpus.entity(key)
    if entity is None:
        raise HTTPException(404, f"No entity {key!r} in this store.")
    return entity


@router.get("/outlet/{name:path}", responses=_NOT_FOUND, summary="One outlet: volume over time, clutter and contradiction shares")
def api_outlet(request: Request, name: IdPath) -> dict[str, Any]:
    outlet = request.app.state.corpus.outlet(name)
    if outlet is None:
        raise HTTPException(404, f"No outlet {name!r} in this store.")
    return outlet


@router.get("/stats", summary="What the store holds: counts of articles, outlets, entities, links")
def api_stats(request: Request) -> dict[str, Any]:
    corpus = request.app.state.corpus
    return {"stats": corpus.stats(), "outlets": corpus.outlets()}
