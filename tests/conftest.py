"""Shared fixtures: test certificates, a throwaway PostgreSQL, real running servers.

Contract (used by tests/server and by the console's tests):
- `dev_certs` (session): a directory with ca.pem, ca.key, server.pem, server.key.
- `pg_cluster` (session): a `tests.support.pg.PgCluster`; `.create_database()` gives a URL.
- `demo_sqlite_server` (session): a `RunningServer` on a fresh migrated SQLite file with
  the demo data.
- `server` (session, parametrized "sqlite" / "postgresql"): a `RunningServer` with the
  demo data on that backend; the PostgreSQL one is marked `postgres`.
Helpers: `tests.support.api.login(client, username, password="hulpmix-demo")`,
`tests.support.api.auth(token)`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import Any

import pytest

_REPO = str(Path(__file__).resolve().parent.parent)
if _REPO not in sys.path:  # make `tests.support` importable however pytest is started
    sys.path.insert(0, _REPO)

from console.qtguard import immortalize_singletons  # noqa: E402
from tests.support import release_failed  # noqa: E402
from tests.support.pg import PgCluster  # noqa: E402
from tests.support.servers import RunningServer, make_dev_certs, run_cli  # noqa: E402

# PySide6 6.12.0 drops references to True on signal delivery: see console/qtguard.py.
immortalize_singletons()


@pytest.fixture(scope="session")
def dev_certs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_dev_certs(tmp_path_factory.mktemp("certs"))


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    cluster = PgCluster()
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.stop()


def start_demo_server(database_url: str, certs: Path) -> RunningServer:
    run_cli("demo-data", database_url=database_url)
    return RunningServer(database_url, certs).start()


@pytest.fixture(scope="session")
def demo_sqlite_server(
    tmp_path_factory: pytest.TempPathFactory, dev_certs: Path
) -> Iterator[RunningServer]:
    path = tmp_path_factory.mktemp("sqlite") / "hulpmix.db"
    running = start_demo_server(f"sqlite:///{path}", dev_certs)
    yield running
    running.stop()


@pytest.fixture(scope="session")
def demo_pg_server(pg_cluster: PgCluster, dev_certs: Path) -> Iterator[RunningServer]:
    running = start_demo_server(pg_cluster.create_database(), dev_certs)
    yield running
    running.stop()


@pytest.fixture(
    scope="session",
    params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)],
)
def server(request: pytest.FixtureRequest) -> RunningServer:
    """A running demo server on each backend."""
    name = "demo_sqlite_server" if request.param == "sqlite" else "demo_pg_server"
    running: RunningServer = request.getfixturevalue(name)
    if not running.running:  # a test stopped it and failed before starting it again
        running.start()
    return running


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    if report.failed:
        funcargs = getattr(item, "funcargs", {})
        for value in funcargs.values():
            if isinstance(value, RunningServer):
                report.sections.append((f"server log {value.url}", value.tail()))
    return report


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    """Under CI, print a failure's message the moment it happens, not only in the summary.

    CI shows the end of the output; when a later test crashes the interpreter (a Qt object
    outliving a failed test), the summary is never printed and the first failure, which is
    the one that matters, would be lost."""
    if not report.failed or _terminal is None or not _in_ci():
        return
    text = report.longreprtext
    _terminal.write_line("")
    _terminal.write_line(f"FAILED at once: {report.nodeid} ({report.when})", red=True)
    _terminal.write_line(text[-4000:])


_terminal: Any = None


def _in_ci() -> bool:
    return bool(os.environ.get("CI"))


@pytest.hookimpl(trylast=True)
def pytest_configure(config: pytest.Config) -> None:
    global _terminal
    # A failed test's locals (a logged-in console, its widgets) go before its fixtures are
    # torn down, as on success, instead of dying inside a later test (release_failed.py).
    if not config.pluginmanager.has_plugin("tests.support.release_failed"):
        config.pluginmanager.register(release_failed, "tests.support.release_failed")
    _terminal = config.pluginmanager.get_plugin("terminalreporter")
