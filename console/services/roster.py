"""The roster as the console sees it, without Qt: a period of days with their blocks and
forum duty, the people who may sit, proposals, publication and one's own shifts.

The wire is parsed into the shared domain types where they exist (`Person`, `BlockFill`,
`Problem`, `BlockChange`, `ForumChange`), so the console validates names with the same
`validate_fills` the server uses, and into small frozen dataclasses otherwise.

Every edit carries the `version` of the row it was made against. A stale version comes
back as `RosterConflict` with the server's current block (or forum row); a refusal by the
rules as `RosterInvalid` with the problems (codes plus parameters, which the UI words in
the user's language); a caller without the right as `RosterForbidden`.

The period on screen is kept current from the sync stream: a `roster.block` event replaces
that block (only by a newer version), a `roster.published` event asks for a reload.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from console.domain.roles import Role
from console.domain.roster import BlockChange, BlockFill, Code, ForumChange, Person, Problem
from console.services.errors import (
    ApiError,
    Conflict,
    Forbidden,
    Invalid,
    ServerError,
    TransportError,
)
from console.services.signals import Signal
from console.services.sync import SyncService
from console.services.transport import Transport

log = logging.getLogger(__name__)

SEAT_ROLES = (Role.TRAINEE, Role.HELPER, Role.SUPERVISOR)


# --------------------------------------------------------------------------- parsing
def _date(value: object) -> date:
    return date.fromisoformat(str(value))


def _opt_str(value: object) -> str | None:
    return None if value is None or value == "" else str(value)


def _time(value: object) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


def parse_problem(data: object) -> Problem | None:
    """A problem from the wire; None for a code this console does not know."""
    if not isinstance(data, dict):
        return None
    try:
        code = Code(str(data.get("code")))
    except ValueError:
        return None
    raw = data.get("params")
    params: dict[str, str | int] = {}
    if isinstance(raw, dict):
        for key, value in raw.items():
            params[str(key)] = value if isinstance(value, int) else str(value)
    return Problem(code, params)


def parse_problems(values: object) -> list[Problem]:
    found = (parse_problem(v) for v in values) if isinstance(values, list) else iter(())
    return [p for p in found if p is not None]


@dataclass(frozen=True)
class InstitutionInfo:
    id: str
    code: str
    name: str


@dataclass(frozen=True)
class RosterBlock:
    """One block of a day: which institution has it (draft and published) and who sits."""

    day: date
    index: int
    institution_id: str | None = None
    published_institution_id: str | None = None
    pinned: bool = False
    people: tuple[str, ...] = ()
    version: int = 0

    @classmethod
    def from_json(cls, data: Mapping[str, Any], day: date | None = None) -> RosterBlock:
        return cls(
            day=day if day is not None else _date(data["day"]),
            index=int(data.get("index") or 0),
            institution_id=_opt_str(data.get("institution_id")),
            published_institution_id=_opt_str(data.get("published_institution_id")),
            pinned=bool(data.get("pinned")),
            people=tuple(str(p) for p in data.get("people") or []),
            version=int(data.get("version") or 0),
        )

    @property
    def unpublished(self) -> bool:
        """The draft's institution differs from the published one."""
        return self.institution_id != self.published_institution_id

    def fill(self) -> BlockFill | None:
        if self.institution_id is None:
            return None
        return BlockFill(self.day, self.index, self.institution_id, self.people)


@dataclass(frozen=True)
class ForumDuty:
    day: date
    institution_id: str | None = None
    published_institution_id: str | None = None
    version: int = 0

    @classmethod
    def from_json(cls, data: Mapping[str, Any], day: date | None = None) -> ForumDuty:
        return cls(
            day=day if day is not None else _date(data["day"]),
            institution_id=_opt_str(data.get("institution_id")),
            published_institution_id=_opt_str(data.get("published_institution_id")),
            version=int(data.get("version") or 0),
        )

    @property
    def unpublished(self) -> bool:
        return self.institution_id != self.published_institution_id


