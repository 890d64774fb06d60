"""The chat texts editor (admin, project lead): the crisis protocol, the short texts helpers
insert (title and text; add, remove, reorder) and the referral services they pick from.

Everything is plain text: plain-text editors and lists, never rich text. The view asks
for loads and saves through signals; the controller answers with `set_texts`, `saved`,
`show_conflict` (409: both versions side by side, "keep mine" saves again over the
current version, "take theirs" shows theirs), `show_errors` (422) or `failed`. Unsaved
changes are never dropped without asking (`has_unsaved_changes`, reloading asks first).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtCore import Signal as QtSignal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.services.chat_admin import (
    MAX_ITEMS,
    MAX_PROTOCOL_CHARS,
    ChatTexts,
    Snippet,
    TextsInvalid,
)

ERROR_STYLE = "color: #c62828;"
OK_STYLE = "color: #2e7d32;"


def _plain_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class TextsEditor(QWidget):
    #: Load the texts as stored (again).
    reload_requested = QtSignal()
    #: A `ChatTexts` to save; its version is the one the edit started from.
    save_requested = QtSignal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("adminTexts")
        #: The texts as last read or saved (None before the first load).
        self.loaded: ChatTexts | None = None
        #: The stored texts of a conflict, until the editor chooses.
        self.conflict: ChatTexts | None = None
        self.busy = False
        self.snippets: list[Snippet] = []
        self.question: QMessageBox | None = None
        self._filling = False

        heading = QLabel(self.tr("Chat texts"))
        heading.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.reload_button = QPushButton(self.tr("Reload"))
        self.reload_button.setObjectName("textsReload")
        self.reload_button.clicked.connect(self.ask_reload)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("textsSave")
        self.save_button.clicked.connect(self.save)
        bar = QHBoxLayout()
        bar.addWidget(heading, 1)
        bar.addWidget(self.reload_button)
        bar.addWidget(self.save_button)
        self.message = _plain_label()
        self.message.setObjectName("textsMessage")

        # -- crisis protocol
        self.protocol = QPlainTextEdit()
        self.protocol.setObjectName("crisisProtocol")
        self.protocol.setPlaceholderText(self.tr("The steps helpers follow in a crisis."))
        self.protocol.textChanged.connect(self._changed)
        protocol_box = QGroupBox(self.tr("Crisis protocol"))
        protocol_layout = QVBoxLayout(protocol_box)
        protocol_layout.addWidget(self.protocol)

        # -- referral services
        self.services = QListWidget()
        self.services.setObjectName("referralServices")
        self.services.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.services.itemChanged.connect(lambda _item: self._changed())
        self.services.currentRowChanged.connect(lambda _row: self._enable())
        self.service_name = QLineEdit()
        self.service_name.setObjectName("serviceName")
        self.service_name.setPlaceholderText(self.tr("New service"))
        self.service_name.returnPressed.connect(self.add_service)
        self.add_service_button = QPushButton(self.tr("Add"))
        self.add_service_button.clicked.connect(self.add_service)
        self.remove_service_button = QPushButton(self.tr("Remove"))
        self.remove_service_button.clicked.connect(self.remove_service)
        self.service_up = QPushButton(self.tr("Up"))
        self.service_up.clicked.connect(lambda: self._move_service(-1))
        self.service_down = QPushButton(self.tr("Down"))
        self.service_down.clicked.connect(lambda: self._move_service(1))
        services_box = QGroupBox(self.tr("Referral services"))
        services_layout = QGridLayout(services_box)
        services_layout.addWidget(self.services, 0, 0, 1, 4)
        services_layout.addWidget(self.service_name, 1, 0, 1, 3)
        services_layout.addWidget(self.add_service_button, 1, 3)
        services_layout.addWidget(self.service_up, 2, 0)
        services_layout.addWidget(self.service_down, 2, 1)
        services_layout.addWidget(self.remove_service_button, 2, 2, 1, 2)

        # -- short texts
        self.snippet_list = QListWidget()
        self.snippet_list.setObjectName("snippetList")
        self.snippet_list.currentRowChanged.connect(self._show_snippet)
        self.add_snippet_button = QPushButton(self.tr("New"))
        self.add_snippet_button.setObjectName("snippetAdd")
        self.add_snippet_button.clicked.connect(self.add_snippet)
        self.remove_snippet_button = QPushButton(self.tr("Remove"))
        self.remove_snippet_button.setObjectName("snippetRemove")
        self.remove_snippet_button.clicked.connect(self.remove_snippet)
        self.snippet_up = QPushButton(self.tr("Up"))
        self.snippet_up.setObjectName("snippetUp")
        self.snippet_up.clicked.connect(lambda: self.move_snippet(-1))
        self.snippet_down = QPushButton(self.tr("Down"))
        self.snippet_down.setObjectName("snippetDown")
        self.snippet_down.clicked.connect(lambda: self.move_snippet(1))
        self.snippet_title = QLineEdit()
        self.snippet_title.setObjectName("snippetTitle")
        self.snippet_title.textEdited.connect(self._snippet_edited)
        self.snippet_text = QPlainTextEdit()
        self.snippet_text.setObjectName("snippetText")
        self.snippet_text.textChanged.connect(self._snippet_edited)
        list_buttons = QGridLayout()
        list_buttons.addWidget(self.add_snippet_button, 0, 0)
        list_buttons.addWidget(self.remove_snippet_button, 0, 1)
        list_buttons.addWidget(self.snippet_up, 1, 0)
        list_buttons.addWidget(self.snippet_down, 1, 1)
        left = QVBoxLayout()
        left.addWidget(self.snippet_list, 1)
        left.addLayout(list_buttons)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Title")))
        right.addWidget(self.snippet_title)
        right.addWidget(QLabel(self.tr("Text")))
        right.addWidget(self.snippet_text, 1)
        snippets_box = QGroupBox(self.tr("Short texts"))
        snippets_layout = QHBoxLayout(snippets_box)
        snippets_layout.addLayout(left, 2)
        snippets_layout.addLayout(right, 3)

        # -- conflict: both versions, and the choice
        self.conflict_box = QFrame()
        self.conflict_box.setObjectName("textsConflict")
        self.conflict_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.conflict_box.setStyleSheet("QFrame#textsConflict { background: #fff8e1; }")
        self.conflict_text = _plain_label()
        self.mine_view = QPlainTextEdit()
        self.mine_view.setObjectName("conflictMine")
        self.mine_view.setReadOnly(True)
        self.theirs_view = QPlainTextEdit()
        self.theirs_view.setObjectName("conflictTheirs")
        self.theirs_view.setReadOnly(True)
        self.keep_mine_button = QPushButton(self.tr("Save mine over theirs"))
        self.keep_mine_button.setObjectName("conflictKeepMine")
        self.keep_mine_button.clicked.connect(self.keep_mine)
        self.take_theirs_button = QPushButton(self.tr("Take theirs"))
        self.take_theirs_button.setObjectName("conflictTakeTheirs")
        self.take_theirs_button.clicked.connect(self.take_theirs)
        sides = QGridLayout()
        sides.addWidget(QLabel(self.tr("Yours (not saved)")), 0, 0)
        sides.addWidget(QLabel(self.tr("Saved now")), 0, 1)
        sides.addWidget(self.mine_view, 1, 0)
        sides.addWidget(self.theirs_view, 1, 1)
        sides.addWidget(self.keep_mine_button, 2, 0)
        sides.addWidget(self.take_theirs_button, 2, 1)
        conflict_layout = QVBoxLayout(self.conflict_box)
        conflict_layout.addWidget(self.conflict_text)
        conflict_layout.addLayout(sides)
        self.conflict_box.hide()

        top = QHBoxLayout()
        top.addWidget(protocol_box, 3)
        top.addWidget(services_box, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(self.conflict_box, 2)
        layout.addLayout(top, 3)
        layout.addWidget(snippets_box, 3)
        self._enable()

    # ------------------------------------------------------------------ state
    def edited(self) -> ChatTexts:
        """The texts as they are in the editor, against the version they started from."""
        services = tuple(self.services.item(i).text().strip() for i in range(self.services.count()))
        return ChatTexts(
            crisis_protocol=self.protocol.toPlainText(),
            snippets=tuple(self.snippets),
            referral_services=services,
            version=self.loaded.version if self.loaded is not None else 0,
        )

    def has_unsaved_changes(self) -> bool:
        return self.loaded is not None and not self.edited().same_content(self.loaded)

    def _changed(self) -> None:
        if not self._filling:
            self._enable()

    def _enable(self) -> None:
        ready = self.loaded is not None and not self.busy and self.conflict is None
        row = self.snippet_list.currentRow()
        self.save_button.setEnabled(ready and self.has_unsaved_changes())
        self.reload_button.setEnabled(not self.busy)
        for widget in (self.protocol, self.services, self.snippet_list, self.service_name):
            widget.setEnabled(ready)
        self.add_snippet_button.setEnabled(ready and len(self.snippets) < MAX_ITEMS)
        self.add_service_button.setEnabled(ready and self.services.count() < MAX_ITEMS)
        self.remove_service_button.setEnabled(ready and self.services.currentRow() >= 0)
        self.service_up.setEnabled(ready and self.services.currentRow() > 0)
        self.service_down.setEnabled(
            ready and 0 <= self.services.currentRow() < self.services.count() - 1
        )
        chosen = ready and row >= 0
        self.remove_snippet_button.setEnabled(chosen)
        self.snippet_up.setEnabled(chosen and row > 0)
        self.snippet_down.setEnabled(chosen and row < len(self.snippets) - 1)
        self.snippet_title.setEnabled(chosen)
        self.snippet_text.setEnabled(chosen)
        self.keep_mine_button.setEnabled(not self.busy)
        self.take_theirs_button.setEnabled(not self.busy)

    def set_texts(self, texts: ChatTexts) -> None:
        """Show `texts` as stored, replacing whatever the editor held."""
        self.busy = False
        self.loaded = texts
        self.conflict = None
        self.conflict_box.hide()
        self._filling = True
        try:
            self.protocol.setPlainText(texts.crisis_protocol)
            self.services.clear()
            for name in texts.referral_services:
                self._add_service_item(name)
            self.snippets = list(texts.snippets)
            self.snippet_list.clear()
            for snippet in self.snippets:
                self.snippet_list.addItem(QListWidgetItem(snippet.title))
        finally:
            self._filling = False
        self.snippet_list.setCurrentRow(0 if self.snippets else -1)
        self._show_snippet(self.snippet_list.currentRow())
        self._enable()

    # ------------------------------------------------------------------ services
    def _add_service_item(self, name: str) -> QListWidgetItem:
        item = QListWidgetItem(name)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.services.addItem(item)
        return item

    def add_service(self) -> None:
        name = self.service_name.text().strip()
        if not name or self.services.count() >= MAX_ITEMS:
            return
        self.services.setCurrentItem(self._add_service_item(name))
        self.service_name.clear()
        self._changed()

    def remove_service(self) -> None:
        row = self.services.currentRow()
        if row >= 0:
            self.services.takeItem(row)
            self._changed()

    def _move_service(self, step: int) -> None:
        row = self.services.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.services.count():
            return
        item = self.services.takeItem(row)
        self.services.insertItem(target, item)
        self.services.setCurrentRow(target)
        self._changed()

    # ------------------------------------------------------------------ short texts
    def _show_snippet(self, row: int) -> None:
        self._filling = True
        try:
            if 0 <= row < len(self.snippets):
                self.snippet_title.setText(self.snippets[row].title)
                self.snippet_text.setPlainText(self.snippets[row].text)
            else:
                self.snippet_title.clear()
                self.snippet_text.clear()
        finally:
            self._filling = False
        self._enable()

    def _snippet_edited(self, *_args: object) -> None:
        row = self.snippet_list.currentRow()
        if self._filling or not 0 <= row < len(self.snippets):
            return
        title = self.snippet_title.text()
        self.snippets[row] = Snippet(title, self.snippet_text.toPlainText())
        item = self.snippet_list.item(row)
        if item is not None:
            item.setText(title)
        self._changed()

    def add_snippet(self) -> None:
        if len(self.snippets) >= MAX_ITEMS:
            return
        self.snippets.append(Snippet(self.tr("New text"), ""))
        self.snippet_list.addItem(QListWidgetItem(self.snippets[-1].title))
        self.snippet_list.setCurrentRow(len(self.snippets) - 1)
        self.snippet_title.setFocus()
        self.snippet_title.selectAll()
        self._changed()

    def remove_snippet(self) -> None:
        row = self.snippet_list.currentRow()
        if not 0 <= row < len(self.snippets):
            return
        del self.snippets[row]
        self.snippet_list.takeItem(row)
        self._show_snippet(self.snippet_list.currentRow())
        self._changed()

    def move_snippet(self, step: int) -> None:
        row = self.snippet_list.currentRow()
        target = row + step
        if not 0 <= row < len(self.snippets) or not 0 <= target < len(self.snippets):
            return
        self.snippets.insert(target, self.snippets.pop(row))
        item = self.snippet_list.takeItem(row)
        self.snippet_list.insertItem(target, item)
        self.snippet_list.setCurrentRow(target)
        self._changed()

    # ------------------------------------------------------------------ checking
    def problems(self, texts: ChatTexts) -> list[str]:
        """What the server would refuse, or helpers could not use, in words."""
        found: list[str] = []
        if not texts.crisis_protocol.strip():
            found.append(self.tr("The crisis protocol is empty."))
        elif len(texts.crisis_protocol) > MAX_PROTOCOL_CHARS:
            found.append(
                self.tr("The crisis protocol is longer than {0} characters.").format(
                    MAX_PROTOCOL_CHARS
                )
            )
        for number, snippet in enumerate(texts.snippets, start=1):
            if not snippet.title.strip():
                found.append(self.tr("Short text {0} has no title.").format(number))
            if not snippet.text.strip():
                found.append(
                    self.tr("The short text \u201c{0}\u201d has no text.").format(
                        snippet.title.strip() or number
                    )
                )
        if any(not name for name in texts.referral_services):
            found.append(self.tr("A referral service has no name."))
        return found

    # ------------------------------------------------------------------ saving
    def save(self) -> None:
        if self.loaded is None or self.busy:
            return
        texts = self.edited()
        problems = self.problems(texts)
        if problems:
            self.show_message("\n".join(problems), error=True)
            return
        self.busy = True
        self.show_message(self.tr("Saving\u2026"))
        self._enable()
        self.save_requested.emit(texts)

    def saved(self, texts: ChatTexts) -> None:
        """The server stored the texts: they are now what the editor started from."""
        self.busy = False
        self.loaded = texts
        self.conflict = None
        self.conflict_box.hide()
        self.show_message(
            self.tr("Saved. Helpers see the new texts in their chats right away."), error=False
        )
        self._enable()

    def failed(self, text: str) -> None:
        self.busy = False
        self.show_message(text, error=True)
        self._enable()

    def show_errors(self, invalid: TextsInvalid) -> None:
        """422: say what was refused; the edit stays as it is."""
        detail = "; ".join(f"{k}: {v}" for k, v in invalid.fields.items()) or invalid.message
        self.failed(self.tr("The server did not accept the texts: {0}").format(detail))

    def show_conflict(self, current: ChatTexts) -> None:
        """Someone saved first (409): show both versions and let the editor choose."""
        self.busy = False
        self.conflict = current
        mine = self.edited()
        differing = [
            name
            for name, differs in (
                (self.tr("the crisis protocol"), mine.crisis_protocol != current.crisis_protocol),
                (self.tr("the short texts"), mine.snippets != current.snippets),
                (
                    self.tr("the referral services"),
                    mine.referral_services != current.referral_services,
                ),
            )
            if differs
        ]
        lines = [
            self.tr(
                "Someone else saved the chat texts after you opened them. Compare both "
                "versions, then save yours over theirs or take theirs (your changes are "
                "then lost)."
            )
        ]
        if differing:
            lines.append(self.tr("They differ in: {0}.").format(", ".join(differing)))
        self.conflict_text.setText("\n".join(lines))
        self.mine_view.setPlainText(self.summary(mine))
        self.theirs_view.setPlainText(self.summary(current))
        self.conflict_box.show()
        self.message.clear()
        self._enable()

    def summary(self, texts: ChatTexts) -> str:
        """The texts as one plain text, for comparing."""
        parts = [self.tr("Crisis protocol:"), texts.crisis_protocol.rstrip(), ""]
        parts.append(self.tr("Short texts:"))
        parts += [f"\u2022 {s.title}: {s.text}" for s in texts.snippets]
        parts += ["", self.tr("Referral services:")]
        parts += [f"\u2022 {name}" for name in texts.referral_services]
        return "\n".join(parts)

    def keep_mine(self) -> None:
        """Save my edit again, now against the version that is stored."""
        current = self.conflict
        if current is None or self.loaded is None:
            return
        mine = self.edited()
        self.loaded = ChatTexts(
            self.loaded.crisis_protocol,
            self.loaded.snippets,
            self.loaded.referral_services,
            current.version,
        )
        self.conflict = None
        self.conflict_box.hide()
        self.busy = True
        self.show_message(self.tr("Saving\u2026"))
        self._enable()
        self.save_requested.emit(
            ChatTexts(mine.crisis_protocol, mine.snippets, mine.referral_services, current.version)
        )

    def take_theirs(self) -> None:
        current = self.conflict
        if current is None:
            return
        self.set_texts(current)
        self.show_message(self.tr("Showing the texts as they are saved now."), error=False)

    # ------------------------------------------------------------------ reloading
    def ask_reload(self) -> None:
        """Reload the stored texts; unsaved changes are only dropped after asking."""
        if not self.has_unsaved_changes() and self.conflict is None:
            self._reload()
            return
        box = QMessageBox(self)
        box.setObjectName("textsDiscardQuestion")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Unsaved changes"))
        box.setText(self.tr("Reloading drops your unsaved changes to the chat texts."))
        box.setStandardButtons(
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel
        )
        box.button(QMessageBox.StandardButton.Discard).setText(self.tr("Drop and reload"))
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("Keep editing"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(self._reload_answered)
        self.question = box
        box.open()

    def _reload_answered(self, result: int) -> None:
        self.question = None
        if result == QMessageBox.StandardButton.Discard.value:
            self._reload()

    def _reload(self) -> None:
        self.busy = True
        self.show_message(self.tr("Loading\u2026"))
        self._enable()
        self.reload_requested.emit()

    def show_message(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if error else OK_STYLE)
