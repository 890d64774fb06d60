"""Connects the roster service to the roster page (services know no widgets, widgets know
no HTTP): the page's requests go to the service, the service's news to the page, and
every refusal becomes a sentence in the user's language."""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject

from console.domain.hours import local_day
from console.domain.roles import Role
from console.roster_duty_controller import RosterDutyController
from console.services.errors import TransportError
from console.services.roster import (
    RosterConflict,
    RosterForbidden,
    RosterInvalid,
    RosterPeople,
    RosterService,
    RosterWeek,
)
from console.services.roster_commitments import (
    Commitment,
    Commitments,
    CommitmentsConflict,
    CommitmentsInvalid,
    CommitmentsService,
)
from console.services.roster_duty import RosterDutyService
from console.services.roster_reports import ImportRefused, RosterReportsService
from console.services.session import User
from console.ui.errors import explain
from console.ui.roster.fill_dialog import FillDialog
from console.ui.roster.page import RosterPage
from console.ui.roster.proposal import ProposalDialog

Spawn = Callable[[Coroutine[Any, Any, Any], str], object]

SEAT_ROLES = frozenset({Role.TRAINEE, Role.HELPER, Role.SUPERVISOR})
#: How far ahead unfilled blocks are announced on the roster page.
ALERT_DAYS = 7
log = logging.getLogger(__name__)
#: Who reads the fairness report (figures per institution, nothing personal).
FAIRNESS_ROLES = frozenset({Role.ROSTER_COORDINATOR, Role.PROJECT_LEAD, Role.SUPERVISOR})


