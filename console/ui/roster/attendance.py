"""The attendance report for coordinators, supervisors and the project lead: per block and
person who was present, late or a no-show, with totals per person and per institution."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
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

from console.services.roster import RosterPeople
from console.services.roster_duty import LATE, NO_SHOW, PRESENT, AttendanceReport, AttendanceTotal
from console.ui.roster.labels import day_text

ModelIndex = QModelIndex | QPersistentModelIndex


class MarksModel(QAbstractTableModel):
    """One row per person per block."""

    DAY, INSTITUTION, PERSON, STATUS = range(4)

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[tuple[date, int, str, str, str, int | None]] = []
        self.directory = RosterPeople({}, {})

    def set_report(self, report: AttendanceReport, directory: RosterPeople) -> None:
        self.beginResetModel()
        self.directory = directory
        self.rows = [
            (b.day, b.index, b.institution_id, m.name, m.status, m.minutes_late)
            for b in report.blocks
            for m in b.people
        ]
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
        return (self.tr("Date"), self.tr("Institution"), self.tr("Person"), self.tr("Attendance"))[
            section
        ]

    def status_text(self, status: str, minutes: int | None) -> str:
        if status == PRESENT:
            return self.tr("present")
        if status == LATE:
            return self.tr("late (%n minute(s))", "", minutes or 0)
        if status == NO_SHOW:
            return self.tr("did not show up")
        return status

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        day, block, inst, name, status, minutes = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATUS:
            return QColor({LATE: "#e65100", NO_SHOW: "#c62828"}.get(status, "#2e7d32"))
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == self.DAY:
            return self.tr("{0} {1}, block {2}").format(day_text(day), day.year, block + 1)
        if column == self.INSTITUTION:
            return self.directory.name_of_institution(inst)
        if column == self.PERSON:
            return name
        return self.status_text(status, minutes)


class AttendanceView(QWidget):
    #: (start, end) the period to report on.
    report_requested = Signal(object, object)

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rosterAttendance")
        self.directory = RosterPeople({}, {})
        self.start = QDateEdit(QDate(today - timedelta(days=28)))
        self.start.setObjectName("attendanceStart")
        self.end = QDateEdit(QDate(today))
        self.end.setObjectName("attendanceEnd")
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd-MM-yyyy")
        self.show_button = QPushButton(self.tr("Show"))
        self.show_button.setObjectName("attendanceShow")
        self.show_button.clicked.connect(self.ask)
        self.model = MarksModel()
        self.table = QTableView()
        self.table.setObjectName("attendanceTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.totals = QLabel()
        self.totals.setObjectName("attendanceTotals")
        self.totals.setTextFormat(Qt.TextFormat.PlainText)
        self.totals.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("attendanceMessage")
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("From")))
        row.addWidget(self.start)
        row.addWidget(QLabel(self.tr("to")))
        row.addWidget(self.end)
        row.addWidget(self.show_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.totals)
        layout.addWidget(self.message)

    def period(self) -> tuple[date, date]:
        return self.start.date().toPython(), self.end.date().toPython()  # type: ignore[return-value]

    def ask(self) -> None:
        start, end = self.period()
        if end < start:
            self.show_message(self.tr("The period ends before it starts."), error=True)
            return
        self.report_requested.emit(start, end)

    def _total_line(self, total: AttendanceTotal, name: str) -> str:
        return self.tr("{0}: {1} present, {2} late, {3} did not show up").format(
            name, total.present, total.late, total.no_show
        )

    def set_report(self, report: AttendanceReport, directory: RosterPeople) -> None:
        self.directory = directory
        self.model.set_report(report, directory)
        lines = [
            self.tr(
                "Late means more than %n minute(s) after the start.", "", report.late_after_minutes
            )
        ]
        lines += [
            self._total_line(t, directory.name_of_institution(t.id) or t.name)
            for t in report.institutions
        ]
        lines += [self._total_line(p, p.name) for p in report.people if p.late or p.no_show]
        if not report.blocks:
            lines.append(self.tr("No attendance was recorded in this period."))
        self.totals.setText("\n".join(lines))
        self.show_message("")

    def show_message(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #c62828;" if error else "color: #2e7d32;")
