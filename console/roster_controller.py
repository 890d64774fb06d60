"""Connects the roster service to the roster page (services know no widgets, widgets know
no HTTP): the page's requests go to the service, the service's news to the page, and
every refusal becomes a sentence in the user's language."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject

from console.domain.roles import Role
from console.services.errors import TransportError
from console.services.roster import (
    RosterConflict,
    RosterForbidden,
    RosterInvalid,
    RosterPeople,
    RosterService,
    RosterWeek,
)
from console.services.session import User
from console.ui.errors import explain
from console.ui.roster.fill_dialog import FillDialog
from console.ui.roster.page import RosterPage
from console.ui.roster.proposal import ProposalDialog

Spawn = Callable[[Coroutine[Any, Any, Any], str], object]

SEAT_ROLES = frozenset({Role.TRAINEE, Role.HELPER, Role.SUPERVISOR})


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
            today or datetime.now().date(),
            coordinator=self.coordinator,
            show_mine=bool(user.roles & (SEAT_ROLES | {Role.ROSTER_COORDINATOR})),
        )
        self.loading = 0
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
            mine.refresh_requested.connect(self.refresh_mine)
            mine.feed_requested.connect(self.create_feed)
            mine.revoke_requested.connect(self.revoke_feed)
        spawn(self._start(), "load roster")

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
        today = datetime.now().date()
        shifts = await self.service.mine(today, today + timedelta(days=60))
        mine.set_shifts(shifts, self.directory)

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