class RosterController(QObject):
    def __init__(
        self,
        service: RosterService,
        user: User,
        spawn: Spawn,
        page: RosterPage | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__()
        self.service = service
        self.user = user
        self.spawn = spawn
        self.coordinator = Role.ROSTER_COORDINATOR in user.roles
        self.page = page or RosterPage(
            today or local_day(datetime.now(UTC)),
            coordinator=self.coordinator,
            show_mine=bool(user.roles & (SEAT_ROLES | {Role.ROSTER_COORDINATOR})),
            show_fairness=bool(user.roles & FAIRNESS_ROLES),
        )
        self.loading = 0
        self._alerts_busy = False
        self._alerts_again = False
        self.fill_dialog: FillDialog | None = None
        self.proposal_dialog: ProposalDialog | None = None

        service.week_changed.connect(self._week_changed)
        service.stale.connect(self.reload)
        grid = self.page.grid
        grid.week_requested.connect(lambda _monday: self.reload())
        grid.block_opened.connect(self.open_block)
        grid.institution_chosen.connect(self.choose_institution)
        grid.pin_chosen.connect(self.pin)
        grid.forum_chosen.connect(self.forum)
        self.page.propose_requested.connect(self.propose)
        self.page.publish_requested.connect(self.publish)
        self.page.ics_path_chosen.connect(lambda path: self.download(Path(path)))
        mine = self.page.mine
        if mine is not None:
            mine.unavailability.save_requested.connect(self.save_unavailable)
            mine.refresh_requested.connect(self.refresh_mine)
            mine.feed_requested.connect(self.create_feed)
            mine.revoke_requested.connect(self.revoke_feed)
        spawn(self._start(), "load roster")
        self.duty = RosterDutyController(
            RosterDutyService(service.sync, service.transport),
            user,
            spawn,
            self.page,
            lambda: self.directory,
            today,
        )
        self.reports = RosterReportsService(service.transport)
        self.page.month_view.month_requested.connect(lambda _s, _e: self.load_month())
        service.stale.connect(self.load_month)
        if self.page.fairness is not None:
            self.page.fairness.period_requested.connect(lambda _s, _e: self.load_fairness())
        self.page.export_path_chosen.connect(lambda path: self.export_xlsx(Path(path)))
        self.page.import_path_chosen.connect(lambda path: self.import_xlsx(Path(path)))
        self.load_month()
        self.load_fairness()
        service.week_changed.connect(lambda _week: self.load_alerts())
        service.stale.connect(self.load_alerts)
        self.load_alerts()
        self.commitments = CommitmentsService(service.transport)
        if self.page.commitments is not None:
            self.page.commitments.period_requested.connect(self.commitments_call)
            self.page.commitments.save_requested.connect(
                lambda read, rows: self.commitments_call(read.start, read.end, read, rows)
            )
            self.commitments_call(*self.page.commitments.period())

    def commitments_call(
        self,
        start: date,
        end: date,
        against: Commitments | None = None,
        rows: list[Commitment] | None = None,
    ) -> None:
        """Load the commitments of a month, or save `rows` against what was read."""
        view = self.page.commitments
        if view is None:
            return

        async def call() -> None:
            try:
                if against is None or rows is None:
                    view.set_page(await self.commitments.load_page(start, end))
                    return
                saved = await self.commitments.save(against, rows)
            except CommitmentsConflict as conflict:
                view.show_conflict(conflict.current)
                return
            except CommitmentsInvalid as invalid:
                view.show_errors(invalid)
                return
            except TransportError as exc:
                view.failed(explain(exc))
                return
            view.saved(saved)
            self.load_fairness()

        self.spawn(call(), "roster commitments")

    # ------------------------------------------------------------------ helpers
    @property
    def directory(self) -> RosterPeople:
        return self.service.directory or RosterPeople({}, {})

    def may_fill(self, institution_id: str | None) -> bool:
        if institution_id is None or institution_id != str(self.user.institution_id):
            return False
        return bool(self.user.roles & (SEAT_ROLES | {Role.ROSTER_COORDINATOR}))

    def _guard(self, coro: Coroutine[Any, Any, Any], name: str) -> None:
        async def guarded() -> None:
            try:
                await coro
            except RosterForbidden:
                self.page.show_message(
                    QCoreApplication.translate("RosterController", "You may not change this."),
                    error=True,
                )
            except RosterConflict:
                self.page.show_message(
                    QCoreApplication.translate(
                        "RosterController",
                        "Someone else changed this first; the roster now shows their change.",
                    ),
                    error=True,
                )
                self.reload()
            except RosterInvalid as exc:
                self.page.show_problems(
                    exc.problems,
                    QCoreApplication.translate("RosterController", "This cannot be done:"),
                )
                self.page.show_message(
                    QCoreApplication.translate(
                        "RosterController", "The server refused the change."
                    ),
                    error=True,
                )
            except TransportError as exc:
                self.page.show_message(explain(exc), error=True)

        self.spawn(guarded(), name)

    # ------------------------------------------------------------------ loading
    async def _start(self) -> None:
        self.loading += 1
        try:
            self.page.set_directory(await self.service.people())
            await self._load_week()
            if self.page.mine is not None:
                await self._load_mine()
        except TransportError as exc:
            self.page.show_message(explain(exc), error=True)
        finally:
            self.loading -= 1

    async def _load_week(self) -> None:
        start, end = self.page.grid.period()
        await self.service.load(start, end)

    def reload(self) -> None:
        async def load() -> None:
            self.loading += 1
            try:
                await self._load_week()
            except TransportError as exc:
                self.page.show_message(explain(exc), error=True)
            finally:
                self.loading -= 1

        self.spawn(load(), "load roster week")

    def load_alerts(self) -> None:
        """Blocks in the coming days still without an institution or names (a banner).

        Every roster change asks for this, and an accepted proposal brings dozens of block
        events at once: while one read is under way, further asks become one more read
        after it, not one read each."""
        if self._alerts_busy:
            self._alerts_again = True
            return
        self._alerts_busy = True

        async def load() -> None:
            try:
                while True:
                    self._alerts_again = False
                    try:
                        unfilled = await self.service.alerts(days=ALERT_DAYS)
                    except TransportError as exc:
                        log.info("could not read the roster alerts: %s", exc)
                    else:
                        self.page.set_alerts(unfilled, ALERT_DAYS)
                    if not self._alerts_again:
                        return
            finally:
                self._alerts_busy = False

        self.spawn(load(), "load roster alerts")

    def _week_changed(self, week: RosterWeek) -> None:
        if (week.start, week.end) == self.page.grid.period():
            self.page.set_week(week)

    # ------------------------------------------------------------------ filling
    def open_block(self, day: date, index: int) -> None:
        week = self.service.week
        block = week.block(day, index) if week is not None else None
        roster_day = week.day(day) if week is not None else None
        if block is None or roster_day is None:
            return
        if block.institution_id is None:
            self.page.show_message(
                QCoreApplication.translate("RosterController", "No institution has this block yet.")
                + (
                    " "
                    + QCoreApplication.translate("RosterController", "Right-click to choose one.")
                    if self.coordinator
                    else ""
                ),
            )
            return
        dialog = self.page.open_fill(block, roster_day, self.may_fill(block.institution_id))
        self.fill_dialog = dialog
        dialog.save_requested.connect(
            lambda people, version: self._fill(dialog, day, index, people, version)
        )
        dialog.finished.connect(lambda _r: self._fill_closed(dialog))

    def _fill_closed(self, dialog: FillDialog) -> None:
        if self.fill_dialog is dialog:
            self.fill_dialog = None

    def _fill(
        self, dialog: FillDialog, day: date, index: int, people: list[str], version: int
    ) -> None:
        async def fill() -> None:
            try:
                block = await self.service.fill(day, index, people, version)
            except RosterConflict as exc:
                if exc.block is not None:
                    dialog.show_conflict(exc.block)
                else:
                    dialog.failed(
                        QCoreApplication.translate(
                            "RosterController", "Someone else changed this block first."
                        )
                    )
                return
            except RosterInvalid as exc:
                dialog.show_problems(exc.problems)
                return
            except RosterForbidden:
                dialog.failed(
                    QCoreApplication.translate(
                        "RosterController", "You may not fill the names of this block."
                    )
                )
                return
            except TransportError as exc:
                dialog.failed(explain(exc))
                return
            dialog.saved(block)
            self.page.show_message(
                QCoreApplication.translate("RosterController", "The names are saved.")
            )

        self.spawn(fill(), "fill block")

    # ------------------------------------------------------------------ coordinating
    def choose_institution(self, day: date, index: int, institution_id: str | None) -> None:
        week = self.service.week
        block = week.block(day, index) if week is not None else None
        if block is None:
            return
        pinned = block.pinned and institution_id is not None
        self._guard(
            self.service.set_block(day, index, institution_id, pinned, block.version),
            "set block institution",
        )

    def pin(self, day: date, index: int, pinned: bool) -> None:
        week = self.service.week
        block = week.block(day, index) if week is not None else None
        if block is None:
            return
        self._guard(
            self.service.set_block(day, index, block.institution_id, pinned, block.version),
            "pin block",
        )

    def forum(self, day: date, institution_id: str | None) -> None:
        week = self.service.week
        found = week.day(day) if week is not None else None
        if found is None:
            return
        self._guard(self.service.set_forum(day, institution_id, found.forum.version), "forum duty")

    def propose(self, start: date, end: date) -> None:
        async def propose() -> None:
            self.page.set_busy(True)
            self.page.show_message(
                QCoreApplication.translate(
                    "RosterController", "Making a proposal; this can take up to half a minute\u2026"
                )
            )
            try:
                proposal = await self.service.propose(start, end)
            except RosterInvalid as exc:
                self.page.show_problems(
                    exc.problems,
                    QCoreApplication.translate("RosterController", "No roster is possible:"),
                )
                self.page.show_message(
                    QCoreApplication.translate(
                        "RosterController", "The proposal could not be made."
                    ),
                    error=True,
                )
                return
            except TransportError as exc:
                self.page.show_message(explain(exc), error=True)
                return
            finally:
                self.page.set_busy(False)
            self.page.show_message("")
            dialog = self.page.open_proposal(proposal)
            self.proposal_dialog = dialog
            dialog.accept_requested.connect(lambda pid: self._decide(dialog, pid, True))
            dialog.reject_requested.connect(lambda pid: self._decide(dialog, pid, False))
            dialog.finished.connect(lambda _r: self._proposal_closed(dialog))

        self.spawn(propose(), "roster proposal")

    def _proposal_closed(self, dialog: ProposalDialog) -> None:
        if self.proposal_dialog is dialog:
            self.proposal_dialog = None

    def _decide(self, dialog: ProposalDialog, proposal_id: str, accept: bool) -> None:
        async def decide() -> None:
            try:
                if accept:
                    changed = await self.service.accept(proposal_id)
                else:
                    await self.service.reject(proposal_id)
            except RosterConflict:
                dialog.failed(
                    QCoreApplication.translate(
                        "RosterController",
                        "The draft changed after the proposal was made; make a new proposal.",
                    )
                )
                return
            except TransportError as exc:
                dialog.failed(explain(exc))
                return
            dialog.accept()
            if accept:
                self.page.show_message(
                    QCoreApplication.translate(
                        "RosterController", "Proposal accepted: %n change(s).", "", changed
                    )
                )
                await self._load_week()
            else:
                self.page.show_message(
                    QCoreApplication.translate(
                        "RosterController", "Proposal rejected; nothing changed."
                    )
                )

        self.spawn(decide(), "accept proposal" if accept else "reject proposal")

    def publish(self, start: date, end: date) -> None:
        async def publish() -> None:
            self.page.set_busy(True)
            try:
                done = await self.service.publish(start, end)
            except RosterInvalid as exc:
                self.page.show_problems(
                    exc.problems,
                    QCoreApplication.translate("RosterController", "Not yet complete:"),
                )
                self.page.show_message(
                    QCoreApplication.translate("RosterController", "The roster was not published."),
                    error=True,
                )
                return
            except TransportError as exc:
                self.page.show_message(explain(exc), error=True)
                return
            finally:
                self.page.set_busy(False)
            self.page.show_message(
                QCoreApplication.translate(
                    "RosterController", "Published: %n block(s).", "", done.blocks
                )
            )
            await self._load_week()

        self.spawn(publish(), "publish roster")

    # ------------------------------------------------------------------ my shifts
    async def _load_mine(self) -> None:
        mine = self.page.mine
        if mine is None:
            return
        today = local_day(datetime.now(UTC))
        shifts = await self.service.mine(today, today + timedelta(days=60))
        mine.set_shifts(shifts, self.directory)
        mine.unavailability.set_unavailable(await self.service.unavailable())

    def save_unavailable(self, weekdays: list[int], dates: list[date]) -> None:
        mine = self.page.mine
        if mine is None:
            return
        box = mine.unavailability

        async def save() -> None:
            try:
                saved = await self.service.set_unavailable(weekdays, dates)
            except RosterInvalid:
                box.show_message(
                    QCoreApplication.translate(
                        "RosterController",
                        "Only dates from today up to two years ahead can be marked.",
                    ),
                    error=True,
                )
                return
            except TransportError as exc:
                box.show_message(explain(exc), error=True)
                return
            box.set_unavailable(saved, saved=True)

        self.spawn(save(), "save unavailability")

    def refresh_mine(self) -> None:
        async def load() -> None:
            try:
                await self._load_mine()
            except TransportError as exc:
                if self.page.mine is not None:
                    self.page.mine.show_message(explain(exc), error=True)

        self.spawn(load(), "my shifts")

    def create_feed(self) -> None:
        async def create() -> None:
            mine = self.page.mine
            try:
                url = await self.service.feed_url()
            except TransportError as exc:
                if mine is not None:
                    mine.show_message(explain(exc), error=True)
                return
            if mine is not None:
                mine.show_feed(url)

        self.spawn(create(), "calendar feed")

    def revoke_feed(self) -> None:
        async def revoke() -> None:
            mine = self.page.mine
            try:
                await self.service.revoke_feed()
            except TransportError as exc:
                if mine is not None:
                    mine.show_message(explain(exc), error=True)
                return
            if mine is not None:
                mine.feed_revoked()

        self.spawn(revoke(), "revoke calendar feed")

    def download(self, path: Path) -> None:
        async def download() -> None:
            mine = self.page.mine
            try:
                await self.service.download_ics(path)
            except (TransportError, OSError) as exc:
                if mine is not None:
                    mine.show_message(explain(exc), error=True)
                return
            if mine is not None:
                mine.show_message(
                    QCoreApplication.translate("RosterController", "Saved to {0}.").format(
                        str(path)
                    )
                )

        self.spawn(download(), "download calendar")

    # ------------------------------------------------------------------ month, fairness, XLSX
    def load_month(self) -> None:
        async def load() -> None:
            view = self.page.month_view
            try:
                month = await self.reports.month(*view.period())
            except TransportError as exc:
                view.show_message(explain(exc), error=True)
                return
            view.set_month(month)

        self.spawn(load(), "roster month")

    def load_fairness(self) -> None:
        view = self.page.fairness
        if view is None:
            return

        async def load() -> None:
            try:
                report = await self.reports.fairness(*view.period())
            except TransportError as exc:
                view.show_message(explain(exc), error=True)
                return
            view.set_report(report)

        self.spawn(load(), "roster fairness")

    def export_xlsx(self, path: Path) -> None:
        start, end = self.page.month()

        async def export() -> None:
            try:
                await self.reports.export_xlsx(start, end, path)
            except (TransportError, OSError) as exc:
                self.page.show_message(explain(exc), error=True)
                return
            self.page.show_message(
                QCoreApplication.translate("RosterController", "Saved to {0}.").format(str(path))
            )

        self.spawn(export(), "export roster")

    def import_xlsx(self, path: Path) -> None:
        async def do_import() -> None:
            self.page.set_busy(True)
            try:
                done = await self.reports.import_xlsx(path)
            except ImportRefused as refused:
                self.page.show_message(
                    QCoreApplication.translate(
                        "RosterController", "The file was not imported; nothing was changed."
                    ),
                    error=True,
                )
                self.page.open_import_errors(refused.errors, refused.more)
                return
            except (TransportError, OSError) as exc:
                self.page.show_message(explain(exc), error=True)
                return
            finally:
                self.page.set_busy(False)
            self.page.show_message(
                QCoreApplication.translate(
                    "RosterController", "Imported: %n block(s) changed.", "", done.blocks
                )
            )
            await self._load_week()
            self.load_month()
            self.load_fairness()

        self.spawn(do_import(), "import roster")
