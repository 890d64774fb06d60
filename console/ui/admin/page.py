"""The Administration area: the chat texts (admin, project lead) and the chat's open days
(roster coordinator, project lead, admin), each shown only to the roles the server lets
use it (`console.domain.roles.CHAT_TEXT_EDITORS`, `CHAT_SCHEDULERS`)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from console.ui.admin.open_days import OpenDaysView
from console.ui.admin.texts import TextsEditor


class AdminPage(QWidget):
    def __init__(
        self, today: date, *, texts: bool, open_days: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("adminPage")
        self.tabs = QTabWidget()
        self.texts: TextsEditor | None = None
        self.open_days: OpenDaysView | None = None
        if texts:
            self.texts = TextsEditor()
            self.tabs.addTab(self.texts, self.tr("Chat texts"))
        if open_days:
            self.open_days = OpenDaysView(today)
            self.tabs.addTab(self.open_days, self.tr("Open days"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def has_unsaved_changes(self) -> bool:
        """What the main window asks before logging out or quitting."""
        return self.texts is not None and self.texts.has_unsaved_changes()
