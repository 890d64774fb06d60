"""Property-based fuzzing of the whole HTTP API from its own OpenAPI schema (schemathesis).

The real server over HTTPS on its own fresh SQLite database (fuzzed writes never reach the
shared demo servers), once with the token of a staff member holding every role and once
anonymous. Every operation gets valid and invalid requests; no answer may be a server
error, and every answer must match the schema: a declared status, a declared content type
and a body of the declared shape (errors: `{"error", "message", ...}`).

Bounded: a few examples per operation and mode, no shrinking, the event stream left out
(it never ends) and long-polls asked not to wait, so each run takes well under a minute.
"""

from __future__ import annotations

import io
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import hypothesis
import openpyxl
import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, Phase, given
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import FailureGroup
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from console.domain.roles import Role
from tests.support.api import admin_token, auth, login, make_user
from tests.support.servers import RunningServer, run_cli

#: Examples per operation and generation mode (valid, invalid).
EXAMPLES = 4
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
#: Endless event streams: fuzzing them would only wait. Their error answers are covered
#: by tests/e2e (lost stream, buffering proxy) and tests/server/test_api_sync.py.
STREAMS = {("GET", "/api/v1/events"), ("GET", "/api/v1/ping/stream")}
#: Would end the fuzzing session's own login half-way through the run.
ENDS_OWN_SESSION = {("POST", "/api/v1/session/logout")}


#: Operations whose findings are known and reported but not fixed yet (method, path) ->
#: what. Empty: everything the fuzzing found is fixed (ids without an upper bound were a
#: 500 on SQLite; some 422s named their fields as bare strings).
KNOWN: dict[tuple[str, str], str] = {}
HUGE = 2**70
NO_REUSE = httpx.Limits(max_keepalive_connections=0)


@pytest.fixture(scope="module")
def fuzz_server(
    tmp_path_factory: pytest.TempPathFactory, dev_certs: Path
) -> Iterator[RunningServer]:
    """A server of its own: fuzzed writes must not change what other tests rely on."""
    url = f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'hulpmix.db'}"
    run_cli("demo-data", database_url=url)
    # Throttles generous enough that the fuzzer's own requests are not all 429.
    env = {
        "HULPMIX_TEST_ROUTES": "0",
        "HULPMIX_YOUTH_RATE": "100000",
        "HULPMIX_FORUM_RATE": "100000",
    }
    running = RunningServer(url, dev_certs, env=env).start()
    yield running
    running.stop()


@pytest.fixture(scope="module")
def api_schema(fuzz_server: RunningServer) -> Any:
    with fuzz_server.client() as client:
        answer = client.get("/api/v1/openapi.json")
        assert answer.status_code == 200
        raw = answer.json()
    return schemathesis.openapi.from_dict(raw)


@pytest.fixture(scope="module")
def every_role_token(fuzz_server: RunningServer) -> str:
    """A staff member with every role, in a demo institution."""
    with fuzz_server.client() as client:
        token = admin_token(client)
        me = login(client, "ggze.helper2")["user"]
        user = make_user(client, token, me["institution"]["id"], sorted(r.value for r in Role))
        return str(login(client, user["username"], user["password"])["access_token"])


SETTINGS = hypothesis.settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    derandomize=True,  # the same examples on every run: CI stays reproducible
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)


def _fuzz(schema: Any, fuzz_server: RunningServer, headers: dict[str, str]) -> list[str]:
    """Fuzz every operation; answers a list of readable problems."""
    problems: list[str] = []
    session = requests.Session()
    for result in schema.get_all_operations():
        operation = result.ok()
        key = (operation.method.upper(), operation.path)
        if key in STREAMS or (headers and key in ENDS_OWN_SESSION):
            continue
        for mode in (schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE):
            found = _fuzz_operation(operation, mode, fuzz_server, session, headers)
            if key not in KNOWN:
                problems.extend(found[:2])  # two per operation and mode are enough to read
    return problems


def _fuzz_operation(
    operation: Any,
    mode: schemathesis.GenerationMode,
    fuzz_server: RunningServer,
    session: requests.Session,
    headers: dict[str, str],
) -> list[str]:
    name = f"{operation.method.upper()} {operation.path} [{mode.value}]"
    ca = str(fuzz_server.ca_file)
    found: list[str] = []

    @SETTINGS
    @given(case=operation.as_strategy(generation_mode=mode))
    def run(case: Any) -> None:
        if isinstance(case.query, dict) and "timeout" in case.query:
            case.query["timeout"] = 0  # long-polls: answer at once
        response = case.call(fuzz_server.url, session, headers, timeout=30, verify=ca)
        try:
            case.validate_response(response, checks=CHECKS, headers=headers)
        except (AssertionError, FailureGroup) as exc:
            found.append(
                f"{name} -> {response.status_code}: {str(exc).strip()[:600]}\n"
                f"    curl: {case.as_curl_command()[:400]}"
            )

    try:
        run()
    except Exception as exc:  # a crash of the generator or transport is a finding too
        found.append(f"{name} raised {exc!r}"[:800])
    return found


