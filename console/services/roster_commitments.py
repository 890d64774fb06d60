"""The commitments of a period as the console sees them, without Qt: per institution the
minimum and maximum number of blocks, preferred weekdays and unavailable dates.

A save is written whole for the period (`PUT /roster/commitments`) and carries the
versions of the period's rows as they were read. When another coordinator
saved first the server answers 409 and `CommitmentsConflict` carries the period as it is
now; a refusal of the input comes back as `CommitmentsInvalid` with the server's field
paths (`institutions.0.max_blocks`), which the UI words in the user's language.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from console.services.errors import Conflict, Invalid, ServerError, TransportError
from console.services.roster import InstitutionInfo, RosterPeople
from console.services.transport import Transport

#: The server's "no maximum" (and the largest number of blocks it accepts).
UNBOUNDED = 10_000


@dataclass(frozen=True)
class Commitment:
    institution_id: str
    min_blocks: int = 0
    max_blocks: int = 0
    preferred_weekdays: tuple[int, ...] = ()
    unavailable_dates: tuple[date, ...] = ()
    #: The stored version (0: not stored); informative, a save checks `Commitments.versions`.
    version: int = 0

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Commitment:
        return cls(
            institution_id=str(data["institution_id"]),
            min_blocks=int(data.get("min_blocks") or 0),
            max_blocks=int(data.get("max_blocks") or 0),
            preferred_weekdays=tuple(
                sorted({int(d) for d in data.get("preferred_weekdays") or []})
            ),
            unavailable_dates=tuple(
                sorted({date.fromisoformat(str(d)) for d in data.get("unavailable_dates") or []})
            ),
            version=int(data.get("version") or 0),
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "institution_id": self.institution_id,
            "min_blocks": self.min_blocks,
            "max_blocks": self.max_blocks,
            "preferred_weekdays": sorted(set(self.preferred_weekdays)),
            "unavailable_dates": [d.isoformat() for d in sorted(set(self.unavailable_dates))],
        }

    def same_terms(self, other: Commitment) -> bool:
        """Equal apart from the version."""
        return self.as_json() == other.as_json()


@dataclass(frozen=True)
class Commitments:
    start: date
    end: date
    rows: tuple[Commitment, ...]

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Commitments:
        rows = tuple(
            Commitment.from_json(r) for r in data.get("institutions") or [] if isinstance(r, dict)
        )
        return cls(
            date.fromisoformat(str(data["start"])), date.fromisoformat(str(data["end"])), rows
        )

    def versions(self) -> dict[str, int]:
        """The stored versions, to save against."""
        return {r.institution_id: r.version for r in self.rows}

    def of(self, institution_id: str) -> Commitment | None:
        return next((r for r in self.rows if r.institution_id == institution_id), None)


@dataclass(frozen=True)
class CommitmentsPage:
    """What the editor needs: the institutions taking part and the period's commitments."""

    institutions: tuple[InstitutionInfo, ...]
    commitments: Commitments


class CommitmentsConflict(TransportError):
    """409: another coordinator saved this period first; `current` is what is stored now."""

    def __init__(self, message: str, current: Commitments) -> None:
        super().__init__(message or "conflict")
        self.message = message
        self.current = current


class CommitmentsInvalid(TransportError):
    """422: the input is refused; `fields` maps the server's field path to its (English)
    message, e.g. {"institutions.0.max_blocks": "The maximum is below the minimum."}."""

    def __init__(self, message: str, fields: dict[str, str]) -> None:
        super().__init__(message)
        self.message = message
        self.fields = fields


class CommitmentsService:
    def __init__(self, transport: Transport) -> None:
        self.transport = transport

    async def _call(
        self, method: str, path: str, body: dict[str, Any] | None = None, params: Any = None
    ) -> Any:
        try:
            return await self.transport.call(method, path, json_body=body, params=params)
        except Conflict as exc:
            current = exc.current
            if current is None:
                raise ServerError(409, "the conflict answer has no current commitments") from exc
            raise CommitmentsConflict(exc.message, Commitments.from_json(current)) from exc
        except Invalid as exc:
            fields: dict[str, str] = {}
            for item in exc.body.get("fields") or []:
                if isinstance(item, dict):
                    fields[str(item.get("field", "body"))] = str(item.get("message", ""))
            raise CommitmentsInvalid(exc.message, fields) from exc

    async def load(self, start: date, end: date) -> Commitments:
        answer = await self._call(
            "GET",
            "/roster/commitments",
            params={"start": start.isoformat(), "end": end.isoformat()},
        )
        if not isinstance(answer, dict):
            raise ServerError(200, "the commitments answer is not an object")
        return Commitments.from_json(answer)

    async def load_page(self, start: date, end: date) -> CommitmentsPage:
        """The institutions taking part (from `/roster/people`) and the commitments."""
        people = await self._call("GET", "/roster/people")
        directory = RosterPeople.from_json(people if isinstance(people, dict) else {})
        commitments = await self.load(start, end)
        known = dict(directory.institutions)
        for row in commitments.rows:  # a committed institution is always listed
            known.setdefault(row.institution_id, InstitutionInfo(row.institution_id, "", ""))
        institutions = tuple(sorted(known.values(), key=lambda i: (i.name, i.id)))
        return CommitmentsPage(institutions, commitments)

    async def save(self, against: Commitments, rows: Iterable[Commitment]) -> Commitments:
        """Replace the period of `against` (the commitments as read) with `rows`. Raises
        `CommitmentsConflict` when someone saved the period after `against` was read."""
        body = {
            "start": against.start.isoformat(),
            "end": against.end.isoformat(),
            "institutions": [r.as_json() for r in rows],
            "versions": against.versions(),
        }
        answer = await self._call("PUT", "/roster/commitments", body=body)
        if not isinstance(answer, dict):
            raise ServerError(200, "the commitments answer is not an object")
        return Commitments.from_json(answer)
