"""The chat's background work in each worker: every tick the presence noted in memory is
written and swept; every hour the retention work runs."""

from __future__ import annotations

import asyncio
import logging

from starlette.concurrency import run_in_threadpool

from server.chat.presence import PresenceBook, flush_presence, something_to_do, sweep
from server.chat.retention import destroy_expired_referrals, purge_transcripts
from server.config import Settings
from server.db.database import Database
from server.db.tables import utcnow

log = logging.getLogger(__name__)

RETENTION_EVERY = 3600.0


def tick(db: Database, settings: Settings, book: PresenceBook | None = None) -> None:
    if book is not None:
        staff, youth = book.take()
        if staff or youth:
            try:
                with db.write() as conn:
                    flush_presence(conn, staff, youth)
            except Exception:
                book.give_back(staff, youth)  # written at the next tick: nobody looks gone
                raise
    now = utcnow()
    with db.read() as conn:
        if not something_to_do(conn, now, settings.presence_timeout):
            return
    with db.write() as conn:
        sweep(
            conn,
            utcnow(),
            settings.presence_timeout,
            settings.chat_grace,
            settings.resume_window,
        )


def forget(db: Database, settings: Settings) -> None:
    with db.write() as conn:
        purged = purge_transcripts(conn, utcnow(), settings.transcript_retention_days)
        destroyed = destroy_expired_referrals(conn, utcnow())
    if purged or destroyed:
        log.info("purged %d transcripts, destroyed %d referral contacts", purged, destroyed)


async def chat_loop(db: Database, settings: Settings, book: PresenceBook | None = None) -> None:
    loop = asyncio.get_running_loop()
    next_forget = loop.time() + 10.0
    while True:
        try:
            await run_in_threadpool(tick, db, settings, book)
            if loop.time() >= next_forget:
                next_forget = loop.time() + RETENTION_EVERY
                await run_in_threadpool(forget, db, settings)
        except Exception:
            log.exception("chat sweep failed; retrying")
        await asyncio.sleep(settings.chat_tick)
