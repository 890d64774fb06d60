"""Roster duty: replacement requests between colleagues, and attendance.

Replacement (`server/roster/replacement.py`): someone seated asks to be replaced; eligible
colleagues of the block's institution see the offer; the first to accept takes the seat
(one conditional UPDATE: exactly one winner, the other gets 409 `taken`); the requester
may withdraw while it is open; coordinators, supervisors (their own institution) and the
project lead see the trail. Attendance (`server/roster/attendance.py`): a report of who
was present, late or a no-show, and the minutes after which arriving counts as late.
The contract is docs/roster.md ("Replacement and attendance").
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse
from pydantic import Field
from sqlalchemy import Connection, RowMapping
from sqlalchemy.exc import IntegrityError

from console.domain.roles import Role
from console.domain.roster import BlockFill, describe
from server.api.models import Body
from server.auth import Principal, policy
from server.errors import ApiError, conflict, forbidden, not_found
from server.roster import attendance, core, replacement
from server.state import app_state

router = APIRouter(prefix="/roster", tags=["roster"])

SITTERS = frozenset({Role.TRAINEE, Role.HELPER, Role.SUPERVISOR})
#: Who sees the trail and the attendance report; a supervisor only of their institution.
OVERSEERS = frozenset({Role.ROSTER_COORDINATOR, Role.PROJECT_LEAD, Role.SUPERVISOR})
CENTRAL = frozenset({Role.ROSTER_COORDINATOR, Role.PROJECT_LEAD})
READERS = SITTERS | OVERSEERS

Sitter = Annotated[Principal, Depends(policy(SITTERS, "self"))]
Reader = Annotated[Principal, Depends(policy(READERS, "self"))]
Overseer = Annotated[Principal, Depends(policy(OVERSEERS, "institution"))]
Coordinator = Annotated[Principal, Depends(policy(frozenset({Role.ROSTER_COORDINATOR}), "all"))]

Index = Annotated[int, Path(ge=0, le=50)]
RequestId = Annotated[int, Path(ge=1, le=2**31 - 1)]


class AskBody(Body):
    reason: str = Field(default="", max_length=replacement.MAX_REASON)


class AcceptBody(Body):
    version: int = Field(ge=1)


class AttendanceSettingsBody(Body):
    late_minutes: int = Field(ge=1, le=attendance.MAX_LATE_MINUTES)


def _invalid(field: str, message: str, **extra: Any) -> ApiError:
    return ApiError(
        422,
        "invalid",
        f"{field}: {message}",
        fields=[{"field": field, "message": message}],
        **extra,
    )


def _period(start: date | None, end: date | None) -> tuple[date, date] | None:
    if start is None and end is None:
        return None
    if start is None or end is None:
        raise _invalid("start" if start is None else "end", "Give both start and end.")
    if end < start:
        raise _invalid("end", "The period ends before it starts.")
    if (end - start).days + 1 > core.MAX_PERIOD_DAYS:
        raise _invalid("end", f"A period spans at most {core.MAX_PERIOD_DAYS} days.")
    return start, end


def _scope(who: Principal) -> int | None:
    """The institution an overseer sees (None: all of them)."""
    return None if who.roles & CENTRAL else who.institution_id


class _Lost(Exception):
    """A conditional write changed no row: roll back, then answer 409 with the request."""


_GONE_WORDS = {
    replacement.TAKEN: ("taken", "Someone else took this shift first."),
    replacement.WITHDRAWN: ("withdrawn", "The request was withdrawn."),
    replacement.LAPSED: (
        "lapsed",
        "This request can no longer be taken: the block has started or the requester "
        "no longer sits in it.",
    ),
}


def _gone(current: dict[str, Any]) -> ApiError:
    reason, message = _GONE_WORDS.get(
        current["state"], ("stale", "This request was changed meanwhile.")
    )
    return conflict(message, reason=reason, current=current)


def _current(request: Request, request_id: int) -> dict[str, Any]:
    with app_state(request).db.read() as conn:
        row = replacement.load(conn, request_id)
        if row is None:
            raise not_found("No such replacement request.")
        return replacement.one_json(conn, row, attendance.now())


# --- replacement ---------------------------------------------------------------------------


@router.post("/blocks/{day}/{index}/replacement", status_code=201)
def ask_replacement(request: Request, who: Sitter, day: date, index: Index, body: AskBody) -> Any:
    """Ask to be replaced in a block you sit in (before it starts). You stay seated and
    responsible until a colleague takes the seat."""
    now = attendance.now()
    with app_state(request).db.write() as conn:
        calendar = core.calendar_for(conn, day, day)
        service_day = calendar.by_date().get(day)
        if service_day is None:
            reason = calendar.closed.get(day, "not an open day")
            raise _invalid("day", f"The chat is closed on {day.isoformat()} ({reason}).")
        if index >= service_day.blocks:
            raise _invalid("index", f"{day.isoformat()} has {service_day.blocks} blocks.")
        block = core.load_block(conn, day, index)
        if block is None or str(who.user_id) not in core.block_people(block):
            raise forbidden("You do not sit in this block.")
        start = replacement.block_start(conn, day)
        if start is None or start <= now:
            raise _invalid("day", "This block has already started; ask before it starts.")
        existing = replacement.open_for(conn, day, index, who.user_id)
        if existing is not None:
            raise conflict(
                "You already asked to be replaced in this block.",
                reason="already_open",
                current=replacement.one_json(conn, existing, now),
            )
        row = replacement.create(
            conn, day, index, int(block["institution_id"]), who.user_id, body.reason.strip(), now
        )
        data = replacement.one_json(conn, row, now)
        replacement.announce(conn, data)
        return data


@router.get("/replacements")
def list_replacements(
    request: Request,
    who: Reader,
    start: Annotated[date | None, Query()] = None,
    end: Annotated[date | None, Query()] = None,
) -> Any:
    """`mine`: your own requests from yesterday on; `offers`: open requests you may take;
    `trail` (with start and end, for coordinators, supervisors and the project lead):
    every request of the period, withdrawn and taken ones included."""
    period = _period(start, end)
    if period is not None and not who.roles & OVERSEERS:
        raise forbidden("Only coordinators, supervisors and the project lead see the trail.")
    now = attendance.now()
    with app_state(request).db.read() as conn:
        since = now.date() - timedelta(days=1)
        mine = replacement.requests(conn, requester_id=who.user_id, start=since)
        answer: dict[str, Any] = {
            "mine": replacement.describe_rows(conn, mine, now),
            "offers": (
                replacement.offers_for(conn, who.user_id, who.institution_id, now)
                if who.roles & SITTERS
                else []
            ),
            "trail": None,
        }
        if period is not None:
            rows = replacement.requests(
                conn, institution_id=_scope(who), start=period[0], end=period[1]
            )
            answer["trail"] = replacement.describe_rows(conn, rows, now)
        return answer


def _refusal(conn: Connection, row: RowMapping, candidate_id: int) -> ApiError:
    """Why `candidate_id` may not take the seat: 403 outside the institution, else the
    rules' problems (422)."""
    people = core.load_people(conn)
    person = people.get(str(candidate_id))
    if person is None or person.institution_id != str(row["institution_id"]):
        return forbidden("Only colleagues of the block's institution can take this shift.")
    day, index = row["day"], int(row["idx"])
    needed = core.calendar_for(conn, day, day).by_date()[day].blocks
    before = core.day_fills(needed, day, core.load_blocks(conn, day, day))
    requester = str(row["requester_id"])
    after = [
        f
        if f.index != index
        else BlockFill(
            day,
            index,
            f.institution_id,
            tuple(person.id if p == requester else p for p in f.people),
        )
        for f in before
    ]
    problems = core.introduced_problems(before, after, people)
    if person.id in next((f.people for f in before if f.index == index), ()):
        message = "You already sit in this block."
    elif problems:
        message = "You cannot take this shift: " + describe(problems[0])
    else:
        message = "You cannot take this shift."
    return ApiError(422, "invalid", message, problems=[p.as_dict() for p in problems])


