"""The screener's side of the forum, without Qt: the queue of posts waiting for screening,
today's rounds, and the decisions.

The queue is loaded once when the screening view opens (`GET /forum/items`, which answers
the log's `head` with it) and then kept current from `forum.*` events on the existing sync
stream; events at or below `head` are already in the list and are skipped, and an item is
only replaced by a newer `version` of itself, so an event that overtakes an answer (or the
other way round) never rolls an item back. Nothing is written to disk: post text is the
youths' and lives only in memory while the view is open.

Claims and decisions go straight over the Transport, because the screener must know at
once whether they won: a decision carries a client txn id made once, so a retry after a
lost connection gets the same answer and never a second decision. A 409 becomes a typed
`ScreeningConflict` naming what happened and who, and the item in its answer is applied so
the queue shows the truth.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from console.services.errors import Conflict, Offline, ServerError, TransportError
from console.services.signals import Signal
from console.services.sync import SyncService
from console.services.transport import Transport

log = logging.getLogger(__name__)

#: The statuses the screening queue loads; decided items (published, rejected) leave it.
OPEN_STATUSES = ("pending", "held", "escalated")
#: A decision is retried with the same txn id this many times on a lost connection.
DECISION_ATTEMPTS = 4


def parse_time(value: object) -> datetime | None:
    """ISO-8601 from the wire as an aware datetime (naive values are taken as UTC)."""
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


def _utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Claim:
    user_id: int
    name: str
    institution_id: int | None
    until: datetime | None

    @classmethod
    def from_json(cls, data: object) -> Claim | None:
        if not isinstance(data, dict):
            return None
        return cls(
            user_id=int(data.get("user_id") or 0),
            name=str(data.get("name") or ""),
            institution_id=data.get("institution_id"),
            until=parse_time(data.get("until")),
        )


@dataclass(frozen=True)
class DecisionRecord:
    id: int
    decision: str
    reason: str | None
    remark: str | None
    by_user_id: int
    by_name: str
    at: datetime | None
    undo_until: datetime | None
    published_title: str | None
    published_body: str | None
    diff: list[tuple[str, str]]

    @classmethod
    def from_json(cls, data: object) -> DecisionRecord | None:
        if not isinstance(data, dict):
            return None
        diff = [(str(op), str(text)) for op, text in data.get("diff") or []]
        return cls(
            id=int(data.get("id") or 0),
            decision=str(data.get("decision") or ""),
            reason=data.get("reason"),
            remark=data.get("remark"),
            by_user_id=int(data.get("by_user_id") or 0),
            by_name=str(data.get("by_name") or ""),
            at=parse_time(data.get("at")),
            undo_until=parse_time(data.get("undo_until")),
            published_title=data.get("published_title"),
            published_body=data.get("published_body"),
            diff=diff,
        )


@dataclass(frozen=True)
class ScreeningItem:
    """One post as the screener sees it; `body` is the youth's original text."""

    id: int
    kind: str
    status: str
    title: str | None
    body: str
    theme: str | None
    parent_id: int | None
    parent_title: str | None
    replies_welcome: bool
    created_at: datetime
    claim: Claim | None
    decision: DecisionRecord | None
    version: int

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ScreeningItem:
        return cls(
            id=int(data["id"]),
            kind=str(data.get("kind") or ""),
            status=str(data.get("status") or "pending"),
            title=data.get("title"),
            body=str(data.get("body") or ""),
            theme=data.get("theme"),
            parent_id=data.get("parent_id"),
            parent_title=data.get("parent_title"),
            replies_welcome=bool(data.get("replies_welcome")),
            created_at=parse_time(data.get("created_at")) or _utcnow(),
            claim=Claim.from_json(data.get("claim")),
            decision=DecisionRecord.from_json(data.get("decision")),
            version=int(data.get("version") or 0),
        )

    def claimed_by_other(self, user_id: int, now: datetime) -> Claim | None:
        claim = self.claim
        if claim is None or claim.user_id == user_id:
            return None
        if claim.until is not None and claim.until <= now:
            return None  # lapsed: anyone may take it
        return claim


