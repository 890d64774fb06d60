"""The roster through the real server: the grid, central edits, names, proposals, publishing
and hostile input, on SQLite and PostgreSQL."""

from __future__ import annotations

import concurrent.futures
import threading
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from console.domain.hours import DEFAULT_SCHEDULE
from console.domain.roster import (
    BlockRef,
    Institution,
    Period,
    Roster,
    check_roster,
    service_calendar,
)
from tests.support.api import auth
from tests.support.forum import BACKENDS
from tests.support.roster import (
    API,
    DEMO_CODES,
    assign,
    block,
    complete,
    day_of,
    fill,
    fresh_week,
    institution_ids,
    propose,
    publish,
    put_block,
    put_forum,
    roster,
    serve_roster,
    set_commitments,
    token,
    user_id,
)
from tests.support.servers import RunningServer


@pytest.fixture(scope="module", params=BACKENDS)
def roster_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, dev_certs: Path
) -> Iterator[RunningServer]:
    yield from serve_roster(request, tmp_path_factory, dev_certs)


@pytest.fixture
def client(roster_server: RunningServer) -> Iterator[httpx.Client]:
    with roster_server.client() as c:
        yield c


@pytest.fixture
def coordinator(client: httpx.Client) -> str:
    return token(client, "coordinator")


@pytest.fixture
def insts(client: httpx.Client, coordinator: str) -> dict[str, str]:
    return institution_ids(client, coordinator)


def codes(problems: list[dict[str, Any]]) -> set[str]:
    return {p["code"] for p in problems}


# --- the grid --------------------------------------------------------------------------------


def test_grid_shape_open_days_holidays_and_fridays(client: httpx.Client) -> None:
    tok = token(client, "bascule.trainee1")
    grid = roster(client, tok, date(2026, 12, 14), date(2026, 12, 27))
    assert grid["start"] == "2026-12-14" and grid["end"] == "2026-12-27"
    days = {d["day"]: d for d in grid["days"]}
    # Weekdays only; Christmas (a Friday) closed with its name; weekends are not open days.
    assert sorted(days) == [
        "2026-12-14", "2026-12-15", "2026-12-16", "2026-12-17", "2026-12-18",
        "2026-12-21", "2026-12-22", "2026-12-23", "2026-12-24",
    ]  # fmt: skip
    assert grid["closed"] == {"2026-12-25": "Eerste kerstdag"}
    assert days["2026-12-14"]["blocks_needed"] == 3
    assert days["2026-12-18"]["blocks_needed"] == 2  # Friday: four seats
    for found in grid["days"]:
        assert len(found["blocks"]) == found["blocks_needed"]
        assert [b["index"] for b in found["blocks"]] == list(range(found["blocks_needed"]))
        assert found["holiday"] is None and found["hard_to_staff"] is None
        assert set(found["forum"]) == {"institution_id", "published_institution_id", "version"}
    assert isinstance(grid["problems"], list)
    assert "published_at" in grid
    # A block nobody touched yet: no institution, no names, version 0.
    monday = fresh_week()
    empty = day_of(roster(client, tok, monday, monday), monday)
    assert empty["blocks"][0] == {
        "index": 0, "institution_id": None, "published_institution_id": None,
        "pinned": False, "people": [], "version": 0,
    }  # fmt: skip


def test_hard_to_staff_day_is_flagged(client: httpx.Client) -> None:
    tok = token(client, "bascule.helper1")
    grid = roster(client, tok, date(2027, 5, 3), date(2027, 5, 7))
    days = {d["day"]: d for d in grid["days"]}
    assert days["2027-05-05"]["hard_to_staff"] == "Bevrijdingsdag"
    assert grid["closed"] == {"2027-05-06": "Hemelvaartsdag"}


