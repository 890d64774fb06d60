"""Who may call which roster endpoint: every role against every endpoint, on both databases.

Each user holds exactly one role, in a test institution of its own (which has people who
can sit, so it takes part in the roster). A role the contract allows gets the endpoint's
real answer; any other role gets 403; no token gets 401 (the feed itself is public).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import httpx
import pytest

from console.domain.roles import Role
from tests.support.api import admin_token, auth, login, make_institution, make_user
from tests.support.roster import API, assign, block, token
from tests.support.servers import RunningServer

#: Far from the demo's roster and from the other roster tests' weeks.
DAY = date(2032, 6, 7)  # a Monday
END = date(2032, 6, 11)

SITTERS = {Role.TRAINEE, Role.HELPER, Role.SUPERVISOR}
READERS = SITTERS | {Role.ROSTER_COORDINATOR, Role.PROJECT_LEAD}
CENTRAL = {Role.ROSTER_COORDINATOR}
CENTRAL_READERS = CENTRAL | {Role.PROJECT_LEAD}
FILLERS = SITTERS | CENTRAL

Body = Callable[[httpx.Client, str], Any]


def _none(_client: httpx.Client, _token: str) -> Any:
    return None


def _block_body(client: httpx.Client, tok: str) -> Any:
    current = block(client, tok, DAY, 0)
    return {"institution_id": current["institution_id"], "version": current["version"]}


def _people_body(client: httpx.Client, tok: str) -> Any:
    return {"people": [], "version": block(client, tok, DAY, 0)["version"]}


def _forum_body(client: httpx.Client, tok: str) -> Any:
    grid = client.get(API, params={"start": str(DAY), "end": str(DAY)}, headers=auth(tok))
    return {"institution_id": None, "version": grid.json()["days"][0]["forum"]["version"]}


PERIOD = {"start": str(DAY), "end": str(END)}
NO_PROPOSAL = "00000000-0000-0000-0000-000000000000"

#: (method, path, query, body, roles allowed, the allowed roles' status)
CASES: list[tuple[str, str, dict[str, str] | None, Body, set[Role], int]] = [
    ("GET", f"{API}/people", None, _none, READERS, 200),
    ("GET", API, PERIOD, _none, READERS, 200),
    ("GET", f"{API}/commitments", PERIOD, _none, CENTRAL_READERS, 200),
    ("PUT", f"{API}/commitments", None, lambda c, t: {**PERIOD, "institutions": []}, CENTRAL, 200),
    ("PUT", f"{API}/blocks/{DAY}/0", None, _block_body, CENTRAL, 200),
    ("PUT", f"{API}/forum/{DAY}", None, _forum_body, CENTRAL, 200),
    ("POST", f"{API}/proposals", None, lambda c, t: {**PERIOD, "time_limit": 1}, CENTRAL, 200),
    ("POST", f"{API}/proposals/{NO_PROPOSAL}/accept", None, _none, CENTRAL, 404),
    ("DELETE", f"{API}/proposals/{NO_PROPOSAL}", None, _none, CENTRAL, 404),
    ("POST", f"{API}/publish", None, lambda c, t: PERIOD, CENTRAL, 422),
    ("PUT", f"{API}/blocks/{DAY}/0/people", None, _people_body, FILLERS, 200),
    ("GET", f"{API}/mine", None, _none, FILLERS, 200),
    ("GET", f"{API}/mine.ics", None, _none, FILLERS, 200),
    ("POST", f"{API}/feed", None, _none, FILLERS, 200),
    ("DELETE", f"{API}/feed", None, _none, FILLERS, 204),
]


@pytest.fixture(scope="module")
def role_tokens(server: RunningServer) -> dict[Role, str]:
    """One fresh user per role in a test institution, which gets block 0 of DAY."""
    with server.client() as client:
        admin = admin_token(client)
        inst = make_institution(client, admin)
        tokens = {}
        for role in Role:
            user = make_user(client, admin, inst["id"], [role.value])
            tokens[role] = str(login(client, user["username"], user["password"])["access_token"])
        assign(client, token(client, "coordinator"), DAY, 0, str(inst["id"]))
        return tokens


@pytest.mark.parametrize(("method", "path", "query", "body", "allowed", "status"), CASES)
def test_roles_against_endpoints(
    server: RunningServer,
    role_tokens: dict[Role, str],
    method: str,
    path: str,
    query: dict[str, str] | None,
    body: Body,
    allowed: set[Role],
    status: int,
) -> None:
    with server.client(timeout=60) as client:
        reader = role_tokens[Role.ROSTER_COORDINATOR]
        for role, tok in role_tokens.items():
            payload = body(client, reader) if method in {"PUT", "POST"} else None
            answer = client.request(method, path, params=query, json=payload, headers=auth(tok))
            expected = status if role in allowed else 403
            assert answer.status_code == expected, f"{role}: {method} {path}: {answer.text}"
        payload = body(client, reader) if method in {"PUT", "POST"} else None
        anonymous = client.request(method, path, params=query, json=payload)
        assert anonymous.status_code == 401, f"anonymous: {method} {path}"


def test_feed_is_public_and_needs_a_valid_secret(server: RunningServer) -> None:
    with server.client() as client:
        assert client.get(f"{API}/feed/{'a' * 43}.ics").status_code == 404
        helper = token(client, "bascule.helper2")
        url = client.post(f"{API}/feed", headers=auth(helper)).json()["url"]
        assert client.get(url).status_code == 200
        assert client.delete(f"{API}/feed", headers=auth(helper)).status_code == 204


def test_fill_is_for_the_blocks_own_institution(
    server: RunningServer, role_tokens: dict[Role, str]
) -> None:
    """A sitter or coordinator of another institution may not fill the test block."""
    with server.client() as client:
        version = block(client, role_tokens[Role.TRAINEE], DAY, 0)["version"]
        for username in ("bascule.helper1", "ggze.trainee1", "coordinator"):
            answer = client.put(
                f"{API}/blocks/{DAY}/0/people",
                json={"people": [], "version": version},
                headers=auth(token(client, username)),
            )
            assert answer.status_code == 403, f"{username}: {answer.text}"
