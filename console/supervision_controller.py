"""Connects the supervision service to the supervision page (services know no widgets,
widgets know no HTTP): the page's requests go to the service, the service's news to the
page, and every refusal becomes a sentence in the user's language."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Coroutine
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject

from console.services.errors import (
    ApiError,
    Conflict,
    Forbidden,
    Invalid,
    NotFound,
    TransportError,
)
from console.services.session import User
from console.services.supervision import (
    ActionItem,
    Note,
    NotReady,
    Quote,
    SupervisionService,
    TraineeRecord,
    TrainingRecord,
)
from console.ui.errors import explain
from console.ui.supervision.note_editor import NoteEditor
from console.ui.supervision.page import SupervisionPage
from console.ui.supervision.review_form import ObservationDialog
from console.ui.supervision.signoff import RevokeDialog, SignOffDialog
from console.ui.supervision.training import TrainingDialog

Spawn = Callable[[Coroutine[Any, Any, Any], str], object]


class SupervisionController(QObject):
    def __init__(
        self,
        service: SupervisionService,
        user: User,
        spawn: Spawn,
        page: SupervisionPage | None = None,
    ) -> None:
        super().__init__()
        self.service = service
        self.user = user
        self.spawn = spawn
        self.page = page or SupervisionPage(user)
        self.record: TraineeRecord | None = None
        self.notes: dict[int, list[Note]] = {}
        self._queued: set[str] = set()
        self.loading = 0

        service.record_changed.connect(self._record_changed)
        service.meeting_changed.connect(self._meeting_changed)
        service.stale.connect(self.reload)
        service.queue_changed.connect(self._queue_changed)
        service.note_refused.connect(self._note_refused)
        page_ = self.page
        page_.trainee_chosen.connect(self.load_record)
        if page_.progress is not None:
            page_.progress.signoff_requested.connect(self.open_signoff)
            page_.progress.revoke_requested.connect(self.open_revoke)
            page_.progress.observe_requested.connect(self.open_observation)
            page_.progress.training_requested.connect(self.open_training)
        if page_.reviews is not None:
            page_.reviews.save_requested.connect(self.save_review)
            page_.reviews.release_requested.connect(self.release_review)
            page_.reviews.refresh_requested.connect(self.load_reviews)
        if page_.intervision is not None:
            iv = page_.intervision
            iv.meeting_chosen.connect(self.load_notes)
            iv.write_requested.connect(self.open_note)
            iv.reads_requested.connect(self.show_reads)
            iv.discard_requested.connect(self.discard)
            iv.refresh_requested.connect(self.load_meetings)
        self.reload()

    # ------------------------------------------------------------------ helpers
    def _run(self, coro: Coroutine[Any, Any, Any], name: str) -> None:
        async def guarded() -> None:
            self.loading += 1
            try:
                await coro
            except TransportError as exc:
                self.page.show_message(explain(exc), error=True)
            finally:
                self.loading -= 1

        self.spawn(guarded(), name)

    def reload(self) -> None:
        async def everything() -> None:
            page = self.page
            if page.progress is not None:
                # Names only make "signed off by" friendlier: no names is no error.
                with contextlib.suppress(TransportError):
                    page.progress.set_names(await self.service.colleagues())
            if page.is_trainee:
                await self._load_record(self.user.id)
            elif page.is_supervisor:
                await self._load_trainees()
            if page.reviews is not None:
                await self._load_reviews()
            if page.intervision is not None:
                await self._load_meetings()
            if page.overview is not None:
                page.overview.set_rows(await self.service.overview())

        self._run(everything(), "load supervision")

    # ------------------------------------------------------------------ trainees
    async def _load_trainees(self) -> None:
        _rule, trainees = await self.service.trainees()
        self.page.set_trainees(trainees)
        if self.page.current_trainee() is None and trainees:
            self.page.select_trainee(trainees[0].id)

    async def _load_record(self, trainee_id: int) -> None:
        record = await self.service.record(trainee_id)
        if self.page.is_trainee or self.page.current_trainee() == trainee_id:
            self.record = record
            if self.page.progress is not None:
                self.page.progress.set_record(record)

    def load_record(self, trainee_id: int) -> None:
        self._run(self._load_record(trainee_id), "load trainee record")

    def _record_changed(self, trainee_id: int) -> None:
        async def load() -> None:
            if self.page.is_supervisor and not self.page.is_trainee:
                await self._load_trainees()
            shown = self.user.id if self.page.is_trainee else self.page.current_trainee()
            if shown == trainee_id:
                await self._load_record(trainee_id)

        self._run(load(), "reload trainee")

    # ------------------------------------------------------------------ sign-off
    def open_signoff(self, trainee_id: int) -> None:
        record = self.record
        if record is None or record.id != trainee_id:
            return
        dialog = SignOffDialog(record, self.page)
        dialog.confirmed.connect(
            lambda remark, day: self._sign_off(dialog, trainee_id, remark, day)
        )
        self.page.open_dialog(dialog)

    def _sign_off(
        self, dialog: SignOffDialog, trainee_id: int, remark: str, day: date | None
    ) -> None:
        async def sign() -> None:
            try:
                await self.service.sign_off(trainee_id, remark, day)
            except NotReady as exc:
                dialog.not_ready(exc.criteria)
                return
            except Conflict:
                dialog.failed(
                    QCoreApplication.translate(
                        "SupervisionController", "This trainee is already signed off."
                    )
                )
                return
            except Forbidden as exc:
                dialog.failed(self._refusal(exc))
                return
            except TransportError as exc:
                dialog.failed(explain(exc))
                return
            dialog.accept()
            self.page.show_message(
                QCoreApplication.translate(
                    "SupervisionController", "Signed off: {0} may now chat without backup."
                ).format(dialog.record.summary.display_name)
            )
            await self._load_trainees()
            await self._load_record(trainee_id)

        self.spawn(sign(), "sign off")

    def open_revoke(self, trainee_id: int) -> None:
        record = self.record
        if record is None or record.id != trainee_id:
            return
        dialog = RevokeDialog(record, self.page)
        dialog.confirmed.connect(lambda reason: self._revoke(dialog, trainee_id, reason))
        self.page.open_dialog(dialog)

    def _revoke(self, dialog: RevokeDialog, trainee_id: int, reason: str) -> None:
        async def revoke() -> None:
            try:
                await self.service.revoke(trainee_id, reason)
            except Conflict:
                dialog.failed(
                    QCoreApplication.translate(
                        "SupervisionController", "This trainee is not signed off (any more)."
                    )
                )
                return
            except Forbidden as exc:
                dialog.failed(self._refusal(exc))
                return
            except TransportError as exc:
                dialog.failed(explain(exc))
                return
            dialog.accept()
            self.page.show_message(
                QCoreApplication.translate(
                    "SupervisionController", "The sign-off is revoked: chats with backup again."
                )
            )
            await self._load_trainees()
            await self._load_record(trainee_id)

        self.spawn(revoke(), "revoke sign-off")

    def _refusal(self, exc: Forbidden) -> str:
        if "may not supervise" in exc.message:
            return QCoreApplication.translate(
                "SupervisionController",
                "You may not supervise yet (you were promoted from trainee); "
                "an admin can lift this.",
            )
        return QCoreApplication.translate(
            "SupervisionController",
            "Only a supervisor of the trainee's own institution may do this.",
        )

    # ------------------------------------------------------------------ observations
    def open_observation(self, trainee_id: int) -> None:
        record = self.record
        if record is None or record.id != trainee_id:
            return
        dialog = ObservationDialog(record.summary.display_name, self.page)
        dialog.confirmed.connect(
            lambda ref, level, strengths, points: self._observe(
                dialog, trainee_id, ref, level, strengths, points
            )
        )
        self.page.open_dialog(dialog)

    def _observe(
        self,
        dialog: ObservationDialog,
        trainee_id: int,
        ref: str,
        level: int,
        strengths: str,
        points: str,
    ) -> None:
        async def observe() -> None:
            try:
                await self.service.observe(trainee_id, ref, level, strengths, points)
            except Forbidden as exc:
                dialog.failed(self._refusal(exc))
                return
            except TransportError as exc:
                dialog.failed(explain(exc))
                return
            dialog.accept()
            self.page.show_message(
                QCoreApplication.translate("SupervisionController", "The observation is saved.")
            )
            await self._load_record(trainee_id)

        self.spawn(observe(), "observation")

    # ------------------------------------------------------------------ training
    def open_training(self, trainee_id: int) -> None:
        record = self.record
        if record is None or record.id != trainee_id:
            return
        dialog = TrainingDialog(
            record.summary.display_name, record.training, record.rule.role_plays, self.page
        )
        dialog.confirmed.connect(lambda training: self._save_training(dialog, trainee_id, training))
        self.page.open_dialog(dialog)

    def _save_training(
        self, dialog: TrainingDialog, trainee_id: int, training: TrainingRecord
    ) -> None:
        async def save() -> None:
            try:
                await self.service.save_training(trainee_id, training)
            except Conflict as exc:
                current = exc.current
                if current is None:
                    dialog.failed(explain(exc))
                    return
                dialog.conflict(TrainingRecord.from_json(current))
                return
            except Invalid as exc:
                fields = exc.body.get("fields")
                problems = [
                    (str(f.get("field", "")), str(f.get("message", "")))
                    for f in (fields if isinstance(fields, list) else [])
                    if isinstance(f, dict)
                ]
                if problems:
                    dialog.invalid(problems)
                else:
                    dialog.failed(explain(exc))
                return
            except Forbidden as exc:
                dialog.failed(self._refusal(exc))
                return
            except TransportError as exc:
                dialog.failed(explain(exc))
                return
            dialog.accept()
            self.page.show_message(
                QCoreApplication.translate("SupervisionController", "The training is saved.")
            )
            await self._load_trainees()
            await self._load_record(trainee_id)

        self.spawn(save(), "save training")

    # ------------------------------------------------------------------ reviews
    async def _load_reviews(self) -> None:
        if self.page.reviews is not None:
            self.page.reviews.set_reviews(await self.service.my_reviews())
            self.page.reviews.set_candidates(await self.service.review_candidates())

    def load_reviews(self) -> None:
        self._run(self._load_reviews(), "load reviews")

    def save_review(
        self, trainee_id: int, chat_ref: str, scores: dict[str, int], comment: str
    ) -> None:
        form = self.page.reviews
        if form is None:
            return

        async def save() -> None:
            try:
                review = await self.service.review(trainee_id, chat_ref, scores, comment)
            except Forbidden:
                form.show_message(
                    QCoreApplication.translate(
                        "SupervisionController",
                        "You cannot review this trainee: a review is written by a helper or "
                        "supervisor of another institution, never by the trainee's own "
                        "supervisors or colleagues.",
                    ),
                    error=True,
                )
                return
            except NotFound:
                form.show_message(
                    QCoreApplication.translate(
                        "SupervisionController", "There is no trainee with number {0}."
                    ).format(trainee_id),
                    error=True,
                )
                return
            except Conflict:
                form.show_message(
                    QCoreApplication.translate(
                        "SupervisionController", "You already reviewed this chat."
                    ),
                    error=True,
                )
                return
            except Invalid as exc:
                form.show_message(
                    QCoreApplication.translate(
                        "SupervisionController", "The server refused the review: {0}"
                    ).format(exc.message),
                    error=True,
                )
                return
            except TransportError as exc:
                form.show_message(explain(exc), error=True)
                return
            form.saved()
            await self._load_reviews()
            form.select_review(review.id)
            form.show_message(
                QCoreApplication.translate(
                    "SupervisionController",
                    "The review is saved. Release it when you want the trainee to see it.",
                )
            )

        self.spawn(save(), "save review")

    def release_review(self, review_id: int) -> None:
        form = self.page.reviews
        if form is None:
            return

        async def release() -> None:
            try:
                await self.service.release(review_id)
            except TransportError as exc:
                form.show_message(explain(exc), error=True)
                return
            await self._load_reviews()
            form.show_message(
                QCoreApplication.translate(
                    "SupervisionController",
                    "Released: the trainee can see the review, and it counts.",
                )
            )

        self.spawn(release(), "release review")

    # ------------------------------------------------------------------ intervision
    async def _load_meetings(self) -> None:
        iv = self.page.intervision
        if iv is None:
            return
        iv.set_meetings(await self.service.meetings())
        meeting = iv.current_meeting()
        if meeting is None and iv.meetings.meetings:
            iv.select_meeting(iv.meetings.meetings[0].id)

    def load_meetings(self) -> None:
        self._run(self._load_meetings(), "load meetings")

    async def _load_notes(self, meeting_id: int) -> None:
        self.notes[meeting_id] = await self.service.notes(meeting_id)
        self._show_notes(meeting_id)
        previous = await self.service.previous(meeting_id)
        if self.page.intervision is not None:
            self.page.intervision.set_previous(meeting_id, previous)

    def load_notes(self, meeting_id: int) -> None:
        self._show_notes(meeting_id)
        self._run(self._load_notes(meeting_id), "load notes")

    def _show_notes(self, meeting_id: int) -> None:
        iv = self.page.intervision
        if iv is None:
            return
        queued = self.service.queued_notes(meeting_id)
        self._queued = {q.txn_id for q in self.service.queued_notes()}
        iv.set_notes(meeting_id, self.notes.get(meeting_id, []), queued)

    def _meeting_changed(self, meeting_id: int) -> None:
        async def load() -> None:
            await self._load_meetings()
            iv = self.page.intervision
            current = iv.current_meeting() if iv is not None else None
            if current is not None and current.id == meeting_id:
                await self._load_notes(meeting_id)

        if self.page.intervision is not None:
            self._run(load(), "reload meeting")

    def _queue_changed(self) -> None:
        iv = self.page.intervision
        if iv is None:
            return
        before = self._queued
        now = {q.txn_id for q in self.service.queued_notes()}
        current = iv.current_meeting()
        if current is None:
            self._queued = now
            return
        if before - now:
            # A note left the outbox: stored on the server; show it from there.
            self._queued = now
            iv.show_message(
                QCoreApplication.translate(
                    "SupervisionController", "The case note is saved on the server."
                )
            )
            self._run(self._load_notes(current.id), "reload notes")
        else:
            self._show_notes(current.id)

    def open_note(self, meeting_id: int) -> None:
        iv = self.page.intervision
        meeting = iv.current_meeting() if iv is not None else None
        if meeting is None or meeting.id != meeting_id:
            return
        dialog = NoteEditor(meeting, self.page)
        dialog.save_requested.connect(
            lambda parts, items, quotes: self._queue_note(dialog, meeting_id, parts, items, quotes)
        )
        self.page.open_dialog(dialog)

    def _queue_note(
        self,
        dialog: NoteEditor,
        meeting_id: int,
        parts: dict[str, str],
        items: list[ActionItem],
        quotes: list[Quote],
    ) -> None:
        self.service.write_note(meeting_id, parts, items, quotes)
        dialog.accept()
        self._show_notes(meeting_id)
        if self.page.intervision is not None:
            self.page.intervision.show_message(
                QCoreApplication.translate(
                    "SupervisionController",
                    "The note is kept encrypted on this computer until the server has it; "
                    "it is sent as soon as there is a connection.",
                )
            )

    def _note_refused(self, meeting_id: int, exc: ApiError) -> None:
        iv = self.page.intervision
        if iv is not None:
            iv.show_message(
                QCoreApplication.translate(
                    "SupervisionController", "The server refused a case note: {0}"
                ).format(explain(exc)),
                error=True,
            )
            current = iv.current_meeting()
            if current is not None and current.id == meeting_id:
                self._show_notes(meeting_id)

    def show_reads(self, note_id: int) -> None:
        async def reads() -> None:
            iv = self.page.intervision
            if iv is not None:
                iv.show_reads(await self.service.note_reads(note_id))

        self._run(reads(), "note reads")

    def discard(self, txn_id: str) -> None:
        self.service.discard_note(txn_id)
