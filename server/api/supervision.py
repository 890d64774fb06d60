"""Supervision: trainees' readiness records, sign-off (which drives routing), chat quality
reviews, the institutions' overview, and intervision meetings with sealed case notes.

Who may do what (the roles in each route's policy; the scope is checked in the handler):
- a trainee reads their own record; the supervisors of the trainee's institution read and
  write it and sign off; nobody else reads a record (admins manage accounts, not content);
- reviews are written by a helper or supervisor of ANOTHER institution (never the
  trainee's own supervisor), and the trainee sees one only after its reviewer released it;
- roster coordinators and the project lead see counts per institution, never records;
- intervision notes: the meeting's participants and the supervisors of their institutions.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import JSONResponse
from pydantic import Field
from sqlalchemy import Connection, RowMapping, select
from sqlalchemy.exc import IntegrityError

from console.domain.readiness import ENTRUSTMENT_LEVELS, ReadinessRule, Training, rubric_problems
from console.domain.roles import Role
from server.accounts import get_institution
from server.api.models import Body
from server.auth import Principal, policy
from server.db.tables import institutions, users, utcnow
from server.errors import ApiError, conflict, forbidden, not_found
from server.state import app_state
from server.supervision import core
from server.supervision import notes as iv
from server.supervision.tables import (
    supervision_observations,
    supervision_reviews,
    supervision_sittings,
)

router = APIRouter(prefix="/supervision", tags=["supervision"])

_T, _H, _S = Role.TRAINEE, Role.HELPER, Role.SUPERVISOR
SupervisorP = Annotated[Principal, Depends(policy(frozenset({_S}), "institution"))]
RecordReader = Annotated[Principal, Depends(policy(frozenset({_T, _S}), "institution"))]
Reviewer = Annotated[Principal, Depends(policy(frozenset({_H, _S}), "all"))]
OverviewReader = Annotated[
    Principal,
    Depends(policy(frozenset({Role.ROSTER_COORDINATOR, Role.PROJECT_LEAD}), "all")),
]
RuleReader = Annotated[
    Principal,
    Depends(policy(frozenset({_T, _H, _S, Role.ROSTER_COORDINATOR, Role.PROJECT_LEAD}), "all")),
]
RuleWriter = Annotated[Principal, Depends(policy(frozenset({Role.PROJECT_LEAD}), "all"))]
Admin = Annotated[Principal, Depends(policy(frozenset({Role.ADMIN}), "all"))]
Intervision = Annotated[Principal, Depends(policy(frozenset({_T, _H, _S}), "institution"))]

Id = Annotated[int, Path(ge=1, le=2**31 - 1)]  # an INTEGER column: larger is 422, not 500
TxnId = Annotated[str, Path(min_length=8, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")]
ChatRef = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")]
LongText = Annotated[str, Field(max_length=20_000)]


class TrainingBody(Body):
    national_date: date | None = None
    national_trainer: str = Field(default="", max_length=200)
    kindertelefoon_date: date | None = None
    role_plays: int = Field(default=0, ge=0, le=1000)
    binder_read: bool = False
    refreshers: dict[Annotated[str, Field(min_length=1, max_length=100)], date] = Field(
        default_factory=dict, max_length=50
    )
    #: The record's version as read (0: nothing recorded yet).
    version: int = Field(ge=0)


class ObservationBody(Body):
    chat_ref: ChatRef
    level: int
    strengths: str = Field(default="", max_length=4000)
    points: str = Field(default="", max_length=4000)


class ReviewBody(Body):
    chat_ref: ChatRef
    scores: dict[str, Any] = Field(max_length=50)
    comment: str = Field(default="", max_length=4000)


class SittingBody(Body):
    day: date
    block: int = Field(ge=0, le=50)
    professional_id: int = Field(ge=1)


class SignoffBody(Body):
    remark: str = Field(default="", max_length=2000)
    review_date: date | None = None


class RevokeBody(Body):
    reason: str = Field(min_length=1, max_length=2000)


class RuleBody(Body):
    supervised_shifts: int = Field(ge=0, le=1000)
    reviews: int = Field(ge=0, le=100)
    #: A fraction as text ("3", "7/2") or a number.
    review_average: str | int | float
    intervisions: int = Field(ge=0, le=100)
    role_plays: int = Field(ge=0, le=100)
    version: int = Field(ge=0)


class MaySuperviseBody(Body):
    may_supervise: bool


class MeetingBody(Body):
    day: date
    #: One institution's meeting (the caller's own), or None: across institutions.
    institution_id: int | None = None
    method: Literal["incident", "ten_step", "balint", "free"]
    participants: list[int] = Field(min_length=1, max_length=60)


class AttendanceBody(Body):
    attended: list[int] = Field(max_length=60)
    version: int = Field(ge=1)


class ActionItemBody(Body):
    text: str = Field(min_length=1, max_length=1000)
    owner_id: int = Field(ge=1)
    due: date | None = None


class QuoteBody(Body):
    chat_ref: ChatRef
    text: str = Field(min_length=1, max_length=4000)
    #: Names the author knows occur in the fragment (masked too).
    names: list[Annotated[str, Field(max_length=100)]] = Field(default_factory=list, max_length=50)


class NoteBody(Body):
    case: LongText = ""
    question: LongText = ""
    questions_and_advice: LongText = ""
    approach: LongText = ""
    follow_up: LongText = ""
    action_items: list[ActionItemBody] = Field(default_factory=list, max_length=50)
    quotes: list[QuoteBody] = Field(default_factory=list, max_length=20)


class NoteEditBody(NoteBody):
    version: int = Field(ge=1)


def _invalid(message: str, fields: list[dict[str, str]]) -> ApiError:
    return ApiError(422, "invalid", message, fields=fields)


# --- scope checks ---------------------------------------------------------------------------


def _trainee(conn: Connection, trainee_id: int) -> RowMapping:
    row = core.trainee(conn, trainee_id)
    if row is None:
        raise not_found("No such trainee.")
    return row


def _supervisor_of(conn: Connection, who: Principal, trainee_row: RowMapping) -> None:
    """Only a supervisor of the trainee's own institution (who may supervise)."""
    if Role.SUPERVISOR not in who.roles or who.institution_id != trainee_row["institution_id"]:
        raise forbidden("Only a supervisor of the trainee's own institution may do this.")
    if not core.may_supervise(conn, who.user_id):
        raise forbidden("You may not supervise yet; an admin can lift this.")