@router.post("/replacements/{request_id}/accept")
def accept_replacement(
    request: Request, who: Sitter, request_id: RequestId, body: AcceptBody
) -> Any:
    """Take the seat. The first colleague wins; anyone after gets 409 `taken`."""
    now = attendance.now()
    try:
        with app_state(request).db.write() as conn:
            row = replacement.load(conn, request_id)
            if row is None:
                raise not_found("No such replacement request.")
            if int(row["institution_id"]) != who.institution_id:
                raise forbidden("Only colleagues of the block's institution can take this shift.")
            if int(row["requester_id"]) == who.user_id:
                raise _invalid("request_id", "You cannot take your own shift; withdraw instead.")
            current = replacement.one_json(conn, row, now)
            if current["state"] != replacement.OPEN:
                raise _gone(current)
            if int(row["version"]) != body.version:
                raise _Lost
            # Claim first, then check: on PostgreSQL a colleague's accept committed after
            # our read would otherwise make us judge the block as they left it (422, "not
            # in the block") instead of losing the race (409). The claim waits for their
            # row lock and then changes nothing; a refusal below rolls the claim back.
            if not replacement.claim(conn, request_id, body.version, who.user_id, now):
                raise _Lost
            people = core.load_people(conn)
            if not replacement.eligible(conn, row, who.user_id, people):
                raise _refusal(conn, row, who.user_id)
            block = core.load_block(conn, row["day"], int(row["idx"]))
            assert block is not None  # the request is open: its requester sits in it
            if not replacement.swap_seat(conn, block, int(row["requester_id"]), who.user_id, now):
                raise _Lost
            block_data = core.announce_block(
                conn, row["day"], int(row["idx"]), (row["institution_id"],)
            )
            taken = replacement.load(conn, request_id)
            assert taken is not None
            data = replacement.one_json(conn, taken, now)
            replacement.announce(conn, data)
            return {"request": data, "block": block_data}
    except (_Lost, IntegrityError):
        raise _gone(_current(request, request_id)) from None


