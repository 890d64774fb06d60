"""A young person driven over HTTP, and a chat server of one's own, for chat tests."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from tests.support.servers import RunningServer, run_cli


def chat_server(tmp_path: Path, certs: Path, **env: str) -> RunningServer:
    url = f"sqlite:///{tmp_path / 'chat.db'}"
    run_cli("demo-data", database_url=url)
    defaults = {"HULPMIX_PRESENCE_TIMEOUT": "4", "HULPMIX_CHAT_TICK": "0.3"}
    return RunningServer(url, certs, env={**defaults, **env}).start()


@dataclass
class YouthSide:
    """A youth, driven over HTTP in a thread of its own (as a browser would)."""

    server: RunningServer
    chat_id: int = 0
    token: str = ""
    cursor: int = 0
    events: list[dict[str, Any]] = field(default_factory=list)

    def _client(self) -> httpx.Client:
        return self.server.client(timeout=60)

    def start(self) -> None:
        with self._client() as client:
            answer = client.post("/api/v1/youth/chats", json={"theme": "Gevoel"})
        answer.raise_for_status()
        body = answer.json()
        self.chat_id, self.token = body["chat_id"], body["token"]

    def poll(self, timeout: float = 0) -> list[dict[str, Any]]:
        with self._client() as client:
            answer = client.get(
                f"/api/v1/youth/chats/{self.chat_id}/events",
                params={"since": self.cursor, "timeout": timeout},
                headers={"Authorization": f"Bearer {self.token}"},
            )
        answer.raise_for_status()
        body = answer.json()
        self.events += body["events"]
        self.cursor = body["next"]
        return list(body["events"])

    def say(self, text: str) -> None:
        with self._client() as client:
            answer = client.put(
                f"/api/v1/youth/chats/{self.chat_id}/messages/{uuid.uuid4().hex}",
                json={"text": text},
                headers={"Authorization": f"Bearer {self.token}"},
            )
        answer.raise_for_status()

    def end(self) -> None:
        with self._client() as client:
            client.post(
                f"/api/v1/youth/chats/{self.chat_id}/end",
                headers={"Authorization": f"Bearer {self.token}"},
            ).raise_for_status()

    def messages(self) -> list[tuple[int, str, str]]:
        return [
            (e["seq"], e["from"], e["text"])
            for e in self.events
            if e["kind"] == "message" and e["from"] != "system"
        ]

    def statuses(self) -> list[str]:
        return [e["status"] for e in self.events if e["kind"] == "status"]