def _supervised(conn: Connection, who: Principal, trainee_id: int) -> RowMapping:
    row = _trainee(conn, trainee_id)
    _supervisor_of(conn, who, row)
    return row


def _assessment(conn: Connection, trainee_row: RowMapping) -> core.Assessment:
    rule, _version = core.load_rule(conn)
    return core.Assessment(conn, trainee_row, rule)


# --- readiness records ----------------------------------------------------------------------


@router.get("/trainees")
def list_trainees(request: Request, who: SupervisorP) -> Any:
    """The trainees of the supervisor's institution with their progress."""
    with app_state(request).db.read() as conn:
        rule, _version = core.load_rule(conn)
        return {
            "rule": core.rule_json(rule),
            "trainees": [
                core.Assessment(conn, row, rule).summary()
                for row in core.trainees_of(conn, who.institution_id)
            ],
        }


@router.get("/trainees/{trainee_id}")
def get_trainee(request: Request, who: RecordReader, trainee_id: Id) -> Any:
    """The full record with the progress on each criterion (the trainee, or a supervisor
    of their institution)."""
    with app_state(request).db.read() as conn:
        row = _trainee(conn, trainee_id)
        if who.user_id != trainee_id:
            _supervisor_of(conn, who, row)
        rule, _version = core.load_rule(conn)
        return {**core.Assessment(conn, row, rule).record(conn), "rule": core.rule_json(rule)}


@router.put("/trainees/{trainee_id}/training")
def put_training(request: Request, who: SupervisorP, trainee_id: Id, body: TrainingBody) -> Any:
    now = utcnow()
    with app_state(request).db.write() as conn:
        row = _supervised(conn, who, trainee_id)
        current, version = core.training(conn, trainee_id)
        if body.version != version:
            raise conflict(
                "Someone else changed this training record. Compare and try again.",
                current=core.training_json(current, version),
            )
        record = Training(
            national_date=body.national_date,
            national_trainer=body.national_trainer.strip(),
            kindertelefoon_date=body.kindertelefoon_date,
            role_plays=body.role_plays,
            binder_read=body.binder_read,
            refreshers={k.strip(): v for k, v in body.refreshers.items()},
        )
        new_version = core.save_training(conn, trainee_id, record, version, who.user_id, now)
        core.announce(conn, row, "training")
        return core.training_json(record, new_version)


