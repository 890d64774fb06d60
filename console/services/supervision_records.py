"""Supervision's records as the console reads them from the wire: small frozen dataclasses
for trainees' progress, sign-offs, reviews, observations, meetings and case notes. Pure
parsing, no I/O (the service is `console.services.supervision`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from fractions import Fraction
from typing import Any

from console.domain.readiness import Criterion

NOTE_FIELDS = ("case", "question", "questions_and_advice", "approach", "follow_up")


# --------------------------------------------------------------------------- parsing
def _date(value: object) -> date | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _time(value: object) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


def _fraction(value: object) -> Fraction | None:
    if value is None or value == "":
        return None
    try:
        return Fraction(str(value))
    except (ValueError, ZeroDivisionError):
        return None


def _list(value: object) -> list[dict[str, Any]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _dict(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


@dataclass(frozen=True)
class CriterionState:
    """One criterion of the rule: met or not, what the trainee has and what is needed."""

    criterion: Criterion
    met: bool
    have: str
    need: str
    #: Training: the route ("national", "alternative") or the missing parts.
    detail: tuple[str, ...] = ()
    average: Fraction | None = None


def parse_criteria(data: object) -> tuple[CriterionState, ...]:
    """A readiness snapshot (`{"training": {"met": …}, …}`) in the rule's order."""
    raw = _dict(data)
    found = []
    for criterion in Criterion:
        item = raw.get(criterion.value)
        if not isinstance(item, dict):
            continue
        found.append(
            CriterionState(
                criterion,
                bool(item.get("met")),
                str(item.get("have", "")),
                str(item.get("need", "")),
                tuple(str(d) for d in item.get("detail") or []),
                _fraction(item.get("average")),
            )
        )
    return tuple(found)


@dataclass(frozen=True)
class Rule:
    supervised_shifts: int = 10
    reviews: int = 3
    review_average: Fraction = Fraction(3)
    intervisions: int = 1
    role_plays: int = 3

    @classmethod
    def from_json(cls, data: object) -> Rule:
        raw = _dict(data)
        return cls(
            int(raw.get("supervised_shifts", 10)),
            int(raw.get("reviews", 3)),
            _fraction(raw.get("review_average")) or Fraction(3),
            int(raw.get("intervisions", 1)),
            int(raw.get("role_plays", 3)),
        )


@dataclass(frozen=True)
class TraineeSummary:
    id: int
    display_name: str
    institution_id: int
    stage: str
    ready: bool
    signed_off: bool
    criteria: tuple[CriterionState, ...]

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> TraineeSummary:
        return cls(
            id=int(data["id"]),
            display_name=str(data.get("display_name") or data["id"]),
            institution_id=int(data.get("institution_id") or 0),
            stage=str(data.get("stage") or ""),
            ready=bool(data.get("ready")),
            signed_off=bool(data.get("signed_off")),
            criteria=parse_criteria(data.get("criteria")),
        )


@dataclass(frozen=True)
class TrainingRecord:
    national_date: date | None = None
    national_trainer: str = ""
    kindertelefoon_date: date | None = None
    role_plays: int = 0
    binder_read: bool = False
    refreshers: Mapping[str, date | None] | None = None
    version: int = 0

    @classmethod
    def from_json(cls, data: object) -> TrainingRecord:
        raw = _dict(data)
        return cls(
            national_date=_date(raw.get("national_date")),
            national_trainer=str(raw.get("national_trainer") or ""),
            kindertelefoon_date=_date(raw.get("kindertelefoon_date")),
            role_plays=int(raw.get("role_plays") or 0),
            binder_read=bool(raw.get("binder_read")),
            refreshers={str(k): _date(v) for k, v in _dict(raw.get("refreshers")).items()},
            version=int(raw.get("version") or 0),
        )


