"""Replacement through the real server, on SQLite and PostgreSQL: who sees an offer (the
domain's rules), the first colleague to accept wins (two at once: exactly one), withdrawal,
the coordinator's trail, a block that started, and hostile input."""

from __future__ import annotations

import concurrent.futures
import threading
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import httpx
import pytest

from tests.support.api import auth
from tests.support.forum import BACKENDS, local
from tests.support.roster import (
    API,
    assign,
    block,
    fresh_week,
    institution_ids,
    people,
    serve_roster,
    token,
    user_id,
)
from tests.support.roster_duty import (
    accept,
    ask,
    offer_ids,
    replacements,
    seat,
    set_clock,
    withdraw,
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


def _tokens(client: httpx.Client, code: str) -> dict[str, str]:
    return {
        who: token(client, f"{code}.{who}")
        for who in ("trainee1", "trainee2", "helper1", "helper2")
    }


def _ids(client: httpx.Client, code: str) -> dict[str, str]:
    return {
        who: user_id(client, f"{code}.{who}")
        for who in ("trainee1", "trainee2", "helper1", "helper2")
    }


def test_ask_see_take_and_the_trail(
    client: httpx.Client, coordinator: str, insts: dict[str, str]
) -> None:
    day = fresh_week()
    seat(client, coordinator, day, 0, insts["bascule"], ["bascule.trainee1", "bascule.helper1"])
    tok, ids = _tokens(client, "bascule"), _ids(client, "bascule")
    asked = ask(client, tok["trainee1"], day, 0, "Tentamen")
    assert asked.status_code == 201, asked.text
    request = asked.json()
    assert request["state"] == "open" and request["version"] == 1
    assert request["requester_id"] == ids["trainee1"] and request["reason"] == "Tentamen"
    assert request["start"] == local(day, 16).isoformat()
    rid = request["id"]
    # The requester stays seated and sees it under "mine", not as an offer.
    assert block(client, coordinator, day, 0)["people"] == [ids["trainee1"], ids["helper1"]]
    mine = replacements(client, tok["trainee1"])["mine"]
    assert [r["id"] for r in mine if r["day"] == day.isoformat()] == [rid]
    assert rid not in offer_ids(client, tok["trainee1"])
    # Colleagues who may sit there see it; the one already in the block and another
    # institution do not.
    assert rid in offer_ids(client, tok["trainee2"])
    assert rid in offer_ids(client, tok["helper2"])
    assert rid not in offer_ids(client, tok["helper1"])
    assert rid not in offer_ids(client, token(client, "ggze.helper1"))
    again = ask(client, tok["trainee1"], day, 0)
    assert again.status_code == 409 and again.json()["reason"] == "already_open"
    assert again.json()["current"]["id"] == rid
    assert ask(client, tok["trainee2"], day, 0).status_code == 403  # not seated there

    before = block(client, coordinator, day, 0)["version"]
    taken = accept(client, tok["trainee2"], rid, 1)
    assert taken.status_code == 200, taken.text
    assert taken.json()["request"]["state"] == "taken"
    assert taken.json()["request"]["taken_by_id"] == ids["trainee2"]
    assert taken.json()["block"]["people"] == [ids["trainee2"], ids["helper1"]]
    assert block(client, coordinator, day, 0)["version"] == before + 1
    late = accept(client, tok["helper2"], rid, 1)
    assert late.status_code == 409 and late.json()["reason"] == "taken"
    assert late.json()["current"]["taken_by"] == "Thijs Visser"  # bascule.trainee2
    assert rid not in offer_ids(client, tok["helper2"])

    trail = replacements(client, coordinator, day, day)["trail"]
    entry = next(r for r in trail if r["id"] == rid)
    assert entry["requester"] == "Lotte Bakker" and entry["reason"] == "Tentamen"
    assert entry["state"] == "taken" and entry["taken_at"] and entry["requested_at"]
    # A supervisor sees the trail of their own institution only; a trainee none.
    own = replacements(client, tok["helper1"], day, day)["trail"]
    assert [r["id"] for r in own] == [rid]
    assert replacements(client, token(client, "ggze.helper1"), day, day)["trail"] == []
    refused = client.get(
        f"{API}/replacements",
        params={"start": str(day), "end": str(day)},
        headers=auth(tok["trainee1"]),
    )
    assert refused.status_code == 403


def test_the_backup_rule_and_the_day_decide_who_may_take(
    client: httpx.Client, coordinator: str, insts: dict[str, str]
) -> None:
    monday = fresh_week()
    tok, ids = _tokens(client, "bascule"), _ids(client, "bascule")
    seat(client, coordinator, monday, 0, insts["bascule"], ["bascule.trainee1", "bascule.helper1"])
    # The helper leaves: only a professional who may supervise may take the seat.
    rid = ask(client, tok["helper1"], monday, 0).json()["id"]
    assert rid in offer_ids(client, tok["helper2"])
    assert rid not in offer_ids(client, tok["trainee2"])
    refused = accept(client, tok["trainee2"], rid, 1)
    assert refused.status_code == 422, refused.text
    assert {p["code"] for p in refused.json()["problems"]} == {"needs_backup"}
    admin = token(client, "admin")

    def may_supervise(value: bool) -> None:
        answer = client.put(
            f"/api/v1/supervision/staff/{ids['helper2']}/may-supervise",
            json={"may_supervise": value},
            headers=auth(admin),
        )
        assert answer.status_code == 200, answer.text

    may_supervise(False)
    try:
        assert rid not in offer_ids(client, tok["helper2"])
        assert accept(client, tok["helper2"], rid, 1).status_code == 422
    finally:
        may_supervise(True)
    assert accept(client, tok["helper2"], rid, 1).status_code == 200
    assert block(client, coordinator, monday, 0)["people"] == [ids["trainee1"], ids["helper2"]]

    # Someone who sits elsewhere that day does not see it (bascule twice, as a test).
    tuesday = monday + timedelta(days=1)
    seat(client, coordinator, tuesday, 0, insts["bascule"], ["bascule.trainee1", "bascule.helper1"])
    seat(client, coordinator, tuesday, 2, insts["bascule"], ["bascule.trainee2", "bascule.helper2"])
    busy = ask(client, tok["trainee1"], tuesday, 0).json()["id"]
    assert busy not in offer_ids(client, tok["trainee2"])
    assert busy not in offer_ids(client, tok["helper2"])
    sits_twice = accept(client, tok["trainee2"], busy, 1)
    assert sits_twice.status_code == 422
    assert "sits_twice" in {p["code"] for p in sits_twice.json()["problems"]}

    # A colleague who is never available on Fridays does not see a Friday offer.
    everyone = people(client, coordinator)["people"]
    friday_off = next(p for p in everyone if p["unavailable_weekdays"] == [4])
    code = next(k for k, v in insts.items() if v == friday_off["institution_id"])
    friday = monday + timedelta(days=4)
    seat(client, coordinator, friday, 0, insts[code], [f"{code}.trainee1", f"{code}.helper1"])
    theirs = _tokens(client, code)
    offer = ask(client, theirs["trainee1"], friday, 0).json()["id"]
    assert offer in offer_ids(client, theirs["helper2"])
    away = next(w for w, i in _ids(client, code).items() if i == friday_off["id"])
    assert offer not in offer_ids(client, theirs[away])


def test_withdraw_and_what_comes_after(
    client: httpx.Client, coordinator: str, insts: dict[str, str]
) -> None:
    day = fresh_week()
    seat(client, coordinator, day, 0, insts["bascule"], ["bascule.trainee1", "bascule.helper1"])
    tok = _tokens(client, "bascule")
    rid = ask(client, tok["trainee1"], day, 0, "Ziek").json()["id"]
    assert withdraw(client, tok["helper1"], rid, 1).status_code == 403  # not theirs
    stale = withdraw(client, tok["trainee1"], rid, 7)
    assert stale.status_code == 409 and stale.json()["current"]["state"] == "open"
    done = withdraw(client, tok["trainee1"], rid, 1)
    assert done.status_code == 200, done.text
    assert done.json()["state"] == "withdrawn" and done.json()["withdrawn_at"]
    late = accept(client, tok["trainee2"], rid, 1)
    assert late.status_code == 409 and late.json()["reason"] == "withdrawn"
    assert rid not in offer_ids(client, tok["trainee2"])
    trail = replacements(client, coordinator, day, day)["trail"]
    assert next(r for r in trail if r["id"] == rid)["state"] == "withdrawn"
    # Asking again after a withdrawal is a new request.
    assert ask(client, tok["trainee1"], day, 0).status_code == 201


def test_two_colleagues_accepting_at_once_give_one_winner(
    client: httpx.Client, coordinator: str, insts: dict[str, str]
) -> None:
    monday = fresh_week()
    tok, ids = _tokens(client, "bascule"), _ids(client, "bascule")
    for n in range(3):
        day = monday + timedelta(days=n)
        seat(client, coordinator, day, 0, insts["bascule"], ["bascule.trainee1", "bascule.helper1"])
        rid = ask(client, tok["trainee1"], day, 0).json()["id"]
        barrier = threading.Barrier(2)

        def attempt(who: str, rid: int = rid, barrier: threading.Barrier = barrier) -> int:
            barrier.wait()
            return accept(client, tok[who], rid, 1).status_code

        with concurrent.futures.ThreadPoolExecutor(2) as pool:
            results = list(pool.map(attempt, ["trainee2", "helper2"]))
        assert sorted(results) == [200, 409], results
        winner = ["trainee2", "helper2"][results.index(200)]
        assert block(client, coordinator, day, 0)["people"] == [ids[winner], ids["helper1"]]
        trail = replacements(client, coordinator, day, day)["trail"]
        assert next(r for r in trail if r["id"] == rid)["taken_by_id"] == ids[winner]


def test_a_started_block_can_no_longer_be_asked_or_taken(
    client: httpx.Client, coordinator: str, insts: dict[str, str]
) -> None:
    day = fresh_week()
    seat(client, coordinator, day, 0, insts["bascule"], ["bascule.trainee1", "bascule.helper1"])
    tok = _tokens(client, "bascule")
    try:
        set_clock(client, local(day, 15, 0))
        rid = ask(client, tok["trainee1"], day, 0).json()["id"]
        assert rid in offer_ids(client, tok["trainee2"])
        set_clock(client, local(day, 16, 0))  # the block starts
        started = ask(client, tok["helper1"], day, 0)
        assert started.status_code == 422 and started.json()["fields"][0]["field"] == "day"
        assert rid not in offer_ids(client, tok["trainee2"])
        lapsed = accept(client, tok["trainee2"], rid, 1)
        assert lapsed.status_code == 409 and lapsed.json()["reason"] == "lapsed"
        trail = replacements(client, coordinator, day, day)["trail"]
        assert next(r for r in trail if r["id"] == rid)["state"] == "lapsed"
    finally:
        set_clock(client, None)


def test_a_request_lapses_when_the_requester_leaves_the_block(
    client: httpx.Client, coordinator: str, insts: dict[str, str]
) -> None:
    day = fresh_week()
    seat(client, coordinator, day, 0, insts["bascule"], ["bascule.trainee1", "bascule.helper1"])
    tok = _tokens(client, "bascule")
    rid = ask(client, tok["trainee1"], day, 0).json()["id"]
    assign(client, coordinator, day, 0, insts["ggze"])  # a new institution clears the names
    assert rid not in offer_ids(client, tok["trainee2"])
    assert accept(client, tok["trainee2"], rid, 1).json()["reason"] == "lapsed"


def test_hostile_input_gets_clear_4xx(
    client: httpx.Client, coordinator: str, insts: dict[str, str]
) -> None:
    day = fresh_week()
    seat(client, coordinator, day, 0, insts["bascule"], ["bascule.trainee1", "bascule.helper1"])
    tok = _tokens(client, "bascule")
    url = f"{API}/blocks/{day.isoformat()}/0/replacement"
    headers = auth(tok["trainee1"])
    cases = [
        (f"{API}/blocks/nope/0/replacement", {}, "day"),
        (f"{API}/blocks/{day.isoformat()}/99/replacement", {}, "index"),
        (f"{API}/blocks/{day.isoformat()}/2/replacement", {}, None),  # 403: not seated
        (f"{API}/blocks/2031-12-25/0/replacement", {}, "day"),  # Christmas: closed
        (url, {"reason": "x" * 501}, "reason"),
        (url, {"reason": "ok", "extra": 1}, "extra"),
    ]
    for path, body, field in cases:
        answer = client.post(path, json=body, headers=headers)
        if field is None:
            assert answer.status_code == 403, answer.text
            continue
        assert answer.status_code == 422, (path, answer.text)
        assert field in answer.text, answer.text
    rid = ask(client, tok["trainee1"], day, 0).json()["id"]
    assert accept(client, tok["trainee2"], rid, 0).status_code == 422  # version >= 1
    assert accept(client, tok["trainee2"], 999_999, 1).status_code == 404
    assert accept(client, tok["trainee1"], rid, 1).status_code == 422  # their own
    assert accept(client, token(client, "ggze.helper1"), rid, 1).status_code == 403
    assert accept(client, coordinator, rid, 1).status_code == 403  # no seat role
    assert ask(client, coordinator, day, 0).status_code == 403
    assert withdraw(client, tok["trainee1"], 999_999, 1).status_code == 404
    missing = client.delete(f"{API}/replacements/{rid}", headers=headers)
    assert missing.status_code == 422  # the version is required
    half = client.get(f"{API}/replacements", params={"start": str(day)}, headers=auth(coordinator))
    assert half.status_code == 422 and half.json()["fields"][0]["field"] == "end"
    # Nothing of it changed the request or the block.
    assert replacements(client, tok["trainee1"])["mine"][-1]["state"] == "open"
    assert block(client, coordinator, day, 0)["people"] == [
        user_id(client, "bascule.trainee1"),
        user_id(client, "bascule.helper1"),
    ]


def test_the_replacement_routes_are_in_the_schema(client: httpx.Client) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/roster/blocks/{day}/{index}/replacement" in paths
    assert "/api/v1/roster/replacements/{request_id}/accept" in paths
    assert "/api/v1/roster/attendance" in paths
