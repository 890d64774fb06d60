"""Every endpoint declares roles and scope, and the declarations hold for every role."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import fastapi.routing
import httpx
import pytest
from fastapi.routing import APIRoute

from console.domain.roles import Role
from server.app import create_app
from server.auth import Policy, route_policies, route_policy
from server.config import Settings
from server.db import Database
from server.db.migrate import upgrade
from tests.support.api import admin_token, auth, login, make_institution, make_user
from tests.support.servers import RunningServer

#: Non-API routes FastAPI itself serves under /api (the schema and its viewer).
SCHEMA_ROUTES = {"/api/v1/openapi.json", "/api/v1/docs"}
#: Public routes that take a youth's chat token instead of a staff token: to them a staff
#: token is no credential at all (401), whatever the role.
YOUTH_TOKEN_ROUTES = re.compile(r"^/api/v1/youth/chats/\{chat_id\}/")


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> fastapi.FastAPI:
    db = Database(f"sqlite:///{tmp_path_factory.mktemp('policies') / 'p.db'}")
    upgrade(db)
    return create_app(Settings(database_url=db.url, test_routes=True), db=db)


def _all_routes(app: fastapi.FastAPI) -> list[tuple[str, Any]]:
    """(full path, route) for every route in the table, flattening included routers."""
    flatten = getattr(fastapi.routing, "iter_route_contexts", None)
    if flatten is None:
        return [(getattr(r, "path", ""), r) for r in app.routes]
    return [(str(c.path), c.original_route) for c in flatten(app.routes)]


def test_every_api_route_declares_a_policy(app: fastapi.FastAPI) -> None:
    routes = _all_routes(app)
    assert len(routes) > 15
    undeclared = []
    for path, route in routes:
        if not path.startswith("/api"):
            continue
        if not isinstance(route, APIRoute):
            assert path in SCHEMA_ROUTES, f"unexpected non-API route {path}"
            continue
        if not isinstance(route_policy(route), Policy):
            undeclared.append(path)
    assert undeclared == [], f"routes without policy(...): {undeclared}"


def test_policies_endpoint_lists_declarations(server: RunningServer) -> None:
    with server.client() as client:
        token = admin_token(client)
        answer = client.get("/api/v1/policies", headers=auth(token))
        assert answer.status_code == 200
        table = {(p["method"], p["path"]): p for p in answer.json()["policies"]}
        assert table["GET", "/api/v1/ping"] == {
            "method": "GET", "path": "/api/v1/ping", "roles": None, "scope": "public"
        }  # fmt: skip
        assert table["GET", "/api/v1/admin/users"]["roles"] == ["admin", "helpdesk"]
        assert not any(p.get("undeclared") for p in table.values())
        helper = login(client, "bascule.helper1")["access_token"]
        assert client.get("/api/v1/policies", headers=auth(helper)).status_code == 403


def _fill(path: str) -> str:
    path = path.replace("{txn_id}", "matrix-txn-0001")
    return re.sub(r"\{[^}]+\}", "999999", path)


@pytest.fixture(scope="module")
def role_tokens(server: RunningServer) -> dict[Role, dict[str, Any]]:
    """One fresh user per role (holding only that role), in a test institution."""
    with server.client() as client:
        token = admin_token(client)
        inst = make_institution(client, token)
        users = {}
        for role in Role:
            users[role] = make_user(client, token, inst["id"], [role.value])
        return users


def test_permission_matrix(
    server: RunningServer, app: fastapi.FastAPI, role_tokens: dict[Role, dict[str, Any]]
) -> None:
    table = [(m, p, pol) for m, p, pol in route_policies(app) if p.startswith("/api/v1/")]
    assert table
    checked = 0
    with server.client(timeout=10) as client:
        tokens = {
            role: login(client, u["username"], u["password"])["access_token"]
            for role, u in role_tokens.items()
        }
        for method, path, pol in table:
            assert pol is not None
            for role in Role:
                token = tokens[role]
                if path.endswith("/session/logout"):  # would end the shared session
                    u = role_tokens[role]
                    token = login(client, u["username"], u["password"])["access_token"]
                status = _status(client, method, _fill(path), token)
                allowed = pol.allows(frozenset({role}))
                if pol.scope == "public" and YOUTH_TOKEN_ROUTES.match(path):
                    assert status == 401, f"{role} got {status} on {method} {path}"
                elif allowed:
                    assert status != 403, f"{role} refused on {method} {path}"
                    assert status != 401, f"{role} unauthenticated on {method} {path}"
                else:
                    assert status == 403, f"{role} got {status} on {method} {path}"
                checked += 1
    assert checked == len(table) * len(Role)


def _status(client: httpx.Client, method: str, path: str, token: str) -> int:
    kwargs: dict[str, Any] = {"headers": auth(token), "params": {"timeout": "0"}}
    if method in {"POST", "PUT", "PATCH"}:
        kwargs["json"] = {}
    with client.stream(method, path, **kwargs) as response:
        status = response.status_code
        if (method, path, status) == ("POST", "/api/v1/youth/chats", 201):
            # A youth's chat was started on the shared server: leave the queue at once, so
            # no later test finds a stranger's chat waiting for its helpers.
            response.read()
            chat = response.json()
            ended = client.post(
                f"/api/v1/youth/chats/{chat['chat_id']}/end", headers=auth(chat["token"])
            )
            assert ended.status_code == 200, ended.text
        return status


def test_unauthenticated_calls_are_401_except_public(
    server: RunningServer, app: fastapi.FastAPI
) -> None:
    with server.client(timeout=10) as client:
        for method, path, pol in route_policies(app):
            assert pol is not None
            if pol.scope == "public":
                continue
            with client.stream(method, _fill(path), json={} if method != "GET" else None) as r:
                assert r.status_code == 401, f"{method} {path}"


def test_schema_is_served(server: RunningServer, tmp_path: Path) -> None:
    with server.client() as client:
        schema = client.get("/api/v1/openapi.json").json()
        assert "/api/v1/sync" in schema["paths"]
        assert "/api/v1/team/messages/{txn_id}" in schema["paths"]
