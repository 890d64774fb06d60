"""Table models for the chat page: the youths waiting in the queue, and the team on duty."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from console.ui.chat.clock_widget import mm_ss

ModelIndex = QModelIndex | QPersistentModelIndex

#: The chat's id (str), on every cell of a queue row; the user id on every cell of a team row.
IdRole = Qt.ItemDataRole.UserRole + 1


class QueueModel(QAbstractTableModel):
    """Waiting chats, in the order given (the server's: longest waiting first).

    Each row is a dict with `chat_id`, `number` (the anonymous number), `since` (aware
    datetime), `theme` (str or None), `short_chat` and `handover` (bools). `now` returns the
    current aware time; `refresh()` updates the waiting times.
    """

    NUMBER, WAITING, THEME, SHORT = range(4)

    def __init__(self, now: Callable[[], datetime]) -> None:
        super().__init__()
        self._now = now
        self._rows: list[Mapping[str, Any]] = []

    def set_waiting(self, waiting: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self._rows = list(waiting)
        self.endResetModel()

    def refresh(self) -> None:
        if self._rows:
            self.dataChanged.emit(
                self.index(0, self.WAITING),
                self.index(len(self._rows) - 1, self.WAITING),
                [Qt.ItemDataRole.DisplayRole],
            )

    def chat_id(self, row: int) -> str:
        return str(self._rows[row]["chat_id"])

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Number"), self.tr("Waiting"), self.tr("Theme"), self.tr("Short chat"))[
            section
        ]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NUMBER:
                return f"#{row['number']}"
            if column == self.WAITING:
                return mm_ss(self._now() - row["since"])
            if column == self.THEME:
                return row.get("theme") or "\u2014"
            return self.tr("yes") if row.get("short_chat") else ""
        if role == IdRole:
            return row["chat_id"]
        if role == Qt.ItemDataRole.ToolTipRole:
            notes = []
            if row.get("handover"):
                notes.append(self.tr("Handed over by a colleague whose connection dropped."))
            if row.get("short_chat"):
                notes.append(self.tr("Arrived shortly before closing: only a short chat."))
            return "\n".join(notes) or None
        if role == Qt.ItemDataRole.FontRole and row.get("handover"):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.NUMBER, self.WAITING):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


def role_label(role: str) -> str:
    labels = {
        "trainee": QCoreApplication.translate("TeamModel", "trainee"),
        "helper": QCoreApplication.translate("TeamModel", "helper"),
        "supervisor": QCoreApplication.translate("TeamModel", "supervisor"),
    }
    return labels.get(role, role)


_STATUS_COLOURS = {
    "available": "#2e7d32",
    "pause": "#ef6c00",
    "offline": "#757575",
    "in_chat": "#1565c0",
}


class TeamModel(QAbstractTableModel):
    """Staff on duty: dicts with `user_id`, `display_name`, `institution`, `role`
    ("trainee", "helper", "supervisor"), `status` ("available", "pause", "offline",
    "in_chat") and `active_chats`."""

    NAME, INSTITUTION, ROLE, STATUS = range(4)

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[Mapping[str, Any]] = []

    def set_staff(self, staff: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self._rows = list(staff)
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Name"), self.tr("Institution"), self.tr("Role"), self.tr("Status"))[
            section
        ]

    def status_label(self, status: str, active_chats: int) -> str:
        if status == "available":
            return self.tr("Available")
        if status == "pause":
            return self.tr("Break")
        if status == "offline":
            return self.tr("Offline")
        if status == "in_chat":
            return self.tr("In %n chat(s)", "", max(1, active_chats))
        return status

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NAME:
                return row["display_name"]
            if column == self.INSTITUTION:
                return row.get("institution", "")
            if column == self.ROLE:
                return role_label(str(row.get("role", "")))
            return self.status_label(str(row.get("status", "")), int(row.get("active_chats", 0)))
        if role == IdRole:
            return row["user_id"]
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATUS:
            colour = _STATUS_COLOURS.get(str(row.get("status")))
            return QBrush(QColor(colour)) if colour else None
        return None
