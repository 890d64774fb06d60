"""An area that is not built yet says so plainly."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PlaceholderPage(QWidget):
    def __init__(self, title: str, purpose: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        heading = QLabel(title)
        heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
        body = QLabel(
            self.tr(
                "This part of the console is not built yet. It will let you: {0}\n\n"
                "Until then, keep working the way your institution agreed."
            ).format(purpose)
        )
        body.setObjectName("placeholderText")
        body.setWordWrap(True)
        body.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(body)
        layout.addStretch(1)
