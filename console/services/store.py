"""The per-user local store: cache tables, the sync cursor and the outbox (sqlite-utils).

One SQLite file per user and server under the user's data directory. Anything sensitive
(message text, drafts in the outbox) is encrypted with a per-user key that lives in the OS
keyring, so the file on disk never holds chat text or case notes in plain text. Events and
the cursor are applied in ONE local transaction: after a crash, either both are there or
neither, and duplicates are harmless because handlers apply by id/seq.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet, InvalidToken

from console.services.keyrings import KEYRING_SERVICE
from console.services.lite import sqlite_utils
from console.services.session import KeyringLike

SCHEMA_VERSION = 1
EventHandler = Callable[[sqlite_utils.Database, dict[str, Any]], None]
SnapshotHandler = Callable[[sqlite_utils.Database, dict[str, Any]], None]


class StoreKeyMissing(RuntimeError):
    """The store exists but its key is gone from the keyring: the cache cannot be read."""


def store_path(data_dir: Path, server_url: str, username: str) -> Path:
    server = hashlib.sha256(server_url.rstrip("/").encode()).hexdigest()[:12]
    safe_user = "".join(c if c.isalnum() or c in "._-" else "_" for c in username)
    return data_dir / "stores" / f"{server}-{safe_user}.db"


class Cipher:
    def __init__(self, key: bytes) -> None:
        self._fernet = Fernet(key)

    def seal(self, text: str) -> str:
        return self._fernet.encrypt(text.encode("utf-8")).decode("ascii")

    def open(self, token: str) -> str:
        try:
            return self._fernet.decrypt(token.encode("ascii")).decode("utf-8")
        except InvalidToken as exc:
            raise StoreKeyMissing("local data was sealed with another key") from exc


@dataclass(frozen=True)
class OutboxItem:
    txn_id: str
    method: str
    path: str
    body: dict[str, Any]
    attempts: int
    state: str
    error: str


class Store:
    def __init__(self, path: Path, keyring: KeyringLike, key_name: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        existed = path.exists()
        key = keyring.get_password(KEYRING_SERVICE, f"store-key:{key_name}")
        if key is None:
            if existed:
                # The key was lost (a new profile, a wiped keyring): the cache is unreadable.
                # It is only a cache of server data plus unsent work; start afresh.
                path.unlink()
                for suffix in ("-wal", "-shm"):
                    Path(str(path) + suffix).unlink(missing_ok=True)
            key = Fernet.generate_key().decode("ascii")
            keyring.set_password(KEYRING_SERVICE, f"store-key:{key_name}", key)
        self.cipher = Cipher(key.encode("ascii"))
        self.path = path
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        self.db = sqlite_utils.Database(conn)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self._migrate()
        self._event_handlers: list[tuple[str, EventHandler]] = []
        self._snapshot_handlers: list[SnapshotHandler] = []

    def close(self) -> None:
        self.db.conn.close()

    def _migrate(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version < 1:
            with self.transaction():
                self.db.table("meta").create(
                    {"key": str, "value": str}, pk="key", if_not_exists=True
                )
                self.db.table("outbox").create(
                    {
                        "position": int,
                        "txn_id": str,
                        "method": str,
                        "path": str,
                        "body": str,  # sealed JSON
                        "created_at": float,
                        "attempts": int,
                        "state": str,  # pending | failed
                        "error": str,
                    },
                    pk="position",
                    not_null={"txn_id", "method", "path", "body"},
                    if_not_exists=True,
                )
                self.db.table("outbox").create_index(["txn_id"], unique=True, if_not_exists=True)
                self.db.table("team_messages").create(
                    {
                        "id": int,
                        "seq": int,
                        "txn_id": str,
                        "author_id": int,
                        "author_name": str,
                        "text": str,  # sealed
                        "at": str,
                    },
                    pk="id",
                    if_not_exists=True,
                )
                self.db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite_utils.Database]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        else:
            self.db.execute("COMMIT")

    # --------------------------------------------------------------- cursor
    def get_meta(self, key: str, default: str = "") -> str:
        rows = list(self.db.query("SELECT value FROM meta WHERE key = ?", [key]))
        return str(rows[0]["value"]) if rows else default

    def _set_meta(self, db: sqlite_utils.Database, key: str, value: str) -> None:
        db.table("meta").upsert({"key": key, "value": value}, pk="key")

    @property
    def cursor(self) -> int:
        return int(self.get_meta("cursor", "0"))

    # -------------------------------------------------------------- handlers
    def on_event(self, kind_prefix: str, handler: EventHandler) -> None:
        self._event_handlers.append((kind_prefix, handler))

    def on_snapshot(self, handler: SnapshotHandler) -> None:
        self._snapshot_handlers.append(handler)

    def apply(self, events: Iterable[dict[str, Any]], next_cursor: int) -> list[dict[str, Any]]:
        """Apply events newer than the cursor and move the cursor, in one transaction.

        Returns the events that were new (older ones, seen again after a retry or a
        transport switch, are skipped).
        """
        applied: list[dict[str, Any]] = []
        with self.transaction() as db:
            cursor = int(self.get_meta("cursor", "0"))
            for event in events:
                if int(event["seq"]) <= cursor:
                    continue
                for prefix, handler in self._event_handlers:
                    if str(event["kind"]).startswith(prefix):
                        handler(db, event)
                applied.append(event)
                cursor = int(event["seq"])
            self._set_meta(db, "cursor", str(max(cursor, next_cursor)))
        return applied

    def reset(self, snapshot: dict[str, Any], next_cursor: int) -> None:
        with self.transaction() as db:
            for handler in self._snapshot_handlers:
                handler(db, snapshot)
            self._set_meta(db, "cursor", str(next_cursor))

    # ---------------------------------------------------------------- outbox
    def enqueue(self, txn_id: str, method: str, path: str, body: dict[str, Any]) -> None:
        with self.transaction() as db:
            db.table("outbox").insert(
                {
                    "txn_id": txn_id,
                    "method": method,
                    "path": path,
                    "body": self.cipher.seal(json.dumps(body)),
                    "created_at": time.time(),
                    "attempts": 0,
                    "state": "pending",
                    "error": "",
                }
            )

    def _item(self, row: dict[str, Any]) -> OutboxItem:
        return OutboxItem(
            txn_id=row["txn_id"],
            method=row["method"],
            path=row["path"],
            body=json.loads(self.cipher.open(row["body"])),
            attempts=row["attempts"],
            state=row["state"],
            error=row["error"] or "",
        )

    def outbox(self, state: str | None = "pending") -> list[OutboxItem]:
        sql = "SELECT * FROM outbox"
        params: list[Any] = []
        if state:
            sql += " WHERE state = ?"
            params.append(state)
        return [self._item(row) for row in self.db.query(sql + " ORDER BY position", params)]

    def next_pending(self) -> OutboxItem | None:
        rows = list(
            self.db.query("SELECT * FROM outbox WHERE state = 'pending' ORDER BY position LIMIT 1")
        )
        return self._item(rows[0]) if rows else None

    def mark_attempt(self, txn_id: str) -> None:
        self.db.execute("UPDATE outbox SET attempts = attempts + 1 WHERE txn_id = ?", [txn_id])

    def mark_sent(
        self, txn_id: str, apply: Callable[[sqlite_utils.Database], None] | None = None
    ) -> None:
        with self.transaction() as db:
            if apply is not None:
                apply(db)
            db.execute("DELETE FROM outbox WHERE txn_id = ?", [txn_id])

    def mark_failed(self, txn_id: str, error: str) -> None:
        self.db.execute(
            "UPDATE outbox SET state = 'failed', error = ? WHERE txn_id = ?", [error, txn_id]
        )

    def discard(self, txn_id: str) -> None:
        self.db.execute("DELETE FROM outbox WHERE txn_id = ?", [txn_id])
