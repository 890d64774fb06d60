"""Helpers for the supervision tests: a cast of people in two fresh institutions, and a
trainee brought to readiness through the API (training, shifts, reviews, intervision)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import httpx

from console.domain.readiness import DEFAULT_RULE, RUBRIC
from tests.support.api import admin_token, auth, login, make_institution, make_user

S = "/api/v1/supervision"

#: The people of a permission matrix, by the name the tables use.
ROLES_OF: dict[str, tuple[str, list[str]]] = {
    # name: (institution "a", "b" or "central"; roles)
    "trainee_self": ("a", ["trainee"]),
    "trainee_other": ("a", ["trainee"]),
    "helper_same": ("a", ["helper"]),
    "helper_other": ("b", ["helper"]),
    "supervisor_same": ("a", ["helper", "supervisor"]),
    "supervisor_other": ("b", ["helper", "supervisor"]),
    "coordinator": ("central", ["roster_coordinator"]),
    "project_lead": ("central", ["project_lead"]),
    "helpdesk": ("central", ["helpdesk"]),
    "admin": ("central", ["admin"]),
}
PEOPLE = tuple(ROLES_OF)


@dataclass
class Cast:
    """Fresh institutions `a` and `b` (and a central one) with one user per name."""

    client: httpx.Client
    institutions: dict[str, dict[str, Any]] = field(default_factory=dict)
    users: dict[str, dict[str, Any]] = field(default_factory=dict)
    headers: dict[str, dict[str, str]] = field(default_factory=dict)

    def id(self, name: str) -> int:
        return int(self.users[name]["id"])

    def add(self, name: str, where: str, roles: list[str]) -> dict[str, Any]:
        token = admin_token(self.client)
        user = make_user(self.client, token, self.institutions[where]["id"], roles)
        self.users[name] = user
        self.headers[name] = auth(login(self.client, user["username"])["access_token"])
        return user

    # shortcuts -------------------------------------------------------------------------
    def get(self, who: str, path: str, **kw: Any) -> httpx.Response:
        return self.client.get(S + path, headers=self.headers[who], **kw)

    def post(self, who: str, path: str, body: Any = None) -> httpx.Response:
        return self.client.post(
            S + path, json=body if body is not None else {}, headers=self.headers[who]
        )

    def put(self, who: str, path: str, body: Any) -> httpx.Response:
        return self.client.put(S + path, json=body, headers=self.headers[who])


def make_cast(client: httpx.Client) -> Cast:
    cast = Cast(client)
    token = admin_token(client)
    for key in ("a", "b", "central"):
        cast.institutions[key] = make_institution(client, token)
    for name, (where, roles) in ROLES_OF.items():
        cast.add(name, where, roles)
    return cast


def scores(value: int = 3) -> dict[str, int]:
    return dict.fromkeys(RUBRIC, value)


def chat_ref() -> str:
    return f"chat-{uuid.uuid4().hex[:10]}"


def record_shifts(
    cast: Cast, trainee: str, professional: str, count: int, supervisor: str = "supervisor_same"
) -> None:
    start = date(2026, 1, 5) + timedelta(days=int(uuid.uuid4().int % 300))
    for i in range(count):
        answer = cast.post(
            supervisor,
            f"/trainees/{cast.id(trainee)}/sittings",
            {"day": (start + timedelta(days=i)).isoformat(), "block": 0,
             "professional_id": cast.id(professional)},
        )  # fmt: skip
        assert answer.status_code in {200, 201}, answer.text


def make_ready(
    cast: Cast,
    trainee: str = "trainee_self",
    supervisor: str = "supervisor_same",
    professional: str = "helper_same",
    reviewers: tuple[str, ...] = ("helper_other", "supervisor_other"),
) -> None:
    """Every criterion of the default rule met, through the API."""
    tid = cast.id(trainee)
    record = cast.get(supervisor, f"/trainees/{tid}")
    assert record.status_code == 200, record.text
    version = record.json()["training"]["version"]
    trained = cast.put(
        supervisor,
        f"/trainees/{tid}/training",
        {"national_date": "2026-01-02", "national_trainer": "Trainer T", "version": version},
    )
    assert trained.status_code == 200, trained.text
    record_shifts(cast, trainee, professional, DEFAULT_RULE.supervised_shifts, supervisor)
    for i in range(DEFAULT_RULE.reviews):
        reviewer = reviewers[i % len(reviewers)]
        made = cast.post(
            reviewer, f"/trainees/{tid}/reviews", {"chat_ref": chat_ref(), "scores": scores(3)}
        )
        assert made.status_code == 201, made.text
        released = cast.post(reviewer, f"/reviews/{made.json()['id']}/release")
        assert released.status_code == 200, released.text
    meeting = cast.post(
        supervisor, "/meetings",
        {"day": "2026-02-03", "method": "free", "participants": [tid]},
    )  # fmt: skip
    assert meeting.status_code == 201, meeting.text
    attended = cast.put(
        supervisor,
        f"/meetings/{meeting.json()['id']}/attendance",
        {"attended": [tid], "version": meeting.json()["version"]},
    )
    assert attended.status_code == 200, attended.text
