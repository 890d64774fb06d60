"""Login, refresh rotation, logout, /me, password change, expiry, deactivation."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from tests.support.api import admin_token, auth, login, make_institution, make_user
from tests.support.servers import RunningServer


def test_login_answers_tokens_and_user(server: RunningServer) -> None:
    with server.client() as client:
        answer = login(client, "bascule.helper1")
        assert answer["expires_in"] == 900
        user = answer["user"]
        assert user["username"] == "bascule.helper1"
        assert user["roles"] == ["helper", "supervisor"]
        assert user["institution"]["code"] == "bascule"
        assert set(user) == {"id", "username", "display_name", "roles", "institution"}
        me = client.get("/api/v1/me", headers=auth(answer["access_token"]))
        assert me.status_code == 200
        assert me.json() == user


def test_wrong_password_and_unknown_user_answer_the_same(server: RunningServer) -> None:
    with server.client() as client:
        token = admin_token(client)
        inst = make_institution(client, token)
        user = make_user(client, token, inst["id"], ["helper"])
        wrong = client.post(
            "/api/v1/session", json={"username": user["username"], "password": "nope-nope-nope"}
        )
        unknown = client.post(
            "/api/v1/session", json={"username": "nobody-at-all", "password": "nope-nope-nope"}
        )
        assert wrong.status_code == unknown.status_code == 401
        assert wrong.json() == unknown.json()
        assert wrong.json()["error"] == "unauthorized"


def test_no_or_bad_token_is_401(server: RunningServer) -> None:
    with server.client() as client:
        assert client.get("/api/v1/me").json()["error"] == "unauthorized"
        bad = client.get("/api/v1/me", headers=auth("not.a.token"))
        assert bad.status_code == 401
        assert bad.json()["error"] == "unauthorized"


def test_refresh_rotates_and_old_token_stops_working(server: RunningServer) -> None:
    with server.client() as client:
        first = login(client, "ggze.helper2")
        second = client.post(
            "/api/v1/session/refresh", json={"refresh_token": first["refresh_token"]}
        )
        assert second.status_code == 200, second.text
        body = second.json()
        assert body["refresh_token"] != first["refresh_token"]
        assert body["user"]["username"] == "ggze.helper2"
        assert client.get("/api/v1/me", headers=auth(body["access_token"])).status_code == 200
        again = client.post(
            "/api/v1/session/refresh", json={"refresh_token": first["refresh_token"]}
        )
        assert again.status_code == 401
        third = client.post(
            "/api/v1/session/refresh", json={"refresh_token": body["refresh_token"]}
        )
        assert third.status_code == 200


def test_logout_revokes_access_and_refresh(server: RunningServer) -> None:
    with server.client() as client:
        session = login(client, "bjzg.trainee1")
        headers = auth(session["access_token"])
        assert client.post("/api/v1/session/logout", headers=headers).status_code == 204
        assert client.get("/api/v1/me", headers=headers).status_code == 401
        refresh = client.post(
            "/api/v1/session/refresh", json={"refresh_token": session["refresh_token"]}
        )
        assert refresh.status_code == 401


def test_password_change_revokes_other_sessions(server: RunningServer) -> None:
    with server.client() as client:
        token = admin_token(client)
        inst = make_institution(client, token)
        user = make_user(client, token, inst["id"], ["trainee"])
        here = login(client, user["username"], user["password"])
        there = login(client, user["username"], user["password"])
        short = client.put(
            "/api/v1/me/password",
            json={"current_password": user["password"], "new_password": "short"},
            headers=auth(here["access_token"]),
        )
        assert short.status_code == 422
        assert short.json()["fields"][0]["field"] == "new_password"
        wrong = client.put(
            "/api/v1/me/password",
            json={"current_password": "wrong-password", "new_password": "a-new-password-1"},
            headers=auth(here["access_token"]),
        )
        assert wrong.status_code == 422
        changed = client.put(
            "/api/v1/me/password",
            json={"current_password": user["password"], "new_password": "a-new-password-1"},
            headers=auth(here["access_token"]),
        )
        assert changed.status_code == 204, changed.text
        assert client.get("/api/v1/me", headers=auth(here["access_token"])).status_code == 200
        assert client.get("/api/v1/me", headers=auth(there["access_token"])).status_code == 401
        login(client, user["username"], "a-new-password-1")
        old = client.post(
            "/api/v1/session", json={"username": user["username"], "password": user["password"]}
        )
        assert old.status_code == 401


def test_deactivation_stops_tokens_at_once(server: RunningServer) -> None:
    with server.client() as client:
        token = admin_token(client)
        inst = make_institution(client, token)
        user = make_user(client, token, inst["id"], ["helper"])
        session = login(client, user["username"], user["password"])
        headers = auth(session["access_token"])
        assert client.get("/api/v1/me", headers=headers).status_code == 200
        patch = client.patch(
            f"/api/v1/admin/users/{user['id']}",
            json={"version": user["version"], "active": False},
            headers=auth(token),
        )
        assert patch.status_code == 200, patch.text
        assert client.get("/api/v1/me", headers=headers).status_code == 401
        again = client.post(
            "/api/v1/session", json={"username": user["username"], "password": user["password"]}
        )
        assert again.status_code == 401


@pytest.fixture(scope="module")
def short_ttl_server(server: RunningServer) -> Iterator[RunningServer]:
    """A second server on the same database whose access tokens live 2 seconds."""
    other = RunningServer(server.database_url, server.certs, env={"HULPMIX_ACCESS_TTL": "2"})
    other.start()
    yield other
    other.stop()


def test_access_token_expires(short_ttl_server: RunningServer) -> None:
    with short_ttl_server.client() as client:
        session = login(client, "bjzo.helper1")
        assert session["expires_in"] == 2
        headers = auth(session["access_token"])
        assert client.get("/api/v1/me", headers=headers).status_code == 200
        time.sleep(3.1)
        expired = client.get("/api/v1/me", headers=headers)
        assert expired.status_code == 401
        assert expired.json()["error"] == "unauthorized"
        fresh = client.post(
            "/api/v1/session/refresh", json={"refresh_token": session["refresh_token"]}
        )
        assert fresh.status_code == 200
        assert (
            client.get("/api/v1/me", headers=auth(fresh.json()["access_token"])).status_code == 200
        )
