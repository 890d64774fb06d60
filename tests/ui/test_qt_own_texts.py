"""Qt's own texts (standard dialog buttons) are Dutch too, not only ours."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox


def test_standard_buttons_are_dutch(qtbot, dutch) -> None:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    qtbot.addWidget(box)
    cancel = box.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text().replace("&", "") == "Annuleren"
