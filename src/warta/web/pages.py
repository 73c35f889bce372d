"""The HTML pages: search, results, article, entity, outlet. Each reads what its /api twin returns."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from .api import IdPath, api_article, api_entity, api_outlet, run_search
from .article_view import article_view
from .charts import bar_chart
from .marks import Span, mark_text
from .params import SearchParams, search_params

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

_HL = (("class", "hl"),)


def _page(request: Request, template: str, **context: Any) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(request, template, context)


@router.get("/")
def home(request: Request) -> HTMLResponse:
    corpus = request.app.state.corpus
    return _page(request, "index.html", stats=corpus.stats(), outlets=corpus.outlets(), autofocus=True)


@router.get("/search")
def search_page(request: Request, p: Annotated[SearchParams, Depends(search_params)]) -> HTMLResponse:
    results = run_search(request, p)
    hits = [hit_view(h) for h in results["hits"]]
    return _page(request, "search.html", q=p.q, p=p, params=p.as_query(), results=results, hits=hits)


def hit_view(hit: dict[str, Any]) -> dict[str, Any]:
    """A hit with its title and snippet escaped and their highlight spans marked."""
    title = hit.get("title") or hit["id"]
    title_spans = [Span(a, b, "mark", _HL) for a, b in hit.get("title_highlights") or []] if hit.get("title") else []
    snippet = hit.get("snippet") or {"text": "", "highlights": []}
    return {**hit,
            "title_html": mark_text(title, title_spans),
            "snippet_html": mark_text(snippet["text"], [Span(a, b, "mark", _HL) for a, b in snippet["highlights"]])}


@router.get("/article/{article_id:path}")
def article_page(request: Request, article_id: IdPath) -> HTMLResponse:
    view = article_view(api_article(request, article_id))
    return _page(request, "article.html", a=view.record, v=view)


@router.get("/entity/{key:path}")
def entity_page(request: Request, key: IdPath) -> HTMLResponse:
    entity = api_entity(request, key)
    chart = bar_chart(_series(entity.get("by_month")), label=f"Articles naming {entity.get('name') or key} per month")
    return _page(request, "entity.html", e=entity, chart=chart)


@router.get("/outlet/{name:path}")
def outlet_page(request: Request, name: IdPath) -> HTMLResponse:
    outlet = api_outlet(request, name)
    chart = bar_chart(_series(outlet.get("by_month")), label=f"Articles of {outlet.get('name') or name} per month")
    return _page(request, "outlet.html", o=outlet, chart=chart)


def _series(rows: Any) -> list[tuple[str, int]]:
    """[{period, count}] or [[period, count]] as (period, count), oldest first."""
    out: list[tuple[str, int]] = []
    for row in rows or []:
        if isinstance(row, dict):
            period, count = row.get("period") or row.get("month") or row.get("day"), row.get("count")
        else:
            period, count = row[0], row[1]
        if period is not None and count is not None:
            out.append((str(period), int(count)))
    return sorted(out)
