"""The roster: the central grid (institutions per block, forum duty, commitments, proposals,
publishing), filling names into a block, and own shifts with a calendar feed.

Central writes are the roster coordinators'; names are filled by the block's institution.
Every block and forum write carries the version it was made against; a stale one gets 409
with the row as it now is (`current`). Names are checked with the domain's
`validate_fills` over all blocks of the day, refusing only what the change introduces.
The contract is docs/roster.md ("The roster API").
"""

from __future__ import annotations

import json
import uuid
from datetime import date, datetime, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request, Response
from pydantic import Field
from sqlalchemy import Connection, select, update
from sqlalchemy.exc import IntegrityError

from console.domain.roles import Role
from console.domain.roster import (
    BlockFill,
    Code,
    Problem,
    Roster,
    ServiceCalendar,
    check_roster,
    describe,
    diff_rosters,
)
from server.api.models import Body
from server.auth import Principal, policy
from server.db.tables import roster_proposals, utcnow
from server.errors import ApiError, conflict, forbidden, not_found
from server.events import append_event, iso
from server.roster import core, feed
from server.roster.solver import Proposal, RosterRequest, propose
from server.state import app_state

router = APIRouter(prefix="/roster", tags=["roster"])

SITTERS = frozenset({Role.TRAINEE, Role.HELPER, Role.SUPERVISOR})
READERS = SITTERS | {Role.ROSTER_COORDINATOR, Role.PROJECT_LEAD}
CENTRAL = frozenset({Role.ROSTER_COORDINATOR})
CENTRAL_READERS = CENTRAL | {Role.PROJECT_LEAD}
FILLERS = SITTERS | CENTRAL
SEE_EVERYONE = CENTRAL_READERS

Read = Annotated[Principal, Depends(policy(READERS, "all"))]
Central = Annotated[Principal, Depends(policy(CENTRAL, "all"))]
CentralRead = Annotated[Principal, Depends(policy(CENTRAL_READERS, "all"))]
Fill = Annotated[Principal, Depends(policy(FILLERS, "institution"))]
Own = Annotated[Principal, Depends(policy(FILLERS, "self"))]
PUBLIC = policy(None, "public")

Index = Annotated[int, Path(ge=0, le=50)]
InstitutionId = Annotated[str, Field(pattern=r"^[0-9]{1,12}$")]
PersonId = Annotated[str, Field(pattern=r"^[0-9]{1,12}$")]
Weekday = Annotated[int, Field(ge=0, le=6)]

#: Problems that make a roster unpublishable: a day not covered, without (sitting) forum
#: duty, or an institution twice on a day. Commitment figures are warnings only.
BLOCKING = frozenset(
    {
        Code.COVERAGE,
        Code.FORUM_MISSING,
        Code.FORUM_NOT_SITTING,
        Code.INSTITUTION_TWICE,
        Code.UNKNOWN_INSTITUTION,
        Code.DAY_CLOSED,
    }
)


class BlockBody(Body):
    institution_id: InstitutionId | None
    pinned: bool = False
    version: int = Field(ge=0)


class ForumBody(Body):
    institution_id: InstitutionId | None
    version: int = Field(ge=0)


class PeopleBody(Body):
    people: list[PersonId] = Field(max_length=2)
    version: int = Field(ge=0)


class PeriodBody(Body):
    start: date
    end: date


class CommitmentEntry(Body):
    institution_id: InstitutionId
    min_blocks: int = Field(ge=0, le=core.UNBOUNDED)
    max_blocks: int = Field(ge=0, le=core.UNBOUNDED)
    preferred_weekdays: list[Weekday] = Field(default_factory=list, max_length=7)
    unavailable_dates: list[date] = Field(default_factory=list, max_length=core.MAX_PERIOD_DAYS)


class CommitmentsBody(PeriodBody):
    institutions: list[CommitmentEntry] = Field(max_length=500)
    #: The stored versions the edit was made against (institution id -> version, {} when
    #: none were stored); a stored period that differs answers 409. None skips the check.
    versions: dict[InstitutionId, Annotated[int, Field(ge=0)]] | None = Field(
        default=None, max_length=500
    )


class ProposalBody(PeriodBody):
    time_limit: float = Field(default=10.0, ge=1.0, le=30.0)


