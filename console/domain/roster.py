"""The roster's rules: which days need staff, how blocks are assigned and filled, and checks.

Planning is by blocks (since 2008): each open day has a number of seats, filled in blocks
of two seats by one institution, and one of the day's institutions has forum duty. The
coordinator assigns institutions to blocks (by hand or from the server's CP-SAT proposal,
`server/roster/solver.py`); each institution fills two names into its blocks.

This module is pure and shared: the server enforces the same rules that the console checks
while people type, and the solver's output is verified here by an independent checker
(`check_roster`) that does not look at the solver's own constraints. Rule breaches are
data (`Problem`: a code plus parameters), never exceptions, so the console can translate
them by code; `describe` words them in plain English for the server and logs.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from fractions import Fraction
from functools import lru_cache

from console.domain.hours import DEFAULT_SCHEDULE, WeeklySchedule, dutch_public_holidays
from console.domain.roles import Role

FRIDAY = 4
SEATS_PER_BLOCK = 2
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@lru_cache(maxsize=32)
def dutch_optional_holidays(year: int) -> Mapping[date, str]:
    """Days in the `holidays` package's optional category for NL (hard to staff).

    In holidays 0.109 that is Liberation Day (5 May) every year; in lustrum years it is
    also a public holiday, so it is closed unless opened. Good Friday is in the package's
    public category there, so it is closed by default like the other public holidays.
    """
    import holidays  # imported late, as in hours.py: only the calendar needs it

    return dict(
        holidays.country_holidays("NL", years=year, categories=("optional",), language="nl")
    )


# --------------------------------------------------------------------------- calendar


@dataclass(frozen=True)
class SeatsConfig:
    """Seats per weekday (0 = Monday); two seats make one block."""

    seats: Mapping[int, int] = field(
        default_factory=lambda: {0: 6, 1: 6, 2: 6, 3: 6, FRIDAY: 4, 5: 6, 6: 6}
    )

    def __post_init__(self) -> None:
        for weekday, count in self.seats.items():
            if not 0 <= weekday <= 6:
                raise ValueError(f"weekday out of range: {weekday}")
            if count < SEATS_PER_BLOCK or count % SEATS_PER_BLOCK:
                raise ValueError(f"seats come in blocks of two (at least one): {count}")

    def blocks_on(self, weekday: int) -> int:
        """Blocks (= institutions) needed on that weekday: 6 seats -> 3, Friday 4 -> 2."""
        return self.seats.get(weekday, 6) // SEATS_PER_BLOCK


DEFAULT_SEATS = SeatsConfig()


@dataclass(frozen=True)
class Period:
    """A planning period, both ends inclusive (a week, a month, a quarter, a year)."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("a period ends on or after its start")

    def days(self) -> Iterable[date]:
        day = self.start
        while day <= self.end:
            yield day
            day += timedelta(days=1)


@dataclass(frozen=True)
class ServiceDay:
    """An open day of the chat, with the blocks it needs."""

    day: date
    blocks: int
    #: Name of the public holiday a coordinator opened, if it is one.
    opened_holiday: str | None = None
    #: Name of the optional-category day (Liberation Day): open, but hard to staff.
    hard_to_staff: str | None = None

    @property
    def is_friday(self) -> bool:
        return self.day.weekday() == FRIDAY

    @property
    def is_holiday(self) -> bool:
        """Counts for the holiday fairness: an opened public holiday or a hard-to-staff day."""
        return self.opened_holiday is not None or self.hard_to_staff is not None


@dataclass(frozen=True)
class ServiceCalendar:
    period: Period
    days: tuple[ServiceDay, ...]
    #: Closed days within the period that would otherwise be open, with the reason.
    closed: Mapping[date, str]

    def by_date(self) -> dict[date, ServiceDay]:
        return {d.day: d for d in self.days}

    @property
    def total_blocks(self) -> int:
        return sum(d.blocks for d in self.days)


