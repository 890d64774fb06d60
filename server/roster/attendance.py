"""Attendance: who of the people seated in a block became available in time.

Where the staff status changes to "available" (`server/chat/staffing.set_status`), the
moment is written to `roster_availability` (`staff_status` keeps only the latest change).
A sweep in every worker (`attendance_loop`, started from the lifespan like the forum's)
marks each seated person of a block once the block has started:

- **present**: their first availability start from `EARLY` before the block's start is
  at most `late_minutes` (default 10, `PUT /roster/attendance/settings`) after the start;
- **late**: it came later, but before the block ended (the minutes late are kept);
- **no-show**: no availability start before the block ended.

A block starts at the day's opening time in the chat's weekly schedule (`core.shift_times`;
a chat open around the clock starts its blocks at midnight). One row per (day, block,
person) under a unique key, inserted with ON CONFLICT DO NOTHING: whichever worker gets
there first writes it, running the sweep again changes nothing. Blocks that started before
the first sweep ever ran (`attendance_since`) are never marked: a new installation does
not call its past roster no-shows.

Time comes from this module's clock: real UTC time, shifted by an offset only tests set
(`PUT /_test/roster/clock`), so tests never wait for a block to start.
"""

from __future__ import annotations

import asyncio
import logging
import math
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, RowMapping, insert, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from starlette.concurrency import run_in_threadpool

from console.domain.readiness import Sitting, count_supervised_shifts
from console.domain.roster import Period, service_calendar
from server.chat import config
from server.db.database import Database
from server.db.tables import (
    institutions,
    roster_attendance,
    roster_availability,
    users,
    utcnow,
)
from server.events import iso
from server.roster import core

log = logging.getLogger(__name__)

LATE_KEY = "attendance_late_minutes"
SINCE_KEY = "attendance_since"
DEFAULT_LATE_MINUTES = 10
MAX_LATE_MINUTES = 240
#: Becoming available this long before a block starts counts as arriving for it.
EARLY = timedelta(hours=3)
#: The sweep looks at blocks of today and this many days back (a worker that was down).
LOOKBACK_DAYS = 3

PRESENT, LATE, NO_SHOW = "present", "late", "no_show"
ATTENDED = frozenset({PRESENT, LATE})
STATUSES = (PRESENT, LATE, NO_SHOW)


# --------------------------------------------------------------------------- clock

_lock = threading.Lock()
_offset = timedelta(0)


def now() -> datetime:
    """The roster's now (replacements and attendance): real time plus the tests' offset."""
    with _lock:
        offset = _offset
    return utcnow() + offset


def set_now(moment: datetime | None) -> datetime:
    """Make `now()` answer `moment` from here on (None: real time again). Tests only."""
    global _offset
    with _lock:
        _offset = timedelta(0) if moment is None else moment - utcnow()
    return now()


# --------------------------------------------------------------------------- settings


def late_minutes(conn: Connection) -> int:
    value = config.get(conn, LATE_KEY)
    return DEFAULT_LATE_MINUTES if value is None else int(value)


def set_late_minutes(conn: Connection, minutes: int) -> None:
    config.put(conn, LATE_KEY, int(minutes))


def _since(conn: Connection) -> datetime | None:
    value = config.get(conn, SINCE_KEY)
    return None if value is None else datetime.fromisoformat(str(value))


# --------------------------------------------------------------------------- availability


def note_available(conn: Connection, user_id: int) -> None:
    """Record that `user_id` became available now (called where the status changes)."""
    conn.execute(insert(roster_availability).values(user_id=user_id, at=now()))


def arrivals(
    conn: Connection, user_ids: set[int], start: datetime, end: datetime
) -> dict[int, list[datetime]]:
    """Availability starts of these people between start and end, in time order."""
    if not user_ids:
        return {}
    rows = conn.execute(
        select(roster_availability.c.user_id, roster_availability.c.at)
        .where(roster_availability.c.user_id.in_(sorted(user_ids)))
        .where(roster_availability.c.at >= start, roster_availability.c.at < end)
        .order_by(roster_availability.c.at)
    )
    found: dict[int, list[datetime]] = {}
    for uid, at in rows:
        found.setdefault(int(uid), []).append(at)
    return found


# --------------------------------------------------------------------------- the rule


@dataclass(frozen=True)
class Seat:
    day: date
    index: int
    institution_id: int
    user_id: int
    start: datetime
    end: datetime


@dataclass(frozen=True)
class Mark:
    status: str
    arrived_at: datetime | None
    minutes_late: int | None


