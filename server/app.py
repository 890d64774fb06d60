"""The FastAPI application: routers, error handling, body limit, background wake-ups."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from sqlalchemy.exc import DBAPIError

from server import __version__
from server.api import (
    admin,
    chat_page,
    chats,
    forum,
    forum_page,
    ping,
    policies,
    roster,
    roster_alerts,
    roster_duty,
    roster_exchange,
    roster_personal,
    session,
    supervision,
    sync,
    team,
    testing,
    youth,
    youth_forum,
)
from server.bodylimit import BodyLimitMiddleware
from server.chat.loop import chat_loop
from server.chat.presence import TOUCH_EVERY, PresenceBook
from server.config import Settings
from server.conflicts import RetryOnConflictMiddleware
from server.db.database import Database
from server.db.secrets import REFERRAL_SECRET_NAME, TOKEN_SECRET_NAME, ensure_secret
from server.errors import install_error_handlers
from server.fanout import Notifier, PgListener, safety_net
from server.forum.loop import forum_loop
from server.roster.attendance import attendance_loop
from server.state import AppState
from server.supervision.notes import NOTE_SECRET_NAME
from server.throttle import ClientThrottle
from server.tokens import TokenSigner

log = logging.getLogger(__name__)

API_PREFIX = "/api/v1"


def _signing_secret(settings: Settings, db: Database) -> str:
    if settings.secret_key:
        return settings.secret_key
    try:
        return ensure_secret(db, TOKEN_SECRET_NAME)
    except DBAPIError as exc:
        raise RuntimeError(
            "The database is not ready (run `python -m server migrate` first)."
        ) from exc


def create_app(settings: Settings, db: Database | None = None) -> FastAPI:
    """Build the application for `settings` (the database must be migrated)."""
    db = db if db is not None else Database(settings.database_url)
    state = AppState(
        settings=settings,
        db=db,
        signer=TokenSigner(_signing_secret(settings, db), settings.access_ttl),
        youth_message_throttle=ClientThrottle(settings.youth_rate, 10.0),
        forum_post_throttle=ClientThrottle(settings.forum_rate, youth_forum.RATE_WINDOW),
        presence=PresenceBook(min(TOUCH_EVERY, settings.presence_timeout / 4)),
        referral_secret=settings.referral_key or ensure_secret(db, REFERRAL_SECRET_NAME),
        note_secret=ensure_secret(db, NOTE_SECRET_NAME),
    )

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        notifier = Notifier(asyncio.get_running_loop())
        state.notifier = notifier
        db.add_commit_listener(notifier.wake_threadsafe)
        listener = PgListener(db.url, notifier) if db.is_postgresql else None
        if listener is not None:
            listener.start()
        net = asyncio.create_task(safety_net(db, notifier, settings.event_retention_days))
        sweeper = asyncio.create_task(chat_loop(db, settings, state.presence))
        forum_sweeper = asyncio.create_task(forum_loop(db, settings.chat_tick))
        attendance_sweeper = asyncio.create_task(attendance_loop(db, settings.chat_tick))
        try:
            yield
        finally:
            for task in (net, sweeper, forum_sweeper, attendance_sweeper):
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
            if listener is not None:
                await asyncio.to_thread(listener.stop)
            db.remove_commit_listener(notifier.wake_threadsafe)
            notifier.wake()
            state.notifier = None

    app = FastAPI(
        title="Hulpmix server",
        version=__version__,
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=f"{API_PREFIX}/docs",
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.hulpmix = state
    install_error_handlers(app)
    # Inside the body limit (added first = innermost): it replays the body that one read.
    app.add_middleware(RetryOnConflictMiddleware)
    app.add_middleware(BodyLimitMiddleware, limit=settings.max_body_bytes)
    routers = (session, sync, ping, team, admin, policies, youth, chats, youth_forum, forum, roster)
    for module in (
        *routers,
        roster_exchange,
        roster_duty,
        roster_alerts,
        roster_personal,
        supervision,
    ):
        app.include_router(module.router, prefix=API_PREFIX)
    app.include_router(chat_page.router)
    app.include_router(forum_page.router)
    if settings.test_routes:
        log.warning("test-only routes are mounted (HULPMIX_TEST_ROUTES)")
        app.include_router(testing.router, prefix=API_PREFIX)
    return app


def create_app_from_env() -> FastAPI:
    """The uvicorn factory: settings from the environment (set by `python -m server serve`)."""
    return create_app(Settings.from_env())
