"""Where the roster meets the other parts, over the real server on SQLite and PostgreSQL:
- a supervisor's sign-off, not an admin's override, lifts the roster's backup rule for that
  trainee, and revoking it brings the rule back (routing's side of the same sign-off:
  tests/server/test_supervision_routing.py);
- the published roster's forum duty decides which institution screens that day's rounds.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.support.api import auth
from tests.support.forum import BACKENDS
from tests.support.roster import (
    DEMO_CODES,
    assign,
    block,
    complete,
    fill,
    fresh_week,
    institution_ids,
    publish,
    put_forum,
    roster,
    serve_roster,
    token,
)
from tests.support.servers import RunningServer
from tests.support.supervision import Cast, make_cast, make_ready


@pytest.fixture(scope="module", params=BACKENDS)
def roster_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, dev_certs: Path
) -> Iterator[RunningServer]:
    yield from serve_roster(request, tmp_path_factory, dev_certs)


@pytest.fixture
def client(roster_server: RunningServer) -> Iterator[httpx.Client]:
    with roster_server.client() as c:
        yield c


def _codes(answer: httpx.Response) -> set[str]:
    return {p["code"] for p in answer.json()["problems"]}


def _fill_alone(client: httpx.Client, cast: Cast, day: date, index: int) -> httpx.Response:
    """The trainee puts only themself into the block (staff fill their institution's)."""
    trainee = cast.users["trainee_self"]
    tok = token(client, trainee["username"], trainee["password"])
    current: dict[str, Any] = block(client, tok, day, index)
    return fill(client, tok, day, index, [str(trainee["id"])], current["version"])


def test_signoff_lifts_the_backup_rule_and_revoking_restores_it(client: httpx.Client) -> None:
    cast = make_cast(client)
    coordinator = token(client, "coordinator")
    institution = str(cast.institutions["a"]["id"])
    monday = fresh_week()
    tuesday = date.fromordinal(monday.toordinal() + 1)
    assign(client, coordinator, monday, 0, institution)
    assign(client, coordinator, tuesday, 0, institution)

    # Not signed off: a trainee alone in a block breaks the backup rule.
    refused = _fill_alone(client, cast, monday, 0)
    assert refused.status_code == 422, refused.text
    assert _codes(refused) == {"needs_backup"}
    assert block(client, coordinator, monday, 0)["people"] == []

    make_ready(cast)
    trainee_id = cast.id("trainee_self")
    signed = cast.post("supervisor_same", f"/trainees/{trainee_id}/signoff", {"remark": "klaar"})
    assert signed.status_code == 201, signed.text

    # Signed off: the same fill is accepted.
    alone = _fill_alone(client, cast, monday, 0)
    assert alone.status_code == 200, alone.text
    assert block(client, coordinator, monday, 0)["people"] == [str(trainee_id)]

    revoked = cast.post(
        "supervisor_same", f"/trainees/{trainee_id}/signoff/revoke", {"reason": "opnieuw"}
    )
    assert revoked.status_code == 200, revoked.text

    # Revoked: the rule holds again for a new fill.
    again = _fill_alone(client, cast, tuesday, 0)
    assert again.status_code == 422, again.text
    assert _codes(again) == {"needs_backup"}
    assert block(client, coordinator, tuesday, 0)["people"] == []


def _duty(client: httpx.Client, tok: str, day: date) -> set[int | None]:
    answer = client.get("/api/v1/forum/rounds", params={"date": day.isoformat()}, headers=auth(tok))
    assert answer.status_code == 200, answer.text
    rounds = answer.json()["rounds"]
    assert len(rounds) == 2, rounds  # the two daily windows
    return {r["institution_id"] for r in rounds}


def test_the_published_forum_duty_decides_who_screens(client: httpx.Client) -> None:
    coordinator = token(client, "coordinator")
    ids = institution_ids(client, coordinator)
    monday = fresh_week()
    friday = monday + timedelta(days=4)

    # Before any roster: the forum's own rotation names one institution (rounds now exist).
    (rotation_duty,) = _duty(client, coordinator, monday)
    assert rotation_duty is not None

    complete(client, coordinator, monday, friday, [ids[c] for c in DEMO_CODES])
    day = roster(client, coordinator, monday, monday)["days"][0]
    sitting = [b["institution_id"] for b in day["blocks"]]
    chosen = next(i for i in sitting if int(i) != rotation_duty)
    moved = put_forum(client, coordinator, monday, chosen, day["forum"]["version"])
    assert moved.status_code == 200, moved.text
    # A draft is not the roster yet: the rounds keep the rotation's institution.
    assert _duty(client, coordinator, monday) == {rotation_duty}

    done = publish(client, coordinator, monday, friday)
    assert done.status_code == 200, done.text
    # Published: the rounds not yet opened follow the roster, and so does the round bar.
    assert _duty(client, coordinator, monday) == {int(chosen)}
    # A later draft change leaves the published duty in force.
    other = next(i for i in sitting if i != chosen)
    version = roster(client, coordinator, monday, monday)["days"][0]["forum"]["version"]
    assert put_forum(client, coordinator, monday, other, version).status_code == 200
    assert _duty(client, coordinator, monday) == {int(chosen)}
