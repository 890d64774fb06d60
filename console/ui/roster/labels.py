"""The roster's words in the user's language: dates, weeks, roles and problems by code.

Problems come as a code plus parameters (console.domain.roster.Problem); they are worded
here through tr(), never with the server's English message. Institution ids in the
parameters become names through the `institution` callable.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QLocale

from console.domain.roles import Role
from console.domain.roster import Code, Problem


def weekday_name(weekday: int) -> str:
    """Monday = 0, in the interface language ("maandag")."""
    return QLocale().dayName(weekday + 1, QLocale.FormatType.LongFormat)


def day_text(day: date) -> str:
    """ "maandag 23 november" (the year is in the week label)."""
    month = QLocale().monthName(day.month, QLocale.FormatType.LongFormat)
    return QCoreApplication.translate("RosterLabels", "{weekday} {day} {month}").format(
        weekday=weekday_name(day.weekday()), day=day.day, month=month
    )


def short_day_text(day: date) -> str:
    """ "ma 23-11" for tables."""
    short = QLocale().dayName(day.weekday() + 1, QLocale.FormatType.ShortFormat)
    return f"{short} {day.day:02d}-{day.month:02d}-{day.year}"


def week_label(monday: date) -> str:
    """ "Week 48, 23-27 november 2026" (the working days Monday to Friday)."""
    friday = monday + timedelta(days=4)
    week = monday.isocalendar().week
    locale = QLocale()
    month_a = locale.monthName(monday.month, QLocale.FormatType.LongFormat)
    month_b = locale.monthName(friday.month, QLocale.FormatType.LongFormat)
    if monday.month == friday.month:
        span = f"{monday.day}\u2013{friday.day} {month_b} {friday.year}"
    elif monday.year == friday.year:
        span = f"{monday.day} {month_a} \u2013 {friday.day} {month_b} {friday.year}"
    else:
        span = f"{monday.day} {month_a} {monday.year} \u2013 {friday.day} {month_b} {friday.year}"
    return QCoreApplication.translate("RosterLabels", "Week {0}, {1}").format(week, span)


def role_label(role: Role) -> str:
    labels = {
        Role.TRAINEE: QCoreApplication.translate("RosterLabels", "trainee"),
        Role.HELPER: QCoreApplication.translate("RosterLabels", "helper"),
        Role.SUPERVISOR: QCoreApplication.translate("RosterLabels", "supervisor"),
    }
    return labels.get(role, str(role))


def _day_param(value: object) -> str:
    try:
        return day_text(date.fromisoformat(str(value)))
    except ValueError:
        return str(value)


def problem_text(problem: Problem, institution: Callable[[str], str] = str) -> str:
    """One sentence for a problem, in the user's language."""
    raw = dict(problem.params)
    p: dict[str, str] = {key: str(value) for key, value in raw.items()}
    if "day" in raw:
        p["day"] = _day_param(raw["day"])
    if "institution" in raw:
        p["institution"] = institution(str(raw["institution"]))
    if isinstance(raw.get("weekday"), int):
        p["weekday"] = weekday_name(int(raw["weekday"]))
    words: dict[Code, str] = {
        Code.NOT_OF_INSTITUTION: QCoreApplication.translate(
            "RosterLabels",
            "{person} does not belong to {institution}, whose block this is ({day}).",
        ),
        Code.NEEDS_BACKUP: QCoreApplication.translate(
            "RosterLabels",
            "{person} still needs backup: a helper or supervisor of the same institution "
            "must sit in the same block ({day}).",
        ),
        Code.SITS_TWICE: QCoreApplication.translate(
            "RosterLabels", "{person} sits twice on {day}: all blocks of a day are the same shift."
        ),
        Code.UNAVAILABLE_WEEKDAY: QCoreApplication.translate(
            "RosterLabels", "{person} is never available on {weekday} ({day})."
        ),
        Code.UNAVAILABLE_DATE: QCoreApplication.translate(
            "RosterLabels", "{person} is not available on {day}."
        ),
        Code.BLOCK_OVERFULL: QCoreApplication.translate(
            "RosterLabels", "Block {block} on {day} has {count} names; a block has two seats."
        ),
        Code.UNKNOWN_PERSON: QCoreApplication.translate(
            "RosterLabels", "Nobody is known as {person} ({day})."
        ),
        Code.NOT_A_SEAT_ROLE: QCoreApplication.translate(
            "RosterLabels", "{person} does not chat and cannot sit in a block ({day})."
        ),
        Code.DAY_CLOSED: QCoreApplication.translate(
            "RosterLabels", "The chat is closed on {day} ({reason})."
        ),
        Code.COVERAGE: QCoreApplication.translate(
            "RosterLabels", "{day} needs {needed} blocks but has {assigned}."
        ),
        Code.INSTITUTION_TWICE: QCoreApplication.translate(
            "RosterLabels", "{institution} has more than one block on {day}."
        ),
        Code.UNKNOWN_INSTITUTION: QCoreApplication.translate(
            "RosterLabels", "No institution is known as {institution} ({day})."
        ),
        Code.INSTITUTION_UNAVAILABLE: QCoreApplication.translate(
            "RosterLabels", "{institution} is not available on {day}."
        ),
        Code.FORUM_MISSING: QCoreApplication.translate(
            "RosterLabels", "Nobody has forum duty on {day}."
        ),
        Code.FORUM_NOT_SITTING: QCoreApplication.translate(
            "RosterLabels", "{institution} has forum duty on {day} but no block that day."
        ),
        Code.BELOW_COMMITMENT: QCoreApplication.translate(
            "RosterLabels", "{institution} has {count} blocks, fewer than its minimum of {minimum}."
        ),
        Code.ABOVE_COMMITMENT: QCoreApplication.translate(
            "RosterLabels", "{institution} has {count} blocks, more than its maximum of {maximum}."
        ),
        Code.PIN_MOVED: QCoreApplication.translate(
            "RosterLabels", "Pinned block {block} on {day} must stay with {institution}."
        ),
        Code.TOO_FEW_INSTITUTIONS: QCoreApplication.translate(
            "RosterLabels",
            "{day} needs {needed} institutions but only {available} can sit that day.",
        ),
        Code.COMMITMENTS_TOO_LOW: QCoreApplication.translate(
            "RosterLabels",
            "The period needs {needed} blocks but the institutions committed to at most {maximum}.",
        ),
        Code.COMMITMENTS_TOO_HIGH: QCoreApplication.translate(
            "RosterLabels",
            "The institutions committed to at least {minimum} "
            "blocks but the period has only {available}.",
        ),
        Code.PIN_CONFLICT: QCoreApplication.translate(
            "RosterLabels", "The pinned block of {institution} on {day} cannot stay: {reason}."
        ),
        Code.COMMITMENT_UNREACHABLE: QCoreApplication.translate(
            "RosterLabels",
            "{institution} committed to at least {minimum} "
            "blocks but can sit on only {available} days.",
        ),
        Code.CONFLICT: QCoreApplication.translate(
            "RosterLabels",
            "The {rule} of {subject} cannot hold together with the other rules listed.",
        ),
        Code.NO_SOLUTION_IN_TIME: QCoreApplication.translate(
            "RosterLabels", "No roster was found within {seconds} seconds; try a shorter period."
        ),
    }
    template = words.get(problem.code)
    if template is None:
        return str(problem.code)
    try:
        return template.format(**p)
    except (KeyError, IndexError):
        return template
