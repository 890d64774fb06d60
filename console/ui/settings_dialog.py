"""Settings: server, proxy, extra certificate, language. Keys locked by policy are greyed."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.settings import Settings


@dataclass(frozen=True)
class SettingsChange:
    values: dict[str, object]
    proxy_username: str
    proxy_password: str


class SettingsDialog(QDialog):
    saved = Signal(object)  # SettingsChange

    def __init__(
        self,
        settings: Settings,
        locked: frozenset[str],
        proxy_username: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(520)
        self.locked = locked

        self.server = QLineEdit(settings.server_url)
        self.server.setObjectName("serverUrl")
        self.proxy_mode = QComboBox()
        self.proxy_mode.setObjectName("proxyMode")
        for value, label in (
            ("system", self.tr("Use the system's proxy settings")),
            ("none", self.tr("No proxy")),
            ("manual", self.tr("This proxy:")),
        ):
            self.proxy_mode.addItem(label, value)
        self.proxy_mode.setCurrentIndex(self.proxy_mode.findData(settings.proxy_mode))
        self.proxy_url = QLineEdit(settings.proxy_url)
        self.proxy_url.setPlaceholderText("http://proxy.example.nl:8080")
        self.proxy_user = QLineEdit(proxy_username)
        self.proxy_password = QLineEdit()
        self.proxy_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.proxy_password.setPlaceholderText(self.tr("unchanged"))
        self.extra_ca = QLineEdit(settings.extra_ca_file)
        browse = QPushButton(self.tr("Browse\u2026"))
        browse.clicked.connect(self._browse)
        self.language = QComboBox()
        self.language.setObjectName("language")
        self.language.addItem("Nederlands", "nl")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(self.language.findData(settings.language))
        self.sound = QCheckBox(self.tr("Play a sound when a chat is waiting"))
        self.sound.setChecked(settings.notification_sound)

        connection = QGroupBox(self.tr("Connection"))
        form = QFormLayout(connection)
        form.addRow(self.tr("Server address"), self.server)
        form.addRow(self.tr("Proxy"), self.proxy_mode)
        form.addRow(self.tr("Proxy address"), self.proxy_url)
        form.addRow(self.tr("Proxy username"), self.proxy_user)
        form.addRow(self.tr("Proxy password"), self.proxy_password)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.extra_ca, 1)
        ca_row.addWidget(browse)
        form.addRow(self.tr("Extra root certificate"), ca_row)
        form.addRow("", QLabel(self.tr("Connection changes take effect the next time you log in.")))

        general = QGroupBox(self.tr("General"))
        general_form = QFormLayout(general)
        general_form.addRow(self.tr("Language"), self.language)
        general_form.addRow("", QLabel(self.tr("A new language takes effect after a restart.")))
        general_form.addRow("", self.sound)

        self.policy_note = QLabel(
            self.tr("Greyed-out settings are set by your organisation's IT department.")
        )
        self.policy_note.setWordWrap(True)
        self.policy_note.setVisible(bool(locked))
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        self.error.hide()

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(connection)
        layout.addWidget(general)
        layout.addWidget(self.policy_note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

        for key, widget in (
            ("server_url", self.server),
            ("proxy_mode", self.proxy_mode),
            ("proxy_url", self.proxy_url),
            ("extra_ca_file", self.extra_ca),
            ("language", self.language),
        ):
            if key in locked:
                widget.setEnabled(False)
                widget.setToolTip(self.tr("Set by your organisation."))
        if "extra_ca_file" in locked:
            browse.setEnabled(False)
        self.proxy_mode.currentIndexChanged.connect(self._proxy_fields)
        self._proxy_fields()

    def _proxy_fields(self) -> None:
        manual = self.proxy_mode.currentData() == "manual"
        self.proxy_url.setEnabled(manual and "proxy_url" not in self.locked)

    def _browse(self) -> None:
        dialog = QFileDialog(self, self.tr("Root certificate (PEM)"))
        dialog.setNameFilter(self.tr("Certificates (*.pem *.crt *.cer)"))
        dialog.fileSelected.connect(self.extra_ca.setText)
        dialog.open()

    def _save(self) -> None:
        server = self.server.text().strip()
        if not server.startswith("https://"):
            self.error.setText(self.tr("The server address must start with https://"))
            self.error.show()
            return
        if self.proxy_mode.currentData() == "manual" and not self.proxy_url.text().strip():
            self.error.setText(self.tr("Enter the proxy address, or choose another proxy option."))
            self.error.show()
            return
        values: dict[str, object] = {
            "server_url": server,
            "proxy_mode": self.proxy_mode.currentData(),
            "proxy_url": self.proxy_url.text().strip(),
            "extra_ca_file": self.extra_ca.text().strip(),
            "language": self.language.currentData(),
            "notification_sound": self.sound.isChecked(),
        }
        values = {k: v for k, v in values.items() if k not in self.locked}
        self.saved.emit(
            SettingsChange(values, self.proxy_user.text().strip(), self.proxy_password.text())
        )
        self.accept()
