"""The roster's pure rules: calendar, filling blocks with names, the central checker, fairness.

Property tests generate people and blocks and compare `validate_fills` with a plain
oracle per rule, so each rule is exercised both ways (breached and kept). The central
checker is tested by breaking one rule at a time in an otherwise valid roster.
"""

from __future__ import annotations

import itertools
from collections import Counter
from datetime import date, timedelta
from fractions import Fraction

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from console.domain.hours import DEFAULT_SCHEDULE, WeeklySchedule, Window, dutch_public_holidays
from console.domain.roles import Role
from console.domain.roster import (
    BlockFill,
    BlockRef,
    Category,
    Code,
    Institution,
    Period,
    Person,
    Problem,
    Roster,
    SeatsConfig,
    check_roster,
    describe,
    diff_rosters,
    dutch_optional_holidays,
    fairness,
    least_spread,
    may_sit,
    service_calendar,
    validate_fills,
)

INSTITUTIONS = ("A", "B", "C")
SEAT_ROLES = (Role.TRAINEE, Role.HELPER, Role.SUPERVISOR)
MONDAY = date(2026, 3, 2)  # an ordinary week: no holidays
WEEK = [MONDAY + timedelta(days=n) for n in range(5)]


# --------------------------------------------------------------------------- strategies


@st.composite
def people(draw: st.DrawFn, size: int = 8) -> dict[str, Person]:
    result = {}
    for n in range(draw(st.integers(2, size))):
        role = draw(st.sampled_from(SEAT_ROLES))
        result[f"p{n}"] = Person(
            id=f"p{n}",
            institution_id=draw(st.sampled_from(INSTITUTIONS)),
            role=role,
            needs_backup=role is Role.TRAINEE and draw(st.booleans()),
            may_supervise=draw(st.booleans()),
            unavailable_weekdays=frozenset(draw(st.sets(st.integers(0, 4), max_size=2))),
            unavailable_dates=frozenset(draw(st.sets(st.sampled_from(WEEK), max_size=2))),
        )
    return result


@st.composite
def staffed(draw: st.DrawFn) -> tuple[dict[str, Person], list[BlockFill]]:
    """People and a few blocks over one or two days, names drawn with repeats allowed."""
    folk = draw(people())
    ids = sorted(folk)
    fills = []
    for day in draw(st.lists(st.sampled_from(WEEK), min_size=1, max_size=2, unique=True)):
        for index in range(draw(st.integers(1, 3))):
            names = draw(st.lists(st.sampled_from(ids), min_size=0, max_size=3))
            fills.append(BlockFill(day, index, draw(st.sampled_from(INSTITUTIONS)), tuple(names)))
    return folk, fills


def flagged(problems: list[Problem], code: Code) -> Counter[tuple[str, str]]:
    return Counter(
        (str(p.params["person"]), str(p.params["day"])) for p in problems if p.code is code
    )


def seats(fills: list[BlockFill]) -> list[tuple[BlockFill, str]]:
    return [(fill, person) for fill in fills for person in fill.people]


# --------------------------------------------------------------------------- filling names


@given(staffed())
def test_only_people_of_the_blocks_institution_may_sit(case):
    folk, fills = case
    expected = Counter(
        (person, fill.day.isoformat())
        for fill, person in seats(fills)
        if folk[person].institution_id != fill.institution_id
    )
    assert flagged(validate_fills(fills, folk), Code.NOT_OF_INSTITUTION) == expected


@given(staffed())
def test_a_trainee_who_needs_backup_sits_with_a_helper_who_may_supervise(case):
    folk, fills = case
    expected: Counter[tuple[str, str]] = Counter()
    for fill, person in seats(fills):
        me = folk[person]
        if me.role is not Role.TRAINEE or not me.needs_backup:
            continue
        backup = any(
            other != person
            and folk[other].institution_id == me.institution_id
            and folk[other].role in (Role.HELPER, Role.SUPERVISOR)
            and folk[other].may_supervise
            for other in fill.people
        )
        if not backup:
            expected[(person, fill.day.isoformat())] += 1
    assert flagged(validate_fills(fills, folk), Code.NEEDS_BACKUP) == expected