def service_calendar(
    period: Period,
    schedule: WeeklySchedule = DEFAULT_SCHEDULE,
    seats: SeatsConfig = DEFAULT_SEATS,
) -> ServiceCalendar:
    """The open days of `period` by the chat's opening hours (reused from `hours`).

    A day is open when the schedule has a window on it: its weekday is open, it is no extra
    closure, and it is no public holiday unless a coordinator opened it (the schedule's
    `opened_dates`). Optional-category days are open but flagged hard to staff.
    """
    days: list[ServiceDay] = []
    closed: dict[date, str] = {}
    for day in period.days():
        if not schedule.windows.get(day.weekday()):
            continue
        if not schedule.windows_on(day):
            closed[day] = schedule.holiday(day) or "closed"
            continue
        public = dutch_public_holidays(day.year).get(day)
        days.append(
            ServiceDay(
                day=day,
                blocks=seats.blocks_on(day.weekday()),
                # Open on a public holiday: opened by a coordinator (or holidays not closed).
                opened_holiday=public,
                hard_to_staff=dutch_optional_holidays(day.year).get(day),
            )
        )
    return ServiceCalendar(period, tuple(days), closed)


# --------------------------------------------------------------------------- parties


@dataclass(frozen=True)
class Institution:
    """A partner institution and its commitment for the period."""

    id: str
    name: str
    min_blocks: int = 0
    max_blocks: int = 10_000
    unavailable_dates: frozenset[date] = frozenset()
    preferred_weekdays: frozenset[int] = frozenset()

    def __post_init__(self) -> None:
        if not 0 <= self.min_blocks <= self.max_blocks:
            raise ValueError(f"commitment must satisfy 0 <= min <= max: {self.id}")

    @property
    def weight(self) -> int:
        """Its share of the work is proportional to this: the midpoint of min and max (x2).

        Institutions with no upper bound (the default max) weigh by their minimum alone.
        """
        if self.max_blocks >= 10_000:
            return 2 * self.min_blocks
        return self.min_blocks + self.max_blocks


@dataclass(frozen=True)
class Person:
    """Someone who may sit in a block of their institution."""

    id: str
    institution_id: str
    role: Role
    name: str = ""
    #: A trainee who may not yet chat without a professional of their institution beside them.
    needs_backup: bool = False
    #: False for a promoted trainee: a helper who does not count as backup.
    may_supervise: bool = True
    #: Recurring unavailability, weekdays (0 = Monday), e.g. a Friday study day.
    unavailable_weekdays: frozenset[int] = frozenset()
    unavailable_dates: frozenset[date] = frozenset()

    @property
    def counts_as_backup(self) -> bool:
        return self.role in (Role.HELPER, Role.SUPERVISOR) and self.may_supervise

    def available_on(self, day: date) -> bool:
        return day.weekday() not in self.unavailable_weekdays and day not in self.unavailable_dates


# --------------------------------------------------------------------------- problems


class Code(StrEnum):
    """What can be wrong; the console translates by code, the server words it (`describe`)."""

    # Filling blocks with names
    NOT_OF_INSTITUTION = "not_of_institution"
    NEEDS_BACKUP = "needs_backup"
    SITS_TWICE = "sits_twice"
    UNAVAILABLE_WEEKDAY = "unavailable_weekday"
    UNAVAILABLE_DATE = "unavailable_date"
    BLOCK_OVERFULL = "block_overfull"
    UNKNOWN_PERSON = "unknown_person"
    NOT_A_SEAT_ROLE = "not_a_seat_role"
    # Assigning institutions to blocks
    DAY_CLOSED = "day_closed"
    COVERAGE = "coverage"
    INSTITUTION_TWICE = "institution_twice"
    UNKNOWN_INSTITUTION = "unknown_institution"
    INSTITUTION_UNAVAILABLE = "institution_unavailable"
    FORUM_MISSING = "forum_missing"
    FORUM_NOT_SITTING = "forum_not_sitting"
    BELOW_COMMITMENT = "below_commitment"
    ABOVE_COMMITMENT = "above_commitment"
    PIN_MOVED = "pin_moved"
    # Only from the solver's explanation of an infeasible request
    TOO_FEW_INSTITUTIONS = "too_few_institutions"
    COMMITMENTS_TOO_LOW = "commitments_too_low"
    COMMITMENTS_TOO_HIGH = "commitments_too_high"
    PIN_CONFLICT = "pin_conflict"
    COMMITMENT_UNREACHABLE = "commitment_unreachable"
    CONFLICT = "conflict"
    NO_SOLUTION_IN_TIME = "no_solution_in_time"


