"""Administration: institutions and users, versioned edits with 409 + current."""

from __future__ import annotations

from tests.support.api import admin_token, auth, login, make_institution, make_user, unique
from tests.support.servers import RunningServer


def test_institution_crud_and_stale_version(server: RunningServer) -> None:
    with server.client() as client:
        token = admin_token(client)
        inst = make_institution(client, token, name="Eerste naam")
        assert inst["version"] == 1 and inst["active"] is True
        listed = client.get("/api/v1/admin/institutions", headers=auth(token)).json()
        assert inst["id"] in {i["id"] for i in listed["institutions"]}

        renamed = client.patch(
            f"/api/v1/admin/institutions/{inst['id']}",
            json={"version": 1, "name": "Tweede naam"},
            headers=auth(token),
        )
        assert renamed.status_code == 200
        assert renamed.json()["version"] == 2

        stale = client.patch(
            f"/api/v1/admin/institutions/{inst['id']}",
            json={"version": 1, "name": "Derde naam"},
            headers=auth(token),
        )
        assert stale.status_code == 409
        body = stale.json()
        assert body["error"] == "conflict"
        assert body["current"]["name"] == "Tweede naam"
        assert body["current"]["version"] == 2

        taken = client.post(
            "/api/v1/admin/institutions",
            json={"code": inst["code"], "name": "Dubbel"},
            headers=auth(token),
        )
        assert taken.status_code == 409
        missing = client.patch(
            "/api/v1/admin/institutions/987654", json={"version": 1}, headers=auth(token)
        )
        assert missing.status_code == 404


def test_user_crud_and_stale_version(server: RunningServer) -> None:
    with server.client() as client:
        token = admin_token(client)
        inst = make_institution(client, token)
        user = make_user(client, token, inst["id"], ["trainee"])
        assert user["roles"] == ["trainee"] and user["version"] == 1
        promoted = client.patch(
            f"/api/v1/admin/users/{user['id']}",
            json={"version": 1, "roles": ["helper", "supervisor"], "display_name": "Nieuwe Naam"},
            headers=auth(token),
        )
        assert promoted.status_code == 200, promoted.text
        assert promoted.json()["roles"] == ["helper", "supervisor"]
        stale = client.patch(
            f"/api/v1/admin/users/{user['id']}",
            json={"version": 1, "display_name": "Te Laat"},
            headers=auth(token),
        )
        assert stale.status_code == 409
        assert stale.json()["current"]["display_name"] == "Nieuwe Naam"
        assert stale.json()["current"]["version"] == 2

        me = login(client, user["username"], user["password"])
        assert me["user"]["roles"] == ["helper", "supervisor"]

        again = client.post(
            "/api/v1/admin/users",
            json={
                "username": user["username"],
                "display_name": "x",
                "password": "long-enough-pw",
                "roles": ["helper"],
                "institution_id": inst["id"],
            },
            headers=auth(token),
        )
        assert again.status_code == 409


def test_new_password_by_admin_revokes_sessions(server: RunningServer) -> None:
    with server.client() as client:
        token = admin_token(client)
        inst = make_institution(client, token)
        user = make_user(client, token, inst["id"], ["helper"])
        session = login(client, user["username"], user["password"])
        changed = client.patch(
            f"/api/v1/admin/users/{user['id']}",
            json={"version": 1, "password": "brand-new-password"},
            headers=auth(token),
        )
        assert changed.status_code == 200
        assert client.get("/api/v1/me", headers=auth(session["access_token"])).status_code == 401
        login(client, user["username"], "brand-new-password")


def test_helpdesk_reads_users_but_cannot_edit(server: RunningServer) -> None:
    with server.client() as client:
        token = login(client, "helpdesk")["access_token"]
        users = client.get("/api/v1/admin/users", headers=auth(token))
        assert users.status_code == 200
        names = {u["username"] for u in users.json()["users"]}
        assert {"admin", "bascule.helper1"} <= names
        assert all("password_hash" not in u for u in users.json()["users"])
        create = client.post(
            "/api/v1/admin/users",
            json={
                "username": unique(),
                "display_name": "x",
                "password": "long-enough-pw",
                "roles": ["helper"],
                "institution_id": 1,
            },
            headers=auth(token),
        )
        assert create.status_code == 403


def test_user_change_reaches_the_user_as_an_event(server: RunningServer) -> None:
    with server.client() as client:
        token = admin_token(client)
        inst = make_institution(client, token)
        user = make_user(client, token, inst["id"], ["trainee"])
        mine = login(client, user["username"], user["password"])["access_token"]
        start = client.get("/api/v1/sync", params={"since": 0}, headers=auth(mine)).json()
        client.patch(
            f"/api/v1/admin/users/{user['id']}",
            json={"version": 1, "display_name": "Gewijzigd"},
            headers=auth(token),
        )
        got = client.get(
            "/api/v1/sync", params={"since": start["next"], "timeout": 5}, headers=auth(mine)
        ).json()
        kinds = [(e["kind"], e["data"]["display_name"]) for e in got["events"]]
        assert ("user.changed", "Gewijzigd") in kinds
