"""seq follows commit order: a reader following `since` never skips a late commit.

Writers append through `server.events` with random sleeps INSIDE their transactions, so a
transaction that took the counter first may commit after one that started later (if the
counter did not serialise them). Readers follow the cursor through the same read
function, and through the real /sync over HTTPS.
"""

from __future__ import annotations

import random
import threading
import time
from pathlib import Path

import pytest

from server.db import Database
from server.db.migrate import upgrade
from server.events import append_event, read_events
from tests.support.api import auth, login
from tests.support.pg import PgCluster
from tests.support.servers import RunningServer

WRITERS = 6
PER_WRITER = 15
AUDIENCE = "all"


def _writer(db: Database, n: int, errors: list[BaseException]) -> None:
    rng = random.Random(n)
    try:
        for i in range(PER_WRITER):
            with db.write() as conn:
                time.sleep(rng.uniform(0, 0.01))
                append_event(conn, "test:order", "test.order", AUDIENCE, {"w": n, "i": i})
                time.sleep(rng.uniform(0, 0.03))  # hold the transaction open after taking seq
    except BaseException as exc:  # pragma: no cover - reported below
        errors.append(exc)


def _follow(db: Database, start: int, until: threading.Event, seen: list[int]) -> None:
    cursor = start
    while True:
        finished = until.is_set()
        with db.read() as conn:
            batch = read_events(conn, cursor, frozenset({AUDIENCE}), limit=7)
        assert not batch.reset
        seen.extend(e.seq for e in batch.events if e.stream == "test:order")
        cursor = batch.next
        if finished and not batch.limited:
            return
        if not batch.events:
            time.sleep(0.002)


def _follow_http(
    server: RunningServer, start: int, until: threading.Event, seen: list[int]
) -> None:
    with server.client() as client:
        headers = auth(login(client, "bascule.trainee2")["access_token"])
        cursor = start
        while True:
            finished = until.is_set()
            answer = client.get(
                "/api/v1/sync", params={"since": cursor, "timeout": 1}, headers=headers
            ).json()
            assert not answer["reset"]
            seen.extend(e["seq"] for e in answer["events"] if e["stream"] == "test:order")
            cursor = answer["next"]
            if finished and not answer["limited"]:
                return


def _written(db: Database, start: int) -> list[int]:
    """Every seq the writers got, from the log itself. Not `range(start + 1, head + 1)`: the
    running server's own loops (presence, forum rounds, the chat clock) may append events of
    their own meanwhile; six did in a CI run one evening at 18:25, Amsterdam time."""
    found: list[int] = []
    cursor = start
    while True:
        with db.read() as conn:
            batch = read_events(conn, cursor, frozenset({AUDIENCE}), limit=500)
        found.extend(e.seq for e in batch.events if e.stream == "test:order")
        cursor = batch.next
        if not batch.limited:
            return found


def _prove(db: Database, server: RunningServer | None = None) -> None:
    with db.read() as conn:
        start = read_events(conn, 1, frozenset({AUDIENCE})).head
    if start == 0:  # the cursor 0 means "reset"; give the log a first event
        with db.write() as conn:
            append_event(conn, "test:warmup", "test.warmup", AUDIENCE, {})
        start = 1
    done = threading.Event()
    errors: list[BaseException] = []
    seen: list[int] = []
    seen_http: list[int] = []
    readers = [threading.Thread(target=_follow, args=(db, start, done, seen))]
    if server is not None:
        readers.append(threading.Thread(target=_follow_http, args=(server, start, done, seen_http)))
    writers = [threading.Thread(target=_writer, args=(db, n, errors)) for n in range(WRITERS)]
    for thread in readers + writers:
        thread.start()
    for thread in writers:
        thread.join(timeout=120)
    done.set()
    for thread in readers:
        thread.join(timeout=120)
    assert not errors, errors
    written = _written(db, start)
    assert len(written) == WRITERS * PER_WRITER
    assert seen == written, "the reader skipped, repeated or reordered a seq"
    if server is not None:
        assert seen_http == written, "/sync skipped, repeated or reordered a seq"


@pytest.mark.postgres
def test_commit_order_postgresql(pg_cluster: PgCluster, dev_certs: Path) -> None:
    from tests.support.servers import run_cli

    url = pg_cluster.create_database()
    run_cli("demo-data", database_url=url)
    db = Database(url)
    server = RunningServer(url, dev_certs).start()
    try:
        _prove(db, server)
    finally:
        server.stop()
        db.dispose()


def test_commit_order_sqlite(tmp_path: Path, demo_sqlite_server: RunningServer) -> None:
    db = Database(demo_sqlite_server.database_url)
    try:
        _prove(db, demo_sqlite_server)
    finally:
        db.dispose()


def test_commit_order_sqlite_without_server(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'order.db'}")
    upgrade(db)
    try:
        _prove(db)
    finally:
        db.dispose()