def test_people_lists_seat_people_by_scope(client: httpx.Client, coordinator: str) -> None:
    everyone = client.get(f"{API}/people", headers=auth(coordinator)).json()
    codes_listed = {i["code"] for i in everyone["institutions"]}
    assert set(DEMO_CODES) <= codes_listed and "centraal" not in codes_listed
    by_name = {p["name"]: p for p in everyone["people"]}
    sanne = by_name["Sanne de Vries"]  # bascule.helper1: helper and supervisor
    assert sanne["role"] == "supervisor" and sanne["needs_backup"] is False
    lotte = by_name["Lotte Bakker"]  # bascule.trainee1
    assert lotte["role"] == "trainee" and lotte["needs_backup"] is True
    assert lotte["may_supervise"] is True
    assert "Marieke Kok" not in by_name  # the coordinator has no seat
    assert any(p["unavailable_weekdays"] == [4] for p in everyone["people"])
    own = client.get(f"{API}/people", headers=auth(token(client, "ggze.trainee1"))).json()
    ggze = {i["code"]: i["id"] for i in own["institutions"]}["ggze"]
    assert own["people"] and {p["institution_id"] for p in own["people"]} == {ggze}


# --- central edits ---------------------------------------------------------------------------


def test_central_edit_and_stale_version(
    client: httpx.Client, coordinator: str, insts: dict[str, str]
) -> None:
    monday = fresh_week()
    first = put_block(client, coordinator, monday, 0, insts["bascule"], 0)
    assert first.status_code == 200, first.text
    data = first.json()
    assert data["institution_id"] == insts["bascule"] and data["version"] == 1
    assert data["day"] == monday.isoformat() and data["people"] == []
    stale = put_block(client, coordinator, monday, 0, insts["ggze"], 0)
    assert stale.status_code == 409, stale.text
    assert stale.json()["error"] == "conflict"
    assert stale.json()["current"]["institution_id"] == insts["bascule"]
    assert stale.json()["current"]["version"] == 1
    pinned = put_block(client, coordinator, monday, 0, insts["bascule"], 1, pinned=True)
    assert pinned.status_code == 200 and pinned.json()["pinned"] is True
    # Forum duty, same rules.
    duty = put_forum(client, coordinator, monday, insts["bascule"], 0)
    assert duty.status_code == 200, duty.text
    assert duty.json()["institution_id"] == insts["bascule"] and duty.json()["version"] == 1
    again = put_forum(client, coordinator, monday, insts["ggze"], 0)
    assert again.status_code == 409 and again.json()["current"]["version"] == 1


def test_central_edit_refuses_closed_days_bad_index_unknown_institution(
    client: httpx.Client, coordinator: str, insts: dict[str, str]
) -> None:
    monday = fresh_week()
    friday = monday + timedelta(days=4)
    cases = [
        (date(2031, 12, 25), 0, insts["bascule"], "day"),  # Christmas (a Thursday)
        (monday + timedelta(days=5), 0, insts["bascule"], "day"),  # a Saturday
        (monday, 3, insts["bascule"], "index"),  # three blocks: 0..2
        (friday, 2, insts["bascule"], "index"),  # Friday: two blocks
        (monday, 1, "999999", "institution_id"),
    ]
    for day, index, inst, field in cases:
        answer = put_block(client, coordinator, day, index, inst, 0)
        assert answer.status_code == 422, (day, index, answer.text)
        assert answer.json()["fields"][0]["field"] == field
    closed = put_forum(client, coordinator, date(2031, 12, 25), insts["bascule"], 0)
    assert closed.status_code == 422
    trainee = token(client, "bascule.trainee1")
    assert put_block(client, trainee, monday, 0, insts["bascule"], 0).status_code == 403


# --- names -----------------------------------------------------------------------------------


@pytest.fixture
def filled_day(client: httpx.Client, coordinator: str, insts: dict[str, str]) -> date:
    """A Monday with bascule in blocks 0 and 2 (twice, to test "sits twice"), ggze in 1."""
    monday = fresh_week()
    assign(client, coordinator, monday, 0, insts["bascule"])
    assign(client, coordinator, monday, 1, insts["ggze"])
    assign(client, coordinator, monday, 2, insts["bascule"])
    return monday


