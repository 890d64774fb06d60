"""The staff's side of the chat: status, messages, phases, registration, supervision,
consultation and referrals. Everything that changes reaches consoles as events on /sync.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import JSONResponse
from pydantic import Field
from sqlalchemy import Connection, RowMapping, insert, select, update
from sqlalchemy.exc import IntegrityError

from console.domain.chat import (
    MAX_MESSAGE_CHARS,
    ChatState,
    EndReason,
    Phase,
    ReferralDraft,
    ReferralKind,
    Registration,
    TargetGroup,
)
from console.domain.roles import CHAT_SCHEDULERS, CHAT_TEXT_EDITORS, Role
from console.domain.routing import StaffStatus
from server.api.models import MAX_ID, Body, RowId, named
from server.auth import Principal, policy
from server.chat import config, referrals
from server.chat.access import grants_for, is_current_helper, may_read
from server.chat.core import (
    clean_text,
    end_chat,
    find_message,
    get_chat,
    pending_registrations,
    post_message,
)
from server.chat.presence import touch_staff
from server.chat.snapshot import chat_view
from server.chat.staffing import assign_waiting, ensure_status, lock_routing, set_status
from server.db.tables import chat_phases, chat_registrations, chat_settings, users, utcnow
from server.errors import ApiError, conflict, forbidden, not_found
from server.events import append_event, iso
from server.state import app_state
from server.supervision import core as supervision

router = APIRouter(tags=["chat"])

CHAT_STAFF = frozenset({Role.TRAINEE, Role.HELPER, Role.SUPERVISOR})
STAFF = policy(CHAT_STAFF, "self")
WATCHERS = policy(CHAT_STAFF, "institution")
SUPERVISORS = policy(frozenset({Role.SUPERVISOR, Role.ADMIN}), "institution")
SCHEDULERS = policy(CHAT_SCHEDULERS, "all")
TEXT_EDITORS = policy(CHAT_TEXT_EDITORS, "all")

Staff = Annotated[Principal, Depends(STAFF)]
Watcher = Annotated[Principal, Depends(WATCHERS)]
Supervisor = Annotated[Principal, Depends(SUPERVISORS)]
Admin = Annotated[Principal, Depends(policy(frozenset({Role.ADMIN}), "all"))]
TxnId = Annotated[str, Path(min_length=8, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")]
ChatId = Annotated[int, Path(ge=1, le=MAX_ID)]


class StatusBody(Body):
    status: StaffStatus


class TextBody(Body):
    text: str = Field(min_length=1)


class EndBody(Body):
    not_serious: bool = False


class RegistrationBody(Body):
    theme: str = Field(min_length=1, max_length=100)
    subtopic: str | None = Field(default=None, max_length=100)
    seemed_serious: bool
    target_group: TargetGroup
    referral: ReferralKind = ReferralKind.NONE
    referred_to: str = Field(default="", max_length=200)
    crisis: bool = False
    phases_completed: list[Phase] = Field(default_factory=list, max_length=5)
    remark: str = Field(default="", max_length=2000)


class ReferralBody(Body):
    kind: ReferralKind
    service: str = Field(min_length=1, max_length=200)
    consent: bool = False
    contact_name: str = Field(default="", max_length=200)
    contact_phone: str = Field(default="", max_length=200)
    contact_email: str = Field(default="", max_length=200)
    note: str = Field(default="", max_length=2000)


class BackupBody(Body):
    needs_backup: bool
    #: Why an admin overrides the readiness sign-off (kept in the audit log).
    reason: str = Field(min_length=3, max_length=500)


class OpenDayBody(Body):
    open: bool


class TextsBody(Body):
    crisis_protocol: str = Field(min_length=1, max_length=20000)
    snippets: list[dict[str, str]] = Field(max_length=50)
    referral_services: list[str] = Field(max_length=50)
    #: The version the editor read (`GET /chat/texts`; 0 while the defaults apply).
    version: int = Field(ge=0)


def _text(raw: str) -> str:
    text = clean_text(raw)
    if len(text) > MAX_MESSAGE_CHARS:
        raise ApiError(
            413, "too_large", f"A message may be at most {MAX_MESSAGE_CHARS} characters."
        )
    if not text:
        raise ApiError(422, "invalid", "The message is empty.", fields=[{"field": "text"}])
    return text


def _chat(conn: Connection, chat_id: int) -> RowMapping:
    chat = get_chat(conn, chat_id)
    if chat is None:
        raise not_found("No such chat.")
    return chat


def _grant(conn: Connection, caller: Principal, chat_id: int) -> Any:
    grant = may_read(grants_for(conn, caller.user_id, caller.institution_id, caller.roles), chat_id)
    if grant is None:
        raise forbidden("This chat is not yours to read.")
    return grant


def _mine(conn: Connection, caller: Principal, chat_id: int) -> RowMapping:
    chat = _chat(conn, chat_id)
    if not is_current_helper(conn, chat_id, caller.user_id):
        raise conflict("This chat is not (or no longer) yours.", reason="not_your_chat")
    return chat


@router.put("/me/status")
def put_status(request: Request, caller: Staff, body: StatusBody) -> Any:
    """Available, pause or offline. Available only with every earlier chat registered."""
    state = app_state(request)
    now = utcnow()
    with state.db.write() as conn:
        lock_routing(conn)  # before the status row: one lock order with the sweep's routing
        ensure_status(conn, caller.user_id, caller.roles, now)
        if body.status is StaffStatus.AVAILABLE:
            pending = pending_registrations(conn, caller.user_id)
            if pending:
                raise conflict(
                    "Register your last chat before taking the next one.",
                    reason="registration_pending",
                    chat_ids=pending,
                )
        row = set_status(conn, caller.user_id, body.status, now)
        touch_staff(conn, caller.user_id, now)
        if body.status is StaffStatus.AVAILABLE:
            assign_waiting(conn, now, state.settings.presence_timeout)
    return {"status": row["status"], "since": iso(row["since"])}


@router.get("/chats/{chat_id}")
def read_chat(request: Request, caller: Watcher, chat_id: ChatId) -> Any:
    """A chat and the part of its transcript the caller may read (the read is audited)."""
    with app_state(request).db.write() as conn:
        _chat(conn, chat_id)
        grant = _grant(conn, caller, chat_id)
        view = chat_view(conn, chat_id, grant)
        referrals.audit(conn, caller.user_id, "chat.read", f"chat:{chat_id}", utcnow())
    return view


@router.put("/chats/{chat_id}/messages/{txn_id}", status_code=201)
def put_message(
    request: Request, caller: Staff, chat_id: ChatId, txn_id: TxnId, body: TextBody
) -> Any:
    """Send to the youth; the same `txn_id` again answers the stored message (200)."""
    text = _text(body.text)
    db = app_state(request).db
    try:
        with db.write() as conn:
            existing = _find(conn, chat_id, "helper", caller.user_id, txn_id)
            if existing is None:
                chat = _mine(conn, caller, chat_id)
                if chat["state"] == ChatState.ENDED.value:
                    raise conflict("This chat has ended.", reason="ended")
                result = post_message(
                    conn,
                    chat_id,
                    "helper",
                    caller.user_id,
                    txn_id,
                    text,
                    utcnow(),
                    author=caller.display_name,
                    checked=True,
                )
                return JSONResponse(result.message, status_code=201)
    except IntegrityError:
        with db.read() as conn:
            existing = _find(conn, chat_id, "helper", caller.user_id, txn_id)
        if existing is None:  # another helper of this chat (before a hand-over) used it
            raise conflict("This txn_id was already used for a different message.") from None
    if existing["text"] != text:
        raise conflict("This txn_id was already used for a different message.")
    return JSONResponse(existing, status_code=200)


def _find(
    conn: Connection, chat_id: int, sender: str, author_id: int, txn_id: str
) -> dict[str, Any] | None:
    return find_message(conn, chat_id, sender, txn_id, author_id)


@router.post("/chats/{chat_id}/end")
def end(request: Request, caller: Staff, chat_id: ChatId, body: EndBody | None = None) -> Any:
    """End the chat (as not serious, optionally). Ending twice changes nothing."""
    with app_state(request).db.write() as conn:
        chat = _chat(conn, chat_id)
        if chat["state"] != ChatState.ENDED.value:
            _mine(conn, caller, chat_id)
            reason = EndReason.NOT_SERIOUS if body and body.not_serious else EndReason.HELPER
            end_chat(conn, chat, reason, utcnow())
        elif _grant(conn, caller, chat_id) is None:
            raise forbidden()
    return {"status": ChatState.ENDED.value}


@router.put("/chats/{chat_id}/phases/{phase}")
def put_phase(request: Request, caller: Staff, chat_id: ChatId, phase: Phase) -> Any:
    """Mark a phase of the conversation as reached (the first time counts)."""
    now = utcnow()
    with app_state(request).db.write() as conn:
        _mine(conn, caller, chat_id)
        reached = conn.execute(
            select(chat_phases.c.reached_at).where(
                chat_phases.c.chat_id == chat_id, chat_phases.c.phase == phase.value
            )
        ).scalar_one_or_none()
        if reached is None:
            reached = now
            conn.execute(
                insert(chat_phases).values(
                    chat_id=chat_id, phase=phase.value, user_id=caller.user_id, reached_at=now
                )
            )
            append_event(
                conn,
                f"chat:{chat_id}",
                "chat.phase",
                f"chatstaff:{chat_id}",
                {"chat_id": chat_id, "phase": phase.value, "at": iso(now)},
            )
    return {"phase": phase.value, "at": iso(reached)}


@router.put("/chats/{chat_id}/registration", status_code=201)
def put_registration(
    request: Request, caller: Staff, chat_id: ChatId, body: RegistrationBody
) -> Any:
    """Register an ended chat (once; the same registration again answers 200)."""
    registration = Registration(
        theme=body.theme,
        subtopic=body.subtopic,
        seemed_serious=body.seemed_serious,
        target_group=body.target_group,
        referral=body.referral,
        referred_to=body.referred_to,
        crisis=body.crisis,
        phases_completed=tuple(body.phases_completed),
        remark=clean_text(body.remark),
    )
    db = app_state(request).db
    with db.write() as conn:
        wrong = registration.problems(config.taxonomy(conn))
        if wrong:
            raise ApiError(422, "invalid", "Please check the registration.", fields=named(wrong))
        if chat_id not in pending_registrations(conn, caller.user_id):
            done = conn.execute(
                select(chat_registrations.c.user_id).where(chat_registrations.c.chat_id == chat_id)
            ).scalar_one_or_none()
            if done == caller.user_id:
                return JSONResponse({"chat_id": chat_id}, status_code=200)
            raise conflict("This chat is not waiting for your registration.", reason="not_pending")
        conn.execute(
            insert(chat_registrations).values(
                chat_id=chat_id,
                user_id=caller.user_id,
                institution_id=caller.institution_id,
                theme=registration.theme,
                subtopic=registration.subtopic,
                seemed_serious=registration.seemed_serious,
                target_group=registration.target_group.value,
                referral=registration.referral.value,
                referred_to=registration.referred_to.strip(),
                crisis=registration.crisis,
                phases=",".join(p.value for p in registration.phases_completed),
                remark=registration.remark,
                at=utcnow(),
            )
        )
        append_event(
            conn,
            f"chat:{chat_id}",
            "chat.registered",
            f"user:{caller.user_id}",
            {"chat_id": chat_id, "pending": pending_registrations(conn, caller.user_id)},
        )
    return {"chat_id": chat_id}


def _staff_note(
    request: Request, caller: Principal, chat_id: int, txn_id: str, text: str, sender: str
) -> Any:
    db = app_state(request).db
    with db.write() as conn:
        existing = _find(conn, chat_id, sender, caller.user_id, txn_id)
        if existing is not None:
            return JSONResponse(existing, status_code=200)
        result = post_message(conn, chat_id, sender, caller.user_id, txn_id, text, utcnow())
        return JSONResponse(result.message, status_code=201)


@router.put("/chats/{chat_id}/whisper/{txn_id}", status_code=201)
def put_whisper(
    request: Request, caller: Watcher, chat_id: ChatId, txn_id: TxnId, body: TextBody
) -> Any:
    """A supervisor whispers to the trainee (never shown to the youth)."""
    text = _text(body.text)
    with app_state(request).db.read() as conn:
        _chat(conn, chat_id)
        grant = _grant(conn, caller, chat_id)
        if grant.as_role != "supervisor" or grant.until_seq is not None:
            raise forbidden("Only a supervisor watching this chat can whisper.")
    return _staff_note(request, caller, chat_id, txn_id, text, "whisper")


@router.put("/chats/{chat_id}/consult/{txn_id}", status_code=201)
def put_consult(
    request: Request, caller: Staff, chat_id: ChatId, txn_id: TxnId, body: TextBody
) -> Any:
    """Consult colleagues on shift about a running chat (staff only)."""
    text = _text(body.text)
    with app_state(request).db.read() as conn:
        chat = _chat(conn, chat_id)
        if chat["state"] == ChatState.ENDED.value:
            raise conflict("This chat has ended.", reason="ended")
    return _staff_note(request, caller, chat_id, txn_id, text, "consult")


@router.put("/chats/{chat_id}/hand/{txn_id}", status_code=201)
def raise_hand(
    request: Request, caller: Staff, chat_id: ChatId, txn_id: TxnId, body: TextBody
) -> Any:
    """A trainee raises their hand: the supervisors of their institution get an alert."""
    text = _text(body.text)
    now = utcnow()
    with app_state(request).db.write() as conn:
        _mine(conn, caller, chat_id)
        seq = append_event(
            conn,
            f"chat:{chat_id}",
            "chat.hand_raised",
            f"inst:{caller.institution_id}:role:{Role.SUPERVISOR.value}",
            {
                "chat_id": chat_id,
                "user_id": caller.user_id,
                "display_name": caller.display_name,
                "text": text,
                "txn_id": txn_id,
                "at": iso(now),
            },
        )
    return {"seq": seq}


@router.post("/chats/{chat_id}/referrals", status_code=201)
def create_referral(request: Request, caller: Staff, chat_id: ChatId, body: ReferralBody) -> Any:
    """Record a referral; contact details only for a warm referral with consent."""
    draft = ReferralDraft(**body.model_dump())
    wrong = draft.problems()
    if wrong:
        raise ApiError(422, "invalid", "Please check the referral.", fields=named(wrong))
    state = app_state(request)
    with state.db.write() as conn:
        _chat(conn, chat_id)
        grant = _grant(conn, caller, chat_id)
        if grant.as_role != "helper":
            raise forbidden("Only the chat's helper records its referral.")
        referral_id = referrals.create(
            conn,
            draft,
            chat_id,
            caller.institution_id,
            caller.user_id,
            utcnow(),
            state.settings.referral_max_days,
            referrals.cipher(state.referral_secret),
        )
        row = referrals.get(conn, referral_id)
        assert row is not None
        return referrals.summary(row)


@router.get("/referrals")
def list_referrals(request: Request, caller: Watcher) -> Any:
    """Open referrals the caller may see (without contact details)."""
    with app_state(request).db.read() as conn:
        return {
            "referrals": referrals.visible(
                conn, caller.user_id, caller.institution_id, caller.roles
            )
        }


@router.get("/referrals/{referral_id}")
def read_referral(request: Request, caller: Watcher, referral_id: RowId) -> Any:
    """One referral with its contact details (this read is audited)."""
    state = app_state(request)
    with state.db.write() as conn:
        row = referrals.get(conn, referral_id)
        if row is None or not referrals.may_see(
            row, caller.user_id, caller.institution_id, caller.roles
        ):
            raise not_found("No such referral.")
        contact = referrals.read_contact(
            conn, row, caller.user_id, utcnow(), referrals.cipher(state.referral_secret)
        )
        return {**referrals.summary(row), "contact": contact}


@router.post("/referrals/{referral_id}/close")
def close_referral(request: Request, caller: Watcher, referral_id: RowId) -> Any:
    """Close the referral: its contact details are destroyed."""
    with app_state(request).db.write() as conn:
        row = referrals.get(conn, referral_id)
        if row is None or not referrals.may_see(
            row, caller.user_id, caller.institution_id, caller.roles
        ):
            raise not_found("No such referral.")
        if row["closed_at"] is None:
            referrals.close(conn, row, caller.user_id, utcnow())
        updated = referrals.get(conn, referral_id)
        assert updated is not None
        return referrals.summary(updated)


@router.put("/staff/{user_id}/backup")
def put_backup(request: Request, caller: Admin, user_id: RowId, body: BackupBody) -> Any:
    """An admin's audited override of whether a trainee chats only with backup present.

    Supervisors decide this through the readiness sign-off (`/supervision/trainees/{id}/
    signoff` and `.../revoke`), which checks the criteria and keeps a snapshot. This path
    exists for moving trainees over from the old service, whose sign-offs have no records
    here; every use is in the audit log with its reason.
    """
    now = utcnow()
    with app_state(request).db.write() as conn:
        found = conn.execute(select(users.c.id).where(users.c.id == user_id)).scalar_one_or_none()
        if found is None:
            raise not_found("No such user.")
        if not supervision.is_trainee(supervision.roles(conn, user_id)):
            raise ApiError(
                422, "invalid", "Only a trainee needs backup.", fields=[{"field": "user_id"}]
            )
        supervision.override(
            conn, user_id, body.needs_backup, caller.user_id, body.reason.strip(), now
        )
        referrals.audit(
            conn,
            caller.user_id,
            "backup_on" if body.needs_backup else "backup_off",
            f"user:{user_id}",
            now,
        )
    return {"user_id": user_id, "needs_backup": body.needs_backup}


@router.get("/chat/schedule", dependencies=[Depends(SCHEDULERS)])
def get_schedule(request: Request) -> Any:
    """The opening hours with the days opened and closed by hand."""
    with app_state(request).db.read() as conn:
        return {"schedule": config.schedule_to_json(config.schedule(conn))}


@router.put("/chat/open-days/{day}", dependencies=[Depends(SCHEDULERS)])
def put_open_day(request: Request, day: date, body: OpenDayBody) -> Any:
    """Open a public holiday after all (it is staffed), or close a day."""
    with app_state(request).db.write() as conn:
        schedule = config.schedule_to_json(config.schedule(conn))
        opened = set(schedule["opened_dates"])
        closed = set(schedule["closed_dates"])
        (opened.add if body.open else opened.discard)(day.isoformat())
        (closed.discard if body.open else closed.add)(day.isoformat())
        schedule["opened_dates"] = sorted(opened)
        schedule["closed_dates"] = sorted(closed)
        config.put(conn, config.SCHEDULE, schedule)
        return {"schedule": schedule}


def _texts_version(conn: Connection) -> int:
    """The stored version of the texts; 0 while the defaults apply (no row yet)."""
    version = conn.execute(
        select(chat_settings.c.version).where(chat_settings.c.key == config.TEXTS)
    ).scalar_one_or_none()
    return 0 if version is None else int(version)


def _texts_json(conn: Connection) -> dict[str, Any]:
    return {**config.texts(conn), "version": _texts_version(conn)}


class _StaleTexts(Exception):
    pass


@router.get("/chat/texts", dependencies=[Depends(TEXT_EDITORS)])
def get_texts(request: Request) -> Any:
    """The texts as stored, with the `version` a save must name."""
    with app_state(request).db.read() as conn:
        return _texts_json(conn)


@router.put("/chat/texts", dependencies=[Depends(TEXT_EDITORS)])
def put_texts(request: Request, body: TextsBody) -> Any:
    """The crisis protocol, the short texts and the referral services helpers pick from,
    replaced as a whole; 409 with the current texts when `version` is not the stored one."""
    for snippet in body.snippets:
        if set(snippet) != {"title", "text"}:
            raise ApiError(422, "invalid", "A short text needs a title and a text.")
    texts = body.model_dump(exclude={"version"})
    raw = json.dumps(texts, ensure_ascii=False, separators=(",", ":"))
    try:
        with app_state(request).db.write() as conn:
            if body.version == 0:
                # The defaults were read: only the first save may store a row.
                conn.execute(insert(chat_settings).values(key=config.TEXTS, value=raw, version=1))
            else:
                done = conn.execute(
                    update(chat_settings)
                    .where(
                        chat_settings.c.key == config.TEXTS,
                        chat_settings.c.version == body.version,
                    )
                    .values(value=raw, version=body.version + 1)
                )
                if done.rowcount != 1:
                    raise _StaleTexts
            append_event(conn, "chat-texts", "chat.texts", "chatstaff", texts)
    except (_StaleTexts, IntegrityError):
        with app_state(request).db.read() as conn:
            current = _texts_json(conn)
        raise conflict(
            "The texts were changed meanwhile.", reason="stale", current=current
        ) from None
    return {**texts, "version": body.version + 1}
