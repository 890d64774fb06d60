"""Logging in and out, refreshing, the caller's own account."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response
from fastapi.responses import JSONResponse
from sqlalchemy import update

from server.accounts import get_user, set_password, user_by_name, user_json
from server.api.models import LoginBody, PasswordChangeBody, RefreshBody
from server.auth import Principal, policy
from server.db.tables import users, utcnow
from server.errors import ApiError, unauthorized
from server.passwords import burn_time, verify_password
from server.sessions import create_session, revoke, revoke_all, rotate
from server.state import AppState, app_state
from server.throttle import account_failure, seconds_until

router = APIRouter(tags=["session"])

PUBLIC = policy(None, "public")
SELF = policy(None, "self")
Caller = Annotated[Principal, Depends(SELF)]

WRONG_CREDENTIALS = "The username or password is not correct."


def throttled(seconds: int, message: str) -> ApiError:
    return ApiError(
        429, "throttled", message, headers={"Retry-After": str(seconds)}, retry_after=seconds
    )


def _client_address(request: Request) -> str:
    return request.client.host if request.client is not None else "unknown"


def _session_answer(state: AppState, user: dict[str, Any], sid: str, refresh: str) -> Any:
    """The tokens; `no-store`: no cache between here and the console may keep them."""
    body = {
        "access_token": state.signer.issue(user["id"], sid),
        "refresh_token": refresh,
        "token_type": "bearer",
        "expires_in": state.signer.ttl,
        "user": user,
    }
    return JSONResponse(body, headers={"Cache-Control": "no-store"})


@router.post("/session", dependencies=[Depends(PUBLIC)])
def login(body: LoginBody, request: Request) -> Any:
    """Log in with username and password."""
    state = app_state(request)
    address = _client_address(request)
    wait = state.client_throttle.retry_after(address)
    if wait is not None:
        raise throttled(wait, "Too many failed logins from this address. Try again later.")
    with state.db.read() as conn:
        row = user_by_name(conn, body.username)
    now = utcnow()
    if row is None:
        burn_time(body.password)
        state.client_throttle.failed(address)
        raise unauthorized(WRONG_CREDENTIALS)
    if row["locked_until"] is not None and row["locked_until"] > now:
        raise throttled(
            seconds_until(row["locked_until"], now),
            "This account is locked for a while after too many failed logins.",
        )
    good = verify_password(row["password_hash"], body.password) and bool(row["active"])
    with state.db.write() as conn:
        current = get_user(conn, row["id"])
        assert current is not None
        if not good:
            count, locked = account_failure(
                current["failed_logins"], current["last_failed_at"], now
            )
            conn.execute(
                update(users)
                .where(users.c.id == row["id"])
                .values(failed_logins=count, last_failed_at=now, locked_until=locked)
            )
        else:
            conn.execute(
                update(users)
                .where(users.c.id == row["id"])
                .values(failed_logins=0, last_failed_at=None, locked_until=None)
            )
            new = create_session(conn, row["id"], state.settings.refresh_ttl)
            user = user_json(conn, current)
    if not good:
        state.client_throttle.failed(address)
        raise unauthorized(WRONG_CREDENTIALS)
    return _session_answer(state, user, new.session_id, new.refresh_token)


@router.post("/session/refresh", dependencies=[Depends(PUBLIC)])
def refresh(body: RefreshBody, request: Request) -> Any:
    """Swap a refresh token for a new access token and a new refresh token."""
    state = app_state(request)
    with state.db.write() as conn:
        new = rotate(conn, body.refresh_token, state.settings.refresh_ttl)
        if new is None:
            raise unauthorized("This refresh token is no longer valid. Log in again.")
        row = get_user(conn, new.user_id)
        if row is None or not row["active"]:
            revoke(conn, new.session_id)
            active = False
        else:
            active = True
            user = user_json(conn, row)
    if not active:
        raise unauthorized("This account is not active.")
    return _session_answer(state, user, new.session_id, new.refresh_token)


@router.post("/session/logout", status_code=204)
def logout(request: Request, caller: Caller) -> Response:
    """End this session; its refresh token stops working."""
    with app_state(request).db.write() as conn:
        revoke(conn, caller.session_id)
    return Response(status_code=204)


@router.get("/me")
def me(request: Request, caller: Caller) -> Any:
    """The caller's own account."""
    with app_state(request).db.read() as conn:
        row = get_user(conn, caller.user_id)
        assert row is not None
        return user_json(conn, row)


@router.put("/me/password", status_code=204)
def change_password(body: PasswordChangeBody, request: Request, caller: Caller) -> Response:
    """Change the caller's password; every other session of theirs ends."""
    state = app_state(request)
    with state.db.read() as conn:
        row = get_user(conn, caller.user_id)
    assert row is not None
    if not verify_password(row["password_hash"], body.current_password):
        raise ApiError(
            422,
            "invalid",
            "The current password is not correct.",
            fields=[{"field": "current_password", "message": "not correct"}],
        )
    with state.db.write() as conn:
        set_password(conn, caller.user_id, body.new_password)
        conn.execute(
            update(users).where(users.c.id == caller.user_id).values(version=users.c.version + 1)
        )
        revoke_all(conn, caller.user_id, keep=caller.session_id)
    return Response(status_code=204)