def test_fill_names_rules(client: httpx.Client, filled_day: date) -> None:
    day = filled_day
    ids = {u: user_id(client, u) for u in ("bascule.trainee1", "bascule.trainee2",
                                          "bascule.helper1", "ggze.helper1")}  # fmt: skip
    trainee = token(client, "bascule.trainee1")
    ok = fill(client, trainee, day, 0, [ids["bascule.trainee1"], ids["bascule.helper1"]], 1)
    assert ok.status_code == 200, ok.text
    assert ok.json()["people"] == [ids["bascule.trainee1"], ids["bascule.helper1"]]
    assert ok.json()["version"] == 2

    alone = fill(client, trainee, day, 2, [ids["bascule.trainee2"]], 1)
    assert alone.status_code == 422, alone.text
    assert alone.json()["error"] == "invalid"
    assert codes(alone.json()["problems"]) == {"needs_backup"}
    assert alone.json()["problems"][0]["message"]

    stranger = fill(client, trainee, day, 2, [ids["ggze.helper1"]], 1)
    assert stranger.status_code == 422
    assert "not_of_institution" in codes(stranger.json()["problems"])

    twice = fill(client, trainee, day, 2, [ids["bascule.helper1"]], 1)
    assert twice.status_code == 422
    assert codes(twice.json()["problems"]) == {"sits_twice"}
    same = fill(client, trainee, day, 2, [ids["bascule.helper1"], ids["bascule.helper1"]], 1)
    assert same.status_code == 422 and "sits_twice" in codes(same.json()["problems"])

    unknown = fill(client, trainee, day, 2, ["999999"], 1)
    assert unknown.status_code == 422 and codes(unknown.json()["problems"]) == {"unknown_person"}
    coordinator_id = user_id(client, "coordinator")
    no_seat = fill(client, trainee, day, 2, [coordinator_id], 1)
    assert no_seat.status_code == 422 and "not_a_seat_role" in codes(no_seat.json()["problems"])

    stale = fill(client, trainee, day, 0, [], 1)
    assert stale.status_code == 409
    assert stale.json()["current"]["version"] == 2
    assert stale.json()["current"]["people"] == [ids["bascule.trainee1"], ids["bascule.helper1"]]

    other = token(client, "ggze.helper1")
    refused = fill(client, other, day, 0, [ids["ggze.helper1"]], 2)
    assert refused.status_code == 403
    # Nothing of the refused attempts was stored.
    assert block(client, trainee, day, 2)["people"] == []
    assert block(client, trainee, day, 2)["version"] == 1


def test_an_old_breach_does_not_block_an_unrelated_edit(
    client: httpx.Client, filled_day: date
) -> None:
    day = filled_day
    trainee1, trainee2, helper1, helper2 = (
        user_id(client, f"bascule.{u}") for u in ("trainee1", "trainee2", "helper1", "helper2")
    )
    admin = token(client, "admin")
    tok = token(client, "bascule.helper2")

    def backup(needed: bool) -> None:
        answer = client.put(
            f"/api/v1/staff/{trainee2}/backup",
            json={"needs_backup": needed, "reason": "test: signed off, then withdrawn"},
            headers=auth(admin),
        )
        assert answer.status_code == 200, answer.text

    # Signed off, trainee 2 sits alone; then the supervisor withdraws the sign-off.
    backup(False)
    try:
        assert fill(client, tok, day, 2, [trainee2], 1).status_code == 200
    finally:
        backup(True)
    # The breach in block 2 does not stop block 0 being filled...
    assert fill(client, tok, day, 0, [trainee1, helper1], 1).status_code == 200
    # ...but leaving trainee 1 alone there would add one, and is refused.
    left = fill(client, tok, day, 0, [trainee1], 2)
    assert left.status_code == 422 and codes(left.json()["problems"]) == {"needs_backup"}
    # Block 2 itself may be fixed.
    assert fill(client, tok, day, 2, [trainee2, helper2], 2).status_code == 200