@router.post("/trainees/{trainee_id}/observations", status_code=201)
def add_observation(
    request: Request, who: SupervisorP, trainee_id: Id, body: ObservationBody
) -> Any:
    if body.level not in ENTRUSTMENT_LEVELS:
        raise _invalid(
            "level: an entrustment level is 1 to 5.",
            [{"field": "level", "message": "An entrustment level is 1 to 5."}],
        )
    now = utcnow()
    with app_state(request).db.write() as conn:
        row = _supervised(conn, who, trainee_id)
        new_id = conn.execute(
            supervision_observations.insert()
            .values(
                trainee_id=trainee_id,
                observer_id=who.user_id,
                chat_ref=body.chat_ref,
                level=body.level,
                strengths=body.strengths,
                points=body.points,
                at=now,
            )
            .returning(supervision_observations.c.id)
        ).scalar_one()
        core.announce(conn, row, "observation")
        found = [o for o in core.observations(conn, trainee_id) if o["id"] == new_id]
        return found[0]


@router.post("/trainees/{trainee_id}/sittings")
def add_sitting(request: Request, who: SupervisorP, trainee_id: Id, body: SittingBody) -> Any:
    """Record an attended shift (this slice's stand-in for the roster's attendance). It
    counts only with an attending professional of the trainee's own institution who may
    supervise; recording the same shift again changes nothing."""
    now = utcnow()
    with app_state(request).db.write() as conn:
        row = _supervised(conn, who, trainee_id)
        professional = core.user(conn, body.professional_id)
        if professional is None or body.professional_id == trainee_id:
            raise _invalid(
                "professional_id: no such helper.",
                [{"field": "professional_id", "message": "No such helper."}],
            )
        exists = conn.execute(
            select(supervision_sittings.c.id).where(
                supervision_sittings.c.trainee_id == trainee_id,
                supervision_sittings.c.day == body.day,
                supervision_sittings.c.block == body.block,
                supervision_sittings.c.professional_id == body.professional_id,
            )
        ).first()
        if exists is None:
            conn.execute(
                supervision_sittings.insert().values(
                    trainee_id=trainee_id,
                    day=body.day,
                    block=body.block,
                    professional_id=body.professional_id,
                    recorded_by=who.user_id,
                    recorded_at=now,
                )
            )
            core.announce(conn, row, "sittings")
        recorded = core.sittings(conn, row)
        shift = next(
            s
            for s in recorded
            if s["day"] == body.day.isoformat()
            and s["block"] == body.block
            and s["professional_id"] == body.professional_id
        )
        answer = {**shift, "supervised_shifts": core.supervised_shifts(row, recorded)}
        return JSONResponse(answer, status_code=201 if exists is None else 200)


# --- reviews --------------------------------------------------------------------------------


@router.post("/trainees/{trainee_id}/reviews", status_code=201)
def add_review(request: Request, who: Reviewer, trainee_id: Id, body: ReviewBody) -> Any:
    """A chat quality review on the rubric, by someone of another institution."""
    now = utcnow()
    with app_state(request).db.write() as conn:
        row = _trainee(conn, trainee_id)
        if who.institution_id == row["institution_id"]:
            raise forbidden(
                "The trainee's own institution does not review their chats; "
                "a helper or supervisor of another institution does."
            )
        problems = rubric_problems(body.scores)
        if problems:
            raise _invalid(
                "Please check the scores. " + "; ".join(problems),
                [{"field": "scores", "message": p} for p in problems],
            )
        taken = conn.execute(
            select(supervision_reviews.c.id).where(
                supervision_reviews.c.trainee_id == trainee_id,
                supervision_reviews.c.chat_ref == body.chat_ref,
                supervision_reviews.c.reviewer_id == who.user_id,
            )
        ).first()
        if taken is not None:
            raise conflict("You already reviewed this chat.", review_id=taken[0])
        review_id = core.add_review(
            conn, trainee_id, who.user_id, body.chat_ref, body.scores, body.comment, now
        )
        core.announce(conn, row, "review", to_trainee=False)
        review = core.get_review(conn, review_id)
        assert review is not None
        return core.review_json(review)


