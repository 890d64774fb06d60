"""The five phases of the conversation method as a row of buttons the helper ticks off."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from console.domain.chat import PHASES, Phase


def phase_label(phase: Phase) -> str:
    """The phase's name in the user's language."""
    labels = {
        Phase.WELCOME: QCoreApplication.translate("Phases", "Warm welcome"),
        Phase.CLARIFY: QCoreApplication.translate("Phases", "Clarifying the question"),
        Phase.GOAL: QCoreApplication.translate("Phases", "Setting the goal"),
        Phase.WORK_OUT: QCoreApplication.translate("Phases", "Working the goal out"),
        Phase.CLOSE: QCoreApplication.translate("Phases", "Closing the circle"),
    }
    return labels[phase]


class PhaseTracker(QWidget):
    """A checkable button per phase, in order. Clicking a phase not yet reached emits
    `phase_reached`; the caller confirms with `set_reached`, which is the truth: it checks
    exactly the phases in its mapping. Phases may be skipped; a reached phase stays reached.
    """

    #: The Phase value the helper marked as reached.
    phase_reached = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("phaseTracker")
        self.setAccessibleName(self.tr("Conversation phases"))
        self.setStyleSheet(
            "#phaseTracker QPushButton { padding: 4px 10px; }"
            "#phaseTracker QPushButton:checked { background: #2e7d32; color: white;"
            " border: 1px solid #1b5e20; border-radius: 3px; }"
        )
        self._reached: dict[Phase, datetime] = {}
        self._buttons: dict[Phase, QPushButton] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for number, phase in enumerate(PHASES, start=1):
            button = QPushButton(f"{number}. {phase_label(phase)}")
            button.setObjectName(f"phase_{phase.value}")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.clicked.connect(lambda _checked=False, p=phase: self._clicked(p))
            self._buttons[phase] = button
            layout.addWidget(button)
        layout.addStretch(1)
        self._update_buttons()

    def button(self, phase: Phase) -> QPushButton:
        return self._buttons[phase]

    def reached(self) -> dict[Phase, datetime]:
        """The phases reached so far, with the moment each was reached."""
        return dict(self._reached)

    def set_reached(self, reached: Mapping[Phase, datetime]) -> None:
        self._reached = {Phase(p): at for p, at in reached.items()}
        self._update_buttons()

    def _clicked(self, phase: Phase) -> None:
        button = self._buttons[phase]
        if phase in self._reached:
            # Reached is reached: a click never takes it back.
            button.setChecked(True)
            return
        # Checked until set_reached says otherwise (the server may refuse).
        button.setChecked(True)
        self.phase_reached.emit(phase.value)

    def _update_buttons(self) -> None:
        for phase, button in self._buttons.items():
            at = self._reached.get(phase)
            button.setChecked(at is not None)
            if at is None:
                tip = self.tr("Not reached yet. Click when the chat reaches this phase.")
            else:
                tip = self.tr("Reached at {0}").format(at.astimezone().strftime("%H:%M"))
            button.setToolTip(tip)
            button.setAccessibleDescription(tip)
