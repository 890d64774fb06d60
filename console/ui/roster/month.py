"""The month overview: a compact grid of a month, a row per day and a column per block,
each cell the institution's short name, with forum duty and unfilled seats marked.
Filtered on one institution it becomes the institution view: only that institution's
blocks, with who sits. Fed with the same roster data as the week grid."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtCore import Signal as QtSignal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.domain.roster import SEATS_PER_BLOCK
from console.services.roster import RosterBlock, RosterDay, RosterPeople, RosterWeek
from console.ui.roster.fairness import first_of_month, last_of_month, month_label
from console.ui.roster.labels import short_day_text

ModelIndex = QModelIndex | QPersistentModelIndex
MAX_BLOCKS = 3
UNFILLED = QColor("#ffebee")
CLOSED = QColor("#eeeeee")


class MonthModel(QAbstractTableModel):
    """All institutions: days by blocks. One institution: its blocks with who sits."""

    def __init__(self) -> None:
        super().__init__()
        self.month: RosterWeek | None = None
        self.directory = RosterPeople({}, {})
        self.institution: str | None = None
        #: (day, roster day or None when closed, block or None).
        self.rows: list[tuple[date, RosterDay | None, RosterBlock | None]] = []

    def set_month(self, month: RosterWeek | None) -> None:
        self.month = month
        self._rebuild()

    def set_directory(self, directory: RosterPeople) -> None:
        self.directory = directory
        self._rebuild()

    def set_institution(self, institution_id: str | None) -> None:
        self.institution = institution_id
        self._rebuild()

    def _rebuild(self) -> None:
        self.beginResetModel()
        rows: list[tuple[date, RosterDay | None, RosterBlock | None]] = []
        month = self.month
        if month is not None:
            by_day = {d.day: d for d in month.days}
            day = month.start
            while day <= month.end:
                found = by_day.get(day)
                if self.institution is None:
                    if found is not None or day in month.closed:
                        rows.append((day, found, None))
                elif found is not None:
                    rows.extend(
                        (day, found, b)
                        for b in found.blocks
                        if b.institution_id == self.institution
                    )
                day += timedelta(days=1)
        self.rows = rows
        self.endResetModel()

    # ------------------------------------------------------------------ words
    def short_name(self, institution_id: str) -> str:
        found = self.directory.institutions.get(institution_id)
        return found.code or found.name if found is not None else institution_id

    def cell_text(self, block: RosterBlock, day: RosterDay) -> str:
        if block.institution_id is None:
            return self.tr("\u2014 no institution")
        text = self.short_name(block.institution_id)
        if day.forum.institution_id == block.institution_id:
            text += "  " + self.tr("[F]")
        free = SEATS_PER_BLOCK - len(block.people)
        if free > 0:
            text += "  " + self.tr("%n open seat(s)", "", free)
        return text

    def seat_text(self, block: RosterBlock, seat: int) -> str:
        if seat >= len(block.people):
            return self.tr("open seat")
        person = block.people[seat]
        return (
            self.directory.name_of(person)
            if person in self.directory.people
            else (self.tr("seat taken"))
        )

    # ------------------------------------------------------------------ Qt model
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid():
            return 0
        return 5 if self.institution is not None else 1 + MAX_BLOCKS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return self.tr("Day")
        if self.institution is None:
            return self.tr("Block {0}").format(section)
        titles = [self.tr("Block"), self.tr("Seat 1"), self.tr("Seat 2"), self.tr("Forum")]
        return titles[section - 1] if section <= len(titles) else None

    def block_at(self, index: ModelIndex) -> RosterBlock | None:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        _day, found, block = self.rows[index.row()]
        if block is not None:
            return block
        if found is None or index.column() == 0:
            return None
        column = index.column() - 1
        return found.blocks[column] if column < len(found.blocks) else None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        day, found, own = self.rows[index.row()]
        column = index.column()
        block = self.block_at(index)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return short_day_text(day)
            if found is None:
                reason = self.month.closed.get(day, "") if self.month else ""
                return self.tr("closed: {0}").format(reason) if column == 1 else ""
            if own is not None:
                if column == 1:
                    return self.tr("Block {0}").format(own.index + 1)
                if column in (2, 3):
                    return self.seat_text(own, column - 2)
                return (
                    self.tr("forum duty")
                    if found.forum.institution_id == own.institution_id
                    else ""
                )
            return "" if block is None else self.cell_text(block, found)
        if role == Qt.ItemDataRole.BackgroundRole:
            if found is None:
                return QBrush(CLOSED)
            if column == 0:
                special = found.holiday or found.hard_to_staff
                return QBrush(QColor("#fff3e0")) if special else None
            if block is None:
                return None
            if own is not None:
                empty_seat = column in (2, 3) and column - 2 >= len(block.people)
                return QBrush(UNFILLED) if empty_seat else None
            open_seats = block.institution_id is None or len(block.people) < SEATS_PER_BLOCK
            return QBrush(UNFILLED) if open_seats else None
        if role == Qt.ItemDataRole.ForegroundRole and found is None:
            return QBrush(QColor("#9e9e9e"))
        forum = found is not None and block is not None and own is None
        if role == Qt.ItemDataRole.FontRole and forum:
            assert found is not None and block is not None
            if block.institution_id and found.forum.institution_id == block.institution_id:
                font = QFont()
                font.setBold(True)
                return font
            return None
        if role == Qt.ItemDataRole.ToolTipRole and block is not None and found is not None:
            if block.institution_id is None:
                return None
            names = [self.seat_text(block, s) for s in range(SEATS_PER_BLOCK)]
            return "\n".join([self.directory.name_of_institution(block.institution_id), *names])
        return None


class MonthView(QWidget):
    """The month with navigation and the institution filter."""

    #: (first day, last day) of the month to show.
    month_requested = QtSignal(object, object)

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rosterMonth")
        self.today = today
        self.first = first_of_month(today)
        self.model = MonthModel()

        self.label = QLabel()
        self.label.setObjectName("monthLabel")
        self.label.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.previous = QPushButton(self.tr("\u2190 Previous month"))
        self.previous.setObjectName("monthPrevious")
        self.this_month = QPushButton(self.tr("This month"))
        self.next = QPushButton(self.tr("Next month \u2192"))
        self.next.setObjectName("monthNext")
        self.previous.clicked.connect(lambda: self.go(first_of_month(self.first - timedelta(1))))
        self.next.clicked.connect(lambda: self.go(last_of_month(self.first) + timedelta(1)))
        self.this_month.clicked.connect(lambda: self.go(first_of_month(self.today)))
        self.filter = QComboBox()
        self.filter.setObjectName("monthInstitution")
        self.filter.addItem(self.tr("All institutions"), None)
        self.filter.currentIndexChanged.connect(
            lambda _i: self.model.set_institution(self.filter.currentData())
        )
        bar = QHBoxLayout()
        bar.addWidget(self.label, 1)
        bar.addWidget(self.filter)
        for button in (self.previous, self.this_month, self.next):
            bar.addWidget(button)

        self.view = QTableView()
        self.view.setObjectName("monthTable")
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(24)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        legend = QLabel(self.tr("[F] forum duty \u00b7 red: seats still open"))
        legend.setStyleSheet("color: #616161;")
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(legend)
        layout.addWidget(self.message)
        self._update_label()

    def period(self) -> tuple[date, date]:
        return self.first, last_of_month(self.first)

    def go(self, first: date) -> None:
        self.first = first_of_month(first)
        self._update_label()
        self.month_requested.emit(*self.period())

    def _update_label(self) -> None:
        self.label.setText(month_label(self.first))

    def set_directory(self, directory: RosterPeople) -> None:
        chosen = self.filter.currentData()
        self.filter.blockSignals(True)
        self.filter.clear()
        self.filter.addItem(self.tr("All institutions"), None)
        for inst in sorted(directory.institutions.values(), key=lambda i: i.name):
            self.filter.addItem(inst.name, inst.id)
        found = self.filter.findData(chosen)
        self.filter.setCurrentIndex(max(0, found))
        self.filter.blockSignals(False)
        self.model.set_directory(directory)

    def choose_institution(self, institution_id: str | None) -> None:
        self.filter.setCurrentIndex(max(0, self.filter.findData(institution_id)))

    def set_month(self, month: RosterWeek) -> None:
        if (month.start, month.end) != self.period():
            return  # an answer for a month no longer shown
        self.model.set_month(month)
        self.message.clear()
        today = next((r for r, row in enumerate(self.model.rows) if row[0] >= self.today), None)
        if today is not None:
            self.view.scrollTo(
                self.model.index(today, 0), QAbstractItemView.ScrollHint.PositionAtTop
            )

    def show_message(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #c62828;" if error else "color: #2e7d32;")
