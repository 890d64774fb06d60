"""Who gets the next chat.

The chat goes to the available trainee who has waited longest since their last chat ended
(or since they became available); only when no trainee can take it does a professional
helper get it, again the longest-waiting. Waiting time, not a lifetime count, so somebody
back from a break is not flooded. A trainee who still needs backup gets chats only while a
helper or supervisor of their own institution is available. Capacity is one chat per
person unless configured otherwise; with capacity two, a person with fewer running chats
goes first. Every assignment says why, so the console can show it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class StaffStatus(StrEnum):
    AVAILABLE = "available"
    PAUSE = "pause"
    OFFLINE = "offline"


@dataclass(frozen=True)
class Candidate:
    user_id: int
    institution_id: int
    is_trainee: bool
    #: A trainee not yet signed off: chats only with backup present.
    needs_backup: bool
    #: A helper or supervisor who may back up trainees (not one marked "may not supervise").
    can_back_up: bool
    status: StaffStatus
    active_chats: int
    capacity: int
    #: The later of: the end of their last chat, the moment they became available.
    waiting_since: datetime


class Reason(StrEnum):
    TRAINEE_LONGEST_WAITING = "trainee_longest_waiting"
    HELPER_NO_TRAINEE_FREE = "helper_no_trainee_free"


@dataclass(frozen=True)
class Assignment:
    user_id: int
    reason: Reason
    #: The backup of the trainee's institution that made it allowed, if one was needed.
    backup_user_id: int | None
    waiting_since: datetime
    #: Trainees who were available but could not take it, and why (user id -> reason).
    passed_over: dict[int, str]


def _free(c: Candidate) -> bool:
    return c.status is StaffStatus.AVAILABLE and c.active_chats < c.capacity


def _queue_key(c: Candidate) -> tuple[int, datetime, int]:
    return (c.active_chats, c.waiting_since, c.user_id)


def choose(candidates: Iterable[Candidate]) -> Assignment | None:
    """The person the next waiting chat goes to, or None when nobody can take it."""
    people = list(candidates)
    backups: dict[int, list[Candidate]] = {}
    for c in people:
        if c.can_back_up and not c.is_trainee and c.status is StaffStatus.AVAILABLE:
            backups.setdefault(c.institution_id, []).append(c)

    passed_over: dict[int, str] = {}
    trainees: list[tuple[Candidate, int | None]] = []
    for c in people:
        if not c.is_trainee or c.status is not StaffStatus.AVAILABLE:
            continue
        if c.active_chats >= c.capacity:
            passed_over[c.user_id] = "busy"
            continue
        backup = None
        if c.needs_backup:
            present = sorted(backups.get(c.institution_id, []), key=lambda b: b.user_id)
            if not present:
                passed_over[c.user_id] = "no_backup_available"
                continue
            backup = present[0].user_id
        trainees.append((c, backup))

    if trainees:
        chosen, backup = min(trainees, key=lambda pair: _queue_key(pair[0]))
        return Assignment(
            chosen.user_id,
            Reason.TRAINEE_LONGEST_WAITING,
            backup,
            chosen.waiting_since,
            passed_over,
        )
    helpers = [c for c in people if not c.is_trainee and _free(c)]
    if not helpers:
        return None
    chosen = min(helpers, key=_queue_key)
    return Assignment(
        chosen.user_id, Reason.HELPER_NO_TRAINEE_FREE, None, chosen.waiting_since, passed_over
    )
