"""Support for the youth chat page's browser tests (and scripts/youth_screenshots.py).

A real Chromium (Debian's /usr/bin/chromium, driven by Playwright) loads /chat from a real
server; the staff side is played over HTTP by `Staff`, whose background thread keeps
polling /sync like a console would, so the helper stays "connected" (presence) while a
test waits on the page, and can be silenced on purpose.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

import httpx

from tests.support.api import auth, login
from tests.support.servers import RunningServer

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
#: Fast presence for tests: a helper silent for 3 s is "reconnecting", handed over 4 s later.
SERVER_ENV = {
    "HULPMIX_PRESENCE_TIMEOUT": "3",
    "HULPMIX_CHAT_GRACE": "4",
    "HULPMIX_CHAT_TICK": "0.3",
}
#: The page's long-poll hold (`/chat?poll=N`): the server marks the youth present at the
#: start and end of each poll, so it must stay under the 3 s presence timeout above.
CHAT_PATH = "/chat?poll=1"
ZONE = ZoneInfo("Europe/Amsterdam")
WEEKDAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
MONTHS = [
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
]  # fmt: skip

T = TypeVar("T")


def wait_until(
    condition: Callable[[], T | None],
    what: str,
    timeout: float = 30.0,
    between: Callable[[], object] | None = None,
) -> T:
    """Poll `condition` until it returns something truthy; fail with `what` after `timeout`.

    The timeout is a hang guard, not a claim about speed.
    """
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        if between is not None:
            between()
        time.sleep(0.05)


def check_chromium() -> None:
    if not CHROMIUM.exists():
        raise RuntimeError(
            f"{CHROMIUM} is missing: the browser tests need Debian's chromium "
            "(apt-get install chromium); they are never skipped."
        )


def sqlite_path(server: RunningServer) -> Path:
    assert server.database_url.startswith("sqlite:///"), server.database_url
    return Path(server.database_url.removeprefix("sqlite:///"))


def write_schedule(server: RunningServer, windows: dict[str, list[list[str]]]) -> None:
    """Overwrite the opening hours in the server's database (no API exists for it)."""
    value = {
        "windows": windows,
        "timezone": "Europe/Amsterdam",
        "closed_on_public_holidays": False,
        "opened_dates": [],
        "closed_dates": [],
    }
    with sqlite3.connect(sqlite_path(server), timeout=30) as db:
        done = db.execute(
            "UPDATE chat_settings SET value = ?, version = version + 1 WHERE key = 'schedule'",
            (json.dumps(value),),
        )
        assert done.rowcount == 1


def closing_soon_windows() -> dict[str, list[list[str]]]:
    """Open today until about 10 minutes from now: the last quarter hour (short chats)."""
    now = datetime.now(ZONE)
    end = now + timedelta(minutes=10)
    minutes = min(24 * 60, end.hour * 60 + end.minute + 1) if end.date() == now.date() else 1440
    return {str(now.weekday()): [["00:00", f"{minutes // 60:02d}:{minutes % 60:02d}"]]}


def tomorrow_windows() -> tuple[dict[str, list[list[str]]], str]:
    """Closed now, open tomorrow 16:00-18:00; and how the page should say so."""
    tomorrow = datetime.now(ZONE).date() + timedelta(days=1)
    text = (
        f"De chat is weer open op {WEEKDAYS[tomorrow.weekday()]} {tomorrow.day} "
        f"{MONTHS[tomorrow.month - 1]} om 16:00."
    )
    return {str(tomorrow.weekday()): [["16:00", "18:00"]]}, text


