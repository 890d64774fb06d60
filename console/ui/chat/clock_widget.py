"""The chat's 45-minute clock: elapsed time, time left, and a warning at 35, 40 and 45 minutes."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from console.domain.chat import ClockLevel, read_clock

#: The levels in the order a chat reaches them.
_ORDER = (
    ClockLevel.NORMAL,
    ClockLevel.FIRST_WARNING,
    ClockLevel.LAST_WARNING,
    ClockLevel.OVERRUN,
)

#: (background of the clock, style of its text) per level: amber, orange-red, red and bold.
_STYLES = {
    ClockLevel.NORMAL: ("", ""),
    ClockLevel.FIRST_WARNING: ("background: #ffca28;", "color: #3e2723;"),
    ClockLevel.LAST_WARNING: ("background: #f4511e;", "color: #ffffff;"),
    ClockLevel.OVERRUN: ("background: #c62828;", "color: #ffffff; font-weight: bold;"),
}


def mm_ss(span: timedelta) -> str:
    """`span` as minutes:seconds ("07:05", "61:00"); negative spans count as zero."""
    seconds = max(0, int(span.total_seconds()))
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


class ChatClock(QWidget):
    """Shows how long the running chat lasts against the 45-minute limit.

    `now` returns the current time (aware, UTC); the widget never reads the wall clock
    itself. With `interval_ms` a QTimer calls `refresh()` while the clock runs; pass None
    to refresh only by hand (tests).
    """

    #: The ClockLevel value, once for each warning level the chat reaches.
    warning = Signal(str)

    def __init__(
        self,
        now: Callable[[], datetime],
        parent: QWidget | None = None,
        *,
        interval_ms: int | None = 1000,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("chatClock")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._now = now
        self._started: datetime | None = None
        self._stopped: datetime | None = None
        self._level = ClockLevel.NORMAL
        self._warned = ClockLevel.NORMAL
        self._timer: QTimer | None = None
        if interval_ms is not None:
            self._timer = QTimer(self)
            self._timer.setInterval(interval_ms)
            self._timer.timeout.connect(self.refresh)

        self.elapsed_label = QLabel("--:--")
        self.elapsed_label.setObjectName("chatClockElapsed")
        font = self.elapsed_label.font()
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * 1.3)
        self.elapsed_label.setFont(font)
        self.remaining_label = QLabel()
        self.remaining_label.setObjectName("chatClockRemaining")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(self.elapsed_label)
        layout.addWidget(self.remaining_label)
        layout.addStretch(1)
        self.setAccessibleName(self.tr("Chat clock"))
        self._show(None)

    def start(self, started_at: datetime) -> None:
        """Run the clock for a chat that began at `started_at` (aware)."""
        self._started = started_at
        self._stopped = None
        self._warned = ClockLevel.NORMAL
        if self._timer is not None:
            self._timer.start()
        self.refresh()

    def stop(self) -> None:
        """Freeze the clock at the current time (the chat ended)."""
        if self._started is not None and self._stopped is None:
            self._stopped = self._now()
        if self._timer is not None:
            self._timer.stop()
        self.refresh()

    def level(self) -> ClockLevel:
        return self._level

    def refresh(self) -> None:
        if self._started is None:
            self._show(None)
            return
        end = self._stopped or self._now()
        reading = read_clock(end - self._started)
        self._show(reading.level, reading.elapsed, reading.remaining)
        if self._stopped is None and _ORDER.index(reading.level) > _ORDER.index(self._warned):
            self._warned = reading.level
            self.warning.emit(reading.level.value)

    def _show(
        self,
        level: ClockLevel | None,
        elapsed: timedelta = timedelta(0),
        remaining: timedelta = timedelta(0),
    ) -> None:
        self._level = level or ClockLevel.NORMAL
        if level is None:
            self.elapsed_label.setText("--:--")
            self.remaining_label.setText("")
            explanation = self.tr("No chat is running.")
        else:
            self.elapsed_label.setText(mm_ss(elapsed))
            left = remaining.total_seconds()
            if left >= 0:
                self.remaining_label.setText(self.tr("%n min left", "", math.ceil(left / 60)))
            else:
                self.remaining_label.setText(self.tr("%n min over time", "", math.ceil(-left / 60)))
            explanation = self._explain(level)
        background, text = _STYLES[self._level]
        self.setStyleSheet(
            f"#chatClock {{ {background} border-radius: 4px; }} #chatClock QLabel {{ {text} }}"
        )
        self.setProperty("level", self._level.value)
        self.setToolTip(explanation)
        self.setAccessibleDescription(explanation)

    def _explain(self, level: ClockLevel) -> str:
        if level is ClockLevel.FIRST_WARNING:
            return self.tr("At most 10 minutes left: start closing the circle.")
        if level is ClockLevel.LAST_WARNING:
            return self.tr("At most 5 minutes left: round the chat off now.")
        if level is ClockLevel.OVERRUN:
            return self.tr("The chat is past its 45 minutes: end it as soon as you can.")
        return self.tr("A chat lasts at most 45 minutes.")
