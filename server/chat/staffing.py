"""Staff status and routing: who is available, and who gets the next waiting chat.

The rule itself is `console.domain.routing.choose`; this module feeds it the facts from
the database and records each assignment with its reason. Routing runs inside a write
transaction; on PostgreSQL an advisory lock makes two workers route one at a time.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, RowMapping, func, insert, select, text, update

from console.domain.chat import ChatState
from console.domain.roles import Role, parse_roles
from console.domain.routing import Candidate, StaffStatus, choose
from server.chat import config
from server.chat.core import (
    CONVERSATION,
    RUNNING,
    announce_queue,
    announce_staff,
    chat_json,
    get_chat,
    messages_of,
    set_state,
    system_message,
    waiting_chats,
)
from server.db.tables import (
    chat_assignments,
    chat_registrations,
    chats,
    staff_status,
    user_roles,
    users,
)
from server.events import append_event
from server.roster import attendance

ROUTING_LOCK = 4_242_001


def lock_routing(conn: Connection) -> None:
    """Serialise routing between workers (PostgreSQL; SQLite writes are serial anyway).

    Take it *first* in any transaction that may route, before writing a row: a transaction
    that updated a staff or chat row and then waited here could hold the very row the lock's
    holder is about to update, and PostgreSQL would break that cycle by failing one of them.
    Taking it twice in one transaction is harmless.
    """
    if conn.dialect.name == "postgresql":
        conn.execute(text(f"SELECT pg_advisory_xact_lock({ROUTING_LOCK})"))


def ensure_status(conn: Connection, user_id: int, roles: frozenset[Role], now: datetime) -> None:
    """Create the staff status row on first use (offline; trainees need backup)."""
    exists = conn.execute(
        select(staff_status.c.user_id).where(staff_status.c.user_id == user_id)
    ).first()
    if exists is None:
        is_trainee = Role.TRAINEE in roles and Role.HELPER not in roles
        conn.execute(
            insert(staff_status).values(
                user_id=user_id,
                status=StaffStatus.OFFLINE.value,
                since=now,
                waiting_since=now,
                last_seen=now,
                capacity=config.capacity(conn),
                needs_backup=is_trainee,
                version=1,
            )
        )


def set_status(conn: Connection, user_id: int, status: StaffStatus, now: datetime) -> RowMapping:
    """Change a status; becoming available restarts the waiting time."""
    row = (
        conn.execute(select(staff_status).where(staff_status.c.user_id == user_id)).mappings().one()
    )
    values: dict[str, Any] = {"last_seen": now, "version": staff_status.c.version + 1}
    if row["status"] != status.value:
        values |= {"status": status.value, "since": now}
        if status is StaffStatus.AVAILABLE:
            values["waiting_since"] = now
            attendance.note_available(conn, user_id)  # the roster's attendance (issue 5)
    conn.execute(update(staff_status).where(staff_status.c.user_id == user_id).values(**values))
    announce_staff(conn, user_id)
    return (
        conn.execute(select(staff_status).where(staff_status.c.user_id == user_id)).mappings().one()
    )


def candidates(conn: Connection, now: datetime, presence_timeout: float) -> list[Candidate]:
    """Everybody available, connected and with nothing left to register."""
    fresh = now - timedelta(seconds=presence_timeout)
    rows = (
        conn.execute(
            select(staff_status, users.c.institution_id)
            .join(users, users.c.id == staff_status.c.user_id)
            .where(
                staff_status.c.status == StaffStatus.AVAILABLE.value,
                staff_status.c.last_seen >= fresh,
                users.c.active.is_(True),
            )
        )
        .mappings()
        .all()
    )
    ids = [int(r["user_id"]) for r in rows]
    if not ids:
        return []
    # Three queries for everyone, not three per person: this runs for every waiting chat.
    unregistered = set(
        conn.execute(
            select(chat_assignments.c.user_id)
            .outerjoin(
                chat_registrations, chat_registrations.c.chat_id == chat_assignments.c.chat_id
            )
            .where(
                chat_assignments.c.user_id.in_(ids),
                chat_assignments.c.end_cause == "ended",
                chat_registrations.c.id.is_(None),
            )
        ).scalars()
    )
    role_names: dict[int, list[str]] = {}
    for uid, role in conn.execute(
        select(user_roles.c.user_id, user_roles.c.role).where(user_roles.c.user_id.in_(ids))
    ):
        role_names.setdefault(int(uid), []).append(role)
    busy: dict[int, int] = {
        int(helper): int(count)
        for helper, count in conn.execute(
            select(chats.c.helper_id, func.count())
            .where(chats.c.helper_id.in_(ids), chats.c.state.in_(RUNNING))
            .group_by(chats.c.helper_id)
        )
    }
    found: list[Candidate] = []
    for row in rows:
        user_id = int(row["user_id"])
        if user_id in unregistered:
            continue
        roles = parse_roles(role_names.get(user_id, []))
        is_trainee = Role.TRAINEE in roles and Role.HELPER not in roles
        found.append(
            Candidate(
                user_id=user_id,
                institution_id=int(row["institution_id"]),
                is_trainee=is_trainee,
                needs_backup=bool(row["needs_backup"]) and is_trainee,
                # A helper promoted from trainee is no backup until an admin lifts it.
                can_back_up=not is_trainee
                and bool({Role.HELPER, Role.SUPERVISOR} & roles)
                and bool(row["may_supervise"]),
                status=StaffStatus.AVAILABLE,
                active_chats=busy.get(user_id, 0),
                capacity=int(row["capacity"]),
                waiting_since=row["waiting_since"],
            )
        )
    return found


def assign_waiting(
    conn: Connection, now: datetime, presence_timeout: float, exclude: frozenset[int] = frozenset()
) -> list[int]:
    """Give waiting chats, longest waiting first, to whoever the rule picks."""
    lock_routing(conn)
    assigned: list[int] = []
    for chat in waiting_chats(conn):
        people = [c for c in candidates(conn, now, presence_timeout) if c.user_id not in exclude]
        dropped = set(
            conn.execute(
                select(chat_assignments.c.user_id).where(
                    chat_assignments.c.chat_id == chat["id"],
                    chat_assignments.c.end_cause == "handover",
                )
            ).scalars()
        )
        # Handed over: not back to a helper who dropped it.
        people = [c for c in people if c.user_id not in dropped]
        choice = choose(people)
        if choice is None:
            break
        assign(
            conn,
            chat["id"],
            choice.user_id,
            choice.reason.value,
            choice.backup_user_id,
            choice.passed_over,
            now,
        )
        assigned.append(int(chat["id"]))
    if assigned:
        announce_queue(conn)
    return assigned


def assign(
    conn: Connection,
    chat_id: int,
    user_id: int,
    reason: str,
    backup_user_id: int | None,
    passed_over: dict[int, str],
    now: datetime,
) -> None:
    chat = get_chat(conn, chat_id)
    assert chat is not None
    handover = chat["started_at"] is not None
    institution_id = conn.execute(
        select(users.c.institution_id).where(users.c.id == user_id)
    ).scalar_one()
    conn.execute(
        update(chats)
        .where(chats.c.id == chat_id)
        .values(
            helper_id=user_id,
            institution_id=institution_id,
            started_at=chat["started_at"] or now,
            helper_lost_at=None,
            version=chats.c.version + 1,
        )
    )
    refreshed = get_chat(conn, chat_id)
    assert refreshed is not None
    why = {
        "user_id": user_id,
        "reason": reason,
        "backup_user_id": backup_user_id,
        "passed_over": {str(k): v for k, v in passed_over.items()},
        "handover": handover,
    }
    seq = append_event(
        conn,
        f"chat:{chat_id}",
        "chat.assigned",
        f"chatstaff:{chat_id}",
        {"chat": {**chat_json(refreshed), "state": ChatState.ACTIVE.value}, "assignment": why},
    )
    # The first helper reads what the youth wrote while waiting; after a hand-over only
    # what followed the hand-over (the rest only when the youth shares it).
    from_seq = 0
    if handover:
        previous = conn.execute(
            select(func.max(chat_assignments.c.until_seq)).where(
                chat_assignments.c.chat_id == chat_id
            )
        ).scalar()
        from_seq = seq if previous is None else int(previous) + 1
    conn.execute(
        insert(chat_assignments).values(
            chat_id=chat_id,
            user_id=user_id,
            reason=reason,
            backup_user_id=backup_user_id,
            passed_over=json.dumps(why["passed_over"]),
            assigned_at=now,
            from_seq=from_seq,
        )
    )
    # The earlier conversation only: never the previous supervisor's whispers.
    earlier = messages_of(
        conn, chat_id, 0 if refreshed["history_shared"] else from_seq, seq, CONVERSATION
    )
    if earlier:
        append_event(
            conn,
            f"chat:{chat_id}",
            "chat.history",
            f"chatstaff:{chat_id}",
            {"chat_id": chat_id, "messages": earlier},
        )
    set_state(conn, chat_id, ChatState.ACTIVE)
    system_message(conn, chat_id, "assigned", now)
    conn.execute(
        update(staff_status)
        .where(staff_status.c.user_id == user_id)
        .values(version=staff_status.c.version + 1)
    )
    announce_staff(conn, user_id)
