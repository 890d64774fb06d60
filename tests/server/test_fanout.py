"""Wake-ups by audience: a commit wakes the waiters of the audiences it wrote, no others.

With every waiter woken by every commit, 200 youths and 200 consoles cost 400 log reads
per chat message; these tests pin the narrower rule, in-process (the commit listener) and
across workers (PostgreSQL NOTIFY with the audiences as payload).
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from server.db import Database
from server.db.database import NOTIFY_PAYLOAD_MAX, Written, parse_payload
from server.db.migrate import upgrade
from server.events import append_event, read_head
from server.fanout import Notifier, PgListener
from tests.support.pg import PgCluster

WAIT = 20.0


def _write(db: Database, *audiences: str) -> None:
    with db.write() as conn:
        for audience in audiences:
            append_event(conn, "test:fanout", "test.fanout", audience, {"a": audience})


async def _prove_narrow_wake(db: Database, notifier: Notifier) -> None:
    with (
        notifier.subscribe(frozenset({"chat:1", "user:7"})) as mine,
        notifier.subscribe(frozenset({"chat:2"})) as other,
        notifier.subscribe(frozenset({"chat:1"})) as also_mine,
    ):
        for sub in (mine, other, also_mine):
            sub.arm()
        await asyncio.to_thread(_write, db, "chat:1")
        assert await mine.wait(WAIT)
        assert await also_mine.wait(WAIT)
        # A wrong wake-up would have come with the same call that woke `mine`; the pause
        # only lets anything else queued on the loop run first.
        await asyncio.sleep(0.2)
        assert not other.event.is_set(), "a commit for chat:1 woke a waiter of chat:2"

        # Re-tagged to chat:2, the first waiter now wakes for chat:2 and no longer for chat:1.
        assert notifier.retag(mine, frozenset({"chat:2"}))
        assert not notifier.retag(mine, frozenset({"chat:2"}))
        for sub in (mine, other, also_mine):
            sub.arm()
        await asyncio.to_thread(_write, db, "chat:2", "inst:3")
        assert await mine.wait(WAIT)
        assert await other.wait(WAIT)
        await asyncio.sleep(0.2)
        assert not also_mine.event.is_set()
    assert notifier.waiting == 0


def test_in_process_commit_wakes_only_its_audience(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'fanout.db'}")
    upgrade(db)

    async def main() -> None:
        notifier = Notifier(asyncio.get_running_loop())
        db.add_commit_listener(notifier.wake_threadsafe)
        try:
            await _prove_narrow_wake(db, notifier)
            # The newest seq woken for is known, so the safety net does not wake everyone.
            with db.read() as conn:
                assert notifier.last_head == read_head(conn)
        finally:
            db.remove_commit_listener(notifier.wake_threadsafe)

    try:
        asyncio.run(main())
    finally:
        db.dispose()


@pytest.mark.postgres
def test_notify_payload_wakes_only_its_audience_in_another_worker(
    pg_cluster: PgCluster,
) -> None:
    url = pg_cluster.create_database()
    db = Database(url)
    upgrade(db)

    async def main() -> None:
        # No in-process listener: only the NOTIFY (as another worker would get it) wakes.
        notifier = Notifier(asyncio.get_running_loop())
        listener = PgListener(db.url, notifier)
        listener.start()
        try:
            assert await asyncio.to_thread(listener.connected.wait, WAIT)
            # On connecting the listener wakes everyone once (it may have missed events);
            # let that pass before the subscriptions exist.
            await asyncio.sleep(0.5)
            await _prove_narrow_wake(db, notifier)
        finally:
            await asyncio.to_thread(listener.stop)

    try:
        asyncio.run(main())
    finally:
        db.dispose()


def test_payload_round_trip_and_overflow() -> None:
    written = Written({"chat:1", "user:2"}, 41)
    assert parse_payload(written.payload()) == (frozenset({"chat:1", "user:2"}), 41)
    many = Written({f"chat:{n}" for n in range(NOTIFY_PAYLOAD_MAX)}, 9)
    assert len(many.payload()) <= NOTIFY_PAYLOAD_MAX
    assert parse_payload(many.payload()) == (None, 9)  # too many to name: wake everyone
    assert parse_payload("garbage") == (None, 0)
