"""Login sessions: one row per login, holding the hash of its current refresh token."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import Connection, RowMapping, select, update

from server.db.tables import sessions, utcnow
from server.tokens import new_refresh_secret, refresh_hash, same_hash, split_refresh_token


@dataclass(frozen=True)
class NewSession:
    session_id: str
    refresh_token: str
    user_id: int


def create_session(conn: Connection, user_id: int, refresh_ttl: int) -> NewSession:
    session_id = str(uuid.uuid4())
    secret = new_refresh_secret()
    now = utcnow()
    conn.execute(
        sessions.insert().values(
            id=session_id,
            user_id=user_id,
            refresh_hash=refresh_hash(secret),
            created_at=now,
            expires_at=now + timedelta(seconds=refresh_ttl),
        )
    )
    return NewSession(session_id, f"{session_id}.{secret}", user_id)


def live_session(conn: Connection, session_id: str) -> RowMapping | None:
    """The session if it is neither revoked nor expired."""
    row = conn.execute(select(sessions).where(sessions.c.id == session_id)).mappings().one_or_none()
    if row is None or row["revoked_at"] is not None or row["expires_at"] <= utcnow():
        return None
    return row


def rotate(conn: Connection, refresh_token: str, refresh_ttl: int) -> NewSession | None:
    """Swap a valid refresh token for a new one (the old stops working); None if invalid."""
    parts = split_refresh_token(refresh_token)
    if parts is None:
        return None
    session_id, secret = parts
    row = live_session(conn, session_id)
    if row is None or not same_hash(row["refresh_hash"], refresh_hash(secret)):
        return None
    new_secret = new_refresh_secret()
    result = conn.execute(
        update(sessions)
        .where(sessions.c.id == session_id, sessions.c.refresh_hash == row["refresh_hash"])
        .values(
            refresh_hash=refresh_hash(new_secret),
            expires_at=utcnow() + timedelta(seconds=refresh_ttl),
        )
    )
    if result.rowcount != 1:  # a concurrent refresh won
        return None
    return NewSession(session_id, f"{session_id}.{new_secret}", int(row["user_id"]))


def session_user(conn: Connection, session_id: str) -> int | None:
    row = live_session(conn, session_id)
    return None if row is None else int(row["user_id"])


def revoke(conn: Connection, session_id: str) -> None:
    conn.execute(
        update(sessions)
        .where(sessions.c.id == session_id, sessions.c.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )


def revoke_all(conn: Connection, user_id: int, keep: str | None = None) -> None:
    """Revoke every session of the user, except `keep`."""
    stmt = update(sessions).where(sessions.c.user_id == user_id, sessions.c.revoked_at.is_(None))
    if keep is not None:
        stmt = stmt.where(sessions.c.id != keep)
    conn.execute(stmt.values(revoked_at=utcnow()))
