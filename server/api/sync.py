"""Reading the event log: long-poll (`/sync`) and Server-Sent Events (`/events`)."""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Query, Request
from fastapi.responses import StreamingResponse
from starlette.concurrency import run_in_threadpool

from server.auth import Principal, authenticate, policy
from server.chat.access import audience_extra, event_filter, grants_for
from server.chat.core import CHAT_ROLES
from server.chat.snapshot import chat_snapshot
from server.db.database import Database
from server.db.tables import utcnow
from server.errors import ApiError
from server.events import Batch, read_events, read_head
from server.fanout import draining, listening, retagged, wait_for
from server.state import AppState, app_state
from server.team import snapshot

router = APIRouter(tags=["sync"])

READER = policy(None, "self")
Caller = Annotated[Principal, Depends(READER)]

KEEPALIVE_SECONDS = 15.0


def _read(
    db: Database, since: int, caller: Principal
) -> tuple[Batch, dict[str, Any] | None, frozenset[str]]:
    """The caller's events after `since`, a snapshot on reset, and the audiences read
    (they grow and shrink with the chats the caller may read)."""
    with db.read() as conn:
        grants = grants_for(conn, caller.user_id, caller.institution_id, caller.roles)
        spans = event_filter(grants)

        def allow(audience: str, seq: int) -> bool:
            limits = spans.get(audience)
            return limits is None or any(g.covers(seq) for g in limits)

        audiences = caller.audience | audience_extra(caller.roles, grants)
        batch = read_events(conn, since, audiences, allow=allow)
        snap = None
        if batch.reset:
            snap = snapshot(conn, caller.institution_id)
            chat = chat_snapshot(conn, caller.user_id, caller.roles, grants)
            if chat is not None:
                snap["chat"] = chat
    return batch, snap, audiences


def _touch(state: AppState, caller: Principal) -> None:
    """This staff member is connected: noted in memory (written once a tick)."""
    if CHAT_ROLES & caller.roles:
        state.presence.staff(caller.user_id, utcnow())


def _head(db: Database) -> int:
    with db.read() as conn:
        return read_head(conn)


@router.get("/sync")
async def sync(
    request: Request,
    caller: Caller,
    since: Annotated[int, Query(ge=0)] = 0,
    timeout: Annotated[float, Query(ge=0, le=55)] = 25,
) -> Any:
    """The caller's events after `since`; holds up to `timeout` s when there are none."""
    state = app_state(request)
    _touch(state, caller)
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    cursor = since
    with listening(state.notifier, caller.audience) as sub:
        while True:
            if sub is not None:
                sub.arm()
            batch, snap, audiences = await run_in_threadpool(_read, state.db, cursor, caller)
            if batch.reset or batch.events or loop.time() >= deadline or draining():
                break
            cursor = batch.next
            if retagged(state.notifier, sub, audiences):
                continue  # listening to a new chat now: read once more
            # Wake at least every touch interval: an open long-poll is a present helper,
            # as long as the client is still there to receive the answer. Only a commit
            # for the caller's audiences (or the deadline) makes a new read worthwhile.
            woke = gone = False
            while not woke and loop.time() < deadline and not draining():
                woke = await wait_for(sub, min(deadline - loop.time(), state.presence.every))
                gone = await request.is_disconnected()
                if gone:
                    break
                _touch(state, caller)
            if gone:
                break
    _touch(state, caller)
    answer: dict[str, Any] = {
        "events": [e.to_json() for e in batch.events],
        "next": batch.next,
        "limited": batch.limited,
        "reset": batch.reset,
    }
    if snap is not None:
        answer["snapshot"] = snap
    return answer


def _frame(event: str, data: Any, event_id: int | None = None) -> str:
    lines = [] if event_id is None else [f"id: {event_id}"]
    lines.append(f"event: {event}")
    lines.append("data: " + json.dumps(data, separators=(",", ":"), ensure_ascii=False))
    return "\n".join(lines) + "\n\n"


def _cursor(since: int | None, last_event_id: str | None) -> int | None:
    if last_event_id is not None and last_event_id.strip().isdigit():
        return int(last_event_id.strip())
    return since


@router.get("/events", response_class=StreamingResponse)
async def event_stream(
    request: Request,
    caller: Caller,
    since: Annotated[int | None, Query(ge=0)] = None,
    last_event_id: Annotated[str | None, Header()] = None,
) -> StreamingResponse:
    """The event log as `text/event-stream` (starts at the head without a cursor)."""
    state = app_state(request)
    token = request.headers.get("authorization", "").partition(" ")[2]
    start = _cursor(since, last_event_id)
    head = await run_in_threadpool(_head, state.db)
    return StreamingResponse(
        _stream(state, caller, token, head if start is None else start, head),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )


async def _stream(
    state: AppState, caller: Principal, token: str, cursor: int, head: int
) -> AsyncIterator[str]:
    if state.settings.test_routes and state.settings.test_sse_hello_delay > 0:
        await asyncio.sleep(state.settings.test_sse_hello_delay)
    _touch(state, caller)
    yield _frame("hello", {"head": head})
    last_sent = time.monotonic()
    with listening(state.notifier, caller.audience) as sub:
        fresh = True  # something may have been committed for us: read the log
        while True:
            if fresh:
                if sub is not None:
                    sub.arm()
                batch, _snap, audiences = await run_in_threadpool(_read, state.db, cursor, caller)
                if batch.reset:
                    yield _frame("reset", {"head": batch.head})
                    return
                for event in batch.events:
                    yield _frame(event.kind, event.to_json(), event.seq)
                    last_sent = time.monotonic()
                cursor = batch.next
                if batch.limited:
                    continue
                if retagged(state.notifier, sub, audiences):
                    continue  # listening to a new chat now: read once more
            token_left = caller.token_expires_at - time.time()
            if token_left <= 0 or draining():
                return
            quiet = time.monotonic() - last_sent
            fresh = await wait_for(
                sub, min(KEEPALIVE_SECONDS - quiet, token_left, state.presence.every)
            )
            _touch(state, caller)
            if not fresh and time.monotonic() - last_sent >= KEEPALIVE_SECONDS - 0.01:
                if not await _still_valid(state, token):
                    return
                _touch(state, caller)
                yield ": keep-alive\n\n"
                last_sent = time.monotonic()


async def _still_valid(state: AppState, token: str) -> bool:
    """Whether the stream's token still works (session not revoked, user active)."""
    with contextlib.suppress(ApiError):
        await run_in_threadpool(authenticate, state, token)
        return True
    return False