@router.get("/review-candidates")
def review_candidates(request: Request, who: Reviewer) -> Any:
    """Active trainees of other institutions than the caller's: whom the caller may review."""
    with app_state(request).db.read() as conn:
        return {"trainees": core.review_candidates(conn, who.institution_id)}


@router.get("/reviews")
def my_reviews(request: Request, who: Reviewer) -> Any:
    """The reviews the caller wrote (released or not)."""
    with app_state(request).db.read() as conn:
        rows = conn.execute(
            select(supervision_reviews)
            .where(supervision_reviews.c.reviewer_id == who.user_id)
            .order_by(supervision_reviews.c.id)
        ).mappings()
        return {"reviews": [core.review_json(r) for r in rows]}


@router.post("/reviews/{review_id}/release")
def release_review(request: Request, who: Reviewer, review_id: Id) -> Any:
    """The reviewer releases the review: from now on the trainee sees it and it counts."""
    now = utcnow()
    with app_state(request).db.write() as conn:
        review = core.get_review(conn, review_id)
        if review is None:
            raise not_found("No such review.")
        if review["reviewer_id"] != who.user_id:
            raise forbidden("Only the reviewer releases a review.")
        if review["released_at"] is None:
            conn.execute(
                supervision_reviews.update()
                .where(supervision_reviews.c.id == review_id)
                .values(released_at=now, version=review["version"] + 1)
            )
            row = core.user(conn, int(review["trainee_id"]))
            assert row is not None
            core.announce(conn, row, "review")
        released = core.get_review(conn, review_id)
        assert released is not None
        return core.review_json(released)


# --- sign-off -------------------------------------------------------------------------------


@router.post("/trainees/{trainee_id}/signoff", status_code=201)
def sign_off(request: Request, who: SupervisorP, trainee_id: Id, body: SignoffBody) -> Any:
    """ "May chat without backup": refused (409 `not_ready` with the criteria) until the
    trainee meets the rule. Routing then gives them chats with no backup present."""
    now = utcnow()
    with app_state(request).db.write() as conn:
        row = _supervised(conn, who, trainee_id)
        assessment = _assessment(conn, row)
        if assessment.signoff is not None:
            raise conflict(
                "This trainee is already signed off.",
                reason="signed_off",
                current=core.signoff_json(assessment.signoff),
            )
        if not assessment.readiness.ready:
            snapshot = assessment.readiness.snapshot()
            unmet = [p.criterion.value for p in assessment.readiness.criteria if not p.met]
            raise ApiError(
                409,
                "not_ready",
                "The trainee does not meet the readiness rule yet: " + ", ".join(unmet) + ".",
                criteria=snapshot,
                unmet=unmet,
            )
        core.sign_off(conn, assessment, who.user_id, body.remark, body.review_date, now)
        core.announce(conn, row, "signoff")
        current = core.current_signoff(conn, trainee_id)
        assert current is not None
        return core.signoff_json(current)


@router.post("/trainees/{trainee_id}/signoff/revoke")
def revoke_signoff(request: Request, who: SupervisorP, trainee_id: Id, body: RevokeBody) -> Any:
    """Back to chatting only with backup present."""
    now = utcnow()
    with app_state(request).db.write() as conn:
        row = _supervised(conn, who, trainee_id)
        current = core.current_signoff(conn, trainee_id)
        if current is None:
            raise conflict("This trainee is not signed off.", reason="not_signed_off")
        core.revoke(conn, current, who.user_id, body.reason.strip(), now)
        core.announce(conn, row, "signoff")
        revoked = core.get_signoff(conn, int(current["id"]))
        assert revoked is not None
        return core.signoff_json(revoked)


# --- overview, rule, may-supervise ----------------------------------------------------------


