"""The supervisor's sign-off ("may chat without backup") and its revocation.

The sign-off form lists every criterion with met / not yet; confirming is possible only
when all are met. When the server still refuses (someone's record changed meanwhile: a
`not_ready` answer), the form shows the server's criteria instead. Revoking needs a reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.services.supervision import CriterionState, Rule, TraineeRecord
from console.ui.supervision.labels import criterion_label, met_text, progress_text

MAX_REMARK = 2000


def criteria_lines(criteria: Sequence[CriterionState], rule: Rule) -> str:
    return "\n".join(
        f"{met_text(c.met)}  {criterion_label(c.criterion)}: {progress_text(c, rule)}"
        for c in criteria
    )


class SignOffDialog(QDialog):
    #: (remark, review date or None)
    confirmed = Signal(str, object)

    def __init__(self, record: TraineeRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signOffDialog")
        self.record = record
        self.setWindowTitle(self.tr("Sign off {0}").format(record.summary.display_name))
        self.setMinimumWidth(660)

        intro = QLabel(
            self.tr(
                "After sign-off, {0} may chat without a professional of the own institution "
                "as backup; routing and the roster follow at once. You can revoke it later."
            ).format(record.summary.display_name)
        )
        intro.setWordWrap(True)
        self.criteria = QLabel()
        self.criteria.setObjectName("signOffCriteria")
        self.criteria.setTextFormat(Qt.TextFormat.PlainText)
        self.criteria.setWordWrap(True)
        self.why = QLabel()
        self.why.setObjectName("signOffWhy")
        self.why.setWordWrap(True)
        self.why.setStyleSheet("color: #c62828; font-weight: 600;")

        self.remark = QPlainTextEdit()
        self.remark.setObjectName("signOffRemark")
        self.remark.setPlaceholderText(self.tr("What you base this on, agreements made"))
        self.remark.setMaximumHeight(90)
        self.has_review = QCheckBox(self.tr("Plan a review on"))
        self.has_review.setObjectName("signOffHasReview")
        self.has_review.setChecked(True)
        self.review_date = QDateEdit(QDate.currentDate().addMonths(3))
        self.review_date.setObjectName("signOffReviewDate")
        self.review_date.setCalendarPopup(True)
        self.has_review.toggled.connect(self.review_date.setEnabled)
        form = QFormLayout()
        form.addRow(self.tr("Remark"), self.remark)
        form.addRow(self.has_review, self.review_date)

        self.message = QLabel()
        self.message.setObjectName("signOffMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.confirm = QPushButton(self.tr("Sign off"))
        self.confirm.setObjectName("signOffConfirm")
        self.buttons.addButton(self.confirm, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.rejected.connect(self.reject)
        self.confirm.clicked.connect(self._confirm)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.criteria)
        layout.addWidget(self.why)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.show_criteria(record.summary.criteria)

    def show_criteria(self, criteria: Sequence[CriterionState]) -> None:
        self.criteria.setText(criteria_lines(criteria, self.record.rule))
        unmet = [criterion_label(c.criterion) for c in criteria if not c.met]
        ready = bool(criteria) and not unmet
        self.confirm.setEnabled(ready)
        self.why.setText(
            ""
            if ready
            else self.tr(
                "Sign-off is possible once every criterion is met. Not yet met: {0}."
            ).format(", ".join(unmet))
        )

    def _confirm(self) -> None:
        text = self.remark.toPlainText().strip()
        if len(text) > MAX_REMARK:
            self.failed(self.tr("The remark is too long (at most %n characters).", "", MAX_REMARK))
            return
        chosen = self.review_date.date()
        day = (
            date(chosen.year(), chosen.month(), chosen.day())
            if self.has_review.isChecked()
            else None
        )
        self.message.clear()
        self.confirm.setEnabled(False)
        self.confirmed.emit(text, day)

    def failed(self, text: str) -> None:
        self.message.setText(text)
        self.confirm.setEnabled(not self.why.text())

    def not_ready(self, criteria: Sequence[CriterionState]) -> None:
        self.show_criteria(criteria)
        self.message.setText(
            self.tr("The server refused: the trainee does not meet the rule (any more).")
        )


class RevokeDialog(QDialog):
    #: (reason)
    confirmed = Signal(str)

    def __init__(self, record: TraineeRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("revokeDialog")
        self.setWindowTitle(
            self.tr("Revoke the sign-off of {0}").format(record.summary.display_name)
        )
        self.setMinimumWidth(480)
        intro = QLabel(
            self.tr(
                "{0} will chat with backup again from now on; the roster's backup rule applies "
                "again. Please give the reason; the trainee sees it."
            ).format(record.summary.display_name)
        )
        intro.setWordWrap(True)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("revokeReason")
        self.reason.setMaximumHeight(100)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.confirm = QPushButton(self.tr("Revoke"))
        self.confirm.setObjectName("revokeConfirm")
        self.confirm.setEnabled(False)
        self.buttons.addButton(self.confirm, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.rejected.connect(self.reject)
        self.confirm.clicked.connect(self._confirm)
        self.reason.textChanged.connect(
            lambda: self.confirm.setEnabled(bool(self.reason.toPlainText().strip()))
        )
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(QLabel(self.tr("Reason")))
        layout.addWidget(self.reason)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def _confirm(self) -> None:
        text = self.reason.toPlainText().strip()
        if len(text) > MAX_REMARK:
            self.failed(self.tr("The reason is too long (at most %n characters).", "", MAX_REMARK))
            return
        self.confirm.setEnabled(False)
        self.confirmed.emit(text)

    def failed(self, text: str) -> None:
        self.message.setText(text)
        self.confirm.setEnabled(bool(self.reason.toPlainText().strip()))
