"""The case note editor, structured by the meeting's method: the case in a few lines, the
question, the round of questions and advice, the approach chosen, the follow-up due next
time; action items with an owner and a due date; quoted chat fragments.

Before saving, every quoted fragment is masked (`console.domain.masking.mask_fragment`):
names, phone numbers, e-mail addresses and the like become placeholders. The author sees
the masked text and what was removed, and confirms; only the masked text is sent (the
server masks again). The note then goes into the encrypted outbox.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from console.domain.masking import Masked, mask_fragment
from console.services.supervision import (
    NOTE_FIELDS,
    REQUIRED_FIELDS,
    ActionItem,
    Meeting,
    Quote,
)
from console.ui.supervision.labels import masked_kind_label, method_label, note_part_label
from console.ui.supervision.review_form import CHAT_REF, chat_ref_edit

MAX_PART = 20_000


class ActionRow(QWidget):
    def __init__(self, meeting: Meeting, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QLineEdit()
        self.text.setObjectName("actionText")
        self.text.setPlaceholderText(self.tr("What is to be done"))
        self.text.setMaxLength(1000)
        self.owner = QComboBox()
        self.owner.setObjectName("actionOwner")
        for p in meeting.participants:
            self.owner.addItem(p.display_name, p.user_id)
        self.has_due = QCheckBox(self.tr("due"))
        self.has_due.setChecked(True)
        self.due = QDateEdit(QDate.currentDate().addDays(14))
        self.due.setObjectName("actionDue")
        self.due.setCalendarPopup(True)
        self.has_due.toggled.connect(self.due.setEnabled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text, 3)
        layout.addWidget(self.owner, 1)
        layout.addWidget(self.has_due)
        layout.addWidget(self.due)

    def item(self) -> ActionItem | None:
        text = self.text.text().strip()
        if not text or self.owner.currentData() is None:
            return None
        d = self.due.date()
        due = date(d.year(), d.month(), d.day()) if self.has_due.isChecked() else None
        return ActionItem(text, int(self.owner.currentData()), due)


class QuoteRow(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chat_ref = chat_ref_edit("quoteChatRef")
        self.text = QPlainTextEdit()
        self.text.setObjectName("quoteText")
        self.text.setPlaceholderText(self.tr("The fragment as written in the chat"))
        self.text.setMaximumHeight(70)
        self.names = QLineEdit()
        self.names.setObjectName("quoteNames")
        self.names.setPlaceholderText(self.tr("Names in it you know of, separated by commas"))
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addRow(self.tr("Chat reference"), self.chat_ref)
        layout.addRow(self.tr("Quoted fragment"), self.text)
        layout.addRow(self.tr("Names to mask"), self.names)

    def masked(self) -> tuple[str, Masked] | None:
        text = self.text.toPlainText().strip()
        if not text:
            return None
        names = [n.strip() for n in self.names.text().split(",") if n.strip()]
        return self.chat_ref.text().strip(), mask_fragment(text, names)


class NoteEditor(QDialog):
    #: (parts, action items, masked quotes) once the author confirmed the masking.
    save_requested = Signal(dict, list, list)

    def __init__(self, meeting: Meeting, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noteEditor")
        self.meeting = meeting
        self.setWindowTitle(
            self.tr("Case note \u2014 {0}, {1}").format(
                method_label(meeting.method), meeting.day.strftime("%d-%m-%Y")
            )
        )
        self.resize(720, 760)
        required = REQUIRED_FIELDS.get(meeting.method, ("case",))
        self.parts: dict[str, QPlainTextEdit] = {}
        form = QFormLayout()
        for name in NOTE_FIELDS:
            edit = QPlainTextEdit()
            edit.setObjectName(f"notePart_{name}")
            edit.setMaximumHeight(110 if name != "case" else 80)
            edit.setTabChangesFocus(True)
            self.parts[name] = edit
            label = note_part_label(name) + (" *" if name in required else "")
            form.addRow(label, edit)
        self.required = required

        self.action_rows: list[ActionRow] = []
        self.action_rows_box = QVBoxLayout()
        add_action = QPushButton(self.tr("Add an action item"))
        add_action.setObjectName("noteAddAction")
        add_action.clicked.connect(self.add_action)
        actions = QGroupBox(self.tr("Action items (owner and due date)"))
        actions_layout = QVBoxLayout(actions)
        actions_layout.addLayout(self.action_rows_box)
        actions_layout.addWidget(add_action, 0, Qt.AlignmentFlag.AlignLeft)

        self.quote_rows: list[QuoteRow] = []
        self.quote_rows_box = QVBoxLayout()
        add_quote = QPushButton(self.tr("Quote a chat fragment"))
        add_quote.setObjectName("noteAddQuote")
        add_quote.clicked.connect(self.add_quote)
        quotes = QGroupBox(self.tr("Quoted chat fragments (masked before saving)"))
        quotes_layout = QVBoxLayout(quotes)
        quotes_layout.addLayout(self.quote_rows_box)
        quotes_layout.addWidget(add_quote, 0, Qt.AlignmentFlag.AlignLeft)

        body = QWidget()
        body_layout = QVBoxLayout(body)
        hint = QLabel(
            self.tr("Parts marked * are what the {0} asks for. Write no names of youths.").format(
                method_label(meeting.method).lower()
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #616161;")
        body_layout.addWidget(hint)
        body_layout.addLayout(form)
        body_layout.addWidget(actions)
        body_layout.addWidget(quotes)
        body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)

        # The second step: what masking removed, confirmed by the author.
        self.review = QLabel()
        self.review.setObjectName("noteMaskReview")
        self.review.setTextFormat(Qt.TextFormat.PlainText)
        self.review.setWordWrap(True)
        self.review.setAlignment(Qt.AlignmentFlag.AlignTop)
        check = QScrollArea()
        check.setWidgetResizable(True)
        check.setWidget(self.review)

        self.steps = QStackedWidget()
        self.steps.addWidget(scroll)
        self.steps.addWidget(check)

        self.message = QLabel()
        self.message.setObjectName("noteMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828; font-weight: 600;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.back = QPushButton(self.tr("Back to editing"))
        self.back.setObjectName("noteBack")
        self.save = QPushButton(self.tr("Check and save"))
        self.save.setObjectName("noteSave")
        self.buttons.addButton(self.back, QDialogButtonBox.ButtonRole.ResetRole)
        self.buttons.addButton(self.save, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.rejected.connect(self.reject)
        self.back.clicked.connect(self._edit)
        self.save.clicked.connect(self._next)
        self.back.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(self.steps, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._masked: list[tuple[str, Masked]] = []

    # ------------------------------------------------------------------ rows
    def add_action(self) -> ActionRow:
        row = ActionRow(self.meeting)
        self.action_rows.append(row)
        self.action_rows_box.addWidget(row)
        return row

    def add_quote(self) -> QuoteRow:
        row = QuoteRow()
        self.quote_rows.append(row)
        self.quote_rows_box.addWidget(row)
        return row

    # ------------------------------------------------------------------ steps
    def _texts(self) -> dict[str, str]:
        return {name: edit.toPlainText().strip() for name, edit in self.parts.items()}

    def problems(self) -> list[str]:
        texts = self._texts()
        found = [
            self.tr("Please fill in: {0}.").format(note_part_label(name))
            for name in self.required
            if not texts[name]
        ]
        found += [
            self.tr("Too long: {0}.").format(note_part_label(n))
            for n, t in texts.items()
            if len(t) > MAX_PART
        ]
        for row in self.quote_rows:
            if row.text.toPlainText().strip() and not CHAT_REF.match(row.chat_ref.text().strip()):
                found.append(self.tr("A quoted fragment needs the chat's anonymous reference."))
        for action in self.action_rows:
            if action.text.text().strip() and action.owner.currentData() is None:
                found.append(self.tr("An action item needs an owner."))
        return found

    def _next(self) -> None:
        if self.steps.currentIndex() == 1:
            self._emit()
            return
        wrong = self.problems()
        if wrong:
            self.message.setText("\n".join(wrong))
            return
        self.message.clear()
        self._masked = [m for m in (row.masked() for row in self.quote_rows) if m is not None]
        if not self._masked:
            self._emit()
            return
        self.review.setText(self._mask_report())
        self.steps.setCurrentIndex(1)
        self.back.show()
        self.save.setText(self.tr("Confirm and save"))

    def _mask_report(self) -> str:
        lines = [
            self.tr(
                "Quoted fragments are saved as shown below. Check that nothing in them "
                "can identify the youth; go back to edit if needed."
            ),
            "",
        ]
        for ref, masked in self._masked:
            lines.append(self.tr("Chat {0}:").format(ref))
            lines.append(f"\u201c{masked.text}\u201d")
            if masked.removed:
                removed = ", ".join(
                    f"{masked_kind_label(kind)} \u201c{original}\u201d"
                    for kind, original in masked.removed
                )
                lines.append(self.tr("Removed: {0}").format(removed))
            else:
                lines.append(self.tr("Nothing was recognised to remove."))
            lines.append("")
        return "\n".join(lines)

    def _edit(self) -> None:
        self.steps.setCurrentIndex(0)
        self.back.hide()
        self.save.setText(self.tr("Check and save"))

    def _emit(self) -> None:
        items = [a for a in (row.item() for row in self.action_rows) if a is not None]
        quotes = [Quote(ref, masked.text) for ref, masked in self._masked]
        self.save.setEnabled(False)
        self.save_requested.emit(self._texts(), items, quotes)

    def failed(self, text: str) -> None:
        self.message.setText(text)
        self.save.setEnabled(True)
