"""The start page: who you are, and your institution's team channel."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.services.session import User
from console.services.team import MAX_TEXT, TeamMessage
from console.ui.models.team_messages import TeamMessagesModel
from console.ui.widgets.composer import Composer


class HomePage(QWidget):
    post_requested = Signal(str)

    def __init__(self, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("homePage")
        welcome = QLabel(self.tr("Welcome, {0}").format(user.display_name))
        welcome.setStyleSheet("font-size: 16pt; font-weight: 600;")
        welcome.setTextFormat(Qt.TextFormat.PlainText)
        where = QLabel(user.institution_name)
        where.setTextFormat(Qt.TextFormat.PlainText)
        heading = QLabel(self.tr("Team channel"))
        heading.setStyleSheet("font-weight: 600; margin-top: 12px;")
        hint = QLabel(
            self.tr(
                "Short messages for colleagues of your institution. Never write a young "
                "person's personal details here."
            )
        )
        hint.setWordWrap(True)

        self.model = TeamMessagesModel()
        self.view = QListView()
        self.view.setObjectName("teamMessages")
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setAlternatingRowColors(True)
        self.view.setUniformItemSizes(False)
        self.view.setSpacing(3)

        self.composer = Composer()
        self.composer.setObjectName("teamComposer")
        self.composer.setPlaceholderText(
            self.tr("Write a message (Enter sends, Shift+Enter for a new line)")
        )
        self.send_button = QPushButton(self.tr("Send"))
        self.send_button.setObjectName("teamSend")
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()
        self.composer.submitted.connect(self._submit)
        self.send_button.clicked.connect(lambda: self._submit(self.composer.toPlainText().strip()))

        row = QHBoxLayout()
        row.addWidget(self.composer, 1)
        row.addWidget(self.send_button)
        layout = QVBoxLayout(self)
        layout.addWidget(welcome)
        layout.addWidget(where)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.error)
        layout.addLayout(row)

    def _submit(self, text: str) -> None:
        if not text:
            return
        if len(text) > MAX_TEXT:
            self.show_error(
                self.tr("A message can be at most {0} characters ({1} now).").format(
                    MAX_TEXT, len(text)
                )
            )
            return
        self.error.hide()
        self.post_requested.emit(text)
        self.composer.clear()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def set_messages(self, messages: list[TeamMessage]) -> None:
        self.model.set_messages(messages)
        self.view.scrollToBottom()
