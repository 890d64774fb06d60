"""A trainee's progress: each criterion of the readiness rule with what they have and what
is needed, the sign-off state, the released reviews and the observations.

The trainee sees their own; a supervisor sees the trainee chosen in the list beside it and
gets the buttons to sign off, revoke and record an observation.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.services.supervision import (
    CriterionState,
    Observation,
    ReviewInfo,
    Rule,
    TraineeRecord,
)
from console.ui.supervision.labels import (
    criterion_label,
    date_text,
    fraction_text,
    level_label,
    met_text,
    progress_text,
    stage_label,
    time_text,
)

ModelIndex = QModelIndex | QPersistentModelIndex
GREEN = QColor("#2e7d32")
RED = QColor("#c62828")


def table(model: QAbstractTableModel, name: str, stretch: int | None = None) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.verticalHeader().hide()
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setWordWrap(True)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(stretch is None)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


class CriteriaModel(QAbstractTableModel):
    CRITERION, PROGRESS, STATE = range(3)

    def __init__(self) -> None:
        super().__init__()
        self.criteria: list[CriterionState] = []
        self.rule = Rule()

    def set_criteria(self, criteria: Sequence[CriterionState], rule: Rule) -> None:
        self.beginResetModel()
        self.criteria = list(criteria)
        self.rule = rule
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.criteria)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Criterion"), self.tr("Progress"), self.tr("Status"))[section]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        state = self.criteria[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.CRITERION:
                return criterion_label(state.criterion)
            if column == self.PROGRESS:
                return progress_text(state, self.rule)
            return met_text(state.met)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATE:
            return QBrush(GREEN if state.met else RED)
        return None


class ReviewsModel(QAbstractTableModel):
    """Reviews: in a record (released ones, whether they count) or one's own written ones."""

    REF, DATE, AVERAGE, STATE = range(4)

    def __init__(self, own: bool = False) -> None:
        super().__init__()
        self.own = own
        self.reviews: list[ReviewInfo] = []

    def set_reviews(self, reviews: Sequence[ReviewInfo]) -> None:
        self.beginResetModel()
        self.reviews = list(reviews)
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.reviews)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Chat"), self.tr("Date"), self.tr("Average"), self.tr("Status"))[section]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        review = self.reviews[index.row()]
        column = index.column()
        if column == self.REF:
            return review.chat_ref
        if column == self.DATE:
            at = review.created_at
            return date_text(None if at is None else at.astimezone().date())
        if column == self.AVERAGE:
            return fraction_text(review.average)
        if self.own:
            state = self.tr("released") if review.released else self.tr("not released yet")
            return state + (" \u00b7 " + self.tr("calibration") if review.calibration else "")
        if review.calibration:
            return self.tr("calibration (does not count)")
        return self.tr("counts") if review.counted else self.tr("does not count")


class ObservationsModel(QAbstractTableModel):
    DATE, REF, LEVEL, STRENGTHS, POINTS, OBSERVER = range(6)

    def __init__(self) -> None:
        super().__init__()
        self.observations: list[Observation] = []

    def set_observations(self, observations: Sequence[Observation]) -> None:
        self.beginResetModel()
        self.observations = list(observations)
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.observations)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Date"),
            self.tr("Chat"),
            self.tr("Level"),
            self.tr("Strengths"),
            self.tr("Points to work on"),
            self.tr("Observer"),
        )[section]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        o = self.observations[index.row()]
        return (
            time_text(o.at),
            o.chat_ref,
            level_label(o.level),
            o.strengths,
            o.points,
            o.observer,
        )[index.column()]


