"""A person marks their own unavailability (`/roster/me/unavailable`), on both databases:
the rules then refuse seating them, and a day marked while seated is shown as a clash."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from console.domain.hours import local_day
from tests.support.api import auth
from tests.support.forum import BACKENDS
from tests.support.roster import (
    API,
    assign,
    fill,
    institution_ids,
    people,
    roster,
    serve_roster,
    token,
    user_id,
)
from tests.support.servers import RunningServer

ME = f"{API}/me/unavailable"


@pytest.fixture(scope="module", params=BACKENDS)
def personal_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, dev_certs: Path
) -> Iterator[RunningServer]:
    yield from serve_roster(request, tmp_path_factory, dev_certs)


def _open_days(client: httpx.Client, tok: str, start: date) -> list[date]:
    grid = roster(client, tok, start, start + timedelta(days=13))
    return [date.fromisoformat(d["day"]) for d in grid["days"]]


def _person(client: httpx.Client, tok: str, uid: str) -> dict[str, Any]:
    return next(p for p in people(client, tok)["people"] if p["id"] == uid)


def test_marked_days_bind_the_rules_and_show_clashes(personal_server: RunningServer) -> None:
    with personal_server.client() as client:
        coordinator = token(client, "coordinator")
        insts = institution_ids(client, coordinator)
        me = token(client, "bascule.trainee2")
        my_id = user_id(client, "bascule.trainee2")
        # Open days about a year ahead (within the two years one may mark).
        days = _open_days(client, coordinator, local_day(datetime.now(UTC)) + timedelta(days=400))
        seated_day, marked_day = days[0], days[1]

        # Seated first (with a helper of the institution as backup)...
        block = assign(client, coordinator, seated_day, 0, insts["bascule"])
        pair = [user_id(client, "bascule.helper1"), my_id]
        filler = token(client, "bascule.helper1")
        assert fill(client, filler, seated_day, 0, pair, block["version"]).status_code == 200

        # ...then both days marked: nothing moves, the seat is listed as a clash.
        body = {"weekdays": [], "dates": [marked_day.isoformat(), seated_day.isoformat()]}
        answer = client.put(ME, json=body, headers=auth(me))
        assert answer.status_code == 200, answer.text
        assert answer.json() == {
            "weekdays": [],
            "dates": sorted([seated_day.isoformat(), marked_day.isoformat()]),
            "clashes": [{"day": seated_day.isoformat(), "index": 0}],
        }
        assert client.get(ME, headers=auth(me)).json() == answer.json()
        # The planners see the marked days, and the rules refuse seating on one.
        mine = _person(client, coordinator, my_id)
        assert marked_day.isoformat() in mine["unavailable_dates"]
        other = assign(client, coordinator, marked_day, 0, insts["bascule"])
        refused = fill(client, filler, marked_day, 0, pair, other["version"])
        assert refused.status_code == 422, refused.text
        assert "unavailable_date" in {p["code"] for p in refused.json()["problems"]}

        # A recurring weekday, written whole (the dates are gone, duplicates kept once).
        weekday = marked_day.weekday()
        again = client.put(ME, json={"weekdays": [weekday, weekday]}, headers=auth(me))
        assert again.status_code == 200
        assert again.json()["weekdays"] == [weekday] and again.json()["dates"] == []
        assert _person(client, coordinator, my_id)["unavailable_weekdays"] == [weekday]
        assert client.put(ME, json={}, headers=auth(me)).json()["weekdays"] == []


def test_bad_input_and_who_may_mark(personal_server: RunningServer) -> None:
    with personal_server.client() as client:
        me = token(client, "bascule.trainee1")
        before = client.get(ME, headers=auth(me)).json()
        yesterday = (local_day(datetime.now(UTC)) - timedelta(days=1)).isoformat()
        far = (local_day(datetime.now(UTC)) + timedelta(days=800)).isoformat()
        for bad in (
            {"weekdays": [7]},
            {"weekdays": [-1]},
            {"dates": ["morgen"]},
            {"dates": [yesterday]},
            {"dates": [far]},
            {"weekdays": [], "note": "extra"},
            {"weekdays": list(range(8))},
        ):
            answer = client.put(ME, json=bad, headers=auth(me))
            assert answer.status_code == 422, (bad, answer.text)
        # Nothing was changed by the refused writes.
        assert client.get(ME, headers=auth(me)).json() == before
        for other in ("coordinator", "projectlead", "admin", "helpdesk"):
            assert client.get(ME, headers=auth(token(client, other))).status_code == 403
        assert client.get(ME).status_code == 401
