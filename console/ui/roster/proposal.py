"""A proposal's difference to the draft: day / block / before -> after, forum changes too,
with Accept and Reject. The dialog reports what the coordinator chose; the controller
calls the server and closes it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.services.roster import Proposal, RosterPeople
from console.ui.roster.labels import short_day_text

ModelIndex = QModelIndex | QPersistentModelIndex


class ProposalModel(QAbstractTableModel):
    DAY, WHAT, BEFORE, AFTER = range(4)

    def __init__(self, proposal: Proposal, directory: RosterPeople) -> None:
        super().__init__()
        self.directory = directory
        rows: list[tuple[Any, str, str | None, str | None]] = [
            (c.day, self.tr("Block {0}").format(c.index + 1), c.before, c.after)
            for c in proposal.blocks
        ]
        rows += [(c.day, self.tr("Forum duty"), c.before, c.after) for c in proposal.forum]
        rows.sort(key=lambda r: (r[0], r[1]))
        self.rows = rows

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Day"), self.tr("Block"), self.tr("Now"), self.tr("Proposed"))[section]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        day, what, before, after = self.rows[index.row()]
        column = index.column()
        if column == self.DAY:
            return short_day_text(day)
        if column == self.WHAT:
            return what
        value = before if column == self.BEFORE else after
        if value is None:
            return self.tr("(none)")
        return self.directory.name_of_institution(value)


class ProposalDialog(QDialog):
    accept_requested = Signal(str)
    reject_requested = Signal(str)

    def __init__(
        self, proposal: Proposal, directory: RosterPeople, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("rosterProposalDialog")
        self.proposal = proposal
        self.setWindowTitle(self.tr("Roster proposal"))
        self.resize(720, 520)
        self.model = ProposalModel(proposal, directory)
        self.table = QTableView()
        self.table.setObjectName("proposalTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

        status = {
            "optimal": self.tr("the best possible roster (proven)"),
            "feasible": self.tr("a good roster (the time ran out before proving the best)"),
        }.get(proposal.status, proposal.status)
        summary = QLabel(
            self.tr(
                "{0} \u2013 {1}: {2}. Changes to the draft: {3} block(s), {4} forum duty."
            ).format(
                short_day_text(proposal.start),
                short_day_text(proposal.end),
                status,
                len(proposal.blocks),
                len(proposal.forum),
            )
        )
        summary.setObjectName("proposalSummary")
        summary.setWordWrap(True)
        summary.setTextFormat(Qt.TextFormat.PlainText)
        if proposal.empty:
            summary.setText(
                summary.text() + "\n" + self.tr("The proposal is the same as the draft.")
            )

        self.message = QLabel()
        self.message.setObjectName("proposalMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.accept_button = QPushButton(self.tr("Accept"))
        self.accept_button.setObjectName("proposalAccept")
        self.reject_button = QPushButton(self.tr("Reject"))
        self.reject_button.setObjectName("proposalReject")
        self.accept_button.clicked.connect(self._accept)
        self.reject_button.clicked.connect(self._reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.reject_button)
        buttons.addWidget(self.accept_button)

        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def _accept(self) -> None:
        self._busy()
        self.accept_requested.emit(self.proposal.id)

    def _reject(self) -> None:
        self._busy()
        self.reject_requested.emit(self.proposal.id)

    def _busy(self) -> None:
        self.accept_button.setEnabled(False)
        self.reject_button.setEnabled(False)
        self.message.setText(self.tr("One moment\u2026"))

    def failed(self, text: str) -> None:
        self.accept_button.setEnabled(True)
        self.reject_button.setEnabled(True)
        self.message.setText(text)
        self.message.setStyleSheet("color: #c62828;")
