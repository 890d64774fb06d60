"""The roster area: the week grid (with the coordinator's tools) and "My shifts".

The page shows what it is handed and reports what the person wants through signals; the
controller (`console.roster_controller`) connects it to the RosterService.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.domain.roster import Problem
from console.services.roster import Proposal, RosterBlock, RosterDay, RosterPeople, RosterWeek
from console.ui.roster.fill_dialog import FillDialog
from console.ui.roster.labels import problem_text
from console.ui.roster.mine import MyShiftsView
from console.ui.roster.proposal import ProposalDialog
from console.ui.roster.week_grid import WeekGrid

#: At most this many problems are listed under the grid (the rest are counted).
SHOWN_PROBLEMS = 6


def month_of(monday: date) -> tuple[date, date]:
    """The month a week belongs to (by its Thursday, as ISO weeks do): first and last day."""
    thursday = monday + timedelta(days=3)
    first = thursday.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return first, following - timedelta(days=1)


class RosterPage(QWidget):
    #: (start, end) the coordinator asks for a proposal.
    propose_requested = Signal(object, object)
    #: (start, end) the coordinator publishes.
    publish_requested = Signal(object, object)
    #: (path) where to save the .ics file.
    ics_path_chosen = Signal(str)

    def __init__(
        self,
        today: date,
        *,
        coordinator: bool = False,
        show_mine: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("rosterPage")
        self.coordinator = coordinator
        self.directory = RosterPeople({}, {})
        self.dialog: Any = None

        self.grid = WeekGrid(today, coordinator=coordinator)
        self.grid.week_requested.connect(lambda _monday: self._update_tools())

        self.propose = QPushButton()
        self.propose.setObjectName("rosterPropose")
        self.publish = QPushButton()
        self.publish.setObjectName("rosterPublish")
        self.propose.clicked.connect(lambda: self.propose_requested.emit(*self.month()))
        self.publish.clicked.connect(lambda: self.publish_requested.emit(*self.month()))
        self.tools = QWidget()
        tools = QHBoxLayout(self.tools)
        tools.setContentsMargins(0, 0, 0, 0)
        hint = QLabel(
            self.tr("Right-click a block to choose its institution, pin it or give forum duty.")
        )
        hint.setStyleSheet("color: #616161;")
        hint.setWordWrap(True)
        tools.addWidget(hint, 1)
        tools.addWidget(self.propose)
        tools.addWidget(self.publish)
        self.tools.setVisible(coordinator)

        self.published = QLabel()
        self.published.setObjectName("rosterPublishedAt")
        self.published.setStyleSheet("color: #616161;")
        self.problems = QLabel()
        self.problems.setObjectName("rosterProblems")
        self.problems.setTextFormat(Qt.TextFormat.PlainText)
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #ad1457;")
        self.message = QLabel()
        self.message.setObjectName("rosterMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.keys = QLabel(self.tr("Arrows move \u00b7 Enter opens a block to fill in the names"))
        self.keys.setStyleSheet("color: #616161;")

        week = QWidget()
        week_layout = QVBoxLayout(week)
        week_layout.addWidget(self.grid, 1)
        week_layout.addWidget(self.tools)
        week_layout.addWidget(self.published)
        week_layout.addWidget(self.problems)
        week_layout.addWidget(self.message)
        week_layout.addWidget(self.keys)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("rosterTabs")
        self.tabs.addTab(week, self.tr("Week"))
        self.mine: MyShiftsView | None = None
        if show_mine:
            self.mine = MyShiftsView()
            self.mine.download_requested.connect(self.ask_ics_path)
            self.tabs.addTab(self.mine, self.tr("My shifts"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self._update_tools()

    # ------------------------------------------------------------------ period
    def month(self) -> tuple[date, date]:
        return month_of(self.grid.monday)

    def _update_tools(self) -> None:
        first, _last = self.month()
        name = QLocale().monthName(first.month, QLocale.FormatType.LongFormat)
        self.propose.setText(self.tr("Make a proposal ({0})").format(name))
        self.publish.setText(self.tr("Publish ({0})").format(name))

    # ------------------------------------------------------------------ feeding
    def set_directory(self, directory: RosterPeople) -> None:
        self.directory = directory
        self.grid.set_directory(directory)

    def set_week(self, week: RosterWeek) -> None:
        self.grid.set_week(week)
        if week.published_at is not None:
            stamp = week.published_at.astimezone()
            self.published.setText(
                self.tr("Last published: {0}").format(stamp.strftime("%d-%m-%Y %H:%M"))
            )
        else:
            self.published.setText(self.tr("This week has not been published yet."))
        self.show_problems(list(week.problems) if self.coordinator else [])

    def show_problems(self, problems: list[Problem], title: str = "") -> None:
        if not problems:
            self.problems.clear()
            self.problems.hide()
            return
        name = self.directory.name_of_institution
        lines = [f"\u2022 {problem_text(p, name)}" for p in problems[:SHOWN_PROBLEMS]]
        if len(problems) > SHOWN_PROBLEMS:
            lines.append(self.tr("\u2026 and %n more.", "", len(problems) - SHOWN_PROBLEMS))
        head = title or self.tr("To do before publishing:")
        self.problems.setText("\n".join([head, *lines]))
        self.problems.show()

    def show_message(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(
            "color: #c62828; font-weight: 600;" if error else "color: #2e7d32;"
        )

    def set_busy(self, busy: bool) -> None:
        self.propose.setEnabled(not busy)
        self.publish.setEnabled(not busy)

    # ------------------------------------------------------------------ dialogs
    def open_fill(self, block: RosterBlock, day: RosterDay, may_edit: bool) -> FillDialog:
        dialog = FillDialog(block, day, self.directory, may_edit=may_edit, parent=self)
        self._open(dialog)
        return dialog

    def open_proposal(self, proposal: Proposal) -> ProposalDialog:
        dialog = ProposalDialog(proposal, self.directory, parent=self)
        self._open(dialog)
        return dialog

    def ask_ics_path(self) -> None:
        dialog = QFileDialog(self, self.tr("Save my shifts"), "hulpmix-diensten.ics")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("Calendar (*.ics)"))
        dialog.fileSelected.connect(self.ics_path_chosen)
        self._open(dialog)

    def _open(self, dialog: Any) -> None:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._dialog_closed)
        dialog.open()

    def _dialog_closed(self, _result: int) -> None:
        self.dialog = None
        self.grid.view.setFocus()
