"""Qt test fixtures: one QApplication (pytest-qt), a fresh qasync loop per test, Dutch UI."""

from __future__ import annotations

import asyncio
import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(scope="session")
def dutch(qapp):
    from console.app import install_translator

    translator = install_translator(qapp, "nl")
    assert translator is not None, "the Dutch translation must load"
    yield translator
    qapp.removeTranslator(translator)


@pytest.fixture
def qloop(qapp, dutch):
    import qasync

    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    yield loop
    from tests.support.console_apps import collect_leftovers, tidy_consoles

    # Even after a failure: no console, task or window outlives its test.
    left_over = tidy_consoles(loop)
    loop.close()
    asyncio.set_event_loop(None)
    if left_over:
        collect_leftovers()


@pytest.fixture
def run(qloop):
    """Run a coroutine on the qasync loop, so Qt events and asyncio tasks both proceed."""

    def runner(coro, timeout: float = 120.0):
        return qloop.run_until_complete(asyncio.wait_for(coro, timeout))

    return runner
