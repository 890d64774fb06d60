"""The retry of requests that lost a database conflict, and the answer once retries run out.

A deadlock on demand is shown against real PostgreSQL in `test_routing_locks.py`; here an
endpoint raises PostgreSQL's own error class (through SQLAlchemy, as a real one arrives) a
chosen number of times, so every branch of the middleware is reached exactly.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import httpx
import psycopg.errors
import pytest
from fastapi import FastAPI
from fastapi.responses import StreamingResponse
from sqlalchemy.exc import OperationalError

from server.conflicts import RetryOnConflictMiddleware
from server.errors import install_error_handlers


def _deadlock() -> OperationalError:
    return OperationalError("UPDATE staff_status ...", {}, psycopg.errors.DeadlockDetected())


class _Flaky:
    """Fails the first `failures` runs with `error`, then answers; counts runs and bodies."""

    def __init__(self, failures: int, error: Exception | None = None) -> None:
        self.failures = failures
        self.error = error or _deadlock()
        self.runs = 0
        self.bodies: list[bytes] = []


def _app(flaky: _Flaky) -> FastAPI:
    app = FastAPI()
    install_error_handlers(app)
    app.add_middleware(RetryOnConflictMiddleware, pause=0.0)

    @app.put("/thing")
    async def put_thing(request_body: dict[str, str]) -> dict[str, object]:
        flaky.runs += 1
        flaky.bodies.append(request_body["text"].encode())
        if flaky.runs <= flaky.failures:
            raise flaky.error
        return {"runs": flaky.runs}

    @app.get("/stream")
    def stream() -> StreamingResponse:
        def chunks() -> Iterator[bytes]:
            flaky.runs += 1
            yield b"first\n"
            raise flaky.error

        return StreamingResponse(chunks())

    return app


def _call(app: FastAPI, method: str, path: str, **kwargs: Any) -> httpx.Response:
    """One request through the app in this process (ASGI, no socket)."""

    async def run() -> httpx.Response:
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            answer = await client.request(method, path, **kwargs)
            await answer.aread()
            return answer

    return asyncio.run(run())


def test_a_conflict_is_run_again_with_the_same_body() -> None:
    flaky = _Flaky(failures=2)
    answer = _call(_app(flaky), "PUT", "/thing", json={"text": "hallo"})
    assert answer.status_code == 200, answer.text
    assert answer.json() == {"runs": 3}
    assert flaky.bodies == [b"hallo", b"hallo", b"hallo"]


def test_when_every_attempt_conflicts_the_answer_is_busy_not_an_incident() -> None:
    flaky = _Flaky(failures=10)
    answer = _call(_app(flaky), "PUT", "/thing", json={"text": "hallo"})
    assert flaky.runs == 3
    assert answer.status_code == 503
    assert answer.headers["Retry-After"] == "1"
    body = answer.json()
    assert body["error"] == "busy" and body["retry_after"] == 1
    assert "incident" not in body


@pytest.mark.parametrize(
    "error",
    [
        OperationalError("SELECT 1", {}, psycopg.errors.QueryCanceled()),
        RuntimeError("a bug"),
    ],
    ids=["other-database-error", "bug"],
)
def test_other_errors_are_not_run_again(error: Exception) -> None:
    flaky = _Flaky(failures=1, error=error)
    answer = _call(_app(flaky), "PUT", "/thing", json={"text": "hallo"})
    assert flaky.runs == 1
    assert answer.status_code == 500
    assert answer.json()["error"] == "internal" and answer.json()["incident"]


def test_an_answer_already_under_way_is_never_run_again() -> None:
    flaky = _Flaky(failures=10)
    answer = _call(_app(flaky), "GET", "/stream")
    assert flaky.runs == 1
    assert answer.status_code == 200 and answer.text == "first\n"  # cut off, not repeated
