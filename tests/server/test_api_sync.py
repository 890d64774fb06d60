"""Long-poll, resets with snapshots, SSE, restarts and several server processes."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.support.api import admin_token, auth, login, make_institution, make_user
from tests.support.servers import RunningServer
from tests.support.sse import read_sse


class Member:
    """A fresh user in a fresh institution, with helpers for posting and syncing."""

    def __init__(self, client: httpx.Client) -> None:
        token = admin_token(client)
        self.institution = make_institution(client, token)
        self.user = make_user(client, token, self.institution["id"], ["helper"])
        self.client = client
        self.relogin()

    def relogin(self) -> None:
        self.token = login(self.client, self.user["username"], self.user["password"])[
            "access_token"
        ]
        self.headers = auth(self.token)

    def post(self, text: str, client: httpx.Client | None = None) -> dict[str, Any]:
        answer = (client or self.client).put(
            f"/api/v1/team/messages/{uuid.uuid4().hex}", json={"text": text}, headers=self.headers
        )
        assert answer.status_code == 201, answer.text
        result: dict[str, Any] = answer.json()
        return result

    def sync(self, since: int, timeout: float = 0, client: httpx.Client | None = None) -> Any:
        answer = (client or self.client).get(
            "/api/v1/sync", params={"since": since, "timeout": timeout}, headers=self.headers
        )
        assert answer.status_code == 200, answer.text
        return answer.json()

    def cursor(self) -> int:
        return int(self.sync(0)["next"])


def test_since_zero_resets_with_snapshot(server: RunningServer) -> None:
    with server.client() as client:
        member = Member(client)
        texts = [f"bericht {n}" for n in range(3)]
        for text in texts:
            member.post(text)
        answer = member.sync(0)
        assert answer["reset"] is True
        assert answer["events"] == []
        assert [m["text"] for m in answer["snapshot"]["team_messages"]] == texts
        assert answer["next"] >= 3


def test_cursor_ahead_of_the_log_resets(server: RunningServer) -> None:
    with server.client() as client:
        member = Member(client)
        head = member.cursor()
        answer = member.sync(head + 1000)
        assert answer["reset"] is True
        assert answer["next"] == head
        assert "snapshot" in answer


def test_long_poll_answers_at_once_when_events_exist(server: RunningServer) -> None:
    with server.client() as client:
        member = Member(client)
        cursor = member.cursor()
        member.post("al klaar")
        started = time.monotonic()
        answer = member.sync(cursor, timeout=20)
        assert time.monotonic() - started < 2
        assert [e["data"]["text"] for e in answer["events"]] == ["al klaar"]
        assert answer["reset"] is False and answer["limited"] is False
        assert answer["next"] >= answer["events"][-1]["seq"]


def test_long_poll_holds_until_timeout(server: RunningServer) -> None:
    with server.client() as client:
        member = Member(client)
        cursor = member.cursor()
        started = time.monotonic()
        answer = member.sync(cursor, timeout=2)
        elapsed = time.monotonic() - started
        assert 1.8 <= elapsed < 6, elapsed
        assert answer["events"] == []
        assert answer["next"] >= cursor


def test_long_poll_wakes_when_an_event_arrives(server: RunningServer) -> None:
    with server.client() as client, server.client() as other:
        member = Member(client)
        cursor = member.cursor()
        timer = threading.Timer(0.7, lambda: member.post("wakker worden", client=other))
        started = time.monotonic()
        timer.start()
        try:
            answer = member.sync(cursor, timeout=20)
        finally:
            timer.join()
        elapsed = time.monotonic() - started
        assert [e["data"]["text"] for e in answer["events"]] == ["wakker worden"]
        assert elapsed < 5, elapsed


def _sse(client: httpx.Client, member: Member, **kwargs: Any) -> Any:
    return client.stream("GET", "/api/v1/events", headers=member.headers, **kwargs)


def test_sse_hello_events_and_resume(server: RunningServer) -> None:
    with server.client(timeout=20) as client, server.client() as writer:
        member = Member(client)
        cursor = member.cursor()
        with _sse(client, member, params={"since": cursor}) as response:
            assert response.status_code == 200
            assert response.headers["content-type"].startswith("text/event-stream")
            assert response.headers["x-accel-buffering"] == "no"
            assert response.headers["cache-control"] == "no-cache"
            events = read_sse(response)
            hello = next(events)
            assert hello.event == "hello"
            assert hello.json()["head"] >= cursor
            member.post("een", client=writer)
            member.post("twee", client=writer)
            got = [next(events), next(events)]
        assert [e.event for e in got] == ["team.message", "team.message"]
        assert [e.json()["data"]["text"] for e in got] == ["een", "twee"]
        assert [int(e.id or 0) for e in got] == [e.json()["seq"] for e in got]
        last_id = got[-1].id
        assert last_id is not None

        member.post("drie", client=writer)
        headers = {**member.headers, "Last-Event-ID": last_id}
        with client.stream("GET", "/api/v1/events", headers=headers) as response:
            events = read_sse(response)
            assert next(events).event == "hello"
            resumed = next(events)
        assert resumed.json()["data"]["text"] == "drie"
        assert int(resumed.id or 0) > int(last_id)


def test_sse_reset_closes_the_stream(server: RunningServer) -> None:
    with server.client(timeout=10) as client:
        member = Member(client)
        with _sse(client, member, params={"since": 0}) as response:
            events = list(read_sse(response))
        assert [e.event for e in events] == ["hello", "reset"]


def test_ping_stream(server: RunningServer) -> None:
    with server.client() as client, client.stream("GET", "/api/v1/ping/stream") as response:
        events = list(read_sse(response))
    assert [e.event for e in events] == ["hello", "tick", "tick", "tick"]


def test_restart_mid_sync_loses_nothing(server: RunningServer) -> None:
    with server.client() as client:
        member = Member(client)
        cursor = member.cursor()
        member.post("voor de herstart")
        outcome: dict[str, Any] = {}
        first = member.sync(cursor, timeout=5)
        assert [e["data"]["text"] for e in first["events"]] == ["voor de herstart"]
        cursor = first["next"]

        def hold_real() -> None:
            try:
                with server.client() as poller:
                    outcome["answer"] = member.sync(cursor, timeout=30, client=poller)
            except httpx.HTTPError as exc:
                outcome["error"] = exc

        thread = threading.Thread(target=hold_real)
        thread.start()
        time.sleep(0.5)
        server.restart()
        thread.join(timeout=30)
        assert not thread.is_alive()
        # A stopping server answers held long-polls at once (an empty batch) instead of
        # letting them be cut off.
        assert "answer" in outcome, outcome
        assert outcome["answer"]["events"] == []
        cursor = outcome["answer"]["next"]

    with server.client() as client:
        member.client = client
        member.relogin()  # tokens survive restarts, but keep the test independent
        after = [member.post(f"na de herstart {n}")["text"] for n in range(3)]
        seen: list[str] = []
        while len(seen) < 3:
            answer = member.sync(cursor, timeout=5)
            assert answer["reset"] is False
            seen += [e["data"]["text"] for e in answer["events"]]
            cursor = answer["next"]
        assert seen == after


@pytest.fixture(scope="module")
def second_server(server: RunningServer) -> Iterator[RunningServer]:
    """Another server process (two workers) on the same database."""
    other = RunningServer(server.database_url, server.certs, args=("--workers", "2"))
    other.start()
    yield other
    other.stop()


def test_events_reach_other_processes(server: RunningServer, second_server: RunningServer) -> None:
    with server.client() as client, second_server.client() as far:
        member = Member(client)
        cursor = member.cursor()
        for n in range(3):
            timer = threading.Timer(0.5, lambda n=n: member.post(f"overal {n}"))
            started = time.monotonic()
            timer.start()
            try:
                answer = member.sync(cursor, timeout=20, client=far)
            finally:
                timer.join()
            elapsed = time.monotonic() - started
            assert [e["data"]["text"] for e in answer["events"]] == [f"overal {n}"]
            assert elapsed < 4, elapsed
            cursor = answer["next"]
