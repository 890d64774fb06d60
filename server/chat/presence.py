"""Who is still connected, and what happens when somebody is not.

A connection counts as present while requests keep coming: every long-poll, stream and
keep-alive of a staff member, every poll of a youth. The sweeper (run every `chat_tick`
seconds in each worker) turns silence into events:

- a helper silent for `presence_timeout` s: the youth sees "your helper is reconnecting";
- that helper back within the grace window (`chat_grace`): the chat simply continues;
- still gone after the grace window: the chat is handed over, as an explicit event, and
  goes to the front of the queue;
- a youth silent for `presence_timeout` s: the helper sees it; after the grace window on
  top, the chat ends.
"""

from __future__ import annotations

import threading
import time
from datetime import datetime, timedelta

from sqlalchemy import Connection, select, update

from console.domain.chat import ChatState, EndReason
from console.domain.routing import StaffStatus
from server.chat.core import (
    RUNNING,
    announce_queue,
    announce_staff,
    end_assignment,
    end_chat,
    set_state,
    system_message,
)
from server.chat.staffing import assign_waiting, lock_routing
from server.db.tables import chats, staff_status
from server.events import append_event

#: Write a "still here" at most this often per person (per worker).
TOUCH_EVERY = 5.0


class TouchThrottle:
    """Remembers when each key was last written, so presence costs one write per 5 s."""

    def __init__(self, every: float = TOUCH_EVERY) -> None:
        self.every = every
        self._last: dict[str, float] = {}
        self._lock = threading.Lock()

    def due(self, key: str) -> bool:
        now = time.monotonic()
        with self._lock:
            last = self._last.get(key)
            if last is not None and now - last < self.every:
                return False
            self._last[key] = now
            if len(self._last) > 50_000:
                self._last.clear()
            return True


def touch_staff(conn: Connection, user_id: int, now: datetime) -> None:
    """The staff member is connected: note it, and resume chats that waited for them."""
    conn.execute(
        update(staff_status).where(staff_status.c.user_id == user_id).values(last_seen=now)
    )
    lost = conn.execute(
        select(chats.c.id).where(
            chats.c.helper_id == user_id, chats.c.state == ChatState.HELPER_RECONNECTING.value
        )
    ).scalars()
    for chat_id in list(lost):
        set_state(conn, int(chat_id), ChatState.ACTIVE, helper_lost_at=None)
        system_message(conn, int(chat_id), "helper_back", now)


def sweep(
    conn: Connection,
    now: datetime,
    presence_timeout: float,
    grace: float,
    resume_window: float | None = None,
) -> None:
    """One round of presence checks, hand-overs and routing (in one write transaction)."""
    lock_routing(conn)
    silent = now - timedelta(seconds=presence_timeout)
    expired = now - timedelta(seconds=grace)

    # Helpers gone quiet: the youth is told, the chat stays theirs.
    quiet = conn.execute(
        select(chats.c.id)
        .join(staff_status, staff_status.c.user_id == chats.c.helper_id)
        .where(chats.c.state == ChatState.ACTIVE.value, staff_status.c.last_seen < silent)
    ).scalars()
    for chat_id in list(quiet):
        set_state(conn, int(chat_id), ChatState.HELPER_RECONNECTING, helper_lost_at=now)
        system_message(conn, int(chat_id), "helper_reconnecting", now)

    # Helpers gone past the grace window: hand the chat over, explicitly.
    overdue = conn.execute(
        select(chats.c.id, chats.c.helper_id).where(
            chats.c.state == ChatState.HELPER_RECONNECTING.value,
            chats.c.helper_lost_at < expired,
        )
    ).all()
    handed = False
    for chat_id, helper_id in overdue:
        handed = True
        append_event(
            conn,
            f"chat:{chat_id}",
            "chat.handover",
            f"chat:{chat_id}",
            {"chat_id": chat_id, "from_user_id": helper_id},
        )
        end_assignment(conn, int(chat_id), "handover", now)
        system_message(conn, int(chat_id), "handover", now)
        # No longer theirs: nothing queued in their console can reach the youth any more.
        set_state(conn, int(chat_id), ChatState.WAITING, helper_lost_at=None, helper_id=None)
        # The helper's console is gone: they are no longer available for chats.
        conn.execute(
            update(staff_status)
            .where(staff_status.c.user_id == helper_id)
            .values(status=StaffStatus.OFFLINE.value, since=now)
        )
        announce_staff(conn, int(helper_id))
    if handed:
        announce_queue(conn)

    # Youths gone quiet: their helper sees it; past the grace window the chat ends.
    gone = conn.execute(
        select(chats.c.id).where(
            chats.c.state != ChatState.ENDED.value,
            chats.c.youth_connected.is_(True),
            chats.c.youth_seen_at < silent,
        )
    ).scalars()
    for chat_id in list(gone):
        conn.execute(update(chats).where(chats.c.id == chat_id).values(youth_connected=False))
        append_event(
            conn,
            f"chat:{chat_id}",
            "chat.youth_presence",
            f"chatstaff:{chat_id}",
            {"chat_id": chat_id, "connected": False},
        )
    left = conn.execute(
        select(chats).where(
            chats.c.state != ChatState.ENDED.value,
            chats.c.youth_seen_at < silent - timedelta(seconds=max(grace, resume_window or 0)),
        )
    ).mappings()
    for chat in list(left):
        reason = EndReason.YOUTH_GONE if chat["state"] in RUNNING else EndReason.ABANDONED
        end_chat(conn, chat, reason, now)

    assign_waiting(conn, now, presence_timeout)


def something_to_do(conn: Connection, now: datetime, presence_timeout: float) -> bool:
    """A cheap read: is a sweep worth a write transaction?"""
    silent = now - timedelta(seconds=presence_timeout)
    waiting = conn.execute(
        select(chats.c.id).where(chats.c.state == ChatState.WAITING.value).limit(1)
    ).first()
    if waiting is not None:
        return True
    reconnecting = conn.execute(
        select(chats.c.id).where(chats.c.state == ChatState.HELPER_RECONNECTING.value).limit(1)
    ).first()
    if reconnecting is not None:
        return True
    stale = conn.execute(
        select(chats.c.id)
        .outerjoin(staff_status, staff_status.c.user_id == chats.c.helper_id)
        .where(
            chats.c.state != ChatState.ENDED.value,
            (chats.c.youth_seen_at < silent) | (staff_status.c.last_seen < silent),
        )
        .limit(1)
    ).first()
    return stale is not None
