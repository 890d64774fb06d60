"""The three dialogs of screening: edit (with reason, warning and diff), reject (with
reason and note) and the guidelines. All open with `open()` and report through signals;
Enter confirms, Escape cancels, so the keyboard never has to leave the home row."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from console.domain.forum import MAX_BODY_CHARS, MAX_TITLE_CHARS, only_spelling_changed, word_diff
from console.services.forum import ScreeningItem
from console.ui.screening.labels import reason_label

_REMOVED = '<span style="background:#ffcdd2;text-decoration:line-through">{0}</span>'


def diff_html(before: str, after: str) -> str:
    """The word diff as escaped HTML: removed struck through in red, added in green."""
    parts: list[str] = []
    for op, text in word_diff(before, after):
        safe = html.escape(text).replace("\n", "<br>")
        if op == "-":
            parts.append(
                f'<span style="background:#ffcdd2;text-decoration:line-through">{safe}</span>'
            )
        elif op == "+":
            parts.append(f'<span style="background:#c8e6c9">{safe}</span>')
        else:
            parts.append(safe)
    return "".join(parts)


def _reasons(combo: QComboBox, reasons: list[tuple[str, str]]) -> None:
    combo.addItem(
        QCoreApplication.translate("ScreeningDialogs", "\u2014 choose a reason \u2014"), ""
    )
    for key, label in reasons:
        combo.addItem(reason_label(key, label), key)


class EditDialog(QDialog):
    """Edit and publish. Spelling is never corrected: a change that only touches spelling,
    case or punctuation is warned about, and the reason list makes every edit accountable."""

    #: (reason, remark, title or None, body)
    submitted = Signal(str, str, object, str)

    def __init__(
        self, item: ScreeningItem, reasons: list[tuple[str, str]], parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setObjectName("editDialog")
        self.setWindowTitle(self.tr("Edit and publish"))
        self.item = item
        self.title = QLineEdit(item.title or "")
        self.title.setObjectName("editTitle")
        self.title.setMaxLength(MAX_TITLE_CHARS)
        self.title.setVisible(item.title is not None)
        self.body = QPlainTextEdit()
        self.body.setObjectName("editBody")
        self.body.setPlainText(item.body)
        self.reason = QComboBox()
        self.reason.setObjectName("editReason")
        _reasons(self.reason, reasons)
        self.remark = QLineEdit()
        self.remark.setObjectName("editRemark")
        self.remark.setPlaceholderText(self.tr("Remark (required for \u201cother\u201d)"))
        self.warning = QLabel()
        self.warning.setObjectName("editWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #c62828;")
        self.warning.setTextFormat(Qt.TextFormat.PlainText)
        self.diff = QTextBrowser()
        self.diff.setObjectName("editDiff")
        self.diff.setOpenLinks(False)
        self.diff.setMaximumHeight(140)
        self.diff.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Publish edited"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self, self._accept)

        note = QLabel(
            self.tr(
                "Change only what must go (destructive content, personal data, method "
                "details). Spelling and grammar are never corrected."
            )
        )
        note.setWordWrap(True)
        title_form = QFormLayout()
        if item.title is not None:
            title_form.addRow(self.tr("Title"), self.title)
        form = QFormLayout()
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Remark"), self.remark)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(title_form)
        layout.addWidget(self.body, 1)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Visible change:")))
        layout.addWidget(self.diff)
        layout.addWidget(self.warning)
        layout.addWidget(self.buttons)
        for signal in (self.body.textChanged, self.title.textChanged, self.remark.textChanged):
            signal.connect(self._check)
        self.reason.currentIndexChanged.connect(self._check)
        self.resize(640, 560)
        self._check()
        self.body.setFocus()

    def new_title(self) -> str | None:
        return self.title.text() if self.item.title is not None else None

    def problem(self) -> str:
        """Why it cannot be sent yet ("" when it can)."""
        body = self.body.toPlainText()
        title = self.new_title()
        if body == self.item.body and title == self.item.title:
            return self.tr("Nothing has been changed yet.")
        if not body.strip():
            return self.tr("The text cannot be empty; reject the post instead.")
        if len(body) > MAX_BODY_CHARS:
            return self.tr("The text is too long.")
        if not self.reason.currentData():
            return self.tr("Choose a reason for the edit.")
        if self.reason.currentData() == "other" and not self.remark.text().strip():
            return self.tr("\u201cOther\u201d needs a remark.")
        return ""

    def _check(self) -> None:
        body = self.body.toPlainText()
        title = self.new_title()
        before = f"{self.item.title}\n\n{self.item.body}" if self.item.title else self.item.body
        after = f"{title}\n\n{body}" if self.item.title else body
        self.diff.setHtml(diff_html(before, after))
        problem = self.problem()
        warning = problem
        if not problem and only_spelling_changed(before, after):
            warning = self.tr(
                "This edit only changes spelling, case or punctuation. Posts are published "
                "as typed: spelling is never corrected."
            )
        self.warning.setText(warning)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)

    def _accept(self) -> None:
        if self.problem():
            return
        self.submitted.emit(
            str(self.reason.currentData()),
            self.remark.text().strip(),
            self.new_title(),
            self.body.toPlainText(),
        )
        self.accept()


class RejectDialog(QDialog):
    #: (reason, note)
    submitted = Signal(str, str)

    def __init__(
        self, item: ScreeningItem, reasons: list[tuple[str, str]], parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setObjectName("rejectDialog")
        self.setWindowTitle(self.tr("Reject"))
        self.item = item
        self.reason = QComboBox()
        self.reason.setObjectName("rejectReason")
        _reasons(self.reason, reasons)
        self.note = QLineEdit()
        self.note.setObjectName("rejectNote")
        self.note.setPlaceholderText(self.tr("Note (optional; required for \u201cother\u201d)"))
        self.problem_label = QLabel()
        self.problem_label.setStyleSheet("color: #c62828;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Reject"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.note.returnPressed.connect(self._accept)
        form = QFormLayout()
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Note"), self.note)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("The post will never be published.")))
        layout.addLayout(form)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)
        self.reason.currentIndexChanged.connect(self._check)
        self.note.textChanged.connect(self._check)
        self._check()
        self.reason.setFocus()

    def problem(self) -> str:
        if not self.reason.currentData():
            return self.tr("Choose a reason.")
        if self.reason.currentData() == "other" and not self.note.text().strip():
            return self.tr("\u201cOther\u201d needs a note.")
        return ""

    def _check(self) -> None:
        problem = self.problem()
        self.problem_label.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)

    def _accept(self) -> None:
        if self.problem():
            return
        self.submitted.emit(str(self.reason.currentData()), self.note.text().strip())
        self.accept()


class GuidelinesDialog(QDialog):
    """The screening guidelines from the server's settings, always one key (F1 or g) away."""

    def __init__(self, markdown: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guidelinesDialog")
        self.setWindowTitle(self.tr("Screening guidelines"))
        self.text = QTextBrowser()
        self.text.setObjectName("guidelinesText")
        self.text.setOpenLinks(False)
        # Markdown without raw HTML: the text is the admin's, shown as formatted text only.
        self.text.document().setMarkdown(
            markdown or self.tr("No guidelines have been set yet."),
            QTextDocument.MarkdownFeature.MarkdownDialectGitHub
            | QTextDocument.MarkdownFeature.MarkdownNoHTML,
        )
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(close)
        self.resize(560, 620)
