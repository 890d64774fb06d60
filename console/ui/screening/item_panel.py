"""The post being screened: for a reply the topic it answers (read-only, for context), then
the post itself with personal data and danger words highlighted.

Text is the youths' and is shown strictly as text: it goes into the document with
`setPlainText` and the highlights are character formats laid over it, never HTML.
Highlighting is done only for the item on screen.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QSplitter, QVBoxLayout, QWidget

from console.domain.forum import DEFAULT_DANGER_WORDS, find_marks
from console.services.forum import ScreeningItem, TopicContext
from console.ui.screening.queue_model import age_text, kind_label

#: Background per mark kind: danger red, personal data amber.
MARK_COLOURS = {
    "danger": "#ffcdd2",
    "phone": "#ffe0b2",
    "email": "#ffe0b2",
    "postcode": "#ffe0b2",
    "address": "#ffe0b2",
    "url": "#ffe0b2",
}


def _plain_view(name: str) -> QPlainTextEdit:
    view = QPlainTextEdit()
    view.setObjectName(name)
    view.setReadOnly(True)
    view.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse
        | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    # The view never takes the keyboard: j/k/p/e/r… must reach the screening page.
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return view


class ItemPanel(QWidget):
    def __init__(self, now: Callable[[], datetime], user_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self._now = now
        self.user_id = user_id
        self.danger_words: list[str] = list(DEFAULT_DANGER_WORDS)
        self.item: ScreeningItem | None = None
        self.marks_shown: list[tuple[str, str]] = []

        self.header = QLabel()
        self.header.setObjectName("itemHeader")
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setStyleSheet("font-weight: 600;")
        self.header.setWordWrap(True)
        self.claim = QLabel()
        self.claim.setObjectName("itemClaim")
        self.claim.setTextFormat(Qt.TextFormat.PlainText)
        self.claim.setWordWrap(True)
        self.legend = QLabel()
        self.legend.setObjectName("itemLegend")
        self.legend.setTextFormat(Qt.TextFormat.PlainText)
        self.legend.setWordWrap(True)

        self.context_title = QLabel(self.tr("In reply to:"))
        self.context = _plain_view("topicContext")
        self.context.setStyleSheet("background: #f5f5f5; color: #424242;")
        self.context_box = QWidget()
        context_layout = QVBoxLayout(self.context_box)
        context_layout.setContentsMargins(0, 0, 0, 0)
        context_layout.addWidget(self.context_title)
        context_layout.addWidget(self.context)
        self.context_box.hide()

        self.title = QLabel()
        self.title.setObjectName("itemTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.body = _plain_view("itemBody")
        self.decision = QLabel()
        self.decision.setObjectName("itemDecision")
        self.decision.setTextFormat(Qt.TextFormat.PlainText)
        self.decision.setWordWrap(True)
        self.decision.hide()
        self.empty = QLabel(self.tr("Nothing to screen. New posts appear here by themselves."))
        self.empty.setObjectName("itemEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)

        post = QWidget()
        post_layout = QVBoxLayout(post)
        post_layout.setContentsMargins(0, 0, 0, 0)
        post_layout.addWidget(self.title)
        post_layout.addWidget(self.body, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.context_box)
        split.addWidget(post)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        self.split = split

        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.claim)
        layout.addWidget(split, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.decision)
        layout.addWidget(self.empty, 1)
        self.show_item(None)

    # ------------------------------------------------------------------ showing
    def show_item(self, item: ScreeningItem | None) -> None:
        previous = self.item
        self.item = item
        for widget in (self.header, self.claim, self.split, self.legend):
            widget.setVisible(item is not None)
        self.empty.setVisible(item is None)
        if item is None:
            self.decision.hide()
            self.marks_shown = []
            return
        same = previous is not None and previous.id == item.id
        theme = item.theme or "\u2014"
        self.header.setText(
            self.tr("{0} \u00b7 {1} \u00b7 waiting {2}").format(
                kind_label(item.kind), theme, age_text(self._now() - item.created_at)
            )
        )
        self.update_claim(item)
        if not same or previous is None or previous.version != item.version:
            self._show_text(item)
        if not same:
            self.context_box.setVisible(item.kind == "reply")
            self.context.setPlainText(item.parent_title or "")
        self._show_decision(item)

    def update_claim(self, item: ScreeningItem) -> None:
        claim = item.claim
        now = self._now()
        if claim is None or (claim.until is not None and claim.until <= now):
            self.claim.setText(self.tr("Not claimed"))
            self.claim.setStyleSheet("color: #757575;")
        elif claim.user_id == self.user_id:
            self.claim.setText(self.tr("You are screening this post"))
            self.claim.setStyleSheet("color: #1565c0;")
        else:
            self.claim.setText(self.tr("Being screened by {0}").format(claim.name))
            self.claim.setStyleSheet("color: #6d4c41; font-weight: 600;")

    def show_context(self, item_id: int, context: TopicContext | None) -> None:
        if self.item is None or self.item.id != item_id or context is None:
            return
        lines = [context.title, "", context.body]
        if context.replies:
            lines += ["", self.tr("Earlier replies:")] + [f"\u2014 {r}" for r in context.replies]
        self.context.setPlainText("\n".join(lines))

    def _show_text(self, item: ScreeningItem) -> None:
        self.title.setText(item.title or "")
        self.title.setVisible(bool(item.title))
        self.body.setPlainText(item.body)
        marks = find_marks(item.body, self.danger_words)
        document = self.body.document()
        cursor = QTextCursor(document)
        shown: list[tuple[str, str]] = []
        for mark in marks:
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(MARK_COLOURS.get(mark.kind, "#fff59d")))
            if mark.kind == "danger":
                fmt.setFontWeight(700)
            cursor.setPosition(mark.start)
            cursor.setPosition(mark.end, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(fmt)
            shown.append((mark.kind, item.body[mark.start : mark.end]))
        title_marks = find_marks(item.title or "", self.danger_words)
        for mark in title_marks:
            shown.append((mark.kind, (item.title or "")[mark.start : mark.end]))
        self.marks_shown = shown
        kinds = {kind for kind, _ in shown}
        parts = []
        if "danger" in kinds:
            parts.append(self.tr("\u26a0 Danger words (red): consider escalating (x)."))
        if kinds - {"danger"}:
            parts.append(self.tr("Personal data (amber): edit it out (e) or reject (r)."))
        self.legend.setText("  ".join(parts))
        self.legend.setStyleSheet("color: #c62828;" if "danger" in kinds else "color: #ef6c00;")

    def _show_decision(self, item: ScreeningItem) -> None:
        decision = item.decision
        if decision is None or item.status == "pending":
            self.decision.hide()
            return
        self.decision.setText(
            self.tr("Decided: {0} by {1}").format(decision.decision, decision.by_name)
        )
        self.decision.show()
