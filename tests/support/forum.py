"""Helpers for forum tests (server, console and browser): post as a youth, open a round as
the duty screener, decide, move the forum's clock.

Screening depends on the time of day, so tests never wait for 10:00: `open_round` moves the
server's forum clock (the test-only `PUT /api/v1/_test/forum/clock`) into a round window of
a day of its own (each call takes a fresh day, far from other tests' rounds), finds the
institution on duty from `GET /forum/rounds`, logs in its demo trainees and opens the round.
`reset_clock` brings real time back. The demo data's forum rotation holds the five demo
institutions, whose screeners are `<code>.trainee1`, `<code>.trainee2`, `<code>.helper1` ...

A forum test server (`serve_forum`) is a fresh demo database with the youth post throttle
set high, so tests can post freely; SQLite always, PostgreSQL marked.
"""

from __future__ import annotations

import itertools
import threading
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest

from tests.support.api import auth, login
from tests.support.servers import RunningServer, run_cli

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
THEME = "Gevoel"
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
FORUM_ENV = {"HULPMIX_FORUM_RATE": "100000", "HULPMIX_CHAT_TICK": "0.2"}

_days = itertools.count()
_days_lock = threading.Lock()
FIRST_TEST_DAY = date(2031, 3, 2)


def txn() -> str:
    return uuid.uuid4().hex


def fresh_day() -> date:
    """A day no other helper call in this process has used (three days apart)."""
    with _days_lock:
        return FIRST_TEST_DAY + timedelta(days=3 * next(_days))


def local(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=AMSTERDAM)


# --- servers ------------------------------------------------------------------------------


def serve_forum(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    certs: Path,
    env: Mapping[str, str] | None = None,
    backend: str | None = None,
) -> Iterator[RunningServer]:
    """Yield a server on a fresh demo database of `backend` (default `request.param`)."""
    if (backend or request.param) == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('forum') / 'forum.db'}"
    else:
        url = request.getfixturevalue("pg_cluster").create_database()
    run_cli("demo-data", database_url=url)
    running = RunningServer(url, certs, env={**FORUM_ENV, **(env or {})}).start()
    try:
        yield running
    finally:
        running.stop()


# --- the clock ----------------------------------------------------------------------------


def set_clock(client: httpx.Client, at: datetime | None) -> datetime:
    """Make the server's forum clock say `at` (None: real time)."""
    response = client.put(
        "/api/v1/_test/forum/clock", json={"at": None if at is None else at.isoformat()}
    )
    assert response.status_code == 200, response.text
    return datetime.fromisoformat(response.json()["now"].replace("Z", "+00:00"))


def reset_clock(client: httpx.Client) -> None:
    set_clock(client, None)


def shift_clock(client: httpx.Client, now: datetime, seconds: float) -> datetime:
    return set_clock(client, now + timedelta(seconds=seconds))


# --- the youth ----------------------------------------------------------------------------


def post(
    client: httpx.Client,
    body: str | None = None,
    *,
    kind: str = "topic",
    title: str | None = None,
    theme: str | None = THEME,
    parent_id: int | None = None,
    replies_welcome: bool | None = None,
) -> dict[str, Any]:
    """Post as a youth; asserts 202 and returns the answer (post_id, status, expected_by)."""
    payload: dict[str, Any] = {"kind": kind, "body": body or f"Tekst {uuid.uuid4().hex[:8]}"}
    if kind != "reply":
        payload["title"] = title or f"Titel {uuid.uuid4().hex[:6]}"
        payload["theme"] = theme
    if parent_id is not None:
        payload["parent_id"] = parent_id
    if replies_welcome is not None:
        payload["replies_welcome"] = replies_welcome
    response = client.post("/api/v1/youth/forum/posts", json=payload)
    assert response.status_code == 202, response.text
    data: dict[str, Any] = response.json()
    return data


def published_topic(client: httpx.Client, topic_id: int) -> dict[str, Any] | None:
    """The youth's view of a topic, or None while it is not published."""
    response = client.get(f"/api/v1/youth/forum/topics/{topic_id}")
    if response.status_code == 404:
        return None
    assert response.status_code == 200, response.text
    data: dict[str, Any] = response.json()
    return data


def listed_topic_ids(client: httpx.Client, theme: str | None = None) -> set[int]:
    """Every published topic id the youth's list shows (following the pages)."""
    found: set[int] = set()
    before: str | None = None
    while True:
        params: dict[str, Any] = {"limit": 100}
        if theme:
            params["theme"] = theme
        if before:
            params["before"] = before
        page = client.get("/api/v1/youth/forum/topics", params=params)
        assert page.status_code == 200, page.text
        found |= {t["id"] for t in page.json()["topics"]}
        before = page.json()["next_before"]
        if not before:
            return found


