"""The chat's texts and open days as administration sees them, without Qt.

Texts (`GET`/`PUT /chat/texts`): the crisis protocol, the short texts helpers insert and
the referral services they pick from, saved whole against the `version` that was read.
When someone saved first the server answers 409 and `TextsConflict` carries the texts as
they are now; a refusal of the input comes back as `TextsInvalid` with the server's field
names. Open days (`GET /chat/schedule`, `PUT /chat/open-days/{day}`): the weekly hours
with the dates opened or closed by hand, as a `console.domain.hours.WeeklySchedule`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from console.domain.hours import WeeklySchedule, Window, dutch_public_holidays
from console.services.errors import Conflict, Invalid, ServerError, TransportError
from console.services.transport import Transport

#: The server's limits (`TextsBody`).
MAX_PROTOCOL_CHARS = 20_000
MAX_ITEMS = 50


@dataclass(frozen=True)
class Snippet:
    title: str
    text: str


@dataclass(frozen=True)
class ChatTexts:
    crisis_protocol: str
    snippets: tuple[Snippet, ...]
    referral_services: tuple[str, ...]
    #: The stored version (0: the defaults, nothing saved yet).
    version: int = 0

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ChatTexts:
        snippets = tuple(
            Snippet(str(s.get("title", "")), str(s.get("text", "")))
            for s in data.get("snippets") or []
            if isinstance(s, dict)
        )
        return cls(
            crisis_protocol=str(data.get("crisis_protocol") or ""),
            snippets=snippets,
            referral_services=tuple(str(s) for s in data.get("referral_services") or []),
            version=int(data.get("version") or 0),
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "crisis_protocol": self.crisis_protocol,
            "snippets": [{"title": s.title, "text": s.text} for s in self.snippets],
            "referral_services": list(self.referral_services),
            "version": self.version,
        }

    def same_content(self, other: ChatTexts) -> bool:
        """Equal apart from the version."""
        return (self.crisis_protocol, self.snippets, self.referral_services) == (
            other.crisis_protocol,
            other.snippets,
            other.referral_services,
        )


class TextsConflict(TransportError):
    """409: someone saved the texts after they were read; `current` is what is stored."""

    def __init__(self, message: str, current: ChatTexts) -> None:
        super().__init__(message or "conflict")
        self.message = message
        self.current = current


class TextsInvalid(TransportError):
    """422: the texts are refused; `fields` maps the server's field path to its (English)
    message, e.g. {"snippets": "List should have at most 50 items"}."""

    def __init__(self, message: str, fields: dict[str, str]) -> None:
        super().__init__(message)
        self.message = message
        self.fields = fields


def schedule_from_json(data: Mapping[str, Any]) -> WeeklySchedule:
    """The server's schedule (`schedule_to_json`) as the domain's weekly schedule."""
    windows = {
        int(day): tuple(Window.of(str(start), str(end)) for start, end in spans)
        for day, spans in (data.get("windows") or {}).items()
    }
    return WeeklySchedule(
        windows,
        timezone=str(data.get("timezone") or "Europe/Amsterdam"),
        closed_on_public_holidays=bool(data.get("closed_on_public_holidays", True)),
        opened_dates=frozenset(date.fromisoformat(str(d)) for d in data.get("opened_dates") or []),
        closed_dates=frozenset(date.fromisoformat(str(d)) for d in data.get("closed_dates") or []),
    )


class ChatAdminService:
    def __init__(self, transport: Transport) -> None:
        self.transport = transport

    async def _call(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        try:
            answer = await self.transport.call(method, path, json_body=body)
        except Conflict as exc:
            current = exc.current
            if current is None:
                raise
            raise TextsConflict(exc.message, ChatTexts.from_json(current)) from exc
        except Invalid as exc:
            fields: dict[str, str] = {}
            for item in exc.body.get("fields") or []:
                if isinstance(item, dict):
                    fields[str(item.get("field", "body"))] = str(item.get("message", ""))
            raise TextsInvalid(exc.message, fields) from exc
        if not isinstance(answer, dict):
            raise ServerError(200, f"the answer to {path} is not an object")
        return answer

    async def load_texts(self) -> ChatTexts:
        return ChatTexts.from_json(await self._call("GET", "/chat/texts"))

    async def save_texts(self, texts: ChatTexts) -> ChatTexts:
        """Replace the texts; `texts.version` is the version they were edited from. Raises
        `TextsConflict` when someone saved after that."""
        return ChatTexts.from_json(await self._call("PUT", "/chat/texts", texts.as_json()))

    async def load_schedule(self) -> WeeklySchedule:
        answer = await self._call("GET", "/chat/schedule")
        return schedule_from_json(answer.get("schedule") or {})

    async def set_open(self, day: date, open_: bool) -> WeeklySchedule:
        """Open `day` (a public holiday after all) or close it; the schedule as it is now."""
        answer = await self._call("PUT", f"/chat/open-days/{day.isoformat()}", {"open": open_})
        return schedule_from_json(answer.get("schedule") or {})


class DayState(StrEnum):
    #: Open by the weekly hours (an ordinary day, or a holiday while holidays stay open).
    OPEN = "open"
    #: A public holiday opened by hand.
    OPENED = "opened"
    #: Closed for a public holiday.
    HOLIDAY = "holiday"
    #: Closed by hand (a training day, an outage announced in advance).
    CLOSED = "closed"
    #: No opening hours on this weekday at all.
    NO_HOURS = "no_hours"


@dataclass(frozen=True)
class OpenDay:
    day: date
    #: The public holiday's name (Dutch), or "".
    holiday: str
    state: DayState
    #: The hours the chat is open that day (none when closed).
    windows: tuple[Window, ...]
    #: The weekly hours of that weekday, whatever the day's state.
    weekly: tuple[Window, ...]

    @property
    def is_open(self) -> bool:
        return bool(self.windows)

    @property
    def may_open(self) -> bool:
        """Opening changes something: the day is closed by hand or for a holiday and its
        weekday has opening hours (opening adds no hours)."""
        return self.state in (DayState.HOLIDAY, DayState.CLOSED) and bool(self.weekly)

    @property
    def may_close(self) -> bool:
        return self.state in (DayState.OPEN, DayState.OPENED)


def open_days(schedule: WeeklySchedule, today: date, horizon_days: int = 366) -> list[OpenDay]:
    """The coming public holidays (from `today`, within `horizon_days`) and every date from
    `today` on that was opened or closed by hand, in date order."""
    last = today + timedelta(days=horizon_days)
    names: dict[date, str] = {}
    for year in range(today.year, last.year + 1):
        for day, name in dutch_public_holidays(year).items():
            if today <= day <= last:
                names[day] = name
    wanted = set(names) | {d for d in schedule.opened_dates | schedule.closed_dates if d >= today}
    rows: list[OpenDay] = []
    for day in sorted(wanted):
        name = names.get(day) or dutch_public_holidays(day.year).get(day, "")
        weekly = tuple(schedule.windows.get(day.weekday(), ()))
        windows = schedule.windows_on(day)
        if day in schedule.closed_dates:
            state = DayState.CLOSED
        elif schedule.holiday(day):
            state = DayState.HOLIDAY
        elif not weekly:
            state = DayState.NO_HOURS
        elif name and day in schedule.opened_dates and schedule.closed_on_public_holidays:
            state = DayState.OPENED
        else:
            state = DayState.OPEN
        rows.append(OpenDay(day, name, state, windows, weekly))
    return rows