def decide(seat: Seat, starts: list[datetime], late: int, moment: datetime) -> Mark | None:
    """The mark for one seat at `moment`, or None while it cannot be told yet."""
    if moment < seat.start:
        return None
    seen = [t for t in starts if seat.start - EARLY <= t < min(seat.end, moment)]
    first = min(seen) if seen else None
    if first is not None:
        if first <= seat.start + timedelta(minutes=late):
            return Mark(PRESENT, first, None)
        minutes = math.floor((first - seat.start).total_seconds() / 60)
        return Mark(LATE, first, minutes)
    if moment >= seat.end:
        return Mark(NO_SHOW, None, None)
    return None


def seats_to_mark(conn: Connection, moment: datetime) -> list[Seat]:
    """Seated people of started blocks (since the first sweep) without a mark yet."""
    since = _since(conn)
    sched = core.schedule(conn)
    today = moment.astimezone(sched.zone).date()
    first = today - timedelta(days=LOOKBACK_DAYS)
    calendar = service_calendar(Period(first, today), sched)
    open_days = calendar.by_date()
    marked = {
        (d, int(i), int(u))
        for d, i, u in conn.execute(
            select(
                roster_attendance.c.day, roster_attendance.c.idx, roster_attendance.c.user_id
            ).where(roster_attendance.c.day >= first, roster_attendance.c.day <= today)
        )
    }
    seats: list[Seat] = []
    for (day, index), row in sorted(core.load_blocks(conn, first, today).items()):
        service_day = open_days.get(day)
        if service_day is None or index >= service_day.blocks or row["institution_id"] is None:
            continue
        times = core.shift_times(sched, day)
        if times is None or times[0] > moment or (since is not None and times[0] < since):
            continue
        for person in core.block_people(row):
            if (day, index, int(person)) not in marked:
                seats.append(
                    Seat(day, index, int(row["institution_id"]), int(person), times[0], times[1])
                )
    return seats


def _insert_ignoring_duplicates(conn: Connection) -> Any:
    if conn.dialect.name == "postgresql":
        return pg_insert(roster_attendance).on_conflict_do_nothing()
    return sqlite_insert(roster_attendance).on_conflict_do_nothing()


def sweep(conn: Connection, moment: datetime) -> int:
    """Mark every seat that can be told at `moment`; returns how many were written."""
    if _since(conn) is None:
        config.put(conn, SINCE_KEY, moment.isoformat())
    seats = seats_to_mark(conn, moment)
    if not seats:
        return 0
    late = late_minutes(conn)
    lo = min(s.start for s in seats) - EARLY
    hi = max(s.end for s in seats)
    starts = arrivals(conn, {s.user_id for s in seats}, lo, hi)
    written = 0
    for seat in seats:
        mark = decide(seat, starts.get(seat.user_id, []), late, moment)
        if mark is None:
            continue
        done = conn.execute(
            _insert_ignoring_duplicates(conn)
            .returning(roster_attendance.c.id)
            .values(
                day=seat.day,
                idx=seat.index,
                user_id=seat.user_id,
                institution_id=seat.institution_id,
                status=mark.status,
                block_start=seat.start,
                arrived_at=mark.arrived_at,
                minutes_late=mark.minutes_late,
                marked_at=moment,
            )
        )
        # RETURNING, not rowcount: PostgreSQL reports -1 for INSERT ... ON CONFLICT.
        written += len(done.all())
    return written


def tick(db: Database) -> int:
    moment = now()
    with db.read() as conn:
        if _since(conn) is not None and not seats_to_mark(conn, moment):
            return 0
    with db.write() as conn:
        return sweep(conn, now())


async def attendance_loop(db: Database, every: float) -> None:
    while True:
        try:
            await run_in_threadpool(tick, db)
        except Exception:
            log.exception("attendance sweep failed; retrying")
        await asyncio.sleep(every)


# --------------------------------------------------------------------------- reading


def marks(
    conn: Connection, start: date, end: date, institution_id: int | None = None
) -> list[RowMapping]:
    query = (
        select(roster_attendance, users.c.display_name)
        .join(users, users.c.id == roster_attendance.c.user_id)
        .where(roster_attendance.c.day >= start, roster_attendance.c.day <= end)
        .order_by(roster_attendance.c.day, roster_attendance.c.idx, users.c.display_name)
    )
    if institution_id is not None:
        query = query.where(roster_attendance.c.institution_id == institution_id)
    return list(conn.execute(query).mappings())


