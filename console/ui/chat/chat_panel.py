"""One chat in the workspace: header, clock, phases, transcript and what the helper can do.

The same panel serves three situations: the helper's own running chat (composer, short
texts, crisis, end), a trainee's chat watched by a supervisor (read-only, whisper), and
an ended chat waiting for its registration (the registration form takes the place of the
composer). It shows plain data and reports intentions through signals.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.domain.chat import ChatState, Phase, Taxonomy
from console.services.chat import ChatMessage, ChatView
from console.ui.chat.clock_widget import ChatClock
from console.ui.chat.crisis_dialog import CrisisDialog
from console.ui.chat.phase_tracker import PhaseTracker
from console.ui.chat.registration_form import RegistrationForm
from console.ui.chat.snippets import SnippetMenu
from console.ui.chat.transcript import TranscriptModel, TranscriptView
from console.ui.widgets.composer import Composer


def parse_time(value: str | None) -> datetime | None:
    if not value:
        return None
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


class ChatPanel(QWidget):
    send_requested = Signal(int, str)
    #: The first keystroke of a new line (the composer was empty).
    typing_started = Signal(int)
    whisper_requested = Signal(int, str)
    consult_requested = Signal(int, str)
    hand_requested = Signal(int, str)
    phase_requested = Signal(int, str)
    end_requested = Signal(int, bool)
    registration_submitted = Signal(int, object)
    referral_submitted = Signal(int, object)

    def __init__(
        self,
        chat_id: int,
        now: Callable[[], datetime],
        is_trainee: bool,
        parent: QWidget | None = None,
        clock_interval_ms: int | None = 1000,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"chatPanel{chat_id}")
        self.chat_id = chat_id
        self._texts: dict[str, Any] = {}
        self._view: ChatView | None = None
        self._registration: RegistrationForm | None = None
        self._is_trainee = is_trainee
        #: The transcript's rows of confirmed messages by seq, made once.
        self._made: dict[int, dict[str, Any]] = {}

        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self.presence = QLabel()
        self.presence.setTextFormat(Qt.TextFormat.PlainText)
        self.why = QLabel()
        self.why.setTextFormat(Qt.TextFormat.PlainText)
        self.why.setStyleSheet("color: #555;")
        self.clock = ChatClock(now, interval_ms=clock_interval_ms)
        self.phases = PhaseTracker()
        self.phases.phase_reached.connect(lambda p: self.phase_requested.emit(self.chat_id, p))

        self.model = TranscriptModel()
        self.transcript = TranscriptView()
        self.transcript.setObjectName("transcript")
        self.transcript.setModel(self.model)

        self.composer = Composer()
        self.composer.setObjectName("chatComposer")
        self.composer.setPlaceholderText(
            self.tr("Write to the young person (Enter sends, Shift+Enter for a new line)")
        )
        self.composer.submitted.connect(self._send)
        self._composer_empty = True
        self.composer.textChanged.connect(self._composer_changed)
        self.send_button = QPushButton(self.tr("Send"))
        self.send_button.clicked.connect(lambda: self._send(self.composer.toPlainText()))
        self.snippets = SnippetMenu()
        self.snippets.chosen.connect(self._insert)
        self.snippet_button = QPushButton(self.tr("Short texts"))
        self.snippet_button.setMenu(self.snippets)
        self.crisis_button = QPushButton(self.tr("Crisis"))
        self.crisis_button.setObjectName("crisisButton")
        self.crisis_button.setStyleSheet("color: #b71c1c; font-weight: 600;")
        self.crisis_button.clicked.connect(self.open_crisis)
        self.hand_button = QPushButton(self.tr("Raise hand"))
        self.hand_button.setToolTip(self.tr("Ask your supervisor to look along"))
        self.hand_button.clicked.connect(
            lambda: self.hand_requested.emit(self.chat_id, self.tr("Please look along."))
        )
        self.hand_button.setVisible(is_trainee)
        self.end_button = QPushButton(self.tr("End chat"))
        self.end_button.clicked.connect(lambda: self._confirm_end(False))
        self.not_serious_button = QPushButton(self.tr("End as not serious"))
        self.not_serious_button.clicked.connect(lambda: self._confirm_end(True))

        self.whisper = QLineEdit()
        self.whisper.setObjectName("whisperLine")
        self.whisper.setPlaceholderText(
            self.tr("Whisper to the trainee (the young person never sees this)")
        )
        self.whisper.returnPressed.connect(self._whisper)
        self.consult = QLineEdit()
        self.consult.setObjectName("consultLine")
        self.consult.setPlaceholderText(
            self.tr("Consult colleagues on shift about this chat (staff only)")
        )
        self.consult.returnPressed.connect(self._consult)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828;")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.hide()

        top = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.header)
        titles.addWidget(self.presence)
        titles.addWidget(self.why)
        top.addLayout(titles, 1)
        top.addWidget(self.clock)
        self.action_bar = QWidget()
        buttons = QHBoxLayout(self.action_bar)
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (self.send_button, self.snippet_button, self.crisis_button):
            buttons.addWidget(button)
        buttons.addWidget(self.hand_button)
        buttons.addStretch(1)
        buttons.addWidget(self.not_serious_button)
        buttons.addWidget(self.end_button)

        self.layout_ = QVBoxLayout(self)
        self.layout_.addLayout(top)
        self.layout_.addWidget(self.phases)
        self.layout_.addWidget(self.transcript, 1)
        self.layout_.addWidget(self.error)
        self.layout_.addWidget(self.composer)
        self.layout_.addWidget(self.action_bar)
        self.layout_.addWidget(self.whisper)
        self.layout_.addWidget(self.consult)

    # ------------------------------------------------------------------ showing
    def set_texts(self, texts: dict[str, Any]) -> None:
        self._texts = texts
        self.snippets.set_snippets(
            (str(s.get("title", "")), str(s.get("text", ""))) for s in texts.get("snippets", [])
        )

    def set_view(self, view: ChatView, messages: list[ChatMessage]) -> None:
        self._view = view
        who = view.nickname or self.tr("Anonymous")
        age = self.tr(", {0} years").format(view.age) if view.age else ""
        theme = view.theme or self.tr("no theme chosen")
        self.header.setText(
            self.tr("Chat #{0} \u00b7 {1}{2} \u00b7 {3}").format(view.number, who, age, theme)
        )
        self.presence.setText(self._presence_text(view))
        self.why.setText(self._why_text(view))
        started = parse_time(view.started_at)
        if view.state == ChatState.ENDED.value:
            self.clock.stop()
            self.clock.hide()
        elif started is not None:
            self.clock.start(started)
        reached: dict[Phase, datetime] = {}
        for name, at in view.phases.items():
            moment = parse_time(at)
            if moment is not None and name in Phase.__members__.values():
                reached[Phase(name)] = moment
        self.phases.set_reached(reached)
        # Confirmed messages never change: their rows are made once (parsing every time
        # of a long chat at each new message would stall the console).
        made, self._made = self._made, {}
        rows = []
        for m in messages:
            row = made.get(m.seq) if m.seq is not None else None
            if row is None:
                row = self._message_dict(m)
            if m.seq is not None:
                self._made[m.seq] = row
            rows.append(row)
        self.model.set_messages(rows)
        mine_running = view.mine and view.state != ChatState.ENDED.value
        watching = view.as_role == "supervisor" and view.state != ChatState.ENDED.value
        for widget in (self.composer, self.action_bar):
            widget.setVisible(mine_running)
        self.phases.setEnabled(mine_running)
        self.whisper.setVisible(watching)
        self.consult.setVisible(view.state != ChatState.ENDED.value)

    def _presence_text(self, view: ChatView) -> str:
        if view.state == ChatState.ENDED.value:
            return self.tr("The chat has ended.")
        if view.state == ChatState.HELPER_RECONNECTING.value:
            return self.tr("Your connection dropped; the young person is told you are coming back.")
        if not view.youth_connected:
            return self.tr("The young person's connection dropped; the chat waits for them.")
        if view.short_chat:
            return self.tr("Arrived in the last quarter hour: only a short talk is possible.")
        return self.tr("The young person is connected.")

    def _why_text(self, view: ChatView) -> str:
        if view.as_role == "supervisor":
            return self.tr("You are watching a trainee's chat (read-only).")
        reason = view.assignment.get("reason") if view.assignment else None
        if reason == "trainee_longest_waiting":
            return self.tr("Assigned to you: the trainee who waited longest.")
        if reason == "helper_no_trainee_free":
            return self.tr("Assigned to you: no trainee could take it.")
        return ""

    def _message_dict(self, m: ChatMessage) -> dict[str, Any]:
        own = m.sender == "helper" and m.own
        return {
            "seq": m.seq,
            "txn_id": m.txn_id,
            "from": m.sender,
            "author": "" if own else m.author,
            "text": m.text + (self.tr(" (not sent: {0})").format(m.failed) if m.failed else ""),
            "at": parse_time(m.at),
        }

    # ------------------------------------------------------------------ registration
    def ask_registration(self, taxonomy: Taxonomy) -> RegistrationForm:
        """Put the registration form in place of the composer (once)."""
        if self._registration is None:
            reached = [Phase(p) for p in (self._view.phases if self._view else {})]
            form = RegistrationForm(taxonomy, reached)
            form.submitted.connect(lambda r: self.registration_submitted.emit(self.chat_id, r))
            self.layout_.addWidget(form)
            self._registration = form
        return self._registration

    @property
    def registration(self) -> RegistrationForm | None:
        return self._registration

    # ------------------------------------------------------------------ acting
    def _send(self, text: str) -> None:
        text = text.strip()
        if text:
            self.send_requested.emit(self.chat_id, text)
            self.composer.clear()

    def _composer_changed(self) -> None:
        empty = not self.composer.toPlainText().strip()
        if self._composer_empty and not empty:
            self.typing_started.emit(self.chat_id)
        self._composer_empty = empty

    def _insert(self, text: str) -> None:
        self.composer.insertPlainText(text)
        self.composer.setFocus()

    def _whisper(self) -> None:
        text = self.whisper.text().strip()
        if text:
            self.whisper_requested.emit(self.chat_id, text)
            self.whisper.clear()

    def _consult(self) -> None:
        text = self.consult.text().strip()
        if text:
            self.consult_requested.emit(self.chat_id, text)
            self.consult.clear()

    def _confirm_end(self, not_serious: bool) -> None:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("End chat"))
        box.setText(
            self.tr("End this chat as not serious?")
            if not_serious
            else self.tr("End this chat? The young person sees that it has ended.")
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("End chat"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Keep talking"))
        box.finished.connect(lambda result: self._ended(result, not_serious))
        box.open()
        self.confirm_box = box

    def _ended(self, result: int, not_serious: bool) -> None:
        if result == QMessageBox.StandardButton.Yes.value:
            self.end_requested.emit(self.chat_id, not_serious)

    def open_crisis(self) -> CrisisDialog:
        dialog = CrisisDialog(
            str(self._texts.get("crisis_protocol", "")),
            [str(s) for s in self._texts.get("referral_services", [])],
            self,
        )
        dialog.submitted.connect(lambda d: self.referral_submitted.emit(self.chat_id, d))
        dialog.open()
        self.crisis_dialog = dialog
        return dialog

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
