"""A chat's messages as a Qt list model, and the view that shows them. Plain text only."""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QAction, QBrush, QColor, QFont, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QListView, QStyledItemDelegate, QWidget

ModelIndex = QModelIndex | QPersistentModelIndex

#: The message's sender kind: "youth", "helper", "system", "whisper" or "consult".
KindRole = Qt.ItemDataRole.UserRole + 1
#: True while a message the helper sent has no sequence number from the server yet.
PendingRole = Qt.ItemDataRole.UserRole + 2
#: The message text alone (plain).
TextRole = Qt.ItemDataRole.UserRole + 3

_COLOURS = {
    "youth": "#0d47a1",
    "helper": "#1b5e20",
    "system": "#616161",
    "whisper": "#6a1b9a",
    "consult": "#6a1b9a",
}
_BACKGROUNDS = {"whisper": "#f3e5f5", "consult": "#f3e5f5", "system": "#f5f5f5"}
_PENDING = "#9e9e9e"


class TranscriptModel(QAbstractListModel):
    """Messages as dicts: `seq` (int, or None while pending), `txn_id`, `from`, `author`,
    `text`, `at` (aware datetime). Confirmed messages are unique by `seq` and kept in `seq`
    order; pending ones follow, unique by `txn_id`, until the server's copy (same `txn_id`,
    with a `seq`) replaces them. A helper message with an empty `author` is the user's own.
    """

    def __init__(self) -> None:
        super().__init__()
        self._confirmed: list[Mapping[str, Any]] = []
        self._seqs: list[int] = []
        self._pending: list[Mapping[str, Any]] = []

    def set_messages(self, messages: list[dict[str, Any]]) -> None:
        """Show exactly `messages`. When they start with the rows shown (the same
        objects: a chat going on) and only add later ones, only the new rows are
        inserted; a reset would lay out every row of a long chat again."""
        kept = len(self._confirmed)
        if kept and messages[:kept] == self._confirmed:
            confirmed, pending = _split(messages[kept:])
            if not confirmed or int(confirmed[0]["seq"]) > self._seqs[-1]:
                if pending:
                    sent = {m.get("txn_id") for m in self._confirmed}
                    pending = [m for m in pending if m.get("txn_id") not in sent]
                self._grow(confirmed, pending)
                return
        confirmed, pending = _split(messages)
        self.beginResetModel()
        self._confirmed, self._pending = confirmed, pending
        self._seqs = [int(m["seq"]) for m in confirmed]
        self.endResetModel()

    def _grow(self, confirmed: list[Mapping[str, Any]], pending: list[Mapping[str, Any]]) -> None:
        """Append confirmed messages (all later than the shown ones); replace the pending."""
        kept = len(self._confirmed)
        if self._pending and self._pending != pending:
            self.beginRemoveRows(QModelIndex(), kept, kept + len(self._pending) - 1)
            self._pending = []
            self.endRemoveRows()
        if confirmed:
            self.beginInsertRows(QModelIndex(), kept, kept + len(confirmed) - 1)
            self._confirmed += confirmed
            self._seqs += [int(m["seq"]) for m in confirmed]
            self.endInsertRows()
        if pending and self._pending != pending:
            start = len(self._confirmed)
            self.beginInsertRows(QModelIndex(), start, start + len(pending) - 1)
            self._pending = pending
            self.endInsertRows()

    def add(self, message: Mapping[str, Any]) -> None:
        seq = message.get("seq")
        txn = message.get("txn_id")
        if seq is None:
            if txn is None or self._known_txn(txn):
                return
            row = len(self._confirmed) + len(self._pending)
            self.beginInsertRows(QModelIndex(), row, row)
            self._pending.append(message)
            self.endInsertRows()
            return
        if seq in self._seqs:
            return
        for i, pending in enumerate(self._pending):
            if txn is not None and pending.get("txn_id") == txn:
                row = len(self._confirmed) + i
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._pending[i]
                self.endRemoveRows()
                break
        row = bisect.bisect(self._seqs, seq)
        self.beginInsertRows(QModelIndex(), row, row)
        self._seqs.insert(row, seq)
        self._confirmed.insert(row, message)
        self.endInsertRows()

    def _known_txn(self, txn: object) -> bool:
        return any(m.get("txn_id") == txn for m in (*self._confirmed, *self._pending))

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._confirmed) + len(self._pending)

    def message(self, row: int) -> Mapping[str, Any]:
        if row < len(self._confirmed):
            return self._confirmed[row]
        return self._pending[row - len(self._confirmed)]

    def who(self, message: Mapping[str, Any]) -> str:
        kind = message.get("from")
        author = str(message.get("author") or "")
        if kind == "youth":
            return self.tr("Youth")
        if kind == "helper":
            return author or self.tr("You")
        if kind == "whisper":
            return self.tr("Whisper from {0}").format(author) if author else self.tr("Whisper")
        if kind == "consult":
            return self.tr("Consult {0}").format(author) if author else self.tr("Consult")
        return self.tr("System")

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        message = self.message(index.row())
        kind = str(message.get("from") or "system")
        pending = message.get("seq") is None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            text = f"{_clock(message.get('at'))}  {self.who(message)}: {message.get('text', '')}"
            return text + "  " + self.tr("(sending)") if pending else text
        if role == KindRole:
            return kind
        if role == PendingRole:
            return pending
        if role == TextRole:
            return str(message.get("text", ""))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(_PENDING if pending else _COLOURS.get(kind, _PENDING)))
        if role == Qt.ItemDataRole.BackgroundRole and kind in _BACKGROUNDS:
            return QBrush(QColor(_BACKGROUNDS[kind]))
        if role == Qt.ItemDataRole.FontRole and (pending or kind not in ("youth", "helper")):
            font = QFont()
            font.setItalic(True)
            return font
        return None


