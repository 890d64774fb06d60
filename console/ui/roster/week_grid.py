"""The roster's week grid: a row per day, a column per block.

Each cell shows the block's institution and the two names (or "open seat"), a "Forum" tag
on the block of the institution with forum duty, a pin when the block is pinned and a mark
when the draft differs from what was published. Closed days are greyed with their reason;
holidays and hard-to-staff days are marked in the day column. Arrow keys move, Enter (or a
double click) opens a block; coordinators get a context menu to choose the institution,
pin it and give forum duty.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.services.roster import RosterBlock, RosterDay, RosterPeople, RosterWeek
from console.ui.roster.labels import day_text, week_label

ModelIndex = QModelIndex | QPersistentModelIndex
MAX_BLOCKS = 3


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True)
class GridRow:
    day: date
    roster: RosterDay | None  # None: closed
    closed_reason: str | None = None


class RosterWeekModel(QAbstractTableModel):
    """Days of the shown week (open or closed) by block."""

    DAY = 0

    def __init__(self) -> None:
        super().__init__()
        self.week: RosterWeek | None = None
        self.directory = RosterPeople({}, {})
        self.rows: list[GridRow] = []
        self.columns = MAX_BLOCKS

    # ------------------------------------------------------------------ feeding
    def set_week(self, week: RosterWeek | None) -> None:
        self.beginResetModel()
        self.week = week
        rows: list[GridRow] = []
        if week is not None:
            by_day = {d.day: d for d in week.days}
            day = week.start
            while day <= week.end:
                if day in by_day:
                    rows.append(GridRow(day, by_day[day]))
                elif day in week.closed:
                    rows.append(GridRow(day, None, week.closed[day]))
                day += timedelta(days=1)
        self.rows = rows
        needed = [r.roster.blocks_needed for r in rows if r.roster is not None]
        self.columns = max([MAX_BLOCKS, *needed])
        self.endResetModel()

    def set_directory(self, directory: RosterPeople) -> None:
        self.directory = directory
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, self.columns))

    # ------------------------------------------------------------------ lookup
    def block_at(self, index: ModelIndex) -> RosterBlock | None:
        if not index.isValid() or index.column() == self.DAY:
            return None
        row = self.rows[index.row()] if 0 <= index.row() < len(self.rows) else None
        if row is None or row.roster is None:
            return None
        blocks = row.roster.blocks
        column = index.column() - 1
        return blocks[column] if column < len(blocks) else None

    def day_at(self, row: int) -> GridRow | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def index_of(self, day: date, block: int) -> QModelIndex:
        for row, found in enumerate(self.rows):
            if found.day == day:
                return self.index(row, block + 1)
        return QModelIndex()

    def cell_text(self, block: RosterBlock, roster: RosterDay) -> str:
        lines: list[str] = []
        if block.institution_id is None:
            lines.append(self.tr("(no institution yet)"))
        else:
            head = self.directory.name_of_institution(block.institution_id)
            tags = []
            if roster.forum.institution_id == block.institution_id:
                tags.append(self.tr("Forum"))
            if block.pinned:
                tags.append("\U0001f4cc")
            if tags:
                head = f"{head}  [{' · '.join(tags)}]"
            lines.append(head)
            # People of other institutions are not listed for everyone: "seat taken".
            names = [
                self.directory.name_of(p) if p in self.directory.people else self.tr("seat taken")
                for p in block.people
            ]
            while len(names) < 2:
                names.append(self.tr("open seat"))
            lines.extend(names)
        if block.unpublished:
            lines.append(self.tr("\u270e not yet published"))
        return "\n".join(lines)

    # ------------------------------------------------------------------ Qt model
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.columns + 1

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == self.DAY:
            return self.tr("Day")
        return self.tr("Block {0}").format(section)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        row = self.day_at(index.row())
        if row is None or row.roster is None:
            return Qt.ItemFlag.ItemIsSelectable  # closed: visible, greyed, not enabled
        if index.column() > self.DAY and self.block_at(index) is None:
            return Qt.ItemFlag.NoItemFlags  # Friday has two blocks
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.day_at(index.row())
        if row is None:
            return None
        column = index.column()
        roster = row.roster
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.DAY:
                lines = [day_text(row.day)]
                if roster is None:
                    lines.append(self.tr("closed: {0}").format(row.closed_reason or ""))
                else:
                    if roster.holiday:
                        lines.append(self.tr("holiday: {0}").format(roster.holiday))
                    if roster.hard_to_staff:
                        lines.append(self.tr("hard to staff: {0}").format(roster.hard_to_staff))
                    if roster.forum.institution_id is None:
                        lines.append(self.tr("no forum duty yet"))
                return "\n".join(lines)
            if roster is None:
                return self.tr("closed") if column == 1 else ""
            block = self.block_at(index)
            return "" if block is None else self.cell_text(block, roster)
        if role == Qt.ItemDataRole.BackgroundRole:
            if roster is None:
                return QBrush(QColor("#eeeeee"))
            if column == self.DAY and (roster.holiday or roster.hard_to_staff):
                return QBrush(QColor("#fff3e0"))
            block = self.block_at(index)
            if block is not None and block.unpublished:
                return QBrush(QColor("#fffde7"))
            if block is not None and block.institution_id is None:
                return QBrush(QColor("#fafafa"))
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if roster is None:
                return QBrush(QColor("#9e9e9e"))
            if column == self.DAY and roster.hard_to_staff:
                return QBrush(QColor("#e65100"))
            return None
        if role == Qt.ItemDataRole.FontRole and column == self.DAY:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and roster is not None:
            block = self.block_at(index)
            if block is not None and block.pinned:
                return self.tr("Pinned: a proposal never moves this block.")
        return None


class _GridKeys(QObject):
    """Enter or Return on the grid opens the current block."""

    def __init__(self, grid: WeekGrid) -> None:
        super().__init__(grid)
        self.grid = grid

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.grid.open_current()
            return True
        return False


class WeekGrid(QWidget):
    """The week with its navigation; reports what the person wants through signals."""

    #: (monday) another week was chosen.
    week_requested = Signal(object)
    #: (day, block index) a block was opened (Enter, double click).
    block_opened = Signal(object, int)
    #: Coordinator: (day, index, institution id or None).
    institution_chosen = Signal(object, int, object)
    #: Coordinator: (day, index, pinned).
    pin_chosen = Signal(object, int, bool)
    #: Coordinator: (day, institution id or None).
    forum_chosen = Signal(object, object)

    def __init__(self, today: date, *, coordinator: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("rosterWeekGrid")
        self.today = today
        self.coordinator = coordinator
        self.monday = monday_of(today)
        self.menu: QMenu | None = None

        self.model = RosterWeekModel()
        self.view = QTableView()
        self.view.setObjectName("rosterWeekTable")
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(True)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(86)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(120)
        self.view.doubleClicked.connect(self._double_clicked)
        self.view.installEventFilter(_GridKeys(self))
        if coordinator:
            self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            self.view.customContextMenuRequested.connect(self._context_menu)

        self.previous = QPushButton(self.tr("\u2190 Previous week"))
        self.previous.setObjectName("rosterPrevious")
        self.this_week = QPushButton(self.tr("This week"))
        self.this_week.setObjectName("rosterThisWeek")
        self.next = QPushButton(self.tr("Next week \u2192"))
        self.next.setObjectName("rosterNext")
        for button in (self.previous, self.this_week, self.next):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.previous.clicked.connect(lambda: self.go(self.monday - timedelta(days=7)))
        self.next.clicked.connect(lambda: self.go(self.monday + timedelta(days=7)))
        self.this_week.clicked.connect(lambda: self.go(monday_of(self.today)))
        self.label = QLabel()
        self.label.setObjectName("rosterWeekLabel")
        self.label.setStyleSheet("font-size: 15px; font-weight: 600;")

        bar = QHBoxLayout()
        bar.addWidget(self.label, 1)
        bar.addWidget(self.previous)
        bar.addWidget(self.this_week)
        bar.addWidget(self.next)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self._update_label()

    # ------------------------------------------------------------------ weeks
    def period(self) -> tuple[date, date]:
        return self.monday, self.monday + timedelta(days=6)

    def go(self, monday: date) -> None:
        self.monday = monday_of(monday)
        self._update_label()
        self.week_requested.emit(self.monday)

    def _update_label(self) -> None:
        self.label.setText(week_label(self.monday))

    # ------------------------------------------------------------------ feeding
    def set_week(self, week: RosterWeek) -> None:
        current = self.current_block()
        self.model.set_week(week)
        if current is not None:
            index = self.model.index_of(current.day, current.index)
            if index.isValid():
                self.view.setCurrentIndex(index)
                return
        first = next((r for r, row in enumerate(self.model.rows) if row.roster), None)
        if first is not None:
            self.view.setCurrentIndex(self.model.index(first, 1))

    def set_directory(self, directory: RosterPeople) -> None:
        self.model.set_directory(directory)

    def current_block(self) -> RosterBlock | None:
        return self.model.block_at(self.view.currentIndex())

    def select(self, day: date, index: int) -> None:
        found = self.model.index_of(day, index)
        if found.isValid():
            self.view.setCurrentIndex(found)

    # ------------------------------------------------------------------ acting
    def open_current(self) -> None:
        block = self.current_block()
        if block is not None:
            self.block_opened.emit(block.day, block.index)

    def _double_clicked(self, index: QModelIndex) -> None:
        block = self.model.block_at(index)
        if block is not None:
            self.block_opened.emit(block.day, block.index)

    def _context_menu(self, point: QPoint) -> None:
        index = self.view.indexAt(point)
        menu = self.build_menu(index)
        if menu is not None:
            menu.popup(self.view.viewport().mapToGlobal(point))

    def build_menu(self, index: QModelIndex) -> QMenu | None:
        """The coordinator's menu for a block: its institution, the pin, forum duty."""
        block = self.model.block_at(index)
        row = self.model.day_at(index.row())
        if block is None or row is None or row.roster is None:
            return None
        roster = row.roster
        menu = QMenu(self)
        menu.setObjectName("rosterBlockMenu")
        self.menu = menu
        open_action = menu.addAction(self.tr("Open block\u2026"))
        open_action.triggered.connect(lambda: self.block_opened.emit(block.day, block.index))
        choose = menu.addMenu(self.tr("Institution"))
        taken = {b.institution_id for b in roster.blocks if b.index != block.index}
        for inst in sorted(self.model.directory.institutions.values(), key=lambda i: i.name):
            action = choose.addAction(inst.name)
            action.setCheckable(True)
            action.setChecked(inst.id == block.institution_id)
            action.setEnabled(inst.id not in taken)
            action.triggered.connect(self._chooser(block, inst.id))
        choose.addSeparator()
        none = choose.addAction(self.tr("No institution"))
        none.triggered.connect(self._chooser(block, None))
        pin = menu.addAction(self.tr("Pin (proposals keep this block)"))
        pin.setCheckable(True)
        pin.setChecked(block.pinned)
        pin.setEnabled(block.institution_id is not None)
        pin.triggered.connect(
            lambda checked: self.pin_chosen.emit(block.day, block.index, bool(checked))
        )
        forum = menu.addAction(self.tr("Forum duty for this institution"))
        forum.setCheckable(True)
        forum.setChecked(
            block.institution_id is not None and roster.forum.institution_id == block.institution_id
        )
        forum.setEnabled(block.institution_id is not None)
        forum.triggered.connect(
            lambda checked: self.forum_chosen.emit(
                block.day, block.institution_id if checked else None
            )
        )
        return menu

    def _chooser(self, block: RosterBlock, institution_id: str | None) -> Any:
        def chosen() -> None:
            self.institution_chosen.emit(block.day, block.index, institution_id)

        return chosen
