"""Who is still connected, and what happens when somebody is not.

A connection counts as present while requests keep coming: every long-poll, stream and
keep-alive of a staff member, every poll of a youth. Each worker notes these in memory
(`PresenceBook`) and writes them in one transaction per tick (`flush_presence`), not one
transaction per connection: at 200 youths and 200 consoles the per-connection writes were
nearly half of the waits for SQLite's write lock. The sweeper (run every `chat_tick`
seconds in each worker, right after the flush) turns silence into events:

- a helper silent for `presence_timeout` s: the youth sees "your helper is reconnecting";
- that helper back within the grace window (`chat_grace`): the chat simply continues;
- still gone after the grace window: the chat is handed over, as an explicit event, and
  goes to the front of the queue;
- a youth silent for `presence_timeout` s: the helper sees it; after the grace window on
  top, the chat ends.
"""

from __future__ import annotations

import threading
from datetime import datetime, timedelta

from sqlalchemy import Connection, bindparam, select, update

from console.domain.chat import ChatState, EndReason
from console.domain.routing import StaffStatus
from server.chat.core import (
    RUNNING,
    announce_queue,
    announce_staff,
    end_assignment,
    end_chat,
    record_youth_seen,
    set_state,
    system_message,
)
from server.chat.staffing import assign_waiting, lock_routing
from server.db.tables import chats, staff_status
from server.events import append_event

#: A connected client is woken at least this often to notice it left (and note it is there).
TOUCH_EVERY = 5.0


class PresenceBook:
    """Who was seen since the last flush, in this worker's memory (thread-safe)."""

    def __init__(self, every: float = TOUCH_EVERY) -> None:
        self.every = every
        self._staff: dict[int, datetime] = {}
        self._youth: dict[int, datetime] = {}
        self._lock = threading.Lock()

    def staff(self, user_id: int, now: datetime) -> None:
        with self._lock:
            self._staff[user_id] = now

    def youth(self, chat_id: int, now: datetime) -> None:
        with self._lock:
            self._youth[chat_id] = now

    def give_back(self, staff: dict[int, datetime], youth: dict[int, datetime]) -> None:
        """What a failed flush took: noted again, unless seen later meanwhile."""
        with self._lock:
            for user_id, seen in staff.items():
                self._staff[user_id] = max(seen, self._staff.get(user_id, seen))
            for chat_id, seen in youth.items():
                self._youth[chat_id] = max(seen, self._youth.get(chat_id, seen))

    def take(self) -> tuple[dict[int, datetime], dict[int, datetime]]:
        """Everything noted since the last call, emptied."""
        with self._lock:
            staff, self._staff = self._staff, {}
            youth, self._youth = self._youth, {}
        return staff, youth


def flush_presence(
    conn: Connection, staff: dict[int, datetime], youth: dict[int, datetime]
) -> None:
    """Write what the book noted, and act on people who came back: a helper's chats that
    waited for them continue, a youth who was gone is shown as connected again.

    Chat states change here as in the sweep, so it takes routing's lock first, like the
    sweep: the two then never hold each other's rows."""
    lock_routing(conn)
    # Rows in one order (by id), so two workers' flushes cannot lock them crosswise.
    staff = dict(sorted(staff.items()))
    youth = dict(sorted(youth.items()))
    if staff:
        conn.execute(
            update(staff_status)
            .where(staff_status.c.user_id == bindparam("uid"))
            .values(last_seen=bindparam("seen")),
            [{"uid": uid, "seen": seen} for uid, seen in staff.items()],
        )
        lost = conn.execute(
            select(chats.c.id, chats.c.helper_id).where(
                chats.c.helper_id.in_(list(staff)),
                chats.c.state == ChatState.HELPER_RECONNECTING.value,
            )
        ).all()
        for chat_id, helper_id in lost:
            set_state(conn, int(chat_id), ChatState.ACTIVE, helper_lost_at=None)
            system_message(conn, int(chat_id), "helper_back", staff[int(helper_id)])
    if youth:
        conn.execute(
            update(chats)
            .where(chats.c.id == bindparam("cid"), chats.c.state != ChatState.ENDED.value)
            .values(youth_seen_at=bindparam("seen")),
            [{"cid": cid, "seen": seen} for cid, seen in youth.items()],
        )
        back = conn.execute(
            select(chats).where(
                chats.c.id.in_(list(youth)),
                chats.c.youth_connected.is_(False),
                chats.c.state != ChatState.ENDED.value,
            )
        ).mappings()
        for chat in list(back):
            record_youth_seen(conn, chat, youth[int(chat["id"])])


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
