"""Server secrets kept in the database, so every worker shares them."""

from __future__ import annotations

import secrets

from sqlalchemy import Connection, insert, select
from sqlalchemy.exc import IntegrityError

from server.db.database import Database
from server.db.tables import server_secrets

TOKEN_SECRET_NAME = "token_signing_key"  # noqa: S105 - a name, not a secret
REFERRAL_SECRET_NAME = "referral_contact_key"  # noqa: S105 - a name, not a secret


def ensure_secret(db: Database, name: str) -> str:
    """The stored secret `name`, created at random the first time (safe across workers)."""
    with db.read() as conn:
        value = _get_secret(conn, name)
    if value is not None:
        return value
    try:
        with db.write() as conn:
            value = _get_secret(conn, name)
            if value is None:
                value = secrets.token_urlsafe(48)
                conn.execute(insert(server_secrets).values(name=name, value=value))
            return value
    except IntegrityError:  # another worker created it at the same moment
        with db.read() as conn:
            stored = _get_secret(conn, name)
        if stored is None:
            raise
        return stored


def _get_secret(conn: Connection, name: str) -> str | None:
    return conn.execute(
        select(server_secrets.c.value).where(server_secrets.c.name == name)
    ).scalar_one_or_none()
