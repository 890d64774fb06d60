"""Connects the referral service to the referrals view in the chat area (services know no
widgets, widgets know no HTTP). The server sends no event for referrals, so the list is
read when the view is shown, on "Refresh", after this console recorded a referral, and
after every closing. The contact details go from the service straight to the view; they
are never stored or logged here."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject

from console.services.errors import NotFound, TransportError
from console.services.referrals import ReferralService
from console.ui.chat.referrals import ReferralsView
from console.ui.errors import explain

Spawn = Callable[[Coroutine[Any, Any, Any], str], object]


def gone() -> str:
    return QCoreApplication.translate(
        "ReferralsController",
        "This referral is no longer open: someone else closed it meanwhile, or its contact "
        "details reached their end date. The list has been brought up to date.",
    )


class ReferralsController(QObject):
    def __init__(
        self, service: ReferralService, spawn: Spawn, view: ReferralsView | None = None
    ) -> None:
        super().__init__()
        self.service = service
        self.spawn = spawn
        #: Requests in flight (tests wait for 0).
        self.loading = 0
        self.view = view if view is not None else ReferralsView()
        self.view.refresh_requested.connect(self.refresh)
        self.view.details_requested.connect(self.show_details)
        self.view.close_requested.connect(self.close)

    def _run(self, coro: Coroutine[Any, Any, None], name: str) -> None:
        self.loading += 1

        async def counted() -> None:
            try:
                await coro
            finally:
                self.loading -= 1

        self.spawn(counted(), name)

    async def _load(self) -> None:
        try:
            referrals = await self.service.open_referrals()
        except TransportError as exc:
            # The list stays as it was; the person can refresh once the connection is back.
            self.view.failed(explain(exc))
            return
        self.view.set_referrals(referrals)

    def refresh(self) -> None:
        async def call() -> None:
            self.view.refresh_button.setEnabled(False)
            try:
                await self._load()
            finally:
                self.view.refresh_button.setEnabled(True)

        self._run(call(), "load referrals")

    def show_details(self, referral_id: int) -> None:
        async def call() -> None:
            try:
                details = await self.service.details(referral_id)
            except NotFound:
                self.view.failed(gone())
                await self._load()
                return
            except TransportError as exc:
                self.view.failed(explain(exc))
                return
            if details.referral.closed_at is not None:
                self.view.failed(gone())
                await self._load()
                return
            self.view.show_contact(details)

        self._run(call(), "read referral contact details")

    def close(self, referral_id: int) -> None:
        async def call() -> None:
            try:
                closed = await self.service.close(referral_id)
            except NotFound:
                self.view.failed(gone())
                await self._load()
                return
            except TransportError as exc:
                # Not closed: it stays in the list, and closing can be tried again.
                self.view.failed(explain(exc))
                return
            self.view.closed(closed)
            await self._load()

        self._run(call(), "close referral")