@given(staffed())
def test_nobody_sits_twice_on_a_day(case):
    folk, fills = case
    per_day = Counter((person, fill.day.isoformat()) for fill, person in seats(fills))
    expected = Counter({key: 1 for key, n in per_day.items() if n > 1})
    assert flagged(validate_fills(fills, folk), Code.SITS_TWICE) == expected


@given(staffed())
def test_recurring_and_single_unavailability(case):
    folk, fills = case
    problems = validate_fills(fills, folk)
    weekday = Counter(
        (p, f.day.isoformat())
        for f, p in seats(fills)
        if f.day.weekday() in folk[p].unavailable_weekdays
    )
    single = Counter(
        (p, f.day.isoformat()) for f, p in seats(fills) if f.day in folk[p].unavailable_dates
    )
    assert flagged(problems, Code.UNAVAILABLE_WEEKDAY) == weekday
    assert flagged(problems, Code.UNAVAILABLE_DATE) == single


@given(staffed())
def test_a_block_has_two_seats(case):
    folk, fills = case
    overfull = [p for p in validate_fills(fills, folk) if p.code is Code.BLOCK_OVERFULL]
    assert len(overfull) == sum(1 for f in fills if len(f.people) > 2)


@given(staffed())
def test_a_valid_fill_has_no_problems_and_every_problem_has_words(case):
    folk, fills = case
    problems = validate_fills(fills, folk)
    for problem in problems:
        text = describe(problem)
        assert text and "{" not in text
        assert problem.as_dict()["code"] == problem.code.value
    clean = [
        BlockFill(f.day, f.index, f.institution_id, ())
        for f in fills  # empty seats are not a breach
    ]
    assert validate_fills(clean, folk) == []


def test_the_backup_rule_by_example():
    trainee = Person("t", "A", Role.TRAINEE, name="Tess", needs_backup=True)
    promoted = Person("h", "A", Role.HELPER, name="Hans", may_supervise=False)
    helper = Person("g", "A", Role.HELPER, name="Gina")
    other = Person("o", "B", Role.SUPERVISOR, name="Olga")
    folk = {p.id: p for p in (trainee, promoted, helper, other)}

    def codes(*names: str) -> list[Code]:
        return [p.code for p in validate_fills([BlockFill(MONDAY, 0, "A", names)], folk)]

    assert codes("t", "g") == []
    assert codes("t", "h") == [Code.NEEDS_BACKUP]  # a promoted trainee is no backup
    assert Code.NEEDS_BACKUP in codes("t", "o")  # a supervisor of another institution neither
    assert codes("t") == [Code.NEEDS_BACKUP]
    ready = Person("r", "A", Role.TRAINEE, needs_backup=False)
    assert validate_fills([BlockFill(MONDAY, 0, "A", ("r",))], {"r": ready}) == []
    problem = validate_fills([BlockFill(MONDAY, 0, "A", ("t", "h"))], folk)[0]
    assert describe(problem).startswith("Tess still needs backup: on 2026-03-02")


def test_unknown_people_and_roles_without_a_seat():
    coordinator = Person("c", "A", Role.ROSTER_COORDINATOR)
    problems = validate_fills([BlockFill(MONDAY, 0, "A", ("c", "x"))], {"c": coordinator})
    assert [p.code for p in problems] == [Code.NOT_A_SEAT_ROLE, Code.UNKNOWN_PERSON]


@given(staffed(), st.data())
def test_may_sit_agrees_with_validation(case, data):
    folk, fills = case
    day_fills = [f for f in fills if f.day == fills[0].day]
    target = day_fills[0]
    assume(len(target.people) < 2)
    newcomer = folk[data.draw(st.sampled_from(sorted(folk)))]
    joined = BlockFill(
        target.day, target.index, target.institution_id, (*target.people, newcomer.id)
    )
    after = [joined if f is target else f for f in day_fills]
    before_problems = [p.as_dict() for p in validate_fills(day_fills, folk)]
    added = [p for p in validate_fills(after, folk) if p.as_dict() not in before_problems]
    assert may_sit(newcomer, target, day_fills, folk) == (not added)


