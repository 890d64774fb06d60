"""Unfilled blocks close to their date: what the roster coordinator (and the institution
that has to fill them) must hear about before the day comes.

A block needs attention when its open day lies within the horizon and it has no
institution yet, or fewer than two names. The list is computed from the draft roster on
request (it changes only when a block does, or when a day passes), so there is no sweep
and no state to keep in step; the console asks again on every `roster.*` event.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection

from console.domain.roster import SEATS_PER_BLOCK
from server.roster import core

DEFAULT_HORIZON_DAYS = 7
MAX_HORIZON_DAYS = 31


@dataclass(frozen=True)
class Unfilled:
    day: date
    index: int
    institution_id: str | None
    open_seats: int

    @property
    def missing(self) -> str:
        """`institution` (nobody assigned) or `seats` (assigned, names missing)."""
        return "institution" if self.institution_id is None else "seats"

    def to_json(self) -> dict[str, Any]:
        return {
            "day": self.day.isoformat(),
            "index": self.index,
            "institution_id": self.institution_id,
            "missing": self.missing,
            "open_seats": self.open_seats,
        }


def unfilled(conn: Connection, start: date, days: int) -> list[Unfilled]:
    """Blocks of the open days from `start` for `days` days that are not fully filled."""
    end = start + timedelta(days=days - 1)
    calendar = core.calendar_for(conn, start, end)
    rows = core.load_blocks(conn, start, end)
    found: list[Unfilled] = []
    for service_day in calendar.days:
        for index in range(service_day.blocks):
            row = rows.get((service_day.day, index))
            institution = None if row is None else row["institution_id"]
            seated = len(core.block_people(row))
            if institution is None or seated < SEATS_PER_BLOCK:
                found.append(
                    Unfilled(
                        day=service_day.day,
                        index=index,
                        institution_id=None if institution is None else str(institution),
                        open_seats=SEATS_PER_BLOCK - seated,
                    )
                )
    return found
