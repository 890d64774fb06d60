"""The helper's side of the chat, without Qt: the queue, the team, the chats they hold or
watch, and everything they send.

State arrives as `chat.*` events (and the `chat` part of a reset snapshot) and is kept in
the per-user store, sealed, in the same transaction as the cursor, so a restart loses
nothing and shows nothing twice. What the helper writes goes through the outbox with a
client id made once: it is shown at once as "being sent", survives a lost connection or
a restart, and reaches the server exactly once, in order.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from typing import Any

from console.domain.chat import (
    MAX_MESSAGE_CHARS,
    ChatState,
    Phase,
    ReferralDraft,
    Registration,
    Taxonomy,
)
from console.domain.routing import StaffStatus
from console.services.lite import sqlite_utils
from console.services.signals import Signal
from console.services.store import Store
from console.services.sync import SyncService
from console.services.transport import Transport

#: What the snapshot's chat part holds besides the team and the chats.
BOARD_KEYS = ("me", "queue", "texts", "taxonomy", "pending_registrations")


@dataclass
class ChatMessage:
    chat_id: int
    seq: int | None
    txn_id: str
    sender: str  # youth | helper | system | whisper | consult
    author: str
    text: str
    at: str
    pending: bool = False
    failed: str = ""
    #: Written by this console's user (shown as "You").
    own: bool = False


@dataclass
class ChatView:
    chat_id: int
    number: int
    state: str
    theme: str | None
    nickname: str | None
    age: int | None
    short_chat: bool
    started_at: str | None
    ended_at: str | None
    end_reason: str | None
    helper_id: int | None
    #: "helper": assigned to me; "supervisor": a trainee's chat I watch (read-only).
    as_role: str
    mine: bool
    youth_connected: bool
    assignment: dict[str, Any] = field(default_factory=dict)
    phases: dict[str, str] = field(default_factory=dict)

    @property
    def running(self) -> bool:
        return self.state != ChatState.ENDED.value

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ChatView:
        return cls(**{k: data.get(k) for k in cls.__dataclass_fields__})  # type: ignore[arg-type]


def _view_from_server(data: dict[str, Any], as_role: str, mine: bool) -> ChatView:
    return ChatView(
        chat_id=int(data["chat_id"]),
        number=int(data.get("number", data["chat_id"])),
        state=str(data.get("state", ChatState.ACTIVE.value)),
        theme=data.get("theme"),
        nickname=data.get("nickname"),
        age=data.get("age"),
        short_chat=bool(data.get("short_chat", False)),
        started_at=data.get("started_at"),
        ended_at=data.get("ended_at"),
        end_reason=data.get("end_reason"),
        helper_id=data.get("helper_id"),
        as_role=as_role,
        mine=mine,
        youth_connected=bool(data.get("youth_connected", True)),
        phases=dict(data.get("phases") or {}),
    )


class ChatService:
    """Collaborators come in through the constructor; news goes out through signals."""

    def __init__(self, store: Store, sync: SyncService, transport: Transport, user_id: int):
        self.store = store
        self.sync = sync
        self.transport = transport
        self.user_id = user_id
        #: Something about the queue, the team, my status or the texts changed.
        self.board_changed: Signal[[]] = Signal()
        #: A chat's state or transcript changed (chat id).
        self.chat_changed: Signal[[int]] = Signal()
        #: A chat was just assigned to me (chat id): raise the window, notify.
        self.assigned: Signal[[int]] = Signal()
        #: A trainee raised their hand (the event's data).
        self.hand_raised: Signal[[dict[str, Any]]] = Signal()
        self._migrate()
        store.on_event("chat.", self._on_event)
        store.on_snapshot(self._on_snapshot)
        sync.events_applied.connect(self._events_applied)
        sync.reset_applied.connect(self._reset_applied)
        sync.outbox_changed.connect(self._outbox_changed)
        self._touched: set[int] = set()
        self._board_touched = False
        self._new_assignments: list[int] = []
        self._hands: list[dict[str, Any]] = []
        #: Transcripts as last read, opened, in memory only: a chat going on costs a read
        #: of its new rows, not a decryption of all of them at every message.
        self._read: dict[int, list[ChatMessage]] = {}

    # ------------------------------------------------------------------ storage
    def _migrate(self) -> None:
        db = self.store.db
        db.table("chat_board").create({"key": str, "value": str}, pk="key", if_not_exists=True)
        db.table("chat_views").create(
            {"chat_id": int, "value": str}, pk="chat_id", if_not_exists=True
        )
        db.table("chat_messages").create(
            {
                "chat_id": int,
                "seq": int,
                "txn_id": str,
                "sender": str,
                "author": str,
                "author_id": int,
                "text": str,  # sealed
                "at": str,
            },
            pk=("chat_id", "seq"),
            if_not_exists=True,
        )
        if "author_id" not in db.table("chat_messages").columns_dict:  # a store from before
            db.table("chat_messages").add_column("author_id", int)
        # The team, one row per colleague: a status change rewrites one row, not the whole
        # team (at 500 colleagues going available, rewriting it all was O(N) per event).
        if "chat_team" not in db.table_names():
            with self.store.transaction() as tx:  # a store from before: its team moves over
                tx.table("chat_team").create({"user_id": int, "value": str}, pk="user_id")
                old = list(tx.query("SELECT value FROM chat_board WHERE key = 'team'"))
                if old:
                    self._team_replace(tx, self._open(old[0]["value"]) or [])
                    tx.execute("DELETE FROM chat_board WHERE key = 'team'")

    def _seal(self, value: Any) -> str:
        return self.store.cipher.seal(json.dumps(value, ensure_ascii=False))

    def _open(self, value: str) -> Any:
        return json.loads(self.store.cipher.open(value))

    def _board_get(self, db: sqlite_utils.Database, key: str, default: Any) -> Any:
        rows = list(db.query("SELECT value FROM chat_board WHERE key = ?", [key]))
        return self._open(rows[0]["value"]) if rows else default

    def _board_put(self, db: sqlite_utils.Database, key: str, value: Any) -> None:
        db.table("chat_board").upsert({"key": key, "value": self._seal(value)}, pk="key")
        self._board_touched = True

    def _team_put(self, db: sqlite_utils.Database, member: dict[str, Any]) -> None:
        db.execute(
            "INSERT OR REPLACE INTO chat_team (user_id, value) VALUES (?, ?)",
            [int(member["user_id"]), self._seal(member)],
        )
        self._board_touched = True

    def _team_replace(self, db: sqlite_utils.Database, team: list[dict[str, Any]]) -> None:
        db.execute("DELETE FROM chat_team")
        for member in team:
            self._team_put(db, member)
        self._board_touched = True

    def _view_get(self, db: sqlite_utils.Database, chat_id: int) -> ChatView | None:
        rows = list(db.query("SELECT value FROM chat_views WHERE chat_id = ?", [chat_id]))
        return ChatView.from_json(self._open(rows[0]["value"])) if rows else None

    def _view_put(self, db: sqlite_utils.Database, view: ChatView) -> None:
        db.table("chat_views").upsert(
            {"chat_id": view.chat_id, "value": self._seal(view.to_json())}, pk="chat_id"
        )
        self._touched.add(view.chat_id)

    def _message_put(self, db: sqlite_utils.Database, data: dict[str, Any], seq: int) -> None:
        # Plain SQL: sqlite-utils' upsert looks the table up again at every row.
        db.execute(
            "INSERT OR REPLACE INTO chat_messages"
            " (chat_id, seq, txn_id, sender, author, author_id, text, at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                int(data["chat_id"]),
                seq,
                str(data.get("txn_id", "")),
                str(data.get("from", "")),
                str(data.get("author") or ""),
                int(data.get("author_id") or 0),
                self.store.cipher.seal(str(data.get("text", ""))),
                str(data.get("at", "")),
            ],
        )
        chat_id = int(data["chat_id"])
        read = self._read.get(chat_id)
        if read and seq <= (read[-1].seq or 0):
            del self._read[chat_id]  # not at the end (history, a repeat): read afresh
        self._touched.add(chat_id)

    # ------------------------------------------------------------------ applying
    def _on_snapshot(self, db: sqlite_utils.Database, snapshot: dict[str, Any]) -> None:
        chat = snapshot.get("chat")
        db.execute("DELETE FROM chat_board")
        db.execute("DELETE FROM chat_team")
        db.execute("DELETE FROM chat_views")
        db.execute("DELETE FROM chat_messages")
        self._read.clear()
        self._board_touched = True
        if not isinstance(chat, dict):
            return
        for key in BOARD_KEYS:
            self._board_put(db, key, chat.get(key))
        self._team_replace(db, [m for m in chat.get("team") or [] if isinstance(m, dict)])
        for data in chat.get("chats", []):
            view = _view_from_server(data, str(data.get("as_role")), bool(data.get("mine")))
            self._view_put(db, view)
            for message in data.get("messages", []):
                self._message_put(db, message, int(message["seq"]))

    def _on_event(self, db: sqlite_utils.Database, event: dict[str, Any]) -> None:
        kind = str(event["kind"])
        data: dict[str, Any] = event["data"]
        seq = int(event["seq"])
        if kind == "chat.queue":
            self._board_put(db, "queue", data.get("waiting", []))
        elif kind == "chat.staff":
            self._staff_changed(db, data)
        elif kind == "chat.texts":
            self._board_put(db, "texts", data)
        elif kind == "chat.assigned":
            self._assigned(db, data)
        elif kind == "chat.message":
            self._message_put(db, data, seq)
        elif kind == "chat.history":
            for message in data.get("messages", []):
                self._message_put(db, message, int(message["seq"]))
        elif kind == "chat.registered":
            self._board_put(db, "pending_registrations", data.get("pending", []))
        elif kind == "chat.hand_raised":
            self._hands.append(data)
        else:
            self._chat_event(db, kind, data)

    def _staff_changed(self, db: sqlite_utils.Database, data: dict[str, Any]) -> None:
        if data.get("status") != StaffStatus.OFFLINE.value:
            self._team_put(db, data)
        else:
            db.execute("DELETE FROM chat_team WHERE user_id = ?", [int(data["user_id"])])
            self._board_touched = True
        if int(data["user_id"]) == self.user_id:
            self._board_put(db, "me", data)

    def _assigned(self, db: sqlite_utils.Database, data: dict[str, Any]) -> None:
        assignment = data.get("assignment", {})
        mine = int(assignment.get("user_id", 0)) == self.user_id
        view = _view_from_server(data["chat"], "helper" if mine else "supervisor", mine)
        view.assignment = assignment
        previous = self._view_get(db, view.chat_id)
        if previous is not None:
            view.phases = previous.phases
        self._view_put(db, view)
        if mine:
            self._new_assignments.append(view.chat_id)

    def _chat_event(self, db: sqlite_utils.Database, kind: str, data: dict[str, Any]) -> None:
        chat_id = data.get("chat_id")
        if chat_id is None:
            return
        view = self._view_get(db, int(chat_id))
        if view is None:
            return
        if kind == "chat.status":
            view.state = str(data["status"])
            if data["status"] == ChatState.ENDED.value:
                view.end_reason = data.get("reason")
                if view.mine:
                    pending = list(self._board_get(db, "pending_registrations", []) or [])
                    if view.chat_id not in pending:
                        pending.append(view.chat_id)
                    self._board_put(db, "pending_registrations", pending)
        elif kind == "chat.phase":
            view.phases[str(data["phase"])] = str(data["at"])
        elif kind == "chat.youth_presence":
            view.youth_connected = bool(data["connected"])
        elif kind == "chat.assignment_ended" and data.get("cause") == "handover":
            view.mine = False
        elif kind == "chat.handover":
            view.mine = view.mine and int(data.get("from_user_id", 0)) != self.user_id
        if not view.mine and (view.state == ChatState.ENDED.value or kind.endswith("handover")):
            # Watched or handed over and done: nothing of it stays on this workstation.
            db.execute("DELETE FROM chat_views WHERE chat_id = ?", [view.chat_id])
            db.execute("DELETE FROM chat_messages WHERE chat_id = ?", [view.chat_id])
            self._read.pop(view.chat_id, None)
            self._touched.add(view.chat_id)
            return
        self._view_put(db, view)

    def _events_applied(self, _events: list[dict[str, Any]]) -> None:
        self._announce()

    def _reset_applied(self) -> None:
        self._board_touched = True
        self._announce()

    def _outbox_changed(self) -> None:
        for item in self.store.outbox(state=None):
            if item.path.startswith("/chats/"):
                self._touched.add(int(item.path.split("/")[2]))
        self._announce()

    def _announce(self) -> None:
        touched, self._touched = self._touched, set()
        board, self._board_touched = self._board_touched, False
        new, self._new_assignments = self._new_assignments, []
        hands, self._hands = self._hands, []
        if board:
            self.board_changed.emit()
        for chat_id in sorted(touched):
            self.chat_changed.emit(chat_id)
        for chat_id in new:
            self.assigned.emit(chat_id)
        for hand in hands:
            self.hand_raised.emit(hand)

    # ------------------------------------------------------------------ reading
    def _board(self, key: str, default: Any) -> Any:
        value = self._board_get(self.store.db, key, default)
        return default if value is None else value

    def me(self) -> dict[str, Any] | None:
        value = self._board("me", None)
        return value if isinstance(value, dict) else None

    def queue(self) -> list[dict[str, Any]]:
        return list(self._board("queue", []))

    def team(self) -> list[dict[str, Any]]:
        """Colleagues not offline, by name."""
        rows = self.store.db.query("SELECT value FROM chat_team")
        team = [self._open(row["value"]) for row in rows]
        return sorted(team, key=lambda s: (str(s.get("display_name", "")), int(s["user_id"])))

    def texts(self) -> dict[str, Any]:
        return dict(self._board("texts", {}))

    def taxonomy(self) -> Taxonomy:
        return Taxonomy.from_json(self._board("taxonomy", {"themes": []}))

    def pending_registrations(self) -> list[int]:
        return [int(c) for c in self._board("pending_registrations", [])]

    def chats(self) -> list[ChatView]:
        rows = self.store.db.query("SELECT value FROM chat_views ORDER BY chat_id")
        return [ChatView.from_json(self._open(r["value"])) for r in rows]

    def chat(self, chat_id: int) -> ChatView | None:
        return self._view_get(self.store.db, chat_id)

    def messages(self, chat_id: int) -> list[ChatMessage]:
        """The transcript in seq order, then what is still on its way out."""
        read = self._read.setdefault(chat_id, [])
        rows = self.store.db.query(
            "SELECT * FROM chat_messages WHERE chat_id = ? AND seq > ? ORDER BY seq",
            [chat_id, read[-1].seq if read else -1],
        )
        read += [
            ChatMessage(
                chat_id=chat_id,
                seq=int(r["seq"]),
                txn_id=r["txn_id"],
                sender=r["sender"],
                author=r["author"],
                text=self.store.cipher.open(r["text"]),
                at=r["at"],
                own=r["sender"] != "youth" and r.get("author_id") == self.user_id,
            )
            for r in rows
        ]
        sent = list(read)
        prefix = f"/chats/{chat_id}/"
        waiting: list[ChatMessage] = []
        outgoing = [item for item in self.store.outbox(state=None) if item.path.startswith(prefix)]
        known = {(m.sender, m.txn_id) for m in sent} if outgoing else set()
        for item in outgoing:
            part = item.path[len(prefix) :].split("/")[0]
            sender = {"messages": "helper", "whisper": "whisper", "consult": "consult"}.get(part)
            if sender is None or (sender, item.txn_id) in known:
                continue
            waiting.append(
                ChatMessage(
                    chat_id=chat_id,
                    seq=None,
                    txn_id=item.txn_id,
                    sender=sender,
                    author="",
                    text=str(item.body.get("text", "")),
                    at="",
                    pending=item.state == "pending",
                    failed=item.error,
                    own=True,
                )
            )
        return sent + waiting

    # ------------------------------------------------------------------ acting
    def _queue(self, method: str, path: str, body: dict[str, Any], txn_id: str) -> str:
        self.sync.enqueue(txn_id, method, path, body)
        return txn_id

    @staticmethod
    def _checked(text: str) -> str:
        text = text.strip()
        if not text:
            raise ValueError("empty")
        if len(text) > MAX_MESSAGE_CHARS:
            raise ValueError("too long")
        return text

    async def warm(self) -> bool:
        """The helper started a line: have a connection ready when it goes out."""
        return await self.transport.warm()

    def send(self, chat_id: int, text: str) -> str:
        """Queue a message to the youth; returns its client id (made once, here)."""
        txn_id = uuid.uuid4().hex
        return self._queue(
            "PUT", f"/chats/{chat_id}/messages/{txn_id}", {"text": self._checked(text)}, txn_id
        )

    def whisper(self, chat_id: int, text: str) -> str:
        txn_id = uuid.uuid4().hex
        return self._queue(
            "PUT", f"/chats/{chat_id}/whisper/{txn_id}", {"text": self._checked(text)}, txn_id
        )

    def consult(self, chat_id: int, text: str) -> str:
        txn_id = uuid.uuid4().hex
        return self._queue(
            "PUT", f"/chats/{chat_id}/consult/{txn_id}", {"text": self._checked(text)}, txn_id
        )

    def raise_hand(self, chat_id: int, text: str) -> str:
        txn_id = uuid.uuid4().hex
        return self._queue(
            "PUT", f"/chats/{chat_id}/hand/{txn_id}", {"text": self._checked(text)}, txn_id
        )

    def reach_phase(self, chat_id: int, phase: Phase) -> str:
        txn_id = f"phase-{chat_id}-{phase.value}-{uuid.uuid4().hex[:8]}"
        return self._queue("PUT", f"/chats/{chat_id}/phases/{phase.value}", {}, txn_id)

    def end(self, chat_id: int, not_serious: bool = False) -> str:
        """Queued behind the messages before it, so the last words go out first."""
        txn_id = f"end-{chat_id}-{uuid.uuid4().hex[:8]}"
        return self._queue("POST", f"/chats/{chat_id}/end", {"not_serious": not_serious}, txn_id)

    async def set_status(self, status: StaffStatus) -> dict[str, Any]:
        """Raises Conflict (reason registration_pending) while a chat is unregistered."""
        answer: dict[str, Any] = await self.transport.call(
            "PUT", "/me/status", json_body={"status": status.value}
        )
        return answer

    async def register(self, chat_id: int, registration: Registration) -> None:
        body = {
            "theme": registration.theme,
            "subtopic": registration.subtopic,
            "seemed_serious": registration.seemed_serious,
            "target_group": registration.target_group.value,
            "referral": registration.referral.value,
            "referred_to": registration.referred_to,
            "crisis": registration.crisis,
            "phases_completed": [p.value for p in registration.phases_completed],
            "remark": registration.remark,
        }
        await self.transport.call("PUT", f"/chats/{chat_id}/registration", json_body=body)
        with self.store.transaction() as db:
            pending = [c for c in self._board_get(db, "pending_registrations", []) if c != chat_id]
            self._board_put(db, "pending_registrations", pending)
            db.execute("DELETE FROM chat_views WHERE chat_id = ?", [chat_id])
            db.execute("DELETE FROM chat_messages WHERE chat_id = ?", [chat_id])
        self._read.pop(chat_id, None)
        self._touched.add(chat_id)
        self._announce()

    async def refer(self, chat_id: int, draft: ReferralDraft) -> dict[str, Any]:
        body = {k: (v.value if hasattr(v, "value") else v) for k, v in draft.__dict__.items()}
        answer: dict[str, Any] = await self.transport.call(
            "POST", f"/chats/{chat_id}/referrals", json_body=body
        )
        return answer