# --- the screeners ------------------------------------------------------------------------


@dataclass
class Round:
    """An open screening round and the people on duty."""

    id: int
    day: date
    now: datetime
    institution_id: int
    code: str
    #: Access tokens of the duty institution's two trainees and its supervisor.
    screener: str
    second: str
    supervisor: str
    data: dict[str, Any]


def institution_code(client: httpx.Client, institution_id: int) -> str:
    token = login(client, "admin")["access_token"]
    answer = client.get("/api/v1/admin/institutions", headers=auth(token))
    assert answer.status_code == 200, answer.text
    body = answer.json()
    rows = body["institutions"] if isinstance(body, dict) else body
    for row in rows:
        if row["id"] == institution_id:
            return str(row["code"])
    raise AssertionError(f"no institution {institution_id}")


def rounds_of(client: httpx.Client, token: str, day: date) -> list[dict[str, Any]]:
    answer = client.get(
        "/api/v1/forum/rounds", params={"date": day.isoformat()}, headers=auth(token)
    )
    assert answer.status_code == 200, answer.text
    rounds: list[dict[str, Any]] = answer.json()["rounds"]
    return rounds


def open_round(client: httpx.Client, day: date | None = None, window: int = 0) -> Round:
    """Move the clock into window `window` of `day` (default: a fresh day), open that round
    as the duty institution's first trainee, and return the round with the duty tokens."""
    day = day or fresh_day()
    coordinator = login(client, "coordinator")["access_token"]
    rounds = rounds_of(client, coordinator, day)
    chosen = rounds[window]
    start = datetime.fromisoformat(chosen["starts_at"].replace("Z", "+00:00"))
    now = set_clock(client, start + timedelta(minutes=5))
    code = institution_code(client, chosen["institution_id"])
    screener = login(client, f"{code}.trainee1")["access_token"]
    second = login(client, f"{code}.trainee2")["access_token"]
    supervisor = login(client, f"{code}.helper1")["access_token"]
    opened = client.post(f"/api/v1/forum/rounds/{chosen['id']}/open", headers=auth(screener))
    assert opened.status_code == 200, opened.text
    return Round(
        id=chosen["id"],
        day=day,
        now=now,
        institution_id=chosen["institution_id"],
        code=code,
        screener=screener,
        second=second,
        supervisor=supervisor,
        data=opened.json(),
    )


def close_round(client: httpx.Client, current: Round) -> dict[str, Any]:
    closed = client.post(f"/api/v1/forum/rounds/{current.id}/close", headers=auth(current.screener))
    assert closed.status_code == 200, closed.text
    data: dict[str, Any] = closed.json()
    return data


def decide(
    client: httpx.Client,
    token: str,
    item_id: int,
    decision: str = "publish",
    txn_id: str | None = None,
    **fields: Any,
) -> httpx.Response:
    """PUT a decision (not asserted: conflicts are what some tests look for)."""
    return client.put(
        f"/api/v1/forum/items/{item_id}/decision/{txn_id or txn()}",
        json={"decision": decision, **fields},
        headers=auth(token),
    )


def item(client: httpx.Client, token: str, item_id: int) -> dict[str, Any]:
    answer = client.get(f"/api/v1/forum/items/{item_id}", headers=auth(token))
    assert answer.status_code == 200, answer.text
    data: dict[str, Any] = answer.json()
    return data


def find_item(client: httpx.Client, token: str, body: str) -> dict[str, Any] | None:
    """The open item whose original text is `body` (e.g. one typed in the browser)."""
    answer = client.get("/api/v1/forum/items", headers=auth(token))
    assert answer.status_code == 200, answer.text
    for found in answer.json()["items"]:
        if found["body"] == body:
            return dict(found)
    return None


def publish_now(client: httpx.Client, post_id: int, **edit: Any) -> dict[str, Any]:
    """Open a round (fresh day), publish the post (or edit it, given reason/title/body),
    close the round and bring real time back. Returns the decided item."""
    current = open_round(client)
    try:
        decision = "edit" if edit else "publish"
        answer = decide(client, current.screener, post_id, decision, **edit)
        assert answer.status_code == 200, answer.text
        return dict(answer.json())
    finally:
        close_round(client, current)
        reset_clock(client)


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)
