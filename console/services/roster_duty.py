"""Roster duty as the console sees it, without Qt: asking to be replaced, the offers one
may take, taking one, withdrawing, the coordinator's trail and the attendance report.

Refusals come back as types the UI words: `ReplacementGone` (409: someone else took it
first, it was withdrawn, or it lapsed; `current` is the request as it now is),
`RosterInvalid` (422 with the rules' problems) and `RosterForbidden` (403), the latter two
shared with the roster service. A `roster.replacement` event from the sync stream (a
colleague asked, took or withdrew) fires `changed`, so open lists refresh themselves.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from console.services.errors import Conflict, Forbidden, Invalid, TransportError
from console.services.roster import RosterForbidden, RosterInvalid, parse_problems
from console.services.signals import Signal
from console.services.sync import SyncService
from console.services.transport import Transport

log = logging.getLogger(__name__)

OPEN, TAKEN, WITHDRAWN, LAPSED = "open", "taken", "withdrawn", "lapsed"
PRESENT, LATE, NO_SHOW = "present", "late", "no_show"


def _date(value: object) -> date:
    return date.fromisoformat(str(value))


def _time(value: object) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def _opt(value: object) -> str | None:
    return None if value is None or value == "" else str(value)


def _int(value: object) -> int:
    return int(value) if isinstance(value, int | str) and str(value).lstrip("-").isdigit() else 0


@dataclass(frozen=True)
class ReplacementRequest:
    id: int
    day: date
    index: int
    institution_id: str
    start: datetime | None
    requester_id: str
    requester: str
    reason: str
    state: str
    version: int
    requested_at: datetime | None
    taken_by_id: str | None
    taken_by: str | None
    taken_at: datetime | None
    withdrawn_at: datetime | None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ReplacementRequest:
        return cls(
            id=_int(data.get("id")),
            day=_date(data["day"]),
            index=_int(data.get("index")),
            institution_id=str(data.get("institution_id") or ""),
            start=_time(data.get("start")),
            requester_id=str(data.get("requester_id") or ""),
            requester=str(data.get("requester") or ""),
            reason=str(data.get("reason") or ""),
            state=str(data.get("state") or ""),
            version=_int(data.get("version")),
            requested_at=_time(data.get("requested_at")),
            taken_by_id=_opt(data.get("taken_by_id")),
            taken_by=_opt(data.get("taken_by")),
            taken_at=_time(data.get("taken_at")),
            withdrawn_at=_time(data.get("withdrawn_at")),
        )


def _requests(values: object) -> tuple[ReplacementRequest, ...]:
    if not isinstance(values, list):
        return ()
    found = []
    for raw in values:
        if isinstance(raw, dict):
            try:
                found.append(ReplacementRequest.from_json(raw))
            except (KeyError, ValueError):
                log.info("ignoring a replacement request that cannot be read: %r", raw)
    return tuple(found)


@dataclass(frozen=True)
class Replacements:
    """My own requests, the open ones I may take, and (for overseers) the trail."""

    mine: tuple[ReplacementRequest, ...]
    offers: tuple[ReplacementRequest, ...]
    trail: tuple[ReplacementRequest, ...] | None

    def open_request_for(self, day: date, index: int) -> ReplacementRequest | None:
        return next(
            (r for r in self.mine if r.day == day and r.index == index and r.state == OPEN), None
        )


@dataclass(frozen=True)
class AttendanceMark:
    person_id: str
    name: str
    status: str
    arrived_at: datetime | None
    minutes_late: int | None


@dataclass(frozen=True)
class AttendanceBlock:
    day: date
    index: int
    institution_id: str
    start: datetime | None
    people: tuple[AttendanceMark, ...]


@dataclass(frozen=True)
class AttendanceTotal:
    """Totals of one person (`id` a person) or institution (`id` an institution)."""

    id: str
    name: str
    institution_id: str
    present: int
    late: int
    no_show: int


@dataclass(frozen=True)
class AttendanceReport:
    start: date
    end: date
    late_after_minutes: int
    blocks: tuple[AttendanceBlock, ...]
    people: tuple[AttendanceTotal, ...]
    institutions: tuple[AttendanceTotal, ...]

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> AttendanceReport:
        def total(raw: Mapping[str, Any], key: str) -> AttendanceTotal:
            return AttendanceTotal(
                id=str(raw.get(key) or ""),
                name=str(raw.get("name") or ""),
                institution_id=str(raw.get("institution_id") or ""),
                present=_int(raw.get(PRESENT)),
                late=_int(raw.get(LATE)),
                no_show=_int(raw.get(NO_SHOW)),
            )

        blocks = tuple(
            AttendanceBlock(
                day=_date(b["day"]),
                index=_int(b.get("index")),
                institution_id=str(b.get("institution_id") or ""),
                start=_time(b.get("start")),
                people=tuple(
                    AttendanceMark(
                        person_id=str(p.get("person_id") or ""),
                        name=str(p.get("name") or ""),
                        status=str(p.get("status") or ""),
                        arrived_at=_time(p.get("arrived_at")),
                        minutes_late=(
                            None if p.get("minutes_late") is None else _int(p["minutes_late"])
                        ),
                    )
                    for p in b.get("people") or []
                    if isinstance(p, dict)
                ),
            )
            for b in data.get("blocks") or []
            if isinstance(b, dict)
        )
        return cls(
            start=_date(data["start"]),
            end=_date(data["end"]),
            late_after_minutes=_int(data.get("late_after_minutes")),
            blocks=blocks,
            people=tuple(
                total(p, "person_id") for p in data.get("people") or [] if isinstance(p, dict)
            ),
            institutions=tuple(
                total(i, "institution_id")
                for i in data.get("institutions") or []
                if isinstance(i, dict)
            ),
        )


class ReplacementGone(TransportError):
    """409: the request can no longer be taken or withdrawn as asked. `reason` is taken,
    withdrawn, lapsed, already_open or stale; `current` the request as it now is."""

    def __init__(self, reason: str, message: str, current: ReplacementRequest | None) -> None:
        super().__init__(f"{reason}: {message}")
        self.reason = reason
        self.message = message
        self.current = current


class RosterDutyService:
    """Collaborators come in through the constructor; news goes out through signals."""

    def __init__(self, sync: SyncService | None, transport: Transport) -> None:
        self.sync = sync
        self.transport = transport
        #: A colleague asked, took or withdrew a replacement: lists should be loaded again.
        self.changed: Signal[[]] = Signal()
        if sync is not None:
            sync.events_applied.connect(self._events_applied)

    def close(self) -> None:
        if self.sync is not None:
            self.sync.events_applied.disconnect(self._events_applied)

    def _events_applied(self, events: list[dict[str, Any]]) -> None:
        if any(str(e.get("kind", "")) == "roster.replacement" for e in events):
            self.changed.emit()

    async def _call(
        self,
        method: str,
        path: str,
        body: dict[str, Any] | None = None,
        params: dict[str, Any] | None = None,
    ) -> Any:
        try:
            return await self.transport.call(method, path, json_body=body, params=params)
        except Conflict as exc:
            raw = exc.current
            current = None
            if raw is not None:
                try:
                    current = ReplacementRequest.from_json(raw)
                except (KeyError, ValueError):
                    current = None
            raise ReplacementGone(str(exc.body.get("reason") or ""), exc.message, current) from exc
        except Invalid as exc:
            raise RosterInvalid(
                str(exc.body.get("error") or exc.code),
                exc.message,
                parse_problems(exc.body.get("problems")),
            ) from exc
        except Forbidden as exc:
            raise RosterForbidden(exc.message) from exc

    # ------------------------------------------------------------------ replacement
    async def ask(self, day: date, index: int, reason: str = "") -> ReplacementRequest:
        answer = await self._call(
            "POST", f"/roster/blocks/{day.isoformat()}/{index}/replacement", {"reason": reason}
        )
        return ReplacementRequest.from_json(answer)

    async def replacements(
        self, start: date | None = None, end: date | None = None
    ) -> Replacements:
        params = None
        if start is not None and end is not None:
            params = {"start": start.isoformat(), "end": end.isoformat()}
        answer = await self._call("GET", "/roster/replacements", params=params)
        data = answer if isinstance(answer, dict) else {}
        trail = data.get("trail")
        return Replacements(
            mine=_requests(data.get("mine")),
            offers=_requests(data.get("offers")),
            trail=None if trail is None else _requests(trail),
        )

    async def accept(self, request: ReplacementRequest) -> ReplacementRequest:
        """Take the seat; `ReplacementGone` when someone else was first."""
        answer = await self._call(
            "POST", f"/roster/replacements/{request.id}/accept", {"version": request.version}
        )
        data = answer.get("request") if isinstance(answer, dict) else None
        return ReplacementRequest.from_json(data if isinstance(data, dict) else {})

    async def withdraw(self, request: ReplacementRequest) -> ReplacementRequest:
        answer = await self._call(
            "DELETE", f"/roster/replacements/{request.id}", params={"version": request.version}
        )
        return ReplacementRequest.from_json(answer)

    # ------------------------------------------------------------------ attendance
    async def attendance(self, start: date, end: date) -> AttendanceReport:
        answer = await self._call(
            "GET", "/roster/attendance", params={"start": start.isoformat(), "end": end.isoformat()}
        )
        return AttendanceReport.from_json(answer if isinstance(answer, dict) else {})
