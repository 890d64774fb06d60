"""The registration every chat ends with: theme and subtopic, seriousness, target group,
referral, crisis, phases and a remark. Embedded in the workspace; keyboard-first."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from console.domain.chat import (
    MAX_REMARK_CHARS,
    PHASES,
    Phase,
    ReferralKind,
    Registration,
    TargetGroup,
    Taxonomy,
)
from console.ui.chat.phase_tracker import phase_label

ModelIndex = QModelIndex | QPersistentModelIndex
ChoiceRole = Qt.ItemDataRole.UserRole + 1


def topic_label(theme: str, subtopic: str) -> str:
    return f"{subtopic} \u2014 {theme}"


class TopicMatches(QAbstractListModel):
    """The (theme, subtopic) pairs matching the search text, shown as "Subtopic — Theme"."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        super().__init__()
        self._taxonomy = taxonomy
        self._matches: list[tuple[str, str]] = []

    def search(self, text: str) -> list[tuple[str, str]]:
        self.beginResetModel()
        self._matches = self._taxonomy.search(text) if text.strip() else []
        self.endResetModel()
        return self._matches

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._matches)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        theme, subtopic = self._matches[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return topic_label(theme, subtopic)
        if role == ChoiceRole:
            return (theme, subtopic)
        return None


def _error_label() -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setStyleSheet("color: #c62828;")
    label.hide()
    return label


def _radios(options: Iterable[tuple[str, str]]) -> tuple[QWidget, QButtonGroup]:
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    group = QButtonGroup(box)
    for value, text in options:
        button = QRadioButton(text)
        button.setObjectName(value)
        group.addButton(button)
        row.addWidget(button)
    row.addStretch(1)
    return box, group


def _checked(group: QButtonGroup) -> str | None:
    button = group.checkedButton()
    return button.objectName() if button is not None else None


class RegistrationForm(QWidget):
    #: The Registration, valid for the taxonomy, when the helper saves.
    submitted = Signal(object)

    def __init__(
        self,
        taxonomy: Taxonomy,
        phases_reached: Iterable[Phase] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("registrationForm")
        self.taxonomy = taxonomy
        self._subtopic: str | None = None

        self.search = QLineEdit()
        self.search.setObjectName("topicSearch")
        self.search.setPlaceholderText(self.tr("Type to search a subtopic, e.g. \u201cruzie\u201d"))
        self.matches = TopicMatches(taxonomy)
        self.completer = QCompleter(self.matches, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search.setCompleter(self.completer)
        self.search.textEdited.connect(self._searched)
        self.search.returnPressed.connect(self._pick_first)
        self.completer.activated[QModelIndex].connect(self._picked)  # type: ignore[index]

        self.theme = QComboBox()
        self.theme.setObjectName("theme")
        self.theme.setPlaceholderText(self.tr("Choose a theme"))
        self.theme.addItems(list(taxonomy.themes))
        self.theme.setCurrentIndex(-1)
        self.theme.currentTextChanged.connect(self._theme_changed)

        serious_box, self.serious = _radios((("yes", self.tr("Yes")), ("no", self.tr("No"))))
        target_box, self.target = _radios(
            (
                (TargetGroup.IN_TARGET.value, self.tr("In the target group")),
                (TargetGroup.OVER_20.value, self.tr("Older than 20")),
                (TargetGroup.PARENT.value, self.tr("Parent or carer")),
                (TargetGroup.PROFESSIONAL.value, self.tr("Professional")),
                (TargetGroup.OTHER.value, self.tr("Other")),
            )
        )
        referral_box, self.referral = _radios(
            (
                (ReferralKind.NONE.value, self.tr("None")),
                (ReferralKind.COLD.value, self.tr("Cold")),
                (ReferralKind.WARM.value, self.tr("Warm")),
            )
        )
        self.referral.buttons()[0].setChecked(True)
        self.referral.buttonToggled.connect(self._referral_changed)
        self.referred_to = QLineEdit()
        self.referred_to.setObjectName("referredTo")
        self.referred_to.setPlaceholderText(self.tr("Service or organisation"))
        self.referred_to.setEnabled(False)
        self.crisis = QCheckBox(self.tr("The crisis protocol was used"))
        self.crisis.setObjectName("crisis")
        phases_box = QWidget()
        phase_row = QHBoxLayout(phases_box)
        phase_row.setContentsMargins(0, 0, 0, 0)
        reached = set(phases_reached)
        self.phases: dict[Phase, QCheckBox] = {}
        for phase in PHASES:
            box = QCheckBox(phase_label(phase))
            box.setChecked(phase in reached)
            self.phases[phase] = box
            phase_row.addWidget(box)
        phase_row.addStretch(1)
        self.remark = QPlainTextEdit()
        self.remark.setObjectName("remark")
        self.remark.setTabChangesFocus(True)
        self.remark.setMaximumHeight(90)
        self.save = QPushButton(self.tr("Save registration"))
        self.save.setObjectName("saveRegistration")
        self.save.setAutoDefault(True)
        self.save.clicked.connect(self.submit)
        self.error = _error_label()
        self.error.setObjectName("registrationError")

        self.errors = {name: _error_label() for name in self._FIELDS}
        self._focus = {
            "theme": self.theme,
            "subtopic": self.search,
            "serious": self.serious.buttons()[0],
            "target_group": self.target.buttons()[0],
            "referred_to": self.referred_to,
            "remark": self.remark,
        }
        self.body = QWidget()
        form = QFormLayout(self.body)
        form.setContentsMargins(0, 0, 0, 0)
        for label, widget, error in (
            (self.tr("Subtopic"), self.search, "subtopic"),
            (self.tr("Theme"), self.theme, "theme"),
            (self.tr("Did the chatter seem serious?"), serious_box, "serious"),
            (self.tr("Target group"), target_box, "target_group"),
            (self.tr("Referral"), referral_box, None),
            (self.tr("Referred to"), self.referred_to, "referred_to"),
            (self.tr("Crisis"), self.crisis, None),
            (self.tr("Phases completed"), phases_box, None),
            (self.tr("Remark"), self.remark, "remark"),
        ):
            form.addRow(label, widget)
            if error is not None:
                form.addRow("", self.errors[error])
        layout = QVBoxLayout(self)
        layout.addWidget(self.body)
        layout.addWidget(self.error)
        layout.addWidget(self.save, 0, Qt.AlignmentFlag.AlignRight)
        layout.addStretch(1)

    _FIELDS = ("subtopic", "theme", "serious", "target_group", "referred_to", "remark")

    # -- topic --------------------------------------------------------------------------

    def _searched(self, text: str) -> None:
        self._subtopic = None
        self.matches.search(text)

    def _picked(self, index: QModelIndex) -> None:
        choice = index.data(ChoiceRole)
        if choice is not None:
            self.choose(*choice)

    def _pick_first(self) -> None:
        """Enter in the search field: the highlighted match if any, else the first."""
        text = self.search.text()
        if self._subtopic is not None or not text.strip():
            return
        found = self._from_label(text) or self.taxonomy.search(text)
        if found:
            self.choose(*found[0])

    def _from_label(self, text: str) -> list[tuple[str, str]]:
        subtopic, _, theme = text.partition(" \u2014 ")
        return [(theme, subtopic)] if theme and self.taxonomy.has(theme, subtopic) else []

    def choose(self, theme: str, subtopic: str | None) -> None:
        """Set the theme (and subtopic, or None for the theme alone)."""
        self.theme.setCurrentIndex(self.theme.findText(theme))
        self._subtopic = subtopic
        self.search.setText(topic_label(theme, subtopic) if subtopic else "")
        popup = self.completer.popup()
        if popup is not None:
            popup.hide()

    def _theme_changed(self, theme: str) -> None:
        if self._subtopic is not None and not self.taxonomy.has(theme, self._subtopic):
            self._subtopic = None
            self.search.clear()

    def _referral_changed(self) -> None:
        enabled = _checked(self.referral) != ReferralKind.NONE.value
        self.referred_to.setEnabled(enabled)
        if not enabled:
            self.referred_to.clear()

    # -- saving -------------------------------------------------------------------------

    def registration(self) -> tuple[Registration, list[str]]:
        """What the form holds, and the names of the fields that are not right."""
        serious = _checked(self.serious)
        target = _checked(self.target)
        referral = ReferralKind(_checked(self.referral) or ReferralKind.NONE.value)
        value = Registration(
            theme=self.theme.currentText() if self.theme.currentIndex() >= 0 else "",
            subtopic=self._subtopic,
            seemed_serious=serious == "yes",
            target_group=TargetGroup(target or TargetGroup.OTHER.value),
            referral=referral,
            referred_to=self.referred_to.text().strip()
            if referral is not ReferralKind.NONE
            else "",
            crisis=self.crisis.isChecked(),
            phases_completed=tuple(p for p in PHASES if self.phases[p].isChecked()),
            remark=self.remark.toPlainText().strip(),
        )
        wrong = set(value.problems(self.taxonomy))
        if self._subtopic is None and self.search.text().strip():
            wrong.add("subtopic")  # typed, but no subtopic chosen from the list
        if serious is None:
            wrong.add("serious")
        if target is None:
            wrong.add("target_group")
        return value, [name for name in self._FIELDS if name in wrong]

    def _message(self, field: str) -> str:
        if field == "subtopic":
            return self.tr("Choose a subtopic from the list, or empty this field.")
        if field == "theme":
            return self.tr("Choose a theme.")
        if field == "serious":
            return self.tr("Choose whether the chatter seemed serious.")
        if field == "target_group":
            return self.tr("Choose the target group.")
        if field == "referred_to":
            return self.tr("Fill in where you referred to (at most 200 characters).")
        return self.tr("The remark can be at most {0} characters ({1} now).").format(
            MAX_REMARK_CHARS, len(self.remark.toPlainText().strip())
        )

    def submit(self) -> None:
        if self._subtopic is None and (found := self._from_label(self.search.text())):
            self.choose(*found[0])  # highlighted in the list, then the list was closed
        value, wrong = self.registration()
        self.error.hide()
        for name, label in self.errors.items():
            label.setVisible(name in wrong)
            if name in wrong:
                label.setText(self._message(name))
        if wrong:
            self._focus[wrong[0]].setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.submitted.emit(value)

    def set_busy(self, busy: bool) -> None:
        """While the caller saves: inputs and the button greyed, the button says so."""
        self.body.setEnabled(not busy)
        self.save.setEnabled(not busy)
        self.save.setText(self.tr("Saving\u2026") if busy else self.tr("Save registration"))

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
