"""Connects the chat service to the chat workspace (services know no widgets, widgets know
no HTTP): service news goes to the page, the page's requests go to the service."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget

from console.domain.chat import Phase, ReferralDraft, Registration
from console.domain.roles import Role
from console.domain.routing import StaffStatus
from console.services.chat import ChatService
from console.services.errors import TransportError
from console.services.session import User
from console.ui.chat.workspace import ChatWorkspace
from console.ui.errors import explain

Spawn = Callable[[Coroutine[Any, Any, Any], str], object]


class ChatController(QObject):
    #: A referral was recorded from a chat in this console (its chat id).
    referral_recorded = Signal(int)

    def __init__(
        self,
        service: ChatService,
        user: User,
        spawn: Spawn,
        window: QWidget | None = None,
        workspace: ChatWorkspace | None = None,
    ) -> None:
        super().__init__()
        self.service = service
        self.spawn = spawn
        self.window = window
        is_trainee = Role.TRAINEE in user.roles and Role.HELPER not in user.roles
        self.page = workspace if workspace is not None else ChatWorkspace(is_trainee)
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable() and window is not None:
            self.tray = QSystemTrayIcon(window.windowIcon(), window)
            self.tray.show()

        service.board_changed.connect(self.refresh_board)
        service.chat_changed.connect(self.refresh_chat)
        service.assigned.connect(self._assigned)
        service.hand_raised.connect(self._hand_raised)

        page = self.page
        page.status_requested.connect(self._set_status)
        page.send_requested.connect(lambda c, t: self._try(c, lambda: service.send(c, t)))
        # A line is being written: open the connection it will go out on meanwhile.
        page.typing_started.connect(lambda _c: self.spawn(service.warm(), "warm connection"))
        page.whisper_requested.connect(lambda c, t: self._try(c, lambda: service.whisper(c, t)))
        page.consult_requested.connect(lambda c, t: self._try(c, lambda: service.consult(c, t)))
        page.hand_requested.connect(lambda c, t: self._try(c, lambda: service.raise_hand(c, t)))
        page.phase_requested.connect(
            lambda c, p: self._try(c, lambda: service.reach_phase(c, Phase(p)))
        )
        page.end_requested.connect(lambda c, n: self._try(c, lambda: service.end(c, n)))
        page.registration_submitted.connect(self._register)
        page.referral_submitted.connect(self._refer)
        self.refresh_all()

    # ------------------------------------------------------------------ service -> page
    def refresh_all(self) -> None:
        self.refresh_board()
        known = {view.chat_id for view in self.service.chats()}
        for chat_id in list(self.page.panels):
            if chat_id not in known:
                self.page.remove_chat(chat_id)
        for chat_id in sorted(known):
            self.refresh_chat(chat_id)

    def refresh_board(self) -> None:
        self.page.set_taxonomy(self.service.taxonomy())
        self.page.set_texts(self.service.texts())
        self.page.set_me(self.service.me())
        self.page.set_queue(self.service.queue())
        self.page.set_team(self.service.team())
        self.page.set_pending_registrations(self.service.pending_registrations())
        shown = set(self.page.panels)
        current = {view.chat_id for view in self.service.chats()}
        for chat_id in shown - current:
            self.page.remove_chat(chat_id)
        for chat_id in current - shown:
            self.refresh_chat(chat_id)

    def refresh_chat(self, chat_id: int) -> None:
        view = self.service.chat(chat_id)
        if view is None:
            self.page.remove_chat(chat_id)
            return
        self.page.set_chat(view, self.service.messages(chat_id))

    def _assigned(self, chat_id: int) -> None:
        self.refresh_chat(chat_id)
        self.page.focus_chat(chat_id)
        title = QCoreApplication.translate("ChatController", "New chat")
        text = QCoreApplication.translate(
            "ChatController", "A young person is waiting for you (chat #{0})."
        ).format(chat_id)
        if self.window is not None:
            self.window.showNormal()
            self.window.raise_()
            self.window.activateWindow()
        if self.tray is not None:
            self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information)
        if self.page.sound.isChecked():
            QApplication.beep()

    def _hand_raised(self, data: dict[str, Any]) -> None:
        text = QCoreApplication.translate(
            "ChatController", "{0} raises a hand in chat #{1}: {2}"
        ).format(data.get("display_name", ""), data.get("chat_id", ""), data.get("text", ""))
        self.page.add_hand_alert(text)
        if self.tray is not None:
            self.tray.showMessage(QCoreApplication.translate("ChatController", "Raised hand"), text)

    # ------------------------------------------------------------------ page -> service
    def _try(self, chat_id: int, action: Callable[[], object]) -> None:
        try:
            action()
        except ValueError:
            self.page.show_error(
                chat_id,
                QCoreApplication.translate("ChatController", "The message is empty or too long."),
            )
            return
        self.page.show_error(chat_id, "")
        self.refresh_chat(chat_id)

    def _set_status(self, status: str) -> None:
        async def change() -> None:
            try:
                await self.service.set_status(StaffStatus(status))
            except TransportError as exc:
                self.page.set_me(self.service.me())
                self.page.show_error(None, explain(exc))

        self.spawn(change(), "set status")

    def _register(self, chat_id: int, registration: Registration) -> None:
        panel = self.page.panels.get(chat_id)
        form = panel.registration if panel is not None else None

        async def send() -> None:
            if form is not None:
                form.set_busy(True)
            try:
                await self.service.register(chat_id, registration)
            except TransportError as exc:
                if form is not None:
                    form.set_busy(False)
                    form.show_error(explain(exc))
                return
            self.refresh_all()

        self.spawn(send(), "register chat")

    def _refer(self, chat_id: int, draft: ReferralDraft) -> None:
        async def send() -> None:
            try:
                await self.service.refer(chat_id, draft)
            except TransportError as exc:
                self.page.show_error(chat_id, explain(exc))
                return
            self.page.show_error(chat_id, "")
            self.referral_recorded.emit(chat_id)

        self.spawn(send(), "referral")
