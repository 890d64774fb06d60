"""The screening view: today's rounds on top, the queue on the left, the post on the right,
and every action on one key (j/k move, p publish, e edit, r reject, h hold, x escalate,
u undo, g or F1 the guidelines).

It shows what it is handed and reports what the screener wants through signals; the
controller (`console.screening_controller`) connects it to the ScreeningService. Moving
to a post opens it at once; it is claimed once the screener stays on it for a moment
(`claim_delay_ms`), so paging quickly through the queue does not claim every post on
the way, and the claim is released again when they move on without deciding.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.domain.forum import DEFAULT_DANGER_WORDS
from console.services.forum import ScreeningItem, ScreeningRound, ScreeningSettings, TopicContext
from console.ui.screening.dialogs import EditDialog, GuidelinesDialog, RejectDialog
from console.ui.screening.item_panel import ItemPanel
from console.ui.screening.queue_model import ScreeningQueueModel
from console.ui.screening.rounds import RoundBar
from console.ui.screening.stats import StatsView

STATUSES = ("pending", "held", "escalated")
DEFAULT_EDIT_REASONS = [(k, "") for k in ("glorifies", "personal_data", "method_details", "other")]
DEFAULT_REJECT_REASONS = [
    (k, "") for k in ("disrespectful", "not_serious", "personal_data", "other")
]


def _utcnow() -> datetime:
    return datetime.now(UTC)


class ScreeningPage(QWidget):
    #: An item is on screen (id): fetch its context.
    item_opened = Signal(int)
    #: The screener stayed on an item: claim it (id).
    claim_requested = Signal(int)
    #: The screener moved away from an item they claimed without deciding (id).
    release_requested = Signal(int)
    #: (item id, decision, extras: reason, remark, title, body)
    decision_requested = Signal(int, str, dict)
    undo_requested = Signal()
    open_round_requested = Signal(int)
    close_round_requested = Signal(int)
    #: (from, to)
    stats_requested = Signal(object, object)

    def __init__(
        self,
        user_id: int,
        institution_id: int | None,
        *,
        may_screen: bool = True,
        show_stats: bool = False,
        now: Callable[[], datetime] = _utcnow,
        claim_delay_ms: int = 250,
        tick_ms: int | None = 30_000,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("screeningPage")
        self._now = now
        self.user_id = user_id
        self.may_screen = may_screen
        self.settings: ScreeningSettings | None = None
        self._all: dict[int, ScreeningItem] = {}
        self._claimed: int | None = None
        self._busy: set[int] = set()
        self.dialog: Any = None

        self.model = ScreeningQueueModel(user_id, now)
        self.model.set_danger_words(DEFAULT_DANGER_WORDS)
        self.queue = QTableView()
        self.queue.setObjectName("screeningQueue")
        self.queue.setModel(self.model)
        self.queue.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.queue.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.queue.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.queue.verticalHeader().hide()
        # Fixed row heights and no resize-to-contents: 5,000 rows must not be measured.
        self.queue.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.queue.verticalHeader().setDefaultSectionSize(24)
        header = self.queue.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((62, 82, 120, 130)):
            self.queue.setColumnWidth(column, width)
        self.queue.setWordWrap(False)
        self.queue.setTabKeyNavigation(False)
        self.queue.selectionModel().currentRowChanged.connect(self._current_changed)

        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for status in STATUSES:
            self.status_filter.addItem(self.status_label(status), status)
        self.status_filter.currentIndexChanged.connect(self._filter_changed)
        self.queue_title = QLabel()
        self.queue_title.setObjectName("queueTitle")
        self.queue_title.setStyleSheet("font-weight: 600;")

        self.item_panel = ItemPanel(now, user_id)
        self.rounds = RoundBar(now, institution_id, may_screen)
        self.rounds.open_requested.connect(self.open_round_requested)
        self.rounds.close_requested.connect(self.close_round_requested)

        self.message = QLabel()
        self.message.setObjectName("screeningMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.keys = QLabel(
            self.tr(
                "j/k next/previous \u00b7 p publish \u00b7 e edit \u00b7 r reject \u00b7 "
                "h hold \u00b7 x escalate \u00b7 u undo \u00b7 g guidelines \u00b7 "
                "o/c open/close round"
            )
        )
        self.keys.setObjectName("screeningKeys")
        self.keys.setStyleSheet("color: #616161;")

        self.buttons: dict[str, QPushButton] = {}
        actions = QHBoxLayout()
        for key, text in (
            ("p", self.tr("Publish (p)")),
            ("e", self.tr("Edit (e)")),
            ("r", self.tr("Reject (r)")),
            ("h", self.tr("Hold (h)")),
            ("x", self.tr("Escalate (x)")),
            ("u", self.tr("Undo (u)")),
            ("g", self.tr("Guidelines (g)")),
        ):
            button = QPushButton(text)
            button.setObjectName(f"screeningKey_{key}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(self._presser(key))
            actions.addWidget(button)
            self.buttons[key] = button
        actions.addStretch(1)
        for key in "perhxu":
            self.buttons[key].setVisible(may_screen)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        filter_row = QHBoxLayout()
        filter_row.addWidget(self.queue_title, 1)
        filter_row.addWidget(self.status_filter)
        left_layout.addLayout(filter_row)
        left_layout.addWidget(self.queue, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.item_panel, 1)
        right_layout.addLayout(actions)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([560, 640])

        screening = QWidget()
        screening_layout = QVBoxLayout(screening)
        screening_layout.addWidget(self.rounds)
        screening_layout.addWidget(split, 1)
        screening_layout.addWidget(self.message)
        screening_layout.addWidget(self.keys)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("screeningTabs")
        self.tabs.addTab(screening, self.tr("Screening"))
        self.stats: StatsView | None = None
        if show_stats:
            self.stats = StatsView(self._now().date())
            self.stats.requested.connect(self.stats_requested)
            self.tabs.addTab(self.stats, self.tr("Statistics"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

        self.shortcuts: dict[str, QShortcut] = {}
        for key in ("j", "k", "p", "e", "r", "h", "x", "u", "g", "o", "c", "F1"):
            shortcut = QShortcut(QKeySequence(key), screening)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self._presser(key))
            self.shortcuts[key] = shortcut

        self._claim_timer = QTimer(self)
        self._claim_timer.setSingleShot(True)
        self._claim_timer.setInterval(claim_delay_ms)
        self._claim_timer.timeout.connect(self._claim_current)
        self._tick: QTimer | None = None
        if tick_ms:
            self._tick = QTimer(self)
            self._tick.setInterval(tick_ms)
            self._tick.timeout.connect(self.model.refresh_ages)
            self._tick.start()
        self._update_title()

    def _presser(self, key: str) -> Callable[[], None]:
        # A closure without default arguments: PySide6 mis-counts references of the
        # arguments it hands to a lambda with defaults (a crash at exit).
        def pressed() -> None:
            self.press(key)

        return pressed

    def set_claim_delay(self, ms: int) -> None:
        self._claim_timer.setInterval(ms)

    def set_clock(self, now: Callable[[], datetime]) -> None:
        """Which moment the page takes as now (which round's window is open); tests set it
        to the server's test clock."""
        self._now = now
        self.rounds._now = now

    # ------------------------------------------------------------------ labels
    def status_label(self, status: str) -> str:
        labels = {
            "pending": self.tr("To screen"),
            "held": self.tr("Held (trainees' meeting)"),
            "escalated": self.tr("Escalated"),
        }
        return labels.get(status, status)

    def _update_title(self) -> None:
        self.queue_title.setText(self.tr("Queue (%n post(s))", "", self.model.rowCount()))

    # ------------------------------------------------------------------ feeding
    def set_settings(self, settings: ScreeningSettings) -> None:
        self.settings = settings
        words = settings.danger_words or list(DEFAULT_DANGER_WORDS)
        self.model.set_danger_words(words)
        self.item_panel.danger_words = words
        if self.item_panel.item is not None:
            current = self.item_panel.item
            self.item_panel.item = None
            self.item_panel.show_item(current)

    def set_items(self, items: Iterable[ScreeningItem]) -> None:
        """The whole queue at once (opening, a reload)."""
        keep = self.current_id()
        self._all = {item.id: item for item in items}
        self.model.set_items(self._all.values())
        self._update_title()
        row = self.model.row_of(keep) if keep is not None else -1
        self.select_row(row if row >= 0 else 0)

    def update_items(self, items: Iterable[ScreeningItem]) -> None:
        """Some items changed: rows are updated, inserted or dropped one by one."""
        current = self.current_id()
        row_before = self.queue.currentIndex().row()
        for item in items:
            self._all[item.id] = item
            self._busy.discard(item.id)
            self.model.upsert(item)
            if item.id == current:
                shown = self.model.item(item.id)
                if shown is not None:
                    self.item_panel.show_item(shown)
        self._update_title()
        if current is not None and self.model.row_of(current) < 0:
            # The item on screen left this queue (decided): show the one now in its place.
            self.select_row(min(max(row_before, 0), self.model.rowCount() - 1))
        elif current is None and self.model.rowCount():
            self.select_row(0)

    def set_rounds(self, rounds: list[ScreeningRound]) -> None:
        self.rounds.set_rounds(rounds)

    def set_context(self, item_id: int, context: TopicContext | None) -> None:
        self.item_panel.show_context(item_id, context)

    def show_message(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(
            "color: #c62828; font-weight: 600;" if error else "color: #2e7d32;"
        )

    def set_busy(self, item_id: int, busy: bool) -> None:
        if busy:
            self._busy.add(item_id)
        else:
            self._busy.discard(item_id)

    # ------------------------------------------------------------------ selection
    def current_id(self) -> int | None:
        item = self.model.item_at(self.queue.currentIndex().row())
        return item.id if item is not None else None

    def current_item(self) -> ScreeningItem | None:
        return self.model.item_at(self.queue.currentIndex().row())

    def select_row(self, row: int) -> None:
        if row < 0 or row >= self.model.rowCount():
            if self.model.rowCount() == 0:
                self._show(None)
            return
        index = self.model.index(row, 0)
        self.queue.setCurrentIndex(index)
        self.queue.scrollTo(index)

    def select_item(self, item_id: int) -> None:
        item = self._all.get(item_id)
        if item is not None and item.status != self.model.status:
            self.status_filter.setCurrentIndex(STATUSES.index(item.status))
        row = self.model.row_of(item_id)
        if row >= 0:
            self.select_row(row)

    def _filter_changed(self, index: int) -> None:
        self.model.set_items(self._all.values(), STATUSES[index])
        self._update_title()
        self.select_row(0)
        if self.model.rowCount() == 0:
            self._show(None)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show(self.model.item_at(current.row()))

    def _show(self, item: ScreeningItem | None) -> None:
        if self._claimed is not None and (item is None or item.id != self._claimed):
            claimed, self._claimed = self._claimed, None
            if claimed not in self._busy:
                self.release_requested.emit(claimed)
        self.item_panel.show_item(item)
        if item is None:
            self._claim_timer.stop()
            return
        self.item_opened.emit(item.id)
        if self.may_screen:
            self._claim_timer.start()

    def _claim_current(self) -> None:
        item = self.current_item()
        if item is None or item.id in self._busy:
            return
        self._claimed = item.id
        self.claim_requested.emit(item.id)

    # ------------------------------------------------------------------ keys
    def press(self, key: str) -> None:
        """One key of the screening keyboard (also used by the buttons)."""
        if self.dialog is not None:
            return  # keys typed for an open editor or reason must never decide anything
        if key == "j":
            self.select_row(self.queue.currentIndex().row() + 1)
            return
        if key == "k":
            self.select_row(max(0, self.queue.currentIndex().row() - 1))
            return
        if key in ("g", "F1"):
            self.open_guidelines()
            return
        if not self.may_screen:
            return
        if key == "u":
            self.undo_requested.emit()
            return
        if key in ("o", "c"):
            found = self.rounds.actionable(opening=key == "o")
            if found is not None:
                signal = self.open_round_requested if key == "o" else self.close_round_requested
                signal.emit(found.id)
            return
        item = self.current_item()
        if item is None or item.id in self._busy:
            return
        if key == "p":
            self._decide(item, "publish", {})
        elif key == "h":
            self._decide(item, "hold", {})
        elif key == "x":
            self._decide(item, "escalate", {})
        elif key == "e":
            self.open_edit(item)
        elif key == "r":
            self.open_reject(item)

    def _decide(self, item: ScreeningItem, decision: str, extras: dict[str, Any]) -> None:
        self._claim_timer.stop()
        self._busy.add(item.id)
        if self._claimed == item.id:
            self._claimed = None  # the decision ends the claim; nothing to release
        self.decision_requested.emit(item.id, decision, extras)

    def _reasons(self, which: str) -> list[tuple[str, str]]:
        settings = self.settings
        if which == "edit":
            return (settings.edit_reasons if settings else None) or DEFAULT_EDIT_REASONS
        return (settings.reject_reasons if settings else None) or DEFAULT_REJECT_REASONS

    def open_edit(self, item: ScreeningItem) -> None:
        dialog = EditDialog(item, self._reasons("edit"), self)
        dialog.submitted.connect(
            lambda reason, remark, title, body: self._decide(
                item,
                "edit",
                {"reason": reason, "remark": remark or None, "title": title, "body": body},
            )
        )
        self._open(dialog)

    def open_reject(self, item: ScreeningItem) -> None:
        dialog = RejectDialog(item, self._reasons("reject"), self)
        dialog.submitted.connect(
            lambda reason, note: self._decide(
                item, "reject", {"reason": reason, "remark": note or None}
            )
        )
        self._open(dialog)

    def open_guidelines(self) -> None:
        text = self.settings.guidelines if self.settings is not None else ""
        dialog = GuidelinesDialog(text, self)
        self._open(dialog)

    def _open(self, dialog: Any) -> None:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._dialog_closed)
        dialog.open()

    def _dialog_closed(self, _result: int) -> None:
        self.dialog = None
        self.queue.setFocus()

    def stats_today(self) -> date:
        return self._now().date()
