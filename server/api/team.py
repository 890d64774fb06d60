"""The team channel of the caller's institution."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse
from sqlalchemy.exc import IntegrityError

from server.api.models import TeamMessageBody
from server.auth import Principal, policy
from server.errors import conflict
from server.state import app_state
from server.team import find_message, message_json, newest_messages, post_message

router = APIRouter(tags=["team"])

MEMBERS = policy(None, "institution")
Caller = Annotated[Principal, Depends(MEMBERS)]

TxnId = Annotated[str, Path(min_length=8, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")]


@router.put("/team/messages/{txn_id}", status_code=201)
def put_message(
    txn_id: TxnId,
    body: TeamMessageBody,
    request: Request,
    caller: Caller,
) -> Any:
    """Post a message; repeating the same txn_id answers the stored one (200)."""
    db = app_state(request).db
    try:
        with db.write() as conn:
            existing = find_message(conn, caller.user_id, txn_id)
            if existing is None:
                row = post_message(conn, caller.institution_id, caller.user_id, txn_id, body.text)
                return JSONResponse(message_json(row), status_code=201)
    except IntegrityError:  # the same txn_id raced in from a retry
        with db.read() as conn:
            existing = find_message(conn, caller.user_id, txn_id)
        if existing is None:
            raise
    if existing["text"] != body.text:
        raise conflict("This txn_id was already used for a different message.")
    return JSONResponse(message_json(existing), status_code=200)


@router.get("/team/messages")
def list_messages(
    request: Request,
    caller: Caller,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> Any:
    """The newest messages of the caller's institution, newest first."""
    with app_state(request).db.read() as conn:
        return {"messages": newest_messages(conn, caller.institution_id, limit)}
