"""Consoles made by tests, and their tidy end even when a test fails half-way.

A test that fails inside a scenario leaves a logged-in console behind: sync tasks on a
loop that is about to close, windows, timers. Qt then delivers their events during a
later test, on objects whose loop is gone, and the process can crash far from the cause.
`new_console` registers every console; the `qloop` fixture calls `tidy_consoles` before
it closes the loop, so each test ends with no console, task or window of its own left.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import warnings
from pathlib import Path

from console.app import ConsoleApp
from console.services.keyrings import MemoryKeyring
from console.services.session import KeyringLike
from console.settings import SettingsStore

_live: list[ConsoleApp] = []


def new_console(
    settings: SettingsStore, store_dir: Path, keyring: KeyringLike | None = None
) -> ConsoleApp:
    app = ConsoleApp(settings, keyring=keyring or MemoryKeyring(), store_dir=store_dir)
    _live.append(app)
    return app


async def _tidy(app: ConsoleApp) -> None:
    with contextlib.suppress(Exception):
        await asyncio.wait_for(app.shutdown(), 15)
    widgets = [app.window, app.login_dialog, *getattr(app, "_dialogs", [])]
    app.window = None
    app.login_dialog = None
    for widget in widgets:
        if widget is None:
            continue
        with contextlib.suppress(RuntimeError):  # already deleted by Qt
            if hasattr(widget, "quit_for_real"):
                widget.quit_for_real()
            widget.close()
            widget.deleteLater()


def tidy_consoles(loop: asyncio.AbstractEventLoop) -> bool:
    """Shut down every console the test made, then cancel whatever tasks remain.

    True when something was left running (the test ended half-way).
    """
    left_over = False
    while _live:
        app = _live.pop()
        left_over = left_over or app.window is not None or app.sync is not None
        loop.run_until_complete(_tidy(app))
    pending = [task for task in asyncio.all_tasks(loop) if not task.done()]
    left_over = left_over or bool(pending)
    for task in pending:
        task.cancel()
    if pending:
        loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
    if left_over:  # let what the cancellations scheduled run while the loop still lives
        loop.run_until_complete(asyncio.sleep(1))
    return left_over


def collect_leftovers() -> None:
    """After the loop closed: let a half-finished test's remains go now, quietly.

    A connection attempt cut off by the cancellation leaves a coroutine that was never
    awaited; collected later it would fail an innocent test with that warning. The test
    that left it has failed already, with its own message.
    """
    from PySide6.QtCore import QCoreApplication, QEvent

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.collect()
