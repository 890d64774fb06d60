"""Trainee readiness: when a trainee may chat without a professional beside them.

The evaluation of the old service found no standard for this; each institution decided by
itself. These are the rules the console shows progress against and the server checks a
sign-off against. Pure: no I/O. The defaults are the project's proposal (issue 6) and are
configurable per deployment (`ReadinessRule`).

- Training: the national training (a date and a trainer), or the alternative route with all
  of its parts recorded (the Kindertelefoon training, a number of role plays, the training
  binder read).
- Supervised shifts: a shift counts when the trainee attended and a helper or supervisor of
  the same institution who may supervise attended the same block (`count_supervised_shifts`).
- Chat quality reviews: a rubric of the five phases, cultural sensitivity, risk and crisis
  handling and written tone, each 0-4. Only released reviews by a reviewer who is not the
  trainee's own supervisor count; a calibration (second) review does not count twice.
- At least one intervision meeting attended.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from fractions import Fraction

from console.domain.chat import PHASES

#: The rubric's criteria: the five phases first, then three about the whole chat.
RUBRIC: tuple[str, ...] = (
    *(f"phase_{phase.value}" for phase in PHASES),
    "cultural_sensitivity",
    "risk_and_crisis",
    "written_tone",
)
SCORE_MIN = 0
SCORE_MAX = 4

#: Entrustment levels of an observation: 1 observes only ... 5 may supervise others.
ENTRUSTMENT_LEVELS = range(1, 6)


class Criterion(StrEnum):
    TRAINING = "training"
    SUPERVISED_SHIFTS = "supervised_shifts"
    REVIEWS = "reviews"
    INTERVISION = "intervision"


@dataclass(frozen=True)
class ReadinessRule:
    """What a trainee needs before a supervisor may sign them off. Defaults from issue 6."""

    supervised_shifts: int = 10
    reviews: int = 3
    #: The average of the counted reviews' averages must be at least this.
    review_average: Fraction = Fraction(3)
    intervisions: int = 1
    #: Role plays the alternative route needs.
    role_plays: int = 3

    def __post_init__(self) -> None:
        if min(self.supervised_shifts, self.reviews, self.intervisions, self.role_plays) < 0:
            raise ValueError("readiness thresholds cannot be negative")
        if not SCORE_MIN <= self.review_average <= SCORE_MAX:
            raise ValueError(f"the review average must lie in {SCORE_MIN}..{SCORE_MAX}")


DEFAULT_RULE = ReadinessRule()


@dataclass(frozen=True)
class Training:
    """A trainee's training record; either route may be partly filled in."""

    national_date: date | None = None
    national_trainer: str = ""
    kindertelefoon_date: date | None = None
    role_plays: int = 0
    binder_read: bool = False
    #: Refresher sessions: theme -> date (eating disorders, suicide, ...). Not required.
    refreshers: Mapping[str, date] = field(default_factory=dict)

    def national_done(self) -> bool:
        return self.national_date is not None and bool(self.national_trainer.strip())

    def alternative_missing(self, rule: ReadinessRule) -> list[str]:
        """The parts of the alternative route still missing, by name."""
        missing: list[str] = []
        if self.kindertelefoon_date is None:
            missing.append("kindertelefoon")
        if self.role_plays < rule.role_plays:
            missing.append("role_plays")
        if not self.binder_read:
            missing.append("binder")
        return missing


@dataclass(frozen=True)
class Review:
    """A chat quality review; `scores` maps every RUBRIC criterion to 0-4."""

    trainee_id: str
    reviewer_id: str
    chat_ref: str
    scores: Mapping[str, int]
    released: bool = False
    #: A second reviewer's review of the same chat, for calibration: never counted twice.
    calibration: bool = False

    def __post_init__(self) -> None:
        problems = rubric_problems(self.scores)
        if problems:
            raise ValueError("; ".join(problems))

    @property
    def average(self) -> Fraction:
        return Fraction(sum(self.scores.values()), len(self.scores))


def rubric_problems(scores: Mapping[str, int]) -> list[str]:
    """What is wrong with a rubric's scores, in words; [] when complete and in range."""
    problems = [f"missing score: {name}" for name in RUBRIC if name not in scores]
    problems += [f"unknown criterion: {name}" for name in scores if name not in RUBRIC]
    problems += [
        f"score out of range {SCORE_MIN}-{SCORE_MAX}: {name}={value}"
        for name, value in scores.items()
        if name in RUBRIC
        and (
            isinstance(value, bool)
            or not isinstance(value, int)
            or not SCORE_MIN <= value <= SCORE_MAX
        )
    ]
    return problems


