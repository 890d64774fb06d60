"""Helpers for talking to a test server."""

from __future__ import annotations

import uuid
from typing import Any

import httpx

DEMO_PASSWORD = "hulpmix-demo"


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def login(client: httpx.Client, username: str, password: str = DEMO_PASSWORD) -> dict[str, Any]:
    """Log in; returns the whole answer (access_token, refresh_token, user, ...)."""
    response = client.post("/api/v1/session", json={"username": username, "password": password})
    assert response.status_code == 200, response.text
    data: dict[str, Any] = response.json()
    return data


def unique(prefix: str = "t") -> str:
    return f"{prefix}{uuid.uuid4().hex[:10]}"


def admin_token(client: httpx.Client) -> str:
    return str(login(client, "admin")["access_token"])


def make_institution(client: httpx.Client, token: str, name: str | None = None) -> dict[str, Any]:
    code = unique("i")
    response = client.post(
        "/api/v1/admin/institutions",
        json={"code": code, "name": name or f"Test {code}"},
        headers=auth(token),
    )
    assert response.status_code == 201, response.text
    data: dict[str, Any] = response.json()
    return data


def make_user(
    client: httpx.Client,
    token: str,
    institution_id: int,
    roles: list[str],
    password: str = DEMO_PASSWORD,
) -> dict[str, Any]:
    """Create a user via the admin API; the answer gets an extra `password` key."""
    username = unique("u")
    response = client.post(
        "/api/v1/admin/users",
        json={
            "username": username,
            "display_name": f"Test {username}",
            "password": password,
            "roles": roles,
            "institution_id": institution_id,
        },
        headers=auth(token),
    )
    assert response.status_code == 201, response.text
    data: dict[str, Any] = response.json()
    data["password"] = password
    return data
