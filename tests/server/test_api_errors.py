"""Every error has the documented shape; no stack trace ever leaves the server."""

from __future__ import annotations

from collections.abc import Iterator

from tests.support.api import auth, login
from tests.support.servers import RunningServer

LIMIT = 65536


def test_413_with_content_length(server: RunningServer) -> None:
    with server.client() as client:
        token = login(client, "bascule.helper2")["access_token"]
        big = b'{"text": "' + b"x" * (LIMIT + 10) + b'"}'
        answer = client.put(
            "/api/v1/team/messages/bigbody0001",
            content=big,
            headers={**auth(token), "Content-Type": "application/json"},
        )
        assert answer.status_code == 413
        assert answer.json() == {
            "error": "too_large",
            "message": answer.json()["message"],
            "limit": LIMIT,
        }


def test_413_when_chunked(server: RunningServer) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(40):
            yield b"y" * 4096
        yield b'"}'

    with server.client() as client:
        token = login(client, "bascule.helper2")["access_token"]
        answer = client.put(
            "/api/v1/team/messages/bigbody0002",
            content=chunks(),
            headers={**auth(token), "Content-Type": "application/json"},
        )
        assert "content-length" not in answer.request.headers
        assert answer.status_code == 413
        assert answer.json()["error"] == "too_large"


def test_422_is_readable(server: RunningServer) -> None:
    with server.client() as client:
        token = login(client, "bascule.helper2")["access_token"]
        answer = client.put("/api/v1/team/messages/short", json={"text": ""}, headers=auth(token))
        assert answer.status_code == 422
        body = answer.json()
        assert body["error"] == "invalid"
        assert {f["field"] for f in body["fields"]} == {"txn_id", "text"}
        assert "text" in body["message"]
        assert "Traceback" not in answer.text


def test_400_when_body_is_not_json(server: RunningServer) -> None:
    with server.client() as client:
        answer = client.post(
            "/api/v1/session",
            content=b"{not json",
            headers={"Content-Type": "application/json"},
        )
        assert answer.status_code == 400
        assert answer.json()["error"] == "bad_request"


def test_500_carries_only_an_incident_id(server: RunningServer) -> None:
    with server.client() as client:
        answer = client.get("/api/v1/_test/boom")
        assert answer.status_code == 500
        body = answer.json()
        assert set(body) == {"error", "message", "incident"}
        assert body["error"] == "internal"
        assert "SELECT" not in answer.text
        assert "Traceback" not in answer.text
    # ... while the server's own log has the whole story under that id.
    log = server.log_path.read_text(errors="replace")
    assert f"incident {body['incident']}" in log
    assert "secret internal detail" in log


def test_404_shape(server: RunningServer) -> None:
    with server.client() as client:
        answer = client.get("/api/v1/no/such/thing")
        assert answer.status_code == 404
        assert answer.json() == {"error": "not_found", "message": "Not found."}