@dataclass(frozen=True)
class RosterDay:
    day: date
    blocks_needed: int
    holiday: str | None
    hard_to_staff: str | None
    forum: ForumDuty
    blocks: tuple[RosterBlock, ...]

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> RosterDay:
        day = _date(data["day"])
        needed = int(data.get("blocks_needed") or 0)
        blocks = {
            b.index: b
            for b in (RosterBlock.from_json(raw, day) for raw in data.get("blocks") or [])
        }
        forum_raw = data.get("forum")
        return cls(
            day=day,
            blocks_needed=needed,
            holiday=_opt_str(data.get("holiday")),
            hard_to_staff=_opt_str(data.get("hard_to_staff")),
            forum=ForumDuty.from_json(forum_raw if isinstance(forum_raw, dict) else {}, day),
            # Exactly `blocks_needed` blocks, whatever the wire left out.
            blocks=tuple(blocks.get(i, RosterBlock(day, i)) for i in range(needed)),
        )

    def fills(self) -> list[BlockFill]:
        return [f for f in (b.fill() for b in self.blocks) if f is not None]


@dataclass(frozen=True)
class RosterWeek:
    """A period of the roster (usually a week) as the server answered it."""

    start: date
    end: date
    days: tuple[RosterDay, ...]
    closed: Mapping[date, str] = field(default_factory=dict)
    published_at: datetime | None = None
    problems: tuple[Problem, ...] = ()

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> RosterWeek:
        closed_raw = data.get("closed")
        closed = (
            {_date(k): str(v) for k, v in closed_raw.items()}
            if isinstance(closed_raw, dict)
            else {}
        )
        return cls(
            start=_date(data["start"]),
            end=_date(data["end"]),
            days=tuple(
                sorted(
                    (RosterDay.from_json(d) for d in data.get("days") or []), key=lambda d: d.day
                )
            ),
            closed=closed,
            published_at=_time(data.get("published_at")),
            problems=tuple(parse_problems(data.get("problems"))),
        )

    def day(self, day: date) -> RosterDay | None:
        for found in self.days:
            if found.day == day:
                return found
        return None

    def block(self, day: date, index: int) -> RosterBlock | None:
        found = self.day(day)
        if found is None or not 0 <= index < len(found.blocks):
            return None
        return found.blocks[index]

    def with_block(self, block: RosterBlock) -> RosterWeek:
        """This period with `block` in its place (unchanged when it is not in the period)."""
        days = tuple(
            replace(
                d,
                blocks=tuple(block if b.index == block.index else b for b in d.blocks),
            )
            if d.day == block.day
            else d
            for d in self.days
        )
        return replace(self, days=days)

    def with_forum(self, forum: ForumDuty) -> RosterWeek:
        days = tuple(replace(d, forum=forum) if d.day == forum.day else d for d in self.days)
        return replace(self, days=days)


@dataclass(frozen=True)
class RosterPeople:
    institutions: Mapping[str, InstitutionInfo]
    people: Mapping[str, Person]

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> RosterPeople:
        institutions = {
            str(i["id"]): InstitutionInfo(str(i["id"]), str(i.get("code") or ""), str(i["name"]))
            for i in data.get("institutions") or []
            if isinstance(i, dict)
        }
        people: dict[str, Person] = {}
        for raw in data.get("people") or []:
            if not isinstance(raw, dict):
                continue
            try:
                role = Role(str(raw.get("role")))
            except ValueError:
                continue
            person = Person(
                id=str(raw["id"]),
                institution_id=str(raw.get("institution_id") or ""),
                role=role,
                name=str(raw.get("name") or raw["id"]),
                needs_backup=bool(raw.get("needs_backup")),
                may_supervise=bool(raw.get("may_supervise", True)),
                unavailable_weekdays=frozenset(
                    int(w) for w in raw.get("unavailable_weekdays") or []
                ),
                unavailable_dates=frozenset(_date(d) for d in raw.get("unavailable_dates") or []),
            )
            people[person.id] = person
        return cls(institutions, people)

    def name_of_institution(self, institution_id: str | None) -> str:
        if institution_id is None:
            return ""
        found = self.institutions.get(institution_id)
        return found.name if found is not None else institution_id

    def name_of(self, person_id: str) -> str:
        found = self.people.get(person_id)
        return found.name if found is not None else person_id

    def of_institution(self, institution_id: str) -> list[Person]:
        """The institution's people who may sit, by seat role (supervisor first) and name."""
        order = {Role.SUPERVISOR: 0, Role.HELPER: 1, Role.TRAINEE: 2}
        chosen = [p for p in self.people.values() if p.institution_id == institution_id]
        return sorted(chosen, key=lambda p: (order.get(p.role, 3), p.name))


