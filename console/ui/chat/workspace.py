"""The chat workspace: my status, the queue, today's chat team, and a tab per chat.

It shows plain data handed to it and reports what the helper wants through signals; the
controller (`console.chat_controller`) connects it to the chat service.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.domain.chat import ChatState, Taxonomy
from console.services.chat import ChatMessage, ChatView
from console.ui.chat.chat_panel import ChatPanel, parse_time
from console.ui.chat.queue_models import QueueModel, TeamModel

STATUSES = ("available", "pause", "offline")


def _utcnow() -> datetime:
    return datetime.now(UTC)


class ChatWorkspace(QWidget):
    status_requested = Signal(str)
    send_requested = Signal(int, str)
    typing_started = Signal(int)
    whisper_requested = Signal(int, str)
    consult_requested = Signal(int, str)
    hand_requested = Signal(int, str)
    phase_requested = Signal(int, str)
    end_requested = Signal(int, bool)
    registration_submitted = Signal(int, object)
    referral_submitted = Signal(int, object)

    def __init__(
        self,
        is_trainee: bool,
        now: Callable[[], datetime] = _utcnow,
        parent: QWidget | None = None,
        tick_ms: int | None = 1000,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("chatWorkspace")
        self._now = now
        self._is_trainee = is_trainee
        self._tick_ms = tick_ms
        self._texts: dict[str, Any] = {}
        self._taxonomy = Taxonomy({})
        self._pending: list[int] = []
        self.panels: dict[int, ChatPanel] = {}

        self.status = QComboBox()
        self.status.setObjectName("myStatus")
        for value in STATUSES:
            self.status.addItem(self.status_label(value), value)
        self.status.setCurrentIndex(STATUSES.index("offline"))
        self.status.activated.connect(
            lambda i: self.status_requested.emit(str(self.status.itemData(i)))
        )
        self.status_note = QLabel()
        self.status_note.setTextFormat(Qt.TextFormat.PlainText)
        self.status_note.setWordWrap(True)
        self.sound = QCheckBox(self.tr("Sound on a new chat"))
        self.sound.setObjectName("soundOnAssign")

        self.queue_model = QueueModel(now)
        self.queue = QTableView()
        self.queue.setObjectName("queueView")
        self.team_model = TeamModel()
        self.team = QTableView()
        self.team.setObjectName("teamView")
        for view, model in ((self.queue, self.queue_model), (self.team, self.team_model)):
            view.setModel(model)
            view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            view.verticalHeader().hide()
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            view.horizontalHeader().setStretchLastSection(True)
            view.setWordWrap(False)
        self.alerts = QListWidget()
        self.alerts.setObjectName("handAlerts")
        self.alerts.setMaximumHeight(90)
        self.alerts.hide()

        self.tabs = QTabWidget()
        self.tabs.setObjectName("chatTabs")
        self.empty = QLabel(
            self.tr(
                "No chat yet. Set yourself to Available: the next young person in the queue "
                "comes to you when it is your turn."
            )
        )
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        mine = QHBoxLayout()
        mine.addWidget(QLabel(self.tr("My status:")))
        mine.addWidget(self.status)
        mine.addWidget(self.status_note, 1)
        mine.addWidget(self.sound)

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        self.queue_title = QLabel(self.tr("Queue"))
        self.queue_title.setStyleSheet("font-weight: 600;")
        side_layout.addWidget(self.queue_title)
        side_layout.addWidget(self.queue, 1)
        team_title = QLabel(self.tr("Chat team today"))
        team_title.setStyleSheet("font-weight: 600;")
        side_layout.addWidget(team_title)
        side_layout.addWidget(self.team, 1)
        side_layout.addWidget(self.alerts)

        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.addWidget(self.empty)
        centre_layout.addWidget(self.tabs, 1)
        self.tabs.hide()

        split = QSplitter()
        split.addWidget(side)
        split.addWidget(centre)
        split.setStretchFactor(1, 3)
        side.setMinimumWidth(300)
        split.setSizes([400, 800])

        #: "Chats" and, once added (`add_referrals`), "Referrals"; the bar shows from two on.
        self.sections = QTabWidget()
        self.sections.setObjectName("chatSections")
        self.sections.setTabBarAutoHide(True)
        self.sections.setDocumentMode(True)
        self.sections.addTab(split, self.tr("Chats"))
        self.referrals: QWidget | None = None

        layout = QVBoxLayout(self)
        layout.addLayout(mine)
        layout.addWidget(self.sections, 1)

        if tick_ms is not None:
            self._timer = QTimer(self)
            self._timer.setInterval(tick_ms)
            self._timer.timeout.connect(self.queue_model.refresh)
            self._timer.start()

    # ------------------------------------------------------------------ text
    def status_label(self, status: str) -> str:
        return {
            "available": self.tr("Available"),
            "pause": self.tr("Pause"),
            "offline": self.tr("Offline"),
        }.get(status, status)

    # ------------------------------------------------------------------ showing
    def set_me(self, me: dict[str, Any] | None) -> None:
        status = str((me or {}).get("status", "offline"))
        if status in STATUSES:
            self.status.setCurrentIndex(STATUSES.index(status))
        self._update_status_note()

    def set_pending_registrations(self, chat_ids: list[int]) -> None:
        self._pending = list(chat_ids)
        available = self.status.model().item(STATUSES.index("available"))  # type: ignore[attr-defined]
        available.setEnabled(not self._pending)
        for chat_id in self._pending:
            panel = self.panels.get(chat_id)
            if panel is not None:
                panel.ask_registration(self._taxonomy)
        self._update_status_note()

    def _update_status_note(self) -> None:
        if self._pending:
            self.status_note.setText(
                self.tr("Register your last chat first; then you can be available again.")
            )
        else:
            self.status_note.setText("")

    def set_queue(self, waiting: list[dict[str, Any]]) -> None:
        rows = [{**w, "since": parse_time(str(w.get("since")))} for w in waiting]
        self.queue_model.set_waiting(rows)
        self.queue_title.setText(self.tr("Queue (%n waiting)", "", len(rows)))

    def set_team(self, team: list[dict[str, Any]]) -> None:
        rows = []
        for person in team:
            roles = person.get("roles", [])
            role = "trainee" if "trainee" in roles and "helper" not in roles else "helper"
            if "supervisor" in roles:
                role = "supervisor"
            status = person.get("status", "offline")
            if person.get("active_chats"):
                status = "in_chat"
            rows.append({**person, "role": role, "status": status})
        self.team_model.set_staff(rows)

    def set_texts(self, texts: dict[str, Any]) -> None:
        self._texts = texts
        for panel in self.panels.values():
            panel.set_texts(texts)

    def set_taxonomy(self, taxonomy: Taxonomy) -> None:
        self._taxonomy = taxonomy

    def set_chat(self, view: ChatView, messages: list[ChatMessage]) -> ChatPanel:
        panel = self.panels.get(view.chat_id)
        if panel is None:
            panel = ChatPanel(
                view.chat_id, self._now, self._is_trainee, clock_interval_ms=self._tick_ms
            )
            panel.set_texts(self._texts)
            for name in (
                "send_requested",
                "typing_started",
                "whisper_requested",
                "consult_requested",
                "hand_requested",
                "phase_requested",
                "end_requested",
                "registration_submitted",
                "referral_submitted",
            ):
                getattr(panel, name).connect(getattr(self, name).emit)
            self.panels[view.chat_id] = panel
            self.tabs.addTab(panel, "")
        panel.set_view(view, messages)
        index = self.tabs.indexOf(panel)
        title = self.tr("#{0}").format(view.number)
        if view.as_role == "supervisor":
            title = self.tr("#{0} (watching)").format(view.number)
        elif view.state == ChatState.ENDED.value:
            title = self.tr("#{0} (register)").format(view.number)
        self.tabs.setTabText(index, title)
        if view.chat_id in self._pending:
            panel.ask_registration(self._taxonomy)
        self._show_tabs()
        return panel

    def remove_chat(self, chat_id: int) -> None:
        panel = self.panels.pop(chat_id, None)
        if panel is not None:
            self.tabs.removeTab(self.tabs.indexOf(panel))
            panel.deleteLater()
        self._show_tabs()

    def _show_tabs(self) -> None:
        has = bool(self.panels)
        self.tabs.setVisible(has)
        self.empty.setVisible(not has)

    def add_referrals(self, view: QWidget) -> None:
        """The referrals to follow up, as a second section next to the chats."""
        self.referrals = view
        self.sections.addTab(view, self.tr("Referrals"))

    def show_referrals(self) -> None:
        if self.referrals is not None:
            self.sections.setCurrentWidget(self.referrals)

    def focus_chat(self, chat_id: int) -> None:
        panel = self.panels.get(chat_id)
        if panel is not None:
            self.sections.setCurrentIndex(0)
            self.tabs.setCurrentWidget(panel)
            panel.composer.setFocus()

    def add_hand_alert(self, text: str) -> None:
        self.alerts.show()
        self.alerts.insertItem(0, text)

    def show_error(self, chat_id: int | None, text: str) -> None:
        panel = self.panels.get(chat_id) if chat_id is not None else None
        if panel is not None:
            panel.show_error(text)
        else:
            self.status_note.setText(text)