def _split(
    messages: list[dict[str, Any]],
) -> tuple[list[Mapping[str, Any]], list[Mapping[str, Any]]]:
    """Confirmed messages unique by `seq`, in `seq` order; then the pending ones unique
    by `txn_id`, without those whose server copy (same `txn_id`) is among the confirmed."""
    by_seq: dict[int, Mapping[str, Any]] = {}
    waiting: dict[object, Mapping[str, Any]] = {}
    for message in messages:
        seq = message.get("seq")
        if seq is not None:
            by_seq.setdefault(int(seq), message)
        elif message.get("txn_id") is not None:
            waiting.setdefault(message["txn_id"], message)
    confirmed = [by_seq[seq] for seq in sorted(by_seq)]
    sent = {m.get("txn_id") for m in confirmed}
    return confirmed, [m for txn, m in waiting.items() if txn not in sent]


def _clock(at: object) -> str:
    """An aware datetime as the workstation's local clock time (HH:MM)."""
    return at.astimezone().strftime("%H:%M") if isinstance(at, datetime) else "--:--"


class TranscriptView(QListView):
    """Word-wrapped, multi-selectable; Ctrl+C copies the selected lines. Follows new
    messages while the user is at the bottom; leaves the scroll position alone otherwise."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transcript")
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSpacing(2)
        # Word-wrapped rows differ in height, so every change lays out every row again:
        # in batches between events, or a long chat would stall the whole console.
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(50)
        bar = self.verticalScrollBar()
        bar.rangeChanged.connect(self._range_changed)
        bar.actionTriggered.connect(self._scrolled_by_user)
        # The standard delegate paints DisplayRole as plain text; never a rich-text one.
        self.setItemDelegate(QStyledItemDelegate(self))
        self._follow = True
        copy = QAction(self.tr("Copy"), self)
        copy.setShortcut(QKeySequence.StandardKey.Copy)
        copy.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        copy.triggered.connect(self.copy_selection)
        self.addAction(copy)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        old = self.model()
        if old is not None:
            old.rowsAboutToBeInserted.disconnect(self._before_insert)
            old.rowsInserted.disconnect(self._after_insert)
            old.modelReset.disconnect(self._after_reset)
        super().setModel(model)
        if model is not None:
            model.rowsAboutToBeInserted.connect(self._before_insert)
            model.rowsInserted.connect(self._after_insert)
            model.modelReset.connect(self._after_reset)

    def _before_insert(self) -> None:
        bar = self.verticalScrollBar()
        self._follow = bar.value() >= bar.maximum()

    def _after_insert(self) -> None:
        if self._follow:
            self.scrollToBottom()

    def _after_reset(self) -> None:
        self._follow = True
        self.scrollToBottom()

    def _scrolled_by_user(self) -> None:
        bar = self.verticalScrollBar()
        self._follow = bar.sliderPosition() >= bar.maximum()

    def _range_changed(self) -> None:
        # A batched layout grows the range after the insert: stay at the bottom.
        if self._follow:
            self.scrollToBottom()

    def selected_text(self) -> str:
        rows = sorted(index.row() for index in self.selectionModel().selectedRows())
        model = self.model()
        return "\n".join(str(model.index(row, 0).data()) for row in rows)

    def copy_selection(self) -> None:
        text = self.selected_text()
        if text:
            QGuiApplication.clipboard().setText(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
            event.accept()
            return
        super().keyPressEvent(event)