@dataclass(frozen=True)
class Proposal:
    id: str
    start: date
    end: date
    status: str
    blocks: tuple[BlockChange, ...]
    forum: tuple[ForumChange, ...]
    fairness: Mapping[str, Any]

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Proposal:
        return cls(
            id=str(data["id"]),
            start=_date(data["start"]),
            end=_date(data["end"]),
            status=str(data.get("status") or ""),
            blocks=tuple(
                BlockChange(
                    _date(b["day"]),
                    int(b.get("index") or 0),
                    _opt_str(b.get("before")),
                    _opt_str(b.get("after")),
                )
                for b in data.get("blocks") or []
            ),
            forum=tuple(
                ForumChange(_date(f["day"]), _opt_str(f.get("before")), _opt_str(f.get("after")))
                for f in data.get("forum") or []
            ),
            fairness=fairness if isinstance(fairness := data.get("fairness"), dict) else {},
        )

    @property
    def empty(self) -> bool:
        return not self.blocks and not self.forum


@dataclass(frozen=True)
class Published:
    published_at: datetime | None
    blocks: int
    problems: tuple[Problem, ...]


@dataclass(frozen=True)
class Shift:
    day: date
    index: int
    institution_id: str | None
    start: datetime | None
    end: datetime | None
    colleagues: tuple[str, ...]
    published: bool

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Shift:
        return cls(
            day=_date(data["day"]),
            index=int(data.get("index") or 0),
            institution_id=_opt_str(data.get("institution_id")),
            start=_time(data.get("start")),
            end=_time(data.get("end")),
            colleagues=tuple(str(c) for c in data.get("colleagues") or []),
            published=bool(data.get("published")),
        )


@dataclass(frozen=True)
class Unfilled:
    """A block close to its date without an institution, or with seats still open."""

    day: date
    index: int
    institution_id: str | None
    #: "institution" (nobody took the block) or "seats" (names missing).
    missing: str
    open_seats: int

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Unfilled:
        return cls(
            day=_date(data["day"]),
            index=int(data.get("index") or 0),
            institution_id=_opt_str(data.get("institution_id")),
            missing=str(data.get("missing") or "seats"),
            open_seats=int(data.get("open_seats") or 0),
        )


@dataclass(frozen=True)
class Unavailable:
    """The days one cannot sit: recurring weekdays (0 = Monday) and single dates, plus the
    seats one already holds on such days (`clashes`: find a replacement for those)."""

    weekdays: tuple[int, ...] = ()
    dates: tuple[date, ...] = ()
    clashes: tuple[tuple[date, int], ...] = ()

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Unavailable:
        return cls(
            weekdays=tuple(sorted({int(w) for w in data.get("weekdays") or []})),
            dates=tuple(sorted({_date(d) for d in data.get("dates") or []})),
            clashes=tuple(
                (_date(c["day"]), int(c.get("index") or 0))
                for c in data.get("clashes") or []
                if isinstance(c, dict) and "day" in c
            ),
        )


# --------------------------------------------------------------------------- errors
class RosterConflict(TransportError):
    """409: someone changed the row first. `block` (or `forum`) is the server's current row."""

    def __init__(
        self,
        message: str,
        block: RosterBlock | None = None,
        forum: ForumDuty | None = None,
    ) -> None:
        super().__init__(message or "conflict")
        self.message = message
        self.block = block
        self.forum = forum


class RosterInvalid(TransportError):
    """422: the rules refuse it. `reason` is the server's error code (invalid, unsolvable,
    incomplete, ...); `problems` are the ones this console can word; `message` is the
    server's English sentence, for the log only."""

    def __init__(self, reason: str, message: str, problems: list[Problem]) -> None:
        super().__init__(f"{reason}: {message}")
        self.reason = reason
        self.message = message
        self.problems = problems