@dataclass(frozen=True)
class TopicContext:
    """The topic a reply answers, shown read-only beside it."""

    id: int
    title: str
    body: str
    replies: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ScreeningRound:
    id: int
    date: str
    start: str
    end: str
    institution_id: int | None
    institution_name: str
    state: str
    opened_by: str | None
    opened_at: datetime | None
    closed_at: datetime | None
    pending_count: int
    oldest_pending_at: datetime | None
    summary: dict[str, Any] | None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ScreeningRound:
        window = data.get("window") or {}
        opened_by = data.get("opened_by")
        if isinstance(opened_by, dict):
            opened_by = opened_by.get("name")
        return cls(
            id=int(data["id"]),
            date=str(data.get("date") or ""),
            start=str(window.get("start") or ""),
            end=str(window.get("end") or ""),
            institution_id=data.get("institution_id"),
            institution_name=str(data.get("institution_name") or ""),
            state=str(data.get("state") or "upcoming"),
            opened_by=None if opened_by is None else str(opened_by),
            opened_at=parse_time(data.get("opened_at")),
            closed_at=parse_time(data.get("closed_at")),
            pending_count=int(data.get("pending_count") or 0),
            oldest_pending_at=parse_time(data.get("oldest_pending_at")),
            summary=data.get("summary") if isinstance(data.get("summary"), dict) else None,
        )


@dataclass(frozen=True)
class ScreeningSettings:
    windows: list[tuple[str, str]]
    danger_words: list[str]
    edit_reasons: list[tuple[str, str]]
    reject_reasons: list[tuple[str, str]]
    guidelines: str
    version: int

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ScreeningSettings:
        def keys(values: object) -> list[tuple[str, str]]:
            """Reasons as (key, server label); the wire may send keys, pairs or objects."""
            out: list[tuple[str, str]] = []
            for value in values if isinstance(values, list) else []:
                if isinstance(value, dict):
                    out.append((str(value.get("key")), str(value.get("label") or "")))
                elif isinstance(value, list | tuple) and value:
                    out.append((str(value[0]), str(value[1]) if len(value) > 1 else ""))
                else:
                    out.append((str(value), ""))
            return out

        return cls(
            windows=[
                (str(w.get("start")), str(w.get("end")))
                for w in data.get("windows") or []
                if isinstance(w, dict)
            ],
            danger_words=[str(w) for w in data.get("danger_words") or []],
            edit_reasons=keys(data.get("edit_reasons")),
            reject_reasons=keys(data.get("reject_reasons")),
            guidelines=str(data.get("guidelines") or ""),
            version=int(data.get("version") or 0),
        )


class ScreeningConflict(TransportError):
    """The server said no (409): someone else claimed or decided it, no round is open, the
    undo window has passed, or the decision was not yours to undo."""

    def __init__(self, reason: str, message: str, item: ScreeningItem | None) -> None:
        super().__init__(f"{reason}: {message}")
        self.reason = reason  # claimed | decided | round_closed | undo_expired | not_yours | …
        self.message = message
        self.item = item

    @property
    def who(self) -> str:
        """The person it is about: who holds the claim, or who decided."""
        item = self.item
        if item is None:
            return ""
        if self.reason == "claimed" and item.claim is not None:
            return item.claim.name
        if item.decision is not None:
            return item.decision.by_name
        return item.claim.name if item.claim is not None else ""


def _conflict(exc: Conflict) -> ScreeningConflict:
    """Read the 409 whether the server puts it flat or under `detail` (FastAPI style)."""
    body: dict[str, Any] = exc.body
    detail = body.get("detail")
    if isinstance(detail, dict):
        body = {**body, **detail}
    raw = body.get("item")
    item = ScreeningItem.from_json(raw) if isinstance(raw, dict) and "id" in raw else None
    return ScreeningConflict(str(body.get("reason") or exc.code), exc.message, item)