@router.get("/overview")
def overview(request: Request, _who: OverviewReader) -> Any:
    """Per institution: how many trainees at which stage. No names, no records."""
    with app_state(request).db.read() as conn:
        rule, _version = core.load_rule(conn)
        counts: dict[int, dict[str, int]] = {}
        for row in core.trainees_of(conn, None):
            stage = core.Assessment(conn, row, rule).stage
            per = counts.setdefault(int(row["institution_id"]), dict.fromkeys(core.Stage.ALL, 0))
            per[stage] += 1
        rows = conn.execute(
            select(institutions.c.id, institutions.c.name)
            .where(institutions.c.id.in_(list(counts)))
            .order_by(institutions.c.name)
        ).all()
        return {
            "stages": list(core.Stage.ALL),
            "institutions": [
                {
                    "institution_id": i,
                    "name": name,
                    "trainees": sum(counts[i].values()),
                    "stages": counts[i],
                }
                for i, name in rows
            ],
        }


@router.get("/rule")
def get_rule(request: Request, _who: RuleReader) -> Any:
    with app_state(request).db.read() as conn:
        rule, version = core.load_rule(conn)
        return {**core.rule_json(rule), "version": version}


@router.put("/rule")
def put_rule(request: Request, _who: RuleWriter, body: RuleBody) -> Any:
    """Override the readiness rule (the project lead; versioned)."""
    try:
        rule = ReadinessRule(
            supervised_shifts=body.supervised_shifts,
            reviews=body.reviews,
            review_average=Fraction(str(body.review_average)),
            intervisions=body.intervisions,
            role_plays=body.role_plays,
        )
    except (ValueError, ZeroDivisionError) as exc:
        raise _invalid(
            f"review_average: {exc}", [{"field": "review_average", "message": str(exc)}]
        ) from None
    with app_state(request).db.write() as conn:
        current, version = core.load_rule(conn)
        if body.version != version:
            raise conflict(
                "Someone else changed the rule. Compare and try again.",
                current={**core.rule_json(current), "version": version},
            )
        new_version = core.save_rule(conn, rule, version)
        return {**core.rule_json(rule), "version": new_version}


@router.put("/staff/{user_id}/may-supervise")
def put_may_supervise(request: Request, _who: Admin, user_id: Id, body: MaySuperviseBody) -> Any:
    """Lift (or set) "may not supervise" (an account matter: admins)."""
    now = utcnow()
    with app_state(request).db.write() as conn:
        if core.user(conn, user_id) is None:
            raise not_found("No such user.")
        core.set_may_supervise(conn, user_id, body.may_supervise, now)
        return {"user_id": user_id, "may_supervise": core.may_supervise(conn, user_id)}


# --- intervision ----------------------------------------------------------------------------


def _meeting(conn: Connection, who: Principal, meeting_id: int) -> tuple[RowMapping, list[Any]]:
    meeting = iv.get_meeting(conn, meeting_id)
    if meeting is None:
        raise not_found("No such meeting.")
    people = iv.participants(conn, meeting_id)
    if not iv.may_read(who, people):
        raise forbidden("Only the meeting's participants and their supervisors read this.")
    return meeting, people


@router.post("/meetings", status_code=201)
def create_meeting(request: Request, who: SupervisorP, body: MeetingBody) -> Any:
    """Plan an intervision meeting (a supervisor; the organiser takes part)."""
    if who.roles & iv.NEVER:
        raise forbidden()
    if body.institution_id is not None and body.institution_id != who.institution_id:
        raise forbidden("An institution's meeting is organised by its own supervisors.")
    now = utcnow()
    with app_state(request).db.write() as conn:
        people = {*body.participants, who.user_id}
        wrong = []
        for uid in sorted(people):
            person = core.user(conn, uid)
            ok = (
                person is not None
                and bool(person["active"])
                and bool(core.roles(conn, uid) & {_T, _H, _S})
                and not (core.roles(conn, uid) & iv.NEVER)
                and (body.institution_id in (None, person["institution_id"]))
            )
            if not ok:
                wrong.append(uid)
        if wrong:
            raise _invalid(
                f"participants: these cannot take part: {wrong}.",
                [{"field": "participants", "message": f"Cannot take part: {wrong}"}],
            )
        if body.institution_id is not None and get_institution(conn, body.institution_id) is None:
            raise _invalid("institution_id: no such institution.", [{"field": "institution_id"}])
        meeting_id = iv.create_meeting(
            conn, body.day, body.institution_id, body.method, people, who.user_id, now
        )
        listed = iv.participants(conn, meeting_id)
        iv.announce_meeting(conn, meeting_id, listed)
        meeting = iv.get_meeting(conn, meeting_id)
        assert meeting is not None
        return iv.meeting_json(meeting, listed)


