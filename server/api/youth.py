"""The youth's side of the chat: anonymous, by a per-chat bearer token.

No IP address or user agent is stored; the client address is used only in memory for
throttling. Partner sites may build their own front end on this API (docs/protocol.md).
"""

from __future__ import annotations

import asyncio
import secrets
from datetime import datetime, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import Field
from sqlalchemy import Connection, RowMapping, insert, select, update
from sqlalchemy.exc import IntegrityError
from starlette.concurrency import run_in_threadpool

from console.domain.chat import (
    MAX_MESSAGE_CHARS,
    ChatState,
    EndReason,
    Helped,
    Survey,
    Understood,
)
from server.api.models import MAX_ID, Body, named
from server.api.session import throttled
from server.auth import policy
from server.chat import config
from server.chat.core import (
    CONVERSATION,
    announce_queue,
    chat_by_token,
    clean_text,
    create_chat,
    digest,
    end_chat,
    find_message,
    get_chat,
    messages_of,
    normalise_resume_code,
    position_of,
    post_message,
    record_youth_seen,
)
from server.chat.staffing import assign_waiting, lock_routing
from server.db.tables import chat_assignments, chat_surveys, chats, utcnow
from server.errors import ApiError, conflict, not_found, unauthorized
from server.events import Event, append_event, iso, read_events
from server.fanout import draining, listening, wait_for
from server.state import AppState, app_state

router = APIRouter(prefix="/youth", tags=["youth"])

PUBLIC = policy(None, "public")
_bearer = HTTPBearer(auto_error=False, description="The chat token from POST /youth/chats.")

