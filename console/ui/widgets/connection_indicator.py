"""Always-visible connection state: online / reconnecting / offline, and the transport."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from console.services.errors import TransportError
from console.services.sync import SSE, ConnectionState
from console.ui.errors import explain

_COLOURS = {
    ConnectionState.CONNECTING: "#b8860b",
    ConnectionState.ONLINE: "#1a7f37",
    ConnectionState.RECONNECTING: "#b8860b",
    ConnectionState.OFFLINE: "#c62828",
}


class ConnectionIndicator(QWidget):
    retry_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        self.dot = QLabel("\u25cf")
        self.label = QLabel()
        self.label.setObjectName("connectionLabel")
        self.retry = QPushButton(self.tr("Retry now"))
        self.retry.setFlat(True)
        self.retry.clicked.connect(self.retry_requested)
        layout.addWidget(self.dot)
        layout.addWidget(self.label)
        layout.addWidget(self.retry)
        self.state = ConnectionState.CONNECTING
        self.set_state(ConnectionState.CONNECTING, "long-poll", None)

    def set_state(
        self, state: ConnectionState, transport: str, error: TransportError | None
    ) -> None:
        self.state = state
        how = self.tr("stream") if transport == SSE else self.tr("long-poll")
        text = {
            ConnectionState.CONNECTING: self.tr("Connecting\u2026"),
            ConnectionState.ONLINE: self.tr("Online ({0})").format(how),
            ConnectionState.RECONNECTING: self.tr("Reconnecting\u2026"),
            ConnectionState.OFFLINE: self.tr("Offline"),
        }[state]
        self.label.setText(text)
        self.dot.setStyleSheet(f"color: {_COLOURS[state]}; font-size: 14pt;")
        self.retry.setVisible(state in (ConnectionState.RECONNECTING, ConnectionState.OFFLINE))
        tip = explain(error) if error is not None else text
        self.setToolTip(tip)
        self.label.setToolTip(tip)
