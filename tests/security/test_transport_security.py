"""Transport and header security: TLS 1.2 or newer only, strict youth pages, no stored tokens.

Token expiry, revocation and login throttling are proven in tests/server/test_api_session.py
and tests/server/test_api_throttle.py (see the issue 7 map in the session report).
"""

from __future__ import annotations

import socket
import ssl
import threading
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.api import DEMO_PASSWORD, login
from tests.support.servers import RunningServer

#: Every file of both youth pages (the HTML and its own script and style).
YOUTH_FILES = (
    "/chat",
    "/chat/chat.js",
    "/chat/chat.css",
    "/forum",
    "/forum/static/forum.js",
    "/forum/static/forum.css",
)


def _client_context(ca: Path, version: ssl.TLSVersion) -> ssl.SSLContext:
    """A client that offers every protocol version up to `version`, old ciphers allowed:
    whether a handshake fails is then the server's decision alone."""
    context = ssl.create_default_context(cafile=str(ca))
    context.set_ciphers("DEFAULT:@SECLEVEL=0")
    with warnings.catch_warnings():  # TLSv1/TLSv1_1 are deprecated: that is the point
        warnings.simplefilter("ignore", DeprecationWarning)
        context.minimum_version = ssl.TLSVersion.MINIMUM_SUPPORTED
        context.maximum_version = version
    return context


def _handshake(port: int, context: ssl.SSLContext) -> str | None:
    """The negotiated version, or None when the handshake is refused."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as raw:
        try:
            with context.wrap_socket(raw, server_hostname="127.0.0.1") as tls:
                return tls.version()
        except (ssl.SSLError, ConnectionResetError):
            return None


@pytest.fixture
def lenient_tls_port(dev_certs: Path) -> Iterator[int]:
    """A bare TLS listener that accepts TLS 1.1: proves the client below can speak it."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(dev_certs / "server.pem", dev_certs / "server.key")
    context.set_ciphers("DEFAULT:@SECLEVEL=0")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        context.minimum_version = ssl.TLSVersion.TLSv1_1
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]

    def serve() -> None:
        try:
            conn, _ = listener.accept()
        except OSError:
            return
        with conn:
            try:
                with context.wrap_socket(conn, server_side=True) as tls:
                    tls.recv(1)
            except (ssl.SSLError, OSError):
                pass

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield port
    listener.close()
    thread.join(timeout=10)


def test_tls_below_1_2_is_refused_and_1_2_and_1_3_connect(
    demo_sqlite_server: RunningServer, dev_certs: Path, lenient_tls_port: int
) -> None:
    ca = dev_certs / "ca.pem"
    old_client = _client_context(ca, ssl.TLSVersion.TLSv1_1)
    assert _handshake(lenient_tls_port, old_client) == "TLSv1.1"  # the client can do it
    assert _handshake(demo_sqlite_server.port, old_client) is None
    assert _handshake(demo_sqlite_server.port, _client_context(ca, ssl.TLSVersion.TLSv1_2)) == (
        "TLSv1.2"
    )
    assert _handshake(demo_sqlite_server.port, _client_context(ca, ssl.TLSVersion.TLSv1_3)) == (
        "TLSv1.3"
    )


def test_youth_pages_and_their_files_are_served_strictly(
    demo_sqlite_server: RunningServer,
) -> None:
    """CSP with frame-ancestors and no inline code, nosniff, no referrer: on every file."""
    with demo_sqlite_server.client(follow_redirects=False) as client:
        for path in YOUTH_FILES:
            answer = client.get(path)
            assert answer.status_code == 200, path
            policy = answer.headers["content-security-policy"]
            directives = {d.strip().split(" ")[0]: d.strip() for d in policy.split(";")}
            assert directives["default-src"] == "default-src 'self'", (path, policy)
            assert directives["script-src"] == "script-src 'self'", (path, policy)
            assert directives["frame-ancestors"] == "frame-ancestors 'self'", (path, policy)
            assert directives["base-uri"] == "base-uri 'none'", (path, policy)
            assert "unsafe-inline" not in policy and "unsafe-eval" not in policy, path
            assert answer.headers["x-content-type-options"] == "nosniff", path
            assert answer.headers["referrer-policy"] == "no-referrer", path
            assert "no-cache" in answer.headers["cache-control"], path


def test_staff_token_answers_are_never_stored(demo_sqlite_server: RunningServer) -> None:
    """Login and refresh answer `Cache-Control: no-store` (no proxy or disk cache keeps
    a token); the staff API's other answers carry no token."""
    with demo_sqlite_server.client() as client:
        answer = client.post(
            "/api/v1/session", json={"username": "bjzo.helper1", "password": DEMO_PASSWORD}
        )
        assert answer.status_code == 200
        assert answer.headers["cache-control"] == "no-store"
        session = answer.json()
        again = client.post(
            "/api/v1/session/refresh", json={"refresh_token": session["refresh_token"]}
        )
        assert again.status_code == 200
        assert again.headers["cache-control"] == "no-store"
        assert again.json()["refresh_token"] != session["refresh_token"]
        login(client, "bjzo.helper1")  # the helpers' shape still works


def test_youth_token_answers_are_never_stored(demo_sqlite_server: RunningServer) -> None:
    with demo_sqlite_server.client() as client:
        started = client.post("/api/v1/youth/chats", json={})
        if started.status_code == 409:
            pytest.skip("the demo chat is closed at this hour")
        assert started.status_code == 201, started.text
        assert started.headers.get("cache-control") == "no-store"
        resumed = client.post(
            "/api/v1/youth/chats/resume", json={"resume_code": started.json()["resume_code"]}
        )
        assert resumed.status_code == 200, resumed.text
        assert resumed.headers.get("cache-control") == "no-store"
        chat = started.json()
        client.post(
            f"/api/v1/youth/chats/{chat['chat_id']}/end",
            headers={"Authorization": f"Bearer {resumed.json()['token']}"},
        )
