"""The search request's parameters, read and checked once for the page and the API alike.

HTML forms send an empty string for a field left blank (`date_from=`), so every filter is read as
text and a blank means "no filter"; a value of the wrong shape is a 400 naming the parameter.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Annotated, Any

from fastapi import HTTPException, Query

from . import bounds

_DATE = r"^(\d{4}-\d{2}-\d{2})?$"


@dataclass(frozen=True)
class SearchParams:
    q: str
    outlet: str | None
    date_from: dt.date | None
    date_to: dt.date | None
    entity: str | None
    has_contradiction: bool | None
    duplicate: str | None
    sort: str
    page: int
    size: int

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.size

    @property
    def has_filters(self) -> bool:
        return any(v not in (None, "") for v in (self.outlet, self.date_from, self.date_to, self.entity,
                                                 self.has_contradiction, self.duplicate))

    def as_query(self) -> dict[str, Any]:
        """The parameters as a query string would carry them (for links that change one of them)."""
        d = asdict(self)
        d["has_contradiction"] = None if self.has_contradiction is None else str(self.has_contradiction).lower()
        d["date_from"] = self.date_from.isoformat() if self.date_from else None
        d["date_to"] = self.date_to.isoformat() if self.date_to else None
        d["page"] = self.page if self.page != 1 else None
        d["size"] = self.size if self.size != bounds.DEFAULT_PAGE_SIZE else None
        d["sort"] = self.sort if self.sort != "relevance" else None
        return d


def search_params(
    q: Annotated[str, Query(max_length=bounds.MAX_QUERY_CHARS,
                            description='Words to find: `banjir jakarta`, `"banjir rob"`, `banjir -rob`, '
                                        '`banjir OR longsor`. Blank: every article the filters keep, newest first.')] = "",
    outlet: Annotated[str, Query(max_length=bounds.MAX_FILTER_CHARS, description="Only this outlet (its name as shown).")] = "",
    date_from: Annotated[str, Query(pattern=_DATE, description="Published on or after (YYYY-MM-DD).")] = "",
    date_to: Annotated[str, Query(pattern=_DATE, description="Published on or before (YYYY-MM-DD).")] = "",
    entity: Annotated[str, Query(max_length=bounds.MAX_FILTER_CHARS,
                                 description="Only articles naming this entity: its key (`PER:Joko Widodo`) or name.")] = "",
    has_contradiction: Annotated[str, Query(pattern=r"^(true|false)?$",
                                            description="true: only articles with a contradiction; false: only those without.")] = "",
    duplicate: Annotated[str, Query(pattern=r"^(none|representative|duplicate)?$",
                                    description="none: not in a duplicate cluster; representative: the article "
                                                "that stands for its cluster; duplicate: a copy.")] = "",
    sort: Annotated[str, Query(pattern=r"^(relevance|newest)$", description="relevance or newest.")] = "relevance",
    page: Annotated[int, Query(ge=1, le=bounds.MAX_RESULT_WINDOW, description="1-based page number.")] = 1,
    size: Annotated[int, Query(ge=1, le=bounds.MAX_PAGE_SIZE, description="Results a page.")] = bounds.DEFAULT_PAGE_SIZE,
) -> SearchParams:
    if page * size > bounds.MAX_RESULT_WINDOW:
        raise HTTPException(400, f"page {page} at {size} results a page goes past result {bounds.MAX_RESULT_WINDOW}, "
                                 "the deepest a search pages; narrow the search with words or filters")
    return SearchParams(
        q=q.strip(),
        outlet=outlet.strip() or None,
        date_from=_date(date_from, "date_from"),
        date_to=_date(date_to, "date_to"),
        entity=entity.strip() or None,
        has_contradiction=None if not has_contradiction else has_contradiction == "true",
        duplicate=duplicate or None,
        sort=sort,
        page=page,
        size=size,
    )


def _date(value: str, name: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise HTTPException(400, f"{name}: {value} is not a calendar day") from None
