"""The forum's background work in each worker: create today's rounds, mark a window that
passed unscreened as missed (one alert, whichever worker gets there first) and close
rounds left open long after their window."""

from __future__ import annotations

import asyncio
import logging

from starlette.concurrency import run_in_threadpool

from server.db.database import Database
from server.forum import clock
from server.forum.core import sweep_due, sweep_rounds
from server.forum.settings import load

log = logging.getLogger(__name__)


def tick(db: Database) -> int:
    now = clock.now()
    with db.read() as conn:
        if not sweep_due(conn, now):
            return 0
    with db.write() as conn:
        return sweep_rounds(conn, load(conn), clock.now())


async def forum_loop(db: Database, every: float) -> None:
    while True:
        try:
            await run_in_threadpool(tick, db)
        except Exception:
            log.exception("forum sweep failed; retrying")
        await asyncio.sleep(every)
