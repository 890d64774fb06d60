"""Helpers for the chat tests: a fresh server per module, a youth, a staff member, waiting.

The chat's state is global (the queue, who is available), so chat tests never share the
session-wide demo server: `serve_fresh` runs `demo-data` on a new SQLite file or a new
PostgreSQL database and starts its own server with short presence timings (3 s presence,
4 s grace, 0.3 s sweeper tick). A staff member counts as present only while they keep
calling /sync, so waits keep the right people alive (`until(..., alive=[...])`) and leave
out the ones a test lets go silent on purpose.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, Protocol
from zoneinfo import ZoneInfo

import httpx
import pytest
from sqlalchemy import MetaData, create_engine, select, text
from sqlalchemy.pool import NullPool

from tests.support.api import auth, login
from tests.support.servers import RunningServer, run_cli

#: The server settings every chat test runs with (seconds).
PRESENCE_TIMEOUT = 3.0
GRACE = 4.0
CHAT_ENV = {
    "HULPMIX_PRESENCE_TIMEOUT": str(PRESENCE_TIMEOUT),
    "HULPMIX_CHAT_GRACE": str(GRACE),
    "HULPMIX_RESUME_WINDOW": str(GRACE),
    "HULPMIX_CHAT_TICK": "0.3",
}
#: Parameters for a module's server fixture: SQLite always, PostgreSQL marked.
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
#: A registration the default taxonomy accepts.
THEME = "Gevoel"
SUBTOPIC = "Onzeker"
#: What the youth's event feed may contain: never assignments, phases, whispers, consults.
YOUTH_KINDS = {"message", "status", "position", "handover"}
YOUTH_SENDERS = {"youth", "helper", "system"}


def txn() -> str:
    return uuid.uuid4().hex


def serve_fresh(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    certs: Path,
    env: Mapping[str, str] | None = None,
) -> Iterator[RunningServer]:
    """Yield a running server on a fresh demo database of `request.param`'s backend."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('chat') / 'chat.db'}"
    else:
        url = request.getfixturevalue("pg_cluster").create_database()
    run_cli("demo-data", database_url=url)
    running = RunningServer(url, certs, env={**CHAT_ENV, **(env or {})}).start()
    try:
        with running.client() as client:
            # One event in the log, so a console's first /sync (since=0) gets its reset at
            # once rather than on its second call (an empty log is served by waiting).
            StaffMember(client, "bascule.helper1").offline()
        yield running
    finally:
        running.stop()


# --- waiting -----------------------------------------------------------------------------


class Alive(Protocol):
    def keep_alive(self) -> None: ...


def until(
    condition: Callable[[], object],
    timeout: float = 30.0,
    what: str = "",
    alive: Iterable[Alive] = (),
) -> None:
    """Poll until `condition()` is true, keeping `alive` connected meanwhile.

    The synchronous twin of `tests.support.waiting.until`: the timeout is a hang guard,
    never a claim about speed.
    """
    keep = list(alive)
    deadline = time.monotonic() + timeout
    while True:
        for party in keep:
            party.keep_alive()
        if condition():
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what or condition}")
        time.sleep(0.05)


# --- the database, read directly ------------------------------------------------------------