def test_a_helper_who_may_not_supervise_is_no_backup(
    client: httpx.Client, filled_day: date
) -> None:
    day = filled_day
    trainee, helper = user_id(client, "bascule.trainee1"), user_id(client, "bascule.helper2")
    admin = token(client, "admin")
    tok = token(client, "bascule.helper2")

    def may_supervise(value: bool) -> None:
        answer = client.put(
            f"/api/v1/supervision/staff/{helper}/may-supervise",
            json={"may_supervise": value},
            headers=auth(admin),
        )
        assert answer.status_code == 200, answer.text

    may_supervise(False)
    try:
        refused = fill(client, tok, day, 0, [trainee, helper], 1)
        assert refused.status_code == 422, refused.text
        assert codes(refused.json()["problems"]) == {"needs_backup"}
    finally:
        may_supervise(True)
    assert fill(client, tok, day, 0, [trainee, helper], 1).status_code == 200


def test_changing_the_institution_clears_the_names(
    client: httpx.Client, coordinator: str, insts: dict[str, str], filled_day: date
) -> None:
    day = filled_day
    helper = user_id(client, "ggze.helper1")
    tok = token(client, "ggze.helper1")
    assert fill(client, tok, day, 1, [helper], 1).status_code == 200
    same = put_block(client, coordinator, day, 1, insts["ggze"], 2, pinned=True)
    assert same.status_code == 200 and same.json()["people"] == [helper]  # kept
    moved = put_block(client, coordinator, day, 1, insts["bjzg"], 3)
    assert moved.status_code == 200 and moved.json()["people"] == []


def test_two_fills_racing_on_one_version(client: httpx.Client, filled_day: date) -> None:
    day = filled_day
    helper1, helper2 = user_id(client, "bascule.helper1"), user_id(client, "bascule.helper2")
    tok1, tok2 = token(client, "bascule.helper1"), token(client, "bascule.helper2")
    barrier = threading.Barrier(2)

    def attempt(tok: str, person: str) -> int:
        barrier.wait()
        return fill(client, tok, day, 0, [person], 1).status_code

    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        results = list(pool.map(attempt, [tok1, tok2], [helper1, helper2]))
    assert sorted(results) == [200, 409]
    assert block(client, tok1, day, 0)["version"] == 2


# --- proposals -------------------------------------------------------------------------------


def _week_commitments(insts: dict[str, str]) -> list[dict[str, Any]]:
    return [
        {"institution_id": insts[code], "min_blocks": 2, "max_blocks": 4,
         "preferred_weekdays": [], "unavailable_dates": []}
        for code in DEMO_CODES
    ]  # fmt: skip


def _as_domain(grid: dict[str, Any]) -> tuple[Roster, dict[BlockRef, str]]:
    blocks = {}
    forum = {}
    pins = {}
    for found in grid["days"]:
        day = date.fromisoformat(found["day"])
        blocks[day] = tuple(b["institution_id"] or "" for b in found["blocks"])
        if found["forum"]["institution_id"]:
            forum[day] = found["forum"]["institution_id"]
        for b in found["blocks"]:
            if b["pinned"]:
                pins[BlockRef(day, b["index"])] = b["institution_id"]
    return Roster(blocks, forum), pins


