"""The chat's own rules: its states, the 45-minute clock, the five phases, the registration
and the youth's survey. Shared by the server (which enforces them) and the console.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum

#: A chat lasts at most this long; the helper scopes the problem to fit.
CHAT_LIMIT = timedelta(minutes=45)
#: The clock warns at these moments.
WARNINGS = (timedelta(minutes=35), timedelta(minutes=40))
#: How long a chat stays with a helper (or waits for a youth) whose connection dropped.
GRACE = timedelta(minutes=5)
#: How long a closed tab can rejoin its chat with the resume code.
RESUME_WINDOW = timedelta(minutes=15)
#: The longest chat message, in characters.
MAX_MESSAGE_CHARS = 4000
#: Free-text fields of a registration or survey.
MAX_REMARK_CHARS = 2000


class ChatState(StrEnum):
    WAITING = "waiting"
    ACTIVE = "active"
    HELPER_RECONNECTING = "helper_reconnecting"
    ENDED = "ended"


class EndReason(StrEnum):
    HELPER = "helper"
    NOT_SERIOUS = "not_serious"
    YOUTH = "youth"
    #: The youth did not come back within the grace window.
    YOUTH_GONE = "youth_gone"
    #: The youth left before anybody took the chat.
    ABANDONED = "abandoned"


class Phase(StrEnum):
    """The five phases of the conversation method, in order."""

    WELCOME = "welcome"
    CLARIFY = "clarify"
    GOAL = "goal"
    WORK_OUT = "work_out"
    CLOSE = "close"


PHASES: tuple[Phase, ...] = tuple(Phase)


class ClockLevel(StrEnum):
    NORMAL = "normal"
    #: 35 minutes: start closing the circle.
    FIRST_WARNING = "first_warning"
    #: 40 minutes: five minutes left.
    LAST_WARNING = "last_warning"
    #: Past 45 minutes.
    OVERRUN = "overrun"


@dataclass(frozen=True)
class ClockReading:
    level: ClockLevel
    elapsed: timedelta
    #: Negative once the chat overruns.
    remaining: timedelta


def read_clock(elapsed: timedelta) -> ClockReading:
    """Where a chat that has run `elapsed` stands against the 45-minute limit."""
    elapsed = max(elapsed, timedelta(0))
    if elapsed > CHAT_LIMIT:
        level = ClockLevel.OVERRUN
    elif elapsed >= WARNINGS[1]:
        level = ClockLevel.LAST_WARNING
    elif elapsed >= WARNINGS[0]:
        level = ClockLevel.FIRST_WARNING
    else:
        level = ClockLevel.NORMAL
    return ClockReading(level=level, elapsed=elapsed, remaining=CHAT_LIMIT - elapsed)


class TargetGroup(StrEnum):
    IN_TARGET = "in_target"
    OVER_20 = "over_20"
    PARENT = "parent"
    PROFESSIONAL = "professional"
    OTHER = "other"


class ReferralKind(StrEnum):
    NONE = "none"
    #: The youth contacts the GP or youth-care bureau themselves.
    COLD = "cold"
    #: With the youth's consent, the helper contacts the service.
    WARM = "warm"


class Understood(StrEnum):
    YES = "yes"
    PARTLY = "partly"
    NO = "no"


class Helped(StrEnum):
    GOOD = "good"
    FAIRLY_GOOD = "fairly_good"
    MODERATE = "moderate"
    NOT_GOOD = "not_good"


@dataclass(frozen=True)
class Taxonomy:
    """Themes and their subtopics, in the order given."""

    themes: Mapping[str, Sequence[str]]

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> Taxonomy:
        """From `{"themes": [{"name", "subtopics": [...]}, ...]}` (shared/data/taxonomy.json)."""
        themes: dict[str, tuple[str, ...]] = {}
        raw = data.get("themes")
        if not isinstance(raw, list):
            raise ValueError("taxonomy: 'themes' must be a list")
        for entry in raw:
            if not isinstance(entry, dict):
                raise ValueError("taxonomy: every theme must be an object")
            name = entry.get("name")
            subs = entry.get("subtopics")
            if not isinstance(name, str) or not isinstance(subs, list):
                raise ValueError("taxonomy: a theme needs a name and a list of subtopics")
            themes[name] = tuple(str(s) for s in subs)
        return cls(themes)

    def to_json(self) -> dict[str, object]:
        return {"themes": [{"name": n, "subtopics": list(s)} for n, s in self.themes.items()]}

    def has(self, theme: str, subtopic: str | None) -> bool:
        if theme not in self.themes:
            return False
        return subtopic is None or subtopic in self.themes[theme]

    def search(self, text: str) -> list[tuple[str, str]]:
        """(theme, subtopic) pairs whose subtopic or theme contains every word of `text`."""
        words = [_fold(w) for w in text.split()]
        found: list[tuple[str, str]] = []
        for theme, subtopics in self.themes.items():
            for sub in subtopics:
                hay = _fold(f"{sub} {theme}")
                if all(w in hay for w in words):
                    found.append((theme, sub))
        return found


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True)
class Registration:
    """What the helper records after every chat (anonymous, kept for statistics)."""

    theme: str
    subtopic: str | None
    seemed_serious: bool
    target_group: TargetGroup
    referral: ReferralKind = ReferralKind.NONE
    referred_to: str = ""
    crisis: bool = False
    phases_completed: tuple[Phase, ...] = ()
    remark: str = ""

    def problems(self, taxonomy: Taxonomy) -> list[str]:
        """The names of the fields that are not right; empty when it can be saved."""
        wrong: list[str] = []
        if not taxonomy.has(self.theme, self.subtopic):
            wrong.append("theme" if self.theme not in taxonomy.themes else "subtopic")
        if self.referral is not ReferralKind.NONE and not self.referred_to.strip():
            wrong.append("referred_to")
        if len(self.referred_to) > 200:
            wrong.append("referred_to")
        if len(self.remark) > MAX_REMARK_CHARS:
            wrong.append("remark")
        if len(set(self.phases_completed)) != len(self.phases_completed):
            wrong.append("phases_completed")
        return wrong


@dataclass(frozen=True)
class Survey:
    """The youth's optional survey after the chat; every field may stay empty."""

    age: int | None = None
    gender: str = ""
    country_father: str = ""
    country_mother: str = ""
    understood: Understood | None = None
    helped: Helped | None = None
    comment: str = ""

    def problems(self) -> list[str]:
        wrong: list[str] = []
        if self.age is not None and not 8 <= self.age <= 99:
            wrong.append("age")
        for name in ("gender", "country_father", "country_mother"):
            if len(getattr(self, name)) > 100:
                wrong.append(name)
        if len(self.comment) > MAX_REMARK_CHARS:
            wrong.append("comment")
        return wrong


