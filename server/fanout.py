"""Waking this worker's long-polls and streams when the event log grows.

Three sources, all only wake-ups (the data always comes from the table):
- in-process: `Database` calls `Notifier.wake_threadsafe` after a commit that wrote events,
  with the audiences it wrote: only the waiters of those audiences wake;
- PostgreSQL: a thread LISTENs on `hulpmix_events` (NOTIFY is sent by every writing
  transaction, in any worker, with the audiences as payload) and reconnects when its
  connection drops;
- a safety net: once a second the counter is read and everyone is woken if it moved past
  what this worker already woke for, so an event reaches everyone within ~1-2 s even
  without NOTIFY (SQLite with several workers, a cut LISTEN connection).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
import weakref
from collections.abc import Iterable, Iterator
from datetime import timedelta

import psycopg
from sqlalchemy.engine import make_url
from starlette.concurrency import run_in_threadpool

from server.db.database import NOTIFY_CHANNEL, Database, parse_payload
from server.db.tables import utcnow
from server.events import prune_events, read_head

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


class Subscription:
    """One waiter's interest in some audience tags. `arm()` BEFORE reading the log, then
    `wait()`: a commit for one of the tags in between sets it, so nothing slips through."""

    __slots__ = ("event", "tags")

    def __init__(self, tags: frozenset[str]) -> None:
        self.tags = tags
        self.event = asyncio.Event()

    def arm(self) -> None:
        self.event.clear()

    async def wait(self, timeout: float) -> bool:
        """Wait for a wake-up or the timeout; True when woken."""
        if timeout <= 0:
            return self.event.is_set()
        try:
            await asyncio.wait_for(self.event.wait(), timeout)
        except TimeoutError:
            return False
        return True


class Notifier:
    """Wakes the waiters whose audiences a commit wrote to (all of them when unknown).

    Waking only the interested keeps a message from costing one log read per connected
    client: with 200 youths and 200 consoles that was 400 reads per message.
    Use on the event loop only; other threads call `wake_threadsafe`.
    """

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._subs: set[Subscription] = set()
        self._by_tag: dict[str, set[Subscription]] = {}
        #: The newest seq this worker has woken for; the safety net wakes on anything newer.
        self.last_head = -1
        _notifiers.add(self)

    @contextlib.contextmanager
    def subscribe(self, tags: frozenset[str]) -> Iterator[Subscription]:
        sub = Subscription(frozenset())
        self._subs.add(sub)
        self.retag(sub, tags)
        try:
            yield sub
        finally:
            self.retag(sub, frozenset())
            self._subs.discard(sub)

    def retag(self, sub: Subscription, tags: frozenset[str]) -> bool:
        """Change what `sub` listens to; True when it changed (the caller then re-reads,
        since a commit for a new tag may have landed before it listened)."""
        if tags == sub.tags:
            return False
        for tag in sub.tags - tags:
            group = self._by_tag.get(tag)
            if group is not None:
                group.discard(sub)
                if not group:
                    del self._by_tag[tag]
        for tag in tags - sub.tags:
            self._by_tag.setdefault(tag, set()).add(sub)
        sub.tags = tags
        return True

    @property
    def waiting(self) -> int:
        return len(self._subs)

    def wake(self, audiences: frozenset[str] | None = None, head: int = -1) -> None:
        """Wake the waiters of these audiences (everyone when None). Call on the loop."""
        self.last_head = max(self.last_head, head)
        if audiences is None:
            targets: Iterable[Subscription] = list(self._subs)
        else:
            found: set[Subscription] = set()
            for tag in audiences:
                found.update(self._by_tag.get(tag, ()))
            targets = found
        for sub in targets:
            sub.event.set()

    def wake_threadsafe(self, audiences: frozenset[str] | None = None, head: int = -1) -> None:
        """Wake from any thread (a `Database` commit listener)."""
        with contextlib.suppress(RuntimeError):  # loop already closed at shutdown
            self._loop.call_soon_threadsafe(self.wake, audiences, head)


#: Without a notifier (no lifespan) waiters fall back to polling this often.
POLL_SECONDS = 1.0


@contextlib.contextmanager
def listening(
    notifier: Notifier | None, audiences: frozenset[str]
) -> Iterator[Subscription | None]:
    """A subscription to commits for these audiences (None without a running notifier)."""
    if notifier is None:
        yield None
        return
    with notifier.subscribe(audiences) as sub:
        yield sub


def retagged(
    notifier: Notifier | None, sub: Subscription | None, audiences: frozenset[str]
) -> bool:
    """Listen to exactly these audiences; True when that changed."""
    if sub is None or notifier is None:
        return False
    return notifier.retag(sub, audiences)


async def wait_for(sub: Subscription | None, timeout: float) -> bool:
    """Wait for a commit for the subscription or the timeout; True when one came (always
    True without a notifier: the caller then simply reads again, i.e. polls)."""
    if sub is None:
        await asyncio.sleep(max(0.0, min(timeout, POLL_SECONDS)))
        return True
    return await sub.wait(timeout)


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
                        for note in conn.notifies(timeout=1.0):
                            audiences, head = parse_payload(note.payload)
                            self._notifier.wake_threadsafe(audiences, head)
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
            if head > notifier.last_head:
                notifier.wake(None, head)
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
