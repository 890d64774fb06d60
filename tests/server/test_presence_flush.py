"""A presence flush that fails loses nobody's presence: it is written at the next tick.

Each worker notes who it saw in memory and writes it once per tick. Were a failed write
(a deadlock on PostgreSQL, say) to drop what it took, a helper who is there would look
silent and their youth would be told the helper is reconnecting.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, text

from server.chat.loop import tick
from server.chat.presence import PresenceBook
from server.chat.staffing import ensure_status
from server.config import Settings
from server.db import Database
from server.db.migrate import upgrade
from server.db.tables import staff_status, users, utcnow
from server.demo import load_demo_data


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
