"""One error shape for every answer: `{"error": code, "message": sentence, ...}`.

No stack trace or SQL ever leaves the server: unexpected exceptions are logged here with
an incident id and the client gets only that id.
"""

from __future__ import annotations

import json
import logging
import uuid
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from server.conflicts import is_transient

log = logging.getLogger("server.errors")

_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    422: "invalid",
    429: "throttled",
    503: "busy",
}


class ApiError(Exception):
    """Raise to answer `status` with `{"error": code, "message": message, **extra}`."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        headers: dict[str, str] | None = None,
        **extra: Any,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers
        self.extra = extra


def unauthorized(message: str = "Log in again.") -> ApiError:
    return ApiError(
        401, "unauthorized", message, headers={"WWW-Authenticate": 'Bearer realm="hulpmix"'}
    )


def forbidden(message: str = "Your role does not allow this.") -> ApiError:
    return ApiError(403, "forbidden", message)


def not_found(message: str = "Not found.") -> ApiError:
    return ApiError(404, "not_found", message)


def conflict(message: str, **extra: Any) -> ApiError:
    return ApiError(409, "conflict", message, **extra)


def error_response(
    status: int, code: str, message: str, headers: dict[str, str] | None = None, **extra: Any
) -> JSONResponse:
    body: dict[str, Any] = {"error": code, "message": message, **extra}
    return JSONResponse(body, status_code=status, headers=headers)


def _field_name(loc: tuple[Any, ...] | list[Any]) -> str:
    parts = [str(p) for p in loc]
    if parts and parts[0] in {"body", "query", "path", "header", "cookie"}:
        parts = parts[1:]
    return ".".join(parts) or "body"


async def _api_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return error_response(exc.status, exc.code, exc.message, exc.headers, **exc.extra)


async def _validation_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = list(exc.errors())
    if any(e.get("type") == "json_invalid" for e in errors):
        return error_response(400, "bad_request", "The request body is not valid JSON.")
    fields = [
        {"field": _field_name(e.get("loc", ())), "message": str(e.get("msg", "invalid"))}
        for e in errors
    ]
    summary = "; ".join(f"{f['field']}: {f['message']}" for f in fields[:5])
    return error_response(422, "invalid", f"Please check the input. {summary}", fields=fields)


async def _http_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    code = _HTTP_CODES.get(exc.status_code, "error")
    message = exc.detail if isinstance(exc.detail, str) else "The request failed."
    if exc.status_code == 404:
        message = "Not found."
    elif exc.status_code == 400:
        message = "The request body could not be read."
    return error_response(exc.status_code, code, message, dict(exc.headers or {}))


async def _internal_error(request: Request, exc: Exception) -> JSONResponse:
    if is_transient(exc):  # still, after server.conflicts ran it again
        log.warning(
            "%s %s: database conflict, answered 503: %s",
            request.method,
            request.url.path,
            getattr(exc, "orig", exc),
        )
        return error_response(
            503,
            "busy",
            "The server was busy with the same data. Please try again.",
            headers={"Retry-After": "1"},
            retry_after=1,
        )
    incident = uuid.uuid4().hex[:12]
    log.error("incident %s: %s %s failed", incident, request.method, request.url.path, exc_info=exc)
    return error_response(
        500,
        "internal",
        "Something went wrong on the server. Please quote the incident id to the helpdesk.",
        incident=incident,
    )


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _internal_error)
    document_errors(app)


#: The error answers any operation may give (tests/security/test_fuzz_api.py holds every
#: answer to the schema). 500 is left out on purpose: it is never part of the contract.
DOCUMENTED_ERRORS = {
    400: "The body is not valid JSON.",
    401: "No valid token (log in again).",
    403: "The role or scope does not allow this.",
    404: "Not found.",
    409: "Conflict: a stale version (with the current one), a repeat or a state rule.",
    413: "The body or a text in it is too large.",
    422: "The input is invalid; `fields` names each field.",
    429: "Throttled; `Retry-After` says how long to wait.",
    503: "Busy: a database conflict with another request; nothing was stored, try again "
    "after `Retry-After` seconds.",
}

ERROR_SCHEMA: dict[str, Any] = {
    "title": "Error",
    "type": "object",
    "required": ["error", "message"],
    "properties": {
        "error": {"type": "string", "description": "A short code, e.g. `invalid`."},
        "message": {"type": "string", "description": "An English sentence."},
        "fields": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["field"],
                "properties": {"field": {"type": "string"}, "message": {"type": "string"}},
            },
        },
    },
}


def document_errors(app: FastAPI) -> None:
    """Declare the one error shape and the error statuses on every operation of the schema
    (FastAPI alone declares only 422, and in its own shape, which this server never sends)."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is not None:
            return app.openapi_schema
        schema = build()
        schemas = schema.setdefault("components", {}).setdefault("schemas", {})
        schemas["Error"] = ERROR_SCHEMA
        content = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
        for item in schema.get("paths", {}).values():
            for operation in item.values():
                responses = operation.setdefault("responses", {})
                for status, text in DOCUMENTED_ERRORS.items():
                    responses[str(status)] = {"description": text, "content": content}
        for unused in ("HTTPValidationError", "ValidationError"):
            schemas.pop(unused, None)
        if "#/components/schemas/ValidationError" in json.dumps(schema):
            raise RuntimeError("the schema still refers to FastAPI's own 422 shape")
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