@dataclass(frozen=True)
class SignOff:
    id: int
    signed_by: int
    signed_at: datetime | None
    remark: str
    review_date: date | None
    criteria: tuple[CriterionState, ...]
    revoked_at: datetime | None = None
    revoked_by: int | None = None
    revoke_reason: str = ""

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> SignOff:
        revoked_by = data.get("revoked_by")
        return cls(
            id=int(data["id"]),
            signed_by=int(data.get("signed_by") or 0),
            signed_at=_time(data.get("signed_at")),
            remark=str(data.get("remark") or ""),
            review_date=_date(data.get("review_date")),
            criteria=parse_criteria(data.get("criteria")),
            revoked_at=_time(data.get("revoked_at")),
            revoked_by=None if revoked_by is None else int(revoked_by),
            revoke_reason=str(data.get("revoke_reason") or ""),
        )


@dataclass(frozen=True)
class ReviewInfo:
    id: int
    trainee_id: int
    reviewer_id: int
    chat_ref: str
    scores: Mapping[str, int]
    average: Fraction
    comment: str
    calibration: bool
    released: bool
    created_at: datetime | None
    version: int
    #: Whether it counts for the rule (only in a trainee's record).
    counted: bool | None = None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ReviewInfo:
        counted = data.get("counted")
        return cls(
            id=int(data["id"]),
            trainee_id=int(data.get("trainee_id") or 0),
            reviewer_id=int(data.get("reviewer_id") or 0),
            chat_ref=str(data.get("chat_ref") or ""),
            scores={str(k): int(v) for k, v in _dict(data.get("scores")).items()},
            average=_fraction(data.get("average")) or Fraction(0),
            comment=str(data.get("comment") or ""),
            calibration=bool(data.get("calibration")),
            released=bool(data.get("released")),
            created_at=_time(data.get("created_at")),
            version=int(data.get("version") or 0),
            counted=None if counted is None else bool(counted),
        )


@dataclass(frozen=True)
class Observation:
    id: int
    observer: str
    chat_ref: str
    level: int
    strengths: str
    points: str
    at: datetime | None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Observation:
        return cls(
            id=int(data["id"]),
            observer=str(data.get("observer") or ""),
            chat_ref=str(data.get("chat_ref") or ""),
            level=int(data.get("level") or 0),
            strengths=str(data.get("strengths") or ""),
            points=str(data.get("points") or ""),
            at=_time(data.get("at")),
        )


@dataclass(frozen=True)
class TraineeRecord:
    summary: TraineeSummary
    rule: Rule
    training: TrainingRecord
    supervised_shifts: int
    intervisions_attended: int
    observations: tuple[Observation, ...]
    #: Released reviews only (the server never sends the others to a record).
    reviews: tuple[ReviewInfo, ...]
    signoff: SignOff | None
    #: Every sign-off, oldest first, revoked ones included.
    signoffs: tuple[SignOff, ...]

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> TraineeRecord:
        signoff = data.get("signoff")
        return cls(
            summary=TraineeSummary.from_json(data),
            rule=Rule.from_json(data.get("rule")),
            training=TrainingRecord.from_json(data.get("training")),
            supervised_shifts=int(data.get("supervised_shifts") or 0),
            intervisions_attended=int(data.get("intervisions_attended") or 0),
            observations=tuple(Observation.from_json(o) for o in _list(data.get("observations"))),
            reviews=tuple(ReviewInfo.from_json(r) for r in _list(data.get("reviews"))),
            signoff=SignOff.from_json(signoff) if isinstance(signoff, dict) else None,
            signoffs=tuple(SignOff.from_json(s) for s in _list(data.get("signoffs"))),
        )

    @property
    def id(self) -> int:
        return self.summary.id

    @property
    def last_revoked(self) -> SignOff | None:
        """The latest sign-off when it was revoked (and none is in force)."""
        if self.signoff is not None or not self.signoffs:
            return None
        last = self.signoffs[-1]
        return last if last.revoked_at is not None else None


@dataclass(frozen=True)
class Participant:
    user_id: int
    display_name: str
    institution_id: int
    attended: bool | None


