"""Fixtures for the browser tests: Chromium via Playwright, and servers of their own.

Nothing here is skipped: without /usr/bin/chromium (or the playwright package) the tests
fail, saying what is missing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.browser import CHROMIUM, LAUNCH_ARGS, SERVER_ENV, Staff, check_chromium
from tests.support.servers import RunningServer, run_cli

try:
    from playwright.sync_api import (
        Browser,
        BrowserContext,
        ConsoleMessage,
        Page,
        Playwright,
        sync_playwright,
    )
except ImportError as exc:  # pragma: no cover - a broken set-up, reported as a failure
    raise RuntimeError("the browser tests need `pip install playwright`") from exc


# Module scope, not session: while Playwright's sync API runs, the main thread counts as
# running an asyncio loop, and later tests that call asyncio.run() would fail.
@pytest.fixture(scope="module")
def playwright_driver() -> Iterator[Playwright]:
    try:
        check_chromium()
    except RuntimeError as exc:
        pytest.fail(str(exc), pytrace=False)
    driver = sync_playwright().start()
    yield driver
    driver.stop()


@pytest.fixture(scope="module")
def browser(playwright_driver: Playwright) -> Iterator[Browser]:
    launched = playwright_driver.chromium.launch(
        executable_path=str(CHROMIUM), args=LAUNCH_ARGS, headless=True
    )
    yield launched
    launched.close()


def _demo_server(tmp: Path, certs: Path) -> RunningServer:
    url = f"sqlite:///{tmp / 'h.db'}"
    run_cli("demo-data", database_url=url)
    return RunningServer(url, certs, env=SERVER_ENV).start()


@pytest.fixture(scope="module")
def chat_server(
    tmp_path_factory: pytest.TempPathFactory, dev_certs: Path
) -> Iterator[RunningServer]:
    """A demo server (open around the clock) with fast presence timeouts."""
    running = _demo_server(tmp_path_factory.mktemp("chat"), dev_certs)
    yield running
    running.stop()


@pytest.fixture(scope="module")
def schedule_server(
    tmp_path_factory: pytest.TempPathFactory, dev_certs: Path
) -> Iterator[RunningServer]:
    """A second demo server whose opening hours the tests rewrite in its database."""
    running = _demo_server(tmp_path_factory.mktemp("schedule"), dev_certs)
    yield running
    running.stop()


@pytest.fixture
def new_page(browser: Browser) -> Iterator[Callable[..., Page]]:
    """Make a page in a fresh context (its own sessionStorage); all closed afterwards.

    Afterwards the test also fails on any script error or Content-Security-Policy violation
    seen on those pages.
    """
    contexts: list[BrowserContext] = []
    errors: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text or "Refused to" in message.text:
            errors.append(f"console: {message.text}")

    def make(width: int = 390, height: int = 844) -> Page:
        # ignore_https_errors only here: the server's certificate chain (test CA) is tested
        # by the server suite; these tests are about the page.
        context = browser.new_context(
            ignore_https_errors=True,
            viewport={"width": width, "height": height},
            locale="nl-NL",
            timezone_id="Europe/Amsterdam",
        )
        context.set_default_timeout(20_000)
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda exc: errors.append(f"page error: {exc}"))
        page.on("console", on_console)
        return page

    yield make
    for context in contexts:
        context.close()
    assert not errors, "\n".join(errors)


@pytest.fixture
def staff(chat_server: RunningServer) -> Iterator[Callable[[str], Staff]]:
    """Log in helpers on the chat server; they go offline and stop polling afterwards."""
    people: list[Staff] = []

    def make(username: str) -> Staff:
        person = Staff(chat_server, username)
        people.append(person)
        return person

    yield make
    for person in people:
        person.close()
