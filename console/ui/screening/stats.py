"""Screening statistics for the coordinator: per round and per screener the counts per
decision, and each screener's reject rate beside the overall one and the service's
reference (about 1% of replies), so screening stays consistent between people."""

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
    Signal,
)
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

ModelIndex = QModelIndex | QPersistentModelIndex
DECISIONS = ("publish", "edit", "reject", "hold", "escalate")
#: The service's reference: about 1% of replies is rejected.
REFERENCE_REJECT_RATE = 0.01


def percent(rate: object) -> str:
    """A rate as the user's locale writes it ("1,0%" in Dutch)."""
    if not isinstance(rate, int | float):
        return "\u2014"
    return QLocale().toString(float(rate) * 100, "f", 1) + "%"


class RowsModel(QAbstractTableModel):
    """A small read-only table (a few dozen rows): headers and rows of strings."""

    def __init__(self, headers: list[str]) -> None:
        super().__init__()
        self.headers = headers
        self.rows: list[list[str]] = []
        self.highlight: set[int] = set()

    def set_rows(self, rows: list[list[str]], highlight: set[int] | None = None) -> None:
        self.beginResetModel()
        self.rows = rows
        self.highlight = highlight or set()
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.rows[index.row()][index.column()]
        last = index.column() == len(self.headers) - 1
        if role == Qt.ItemDataRole.ForegroundRole and last and index.row() in self.highlight:
            return QBrush(QColor("#c62828"))
        return None


def _table(model: QAbstractTableModel, name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class StatsView(QWidget):
    #: (from, to) inclusive dates
    requested = Signal(object, object)

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screeningStats")
        self.start = QDateEdit(QDate(today - timedelta(days=30)))
        self.end = QDateEdit(QDate(today))
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd-MM-yyyy")
        self.refresh = QPushButton(self.tr("Show"))
        self.refresh.setObjectName("statsRefresh")
        self.refresh.clicked.connect(self.request)
        self.overall = QLabel()
        self.overall.setObjectName("statsOverall")
        self.overall.setTextFormat(Qt.TextFormat.PlainText)
        self.overall.setWordWrap(True)
        counts = [
            self.tr("Published"),
            self.tr("Edited"),
            self.tr("Rejected"),
            self.tr("Held"),
            self.tr("Escalated"),
        ]
        self.screeners = RowsModel([self.tr("Screener"), *counts, self.tr("Reject rate")])
        self.rounds = RowsModel(
            [
                self.tr("Date"),
                self.tr("Round"),
                self.tr("Screener"),
                *counts,
                self.tr("Reject rate"),
            ]
        )
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("From")))
        top.addWidget(self.start)
        top.addWidget(QLabel(self.tr("to")))
        top.addWidget(self.end)
        top.addWidget(self.refresh)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.overall)
        layout.addWidget(QLabel(self.tr("Per screener")))
        layout.addWidget(_table(self.screeners, "statsScreeners"), 1)
        layout.addWidget(QLabel(self.tr("Per round")))
        layout.addWidget(_table(self.rounds, "statsRounds"), 1)

    def request(self) -> None:
        self.requested.emit(self.start.date().toPython(), self.end.date().toPython())

    def show_error(self, text: str) -> None:
        self.overall.setText(text)

    def set_stats(self, stats: dict[str, Any]) -> None:
        overall = stats.get("overall") or {}
        overall_rate = overall.get("reject_rate")
        self.overall.setText(
            self.tr(
                "Overall: {0} decisions, reject rate {1}; of replies {2} "
                "(the service's reference: about {3} of replies)."
            ).format(
                sum(int(v) for v in (overall.get("counts") or {}).values()),
                percent(overall_rate),
                percent(overall.get("reply_reject_rate")),
                percent(REFERENCE_REJECT_RATE),
            )
        )
        rows: list[list[str]] = []
        unusual: set[int] = set()
        for number, person in enumerate(stats.get("per_screener") or []):
            rows.append(self._row([str(person.get("name", ""))], person))
            if self._unusual(person.get("reject_rate"), overall_rate):
                unusual.add(number)
        self.screeners.set_rows(rows, unusual)
        round_rows: list[list[str]] = []
        for found in stats.get("rounds") or []:
            window = found.get("window") or {}
            label = f"{window.get('start', '')}\u2013{window.get('end', '')}"
            for person in found.get("per_screener") or []:
                round_rows.append(
                    self._row(
                        [str(found.get("date", "")), label, str(person.get("name", ""))], person
                    )
                )
        self.rounds.set_rows(round_rows)

    @staticmethod
    def _row(first: list[str], person: dict[str, Any]) -> list[str]:
        counts = person.get("counts") or {}
        return [
            *first,
            *(str(int(counts.get(d, 0))) for d in DECISIONS),
            percent(person.get("reject_rate")),
        ]

    @staticmethod
    def _unusual(rate: object, overall: object) -> bool:
        """A screener who rejects clearly more than the team (twice, and over 2 points)."""
        if not isinstance(rate, int | float) or not isinstance(overall, int | float):
            return False
        return rate > 2 * overall and rate - overall > 0.02