def _invalid(field: str, message: str) -> ApiError:
    return ApiError(
        422, "invalid", f"{field}: {message}", fields=[{"field": field, "message": message}]
    )


def _check_period(start: date, end: date) -> None:
    if end < start:
        raise _invalid("end", "The period ends before it starts.")
    if (end - start).days + 1 > core.MAX_PERIOD_DAYS:
        raise _invalid("end", f"A period spans at most {core.MAX_PERIOD_DAYS} days.")


def _problems_error(status: int, code: str, message: str, problems: list[Problem]) -> ApiError:
    return ApiError(status, code, message, problems=[p.as_dict() for p in problems])


def _open_day(calendar: ServiceCalendar, day: date, index: int | None = None) -> int:
    """The blocks `day` needs; 422 for a closed day or an index beyond them."""
    service_day = calendar.by_date().get(day)
    if service_day is None:
        reason = calendar.closed.get(day, "not an open day")
        raise _invalid("day", f"The chat is closed on {day.isoformat()} ({reason}).")
    if index is not None and index >= service_day.blocks:
        raise _invalid("index", f"{day.isoformat()} has {service_day.blocks} blocks.")
    return service_day.blocks


def _known_institution(conn: Connection, institution_id: str | None, field: str) -> int | None:
    if institution_id is None:
        return None
    if institution_id not in core.active_institution_ids(conn):
        raise _invalid(field, f"No active institution is known as {institution_id}.")
    return int(institution_id)


# --- reading -----------------------------------------------------------------------------


@router.get("/people")
def roster_people(request: Request, who: Read) -> Any:
    """The institutions that take part and the people who can sit (own institution only,
    unless the caller plans centrally)."""
    with app_state(request).db.read() as conn:
        people = core.load_people(conn)
        insts = core.roster_institutions(conn, people)
    everyone = bool(SEE_EVERYONE & who.roles)
    own = str(who.institution_id)
    return {
        "institutions": [core.institution_json(r) for r in insts],
        "people": [
            core.person_json(p)
            for p in sorted(core.seat_people(people), key=lambda p: (int(p.institution_id), p.name))
            if everyone or p.institution_id == own
        ],
    }


@router.get("")
def roster_period(
    request: Request, _who: Read, start: Annotated[date, Query()], end: Annotated[date, Query()]
) -> Any:
    """The draft grid of a period with the published state, closed days and problems."""
    _check_period(start, end)
    with app_state(request).db.read() as conn:
        calendar = core.calendar_for(conn, start, end)
        problems = _draft_problems(conn, calendar)
        return core.roster_json(conn, calendar, problems)


def _draft_problems(conn: Connection, calendar: ServiceCalendar) -> list[Problem]:
    period = calendar.period
    blocks = core.load_blocks(conn, period.start, period.end)
    forum = core.load_forum(conn, period.start, period.end)
    people = core.load_people(conn)
    insts = core.domain_institutions(
        conn, calendar, core.roster_institutions(conn, people), scale=False
    )
    draft = core.draft_roster(calendar, blocks, forum)
    return check_roster(draft, calendar, insts, core.pins_of(calendar, blocks), complete=False)


# --- central writes ------------------------------------------------------------------------


class _Lost(Exception):
    """A compare-and-swap lost: roll back, then answer 409 with the current row."""


def _stale_block(request: Request, day: date, index: int) -> ApiError:
    with app_state(request).db.read() as conn:
        current = core.block_json(core.load_block(conn, day, index), index, day)
    return conflict("This block was changed meanwhile.", reason="stale", current=current)


@router.put("/blocks/{day}/{index}")
def put_block(request: Request, who: Central, day: date, index: Index, body: BlockBody) -> Any:
    """Assign an institution to a block (or none), pin or unpin it. Changing the
    institution clears the names."""
    now = utcnow()
    try:
        with app_state(request).db.write() as conn:
            _open_day(core.calendar_for(conn, day, day), day, index)
            inst = _known_institution(conn, body.institution_id, "institution_id")
            row = core.load_block(conn, day, index)
            old = None if row is None else row["institution_id"]
            seats: tuple[int | None, int | None] = (None, None)
            if row is not None and old == inst:
                seats = (row["seat1_id"], row["seat2_id"])
            change = core.BlockWrite(inst, body.pinned, seats)
            if not core.write_block(conn, day, index, body.version, change, who.user_id, now):
                raise _Lost
            return core.announce_block(conn, day, index, (old, inst))
    except (_Lost, IntegrityError):
        raise _stale_block(request, day, index) from None


