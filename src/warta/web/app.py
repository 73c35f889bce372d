"""The web app: one FastAPI application over one store, opened read-only.

    create_app("warta.duckdb")  ->  FastAPI (pages under /, JSON under /api, /openapi.json)

The app has no write endpoint and no admin mode: the store is opened read-only and nothing a
request carries can change it. Pages are Jinja2 templates with autoescape on for every template,
and corpus text that carries marks goes through `marks.mark_text`, which escapes before it marks.
Every response carries a Content-Security-Policy that allows only the app's own script and style:
a second wall behind the escaping, not a replacement for it (the tests check the escaping itself).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from .. import __version__
from .api import router as api_router
from .errors import http_error_handler, validation_error_handler
from .pages import router as pages_router
from .render import make_templates

HERE = Path(__file__).resolve().parent

SECURITY_HEADERS = {
    "Content-Security-Policy": ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",  # links out to portals do not tell them what was being read
    "X-Frame-Options": "DENY",
}


def create_app(db_path: str | Path) -> FastAPI:
    """The app over the store at `db_path` (must exist; it is opened read-only)."""
    from .corpus import Corpus

    corpus = Corpus.open(Path(db_path))
    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        corpus.close()

    app = FastAPI(
        lifespan=lifespan,
        title="warta",
        version=__version__,
        description="Search and read a warta store: cleaned Indonesian news with their facts, sources, "
                    "entities, contradictions, duplicates and related articles. Read-only.",
        # Swagger UI and ReDoc load their script from a CDN, which the CSP forbids and an offline
        # machine cannot reach; the spec itself stays at /openapi.json.
        docs_url=None,
        redoc_url=None,
    )
    app.state.corpus = corpus
    app.state.templates = make_templates(HERE / "templates")
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api_router)
    app.include_router(pages_router)
    app.add_exception_handler(StarletteHTTPException, http_error_handler)
    app.add_exception_handler(RequestValidationError, validation_error_handler)

    @app.middleware("http")
    async def security_headers(request: Request, call_next) -> Response:
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    return app