Param = str | int


@dataclass(frozen=True)
class Problem:
    code: Code
    params: Mapping[str, Param] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        """The wire shape: {"code": ..., "params": {...}, "message": English words}."""
        return {"code": str(self.code), "params": dict(self.params), "message": describe(self)}


_WORDS: dict[Code, str] = {
    Code.NOT_OF_INSTITUTION: "{person} is not of {institution}, whose block this is ({day}).",
    Code.NEEDS_BACKUP: (
        "{person} still needs backup: on {day} a helper or supervisor of the same "
        "institution who may supervise must sit in the same block."
    ),
    Code.SITS_TWICE: "{person} sits twice on {day}: all blocks of a day are the same shift.",
    Code.UNAVAILABLE_WEEKDAY: "{person} is never available on {weekday} ({day}).",
    Code.UNAVAILABLE_DATE: "{person} is not available on {day}.",
    Code.BLOCK_OVERFULL: "Block {block} on {day} has {count} names; a block has two seats.",
    Code.UNKNOWN_PERSON: "Nobody is known as {person} ({day}).",
    Code.NOT_A_SEAT_ROLE: "{person} has no chat role and cannot sit in a block ({day}).",
    Code.DAY_CLOSED: "The chat is closed on {day} ({reason}); it has no blocks.",
    Code.COVERAGE: "{day} needs {needed} blocks but has {assigned}.",
    Code.INSTITUTION_TWICE: "{institution} has more than one block on {day}.",
    Code.UNKNOWN_INSTITUTION: "No institution is known as {institution} ({day}).",
    Code.INSTITUTION_UNAVAILABLE: "{institution} marked {day} as unavailable.",
    Code.FORUM_MISSING: "Nobody has forum duty on {day}.",
    Code.FORUM_NOT_SITTING: "{institution} has forum duty on {day} but no block that day.",
    Code.BELOW_COMMITMENT: "{institution} has {count} blocks, fewer than its minimum of {minimum}.",
    Code.ABOVE_COMMITMENT: "{institution} has {count} blocks, more than its maximum of {maximum}.",
    Code.PIN_MOVED: "Pinned block {block} on {day} must stay with {institution}.",
    Code.TOO_FEW_INSTITUTIONS: (
        "{day} needs {needed} institutions but only {available} can sit that day."
    ),
    Code.COMMITMENTS_TOO_LOW: (
        "The period needs {needed} blocks but the institutions committed to at most {maximum}."
    ),
    Code.COMMITMENTS_TOO_HIGH: (
        "The institutions committed to at least {minimum} blocks but the period has only "
        "{available}."
    ),
    Code.PIN_CONFLICT: "The pin of {institution} on {day} cannot hold: {reason}.",
    Code.COMMITMENT_UNREACHABLE: (
        "{institution} committed to at least {minimum} blocks but can sit on only {available} "
        "days of the period."
    ),
    Code.CONFLICT: (
        "The {rule} of {subject} cannot hold together with the other rules listed "
        "(pins and unavailable dates included)."
    ),
    Code.NO_SOLUTION_IN_TIME: (
        "No roster was found within {seconds} seconds; try a shorter period or more time."
    ),
}


def describe(problem: Problem) -> str:
    """The problem in plain English (the server's wording; the console translates by code)."""
    params = dict(problem.params)
    if "weekday" in params and isinstance(params["weekday"], int):
        params["weekday"] = WEEKDAY_NAMES[params["weekday"]]
    try:
        return _WORDS[problem.code].format(**params)
    except (KeyError, IndexError):
        return f"{problem.code}: {params}"


# --------------------------------------------------------------------------- filling names


@dataclass(frozen=True)
class BlockRef:
    day: date
    index: int


