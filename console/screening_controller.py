"""Connects the screening service to the screening view (services know no widgets, widgets
know no HTTP): service news goes to the page, the page's requests go to the service, and
every refusal becomes one Dutch sentence that says what happened and who."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Coroutine
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject

from console.domain.roles import Role
from console.services.errors import Forbidden, TransportError
from console.services.forum import ScreeningConflict, ScreeningItem, ScreeningService
from console.services.session import User
from console.ui.errors import explain
from console.ui.screening.labels import decision_label, explain_conflict
from console.ui.screening.page import ScreeningPage

Spawn = Callable[[Coroutine[Any, Any, Any], str], object]

#: Roles that screen posts; the coordinator watches rounds and statistics only.
SCREENER_ROLES = frozenset({Role.TRAINEE, Role.HELPER, Role.SUPERVISOR})
STATS_ROLES = frozenset({Role.ROSTER_COORDINATOR, Role.PROJECT_LEAD, Role.SUPERVISOR})


class ScreeningController(QObject):
    def __init__(
        self,
        service: ScreeningService,
        user: User,
        spawn: Spawn,
        page: ScreeningPage | None = None,
    ) -> None:
        super().__init__()
        self.service = service
        self.spawn = spawn
        self.user = user
        self.page = page or ScreeningPage(
            user.id,
            user.institution_id,
            may_screen=bool(user.roles & SCREENER_ROLES),
            show_stats=bool(user.roles & STATS_ROLES),
            now=service.now,
        )
        service.reset.connect(self._reset)
        service.items_changed.connect(self._items_changed)
        service.rounds_changed.connect(self._rounds_changed)
        service.alert.connect(self._alert)

        page_ = self.page
        page_.item_opened.connect(self._opened)
        page_.claim_requested.connect(self._claim)
        page_.release_requested.connect(
            lambda item_id: self.spawn(self._quietly(service.release(item_id)), "release claim")
        )
        page_.decision_requested.connect(self._decide)
        page_.undo_requested.connect(self._undo)
        page_.open_round_requested.connect(lambda rid: self._round(rid, opening=True))
        page_.close_round_requested.connect(lambda rid: self._round(rid, opening=False))
        page_.stats_requested.connect(self._stats)
        self.loading = True
        spawn(self._load(), "load screening queue")

    # ------------------------------------------------------------------ service -> page
    async def _load(self) -> None:
        try:
            await self.service.load()
        except TransportError as exc:
            self.page.show_message(explain(exc), error=True)
        finally:
            self.loading = False
        if self.service.settings is not None:
            self.page.set_settings(self.service.settings)
        if self.page.stats is not None:
            self.page.stats.request()

    def _reset(self) -> None:
        if self.service.settings is not None:
            self.page.set_settings(self.service.settings)
        self.page.set_items(self.service.items.values())

    def _items_changed(self, items: list[ScreeningItem]) -> None:
        self.page.update_items(items)

    def _rounds_changed(self) -> None:
        self.page.set_rounds(self.service.rounds)

    def _alert(self, data: dict[str, Any]) -> None:
        found = data.get("round") or {}
        window = found.get("window") or {}
        self.page.show_message(
            QCoreApplication.translate(
                "ScreeningController", "Round {0}\u2013{1} ({2}) passed without screening."
            ).format(
                window.get("start", ""), window.get("end", ""), found.get("institution_name", "")
            ),
            error=True,
        )

    # ------------------------------------------------------------------ page -> service
    async def _quietly(self, coro: Coroutine[Any, Any, Any]) -> None:
        # A claim that could not be released lapses by itself after five idle minutes.
        with contextlib.suppress(TransportError):
            await coro

    def _opened(self, item_id: int) -> None:
        item = self.service.item(item_id)
        if item is None or item.kind != "reply":
            return

        async def fetch() -> None:
            try:
                _item, context = await self.service.detail(item_id)
            except TransportError:
                return
            self.page.set_context(item_id, context)

        self.spawn(fetch(), "topic context")

    def _claim(self, item_id: int) -> None:
        async def claim() -> None:
            try:
                await self.service.claim(item_id)
            except ScreeningConflict as exc:
                if self.page.current_id() == item_id:
                    self.page.show_message(explain_conflict(exc), error=True)
            except Forbidden:
                self.page.show_message(
                    QCoreApplication.translate(
                        "ScreeningController",
                        "Your institution is not on forum duty now: you can read along, "
                        "but not screen.",
                    )
                )
            except TransportError as exc:
                self.page.show_message(explain(exc), error=True)

        self.spawn(claim(), "claim")

    def _decide(self, item_id: int, decision: str, extras: dict[str, Any]) -> None:
        async def decide() -> None:
            try:
                item = await self.service.decide(
                    item_id,
                    decision,
                    reason=extras.get("reason"),
                    remark=extras.get("remark"),
                    title=extras.get("title"),
                    body=extras.get("body"),
                )
            except ScreeningConflict as exc:
                self.page.set_busy(item_id, False)
                self.page.show_message(explain_conflict(exc), error=True)
                return
            except TransportError as exc:
                self.page.set_busy(item_id, False)
                self.page.show_message(explain(exc), error=True)
                return
            self.page.set_busy(item_id, False)
            self.page.show_message(
                QCoreApplication.translate(
                    "ScreeningController", "Post {0}: {1}. Press u within two minutes to undo."
                ).format(item.id, decision_label(decision))
            )

        self.spawn(decide(), f"decision {decision}")

    def _undo(self) -> None:
        async def undo() -> None:
            try:
                item = await self.service.undo()
            except ScreeningConflict as exc:
                self.page.show_message(explain_conflict(exc), error=True)
                return
            except TransportError as exc:
                self.page.show_message(explain(exc), error=True)
                return
            self.page.select_item(item.id)
            self.page.show_message(
                QCoreApplication.translate(
                    "ScreeningController", "Undone: post {0} is waiting again."
                ).format(item.id)
            )

        self.spawn(undo(), "undo")

    def _round(self, round_id: int, opening: bool) -> None:
        async def act() -> None:
            try:
                if opening:
                    await self.service.open_round(round_id)
                else:
                    await self.service.close_round(round_id)
                await self.service.load_rounds()
            except ScreeningConflict as exc:
                self.page.show_message(explain_conflict(exc), error=True)
                return
            except TransportError as exc:
                self.page.show_message(explain(exc), error=True)
                return
            self.page.show_message(
                QCoreApplication.translate("ScreeningController", "Round opened.")
                if opening
                else QCoreApplication.translate("ScreeningController", "Round closed.")
            )

        self.spawn(act(), "open round" if opening else "close round")

    def _stats(self, start: date, end: date) -> None:
        async def fetch() -> None:
            try:
                stats = await self.service.stats(start, end)
            except TransportError as exc:
                if self.page.stats is not None:
                    self.page.stats.show_error(explain(exc))
                return
            if self.page.stats is not None:
                self.page.stats.set_stats(stats)

        self.spawn(fetch(), "screening statistics")
