"""The youth's post throttle (429 with Retry-After) and the queue at 5,000 items."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.api import auth, login
from tests.support.forum import post, serve_forum
from tests.support.servers import RunningServer


@pytest.fixture(scope="module")
def strict_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, dev_certs: Path
) -> Iterator[RunningServer]:
    env = {"HULPMIX_FORUM_RATE": "2"}
    yield from serve_forum(request, tmp_path_factory, dev_certs, env=env, backend="sqlite")


def test_posts_are_throttled_per_address(strict_server: RunningServer) -> None:
    with strict_server.client() as client:
        post(client, "een")
        post(client, "twee")
        refused = client.post(
            "/api/v1/youth/forum/posts",
            json={"kind": "topic", "title": "drie", "theme": "Gevoel", "body": "drie"},
        )
        assert refused.status_code == 429
        assert refused.json()["error"] == "throttled"
        wait = int(refused.headers["Retry-After"])
        assert 0 < wait <= 600
        assert refused.json()["retry_after"] == wait
        # invalid input is answered as such, and does not count
        assert client.post("/api/v1/youth/forum/posts", json={"kind": "topic"}).status_code == 422


def test_the_queue_lists_5000_items_in_one_answer(strict_server: RunningServer) -> None:
    with strict_server.client(timeout=120) as client:
        seeded = client.post("/api/v1/_test/forum/seed", json={"count": 5000})
        assert seeded.status_code == 200, seeded.text
        token = login(client, "bascule.trainee1")["access_token"]
        started = time.perf_counter()
        answer = client.get("/api/v1/forum/items", headers=auth(token))
        took = time.perf_counter() - started
        assert answer.status_code == 200
        items = answer.json()["items"]
        assert len(items) >= 5000
        assert all(i["status"] == "pending" for i in items)
        # a figure for the record, never a pass/fail criterion
        print(f"\nGET /forum/items with {len(items)} items: {took * 1000:.0f} ms")
