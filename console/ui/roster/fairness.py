"""The fairness report: per institution its blocks against its commitment, Fridays,
holidays and forum duty, with the two ends of each spread highlighted; below it the
holiday ledger of the last 12 months. Navigable by month; the view shows what it is
handed and asks for another month through a signal."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtCore import Signal as QtSignal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.services.roster_reports import CATEGORIES, FairnessReport, InstitutionFairness
from console.ui.roster.labels import short_day_text

ModelIndex = QModelIndex | QPersistentModelIndex
ABOVE = QColor("#ffe0b2")  # furthest above its share
BELOW = QColor("#bbdefb")  # furthest below its share
OFF = QColor("#c62828")  # outside its commitment


def first_of_month(day: date) -> date:
    return day.replace(day=1)


def last_of_month(first: date) -> date:
    return (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)


def month_label(first: date) -> str:
    return f"{QLocale().monthName(first.month, QLocale.FormatType.LongFormat)} {first.year}"


def _number(value: float | None) -> str:
    if value is None:
        return "\u2013"
    return QLocale().toString(float(value), "f", 2 if abs(value - round(value)) > 1e-9 else 0)


class FairnessModel(QAbstractTableModel):
    """A row per institution: commitment, then count (share) per category."""

    INSTITUTION, COMMITMENT = 0, 1

    def __init__(self) -> None:
        super().__init__()
        self.report: FairnessReport | None = None
        self.rows: list[InstitutionFairness] = []
        self.ends: dict[str, tuple[set[str], set[str]]] = {}

    def set_report(self, report: FairnessReport | None) -> None:
        self.beginResetModel()
        self.report = report
        self.rows = sorted(report.institutions, key=lambda i: i.name) if report else []
        self.ends = {c: report.extremes(c) for c in CATEGORIES} if report else {}
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2 + len(CATEGORIES)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = [
            self.tr("Institution"),
            self.tr("Commitment"),
            self.tr("Blocks"),
            self.tr("Fridays"),
            self.tr("Holidays"),
            self.tr("Forum duty"),
        ]
        return titles[section] if 0 <= section < len(titles) else None

    def commitment_text(self, row: InstitutionFairness) -> str:
        if row.max_blocks is None:
            if row.min_blocks == 0:
                return self.tr("none")
            return self.tr("at least {0}").format(row.min_blocks)
        if row.min_blocks == row.max_blocks:
            return str(row.min_blocks)
        return f"{row.min_blocks}\u2013{row.max_blocks}"

    def cell_text(self, row: InstitutionFairness, category: str) -> str:
        figure = row.figures[category]
        if figure.share is None:
            return str(figure.count)
        return self.tr("{0} (share {1})").format(figure.count, _number(figure.share))

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        column = index.column()
        category = CATEGORIES[column - 2] if column >= 2 else None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.INSTITUTION:
                return row.name
            if column == self.COMMITMENT:
                return self.commitment_text(row)
            assert category is not None
            return self.cell_text(row, category)
        if role == Qt.ItemDataRole.BackgroundRole and category is not None:
            high, low = self.ends.get(category, (set(), set()))
            if row.id in high:
                return QBrush(ABOVE)
            if row.id in low:
                return QBrush(BELOW)
            return None
        if role == Qt.ItemDataRole.ForegroundRole and column in (self.COMMITMENT, 2):
            return QBrush(OFF) if row.commitment != "within" else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.COMMITMENT or (column == 2 and row.commitment != "within"):
                if row.commitment == "below":
                    return self.tr("Fewer blocks than the minimum of the commitment.")
                if row.commitment == "above":
                    return self.tr("More blocks than the maximum of the commitment.")
            if category is not None:
                deviation = row.figures[category].deviation
                if deviation is not None:
                    return self.tr("{0} blocks from its share").format(
                        ("+" if deviation > 0 else "") + _number(deviation)
                    )
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 1:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class LedgerModel(QAbstractTableModel):
    """The holidays of the last 12 months: day, holiday, who sat, who had forum duty."""

    def __init__(self) -> None:
        super().__init__()
        self.report: FairnessReport | None = None
        self.names: dict[str, str] = {}

    def set_report(self, report: FairnessReport | None) -> None:
        self.beginResetModel()
        self.report = report
        self.names = {i.id: i.name for i in report.institutions} if report else {}
        self.endResetModel()

    def name(self, institution_id: str | None) -> str:
        if institution_id is None:
            return self.tr("(open)")
        return self.names.get(institution_id, institution_id)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self.report is None:
            return 0
        return len(self.report.ledger.days)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = [self.tr("Day"), self.tr("Holiday"), self.tr("Institutions"), self.tr("Forum")]
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.report is None or not index.isValid():
            return None
        days = self.report.ledger.days
        if not 0 <= index.row() < len(days):
            return None
        day = days[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return short_day_text(day.day)
            if index.column() == 1:
                if day.hard_to_staff:
                    return self.tr("{0} (hard to staff)").format(day.name)
                return day.name
            if index.column() == 2:
                return ", ".join(self.name(i) for i in day.institutions)
            return self.name(day.forum) if day.forum else ""
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 2:
            return QBrush(OFF) if None in day.institutions else None
        return None


class FairnessView(QWidget):
    """The report for a month, with navigation; asks for months through a signal."""

    #: (first day, last day) of the month to report on.
    period_requested = QtSignal(object, object)

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rosterFairness")
        self.today = today
        self.first = first_of_month(today)
        self.report: FairnessReport | None = None

        self.label = QLabel()
        self.label.setObjectName("fairnessMonth")
        self.label.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.previous = QPushButton(self.tr("\u2190 Previous month"))
        self.previous.setObjectName("fairnessPrevious")
        self.this_month = QPushButton(self.tr("This month"))
        self.next = QPushButton(self.tr("Next month \u2192"))
        self.next.setObjectName("fairnessNext")
        self.previous.clicked.connect(lambda: self.go(first_of_month(self.first - timedelta(1))))
        self.next.clicked.connect(lambda: self.go(last_of_month(self.first) + timedelta(1)))
        self.this_month.clicked.connect(lambda: self.go(first_of_month(self.today)))
        bar = QHBoxLayout()
        bar.addWidget(self.label, 1)
        for button in (self.previous, self.this_month, self.next):
            bar.addWidget(button)

        self.model = FairnessModel()
        self.table = QTableView()
        self.table.setObjectName("fairnessTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.spread = QLabel()
        self.spread.setObjectName("fairnessSpread")
        self.spread.setWordWrap(True)
        self.spread.setTextFormat(Qt.TextFormat.PlainText)
        legend = QLabel(
            self.tr(
                "Orange: furthest above its share; blue: furthest below. The share is the "
                "period's blocks in proportion to the commitments."
            )
        )
        legend.setWordWrap(True)
        legend.setStyleSheet("color: #616161;")

        self.ledger_title = QLabel()
        self.ledger_title.setStyleSheet("font-weight: 600;")
        self.ledger_model = LedgerModel()
        self.ledger = QTableView()
        self.ledger.setObjectName("fairnessLedger")
        self.ledger.setModel(self.ledger_model)
        self.ledger.verticalHeader().hide()
        self.ledger.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.ledger.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.ledger_counts = QLabel()
        self.ledger_counts.setObjectName("fairnessLedgerCounts")
        self.ledger_counts.setWordWrap(True)
        self.ledger_counts.setTextFormat(Qt.TextFormat.PlainText)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.spread)
        layout.addWidget(legend)
        layout.addWidget(self.ledger_title)
        layout.addWidget(self.ledger, 2)
        layout.addWidget(self.ledger_counts)
        layout.addWidget(self.message)
        self._update_label()

    def period(self) -> tuple[date, date]:
        return self.first, last_of_month(self.first)

    def go(self, first: date) -> None:
        self.first = first_of_month(first)
        self._update_label()
        self.period_requested.emit(*self.period())

    def _update_label(self) -> None:
        self.label.setText(self.tr("Fairness, {0}").format(month_label(self.first)))

    def set_report(self, report: FairnessReport) -> None:
        if (report.start, report.end) != self.period():
            return  # an answer for a month no longer shown
        self.report = report
        self.model.set_report(report)
        self.ledger_model.set_report(report)
        names = {
            "blocks": self.tr("blocks"),
            "fridays": self.tr("Fridays"),
            "holidays": self.tr("holidays"),
            "forum": self.tr("forum duty"),
        }
        parts = []
        for category in CATEGORIES:
            figure = report.categories[category]
            if figure.total == 0:
                continue
            text = self.tr("{0}: {1} (least possible {2})").format(
                names[category], _number(figure.spread), _number(figure.least)
            )
            parts.append(text)
        self.spread.setText(self.tr("Spread in blocks: {0}").format("; ".join(parts)))
        ledger = report.ledger
        self.ledger_title.setText(
            self.tr("Holiday ledger, {0} to {1}").format(
                short_day_text(ledger.start), short_day_text(ledger.end)
            )
        )
        counts = sorted(
            ((i.name, ledger.counts.get(i.id, 0)) for i in report.institutions),
            key=lambda pair: (-pair[1], pair[0]),
        )
        if ledger.days:
            listed = ", ".join(f"{name} {count}" for name, count in counts)
            self.ledger_counts.setText(self.tr("Holidays staffed: {0}").format(listed))
        else:
            self.ledger_counts.setText(self.tr("No holidays were open in these 12 months."))
        self.message.clear()

    def show_message(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #c62828;" if error else "color: #2e7d32;")