TxnId = Annotated[str, Path(min_length=8, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")]
ChatId = Annotated[int, Path(ge=1, le=MAX_ID)]


class NewChatBody(Body):
    nickname: str | None = Field(default=None, max_length=40)
    age: int | None = Field(default=None, ge=8, le=99)
    theme: str | None = Field(default=None, max_length=100)


class MessageBody(Body):
    text: str = Field(min_length=1)


class ResumeBody(Body):
    resume_code: str = Field(min_length=4, max_length=20)


class HistoryBody(Body):
    share: bool


class SurveyBody(Body):
    age: int | None = Field(default=None, ge=8, le=99)
    gender: str = Field(default="", max_length=100)
    country_father: str = Field(default="", max_length=100)
    country_mother: str = Field(default="", max_length=100)
    understood: Understood | None = None
    helped: Helped | None = None
    comment: str = Field(default="", max_length=2000)


#: Answers that carry a youth's token: no cache between here and the browser keeps them.
NO_STORE = {"Cache-Control": "no-store"}


def _address(request: Request) -> str:
    return request.client.host if request.client is not None else "unknown"


def _youth_chat(
    request: Request,
    chat_id: ChatId,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> RowMapping:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise unauthorized("This chat needs its token.")
    with app_state(request).db.read() as conn:
        chat = chat_by_token(conn, chat_id, credentials.credentials)
    if chat is None:
        raise unauthorized("This token does not belong to this chat.")
    return chat


YouthChat = Annotated[RowMapping, Depends(_youth_chat)]


def _status_json(state: AppState) -> dict[str, Any]:
    now = utcnow()
    with state.db.read() as conn:
        status = config.schedule(conn).status(now)
        waiting = conn.execute(
            select(chats.c.id).where(chats.c.state == ChatState.WAITING.value)
        ).all()
    return {
        "open": status.open,
        "short_chat_only": status.short_chat_only,
        "opens_at": None if status.opens_at is None else iso(status.opens_at),
        "closes_at": None if status.closes_at is None else iso(status.closes_at),
        "holiday": status.holiday,
        "waiting": len(waiting),
    }


@router.get("/status", dependencies=[Depends(PUBLIC)])
def youth_status(request: Request) -> Any:
    """Whether the chat is open now, when it opens or closes, and how many youths wait."""
    return _status_json(app_state(request))


@router.post("/chats", status_code=201, dependencies=[Depends(PUBLIC)])
def start_chat(request: Request, body: NewChatBody | None = None) -> Any:
    """Join the queue. 409 `closed` outside opening hours (with `opens_at`)."""
    state = app_state(request)
    address = _address(request)
    wait = state.new_chat_throttle.retry_after(address)
    if wait is not None:
        raise throttled(wait, "Too many new chats from this address. Try again later.")
    body = body or NewChatBody()
    now = utcnow()
    with state.db.write() as conn:
        lock_routing(conn)  # before the new chat's row: one lock order with other routing
        status = config.schedule(conn).status(now)
        if not status.open:
            raise conflict(
                "The chat is closed now.",
                reason="closed",
                opens_at=None if status.opens_at is None else iso(status.opens_at),
            )
        theme = body.theme if body.theme in config.taxonomy(conn).themes else None
        nickname = clean_text(body.nickname or "") or None
        new = create_chat(conn, now, status.short_chat_only, nickname, body.age, theme)
        assign_waiting(conn, now, state.settings.presence_timeout)
        chat = get_chat(conn, new.chat_id)
        assert chat is not None
        position = 0 if chat["state"] != ChatState.WAITING.value else position_of(conn, chat)
    state.new_chat_throttle.failed(address)
    body_out = {
        "chat_id": new.chat_id,
        "token": new.token,
        "resume_code": new.resume_code,
        "position": position,
    }
    return JSONResponse(body_out, status_code=201, headers=NO_STORE)


def _youth_event(event: Event) -> dict[str, Any] | None:
    data = event.data
    if event.kind == "chat.message":
        return {
            "seq": event.seq,
            "kind": "message",
            "from": data["from"],
            "text": data["text"],
            "txn_id": data["txn_id"],
            "at": data["at"],
        }
    if event.kind == "chat.status":
        return {"seq": event.seq, "kind": "status", "status": data["status"]}
    if event.kind == "chat.position":
        return {"seq": event.seq, "kind": "position", "position": data["position"]}
    if event.kind == "chat.handover":
        return {"seq": event.seq, "kind": "handover"}
    return None


def _read_youth(state: AppState, chat_id: int, since: int) -> tuple[list[dict[str, Any]], int]:
    audience = frozenset({f"chat:{chat_id}", f"youth:{chat_id}"})
    with state.db.read() as conn:
        batch = read_events(conn, since, audience, reset_allowed=False)
    found = [e for e in (_youth_event(ev) for ev in batch.events) if e is not None]
    return found, batch.next


def _touch_youth(state: AppState, chat_id: int) -> None:
    """The youth is connected: noted in memory, written once a tick by the chat loop."""
    state.presence.youth(chat_id, utcnow())


@router.get("/chats/{chat_id}/events", dependencies=[Depends(PUBLIC)])
async def youth_events(
    request: Request,
    chat: YouthChat,
    since: Annotated[int, Query(ge=0)] = 0,
    timeout: Annotated[float, Query(ge=0, le=55)] = 25,
) -> Any:
    """This chat's events after `since`; holds up to `timeout` s when there are none."""
    state = app_state(request)
    chat_id = int(chat["id"])
    _touch_youth(state, chat_id)
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    cursor = since
    with listening(state.notifier, frozenset({f"chat:{chat_id}", f"youth:{chat_id}"})) as sub:
        while True:
            if sub is not None:
                sub.arm()
            found, cursor = await run_in_threadpool(_read_youth, state, chat_id, cursor)
            if found or loop.time() >= deadline or draining():
                break
            # Wake at least every touch interval: an open poll is a youth who is there, as
            # long as the client is still there to receive the answer. Only a commit for
            # this chat (or the deadline) makes a new read worthwhile.
            woke = gone = False
            while not woke and loop.time() < deadline and not draining():
                woke = await wait_for(sub, min(deadline - loop.time(), state.presence.every))
                gone = await request.is_disconnected()
                if gone:
                    break
                _touch_youth(state, chat_id)
            if gone:
                break
    _touch_youth(state, chat_id)
    return {"events": found, "next": cursor}


@router.put("/chats/{chat_id}/messages/{txn_id}", dependencies=[Depends(PUBLIC)])
def youth_message(request: Request, chat: YouthChat, txn_id: TxnId, body: MessageBody) -> Any:
    """Send a message; the same `txn_id` again answers the stored message (200)."""
    state = app_state(request)
    text = clean_text(body.text)
    if len(text) > MAX_MESSAGE_CHARS:
        raise ApiError(
            413, "too_large", f"A message may be at most {MAX_MESSAGE_CHARS} characters."
        )
    if not text:
        raise ApiError(422, "invalid", "The message is empty.", fields=[{"field": "text"}])
    chat_id = int(chat["id"])
    key = f"chat:{chat_id}"
    try:
        with state.db.write() as conn:
            current = get_chat(conn, chat_id)
            assert current is not None
            repeat = _find(conn, chat_id, txn_id)
            if repeat is None:
                if current["state"] == ChatState.ENDED.value:
                    raise conflict("This chat has ended.", reason="ended")
                wait = state.youth_message_throttle.retry_after(key)
                if wait is not None:
                    raise throttled(wait, "You are sending messages very fast. Wait a moment.")
                now = utcnow()
                result = post_message(conn, chat_id, "youth", None, txn_id, text, now, checked=True)
                _seen(state, conn, current, now)
                state.youth_message_throttle.failed(key)
                return JSONResponse(_answer(result.message), status_code=201)
    except IntegrityError:
        with state.db.read() as conn:
            repeat = _find(conn, chat_id, txn_id)
        if repeat is None:
            raise
    if repeat["text"] != text:
        raise conflict("This txn_id was already used for a different message.")
    return JSONResponse(_answer(repeat), status_code=200)


def _seen(state: AppState, conn: Connection, chat: RowMapping, now: datetime) -> None:
    """The youth who writes is there. When the row already says so, and recently, the
    presence book carries it (written with the next tick): one statement less inside the
    write lock. Otherwise it is written now, with its event when the youth came back."""
    recent = now - timedelta(seconds=state.presence.every)
    if chat["youth_connected"] and chat["youth_seen_at"] >= recent:
        state.presence.youth(int(chat["id"]), now)
    else:
        record_youth_seen(conn, chat, now)


def _find(conn: Any, chat_id: int, txn_id: str) -> dict[str, Any] | None:
    return find_message(conn, chat_id, "youth", txn_id)


def _answer(message: dict[str, Any]) -> dict[str, Any]:
    return {"seq": message["seq"], "txn_id": message["txn_id"], "at": message["at"]}


@router.post("/chats/{chat_id}/end", dependencies=[Depends(PUBLIC)])
def youth_end(request: Request, chat: YouthChat) -> Any:
    """End the chat (again: no change)."""
    state = app_state(request)
    with state.db.write() as conn:
        current = get_chat(conn, int(chat["id"]))
        assert current is not None
        waiting = current["state"] == ChatState.WAITING.value and current["started_at"] is None
        end_chat(conn, current, EndReason.ABANDONED if waiting else EndReason.YOUTH, utcnow())
    return {"status": ChatState.ENDED.value}


@router.post("/chats/{chat_id}/history", dependencies=[Depends(PUBLIC)])
def youth_history(request: Request, chat: YouthChat, body: HistoryBody) -> Any:
    """After a hand-over: may the new helper read what was written before?"""
    state = app_state(request)
    chat_id = int(chat["id"])
    with state.db.write() as conn:
        current = get_chat(conn, chat_id)
        assert current is not None
        if current["started_at"] is None:
            raise conflict("There was no hand-over in this chat.", reason="no_handover")
        conn.execute(
            update(chats)
            .where(chats.c.id == chat_id)
            .values(history_shared=body.share, version=chats.c.version + 1)
        )
        if body.share:
            open_assignment = conn.execute(
                select(chat_assignments.c.id).where(
                    chat_assignments.c.chat_id == chat_id, chat_assignments.c.ended_at.is_(None)
                )
            ).first()
            if open_assignment is not None:
                append_event(
                    conn,
                    f"chat:{chat_id}",
                    "chat.history",
                    f"chatstaff:{chat_id}",
                    {
                        "chat_id": chat_id,
                        "messages": messages_of(conn, chat_id, senders=CONVERSATION),
                    },
                )
        if current["state"] == ChatState.WAITING.value:
            announce_queue(conn)
    return {"history_shared": body.share}


@router.post("/chats/{chat_id}/survey", status_code=201, dependencies=[Depends(PUBLIC)])
def youth_survey(request: Request, chat: YouthChat, body: SurveyBody) -> Any:
    """The optional survey, once, after the chat ended."""
    survey = Survey(**body.model_dump())
    wrong = survey.problems()
    if wrong:
        raise ApiError(422, "invalid", "Please check the survey.", fields=named(wrong))
    state = app_state(request)
    chat_id = int(chat["id"])
    try:
        with state.db.write() as conn:
            current = get_chat(conn, chat_id)
            assert current is not None
            if current["state"] != ChatState.ENDED.value:
                raise conflict("The survey comes after the chat.", reason="not_ended")
            conn.execute(
                insert(chat_surveys).values(
                    chat_id=chat_id,
                    age=survey.age,
                    gender=survey.gender.strip(),
                    country_father=survey.country_father.strip(),
                    country_mother=survey.country_mother.strip(),
                    understood=None if survey.understood is None else survey.understood.value,
                    helped=None if survey.helped is None else survey.helped.value,
                    comment=clean_text(survey.comment),
                    at=utcnow(),
                )
            )
    except IntegrityError:
        raise conflict("The survey for this chat was already given.", reason="done") from None
    return {"chat_id": chat_id}


@router.post("/chats/resume", dependencies=[Depends(PUBLIC)])
def youth_resume(request: Request, body: ResumeBody) -> Any:
    """Rejoin a chat after closing the tab, within 15 minutes, with its resume code."""
    state = app_state(request)
    address = _address(request)
    wait = state.resume_throttle.retry_after(address)
    if wait is not None:
        raise throttled(wait, "Too many attempts. Try again later.")
    code = normalise_resume_code(body.resume_code)
    now = utcnow()
    with state.db.write() as conn:
        chat = (
            conn.execute(select(chats).where(chats.c.resume_hash == digest(code)))
            .mappings()
            .one_or_none()
        )
        usable = (
            chat is not None
            and chat["state"] != ChatState.ENDED.value
            and (now - chat["youth_seen_at"]).total_seconds() <= state.settings.resume_window
        )
        if chat is None or not usable:
            state.resume_throttle.failed(address)
            raise not_found("This code is unknown or has expired.")
        token = secrets.token_urlsafe(32)
        conn.execute(update(chats).where(chats.c.id == chat["id"]).values(token_hash=digest(token)))
        record_youth_seen(conn, chat, now)
    return JSONResponse({"chat_id": chat["id"], "token": token}, headers=NO_STORE)