class ProgressView(QWidget):
    """One trainee's record. `supervisor` shows the sign-off and observation buttons."""

    #: (trainee id) the supervisor wants to sign off / revoke / record an observation.
    signoff_requested = Signal(int)
    revoke_requested = Signal(int)
    observe_requested = Signal(int)
    training_requested = Signal(int)

    def __init__(self, supervisor: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("supervisionProgress")
        self.supervisor = supervisor
        self.record: TraineeRecord | None = None
        self.names: Mapping[int, str] = {}

        self.title = QLabel()
        self.title.setObjectName("progressTitle")
        self.title.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.stage = QLabel()
        self.stage.setObjectName("progressStage")
        self.stage.setTextFormat(Qt.TextFormat.PlainText)

        self.criteria = CriteriaModel()
        self.criteria_view = table(self.criteria, "progressCriteria", CriteriaModel.PROGRESS)
        self.criteria_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.criteria_view.setMaximumHeight(150)
        self.training = QLabel()
        self.training.setObjectName("progressTraining")
        self.training.setTextFormat(Qt.TextFormat.PlainText)
        self.training.setWordWrap(True)
        self.training.setStyleSheet("color: #616161;")

        self.signoff = QLabel()
        self.signoff.setObjectName("progressSignoff")
        self.signoff.setTextFormat(Qt.TextFormat.PlainText)
        self.signoff.setWordWrap(True)
        self.sign_button = QPushButton(self.tr("Sign off\u2026"))
        self.sign_button.setObjectName("progressSignOff")
        self.revoke_button = QPushButton(self.tr("Revoke sign-off\u2026"))
        self.revoke_button.setObjectName("progressRevoke")
        self.observe_button = QPushButton(self.tr("Record an observation\u2026"))
        self.observe_button.setObjectName("progressObserve")
        self.training_button = QPushButton(self.tr("Training\u2026"))
        self.training_button.setObjectName("progressEditTraining")
        self.training_button.clicked.connect(lambda: self._ask(self.training_requested))
        self.sign_button.clicked.connect(lambda: self._ask(self.signoff_requested))
        self.revoke_button.clicked.connect(lambda: self._ask(self.revoke_requested))
        self.observe_button.clicked.connect(lambda: self._ask(self.observe_requested))
        buttons = QHBoxLayout()
        buttons.addWidget(self.sign_button)
        buttons.addWidget(self.revoke_button)
        buttons.addStretch(1)
        buttons.addWidget(self.training_button)
        buttons.addWidget(self.observe_button)
        self.buttons = QWidget()
        self.buttons.setLayout(buttons)
        buttons.setContentsMargins(0, 0, 0, 0)
        self.buttons.setVisible(supervisor)

        self.reviews = ReviewsModel()
        self.reviews_view = table(self.reviews, "progressReviews", ReviewsModel.STATE)
        self.observations = ObservationsModel()
        self.observations_view = table(
            self.observations, "progressObservations", ObservationsModel.POINTS
        )
        header = self.observations_view.horizontalHeader()
        header.setSectionResizeMode(ObservationsModel.STRENGTHS, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ObservationsModel.LEVEL, QHeaderView.ResizeMode.Interactive)
        # Narrow enough to leave the two text columns room beside the trainee list; it wraps.
        header.resizeSection(ObservationsModel.LEVEL, 120)
        self.observations_view.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.stage)
        layout.addWidget(self.criteria_view)
        layout.addWidget(self.training)
        layout.addWidget(self.signoff)
        layout.addWidget(self.buttons)
        layout.addWidget(self._heading(self.tr("Released chat reviews")))
        layout.addWidget(self.reviews_view, 1)
        layout.addWidget(self._heading(self.tr("Observations")))
        layout.addWidget(self.observations_view, 1)
        self.set_record(None)

    @staticmethod
    def _heading(text: str) -> QLabel:
        label = QLabel(text)
        label.setStyleSheet("font-weight: 600; margin-top: 6px;")
        return label

    def _ask(self, signal: Any) -> None:
        if self.record is not None:
            signal.emit(self.record.id)

    def set_names(self, names: Mapping[int, str]) -> None:
        self.names = names
        if self.record is not None:
            self.set_record(self.record)

    def _name(self, user_id: int | None) -> str:
        if user_id is None:
            return ""
        return self.names.get(user_id, self.tr("colleague {0}").format(user_id))

    def set_record(self, record: TraineeRecord | None) -> None:
        self.record = record
        if record is None:
            self.title.setText(self.tr("No trainee chosen"))
            self.stage.clear()
            self.criteria.set_criteria([], Rule())
            self.training.clear()
            self.signoff.clear()
            self.reviews.set_reviews([])
            self.observations.set_observations([])
            self.sign_button.setEnabled(False)
            self.revoke_button.setEnabled(False)
            self.observe_button.setEnabled(False)
            self.training_button.setEnabled(False)
            return
        summary = record.summary
        self.title.setText(summary.display_name)
        ready = self.tr("meets the readiness rule") if summary.ready else ""
        self.stage.setText(
            " \u00b7 ".join(t for t in (stage_label(summary.stage), ready) if t)
            + "  ("
            + self.tr("trainee number {0}").format(summary.id)
            + ")"
        )
        self.criteria.set_criteria(summary.criteria, record.rule)
        self.training.setText(self._training_text(record))
        self.signoff.setText(self._signoff_text(record))
        self.signoff.setStyleSheet(
            "color: #2e7d32; font-weight: 600;" if record.signoff is not None else ""
        )
        self.reviews.set_reviews(record.reviews)
        self.observations.set_observations(record.observations)
        signed = record.signoff is not None
        self.sign_button.setEnabled(not signed and summary.ready)
        self.sign_button.setToolTip(
            ""
            if summary.ready or signed
            else self.tr("Not every criterion is met yet; see the list above.")
        )
        self.revoke_button.setEnabled(signed)
        self.observe_button.setEnabled(True)
        # The list holds the supervisor's own institution's trainees only: where sign-off
        # is possible, so is recording the training.
        self.training_button.setEnabled(True)

    def _training_text(self, record: TraineeRecord) -> str:
        t = record.training
        lines = []
        if t.national_date is not None:
            lines.append(
                self.tr("National training on {0} by {1}.").format(
                    date_text(t.national_date), t.national_trainer
                )
            )
        else:
            kt = date_text(t.kindertelefoon_date) if t.kindertelefoon_date else self.tr("no")
            binder = self.tr("yes") if t.binder_read else self.tr("no")
            lines.append(
                self.tr(
                    "Alternative route: Kindertelefoon training {0}; role plays {1} of {2}; "
                    "training binder read: {3}."
                ).format(kt, t.role_plays, record.rule.role_plays, binder)
            )
        if t.refreshers:
            themes = ", ".join(f"{k} ({date_text(v)})" for k, v in sorted(t.refreshers.items()))
            lines.append(self.tr("Refresher sessions: {0}.").format(themes))
        return "\n".join(lines)

    def _signoff_text(self, record: TraineeRecord) -> str:
        current = record.signoff
        if current is not None:
            text = self.tr("Signed off: may chat without backup. By {0} on {1}.").format(
                self._name(current.signed_by), time_text(current.signed_at)
            )
            if current.review_date is not None:
                text += " " + self.tr("Review on {0}.").format(date_text(current.review_date))
            if current.remark:
                text += "\n" + self.tr("Remark: {0}").format(current.remark)
            return text
        revoked = record.last_revoked
        if revoked is not None:
            return self.tr(
                "Not signed off: chats with backup. A sign-off was revoked by {0} on {1}: {2}"
            ).format(
                self._name(revoked.revoked_by), time_text(revoked.revoked_at), revoked.revoke_reason
            )
        return self.tr(
            "Not signed off: chats with a professional of the own institution as backup."
        )
