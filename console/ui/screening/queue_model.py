"""The screening queue as a table model: oldest post first, updated row by row.

Built for 5,000 waiting posts: a change inserts, updates or removes one row by id (binary
search on the sort key), never rebuilds the model; the flags column (personal data,
danger words) is computed lazily for the rows that are painted and cached per item
version, so a long queue costs nothing until it is looked at.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from console.domain.forum import find_marks
from console.services.forum import ScreeningItem

ModelIndex = QModelIndex | QPersistentModelIndex

#: The item id on every cell of a row.
ItemIdRole = Qt.ItemDataRole.UserRole + 1

PERSONAL_KINDS = frozenset({"phone", "email", "postcode", "address", "url"})


def age_text(span: timedelta) -> str:
    """How long a post has waited, as a screener reads it: "12 min", "3 u 05", "2 d"."""
    minutes = max(0, int(span.total_seconds()) // 60)
    if minutes < 60:
        return QCoreApplication.translate("ScreeningQueue", "{0} min").format(minutes)
    hours, rest = divmod(minutes, 60)
    if hours < 48:
        return QCoreApplication.translate("ScreeningQueue", "{0} h {1:02d}").format(hours, rest)
    return QCoreApplication.translate("ScreeningQueue", "{0} d").format(hours // 24)


def kind_label(kind: str) -> str:
    labels = {
        "topic": QCoreApplication.translate("ScreeningQueue", "topic"),
        "reply": QCoreApplication.translate("ScreeningQueue", "reply"),
        "story": QCoreApplication.translate("ScreeningQueue", "my story"),
    }
    return labels.get(kind, kind)


def item_flags(item: ScreeningItem, danger_words: Iterable[str]) -> tuple[bool, bool]:
    """(has personal data, has danger words) in the title and body."""
    text = f"{item.title or ''}\n{item.body}"
    kinds = {mark.kind for mark in find_marks(text, list(danger_words))}
    return bool(kinds & PERSONAL_KINDS), "danger" in kinds


def _key(item: ScreeningItem) -> tuple[datetime, int]:
    return (item.created_at, item.id)


class ScreeningQueueModel(QAbstractTableModel):
    """Items with one status (pending by default), oldest first."""

    AGE, KIND, THEME, FLAGS, CLAIM = range(5)

    def __init__(self, user_id: int, now: Callable[[], datetime]) -> None:
        super().__init__()
        self.user_id = user_id
        self._now = now
        self.status = "pending"
        self._keys: list[tuple[datetime, int]] = []
        self._items: dict[int, ScreeningItem] = {}
        self._flags: dict[int, tuple[int, tuple[bool, bool]]] = {}
        self._danger: list[str] = []

    # ------------------------------------------------------------------ feeding
    def set_danger_words(self, words: Iterable[str]) -> None:
        self._danger = list(words)
        self._flags.clear()
        if self._keys:
            last = len(self._keys) - 1
            self.dataChanged.emit(self.index(0, self.FLAGS), self.index(last, self.FLAGS))

    def set_items(self, items: Iterable[ScreeningItem], status: str | None = None) -> None:
        """Load everything once (opening the view, a reload): the one full reset."""
        self.beginResetModel()
        if status is not None:
            self.status = status
        chosen = [i for i in items if i.status == self.status]
        chosen.sort(key=_key)
        self._keys = [_key(i) for i in chosen]
        self._items = {i.id: i for i in chosen}
        self.endResetModel()

    def upsert(self, item: ScreeningItem) -> None:
        """Apply one changed item: update its row, insert it in order, or drop it."""
        known = self._items.get(item.id)
        belongs = item.status == self.status
        if known is not None:
            row = self.row_of(item.id)
            if not belongs:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._keys[row]
                del self._items[item.id]
                self._flags.pop(item.id, None)
                self.endRemoveRows()
                return
            if _key(known) == _key(item):
                self._items[item.id] = item
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.CLAIM))
                return
            self.upsert_remove(item.id)
        if belongs:
            key = _key(item)
            row = bisect.bisect_left(self._keys, key)
            self.beginInsertRows(QModelIndex(), row, row)
            self._keys.insert(row, key)
            self._items[item.id] = item
            self.endInsertRows()

    def upsert_remove(self, item_id: int) -> None:
        row = self.row_of(item_id)
        if row < 0:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._keys[row]
        del self._items[item_id]
        self._flags.pop(item_id, None)
        self.endRemoveRows()

    def refresh_ages(self) -> None:
        if self._keys:
            last = len(self._keys) - 1
            self.dataChanged.emit(
                self.index(0, self.AGE), self.index(last, self.AGE), [Qt.ItemDataRole.DisplayRole]
            )

    # ------------------------------------------------------------------ lookup
    def row_of(self, item_id: int) -> int:
        item = self._items.get(item_id)
        if item is None:
            return -1
        return bisect.bisect_left(self._keys, _key(item))

    def item_at(self, row: int) -> ScreeningItem | None:
        if 0 <= row < len(self._keys):
            return self._items[self._keys[row][1]]
        return None

    def item(self, item_id: int) -> ScreeningItem | None:
        return self._items.get(item_id)

    def flags_of(self, item: ScreeningItem) -> tuple[bool, bool]:
        cached = self._flags.get(item.id)
        if cached is not None and cached[0] == item.version:
            return cached[1]
        flags = item_flags(item, self._danger)
        self._flags[item.id] = (item.version, flags)
        return flags

    # ------------------------------------------------------------------ Qt model
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._keys)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Waiting"),
            self.tr("Kind"),
            self.tr("Theme"),
            self.tr("Flags"),
            self.tr("Being screened by"),
        )[section]

    def claim_text(self, item: ScreeningItem) -> str:
        claim = item.claim
        if claim is None or (claim.until is not None and claim.until <= self._now()):
            return ""
        if claim.user_id == self.user_id:
            return self.tr("you")
        return claim.name

    def flags_text(self, item: ScreeningItem) -> str:
        personal, danger = self.flags_of(item)
        parts = []
        if danger:
            parts.append(self.tr("\u26a0 danger"))
        if personal:
            parts.append(self.tr("personal data"))
        return " \u00b7 ".join(parts)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.item_at(index.row())
        if item is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.AGE:
                return age_text(self._now() - item.created_at)
            if column == self.KIND:
                return kind_label(item.kind)
            if column == self.THEME:
                return item.theme or (item.parent_title or "\u2014")
            if column == self.FLAGS:
                return self.flags_text(item)
            return self.claim_text(item)
        if role == ItemIdRole:
            return item.id
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == self.FLAGS:
                personal, danger = self.flags_of(item)
                if danger:
                    return QBrush(QColor("#c62828"))
                if personal:
                    return QBrush(QColor("#ef6c00"))
            if column == self.CLAIM and self.claim_text(item) and item.claim is not None:
                mine = item.claim.user_id == self.user_id
                return QBrush(QColor("#1565c0" if mine else "#6d4c41"))
        if role == Qt.ItemDataRole.ToolTipRole and column == self.CLAIM:
            text = self.claim_text(item)
            if text and item.claim is not None and item.claim.user_id != self.user_id:
                return self.tr("Being screened by {0}").format(text)
        return None
