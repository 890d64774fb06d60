"""A menu of ready texts (closing message, short-chat notice, referral texts) for the
composer. The texts come from the server; this menu only shows them."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMenu, QWidget

#: How much of a text the status tip previews.
_PREVIEW = 120


class SnippetMenu(QMenu):
    #: The chosen snippet's text, to put in the composer.
    chosen = Signal(str)

    def __init__(
        self, snippets: Iterable[tuple[str, str]] = (), parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("snippetMenu")
        self.setTitle(self.tr("Ready texts"))
        self.set_snippets(snippets)

    def set_snippets(self, snippets: Iterable[tuple[str, str]]) -> None:
        """Replace the menu's entries with these (title, text) pairs, in order."""
        self.clear()
        for title, text in snippets:
            # A "&" in a title is a literal ampersand, not a keyboard accelerator.
            action = self.addAction(title.replace("&", "&&"))
            preview = " ".join(text.split())
            action.setStatusTip(
                preview if len(preview) <= _PREVIEW else preview[: _PREVIEW - 1] + "\u2026"
            )
            action.triggered.connect(lambda _checked=False, t=text: self.chosen.emit(t))
        if self.isEmpty():
            self.addAction(self.tr("No ready texts available")).setEnabled(False)
