"""`GET /roster/alerts`: unfilled blocks close to their date (server/roster/alerts.py).

The roster coordinators and the project lead see every institution's; the people who sit
see their own institution's blocks (they fill them) and the blocks nobody has taken yet.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Depends, Query, Request

from console.domain.roles import Role
from server.auth import Principal, policy
from server.roster import alerts
from server.state import app_state

router = APIRouter(prefix="/roster", tags=["roster"])

SITTERS = frozenset({Role.TRAINEE, Role.HELPER, Role.SUPERVISOR})
EVERYONE = frozenset({Role.ROSTER_COORDINATOR, Role.PROJECT_LEAD})
Reader = Annotated[Principal, Depends(policy(SITTERS | EVERYONE, "all"))]
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@router.get("/alerts")
def roster_alerts(
    request: Request,
    who: Reader,
    start: Annotated[date | None, Query()] = None,
    days: Annotated[int, Query(ge=1, le=alerts.MAX_HORIZON_DAYS)] = alerts.DEFAULT_HORIZON_DAYS,
) -> Any:
    """Unfilled blocks from `start` (default: today in Amsterdam) for `days` days."""
    first = start or datetime.now(AMSTERDAM).date()
    with app_state(request).db.read() as conn:
        found = alerts.unfilled(conn, first, days)
    if not who.roles & EVERYONE:
        own = str(who.institution_id)
        found = [u for u in found if u.institution_id in (None, own)]
    return {
        "start": first.isoformat(),
        "days": days,
        "blocks": [u.to_json() for u in found],
    }
