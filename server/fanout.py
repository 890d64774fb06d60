"""Waking this worker's long-polls and streams when the event log grows.

Three sources, all only wake-ups (the data always comes from the table):
- in-process: `Database` calls `Notifier.wake_threadsafe` after a commit that wrote events;
- PostgreSQL: a thread LISTENs on `hulpmix_events` (NOTIFY is sent by every writing
  transaction, in any worker) and reconnects when its connection drops;
- a safety net: once a second the counter is read and waiters are woken if it moved, so an
  event reaches everyone within ~1-2 s even without NOTIFY (SQLite with several workers, a
  cut LISTEN connection).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
import weakref
from datetime import timedelta

import psycopg
from sqlalchemy.engine import make_url
from starlette.concurrency import run_in_threadpool

from server.db.database import Database
from server.db.tables import utcnow
from server.events import NOTIFY_CHANNEL, prune_events, read_head

log = logging.getLogger(__name__)

SAFETY_NET_INTERVAL = 1.0
PRUNE_INTERVAL = 3600.0


_draining = threading.Event()
_notifiers: weakref.WeakSet[Notifier] = weakref.WeakSet()


def begin_drain() -> None:
    """The server is stopping: held long-polls answer now and streams close."""
    _draining.set()
    for notifier in list(_notifiers):
        notifier.wake_threadsafe()


def draining() -> bool:
    return _draining.is_set()


class Notifier:
    """A generation of wake-ups: waiters take `current()` BEFORE reading, then wait on it."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._event = asyncio.Event()
        self.last_head = -1
        _notifiers.add(self)

    def current(self) -> asyncio.Event:
        return self._event

    def wake(self) -> None:
        """Wake everyone waiting now (call on the loop)."""
        event, self._event = self._event, asyncio.Event()
        event.set()

    def wake_threadsafe(self) -> None:
        """Wake from any thread."""
        with contextlib.suppress(RuntimeError):  # loop already closed at shutdown
            self._loop.call_soon_threadsafe(self.wake)


class PgListener:
    """A thread holding its own psycopg connection that LISTENs and wakes the notifier."""

    def __init__(self, url: str, notifier: Notifier) -> None:
        parsed = make_url(url).set(drivername="postgresql")
        self._conninfo = parsed.render_as_string(hide_password=False)
        self._notifier = notifier
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="hulpmix-listen", daemon=True)
        self.connected = threading.Event()

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        delay = 0.5
        while not self._stop.is_set():
            try:
                with psycopg.connect(self._conninfo, autocommit=True, connect_timeout=5) as conn:
                    conn.execute(f"LISTEN {NOTIFY_CHANNEL}")
                    self.connected.set()
                    delay = 0.5
                    # Anything may have happened while we were not listening.
                    self._notifier.wake_threadsafe()
                    while not self._stop.is_set():
                        woke = False
                        for _ in conn.notifies(timeout=1.0):
                            woke = True
                        if woke:
                            self._notifier.wake_threadsafe()
            except Exception as exc:
                self.connected.clear()
                if self._stop.is_set():
                    return
                log.warning("LISTEN connection lost (%s); reconnecting in %.1f s", exc, delay)
                self._stop.wait(delay)
                delay = min(delay * 2, 10.0)


async def safety_net(db: Database, notifier: Notifier, retention_days: int) -> None:
    """Poll the counter once a second; prune old events once an hour."""
    loop = asyncio.get_running_loop()
    next_prune = loop.time() + 5.0
    while True:
        try:
            head = await run_in_threadpool(_read_head, db)
            if head != notifier.last_head:
                notifier.last_head = head
                notifier.wake()
            if loop.time() >= next_prune:
                next_prune = loop.time() + PRUNE_INTERVAL
                removed = await run_in_threadpool(_prune, db, retention_days)
                if removed:
                    log.info("pruned %d events older than %d days", removed, retention_days)
        except Exception:
            log.exception("event safety net failed; retrying")
        await asyncio.sleep(SAFETY_NET_INTERVAL)


def _read_head(db: Database) -> int:
    with db.read() as conn:
        return read_head(conn)


def _prune(db: Database, retention_days: int) -> int:
    with db.write() as conn:
        return prune_events(conn, utcnow() - timedelta(days=retention_days))
