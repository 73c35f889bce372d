"""Errors as a person or a script expects them: an HTML page under /, a JSON object under /api.

Both say the status and one plain sentence of what went wrong. A request that breaks a bound or
has a malformed parameter is a 400 (not FastAPI's default 422), with the parameter named.
"""

from __future__ import annotations

from http import HTTPStatus

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response


def wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api/") or path == "/api" or path == "/openapi.json"


def error_response(request: Request, status: int, message: str) -> Response:
    try:
        title = HTTPStatus(status).phrase
    except ValueError:
        title = "Error"
    if wants_json(request):
        return JSONResponse({"error": {"status": status, "title": title, "message": message}}, status_code=status)
    templates = request.app.state.templates
    return templates.TemplateResponse(request, "error.html", {"status": status, "title": title, "message": message},
                                      status_code=status)


async def http_error_handler(request: Request, exc: StarletteHTTPException) -> Response:
    message = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).description
    if exc.status_code == 404 and exc.detail == "Not Found":
        message = f"There is no page at {request.url.path}."
    return error_response(request, exc.status_code, message)


async def validation_error_handler(request: Request, exc: RequestValidationError) -> Response:
    return error_response(request, 400, "; ".join(_describe(e) for e in exc.errors()))


def _describe(error: dict) -> str:
    where = [str(p) for p in error.get("loc", ()) if p not in ("query", "path", "body")]
    name = ".".join(where) or "request"
    return f"{name}: {error.get('msg', 'invalid value')}"