@dataclass(frozen=True)
class BlockFill:
    """The names an institution put into one of its blocks (up to two person ids)."""

    day: date
    index: int
    institution_id: str
    people: tuple[str, ...]


def validate_fills(fills: Sequence[BlockFill], people: Mapping[str, Person]) -> list[Problem]:
    """Everything wrong with the names in `fills`, in a stable order; [] when all is well.

    Pass all fills of the days concerned: "sits twice" looks across the blocks of a day.
    Empty seats are not a breach (the block is just not filled yet).
    """
    problems: list[Problem] = []
    seen_on_day: dict[date, Counter[str]] = defaultdict(Counter)
    for fill in fills:
        day = fill.day.isoformat()
        block = fill.index + 1
        if len(fill.people) > SEATS_PER_BLOCK:
            problems.append(
                Problem(
                    Code.BLOCK_OVERFULL, {"day": day, "block": block, "count": len(fill.people)}
                )
            )
        for person_id in fill.people:
            seen_on_day[fill.day][person_id] += 1
            person = people.get(person_id)
            if person is None:
                problems.append(Problem(Code.UNKNOWN_PERSON, {"person": person_id, "day": day}))
                continue
            who = person.name or person.id
            if person.role not in (Role.TRAINEE, Role.HELPER, Role.SUPERVISOR):
                problems.append(Problem(Code.NOT_A_SEAT_ROLE, {"person": who, "day": day}))
            if person.institution_id != fill.institution_id:
                problems.append(
                    Problem(
                        Code.NOT_OF_INSTITUTION,
                        {"person": who, "institution": fill.institution_id, "day": day},
                    )
                )
            if fill.day.weekday() in person.unavailable_weekdays:
                problems.append(
                    Problem(
                        Code.UNAVAILABLE_WEEKDAY,
                        {"person": who, "weekday": fill.day.weekday(), "day": day},
                    )
                )
            if fill.day in person.unavailable_dates:
                problems.append(Problem(Code.UNAVAILABLE_DATE, {"person": who, "day": day}))
            if person.role is Role.TRAINEE and person.needs_backup:
                backups = [
                    other
                    for other_id in fill.people
                    if other_id != person_id
                    and (other := people.get(other_id)) is not None
                    and other.institution_id == person.institution_id
                    and other.counts_as_backup
                ]
                if not backups:
                    problems.append(Problem(Code.NEEDS_BACKUP, {"person": who, "day": day}))
    for day_date, counts in seen_on_day.items():
        for person_id, count in sorted(counts.items()):
            if count > 1:
                person = people.get(person_id)
                who = (person.name or person.id) if person else person_id
                problems.append(
                    Problem(Code.SITS_TWICE, {"person": who, "day": day_date.isoformat()})
                )
    return problems


def may_sit(
    person: Person, fill: BlockFill, day_fills: Sequence[BlockFill], people: Mapping[str, Person]
) -> bool:
    """Whether `person` may take a free seat of `fill` (who sees a replacement offer).

    `day_fills` are all blocks of that day (for a replacement, with the requester already
    taken out). Only problems the newcomer would add count: an existing breach elsewhere
    on the day does not bar a colleague from helping out.
    """
    if len(fill.people) >= SEATS_PER_BLOCK:
        return False
    key = (fill.day, fill.index)
    others = [f for f in day_fills if (f.day, f.index) != key]
    joined = BlockFill(fill.day, fill.index, fill.institution_id, (*fill.people, person.id))
    everyone = {**people, person.id: person}
    before = [p.as_dict() for p in validate_fills([*others, fill], everyone)]
    after = [p.as_dict() for p in validate_fills([*others, joined], everyone)]
    return all(p in before for p in after)


# --------------------------------------------------------------------------- assigning blocks


@dataclass(frozen=True)
class Roster:
    """Institutions per block and forum duty per day (the central level, without names)."""

    #: Day to the institution ids of its blocks, by block index.
    blocks: Mapping[date, tuple[str, ...]] = field(default_factory=dict)
    #: Day to the institution id with forum duty.
    forum: Mapping[date, str] = field(default_factory=dict)

    def institution_at(self, ref: BlockRef) -> str | None:
        row = self.blocks.get(ref.day, ())
        return row[ref.index] if 0 <= ref.index < len(row) else None


