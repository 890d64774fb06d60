"""Opening hours of the chat: a weekly schedule in Dutch local time, closed on public holidays.

Defaults follow the service: Monday to Friday 16:00-18:00, closed on Dutch public
holidays unless a coordinator opens that day. In the last quarter hour a youth who arrives
is told only a short talk is possible. Chats running at closing time continue; that is the
chat service's business, not the schedule's: `status` only says whether NEW chats may start.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

MINUTES_PER_DAY = 24 * 60


@dataclass(frozen=True)
class Window:
    """Open from `start` to `end`, minutes after local midnight (end 1440 is midnight)."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end <= MINUTES_PER_DAY:
            raise ValueError(f"a window runs within one day, start before end: {self}")

    @classmethod
    def of(cls, start: str, end: str) -> Window:
        def minutes(text: str) -> int:
            if text == "24:00":
                return MINUTES_PER_DAY
            parsed = time.fromisoformat(text)
            return parsed.hour * 60 + parsed.minute

        return cls(minutes(start), minutes(end))


@dataclass(frozen=True)
class ChatStatus:
    open: bool
    short_chat_only: bool
    #: When the current window closes (if open) or None.
    closes_at: datetime | None
    #: When the next window opens (if closed), within the look-ahead, or None.
    opens_at: datetime | None
    #: The name of today's public holiday, if the chat is closed for it.
    holiday: str | None = None


#: The service's own time zone: its opening hours, roster days and forum rounds are
#: Dutch days, whatever clock a workstation or test machine keeps.
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def local_day(moment: datetime, zone: ZoneInfo = AMSTERDAM) -> date:
    """The Dutch calendar day of an aware instant."""
    if moment.tzinfo is None:
        raise ValueError("an aware datetime is needed")
    return moment.astimezone(zone).date()


@lru_cache(maxsize=32)
def dutch_public_holidays(year: int) -> Mapping[date, str]:
    """Dutch public holidays of `year` (the `holidays` package's public category)."""
    import holidays  # imported late: only the chat's hours need it

    return dict(holidays.country_holidays("NL", years=year, language="nl"))


@dataclass(frozen=True)
class WeeklySchedule:
    #: Weekday (0 = Monday) to that day's windows, in local time.
    windows: Mapping[int, tuple[Window, ...]]
    timezone: str = "Europe/Amsterdam"
    closed_on_public_holidays: bool = True
    #: Public holidays a coordinator opened anyway.
    opened_dates: frozenset[date] = field(default_factory=frozenset)
    #: Extra closures (a staff day, an outage announced in advance).
    closed_dates: frozenset[date] = field(default_factory=frozenset)
    short_chat_minutes: int = 15

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def holiday(self, day: date) -> str | None:
        """The reason `day` is closed for a holiday, or None."""
        if day in self.opened_dates or not self.closed_on_public_holidays:
            return None
        return dutch_public_holidays(day.year).get(day)

    def windows_on(self, day: date) -> tuple[Window, ...]:
        if day in self.closed_dates or self.holiday(day):
            return ()
        return self.windows.get(day.weekday(), ())

    def _at(self, day: date, minutes: int) -> datetime:
        """Wall-clock time on `day`: on the days the clocks change, 16:00 stays 16:00."""
        if minutes == MINUTES_PER_DAY:
            day, minutes = day + timedelta(days=1), 0
        return datetime.combine(day, time(minutes // 60, minutes % 60), tzinfo=self.zone)

    def status(self, now: datetime, look_ahead_days: int = 14) -> ChatStatus:
        """Whether a new chat may start at `now` (an aware datetime), and the times around it."""
        if now.tzinfo is None:
            raise ValueError("now must carry a time zone")
        local = now.astimezone(self.zone)
        day = local.date()
        minute = local.hour * 60 + local.minute + local.second / 60
        for window in self.windows_on(day):
            if window.start <= minute < window.end:
                closes_at = self._at(day, window.end)
                short = closes_at - now <= timedelta(
                    minutes=self.short_chat_minutes
                ) and not self._continues(closes_at)
                return ChatStatus(True, short, closes_at, None)
        return ChatStatus(
            False, False, None, self.next_opening(now, look_ahead_days), self.holiday(day)
        )

    def _continues(self, moment: datetime) -> bool:
        """Whether another window starts exactly when one ends (open around midnight)."""
        local = moment.astimezone(self.zone)
        minute = local.hour * 60 + local.minute
        return any(w.start <= minute < w.end for w in self.windows_on(local.date()))

    def next_opening(self, now: datetime, look_ahead_days: int = 14) -> datetime | None:
        local = now.astimezone(self.zone)
        for offset in range(look_ahead_days + 1):
            day = local.date() + timedelta(days=offset)
            for window in sorted(self.windows_on(day), key=lambda w: w.start):
                start = self._at(day, window.start)
                if start > now:
                    return start
        return None


WEEKDAYS = range(5)

#: The service's production default: weekdays 16:00-18:00.
DEFAULT_SCHEDULE = WeeklySchedule({d: (Window.of("16:00", "18:00"),) for d in WEEKDAYS})

#: For the demo: open around the clock, every day, holidays included.
ALWAYS_OPEN = WeeklySchedule(
    {d: (Window(0, MINUTES_PER_DAY),) for d in range(7)}, closed_on_public_holidays=False
)
