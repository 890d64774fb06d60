"""The forum's rules: what a post is, how it is screened, when it will appear.

Youths post topics, replies and "my story" texts; nothing appears before a screener of the
institution on forum duty has decided on it in one of the two daily screening rounds.
Posts are published exactly as typed (spelling is never corrected); an edit is allowed only
with a reason and is kept as a visible word diff. This module is pure: the server and the
console's screening view share it, so both mark personal data the same way and agree on
when a post submitted now will appear.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from typing import Literal
from zoneinfo import ZoneInfo

from console.domain.hours import AMSTERDAM, local_day

MAX_TITLE_CHARS = 120
MAX_BODY_CHARS = 5000
#: A decider may take their decision back for this long.
UNDO_SECONDS = 120
#: A claim lapses after this many seconds without being renewed.
CLAIM_IDLE_SECONDS = 300


class PostKind(StrEnum):
    TOPIC = "topic"
    REPLY = "reply"
    STORY = "story"


class PostStatus(StrEnum):
    PENDING = "pending"
    HELD = "held"
    ESCALATED = "escalated"
    PUBLISHED = "published"
    REJECTED = "rejected"


#: Statuses a screener may still decide on (held and escalated ones come back to a round).
OPEN_STATUSES = frozenset({PostStatus.PENDING, PostStatus.HELD, PostStatus.ESCALATED})


class Decision(StrEnum):
    PUBLISH = "publish"
    EDIT = "edit"
    REJECT = "reject"
    HOLD = "hold"
    ESCALATE = "escalate"


class EditReason(StrEnum):
    GLORIFIES = "glorifies"
    PERSONAL_DATA = "personal_data"
    METHOD_DETAILS = "method_details"
    OTHER = "other"


class RejectReason(StrEnum):
    DISRESPECTFUL = "disrespectful"
    NOT_SERIOUS = "not_serious"
    PERSONAL_DATA = "personal_data"
    OTHER = "other"


class RoundState(StrEnum):
    UPCOMING = "upcoming"
    OPEN = "open"
    CLOSED = "closed"
    MISSED = "missed"


#: The status a post gets from each decision.
STATUS_AFTER: dict[Decision, PostStatus] = {
    Decision.PUBLISH: PostStatus.PUBLISHED,
    Decision.EDIT: PostStatus.PUBLISHED,
    Decision.REJECT: PostStatus.REJECTED,
    Decision.HOLD: PostStatus.HELD,
    Decision.ESCALATE: PostStatus.ESCALATED,
}

#: Default reasons with their Dutch labels (the lists are admin-editable in the settings).
DEFAULT_EDIT_REASONS: tuple[tuple[str, str], ...] = (
    (EditReason.GLORIFIES.value, "Verheerlijkt of promoot destructief gedrag"),
    (EditReason.PERSONAL_DATA.value, "Persoonsgegevens"),
    (EditReason.METHOD_DETAILS.value, "Details over methoden"),
    (EditReason.OTHER.value, "Anders (toelichting verplicht)"),
)
DEFAULT_REJECT_REASONS: tuple[tuple[str, str], ...] = (
    (RejectReason.DISRESPECTFUL.value, "Respectloos"),
    (RejectReason.NOT_SERIOUS.value, "Niet serieus of spam"),
    (RejectReason.PERSONAL_DATA.value, "Persoonsgegevens"),
    (RejectReason.OTHER.value, "Anders (toelichting verplicht)"),
)
EDIT_REASON_KEYS: tuple[str, ...] = tuple(key for key, _label in DEFAULT_EDIT_REASONS)
REJECT_REASON_KEYS: tuple[str, ...] = tuple(key for key, _label in DEFAULT_REJECT_REASONS)
#: A reason that always needs a remark saying what it was.
OTHER_REASON = "other"


def decision_problems(
    decision: Decision,
    reason: str | None,
    remark: str | None,
    changed: bool,
    edit_reasons: Iterable[str] = EDIT_REASON_KEYS,
    reject_reasons: Iterable[str] = REJECT_REASON_KEYS,
) -> list[dict[str, str]]:
    """What is wrong with a decision, as `{"field", "message"}` items (empty: fine).

    `changed`: whether an edit actually changes the title or body. An edit needs a reason
    (and a remark for "other") and a change; a rejection needs a reason (remark for
    "other"); the other decisions take an optional remark only.
    """
    problems: list[dict[str, str]] = []
    has_remark = bool(remark and remark.strip())
    if decision in (Decision.EDIT, Decision.REJECT):
        allowed = set(edit_reasons if decision is Decision.EDIT else reject_reasons)
        if not reason:
            problems.append({"field": "reason", "message": "A reason is required."})
        elif reason not in allowed:
            problems.append(
                {"field": "reason", "message": f"Unknown reason; use one of {sorted(allowed)}."}
            )
        elif reason == OTHER_REASON and not has_remark:
            problems.append({"field": "remark", "message": "Reason 'other' needs a remark."})
        if decision is Decision.EDIT and not changed:
            problems.append(
                {"field": "body", "message": "An edit must change the title or the text."}
            )
    elif reason:
        problems.append({"field": "reason", "message": f"A {decision.value} takes no reason."})
    return problems


# --- screening rounds ----------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class RoundWindow:
    """A daily screening window in Dutch local time (start before end, within one day)."""

    start: time
    end: time

    def __post_init__(self) -> None:
        if not self.start < self.end:
            raise ValueError(f"a round window starts before it ends: {self.label}")

    @classmethod
    def of(cls, start: str, end: str) -> RoundWindow:
        return cls(time.fromisoformat(start), time.fromisoformat(end))

    @property
    def label(self) -> str:
        return f"{self.start:%H:%M}-{self.end:%H:%M}"

    def to_json(self) -> dict[str, str]:
        return {"start": f"{self.start:%H:%M}", "end": f"{self.end:%H:%M}"}

    def bounds(self, day: date, zone: ZoneInfo = AMSTERDAM) -> tuple[datetime, datetime]:
        """The window on local `day`, as aware UTC instants."""
        start = datetime.combine(day, self.start, tzinfo=zone).astimezone(UTC)
        end = datetime.combine(day, self.end, tzinfo=zone).astimezone(UTC)
        return start, end


DEFAULT_WINDOWS: tuple[RoundWindow, ...] = (
    RoundWindow(time(10, 0), time(12, 0)),
    RoundWindow(time(16, 0), time(18, 0)),
)


def expected_by(
    now: datetime,
    windows: Sequence[RoundWindow] = DEFAULT_WINDOWS,
    holidays: Iterable[date] = (),
    zone: ZoneInfo = AMSTERDAM,
    look_ahead_days: int = 14,
) -> datetime:
    """The end of the round window in which a post submitted `now` is screened (UTC).

    Inside a window: that window's end (posts arriving during an open round join it).
    Otherwise the end of the next window. Windows run every day, weekends included,
    except on the given `holidays` (days without rounds).
    """
    if not windows:
        raise ValueError("at least one round window is needed")
    skip = frozenset(holidays)
    day = local_day(now, zone)
    for offset in range(look_ahead_days + 1):
        current = day + timedelta(days=offset)
        if current in skip:
            continue
        for window in sorted(windows):
            _start, end = window.bounds(current, zone)
            if now < end:
                return end
    raise ValueError(f"no round window within {look_ahead_days} days")


def duty_institution(day: date, rotation: Sequence[int]) -> int | None:
    """The institution on forum duty on `day`: rotation[days since 1970-01-01 % len]."""
    if not rotation:
        return None
    return rotation[(day - date(1970, 1, 1)).days % len(rotation)]


# --- marks: personal data and danger words ---------------------------------------------

MarkKind = Literal["phone", "email", "postcode", "address", "url", "danger"]


@dataclass(frozen=True, order=True)
class Mark:
    """`text[start:end]` is personal data or a danger word (half-open, in characters)."""

    start: int
    end: int
    kind: MarkKind


DEFAULT_DANGER_WORDS: tuple[str, ...] = (
    "suïcide",
    "suicidaal",
    "zelfmoord",
    "zelfdoding",
    "zelfbeschadiging",
    "zelfverwonding",
    "snijden",
    "krassen",
    "dood willen",
    "dood gaan",
    "niet meer leven",
    "ophangen",
    "overdosis",
    "pillen slikken",
    "van een brug",
    "voor de trein",
    "einde maken",
    "mishandeld",
    "misbruikt",
    "verkracht",
)

_PHONE = re.compile(
    r"(?<![\w+])(?:\+31[\s.-]?(?:\(0\)[\s.-]?)?|0031[\s.-]?|0)[1-9](?:[\s.-]?\d){8}(?!\d)"
)
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_POSTCODE = re.compile(r"(?<!\w)[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}(?!\w)")
_STREET_SUFFIXES = (
    "straat|laan|weg|plein|gracht|kade|singel|dijk|dreef|hof|pad|steeg|markt|park|"
    "hout|baan|boulevard|ring|wal|veld|akker|erf|haven|burcht|plantsoen|hoven|berg"
)
#: Words that often open a two-word street name ("Lange Voorhout", "Prins Hendrikkade").
_STREET_PREFIXES = (
    "Lange|Korte|Oude|Nieuwe|Grote|Kleine|Hoge|Lage|Sint|Van|De|Den|Burgemeester|Prins|"
    "Prinses|Koning|Koningin|Dokter|Generaal|Kapitein|Pastoor|Zuid|Noord|Oost|West"
)
_ADDRESS = re.compile(
    r"(?<!\w)(?:(?:" + _STREET_PREFIXES + r")\s+)?[\w'-]*(?i:" + _STREET_SUFFIXES + r")"
    r"\s+\d{1,5}(?:[\s-]?[a-zA-Z](?!\w))?(?!\w)"
)
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"']+", re.IGNORECASE)
_DOMAIN = re.compile(
    r"(?<![\w@.-])[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9-]+)*"
    r"\.(?:nl|com|org|net|be|eu|info|io|de|tv|me|app|co|uk|fr|biz|online|xyz)"
    r"(?:/[^\s<>\"']*)?(?![\w-])",
    re.IGNORECASE,
)
_TRAILING = ".,;:!?)]}'\""

#: When marks overlap, the earlier kind in this order wins.
_PRIORITY: tuple[MarkKind, ...] = ("email", "url", "phone", "postcode", "address", "danger")


def _folded(text: str) -> tuple[str, list[int]]:
    """`text` without accents, case-folded, and for each folded character its origin."""
    out: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        for part in unicodedata.normalize("NFKD", char):
            if unicodedata.combining(part):
                continue
            for folded in part.casefold():
                out.append(folded)
                origin.append(index)
    return "".join(out), origin


def _danger_pattern(words: Iterable[str]) -> re.Pattern[str] | None:
    parts = []
    for word in words:
        folded, _ = _folded(word.strip())
        pieces = [re.escape(p) for p in folded.split()]
        if pieces:
            parts.append(r"\s+".join(pieces))
    if not parts:
        return None
    parts.sort(key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")\w*")


def find_marks(text: str, danger_words: Iterable[str] = DEFAULT_DANGER_WORDS) -> list[Mark]:
    """Personal data (phone, e-mail, postcode, street address, URL) and danger words.

    Danger words match case- and accent-insensitively as word prefixes ("zelfmoord" marks
    "Zelfmoordgedachten" whole). Overlapping marks are resolved by kind (an e-mail address
    is not also a URL). Sorted by position.
    """
    found: dict[MarkKind, list[Mark]] = {kind: [] for kind in _PRIORITY}
    for match in _EMAIL.finditer(text):
        found["email"].append(Mark(match.start(), match.end(), "email"))
    for pattern in (_URL, _DOMAIN):
        for match in pattern.finditer(text):
            end = match.end()
            while end > match.start() and text[end - 1] in _TRAILING:
                end -= 1
            if end > match.start():
                found["url"].append(Mark(match.start(), end, "url"))
    for match in _PHONE.finditer(text):
        found["phone"].append(Mark(match.start(), match.end(), "phone"))
    for match in _POSTCODE.finditer(text):
        found["postcode"].append(Mark(match.start(), match.end(), "postcode"))
    for match in _ADDRESS.finditer(text):
        found["address"].append(Mark(match.start(), match.end(), "address"))
    danger = _danger_pattern(danger_words)
    if danger is not None:
        folded, origin = _folded(text)
        for match in danger.finditer(folded):
            start = origin[match.start()]
            end = origin[match.end() - 1] + 1
            found["danger"].append(Mark(start, end, "danger"))
    accepted: list[Mark] = []
    for kind in _PRIORITY:
        for mark in found[kind]:
            if not any(mark.start < a.end and a.start < mark.end for a in accepted):
                accepted.append(mark)
    return sorted(accepted)


# --- edits -------------------------------------------------------------------------------

DiffOp = Literal["=", "-", "+"]

_TOKENS = re.compile(r"\s+|\w+|[^\w\s]")
_WORDS = re.compile(r"\w+")


def _tokens(text: str) -> list[str]:
    return _TOKENS.findall(text)


def word_diff(before: str, after: str) -> list[tuple[DiffOp, str]]:
    """The visible diff of an edit, by words: ("=", kept), ("-", removed), ("+", added).

    The "=" and "-" parts joined give `before`, the "=" and "+" parts give `after`.
    """
    old, new = _tokens(before), _tokens(after)
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    result: list[tuple[DiffOp, str]] = []

    def add(op: DiffOp, parts: list[str]) -> None:
        piece = "".join(parts)
        if not piece:
            return
        if result and result[-1][0] == op:
            result[-1] = (op, result[-1][1] + piece)
        else:
            result.append((op, piece))

    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            add("=", old[i1:i2])
        else:
            add("-", old[i1:i2])
            add("+", new[j1:j2])
    return result


def _distance(a: str, b: str) -> int:
    """Levenshtein distance with adjacent transpositions counted as one edit."""
    rows = [list(range(len(b) + 1))]
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            row[j] = min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], rows[i - 2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]


def only_spelling_changed(before: str, after: str) -> bool:
    """True when an edit changes nothing but case, punctuation, whitespace or spelling.

    Spelling is never corrected on the forum, so the console warns on such an edit. A
    word counts as a spelling change when it is within a small edit distance of the word
    it replaces (one edit per four letters, at least one).
    """
    old = [w.casefold() for w in _WORDS.findall(before)]
    new = [w.casefold() for w in _WORDS.findall(after)]
    if old == new:
        return True
    if len(old) != len(new):
        return False
    for a, b in zip(old, new, strict=True):
        if a == b:
            continue
        if _distance(a, b) > max(1, max(len(a), len(b)) // 4):
            return False
    return True


# --- youth input -------------------------------------------------------------------------


def control_characters(text: str) -> list[int]:
    """Positions of control characters other than newline and tab (refused in posts)."""
    return [i for i, c in enumerate(text) if c not in "\n\t" and unicodedata.category(c) == "Cc"]
