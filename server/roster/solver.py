"""The roster proposal: which institution takes which block, found by OR-Tools CP-SAT.

The coordinator asks for a proposal for a period; it comes back as a difference to the
published roster, to accept or reject. The model works per day and institution (a day's
blocks are one shift, so only *which* institutions sit matters; block indices are laid
out afterwards so that kept institutions keep their block). Server-only: the console never
imports OR-Tools (tests/unit/test_layers.py).

Hard rules: every open day gets exactly its number of blocks from distinct institutions;
exactly one of them has forum duty; no institution on a date it marked unavailable; every
institution within its commitment (min..max blocks); pinned blocks stay as pinned.

Soft goals 1-4 form one integer objective; their weights are per block and ordered so
that an earlier goal wins over any realistic amount of the later ones (see `Weights`):
1. fairness of all blocks in proportion to the commitment (spread of the deviations),
2. fairness of Fridays, of holidays (opened public holidays and hard-to-staff days) and
   of forum duty, each separately,
3. fewest changes against the published roster (blocks, then forum duties),
4. preferred weekdays.
Goal 5, a stable weekday pattern (an institution sitting on a weekday keeps sitting on it
in the following weeks; each switch counts), is strictly lexicographic after 1-4: it only
breaks ties in stage 1, then stage 2 minimises the switches among the rosters as good as
stage 1's on goals 1-4, with whatever time is left.

Why two stages: the fairness spread is invisible to CP-SAT's linear relaxation, so a valid
bound (`least_spread`: whole blocks cannot be split finer) is added, and with it goals 1-4
are proven optimal quickly (a year, 5 institutions: under a second). The switch count is
just as invisible (CP-SAT's bound on it stays 0); mixed into one objective it kept the
whole proof open. Separately, the first stage's proof stands on its own, and the switches
get their own proven floor from a small counting relaxation (`pattern_bound`: per weekday
chain, institutions sitting only part of it must share lanes whose day counts add up
exactly). When stage 1's roster reaches the floor it is proven fewest at once (a year,
5 institutions: 16 switches, both stages proven in about a second); otherwise stage 2
searches with the floor as a constraint, so CP-SAT proves any roster that reaches it.
The search starts from `starting_roster` (fair counts per weekday laid out in runs of
weeks), completed into a full hint so CP-SAT takes it as its first solution.

A request that cannot be met is explained as `Problem`s (which day, which rule), first by
cheap counting checks and, failing those, by CP-SAT's own infeasibility core.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import astuple, dataclass, field
from datetime import date
from fractions import Fraction
from itertools import pairwise
from typing import Literal

from ortools.sat.python import cp_model

from console.domain.hours import DEFAULT_SCHEDULE, WeeklySchedule
from console.domain.roster import (
    DEFAULT_SEATS,
    FRIDAY,
    BlockChange,
    BlockRef,
    Category,
    Code,
    ForumChange,
    Institution,
    Period,
    Problem,
    Roster,
    SeatsConfig,
    ServiceCalendar,
    ServiceDay,
    category_days,
    diff_rosters,
    fairness,
    least_spread,
    service_calendar,
)


@dataclass(frozen=True)
class Weights:
    """Integer objective weights, per block (fairness: per block of spread).

    The priority is in the sizes: one block of unfairness in all blocks (100) outweighs
    the changes of two published blocks or anything below; Friday/holiday/forum fairness
    (40 each) outweigh one change (20); a change outweighs several non-preferred weekdays
    (4 each). `pattern` > 0 turns the weekday-pattern stage on (it is lexicographically
    last, so its size does not trade against the others).
    """

    fairness_blocks: int = 100
    fairness_fridays: int = 40
    fairness_holidays: int = 40
    fairness_forum: int = 40
    change: int = 20
    forum_change: int = 10
    non_preferred: int = 4
    pattern: int = 1

    def fairness(self, category: Category) -> int:
        return {
            Category.BLOCKS: self.fairness_blocks,
            Category.FRIDAYS: self.fairness_fridays,
            Category.HOLIDAYS: self.fairness_holidays,
            Category.FORUM: self.fairness_forum,
        }[category]


@dataclass(frozen=True)
class RosterRequest:
    """Everything a proposal depends on."""

    period: Period
    institutions: tuple[Institution, ...]
    schedule: WeeklySchedule = DEFAULT_SCHEDULE
    seats: SeatsConfig = DEFAULT_SEATS
    #: The roster now published for (part of) the period: the proposal stays close to it.
    published: Roster = field(default_factory=Roster)
    #: Blocks the coordinator fixed by hand: block -> institution id, never moved.
    pins: Mapping[BlockRef, str] = field(default_factory=dict)

    def calendar(self) -> ServiceCalendar:
        return service_calendar(self.period, self.schedule, self.seats)


@dataclass(frozen=True)
class Figures:
    """What the solve did and how good the result is (for the coordinator and the bench)."""

    wall_seconds: float
    #: Stage 1 (goals 1-4): time, objective, CP-SAT's bound, and whether proven optimal.
    primary_seconds: float
    primary_objective: int
    primary_bound: int
    primary_optimal: bool
    #: Stage 2: whether the fewest weekday switches were proven, given stage 1.
    pattern_optimal: bool
    days: int
    blocks: int
    institutions: int
    #: Published blocks (forum duties) the proposal gives to another institution or drops;
    #: blocks of days not published before are new, not changes.
    changes: int
    forum_changes: int
    non_preferred: int
    pattern_switches: int
    #: Spread of deviation from the proportional share, in blocks, per category.
    spread: Mapping[Category, Fraction]
    #: Blocks per institution.
    counts: Mapping[str, int]


@dataclass(frozen=True)
class Proposal:
    roster: Roster
    changes: tuple[BlockChange, ...]
    forum_changes: tuple[ForumChange, ...]
    status: Literal["optimal", "feasible"]
    figures: Figures


@dataclass(frozen=True)
class Unsolved:
    """No proposal: `infeasible` (the problems say why) or `unknown` (out of time)."""

    status: Literal["infeasible", "unknown"]
    problems: tuple[Problem, ...]


SolveResult = Proposal | Unsolved


def propose(
    request: RosterRequest,
    *,
    time_limit: float = 10.0,
    num_workers: int = 2,
    weights: Weights | None = None,
    use_hint: bool = True,
) -> SolveResult:
    """A proposal for `request`, or why there is none. Never raises for bad input data.

    `num_workers` defaults to the server's two cores; `time_limit` (seconds) bounds the
    search: the best roster found by then comes back as "feasible" when not proven optimal.
    """
    started = time.perf_counter()
    weights = weights or Weights()
    calendar = request.calendar()
    problems = precheck(request, calendar)
    if problems:
        return Unsolved("infeasible", tuple(problems))
    model = _Model(request, calendar, weights)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = max(1, num_workers)

    # Stage 1: fairness, stability and preferences (goals 1-4), the weekday pattern only
    # breaking ties. With S switch variables the objective is K * primary + switches,
    # K = 2 (S + 1), and the search may stop at an absolute gap of S + 1: by then no roster
    # with a smaller primary part can exist (it would score at most K * (primary - 1) + S,
    # below the bound), so the primary part is proven without waiting for the switches.
    most = len(model.switch) if weights.pattern > 0 else 0
    tie = 2 * (most + 1)
    model.model.minimize(
        cp_model.LinearExpr.weighted_sum([model.primary, model.switch_total], [tie, 1])
    )
    if use_hint:
        # A good start (pattern-friendly, usually fair), made complete so CP-SAT uses it.
        start = starting_roster(request, calendar)
        model.hint(start)
        if not model.complete_hint(min(1.0, _left(started, time_limit) / 4)):
            model.model.clear_hints()  # type: ignore[no-untyped-call]
            model.hint(start)
    # The time limit is the whole call's budget: building the model and hint count too, and
    # a little is kept back for reading the solution out.
    solver.parameters.max_time_in_seconds = _left(started, time_limit)
    solver.parameters.absolute_gap_limit = most + 1
    status = solver.solve(model.model)
    if status == cp_model.INFEASIBLE:
        return Unsolved("infeasible", tuple(explain(request, calendar, time_limit)))
    if status == cp_model.UNKNOWN:
        seconds = math.ceil(time_limit)
        return Unsolved("unknown", (Problem(Code.NO_SOLUTION_IN_TIME, {"seconds": seconds}),))
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        raise RuntimeError(f"CP-SAT rejected the roster model: {solver.status_name(status)}")
    primary = round(solver.value(model.primary))
    bound = solver.best_objective_bound
    # Any roster scores K * primary' + switches' >= bound with switches' <= S.
    primary_bound = max(0, math.ceil((bound - most) / tie))
    primary_optimal = primary_bound >= primary
    primary_seconds = time.perf_counter() - started
    roster = model.read(solver)
    switches = round(solver.value(model.switch_total))
    non_preferred = round(solver.value(model.non_preferred_total))
    # The switches are proven fewest when the bound left for them (given the primary part)
    # reaches the number found.
    pattern_optimal = primary_optimal and bound - tie * primary >= switches

    # Stage 2: the weekday pattern, among rosters as good as stage 1's on goals 1-4.
    remaining = _left(started, time_limit)
    floor = 0
    if weights.pattern > 0 and not pattern_optimal and remaining > 0.05:
        # First a proven floor for the switches from a counting relaxation (CP-SAT's own
        # bound stays 0 here); reaching it proves the pattern, with or without a search.
        floor = pattern_bound(
            request, calendar, weights, primary, switches, remaining / 3, num_workers
        )
        pattern_optimal = floor >= switches
        remaining = _left(started, time_limit)
    if weights.pattern > 0 and not pattern_optimal and remaining > 0.05:
        model.keep(solver)
        model.model.add(model.primary <= primary)
        # Valid for every roster stage 2 allows (see `pattern_bound`); with it CP-SAT
        # reports OPTIMAL as soon as it finds a roster that reaches the floor.
        model.model.add(model.switch_total >= floor)
        model.model.minimize(model.switch_total)
        solver.parameters.max_time_in_seconds = _left(started, time_limit)
        solver.parameters.absolute_gap_limit = 0
        status = solver.solve(model.model)
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            roster = model.read(solver)
            switches = round(solver.value(model.switch_total))
            non_preferred = round(solver.value(model.non_preferred_total))
            pattern_optimal = status == cp_model.OPTIMAL
    wall = time.perf_counter() - started
    changes, forum_changes = diff_rosters(request.published, roster)
    fair = fairness(roster, calendar, request.institutions)
    figures = Figures(
        wall_seconds=wall,
        primary_seconds=primary_seconds,
        primary_objective=primary,
        primary_bound=primary_bound,
        primary_optimal=primary_optimal,
        pattern_optimal=pattern_optimal,
        days=len(calendar.days),
        blocks=calendar.total_blocks,
        institutions=len(request.institutions),
        changes=sum(1 for c in changes if c.before is not None),
        forum_changes=sum(1 for c in forum_changes if c.before is not None),
        non_preferred=non_preferred,
        pattern_switches=switches,
        spread=fair.spread,
        counts=fair.counts[Category.BLOCKS],
    )
    return Proposal(
        roster,
        tuple(changes),
        tuple(forum_changes),
        "optimal" if primary_optimal and pattern_optimal else "feasible",
        figures,
    )


def _left(started: float, time_limit: float) -> float:
    """Seconds of the budget left, less a reserve for reading out (at least a sliver)."""
    reserve = min(0.3, time_limit / 20)
    return max(0.01, time_limit - reserve - (time.perf_counter() - started))


# --------------------------------------------------------------------------- explanations


def precheck(request: RosterRequest, calendar: ServiceCalendar) -> list[Problem]:
    """Counting checks that name the day or institution that makes the request impossible."""
    problems: list[Problem] = []
    known = {i.id: i for i in request.institutions}
    open_days = calendar.by_date()
    pinned_per_day: dict[date, dict[str, int]] = {}
    pinned_count: dict[str, int] = {}
    for ref, inst_id in sorted(request.pins.items(), key=lambda p: (p[0].day, p[0].index)):
        iso = ref.day.isoformat()
        reason = None
        service_day = open_days.get(ref.day)
        if inst_id not in known:
            reason = "unknown institution"
        elif service_day is None:
            reason = f"the chat is closed ({calendar.closed.get(ref.day, 'not an open day')})"
        elif not 0 <= ref.index < service_day.blocks:
            reason = f"the day has {service_day.blocks} blocks, not block {ref.index + 1}"
        elif ref.day in known[inst_id].unavailable_dates:
            reason = "the institution marked that day unavailable"
        elif inst_id in pinned_per_day.get(ref.day, {}):
            reason = "it is pinned to two blocks that day"
        if reason:
            problems.append(
                Problem(Code.PIN_CONFLICT, {"institution": inst_id, "day": iso, "reason": reason})
            )
            continue
        pinned_per_day.setdefault(ref.day, {})[inst_id] = ref.index
        pinned_count[inst_id] = pinned_count.get(inst_id, 0) + 1
    for inst_id, count in sorted(pinned_count.items()):
        if count > known[inst_id].max_blocks:
            problems.append(
                Problem(
                    Code.ABOVE_COMMITMENT,
                    {"institution": inst_id, "count": count, "maximum": known[inst_id].max_blocks},
                )
            )
    for service_day in calendar.days:
        available = _available(request.institutions, service_day)
        if len(available) < service_day.blocks:
            problems.append(
                Problem(
                    Code.TOO_FEW_INSTITUTIONS,
                    {
                        "day": service_day.day.isoformat(),
                        "needed": service_day.blocks,
                        "available": len(available),
                    },
                )
            )
    open_count = {
        i.id: sum(1 for d in calendar.days if d.day not in i.unavailable_dates)
        for i in request.institutions
    }
    for inst in request.institutions:
        if inst.min_blocks > open_count[inst.id]:
            problems.append(
                Problem(
                    Code.COMMITMENT_UNREACHABLE,
                    {
                        "institution": inst.id,
                        "available": open_count[inst.id],
                        "minimum": inst.min_blocks,
                    },
                )
            )
    needed = calendar.total_blocks
    minimum = sum(i.min_blocks for i in request.institutions)
    maximum = sum(min(i.max_blocks, open_count[i.id]) for i in request.institutions)
    if minimum > needed:
        problems.append(
            Problem(Code.COMMITMENTS_TOO_HIGH, {"minimum": minimum, "available": needed})
        )
    short_days = any(p.code is Code.TOO_FEW_INSTITUTIONS for p in problems)
    if maximum < needed and not short_days:  # a short day already says it more precisely
        problems.append(Problem(Code.COMMITMENTS_TOO_LOW, {"needed": needed, "maximum": maximum}))
    return problems


def _available(institutions: Sequence[Institution], day: ServiceDay) -> list[Institution]:
    return [i for i in institutions if day.day not in i.unavailable_dates and i.max_blocks > 0]


def explain(
    request: RosterRequest, calendar: ServiceCalendar, time_limit: float = 10.0
) -> list[Problem]:
    """Which rules clash, from CP-SAT's infeasibility core over switchable hard rules.

    Each day's coverage and each institution's minimum and maximum get an assumption
    literal; the core is a set of them that cannot all hold. One worker, as CP-SAT needs
    for cores, and no objective.
    """
    model = _Model(request, calendar, None, explain=True)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit
    solver.parameters.num_workers = 1
    status = solver.solve(model.model)
    if status != cp_model.INFEASIBLE:
        return [Problem(Code.NO_SOLUTION_IN_TIME, {"seconds": math.ceil(time_limit)})]
    core = set(solver.sufficient_assumptions_for_infeasibility())
    problems = [problem for index, problem in model.assumption_meaning.items() if index in core]
    return problems or [Problem(Code.CONFLICT, {"rule": "combination", "subject": "all rules"})]


# --------------------------------------------------------------------------- the model


def starting_roster(
    request: RosterRequest,
    calendar: ServiceCalendar,
) -> Roster:
    """A good roster to start CP-SAT from (a hint: the full model checks and repairs it).

    Two levels, because days of the same weekday are interchangeable for fairness and
    pattern: first a tiny CP-SAT model picks how many Mondays, Tuesdays... each institution
    gets (fair in total and on Fridays, with as few weekdays as possible only partly
    taken); then each weekday's blocks are laid out week after week, institution after
    institution ("wrap-around"), so each one sits a single run of consecutive weeks on a
    weekday. Published days are kept as published. Forum duty goes to the day's
    institution furthest behind its share so far.
    """
    insts = [i for i in request.institutions if i.max_blocks > 0]
    free_days = [d for d in calendar.days if d.day not in request.published.blocks]
    chains: dict[int, list[ServiceDay]] = {}
    for day in free_days:
        chains.setdefault(day.day.weekday(), []).append(day)
    blocks: dict[date, tuple[str, ...]] = {
        day: row for day, row in request.published.blocks.items() if day in calendar.by_date()
    }
    counts = _weekday_counts(request, insts, chains)
    for weekday, chain in chains.items():
        lanes = max(d.blocks for d in chain)
        grid: list[list[str]] = [[] for _ in chain]
        slot = 0
        for inst in insts:
            for _ in range(counts.get((inst.id, weekday), 0)):
                if slot >= lanes * len(chain):
                    break
                grid[slot % len(chain)].append(inst.id)
                slot += 1
        for day, row in zip(chain, grid, strict=True):
            blocks[day.day] = tuple(row[: day.blocks])
        _repair(chain, blocks, insts, request.pins)
    forum = _forum_duties(request, calendar, insts, blocks)
    return Roster(blocks, forum)


def _repair(
    chain: Sequence[ServiceDay],
    blocks: dict[date, tuple[str, ...]],
    insts: Sequence[Institution],
    pins: Mapping[BlockRef, str],
) -> None:
    """Make a weekday's layout respect unavailable dates and pins, keeping the counts.

    An institution on a day it cannot sit swaps that day with another institution's
    day of the same weekday where both can sit (so every count stays fair); pinned
    institutions are swapped in the same way. What cannot be swapped is replaced by the
    available institution with the fewest blocks, and short days are topped up likewise.
    """
    by_id = {i.id: i for i in insts}
    pinned: dict[date, set[str]] = {}
    for ref, inst_id in pins.items():
        pinned.setdefault(ref.day, set()).add(inst_id)

    def can(inst_id: str, day: date, row: Sequence[str]) -> bool:
        inst = by_id.get(inst_id)
        return inst is not None and day not in inst.unavailable_dates and inst_id not in row

    def movable(inst_id: str, day: date) -> bool:
        return inst_id not in pinned.get(day, set())

    days = [d.day for d in chain]
    for day in days:
        row = list(blocks[day])
        for inst_id in sorted(pinned.get(day, set()) - set(row)):
            out = next((i for i in row if movable(i, day)), None)
            if out is None:
                row.append(inst_id)
            else:
                row[row.index(out)] = inst_id
        blocks[day] = tuple(row)
        for inst_id in [i for i in row if i not in by_id or day in by_id[i].unavailable_dates]:
            if not _swap(inst_id, day, days, blocks, can, movable):
                row = list(blocks[day])
                row.remove(inst_id)
                blocks[day] = tuple(row)
    counts: dict[str, int] = dict.fromkeys(by_id, 0)
    for placed in blocks.values():
        for inst_id in placed:
            if inst_id in counts:
                counts[inst_id] += 1
    for service_day in chain:
        row = list(blocks[service_day.day])
        while len(row) < service_day.blocks:
            spare = [
                i for i in by_id if can(i, service_day.day, row) and counts[i] < by_id[i].max_blocks
            ]
            if not spare:
                break
            pick = min(spare, key=lambda i: (counts[i] / max(by_id[i].weight, 1), i))
            row.append(pick)
            counts[pick] += 1
        blocks[service_day.day] = tuple(row)


def _swap(
    inst_id: str,
    day: date,
    days: Sequence[date],
    blocks: dict[date, tuple[str, ...]],
    can: Callable[[str, date, Sequence[str]], bool],
    movable: Callable[[str, date], bool],
) -> bool:
    """Swap `inst_id`'s block on `day` with another's on a day of the same weekday."""
    row = list(blocks[day])
    for other in days:
        if other == day:
            continue
        other_row = list(blocks[other])
        for j in other_row:
            if movable(j, other) and can(j, day, row) and can(inst_id, other, other_row):
                row[row.index(inst_id)] = j
                other_row[other_row.index(j)] = inst_id
                blocks[day], blocks[other] = tuple(row), tuple(other_row)
                return True
    return False


def _forum_duties(
    request: RosterRequest,
    calendar: ServiceCalendar,
    insts: Sequence[Institution],
    blocks: Mapping[date, tuple[str, ...]],
) -> dict[date, str]:
    """Forum duty per day, each institution up to its fair whole-number share if possible.

    A matching of days to the institutions sitting that day, with each institution's
    share (Hamilton's method) as its capacity, grown by shortest augmenting paths; a day
    that cannot be matched within the shares goes to its least loaded institution.
    Published duties are kept where the institution still sits that day.
    """
    days = [d.day for d in calendar.days if blocks.get(d.day)]
    target = _largest_remainder(len(days), {i.id: i.weight or 1 for i in insts})
    duty: dict[date, str] = {}
    load: dict[str, int] = dict.fromkeys(target, 0)
    for day in days:
        keep = request.published.forum.get(day)
        if keep in blocks[day] and keep in load:
            duty[day] = keep
            load[keep] += 1
    for day in days:
        if day in duty:
            continue
        # Breadth-first over "day -> institution -> another of its days -> ...".
        parent: dict[str, tuple[date, str | None]] = {}
        queue: list[tuple[date, str | None]] = [(day, None)]
        found: str | None = None
        while queue and found is None:
            current, via = queue.pop(0)
            for inst_id in blocks[current]:
                if inst_id in parent or inst_id not in load:
                    continue
                parent[inst_id] = (current, via)
                if load[inst_id] < target[inst_id]:
                    found = inst_id
                    break
                queue += [
                    (other, inst_id)
                    for other, holder in duty.items()
                    if holder == inst_id and other not in request.published.forum
                ]
        if found is None:
            least = min(
                (i for i in blocks[day] if i in load), key=lambda i: (load[i] - target[i], i)
            )
            duty[day] = least
            load[least] += 1
            continue
        load[found] += 1
        inst_id = found
        while True:
            current, via = parent[inst_id]
            duty[current] = inst_id
            if via is None:
                break
            inst_id = via
    return duty


def _largest_remainder(total: int, weights: Mapping[str, int]) -> dict[str, int]:
    """`total` split in proportion to `weights` in whole numbers (Hamilton's method)."""
    weight_sum = sum(weights.values())
    if not weight_sum:
        return dict.fromkeys(weights, 0)
    exact = {k: Fraction(total * w, weight_sum) for k, w in weights.items()}
    whole = {k: int(v) for k, v in exact.items()}
    rest = total - sum(whole.values())
    for k in sorted(exact, key=lambda k: (whole[k] - exact[k], k))[:rest]:
        whole[k] += 1
    return whole


def _weekday_counts(
    request: RosterRequest,
    insts: Sequence[Institution],
    chains: Mapping[int, Sequence[ServiceDay]],
) -> dict[tuple[str, int], int]:
    """How many days of each weekday each institution takes.

    Fair shares in whole blocks (of all blocks and of Fridays), then the other weekdays
    are filled institution after institution, so that most institutions sit on one or two
    weekdays only. Unavailable dates are left to the full model.
    """
    weights = {i.id: i.weight or 1 for i in insts}
    capacity = {w: sum(d.blocks for d in chain) for w, chain in chains.items()}
    length = {w: len(chain) for w, chain in chains.items()}
    total = _largest_remainder(sum(capacity.values()), weights)
    fridays = _largest_remainder(capacity.get(FRIDAY, 0), weights)
    counts: dict[tuple[str, int], int] = {}
    if FRIDAY in chains:
        for inst in insts:
            counts[(inst.id, FRIDAY)] = min(fridays[inst.id], total[inst.id], length[FRIDAY])
    others = [w for w in sorted(chains) if w != FRIDAY]
    left = {w: capacity[w] for w in others}
    unmet: dict[str, int] = {}
    # Institutions with preferred weekdays choose first, and their preferred days first;
    # otherwise the emptiest weekday first, so every weekday keeps enough institutions.
    for inst in sorted(insts, key=lambda i: not i.preferred_weekdays):
        need = total[inst.id] - counts.get((inst.id, FRIDAY), 0)
        liked = inst.preferred_weekdays
        for w in sorted(others, key=lambda w: (bool(liked) and w not in liked, -left[w], w)):
            take = min(need, left[w], length[w])
            if take > 0:
                counts[(inst.id, w)] = take
                left[w] -= take
                need -= take
        if need > 0:
            unmet[inst.id] = need
    for inst_id, need in unmet.items():
        for _ in range(need):
            if not _augment(inst_id, counts, left, length, [i.id for i in insts]):
                break
    return counts


def _augment(
    inst_id: str,
    counts: dict[tuple[str, int], int],
    left: dict[int, int],
    length: Mapping[int, int],
    inst_ids: Sequence[str],
) -> bool:
    """Place one more block of `inst_id`, moving others between weekdays (a shortest path).

    From a weekday `u` where the institution still has room, another institution `j` that
    sits on `u` moves one block to a weekday `v` where it has room, and so on, until a
    weekday with capacity left is reached.
    """
    starts = [w for w in left if counts.get((inst_id, w), 0) < length[w]]
    parent: dict[int, tuple[int, str] | None] = dict.fromkeys(starts)
    queue = list(starts)
    while queue:
        u = queue.pop(0)
        if left[u] > 0:
            # Walk back: each step moved institution j from the previous weekday to this one.
            w = u
            left[w] -= 1
            while (step := parent[w]) is not None:
                previous, mover = step
                counts[(mover, w)] = counts.get((mover, w), 0) + 1
                counts[(mover, previous)] -= 1
                w = previous
            counts[(inst_id, w)] = counts.get((inst_id, w), 0) + 1
            return True
        for j in inst_ids:
            if j == inst_id or counts.get((j, u), 0) == 0:
                continue
            for v in left:
                if v not in parent and counts.get((j, v), 0) < length[v]:
                    parent[v] = (u, j)
                    queue.append(v)
    return False


def _goals(
    m: cp_model.CpModel,
    request: RosterRequest,
    calendar: ServiceCalendar,
    weights: Weights,
    count: Callable[[str, Category], cp_model.LinearExprT],
    dropped: cp_model.LinearExprT,
    forum_dropped: cp_model.LinearExprT,
    non_preferred: cp_model.LinearExprT,
    cap: int | None = None,
) -> cp_model.LinearExprT:
    """Goals 1-4 as one integer expression (the stage-1 objective without the pattern).

    `count(inst, category)` is an institution's number of blocks (forum duties) in a
    category; `dropped` and `forum_dropped` count published blocks and duties not kept;
    `non_preferred` counts blocks on weekdays not preferred. Shared by the full model and
    the counting relaxation of `pattern_bound`, so both score goals 1-4 alike.
    """
    insts = request.institutions
    weighted = [i for i in insts if i.weight > 0]
    divisor = math.gcd(*(i.weight for i in weighted)) if weighted else 1
    w = {i.id: i.weight // divisor for i in weighted}
    total_weight = sum(w.values())
    every_one_weighted = all(i.weight > 0 for i in insts if i.max_blocks > 0)
    terms: list[cp_model.LinearExprT] = []
    spreads: list[tuple[Category, cp_model.IntVar, cp_model.IntVar, int]] = []

    # 1-2. Fairness: deviation from the proportional share, in 1/total_weight blocks.
    if len(weighted) > 1:
        for category in Category:
            cat_days = category_days(calendar, category)
            n_total = (
                len(cat_days) if category is Category.FORUM else sum(d.blocks for d in cat_days)
            )
            if n_total == 0:
                continue
            bound = n_total * total_weight
            high = m.new_int_var(-bound, bound, f"hi_{category}")
            low = m.new_int_var(-bound, bound, f"lo_{category}")
            for inst in weighted:
                deviation = total_weight * count(inst.id, category) - n_total * w[inst.id]
                m.add(high >= deviation)
                m.add(low <= deviation)
            least = 0
            if every_one_weighted:
                # A valid bound the linear relaxation cannot find by itself: whole blocks
                # cannot be split finer than this. It lets CP-SAT prove optimality.
                least = int(least_spread(n_total, [w[i.id] for i in weighted]) * total_weight)
                m.add(high - low >= least)
            terms.append(weights.fairness(category) * (high - low))
            spreads.append((category, high, low, least))
    if cap is not None and every_one_weighted and min(astuple(weights)) >= 0:
        # Given goals 1-4 score at most `cap` (all their terms are >= 0, each spread at
        # least its least): each spread is at most what the cap leaves it. The weighted
        # counts add up to the category's total, so the deviations add up to 0 and some
        # lie on either side of it: high >= 0 >= low. Together these bound every count.
        floor = sum(weights.fairness(c) * least for c, _, _, least in spreads)
        for category, high, low, least in spreads:
            m.add(high >= 0)
            m.add(low <= 0)
            if weights.fairness(category) > 0:
                m.add(high - low <= (cap - floor) // weights.fairness(category) + least)

    # The other goals are per block; scale them to the fairness unit.
    scale = total_weight if len(weighted) > 1 else 1
    # 3. Fewest changes against the published roster.
    terms.append(scale * weights.change * dropped)
    terms.append(scale * weights.forum_change * forum_dropped)
    # 4. Preferred weekdays.
    terms.append(scale * weights.non_preferred * non_preferred)
    return sum(terms)


def pattern_bound(
    request: RosterRequest,
    calendar: ServiceCalendar,
    weights: Weights,
    primary: int,
    below: int,
    time_limit: float,
    num_workers: int = 2,
) -> int:
    """A proven lower bound on the weekday switches of every roster whose goals 1-4 score
    at most `primary` (stage 2's rosters), capped at `below` (the switches already found).

    CP-SAT cannot bound the switches itself (its linear relaxation sets every switch to
    a fraction), so this counts them from the other side, per weekday chain (the open days
    of one weekday, in order). Take a chain of L days that each have b blocks. Each day's
    b sitters form b lanes: an institution that sits on two following days keeps its lane,
    and those who stop hand their lanes to those who start. Every run of consecutive days
    an institution sits lies in one lane, and the runs in a lane fill its L days. Joining
    each institution to the lanes it runs in gives a graph whose edges are at most the
    runs R, so R >= vertices - components. An institution sitting all L days fills a lane
    alone (its own component); every other component holds partly-sitting institutions
    whose day counts add up to a whole number of lanes (s * L, s >= 1), so at least two
    of them. The switches of the chain are 2 R - 2 b (each run starts and ends with a
    switch, except at the chain's first and last day, where b institutions sit), so, with
    P partly-sitting institutions grouped into K such groups:

        switches >= 2 (P - K).

    A chain whose days have different numbers of blocks gets the weaker bound from R >= N
    (the institutions sitting in it at all): switches >= 2 N - b_first - b_last.

    The relaxation keeps only each institution's day count per chain and the counts goals
    1-4 are scored on, with the published roster's changes counted from below (a count of
    c days keeps at most c published ones) and the rest exact. Every roster of stage 2
    maps into it with the bound at most its switches, so the relaxation's optimum (or
    CP-SAT's bound on it) is a lower bound. Solved with `switches <= below - 1`: when that
    is infeasible, `below` switches are the fewest possible.
    """
    if below <= 0:
        return 0
    m = cp_model.CpModel()
    insts = request.institutions
    pins = {(inst_id, ref.day) for ref, inst_id in request.pins.items()}
    chains: dict[int, list[ServiceDay]] = {}
    for day in calendar.days:
        chains.setdefault(day.day.weekday(), []).append(day)
    c: dict[tuple[str, int], cp_model.IntVar] = {}
    held: dict[tuple[str, int], cp_model.IntVar] = {}
    dropped: list[cp_model.LinearExprT] = []
    bounds: list[cp_model.LinearExprT] = []
    for weekday, chain in chains.items():
        holiday = [d for d in chain if d.is_holiday]
        for inst in insts:
            key = (inst.id, weekday)
            free = [d for d in chain if d.day not in inst.unavailable_dates]
            pinned = [d for d in chain if (inst.id, d.day) in pins]
            high = min(len(free), inst.max_blocks)
            c[key] = m.new_int_var(min(len(pinned), high), high, f"c_{inst.id}_{weekday}")
            # Blocks on the chain's holidays (their own fairness category), and the rest.
            held[key] = m.new_int_var(0, len(holiday), f"h_{inst.id}_{weekday}")
            m.add(held[key] <= sum(1 for d in free if d.is_holiday))
            m.add(held[key] >= sum(1 for d in pinned if d.is_holiday))
            m.add(c[key] - held[key] <= sum(1 for d in free if not d.is_holiday))
            m.add(c[key] - held[key] >= sum(1 for d in pinned if not d.is_holiday))
            published = sum(1 for d in chain if inst.id in request.published.blocks.get(d.day, ()))
            if published:
                lost = m.new_int_var(0, published, "")
                m.add(lost >= published - c[key])
                dropped.append(lost)
        m.add(sum(c[(i.id, weekday)] for i in insts) == sum(d.blocks for d in chain))
        m.add(sum(held[(i.id, weekday)] for i in insts) == sum(d.blocks for d in holiday))
        if len(chain) >= 2:
            bounds.append(_chain_bound(m, chain, [c[(i.id, weekday)] for i in insts]))
    _order_alike(m, request, c, chains)
    forum: dict[str, cp_model.IntVar] = {}
    forum_dropped: list[cp_model.LinearExprT] = []
    for inst in insts:
        total = sum(c[(inst.id, w)] for w in chains)
        m.add_linear_constraint(total, inst.min_blocks, inst.max_blocks)
        forum[inst.id] = m.new_int_var(0, len(calendar.days), f"f_{inst.id}")
        m.add(forum[inst.id] <= total)
        duties = sum(1 for d in calendar.days if request.published.forum.get(d.day) == inst.id)
        if duties:
            lost = m.new_int_var(0, duties, "")
            m.add(lost >= duties - forum[inst.id])
            forum_dropped.append(lost)
    m.add(sum(forum.values()) == len(calendar.days))

    def count(inst_id: str, category: Category) -> cp_model.LinearExprT:
        if category is Category.FORUM:
            return forum[inst_id]
        if category is Category.HOLIDAYS:
            return sum(held[(inst_id, w)] for w in chains)
        if category is Category.FRIDAYS:
            return c[(inst_id, FRIDAY)] if FRIDAY in chains else 0
        return sum(c[(inst_id, w)] for w in chains)

    non_preferred = sum(
        c[(inst.id, w)]
        for inst in insts
        if inst.preferred_weekdays
        for w in chains
        if w not in inst.preferred_weekdays
    )
    goals = _goals(
        m,
        request,
        calendar,
        weights,
        count,
        sum(dropped),
        sum(forum_dropped),
        non_preferred,
        cap=primary,
    )
    m.add(goals <= primary)
    switches = sum(bounds)
    m.add(switches <= below - 1)
    m.minimize(switches)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = max(1, num_workers)
    solver.parameters.max_time_in_seconds = time_limit
    if num_workers >= 2:
        # Small cases are proven fastest by plain search (no LP, measured ~3x faster at
        # 5 institutions); large ones get their bound from the LP: run one of each.
        solver.parameters.subsolvers.extend(["default_lp", "no_lp"])
        solver.parameters.num_full_subsolvers = 2
    status = solver.solve(m)
    if status == cp_model.INFEASIBLE:
        return below
    if status == cp_model.OPTIMAL:
        return round(solver.objective_value)
    # Out of time: CP-SAT's bound (found or not found a solution) still holds for every
    # roster with fewer than `below` switches.
    bound = solver.best_objective_bound
    if status not in (cp_model.FEASIBLE, cp_model.UNKNOWN) or not math.isfinite(bound):
        return 0
    return max(0, min(below, math.ceil(bound - 1e-6)))


def _order_alike(
    m: cp_model.CpModel,
    request: RosterRequest,
    c: Mapping[tuple[str, int], cp_model.IntVar],
    chains: Mapping[int, Sequence[ServiceDay]],
) -> None:
    """Symmetry breaking for `pattern_bound`: institutions alike in everything its
    relaxation sees (commitment, dates, preferences; no pins, nothing published) can swap
    all their counts and the result is again a solution with the same bound, so only
    solutions with their counts in one (lexicographic) order need looking at.
    """
    alike: dict[tuple[object, ...], list[Institution]] = {}
    special = set(request.pins.values()) | set(request.published.forum.values())
    special |= {i for row in request.published.blocks.values() for i in row}
    for inst in request.institutions:
        if inst.id not in special:
            key = (inst.min_blocks, inst.max_blocks, inst.unavailable_dates)
            alike.setdefault((*key, inst.preferred_weekdays), []).append(inst)
    # The order compares the counts as digits of one number (base: a chain's length + 1),
    # on as many chains as keep the coefficients small; any key gives a valid order.
    base = max((len(chain) for chain in chains.values()), default=0) + 1
    order = [w for k, w in enumerate(sorted(chains)) if base ** (k + 1) <= 2**40]
    for group in alike.values():
        for one, other in pairwise(group):
            m.add(
                sum(base**k * c[(one.id, w)] for k, w in enumerate(order))
                >= sum(base**k * c[(other.id, w)] for k, w in enumerate(order))
            )


def _chain_bound(
    m: cp_model.CpModel, chain: Sequence[ServiceDay], counts: Sequence[cp_model.IntVar]
) -> cp_model.LinearExprT:
    """The least switches of one weekday chain given each institution's day count in it
    (see `pattern_bound`): 2 (P - K) for a chain of equal days, else 2 N - b_first - b_last.
    """
    length = len(chain)
    b = chain[0].blocks
    if any(d.blocks != b for d in chain):
        sits = []
        for count in counts:
            some = m.new_bool_var("")
            m.add(count >= 1).only_enforce_if(some)
            m.add(count == 0).only_enforce_if(~some)
            sits.append(some)
        least = m.new_int_var(0, 2 * len(counts), "")
        m.add(least >= 2 * sum(sits) - chain[0].blocks - chain[-1].blocks)
        return least
    # Each partly-sitting institution joins one of at most b groups; a used group's
    # counts add up to a whole number of lanes and it holds at least two institutions.
    # Groups are numbered by their first member (no two numberings of one grouping).
    members: list[list[cp_model.IntVar]] = [[] for _ in range(b)]
    shares: list[list[cp_model.IntVar]] = [[] for _ in range(b)]
    partly = []
    fulls = []
    for index, count in enumerate(counts):
        full = m.new_bool_var("")
        empty = m.new_bool_var("")
        part = m.new_bool_var("")
        m.add_exactly_one(full, empty, part)
        m.add(count == length).only_enforce_if(full)
        m.add(count == 0).only_enforce_if(empty)
        m.add_linear_constraint(count, 1, length - 1).only_enforce_if(part)
        partly.append(part)
        fulls.append(full)
        joins = []
        for group in range(min(b, index + 1)):
            join = m.new_bool_var("")
            share = m.new_int_var(0, length - 1, "")
            m.add(share == count).only_enforce_if(join)
            m.add(share == 0).only_enforce_if(~join)
            members[group].append(join)
            shares[group].append(share)
            joins.append(join)
        m.add(sum(joins) == part)
    used = []
    for group in range(b):
        lanes = m.new_int_var(0, b, "")
        m.add(sum(shares[group]) == length * lanes)
        use = m.new_bool_var("")
        m.add(sum(members[group]) >= 2).only_enforce_if(use)
        m.add(sum(members[group]) == 0).only_enforce_if(~use)
        # Each count is below a lane, so a group filling s lanes has at least s + 1.
        m.add(sum(members[group]) >= lanes + use)
        used.append(use)
    for first, second in pairwise(used):
        m.add_implication(second, first)
    # Every group takes a lane or more, and so does every institution sitting every day.
    m.add(sum(used) + sum(fulls) <= b)
    return 2 * (sum(partly) - sum(used))


class _Model:
    """The CP-SAT model of one request; `read` turns a solution into a `Roster`."""

    def __init__(
        self,
        request: RosterRequest,
        calendar: ServiceCalendar,
        weights: Weights | None,
        *,
        explain: bool = False,
    ) -> None:
        self.request = request
        self.calendar = calendar
        self.model = cp_model.CpModel()
        self.assumption_meaning: dict[int, Problem] = {}
        self.switch: dict[tuple[str, date], cp_model.IntVar] = {}
        m = self.model
        insts = request.institutions
        days = calendar.days
        self.x: dict[tuple[str, date], cp_model.IntVar] = {}
        self.f: dict[tuple[str, date], cp_model.IntVar] = {}
        for inst in insts:
            for day in days:
                key = (inst.id, day.day)
                self.x[key] = m.new_bool_var(f"x_{inst.id}_{day.day}")
                self.f[key] = m.new_bool_var(f"f_{inst.id}_{day.day}")
                m.add_implication(self.f[key], self.x[key])
                if day.day in inst.unavailable_dates:
                    m.add(self.x[key] == 0)
        for ref, inst_id in request.pins.items():
            m.add(self.x[(inst_id, ref.day)] == 1)
        for day in days:
            coverage = sum(self.x[(i.id, day.day)] for i in insts) == day.blocks
            if explain:
                lit = m.new_bool_var(f"cover_{day.day}")
                m.add(coverage).only_enforce_if(lit)
                m.add_assumption(lit)
                self.assumption_meaning[lit.index] = Problem(
                    Code.CONFLICT,
                    {
                        "rule": "coverage",
                        "subject": day.day.isoformat(),
                        "day": day.day.isoformat(),
                    },
                )
            else:
                m.add(coverage)
            m.add_exactly_one(self.f[(i.id, day.day)] for i in insts)
        self.totals: dict[str, cp_model.LinearExprT] = {}
        for inst in insts:
            total = sum(self.x[(inst.id, d.day)] for d in days)
            self.totals[inst.id] = total
            if explain:
                low = m.new_bool_var(f"min_{inst.id}")
                high = m.new_bool_var(f"max_{inst.id}")
                m.add(total >= inst.min_blocks).only_enforce_if(low)
                m.add(total <= inst.max_blocks).only_enforce_if(high)
                m.add_assumptions([low, high])
                self.assumption_meaning[low.index] = Problem(
                    Code.CONFLICT,
                    {"rule": "minimum commitment", "subject": inst.id, "institution": inst.id},
                )
                self.assumption_meaning[high.index] = Problem(
                    Code.CONFLICT,
                    {"rule": "maximum commitment", "subject": inst.id, "institution": inst.id},
                )
            else:
                m.add_linear_constraint(total, inst.min_blocks, inst.max_blocks)
        self.non_preferred_total: cp_model.LinearExprT = 0
        self.switch_total: cp_model.LinearExprT = 0
        self.primary: cp_model.LinearExprT = 0
        if weights is not None:
            self._objective(weights)

    def _objective(self, weights: Weights) -> None:
        request, calendar = self.request, self.calendar
        insts = request.institutions

        def count(inst_id: str, category: Category) -> cp_model.LinearExprT:
            table = self.f if category is Category.FORUM else self.x
            return sum(table[(inst_id, d.day)] for d in category_days(calendar, category))

        # 3. Fewest changes against the published roster.
        published = request.published
        dropped: list[cp_model.LinearExprT] = []
        forum_dropped: list[cp_model.LinearExprT] = []
        for day in calendar.days:
            for inst_id in set(published.blocks.get(day.day, ())):
                if (inst_id, day.day) in self.x:
                    dropped.append(1 - self.x[(inst_id, day.day)])
            forum = published.forum.get(day.day)
            if forum is not None and (forum, day.day) in self.f:
                forum_dropped.append(1 - self.f[(forum, day.day)])

        # 4. Preferred weekdays.
        non_preferred = [
            self.x[(inst.id, day.day)]
            for inst in insts
            if inst.preferred_weekdays
            for day in calendar.days
            if day.day.weekday() not in inst.preferred_weekdays
        ]
        self.non_preferred_total = sum(non_preferred)
        self.primary = _goals(
            self.model,
            request,
            calendar,
            weights,
            count,
            sum(dropped),
            sum(forum_dropped),
            self.non_preferred_total,
        )

        # 5. A stable weekday pattern: sitting or not, as on the last open same weekday.
        m = self.model
        chains: dict[int, list[date]] = {}
        for day in calendar.days:
            chains.setdefault(day.day.weekday(), []).append(day.day)
        switches: list[cp_model.IntVar] = []
        for chain in chains.values():
            for inst in insts:
                sits = [self.x[(inst.id, d)] for d in chain]
                steps: list[cp_model.IntVar] = []
                for before, now, d in zip(sits, sits[1:], chain[1:], strict=False):
                    switch = m.new_bool_var(f"s_{inst.id}_{d}")
                    m.add(now - before <= switch)
                    m.add(before - now <= switch)
                    steps.append(switch)
                    self.switch[(inst.id, d)] = switch
                switches += steps
                if len(sits) < 2:
                    continue
                # Redundant, for the bound: a weekday taken only in part needs a switch.
                # (CP-SAT's linear relaxation cannot see this; with it, small cases prove.)
                full = m.new_bool_var("")
                empty = m.new_bool_var("")
                for var in sits:
                    m.add_implication(full, var)
                    m.add_implication(empty, ~var)
                m.add(sum(steps) >= 1).only_enforce_if(~full, ~empty)
        self.switch_total = sum(switches)

    def hint(self, roster: Roster) -> None:
        sits = {key: key[0] in roster.blocks.get(key[1], ()) for key in self.x}
        for key, var in self.x.items():
            self.model.add_hint(var, sits[key])
        previous: dict[tuple[str, int], bool] = {}
        for inst_id, day in sorted(self.x, key=lambda k: (k[1], k[0])):
            before = previous.get((inst_id, day.weekday()))
            previous[(inst_id, day.weekday())] = sits[(inst_id, day)]
            if (inst_id, day) in self.switch and before is not None:
                self.model.add_hint(self.switch[(inst_id, day)], before != sits[(inst_id, day)])
        for (inst_id, day), var in self.f.items():
            self.model.add_hint(var, roster.forum.get(day) == inst_id)

    def keep(self, solver: cp_model.CpSolver) -> None:
        """Hint the whole solution `solver` holds (every variable), to start from it.

        CP-SAT takes a complete, feasible hint as its first solution at once; a partial
        one it may fail to complete within its conflict limit and then drop.
        """
        self.model.clear_hints()  # type: ignore[no-untyped-call]
        for index in range(len(self.model.proto.variables)):
            var = self.model.get_int_var_from_proto_index(index)
            self.model.add_hint(var, solver.value(var))

    def complete_hint(self, time_limit: float) -> bool:
        """Turn the hint on x/f/switches into a complete one (the rest follows from it)."""
        solver = cp_model.CpSolver()
        solver.parameters.fix_variables_to_their_hinted_value = True
        solver.parameters.max_time_in_seconds = time_limit
        solver.parameters.num_workers = 1
        status = solver.solve(self.model)
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            self.keep(solver)
            return True
        return False

    def read(self, solver: cp_model.CpSolver) -> Roster:
        """The solution as a roster; kept institutions keep their published block index."""
        request = self.request
        blocks: dict[date, tuple[str, ...]] = {}
        forum: dict[date, str] = {}
        pinned_at: dict[date, dict[int, str]] = {}
        for ref, inst_id in request.pins.items():
            pinned_at.setdefault(ref.day, {})[ref.index] = inst_id
        for day in self.calendar.days:
            chosen = [
                i.id for i in request.institutions if solver.boolean_value(self.x[(i.id, day.day)])
            ]
            slots: list[str | None] = [None] * day.blocks
            for index, inst_id in pinned_at.get(day.day, {}).items():
                slots[index] = inst_id
            placed = {s for s in slots if s}
            for index, inst_id in enumerate(request.published.blocks.get(day.day, ())):
                if (
                    index < day.blocks
                    and slots[index] is None
                    and inst_id in chosen
                    and inst_id not in placed
                ):
                    slots[index] = inst_id
                    placed.add(inst_id)
            rest = iter(sorted(i for i in chosen if i not in placed))
            blocks[day.day] = tuple(s if s is not None else next(rest) for s in slots)
            forum[day.day] = next(
                i.id for i in request.institutions if solver.boolean_value(self.f[(i.id, day.day)])
            )
        return Roster(blocks, forum)
