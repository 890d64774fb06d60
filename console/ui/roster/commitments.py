"""The coordinator's commitments editor: for the shown month a row per institution taking
part with whether it has a commitment, its minimum and maximum blocks and its preferred
weekdays; below the table the unavailable dates of the selected institution (only dates
inside the month). The view validates while typing and asks for loads and saves through
signals; the controller answers with `set_page`, `saved`, `show_conflict` (409: both
versions side by side, "keep mine" saves again against the current versions, "take
theirs" shows theirs) or `show_errors` (422, per field)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtCore import Signal as QtSignal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.services.roster import InstitutionInfo
from console.services.roster_commitments import (
    UNBOUNDED,
    Commitment,
    Commitments,
    CommitmentsInvalid,
    CommitmentsPage,
)
from console.ui.roster.fairness import first_of_month, last_of_month, month_label
from console.ui.roster.labels import short_day_text

ERROR = QColor("#ffcdd2")
NAME, TAKES_PART, MINIMUM, MAXIMUM, WEEKDAYS, DATES = range(6)


class CommitmentRow:
    """The editors of one institution's row."""

    def __init__(self, info: InstitutionInfo, row: Commitment | None) -> None:
        self.info = info
        self.version = row.version if row else 0
        self.takes_part = QCheckBox()
        self.takes_part.setChecked(row is not None)
        self.minimum = QSpinBox()
        self.minimum.setRange(0, UNBOUNDED)
        self.maximum = QSpinBox()
        self.maximum.setRange(0, UNBOUNDED)
        self.minimum.setValue(row.min_blocks if row else 0)
        self.maximum.setValue(row.max_blocks if row else 0)
        self.days = [QCheckBox() for _ in range(5)]
        liked = set(row.preferred_weekdays) if row else set()
        for weekday, box in enumerate(self.days):
            box.setChecked(weekday in liked)
        #: Weekend days cannot be chosen here but are kept as stored.
        self.weekend = tuple(d for d in sorted(liked) if d >= 5)
        self.dates: list[date] = list(row.unavailable_dates) if row else []

    def weekdays(self) -> tuple[int, ...]:
        return tuple(d for d, box in enumerate(self.days) if box.isChecked()) + self.weekend

    def commitment(self) -> Commitment:
        return Commitment(
            self.info.id,
            self.minimum.value(),
            self.maximum.value(),
            self.weekdays(),
            tuple(sorted(set(self.dates))),
            self.version,
        )


