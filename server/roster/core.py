"""The roster's storage: blocks (draft and published), forum duty, commitments, people.

The rules live in `console.domain.roster`; this module only reads and writes rows and turns
them into the domain's objects (`Roster`, `Institution`, `Person`, `BlockFill`) and into the
API's JSON (docs/roster.md, "The roster API").

Versioned writes: every block and forum row carries a `version`. A write names the version
it was made against; `UPDATE ... WHERE version = :v` changing no row means someone else was
first (the caller answers 409 with the row as it now is). A block or forum day with no row
yet is version 0 and is created by an INSERT, which the unique key (day, idx) turns into an
IntegrityError for the second of two racing writers.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Connection, RowMapping, delete, insert, or_, select, update

from console.domain.hours import MINUTES_PER_DAY, WeeklySchedule
from console.domain.roles import Role
from console.domain.roster import (
    BlockFill,
    BlockRef,
    Institution,
    Period,
    Person,
    Problem,
    Roster,
    ServiceCalendar,
    service_calendar,
    validate_fills,
)
from server.chat import config
from server.db.tables import (
    institutions,
    roster_blocks,
    roster_commitments,
    roster_forum,
    roster_person_unavailable,
    roster_publications,
    staff_status,
    user_roles,
    users,
)
from server.events import append_event, iso

#: A period asked for (GET /roster, proposals, publishing) spans at most this many days.
MAX_PERIOD_DAYS = 400
SEAT_ROLES = (Role.SUPERVISOR, Role.HELPER, Role.TRAINEE)  # the seat role: first one held
UNBOUNDED = 10_000  # the domain's "no maximum" (Institution.max_blocks default)
COORDINATORS = "role:roster_coordinator"
STREAM = "roster"


def institution_tag(institution_id: int | str) -> str:
    return f"inst:{institution_id}"


# --------------------------------------------------------------------------- calendar


def schedule(conn: Connection) -> WeeklySchedule:
    """The chat's opening hours decide which days need staff."""
    return config.schedule(conn)


def calendar_for(conn: Connection, start: date, end: date) -> ServiceCalendar:
    return service_calendar(Period(start, end), schedule(conn))


