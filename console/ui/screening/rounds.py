"""Today's screening rounds in a bar above the queue: the window, the institution on duty,
the state, what is waiting and how long the oldest post has waited; and, for a screener
of the duty institution, the button to open or close the round.

Two rounds a day: one small widget per round is fine here (the queue has no per-row
widgets)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from console.domain.hours import AMSTERDAM
from console.services.forum import ScreeningRound
from console.ui.screening.labels import round_state_label
from console.ui.screening.queue_model import age_text

_STATE_COLOURS = {
    "open": "#2e7d32",
    "upcoming": "#757575",
    "closed": "#1565c0",
    "missed": "#c62828",
}


class RoundCard(QFrame):
    open_requested = Signal(int)
    close_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("roundCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.round: ScreeningRound | None = None
        self.text = QLabel()
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setObjectName("roundText")
        self.button = QPushButton()
        self.button.setObjectName("roundButton")
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.clicked.connect(self._clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button)

    def set_round(self, found: ScreeningRound, now: datetime, may_act: bool) -> None:
        self.round = found
        parts = [
            f"{found.start}\u2013{found.end}",
            found.institution_name or "\u2014",
            round_state_label(found.state),
            self.tr("%n waiting", "", found.pending_count),
        ]
        if found.oldest_pending_at is not None and found.pending_count:
            parts.append(self.tr("oldest {0}").format(age_text(now - found.oldest_pending_at)))
        if found.state == "open" and found.opened_by:
            parts.append(self.tr("opened by {0}").format(found.opened_by))
        self.text.setText(" \u00b7 ".join(parts))
        colour = _STATE_COLOURS.get(found.state, "#424242")
        self.setStyleSheet(f"#roundCard {{ border-left: 4px solid {colour}; }}")
        if found.state == "open":
            self.button.setText(self.tr("Close round"))
        else:
            self.button.setText(self.tr("Open round"))
        self.button.setVisible(may_act and found.state in ("open", "upcoming", "missed"))

    def _clicked(self) -> None:
        if self.round is None:
            return
        if self.round.state == "open":
            self.close_requested.emit(self.round.id)
        else:
            self.open_requested.emit(self.round.id)


class RoundBar(QWidget):
    open_requested = Signal(int)
    close_requested = Signal(int)

    def __init__(
        self,
        now: Callable[[], datetime],
        institution_id: int | None,
        may_screen: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("roundBar")
        self._now = now
        self.institution_id = institution_id
        self.may_screen = may_screen
        self.cards: list[RoundCard] = []
        self.title = QLabel(self.tr("Today's rounds:"))
        self.title.setStyleSheet("font-weight: 600;")
        self.none = QLabel(self.tr("No rounds today."))
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.title)
        self._layout.addWidget(self.none)
        self._layout.addStretch(1)

    def set_rounds(self, rounds: list[ScreeningRound]) -> None:
        while len(self.cards) < len(rounds):
            card = RoundCard()
            card.open_requested.connect(self.open_requested)
            card.close_requested.connect(self.close_requested)
            self._layout.insertWidget(1 + len(self.cards), card)
            self.cards.append(card)
        now = self._now()
        for card, found in zip(self.cards, rounds, strict=False):
            mine = self.may_screen and found.institution_id == self.institution_id
            card.set_round(found, now, mine)
            card.show()
        for card in self.cards[len(rounds) :]:
            card.hide()
        self.none.setVisible(not rounds)

    def actionable(self, opening: bool) -> ScreeningRound | None:
        """The round the o (open) or c (close) key acts on: one I may act on, preferably the
        one whose window is now."""
        local = self._now().astimezone(AMSTERDAM)
        clock, day = local.strftime("%H:%M"), local.date().isoformat()
        cards = sorted(
            self.cards,
            key=lambda c: (
                not (
                    c.round is not None
                    and c.round.date == day
                    and c.round.start <= clock < c.round.end
                )
            ),
        )
        for card in cards:
            found = card.round
            if found is None or card.isHidden() or card.button.isHidden():
                continue
            if (found.state == "open") != opening:
                return found
        return None