@router.get("/meetings")
def list_meetings(request: Request, who: Intervision) -> Any:
    with app_state(request).db.read() as conn:
        return {"meetings": iv.visible_meetings(conn, who)}


@router.get("/meetings/{meeting_id}")
def get_meeting(
    request: Request, who: Intervision, meeting_id: Id, with_previous: bool = False
) -> Any:
    """The meeting; `?with_previous=true` adds `previous`: the follow-ups and action items
    of the meeting before it (null if none or not readable), each note recorded as read."""
    if not with_previous:
        with app_state(request).db.read() as conn:
            meeting, people = _meeting(conn, who, meeting_id)
            return iv.meeting_json(meeting, people)
    state = app_state(request)
    with state.db.write() as conn:
        meeting, people = _meeting(conn, who, meeting_id)
        seal = iv.seal_for(state.note_secret)
        previous = iv.previous_json(conn, meeting, who, seal, utcnow())
        return {**iv.meeting_json(meeting, people), "previous": previous}


@router.put("/meetings/{meeting_id}/attendance")
def put_attendance(request: Request, who: Intervision, meeting_id: Id, body: AttendanceBody) -> Any:
    """Who attended (everyone else listed did not); counts for the readiness rule."""
    with app_state(request).db.write() as conn:
        meeting, people = _meeting(conn, who, meeting_id)
        if not iv.may_take_attendance(who, meeting, people):
            raise forbidden("The organiser or a supervisor takes attendance.")
        if body.version != meeting["version"]:
            raise conflict(
                "Someone else changed this meeting. Compare and try again.",
                current=iv.meeting_json(meeting, people),
            )
        listed = {int(p["user_id"]) for p in people}
        strangers = sorted(set(body.attended) - listed)
        if strangers:
            raise _invalid(
                f"attended: not participants: {strangers}.",
                [{"field": "attended", "message": f"Not participants: {strangers}"}],
            )
        iv.set_attendance(conn, meeting_id, set(body.attended))
        iv.announce_meeting(conn, meeting_id, people)
        updated = iv.get_meeting(conn, meeting_id)
        assert updated is not None
        return iv.meeting_json(updated, iv.participants(conn, meeting_id))


def _content(conn: Connection, meeting: RowMapping, body: NoteBody) -> dict[str, Any]:
    content = iv.content_of(meeting["method"], body.model_dump(mode="json"))
    wrong = iv.note_problems(meeting["method"], content)
    owners = {item.owner_id for item in body.action_items}
    if owners:
        known = set(conn.execute(select(users.c.id).where(users.c.id.in_(owners))).scalars())
        wrong += [
            {"field": "action_items", "message": f"No such owner: {uid}"}
            for uid in sorted(owners - known)
        ]
    if wrong:
        raise _invalid(
            "Please check the note. " + "; ".join(f"{w['field']}: {w['message']}" for w in wrong),
            wrong,
        )
    return content


@router.post("/meetings/{meeting_id}/notes", status_code=201)
def add_note(request: Request, who: Intervision, meeting_id: Id, body: NoteBody) -> Any:
    """A case note by a participant; quoted chat fragments are masked before storing."""
    state = app_state(request)
    seal = iv.seal_for(state.note_secret)
    now = utcnow()
    with state.db.write() as conn:
        meeting, people = _meeting(conn, who, meeting_id)
        if not iv.is_participant(who, people):
            raise forbidden("Only the meeting's participants write its notes.")
        content = _content(conn, meeting, body)
        note_id = iv.add_note(conn, meeting_id, who.user_id, content, seal, now)
        iv.announce_meeting(conn, meeting_id, people)
        note = iv.get_note(conn, note_id)
        assert note is not None
        return iv.note_json(note, content)


