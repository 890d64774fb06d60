"""Routing's lock order on PostgreSQL, where several workers route at once.

Routing is serialised by one advisory lock. A transaction that updated a staff row and only
then waited for that lock could hold the row the lock's holder (the presence sweep, say)
was about to update: PostgreSQL breaks such a cycle by failing one side. CI met it once as
a 500 on "available". These tests hold the lock from a second connection, as a routing
worker would, and update the same row the request touches.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import Connection, create_engine, text
from sqlalchemy.pool import NullPool

from server.chat.staffing import ROUTING_LOCK
from tests.support.chat import ChatWorld, StaffMember, query, serve_fresh, until, world
from tests.support.servers import RunningServer

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module", params=[pytest.param("postgresql", marks=pytest.mark.postgres)])
def pg_chat_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, dev_certs: Path
) -> Iterator[RunningServer]:
    yield from serve_fresh(request, tmp_path_factory, dev_certs)


@pytest.fixture
def w(pg_chat_server: RunningServer) -> Iterator[ChatWorld]:
    yield from world(pg_chat_server)


def _routing_waiters(conn: Connection) -> int:
    """Other sessions waiting for the routing lock right now."""
    return int(
        conn.execute(
            text(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
                " AND classid = 0 AND objid = :key AND pid <> pg_backend_pid()"
            ),
            {"key": ROUTING_LOCK},
        ).scalar_one()
    )


class _InBackground:
    """`member`'s status change sent from another thread (it will wait for our lock)."""

    def __init__(self, server: RunningServer, member: StaffMember, status: str) -> None:
        self.answer: httpx.Response | None = None

        def send() -> None:
            with server.client() as client:
                self.answer = client.put(
                    "/api/v1/me/status", json={"status": status}, headers=member.headers
                )

        self.thread = threading.Thread(target=send, daemon=True)
        self.thread.start()

    def result(self) -> httpx.Response:
        self.thread.join(timeout=30)
        assert self.answer is not None, "the status change never answered"
        return self.answer


def _touch_status_row(conn: Connection, user_id: int) -> None:
    conn.execute(
        text("UPDATE staff_status SET last_seen = last_seen WHERE user_id = :id"), {"id": user_id}
    )


def test_going_available_waits_for_routing_before_it_touches_its_row(w: ChatWorld) -> None:
    member = w.member("bascule.helper2")
    member.offline()  # the status row exists
    engine = create_engine(w.server.database_url, poolclass=NullPool)
    try:
        with engine.connect() as conn, conn.begin():
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": ROUTING_LOCK})
            pending = _InBackground(w.server, member, "available")
            until(lambda: _routing_waiters(conn) >= 1, what="the request waiting for routing")
            # What a routing worker does with the lock held: update the person's row. Had the
            # request written that row before waiting, this would close a cycle.
            conn.execute(text("SET LOCAL lock_timeout = '20s'"))
            _touch_status_row(conn, member.id)
        answer = pending.result()
    finally:
        engine.dispose()
    assert answer.status_code == 200, answer.text
    assert answer.json()["status"] == "available"


def test_a_request_that_loses_a_deadlock_is_run_again(w: ChatWorld) -> None:
    """Lock order inverted on purpose: PostgreSQL fails the request as the deadlock's victim;
    the server runs it again once the way is free, and the console never sees the conflict."""
    member = w.member("bascule.helper2")
    member.offline()
    engine = create_engine(w.server.database_url, poolclass=NullPool)
    try:
        with engine.connect() as conn, conn.begin():
            # Our side waits long before checking for a deadlock, so the request's backend
            # (the default second) finds it and gives way.
            conn.execute(text("SET LOCAL deadlock_timeout = '30s'"))
            _touch_status_row(conn, member.id)  # the row first ...
            pending = _InBackground(w.server, member, "available")
            until(lambda: _waiting_on_row(conn), what="the request waiting for the row")
            # ... then the lock the request holds: a cycle, and the request is failed.
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": ROUTING_LOCK})
            # Run again, it now waits for our lock, holding nothing.
            until(lambda: _routing_waiters(conn) >= 1, what="the request run again")
            assert _status(w.server, member.id) == "offline"  # the failed run stored nothing
        answer = pending.result()
    finally:
        engine.dispose()
    assert answer.status_code == 200, answer.text
    assert answer.json()["status"] == "available"
    assert _status(w.server, member.id) == "available"
    log = w.server.tail(400)
    assert "PUT /api/v1/me/status: database conflict (attempt 1 of 3), running it again" in log


def _waiting_on_row(conn: Connection) -> bool:
    """Another session waits for a lock our transaction holds (the staff row)."""
    return bool(
        conn.execute(
            text(
                "SELECT count(*) FROM pg_stat_activity"
                " WHERE pg_backend_pid() = ANY(pg_blocking_pids(pid))"
            )
        ).scalar_one()
    )


def _status(server: RunningServer, user_id: int) -> str:
    rows = query(server, "SELECT status FROM staff_status WHERE user_id = :id", id=user_id)
    return str(rows[0]["status"])