class ScreeningService:
    """Collaborators come in through the constructor; news goes out through signals."""

    def __init__(
        self,
        sync: SyncService,
        transport: Transport,
        user_id: int,
        *,
        now: Callable[[], datetime] = _utcnow,
        retry_pause: float = 0.5,
    ) -> None:
        self.sync = sync
        self.transport = transport
        self.user_id = user_id
        self.now = now
        self.retry_pause = retry_pause
        self.items: dict[int, ScreeningItem] = {}
        self.rounds: list[ScreeningRound] = []
        self.settings: ScreeningSettings | None = None
        self.head = 0
        self.loaded = False
        #: My last decision that may still be undone: (item id, undo deadline).
        self.last_decision: tuple[int, datetime | None] | None = None
        #: The whole queue was (re)loaded: rebuild once.
        self.reset: Signal[[]] = Signal()
        #: Items that changed (new, claimed, decided, undone), in the order they came.
        self.items_changed: Signal[[list[ScreeningItem]]] = Signal()
        #: Today's rounds changed.
        self.rounds_changed: Signal[[]] = Signal()
        #: A `forum.alert` (a round that passed unscreened).
        self.alert: Signal[[dict[str, Any]]] = Signal()
        self._early: list[dict[str, Any]] = []
        self._loading: asyncio.Task[None] | None = None
        sync.events_applied.connect(self._events_applied)
        sync.reset_applied.connect(self._reset_applied)

    def close(self) -> None:
        self.sync.events_applied.disconnect(self._events_applied)
        self.sync.reset_applied.disconnect(self._reset_applied)
        if self._loading is not None:
            self._loading.cancel()

    # ------------------------------------------------------------------ loading
    async def load(self) -> None:
        """The whole open queue, settings and today's rounds, then events after `head`."""
        answer = await self.transport.call(
            "GET", "/forum/items", params={"status": ",".join(OPEN_STATUSES)}, timeout=60.0
        )
        items = [ScreeningItem.from_json(d) for d in answer.get("items") or []]
        self.items = {item.id: item for item in items}
        self.head = int(answer.get("head") or 0)
        self.loaded = True
        early, self._early = self._early, []
        self._apply_events(e for e in early if int(e["seq"]) > self.head)
        self.reset.emit()
        await self.load_settings()
        await self.load_rounds()

    async def load_settings(self) -> ScreeningSettings:
        answer = await self.transport.call("GET", "/forum/settings")
        self.settings = ScreeningSettings.from_json(answer if isinstance(answer, dict) else {})
        return self.settings

    async def load_rounds(self, day: date | None = None) -> list[ScreeningRound]:
        params = {"date": day.isoformat()} if day is not None else None
        answer = await self.transport.call("GET", "/forum/rounds", params=params)
        self.rounds = [ScreeningRound.from_json(r) for r in answer.get("rounds") or []]
        self.rounds_changed.emit()
        return self.rounds

    def _reset_applied(self) -> None:
        # The log was too far behind for us: the list may have missed changes. Load again.
        if self.loaded and (self._loading is None or self._loading.done()):
            self._loading = asyncio.get_event_loop().create_task(self._reload())

    async def _reload(self) -> None:
        try:
            await self.load()
        except TransportError as exc:
            log.info("could not reload the screening queue: %s", exc)

    # ------------------------------------------------------------------ events
    def _events_applied(self, events: list[dict[str, Any]]) -> None:
        forum = [e for e in events if str(e.get("kind", "")).startswith("forum.")]
        if not forum:
            return
        if not self.loaded:
            self._early.extend(forum)
            return
        self._apply_events(e for e in forum if int(e["seq"]) > self.head)

    def _apply_events(self, events: Iterable[dict[str, Any]]) -> None:
        changed: list[ScreeningItem] = []
        rounds = False
        for event in events:
            kind = str(event["kind"])
            data = event.get("data")
            if not isinstance(data, dict):
                continue
            if kind == "forum.item":
                item = self._take(ScreeningItem.from_json(data))
                if item is not None:
                    changed.append(item)
            elif kind == "forum.round":
                self._take_round(ScreeningRound.from_json(data))
                rounds = True
            elif kind == "forum.alert":
                self.alert.emit(data)
        if changed:
            self.items_changed.emit(changed)
        if rounds:
            self.rounds_changed.emit()

    def _take(self, item: ScreeningItem) -> ScreeningItem | None:
        """Keep `item` unless we already hold a newer version; None when nothing changed."""
        known = self.items.get(item.id)
        if known is not None and known.version > item.version:
            return None
        if known == item:
            return None
        self.items[item.id] = item
        return item

    def _take_round(self, new: ScreeningRound) -> None:
        rounds = [r for r in self.rounds if r.id != new.id]
        if not self.rounds or any(r.date == new.date for r in self.rounds):
            rounds.append(new)
        self.rounds = sorted(rounds, key=lambda r: (r.date, r.start))

    def _apply_answer(self, data: object) -> ScreeningItem:
        if not isinstance(data, dict):
            raise ServerError(200, "answer is not an item")
        item = ScreeningItem.from_json(data)
        if self._take(item) is not None:
            self.items_changed.emit([item])
        return self.items.get(item.id, item)

    # ------------------------------------------------------------------ reading
    def queue(self, status: str = "pending") -> list[ScreeningItem]:
        """Items with `status`, oldest first."""
        chosen = [i for i in self.items.values() if i.status == status]
        chosen.sort(key=lambda i: (i.created_at, i.id))
        return chosen

    def item(self, item_id: int) -> ScreeningItem | None:
        return self.items.get(item_id)

    def can_undo(self) -> int | None:
        """The item of my last decision while it may still be undone, else None."""
        if self.last_decision is None:
            return None
        item_id, until = self.last_decision
        if until is not None and until <= self.now():
            return None
        return item_id

    # ------------------------------------------------------------------ acting
    async def _call(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        try:
            return await self.transport.call(method, path, json_body=body)
        except Conflict as exc:
            conflict = _conflict(exc)
            if conflict.item is not None and self._take(conflict.item) is not None:
                self.items_changed.emit([conflict.item])
            raise conflict from exc

    async def detail(self, item_id: int) -> tuple[ScreeningItem, TopicContext | None]:
        """The item with, for a reply, the topic it answers."""
        answer = await self._call("GET", f"/forum/items/{item_id}")
        item = self._apply_answer(answer)
        topic = answer.get("topic") if isinstance(answer, dict) else None
        if not isinstance(topic, dict):
            return item, None
        replies = [
            str(r.get("body") if isinstance(r, dict) else r) for r in topic.get("replies") or []
        ]
        context = TopicContext(
            id=int(topic.get("id") or 0),
            title=str(topic.get("title") or ""),
            body=str(topic.get("body") or ""),
            replies=replies,
        )
        return item, context

    async def claim(self, item_id: int) -> ScreeningItem:
        """Claim (or renew my claim on) an item; ScreeningConflict when someone else has it."""
        return self._apply_answer(await self._call("PUT", f"/forum/items/{item_id}/claim"))

    async def release(self, item_id: int) -> None:
        with contextlib.suppress(ScreeningConflict):
            await self._call("DELETE", f"/forum/items/{item_id}/claim")

    async def decide(
        self,
        item_id: int,
        decision: str,
        *,
        reason: str | None = None,
        remark: str | None = None,
        title: str | None = None,
        body: str | None = None,
        txn_id: str | None = None,
    ) -> ScreeningItem:
        """One decision, exactly once: the txn id is made here and reused on every retry."""
        txn_id = txn_id or uuid.uuid4().hex
        payload: dict[str, Any] = {"decision": decision}
        for key, value in (("reason", reason), ("remark", remark), ("title", title)):
            if value is not None:
                payload[key] = value
        if body is not None:
            payload["body"] = body
        path = f"/forum/items/{item_id}/decision/{txn_id}"
        for attempt in range(DECISION_ATTEMPTS):
            try:
                answer = await self._call("PUT", path, payload)
                break
            except (Offline, ServerError):
                if attempt == DECISION_ATTEMPTS - 1:
                    raise
                await asyncio.sleep(self.retry_pause * (2**attempt))
        item = self._apply_answer(answer)
        undo_until = item.decision.undo_until if item.decision is not None else None
        self.last_decision = (item.id, undo_until)
        return item

    async def undo(self, item_id: int | None = None) -> ScreeningItem:
        """Undo my last decision (or the one on `item_id`): the item is pending again."""
        target = item_id if item_id is not None else self.can_undo()
        if target is None:
            raise ScreeningConflict("undo_expired", "nothing to undo", None)
        item = self._apply_answer(await self._call("POST", f"/forum/items/{target}/undo"))
        if self.last_decision is not None and self.last_decision[0] == target:
            self.last_decision = None
        return item

    async def open_round(self, round_id: int) -> ScreeningRound:
        return self._round_answer(await self._call("POST", f"/forum/rounds/{round_id}/open"))

    async def close_round(self, round_id: int) -> ScreeningRound:
        return self._round_answer(await self._call("POST", f"/forum/rounds/{round_id}/close"))

    def _round_answer(self, data: object) -> ScreeningRound:
        if not isinstance(data, dict):
            raise ServerError(200, "answer is not a round")
        found = ScreeningRound.from_json(data.get("round", data))
        self._take_round(found)
        self.rounds_changed.emit()
        return found

    async def stats(self, start: date, end: date) -> dict[str, Any]:
        answer = await self.transport.call(
            "GET", "/forum/stats", params={"from": start.isoformat(), "to": end.isoformat()}
        )
        return answer if isinstance(answer, dict) else {}
