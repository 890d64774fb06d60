"""Roster demo data: commitments for the current quarter, and a roster for the current week
and the three after it (institutions rotate over the days, one forum duty a day, names
in most blocks; a few blocks are left empty to fill). The first three weeks are published,
the fourth is a draft. Safe to run again: days that have blocks and periods that have
commitments or a publication are left alone.
"""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Mapping
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, insert, select

from console.domain.hours import WeeklySchedule
from console.domain.roster import BlockFill, Period, service_calendar, validate_fills
from server.db.tables import (
    roster_attendance,
    roster_blocks,
    roster_commitments,
    roster_forum,
    roster_person_unavailable,
    roster_publications,
    roster_replacements,
    users,
    utcnow,
)
from server.roster import core

WEEKS = 4
PUBLISHED_WEEKS = 3
#: Seat pairs per block, by username suffix: every trainee sits beside a helper.
PAIRS = [
    ("trainee1", "helper1"),
    ("trainee2", "helper2"),
    ("helper2", "trainee1"),
    ("helper1", "trainee2"),
]
#: Every n-th block is left without names, every m-th with one name only.
EMPTY_EVERY = 7
HALF_EVERY = 11


def quarter_of(day: date) -> Period:
    first_month = 3 * ((day.month - 1) // 3) + 1
    start = date(day.year, first_month, 1)
    next_start = date(day.year + (first_month + 3 > 12), (first_month + 2) % 12 + 1, 1)
    return Period(start, next_start - timedelta(days=1))


def load_roster_demo(
    conn: Connection,
    institution_ids: Mapping[str, int],
    coordinator_id: int,
    today: date | None = None,
) -> None:
    """Add the roster demo for the weeks around `today` (default: today in Amsterdam)."""
    today = today or datetime.now(ZoneInfo("Europe/Amsterdam")).date()
    sched = core.schedule(conn)
    codes = list(institution_ids)
    _commitments(conn, institution_ids, quarter_of(today))
    user_ids = {
        str(name): int(uid)
        for uid, name in conn.execute(
            select(users.c.id, users.c.username).where(
                users.c.username.in_(
                    [
                        f"{c}.{s}"
                        for c in codes
                        for s in ("helper1", "helper2", "trainee1", "trainee2")
                    ]
                )
            )
        )
    }
    _unavailable(conn, user_ids.get(f"{codes[-1]}.trainee2") if codes else None)
    people = core.load_people(conn)
    monday = today - timedelta(days=today.weekday())
    period = Period(monday, monday + timedelta(days=7 * WEEKS - 1))
    calendar = service_calendar(period, sched)
    existing = {day for day, _index in core.load_blocks(conn, period.start, period.end)}
    now = utcnow()
    counter = itertools.count()
    for n, service_day in enumerate(calendar.days):
        day = service_day.day
        if day in existing:
            continue
        published = (day - monday).days < 7 * PUBLISHED_WEEKS
        chosen = [codes[(n + j) % len(codes)] for j in range(min(service_day.blocks, len(codes)))]
        for index, code in enumerate(chosen):
            k = next(counter)
            seats: list[int | None] = [None, None]
            if k % EMPTY_EVERY != EMPTY_EVERY - 1:
                pair = PAIRS[k % len(PAIRS)]
                ids = [user_ids.get(f"{code}.{who}") for who in pair]
                if k % HALF_EVERY == HALF_EVERY - 1:
                    ids = [ids[1], None]  # the helper alone, a seat still free
                named = tuple(str(i) for i in ids if i is not None)
                fill = BlockFill(day, index, str(institution_ids[code]), named)
                if not validate_fills([fill], people):
                    seats = [*ids, None][:2]
            inst = institution_ids[code]
            conn.execute(
                insert(roster_blocks).values(
                    day=day,
                    idx=index,
                    institution_id=inst,
                    published_institution_id=inst if published else None,
                    pinned=False,
                    seat1_id=seats[0],
                    seat2_id=seats[1],
                    version=1,
                    updated_at=now,
                    updated_by=coordinator_id,
                )
            )
        if chosen:
            duty = institution_ids[chosen[n % len(chosen)]]
            if core.load_forum_day(conn, day) is None:
                conn.execute(
                    insert(roster_forum).values(
                        day=day,
                        institution_id=duty,
                        published_institution_id=duty if published else None,
                        version=1,
                        updated_at=now,
                        updated_by=coordinator_id,
                    )
                )
    _duty(conn, sched, today, codes, user_ids, period)
    first = Period(monday, monday + timedelta(days=7 * PUBLISHED_WEEKS - 1))
    done = conn.execute(
        select(roster_publications.c.id).where(
            roster_publications.c.period_start == first.start,
            roster_publications.c.period_end == first.end,
        )
    ).first()
    if done is None:
        conn.execute(
            insert(roster_publications).values(
                period_start=first.start,
                period_end=first.end,
                published_at=now,
                published_by=coordinator_id,
            )
        )


def _commitments(conn: Connection, institution_ids: Mapping[str, int], quarter: Period) -> None:
    """Equal shares of the quarter (+-20 %); one institution prefers Monday and Tuesday,
    another cannot sit on the quarter's first Wednesday."""
    calendar = service_calendar(quarter, core.schedule(conn))
    if not institution_ids:
        return
    share = calendar.total_blocks / len(institution_ids)
    first_wednesday = next((d.day for d in calendar.days if d.day.weekday() == 2), None)
    for n, inst in enumerate(institution_ids.values()):
        exists = conn.execute(
            select(roster_commitments.c.id).where(
                roster_commitments.c.institution_id == inst,
                roster_commitments.c.period_start == quarter.start,
                roster_commitments.c.period_end == quarter.end,
            )
        ).first()
        if exists is not None:
            continue
        unavailable = [first_wednesday.isoformat()] if n == 1 and first_wednesday else []
        conn.execute(
            insert(roster_commitments).values(
                institution_id=inst,
                period_start=quarter.start,
                period_end=quarter.end,
                min_blocks=math.floor(share * 0.8),
                max_blocks=math.ceil(share * 1.2),
                preferred_weekdays=json.dumps([0, 1] if n == 0 else []),
                unavailable_dates=json.dumps(unavailable),
                version=1,
            )
        )


def _unavailable(conn: Connection, user_id: int | None) -> None:
    """One trainee has college on Fridays."""
    if user_id is None:
        return
    exists = conn.execute(
        select(roster_person_unavailable.c.id).where(roster_person_unavailable.c.user_id == user_id)
    ).first()
    if exists is None:
        conn.execute(insert(roster_person_unavailable).values(user_id=user_id, weekday=4, day=None))


def _duty(
    conn: Connection,
    sched: WeeklySchedule,
    today: date,
    codes: list[str],
    user_ids: Mapping[str, int],
    period: Period,
) -> None:
    """An open replacement request (the first institution's first trainee, in their first
    shift after today) and attendance marks for the blocks before today: present, with
    one late arrival and one no-show."""
    blocks = core.load_blocks(conn, period.start, period.end)
    now = utcnow()
    trainee = user_ids.get(f"{codes[0]}.trainee1") if codes else None
    asked = conn.execute(select(roster_replacements.c.id)).first()
    if trainee is not None and asked is None:
        for (day, index), row in sorted(blocks.items()):
            if day > today and str(trainee) in core.block_people(row):
                conn.execute(
                    insert(roster_replacements).values(
                        day=day, idx=index, institution_id=row["institution_id"],
                        requester_id=trainee, reason="Tentamen", state="open", version=1,
                        requested_at=now,
                    )
                )  # fmt: skip
                break
    if conn.execute(select(roster_attendance.c.id)).first() is not None:
        return
    # The week before the roster starts (and the days of this week before today): who sat
    # is not kept for those days, only the marks, which is all the report needs.
    history = service_calendar(Period(period.start - timedelta(days=7), today), sched)
    counter = itertools.count()
    for n, service_day in enumerate(history.days):
        day = service_day.day
        times = core.shift_times(sched, day)
        if day >= today or times is None:
            continue
        for index in range(min(service_day.blocks, len(codes))):
            code = codes[(n + index) % len(codes)]
            for who in PAIRS[(n + index) % len(PAIRS)]:
                person = user_ids.get(f"{code}.{who}")
                if person is None:
                    continue
                k = next(counter)
                status, minutes = ("late", 12) if k % 9 == 4 else ("present", None)
                if k % 13 == 7:
                    status, minutes = "no_show", None
                arrived = (
                    None if status == "no_show" else times[0] + timedelta(minutes=minutes or -5)
                )
                conn.execute(
                    insert(roster_attendance).values(
                        day=day, idx=index, user_id=person,
                        institution_id=conn.execute(
                            select(users.c.institution_id).where(users.c.id == person)
                        ).scalar_one(),
                        status=status, block_start=times[0], arrived_at=arrived,
                        minutes_late=minutes, marked_at=times[1],
                    )
                )  # fmt: skip