@router.put("/forum/{day}")
def put_forum(request: Request, who: Central, day: date, body: ForumBody) -> Any:
    """Give forum duty of a day to an institution (or nobody)."""
    now = utcnow()
    try:
        with app_state(request).db.write() as conn:
            _open_day(core.calendar_for(conn, day, day), day)
            inst = _known_institution(conn, body.institution_id, "institution_id")
            row = core.load_forum_day(conn, day)
            old = None if row is None else row["institution_id"]
            if not core.write_forum(conn, day, body.version, inst, who.user_id, now):
                raise _Lost
            return core.announce_forum(conn, day, (old, inst))
    except (_Lost, IntegrityError):
        with app_state(request).db.read() as conn:
            current = core.forum_json(core.load_forum_day(conn, day), day)
        raise conflict(
            "Forum duty of this day was changed meanwhile.", reason="stale", current=current
        ) from None


@router.get("/commitments")
def get_commitments(
    request: Request,
    _who: CentralRead,
    start: Annotated[date, Query()],
    end: Annotated[date, Query()],
) -> Any:
    """The commitments stored for exactly this period."""
    _check_period(start, end)
    with app_state(request).db.read() as conn:
        return _commitments_json(conn, start, end)


def _commitments_json(conn: Connection, start: date, end: date) -> dict[str, Any]:
    rows = [
        r
        for r in core.commitment_rows(conn, start, end)
        if (r["period_start"], r["period_end"]) == (start, end)
    ]
    return {
        "start": start.isoformat(),
        "end": end.isoformat(),
        "institutions": [core.commitment_json(r) for r in rows],
    }


@router.put("/commitments")
def put_commitments(request: Request, _who: Central, body: CommitmentsBody) -> Any:
    """Replace the commitments of a period (institutions left out lose theirs)."""
    _check_period(body.start, body.end)
    seen: set[str] = set()
    for n, entry in enumerate(body.institutions):
        where = f"institutions.{n}"
        if entry.institution_id in seen:
            raise _invalid(f"{where}.institution_id", "This institution is listed twice.")
        seen.add(entry.institution_id)
        if entry.min_blocks > entry.max_blocks:
            raise _invalid(f"{where}.max_blocks", "The maximum is below the minimum.")
        outside = [d for d in entry.unavailable_dates if not body.start <= d <= body.end]
        if outside:
            raise _invalid(
                f"{where}.unavailable_dates", f"{outside[0].isoformat()} is outside the period."
            )
    with app_state(request).db.write() as conn:
        _check_commitment_versions(conn, body)
        known = core.active_institution_ids(conn)
        for n, entry in enumerate(body.institutions):
            if entry.institution_id not in known:
                raise _invalid(
                    f"institutions.{n}.institution_id",
                    f"No active institution is known as {entry.institution_id}.",
                )
        core.save_commitments(
            conn, body.start, body.end, [e.model_dump() for e in body.institutions]
        )
        return _commitments_json(conn, body.start, body.end)


def _check_commitment_versions(conn: Connection, body: CommitmentsBody) -> None:
    """409 with the period's commitments as they are now when the versions the edit was
    made against are no longer the stored ones (a row changed, added or removed)."""
    if body.versions is None:
        return
    current = _commitments_json(conn, body.start, body.end)
    stored = {c["institution_id"]: c["version"] for c in current["institutions"]}
    if stored != body.versions:
        raise conflict("The commitments of this period were changed meanwhile.", current=current)


# --- proposals ---------------------------------------------------------------------------