@dataclass(frozen=True)
class BlockChange:
    day: date
    index: int
    before: str | None
    after: str | None


@dataclass(frozen=True)
class ForumChange:
    day: date
    before: str | None
    after: str | None


def diff_rosters(before: Roster, after: Roster) -> tuple[list[BlockChange], list[ForumChange]]:
    """Blocks and forum duties that differ, by day and block index (for accept/reject)."""
    blocks: list[BlockChange] = []
    for day in sorted(set(before.blocks) | set(after.blocks)):
        old, new = before.blocks.get(day, ()), after.blocks.get(day, ())
        for index in range(max(len(old), len(new))):
            a = old[index] if index < len(old) else None
            b = new[index] if index < len(new) else None
            if a != b:
                blocks.append(BlockChange(day, index, a, b))
    forum = [
        ForumChange(day, before.forum.get(day), after.forum.get(day))
        for day in sorted(set(before.forum) | set(after.forum))
        if before.forum.get(day) != after.forum.get(day)
    ]
    return blocks, forum


def check_roster(
    roster: Roster,
    calendar: ServiceCalendar,
    institutions: Sequence[Institution],
    pins: Mapping[BlockRef, str] | None = None,
    *,
    complete: bool = True,
) -> list[Problem]:
    """Every hard rule of the central level, checked independently of any solver.

    With `complete` (a proposal or a roster to publish), every open day must be fully
    covered and every commitment met; without it (a grid being filled by hand) only
    what is there is checked, and missing blocks are not reported.
    """
    problems: list[Problem] = []
    known = {i.id: i for i in institutions}
    open_days = calendar.by_date()
    counts: Counter[str] = Counter()
    for day in sorted(roster.blocks):
        row = roster.blocks[day]
        iso = day.isoformat()
        service_day = open_days.get(day)
        if service_day is None:
            if row:
                reason = calendar.closed.get(day, "not an open day")
                problems.append(Problem(Code.DAY_CLOSED, {"day": iso, "reason": reason}))
            continue
        filled = [i for i in row if i]
        if len(row) > service_day.blocks or (complete and len(filled) != service_day.blocks):
            problems.append(
                Problem(
                    Code.COVERAGE,
                    {"day": iso, "needed": service_day.blocks, "assigned": len(filled)},
                )
            )
        for inst, n in sorted(Counter(filled).items()):
            if n > 1:
                problems.append(Problem(Code.INSTITUTION_TWICE, {"institution": inst, "day": iso}))
        for inst in sorted(set(filled)):
            counts[inst] += 1
            if inst not in known:
                problems.append(
                    Problem(Code.UNKNOWN_INSTITUTION, {"institution": inst, "day": iso})
                )
            elif day in known[inst].unavailable_dates:
                problems.append(
                    Problem(Code.INSTITUTION_UNAVAILABLE, {"institution": inst, "day": iso})
                )
        forum = roster.forum.get(day)
        if forum is None:
            if complete or filled:
                problems.append(Problem(Code.FORUM_MISSING, {"day": iso}))
        elif forum not in filled:
            problems.append(Problem(Code.FORUM_NOT_SITTING, {"institution": forum, "day": iso}))
    if complete:
        for service_day in calendar.days:
            if service_day.day not in roster.blocks:
                iso = service_day.day.isoformat()
                problems.append(
                    Problem(
                        Code.COVERAGE, {"day": iso, "needed": service_day.blocks, "assigned": 0}
                    )
                )
                problems.append(Problem(Code.FORUM_MISSING, {"day": iso}))
        for party in institutions:
            if counts[party.id] < party.min_blocks:
                problems.append(
                    Problem(
                        Code.BELOW_COMMITMENT,
                        {
                            "institution": party.id,
                            "count": counts[party.id],
                            "minimum": party.min_blocks,
                        },
                    )
                )
    for party in institutions:
        if counts[party.id] > party.max_blocks:
            problems.append(
                Problem(
                    Code.ABOVE_COMMITMENT,
                    {
                        "institution": party.id,
                        "count": counts[party.id],
                        "maximum": party.max_blocks,
                    },
                )
            )
    for ref, inst in sorted((pins or {}).items(), key=lambda p: (p[0].day, p[0].index)):
        if roster.institution_at(ref) != inst:
            problems.append(
                Problem(
                    Code.PIN_MOVED,
                    {"day": ref.day.isoformat(), "block": ref.index + 1, "institution": inst},
                )
            )
    return problems


