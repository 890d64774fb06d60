"""The crisis protocol, and the referral made from it. Contact details only for a warm
referral the youth agreed to; they are cleared the moment that stops being true."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from console.domain.chat import MAX_REMARK_CHARS, ReferralDraft, ReferralKind


def _error_label() -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setStyleSheet("color: #c62828;")
    label.hide()
    return label


class CrisisDialog(QDialog):
    """Open with `open()` (or `show()`); never `exec()`. Emits `submitted` with a valid
    ReferralDraft and closes; Cancel closes without a referral."""

    submitted = Signal(object)

    _FIELDS = ("kind", "service", "consent", "contact", "note")

    def __init__(
        self, protocol: str, services: Iterable[str] = (), parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("crisisDialog")
        self.setWindowTitle(self.tr("Crisis protocol"))
        self.setMinimumWidth(560)

        self.protocol = QPlainTextEdit()
        self.protocol.setObjectName("crisisProtocol")
        self.protocol.setReadOnly(True)
        self.protocol.setPlainText(protocol)

        self.cold = QRadioButton(self.tr("Cold: the young person contacts the service"))
        self.cold.setObjectName("cold")
        self.warm = QRadioButton(self.tr("Warm: you contact the service, with consent"))
        self.warm.setObjectName("warm")
        self.kind = QButtonGroup(self)
        self.kind.addButton(self.cold)
        self.kind.addButton(self.warm)
        self.cold.setChecked(True)
        self.service = QComboBox()
        self.service.setObjectName("service")
        self.service.setEditable(True)
        self.service.addItems(list(services))
        self.service.setCurrentIndex(-1)
        self.service.setEditText("")
        editor = self.service.lineEdit()
        if editor is not None:
            editor.setPlaceholderText(self.tr("e.g. the GP or youth care"))
        self.consent = QCheckBox(self.tr("The young person gives consent"))
        self.consent.setObjectName("consent")
        self.contact_name = QLineEdit()
        self.contact_name.setObjectName("contactName")
        self.contact_phone = QLineEdit()
        self.contact_phone.setObjectName("contactPhone")
        self.contact_email = QLineEdit()
        self.contact_email.setObjectName("contactEmail")
        self.note = QPlainTextEdit()
        self.note.setObjectName("note")
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(70)
        notice = QLabel(
            self.tr(
                "Contact details are stored encrypted, apart from the chat, and destroyed "
                "when the referral is closed."
            )
        )
        notice.setObjectName("contactNotice")
        notice.setWordWrap(True)
        self.errors = {name: _error_label() for name in self._FIELDS}

        kinds = QVBoxLayout()
        kinds.addWidget(self.cold)
        kinds.addWidget(self.warm)
        referral = QGroupBox(self.tr("Referral"))
        form = QFormLayout(referral)
        form.addRow(self.tr("Kind"), kinds)
        form.addRow("", self.errors["kind"])
        form.addRow(self.tr("Service"), self.service)
        form.addRow("", self.errors["service"])
        form.addRow("", self.consent)
        form.addRow("", self.errors["consent"])
        form.addRow("", notice)
        form.addRow(self.tr("Contact name"), self.contact_name)
        form.addRow(self.tr("Telephone"), self.contact_phone)
        form.addRow(self.tr("Email"), self.contact_email)
        form.addRow("", self.errors["contact"])
        form.addRow(self.tr("Note"), self.note)
        form.addRow("", self.errors["note"])

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Save referral"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Follow the crisis protocol:")))
        layout.addWidget(self.protocol, 1)
        layout.addWidget(referral)
        layout.addWidget(buttons)

        self.kind.buttonToggled.connect(self._update)
        self.consent.toggled.connect(self._update)
        self._update()

    def _contact_fields(self) -> tuple[QLineEdit, QLineEdit, QLineEdit]:
        return (self.contact_name, self.contact_phone, self.contact_email)

    def _update(self) -> None:
        warm = self.warm.isChecked()
        self.consent.setEnabled(warm)
        if not warm:
            self.consent.setChecked(False)
        allowed = warm and self.consent.isChecked()
        for field in self._contact_fields():
            field.setEnabled(allowed)
            if not allowed:
                field.clear()
        self.note.setEnabled(allowed)
        if not allowed:
            self.note.clear()

    def draft(self) -> ReferralDraft:
        kind = (
            ReferralKind.WARM
            if self.warm.isChecked()
            else ReferralKind.COLD
            if self.cold.isChecked()
            else ReferralKind.NONE
        )
        return ReferralDraft(
            kind=kind,
            service=self.service.currentText().strip(),
            consent=self.consent.isChecked(),
            contact_name=self.contact_name.text().strip(),
            contact_phone=self.contact_phone.text().strip(),
            contact_email=self.contact_email.text().strip(),
            note=self.note.toPlainText().strip(),
        )

    def _message(self, field: str) -> str:
        if field == "kind":
            return self.tr("Choose a cold or a warm referral.")
        if field == "service":
            return self.tr("Fill in the service you refer to (at most 200 characters).")
        if field == "consent":
            return self.tr("Contact details only for a warm referral the young person agreed to.")
        if field == "contact":
            return self.tr(
                "Fill in at least one way to reach the young person (at most 200 characters each)."
            )
        return self.tr("The note can be at most {0} characters.").format(MAX_REMARK_CHARS)

    def submit(self) -> None:
        draft = self.draft()
        wrong = set(draft.problems())
        if wrong & {"contact_name", "contact_phone", "contact_email"}:
            wrong.add("contact")
        for name, label in self.errors.items():
            label.setVisible(name in wrong)
            if name in wrong:
                label.setText(self._message(name))
        if wrong:
            first = next(name for name in self._FIELDS if name in wrong)
            focus = {
                "kind": self.cold,
                "service": self.service,
                "consent": self.consent,
                "contact": self.contact_name,
                "note": self.note,
            }[first]
            focus.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.submitted.emit(draft)
        self.accept()

    def done(self, result: int) -> None:
        # The contact details leave with the draft; nothing of them stays in this window.
        for field in self._contact_fields():
            field.clear()
        self.note.clear()
        super().done(result)