def shared_blocks(conn: Connection, user_id: int) -> list[tuple[RowMapping, list[RowMapping]]]:
    """Each marked block of `user_id` (day order) with the marks of the others in it."""
    mine = list(
        conn.execute(
            select(roster_attendance)
            .where(roster_attendance.c.user_id == user_id)
            .order_by(roster_attendance.c.day, roster_attendance.c.idx)
        ).mappings()
    )
    if not mine:
        return []
    others: dict[tuple[date, int], list[RowMapping]] = {}
    rows = conn.execute(
        select(roster_attendance, users.c.display_name)
        .join(users, users.c.id == roster_attendance.c.user_id)
        .where(roster_attendance.c.day.in_(sorted({r["day"] for r in mine})))
        .where(roster_attendance.c.user_id != user_id)
        .order_by(roster_attendance.c.user_id)
    ).mappings()
    for row in rows:
        others.setdefault((row["day"], int(row["idx"])), []).append(row)
    return [(r, others.get((r["day"], int(r["idx"])), [])) for r in mine]


def _tally() -> dict[str, int]:
    return dict.fromkeys(STATUSES, 0)


def report(
    conn: Connection, start: date, end: date, institution_id: int | None = None
) -> dict[str, Any]:
    """Per block and per person, with totals per person and per institution."""
    rows = marks(conn, start, end, institution_id)
    names = {
        int(i): str(n) for i, n in conn.execute(select(institutions.c.id, institutions.c.name))
    }
    blocks: dict[tuple[date, int], dict[str, Any]] = {}
    people: dict[int, dict[str, Any]] = {}
    insts: dict[int, dict[str, Any]] = {}
    for row in rows:
        key = (row["day"], int(row["idx"]))
        inst = int(row["institution_id"])
        entry = blocks.setdefault(
            key,
            {
                "day": row["day"].isoformat(),
                "index": int(row["idx"]),
                "institution_id": str(inst),
                "start": iso(row["block_start"]),
                "people": [],
            },
        )
        entry["people"].append(
            {
                "person_id": str(row["user_id"]),
                "name": row["display_name"],
                "status": row["status"],
                "arrived_at": None if row["arrived_at"] is None else iso(row["arrived_at"]),
                "minutes_late": row["minutes_late"],
            }
        )
        person = people.setdefault(
            int(row["user_id"]),
            {
                "person_id": str(row["user_id"]),
                "name": row["display_name"],
                "institution_id": str(inst),
                **_tally(),
            },
        )
        person[row["status"]] += 1
        total = insts.setdefault(
            inst, {"institution_id": str(inst), "name": names.get(inst, ""), **_tally()}
        )
        total[row["status"]] += 1
    return {
        "start": start.isoformat(),
        "end": end.isoformat(),
        "late_after_minutes": late_minutes(conn),
        "blocks": list(blocks.values()),
        "people": sorted(people.values(), key=lambda p: (int(p["institution_id"]), p["name"])),
        "institutions": [insts[i] for i in sorted(insts)],
    }


def roster_sittings(
    conn: Connection, trainee_id: int, institution_id: int, backup: Callable[[int], bool]
) -> list[dict[str, Any]]:
    """The trainee's marked blocks as supervised-shift rows (`source: "roster"`): one per
    person beside them (or one without anyone), with both attendance marks. Whether a row
    counts is the domain's rule (`count_supervised_shifts`) on those marks; `backup(id)`
    says whether someone is a helper or supervisor who may supervise."""
    me, mine = str(trainee_id), str(institution_id)
    found: list[dict[str, Any]] = []
    for own, others in shared_blocks(conn, trainee_id):
        day, block = own["day"], int(own["idx"])
        trainee = Sitting(
            day, block, me, mine, professional=False, attended=own["status"] in ATTENDED
        )
        beside: list[RowMapping | None] = [*others] or [None]
        for other in beside:
            sat = [trainee]
            if other is not None:
                pro = int(other["user_id"])
                sat.append(
                    Sitting(
                        day,
                        block,
                        str(pro),
                        str(other["institution_id"]),
                        professional=backup(pro),
                        attended=other["status"] in ATTENDED,
                    )
                )
            found.append(
                {
                    "day": day.isoformat(),
                    "block": block,
                    "professional_id": None if other is None else int(other["user_id"]),
                    "professional": None if other is None else other["display_name"],
                    "source": "roster",
                    "trainee_attendance": own["status"],
                    "professional_attendance": None if other is None else other["status"],
                    "counts": count_supervised_shifts(me, sat) == 1,
                }
            )
    return found
