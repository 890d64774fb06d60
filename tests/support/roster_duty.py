"""Helpers for the roster duty tests (replacement and attendance): plain functions over an
httpx client, and the roster's test clock.

Replacement and attendance depend on when a block starts; tests move the server's roster
clock (`PUT /api/v1/_test/roster/clock`, mounted only with HULPMIX_TEST_ROUTES) instead of
waiting. The production schedule of `serve_roster` opens weekdays 16:00-18:00 Amsterdam
time, so a block of `day` starts at `local(day, 16)`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any, TypeVar

import httpx

from tests.support.api import auth
from tests.support.roster import API, assign, fill, token, user_id

T = TypeVar("T")


def set_clock(client: httpx.Client, at: datetime | None) -> datetime:
    """Make the server's roster clock say `at` (None: real time again)."""
    answer = client.put(
        "/api/v1/_test/roster/clock", json={"at": None if at is None else at.isoformat()}
    )
    assert answer.status_code == 200, answer.text
    return datetime.fromisoformat(answer.json()["now"].replace("Z", "+00:00"))


def eventually(probe: Callable[[], T | None], what: str, timeout: float = 30.0) -> T:
    """Ask `probe` until it answers something truthy (the sweep runs in the background).
    The timeout is a hang guard, never a claim about speed."""
    deadline = time.monotonic() + timeout
    while True:
        found = probe()
        if found:
            return found
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)


# --- seating --------------------------------------------------------------------------------


def seat(
    client: httpx.Client,
    coordinator: str,
    day: date,
    index: int,
    institution_id: str,
    usernames: Sequence[str],
) -> dict[str, Any]:
    """Give block `index` of `day` to an institution and seat these people; returns it."""
    assigned = assign(client, coordinator, day, index, institution_id)
    ids = [user_id(client, u) for u in usernames]
    tok = token(client, usernames[0]) if usernames else coordinator
    answer = fill(client, tok, day, index, ids, assigned["version"])
    assert answer.status_code == 200, answer.text
    data: dict[str, Any] = answer.json()
    return data


# --- replacement ----------------------------------------------------------------------------


def ask(client: httpx.Client, tok: str, day: date, index: int, reason: str = "") -> httpx.Response:
    return client.post(
        f"{API}/blocks/{day.isoformat()}/{index}/replacement",
        json={"reason": reason},
        headers=auth(tok),
    )


def replacements(
    client: httpx.Client, tok: str, start: date | None = None, end: date | None = None
) -> dict[str, Any]:
    params = {} if start is None or end is None else {"start": str(start), "end": str(end)}
    answer = client.get(f"{API}/replacements", params=params, headers=auth(tok))
    assert answer.status_code == 200, answer.text
    data: dict[str, Any] = answer.json()
    return data


def offer_ids(client: httpx.Client, tok: str) -> set[int]:
    return {int(o["id"]) for o in replacements(client, tok)["offers"]}


def accept(client: httpx.Client, tok: str, request_id: int, version: int) -> httpx.Response:
    return client.post(
        f"{API}/replacements/{request_id}/accept", json={"version": version}, headers=auth(tok)
    )


def withdraw(client: httpx.Client, tok: str, request_id: int, version: int) -> httpx.Response:
    return client.delete(
        f"{API}/replacements/{request_id}", params={"version": version}, headers=auth(tok)
    )


# --- attendance -----------------------------------------------------------------------------


def become(client: httpx.Client, tok: str, status: str) -> None:
    """Change one's staff status (available, pause, offline)."""
    answer = client.put("/api/v1/me/status", json={"status": status}, headers=auth(tok))
    assert answer.status_code == 200, answer.text


def report(client: httpx.Client, tok: str, start: date, end: date) -> httpx.Response:
    return client.get(
        f"{API}/attendance", params={"start": str(start), "end": str(end)}, headers=auth(tok)
    )


def marks_of(data: dict[str, Any]) -> dict[tuple[str, int, str], str]:
    """(day, block, person id) -> status, from a report."""
    return {
        (b["day"], b["index"], p["person_id"]): p["status"]
        for b in data["blocks"]
        for p in b["people"]
    }
