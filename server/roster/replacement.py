"""Replacement: someone seated in a block asks a colleague to take their seat.

The request stays `open` (and the requester seated and responsible) until a colleague
takes it or the requester withdraws it. Who may take it is decided by the domain's rules
(`console.domain.roster`): a colleague of the block's institution who `may_sit` in the
freed seat, and with whom in the requester's seat the day has no problem
(`validate_fills`) that it did not have with the requester: not seated elsewhere that
day, not unavailable that date or weekday, and a trainee who needs backup only beside a
professional of the institution who may supervise (in either seat).

The first to accept wins: one conditional UPDATE (`state = 'open' AND version = :v`)
inside the write transaction that also swaps the seat, so of two colleagues accepting at
once exactly one changes a row; the other gets 409 `taken`. An open request reads as
`lapsed` once its block has started or its requester no longer sits in the block (a
coordinator changed the names); it can then no longer be taken.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, RowMapping, insert, select, update

from console.domain.roster import BlockFill, Person, may_sit
from server.db.tables import roster_blocks, roster_replacements, users
from server.events import append_event, iso
from server.roster import core

OPEN, TAKEN, WITHDRAWN, LAPSED = "open", "taken", "withdrawn", "lapsed"
STREAM = core.STREAM
MAX_REASON = 500


# --------------------------------------------------------------------------- reading


def load(conn: Connection, request_id: int) -> RowMapping | None:
    return (
        conn.execute(select(roster_replacements).where(roster_replacements.c.id == request_id))
        .mappings()
        .one_or_none()
    )


def open_for(conn: Connection, day: date, index: int, requester_id: int) -> RowMapping | None:
    return (
        conn.execute(
            select(roster_replacements).where(
                roster_replacements.c.day == day,
                roster_replacements.c.idx == index,
                roster_replacements.c.requester_id == requester_id,
                roster_replacements.c.state == OPEN,
            )
        )
        .mappings()
        .first()
    )


def block_start(conn: Connection, day: date) -> datetime | None:
    times = core.shift_times(core.schedule(conn), day)
    return None if times is None else times[0]


def state_of(
    row: RowMapping, block: RowMapping | None, start: datetime | None, now: datetime
) -> str:
    """The stored state, or `lapsed` for an open request that can no longer be taken."""
    if row["state"] != OPEN:
        return str(row["state"])
    seated = str(row["requester_id"]) in core.block_people(block)
    if not seated or start is None or start <= now:
        return LAPSED
    return OPEN


def _names(conn: Connection, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    rows = conn.execute(select(users.c.id, users.c.display_name).where(users.c.id.in_(ids)))
    return {int(i): str(n) for i, n in rows}


def to_json(
    row: RowMapping, state: str, names: Mapping[int, str], start: datetime | None
) -> dict[str, Any]:
    requester = int(row["requester_id"])
    taker = None if row["taken_by"] is None else int(row["taken_by"])
    return {
        "id": int(row["id"]),
        "day": row["day"].isoformat(),
        "index": int(row["idx"]),
        "institution_id": str(row["institution_id"]),
        "start": None if start is None else start.isoformat(),
        "requester_id": str(requester),
        "requester": names.get(requester, ""),
        "reason": row["reason"],
        "state": state,
        "version": int(row["version"]),
        "requested_at": iso(row["requested_at"]),
        "taken_by_id": None if taker is None else str(taker),
        "taken_by": None if taker is None else names.get(taker, ""),
        "taken_at": None if row["taken_at"] is None else iso(row["taken_at"]),
        "withdrawn_at": None if row["withdrawn_at"] is None else iso(row["withdrawn_at"]),
    }


def describe_rows(conn: Connection, rows: list[RowMapping], now: datetime) -> list[dict[str, Any]]:
    """Requests as the API shows them (with their derived state), in day order."""
    ids = {int(r["requester_id"]) for r in rows} | {
        int(r["taken_by"]) for r in rows if r["taken_by"] is not None
    }
    names = _names(conn, ids)
    found = []
    starts: dict[date, datetime | None] = {}
    for row in rows:
        day = row["day"]
        if day not in starts:
            starts[day] = block_start(conn, day)
        block = core.load_block(conn, day, int(row["idx"]))
        found.append(to_json(row, state_of(row, block, starts[day], now), names, starts[day]))
    return found


def one_json(conn: Connection, row: RowMapping, now: datetime) -> dict[str, Any]:
    return describe_rows(conn, [row], now)[0]


def requests(
    conn: Connection,
    *,
    requester_id: int | None = None,
    institution_id: int | None = None,
    state: str | None = None,
    start: date | None = None,
    end: date | None = None,
) -> list[RowMapping]:
    query = select(roster_replacements).order_by(
        roster_replacements.c.day, roster_replacements.c.idx, roster_replacements.c.id
    )
    if requester_id is not None:
        query = query.where(roster_replacements.c.requester_id == requester_id)
    if institution_id is not None:
        query = query.where(roster_replacements.c.institution_id == institution_id)
    if state is not None:
        query = query.where(roster_replacements.c.state == state)
    if start is not None:
        query = query.where(roster_replacements.c.day >= start)
    if end is not None:
        query = query.where(roster_replacements.c.day <= end)
    return list(conn.execute(query).mappings())


# --------------------------------------------------------------------------- the rule


def _fills(conn: Connection, day: date) -> tuple[list[BlockFill], dict[tuple[date, int], Any]]:
    calendar = core.calendar_for(conn, day, day)
    service_day = calendar.by_date().get(day)
    blocks = core.load_blocks(conn, day, day)
    if service_day is None:
        return [], blocks
    return core.day_fills(service_day.blocks, day, blocks), blocks


def may_replace(
    candidate: Person,
    requester_id: str,
    day: date,
    index: int,
    day_fills: list[BlockFill],
    people: Mapping[str, Person],
) -> bool:
    """Whether `candidate` may take `requester_id`'s seat in block `index` of `day`."""
    fill = next((f for f in day_fills if f.index == index), None)
    if fill is None or requester_id not in fill.people:
        return False
    if candidate.id == requester_id or candidate.id in fill.people:
        return False
    if candidate.role not in core.SEAT_ROLES or candidate.institution_id != fill.institution_id:
        return False
    others = [f for f in day_fills if f.index != index]
    freed = BlockFill(
        day, index, fill.institution_id, tuple(p for p in fill.people if p != requester_id)
    )
    if not may_sit(candidate, freed, [*others, freed], people):
        return False
    swapped = BlockFill(
        day,
        index,
        fill.institution_id,
        tuple(candidate.id if p == requester_id else p for p in fill.people),
    )
    return not core.introduced_problems(day_fills, [*others, swapped], people)


