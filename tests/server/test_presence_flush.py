"""A presence flush that fails loses nobody's presence: it is written at the next tick.

Each worker notes who it saw in memory and writes it once per tick. Were a failed write
(a deadlock on PostgreSQL, say) to drop what it took, a helper who is there would look
silent and their youth would be told the helper is reconnecting.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, text

from console.domain.chat import EndReason
from server.chat.core import create_chat, end_chat, get_chat
from server.chat.loop import tick
from server.chat.presence import PresenceBook, flush_presence
from server.chat.staffing import ensure_status
from server.config import Settings
from server.db import Database
from server.db.migrate import upgrade
from server.db.tables import chats, staff_status, users, utcnow
from server.demo import load_demo_data
from tests.support.pg import PgCluster


def test_a_failed_flush_is_written_at_the_next_tick(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'presence.db'}")
    try:
        upgrade(db)
        accounts = [a for a in load_demo_data(db) if a.username.startswith("bascule.helper")]
        with db.write() as conn:
            first, second = conn.execute(
                select(users.c.id)
                .where(users.c.username.in_([a.username for a in accounts]))
                .order_by(users.c.id)
            ).scalars()
            for user_id, account in zip((first, second), accounts, strict=True):
                ensure_status(conn, user_id, account.roles, utcnow())
        settings = Settings(database_url=db.url)
        book = PresenceBook()
        seen = utcnow()
        book.staff(first, seen)
        book.staff(second, seen)

        # The flush fails for real: the table it writes is gone (renamed away).
        with db.write() as conn:
            conn.execute(text("ALTER TABLE staff_status RENAME TO staff_status_away"))
        with pytest.raises(Exception, match="staff_status"):
            tick(db, settings, book)
        later = seen + timedelta(seconds=3)
        book.staff(first, later)  # seen again meanwhile: the newer time wins
        with db.write() as conn:
            conn.execute(text("ALTER TABLE staff_status_away RENAME TO staff_status"))

        tick(db, settings, book)
        with db.read() as conn:
            rows = dict(
                conn.execute(
                    select(staff_status.c.user_id, staff_status.c.last_seen).where(
                        staff_status.c.user_id.in_([first, second])
                    )
                ).all()
            )
        assert rows == {first: later, second: seen}
        assert book.take() == ({}, {})
    finally:
        db.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'flush.db'}"
    else:
        cluster: PgCluster = request.getfixturevalue("pg_cluster")
        url = cluster.create_database()
    db = Database(url)
    try:
        upgrade(db)
        yield db
    finally:
        db.dispose()


def test_the_flush_writes_each_row_its_own_time_and_no_other_row(database: Database) -> None:
    """The flush writes what the book noted: every row its own time, rows nobody noted
    untouched, an ended chat left as it ended (on both backends)."""
    db = database
    accounts = load_demo_data(db)
    start = utcnow() - timedelta(minutes=5)
    with db.write() as conn:
        ids = list(conn.execute(select(users.c.id).order_by(users.c.id)).scalars())
        roles = {a.username: a.roles for a in accounts}
        names = dict(conn.execute(select(users.c.id, users.c.username)).all())
        for user_id in ids:
            ensure_status(conn, user_id, roles.get(names[user_id], frozenset()), start)
        chat_ids = [create_chat(conn, start, False, None, None, None).chat_id for _ in range(8)]
        ended = get_chat(conn, chat_ids[0])
        assert ended is not None
        end_chat(conn, ended, EndReason.YOUTH, start)
    with db.read() as conn:
        staff_before = dict(
            conn.execute(select(staff_status.c.user_id, staff_status.c.last_seen)).all()
        )
        ended_before = conn.execute(
            select(chats.c.youth_seen_at).where(chats.c.id == chat_ids[0])
        ).scalar_one()
    noted_staff = {user_id: start + timedelta(seconds=i + 1) for i, user_id in enumerate(ids[:-1])}
    noted_youth = {
        chat_id: start + timedelta(milliseconds=10 * i + 7)
        for i, chat_id in enumerate(chat_ids[:-1])
    }

    with db.write() as conn:
        flush_presence(conn, noted_staff, noted_youth)

    with db.read() as conn:
        staff_after = dict(
            conn.execute(select(staff_status.c.user_id, staff_status.c.last_seen)).all()
        )
        youth_after = dict(
            conn.execute(
                select(chats.c.id, chats.c.youth_seen_at).where(chats.c.id.in_(chat_ids))
            ).all()
        )
    assert len(set(noted_staff.values())) == len(noted_staff) > 1  # distinct, so a mix-up shows
    for user_id, seen in noted_staff.items():
        assert staff_after[user_id] == seen, user_id
    assert staff_after[ids[-1]] == staff_before[ids[-1]]  # nobody noted it
    assert youth_after[chat_ids[0]] == ended_before  # ended: left alone
    for chat_id in chat_ids[1:-1]:
        assert youth_after[chat_id] == noted_youth[chat_id], chat_id
    assert youth_after[chat_ids[-1]] == start  # not noted
