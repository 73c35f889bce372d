"""warta's web app: `warta serve --db STORE` (pages and a JSON API over a store, read-only).

    app.py           create_app(db): the FastAPI app, its error pages and security headers
    corpus.py        what the pages read: the store and its search index, behind one lock
    params.py        the search request's parameters, checked once for page and API
    api.py, pages.py the routes: JSON under /api, HTML pages at /, /search, /article, ...
    article_view.py  an article as its page shows it (marked body, lists beside it)
    marks.py         corpus text escaped, then marked: the only path from corpus text to HTML
    charts.py        bar charts over time as inline SVG, made on the server
    serve.py         the `warta serve` command
"""

from .app import create_app

__all__ = ["create_app"]