# --------------------------------------------------------------------------- fairness


class Category(StrEnum):
    """What fairness is measured over, separately."""

    BLOCKS = "blocks"
    FRIDAYS = "fridays"
    HOLIDAYS = "holidays"
    FORUM = "forum"


@dataclass(frozen=True)
class Fairness:
    """Per category: each institution's count, its proportional share, and the spread.

    The share is the category's total split in proportion to the commitment weights; the
    spread is the largest minus the smallest deviation from the share, in blocks (0 is
    perfectly fair; with indivisible blocks, below 1 is as fair as can be).
    """

    counts: Mapping[Category, Mapping[str, int]]
    shares: Mapping[Category, Mapping[str, Fraction]]
    spread: Mapping[Category, Fraction]


def category_days(calendar: ServiceCalendar, category: Category) -> list[ServiceDay]:
    if category is Category.FRIDAYS:
        return [d for d in calendar.days if d.is_friday]
    if category is Category.HOLIDAYS:
        return [d for d in calendar.days if d.is_holiday]
    return list(calendar.days)


def fairness(
    roster: Roster, calendar: ServiceCalendar, institutions: Sequence[Institution]
) -> Fairness:
    """Counts, shares and spreads of a roster (for the report and the solver's figures).

    Institutions of weight 0 (no commitment) are counted but left out of the spread.
    """
    weighted = [i for i in institutions if i.weight > 0]
    total_weight = sum(i.weight for i in weighted)
    counts: dict[Category, dict[str, int]] = {}
    shares: dict[Category, dict[str, Fraction]] = {}
    spread: dict[Category, Fraction] = {}
    for category in Category:
        days = category_days(calendar, category)
        count: Counter[str] = Counter()
        for service_day in days:
            if category is Category.FORUM:
                if (inst := roster.forum.get(service_day.day)) is not None:
                    count[inst] += 1
            else:
                count.update(set(roster.blocks.get(service_day.day, ())))
        total = len(days) if category is Category.FORUM else sum(d.blocks for d in days)
        counts[category] = {i.id: count[i.id] for i in institutions}
        shares[category] = {
            i.id: Fraction(total * i.weight, total_weight) if i.weight else Fraction(0)
            for i in institutions
        }
        deviations = [count[i.id] - shares[category][i.id] for i in weighted]
        spread[category] = max(deviations) - min(deviations) if deviations else Fraction(0)
    return Fairness(counts, shares, spread)


def least_spread(total: int, weights: Sequence[int]) -> Fraction:
    """The smallest spread (in blocks) any whole-number split of `total` can have.

    Splitting `total` blocks over institutions of these positive `weights`, each one's
    deviation from its share `total * w / sum(weights)` has a fixed fractional part; the
    spread is smallest when the deviations lie in the narrowest window that sums to zero.
    With residues rho_i = (-total * w_i) mod W (W the weight sum) sorted ascending and
    m = sum(rho) / W of them shifted down by W, the window is W minus the gap between the
    largest unshifted and the smallest shifted residue. The report uses it to say "as fair
    as blocks allow"; the solver adds it as a bound, which proves optimality early.
    """
    if not weights or total == 0:
        return Fraction(0)
    if any(w <= 0 for w in weights):
        raise ValueError("weights must be positive")
    weight_sum = sum(weights)
    residues = sorted((-total * w) % weight_sum for w in weights)
    shifted = sum(residues) // weight_sum
    if shifted == 0:
        return Fraction(residues[-1] - residues[0], weight_sum)
    n = len(residues)
    gap = residues[n - shifted] - residues[n - shifted - 1]
    return Fraction(weight_sum - gap, weight_sum)