@router.delete("/replacements/{request_id}")
def withdraw_replacement(
    request: Request,
    who: Sitter,
    request_id: RequestId,
    version: Annotated[int, Query(ge=1)],
) -> Any:
    """Withdraw your own open request (you keep the seat)."""
    now = attendance.now()
    try:
        with app_state(request).db.write() as conn:
            row = replacement.load(conn, request_id)
            if row is None:
                raise not_found("No such replacement request.")
            if int(row["requester_id"]) != who.user_id:
                raise forbidden("Only the person who asked can withdraw this request.")
            current = replacement.one_json(conn, row, now)
            if current["state"] != replacement.OPEN:
                raise _gone(current)
            if not replacement.withdraw(conn, request_id, version, now):
                raise _Lost
            gone = replacement.load(conn, request_id)
            assert gone is not None
            data = replacement.one_json(conn, gone, now)
            replacement.announce(conn, data)
            return data
    except _Lost:
        raise _gone(_current(request, request_id)) from None


# --- attendance ----------------------------------------------------------------------------


@router.get("/attendance")
def attendance_report(
    request: Request,
    who: Overseer,
    start: Annotated[date, Query()],
    end: Annotated[date, Query()],
) -> Any:
    """Present, late and no-show per block and per person, with totals per person and
    institution (a supervisor sees their own institution)."""
    _period(start, end)
    with app_state(request).db.read() as conn:
        return attendance.report(conn, start, end, _scope(who))


@router.get("/attendance/settings")
def get_attendance_settings(request: Request, _who: Overseer) -> Any:
    with app_state(request).db.read() as conn:
        return {"late_minutes": attendance.late_minutes(conn)}


@router.put("/attendance/settings")
def put_attendance_settings(
    request: Request, _who: Coordinator, body: AttendanceSettingsBody
) -> Any:
    """Arriving more than this many minutes after a block starts counts as late."""
    with app_state(request).db.write() as conn:
        attendance.set_late_minutes(conn, body.late_minutes)
        return JSONResponse({"late_minutes": attendance.late_minutes(conn)})