def eligible(
    conn: Connection, row: RowMapping, candidate_id: int, people: Mapping[str, Person]
) -> bool:
    candidate = people.get(str(candidate_id))
    if candidate is None:
        return False
    fills, _blocks = _fills(conn, row["day"])
    return may_replace(
        candidate, str(row["requester_id"]), row["day"], int(row["idx"]), fills, people
    )


def offers_for(
    conn: Connection, user_id: int, institution_id: int, now: datetime
) -> list[dict[str, Any]]:
    """Open requests of the caller's institution the caller may take."""
    rows = requests(
        conn, institution_id=institution_id, state=OPEN, start=now.date() - timedelta(days=1)
    )
    if not rows:
        return []
    people = core.load_people(conn)
    mine = [r for r in rows if int(r["requester_id"]) != user_id]
    shown = [r for r in describe_rows(conn, mine, now) if r["state"] == OPEN]
    keep = {r["id"] for r in shown}
    allowed = {
        int(r["id"]) for r in mine if int(r["id"]) in keep and eligible(conn, r, user_id, people)
    }
    return [r for r in shown if r["id"] in allowed]


# --------------------------------------------------------------------------- writing


def create(
    conn: Connection, day: date, index: int, institution_id: int, requester_id: int,
    reason: str, now: datetime,
) -> RowMapping:  # fmt: skip
    new_id = conn.execute(
        insert(roster_replacements)
        .values(
            day=day,
            idx=index,
            institution_id=institution_id,
            requester_id=requester_id,
            reason=reason,
            state=OPEN,
            version=1,
            requested_at=now,
        )
        .returning(roster_replacements.c.id)
    ).scalar_one()
    row = load(conn, int(new_id))
    assert row is not None
    return row


def claim(conn: Connection, request_id: int, version: int, taker_id: int, now: datetime) -> bool:
    """The first-wins step: True only for the one caller whose UPDATE changed the row."""
    done = conn.execute(
        update(roster_replacements)
        .where(
            roster_replacements.c.id == request_id,
            roster_replacements.c.state == OPEN,
            roster_replacements.c.version == version,
        )
        .values(
            state=TAKEN, taken_by=taker_id, taken_at=now, version=roster_replacements.c.version + 1
        )
    )
    return done.rowcount == 1


def swap_seat(
    conn: Connection, block: RowMapping, requester_id: int, taker_id: int, now: datetime
) -> bool:
    """Put the taker in the requester's seat (compare-and-swap on the block's version)."""
    seats = [block["seat1_id"], block["seat2_id"]]
    seats = [taker_id if s is not None and int(s) == requester_id else s for s in seats]
    done = conn.execute(
        update(roster_blocks)
        .where(roster_blocks.c.id == block["id"], roster_blocks.c.version == block["version"])
        .values(
            seat1_id=seats[0],
            seat2_id=seats[1],
            updated_at=now,
            updated_by=taker_id,
            version=roster_blocks.c.version + 1,
        )
    )
    return done.rowcount == 1


def withdraw(conn: Connection, request_id: int, version: int, now: datetime) -> bool:
    done = conn.execute(
        update(roster_replacements)
        .where(
            roster_replacements.c.id == request_id,
            roster_replacements.c.state == OPEN,
            roster_replacements.c.version == version,
        )
        .values(state=WITHDRAWN, withdrawn_at=now, version=roster_replacements.c.version + 1)
    )
    return done.rowcount == 1


def announce(conn: Connection, data: Mapping[str, Any]) -> None:
    """`roster.replacement` to the block's institution and the coordinators."""
    append_event(conn, STREAM, "roster.replacement", core.COORDINATORS, data)
    tag = core.institution_tag(str(data["institution_id"]))
    append_event(conn, STREAM, "roster.replacement", tag, data)
