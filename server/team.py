"""The team channel: a short message board per institution."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, RowMapping, insert, select

from server.db.tables import team_messages, users, utcnow
from server.events import append_event, iso

SNAPSHOT_SIZE = 100


def _query() -> Any:
    return select(
        team_messages.c.id,
        team_messages.c.institution_id,
        team_messages.c.txn_id,
        team_messages.c.text,
        team_messages.c.at,
        team_messages.c.author_id,
        users.c.display_name.label("author_name"),
    ).join(users, users.c.id == team_messages.c.author_id)


def message_json(row: RowMapping) -> dict[str, Any]:
    return {
        "id": row["id"],
        "txn_id": row["txn_id"],
        "author": {"id": row["author_id"], "display_name": row["author_name"]},
        "text": row["text"],
        "at": iso(row["at"]),
    }


def find_message(conn: Connection, author_id: int, txn_id: str) -> RowMapping | None:
    return (
        conn.execute(
            _query().where(team_messages.c.author_id == author_id, team_messages.c.txn_id == txn_id)
        )
        .mappings()
        .one_or_none()
    )


def post_message(
    conn: Connection, institution_id: int, author_id: int, txn_id: str, text: str
) -> RowMapping:
    """Store a message and its `team.message` event; returns the stored row."""
    message_id = conn.execute(
        insert(team_messages)
        .values(
            institution_id=institution_id,
            author_id=author_id,
            txn_id=txn_id,
            text=text,
            at=utcnow(),
        )
        .returning(team_messages.c.id)
    ).scalar_one()
    row = conn.execute(_query().where(team_messages.c.id == message_id)).mappings().one()
    append_event(
        conn,
        stream=f"team:{institution_id}",
        kind="team.message",
        audience=f"inst:{institution_id}",
        data=message_json(row),
    )
    return row


def newest_messages(conn: Connection, institution_id: int, limit: int) -> list[dict[str, Any]]:
    """The newest `limit` messages of the institution, newest first."""
    rows = conn.execute(
        _query()
        .where(team_messages.c.institution_id == institution_id)
        .order_by(team_messages.c.id.desc())
        .limit(limit)
    ).mappings()
    return [message_json(r) for r in rows]


def snapshot(conn: Connection, institution_id: int) -> dict[str, Any]:
    """Everything a reset replaces: for now the newest 100 team messages, oldest first."""
    messages = newest_messages(conn, institution_id, SNAPSHOT_SIZE)
    messages.reverse()
    return {"team_messages": messages}
