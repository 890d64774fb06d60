"""Requests that lost a database conflict are run again, a few times, before anyone sees it.

On PostgreSQL two write transactions can get in each other's way: each holds a row the other
needs (the event counter that every event takes is one such row), and PostgreSQL breaks the
cycle by failing one of them with "deadlock detected" (SQLSTATE 40P01), or a serialization
failure (40001). The failed transaction was rolled back whole, so running the request again
is safe; PostgreSQL's own advice is to retry. The lock order in the code keeps this rare
(routing takes its lock first); this middleware makes the rest invisible.

It sits inside the body limit, so the body it keeps to replay is a small one. A request
whose answer has started (a stream) is never run again. After the last attempt
the error goes on to `server.errors`, which answers 503 `busy` with `Retry-After`.
"""

from __future__ import annotations

import asyncio
import logging
import random

from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger(__name__)

#: PostgreSQL's "deadlock detected" and "could not serialize access".
TRANSIENT_SQLSTATES = frozenset({"40P01", "40001"})


def is_transient(exc: BaseException) -> bool:
    """A database conflict that running the transaction again resolves."""
    orig = getattr(exc, "orig", None)
    return getattr(orig, "sqlstate", None) in TRANSIENT_SQLSTATES


async def _whole_body(receive: Receive) -> Message:
    """The request body as one message (or the disconnect that cut it short)."""
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return message
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            return {"type": "http.request", "body": b"".join(chunks), "more_body": False}


class RetryOnConflictMiddleware:
    def __init__(self, app: ASGIApp, attempts: int = 3, pause: float = 0.02) -> None:
        self.app = app
        self.attempts = attempts
        self.pause = pause

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        first: Message | None = None
        for attempt in range(1, self.attempts + 1):
            started = False
            given = False

            async def replay() -> Message:
                nonlocal first, given
                if not given:
                    given = True
                    if first is None:
                        first = await _whole_body(receive)
                    return first
                return await receive()

            async def watch(message: Message) -> None:
                nonlocal started
                started = True
                await send(message)

            try:
                await self.app(scope, replay, watch)
                return
            except Exception as exc:
                if started or attempt == self.attempts or not is_transient(exc):
                    raise
                log.warning(
                    "%s %s: database conflict (attempt %d of %d), running it again",
                    scope.get("method"),
                    scope.get("path"),
                    attempt,
                    self.attempts,
                )
                # A little apart, so the two sides of a conflict do not meet again at once.
                await asyncio.sleep(self.pause * attempt * (1 + random.random()))  # noqa: S311 - jitter
