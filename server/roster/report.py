"""The roster's fairness report: blocks per institution against its commitment, Fridays,
holidays and forum duty, and a rolling 12-month holiday ledger.

The figures come from the domain's `fairness()` and `least_spread()` over the same
`Category` days the solver balances, so the report and the solver's figures agree. The
report is about institutions, never about people: every roster reader who plans or
supervises may see all institutions' figures.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from fractions import Fraction
from typing import Any

from sqlalchemy import Connection, RowMapping

from console.domain.roster import (
    Category,
    Institution,
    Roster,
    ServiceCalendar,
    category_days,
    fairness,
    least_spread,
)
from server.roster import core

#: The holiday ledger looks back this far from the end of the period asked for.
LEDGER_DAYS = 365


def _number(value: Fraction) -> float:
    return round(float(value), 3)


def _exact(value: Fraction) -> str:
    return f"{value.numerator}/{value.denominator}" if value.denominator != 1 else str(value)


def _category_total(calendar: ServiceCalendar, category: Category) -> int:
    days = category_days(calendar, category)
    return len(days) if category is Category.FORUM else sum(d.blocks for d in days)


def _commitment_state(inst: Institution, count: int) -> str:
    if count < inst.min_blocks:
        return "below"
    if count > inst.max_blocks:
        return "above"
    return "within"


def fairness_json(
    calendar: ServiceCalendar,
    roster: Roster,
    institutions: Sequence[Institution],
    codes: Mapping[str, str],
) -> dict[str, Any]:
    """Per category the total, the spread and the least possible spread; per institution
    its counts, shares and deviations, and its commitment."""
    figures = fairness(roster, calendar, institutions)
    weights = [i.weight for i in institutions if i.weight > 0]
    categories: dict[str, Any] = {}
    for category in Category:
        total = _category_total(calendar, category)
        least = least_spread(total, weights)
        spread = figures.spread[category]
        categories[category.value] = {
            "total": total,
            "spread": _number(spread),
            "spread_exact": _exact(spread),
            "least_spread": _number(least),
            "least_spread_exact": _exact(least),
        }
    rows = []
    for inst in institutions:
        counted = inst.weight > 0
        entry: dict[str, Any] = {
            "id": inst.id,
            "code": codes.get(inst.id, ""),
            "name": inst.name,
            "min_blocks": inst.min_blocks,
            "max_blocks": None if inst.max_blocks >= core.UNBOUNDED else inst.max_blocks,
            "weight": inst.weight,
            "commitment": _commitment_state(inst, figures.counts[Category.BLOCKS][inst.id]),
        }
        for category in Category:
            count = figures.counts[category][inst.id]
            share = figures.shares[category][inst.id]
            entry[category.value] = {
                "count": count,
                "share": _number(share) if counted else None,
                "deviation": _number(count - share) if counted else None,
            }
        rows.append(entry)
    return {"categories": categories, "institutions": rows}


def ledger_json(conn: Connection, end: date, institutions: Sequence[RowMapping]) -> dict[str, Any]:
    """Which institution staffed which holiday in the 12 months up to `end` (the draft),
    and how many holidays each one staffed. Holidays are open days that count for the
    holiday fairness: opened public holidays and hard-to-staff days."""
    start = end - timedelta(days=LEDGER_DAYS - 1)
    calendar = core.calendar_for(conn, start, end)
    blocks = core.load_blocks(conn, start, end)
    forum = core.load_forum(conn, start, end)
    roster = core.draft_roster(calendar, blocks, forum)
    days = []
    counts: Counter[str] = Counter()
    forum_counts: Counter[str] = Counter()
    for service_day in category_days(calendar, Category.HOLIDAYS):
        day = service_day.day
        sitting = [i or None for i in roster.blocks.get(day, ())]
        counts.update({i for i in sitting if i})
        duty = roster.forum.get(day)
        if duty:
            forum_counts[duty] += 1
        days.append(
            {
                "day": day.isoformat(),
                "name": service_day.opened_holiday or service_day.hard_to_staff,
                "hard_to_staff": service_day.hard_to_staff is not None,
                "institutions": sitting,
                "forum": duty or None,
            }
        )
    ids = [str(r["id"]) for r in institutions]
    return {
        "start": start.isoformat(),
        "end": end.isoformat(),
        "days": days,
        "counts": {i: counts[i] for i in ids},
        "forum_counts": {i: forum_counts[i] for i in ids},
    }


def report_json(conn: Connection, start: date, end: date) -> dict[str, Any]:
    """The whole report for a period: the fairness figures of its draft and the ledger."""
    calendar = core.calendar_for(conn, start, end)
    people = core.load_people(conn)
    rows = core.roster_institutions(conn, people)
    insts = core.domain_institutions(conn, calendar, rows, scale=True)
    blocks = core.load_blocks(conn, start, end)
    forum = core.load_forum(conn, start, end)
    roster = core.draft_roster(calendar, blocks, forum)
    codes = {str(r["id"]): str(r["code"]) for r in rows}
    return {
        "start": start.isoformat(),
        "end": end.isoformat(),
        "days": len(calendar.days),
        **fairness_json(calendar, roster, insts, codes),
        "ledger": ledger_json(conn, end, rows),
    }
