"""The login dialog: server address, username, password, "remember me".

The dialog only collects input and shows results; the controller (console/app.py) does
the logging in and calls `show_error` or closes the dialog.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class LoginDialog(QDialog):
    #: server url, username, password, remember me
    login_requested = Signal(str, str, str, bool)
    test_connection_requested = Signal(str)
    settings_requested = Signal()

    def __init__(
        self,
        server_url: str,
        username: str = "",
        remember: bool = False,
        server_locked: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Hulpmix \u2014 log in"))
        self.setObjectName("loginDialog")
        self.setMinimumWidth(420)

        title = QLabel(self.tr("Hulpmix staff console"))
        title.setObjectName("title")
        title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        intro = QLabel(self.tr("Log in with your personal account."))

        self.server = QLineEdit(server_url)
        self.server.setObjectName("server")
        self.server.setEnabled(not server_locked)
        if server_locked:
            self.server.setToolTip(self.tr("Set by your organisation."))
        self.username = QLineEdit(username)
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Remember me on this computer"))
        self.remember.setObjectName("remember")
        self.remember.setChecked(remember)

        form = QFormLayout()
        form.addRow(self.tr("Server"), self.server)
        form.addRow(self.tr("Username"), self.username)
        form.addRow(self.tr("Password"), self.password)
        form.addRow("", self.remember)

        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setStyleSheet("color: #c62828;")
        self.message.hide()

        self.buttons = QDialogButtonBox()
        self.login_button = self.buttons.addButton(
            self.tr("Log in"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.login_button.setObjectName("loginButton")
        self.login_button.setDefault(True)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.test_button = QPushButton(self.tr("Test connection\u2026"))
        self.settings_button = QPushButton(self.tr("Settings\u2026"))
        self.buttons.addButton(self.test_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.settings_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        self.test_button.clicked.connect(
            lambda: self.test_connection_requested.emit(self.server.text().strip())
        )
        self.settings_button.clicked.connect(self.settings_requested)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        (self.password if username else self.username).setFocus()

    def _submit(self) -> None:
        server = self.server.text().strip()
        username = self.username.text().strip()
        password = self.password.text()
        if not server.startswith("https://"):
            self.show_error(self.tr("The server address must start with https://"))
            return
        if not username or not password:
            self.show_error(self.tr("Enter your username and password."))
            return
        self.set_busy(True)
        self.login_requested.emit(server, username, password, self.remember.isChecked())

    def set_busy(self, busy: bool) -> None:
        self.login_button.setEnabled(not busy)
        if busy:
            self.message.setStyleSheet("color: palette(text);")
            self.message.setText(self.tr("Logging in\u2026"))
            self.message.show()

    def show_error(self, text: str) -> None:
        self.set_busy(False)
        self.message.setStyleSheet("color: #c62828;")
        self.message.setText(text)
        self.message.show()
        self.password.selectAll()
        self.password.setFocus()

    def set_server(self, url: str, locked: bool) -> None:
        self.server.setText(url)
        self.server.setEnabled(not locked)