@router.post("/proposals")
def create_proposal(request: Request, who: Central, body: ProposalBody) -> Any:
    """Ask the solver for a proposal; it is stored to accept or reject.

    A sync route: FastAPI runs it in a worker thread, so the CPU-bound solve never blocks
    the event loop (CP-SAT releases the GIL while it searches).
    """
    _check_period(body.start, body.end)
    state = app_state(request)
    with state.db.read() as conn:
        calendar = core.calendar_for(conn, body.start, body.end)
        blocks = core.load_blocks(conn, body.start, body.end)
        forum = core.load_forum(conn, body.start, body.end)
        people = core.load_people(conn)
        insts = core.domain_institutions(
            conn, calendar, core.roster_institutions(conn, people), scale=True
        )
        sched = core.schedule(conn)
    draft = core.draft_roster(calendar, blocks, forum)
    pins = core.pins_of(calendar, blocks)
    solve_request = RosterRequest(
        period=calendar.period,
        institutions=tuple(insts),
        schedule=sched,
        published=core.draft_roster(calendar, blocks, forum, published=True),
        pins=pins,
    )
    result = propose(solve_request, time_limit=body.time_limit)
    if not isinstance(result, Proposal):
        raise _problems_error(
            422,
            "unsolvable",
            "No roster can be proposed for this period: "
            + "; ".join(describe(p) for p in result.problems[:3]),
            list(result.problems),
        )
    proposed = _keep_draft_places(result.roster, draft, pins, calendar)
    block_changes, forum_changes = diff_rosters(draft, proposed)
    proposal_id = str(uuid.uuid4())
    answer = {
        "id": proposal_id,
        "start": body.start.isoformat(),
        "end": body.end.isoformat(),
        "status": result.status,
        "blocks": [
            {
                "day": c.day.isoformat(),
                "index": c.index,
                "before": c.before or None,
                "after": c.after or None,
            }
            for c in block_changes
        ],
        "forum": [
            {"day": c.day.isoformat(), "before": c.before or None, "after": c.after or None}
            for c in forum_changes
        ],
        "fairness": _figures_json(result),
    }
    with state.db.write() as conn:
        conn.execute(
            roster_proposals.insert().values(
                id=proposal_id,
                period_start=body.start,
                period_end=body.end,
                created_by=who.user_id,
                created_at=utcnow(),
                status=result.status,
                body=json.dumps(answer, separators=(",", ":")),
                stamps=json.dumps(core.stamps_of(blocks, forum), separators=(",", ":")),
                state="open",
            )
        )
    return answer


def _keep_draft_places(
    proposed: Roster, draft: Roster, pins: dict[Any, str], calendar: ServiceCalendar
) -> Roster:
    """Lay each day out so institutions kept from the draft keep their block (and names)."""
    blocks: dict[date, tuple[str, ...]] = {}
    pinned: dict[date, dict[int, str]] = {}
    for ref, inst in pins.items():
        pinned.setdefault(ref.day, {})[ref.index] = inst
    for service_day in calendar.days:
        day = service_day.day
        chosen = list(proposed.blocks.get(day, ()))
        slots: list[str | None] = [None] * service_day.blocks
        for index, inst in pinned.get(day, {}).items():
            slots[index] = inst
        for index, inst in enumerate(draft.blocks.get(day, ())):
            if inst and inst in chosen and inst not in slots and slots[index] is None:
                slots[index] = inst
        rest = iter(i for i in chosen if i not in slots)
        blocks[day] = tuple(s if s is not None else next(rest, "") for s in slots)
    return Roster(blocks, dict(proposed.forum))


def _figures_json(result: Proposal) -> dict[str, Any]:
    figures = result.figures
    return {
        "spread": {str(k): float(v) for k, v in figures.spread.items()},
        "counts": dict(figures.counts),
        "changes": figures.changes,
        "forum_changes": figures.forum_changes,
        "non_preferred": figures.non_preferred,
        "pattern_switches": figures.pattern_switches,
        "primary_optimal": figures.primary_optimal,
        "pattern_optimal": figures.pattern_optimal,
        "days": figures.days,
        "blocks": figures.blocks,
        "institutions": figures.institutions,
        "wall_seconds": round(figures.wall_seconds, 3),
    }


def _open_proposal(conn: Connection, proposal_id: str) -> Any:
    row = (
        conn.execute(select(roster_proposals).where(roster_proposals.c.id == proposal_id))
        .mappings()
        .one_or_none()
    )
    if row is None or row["state"] != "open":
        raise not_found("No such open proposal.")
    return row


ProposalId = Annotated[str, Path(max_length=36)]


