"""Engines and transactions for SQLite (embedded) and PostgreSQL (production).

`Database.write()` is one write transaction: on SQLite it starts with `BEGIN IMMEDIATE`, so
the writer takes the database lock up front and two writers never deadlock upgrading a
read lock; on PostgreSQL the event counter row lock does the serialising. After a commit
that appended events, the registered commit listeners run with the audiences written and
the newest seq (they wake the long-polls of those audiences only). On PostgreSQL the same
is sent as `NOTIFY` payload, delivered to every worker only when the transaction commits.
`Database.read()` is one read transaction (a consistent snapshot on SQLite).

SQLite writers of one process queue on an in-process lock before `BEGIN IMMEDIATE`: a
thread waiting on a Python lock runs the moment the previous writer commits, whereas
SQLite's own busy handler sleeps and retries (up to 100 ms a turn), which under load is
most of a message's delivery time. Writers in other processes still meet the busy timeout.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.pool import ConnectionPoolEntry

log = logging.getLogger(__name__)

#: Key in Connection.info where append_event collects what this transaction wrote.
EVENTS_WRITTEN = "hulpmix_events_written"
NOTIFY_CHANNEL = "hulpmix_events"
#: PostgreSQL allows 8000 bytes of NOTIFY payload; beyond this the payload says "everyone".
NOTIFY_PAYLOAD_MAX = 7000
#: SQLite: one connection per worker thread (anyio's default pool has 40) plus the loops.
SQLITE_POOL_SIZE = 40
#: Prepared statements each SQLite connection keeps (see `_sqlite_engine`).
SQLITE_CACHED_STATEMENTS = 16

#: Called after a commit that wrote events: (audiences written or None for "anyone", head).
CommitListener = Callable[[frozenset[str] | None, int], None]


@dataclass
class Written:
    """What one write transaction appended to the event log."""

    audiences: set[str] = field(default_factory=set)
    head: int = 0

    def payload(self) -> str:
        """`NOTIFY` payload: the head, then the audience tags (tags have no spaces)."""
        text = " ".join([str(self.head), *sorted(self.audiences)])
        return text if len(text) <= NOTIFY_PAYLOAD_MAX else f"{self.head} *"


def parse_payload(payload: str) -> tuple[frozenset[str] | None, int]:
    """The inverse of `Written.payload`; an unreadable payload wakes everyone."""
    head, _, rest = payload.partition(" ")
    tags = frozenset(rest.split())
    try:
        seq = int(head)
    except ValueError:
        return None, 0
    return (None if not tags or "*" in tags else tags), seq


_WRITE_OPTION = "hulpmix_write"

SQLITE_BUSY_TIMEOUT_MS = 30_000


def normalise_url(url: str) -> str:
    """Accept `postgresql://` and `postgres://` and use psycopg 3 for them."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def make_engine(url: str) -> Engine:
    url = normalise_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(url)
    if parsed.get_backend_name() == "postgresql":
        return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)
    raise ValueError(
        f"unsupported database: {parsed.get_backend_name()} (use sqlite or postgresql)"
    )


def _sqlite_engine(url: str) -> Engine:
    engine = create_engine(
        url,
        connect_args={
            "check_same_thread": False,
            "timeout": 30,
            # Prepared statements kept per connection (Python's default: 128). Filling
            # those caches was most of SQLite's own memory growth in the soak (4 MB a
            # minute, still rising after 4 minutes); with 16 it stayed at ~6 MB.
            "cached_statements": SQLITE_CACHED_STATEMENTS,
        },
        pool_size=SQLITE_POOL_SIZE,
        max_overflow=10,
        # Hand out the most recently used connection: the default (oldest first) cycles
        # through all of them, so every one fills its own caches; last-in-first-out keeps
        # as many hot as run at once (17 in the soak) and the rest idle and small.
        pool_use_lifo=True,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
        # Take transaction control away from pysqlite; we emit BEGIN ourselves.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA synchronous=NORMAL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        if conn.get_execution_options().get(_WRITE_OPTION):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")

    return engine


class Database:
    """One engine plus the transaction helpers every part of the server uses."""

    def __init__(self, url: str, engine: Engine | None = None) -> None:
        self.url = normalise_url(url)
        self.engine = engine if engine is not None else make_engine(self.url)
        self._listeners: list[CommitListener] = []
        self._lock = threading.Lock()
        self._write_lock = threading.RLock()

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def is_postgresql(self) -> bool:
        return self.dialect == "postgresql"

    def add_commit_listener(self, listener: CommitListener) -> None:
        """Call `listener` (from the committing thread) after each commit that wrote events."""
        with self._lock:
            self._listeners.append(listener)

    def remove_commit_listener(self, listener: CommitListener) -> None:
        with self._lock:
            if listener in self._listeners:
                self._listeners.remove(listener)

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """A write transaction: committed when the block ends, rolled back on an exception."""
        serialise = nullcontext() if self.is_postgresql else self._write_lock
        written: Written | None = None
        with serialise, self.engine.connect() as conn:
            conn = conn.execution_options(**{_WRITE_OPTION: True})
            conn.info.pop(EVENTS_WRITTEN, None)
            try:
                with conn.begin():
                    yield conn
                    pending = conn.info.get(EVENTS_WRITTEN)
                    if isinstance(pending, Written) and self.is_postgresql:
                        conn.execute(select(func.pg_notify(NOTIFY_CHANNEL, pending.payload())))
                written = conn.info.pop(EVENTS_WRITTEN, None)
            finally:
                conn.info.pop(EVENTS_WRITTEN, None)
        if isinstance(written, Written):
            self._notify(frozenset(written.audiences), written.head)

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A read-only transaction (rolled back at the end)."""
        with self.engine.connect() as conn, conn.begin() as txn:
            try:
                yield conn
            finally:
                txn.rollback()

    def _notify(self, audiences: frozenset[str] | None, head: int) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(audiences, head)
            except Exception:  # a broken waker must never fail a committed write
                log.exception("commit listener failed")

    def dispose(self) -> None:
        self.engine.dispose()
