"""The chat part of a staff member's snapshot (sent with a `reset`)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from console.domain.chat import ChatState
from console.domain.roles import Role
from server.chat import config
from server.chat.access import Grant, may_read
from server.chat.core import (
    CHAT_ROLES,
    CONVERSATION,
    chat_json,
    get_chat,
    messages_of,
    pending_registrations,
    queue_json,
    staff_json,
    team_json,
)
from server.db.tables import chat_phases
from server.events import iso


def phases_of(conn: Connection, chat_id: int) -> dict[str, str]:
    rows = conn.execute(
        select(chat_phases.c.phase, chat_phases.c.reached_at).where(
            chat_phases.c.chat_id == chat_id
        )
    ).all()
    return {r.phase: iso(r.reached_at) for r in rows}


def chat_view(conn: Connection, chat_id: int, grant: Grant) -> dict[str, Any] | None:
    chat = get_chat(conn, chat_id)
    if chat is None:
        return None
    messages = messages_of(conn, chat_id, grant.from_seq, grant.until_seq)
    if chat["history_shared"] and grant.from_seq > 0:
        # Shared by the youth after a hand-over: the conversation only, never the
        # previous supervisor's whispers or the staff's consultation.
        messages = messages_of(conn, chat_id, 0, grant.from_seq - 1, CONVERSATION) + messages
    return {
        **chat_json(chat),
        "as_role": grant.as_role,
        "mine": grant.as_role == "helper" and grant.until_seq is None,
        "messages": messages,
        "phases": phases_of(conn, chat_id),
    }


def chat_snapshot(
    conn: Connection, user_id: int, roles: frozenset[Role], grants: list[Grant]
) -> dict[str, Any] | None:
    if not CHAT_ROLES & roles:
        return None
    pending = pending_registrations(conn, user_id)
    views: list[dict[str, Any]] = []
    for chat_id in sorted({g.chat_id for g in grants}):
        grant = may_read(grants, chat_id)
        assert grant is not None
        state = get_chat(conn, chat_id)
        if state is None:
            continue
        if state["state"] == ChatState.ENDED.value and chat_id not in pending:
            continue
        if grant.until_seq is not None and chat_id not in pending:
            continue
        view = chat_view(conn, chat_id, grant)
        if view is not None:
            views.append(view)
    return {
        "me": staff_json(conn, user_id),
        "queue": queue_json(conn)["waiting"],
        "team": team_json(conn),
        "chats": views,
        "pending_registrations": pending,
        "texts": config.texts(conn),
        "taxonomy": config.taxonomy(conn).to_json(),
    }