def counted_reviews(
    reviews: Iterable[Review], trainee_id: str, own_supervisors: frozenset[str]
) -> list[Review]:
    """The reviews that count: released, of this trainee, not by their own supervisor,
    not a calibration review, at most one per chat (the first given)."""
    seen: set[str] = set()
    counted: list[Review] = []
    for review in reviews:
        if (
            review.trainee_id != trainee_id
            or not review.released
            or review.calibration
            or review.reviewer_id in own_supervisors
            or review.chat_ref in seen
        ):
            continue
        seen.add(review.chat_ref)
        counted.append(review)
    return counted


# --------------------------------------------------------------------------- shifts


@dataclass(frozen=True)
class Sitting:
    """Someone who sat (or was rostered to sit) in a block."""

    day: date
    block: int
    person_id: str
    institution_id: str
    #: True for a helper or supervisor who may supervise (counts as backup).
    professional: bool
    #: False for a no-show; a late arrival still attended.
    attended: bool


def count_supervised_shifts(trainee_id: str, sittings: Sequence[Sitting]) -> int:
    """Shifts the trainee attended with an attending professional of their own institution
    in the same block. Each (day, block) counts once."""
    by_block: dict[tuple[date, int], list[Sitting]] = {}
    for sitting in sittings:
        by_block.setdefault((sitting.day, sitting.block), []).append(sitting)
    count = 0
    for people in by_block.values():
        mine = [s for s in people if s.person_id == trainee_id and s.attended]
        if not mine:
            continue
        institution = mine[0].institution_id
        if any(
            s.professional
            and s.attended
            and s.institution_id == institution
            and s.person_id != trainee_id
            for s in people
        ):
            count += 1
    return count


# --------------------------------------------------------------------------- progress


@dataclass(frozen=True)
class Progress:
    """One criterion: met or not, what the trainee has and what the rule asks."""

    criterion: Criterion
    met: bool
    have: Fraction | int
    need: Fraction | int
    #: For the training: which route counts, or which parts of the alternative are missing.
    detail: tuple[str, ...] = ()
    #: For the reviews: the average of the counted reviews (None without reviews).
    average: Fraction | None = None


@dataclass(frozen=True)
class Readiness:
    criteria: tuple[Progress, ...]

    @property
    def ready(self) -> bool:
        return all(p.met for p in self.criteria)

    def get(self, criterion: Criterion) -> Progress:
        return next(p for p in self.criteria if p.criterion is criterion)

    def snapshot(self) -> dict[str, object]:
        """JSON-safe record of the criteria, stored with a sign-off."""
        return {
            p.criterion.value: {
                "met": p.met,
                "have": str(p.have),
                "need": str(p.need),
                "detail": list(p.detail),
                **({"average": str(p.average)} if p.average is not None else {}),
            }
            for p in self.criteria
        }


def assess(
    training: Training,
    supervised_shifts: int,
    reviews: Sequence[Review],
    intervisions_attended: int,
    rule: ReadinessRule = DEFAULT_RULE,
) -> Readiness:
    """Progress on each criterion. `reviews` are the counted ones (`counted_reviews`)."""
    if training.national_done():
        training_progress = Progress(Criterion.TRAINING, True, 1, 1, ("national",))
    else:
        missing = training.alternative_missing(rule)
        training_progress = Progress(
            Criterion.TRAINING, not missing, 3 - len(missing), 3, tuple(missing) or ("alternative",)
        )
    average = sum((r.average for r in reviews), Fraction(0)) / len(reviews) if reviews else None
    enough_reviews = len(reviews) >= rule.reviews
    return Readiness(
        (
            training_progress,
            Progress(
                Criterion.SUPERVISED_SHIFTS,
                supervised_shifts >= rule.supervised_shifts,
                supervised_shifts,
                rule.supervised_shifts,
            ),
            Progress(
                Criterion.REVIEWS,
                enough_reviews
                and (rule.reviews == 0 or (average is not None and average >= rule.review_average)),
                len(reviews),
                rule.reviews,
                average=average,
            ),
            Progress(
                Criterion.INTERVISION,
                intervisions_attended >= rule.intervisions,
                intervisions_attended,
                rule.intervisions,
            ),
        )
    )