# --------------------------------------------------------------------------- calendar


@settings(deadline=None)
@given(st.dates(date(2024, 1, 1), date(2031, 12, 1)), st.integers(0, 60))
def test_the_calendar_follows_opening_hours_and_holidays(start, length):
    period = Period(start, start + timedelta(days=length))
    calendar = service_calendar(period)
    open_days = {d.day for d in calendar.days}
    for day in period.days():
        public = dutch_public_holidays(day.year).get(day)
        weekday = day.weekday() < 5
        assert (day in open_days) == (weekday and public is None)
        assert (day in calendar.closed) == (weekday and public is not None)
    for service_day in calendar.days:
        assert service_day.blocks == (2 if service_day.day.weekday() == 4 else 3)
        optional = dutch_optional_holidays(service_day.day.year).get(service_day.day)
        assert service_day.hard_to_staff == optional
        assert service_day.opened_holiday is None


def test_liberation_day_is_hard_to_staff_and_an_opened_holiday_counts_as_holiday():
    year = service_calendar(Period(date(2026, 1, 1), date(2026, 12, 31)))
    liberation = year.by_date()[date(2026, 5, 5)]
    assert liberation.hard_to_staff == "Bevrijdingsdag" and liberation.is_holiday
    assert date(2026, 12, 25) in year.closed and date(2026, 12, 25) not in year.by_date()
    opened = WeeklySchedule(DEFAULT_SCHEDULE.windows, opened_dates=frozenset({date(2026, 12, 25)}))
    christmas = service_calendar(Period(date(2026, 12, 21), date(2026, 12, 27)), opened)
    day = christmas.by_date()[date(2026, 12, 25)]
    assert day.opened_holiday == "Eerste kerstdag" and day.is_holiday and day.blocks == 2


def test_seats_per_weekday_are_configurable_in_blocks_of_two():
    seats = SeatsConfig({0: 8, 1: 6, 2: 6, 3: 6, 4: 2})
    weekend = WeeklySchedule({d: (Window.of("16:00", "18:00"),) for d in range(7)})
    calendar = service_calendar(Period(MONDAY, MONDAY + timedelta(days=6)), weekend, seats)
    assert [d.blocks for d in calendar.days] == [4, 3, 3, 3, 1, 3, 3]
    with pytest.raises(ValueError):
        SeatsConfig({0: 5})


# --------------------------------------------------------------------------- the central checker


def week_calendar():
    return service_calendar(Period(WEEK[0], WEEK[-1]))


@st.composite
def valid_rosters(draw: st.DrawFn) -> tuple[Roster, list[Institution]]:
    names = [f"I{n}" for n in range(draw(st.integers(4, 6)))]
    calendar = week_calendar()
    blocks = {}
    forum = {}
    for service_day in calendar.days:
        row = draw(st.permutations(names))[: service_day.blocks]
        blocks[service_day.day] = tuple(row)
        forum[service_day.day] = draw(st.sampled_from(row))
    roster = Roster(blocks, forum)
    counts = Counter(i for row in blocks.values() for i in row)
    institutions = [Institution(n, n, counts[n], counts[n]) for n in names]
    return roster, institutions