def query(server: RunningServer, sql: str, **params: Any) -> list[dict[str, Any]]:
    """Rows of `sql` against the server's own database (SQLite file or PostgreSQL)."""
    engine = create_engine(server.database_url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            return [dict(r) for r in conn.execute(text(sql), params).mappings()]
    finally:
        engine.dispose()


def all_values(server: RunningServer) -> dict[str, list[str]]:
    """Every non-null value of every table, as text, by table name."""
    engine = create_engine(server.database_url, poolclass=NullPool)
    try:
        found: dict[str, list[str]] = {}
        with engine.connect() as conn:
            tables = MetaData()
            tables.reflect(conn)
            for name, table in tables.tables.items():
                rows = conn.execute(select(table)).all()
                found[name] = [str(v) for row in rows for v in row if v is not None]
        return found
    finally:
        engine.dispose()


def amsterdam_today() -> date:
    return datetime.now(ZoneInfo("Europe/Amsterdam")).date()


def closing_days() -> list[date]:
    """Today and tomorrow in the chat's time zone (closing both survives midnight)."""
    today = amsterdam_today()
    return [today, today + timedelta(days=1)]


# --- a youth ------------------------------------------------------------------------------


class Youth:
    """An anonymous youth: one chat, its token, and a cursor on its event feed."""

    def __init__(self, client: httpx.Client) -> None:
        self.client = client
        self.chat_id = 0
        self.token = ""
        self.resume_code = ""
        self.position: int | None = None
        self.cursor = 0
        #: Every event seen so far, in order.
        self.seen: list[dict[str, Any]] = []

    @property
    def headers(self) -> dict[str, str]:
        return auth(self.token)

    def url(self, tail: str = "") -> str:
        return f"/api/v1/youth/chats/{self.chat_id}{tail}"

    def try_start(self, **body: Any) -> httpx.Response:
        answer = self.client.post("/api/v1/youth/chats", json=body)
        if answer.status_code == 201:
            data = answer.json()
            self.chat_id = int(data["chat_id"])
            self.token = str(data["token"])
            self.resume_code = str(data["resume_code"])
            self.position = int(data["position"])
        return answer

    def start(self, **body: Any) -> Youth:
        answer = self.try_start(**body)
        assert answer.status_code == 201, answer.text
        return self

    def say(self, text: str, txn_id: str | None = None) -> httpx.Response:
        return self.client.put(
            self.url(f"/messages/{txn_id or txn()}"), json={"text": text}, headers=self.headers
        )

    def send(self, text: str, txn_id: str | None = None) -> dict[str, Any]:
        answer = self.say(text, txn_id)
        assert answer.status_code == 201, answer.text
        data: dict[str, Any] = answer.json()
        return data

    def events(self, timeout: float = 0.0) -> list[dict[str, Any]]:
        """The new events after the cursor (long-polls up to `timeout` s)."""
        answer = self.client.get(
            self.url("/events"),
            params={"since": self.cursor, "timeout": timeout},
            headers=self.headers,
        )
        assert answer.status_code == 200, answer.text
        data = answer.json()
        new: list[dict[str, Any]] = data["events"]
        self.cursor = int(data["next"])
        self.seen += new
        return new

    def keep_alive(self) -> None:
        self.events(0)

    def end(self) -> httpx.Response:
        return self.client.post(self.url("/end"), headers=self.headers)

    def share_history(self, share: bool = True) -> httpx.Response:
        return self.client.post(self.url("/history"), json={"share": share}, headers=self.headers)

    # what the youth has seen
    def messages(self) -> list[dict[str, Any]]:
        return [e for e in self.seen if e["kind"] == "message"]

    def texts(self, sender: str | None = None) -> list[str]:
        return [e["text"] for e in self.messages() if sender is None or e["from"] == sender]

    def statuses(self) -> list[str]:
        return [e["status"] for e in self.seen if e["kind"] == "status"]

    def status(self) -> str | None:
        found = self.statuses()
        return found[-1] if found else None


# --- a staff member -----------------------------------------------------------------------


class StaffMember:
    """A logged-in console: keeps a /sync cursor and collects every event it receives."""

    def __init__(self, client: httpx.Client, username: str) -> None:
        self.client = client
        self.username = username
        answer = login(client, username)
        self.token = str(answer["access_token"])
        self.user: dict[str, Any] = answer["user"]
        self.id = int(self.user["id"])
        self.cursor = 0
        self.snapshot: dict[str, Any] = {}
        self.events: list[dict[str, Any]] = []

    def __repr__(self) -> str:
        return f"StaffMember({self.username}, id={self.id})"

    @property
    def headers(self) -> dict[str, str]:
        return auth(self.token)

    # connection
    def sync(self, timeout: float = 0.0) -> list[dict[str, Any]]:
        """One /sync call from the cursor; a reset replaces the snapshot."""
        answer = self.client.get(
            "/api/v1/sync", params={"since": self.cursor, "timeout": timeout}, headers=self.headers
        )
        assert answer.status_code == 200, answer.text
        data = answer.json()
        if data["reset"]:
            self.snapshot = data["snapshot"]
        new: list[dict[str, Any]] = data["events"]
        self.cursor = int(data["next"])
        self.events += new
        return new

    def keep_alive(self) -> None:
        self.sync(0)

    # status
    def set_status(self, status: str) -> httpx.Response:
        return self.client.put("/api/v1/me/status", json={"status": status}, headers=self.headers)

    def available(self) -> Any:
        answer = self.set_status("available")
        assert answer.status_code == 200, answer.text
        return answer.json()

    def offline(self) -> None:
        answer = self.set_status("offline")
        assert answer.status_code == 200, answer.text

    # the chat
    def say(self, chat_id: int, text: str, txn_id: str | None = None) -> httpx.Response:
        return self.client.put(
            f"/api/v1/chats/{chat_id}/messages/{txn_id or txn()}",
            json={"text": text},
            headers=self.headers,
        )

    def send(self, chat_id: int, text: str) -> dict[str, Any]:
        answer = self.say(chat_id, text)
        assert answer.status_code == 201, answer.text
        data: dict[str, Any] = answer.json()
        return data

    def note(self, kind: str, chat_id: int, text: str, txn_id: str | None = None) -> httpx.Response:
        """`kind`: whisper, consult or hand."""
        return self.client.put(
            f"/api/v1/chats/{chat_id}/{kind}/{txn_id or txn()}",
            json={"text": text},
            headers=self.headers,
        )

    def end(self, chat_id: int, not_serious: bool = False) -> httpx.Response:
        return self.client.post(
            f"/api/v1/chats/{chat_id}/end", json={"not_serious": not_serious}, headers=self.headers
        )

    def register(self, chat_id: int, **fields: Any) -> httpx.Response:
        body = {
            "theme": THEME,
            "subtopic": SUBTOPIC,
            "seemed_serious": True,
            "target_group": "in_target",
            **fields,
        }
        return self.client.put(
            f"/api/v1/chats/{chat_id}/registration", json=body, headers=self.headers
        )

    def read_chat(self, chat_id: int) -> httpx.Response:
        return self.client.get(f"/api/v1/chats/{chat_id}", headers=self.headers)

    # what the console has seen
    def of_chat(self, chat_id: int, kind: str | None = None) -> list[dict[str, Any]]:
        return [
            e
            for e in self.events
            if e["stream"] == f"chat:{chat_id}" and (kind is None or e["kind"] == kind)
        ]

    def view(self, chat_id: int) -> dict[str, Any] | None:
        """The chat as the last snapshot showed it (None when it was not in it)."""
        for view in (self.snapshot.get("chat") or {}).get("chats", []):
            if view["chat_id"] == chat_id:
                found: dict[str, Any] = view
                return found
        return None

    def messages(self, chat_id: int, sender: str | None = None) -> list[dict[str, Any]]:
        """The chat's messages from the snapshot, `chat.history` and events, by seq, once."""
        by_seq: dict[int, dict[str, Any]] = {}
        view = self.view(chat_id)
        for message in [] if view is None else view["messages"]:
            by_seq[int(message["seq"])] = message
        for event in self.of_chat(chat_id):
            if event["kind"] == "chat.history":
                by_seq.update((int(m["seq"]), m) for m in event["data"]["messages"])
            elif event["kind"] == "chat.message":
                by_seq[int(event["seq"])] = {**event["data"], "seq": event["seq"]}
        return [
            by_seq[seq] for seq in sorted(by_seq) if sender is None or by_seq[seq]["from"] == sender
        ]

    def received(self, chat_id: int, sender: str | None = None) -> list[dict[str, Any]]:
        """Only what came as `chat.message` events, duplicates included (to count them)."""
        return [
            e["data"]
            for e in self.of_chat(chat_id, "chat.message")
            if sender is None or e["data"]["from"] == sender
        ]

    def texts(self, chat_id: int, sender: str | None = None) -> list[str]:
        return [m["text"] for m in self.messages(chat_id, sender)]

    def assignment(self, chat_id: int) -> dict[str, Any] | None:
        """The latest `chat.assigned` this console saw for the chat (its `assignment`)."""
        found = self.of_chat(chat_id, "chat.assigned")
        if not found:
            return None
        data: dict[str, Any] = found[-1]["data"]["assignment"]
        return data

    def has(self, chat_id: int) -> bool:
        """Whether the chat was (last) assigned to this person, as their console saw it."""
        got = self.assignment(chat_id)
        if got is not None:
            return bool(got["user_id"] == self.id)
        view = self.view(chat_id)
        return view is not None and bool(view["mine"])

    def pending(self) -> list[int]:
        chat = self.snapshot.get("chat") or {}
        return list(chat.get("pending_registrations", []))


# --- the world of one test ----------------------------------------------------------------


class ChatWorld:
    """Everybody a test made, so the test can leave the server as it found it."""

    def __init__(self, server: RunningServer, client: httpx.Client) -> None:
        self.server = server
        self.client = client
        self.staff: dict[str, StaffMember] = {}
        self.youths: list[Youth] = []

    def member(self, username: str) -> StaffMember:
        """A logged-in staff member with a fresh snapshot (one per username per test)."""
        if username not in self.staff:
            member = StaffMember(self.client, username)
            member.sync(0)
            self.staff[username] = member
        return self.staff[username]

    def youth(self, **body: Any) -> Youth:
        """A youth who has started a chat."""
        youth = Youth(self.client).start(**body)
        self.youths.append(youth)
        return youth

    def new_youth(self) -> Youth:
        """A youth who has not started yet (for tests of the start itself)."""
        youth = Youth(self.client)
        self.youths.append(youth)
        return youth

    def waiting(self) -> int:
        return int(self.client.get("/api/v1/youth/status").json()["waiting"])

    def clean_up(self) -> None:
        """End every chat, register what is pending, and set everybody offline."""
        for youth in self.youths:
            if youth.token:  # with this client: the youth's own may be closed already
                self.client.post(youth.url("/end"), headers=youth.headers)
        for member in self.staff.values():
            member.offline()
            fresh = StaffMember(self.client, member.username)
            fresh.sync(0)
            for chat_id in fresh.pending():
                answer = fresh.register(chat_id)
                assert answer.status_code in {200, 201}, answer.text
        until(lambda: self.waiting() == 0, what="an empty queue after the test")


def world(server: RunningServer) -> Iterator[ChatWorld]:
    """Body of a per-test fixture: a clean queue before, everything cleaned up after."""
    with server.client() as client:
        here = ChatWorld(server, client)
        until(lambda: here.waiting() == 0, what="an empty queue before the test")
        try:
            yield here
        finally:
            here.clean_up()
