"""Replacement in the roster area: offers one may take, one's own requests, asking with a
reason, and (for coordinators and supervisors) the trail of every request.

The view shows what it is handed and reports what the person wants through signals; the
controller (`console.roster_duty_controller`) connects it to the RosterDutyService.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.domain.hours import AMSTERDAM
from console.services.roster import RosterPeople
from console.services.roster_duty import LAPSED, OPEN, TAKEN, WITHDRAWN, ReplacementRequest
from console.ui.roster.labels import day_text

ModelIndex = QModelIndex | QPersistentModelIndex


def _stamp(request: ReplacementRequest, which: str) -> str:
    moment = getattr(request, which)
    return "" if moment is None else moment.astimezone(AMSTERDAM).strftime("%d-%m %H:%M")


class RequestsModel(QAbstractTableModel):
    """Replacement requests; `trail` adds who took it and when."""

    DAY, INSTITUTION, REQUESTER, REASON, STATE, REQUESTED, TAKEN_BY = range(7)

    def __init__(self, trail: bool = False) -> None:
        super().__init__()
        self.trail = trail
        self.requests: list[ReplacementRequest] = []
        self.directory = RosterPeople({}, {})

    def set_requests(self, requests: Iterable[ReplacementRequest], directory: RosterPeople) -> None:
        self.beginResetModel()
        self.requests = list(requests)
        self.directory = directory
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.requests)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else (7 if self.trail else 5)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Date"),
            self.tr("Institution"),
            self.tr("Asked by"),
            self.tr("Reason"),
            self.tr("Status"),
            self.tr("Asked at"),
            self.tr("Taken by"),
        )[section]

    def state_text(self, request: ReplacementRequest) -> str:
        if request.state == OPEN:
            return self.tr("open")
        if request.state == TAKEN:
            return self.tr("taken by {0}").format(request.taken_by or "")
        if request.state == WITHDRAWN:
            return self.tr("withdrawn")
        if request.state == LAPSED:
            return self.tr("lapsed")
        return request.state

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        request = self.requests[index.row()]
        column = index.column()
        if column == self.DAY:
            return self.tr("{0} {1}, block {2}").format(
                day_text(request.day), request.day.year, request.index + 1
            )
        if column == self.INSTITUTION:
            return self.directory.name_of_institution(request.institution_id)
        if column == self.REQUESTER:
            return request.requester
        if column == self.REASON:
            return request.reason
        if column == self.STATE:
            return self.state_text(request)
        if column == self.REQUESTED:
            return _stamp(request, "requested_at")
        if request.taken_by:
            return f"{request.taken_by} ({_stamp(request, 'taken_at')})"
        if request.withdrawn_at is not None:
            return self.tr("withdrawn {0}").format(_stamp(request, "withdrawn_at"))
        return ""

    def at(self, row: int) -> ReplacementRequest | None:
        return self.requests[row] if 0 <= row < len(self.requests) else None


def _table(model: QAbstractTableModel, name: str) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


def _selected(table: QTableView, model: RequestsModel) -> ReplacementRequest | None:
    rows = table.selectionModel().selectedRows()
    return model.at(rows[0].row()) if rows else None


class AskDialog(QDialog):
    """Asking to be replaced in one shift, with an optional reason."""

    #: (reason)
    ask_requested = Signal(str)

    def __init__(self, shift_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("askReplacementDialog")
        self.setWindowTitle(self.tr("Ask for a replacement"))
        intro = QLabel(
            self.tr(
                "Colleagues of your institution who may take your seat on {0} will see "
                "your request. You stay responsible for this shift until someone takes it."
            ).format(shift_text)
        )
        intro.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setObjectName("replacementReason")
        self.reason.setMaxLength(500)
        self.reason.setPlaceholderText(self.tr("Reason (optional)"))
        self.error = QLabel()
        self.error.setObjectName("askError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()
        self.buttons = QDialogButtonBox()
        self.ask_button = self.buttons.addButton(
            self.tr("Ask for a replacement"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ask_button.setObjectName("askSend")
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._ask)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.reason)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _ask(self) -> None:
        self.ask_button.setEnabled(False)
        self.ask_requested.emit(self.reason.text().strip())

    def failed(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.ask_button.setEnabled(True)


class ReplacementView(QWidget):
    """Offers for me (take one), my requests (withdraw one) and, for overseers, the trail."""

    #: (request) the person takes this shift.
    take_requested = Signal(object)
    #: (request) the person withdraws their request.
    withdraw_requested = Signal(object)
    refresh_requested = Signal()

    def __init__(self, overseer: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rosterReplacements")
        self.offers = RequestsModel()
        self.mine = RequestsModel()
        self.trail = RequestsModel(trail=True)
        self.offers_table = _table(self.offers, "replacementOffers")
        self.mine_table = _table(self.mine, "replacementMine")
        self.trail_table = _table(self.trail, "replacementTrail")
        self.take = QPushButton(self.tr("Take this shift"))
        self.take.setObjectName("takeShift")
        self.withdraw = QPushButton(self.tr("Withdraw my request"))
        self.withdraw.setObjectName("withdrawRequest")
        self.refresh = QPushButton(self.tr("Refresh"))
        self.refresh.setObjectName("replacementsRefresh")
        self.take.clicked.connect(self._take)
        self.withdraw.clicked.connect(self._withdraw)
        self.refresh.clicked.connect(self.refresh_requested)
        self.no_offers = QLabel(self.tr("Nobody of your institution is looking for a replacement."))
        self.no_offers.setObjectName("noOffers")
        self.message = QLabel()
        self.message.setObjectName("replacementMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)

        layout = QVBoxLayout(self)
        layout.addWidget(self._heading(self.tr("Shifts you can take")))
        layout.addWidget(self.offers_table, 2)
        layout.addWidget(self.no_offers)
        take_row = QHBoxLayout()
        take_row.addWidget(self.take)
        take_row.addStretch(1)
        take_row.addWidget(self.refresh)
        layout.addLayout(take_row)
        layout.addWidget(self._heading(self.tr("Your requests")))
        layout.addWidget(self.mine_table, 1)
        mine_row = QHBoxLayout()
        mine_row.addWidget(self.withdraw)
        mine_row.addStretch(1)
        layout.addLayout(mine_row)
        self.trail_box = QWidget()
        trail_layout = QVBoxLayout(self.trail_box)
        trail_layout.setContentsMargins(0, 0, 0, 0)
        trail_layout.addWidget(self._heading(self.tr("All requests (four weeks back and ahead)")))
        trail_layout.addWidget(self.trail_table)
        self.trail_box.setVisible(overseer)
        layout.addWidget(self.trail_box, 2)
        layout.addWidget(self.message)

    @staticmethod
    def _heading(text: str) -> QLabel:
        label = QLabel(text)
        label.setStyleSheet("font-weight: 600;")
        return label

    def set_requests(
        self,
        offers: Iterable[ReplacementRequest],
        mine: Iterable[ReplacementRequest],
        trail: Iterable[ReplacementRequest] | None,
        directory: RosterPeople,
    ) -> None:
        self.offers.set_requests(offers, directory)
        self.mine.set_requests(mine, directory)
        self.no_offers.setVisible(not self.offers.requests)
        if trail is not None:
            self.trail.set_requests(trail, directory)

    def _take(self) -> None:
        request = _selected(self.offers_table, self.offers)
        if request is None:
            self.show_message(self.tr("Choose a shift to take first."), error=True)
            return
        self.take_requested.emit(request)

    def _withdraw(self) -> None:
        request = _selected(self.mine_table, self.mine)
        if request is None or request.state != OPEN:
            self.show_message(self.tr("Choose an open request of yours first."), error=True)
            return
        self.withdraw_requested.emit(request)

    def show_message(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(
            "color: #c62828; font-weight: 600;" if error else "color: #2e7d32;"
        )
