"""Open days of the chat (roster coordinator, project lead, admin): the coming public
holidays and every date opened or closed by hand, each with "open this day" / "close this
day", and a date field to close an ordinary day (a training day, say).

The view asks through signals (`refresh_requested`, `open_requested(day, open)`); the
controller answers with `set_schedule` or `failed`. The rows come from
`console.services.chat_admin.open_days` (pure); this file only words them.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtCore import Signal as QtSignal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.domain.hours import WeeklySchedule, Window
from console.services.chat_admin import DayState, OpenDay, open_days

ModelIndex = QModelIndex | QPersistentModelIndex
DATE, HOLIDAY, STATE, HOURS = range(4)
ERROR_STYLE = "color: #c62828;"
OK_STYLE = "color: #2e7d32;"


def hours_text(windows: tuple[Window, ...]) -> str:
    def hhmm(minutes: int) -> str:
        return f"{minutes // 60:02d}:{minutes % 60:02d}"

    return ", ".join(f"{hhmm(w.start)}\u2013{hhmm(w.end)}" for w in windows)


def date_text(day: date) -> str:
    """ "vrijdag 25 december 2026" in the interface language."""
    locale = QLocale()
    return locale.toString(QDate(day.year, day.month, day.day), "dddd d MMMM yyyy")


class OpenDaysModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[OpenDay] = []

    def set_rows(self, rows: list[OpenDay]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [self.tr("Date"), self.tr("Public holiday"), self.tr("Chat"), self.tr("Hours")][
            section
        ]

    def state_text(self, row: OpenDay) -> str:
        return {
            DayState.OPEN: self.tr("open"),
            DayState.OPENED: self.tr("open (opened by hand)"),
            DayState.HOLIDAY: self.tr("closed (public holiday)"),
            DayState.CLOSED: self.tr("closed (closed by hand)"),
            DayState.NO_HOURS: self.tr("closed (no opening hours on this weekday)"),
        }[row.state]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == DATE:
                return date_text(row.day)
            if column == HOLIDAY:
                return row.holiday
            if column == STATE:
                return self.state_text(row)
            return hours_text(row.windows) if row.windows else "\u2013"
        if role == Qt.ItemDataRole.ForegroundRole and column == STATE:
            return QBrush(QColor("#2e7d32" if row.is_open else "#c62828"))
        if role == Qt.ItemDataRole.UserRole:
            return row.day
        return None


class OpenDaysView(QWidget):
    refresh_requested = QtSignal()
    #: (date, open: bool)
    open_requested = QtSignal(object, bool)

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("adminOpenDays")
        self.today = today
        self.schedule: WeeklySchedule | None = None
        self.busy = False

        heading = QLabel(self.tr("Open days of the chat"))
        heading.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setObjectName("openDaysRefresh")
        self.refresh_button.clicked.connect(self.refresh)
        bar = QHBoxLayout()
        bar.addWidget(heading, 1)
        bar.addWidget(self.refresh_button)

        self.explanation = QLabel()
        self.explanation.setObjectName("openDaysExplanation")
        self.explanation.setTextFormat(Qt.TextFormat.PlainText)
        self.explanation.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("openDaysMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)

        self.model = OpenDaysModel()
        self.table = QTableView()
        self.table.setObjectName("openDaysTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(HOLIDAY, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())

        self.open_button = QPushButton(self.tr("Open this day"))
        self.open_button.setObjectName("openDayOpen")
        self.open_button.clicked.connect(lambda: self._ask_selected(True))
        self.close_button = QPushButton(self.tr("Close this day"))
        self.close_button.setObjectName("openDayClose")
        self.close_button.clicked.connect(lambda: self._ask_selected(False))
        row_buttons = QHBoxLayout()
        row_buttons.addWidget(self.open_button)
        row_buttons.addWidget(self.close_button)
        row_buttons.addStretch(1)

        self.other_day = QDateEdit()
        self.other_day.setObjectName("otherDay")
        self.other_day.setCalendarPopup(True)
        self.other_day.setDisplayFormat("dd-MM-yyyy")
        self.other_day.setMinimumDate(QDate(today.year, today.month, today.day))
        tomorrow = today + timedelta(days=1)
        self.other_day.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
        self.close_other_button = QPushButton(self.tr("Close that day"))
        self.close_other_button.setObjectName("otherDayClose")
        self.close_other_button.clicked.connect(self.close_other)
        other = QHBoxLayout()
        other.addWidget(QLabel(self.tr("Close another day (a training day, say):")))
        other.addWidget(self.other_day)
        other.addWidget(self.close_other_button)
        other.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.explanation)
        layout.addWidget(self.table, 1)
        layout.addLayout(row_buttons)
        layout.addLayout(other)
        layout.addWidget(self.message)
        self._enable()

    # ------------------------------------------------------------------ showing
    def set_schedule(self, schedule: WeeklySchedule, changed: date | None = None) -> None:
        self.busy = False
        self.schedule = schedule
        selected = changed or self.selected_day()
        self.model.set_rows(open_days(schedule, self.today))
        self.explanation.setText(self.explain(schedule))
        if selected is not None:
            self.select(selected)
        if changed is not None:
            row = self.row_of(changed)
            state = self.model.state_text(row) if row is not None else ""
            self.show_message(self.tr("Saved: {0} is now {1}.").format(date_text(changed), state))
        self._enable()

    def explain(self, schedule: WeeklySchedule) -> str:
        hours = "; ".join(self.weekly_parts(schedule)) or self.tr("none")
        if schedule.closed_on_public_holidays:
            rule = self.tr(
                "The chat is closed on Dutch public holidays unless a day is opened here."
            )
        else:
            rule = self.tr("The chat keeps its weekly hours on public holidays too.")
        return self.tr("Weekly hours: {0}. {1} Opening a day adds no hours to it.").format(
            hours, rule
        )

    def weekly_parts(self, schedule: WeeklySchedule) -> list[str]:
        """ "maandag t/m vrijdag 16:00-18:00": runs of weekdays with the same hours."""

        def name(weekday: int) -> str:
            return QLocale().dayName(weekday + 1, QLocale.FormatType.LongFormat)

        parts: list[str] = []
        weekday = 0
        while weekday < 7:
            windows = tuple(schedule.windows.get(weekday, ()))
            last = weekday
            while last + 1 < 7 and tuple(schedule.windows.get(last + 1, ())) == windows:
                last += 1
            if windows:
                days = (
                    name(weekday)
                    if last == weekday
                    else self.tr("{0} to {1}").format(name(weekday), name(last))
                )
                parts.append(f"{days} {hours_text(windows)}")
            weekday = last + 1
        return parts

    def row_of(self, day: date) -> OpenDay | None:
        return next((r for r in self.model.rows if r.day == day), None)

    def select(self, day: date) -> None:
        for number, row in enumerate(self.model.rows):
            if row.day == day:
                self.table.selectRow(number)
                return

    def selected_row(self) -> OpenDay | None:
        chosen = self.table.selectionModel().selectedRows()
        if not chosen:
            return None
        return self.model.rows[chosen[0].row()]

    def selected_day(self) -> date | None:
        row = self.selected_row()
        return None if row is None else row.day

    def _enable(self) -> None:
        row = self.selected_row()
        ready = self.schedule is not None and not self.busy
        self.open_button.setEnabled(ready and row is not None and row.may_open)
        self.close_button.setEnabled(ready and row is not None and row.may_close)
        self.close_other_button.setEnabled(ready)
        self.refresh_button.setEnabled(not self.busy)

    # ------------------------------------------------------------------ asking
    def refresh(self) -> None:
        self.busy = True
        self._enable()
        self.refresh_requested.emit()

    def _ask_selected(self, open_: bool) -> None:
        row = self.selected_row()
        if row is not None:
            self.ask(row.day, open_)

    def close_other(self) -> None:
        value = self.other_day.date()
        self.ask(date(value.year(), value.month(), value.day()), False)

    def ask(self, day: date, open_: bool) -> None:
        if self.busy:
            return
        self.busy = True
        self.message.clear()
        self._enable()
        self.open_requested.emit(day, open_)

    def failed(self, text: str) -> None:
        self.busy = False
        self.show_message(text, error=True)
        self._enable()

    def show_message(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if error else OK_STYLE)
