"""The chat's state machine, run inside the caller's write transaction.

Audiences on the event log:
- `chat:<id>`       the youth of the chat and the staff who may read it (messages, status)
- `youth:<id>`      the youth only (queue position)
- `chatstaff:<id>`  the staff who may read the chat (assignment, phases, whispers)
- `chatstaff`       every member of the chat team (queue, who is available, consultation)
Which `chat:`/`chatstaff:` tags a staff member holds, and from which seq, is in
`server.chat.access`.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, RowMapping, and_, func, insert, select, update

from console.domain.chat import ChatState, EndReason
from console.domain.roles import Role
from server.db.tables import (
    chat_assignments,
    chat_messages,
    chat_registrations,
    chats,
    institutions,
    staff_status,
    user_roles,
    users,
)
from server.events import append_event, iso

RESUME_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
RESUME_LENGTH = 8
CHAT_ROLES = frozenset({Role.TRAINEE, Role.HELPER, Role.SUPERVISOR})
RUNNING = (ChatState.ACTIVE.value, ChatState.HELPER_RECONNECTING.value)

SYSTEM_TEXTS = {
    "short_chat": "De chat sluit bijna. Er is nog tijd voor een kort gesprek.",
    "assigned": "Er is een hulpverlener bij je. Je kunt nu chatten.",
    "helper_reconnecting": "De verbinding van je hulpverlener is even weg. Die komt zo terug.",
    "helper_back": "Je hulpverlener is er weer.",
    "handover": "Je hulpverlener kwam niet terug. We zoeken een andere hulpverlener voor je.",
    "ended_by_helper": "De hulpverlener heeft het gesprek afgesloten.",
    "ended_by_youth": "Je hebt het gesprek afgesloten.",
    "ended_youth_gone": "Het gesprek is afgesloten omdat je niet meer verbonden was.",
}


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def new_resume_code() -> str:
    raw = "".join(secrets.choice(RESUME_ALPHABET) for _ in range(RESUME_LENGTH))
    return f"{raw[:4]}-{raw[4:]}"


def normalise_resume_code(code: str) -> str:
    clean = "".join(c for c in code.upper() if c in RESUME_ALPHABET)
    return f"{clean[:4]}-{clean[4:]}"


def clean_text(text: str) -> str:
    """Text as typed, minus control characters (C0, DEL and C1) other than newline and tab."""
    kept = "".join(c for c in text if c in "\n\t" or unicodedata.category(c) != "Cc")
    return kept.strip()


# --- reading ---------------------------------------------------------------------------


def get_chat(conn: Connection, chat_id: int) -> RowMapping | None:
    return conn.execute(select(chats).where(chats.c.id == chat_id)).mappings().one_or_none()


def chat_by_token(conn: Connection, chat_id: int, token: str) -> RowMapping | None:
    return (
        conn.execute(
            select(chats).where(chats.c.id == chat_id, chats.c.token_hash == digest(token))
        )
        .mappings()
        .one_or_none()
    )


def waiting_chats(conn: Connection) -> list[RowMapping]:
    return list(
        conn.execute(
            select(chats)
            .where(chats.c.state == ChatState.WAITING.value)
            .order_by(chats.c.queue_since, chats.c.id)
        ).mappings()
    )


def position_of(conn: Connection, chat: RowMapping) -> int:
    ahead = conn.execute(
        select(func.count())
        .select_from(chats)
        .where(
            chats.c.state == ChatState.WAITING.value,
            (chats.c.queue_since < chat["queue_since"])
            | and_(chats.c.queue_since == chat["queue_since"], chats.c.id < chat["id"]),
        )
    ).scalar_one()
    return int(ahead) + 1


def queue_json(conn: Connection) -> dict[str, Any]:
    return {
        "waiting": [
            {
                "chat_id": c["id"],
                "number": c["id"],
                "since": iso(c["queue_since"]),
                "theme": c["theme"],
                "short_chat": c["short_chat"],
                "handover": c["started_at"] is not None,
            }
            for c in waiting_chats(conn)
        ]
    }


def chat_json(chat: RowMapping) -> dict[str, Any]:
    """What staff see of a chat (never the token or resume code)."""
    return {
        "chat_id": chat["id"],
        "number": chat["id"],
        "state": chat["state"],
        "nickname": chat["nickname"],
        "age": chat["age"],
        "theme": chat["theme"],
        "short_chat": chat["short_chat"],
        "created_at": iso(chat["created_at"]),
        "started_at": None if chat["started_at"] is None else iso(chat["started_at"]),
        "ended_at": None if chat["ended_at"] is None else iso(chat["ended_at"]),
        "end_reason": chat["end_reason"],
        "helper_id": chat["helper_id"],
        "youth_connected": chat["youth_connected"],
        "history_shared": chat["history_shared"],
    }


def message_json(row: RowMapping, author: str | None = None) -> dict[str, Any]:
    return {
        "chat_id": row["chat_id"],
        "from": row["sender"],
        "author_id": row["author_id"],
        "author": author,
        "text": row["text"],
        "txn_id": row["txn_id"],
        "at": iso(row["at"]),
        "seq": row["seq"],
    }


#: What the youth and the helper said (no whispers, no consultation between staff).
CONVERSATION = ("youth", "helper", "system")


def messages_of(
    conn: Connection,
    chat_id: int,
    from_seq: int = 0,
    until_seq: int | None = None,
    senders: tuple[str, ...] | None = None,
) -> list[dict[str, Any]]:
    query = (
        select(chat_messages, users.c.display_name)
        .outerjoin(users, users.c.id == chat_messages.c.author_id)
        .where(chat_messages.c.chat_id == chat_id, chat_messages.c.seq >= from_seq)
        .order_by(chat_messages.c.seq)
    )
    if until_seq is not None:
        query = query.where(chat_messages.c.seq <= until_seq)
    if senders is not None:
        query = query.where(chat_messages.c.sender.in_(senders))
    return [message_json(r, r["display_name"]) for r in conn.execute(query).mappings()]


def find_message(
    conn: Connection, chat_id: int, sender: str, txn_id: str, author_id: int | None = None
) -> dict[str, Any] | None:
    """The message stored under (chat, sender, txn_id), by its unique index; with
    `author_id`, only when that person wrote it."""
    query = (
        select(chat_messages, users.c.display_name)
        .outerjoin(users, users.c.id == chat_messages.c.author_id)
        .where(
            chat_messages.c.chat_id == chat_id,
            chat_messages.c.sender == sender,
            chat_messages.c.txn_id == txn_id,
        )
    )
    if author_id is not None:
        query = query.where(chat_messages.c.author_id == author_id)
    row = conn.execute(query).mappings().one_or_none()
    return None if row is None else message_json(row, row["display_name"])


def pending_registrations(conn: Connection, user_id: int) -> list[int]:
    """Chats this person had when they ended and has not registered yet."""
    rows = conn.execute(
        select(chat_assignments.c.chat_id)
        .outerjoin(chat_registrations, chat_registrations.c.chat_id == chat_assignments.c.chat_id)
        .where(
            chat_assignments.c.user_id == user_id,
            chat_assignments.c.end_cause == "ended",
            chat_registrations.c.id.is_(None),
        )
        .order_by(chat_assignments.c.chat_id)
    ).scalars()
    return [int(r) for r in rows]


def staff_json(conn: Connection, user_id: int) -> dict[str, Any] | None:
    found = _staff_rows(conn, users.c.id == user_id)
    return found[0] if found else None


def team_json(conn: Connection) -> list[dict[str, Any]]:
    """Everyone not offline, by name: three queries however large the team (a console's
    snapshot used to cost three per person, and 200 consoles start at the same time)."""
    present = staff_status.c.status.is_not(None) & (staff_status.c.status != "offline")
    return sorted(_staff_rows(conn, present), key=lambda s: s["display_name"])


def _staff_rows(conn: Connection, where: Any) -> list[dict[str, Any]]:
    rows = (
        conn.execute(
            select(
                users.c.id,
                users.c.display_name,
                users.c.institution_id,
                institutions.c.name.label("institution"),
                staff_status.c.status,
                staff_status.c.since,
                staff_status.c.needs_backup,
                staff_status.c.capacity,
            )
            .join(institutions, institutions.c.id == users.c.institution_id)
            .outerjoin(staff_status, staff_status.c.user_id == users.c.id)
            .where(where)
        )
        .mappings()
        .all()
    )
    if not rows:
        return []
    ids = [int(r["id"]) for r in rows]
    roles: dict[int, list[str]] = {}
    for uid, role in conn.execute(
        select(user_roles.c.user_id, user_roles.c.role).where(user_roles.c.user_id.in_(ids))
    ):
        roles.setdefault(int(uid), []).append(role)
    busy: dict[int, int] = {
        int(helper): int(count)
        for helper, count in conn.execute(
            select(chats.c.helper_id, func.count())
            .where(chats.c.helper_id.in_(ids), chats.c.state.in_(RUNNING))
            .group_by(chats.c.helper_id)
        )
    }
    return [
        {
            "user_id": row["id"],
            "display_name": row["display_name"],
            "institution_id": row["institution_id"],
            "institution": row["institution"],
            "roles": sorted(roles.get(int(row["id"]), [])),
            # Nobody has a status row before they first set one: they are offline.
            "status": row["status"] or "offline",
            "since": None if row["since"] is None else iso(row["since"]),
            "needs_backup": bool(row["needs_backup"]) if row["status"] else None,
            "capacity": row["capacity"],
            "active_chats": busy.get(int(row["id"]), 0),
        }
        for row in rows
    ]


def active_chats(conn: Connection, user_id: int) -> int:
    return int(
        conn.execute(
            select(func.count())
            .select_from(chats)
            .where(chats.c.helper_id == user_id, chats.c.state.in_(RUNNING))
        ).scalar_one()
    )


# --- writing ---------------------------------------------------------------------------


def announce_queue(conn: Connection) -> None:
    """Tell the chat team the queue, and every waiting youth their position."""
    append_event(conn, "queue", "chat.queue", "chatstaff", queue_json(conn))
    for position, chat in enumerate(waiting_chats(conn), start=1):
        append_event(
            conn,
            f"chat:{chat['id']}",
            "chat.position",
            f"youth:{chat['id']}",
            {"chat_id": chat["id"], "position": position},
        )


def announce_staff(conn: Connection, user_id: int) -> None:
    data = staff_json(conn, user_id)
    if data is not None:
        append_event(conn, "team", "chat.staff", "chatstaff", data)


def set_state(conn: Connection, chat_id: int, state: ChatState, **values: Any) -> None:
    conn.execute(
        update(chats)
        .where(chats.c.id == chat_id)
        .values(state=state.value, version=chats.c.version + 1, **values)
    )
    append_event(
        conn,
        f"chat:{chat_id}",
        "chat.status",
        f"chat:{chat_id}",
        {"chat_id": chat_id, "status": state.value, "reason": values.get("end_reason")},
    )


@dataclass(frozen=True)
class PostResult:
    message: dict[str, Any]
    created: bool


def post_message(
    conn: Connection,
    chat_id: int,
    sender: str,
    author_id: int | None,
    txn_id: str,
    text: str,
    now: datetime,
    *,
    author: str | None = None,
    checked: bool = False,
) -> PostResult:
    """Store a message once per (chat, sender, txn_id); a repeat answers the stored one.

    The hot paths run inside SQLite's write lock, where every statement counts (each one
    gives up the interpreter lock and may wait to get it back): a caller that already looked
    for the txn_id in this transaction passes `checked`, and one that knows the author's
    display name passes `author`, so neither is read again."""
    if not checked:
        existing = find_message(conn, chat_id, sender, txn_id)
        if existing is not None:
            return PostResult(existing, created=False)
    if author is None and author_id is not None:
        author = conn.execute(
            select(users.c.display_name).where(users.c.id == author_id)
        ).scalar_one()
    audience = {
        "youth": f"chat:{chat_id}",
        "helper": f"chat:{chat_id}",
        "system": f"chat:{chat_id}",
        "whisper": f"chatstaff:{chat_id}",
        "consult": "chatstaff",
    }[sender]
    data = {
        "chat_id": chat_id,
        "from": sender,
        "author_id": author_id,
        "author": author,
        "text": text,
        "txn_id": txn_id,
        "at": iso(now),
    }
    seq = append_event(conn, f"chat:{chat_id}", "chat.message", audience, data)
    conn.execute(
        insert(chat_messages).values(
            chat_id=chat_id,
            sender=sender,
            author_id=author_id,
            txn_id=txn_id,
            text=text,
            seq=seq,
            at=now,
        )
    )
    return PostResult({**data, "seq": seq}, created=True)


def system_message(conn: Connection, chat_id: int, key: str, now: datetime) -> None:
    post_message(
        conn,
        chat_id,
        "system",
        None,
        f"system-{key}-{secrets.token_hex(6)}",
        SYSTEM_TEXTS[key],
        now,
    )


@dataclass(frozen=True)
class NewChat:
    chat_id: int
    token: str
    resume_code: str
    position: int


def create_chat(
    conn: Connection,
    now: datetime,
    short_chat: bool,
    nickname: str | None,
    age: int | None,
    theme: str | None,
) -> NewChat:
    token = secrets.token_urlsafe(32)
    code = new_resume_code()
    chat_id = conn.execute(
        insert(chats)
        .values(
            token_hash=digest(token),
            resume_hash=digest(code),
            nickname=nickname,
            age=age,
            theme=theme,
            state=ChatState.WAITING.value,
            short_chat=short_chat,
            created_at=now,
            queue_since=now,
            youth_seen_at=now,
            youth_connected=True,
            version=1,
        )
        .returning(chats.c.id)
    ).scalar_one()
    append_event(
        conn,
        f"chat:{chat_id}",
        "chat.status",
        f"chat:{chat_id}",
        {"chat_id": chat_id, "status": ChatState.WAITING.value, "reason": None},
    )
    if short_chat:
        system_message(conn, chat_id, "short_chat", now)
    chat = get_chat(conn, chat_id)
    assert chat is not None
    announce_queue(conn)
    return NewChat(int(chat_id), token, code, position_of(conn, chat))


def end_assignment(conn: Connection, chat_id: int, cause: str, now: datetime) -> None:
    """Close the open assignment of a chat; its reader keeps what happened up to here."""
    seq = append_event(
        conn,
        f"chat:{chat_id}",
        "chat.assignment_ended",
        f"chatstaff:{chat_id}",
        {"chat_id": chat_id, "cause": cause},
    )
    conn.execute(
        update(chat_assignments)
        .where(chat_assignments.c.chat_id == chat_id, chat_assignments.c.ended_at.is_(None))
        .values(ended_at=now, until_seq=seq, end_cause=cause)
    )


def end_chat(conn: Connection, chat: RowMapping, reason: EndReason, now: datetime) -> None:
    """End a chat (idempotent); its helper must register it before taking the next."""
    if chat["state"] == ChatState.ENDED.value:
        return
    key = {
        EndReason.HELPER: "ended_by_helper",
        EndReason.NOT_SERIOUS: "ended_by_helper",
        EndReason.YOUTH: "ended_by_youth",
        EndReason.YOUTH_GONE: "ended_youth_gone",
        EndReason.ABANDONED: None,
    }[reason]
    if key is not None:
        system_message(conn, chat["id"], key, now)
    was_waiting = chat["state"] == ChatState.WAITING.value
    set_state(
        conn,
        chat["id"],
        ChatState.ENDED,
        ended_at=now,
        end_reason=reason.value,
        resume_hash=None,
    )
    helper_id = chat["helper_id"]
    if helper_id is not None and not was_waiting:
        end_assignment(conn, chat["id"], "ended", now)
        # The helper registers before the next chat; the queue stops offering them chats.
        conn.execute(
            update(staff_status)
            .where(staff_status.c.user_id == helper_id)
            .values(waiting_since=now, version=staff_status.c.version + 1)
        )
        announce_staff(conn, helper_id)
    if was_waiting:
        announce_queue(conn)


def record_youth_seen(conn: Connection, chat: RowMapping, now: datetime) -> None:
    values: dict[str, Any] = {"youth_seen_at": now}
    if not chat["youth_connected"]:
        values["youth_connected"] = True
    conn.execute(update(chats).where(chats.c.id == chat["id"]).values(**values))
    if not chat["youth_connected"] and chat["state"] != ChatState.ENDED.value:
        append_event(
            conn,
            f"chat:{chat['id']}",
            "chat.youth_presence",
            f"chatstaff:{chat['id']}",
            {"chat_id": chat["id"], "connected": True},
        )


def json_list(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"))
