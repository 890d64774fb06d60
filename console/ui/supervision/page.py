"""The supervision area. Which tabs show depends on the person's roles:

- a trainee: "My progress" and "Intervision";
- a helper: "Chat reviews" (of other institutions' trainees) and "Intervision";
- a supervisor: "Trainees" (the institution's trainees with their progress, sign-off and
  observations), "Chat reviews" and "Intervision";
- a roster coordinator or the project lead: "Overview" (how many trainees at which stage,
  per institution; never names or notes).

The page shows what it is handed and reports what the person wants through signals; the
controller (`console.supervision_controller`) connects it to the SupervisionService.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QLabel, QSplitter, QTabWidget, QVBoxLayout, QWidget

from console.domain.roles import Role
from console.services.session import User
from console.services.supervision import InstitutionStages, TraineeSummary
from console.ui.supervision.intervision import IntervisionView
from console.ui.supervision.labels import met_text, stage_label
from console.ui.supervision.progress import ProgressView, table
from console.ui.supervision.review_form import ReviewForm

ModelIndex = QModelIndex | QPersistentModelIndex
STAGES = ("in_training", "gathering_shifts", "reviews", "ready", "signed_off")


class TraineesModel(QAbstractTableModel):
    NAME, STAGE, READY = range(3)

    def __init__(self) -> None:
        super().__init__()
        self.trainees: list[TraineeSummary] = []

    def set_trainees(self, trainees: Sequence[TraineeSummary]) -> None:
        self.beginResetModel()
        self.trainees = list(trainees)
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.trainees)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Trainee"), self.tr("Stage"), self.tr("Criteria met"))[section]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        t = self.trainees[index.row()]
        if index.column() == self.NAME:
            return t.display_name
        if index.column() == self.STAGE:
            return stage_label(t.stage)
        met = sum(1 for c in t.criteria if c.met)
        if t.signed_off:
            return met_text(True)
        return self.tr("{0} of {1}").format(met, len(t.criteria))


class OverviewModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[InstitutionStages] = []

    def set_rows(self, rows: Sequence[InstitutionStages]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2 + len(STAGES)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return self.tr("Institution")
        if section == 1:
            return self.tr("Trainees")
        return stage_label(STAGES[section - 2])

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self.rows[index.row()]
        if index.column() == 0:
            return row.name
        if index.column() == 1:
            return str(row.trainees)
        return str(row.stages.get(STAGES[index.column() - 2], 0))


class SupervisionPage(QWidget):
    #: (trainee id) a supervisor chose a trainee in the list.
    trainee_chosen = Signal(int)

    def __init__(self, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("supervisionPage")
        roles = user.roles
        self.is_trainee = Role.TRAINEE in roles and Role.HELPER not in roles
        self.is_supervisor = Role.SUPERVISOR in roles
        self.is_reviewer = bool(roles & {Role.HELPER, Role.SUPERVISOR})
        self.sees_overview = bool(roles & {Role.ROSTER_COORDINATOR, Role.PROJECT_LEAD})
        self.takes_part = bool(roles & {Role.TRAINEE, Role.HELPER, Role.SUPERVISOR})
        self.dialog: Any = None

        self.tabs = QTabWidget()
        self.tabs.setObjectName("supervisionTabs")
        self.progress: ProgressView | None = None
        self.trainees: TraineesModel | None = None
        self.trainees_view = None
        if self.is_trainee:
            self.progress = ProgressView(supervisor=False)
            self.tabs.addTab(self.progress, self.tr("My progress"))
        elif self.is_supervisor:
            self.trainees = TraineesModel()
            self.trainees_view = table(self.trainees, "supervisionTrainees", TraineesModel.READY)
            self.trainees_view.selectionModel().currentRowChanged.connect(self._trainee_changed)
            self.trainees_view.setWordWrap(False)
            self.progress = ProgressView(supervisor=True)
            split = QSplitter()
            left = QWidget()
            left_layout = QVBoxLayout(left)
            left_layout.addWidget(QLabel(self.tr("Trainees of your institution")))
            left_layout.addWidget(self.trainees_view)
            split.addWidget(left)
            split.addWidget(self.progress)
            # Wide enough for the three columns in Dutch ("Criteria voldaan" was cut off).
            left.setMinimumWidth(380)
            split.setStretchFactor(0, 1)
            split.setStretchFactor(1, 3)
            self.tabs.addTab(split, self.tr("Trainees"))
        self.reviews: ReviewForm | None = None
        if self.is_reviewer:
            self.reviews = ReviewForm()
            self.tabs.addTab(self.reviews, self.tr("Chat reviews"))
        self.intervision: IntervisionView | None = None
        if self.takes_part:
            self.intervision = IntervisionView(
                user.id, (user.institution_id, user.institution_name)
            )
            self.tabs.addTab(self.intervision, self.tr("Intervision"))
        self.overview: OverviewModel | None = None
        if self.sees_overview:
            self.overview = OverviewModel()
            view = table(self.overview, "supervisionOverview", 0)
            box = QWidget()
            box_layout = QVBoxLayout(box)
            hint = QLabel(
                self.tr(
                    "How many trainees each institution has at each stage. Records and "
                    "intervision notes stay with the institutions."
                )
            )
            hint.setWordWrap(True)
            box_layout.addWidget(hint)
            box_layout.addWidget(view, 1)
            self.tabs.addTab(box, self.tr("Overview"))

        self.message = QLabel()
        self.message.setObjectName("supervisionMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)

    # ------------------------------------------------------------------ trainees
    def set_trainees(self, trainees: Sequence[TraineeSummary]) -> None:
        if self.trainees is None or self.trainees_view is None:
            return
        chosen = self.current_trainee()
        self.trainees.set_trainees(trainees)
        for row, t in enumerate(self.trainees.trainees):
            if t.id == chosen:
                self.trainees_view.selectRow(row)

    def current_trainee(self) -> int | None:
        if self.trainees is None or self.trainees_view is None:
            return None
        row = self.trainees_view.currentIndex().row()
        return self.trainees.trainees[row].id if 0 <= row < len(self.trainees.trainees) else None

    def select_trainee(self, trainee_id: int) -> None:
        if self.trainees is None or self.trainees_view is None:
            return
        for row, t in enumerate(self.trainees.trainees):
            if t.id == trainee_id:
                self.trainees_view.selectRow(row)

    def _trainee_changed(self, *_args: object) -> None:
        chosen = self.current_trainee()
        if chosen is not None:
            self.trainee_chosen.emit(chosen)

    # ------------------------------------------------------------------ messages
    def show_message(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(
            "color: #c62828; font-weight: 600;" if error else "color: #2e7d32;"
        )

    def open_dialog(self, dialog: Any) -> None:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: self._closed(dialog))
        dialog.open()

    def _closed(self, dialog: Any) -> None:
        if self.dialog is dialog:
            self.dialog = None
