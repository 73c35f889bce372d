"""The HTML pages: search, results, article, entity, outlet. Each reads what its /api twin returns."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse

from . import bounds
from .api import IdPath, api_article, api_entity, api_outlet, run_search
from .article_view import article_view, entity_url
from .charts import bar_chart
from .marks import Span, mark_text
from .params import SearchParams, search_params

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

_HL = (("class", "hl"),)
MAX_CHART_MONTHS = 600  # fifty years of bars at most, whatever dates the corpus holds


def _page(request: Request, template: str, **context: Any) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(request, template, context)


@router.get("/")
def home(request: Request) -> HTMLResponse:
    corpus = request.app.state.corpus
    return _page(request, "index.html", stats=corpus.stats(), outlets=corpus.outlets(), autofocus=True,
                 max_outlets=bounds.MAX_OUTLETS_SHOWN)


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
    chart = bar_chart(monthly(entity["per_month"], "articles"),
                      label=f"Articles naming {entity['name']} per month")
    return _page(request, "entity.html", e=entity, chart=chart, entity_url=entity_url)


@router.get("/outlet/{name:path}")
def outlet_page(request: Request, name: IdPath) -> HTMLResponse:
    outlet = api_outlet(request, name)
    chart = bar_chart(monthly(outlet["per_month"], "articles"), label=f"Articles of {outlet['outlet']} per month")
    return _page(request, "outlet.html", o=outlet, chart=chart, entity_url=entity_url)


def monthly(rows: list[dict[str, Any]], value: str) -> list[tuple[str, int]]:
    """The store's per-month rows ({month: YYYY-MM, articles, ...}) as chart points, every month
    from the first to the last present (a month with nothing is a bar of zero, not a gap closed
    up), the latest MAX_CHART_MONTHS of them when a stray date stretches the range."""
    counts = {row["month"]: int(row[value]) for row in rows if row.get("month")}
    if not counts:
        return []

    def index(month: str) -> int:
        year, mon = month.split("-")
        return int(year) * 12 + int(mon) - 1

    last = max(index(m) for m in counts)
    first = max(min(index(m) for m in counts), last - MAX_CHART_MONTHS + 1)
    labels = (f"{i // 12:04d}-{i % 12 + 1:02d}" for i in range(first, last + 1))
    return [(label, counts.get(label, 0)) for label in labels]