@dataclass(frozen=True)
class Meeting:
    id: int
    day: date
    institution_id: int | None
    method: str
    created_by: int
    version: int
    participants: tuple[Participant, ...]

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Meeting:
        inst = data.get("institution_id")
        return cls(
            id=int(data["id"]),
            day=_date(data.get("day")) or date.min,
            institution_id=None if inst is None else int(inst),
            method=str(data.get("method") or "free"),
            created_by=int(data.get("created_by") or 0),
            version=int(data.get("version") or 0),
            participants=tuple(
                Participant(
                    int(p["user_id"]),
                    str(p.get("display_name") or p["user_id"]),
                    int(p.get("institution_id") or 0),
                    None if p.get("attended") is None else bool(p.get("attended")),
                )
                for p in _list(data.get("participants"))
            ),
        )

    def name_of(self, user_id: int) -> str:
        for p in self.participants:
            if p.user_id == user_id:
                return p.display_name
        return str(user_id)


@dataclass(frozen=True)
class ActionItem:
    text: str
    owner_id: int
    due: date | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "owner_id": self.owner_id,
            "due": None if self.due is None else self.due.isoformat(),
        }


@dataclass(frozen=True)
class Quote:
    chat_ref: str
    text: str
    #: The kinds the server masked ("name", "phone", …), when read back.
    masked: tuple[str, ...] = ()


@dataclass(frozen=True)
class Note:
    id: int
    meeting_id: int
    author_id: int
    created_at: datetime | None
    version: int
    parts: Mapping[str, str]
    action_items: tuple[ActionItem, ...]
    quotes: tuple[Quote, ...]

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Note:
        return cls(
            id=int(data["id"]),
            meeting_id=int(data.get("meeting_id") or 0),
            author_id=int(data.get("author_id") or 0),
            created_at=_time(data.get("created_at")),
            version=int(data.get("version") or 0),
            parts={name: str(data.get(name) or "") for name in NOTE_FIELDS},
            action_items=tuple(
                ActionItem(
                    str(a.get("text") or ""), int(a.get("owner_id") or 0), _date(a.get("due"))
                )
                for a in _list(data.get("action_items"))
            ),
            quotes=tuple(
                Quote(
                    str(q.get("chat_ref") or ""),
                    str(q.get("text") or ""),
                    tuple(str(k) for k in q.get("masked") or []),
                )
                for q in _list(data.get("quotes"))
            ),
        )


@dataclass(frozen=True)
class QueuedNote:
    """A note in the outbox: not sent yet (or refused, with the reason)."""

    txn_id: str
    meeting_id: int
    parts: Mapping[str, str]
    failed: str = ""


@dataclass(frozen=True)
class NoteRead:
    user_id: int
    display_name: str
    at: datetime | None


@dataclass(frozen=True)
class InstitutionStages:
    institution_id: int
    name: str
    trainees: int
    stages: Mapping[str, int]


@dataclass(frozen=True)
class FollowUp:
    """One note's follow-up due next time and its action items (from the previous meeting)."""

    note_id: int
    author_id: int
    follow_up: str
    action_items: tuple[ActionItem, ...]


@dataclass(frozen=True)
class PreviousMeeting:
    """The meeting before a meeting, with what was agreed there (only what one may read)."""

    id: int
    day: date
    follow_ups: tuple[FollowUp, ...]

    @classmethod
    def from_json(cls, data: object) -> PreviousMeeting | None:
        if not isinstance(data, Mapping):
            return None
        return cls(
            id=int(data["id"]),
            day=_date(data.get("day")) or date.min,
            follow_ups=tuple(
                FollowUp(
                    int(f["note_id"]),
                    int(f.get("author_id") or 0),
                    str(f.get("follow_up") or ""),
                    tuple(
                        ActionItem(
                            str(a.get("text") or ""),
                            int(a.get("owner_id") or 0),
                            _date(a.get("due")),
                        )
                        for a in _list(f.get("action_items"))
                    ),
                )
                for f in _list(data.get("follow_ups"))
            ),
        )


@dataclass(frozen=True)
class ReviewCandidate:
    """A trainee of another institution whom the caller may review."""

    id: int
    display_name: str
    institution_id: int
    institution_name: str

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ReviewCandidate:
        return cls(
            id=int(data["id"]),
            display_name=str(data.get("display_name") or data["id"]),
            institution_id=int(data.get("institution_id") or 0),
            institution_name=str(data.get("institution_name") or ""),
        )
