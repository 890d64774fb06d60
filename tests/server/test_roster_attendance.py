"""Attendance through the real server, on SQLite and PostgreSQL: the sweep marks present,
late and no-show from when people became available (on the roster's test clock), once;
the report per block, person and institution and who may read it; the late threshold;
and supervised shifts counted from roster and attendance (issue 6)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from server.db import Database
from server.roster import attendance
from tests.support.api import auth
from tests.support.forum import BACKENDS, local
from tests.support.roster import API, fresh_week, institution_ids, token, user_id
from tests.support.roster_duty import (
    become,
    eventually,
    marks_of,
    report,
    seat,
    set_clock,
)
from tests.support.servers import RunningServer

SUPERVISION = "/api/v1/supervision"


@pytest.fixture(scope="module", params=BACKENDS)
def roster_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, dev_certs: Path
) -> Iterator[RunningServer]:
    from tests.support.roster import serve_roster

    yield from serve_roster(request, tmp_path_factory, dev_certs)


@pytest.fixture
def client(roster_server: RunningServer) -> Iterator[httpx.Client]:
    with roster_server.client() as c:
        try:
            yield c
        finally:
            set_clock(c, None)


@pytest.fixture
def coordinator(client: httpx.Client) -> str:
    return token(client, "coordinator")


@pytest.fixture
def insts(client: httpx.Client, coordinator: str) -> dict[str, str]:
    return institution_ids(client, coordinator)


def _arrive(client: httpx.Client, username: str, at: Any) -> None:
    """`username` becomes available at `at` on the roster clock, then goes offline again."""
    set_clock(client, at)
    tok = token(client, username)
    become(client, tok, "available")
    become(client, tok, "offline")


def _marks(client: httpx.Client, tok: str, day: Any, count: int) -> dict[Any, str]:
    def probe() -> dict[Any, str] | None:
        answer = report(client, tok, day, day)
        assert answer.status_code == 200, answer.text
        found = marks_of(answer.json())
        return found if len(found) >= count else None

    return eventually(probe, f"{count} attendance marks on {day}")


def test_present_late_and_no_show_are_marked_once(
    client: httpx.Client, coordinator: str, insts: dict[str, str]
) -> None:
    day = fresh_week()
    seat(client, coordinator, day, 0, insts["bascule"], ["bascule.trainee1", "bascule.helper1"])
    seat(client, coordinator, day, 1, insts["ggze"], ["ggze.trainee1", "ggze.helper1"])
    ids = {u: user_id(client, u) for u in ("bascule.trainee1", "bascule.helper1",
                                            "ggze.trainee1", "ggze.helper1")}  # fmt: skip
    _arrive(client, "bascule.trainee1", local(day, 15, 50))  # before the start
    _arrive(client, "bascule.helper1", local(day, 16, 9))  # within 10 minutes: in time
    _arrive(client, "ggze.trainee1", local(day, 16, 25))  # 25 minutes late
    set_clock(client, local(day, 16, 30))
    iso = day.isoformat()
    marks = _marks(client, coordinator, day, 3)
    assert marks == {
        (iso, 0, ids["bascule.trainee1"]): "present",
        (iso, 0, ids["bascule.helper1"]): "present",
        (iso, 1, ids["ggze.trainee1"]): "late",
    }  # ggze.helper1: not yet known while the block runs
    set_clock(client, local(day, 18, 0))  # the block ended without them
    marks = _marks(client, coordinator, day, 4)
    assert marks[iso, 1, ids["ggze.helper1"]] == "no_show"
    # A few more sweeps, and arriving after the end, change nothing.
    _arrive(client, "ggze.helper1", local(day, 18, 5))
    time.sleep(1.0)
    data = report(client, coordinator, day, day).json()
    assert marks_of(data) == marks
    assert data["late_after_minutes"] == 10
    late = next(p for b in data["blocks"] for p in b["people"] if p["status"] == "late")
    assert late["minutes_late"] == 25
    arrived = local(day, 16, 25).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:")
    assert late["arrived_at"].startswith(arrived)
    totals = {p["person_id"]: p for p in data["people"]}
    assert totals[ids["ggze.helper1"]]["no_show"] == 1
    assert totals[ids["bascule.trainee1"]]["present"] == 1
    per_institution = {i["institution_id"]: i for i in data["institutions"]}
    assert per_institution[insts["bascule"]]["present"] == 2
    ggze = per_institution[insts["ggze"]]
    assert (ggze["present"], ggze["late"], ggze["no_show"]) == (0, 1, 1)


def test_who_reads_the_report(
    client: httpx.Client, coordinator: str, insts: dict[str, str]
) -> None:
    day = fresh_week()
    seat(client, coordinator, day, 0, insts["bascule"], ["bascule.trainee1", "bascule.helper1"])
    seat(client, coordinator, day, 1, insts["ggze"], ["ggze.trainee1", "ggze.helper1"])
    set_clock(client, local(day, 18, 0))
    _marks(client, coordinator, day, 4)  # all no-shows
    lead = report(client, token(client, "projectlead"), day, day).json()
    assert len(marks_of(lead)) == 4
    supervisor = report(client, token(client, "bascule.helper1"), day, day).json()
    assert {i["institution_id"] for i in supervisor["institutions"]} == {insts["bascule"]}
    assert len(marks_of(supervisor)) == 2
    for who in ("bascule.trainee1", "bascule.helper2", "admin", "helpdesk"):
        assert report(client, token(client, who), day, day).status_code == 403, who
    bad = client.get(f"{API}/attendance", params={"start": str(day)}, headers=auth(coordinator))
    assert bad.status_code == 422
    wrong = report(client, coordinator, day, day - timedelta(days=1))
    assert wrong.status_code == 422 and wrong.json()["fields"][0]["field"] == "end"


def test_the_late_threshold_is_configurable(
    client: httpx.Client, coordinator: str, insts: dict[str, str]
) -> None:
    url = f"{API}/attendance/settings"
    assert client.get(url, headers=auth(coordinator)).json() == {"late_minutes": 10}
    helper = token(client, "bascule.helper1")
    assert client.put(url, json={"late_minutes": 30}, headers=auth(helper)).status_code == 403
    for bad in (0, 241, "x"):
        answer = client.put(url, json={"late_minutes": bad}, headers=auth(coordinator))
        assert answer.status_code == 422, answer.text
    day = fresh_week()
    seat(client, coordinator, day, 0, insts["bascule"], ["bascule.trainee1", "bascule.helper1"])
    changed = client.put(url, json={"late_minutes": 30}, headers=auth(coordinator))
    assert changed.status_code == 200 and changed.json() == {"late_minutes": 30}
    try:
        _arrive(client, "bascule.trainee1", local(day, 16, 25))
        _arrive(client, "bascule.helper1", local(day, 16, 45))
        set_clock(client, local(day, 17, 0))
        marks = _marks(client, coordinator, day, 2)
        assert sorted(marks.values()) == ["late", "present"]
    finally:
        client.put(url, json={"late_minutes": 10}, headers=auth(coordinator))


def _record(client: httpx.Client, supervisor: str, trainee_id: str) -> dict[str, Any]:
    answer = client.get(f"{SUPERVISION}/trainees/{trainee_id}", headers=auth(supervisor))
    assert answer.status_code == 200, answer.text
    data: dict[str, Any] = answer.json()
    return data


def test_supervised_shifts_count_from_roster_and_attendance(
    client: httpx.Client, coordinator: str, insts: dict[str, str]
) -> None:
    monday = fresh_week()
    tuesday = monday + timedelta(days=1)
    trainee = user_id(client, "bascule.trainee1")
    supervisor = token(client, "bascule.helper1")
    before = _record(client, supervisor, trainee)["supervised_shifts"]
    for day in (monday, tuesday):
        seat(client, coordinator, day, 0, insts["bascule"], ["bascule.trainee1", "bascule.helper2"])
    # Monday: both come. Tuesday: the trainee comes, the professional does not.
    _arrive(client, "bascule.trainee1", local(monday, 15, 55))
    _arrive(client, "bascule.helper2", local(monday, 16, 2))
    _arrive(client, "bascule.trainee1", local(tuesday, 15, 58))
    set_clock(client, local(tuesday, 18, 0))
    _marks(client, coordinator, tuesday, 2)
    _marks(client, coordinator, monday, 2)
    record = _record(client, supervisor, trainee)
    rows = {(r["day"], r["source"]): r for r in record["sittings"]}
    shift = rows[monday.isoformat(), "roster"]
    assert shift["counts"] is True and shift["professional"] == "Daan Jansen"
    assert shift["trainee_attendance"] == "present"
    assert shift["professional_attendance"] == "present"
    missed = rows[tuesday.isoformat(), "roster"]
    assert missed["counts"] is False and missed["professional_attendance"] == "no_show"
    assert record["supervised_shifts"] == before + 1
    assert record["criteria"]["supervised_shifts"]["have"] == str(before + 1)
    # A shift also recorded by hand counts once.
    helper = user_id(client, "bascule.helper2")
    recorded = client.post(
        f"{SUPERVISION}/trainees/{trainee}/sittings",
        json={"day": monday.isoformat(), "block": 0, "professional_id": int(helper)},
        headers=auth(supervisor),
    )
    assert recorded.status_code == 201, recorded.text
    assert recorded.json()["supervised_shifts"] == before + 1
    sources = {r["source"] for r in _record(client, supervisor, trainee)["sittings"]}
    assert sources == {"roster", "recorded"}


def test_the_sweep_writes_each_mark_once(
    client: httpx.Client, coordinator: str, insts: dict[str, str], roster_server: RunningServer
) -> None:
    """Two sweeps at the same moment (as two workers would): the second writes nothing."""
    day = fresh_week()
    seat(client, coordinator, day, 0, insts["bascule"], ["bascule.trainee1", "bascule.helper1"])
    db = Database(roster_server.database_url)
    try:
        with db.write() as conn:
            assert attendance.sweep(conn, local(day, 18, 0)) == 2
        with db.write() as conn:
            assert attendance.sweep(conn, local(day, 18, 0)) == 0
    finally:
        db.dispose()
    assert set(marks_of(report(client, coordinator, day, day).json()).values()) == {"no_show"}
