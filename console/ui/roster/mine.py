""" "My shifts": the person's own shifts, and their personal calendar subscription."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTime,
    Signal,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.domain.hours import AMSTERDAM, local_day
from console.services.roster import RosterPeople, Shift
from console.ui.roster.labels import day_text
from console.ui.roster.unavailability import UnavailabilityBox

ModelIndex = QModelIndex | QPersistentModelIndex
#: Shift times are service times: shown in Amsterdam time whatever the workstation's zone.


class ShiftsModel(QAbstractTableModel):
    DAY, TIME, INSTITUTION, COLLEAGUES, STATE = range(5)

    def __init__(self) -> None:
        super().__init__()
        self.shifts: list[Shift] = []
        self.directory = RosterPeople({}, {})

    def set_shifts(self, shifts: Iterable[Shift], directory: RosterPeople) -> None:
        self.beginResetModel()
        self.shifts = list(shifts)
        self.directory = directory
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.shifts)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Date"),
            self.tr("Time"),
            self.tr("Institution"),
            self.tr("Colleagues"),
            self.tr("Status"),
        )[section]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        shift = self.shifts[index.row()]
        column = index.column()
        if column == self.DAY:
            return f"{day_text(shift.day)} {shift.day.year}"
        if column == self.TIME:
            if shift.start is None or shift.end is None:
                return ""
            if shift.end - shift.start >= timedelta(hours=24):
                return self.tr("all day")  # a chat open around the clock (the demo's)
            locale = QLocale()
            start = shift.start.astimezone(AMSTERDAM).time()
            end = shift.end.astimezone(AMSTERDAM).time()
            fmt = QLocale.FormatType.ShortFormat
            first = locale.toString(QTime(start.hour, start.minute), fmt)
            last = locale.toString(QTime(end.hour, end.minute), fmt)
            return f"{first}\u2013{last}"
        if column == self.INSTITUTION:
            return self.directory.name_of_institution(shift.institution_id)
        if column == self.COLLEAGUES:
            return ", ".join(shift.colleagues) or self.tr("(nobody yet)")
        return self.tr("published") if shift.published else self.tr("draft")


class MyShiftsView(QWidget):
    refresh_requested = Signal()
    feed_requested = Signal()
    revoke_requested = Signal()
    #: The person wants the .ics file; the page asks where to save it.
    download_requested = Signal()
    #: (Shift) the person asks to be replaced in the selected shift.
    replacement_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rosterMine")
        self.unavailability = UnavailabilityBox(today or local_day(datetime.now(UTC)))
        self.model = ShiftsModel()
        self.table = QTableView()
        self.table.setObjectName("myShifts")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(ShiftsModel.COLLEAGUES, QHeaderView.ResizeMode.Stretch)

        self.empty = QLabel(self.tr("You have no shifts in the coming two months."))
        self.empty.setObjectName("myShiftsEmpty")
        self.empty.hide()

        self.subscribe = QPushButton(self.tr("Calendar subscription"))
        self.subscribe.setObjectName("feedCreate")
        self.revoke = QPushButton(self.tr("Revoke link"))
        self.revoke.setObjectName("feedRevoke")
        self.download = QPushButton(self.tr("Download .ics"))
        self.download.setObjectName("feedDownload")
        self.refresh = QPushButton(self.tr("Refresh"))
        self.refresh.setObjectName("myShiftsRefresh")
        self.subscribe.clicked.connect(self.feed_requested)
        self.revoke.clicked.connect(self.revoke_requested)
        self.download.clicked.connect(self.download_requested)
        self.refresh.clicked.connect(self.refresh_requested)
        self.ask_replacement = QPushButton(self.tr("Ask for a replacement\u2026"))
        self.ask_replacement.setObjectName("askReplacement")
        self.ask_replacement.clicked.connect(self._ask_replacement)

        self.url = QLineEdit()
        self.url.setObjectName("feedUrl")
        self.url.setReadOnly(True)
        self.copy = QPushButton(self.tr("Copy"))
        self.copy.setObjectName("feedCopy")
        self.copy.clicked.connect(self._copy)
        self.warning = QLabel(
            self.tr(
                "This link is personal: anyone who has it sees your shifts. Do not share "
                "it. Making a new link or revoking it stops the old one."
            )
        )
        self.warning.setObjectName("feedWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #e65100;")
        self.feed_box = QWidget()
        feed_layout = QVBoxLayout(self.feed_box)
        feed_layout.setContentsMargins(0, 0, 0, 0)
        url_row = QHBoxLayout()
        url_row.addWidget(self.url, 1)
        url_row.addWidget(self.copy)
        feed_layout.addLayout(url_row)
        feed_layout.addWidget(self.warning)
        self.feed_box.hide()

        self.message = QLabel()
        self.message.setObjectName("myShiftsMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)

        buttons = QHBoxLayout()
        buttons.addWidget(self.subscribe)
        buttons.addWidget(self.revoke)
        buttons.addWidget(self.download)
        buttons.addWidget(self.ask_replacement)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        layout.addWidget(self.feed_box)
        layout.addWidget(self.message)
        layout.addWidget(self.unavailability)

    def set_shifts(self, shifts: list[Shift], directory: RosterPeople) -> None:
        self.model.set_shifts(shifts, directory)
        self.empty.setVisible(not shifts)

    def _ask_replacement(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.show_message(self.tr("Choose the shift you cannot come to first."), error=True)
            return
        self.replacement_requested.emit(self.model.shifts[rows[0].row()])

    def show_feed(self, url: str) -> None:
        self.url.setText(url)
        self.feed_box.show()
        self.show_message(self.tr("Add this address to your calendar as a subscription."))

    def feed_revoked(self) -> None:
        self.url.clear()
        self.feed_box.hide()
        self.show_message(self.tr("The calendar link no longer works."))

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.url.text())
        self.show_message(self.tr("Copied."))

    def show_message(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #c62828;" if error else "color: #2e7d32;")
