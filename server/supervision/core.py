"""Readiness records of trainees, read and written inside the caller's transaction.

The rules are `console.domain.readiness` (assess, counted_reviews, count_supervised_shifts);
this module feeds them the facts from the database. Signing a trainee off sets
`staff_status.needs_backup = false` (routing and the roster read that flag); revoking sets
it back. `staff_status.may_supervise` (false for a helper promoted from trainee) decides
whether a helper counts as a trainee's backup, in routing and for supervised shifts.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from fractions import Fraction
from typing import Any

from sqlalchemy import Connection, RowMapping, func, insert, select, update

from console.domain.readiness import (
    DEFAULT_RULE,
    Criterion,
    Readiness,
    ReadinessRule,
    Review,
    Sitting,
    Training,
    assess,
    count_supervised_shifts,
    counted_reviews,
)
from console.domain.roles import Role, parse_roles
from server.chat.core import announce_staff
from server.chat.staffing import ensure_status
from server.db.tables import institutions, staff_status, user_roles, users
from server.events import append_event, iso
from server.roster import attendance
from server.supervision.tables import (
    intervision_participants,
    supervision_observations,
    supervision_reviews,
    supervision_settings,
    supervision_signoffs,
    supervision_sittings,
    trainee_training,
)

RULE_KEY = "readiness_rule"
PROFESSIONAL_ROLES = frozenset({Role.HELPER, Role.SUPERVISOR})


class Stage:
    """Where a trainee is on the way to chatting without backup (the overview's columns)."""

    TRAINING = "in_training"
    SHIFTS = "gathering_shifts"
    REVIEWS = "reviews"
    READY = "ready"
    SIGNED_OFF = "signed_off"
    ALL = (TRAINING, SHIFTS, REVIEWS, READY, SIGNED_OFF)


# --- people ---------------------------------------------------------------------------------


def roles(conn: Connection, user_id: int) -> frozenset[Role]:
    names = conn.execute(select(user_roles.c.role).where(user_roles.c.user_id == user_id))
    return parse_roles(names.scalars())


def is_trainee(held: frozenset[Role]) -> bool:
    """A trainee not (yet) promoted to helper, as routing counts them."""
    return Role.TRAINEE in held and Role.HELPER not in held


def user(conn: Connection, user_id: int) -> RowMapping | None:
    return conn.execute(select(users).where(users.c.id == user_id)).mappings().one_or_none()


def trainee(conn: Connection, user_id: int) -> RowMapping | None:
    """The user when they are a trainee, else None."""
    row = user(conn, user_id)
    if row is None or not is_trainee(roles(conn, user_id)):
        return None
    return row


def trainees_of(conn: Connection, institution_id: int | None) -> list[RowMapping]:
    """Active trainees of one institution (None: of every institution), by name."""
    query = (
        select(users)
        .join(user_roles, user_roles.c.user_id == users.c.id)
        .where(user_roles.c.role == Role.TRAINEE.value, users.c.active.is_(True))
        .order_by(users.c.display_name, users.c.id)
    )
    if institution_id is not None:
        query = query.where(users.c.institution_id == institution_id)
    return [r for r in conn.execute(query).mappings() if is_trainee(roles(conn, int(r["id"])))]


def review_candidates(conn: Connection, own_institution: int) -> list[dict[str, Any]]:
    """Active trainees of every institution but `own_institution`, by institution and name:
    whom a helper or supervisor of `own_institution` may review."""
    names = {i: n for i, n in conn.execute(select(institutions.c.id, institutions.c.name))}
    rows = [r for r in trainees_of(conn, None) if int(r["institution_id"]) != own_institution]
    found = [
        {
            "id": r["id"],
            "display_name": r["display_name"],
            "institution_id": r["institution_id"],
            "institution_name": names.get(int(r["institution_id"]), ""),
        }
        for r in rows
    ]
    return sorted(found, key=lambda t: (t["institution_name"], t["display_name"], t["id"]))


def supervisors_of(conn: Connection, institution_id: int) -> frozenset[int]:
    """The institution's supervisors: a trainee's "own supervisors"."""
    found = conn.execute(
        select(users.c.id)
        .join(user_roles, user_roles.c.user_id == users.c.id)
        .where(users.c.institution_id == institution_id, user_roles.c.role == "supervisor")
    ).scalars()
    return frozenset(int(i) for i in found)


def may_supervise(conn: Connection, user_id: int) -> bool:
    """False only for someone marked "may not supervise" (a promoted trainee)."""
    flag = conn.execute(
        select(staff_status.c.may_supervise).where(staff_status.c.user_id == user_id)
    ).scalar_one_or_none()
    return flag is None or bool(flag)


def set_may_supervise(conn: Connection, user_id: int, allowed: bool, now: datetime) -> None:
    ensure_status(conn, user_id, roles(conn, user_id), now)
    conn.execute(
        update(staff_status)
        .where(staff_status.c.user_id == user_id)
        .values(may_supervise=allowed, version=staff_status.c.version + 1)
    )
    announce_staff(conn, user_id)


def note_role_change(
    conn: Connection, user_id: int, before: frozenset[Role], after: frozenset[Role], now: datetime
) -> None:
    """A trainee who becomes a helper may not supervise until an admin lifts it; and a
    promoted trainee no longer needs backup as a trainee does."""
    if Role.TRAINEE in before and Role.HELPER not in before and Role.HELPER in after:
        set_may_supervise(conn, user_id, False, now)


# --- the rule -------------------------------------------------------------------------------


def rule_json(rule: ReadinessRule) -> dict[str, Any]:
    return {
        "supervised_shifts": rule.supervised_shifts,
        "reviews": rule.reviews,
        "review_average": str(rule.review_average),
        "intervisions": rule.intervisions,
        "role_plays": rule.role_plays,
    }


def rule_from_json(data: dict[str, Any]) -> ReadinessRule:
    return ReadinessRule(
        supervised_shifts=int(data["supervised_shifts"]),
        reviews=int(data["reviews"]),
        review_average=Fraction(str(data["review_average"])),
        intervisions=int(data["intervisions"]),
        role_plays=int(data["role_plays"]),
    )


def load_rule(conn: Connection) -> tuple[ReadinessRule, int]:
    """The rule in force and its version (0: the default, never changed)."""
    row = (
        conn.execute(select(supervision_settings).where(supervision_settings.c.key == RULE_KEY))
        .mappings()
        .one_or_none()
    )
    if row is None:
        return DEFAULT_RULE, 0
    return rule_from_json(json.loads(row["value"])), int(row["version"])


def save_rule(conn: Connection, rule: ReadinessRule, version: int) -> int:
    value = json.dumps(rule_json(rule))
    if version == 0:
        conn.execute(insert(supervision_settings).values(key=RULE_KEY, value=value, version=1))
        return 1
    conn.execute(
        update(supervision_settings)
        .where(supervision_settings.c.key == RULE_KEY)
        .values(value=value, version=version + 1)
    )
    return version + 1


# --- training -------------------------------------------------------------------------------


def training(conn: Connection, trainee_id: int) -> tuple[Training, int]:
    """The training record and its version (0: nothing recorded yet)."""
    row = (
        conn.execute(select(trainee_training).where(trainee_training.c.user_id == trainee_id))
        .mappings()
        .one_or_none()
    )
    if row is None:
        return Training(), 0
    refreshers = {k: date.fromisoformat(v) for k, v in json.loads(row["refreshers"]).items()}
    return (
        Training(
            national_date=row["national_date"],
            national_trainer=row["national_trainer"],
            kindertelefoon_date=row["kindertelefoon_date"],
            role_plays=int(row["role_plays"]),
            binder_read=bool(row["binder_read"]),
            refreshers=refreshers,
        ),
        int(row["version"]),
    )


def training_json(record: Training, version: int) -> dict[str, Any]:
    return {
        "national_date": _day(record.national_date),
        "national_trainer": record.national_trainer,
        "kindertelefoon_date": _day(record.kindertelefoon_date),
        "role_plays": record.role_plays,
        "binder_read": record.binder_read,
        "refreshers": {k: v.isoformat() for k, v in sorted(record.refreshers.items())},
        "version": version,
    }


def save_training(
    conn: Connection, trainee_id: int, record: Training, version: int, by: int, now: datetime
) -> int:
    values: dict[str, Any] = {
        "national_date": record.national_date,
        "national_trainer": record.national_trainer,
        "kindertelefoon_date": record.kindertelefoon_date,
        "role_plays": record.role_plays,
        "binder_read": record.binder_read,
        "refreshers": json.dumps({k: v.isoformat() for k, v in record.refreshers.items()}),
        "updated_at": now,
        "updated_by": by,
        "version": version + 1,
    }
    if version == 0:
        conn.execute(insert(trainee_training).values(user_id=trainee_id, **values))
    else:
        conn.execute(
            update(trainee_training).where(trainee_training.c.user_id == trainee_id).values(values)
        )
    return version + 1


# --- supervised shifts ----------------------------------------------------------------------


def sittings(conn: Connection, trainee_row: RowMapping) -> list[dict[str, Any]]:
    """The trainee's shifts, each saying whether it counts and where it comes from.

    `source: "roster"`: a block the trainee sat in, with the attendance marks
    (`server/roster/attendance.py`) of the trainee and of each professional beside them.
    `source: "recorded"`: a shift a supervisor recorded by hand (`POST .../sittings`), for
    shifts from before the roster existed; taken as attended by both.
    """
    trainee_id = int(trainee_row["id"])
    mine = int(trainee_row["institution_id"])

    def backup(pro: int) -> bool:
        return bool(PROFESSIONAL_ROLES & roles(conn, pro)) and may_supervise(conn, pro)

    found = attendance.roster_sittings(conn, trainee_id, mine, backup)
    rows = (
        conn.execute(
            select(supervision_sittings, users.c.institution_id, users.c.display_name)
            .join(users, users.c.id == supervision_sittings.c.professional_id)
            .where(supervision_sittings.c.trainee_id == trainee_id)
            .order_by(supervision_sittings.c.day, supervision_sittings.c.block)
        )
        .mappings()
        .all()
    )
    for row in rows:
        pro = int(row["professional_id"])
        professional = bool(PROFESSIONAL_ROLES & roles(conn, pro)) and may_supervise(conn, pro)
        found.append(
            {
                "day": row["day"].isoformat(),
                "block": int(row["block"]),
                "professional_id": pro,
                "professional": row["display_name"],
                "source": "recorded",
                "counts": professional and int(row["institution_id"]) == mine,
            }
        )
    found.sort(key=lambda s: (s["day"], s["block"], s["source"]))
    return found


def supervised_shifts(trainee_row: RowMapping, recorded: list[dict[str, Any]]) -> int:
    """Counted by the domain's rule from the shifts `sittings` found (roster and recorded):
    a (day, block) counts once, however many sources or professionals it has."""
    me = str(trainee_row["id"])
    mine = str(trainee_row["institution_id"])
    people: list[Sitting] = []
    for s in recorded:
        day, block = date.fromisoformat(s["day"]), int(s["block"])
        attended = s["source"] == "recorded" or s["trainee_attendance"] in attendance.ATTENDED
        people.append(Sitting(day, block, me, mine, professional=False, attended=attended))
        # Only what counts for the rule matters: an uncounted professional is left out.
        if s["counts"]:
            pro = str(s["professional_id"])
            people.append(Sitting(day, block, pro, mine, professional=True, attended=True))
    return count_supervised_shifts(me, people)


# --- observations and reviews ---------------------------------------------------------------


def observations(conn: Connection, trainee_id: int) -> list[dict[str, Any]]:
    rows = conn.execute(
        select(supervision_observations, users.c.display_name)
        .join(users, users.c.id == supervision_observations.c.observer_id)
        .where(supervision_observations.c.trainee_id == trainee_id)
        .order_by(supervision_observations.c.at, supervision_observations.c.id)
    ).mappings()
    return [
        {
            "id": r["id"],
            "observer_id": r["observer_id"],
            "observer": r["display_name"],
            "chat_ref": r["chat_ref"],
            "level": r["level"],
            "strengths": r["strengths"],
            "points": r["points"],
            "at": iso(r["at"]),
        }
        for r in rows
    ]


def review_rows(conn: Connection, trainee_id: int) -> list[RowMapping]:
    return list(
        conn.execute(
            select(supervision_reviews)
            .where(supervision_reviews.c.trainee_id == trainee_id)
            .order_by(supervision_reviews.c.created_at, supervision_reviews.c.id)
        ).mappings()
    )


def get_review(conn: Connection, review_id: int) -> RowMapping | None:
    return (
        conn.execute(select(supervision_reviews).where(supervision_reviews.c.id == review_id))
        .mappings()
        .one_or_none()
    )


def to_review(row: RowMapping) -> Review:
    return Review(
        trainee_id=str(row["trainee_id"]),
        reviewer_id=str(row["reviewer_id"]),
        chat_ref=row["chat_ref"],
        scores=json.loads(row["scores"]),
        released=row["released_at"] is not None,
        calibration=bool(row["calibration"]),
    )


def review_json(row: RowMapping, counted: bool | None = None) -> dict[str, Any]:
    review = to_review(row)
    data = {
        "id": row["id"],
        "trainee_id": row["trainee_id"],
        "reviewer_id": row["reviewer_id"],
        "chat_ref": row["chat_ref"],
        "scores": dict(review.scores),
        "average": str(review.average),
        "comment": row["comment"],
        "calibration": review.calibration,
        "released": review.released,
        "created_at": iso(row["created_at"]),
        "released_at": None if row["released_at"] is None else iso(row["released_at"]),
        "version": row["version"],
    }
    if counted is not None:
        data["counted"] = counted
    return data


def add_review(
    conn: Connection,
    trainee_id: int,
    reviewer_id: int,
    chat_ref: str,
    scores: dict[str, int],
    comment: str,
    now: datetime,
) -> int:
    """A second reviewer of the same chat writes a calibration review."""
    earlier = conn.execute(
        select(func.count())
        .select_from(supervision_reviews)
        .where(
            supervision_reviews.c.trainee_id == trainee_id,
            supervision_reviews.c.chat_ref == chat_ref,
        )
    ).scalar_one()
    return int(
        conn.execute(
            insert(supervision_reviews)
            .values(
                trainee_id=trainee_id,
                reviewer_id=reviewer_id,
                chat_ref=chat_ref,
                scores=json.dumps(scores, sort_keys=True),
                comment=comment,
                calibration=int(earlier) > 0,
                created_at=now,
                released_at=None,
                version=1,
            )
            .returning(supervision_reviews.c.id)
        ).scalar_one()
    )


# --- intervision and the whole assessment ---------------------------------------------------


def intervisions_attended(conn: Connection, user_id: int) -> int:
    return int(
        conn.execute(
            select(func.count())
            .select_from(intervision_participants)
            .where(
                intervision_participants.c.user_id == user_id,
                intervision_participants.c.attended.is_(True),
            )
        ).scalar_one()
    )


def current_signoff(conn: Connection, trainee_id: int) -> RowMapping | None:
    return (
        conn.execute(
            select(supervision_signoffs)
            .where(
                supervision_signoffs.c.trainee_id == trainee_id,
                supervision_signoffs.c.revoked_at.is_(None),
            )
            .order_by(supervision_signoffs.c.id.desc())
            .limit(1)
        )
        .mappings()
        .one_or_none()
    )


def get_signoff(conn: Connection, signoff_id: int) -> RowMapping | None:
    return (
        conn.execute(select(supervision_signoffs).where(supervision_signoffs.c.id == signoff_id))
        .mappings()
        .one_or_none()
    )


def signoff_json(row: RowMapping) -> dict[str, Any]:
    return {
        "id": row["id"],
        "trainee_id": row["trainee_id"],
        "signed_by": row["signed_by"],
        "signed_at": iso(row["signed_at"]),
        "criteria": json.loads(row["snapshot"]),
        "remark": row["remark"],
        "review_date": _day(row["review_date"]),
        "revoked_at": None if row["revoked_at"] is None else iso(row["revoked_at"]),
        "revoked_by": row["revoked_by"],
        "revoke_reason": row["revoke_reason"],
    }


class Assessment:
    """Everything the readiness of one trainee rests on, read once."""

    def __init__(self, conn: Connection, trainee_row: RowMapping, rule: ReadinessRule) -> None:
        trainee_id = int(trainee_row["id"])
        self.trainee = trainee_row
        self.training, self.training_version = training(conn, trainee_id)
        self.sittings = sittings(conn, trainee_row)
        self.shifts = supervised_shifts(trainee_row, self.sittings)
        self.reviews = review_rows(conn, trainee_id)
        own = frozenset(str(i) for i in supervisors_of(conn, int(trainee_row["institution_id"])))
        pairs = [(int(r["id"]), to_review(r)) for r in self.reviews]
        counted = counted_reviews([review for _id, review in pairs], str(trainee_id), own)
        chosen = {id(review) for review in counted}
        self.counted_ids = {rid for rid, review in pairs if id(review) in chosen}
        self.intervisions = intervisions_attended(conn, trainee_id)
        self.readiness: Readiness = assess(
            self.training, self.shifts, counted, self.intervisions, rule
        )
        self.signoff = current_signoff(conn, trainee_id)

    @property
    def stage(self) -> str:
        if self.signoff is not None:
            return Stage.SIGNED_OFF
        r = self.readiness
        if r.ready:
            return Stage.READY
        if not r.get(Criterion.TRAINING).met:
            return Stage.TRAINING
        if not r.get(Criterion.SUPERVISED_SHIFTS).met:
            return Stage.SHIFTS
        return Stage.REVIEWS

    def summary(self) -> dict[str, Any]:
        """What a supervisor's list shows per trainee."""
        return {
            "id": self.trainee["id"],
            "display_name": self.trainee["display_name"],
            "institution_id": self.trainee["institution_id"],
            "stage": self.stage,
            "ready": self.readiness.ready,
            "criteria": self.readiness.snapshot(),
            "signed_off": self.signoff is not None,
        }

    def record(self, conn: Connection) -> dict[str, Any]:
        """The full record (for the trainee and their institution's supervisors).
        Reviews show only once released; who wrote them is part of the record."""
        released = [r for r in self.reviews if r["released_at"] is not None]
        return {
            **self.summary(),
            "training": training_json(self.training, self.training_version),
            "supervised_shifts": self.shifts,
            "sittings": self.sittings,
            "observations": observations(conn, int(self.trainee["id"])),
            "reviews": [review_json(r, int(r["id"]) in self.counted_ids) for r in released],
            "intervisions_attended": self.intervisions,
            "signoff": None if self.signoff is None else signoff_json(self.signoff),
            "signoffs": [
                signoff_json(r)
                for r in conn.execute(
                    select(supervision_signoffs)
                    .where(supervision_signoffs.c.trainee_id == self.trainee["id"])
                    .order_by(supervision_signoffs.c.id)
                ).mappings()
            ],
        }


# --- sign-off -------------------------------------------------------------------------------


def _set_needs_backup(conn: Connection, trainee_id: int, needs: bool, now: datetime) -> None:
    ensure_status(conn, trainee_id, frozenset({Role.TRAINEE}), now)
    conn.execute(
        update(staff_status)
        .where(staff_status.c.user_id == trainee_id)
        .values(needs_backup=needs, version=staff_status.c.version + 1)
    )
    announce_staff(conn, trainee_id)


def sign_off(
    conn: Connection,
    assessment: Assessment,
    by: int,
    remark: str,
    review_date: date | None,
    now: datetime,
) -> int:
    trainee_id = int(assessment.trainee["id"])
    signoff_id = conn.execute(
        insert(supervision_signoffs)
        .values(
            trainee_id=trainee_id,
            signed_by=by,
            signed_at=now,
            snapshot=json.dumps(assessment.readiness.snapshot(), sort_keys=True),
            remark=remark,
            review_date=review_date,
        )
        .returning(supervision_signoffs.c.id)
    ).scalar_one()
    _set_needs_backup(conn, trainee_id, False, now)
    return int(signoff_id)


def revoke(conn: Connection, signoff: RowMapping, by: int, reason: str, now: datetime) -> None:
    conn.execute(
        update(supervision_signoffs)
        .where(supervision_signoffs.c.id == signoff["id"])
        .values(revoked_at=now, revoked_by=by, revoke_reason=reason)
    )
    _set_needs_backup(conn, int(signoff["trainee_id"]), True, now)


def override(
    conn: Connection, trainee_id: int, needs_backup: bool, by: int, reason: str, now: datetime
) -> None:
    """An admin's override, for trainees moved over from the old service: kept as a sign-off
    whose snapshot says `override` (or as a revocation), so the trainee's record, routing and
    the roster agree and the trail shows who did it and why."""
    current = current_signoff(conn, trainee_id)
    if needs_backup:
        if current is not None:
            revoke(conn, current, by, reason, now)
        else:
            _set_needs_backup(conn, trainee_id, True, now)
        return
    if current is None:
        conn.execute(
            insert(supervision_signoffs).values(
                trainee_id=trainee_id,
                signed_by=by,
                signed_at=now,
                snapshot=json.dumps({"override": True}),
                remark=reason,
                review_date=None,
            )
        )
    _set_needs_backup(conn, trainee_id, False, now)


# --- events ---------------------------------------------------------------------------------


def announce(conn: Connection, trainee_row: RowMapping, what: str, to_trainee: bool = True) -> None:
    """Tell the institution's supervisors (and the trainee) that a record changed; the
    payload names no content, the console fetches the record again."""
    data = {"trainee_id": trainee_row["id"], "what": what}
    stream = f"supervision:{trainee_row['id']}"
    inst = trainee_row["institution_id"]
    append_event(conn, stream, "supervision.record", f"inst:{inst}:role:supervisor", data)
    if to_trainee:
        append_event(conn, stream, "supervision.record", f"user:{trainee_row['id']}", data)


def _day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()
