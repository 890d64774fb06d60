"""A person's own unavailability for the roster: recurring weekdays (a trainee's Friday
study day) and single dates (`GET/PUT /roster/me/unavailable`).

The rules (`console.domain.roster.validate_fills`) already refuse seating someone on a day
they marked; this is where they mark it. Marking a day on which one already sits does not
move anyone: the answer lists those shifts (`clashes`) so the console can suggest asking
for a replacement, because the person stays responsible for a seat they hold.

The list is the person's own and written whole: the last write wins (there is no second
writer to lose against, so no version).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Annotated, Any
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Depends, Request
from pydantic import Field
from sqlalchemy import Connection, delete, insert, select

from console.domain.roles import Role
from server.api.models import Body
from server.auth import Principal, policy
from server.db.tables import roster_person_unavailable
from server.errors import ApiError
from server.events import append_event
from server.roster import core
from server.state import app_state

router = APIRouter(prefix="/roster", tags=["roster"])

SITTERS = frozenset({Role.TRAINEE, Role.HELPER, Role.SUPERVISOR})
Me = Annotated[Principal, Depends(policy(SITTERS, "self"))]
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
#: How far ahead single dates may be marked (and how far back they are kept).
HORIZON_DAYS = 730
Weekday = Annotated[int, Field(ge=0, le=6)]


class UnavailableBody(Body):
    weekdays: list[Weekday] = Field(default_factory=list, max_length=7)
    dates: list[date] = Field(default_factory=list, max_length=366)


def _today() -> date:
    return datetime.now(AMSTERDAM).date()


def _read(conn: Connection, user_id: int) -> tuple[list[int], list[date]]:
    weekdays: set[int] = set()
    dates: set[date] = set()
    rows = conn.execute(
        select(roster_person_unavailable.c.weekday, roster_person_unavailable.c.day).where(
            roster_person_unavailable.c.user_id == user_id
        )
    )
    for weekday, day in rows:
        if weekday is not None:
            weekdays.add(int(weekday))
        if day is not None:
            dates.add(day)
    return sorted(weekdays), sorted(dates)


def _answer(conn: Connection, user_id: int) -> dict[str, Any]:
    weekdays, dates = _read(conn, user_id)
    today = _today()
    ahead = core.own_shifts(conn, user_id, today, today + timedelta(days=HORIZON_DAYS))
    marked = set(dates)
    clashes = [
        {"day": s["day"], "index": s["index"]}
        for s in ahead
        if date.fromisoformat(s["day"]) in marked
        or date.fromisoformat(s["day"]).weekday() in weekdays
    ]
    return {
        "weekdays": weekdays,
        "dates": [d.isoformat() for d in dates],
        "clashes": clashes,
    }


@router.get("/me/unavailable")
def get_unavailable(request: Request, who: Me) -> Any:
    with app_state(request).db.read() as conn:
        return _answer(conn, who.user_id)


@router.put("/me/unavailable")
def put_unavailable(request: Request, who: Me, body: UnavailableBody) -> Any:
    """Replace one's recurring weekdays and single dates."""
    today = _today()
    late = [d for d in body.dates if not today <= d <= today + timedelta(days=HORIZON_DAYS)]
    if late:
        raise ApiError(
            422,
            "invalid",
            f"{late[0].isoformat()} is in the past or more than two years ahead.",
            fields=[{"field": "dates", "message": late[0].isoformat()}],
        )
    with app_state(request).db.write() as conn:
        conn.execute(
            delete(roster_person_unavailable).where(
                roster_person_unavailable.c.user_id == who.user_id
            )
        )
        rows: list[dict[str, Any]] = [
            {"user_id": who.user_id, "weekday": w, "day": None} for w in sorted(set(body.weekdays))
        ]
        rows += [
            {"user_id": who.user_id, "weekday": None, "day": d} for d in sorted(set(body.dates))
        ]
        if rows:
            conn.execute(insert(roster_person_unavailable), rows)
        # Planners' consoles read people again (the rules use these days).
        for audience in (core.institution_tag(who.institution_id), core.COORDINATORS):
            append_event(
                conn, core.STREAM, "roster.people", audience, {"user_id": str(who.user_id)}
            )
        return _answer(conn, who.user_id)
