"""The event log: append inside a write transaction, read by cursor and audience.

`seq` follows commit order. Every writer takes the next value from the single
`event_counter` row with `UPDATE ... RETURNING` inside its own transaction, so it holds the
row lock (PostgreSQL) or the database write lock (SQLite, `BEGIN IMMEDIATE`) until it
commits: a later writer cannot commit a smaller seq after a reader moved past it. Readers
read the committed counter FIRST (the head) and then the events up to that head.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, bindparam, func, insert, select, update

from server.db.database import EVENTS_WRITTEN, Written
from server.db.tables import event_counter, events, utcnow

PAGE_SIZE = 500

# The statements every request runs, built once. A statement built per call leaves its
# bound parameters behind as reference cycles (an `in_()` over the audience tags alone made
# ~85 % of a serving worker's cyclic garbage), and each young-generation collection that
# frees them stopped the worker for 60-80 ms at 200 chats: the latency tail in
# docs/performance.md. Executed with parameters, a prebuilt statement leaves none.
_NEXT_SEQ = (
    update(event_counter)
    .where(event_counter.c.id == 1)
    .values(value=event_counter.c.value + 1)
    .returning(event_counter.c.value)
)
_APPEND = insert(events)
_HEAD = select(event_counter.c.value).where(event_counter.c.id == 1)
_OLDEST = select(func.min(events.c.seq))
_PAGE = (
    select(
        events.c.seq,
        events.c.stream,
        events.c.kind,
        events.c.data,
        events.c.at,
        events.c.audience,
    )
    .where(
        events.c.seq > bindparam("since"),
        events.c.seq <= bindparam("head"),
        events.c.audience.in_(bindparam("audience", expanding=True)),
    )
    .order_by(events.c.seq)
    .limit(bindparam("limit"))
)


@dataclass(frozen=True)
class Event:
    seq: int
    stream: str
    kind: str
    data: dict[str, Any]
    at: datetime

    def to_json(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "stream": self.stream,
            "kind": self.kind,
            "data": self.data,
            "at": iso(self.at),
        }


@dataclass(frozen=True)
class Batch:
    """One answer for a cursor: the events, the next cursor, whether to reset."""

    events: list[Event]
    next: int
    limited: bool
    reset: bool
    head: int


def iso(moment: datetime) -> str:
    """ISO 8601 in UTC with a Z suffix (an aware time in another zone is converted)."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def audience_for(user_id: int, institution_id: int, roles: Iterable[str]) -> frozenset[str]:
    """Every audience tag a user belongs to."""
    tags = {"all", f"user:{user_id}", f"inst:{institution_id}"}
    for role in roles:
        tags.add(f"role:{role}")
        tags.add(f"inst:{institution_id}:role:{role}")
        if role in _FORUM_ROLES:
            tags.add("forum")
        if role in _FORUM_ALERT_ROLES:
            tags.add("forum:alerts")
    return frozenset(tags)


#: Forum events (`forum.item`, `forum.round`, `forum.alert`) go to the screening staff and
#: the roster coordinator; the project lead gets the forum's alerts only.
_FORUM_ROLES = frozenset({"trainee", "helper", "supervisor", "roster_coordinator"})
_FORUM_ALERT_ROLES = frozenset({"project_lead"})


def append_event(
    conn: Connection, stream: str, kind: str, audience: str, data: Mapping[str, Any]
) -> int:
    """Append one event inside the caller's write transaction; returns its seq."""
    seq = conn.execute(_NEXT_SEQ).scalar_one()
    conn.execute(
        _APPEND,
        {
            "seq": seq,
            "stream": stream,
            "kind": kind,
            "audience": audience,
            "data": json.dumps(dict(data), separators=(",", ":"), ensure_ascii=False),
            "at": utcnow(),
        },
    )
    # Database.write wakes this audience's waiters (and NOTIFYs) after the commit.
    written = conn.info.get(EVENTS_WRITTEN)
    if not isinstance(written, Written):
        written = conn.info[EVENTS_WRITTEN] = Written()
    written.audiences.add(audience)
    written.head = max(written.head, int(seq))
    return int(seq)


def read_head(conn: Connection) -> int:
    """The seq of the newest committed event (0 when the log is empty)."""
    value = conn.execute(_HEAD).scalar_one()
    return int(value)


def oldest_seq(conn: Connection) -> int | None:
    value = conn.execute(_OLDEST).scalar_one_or_none()
    return None if value is None else int(value)


def needs_reset(since: int, head: int, oldest: int | None) -> bool:
    """A cursor is unservable when it is 0, older than the retained log, or ahead of it."""
    if since > head:
        return True
    if since <= 0:
        # A client with nothing needs the snapshot, unless there is nothing at all yet:
        # an empty log is served by waiting, or a fresh client would be reset forever.
        return head > 0
    first = head + 1 if oldest is None else oldest
    return since < first - 1


def read_events(
    conn: Connection,
    since: int,
    audience: frozenset[str],
    limit: int = PAGE_SIZE,
    allow: Callable[[str, int], bool] | None = None,
    reset_allowed: bool = True,
) -> Batch:
    """The caller's events after `since`, at most `limit`, in seq order.

    `allow(audience, seq)` may narrow an audience tag to a span of the log (a chat the
    caller may read only from their assignment on).
    """
    head = read_head(conn)
    if reset_allowed and needs_reset(since, head, oldest_seq(conn)):
        return Batch(events=[], next=head, limited=False, reset=True, head=head)
    rows = conn.execute(
        _PAGE, {"since": since, "head": head, "audience": sorted(audience), "limit": limit}
    ).all()
    limited = len(rows) >= limit
    cursor = int(rows[-1].seq) if limited else head
    found = [
        Event(seq=int(r.seq), stream=r.stream, kind=r.kind, data=json.loads(r.data), at=r.at)
        for r in rows
        if allow is None or allow(r.audience, int(r.seq))
    ]
    return Batch(events=found, next=cursor, limited=limited, reset=False, head=head)


def prune_events(conn: Connection, before: datetime) -> int:
    """Delete events committed before `before`; returns how many went."""
    result = conn.execute(events.delete().where(events.c.at < before))
    return int(result.rowcount or 0)
