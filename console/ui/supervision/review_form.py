"""The chat quality review (a rubric of eight items scored 0-4, the average shown live),
one's own reviews with "release", and the supervisor's observation form.

A review is written by a helper or supervisor of ANOTHER institution than the trainee's:
the server refuses the trainee's own supervisors, and the controller words that refusal.
The trainee is chosen from a searchable list of the active trainees of other institutions
(`GET /supervision/review-candidates`); while that list is empty the trainee number (shown
on their progress page) can be typed instead.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from fractions import Fraction

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from console.domain.readiness import ENTRUSTMENT_LEVELS, RUBRIC, SCORE_MAX, SCORE_MIN
from console.services.supervision import ReviewCandidate, ReviewInfo
from console.ui.supervision.labels import fraction_text, level_label, rubric_label, score_label
from console.ui.supervision.progress import ReviewsModel, table

CHAT_REF = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
MAX_TEXT = 4000


def chat_ref_edit(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setMaxLength(64)
    edit.setValidator(QRegularExpressionValidator(CHAT_REF.pattern))
    edit.setPlaceholderText("chat-4f2a9c")
    return edit


class ReviewForm(QWidget):
    #: (trainee id, chat reference, scores, comment)
    save_requested = Signal(int, str, dict, str)
    #: (review id)
    release_requested = Signal(int)
    refresh_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewForm")
        self.trainee = QSpinBox()
        self.trainee.setObjectName("reviewTrainee")
        self.trainee.setRange(0, 2_000_000_000)
        self.trainee.setSpecialValueText(self.tr("\u2014 enter the number \u2014"))
        # Searchable: type any part of a name or institution.
        self.candidate = QComboBox()
        self.candidate.setObjectName("reviewCandidate")
        self.candidate.setEditable(True)
        self.candidate.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = QCompleter(self.candidate.model(), self.candidate)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.candidate.setCompleter(completer)
        self.candidate.setPlaceholderText(self.tr("Type a name or an institution"))
        self.candidates: list[ReviewCandidate] = []
        self.chat_ref = chat_ref_edit("reviewChatRef")
        self.scores: dict[str, QComboBox] = {}
        rubric = QFormLayout()
        for name in RUBRIC:
            combo = QComboBox()
            combo.setObjectName(f"reviewScore_{name}")
            combo.addItem(self.tr("\u2014 choose \u2014"), None)
            for score in range(SCORE_MIN, SCORE_MAX + 1):
                combo.addItem(score_label(score), score)
            combo.currentIndexChanged.connect(self._update)
            self.scores[name] = combo
            rubric.addRow(rubric_label(name), combo)
        self.average = QLabel()
        self.average.setObjectName("reviewAverage")
        self.average.setStyleSheet("font-weight: 600;")
        self.comment = QPlainTextEdit()
        self.comment.setObjectName("reviewComment")
        self.comment.setPlaceholderText(self.tr("What went well, what could be better"))
        self.comment.setMaximumHeight(80)
        self.save = QPushButton(self.tr("Save review"))
        self.save.setObjectName("reviewSave")
        self.message = QLabel()
        self.message.setObjectName("reviewMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)

        head = QFormLayout()
        hint = QLabel(
            self.tr(
                "Review chats of trainees of another institution only. Choose the trainee "
                "(or, if the list is empty, type the number from the trainee's progress page); "
                "the chat is named by its anonymous reference."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #616161;")
        head.addRow(self.tr("Trainee"), self.candidate)
        head.addRow(self.tr("Trainee number"), self.trainee)
        self.head = head
        head.addRow(self.tr("Chat reference"), self.chat_ref)
        box = QGroupBox(self.tr("Rubric (0 = absent \u2026 4 = excellent)"))
        box.setLayout(rubric)
        write = QVBoxLayout()
        write.addWidget(hint)
        write.addLayout(head)
        write.addWidget(box)
        write.addWidget(self.average)
        write.addWidget(QLabel(self.tr("Comment for the trainee")))
        write.addWidget(self.comment)
        write.addWidget(self.save)
        write.addWidget(self.message)
        write.addStretch(1)

        self.mine = ReviewsModel(own=True)
        self.mine_view = table(self.mine, "reviewsMine", ReviewsModel.STATE)
        self.mine_view.selectionModel().currentRowChanged.connect(lambda *_: self._update())
        self.release = QPushButton(self.tr("Release to the trainee"))
        self.release.setObjectName("reviewRelease")
        self.release.clicked.connect(self._release)
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.refresh_requested)
        own = QVBoxLayout()
        own.addWidget(QLabel(self.tr("Reviews you wrote")))
        own.addWidget(self.mine_view, 1)
        row = QHBoxLayout()
        row.addWidget(self.release)
        row.addStretch(1)
        row.addWidget(refresh)
        own.addLayout(row)
        release_hint = QLabel(
            self.tr("A review counts, and the trainee sees it, once you release it.")
        )
        release_hint.setWordWrap(True)
        release_hint.setStyleSheet("color: #616161;")
        own.addWidget(release_hint)

        layout = QHBoxLayout(self)
        left = QWidget()
        left.setLayout(write)
        right = QWidget()
        right.setLayout(own)
        layout.addWidget(left, 4)
        layout.addWidget(right, 3)

        self.trainee.valueChanged.connect(self._update)
        self.candidate.currentIndexChanged.connect(self._update)
        self.candidate.editTextChanged.connect(self._update)
        self.set_candidates([])
        self.chat_ref.textChanged.connect(self._update)
        self.save.clicked.connect(self._save)
        self._update()

    def set_candidates(self, candidates: Sequence[ReviewCandidate]) -> None:
        """The trainees one may review; with none, the number field is shown instead."""
        chosen = self.trainee_id()
        self.candidates = list(candidates)
        self.candidate.blockSignals(True)
        self.candidate.clear()
        for c in self.candidates:
            self.candidate.addItem(self.candidate_text(c), c.id)
        self.candidate.setCurrentIndex(self.candidate.findData(chosen) if chosen else -1)
        self.candidate.blockSignals(False)
        self.head.setRowVisible(self.candidate, bool(self.candidates))
        self.head.setRowVisible(self.trainee, not self.candidates)
        self._update()

    def candidate_text(self, candidate: ReviewCandidate) -> str:
        return self.tr("{0} ({1})").format(candidate.display_name, candidate.institution_name)

    def trainee_id(self) -> int:
        """The chosen trainee: from the list (its text must match an entry), else the
        number typed; 0 when none."""
        if not self.candidates:
            return self.trainee.value()
        row = self.candidate.findText(self.candidate.currentText())
        data = self.candidate.itemData(row) if row >= 0 else None
        return int(data) if data is not None else 0

    def choose_trainee(self, trainee_id: int) -> None:
        if self.candidates:
            self.candidate.setCurrentIndex(self.candidate.findData(trainee_id))
        else:
            self.trainee.setValue(trainee_id)

    def chosen_scores(self) -> dict[str, int]:
        return {
            name: int(combo.currentData())
            for name, combo in self.scores.items()
            if combo.currentData() is not None
        }

    def _update(self) -> None:
        scores = self.chosen_scores()
        if len(scores) == len(RUBRIC):
            average = Fraction(sum(scores.values()), len(scores))
            self.average.setText(self.tr("Average: {0}").format(fraction_text(average)))
        else:
            self.average.setText(
                self.tr(
                    "Average: \u2014 (%n item(s) still to score)", "", len(RUBRIC) - len(scores)
                )
            )
        self.save.setEnabled(
            len(scores) == len(RUBRIC)
            and self.trainee_id() > 0
            and bool(CHAT_REF.match(self.chat_ref.text().strip()))
        )
        self.release.setEnabled(self.selected() is not None)

    def _save(self) -> None:
        comment = self.comment.toPlainText().strip()
        if len(comment) > MAX_TEXT:
            self.show_message(self.tr("The comment is too long."), error=True)
            return
        self.save.setEnabled(False)
        self.save_requested.emit(
            self.trainee_id(), self.chat_ref.text().strip(), self.chosen_scores(), comment
        )

    def saved(self) -> None:
        """The review is stored: clear the form for the next one."""
        self.chat_ref.clear()
        for combo in self.scores.values():
            combo.setCurrentIndex(0)
        self.comment.clear()
        self._update()

    def selected(self) -> ReviewInfo | None:
        row = self.mine_view.currentIndex().row()
        if not 0 <= row < len(self.mine.reviews):
            return None
        review = self.mine.reviews[row]
        return None if review.released else review

    def _release(self) -> None:
        review = self.selected()
        if review is not None:
            self.release.setEnabled(False)
            self.release_requested.emit(review.id)

    def set_reviews(self, reviews: Sequence[ReviewInfo]) -> None:
        chosen = self.mine_view.currentIndex().row()
        self.mine.set_reviews(list(reversed(reviews)))
        if 0 <= chosen < len(reviews):
            self.mine_view.selectRow(chosen)
        self._update()

    def select_review(self, review_id: int) -> None:
        for row, review in enumerate(self.mine.reviews):
            if review.id == review_id:
                self.mine_view.selectRow(row)
        self._update()

    def show_message(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(
            "color: #c62828; font-weight: 600;" if error else "color: #2e7d32;"
        )
        self._update()


class ObservationDialog(QDialog):
    #: (chat reference, level, strengths, points to work on)
    confirmed = Signal(str, int, str, str)

    def __init__(self, trainee_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("observationDialog")
        self.setWindowTitle(self.tr("Observation of {0}").format(trainee_name))
        self.setMinimumWidth(520)
        self.chat_ref = chat_ref_edit("observationChatRef")
        self.level = QComboBox()
        self.level.setObjectName("observationLevel")
        for level in ENTRUSTMENT_LEVELS:
            self.level.addItem(level_label(level), level)
        self.level.setCurrentIndex(2)
        self.strengths = QPlainTextEdit()
        self.strengths.setObjectName("observationStrengths")
        self.strengths.setMaximumHeight(80)
        self.points = QPlainTextEdit()
        self.points.setObjectName("observationPoints")
        self.points.setMaximumHeight(80)
        form = QFormLayout()
        form.addRow(self.tr("Chat reference"), self.chat_ref)
        form.addRow(self.tr("Entrustment level"), self.level)
        form.addRow(self.tr("Strengths"), self.strengths)
        form.addRow(self.tr("Points to work on"), self.points)
        note = QLabel(self.tr("Name the chat by its anonymous reference; never copy its content."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #616161;")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.confirm = QPushButton(self.tr("Save observation"))
        self.confirm.setObjectName("observationSave")
        self.buttons.addButton(self.confirm, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.rejected.connect(self.reject)
        self.confirm.clicked.connect(self._confirm)
        self.chat_ref.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._update()

    def _update(self) -> None:
        self.confirm.setEnabled(bool(CHAT_REF.match(self.chat_ref.text().strip())))

    def _confirm(self) -> None:
        strengths = self.strengths.toPlainText().strip()
        points = self.points.toPlainText().strip()
        if len(strengths) > MAX_TEXT or len(points) > MAX_TEXT:
            self.failed(self.tr("A text is too long."))
            return
        self.confirm.setEnabled(False)
        self.confirmed.emit(
            self.chat_ref.text().strip(), int(self.level.currentData()), strengths, points
        )

    def failed(self, text: str) -> None:
        self.message.setText(text)
        self._update()
