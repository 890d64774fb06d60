"""Forgetting on time: transcripts after the retention, referral contacts at the latest
after their maximum. Registrations and surveys are anonymous and stay for statistics."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import Connection, delete, select, update

from console.domain.chat import ChatState
from server.db.tables import chat_messages, chats, events, referrals


def purge_transcripts(conn: Connection, now: datetime, retention_days: int) -> int:
    """Delete the messages (and their events) of chats that ended before the retention."""
    before = now - timedelta(days=retention_days)
    old = list(
        conn.execute(
            select(chats.c.id).where(
                chats.c.state == ChatState.ENDED.value,
                chats.c.ended_at < before,
                chats.c.purged_at.is_(None),
            )
        ).scalars()
    )
    for chat_id in old:
        conn.execute(delete(chat_messages).where(chat_messages.c.chat_id == chat_id))
        conn.execute(delete(events).where(events.c.stream == f"chat:{chat_id}"))
        conn.execute(
            update(chats)
            .where(chats.c.id == chat_id)
            .values(purged_at=now, nickname=None, age=None, resume_hash=None)
        )
    return len(old)


def destroy_expired_referrals(conn: Connection, now: datetime) -> int:
    result = conn.execute(
        update(referrals)
        .where(referrals.c.sealed_contact.is_not(None), referrals.c.expires_at < now)
        .values(sealed_contact=None, destroyed_at=now, version=referrals.c.version + 1)
    )
    return int(result.rowcount or 0)
