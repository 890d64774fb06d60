"""Test-only routes, mounted only when HULPMIX_TEST_ROUTES=1. Never in production."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field
from sqlalchemy import insert

from server.auth import policy
from server.db.tables import forum_posts
from server.errors import ApiError
from server.events import iso
from server.forum import clock
from server.roster import attendance
from server.state import app_state

router = APIRouter(tags=["testing"])


@router.get("/_test/boom", dependencies=[Depends(policy(None, "public"))])
def boom() -> None:
    """Fails on purpose, to prove that a 500 carries no stack trace."""
    raise RuntimeError("secret internal detail: SELECT * FROM users")


# --- forum (issue 4) ---------------------------------------------------------------------


class _ForumClock(BaseModel):
    #: The instant the forum's clock should say now; None: real time again.
    at: datetime | None = None


@router.put("/_test/forum/clock", dependencies=[Depends(policy(None, "public"))])
def forum_clock(body: _ForumClock) -> dict[str, str]:
    """Move the forum's clock (round windows, claim lapse, undo, missed rounds)."""
    if body.at is not None and body.at.tzinfo is None:
        raise ApiError(422, "invalid", "at: give a time zone.")
    return {"now": iso(clock.set_now(body.at))}


class _ForumSeed(BaseModel):
    count: int = Field(ge=1, le=20_000)
    theme: str = "Gevoel"


@router.post("/_test/forum/seed", dependencies=[Depends(policy(None, "public"))])
def forum_seed(request: Request, body: _ForumSeed) -> dict[str, int]:
    """Insert `count` pending topics at once (benchmarks; the youth API would throttle)."""
    now = clock.now()
    rows = [
        {
            "kind": "topic",
            "status": "pending",
            "theme": body.theme,
            "parent_id": None,
            "title": f"Onderwerp {i}",
            "body": f"Bericht {i}: ik weet niet wat ik moet doen, bel me 06-1234567{i % 10}.",
            "replies_welcome": True,
            "created_at": now,
            "version": 1,
        }
        for i in range(body.count)
    ]
    with app_state(request).db.write() as conn:
        conn.execute(insert(forum_posts), rows)
    return {"inserted": body.count}


# --- roster duty (issue 5) -----------------------------------------------------------------


@router.put("/_test/roster/clock", dependencies=[Depends(policy(None, "public"))])
def roster_clock(body: _ForumClock) -> dict[str, str]:
    """Move the roster's clock (replacement before a block starts, attendance marks)."""
    if body.at is not None and body.at.tzinfo is None:
        raise ApiError(422, "invalid", "at: give a time zone.")
    return {"now": iso(attendance.set_now(body.at))}
