"""The Administration area in the real console against a real server, for the UI tests."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from console.domain.hours import DEFAULT_SCHEDULE
from console.domain.roles import Area
from console.ui.admin.page import AdminPage
from server.chat import config
from server.demo import DEMO_PASSWORD
from tests.support.chat import serve_fresh
from tests.support.servers import RunningServer
from tests.support.waiting import until
from tests.ui.test_login_and_main_window import fill_login


def serve_production_hours(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, certs: Path
) -> Iterator[RunningServer]:
    """A fresh demo server whose chat keeps production hours (weekdays 16:00-18:00,
    closed on public holidays) instead of the demo's around the clock."""
    served = serve_fresh(request, tmp_path_factory, certs)
    running = next(served)
    try:
        raw = json.dumps(config.schedule_to_json(DEFAULT_SCHEDULE))
        engine = create_engine(running.database_url, poolclass=NullPool)
        try:
            with engine.begin() as conn:
                changed = conn.execute(
                    text("UPDATE chat_settings SET value = :v WHERE key = :k"),
                    {"v": raw, "k": config.SCHEDULE},
                )
                assert changed.rowcount == 1, "the demo data keeps a schedule"
        finally:
            engine.dispose()
        yield running
    finally:
        served.close()


async def open_admin(qtbot, app, server: RunningServer, username: str) -> AdminPage:
    app.start()
    fill_login(qtbot, app.login_dialog, server.url, username, DEMO_PASSWORD)
    await until(lambda: app.window is not None and app.window.isVisible(), what="window")
    app.window.show_area(Area.ADMIN)
    page = app.window.page(Area.ADMIN)
    assert isinstance(page, AdminPage)
    return page


async def leave(app) -> None:
    """Quit once the area's requests are done (a request cut by the quit would leave a
    socket for the garbage collector to complain about)."""
    if app.admin is not None:
        await until(lambda: app.admin.loading == 0, what="the area's requests")
    # The other areas' first loads too (the coordinator's roster and supervision).
    await until(lambda: app.tasks.running == 0, what="every page's requests")
    await app.quit()
