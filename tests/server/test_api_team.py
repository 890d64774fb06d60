"""The team channel: idempotent posts and institution-only visibility."""

from __future__ import annotations

import uuid

from tests.support.api import admin_token, auth, login, make_institution, make_user
from tests.support.servers import RunningServer


def _txn() -> str:
    return uuid.uuid4().hex


def test_put_is_idempotent(server: RunningServer) -> None:
    with server.client() as client:
        token = admin_token(client)
        inst = make_institution(client, token)
        user = make_user(client, token, inst["id"], ["helper"])
        mine = auth(login(client, user["username"], user["password"])["access_token"])
        txn = _txn()
        first = client.put(f"/api/v1/team/messages/{txn}", json={"text": "Hoi team"}, headers=mine)
        assert first.status_code == 201, first.text
        second = client.put(f"/api/v1/team/messages/{txn}", json={"text": "Hoi team"}, headers=mine)
        assert second.status_code == 200
        assert second.json() == first.json()
        listed = client.get("/api/v1/team/messages", headers=mine).json()["messages"]
        assert [m["txn_id"] for m in listed] == [txn]
        other = client.put(
            f"/api/v1/team/messages/{txn}", json={"text": "Iets anders"}, headers=mine
        )
        assert other.status_code == 409
        assert other.json()["error"] == "conflict"
        body = first.json()
        assert body["author"] == {"id": user["id"], "display_name": user["display_name"]}
        assert body["at"].endswith("Z")


def test_messages_stay_inside_the_institution(server: RunningServer) -> None:
    with server.client() as client:
        token = admin_token(client)
        inst_a = make_institution(client, token)
        inst_b = make_institution(client, token)
        a = make_user(client, token, inst_a["id"], ["helper"])
        b = make_user(client, token, inst_b["id"], ["helper"])
        a_auth = auth(login(client, a["username"], a["password"])["access_token"])
        b_auth = auth(login(client, b["username"], b["password"])["access_token"])
        b_start = client.get("/api/v1/sync", params={"since": 0}, headers=b_auth).json()
        a_start = client.get("/api/v1/sync", params={"since": 0}, headers=a_auth).json()
        assert b_start["snapshot"]["team_messages"] == []  # (helpers also get "chat")

        secret = client.put(
            f"/api/v1/team/messages/{_txn()}", json={"text": "alleen voor A"}, headers=a_auth
        )
        assert secret.status_code == 201
        for_a = client.get(
            "/api/v1/sync", params={"since": a_start["next"], "timeout": 5}, headers=a_auth
        ).json()
        assert [e["data"]["text"] for e in for_a["events"]] == ["alleen voor A"]
        assert for_a["events"][0]["stream"] == f"team:{inst_a['id']}"

        for_b = client.get(
            "/api/v1/sync", params={"since": b_start["next"], "timeout": 1}, headers=b_auth
        ).json()
        assert for_b["events"] == []
        assert for_b["next"] >= for_a["next"]  # skipped over A's event
        assert client.get("/api/v1/team/messages", headers=b_auth).json()["messages"] == []
        snap = client.get("/api/v1/sync", params={"since": 0}, headers=b_auth).json()
        assert snap["snapshot"]["team_messages"] == []