class CommitmentsView(QWidget):
    #: (first day, last day) of the month to load.
    period_requested = QtSignal(object, object)
    #: (Commitments as read, list[Commitment]) to save the month against what was read.
    save_requested = QtSignal(object, object)

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rosterCommitments")
        self.today = today
        self.first = first_of_month(today)
        self.page: CommitmentsPage | None = None
        self.rows: list[CommitmentRow] = []
        self.conflict: Commitments | None = None
        self.busy = False

        self.label = QLabel()
        self.label.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.previous = QPushButton(self.tr("\u2190 Previous month"))
        self.previous.setObjectName("commitmentsPrevious")
        self.next = QPushButton(self.tr("Next month \u2192"))
        self.next.setObjectName("commitmentsNext")
        self.previous.clicked.connect(lambda: self.go(first_of_month(self.first - timedelta(1))))
        self.next.clicked.connect(lambda: self.go(last_of_month(self.first) + timedelta(1)))
        bar = QHBoxLayout()
        bar.addWidget(self.label, 1)
        bar.addWidget(self.previous)
        bar.addWidget(self.next)

        self.table = QTableWidget(0, 6)
        self.table.setObjectName("commitmentsTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Institution"),
                self.tr("Commitment"),
                self.tr("Minimum"),
                self.tr("Maximum"),
                self.tr("Preferred weekdays"),
                self.tr("Unavailable"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._show_dates)

        self.dates_title = QLabel()
        self.dates_title.setStyleSheet("font-weight: 600;")
        self.dates = QListWidget()
        self.dates.setObjectName("commitmentsDates")
        self.dates.setMaximumHeight(110)
        self.date_edit = QDateEdit()
        self.date_edit.setObjectName("commitmentsDate")
        self.date_edit.setCalendarPopup(True)
        self.add_date = QPushButton(self.tr("Add date"))
        self.add_date.setObjectName("commitmentsAddDate")
        self.remove_date = QPushButton(self.tr("Remove date"))
        self.remove_date.setObjectName("commitmentsRemoveDate")
        self.add_date.clicked.connect(self._add_date)
        self.remove_date.clicked.connect(self._remove_date)
        date_bar = QHBoxLayout()
        date_bar.addWidget(self.date_edit)
        date_bar.addWidget(self.add_date)
        date_bar.addWidget(self.remove_date)
        date_bar.addStretch(1)

        self.conflict_box = QFrame()
        self.conflict_box.setObjectName("commitmentsConflict")
        self.conflict_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.conflict_text = QLabel()
        self.conflict_text.setObjectName("commitmentsConflictText")
        self.conflict_text.setTextFormat(Qt.TextFormat.PlainText)
        self.conflict_text.setWordWrap(True)
        self.keep_mine = QPushButton(self.tr("Keep mine"))
        self.keep_mine.setObjectName("commitmentsKeepMine")
        self.take_theirs = QPushButton(self.tr("Take theirs"))
        self.take_theirs.setObjectName("commitmentsTakeTheirs")
        self.keep_mine.clicked.connect(self._keep_mine)
        self.take_theirs.clicked.connect(self._take_theirs)
        conflict_layout = QVBoxLayout(self.conflict_box)
        conflict_layout.addWidget(self.conflict_text)
        choice = QHBoxLayout()
        choice.addStretch(1)
        choice.addWidget(self.take_theirs)
        choice.addWidget(self.keep_mine)
        conflict_layout.addLayout(choice)
        self.conflict_box.hide()

        self.problems = QLabel()
        self.problems.setObjectName("commitmentsProblems")
        self.problems.setTextFormat(Qt.TextFormat.PlainText)
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #c62828;")
        self.message = QLabel()
        self.message.setObjectName("commitmentsMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.save = QPushButton(self.tr("Save commitments"))
        self.save.setObjectName("commitmentsSave")
        self.save.clicked.connect(self._save)
        footer = QHBoxLayout()
        footer.addWidget(self.message, 1)
        footer.addWidget(self.save)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.dates_title)
        layout.addWidget(self.dates)
        layout.addLayout(date_bar)
        layout.addWidget(self.conflict_box)
        layout.addWidget(self.problems)
        layout.addLayout(footer)
        self._update_label()
        self.validate()

    # ------------------------------------------------------------------ period
    def period(self) -> tuple[date, date]:
        return self.first, last_of_month(self.first)

    def go(self, first: date) -> None:
        self.first = first_of_month(first)
        self.page = None
        self._fill([])
        self._update_label()
        self.period_requested.emit(*self.period())

    def _update_label(self) -> None:
        self.label.setText(self.tr("Commitments, {0}").format(month_label(self.first)))
        start, end = self.period()
        self.date_edit.setDateRange(QDate(start), QDate(end))
        self.date_edit.setDate(QDate(start))

    # ------------------------------------------------------------------ filling
    def set_page(self, page: CommitmentsPage) -> None:
        if (page.commitments.start, page.commitments.end) != self.period():
            return  # an answer for a month no longer shown
        self.page = page
        self.conflict = None
        self.conflict_box.hide()
        self._fill(
            [(info, page.commitments.of(info.id)) for info in page.institutions],
        )
        self.message.clear()

    def _fill(self, rows: list[tuple[InstitutionInfo, Commitment | None]]) -> None:
        self.table.setRowCount(0)
        self.rows = []
        for info, commitment in rows:
            self._add_row(CommitmentRow(info, commitment))
        if self.rows:
            self.table.selectRow(0)
        self._show_dates()
        self.validate()

    def _add_row(self, row: CommitmentRow) -> None:
        n = self.table.rowCount()
        self.table.insertRow(n)
        self.rows.append(row)
        self.table.setItem(n, NAME, QTableWidgetItem(row.info.name or row.info.id))
        self.table.setCellWidget(n, TAKES_PART, _centered(row.takes_part))
        self.table.setCellWidget(n, MINIMUM, row.minimum)
        self.table.setCellWidget(n, MAXIMUM, row.maximum)
        days = QWidget()
        days_layout = QHBoxLayout(days)
        days_layout.setContentsMargins(4, 0, 4, 0)
        for weekday, box in enumerate(row.days):
            box.setText(short_weekday(weekday))
            days_layout.addWidget(box)
            box.toggled.connect(lambda _on: self.validate())
        self.table.setCellWidget(n, WEEKDAYS, days)
        self.table.setItem(n, DATES, QTableWidgetItem())
        row.takes_part.toggled.connect(lambda _on: self.validate())
        row.minimum.valueChanged.connect(lambda _v: self.validate())
        row.maximum.valueChanged.connect(lambda _v: self.validate())

    def row_of(self, institution_id: str) -> CommitmentRow | None:
        return next((r for r in self.rows if r.info.id == institution_id), None)

    def selected(self) -> CommitmentRow | None:
        picked = self.table.selectionModel().selectedRows()
        if not picked or not 0 <= picked[0].row() < len(self.rows):
            return None
        return self.rows[picked[0].row()]

    # ------------------------------------------------------------------ dates
    def _show_dates(self) -> None:
        row = self.selected()
        self.dates.clear()
        for day in sorted(row.dates) if row else []:
            item = QListWidgetItem(short_day_text(day))
            item.setData(Qt.ItemDataRole.UserRole, day)
            self.dates.addItem(item)
        name = row.info.name if row else ""
        self.dates_title.setText(self.tr("Unavailable dates of {0}").format(name) if row else "")
        self._enable_dates()

    def _enable_dates(self) -> None:
        row = self.selected()
        for widget in (self.dates, self.date_edit, self.add_date, self.remove_date):
            widget.setEnabled(row is not None and row.takes_part.isChecked())

    def add_unavailable(self, day: date) -> None:
        """Add `day` to the selected institution's unavailable dates (inside the month)."""
        row = self.selected()
        start, end = self.period()
        if row is None or not start <= day <= end or day in row.dates:
            return
        row.dates.append(day)
        self._show_dates()
        self.validate()

    def _add_date(self) -> None:
        day = self.date_edit.date().toPython()
        if isinstance(day, date):
            self.add_unavailable(day)

    def _remove_date(self) -> None:
        row = self.selected()
        item = self.dates.currentItem()
        if row is None or item is None:
            return
        day = item.data(Qt.ItemDataRole.UserRole)
        if day in row.dates:
            row.dates.remove(day)
        self._show_dates()
        self.validate()

    # ------------------------------------------------------------------ validation
    def edited(self) -> list[Commitment]:
        return [r.commitment() for r in self.rows if r.takes_part.isChecked()]

    def validate(self) -> list[str]:
        """Check while typing; returns the problems shown (empty: may save)."""
        problems: list[str] = []
        start, end = self.period()
        for n, row in enumerate(self.rows):
            on = row.takes_part.isChecked()
            for widget in (row.minimum, row.maximum, *row.days):
                widget.setEnabled(on)
            wrong = on and row.maximum.value() < row.minimum.value()
            row.maximum.setStyleSheet("background: #ffcdd2;" if wrong else "")
            row.maximum.setToolTip(self.tr("The maximum is below the minimum.") if wrong else "")
            if wrong:
                problems.append(
                    self.tr("{0}: the maximum is below the minimum.").format(row.info.name)
                )
            if on and any(not start <= d <= end for d in row.dates):
                problems.append(self.tr("{0}: a date is outside the month.").format(row.info.name))
            item = self.table.item(n, DATES)
            if item is not None:
                count = len(row.dates) if on else 0
                item.setText(self.tr("%n date(s)", "", count) if count else "")
        self._enable_dates()
        self._show_problems(problems)
        return problems

    def _show_problems(self, problems: list[str]) -> None:
        self.problems.setText("\n".join(problems))
        self.problems.setVisible(bool(problems))
        self.save.setEnabled(
            not problems and not self.busy and self.page is not None and self.conflict is None
        )

    def show_errors(self, error: CommitmentsInvalid) -> None:
        """422 from the server: each field's problem in the user's language."""
        self.busy = False
        lines: list[str] = []
        for path in error.fields:
            parts = path.split(".")
            name = self.tr("The period")
            if len(parts) >= 2 and parts[0] == "institutions" and parts[1].isdigit():
                sent = self.edited()
                index = int(parts[1])
                if index < len(sent):
                    row = self.row_of(sent[index].institution_id)
                    if row is not None:
                        name = row.info.name
                        self._mark(row, parts[-1])
            lines.append(f"{name}: {self.field_text(parts[-1])}")
        self.problems.setText("\n".join(lines))
        self.problems.setVisible(bool(lines))
        self.save.setEnabled(True)
        self.message.setText(self.tr("The server refused the commitments; nothing was saved."))
        self.message.setStyleSheet("color: #c62828;")

    def _mark(self, row: CommitmentRow, field: str) -> None:
        index = self.rows.index(row)
        item = self.table.item(index, NAME)
        if item is not None:
            item.setBackground(QBrush(ERROR))
            item.setToolTip(self.field_text(field))

    def field_text(self, field: str) -> str:
        texts = {
            "min_blocks": self.tr("the minimum is not a valid number of blocks."),
            "max_blocks": self.tr("the maximum is below the minimum or too large."),
            "unavailable_dates": self.tr("an unavailable date is outside the period."),
            "preferred_weekdays": self.tr("the preferred weekdays are not valid."),
            "institution_id": self.tr("this institution is unknown or listed twice."),
            "end": self.tr("the period is not valid."),
        }
        return texts.get(field, self.tr("this value is not accepted."))

    # ------------------------------------------------------------------ saving
    def _save(self) -> None:
        if self.validate() or self.page is None:
            return
        self.busy = True
        self.save.setEnabled(False)
        self.message.setText(self.tr("Saving\u2026"))
        self.message.setStyleSheet("")
        self.save_requested.emit(self.page.commitments, self.edited())

    def saved(self, current: Commitments) -> None:
        self.busy = False
        if self.page is not None and (current.start, current.end) == self.period():
            self.set_page(CommitmentsPage(self.page.institutions, current))
        self.message.setText(self.tr("The commitments are saved."))
        self.message.setStyleSheet("color: #2e7d32;")

    def failed(self, text: str) -> None:
        self.busy = False
        self.message.setText(text)
        self.message.setStyleSheet("color: #c62828;")
        self.validate()

    def show_conflict(self, current: Commitments) -> None:
        """Another coordinator saved first (409): show both versions and let them choose."""
        self.busy = False
        self.conflict = current
        mine = {c.institution_id: c for c in self.edited()}
        lines = [self.tr("Another coordinator saved the commitments of this month first.")]
        for row in self.rows:
            yours, theirs = mine.get(row.info.id), current.of(row.info.id)
            if yours is not None and theirs is not None and yours.same_terms(theirs):
                continue
            if yours is None and theirs is None:
                continue
            lines.append(
                self.tr("{0} \u2013 yours: {1}; now saved: {2}").format(
                    row.info.name, self.terms_text(yours), self.terms_text(theirs)
                )
            )
        self.conflict_text.setText("\n".join(lines))
        self.conflict_box.show()
        self.message.clear()
        self.validate()

    def terms_text(self, commitment: Commitment | None) -> str:
        if commitment is None:
            return self.tr("no commitment")
        text = self.tr("{0}\u2013{1} blocks").format(commitment.min_blocks, commitment.max_blocks)
        days = [short_weekday(d) for d in commitment.preferred_weekdays if d < 5]
        if days:
            text += ", " + self.tr("prefers {0}").format(" ".join(days))
        if commitment.unavailable_dates:
            text += ", " + self.tr("%n date(s) unavailable", "", len(commitment.unavailable_dates))
        return text

    def _keep_mine(self) -> None:
        """Save my edit again, now against the versions that are stored."""
        current = self.conflict
        if current is None:
            return
        if self.page is None:
            return
        self.page = CommitmentsPage(self.page.institutions, current)
        self.conflict = None
        self.conflict_box.hide()
        self._save()

    def _take_theirs(self) -> None:
        current = self.conflict
        if current is None or self.page is None:
            return
        self.set_page(CommitmentsPage(self.page.institutions, current))
        self.message.setText(self.tr("Showing the commitments as they are saved now."))
        self.message.setStyleSheet("")

    def show_message(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #c62828;" if error else "color: #2e7d32;")


def short_weekday(weekday: int) -> str:
    return QLocale().dayName(weekday + 1, QLocale.FormatType.ShortFormat)


def _centered(widget: QWidget) -> QWidget:
    holder = QWidget()
    layout = QHBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignCenter)
    return holder