def test_proposal_keeps_every_hard_rule_and_the_pins(
    client: httpx.Client, coordinator: str, insts: dict[str, str]
) -> None:
    monday = fresh_week()
    friday = monday + timedelta(days=4)
    answer = set_commitments(client, coordinator, monday, friday, _week_commitments(insts))
    assert answer.status_code == 200, answer.text
    assert len(answer.json()["institutions"]) == 5
    got = client.get(
        f"{API}/commitments",
        params={"start": monday.isoformat(), "end": friday.isoformat()},
        headers=auth(coordinator),
    ).json()
    assert got["institutions"] == answer.json()["institutions"]
    tuesday = monday + timedelta(days=1)
    pin = put_block(client, coordinator, tuesday, 1, insts["bjzo"], 0, pinned=True)
    assert pin.status_code == 200

    made = propose(client, coordinator, monday, friday)
    assert made.status_code == 200, made.text
    proposal = made.json()
    assert proposal["status"] in {"optimal", "feasible"}
    assert proposal["start"] == monday.isoformat()
    assert len(proposal["blocks"]) == 13  # 14 blocks, one pinned already in place
    assert all(c["before"] is None and c["after"] for c in proposal["blocks"])
    assert not any(c["day"] == tuesday.isoformat() and c["index"] == 1 for c in proposal["blocks"])
    assert len(proposal["forum"]) == 5
    assert proposal["fairness"]["counts"]
    assert sum(proposal["fairness"]["counts"].values()) == 14

    accepted = client.post(f"{API}/proposals/{proposal['id']}/accept", headers=auth(coordinator))
    assert accepted.status_code == 200, accepted.text
    assert accepted.json() == {"changed": 18}
    again = client.post(f"{API}/proposals/{proposal['id']}/accept", headers=auth(coordinator))
    assert again.status_code == 404

    grid = roster(client, coordinator, monday, friday)
    assert grid["problems"] == []
    applied, pins = _as_domain(grid)
    assert pins == {BlockRef(tuesday, 1): insts["bjzo"]}
    calendar = service_calendar(Period(monday, friday), DEFAULT_SCHEDULE)
    parties = [Institution(insts[c], c, 2, 4) for c in DEMO_CODES]
    assert check_roster(applied, calendar, parties, pins) == []


def test_accept_after_a_concurrent_edit_applies_nothing(
    client: httpx.Client, coordinator: str, insts: dict[str, str]
) -> None:
    monday = fresh_week()
    friday = monday + timedelta(days=4)
    made = propose(client, coordinator, monday, friday)
    assert made.status_code == 200, made.text
    proposal = made.json()
    change = proposal["blocks"][3]
    day = date.fromisoformat(change["day"])
    assign(client, coordinator, day, change["index"], insts["bjzzh"])
    before = roster(client, coordinator, monday, friday)
    answer = client.post(f"{API}/proposals/{proposal['id']}/accept", headers=auth(coordinator))
    assert answer.status_code == 409, answer.text
    assert answer.json()["error"] == "conflict"
    after = roster(client, coordinator, monday, friday)
    assert after["days"] == before["days"]  # nothing applied, not even the untouched blocks
    # Rejecting leaves the draft alone too, and the proposal is gone.
    other = propose(client, coordinator, monday, friday).json()
    rejected = client.delete(f"{API}/proposals/{other['id']}", headers=auth(coordinator))
    assert rejected.status_code == 204
    assert roster(client, coordinator, monday, friday)["days"] == before["days"]
    gone = client.post(f"{API}/proposals/{other['id']}/accept", headers=auth(coordinator))
    assert gone.status_code == 404


def test_unsolvable_request_explains_why(
    client: httpx.Client, coordinator: str, insts: dict[str, str]
) -> None:
    monday = fresh_week()
    friday = monday + timedelta(days=4)
    too_much = [dict(c, min_blocks=5, max_blocks=5) for c in _week_commitments(insts)]
    assert set_commitments(client, coordinator, monday, friday, too_much).status_code == 200
    answer = propose(client, coordinator, monday, friday)
    assert answer.status_code == 422, answer.text
    assert answer.json()["error"] == "unsolvable"
    assert "commitments_too_high" in codes(answer.json()["problems"])


# --- publishing ------------------------------------------------------------------------------


