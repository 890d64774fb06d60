"""The roster area: the week grid (with the coordinator's tools) and "My shifts".

The page shows what it is handed and reports what the person wants through signals; the
controller (`console.roster_controller`) connects it to the RosterService.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
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
from console.services.roster import (
    Proposal,
    RosterBlock,
    RosterDay,
    RosterPeople,
    RosterWeek,
    Unfilled,
)
from console.services.roster_reports import RowError
from console.ui.roster.commitments import CommitmentsView
from console.ui.roster.fairness import FairnessView
from console.ui.roster.fill_dialog import FillDialog
from console.ui.roster.import_dialog import ImportErrorsDialog
from console.ui.roster.labels import problem_text, short_day_text
from console.ui.roster.mine import MyShiftsView
from console.ui.roster.month import MonthView
from console.ui.roster.printing import print_view, save_pdf
from console.ui.roster.proposal import ProposalDialog
from console.ui.roster.week_grid import WeekGrid

#: At most this many problems are listed under the grid (the rest are counted).
SHOWN_PROBLEMS = 6
#: At most this many unfilled blocks are named in the banner (the rest are counted).
SHOWN_ALERTS = 4


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
    #: (path) where to save the XLSX export of the shown month.
    export_path_chosen = Signal(str)
    #: (path) the XLSX file to import.
    import_path_chosen = Signal(str)

    def __init__(
        self,
        today: date,
        *,
        coordinator: bool = False,
        show_mine: bool = True,
        show_fairness: bool = False,
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
        self.export = QPushButton(self.tr("Export\u2026"))
        self.export.setObjectName("rosterExport")
        self.export.clicked.connect(self.ask_export_path)
        self.import_ = QPushButton(self.tr("Import\u2026"))
        self.import_.setObjectName("rosterImport")
        self.import_.clicked.connect(self.ask_import_path)
        tools.addWidget(self.export)
        tools.addWidget(self.import_)
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
        self.alerts = QLabel()
        self.alerts.setObjectName("rosterAlerts")
        self.alerts.setTextFormat(Qt.TextFormat.PlainText)
        self.alerts.setWordWrap(True)
        self.alerts.setStyleSheet(
            "background: #fff3e0; color: #e65100; border: 1px solid #ffb74d;"
            " border-radius: 4px; padding: 6px;"
        )
        self.alerts.hide()
        self.print_button = QPushButton(self.tr("Print\u2026"))
        self.print_button.setObjectName("rosterPrint")
        self.print_button.clicked.connect(self.print_week)
        self.pdf_button = QPushButton(self.tr("Save as PDF\u2026"))
        self.pdf_button.setObjectName("rosterPdf")
        self.pdf_button.clicked.connect(self.ask_pdf_path)
        footer = QHBoxLayout()
        footer.addWidget(self.keys, 1)
        footer.addWidget(self.print_button)
        footer.addWidget(self.pdf_button)

        week = QWidget()
        week_layout = QVBoxLayout(week)
        week_layout.addWidget(self.alerts)
        week_layout.addWidget(self.grid, 1)
        week_layout.addWidget(self.tools)
        week_layout.addWidget(self.published)
        week_layout.addWidget(self.problems)
        week_layout.addWidget(self.message)
        week_layout.addLayout(footer)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("rosterTabs")
        self.tabs.addTab(week, self.tr("Week"))
        self.month_view = MonthView(today)
        self.tabs.addTab(self.month_view, self.tr("Month"))
        self.fairness: FairnessView | None = None
        if show_fairness:
            self.fairness = FairnessView(today)
            self.tabs.addTab(self.fairness, self.tr("Fairness"))
        self.commitments: CommitmentsView | None = None
        if coordinator:
            self.commitments = CommitmentsView(today)
            self.tabs.addTab(self.commitments, self.tr("Commitments"))
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
        self.month_view.set_directory(directory)

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

    def set_alerts(self, unfilled: list[Unfilled], days: int) -> None:
        """The banner naming blocks close to their date that are not filled yet."""
        if not unfilled:
            self.alerts.clear()
            self.alerts.hide()
            return
        name = self.directory.name_of_institution
        lines = []
        for item in unfilled[:SHOWN_ALERTS]:
            where = self.tr("{0}, block {1}").format(short_day_text(item.day), item.index + 1)
            if item.missing == "institution":
                what = self.tr("no institution yet")
            else:
                what = self.tr("%n seat(s) open", "", item.open_seats)
                what = f"{name(item.institution_id)}: {what}"
            lines.append(f"\u2022 {where} \u2014 {what}")
        if len(unfilled) > SHOWN_ALERTS:
            lines.append(self.tr("\u2026 and %n more.", "", len(unfilled) - SHOWN_ALERTS))
        head = self.tr("Not filled yet in the next %n day(s):", "", days)
        self.alerts.setText("\n".join([head, *lines]))
        self.alerts.show()

    def print_title(self) -> str:
        return self.grid.label.text()

    def print_week(self) -> None:
        print_view(self.grid.model, self.print_title(), self)

    def ask_pdf_path(self) -> None:
        name = f"hulpmix-rooster-week-{self.grid.monday.isoformat()}.pdf"
        dialog = QFileDialog(self, self.tr("Save the roster as PDF"), name)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("PDF document (*.pdf)"))
        dialog.fileSelected.connect(self.save_pdf)
        self._open(dialog)

    def save_pdf(self, path: str) -> None:
        save_pdf(self.grid.model, self.print_title(), Path(path))
        self.show_message(self.tr("Saved as {0}").format(path))

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

    def ask_export_path(self) -> None:
        first, last = self.month()
        name = f"hulpmix-rooster-{first.isoformat()}-{last.isoformat()}.xlsx"
        dialog = QFileDialog(self, self.tr("Export the roster"), name)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("Excel workbook (*.xlsx)"))
        dialog.fileSelected.connect(self.export_path_chosen)
        self._open(dialog)

    def ask_import_path(self) -> None:
        dialog = QFileDialog(self, self.tr("Import a roster"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter(self.tr("Excel workbook (*.xlsx)"))
        dialog.fileSelected.connect(self.import_path_chosen)
        self._open(dialog)

    def open_import_errors(self, errors: list[RowError], more: int = 0) -> ImportErrorsDialog:
        dialog = ImportErrorsDialog(errors, more, parent=self)
        self._open(dialog)
        return dialog

    def _open(self, dialog: Any) -> None:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._dialog_closed)
        dialog.open()

    def _dialog_closed(self, _result: int) -> None:
        self.dialog = None
        self.grid.view.setFocus()