@router.put("/meetings/{meeting_id}/notes/txn/{txn_id}", status_code=201)
def put_note(
    request: Request, who: Intervision, meeting_id: Id, txn_id: TxnId, body: NoteBody
) -> Any:
    """The same as POST, but idempotent: the console's outbox may send a note written offline
    more than once (a lost answer); the same `txn_id` again answers the stored note (200)."""
    state = app_state(request)
    seal = iv.seal_for(state.note_secret)
    try:
        with state.db.write() as conn:
            existing = iv.note_by_txn(conn, who.user_id, txn_id)
            if existing is None:
                meeting, people = _meeting(conn, who, meeting_id)
                if not iv.is_participant(who, people):
                    raise forbidden("Only the meeting's participants write its notes.")
                content = _content(conn, meeting, body)
                now = utcnow()
                note_id = iv.add_note(conn, meeting_id, who.user_id, content, seal, now, txn_id)
                iv.announce_meeting(conn, meeting_id, people)
                note = iv.get_note(conn, note_id)
                assert note is not None
                return JSONResponse(iv.note_json(note, content), status_code=201)
    except IntegrityError:
        # Two sends of the same note raced; the other one stored it.
        with state.db.read() as conn:
            existing = iv.note_by_txn(conn, who.user_id, txn_id)
        if existing is None:
            raise
    if existing["meeting_id"] != meeting_id:
        raise conflict("This txn_id was already used for a note in another meeting.")
    return JSONResponse(iv.note_json(existing, iv.own_content(existing, seal)), status_code=200)


@router.get("/meetings/{meeting_id}/notes")
def list_notes(request: Request, who: Intervision, meeting_id: Id) -> Any:
    """The meeting's notes; each one returned is recorded as read by the caller."""
    state = app_state(request)
    seal = iv.seal_for(state.note_secret)
    now = utcnow()
    with state.db.write() as conn:
        _meeting(conn, who, meeting_id)
        return {
            "notes": [
                iv.read_note(conn, note, who.user_id, seal, now)
                for note in iv.notes_of(conn, meeting_id)
            ]
        }


def _note(conn: Connection, who: Principal, note_id: int) -> RowMapping:
    note = iv.get_note(conn, note_id)
    if note is None:
        raise not_found("No such note.")
    _meeting(conn, who, int(note["meeting_id"]))
    return note


@router.get("/notes/{note_id}")
def get_note(request: Request, who: Intervision, note_id: Id) -> Any:
    state = app_state(request)
    seal = iv.seal_for(state.note_secret)
    with state.db.write() as conn:
        note = _note(conn, who, note_id)
        return iv.read_note(conn, note, who.user_id, seal, utcnow())


@router.put("/meetings/{meeting_id}/notes/{note_id}")
def edit_note(
    request: Request, who: Intervision, meeting_id: Id, note_id: Id, body: NoteEditBody
) -> Any:
    """The author edits their note (versioned; 409 with the current note when stale)."""
    state = app_state(request)
    seal = iv.seal_for(state.note_secret)
    now = utcnow()
    with state.db.write() as conn:
        note = _note(conn, who, note_id)
        if note["meeting_id"] != meeting_id:
            raise not_found("No such note.")
        if note["author_id"] != who.user_id:
            raise forbidden("Only the author edits a note.")
        meeting = iv.get_meeting(conn, meeting_id)
        assert meeting is not None
        if body.version != note["version"]:
            raise conflict(
                "The note changed since you opened it. Compare and try again.",
                current=iv.read_note(conn, note, who.user_id, seal, now),
            )
        content = _content(conn, meeting, body)
        iv.update_note(conn, note, content, seal, now)
        updated = iv.get_note(conn, note_id)
        assert updated is not None
        return iv.note_json(updated, content)


@router.get("/notes/{note_id}/reads")
def note_reads(request: Request, who: Intervision, note_id: Id) -> Any:
    """Who read the note when: for its author only."""
    with app_state(request).db.read() as conn:
        note = iv.get_note(conn, note_id)
        if note is None:
            raise not_found("No such note.")
        if note["author_id"] != who.user_id or who.roles & iv.NEVER:
            raise forbidden("Only the note's author sees who read it.")
        return {"note_id": note_id, "reads": iv.reads_of(conn, note_id)}
