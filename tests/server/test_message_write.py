"""A message's write reads nothing its caller already knows.

On SQLite every write runs under one lock, and under load each statement inside it may
wait for the interpreter lock on the way back from SQLite (measured: write holds of
20-60 ms for 3-6 ms of work, docs/performance.md). The message endpoints already looked
for the txn_id in the same transaction and know the author's name, so `post_message`
must not read either again; a plain call still does both (other callers rely on it).
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import event, select

from server.chat.core import create_chat, post_message
from server.db import Database
from server.db.migrate import upgrade
from server.db.tables import users, utcnow
from server.demo import load_demo_data


def _reads(statements: list[str]) -> list[str]:
    return [s for s in statements if "FROM chat_messages" in s or "FROM users" in s]


def test_a_checked_message_with_its_author_reads_neither_again(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'write.db'}")
    try:
        upgrade(db)
        load_demo_data(db)
        with db.write() as conn:
            chat = create_chat(conn, utcnow(), False, None, None, None).chat_id
            helper_id, name = conn.execute(
                select(users.c.id, users.c.display_name).where(
                    users.c.username == "bascule.helper1"
                )
            ).one()
        statements: list[str] = []

        def seen(_conn: object, _cursor: object, statement: str, *_rest: object) -> None:
            statements.append(statement)

        event.listen(db.engine, "before_cursor_execute", seen)

        with db.write() as conn:
            plain = post_message(conn, chat, "helper", helper_id, "txn-1", "Hoi", utcnow())
        plain_reads = _reads(statements)
        statements.clear()
        with db.write() as conn:
            lean = post_message(
                conn,
                chat,
                "helper",
                helper_id,
                "txn-2",
                "Hoi",
                utcnow(),
                author=name,
                checked=True,
            )
        lean_reads = _reads(statements)

        # The plain call looks for the txn_id and reads the author's name: both are there
        # to be skipped, so the check below can fail.
        assert len(plain_reads) == 2, plain_reads
        assert lean_reads == [], lean_reads
        assert plain.created and lean.created
        assert plain.message["author"] == lean.message["author"] == name
        assert lean.message["seq"] > plain.message["seq"]
        # Unchecked, a repeat still answers the stored message and stores nothing new.
        with db.write() as conn:
            again = post_message(conn, chat, "helper", helper_id, "txn-2", "Hoi", utcnow())
        assert not again.created and again.message["seq"] == lean.message["seq"]
    finally:
        db.dispose()
