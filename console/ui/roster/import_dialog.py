"""The errors of a refused XLSX import, per row: sheet row, column and what is wrong.

The server words each error in English (it names a cell of the file, not a rule the
console could translate by code); the columns are translated here.
"""

from __future__ import annotations

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.services.roster_reports import RowError


class ImportErrorsDialog(QDialog):
    def __init__(self, errors: list[RowError], more: int = 0, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("rosterImportErrors")
        self.setWindowTitle(self.tr("The file was not imported"))
        self.resize(720, 420)
        rows = len({e.row for e in errors})
        head = QLabel(
            self.tr("Nothing was changed. Correct these rows in the file and import it again:")
            if rows
            else self.tr("Nothing was changed.")
        )
        head.setWordWrap(True)
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("Column"), self.tr("Problem")]
        )
        columns = {
            "day": self.tr("Day"),
            "block": self.tr("Block"),
            "institution": self.tr("Institution"),
            "seat 1": self.tr("Seat 1"),
            "seat 2": self.tr("Seat 2"),
            "forum duty": self.tr("Forum duty"),
            "version": self.tr("Version"),
            "forum version": self.tr("Forum version"),
            "sheet": self.tr("Sheet"),
            "file": self.tr("File"),
        }
        for error in errors:
            self.model.appendRow(
                [
                    QStandardItem("" if error.row is None else str(error.row)),
                    QStandardItem(columns.get(error.field, error.field)),
                    QStandardItem(error.message),
                ]
            )
        self.table = QTableView()
        self.table.setObjectName("rosterImportErrorTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addWidget(self.table, 1)
        if more:
            layout.addWidget(QLabel(self.tr("\u2026 and %n more.", "", more)))
        layout.addWidget(buttons)