def test_fuzz_as_staff_with_every_role(
    api_schema: Any, fuzz_server: RunningServer, every_role_token: str
) -> None:
    """No 5xx and schema-conforming answers for a staff member holding every role."""
    problems = _fuzz(api_schema, fuzz_server, auth(every_role_token))
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:40])
    with fuzz_server.client() as client:  # the run really was logged in until its end
        assert client.get("/api/v1/me", headers=auth(every_role_token)).status_code == 200


def test_fuzz_anonymous(api_schema: Any, fuzz_server: RunningServer) -> None:
    """No 5xx and schema-conforming answers without any token."""
    problems = _fuzz(api_schema, fuzz_server, {})
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:40])


def test_huge_ids_and_cursors_are_refused_not_a_crash(
    fuzz_server: RunningServer, every_role_token: str
) -> None:
    """Numbers beyond the database's integers: 4xx naming the field, never a 500."""
    with fuzz_server.client(headers=auth(every_role_token)) as client:
        sitting = client.post(
            f"/api/v1/supervision/trainees/{HUGE}/sittings",
            json={"block": 1, "professional_id": 1, "day": "2026-01-05"},
        )
        assert sitting.status_code == 422, sitting.text
        assert sitting.json()["fields"][0]["field"] == "trainee_id"
        item = client.get(f"/api/v1/forum/items/{HUGE}")
        assert item.status_code == 422 and item.json()["fields"][0]["field"] == "item_id"
        ahead = client.get("/api/v1/sync", params={"since": HUGE, "timeout": 0})
        assert ahead.status_code == 200 and ahead.json()["reset"] is True  # a cursor from elsewhere


def test_every_integer_in_a_path_beyond_the_database_is_refused(
    api_schema: Any, fuzz_server: RunningServer, every_role_token: str
) -> None:
    """Each operation with an integer path parameter, given 2**70 there: never a 5xx.

    Hypothesis rarely draws such numbers; SQLite cannot bind them (OverflowError)."""
    crashed = []
    raw = api_schema.raw_schema
    # A connection of its own per request: after a 500 the server closes its connection.
    with fuzz_server.client(headers=auth(every_role_token), limits=NO_REUSE) as client:
        for path, item in raw["paths"].items():
            for method, operation in item.items():
                params = [p for p in operation.get("parameters", []) if p["in"] == "path"]
                if not any(p["schema"].get("type") == "integer" for p in params):
                    continue
                url = path
                for param in params:
                    value = HUGE if param["schema"].get("type") == "integer" else "abcdefgh12"
                    url = url.replace("{" + param["name"] + "}", str(value))
                if path.startswith("/api/v1/youth/chats/"):
                    headers = auth("not-this-chats-token")
                else:
                    headers = None
                body = {} if "requestBody" in operation else None
                if (method.upper(), path) in KNOWN:
                    continue
                try:
                    answer = client.request(method, url, json=body, headers=headers)
                except httpx.RemoteProtocolError:
                    crashed.append(f"{method.upper()} {path} -> no answer at all")
                    continue
                if answer.status_code >= 500:
                    crashed.append(f"{method.upper()} {path} -> {answer.status_code}")
    assert not crashed, "\n".join(crashed)


def test_a_name_with_a_control_character_does_not_break_the_roster_export(
    fuzz_server: RunningServer, every_role_token: str
) -> None:
    """Found by the fuzzing: openpyxl refuses control characters, the export was a 500."""
    with fuzz_server.client(headers=auth(every_role_token)) as client:
        me = client.get("/api/v1/me").json()
        made = client.post(
            "/api/v1/admin/users",
            json={
                "username": f"ctl{uuid.uuid4().hex[:8]}",
                "display_name": "Bel\x07 Naam\x1b[31m",
                "password": "a-long-password-1",
                "roles": ["helper"],
                "institution_id": me["institution"]["id"],
            },
        )
        assert made.status_code == 201, made.text
        export = client.get(
            "/api/v1/roster/export.xlsx", params={"start": "2026-01-05", "end": "2026-01-11"}
        )
        assert export.status_code == 200, export.text
        book = openpyxl.load_workbook(io.BytesIO(export.content))
        names = [row[1] for row in book["People"].iter_rows(min_row=2, values_only=True)]
        assert "Bel Naam[31m" in names


def test_what_the_fuzzing_found_stays_fixed(
    fuzz_server: RunningServer, every_role_token: str
) -> None:
    """The fuzzing's first findings, pinned: huge ids are refused, not a crash; a 422 names
    its fields in the protocol's shape."""
    with fuzz_server.client() as client:
        events = client.get(
            f"/api/v1/youth/chats/{HUGE}/events", params={"timeout": 0}, headers=auth("x" * 20)
        )
        backup = client.put(
            f"/api/v1/staff/{HUGE}/backup",
            json={"needs_backup": True, "reason": "x"},
            headers=auth(every_role_token),
        )
        registration = client.put(
            "/api/v1/chats/1/registration",
            json={"theme": "no such theme", "seemed_serious": False, "target_group": "in_target"},
            headers=auth(every_role_token),
        )
        topic = client.get(f"/api/v1/youth/forum/topics/{HUGE}")
        assert topic.status_code < 500, topic.text
        assert events.status_code < 500, events.text
        assert backup.status_code < 500, backup.text
        fields = registration.json().get("fields") or [{}]
        assert registration.status_code != 422 or isinstance(fields[0], dict), registration.text