class RosterForbidden(TransportError):
    """403: this person may not do that (another institution's block, or no right)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _body(exc: ApiError) -> dict[str, Any]:
    body: dict[str, Any] = dict(exc.body)
    detail = body.get("detail")
    if isinstance(detail, dict):
        body = {**body, **detail}
    return body


# --------------------------------------------------------------------------- service
class RosterService:
    """Collaborators come in through the constructor; news goes out through signals."""

    def __init__(self, sync: SyncService | None, transport: Transport) -> None:
        self.sync = sync
        self.transport = transport
        self.week: RosterWeek | None = None
        #: Counts `load` calls: only the latest one's answer becomes `week`.
        self._loads = 0
        self.directory: RosterPeople | None = None
        #: The period on screen changed (a block or forum row from an event or an answer).
        self.week_changed: Signal[[RosterWeek]] = Signal()
        #: The roster was published or the log was reset: the period should be loaded again.
        self.stale: Signal[[]] = Signal()
        if sync is not None:
            sync.events_applied.connect(self._events_applied)
            sync.reset_applied.connect(self.stale.emit)

    def close(self) -> None:
        if self.sync is not None:
            self.sync.events_applied.disconnect(self._events_applied)
            self.sync.reset_applied.disconnect(self.stale.emit)

    # ------------------------------------------------------------------ events
    def _events_applied(self, events: list[dict[str, Any]]) -> None:
        stale = False
        for event in events:
            kind = str(event.get("kind", ""))
            data = event.get("data")
            if kind == "roster.published":
                stale = True
            elif kind == "roster.block" and isinstance(data, dict) and "day" in data:
                try:
                    self._take_block(RosterBlock.from_json(data))
                except (KeyError, ValueError):
                    log.info("ignoring a roster.block event that cannot be read: %r", data)
        if stale:
            self.stale.emit()

    def _take_block(self, block: RosterBlock) -> None:
        week = self.week
        if week is None:
            return
        known = week.block(block.day, block.index)
        if known is None or known.version > block.version or known == block:
            return
        self.week = week.with_block(block)
        self.week_changed.emit(self.week)

    def _take_forum(self, forum: ForumDuty) -> None:
        week = self.week
        if week is None:
            return
        day = week.day(forum.day)
        if day is None or day.forum.version > forum.version or day.forum == forum:
            return
        self.week = week.with_forum(forum)
        self.week_changed.emit(self.week)

    # ------------------------------------------------------------------ calls
    async def _call(
        self,
        method: str,
        path: str,
        body: dict[str, Any] | None = None,
        params: dict[str, Any] | None = None,
        timeout: float | None = None,
    ) -> Any:
        try:
            return await self.transport.call(
                method, path, json_body=body, params=params, timeout=timeout
            )
        except Conflict as exc:
            data = _body(exc)
            current = data.get("current")
            block = forum = None
            if isinstance(current, dict) and "index" in current:
                block = RosterBlock.from_json(current)
                self._take_block(block)
            elif isinstance(current, dict) and "day" in current:
                forum = ForumDuty.from_json(current)
                self._take_forum(forum)
            raise RosterConflict(exc.message, block, forum) from exc
        except Invalid as exc:
            data = _body(exc)
            raise RosterInvalid(
                str(data.get("error") or exc.code),
                exc.message,
                parse_problems(data.get("problems")),
            ) from exc
        except Forbidden as exc:
            raise RosterForbidden(exc.message) from exc

    # ------------------------------------------------------------------ reading
    async def load(self, start: date, end: date) -> RosterWeek:
        """Load a period and make it the current one, unless a later `load` was asked for
        meanwhile (paging quickly through weeks): answers can arrive out of order, and an
        edit must never look up its block in a week that is no longer on screen."""
        self._loads += 1
        ticket = self._loads
        answer = await self._call(
            "GET", "/roster", params={"start": start.isoformat(), "end": end.isoformat()}
        )
        if not isinstance(answer, dict):
            raise ServerError(200, "the roster answer is not an object")
        week = RosterWeek.from_json(answer)
        if ticket == self._loads:
            self.week = week
            self.week_changed.emit(week)
        return week

    async def people(self) -> RosterPeople:
        answer = await self._call("GET", "/roster/people")
        self.directory = RosterPeople.from_json(answer if isinstance(answer, dict) else {})
        return self.directory

    async def mine(self, start: date | None = None, end: date | None = None) -> list[Shift]:
        params: dict[str, Any] = {}
        if start is not None:
            params["start"] = start.isoformat()
        if end is not None:
            params["end"] = end.isoformat()
        answer = await self._call("GET", "/roster/mine", params=params or None)
        shifts = answer.get("shifts") if isinstance(answer, dict) else None
        return sorted(
            (Shift.from_json(s) for s in shifts or [] if isinstance(s, dict)),
            key=lambda s: (s.day, s.index),
        )

    async def alerts(self, start: date | None = None, days: int = 7) -> list[Unfilled]:
        """Blocks close to their date that are not filled (the server decides whose)."""
        params: dict[str, Any] = {"days": days}
        if start is not None:
            params["start"] = start.isoformat()
        answer = await self._call("GET", "/roster/alerts", params=params)
        blocks = answer.get("blocks") if isinstance(answer, dict) else None
        found = []
        for item in blocks or []:
            if not isinstance(item, dict):
                continue
            try:
                found.append(Unfilled.from_json(item))
            except (KeyError, ValueError):
                log.info("ignoring an alert that cannot be read: %r", item)
        return sorted(found, key=lambda u: (u.day, u.index))

    async def unavailable(self) -> Unavailable:
        answer = await self._call("GET", "/roster/me/unavailable")
        return Unavailable.from_json(answer if isinstance(answer, dict) else {})

    async def set_unavailable(self, weekdays: Iterable[int], dates: Iterable[date]) -> Unavailable:
        """Replace one's own unavailable weekdays and dates (the list is written whole)."""
        body = {
            "weekdays": sorted(set(weekdays)),
            "dates": [d.isoformat() for d in sorted(set(dates))],
        }
        answer = await self._call("PUT", "/roster/me/unavailable", body=body)
        return Unavailable.from_json(answer if isinstance(answer, dict) else {})

    # ------------------------------------------------------------------ central writes
    async def set_block(
        self, day: date, index: int, institution_id: str | None, pinned: bool, version: int
    ) -> RosterBlock:
        answer = await self._call(
            "PUT",
            f"/roster/blocks/{day.isoformat()}/{index}",
            {"institution_id": institution_id, "pinned": pinned, "version": version},
        )
        block = RosterBlock.from_json(answer, day)
        self._take_block(block)
        return block

    async def set_forum(self, day: date, institution_id: str | None, version: int) -> ForumDuty:
        answer = await self._call(
            "PUT",
            f"/roster/forum/{day.isoformat()}",
            {"institution_id": institution_id, "version": version},
        )
        forum = ForumDuty.from_json(answer, day)
        self._take_forum(forum)
        return forum

    async def propose(self, start: date, end: date, time_limit: float = 10.0) -> Proposal:
        answer = await self._call(
            "POST",
            "/roster/proposals",
            {"start": start.isoformat(), "end": end.isoformat(), "time_limit": time_limit},
            timeout=time_limit * 2 + 30,
        )
        return Proposal.from_json(answer)

    async def accept(self, proposal_id: str) -> int:
        answer = await self._call("POST", f"/roster/proposals/{proposal_id}/accept")
        return int(answer.get("changed") or 0) if isinstance(answer, dict) else 0

    async def reject(self, proposal_id: str) -> None:
        await self._call("DELETE", f"/roster/proposals/{proposal_id}")

    async def publish(self, start: date, end: date) -> Published:
        answer = await self._call(
            "POST", "/roster/publish", {"start": start.isoformat(), "end": end.isoformat()}
        )
        data = answer if isinstance(answer, dict) else {}
        return Published(
            _time(data.get("published_at")),
            int(data.get("blocks") or 0),
            tuple(parse_problems(data.get("problems"))),
        )

    # ------------------------------------------------------------------ fill writes
    async def fill(self, day: date, index: int, people: Iterable[str], version: int) -> RosterBlock:
        answer = await self._call(
            "PUT",
            f"/roster/blocks/{day.isoformat()}/{index}/people",
            {"people": list(people), "version": version},
        )
        block = RosterBlock.from_json(answer, day)
        self._take_block(block)
        return block

    # ------------------------------------------------------------------ calendar feed
    async def feed_url(self) -> str:
        """A new personal calendar address; the previous one stops working."""
        answer = await self._call("POST", "/roster/feed")
        return str(answer.get("url") or "") if isinstance(answer, dict) else ""

    async def revoke_feed(self) -> None:
        await self._call("DELETE", "/roster/feed")

    async def download_ics(self, path: Path) -> int:
        """The published own shifts as an .ics file at `path`; returns the bytes written."""
        content = await self.transport.fetch("/roster/mine.ics")
        if not content.lstrip().startswith(b"BEGIN:VCALENDAR"):
            raise ServerError(200, "the answer is not a calendar")
        await asyncio.to_thread(path.write_bytes, content)
        return len(content)