@dataclass(frozen=True)
class ReferralDraft:
    """A referral from a chat. Contact details only for a warm referral the youth agreed to;
    the server keeps them apart from the chat, encrypted, and destroys them when the
    referral is closed (or after the configured maximum)."""

    kind: ReferralKind
    service: str
    consent: bool = False
    contact_name: str = ""
    contact_phone: str = ""
    contact_email: str = ""
    note: str = ""

    def has_contact(self) -> bool:
        return any(s.strip() for s in (self.contact_name, self.contact_phone, self.contact_email))

    def problems(self) -> list[str]:
        wrong: list[str] = []
        if self.kind is ReferralKind.NONE:
            wrong.append("kind")
        if not self.service.strip() or len(self.service) > 200:
            wrong.append("service")
        if self.has_contact() and not (self.kind is ReferralKind.WARM and self.consent):
            # Contact details are only taken for a warm referral the youth agreed to.
            wrong.append("consent")
        if self.kind is ReferralKind.WARM and self.consent and not self.has_contact():
            wrong.append("contact")
        for name in ("contact_name", "contact_phone", "contact_email"):
            if len(getattr(self, name)) > 200:
                wrong.append(name)
        if len(self.note) > MAX_REMARK_CHARS:
            wrong.append("note")
        return wrong