@given(valid_rosters())
def test_a_valid_roster_passes_and_each_broken_rule_is_named(case):
    roster, institutions = case
    calendar = week_calendar()
    assert check_roster(roster, calendar, institutions) == []
    monday, row = WEEK[0], roster.blocks[WEEK[0]]

    def codes(changed: Roster, insts=institutions, **kw) -> set[Code]:
        return {p.code for p in check_roster(changed, calendar, insts, **kw)}

    twice = Roster({**roster.blocks, monday: (row[0], row[0], row[2])}, roster.forum)
    assert Code.INSTITUTION_TWICE in codes(twice)
    short = Roster({**roster.blocks, monday: row[:2]}, roster.forum)
    assert Code.COVERAGE in codes(short)
    assert Code.COVERAGE not in codes(short, complete=False)
    outsider = next(i.id for i in institutions if i.id not in row)
    assert Code.FORUM_NOT_SITTING in codes(
        Roster(roster.blocks, {**roster.forum, monday: outsider})
    )
    no_forum = {d: i for d, i in roster.forum.items() if d != monday}
    assert Code.FORUM_MISSING in codes(Roster(roster.blocks, no_forum))
    away = [
        Institution(i.id, i.id, i.min_blocks, i.max_blocks, frozenset({monday}))
        if i.id == row[0]
        else i
        for i in institutions
    ]
    assert codes(roster, away) == {Code.INSTITUTION_UNAVAILABLE}
    more = [Institution(i.id, i.id, i.min_blocks + 1, i.max_blocks + 1) for i in institutions]
    assert codes(roster, more) == {Code.BELOW_COMMITMENT}
    less = [Institution(i.id, i.id, 0, max(0, i.max_blocks - 1)) for i in institutions]
    assert codes(roster, less) == {Code.ABOVE_COMMITMENT}
    pin = {BlockRef(monday, 0): row[1]}
    assert codes(roster, pins=pin) == {Code.PIN_MOVED}
    assert codes(roster, pins={BlockRef(monday, 0): row[0]}) == set()
    saturday = Roster({**roster.blocks, date(2026, 3, 7): (row[0],)}, roster.forum)
    assert Code.DAY_CLOSED in codes(saturday)
    stranger = Roster({**roster.blocks, monday: ("X", row[1], row[2])}, roster.forum)
    assert Code.UNKNOWN_INSTITUTION in codes(stranger)


def test_diff_names_each_changed_block_and_forum_duty():
    before = Roster({MONDAY: ("A", "B", "C")}, {MONDAY: "A"})
    after = Roster({MONDAY: ("A", "D", "C")}, {MONDAY: "C"})
    blocks, forum = diff_rosters(before, after)
    assert [(c.index, c.before, c.after) for c in blocks] == [(1, "B", "D")]
    assert [(c.before, c.after) for c in forum] == [("A", "C")]
    assert diff_rosters(before, before) == ([], [])


# --------------------------------------------------------------------------- fairness


def brute_least_spread(total: int, weights: list[int]) -> Fraction:
    weight_sum = sum(weights)
    best = None
    for counts in itertools.product(range(total + 1), repeat=len(weights)):
        if sum(counts) != total:
            continue
        deviations = [
            n - Fraction(total * w, weight_sum) for n, w in zip(counts, weights, strict=True)
        ]
        spread = max(deviations) - min(deviations)
        best = spread if best is None else min(best, spread)
    assert best is not None
    return best


@given(st.integers(0, 9), st.lists(st.integers(1, 6), min_size=1, max_size=4))
def test_least_spread_is_the_best_any_split_achieves(total, weights):
    assert least_spread(total, weights) == brute_least_spread(total, weights)


@given(valid_rosters())
def test_fairness_counts_shares_and_spread(case):
    roster, institutions = case
    calendar = week_calendar()
    report = fairness(roster, calendar, institutions)
    blocks = report.counts[Category.BLOCKS]
    assert sum(blocks.values()) == calendar.total_blocks
    assert sum(report.shares[Category.BLOCKS].values()) == calendar.total_blocks
    assert sum(report.counts[Category.FORUM].values()) == len(calendar.days)
    assert sum(report.counts[Category.FRIDAYS].values()) == 2
    weighted = [i for i in institutions if i.weight > 0]
    if weighted:
        deviations = [blocks[i.id] - report.shares[Category.BLOCKS][i.id] for i in weighted]
        assert report.spread[Category.BLOCKS] == max(deviations) - min(deviations)
        assert report.spread[Category.BLOCKS] >= least_spread(
            sum(blocks[i.id] for i in weighted), [i.weight for i in weighted]
        )
