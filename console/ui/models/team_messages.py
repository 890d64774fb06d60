"""Qt list model of the team channel (plain text only, never HTML)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from console.services.team import TeamMessage

ModelIndex = QModelIndex | QPersistentModelIndex


def local_time(iso: str) -> str:
    """The server's UTC time as the workstation's local clock time (HH:MM)."""
    try:
        when = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return iso
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone().strftime("%H:%M")


class TeamMessagesModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self._items: list[TeamMessage] = []

    def set_messages(self, items: list[TeamMessage]) -> None:
        self.beginResetModel()
        self._items = items
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def message(self, row: int) -> TeamMessage:
        return self._items[row]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if item.failed:
                head = self.tr("Not sent ({0})").format(item.failed)
            elif item.pending:
                head = self.tr("Sending\u2026")
            else:
                head = f"{item.author_name} \u00b7 {local_time(item.at)}"
            return f"{head}\n{item.text}"
        if role == Qt.ItemDataRole.ForegroundRole and (item.pending or item.failed):
            return QBrush(QColor("#c62828" if item.failed else "#777777"))
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.text
        return None
