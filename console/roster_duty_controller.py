"""Connects the roster duty service (replacement, attendance) to the roster page: adds the
"Replacements" tab for people who sit (with the trail for coordinators and supervisors)
and the "Attendance" tab for coordinators, supervisors and the project lead, and turns
every refusal into a sentence in the user's language."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from datetime import UTC, date, datetime, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject

from console.domain.hours import local_day
from console.domain.roles import Role
from console.services.errors import TransportError
from console.services.roster import RosterForbidden, RosterInvalid, RosterPeople, Shift
from console.services.roster_duty import ReplacementGone, ReplacementRequest, RosterDutyService
from console.services.session import User
from console.ui.errors import explain
from console.ui.roster.attendance import AttendanceView
from console.ui.roster.labels import day_text, problem_text
from console.ui.roster.page import RosterPage
from console.ui.roster.replacement import AskDialog, ReplacementView

Spawn = Callable[[Coroutine[Any, Any, Any], str], object]

SITTERS = frozenset({Role.TRAINEE, Role.HELPER, Role.SUPERVISOR})
OVERSEERS = frozenset({Role.ROSTER_COORDINATOR, Role.SUPERVISOR, Role.PROJECT_LEAD})
#: The trail shown: this many days back and ahead.
TRAIL_DAYS = 28


class RosterDutyController(QObject):
    def __init__(
        self,
        service: RosterDutyService,
        user: User,
        spawn: Spawn,
        page: RosterPage,
        directory: Callable[[], RosterPeople],
        today: date | None = None,
    ) -> None:
        super().__init__()
        self.service = service
        self.user = user
        self.spawn = spawn
        self.page = page
        self.directory = directory
        self.today = today or local_day(datetime.now(UTC))
        self.overseer = bool(user.roles & OVERSEERS)
        self.ask_dialog: AskDialog | None = None
        self.replacements: ReplacementView | None = None
        self.attendance: AttendanceView | None = None
        if user.roles & SITTERS or self.overseer:
            self.replacements = ReplacementView(overseer=self.overseer)
            page.tabs.addTab(
                self.replacements,
                QCoreApplication.translate("RosterDutyController", "Replacements"),
            )
            self.replacements.take_requested.connect(self.take)
            self.replacements.withdraw_requested.connect(self.withdraw)
            self.replacements.refresh_requested.connect(self.refresh)
            service.changed.connect(self.refresh)
        if self.overseer:
            self.attendance = AttendanceView(self.today)
            page.tabs.addTab(
                self.attendance, QCoreApplication.translate("RosterDutyController", "Attendance")
            )
            self.attendance.report_requested.connect(self.report)
        if page.mine is not None:
            page.mine.replacement_requested.connect(self.ask)
        if self.replacements is not None:
            self.refresh()

    # ------------------------------------------------------------------ lists
    async def _load(self) -> None:
        view = self.replacements
        if view is None:
            return
        if self.overseer:
            start = self.today - timedelta(days=TRAIL_DAYS)
            found = await self.service.replacements(start, self.today + timedelta(days=TRAIL_DAYS))
        else:
            found = await self.service.replacements()
        view.set_requests(found.offers, found.mine, found.trail, self.directory())

    def refresh(self) -> None:
        async def load() -> None:
            try:
                await self._load()
            except TransportError as exc:
                if self.replacements is not None:
                    self.replacements.show_message(explain(exc), error=True)

        self.spawn(load(), "replacements")

    # ------------------------------------------------------------------ asking
    def ask(self, shift: Shift) -> None:
        text = QCoreApplication.translate("RosterDutyController", "{0}, block {1}").format(
            day_text(shift.day), shift.index + 1
        )
        dialog = AskDialog(text, parent=self.page)
        self.ask_dialog = dialog
        dialog.ask_requested.connect(lambda reason: self._ask(dialog, shift, reason))
        dialog.finished.connect(lambda _r: self._ask_closed(dialog))
        self.page._open(dialog)

    def _ask_closed(self, dialog: AskDialog) -> None:
        if self.ask_dialog is dialog:
            self.ask_dialog = None

    def _ask(self, dialog: AskDialog, shift: Shift, reason: str) -> None:
        async def ask() -> None:
            try:
                await self.service.ask(shift.day, shift.index, reason)
            except ReplacementGone:
                dialog.failed(
                    QCoreApplication.translate(
                        "RosterDutyController", "You already asked to be replaced in this shift."
                    )
                )
                return
            except RosterInvalid:
                dialog.failed(
                    QCoreApplication.translate(
                        "RosterDutyController",
                        "This shift has already started; ask before it starts.",
                    )
                )
                return
            except RosterForbidden:
                dialog.failed(
                    QCoreApplication.translate(
                        "RosterDutyController", "You do not sit in this shift (any more)."
                    )
                )
                return
            except TransportError as exc:
                dialog.failed(explain(exc))
                return
            dialog.accept()
            if self.page.mine is not None:
                self.page.mine.show_message(
                    QCoreApplication.translate(
                        "RosterDutyController",
                        "Your request is out. You stay on the roster until a colleague takes it.",
                    )
                )
            await self._load()

        self.spawn(ask(), "ask replacement")

    # ------------------------------------------------------------------ taking, withdrawing
    def take(self, request: ReplacementRequest) -> None:
        view = self.replacements

        async def take() -> None:
            if view is None:
                return
            try:
                await self.service.accept(request)
            except ReplacementGone as exc:
                if exc.reason == "taken":
                    name = exc.current.taken_by if exc.current is not None else ""
                    view.show_message(
                        QCoreApplication.translate(
                            "RosterDutyController",
                            "{0} took this shift first; the list is up to date again.",
                        ).format(
                            name
                            or QCoreApplication.translate("RosterDutyController", "A colleague")
                        ),
                        error=True,
                    )
                elif exc.reason == "withdrawn":
                    view.show_message(
                        QCoreApplication.translate(
                            "RosterDutyController", "This request was withdrawn meanwhile."
                        ),
                        error=True,
                    )
                else:
                    view.show_message(
                        QCoreApplication.translate(
                            "RosterDutyController", "This shift can no longer be taken."
                        ),
                        error=True,
                    )
                await self._load()
                return
            except RosterInvalid as exc:
                naming = self.directory().name_of_institution
                words = "; ".join(problem_text(p, naming) for p in exc.problems)
                view.show_message(
                    QCoreApplication.translate(
                        "RosterDutyController", "You cannot take this shift: {0}"
                    ).format(words),
                    error=True,
                )
                return
            except TransportError as exc:
                view.show_message(explain(exc), error=True)
                return
            view.show_message(
                QCoreApplication.translate(
                    "RosterDutyController", "You took the shift of {0} on {1}."
                ).format(request.requester, day_text(request.day))
            )
            await self._load()

        self.spawn(take(), "take replacement")

    def withdraw(self, request: ReplacementRequest) -> None:
        view = self.replacements

        async def withdraw() -> None:
            if view is None:
                return
            try:
                await self.service.withdraw(request)
            except ReplacementGone:
                view.show_message(
                    QCoreApplication.translate(
                        "RosterDutyController", "This request can no longer be withdrawn."
                    ),
                    error=True,
                )
                await self._load()
                return
            except TransportError as exc:
                view.show_message(explain(exc), error=True)
                return
            view.show_message(
                QCoreApplication.translate(
                    "RosterDutyController", "Your request is withdrawn; the shift is yours again."
                )
            )
            await self._load()

        self.spawn(withdraw(), "withdraw replacement")

    # ------------------------------------------------------------------ attendance
    def report(self, start: date, end: date) -> None:
        view = self.attendance

        async def report() -> None:
            if view is None:
                return
            try:
                found = await self.service.attendance(start, end)
            except TransportError as exc:
                view.show_message(explain(exc), error=True)
                return
            view.set_report(found, self.directory())

        self.spawn(report(), "attendance report")
