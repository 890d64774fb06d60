"""The supervisor records a trainee's training: the national Hulpmix training (date and
trainer) or the parts of the alternative route (Kindertelefoon training, role plays,
training binder read), and refresher sessions by theme with a date.

The form edits exactly what the server's training record holds, prefilled from the record
and saved against its version. When someone else saved in between, the form shows the
current record (`conflict`) and the supervisor redoes the change; a field the server
refuses is marked and named (`invalid`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.services.supervision import TrainingRecord

MAX_TRAINER = 200
MAX_THEME = 100
MAX_REFRESHERS = 50
ERROR_STYLE = "border: 1px solid #c62828;"


def _qdate(day: date | None) -> QDate:
    return QDate.currentDate() if day is None else QDate(day.year, day.month, day.day)


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _date_edit(name: str, day: date | None) -> QDateEdit:
    edit = QDateEdit(_qdate(day))
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd-MM-yyyy")
    return edit


class TrainingDialog(QDialog):
    #: (the edited record; its version is the one the form was filled from)
    confirmed = Signal(object)

    def __init__(
        self,
        name: str,
        training: TrainingRecord,
        role_plays_needed: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("trainingDialog")
        self.setWindowTitle(self.tr("Training of {0}").format(name))
        self.setMinimumWidth(560)
        self.version = training.version

        intro = QLabel(
            self.tr(
                "The training criterion is met by the national training (date and trainer) "
                "or by the complete alternative route: the Kindertelefoon training, {0} role "
                "plays and the training binder read."
            ).format(role_plays_needed)
        )
        intro.setWordWrap(True)

        # the national training
        self.national = QCheckBox(self.tr("National training followed on"))
        self.national.setObjectName("trainingNational")
        self.national_date = _date_edit("trainingNationalDate", None)
        self.trainer = QLineEdit()
        self.trainer.setObjectName("trainingTrainer")
        self.trainer.setMaxLength(MAX_TRAINER)
        self.trainer.setPlaceholderText(self.tr("Name of the trainer"))
        self.national.toggled.connect(self._enable)
        national_box = QGroupBox(self.tr("National training"))
        national_form = QFormLayout(national_box)
        national_form.addRow(self.national, self.national_date)
        national_form.addRow(self.tr("Trainer"), self.trainer)

        # the alternative route
        self.kindertelefoon = QCheckBox(self.tr("Kindertelefoon training followed on"))
        self.kindertelefoon.setObjectName("trainingKindertelefoon")
        self.kindertelefoon_date = _date_edit("trainingKindertelefoonDate", None)
        self.kindertelefoon.toggled.connect(self._enable)
        self.role_plays = QSpinBox()
        self.role_plays.setObjectName("trainingRolePlays")
        self.role_plays.setRange(0, 1000)
        self.binder = QCheckBox(self.tr("Training binder read"))
        self.binder.setObjectName("trainingBinder")
        alternative_box = QGroupBox(self.tr("Alternative route"))
        alternative_form = QFormLayout(alternative_box)
        alternative_form.addRow(self.kindertelefoon, self.kindertelefoon_date)
        alternative_form.addRow(self.tr("Role plays"), self.role_plays)
        alternative_form.addRow(self.binder)

        # refresher sessions
        self.refreshers = QTableWidget(0, 2)
        self.refreshers.setObjectName("trainingRefreshers")
        self.refreshers.setHorizontalHeaderLabels([self.tr("Theme"), self.tr("Date")])
        self.refreshers.verticalHeader().hide()
        self.refreshers.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.refreshers.setMaximumHeight(160)
        self.add_refresher = QPushButton(self.tr("Add a session"))
        self.add_refresher.setObjectName("trainingAddRefresher")
        self.remove_refresher = QPushButton(self.tr("Remove the chosen session"))
        self.remove_refresher.setObjectName("trainingRemoveRefresher")
        self.add_refresher.clicked.connect(lambda: self.add_session("", None))
        self.remove_refresher.clicked.connect(self._remove_session)
        refresher_buttons = QHBoxLayout()
        refresher_buttons.addWidget(self.add_refresher)
        refresher_buttons.addWidget(self.remove_refresher)
        refresher_buttons.addStretch(1)
        refresher_box = QGroupBox(self.tr("Refresher sessions"))
        refresher_layout = QVBoxLayout(refresher_box)
        refresher_layout.addWidget(self.refreshers)
        refresher_layout.addLayout(refresher_buttons)

        self.message = QLabel()
        self.message.setObjectName("trainingMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.confirm = QPushButton(self.tr("Save training"))
        self.confirm.setObjectName("trainingConfirm")
        self.buttons.addButton(self.confirm, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.rejected.connect(self.reject)
        self.confirm.clicked.connect(self._confirm)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(national_box)
        layout.addWidget(alternative_box)
        layout.addWidget(refresher_box)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.fill(training)

    # ------------------------------------------------------------------ filling
    def fill(self, training: TrainingRecord) -> None:
        """Show a record (the trainee's, or the server's current one after a conflict)."""
        self.version = training.version
        self.national.setChecked(training.national_date is not None)
        self.national_date.setDate(_qdate(training.national_date))
        self.trainer.setText(training.national_trainer)
        self.kindertelefoon.setChecked(training.kindertelefoon_date is not None)
        self.kindertelefoon_date.setDate(_qdate(training.kindertelefoon_date))
        self.role_plays.setValue(training.role_plays)
        self.binder.setChecked(training.binder_read)
        self.refreshers.setRowCount(0)
        for theme, day in sorted((training.refreshers or {}).items()):
            self.add_session(theme, day)
        self._enable()
        self._clear_marks()

    def add_session(self, theme: str, day: date | None) -> None:
        row = self.refreshers.rowCount()
        self.refreshers.insertRow(row)
        item = QTableWidgetItem(theme)
        self.refreshers.setItem(row, 0, item)
        self.refreshers.setCellWidget(row, 1, _date_edit(f"trainingRefresherDate{row}", day))
        if not theme:
            self.refreshers.setCurrentCell(row, 0)
            self.refreshers.editItem(item)

    def _remove_session(self) -> None:
        row = self.refreshers.currentRow()
        if row >= 0:
            self.refreshers.removeRow(row)

    def _enable(self) -> None:
        self.national_date.setEnabled(self.national.isChecked())
        self.trainer.setEnabled(self.national.isChecked())
        self.kindertelefoon_date.setEnabled(self.kindertelefoon.isChecked())

    # ------------------------------------------------------------------ reading
    def sessions(self) -> list[tuple[str, date]]:
        found = []
        for row in range(self.refreshers.rowCount()):
            item = self.refreshers.item(row, 0)
            edit = self.refreshers.cellWidget(row, 1)
            theme = item.text().strip() if item is not None else ""
            if isinstance(edit, QDateEdit):
                found.append((theme, _day(edit.date())))
        return found

    def training(self) -> TrainingRecord:
        national = self.national.isChecked()
        return TrainingRecord(
            national_date=_day(self.national_date.date()) if national else None,
            national_trainer=self.trainer.text().strip() if national else "",
            kindertelefoon_date=(
                _day(self.kindertelefoon_date.date()) if self.kindertelefoon.isChecked() else None
            ),
            role_plays=self.role_plays.value(),
            binder_read=self.binder.isChecked(),
            refreshers=dict(self.sessions()),
            version=self.version,
        )

    def problems(self) -> list[tuple[str, str]]:
        """What the form can tell before sending: (field, sentence)."""
        found: list[tuple[str, str]] = []
        if self.national.isChecked() and not self.trainer.text().strip():
            found.append(("national_trainer", self.tr("Please name the national trainer.")))
        themes = [theme for theme, _day in self.sessions()]
        if any(not theme for theme in themes):
            found.append(("refreshers", self.tr("Every refresher session needs a theme.")))
        elif len(set(themes)) != len(themes):
            found.append(("refreshers", self.tr("Each theme can be listed only once.")))
        elif any(len(theme) > MAX_THEME for theme in themes):
            found.append(
                (
                    "refreshers",
                    self.tr("A theme is too long (at most %n characters).", "", MAX_THEME),
                )
            )
        elif len(themes) > MAX_REFRESHERS:
            found.append(
                ("refreshers", self.tr("At most %n refresher sessions.", "", MAX_REFRESHERS))
            )
        return found

    def _confirm(self) -> None:
        self._clear_marks()
        problems = self.problems()
        if problems:
            self.invalid(problems)
            return
        self.message.clear()
        self.confirm.setEnabled(False)
        self.confirmed.emit(self.training())

    # ------------------------------------------------------------------ answers
    def _field_widgets(self) -> Mapping[str, QWidget]:
        return {
            "national_date": self.national_date,
            "national_trainer": self.trainer,
            "kindertelefoon_date": self.kindertelefoon_date,
            "role_plays": self.role_plays,
            "binder_read": self.binder,
            "refreshers": self.refreshers,
        }

    def _field_label(self, name: str) -> str:
        labels = {
            "national_date": self.tr("date of the national training"),
            "national_trainer": self.tr("trainer"),
            "kindertelefoon_date": self.tr("date of the Kindertelefoon training"),
            "role_plays": self.tr("role plays"),
            "binder_read": self.tr("training binder read"),
            "refreshers": self.tr("refresher sessions"),
        }
        return labels.get(name, name)

    def _clear_marks(self) -> None:
        for widget in self._field_widgets().values():
            widget.setStyleSheet("")
            widget.setToolTip("")

    def invalid(self, problems: Sequence[tuple[str, str]]) -> None:
        """Mark each refused field and say what is wrong with it; nothing is lost."""
        widgets = self._field_widgets()
        lines = []
        for name, text in problems:
            base = name.split(".", 1)[0]
            widget = widgets.get(base)
            if widget is not None:
                widget.setStyleSheet(ERROR_STYLE)
                widget.setToolTip(text)
            lines.append(f"{self._field_label(base)}: {text}")
        self.message.setText("\n".join(lines))
        self.confirm.setEnabled(True)

    def failed(self, text: str) -> None:
        self.message.setText(text)
        self.confirm.setEnabled(True)

    def conflict(self, current: TrainingRecord) -> None:
        """Someone else saved first: show their record; the supervisor redoes the change."""
        self.fill(current)
        self.message.setText(
            self.tr(
                "Someone else changed this training record in the meantime. The form now "
                "shows the current record; please make your change again and save."
            )
        )
        self.confirm.setEnabled(True)
