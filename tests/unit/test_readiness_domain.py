"""Readiness rules (issue 6): training routes, supervised shifts, reviews, the verdict."""

from __future__ import annotations

from datetime import date, timedelta
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from console.domain.readiness import (
    RUBRIC,
    Criterion,
    ReadinessRule,
    Review,
    Sitting,
    Training,
    assess,
    count_supervised_shifts,
    counted_reviews,
    rubric_problems,
)

NATIONAL = Training(national_date=date(2026, 9, 1), national_trainer="M. de Vries")


def review(chat: str, score: int = 3, reviewer: str = "r1", **kw: object) -> Review:
    return Review("t1", reviewer, chat, dict.fromkeys(RUBRIC, score), **kw)  # type: ignore[arg-type]


def sitting(day: int, who: str, *, inst: str = "a", pro: bool = False, came: bool = True):
    return Sitting(date(2026, 11, 2) + timedelta(days=day), 0, who, inst, pro, came)


def test_a_new_trainee_meets_nothing_and_is_told_what_is_missing():
    verdict = assess(Training(), 0, [], 0)
    assert not verdict.ready
    assert [p.met for p in verdict.criteria] == [False, False, False, False]
    assert verdict.get(Criterion.TRAINING).detail == ("kindertelefoon", "role_plays", "binder")
    assert verdict.get(Criterion.SUPERVISED_SHIFTS).need == 10
    assert verdict.get(Criterion.REVIEWS).average is None


def test_the_defaults_make_a_trainee_ready_exactly_at_the_thresholds():
    reviews = [review("c1"), review("c2"), review("c3")]  # counted_reviews' output
    assert assess(NATIONAL, 10, reviews, 1).ready
    assert not assess(NATIONAL, 9, reviews, 1).ready
    assert not assess(NATIONAL, 10, reviews[:2], 1).ready
    assert not assess(NATIONAL, 10, reviews, 0).ready
    low = [review("c1", 3), review("c2", 3), review("c3", 2)]
    verdict = assess(NATIONAL, 10, low, 1)
    assert not verdict.ready
    assert verdict.get(Criterion.REVIEWS).average == Fraction(8, 3)


def test_national_training_needs_a_trainer_and_the_alternative_route_needs_every_part():
    assert (
        not assess(Training(national_date=date(2026, 9, 1)), 10, [], 1).get(Criterion.TRAINING).met
    )
    partial = Training(kindertelefoon_date=date(2026, 5, 1), role_plays=2, binder_read=True)
    progress = assess(partial, 0, [], 0).get(Criterion.TRAINING)
    assert not progress.met and progress.detail == ("role_plays",)
    complete = Training(kindertelefoon_date=date(2026, 5, 1), role_plays=3, binder_read=True)
    assert assess(complete, 0, [], 0).get(Criterion.TRAINING).met
    stricter = ReadinessRule(role_plays=5)
    assert not assess(complete, 0, [], 0, stricter).get(Criterion.TRAINING).met


def test_only_released_independent_first_reviews_count():
    reviews = [
        review("c1", released=True),
        review("c2"),  # not yet released by its reviewer
        review("c3", reviewer="own", released=True),  # by the trainee's own supervisor
        review("c1", reviewer="r2", released=True),  # a second review of the same chat
        review("c4", reviewer="r2", released=True, calibration=True),
        Review("t2", "r1", "c5", dict.fromkeys(RUBRIC, 4), released=True),  # someone else
    ]
    counted = counted_reviews(reviews, "t1", frozenset({"own"}))
    assert [(r.chat_ref, r.reviewer_id) for r in counted] == [("c1", "r1")]


def test_a_rubric_must_be_complete_and_in_range():
    assert rubric_problems(dict.fromkeys(RUBRIC, 0)) == []
    assert len(RUBRIC) == 8
    scores = dict.fromkeys(RUBRIC, 2)
    scores["written_tone"] = 5
    del scores["phase_welcome"]
    scores["charm"] = 1
    problems = rubric_problems(scores)
    assert problems == [
        "missing score: phase_welcome",
        "unknown criterion: charm",
        "score out of range 0-4: written_tone=5",
    ]
    with pytest.raises(ValueError, match="missing score"):
        Review("t1", "r1", "c1", {"written_tone": 3})
    with pytest.raises(ValueError, match="out of range"):
        Review("t1", "r1", "c1", {**dict.fromkeys(RUBRIC, 2), "risk_and_crisis": True})


def test_a_supervised_shift_needs_an_attending_professional_of_the_same_institution():
    sittings = [
        sitting(0, "t1"), sitting(0, "h1", pro=True),  # counts
        sitting(1, "t1"), sitting(1, "h2", pro=True, inst="b"),  # other institution
        sitting(2, "t1"), sitting(2, "h1", pro=True, came=False),  # professional absent
        sitting(3, "t1", came=False), sitting(3, "h1", pro=True),  # trainee absent
        sitting(4, "t1"), sitting(4, "p1", pro=False),  # a promoted helper: no backup
        sitting(7, "t1"), sitting(7, "h1", pro=True), sitting(7, "s1", pro=True),  # once
    ]  # fmt: skip
    assert count_supervised_shifts("t1", sittings) == 2
    assert count_supervised_shifts("h2", sittings) == 0  # sat beside another institution


@given(
    st.lists(
        st.tuples(st.integers(0, 20), st.sampled_from(["t1", "t2", "h1", "h2"]), st.booleans()),
        max_size=40,
    )
)
def test_supervised_shifts_never_exceed_the_blocks_the_trainee_attended(rows):
    sittings = [
        sitting(day, who, pro=who.startswith("h"), came=came, inst="a") for day, who, came in rows
    ]
    attended = {(s.day, s.block) for s in sittings if s.person_id == "t1" and s.attended}
    counted = count_supervised_shifts("t1", sittings)
    assert 0 <= counted <= len(attended)
    # Adding an attending professional to every block makes every attended block count.
    helped = sittings + [Sitting(day, block, "h9", "a", True, True) for day, block in attended]
    assert count_supervised_shifts("t1", helped) == len(attended)


def test_the_snapshot_records_each_criterion_for_the_sign_off():
    verdict = assess(NATIONAL, 12, [review("c1", 4)], 2)
    snapshot = verdict.snapshot()
    assert snapshot["supervised_shifts"] == {"met": True, "have": "12", "need": "10", "detail": []}
    assert snapshot["reviews"] == {
        "met": False,
        "have": "1",
        "need": "3",
        "detail": [],
        "average": "4",
    }


def test_a_rule_cannot_ask_the_impossible():
    with pytest.raises(ValueError):
        ReadinessRule(review_average=Fraction(5))
    with pytest.raises(ValueError):
        ReadinessRule(supervised_shifts=-1)