@router.post("/proposals/{proposal_id}/accept")
def accept_proposal(request: Request, who: Central, proposal_id: ProposalId) -> Any:
    """Apply every change of a proposal to the draft, or none (409) when a row it changes
    was edited after it was made."""
    now = utcnow()
    try:
        with app_state(request).db.write() as conn:
            row = _open_proposal(conn, proposal_id)
            answer = json.loads(row["body"])
            stamps = json.loads(row["stamps"])
            block_keys = [
                core.block_key(date.fromisoformat(c["day"]), int(c["index"]))
                for c in answer["blocks"]
            ]
            forum_days = [c["day"] for c in answer["forum"]]
            if core.rows_changed_since(conn, stamps, block_keys, forum_days):
                raise _Lost
            concerned: set[str] = set()
            for change in answer["blocks"]:
                day, index = date.fromisoformat(change["day"]), int(change["index"])
                current = core.load_block(conn, day, index)
                version = 0 if current is None else int(current["version"])
                pinned = False if current is None else bool(current["pinned"])
                after = None if change["after"] is None else int(change["after"])
                write = core.BlockWrite(after, pinned, (None, None))
                if not core.write_block(conn, day, index, version, write, who.user_id, now):
                    raise _Lost
                concerned |= {str(i) for i in (change["before"], change["after"]) if i}
            for change in answer["forum"]:
                day = date.fromisoformat(change["day"])
                current = core.load_forum_day(conn, day)
                version = 0 if current is None else int(current["version"])
                after = None if change["after"] is None else int(change["after"])
                if not core.write_forum(conn, day, version, after, who.user_id, now):
                    raise _Lost
                concerned |= {str(i) for i in (change["before"], change["after"]) if i}
            conn.execute(
                update(roster_proposals)
                .where(roster_proposals.c.id == proposal_id)
                .values(state="accepted")
            )
            changed = len(answer["blocks"]) + len(answer["forum"])
            data = {"start": answer["start"], "end": answer["end"], "changed": changed}
            append_event(conn, core.STREAM, "roster.changed", core.COORDINATORS, data)
            for inst in sorted(concerned):
                append_event(conn, core.STREAM, "roster.changed", core.institution_tag(inst), data)
            return {"changed": changed}
    except (_Lost, IntegrityError):
        raise conflict(
            "The roster changed after this proposal was made; nothing was applied. "
            "Ask for a new proposal.",
            reason="stale",
        ) from None


@router.delete("/proposals/{proposal_id}", status_code=204)
def reject_proposal(request: Request, _who: Central, proposal_id: ProposalId) -> Response:
    with app_state(request).db.write() as conn:
        _open_proposal(conn, proposal_id)
        conn.execute(
            update(roster_proposals)
            .where(roster_proposals.c.id == proposal_id)
            .values(state="rejected")
        )
    return Response(status_code=204)


# --- publishing ------------------------------------------------------------------------------


@router.post("/publish")
def publish_roster(request: Request, who: Central, body: PeriodBody) -> Any:
    """Publish the draft of a period: refused (422 `incomplete`) while a day lacks blocks or
    forum duty or has an institution twice; other problems come back as warnings."""
    _check_period(body.start, body.end)
    now = utcnow()
    with app_state(request).db.write() as conn:
        calendar = core.calendar_for(conn, body.start, body.end)
        blocks = core.load_blocks(conn, body.start, body.end)
        forum = core.load_forum(conn, body.start, body.end)
        people = core.load_people(conn)
        insts = core.domain_institutions(
            conn, calendar, core.roster_institutions(conn, people), scale=True
        )
        draft = core.draft_roster(calendar, blocks, forum)
        problems = check_roster(draft, calendar, insts, core.pins_of(calendar, blocks))
        blocking = [p for p in problems if p.code in BLOCKING]
        if blocking:
            raise _problems_error(
                422,
                "incomplete",
                "The roster cannot be published yet: " + describe(blocking[0]),
                blocking,
            )
        count, concerned = core.publish(conn, calendar, who.user_id, now)
        data = {
            "start": body.start.isoformat(),
            "end": body.end.isoformat(),
            "published_at": iso(now),
        }
        for inst in sorted(concerned, key=int):
            append_event(conn, core.STREAM, "roster.published", core.institution_tag(inst), data)
        append_event(conn, core.STREAM, "roster.published", core.COORDINATORS, data)
    return {"published_at": iso(now), "blocks": count, "problems": [p.as_dict() for p in problems]}