class Staff:
    """One helper's console, over HTTP: polls /sync in a thread and records every event."""

    def __init__(self, server: RunningServer, username: str) -> None:
        self.server = server
        self.username = username
        self.client = server.client(timeout=15)
        session = login(self.client, username)
        self.headers = auth(session["access_token"])
        self.user_id = int(session["user"]["id"])
        self.events: list[dict[str, Any]] = []
        self.cursor = 0
        self.problem: BaseException | None = None
        self._lock = threading.Lock()
        self._silent = threading.Event()
        self._stop = threading.Event()
        self._poll_once(0)  # the reset, so the cursor starts at the head
        self._thread = threading.Thread(target=self._run, name=f"staff-{username}", daemon=True)
        self._thread.start()

    # -- the console's poll loop ---------------------------------------------------------

    def _poll_once(self, timeout: float) -> None:
        answer = self.client.get(
            "/api/v1/sync",
            params={"since": self.cursor, "timeout": timeout},
            headers=self.headers,
        )
        answer.raise_for_status()
        data = answer.json()
        with self._lock:
            if not data["reset"]:
                self.events.extend(data["events"])
            self.cursor = data["next"]

    def _run(self) -> None:
        # Its own client: httpx clients are not shared between threads here.
        with self.server.client(timeout=15) as client:
            while not self._stop.is_set():
                if self._silent.is_set():
                    self._stop.wait(0.05)
                    continue
                try:
                    answer = client.get(
                        "/api/v1/sync",
                        params={"since": self.cursor, "timeout": 0.5},
                        headers=self.headers,
                    )
                    answer.raise_for_status()
                    data = answer.json()
                except (httpx.HTTPError, ValueError) as exc:  # recorded, raised by check()
                    self.problem = exc
                    self._stop.wait(0.2)
                    continue
                with self._lock:
                    if not data["reset"]:
                        self.events.extend(data["events"])
                    self.cursor = data["next"]

    def check(self) -> None:
        if self.problem is not None:
            raise AssertionError(f"{self.username}'s /sync failed: {self.problem!r}")

    def silence(self) -> None:
        """Stop polling /sync: to the server this helper's console is gone."""
        self._silent.set()

    def resume(self) -> None:
        self._silent.clear()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=20)
        try:
            self.client.put("/api/v1/me/status", json={"status": "offline"}, headers=self.headers)
        finally:
            self.client.close()

    # -- what the helper does --------------------------------------------------------------

    def available(self) -> None:
        answer = self.client.put(
            "/api/v1/me/status", json={"status": "available"}, headers=self.headers
        )
        assert answer.status_code == 200, answer.text

    def seen(self, kind: str) -> list[dict[str, Any]]:
        with self._lock:
            return [e["data"] for e in self.events if e["kind"] == kind]

    def assigned_chat(self, timeout: float = 30.0) -> dict[str, Any]:
        """The chat (as staff see it) given to this helper; waits for it."""

        def mine() -> dict[str, Any] | None:
            self.check()
            for data in self.seen("chat.assigned"):
                if data["assignment"]["user_id"] == self.user_id:
                    return dict(data["chat"])
            return None

        return wait_until(mine, f"a chat for {self.username}", timeout)

    def youth_texts(self, chat_id: int) -> list[str]:
        return [
            d["text"]
            for d in self.seen("chat.message")
            if d["chat_id"] == chat_id and d["from"] == "youth"
        ]

    def wait_youth_texts(self, chat_id: int, count: int, timeout: float = 30.0) -> list[str]:
        def enough() -> list[str] | None:
            self.check()
            texts = self.youth_texts(chat_id)
            return texts if len(texts) >= count else None

        return wait_until(enough, f"{count} youth messages at {self.username}", timeout)

    def say(self, chat_id: int, text: str) -> None:
        answer = self.client.put(
            f"/api/v1/chats/{chat_id}/messages/{uuid.uuid4().hex}",
            json={"text": text},
            headers=self.headers,
        )
        assert answer.status_code == 201, answer.text

    def end(self, chat_id: int) -> None:
        answer = self.client.post(f"/api/v1/chats/{chat_id}/end", headers=self.headers)
        assert answer.status_code == 200, answer.text

    def register(self, chat_id: int) -> None:
        answer = self.client.put(
            f"/api/v1/chats/{chat_id}/registration",
            json={
                "theme": "Gevoel",
                "subtopic": "Depri",
                "seemed_serious": True,
                "target_group": "in_target",
            },
            headers=self.headers,
        )
        assert answer.status_code in (200, 201), answer.text

    def read_chat(self, chat_id: int) -> dict[str, Any]:
        answer = self.client.get(f"/api/v1/chats/{chat_id}", headers=self.headers)
        assert answer.status_code == 200, answer.text
        data: dict[str, Any] = answer.json()
        return data
