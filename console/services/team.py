"""The institution's team channel: short messages between colleagues, through the outbox.

A message is written to the local outbox (sealed) first, with a client-generated id, and
the sync service sends it when online; the server stores it once per id however often
it is sent. Messages arrive back as `team.message` events.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from console.services.lite import sqlite_utils
from console.services.store import Store
from console.services.sync import SyncService

MAX_TEXT = 2000


@dataclass(frozen=True)
class TeamMessage:
    id: int | None  # None while it waits in the outbox
    txn_id: str
    author_name: str
    text: str
    at: str
    pending: bool = False
    failed: str = ""


class TeamChannel:
    def __init__(self, store: Store, sync: SyncService) -> None:
        self.store = store
        self.sync = sync
        store.on_event("team.message", self._on_event)
        store.on_snapshot(self._on_snapshot)

    def _row(self, data: dict[str, Any], seq: int) -> dict[str, Any]:
        author = data.get("author") or {}
        return {
            "id": int(data["id"]),
            "seq": seq,
            "txn_id": str(data.get("txn_id", "")),
            "author_id": int(author.get("id", 0)),
            "author_name": str(author.get("display_name", "")),
            "text": self.store.cipher.seal(str(data.get("text", ""))),
            "at": str(data.get("at", "")),
        }

    def _on_event(self, db: sqlite_utils.Database, event: dict[str, Any]) -> None:
        db.table("team_messages").upsert(self._row(event["data"], int(event["seq"])), pk="id")

    def _on_snapshot(self, db: sqlite_utils.Database, snapshot: dict[str, Any]) -> None:
        db.execute("DELETE FROM team_messages")
        for data in snapshot.get("team_messages", []):
            db.table("team_messages").upsert(self._row(data, 0), pk="id")

    def post(self, text: str) -> str:
        """Queue a message; returns its client id. Raises ValueError for empty or long text."""
        text = text.strip()
        if not text:
            raise ValueError("empty")
        if len(text) > MAX_TEXT:
            raise ValueError("too long")
        txn_id = uuid.uuid4().hex
        self.sync.enqueue(txn_id, "PUT", f"/team/messages/{txn_id}", {"text": text})
        return txn_id

    def messages(self, limit: int = 200) -> list[TeamMessage]:
        rows = self.store.db.query(
            "SELECT * FROM (SELECT * FROM team_messages ORDER BY id DESC LIMIT ?) ORDER BY id",
            [limit],
        )
        sent = [
            TeamMessage(
                id=row["id"],
                txn_id=row["txn_id"],
                author_name=row["author_name"],
                text=self.store.cipher.open(row["text"]),
                at=row["at"],
            )
            for row in rows
        ]
        known = {m.txn_id for m in sent}
        waiting = [
            TeamMessage(
                id=None,
                txn_id=item.txn_id,
                author_name="",
                text=str(item.body.get("text", "")),
                at="",
                pending=item.state == "pending",
                failed=item.error,
            )
            for item in self.store.outbox(state=None)
            if item.path.startswith("/team/messages/") and item.txn_id not in known
        ]
        return sent + waiting