def shift_times(sched: WeeklySchedule, day: date) -> tuple[datetime, datetime] | None:
    """The opening window of `day` in local time (first start to last end), or None."""
    windows = sched.windows_on(day)
    if not windows:
        return None
    zone = sched.zone

    def at(minutes: int) -> datetime:
        moment = day
        if minutes >= MINUTES_PER_DAY:
            moment, minutes = day + timedelta(days=1), minutes - MINUTES_PER_DAY
        return datetime.combine(moment, time(minutes // 60, minutes % 60), tzinfo=zone)

    return at(min(w.start for w in windows)), at(max(w.end for w in windows))


# --------------------------------------------------------------------------- people


def seat_role(roles: Iterable[str]) -> Role | None:
    held = set(roles)
    return next((r for r in SEAT_ROLES if r.value in held), None)


def _roles_by_user(conn: Connection) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for user_id, role in conn.execute(select(user_roles.c.user_id, user_roles.c.role)):
        found.setdefault(int(user_id), []).append(str(role))
    return found


def load_people(conn: Connection) -> dict[str, Person]:
    """Every active user as a domain `Person` (non-seat users too, so that naming one in a
    block reads "has no chat role" rather than "unknown")."""
    roles = _roles_by_user(conn)
    backup: dict[int, bool] = {}
    supervises: dict[int, bool] = {}
    for uid, needs, may in conn.execute(
        select(staff_status.c.user_id, staff_status.c.needs_backup, staff_status.c.may_supervise)
    ):
        backup[int(uid)] = bool(needs)
        supervises[int(uid)] = bool(may)
    weekdays: dict[int, set[int]] = {}
    dates: dict[int, set[date]] = {}
    for uid, weekday, day in conn.execute(
        select(
            roster_person_unavailable.c.user_id,
            roster_person_unavailable.c.weekday,
            roster_person_unavailable.c.day,
        )
    ):
        if weekday is not None:
            weekdays.setdefault(int(uid), set()).add(int(weekday))
        if day is not None:
            dates.setdefault(int(uid), set()).add(day)
    people: dict[str, Person] = {}
    rows = conn.execute(
        select(users.c.id, users.c.display_name, users.c.institution_id).where(
            users.c.active.is_(True)
        )
    )
    for uid, name, inst in rows:
        held = roles.get(int(uid), [])
        role = seat_role(held)
        if role is None:
            known = [Role(r) for r in held if r in Role._value2member_map_]
            if not known:
                continue
            role = sorted(known)[0]
        people[str(uid)] = Person(
            id=str(uid),
            institution_id=str(inst),
            role=role,
            name=str(name),
            # A trainee without a status row has not been signed off: backup needed.
            needs_backup=role is Role.TRAINEE and backup.get(int(uid), True),
            # A helper promoted from trainee is no backup until an admin lifts it.
            may_supervise=supervises.get(int(uid), True),
            unavailable_weekdays=frozenset(weekdays.get(int(uid), ())),
            unavailable_dates=frozenset(dates.get(int(uid), ())),
        )
    return people


def person_json(person: Person) -> dict[str, Any]:
    return {
        "id": person.id,
        "institution_id": person.institution_id,
        "role": person.role.value,
        "name": person.name,
        "needs_backup": person.needs_backup,
        "may_supervise": person.may_supervise,
        "unavailable_weekdays": sorted(person.unavailable_weekdays),
        "unavailable_dates": sorted(d.isoformat() for d in person.unavailable_dates),
    }


def seat_people(people: Mapping[str, Person]) -> list[Person]:
    return [p for p in people.values() if p.role in SEAT_ROLES]


def roster_institutions(conn: Connection, people: Mapping[str, Person]) -> list[RowMapping]:
    """Active institutions that take part: with people who can sit, or with a commitment."""
    sitting = {p.institution_id for p in seat_people(people)}
    committed = {
        str(i)
        for i in conn.execute(select(roster_commitments.c.institution_id).distinct()).scalars()
    }
    rows = conn.execute(
        select(institutions).where(institutions.c.active.is_(True)).order_by(institutions.c.id)
    ).mappings()
    return [r for r in rows if str(r["id"]) in sitting | committed]


def institution_json(row: RowMapping) -> dict[str, Any]:
    return {"id": str(row["id"]), "code": row["code"], "name": row["name"]}


def active_institution_ids(conn: Connection) -> set[str]:
    rows = conn.execute(select(institutions.c.id).where(institutions.c.active.is_(True)))
    return {str(i) for i in rows.scalars()}


# --------------------------------------------------------------------------- commitments


def commitment_rows(conn: Connection, start: date, end: date) -> list[RowMapping]:
    """Commitments whose period overlaps start..end."""
    return list(
        conn.execute(
            select(roster_commitments)
            .where(roster_commitments.c.period_start <= end)
            .where(roster_commitments.c.period_end >= start)
            .order_by(roster_commitments.c.institution_id, roster_commitments.c.period_start)
        ).mappings()
    )


def commitment_json(row: RowMapping) -> dict[str, Any]:
    return {
        "institution_id": str(row["institution_id"]),
        "min_blocks": int(row["min_blocks"]),
        "max_blocks": int(row["max_blocks"]),
        "preferred_weekdays": list(json.loads(row["preferred_weekdays"])),
        "unavailable_dates": list(json.loads(row["unavailable_dates"])),
        "version": int(row["version"]),
    }


def save_commitments(
    conn: Connection, start: date, end: date, entries: Sequence[Mapping[str, Any]]
) -> None:
    """Replace the commitments of exactly this period with `entries`."""
    given = {int(e["institution_id"]) for e in entries}
    existing = {
        int(r["institution_id"]): r
        for r in conn.execute(
            select(roster_commitments).where(
                roster_commitments.c.period_start == start, roster_commitments.c.period_end == end
            )
        ).mappings()
    }
    gone = [i for i in existing if i not in given]
    if gone:
        conn.execute(
            delete(roster_commitments).where(
                roster_commitments.c.period_start == start,
                roster_commitments.c.period_end == end,
                roster_commitments.c.institution_id.in_(gone),
            )
        )
    for entry in entries:
        inst = int(entry["institution_id"])
        values = {
            "min_blocks": int(entry["min_blocks"]),
            "max_blocks": int(entry["max_blocks"]),
            "preferred_weekdays": json.dumps(sorted(set(entry["preferred_weekdays"]))),
            "unavailable_dates": json.dumps(
                sorted({d.isoformat() for d in entry["unavailable_dates"]})
            ),
        }
        if inst in existing:
            conn.execute(
                update(roster_commitments)
                .where(roster_commitments.c.id == existing[inst]["id"])
                .values(**values, version=roster_commitments.c.version + 1)
            )
        else:
            conn.execute(
                insert(roster_commitments).values(
                    institution_id=inst, period_start=start, period_end=end, version=1, **values
                )
            )


def domain_institutions(
    conn: Connection,
    calendar: ServiceCalendar,
    rows: Sequence[RowMapping],
    *,
    scale: bool,
) -> list[Institution]:
    """The institutions with their commitment for the calendar's period.

    A commitment stored for exactly this period counts as it is. With `scale`, one stored
    for a longer period that covers this one counts in proportion to the open days (minimum
    rounded down, maximum up), so a week can be proposed inside a quarter's agreement.
    Unavailable dates of every overlapping commitment count; without a commitment an
    institution has minimum 0 and no maximum.
    """
    period = calendar.period
    rows_by_inst: dict[str, list[RowMapping]] = {}
    for row in commitment_rows(conn, period.start, period.end):
        rows_by_inst.setdefault(str(row["institution_id"]), []).append(row)
    result: list[Institution] = []
    for inst in rows:
        inst_id = str(inst["id"])
        mine = rows_by_inst.get(inst_id, [])
        unavailable: set[date] = set()
        for row in mine:
            unavailable |= {date.fromisoformat(d) for d in json.loads(row["unavailable_dates"])}
        low, high, liked = 0, UNBOUNDED, frozenset[int]()
        exact = next(
            (r for r in mine if (r["period_start"], r["period_end"]) == (period.start, period.end)),
            None,
        )
        chosen = exact
        if chosen is None and scale:
            chosen = next(
                (
                    r
                    for r in mine
                    if r["period_start"] <= period.start and r["period_end"] >= period.end
                ),
                None,
            )
        if chosen is not None:
            liked = frozenset(int(w) for w in json.loads(chosen["preferred_weekdays"]))
            low, high = int(chosen["min_blocks"]), int(chosen["max_blocks"])
            if chosen is not exact:
                whole = service_calendar(
                    Period(chosen["period_start"], chosen["period_end"]), schedule(conn)
                )
                ratio = len(calendar.days) / max(1, len(whole.days))
                low, high = math.floor(low * ratio), min(UNBOUNDED, math.ceil(high * ratio))
        result.append(
            Institution(
                id=inst_id,
                name=str(inst["name"]),
                min_blocks=low,
                max_blocks=max(low, high),
                unavailable_dates=frozenset(
                    d for d in unavailable if period.start <= d <= period.end
                ),
                preferred_weekdays=liked,
            )
        )
    return result


# --------------------------------------------------------------------------- blocks


def load_blocks(conn: Connection, start: date, end: date) -> dict[tuple[date, int], RowMapping]:
    rows = conn.execute(
        select(roster_blocks).where(roster_blocks.c.day >= start, roster_blocks.c.day <= end)
    ).mappings()
    return {(r["day"], int(r["idx"])): r for r in rows}


def load_block(conn: Connection, day: date, index: int) -> RowMapping | None:
    return (
        conn.execute(
            select(roster_blocks).where(roster_blocks.c.day == day, roster_blocks.c.idx == index)
        )
        .mappings()
        .one_or_none()
    )


def load_forum(conn: Connection, start: date, end: date) -> dict[date, RowMapping]:
    rows = conn.execute(
        select(roster_forum).where(roster_forum.c.day >= start, roster_forum.c.day <= end)
    ).mappings()
    return {r["day"]: r for r in rows}


def load_forum_day(conn: Connection, day: date) -> RowMapping | None:
    return (
        conn.execute(select(roster_forum).where(roster_forum.c.day == day)).mappings().one_or_none()
    )


def _sid(value: Any) -> str | None:
    return None if value is None else str(value)


def block_people(row: RowMapping | None) -> list[str]:
    if row is None:
        return []
    return [str(row[c]) for c in ("seat1_id", "seat2_id") if row[c] is not None]


def block_json(row: RowMapping | None, index: int, day: date | None = None) -> dict[str, Any]:
    """A block as the API shows it; a block with no row yet is empty, version 0."""
    data: dict[str, Any] = {
        "index": index,
        "institution_id": None if row is None else _sid(row["institution_id"]),
        "published_institution_id": None if row is None else _sid(row["published_institution_id"]),
        "pinned": False if row is None else bool(row["pinned"]),
        "people": block_people(row),
        "version": 0 if row is None else int(row["version"]),
    }
    if day is not None:
        data = {"day": day.isoformat(), **data}
    return data


def forum_json(row: RowMapping | None, day: date | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "institution_id": None if row is None else _sid(row["institution_id"]),
        "published_institution_id": None if row is None else _sid(row["published_institution_id"]),
        "version": 0 if row is None else int(row["version"]),
    }
    if day is not None:
        data = {"day": day.isoformat(), **data}
    return data


def draft_roster(
    calendar: ServiceCalendar,
    blocks: Mapping[tuple[date, int], RowMapping],
    forum: Mapping[date, RowMapping],
    *,
    published: bool = False,
) -> Roster:
    """The draft (or the published) roster of the calendar's open days ("" = no one)."""
    column = "published_institution_id" if published else "institution_id"
    rows: dict[date, tuple[str, ...]] = {}
    duty: dict[date, str] = {}
    for service_day in calendar.days:
        day = service_day.day
        row = tuple(
            _sid(blocks[(day, i)][column]) or "" if (day, i) in blocks else ""
            for i in range(service_day.blocks)
        )
        if published and not any(row):
            continue
        rows[day] = row
        inst = _sid(forum[day][column]) if day in forum else None
        if inst is not None:
            duty[day] = inst
    return Roster(rows, duty)


def pins_of(
    calendar: ServiceCalendar, blocks: Mapping[tuple[date, int], RowMapping]
) -> dict[BlockRef, str]:
    open_days = calendar.by_date()
    pins: dict[BlockRef, str] = {}
    for (day, index), row in blocks.items():
        service_day = open_days.get(day)
        if (
            row["pinned"]
            and row["institution_id"] is not None
            and service_day is not None
            and index < service_day.blocks
        ):
            pins[BlockRef(day, index)] = str(row["institution_id"])
    return pins


def roster_json(
    conn: Connection, calendar: ServiceCalendar, problems: Sequence[Problem]
) -> dict[str, Any]:
    period = calendar.period
    blocks = load_blocks(conn, period.start, period.end)
    forum = load_forum(conn, period.start, period.end)
    days = []
    for service_day in calendar.days:
        day = service_day.day
        days.append(
            {
                "day": day.isoformat(),
                "blocks_needed": service_day.blocks,
                "holiday": service_day.opened_holiday,
                "hard_to_staff": service_day.hard_to_staff,
                "forum": forum_json(forum.get(day)),
                "blocks": [block_json(blocks.get((day, i)), i) for i in range(service_day.blocks)],
            }
        )
    return {
        "start": period.start.isoformat(),
        "end": period.end.isoformat(),
        "days": days,
        "closed": {d.isoformat(): reason for d, reason in sorted(calendar.closed.items())},
        "published_at": last_published_at(conn, period.start, period.end),
        "problems": [p.as_dict() for p in problems],
    }


def last_published_at(conn: Connection, start: date, end: date) -> str | None:
    moment = conn.execute(
        select(roster_publications.c.published_at)
        .where(roster_publications.c.period_start <= end)
        .where(roster_publications.c.period_end >= start)
        .order_by(roster_publications.c.published_at.desc())
        .limit(1)
    ).scalar_one_or_none()
    return None if moment is None else iso(moment)


@dataclass(frozen=True)
class BlockWrite:
    """The new state of a block's columns (the caller has validated it)."""

    institution_id: int | None
    pinned: bool
    seats: tuple[int | None, int | None]


def write_block(
    conn: Connection,
    day: date,
    index: int,
    version: int,
    change: BlockWrite,
    user_id: int | None,
    now: datetime,
) -> bool:
    """Compare-and-swap one block; False when `version` is not the stored one."""
    values = {
        "institution_id": change.institution_id,
        "pinned": change.pinned,
        "seat1_id": change.seats[0],
        "seat2_id": change.seats[1],
        "updated_at": now,
        "updated_by": user_id,
    }
    if version == 0:
        if load_block(conn, day, index) is not None:
            return False
        # A racing insert of the same (day, idx) fails on the unique key: IntegrityError.
        conn.execute(
            insert(roster_blocks).values(
                day=day, idx=index, published_institution_id=None, version=1, **values
            )
        )
        return True
    done = conn.execute(
        update(roster_blocks)
        .where(
            roster_blocks.c.day == day,
            roster_blocks.c.idx == index,
            roster_blocks.c.version == version,
        )
        .values(**values, version=roster_blocks.c.version + 1)
    )
    return done.rowcount == 1


def write_forum(
    conn: Connection,
    day: date,
    version: int,
    institution_id: int | None,
    user_id: int | None,
    now: datetime,
) -> bool:
    values = {"institution_id": institution_id, "updated_at": now, "updated_by": user_id}
    if version == 0:
        if load_forum_day(conn, day) is not None:
            return False
        conn.execute(
            insert(roster_forum).values(day=day, published_institution_id=None, version=1, **values)
        )
        return True
    done = conn.execute(
        update(roster_forum)
        .where(roster_forum.c.day == day, roster_forum.c.version == version)
        .values(**values, version=roster_forum.c.version + 1)
    )
    return done.rowcount == 1


def announce_block(
    conn: Connection, day: date, index: int, institution_ids: Iterable[int | str | None]
) -> dict[str, Any]:
    """`roster.block` to the coordinators and the institutions concerned; returns the block."""
    data = block_json(load_block(conn, day, index), index, day)
    append_event(conn, STREAM, "roster.block", COORDINATORS, data)
    for inst in sorted({str(i) for i in institution_ids if i is not None}):
        append_event(conn, STREAM, "roster.block", institution_tag(inst), data)
    return data


def announce_forum(
    conn: Connection, day: date, institution_ids: Iterable[int | str | None]
) -> dict[str, Any]:
    data = forum_json(load_forum_day(conn, day), day)
    append_event(conn, STREAM, "roster.forum", COORDINATORS, data)
    for inst in sorted({str(i) for i in institution_ids if i is not None}):
        append_event(conn, STREAM, "roster.forum", institution_tag(inst), data)
    return data


# --------------------------------------------------------------------------- names


def day_fills(
    calendar_day_blocks: int, day: date, blocks: Mapping[tuple[date, int], RowMapping]
) -> list[BlockFill]:
    fills = []
    for index in range(calendar_day_blocks):
        row = blocks.get((day, index))
        if row is None or row["institution_id"] is None:
            continue
        fills.append(BlockFill(day, index, str(row["institution_id"]), tuple(block_people(row))))
    return fills


def introduced_problems(
    before: Sequence[BlockFill], after: Sequence[BlockFill], people: Mapping[str, Person]
) -> list[Problem]:
    """Problems `after` has that `before` had not: an old breach never blocks an edit."""
    old = [p.as_dict() for p in validate_fills(before, people)]
    return [p for p in validate_fills(after, people) if p.as_dict() not in old]


# --------------------------------------------------------------------------- own shifts


def own_shifts(
    conn: Connection, user_id: int, start: date, end: date, *, published_only: bool = False
) -> list[dict[str, Any]]:
    """The blocks `user_id` sits in between start and end (open days only)."""
    sched = schedule(conn)
    calendar = service_calendar(Period(start, end), sched)
    open_days = calendar.by_date()
    rows = conn.execute(
        select(roster_blocks)
        .where(roster_blocks.c.day >= start, roster_blocks.c.day <= end)
        .where(or_(roster_blocks.c.seat1_id == user_id, roster_blocks.c.seat2_id == user_id))
        .order_by(roster_blocks.c.day, roster_blocks.c.idx)
    ).mappings()
    names = {
        int(uid): str(name) for uid, name in conn.execute(select(users.c.id, users.c.display_name))
    }
    shifts = []
    for row in rows:
        service_day = open_days.get(row["day"])
        if service_day is None or int(row["idx"]) >= service_day.blocks:
            continue
        if row["institution_id"] is None:
            continue
        published = row["published_institution_id"] == row["institution_id"]
        if published_only and not published:
            continue
        times = shift_times(sched, row["day"])
        if times is None:
            continue
        colleagues = [
            names.get(int(p), "")
            for p in (row["seat1_id"], row["seat2_id"])
            if p is not None and int(p) != user_id
        ]
        shifts.append(
            {
                "day": row["day"].isoformat(),
                "index": int(row["idx"]),
                "institution_id": str(row["institution_id"]),
                "start": times[0].isoformat(),
                "end": times[1].isoformat(),
                "colleagues": colleagues,
                "published": published,
            }
        )
    return shifts


# --------------------------------------------------------------------------- publishing


def publish(
    conn: Connection, calendar: ServiceCalendar, user_id: int, now: datetime
) -> tuple[int, set[str]]:
    """Copy the draft of the period to the published columns; returns (blocks, institutions
    concerned: those in the new or the old published roster)."""
    period = calendar.period
    open_days = calendar.by_date()
    concerned: set[str] = set()
    blocks = load_blocks(conn, period.start, period.end)
    count = 0
    for (day, index), row in blocks.items():
        service_day = open_days.get(day)
        valid = service_day is not None and index < service_day.blocks
        new = row["institution_id"] if valid else None
        for inst in (row["published_institution_id"], new):
            if inst is not None:
                concerned.add(str(inst))
        if new is not None:
            count += 1
        if row["published_institution_id"] != new:
            conn.execute(
                update(roster_blocks)
                .where(roster_blocks.c.id == row["id"])
                .values(published_institution_id=new)
            )
    for day, row in load_forum(conn, period.start, period.end).items():
        new = row["institution_id"] if day in open_days else None
        if row["published_institution_id"] != new:
            conn.execute(
                update(roster_forum)
                .where(roster_forum.c.day == day)
                .values(published_institution_id=new)
            )
    conn.execute(
        insert(roster_publications).values(
            period_start=period.start, period_end=period.end, published_at=now, published_by=user_id
        )
    )
    return count, concerned


def rows_changed_since(
    conn: Connection,
    stamps: Mapping[str, Mapping[str, int]],
    blocks: Iterable[str],
    days: Iterable[str],
) -> bool:
    """Whether any of the named block ("YYYY-MM-DD/i") or forum rows moved past its stamp."""
    for key in blocks:
        day, index = key.split("/")
        row = load_block(conn, date.fromisoformat(day), int(index))
        if (0 if row is None else int(row["version"])) != stamps["blocks"].get(key, 0):
            return True
    for key in days:
        row = load_forum_day(conn, date.fromisoformat(key))
        if (0 if row is None else int(row["version"])) != stamps["forum"].get(key, 0):
            return True
    return False


def stamps_of(
    blocks: Mapping[tuple[date, int], RowMapping], forum: Mapping[date, RowMapping]
) -> dict[str, dict[str, int]]:
    return {
        "blocks": {f"{d.isoformat()}/{i}": int(r["version"]) for (d, i), r in blocks.items()},
        "forum": {d.isoformat(): int(r["version"]) for d, r in forum.items()},
    }


def block_key(day: date, index: int) -> str:
    return f"{day.isoformat()}/{index}"
