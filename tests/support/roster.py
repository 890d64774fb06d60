"""Helpers for roster tests (server and console): plain functions over an httpx client.

A roster test server (`serve_roster`) is a fresh demo database with the chat's production
schedule (weekdays 16:00-18:00, closed on public holidays) instead of the demo's
around-the-clock one, so the calendar's closed days and Friday blocks show. Tests that
write take a week of their own from `fresh_week` (weeks from September 2031 on, free of
holidays and far from the demo's roster of the current weeks).
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Iterator, Mapping, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.support.api import DEMO_PASSWORD, auth, login
from tests.support.servers import RunningServer, run_cli

API = "/api/v1/roster"
DEMO_CODES = ("bascule", "ggze", "bjzg", "bjzo", "bjzzh")
FIRST_WEEK = date(2031, 9, 1)  # a Monday

_weeks = itertools.count()
_weeks_lock = threading.Lock()


def _plain_week(monday: date) -> bool:
    """No public holiday and no hard-to-staff day from Monday to Friday."""
    from console.domain.roster import Period, service_calendar

    calendar = service_calendar(Period(monday, monday + timedelta(days=4)))
    return not calendar.closed and not any(d.is_holiday for d in calendar.days)


def fresh_week() -> date:
    """The Monday of a plain week (see `_plain_week`) no other caller in this process had."""
    with _weeks_lock:
        while True:
            monday = FIRST_WEEK + timedelta(days=7 * next(_weeks))
            if _plain_week(monday):
                return monday


# --- servers ------------------------------------------------------------------------------


def use_production_schedule(database_url: str) -> None:
    """Weekdays 16:00-18:00, closed on public holidays (the demo opens around the clock)."""
    from console.domain.hours import DEFAULT_SCHEDULE
    from server.chat import config
    from server.db.database import Database

    db = Database(database_url)
    try:
        with db.write() as conn:
            config.put(conn, config.SCHEDULE, config.schedule_to_json(DEFAULT_SCHEDULE))
    finally:
        db.dispose()


def serve_roster(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, certs: Path
) -> Iterator[RunningServer]:
    """Yield a server on a fresh demo database of backend `request.param`."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('roster') / 'roster.db'}"
    else:
        url = request.getfixturevalue("pg_cluster").create_database()
    run_cli("demo-data", database_url=url)
    use_production_schedule(url)
    running = RunningServer(url, certs).start()
    try:
        yield running
    finally:
        running.stop()


# --- tokens and ids -----------------------------------------------------------------------


def token(client: httpx.Client, username: str, password: str = DEMO_PASSWORD) -> str:
    return str(login(client, username, password)["access_token"])


def people(client: httpx.Client, tok: str) -> dict[str, Any]:
    answer = client.get(f"{API}/people", headers=auth(tok))
    assert answer.status_code == 200, answer.text
    data: dict[str, Any] = answer.json()
    return data


def institution_ids(client: httpx.Client, tok: str) -> dict[str, str]:
    """Institution code -> id (string) as the roster lists them."""
    return {i["code"]: i["id"] for i in people(client, tok)["institutions"]}


def user_id(client: httpx.Client, username: str, password: str = DEMO_PASSWORD) -> str:
    return str(login(client, username, password)["user"]["id"])


# --- reading ------------------------------------------------------------------------------


def roster(client: httpx.Client, tok: str, start: date, end: date) -> dict[str, Any]:
    answer = client.get(
        API, params={"start": start.isoformat(), "end": end.isoformat()}, headers=auth(tok)
    )
    assert answer.status_code == 200, answer.text
    data: dict[str, Any] = answer.json()
    return data


def day_of(grid: Mapping[str, Any], day: date) -> dict[str, Any]:
    found: dict[str, Any] = next(d for d in grid["days"] if d["day"] == day.isoformat())
    return found


def block(client: httpx.Client, tok: str, day: date, index: int) -> dict[str, Any]:
    found: dict[str, Any] = day_of(roster(client, tok, day, day), day)["blocks"][index]
    return found


# --- writing ------------------------------------------------------------------------------


def put_block(
    client: httpx.Client,
    tok: str,
    day: date,
    index: int,
    institution_id: str | None,
    version: int,
    pinned: bool = False,
) -> httpx.Response:
    return client.put(
        f"{API}/blocks/{day.isoformat()}/{index}",
        json={"institution_id": institution_id, "pinned": pinned, "version": version},
        headers=auth(tok),
    )


def put_forum(
    client: httpx.Client, tok: str, day: date, institution_id: str | None, version: int
) -> httpx.Response:
    return client.put(
        f"{API}/forum/{day.isoformat()}",
        json={"institution_id": institution_id, "version": version},
        headers=auth(tok),
    )


def fill(
    client: httpx.Client, tok: str, day: date, index: int, person_ids: Sequence[str], version: int
) -> httpx.Response:
    return client.put(
        f"{API}/blocks/{day.isoformat()}/{index}/people",
        json={"people": list(person_ids), "version": version},
        headers=auth(tok),
    )


def assign(
    client: httpx.Client, tok: str, day: date, index: int, institution_id: str | None
) -> dict[str, Any]:
    """Set a block's institution whatever its version; returns the block."""
    current = block(client, tok, day, index)
    answer = put_block(client, tok, day, index, institution_id, current["version"])
    assert answer.status_code == 200, answer.text
    data: dict[str, Any] = answer.json()
    return data


def complete(
    client: httpx.Client, tok: str, start: date, end: date, rotation: Sequence[str]
) -> dict[str, Any]:
    """Give every block of every open day an institution (rotating) and forum duty to the
    first block's; returns the grid."""
    grid = roster(client, tok, start, end)
    for n, found in enumerate(grid["days"]):
        day = date.fromisoformat(found["day"])
        chosen = [rotation[(n + j) % len(rotation)] for j in range(found["blocks_needed"])]
        for current, inst in zip(found["blocks"], chosen, strict=True):
            answer = put_block(client, tok, day, current["index"], inst, current["version"])
            assert answer.status_code == 200, answer.text
        answer = put_forum(client, tok, day, chosen[0], found["forum"]["version"])
        assert answer.status_code == 200, answer.text
    return roster(client, tok, start, end)


def publish(client: httpx.Client, tok: str, start: date, end: date) -> httpx.Response:
    return client.post(
        f"{API}/publish",
        json={"start": start.isoformat(), "end": end.isoformat()},
        headers=auth(tok),
    )


def propose(
    client: httpx.Client, tok: str, start: date, end: date, time_limit: float = 2.0
) -> httpx.Response:
    return client.post(
        f"{API}/proposals",
        json={"start": start.isoformat(), "end": end.isoformat(), "time_limit": time_limit},
        headers=auth(tok),
        timeout=60,
    )


def set_commitments(
    client: httpx.Client, tok: str, start: date, end: date, entries: Sequence[Mapping[str, Any]]
) -> httpx.Response:
    return client.put(
        f"{API}/commitments",
        json={"start": start.isoformat(), "end": end.isoformat(), "institutions": list(entries)},
        headers=auth(tok),
    )
