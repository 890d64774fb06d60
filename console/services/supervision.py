"""Supervision as the console sees it, without Qt: trainees' progress on the readiness
rule, sign-off, chat quality reviews, observations, and intervision meetings with their
case notes.

Records are read whole and parsed into small frozen dataclasses. A sign-off the rule does
not allow yet comes back as `NotReady` with the criteria, so the form can say which are
missing; other refusals stay the transport's typed errors (Forbidden, Invalid, Conflict).

Case notes go out through the encrypted outbox (`SyncService.enqueue`) with a client
transaction id (`PUT /supervision/meetings/{id}/notes/txn/{txn_id}`): written offline they
wait, sealed, until the connection is back, and the server stores each one once however
often it is sent. Until then `queued_notes` lists them. The masking of quoted fragments
happens before a note is queued (`console.domain.masking`, by the caller that shows the
author what was removed); the server masks again.

`supervision.record` events (a trainee's record changed) and `intervision.changed` events
(a meeting, its attendance or notes changed) become signals; the console reloads what it
shows. Payloads carry ids only.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Mapping
from datetime import date
from typing import Any

from console.services.errors import ApiError, Conflict, ServerError, TransportError
from console.services.signals import Signal
from console.services.store import OutboxItem
from console.services.supervision_records import (
    NOTE_FIELDS,
    ActionItem,
    CriterionState,
    FollowUp,
    InstitutionStages,
    Meeting,
    Note,
    NoteRead,
    Observation,
    Participant,
    PreviousMeeting,
    QueuedNote,
    Quote,
    ReviewCandidate,
    ReviewInfo,
    Rule,
    SignOff,
    TraineeRecord,
    TraineeSummary,
    TrainingRecord,
    _dict,
    _list,
    _time,
    parse_criteria,
)
from console.services.sync import SyncService
from console.services.transport import Transport

log = logging.getLogger(__name__)

__all__ = [
    "METHODS",
    "NOTE_FIELDS",
    "REQUIRED_FIELDS",
    "ActionItem",
    "CriterionState",
    "FollowUp",
    "InstitutionStages",
    "Meeting",
    "NotReady",
    "Note",
    "NoteRead",
    "Observation",
    "Participant",
    "PreviousMeeting",
    "QueuedNote",
    "Quote",
    "ReviewCandidate",
    "ReviewInfo",
    "Rule",
    "SignOff",
    "SupervisionService",
    "TraineeRecord",
    "TraineeSummary",
    "TrainingRecord",
    "meeting_of_path",
    "note_path",
    "parse_criteria",
]

API = "/supervision"
METHODS = ("incident", "ten_step", "balint", "free")
#: What each method asks to be written down (the server's rule, shown before sending).
REQUIRED_FIELDS: dict[str, tuple[str, ...]] = {
    "incident": ("case", "question", "questions_and_advice", "approach"),
    "ten_step": NOTE_FIELDS,
    "balint": ("case", "question"),
    "free": ("case",),
}


# --------------------------------------------------------------------------- errors
class NotReady(TransportError):
    """409 `not_ready`: the trainee does not meet the rule; `criteria` say which not."""

    def __init__(self, message: str, criteria: tuple[CriterionState, ...], unmet: list[str]):
        super().__init__(message or "not ready")
        self.message = message
        self.criteria = criteria
        self.unmet = unmet


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def note_path(meeting_id: int, txn_id: str) -> str:
    return f"{API}/meetings/{meeting_id}/notes/txn/{txn_id}"


def meeting_of_path(path: str) -> int | None:
    """The meeting a queued note belongs to, from its outbox path; None for other items."""
    prefix = f"{API}/meetings/"
    if not path.startswith(prefix) or "/notes/txn/" not in path:
        return None
    head = path[len(prefix) :].split("/", 1)[0]
    return int(head) if head.isdigit() else None


# --------------------------------------------------------------------------- service
class SupervisionService:
    """Collaborators come in through the constructor; news goes out through signals."""

    def __init__(self, sync: SyncService | None, transport: Transport) -> None:
        self.sync = sync
        self.transport = transport
        #: A trainee's record changed (trainee id): reload it and the list.
        self.record_changed: Signal[[int]] = Signal()
        #: A meeting, its attendance or its notes changed (meeting id).
        self.meeting_changed: Signal[[int]] = Signal()
        #: The event log was reset: reload everything shown.
        self.stale: Signal[[]] = Signal()
        #: The queued notes changed (one was queued, sent or refused).
        self.queue_changed: Signal[[]] = Signal()
        #: The server refused a queued note for good: (meeting id, the error).
        self.note_refused: Signal[[int, ApiError]] = Signal()
        if sync is not None:
            sync.events_applied.connect(self._events_applied)
            sync.reset_applied.connect(self.stale.emit)
            sync.outbox_changed.connect(self.queue_changed.emit)
            sync.rejected.connect(self._rejected)

    def close(self) -> None:
        if self.sync is not None:
            self.sync.events_applied.disconnect(self._events_applied)
            self.sync.reset_applied.disconnect(self.stale.emit)
            self.sync.outbox_changed.disconnect(self.queue_changed.emit)
            self.sync.rejected.disconnect(self._rejected)

    # ------------------------------------------------------------------ events
    def _events_applied(self, events: list[dict[str, Any]]) -> None:
        trainees: list[int] = []
        meetings: list[int] = []
        for event in events:
            kind = str(event.get("kind", ""))
            data = _dict(event.get("data"))
            try:
                if kind == "supervision.record" and "trainee_id" in data:
                    trainees.append(int(data["trainee_id"]))
                elif kind == "intervision.changed" and "meeting_id" in data:
                    meetings.append(int(data["meeting_id"]))
            except (TypeError, ValueError):
                log.info("ignoring a %s event that cannot be read: %r", kind, data)
        for trainee_id in dict.fromkeys(trainees):
            self.record_changed.emit(trainee_id)
        for meeting_id in dict.fromkeys(meetings):
            self.meeting_changed.emit(meeting_id)

    def _rejected(self, item: OutboxItem, exc: ApiError) -> None:
        meeting_id = meeting_of_path(item.path)
        if meeting_id is not None:
            self.note_refused.emit(meeting_id, exc)

    # ------------------------------------------------------------------ calls
    async def _call(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        answer = await self.transport.call(method, API + path, json_body=body)
        return answer

    async def _object(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        answer = await self._call(method, path, body)
        if not isinstance(answer, dict):
            raise ServerError(200, f"the answer to {path} is not an object")
        return answer

    # ------------------------------------------------------------------ readiness
    async def trainees(self) -> tuple[Rule, list[TraineeSummary]]:
        """The trainees of the supervisor's institution with their progress."""
        answer = await self._object("GET", "/trainees")
        return Rule.from_json(answer.get("rule")), [
            TraineeSummary.from_json(t) for t in _list(answer.get("trainees"))
        ]

    async def record(self, trainee_id: int) -> TraineeRecord:
        return TraineeRecord.from_json(await self._object("GET", f"/trainees/{trainee_id}"))

    async def sign_off(self, trainee_id: int, remark: str, review_date: date | None) -> SignOff:
        body = {
            "remark": remark.strip(),
            "review_date": None if review_date is None else review_date.isoformat(),
        }
        try:
            answer = await self._object("POST", f"/trainees/{trainee_id}/signoff", body)
        except Conflict as exc:
            if exc.code == "not_ready":
                unmet = exc.body.get("unmet")
                raise NotReady(
                    exc.message,
                    parse_criteria(exc.body.get("criteria")),
                    [str(u) for u in unmet] if isinstance(unmet, list) else [],
                ) from exc
            raise
        return SignOff.from_json(answer)

    async def revoke(self, trainee_id: int, reason: str) -> SignOff:
        answer = await self._object(
            "POST", f"/trainees/{trainee_id}/signoff/revoke", {"reason": reason.strip()}
        )
        return SignOff.from_json(answer)

    async def save_training(self, trainee_id: int, training: TrainingRecord) -> TrainingRecord:
        """Replace the trainee's training record, saved against `training.version` (the
        version as read). A stale version raises Conflict with `current` (the server's)."""
        refreshers = training.refreshers or {}
        body = {
            "national_date": _iso(training.national_date),
            "national_trainer": training.national_trainer.strip(),
            "kindertelefoon_date": _iso(training.kindertelefoon_date),
            "role_plays": training.role_plays,
            "binder_read": training.binder_read,
            "refreshers": {
                k.strip(): v.isoformat() for k, v in refreshers.items() if v is not None
            },
            "version": training.version,
        }
        answer = await self._object("PUT", f"/trainees/{trainee_id}/training", body)
        return TrainingRecord.from_json(answer)

    async def observe(
        self, trainee_id: int, chat_ref: str, level: int, strengths: str, points: str
    ) -> Observation:
        answer = await self._object(
            "POST",
            f"/trainees/{trainee_id}/observations",
            {
                "chat_ref": chat_ref.strip(),
                "level": level,
                "strengths": strengths.strip(),
                "points": points.strip(),
            },
        )
        return Observation.from_json(answer)

    async def overview(self) -> list[InstitutionStages]:
        """Per institution: how many trainees at which stage (no names)."""
        answer = await self._object("GET", "/overview")
        return [
            InstitutionStages(
                int(i["institution_id"]),
                str(i.get("name") or ""),
                int(i.get("trainees") or 0),
                {str(k): int(v) for k, v in _dict(i.get("stages")).items()},
            )
            for i in _list(answer.get("institutions"))
        ]

    async def colleagues(self) -> dict[int, str]:
        """Names of the people of one's own institution (who signed off, say), by id."""
        answer = await self.transport.call("GET", "/roster/people")
        people = _list(answer.get("people")) if isinstance(answer, dict) else []
        return {int(p["id"]): str(p.get("name") or p["id"]) for p in people if "id" in p}

    # ------------------------------------------------------------------ reviews
    async def review(
        self, trainee_id: int, chat_ref: str, scores: Mapping[str, int], comment: str
    ) -> ReviewInfo:
        answer = await self._object(
            "POST",
            f"/trainees/{trainee_id}/reviews",
            {"chat_ref": chat_ref.strip(), "scores": dict(scores), "comment": comment.strip()},
        )
        return ReviewInfo.from_json(answer)

    async def release(self, review_id: int) -> ReviewInfo:
        return ReviewInfo.from_json(await self._object("POST", f"/reviews/{review_id}/release"))

    async def review_candidates(self) -> list[ReviewCandidate]:
        """Active trainees of other institutions: whom one may review."""
        answer = await self._object("GET", "/review-candidates")
        return [ReviewCandidate.from_json(t) for t in _list(answer.get("trainees"))]

    async def my_reviews(self) -> list[ReviewInfo]:
        answer = await self._object("GET", "/reviews")
        return [ReviewInfo.from_json(r) for r in _list(answer.get("reviews"))]

    # ------------------------------------------------------------------ intervision
    async def meetings(self) -> list[Meeting]:
        answer = await self._object("GET", "/meetings")
        return [Meeting.from_json(m) for m in _list(answer.get("meetings"))]

    async def previous(self, meeting_id: int) -> PreviousMeeting | None:
        """The meeting before this one with its follow-ups and action items (each note
        shown is recorded as read on the server); None if none or not readable."""
        answer = await self.transport.call(
            "GET", f"{API}/meetings/{meeting_id}", params={"with_previous": "true"}
        )
        if not isinstance(answer, dict):
            raise ServerError(200, "the answer to a meeting is not an object")
        return PreviousMeeting.from_json(answer.get("previous"))

    async def notes(self, meeting_id: int) -> list[Note]:
        """The meeting's notes (each read is recorded on the server)."""
        answer = await self._object("GET", f"/meetings/{meeting_id}/notes")
        return [Note.from_json(n) for n in _list(answer.get("notes"))]

    async def note_reads(self, note_id: int) -> list[NoteRead]:
        answer = await self._object("GET", f"/notes/{note_id}/reads")
        return [
            NoteRead(int(r["user_id"]), str(r.get("display_name") or ""), _time(r.get("at")))
            for r in _list(answer.get("reads"))
        ]

    def write_note(
        self,
        meeting_id: int,
        parts: Mapping[str, str],
        action_items: list[ActionItem],
        quotes: list[Quote],
    ) -> str:
        """Queue a case note in the encrypted outbox; returns its transaction id. The
        quotes must already be masked and confirmed by the author."""
        if self.sync is None:
            raise RuntimeError("notes are sent through the outbox; this service has no sync")
        body = {
            **{name: str(parts.get(name, "")).strip() for name in NOTE_FIELDS},
            "action_items": [a.to_json() for a in action_items],
            "quotes": [{"chat_ref": q.chat_ref, "text": q.text} for q in quotes],
        }
        txn_id = uuid.uuid4().hex
        self.sync.enqueue(txn_id, "PUT", note_path(meeting_id, txn_id), body)
        return txn_id

    def queued_notes(self, meeting_id: int | None = None) -> list[QueuedNote]:
        """Notes written here that the server has not stored yet (oldest first)."""
        if self.sync is None:
            return []
        found = []
        for item in self.sync.store.outbox(state=None):
            owner = meeting_of_path(item.path)
            if owner is None or (meeting_id is not None and owner != meeting_id):
                continue
            parts = {name: str(item.body.get(name, "")) for name in NOTE_FIELDS}
            found.append(QueuedNote(item.txn_id, owner, parts, item.error))
        return found

    def discard_note(self, txn_id: str) -> None:
        """Drop a refused note from the outbox (the author decided not to send it)."""
        if self.sync is not None:
            self.sync.store.discard(txn_id)
            self.sync.outbox_changed.emit()
