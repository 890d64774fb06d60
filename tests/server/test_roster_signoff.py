"""A supervisor's sign-off, not an admin's override, lifts the roster's backup rule for
that trainee, and revoking it brings the rule back: over the real server, on SQLite and
PostgreSQL. (Routing's side of the same sign-off: tests/server/test_supervision_routing.py.)
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.support.forum import BACKENDS
from tests.support.roster import assign, block, fill, fresh_week, serve_roster, token
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