# --- names -----------------------------------------------------------------------------------


@router.put("/blocks/{day}/{index}/people")
def put_people(request: Request, who: Fill, day: date, index: Index, body: PeopleBody) -> Any:
    """Fill the names of a block of your institution (two seats)."""
    now = utcnow()
    try:
        with app_state(request).db.write() as conn:
            needed = _open_day(core.calendar_for(conn, day, day), day, index)
            blocks = core.load_blocks(conn, day, day)
            row = blocks.get((day, index))
            if (0 if row is None else int(row["version"])) != body.version:
                raise _Lost
            if row is None or row["institution_id"] is None:
                raise forbidden("This block has no institution yet.")
            if int(row["institution_id"]) != who.institution_id:
                raise forbidden("Only the block's own institution fills its names.")
            people = core.load_people(conn)
            before = core.day_fills(needed, day, blocks)
            after = [
                f
                if f.index != index
                else BlockFill(day, index, f.institution_id, tuple(body.people))
                for f in before
            ]
            wrong = core.introduced_problems(before, after, people)
            if wrong:
                raise _problems_error(
                    422, "invalid", "These names cannot sit here: " + describe(wrong[0]), wrong
                )
            seats = [int(p) for p in body.people] + [None, None]
            change = core.BlockWrite(
                int(row["institution_id"]), bool(row["pinned"]), (seats[0], seats[1])
            )
            if not core.write_block(conn, day, index, body.version, change, who.user_id, now):
                raise _Lost
            return core.announce_block(conn, day, index, (row["institution_id"],))
    except (_Lost, IntegrityError):
        raise _stale_block(request, day, index) from None


# --- own shifts and the calendar feed -----------------------------------------------------------


def _today(request: Request) -> date:
    with app_state(request).db.read() as conn:
        zone = core.schedule(conn).zone
    return datetime.now(zone).date()


@router.get("/mine")
def my_shifts(
    request: Request,
    who: Own,
    start: Annotated[date | None, Query()] = None,
    end: Annotated[date | None, Query()] = None,
) -> Any:
    """The caller's own shifts (default: today and the 60 days after)."""
    today = _today(request)
    first = start or today
    last = end or (first + timedelta(days=60))
    _check_period(first, last)
    with app_state(request).db.read() as conn:
        return {"shifts": core.own_shifts(conn, who.user_id, first, last)}


def _calendar_response(content: bytes) -> Response:
    return Response(
        content,
        media_type="text/calendar; charset=utf-8",
        headers={"Cache-Control": "private, no-cache"},
    )


#: The schema says what the calendar answers are (not JSON).
CALENDAR_FILE: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "An iCalendar file.",
        "content": {"text/calendar": {"schema": {"type": "string"}}},
    }
}


@router.get("/mine.ics", response_class=Response, responses=CALENDAR_FILE)
def my_calendar(request: Request, who: Own) -> Response:
    today = _today(request)
    with app_state(request).db.read() as conn:
        return _calendar_response(feed.shifts_ics(conn, who.user_id, today, utcnow()))


@router.post("/feed")
def new_feed(request: Request, who: Own) -> Any:
    """A secret calendar URL for the caller's published shifts; a new call revokes the old."""
    with app_state(request).db.write() as conn:
        secret = feed.rotate(conn, who.user_id, utcnow())
    base = str(request.base_url).rstrip("/")
    return {"url": f"{base}/api/v1/roster/feed/{secret}.ics"}


@router.delete("/feed", status_code=204)
def revoke_feed(request: Request, who: Own) -> Response:
    with app_state(request).db.write() as conn:
        feed.revoke(conn, who.user_id)
    return Response(status_code=204)


@router.get(
    "/feed/{secret}.ics",
    dependencies=[Depends(PUBLIC)],
    response_class=Response,
    responses=CALENDAR_FILE,
)
def feed_calendar(request: Request, secret: Annotated[str, Path(max_length=200)]) -> Response:
    """The published shifts behind a feed secret (no login: the URL is the key)."""
    today = _today(request)
    with app_state(request).db.read() as conn:
        user_id = feed.owner(conn, secret)
        if user_id is None:
            raise not_found("No such calendar feed.")
        return _calendar_response(feed.shifts_ics(conn, user_id, today, utcnow()))
