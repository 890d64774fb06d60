"""Login throttling per account (stored) and per client address (memory only)."""

from __future__ import annotations

import random

from tests.support.api import admin_token, make_institution, make_user
from tests.support.servers import RunningServer


def _fake_address() -> str:
    # uvicorn trusts X-Forwarded-For from 127.0.0.1 (--forwarded-allow-ips), so each test
    # can act as its own client address without locking out the others.
    return f"10.{random.randrange(256)}.{random.randrange(256)}.{random.randrange(1, 255)}"


def test_account_locks_after_five_failures(server: RunningServer) -> None:
    with server.client() as client:
        token = admin_token(client)
        inst = make_institution(client, token)
        user = make_user(client, token, inst["id"], ["helper"])
        bad = {"username": user["username"], "password": "wrong-password"}
        for n in range(5):
            headers = {"X-Forwarded-For": _fake_address()}
            answer = client.post("/api/v1/session", json=bad, headers=headers)
            assert answer.status_code == 401, (n, answer.text)
        good = {"username": user["username"], "password": user["password"]}
        locked = client.post(
            "/api/v1/session", json=good, headers={"X-Forwarded-For": _fake_address()}
        )
        assert locked.status_code == 429
        body = locked.json()
        assert body["error"] == "throttled"
        assert 1 <= body["retry_after"] <= 60
        assert locked.headers["Retry-After"] == str(body["retry_after"])


def test_client_address_is_refused_after_twenty_failures(server: RunningServer) -> None:
    address = {"X-Forwarded-For": _fake_address()}
    with server.client() as client:
        for n in range(20):
            answer = client.post(
                "/api/v1/session",
                json={"username": f"nobody-{n}", "password": "wrong-password"},
                headers=address,
            )
            assert answer.status_code == 401, (n, answer.text)
        refused = client.post(
            "/api/v1/session",
            json={"username": "bjzzh.helper2", "password": "hulpmix-demo"},
            headers=address,
        )
        assert refused.status_code == 429
        assert int(refused.headers["Retry-After"]) > 0
        assert refused.json()["error"] == "throttled"
        elsewhere = client.post(
            "/api/v1/session",
            json={"username": "bjzzh.helper2", "password": "hulpmix-demo"},
            headers={"X-Forwarded-For": _fake_address()},
        )
        assert elsewhere.status_code == 200
