"""Supervision's words in the user's language: criteria, rubric items, entrustment levels,
intervision methods and the parts of a case note, stages, and dates."""

from __future__ import annotations

from datetime import date, datetime
from fractions import Fraction

from PySide6.QtCore import QCoreApplication, QLocale

from console.domain.chat import Phase
from console.domain.readiness import Criterion
from console.services.supervision import CriterionState, Rule
from console.ui.chat.phase_tracker import phase_label


def criterion_label(criterion: Criterion) -> str:
    return {
        Criterion.TRAINING: QCoreApplication.translate("SupervisionLabels", "Training"),
        Criterion.SUPERVISED_SHIFTS: QCoreApplication.translate(
            "SupervisionLabels", "Supervised shifts"
        ),
        Criterion.REVIEWS: QCoreApplication.translate("SupervisionLabels", "Chat reviews"),
        Criterion.INTERVISION: QCoreApplication.translate(
            "SupervisionLabels", "Intervision attended"
        ),
    }[criterion]


def rubric_label(name: str) -> str:
    """A rubric item: the five phases by their names, then the three about the whole chat."""
    if name.startswith("phase_"):
        try:
            return QCoreApplication.translate("SupervisionLabels", "Phase: {0}").format(
                phase_label(Phase(name.removeprefix("phase_")))
            )
        except ValueError:
            return name
    return {
        "cultural_sensitivity": QCoreApplication.translate(
            "SupervisionLabels", "Cultural sensitivity"
        ),
        "risk_and_crisis": QCoreApplication.translate(
            "SupervisionLabels", "Handling risk and crisis"
        ),
        "written_tone": QCoreApplication.translate("SupervisionLabels", "Written tone"),
    }.get(name, name)


def score_label(score: int) -> str:
    return {
        0: QCoreApplication.translate("SupervisionLabels", "0 \u2013 absent"),
        1: QCoreApplication.translate("SupervisionLabels", "1 \u2013 weak"),
        2: QCoreApplication.translate("SupervisionLabels", "2 \u2013 adequate"),
        3: QCoreApplication.translate("SupervisionLabels", "3 \u2013 good"),
        4: QCoreApplication.translate("SupervisionLabels", "4 \u2013 excellent"),
    }.get(score, str(score))


def level_label(level: int) -> str:
    """Entrustment levels of an observation."""
    return {
        1: QCoreApplication.translate("SupervisionLabels", "1 \u2013 observes only"),
        2: QCoreApplication.translate(
            "SupervisionLabels", "2 \u2013 chats with a supervisor directly beside them"
        ),
        3: QCoreApplication.translate("SupervisionLabels", "3 \u2013 chats with backup available"),
        4: QCoreApplication.translate("SupervisionLabels", "4 \u2013 chats independently"),
        5: QCoreApplication.translate("SupervisionLabels", "5 \u2013 may supervise others"),
    }.get(level, str(level))


def method_label(method: str) -> str:
    return {
        "incident": QCoreApplication.translate("SupervisionLabels", "Incident method"),
        "ten_step": QCoreApplication.translate("SupervisionLabels", "Ten-step method"),
        "balint": QCoreApplication.translate("SupervisionLabels", "Balint method"),
        "free": QCoreApplication.translate("SupervisionLabels", "Free discussion"),
    }.get(method, method)


def note_part_label(name: str) -> str:
    return {
        "case": QCoreApplication.translate("SupervisionLabels", "The case in a few lines"),
        "question": QCoreApplication.translate("SupervisionLabels", "The question"),
        "questions_and_advice": QCoreApplication.translate(
            "SupervisionLabels", "Round of questions and advice"
        ),
        "approach": QCoreApplication.translate("SupervisionLabels", "The approach chosen"),
        "follow_up": QCoreApplication.translate("SupervisionLabels", "Follow-up due next time"),
    }.get(name, name)


def stage_label(stage: str) -> str:
    return {
        "in_training": QCoreApplication.translate("SupervisionLabels", "In training"),
        "gathering_shifts": QCoreApplication.translate(
            "SupervisionLabels", "Gathering supervised shifts"
        ),
        "reviews": QCoreApplication.translate("SupervisionLabels", "Reviews and intervision"),
        "ready": QCoreApplication.translate("SupervisionLabels", "Ready for sign-off"),
        "signed_off": QCoreApplication.translate("SupervisionLabels", "Signed off"),
    }.get(stage, stage)


def masked_kind_label(kind: str) -> str:
    return {
        "email": QCoreApplication.translate("SupervisionLabels", "e-mail address"),
        "phone": QCoreApplication.translate("SupervisionLabels", "phone number"),
        "url": QCoreApplication.translate("SupervisionLabels", "link"),
        "postcode": QCoreApplication.translate("SupervisionLabels", "postcode"),
        "address": QCoreApplication.translate("SupervisionLabels", "address"),
        "name": QCoreApplication.translate("SupervisionLabels", "name"),
    }.get(kind, kind)


def fraction_text(value: Fraction | None) -> str:
    """ "3,25" in Dutch; two decimals at most."""
    if value is None:
        return "\u2014"
    return QLocale().toString(float(value), "f", 2).rstrip("0").rstrip(QLocale().decimalPoint())


def date_text(day: date | None) -> str:
    if day is None:
        return "\u2014"
    month = QLocale().monthName(day.month, QLocale.FormatType.LongFormat)
    return f"{day.day} {month} {day.year}"


def time_text(moment: datetime | None) -> str:
    if moment is None:
        return "\u2014"
    local = moment.astimezone()
    return f"{date_text(local.date())} {local:%H:%M}"


def progress_text(state: CriterionState, rule: Rule) -> str:
    """What the trainee has against what is needed, in words."""
    c = state.criterion
    if c is Criterion.TRAINING:
        if "national" in state.detail:
            return QCoreApplication.translate(
                "SupervisionLabels", "National Hulpmix training completed"
            )
        parts = {
            "kindertelefoon": QCoreApplication.translate(
                "SupervisionLabels", "Kindertelefoon training"
            ),
            "role_plays": QCoreApplication.translate(
                "SupervisionLabels", "%n role play(s)", "", rule.role_plays
            ),
            "binder": QCoreApplication.translate("SupervisionLabels", "training binder read"),
        }
        missing = [parts[d] for d in state.detail if d in parts]
        if not missing:
            return QCoreApplication.translate("SupervisionLabels", "Alternative route completed")
        return QCoreApplication.translate("SupervisionLabels", "Still missing: {0}").format(
            ", ".join(missing)
        )
    if c is Criterion.REVIEWS:
        average = fraction_text(state.average)
        return QCoreApplication.translate(
            "SupervisionLabels", "{0} of {1} released reviews, average {2} (needed: {3} or more)"
        ).format(state.have, state.need, average, fraction_text(rule.review_average))
    if c is Criterion.SUPERVISED_SHIFTS:
        return QCoreApplication.translate(
            "SupervisionLabels", "{0} of {1} shifts with backup of the own institution"
        ).format(state.have, state.need)
    return QCoreApplication.translate("SupervisionLabels", "{0} of {1} meeting(s)").format(
        state.have, state.need
    )


def met_text(met: bool) -> str:
    return (
        QCoreApplication.translate("SupervisionLabels", "\u2713 met")
        if met
        else QCoreApplication.translate("SupervisionLabels", "\u2717 not yet")
    )
