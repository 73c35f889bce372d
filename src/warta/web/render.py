"""The Jinja2 environment of the pages: autoescape on for every template, and the few helpers
templates need (links built with proper quoting, outside links only when they are http(s))."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit

import jinja2
from fastapi.templating import Jinja2Templates

from .. import __version__
from . import bounds


def make_templates(directory: Path) -> Jinja2Templates:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(directory),
        autoescape=True,  # every template, whatever its name: corpus text is hostile input
        undefined=jinja2.StrictUndefined,  # a misspelt field fails the tests, not the reader
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["outside_url"] = outside_url
    env.filters["path_part"] = path_part
    env.filters["percent"] = percent
    env.globals["query_string"] = query_string
    env.globals["month_end"] = month_end
    env.globals["warta_version"] = __version__
    env.globals["max_query_chars"] = bounds.MAX_QUERY_CHARS
    return Jinja2Templates(env=env)


def outside_url(url: str | None) -> str | None:
    """The page's own address when it is an http(s) URL, else None: a `javascript:` or `data:` URL
    from the corpus never becomes a link."""
    if not url:
        return None
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    return url if scheme in ("http", "https") else None


def path_part(value: str) -> str:
    """A value as one path segment (`/entity/PER%3AJoko%20Widodo`): slashes and `?` quoted too."""
    return quote(value, safe="")


def query_string(params: dict[str, object], **changes: object) -> str:
    """`?a=1&b=2` from the current parameters with some changed; None and '' drop a parameter."""
    merged = {**params, **changes}
    kept = [(k, str(v)) for k, v in merged.items() if v is not None and v != "" and v is not False]
    return "?" + urlencode(kept) if kept else ""


def month_end(month: str) -> str | None:
    """`2025-02` -> `2025-02-28`: the last day of a month facet, for its date filter."""
    try:
        year, mon = (int(x) for x in month.split("-"))
        return (date(year + mon // 12, mon % 12 + 1, 1) - timedelta(days=1)).isoformat()
    except ValueError:
        return None


def percent(share: float | None) -> str:
    return "–" if share is None else f"{share * 100:.1f} %"