def test_publish_refuses_incomplete_then_publishes_and_tells_the_institutions(
    client: httpx.Client, coordinator: str, insts: dict[str, str]
) -> None:
    monday = fresh_week()
    friday = monday + timedelta(days=4)
    empty = publish(client, coordinator, monday, friday)
    assert empty.status_code == 422, empty.text
    assert empty.json()["error"] == "incomplete"
    assert {"coverage", "forum_missing"} <= codes(empty.json()["problems"])

    rotation = [insts[c] for c in DEMO_CODES]
    complete(client, coordinator, monday, friday, rotation)
    twice = roster(client, coordinator, monday, monday)["days"][0]
    assign(client, coordinator, monday, 1, twice["blocks"][0]["institution_id"])
    refused = publish(client, coordinator, monday, friday)
    assert refused.status_code == 422
    assert "institution_twice" in codes(refused.json()["problems"])
    assign(client, coordinator, monday, 1, twice["blocks"][1]["institution_id"])

    member = token(client, "bjzg.trainee1")
    cursor = client.get("/api/v1/sync", params={"since": 0, "timeout": 0}, headers=auth(member))
    since = cursor.json()["next"]
    done = publish(client, coordinator, monday, friday)
    assert done.status_code == 200, done.text
    assert done.json()["blocks"] == 14
    assert done.json()["published_at"]
    grid = roster(client, member, monday, friday)
    assert grid["published_at"] == done.json()["published_at"]
    for found in grid["days"]:
        for b in found["blocks"]:
            assert b["published_institution_id"] == b["institution_id"] is not None
        assert found["forum"]["published_institution_id"] == found["forum"]["institution_id"]
    seen = _events_until(client, member, since, "roster.published")
    assert seen["data"] == {
        "start": monday.isoformat(), "end": friday.isoformat(),
        "published_at": done.json()["published_at"],
    }  # fmt: skip


def _events_until(client: httpx.Client, tok: str, since: int, kind: str) -> dict[str, Any]:
    for _ in range(20):
        answer = client.get(
            "/api/v1/sync", params={"since": since, "timeout": 5}, headers=auth(tok)
        ).json()
        for event in answer.get("events", []):
            if event["kind"] == kind:
                found: dict[str, Any] = event
                return found
        since = answer["next"]
    raise AssertionError(f"no {kind} event")


def test_fill_sends_a_block_event_to_the_institution(
    client: httpx.Client, filled_day: date
) -> None:
    tok = token(client, "bascule.helper1")
    since = client.get("/api/v1/sync", params={"since": 0, "timeout": 0}, headers=auth(tok))
    cursor = since.json()["next"]
    me = user_id(client, "bascule.helper1")
    assert fill(client, tok, filled_day, 0, [me], 1).status_code == 200
    seen = _events_until(client, token(client, "bascule.trainee2"), cursor, "roster.block")
    assert seen["data"]["day"] == filled_day.isoformat()
    assert seen["data"]["people"] == [me] and seen["data"]["index"] == 0


# --- hostile input ---------------------------------------------------------------------------


