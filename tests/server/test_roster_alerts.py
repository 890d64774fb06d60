"""Unfilled blocks close to their date (`GET /roster/alerts`), on both databases."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.support.api import auth
from tests.support.forum import BACKENDS
from tests.support.roster import (
    API,
    assign,
    fill,
    fresh_week,
    institution_ids,
    serve_roster,
    token,
    user_id,
)
from tests.support.servers import RunningServer


@pytest.fixture(scope="module", params=BACKENDS)
def alert_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, dev_certs: Path
) -> Iterator[RunningServer]:
    yield from serve_roster(request, tmp_path_factory, dev_certs)


def _alerts(client: httpx.Client, tok: str, **params: Any) -> httpx.Response:
    return client.get(f"{API}/alerts", params=params, headers=auth(tok))


def test_unfilled_blocks_are_listed_for_whom_they_concern(alert_server: RunningServer) -> None:
    with alert_server.client() as client:
        coordinator = token(client, "coordinator")
        insts = institution_ids(client, coordinator)
        monday = fresh_week()
        # Monday: block 0 fully filled by De Bascule, block 1 GGZ Eindhoven with one
        # name, block 2 nobody's yet.
        bascule = token(client, "bascule.helper1")
        first = assign(client, coordinator, monday, 0, insts["bascule"])
        people = [user_id(client, "bascule.helper1"), user_id(client, "bascule.helper2")]
        assert fill(client, bascule, monday, 0, people, first["version"]).status_code == 200
        second = assign(client, coordinator, monday, 1, insts["ggze"])
        ggze = token(client, "ggze.helper1")
        one = [user_id(client, "ggze.helper1")]
        assert fill(client, ggze, monday, 1, one, second["version"]).status_code == 200

        day = _alerts(client, coordinator, start=monday.isoformat(), days=1)
        assert day.status_code == 200, day.text
        assert day.json() == {
            "start": monday.isoformat(),
            "days": 1,
            "blocks": [
                {"day": monday.isoformat(), "index": 1, "institution_id": insts["ggze"],
                 "missing": "seats", "open_seats": 1},
                {"day": monday.isoformat(), "index": 2, "institution_id": None,
                 "missing": "institution", "open_seats": 2},
            ],
        }  # fmt: skip
        # The working week (production schedule): 3 + 3 + 3 + 3 + 2 blocks, one full.
        week = _alerts(client, coordinator, start=monday.isoformat(), days=7).json()["blocks"]
        assert len(week) == 13
        assert {b["day"] for b in week} == {
            (monday + timedelta(days=n)).isoformat() for n in range(5)
        }
        # Someone who sits sees their own institution's blocks and the untaken ones only.
        mine = _alerts(client, bascule, start=monday.isoformat(), days=1).json()["blocks"]
        assert [(b["index"], b["missing"]) for b in mine] == [(2, "institution")]
        theirs = _alerts(client, ggze, start=monday.isoformat(), days=1).json()["blocks"]
        assert [b["index"] for b in theirs] == [1, 2]
        lead = _alerts(client, token(client, "projectlead"), start=monday.isoformat(), days=1)
        assert len(lead.json()["blocks"]) == 2


def test_alerts_refuse_bad_input_and_other_roles(alert_server: RunningServer) -> None:
    with alert_server.client() as client:
        coordinator = token(client, "coordinator")
        for bad in ({"days": 0}, {"days": 32}, {"start": "gisteren"}, {"days": "x"}):
            answer = _alerts(client, coordinator, **bad)
            assert answer.status_code == 422, (bad, answer.text)
        # Without a start: today, a week ahead.
        plain = _alerts(client, coordinator)
        assert plain.status_code == 200 and plain.json()["days"] == 7
        for other in ("admin", "helpdesk"):
            assert _alerts(client, token(client, other)).status_code == 403
        assert client.get(f"{API}/alerts").status_code == 401
