"""Connects the chat administration service to the Administration area (services know no
widgets, widgets know no HTTP): the page's requests go to the service, the answers back
to the page, and every refusal becomes a sentence in the user's language."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from datetime import UTC, date, datetime
from typing import Any

from PySide6.QtCore import QObject

from console.domain.hours import local_day
from console.domain.roles import CHAT_SCHEDULERS, CHAT_TEXT_EDITORS
from console.services.chat_admin import (
    ChatAdminService,
    ChatTexts,
    TextsConflict,
    TextsInvalid,
)
from console.services.errors import TransportError
from console.services.session import User
from console.ui.admin.page import AdminPage
from console.ui.errors import explain

Spawn = Callable[[Coroutine[Any, Any, Any], str], object]


class AdminController(QObject):
    def __init__(
        self,
        service: ChatAdminService,
        user: User,
        spawn: Spawn,
        today: date | None = None,
    ) -> None:
        super().__init__()
        self.service = service
        self.user = user
        self.spawn = spawn
        #: Requests in flight (tests wait for 0 before quitting).
        self.loading = 0
        self.page = AdminPage(
            today or local_day(datetime.now(UTC)),
            texts=bool(user.roles & CHAT_TEXT_EDITORS),
            open_days=bool(user.roles & CHAT_SCHEDULERS),
        )
        texts = self.page.texts
        if texts is not None:
            texts.reload_requested.connect(self.load_texts)
            texts.save_requested.connect(self.save_texts)
            self.load_texts()
        days = self.page.open_days
        if days is not None:
            days.refresh_requested.connect(self.load_schedule)
            days.open_requested.connect(self.set_open)
            self.load_schedule()

    def _run(self, coro: Coroutine[Any, Any, None], name: str) -> None:
        self.loading += 1

        async def counted() -> None:
            try:
                await coro
            finally:
                self.loading -= 1

        self.spawn(counted(), name)

    # ------------------------------------------------------------------ texts
    def load_texts(self) -> None:
        view = self.page.texts
        if view is None:
            return

        async def call() -> None:
            try:
                texts = await self.service.load_texts()
            except TransportError as exc:
                view.failed(explain(exc))
                return
            view.set_texts(texts)
            view.message.clear()

        self._run(call(), "load chat texts")

    def save_texts(self, texts: ChatTexts) -> None:
        view = self.page.texts
        if view is None:
            return

        async def call() -> None:
            try:
                saved = await self.service.save_texts(texts)
            except TextsConflict as conflict:
                view.show_conflict(conflict.current)
                return
            except TextsInvalid as invalid:
                view.show_errors(invalid)
                return
            except TransportError as exc:
                view.failed(explain(exc))
                return
            view.saved(saved)

        self._run(call(), "save chat texts")

    # ------------------------------------------------------------------ open days
    def load_schedule(self) -> None:
        view = self.page.open_days
        if view is None:
            return

        async def call() -> None:
            try:
                schedule = await self.service.load_schedule()
            except TransportError as exc:
                view.failed(explain(exc))
                return
            view.set_schedule(schedule)

        self._run(call(), "load chat schedule")

    def set_open(self, day: date, open_: bool) -> None:
        view = self.page.open_days
        if view is None:
            return

        async def call() -> None:
            try:
                schedule = await self.service.set_open(day, open_)
            except TransportError as exc:
                view.failed(explain(exc))
                return
            view.set_schedule(schedule, changed=day)

        self._run(call(), "open or close a chat day")