def test_hostile_input_gets_clear_4xx(
    client: httpx.Client, coordinator: str, insts: dict[str, str]
) -> None:
    h = auth(coordinator)
    bad_queries = [
        {"start": "2026-13-01", "end": "2026-12-31"},
        {"start": "yesterday", "end": "2026-12-31"},
        {"start": "2026-12-31", "end": "2026-12-01"},
        {"start": "2026-01-01", "end": "2027-02-05"},  # 401 days
        {"start": "2026-01-01"},
    ]
    for params in bad_queries:
        answer = client.get(API, params=params, headers=h)
        assert answer.status_code == 422, (params, answer.text)
        assert answer.json()["error"] == "invalid" and answer.json()["fields"]
    assert (
        client.get(API, params={"start": "2026-01-01", "end": "2027-02-04"}, headers=h).status_code
        == 200
    )  # 400 days
    monday = fresh_week()
    paths = [
        ("PUT", f"{API}/blocks/2026-02-30/0", {"institution_id": None, "version": 0}),
        ("PUT", f"{API}/blocks/{monday}/abc", {"institution_id": None, "version": 0}),
        ("PUT", f"{API}/blocks/{monday}/-1", {"institution_id": None, "version": 0}),
        ("PUT", f"{API}/blocks/{monday}/0", {"institution_id": 3, "version": 0}),
        ("PUT", f"{API}/blocks/{monday}/0", {"institution_id": None, "version": -1}),
        ("PUT", f"{API}/blocks/{monday}/0", {"institution_id": None}),
        ("PUT", f"{API}/blocks/{monday}/0", {"institution_id": None, "version": 0, "x": 1}),
        ("PUT", f"{API}/blocks/{monday}/0", [1, 2]),
        ("PUT", f"{API}/blocks/{monday}/0/people", {"people": ["1", "2", "3"], "version": 0}),
        ("PUT", f"{API}/blocks/{monday}/0/people", {"people": ["abc"], "version": 0}),
        ("PUT", f"{API}/forum/{monday}", {"institution_id": "x", "version": 0}),
        ("POST", f"{API}/proposals", {"start": str(monday), "end": str(monday), "time_limit": 0.5}),
        ("POST", f"{API}/proposals", {"start": str(monday), "end": "2031-01-01"}),
        ("POST", f"{API}/proposals", {"start": "2031-01-01", "end": "2032-03-01"}),
        ("POST", f"{API}/publish", {"start": str(monday)}),
        ("PUT", f"{API}/commitments", {"start": str(monday), "end": str(monday),
                                       "institutions": [{"institution_id": insts["ggze"],
                                                         "min_blocks": 3, "max_blocks": 1}]}),
        ("PUT", f"{API}/commitments", {"start": str(monday), "end": str(monday),
                                       "institutions": [{"institution_id": "999999",
                                                         "min_blocks": 0, "max_blocks": 1}]}),
        ("PUT", f"{API}/commitments", {"start": str(monday), "end": str(monday),
                                       "institutions": [{"institution_id": insts["ggze"],
                                                         "min_blocks": 0, "max_blocks": 1,
                                                         "preferred_weekdays": [7]}]}),
        ("PUT", f"{API}/commitments", {"start": str(monday), "end": str(monday),
                                       "institutions": [{"institution_id": insts["ggze"],
                                                         "min_blocks": 0, "max_blocks": 1,
                                                         "unavailable_dates": ["2020-01-01"]}]}),
    ]  # fmt: skip
    for method, path, body in paths:
        answer = client.request(method, path, json=body, headers=h)
        assert answer.status_code == 422, (method, path, body, answer.text)
        assert answer.json()["error"] == "invalid", answer.text
        assert answer.json()["message"]
    not_json = client.put(
        f"{API}/blocks/{monday}/0",
        content=b"{nope",
        headers={**h, "content-type": "application/json"},
    )
    assert not_json.status_code == 400
    huge = client.put(
        f"{API}/blocks/{monday}/0/people",
        json={"people": ["1" * 12] * 20_000, "version": 0},
        headers=h,
    )
    assert huge.status_code == 413
    for method, path in [
        ("POST", f"{API}/proposals/00000000-0000-0000-0000-000000000000/accept"),
        ("DELETE", f"{API}/proposals/nope"),
        ("POST", f"{API}/proposals/{'x' * 300}/accept"),
    ]:
        answer = client.request(method, path, headers=h)
        assert answer.status_code in {404, 422}, (path, answer.text)
    assert client.get(f"{API}/feed/nope.ics").status_code == 404
    assert client.get(f"{API}/feed/{'A' * 43}.ics").status_code == 404
    # Nothing of it was stored.
    assert block(client, coordinator, monday, 0)["version"] == 0
