"""`python -m server`: accounts from the command line, demo data, refusing plain HTTP."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.api import login, unique
from tests.support.pg import PgCluster
from tests.support.servers import RunningServer, run_cli


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'cli.db'}"
    cluster: PgCluster = request.getfixturevalue("pg_cluster")
    return cluster.create_database()


def test_demo_data_twice(database_url: str) -> None:
    first = run_cli("demo-data", database_url=database_url)
    assert "hulpmix-demo" in first.stdout
    assert "bascule.helper1" in first.stdout and "(new)" in first.stdout
    second = run_cli("demo-data", database_url=database_url)
    assert "(new)" not in second.stdout
    assert second.stdout.count("(existing)") == 5 * 4 + 4


def test_create_institution_and_user_with_password_from_stdin(
    database_url: str, dev_certs: Path
) -> None:
    run_cli("migrate", database_url=database_url)
    code = unique("c")
    run_cli("create-institution", "--code", code, "--name", "CLI-instelling",
            database_url=database_url)  # fmt: skip
    username = unique("cli")
    made = run_cli(
        "create-user", "--username", username, "--role", "admin", "--role", "helpdesk",
        "--institution", code, "--display-name", "Cli Beheerder",
        database_url=database_url, input="een-lang-wachtwoord\n",
    )  # fmt: skip
    assert username in made.stdout
    short = run_cli(
        "create-user", "--username", unique("cli"), "--role", "helper", "--institution", code,
        database_url=database_url, input="kort\n", check=False,
    )  # fmt: skip
    assert short.returncode != 0
    assert "10 characters" in short.stderr
    server = RunningServer(database_url, dev_certs).start()
    try:
        with server.client() as client:
            answer = login(client, username, "een-lang-wachtwoord")
            assert answer["user"]["roles"] == ["admin", "helpdesk"]
            assert answer["user"]["institution"]["code"] == code
    finally:
        server.stop()


def test_serve_refuses_plain_http_without_the_flag(tmp_path: Path) -> None:
    result = run_cli(
        "serve", "--port", "1", database_url=f"sqlite:///{tmp_path / 'x.db'}", check=False,
        env={"HULPMIX_TLS_CERT": "", "HULPMIX_TLS_KEY": ""},
    )  # fmt: skip
    assert result.returncode == 2
    assert "--insecure-http" in result.stderr


def test_dev_cert_reuses_the_ca(tmp_path: Path) -> None:
    run_cli("dev-cert", "--out", str(tmp_path))
    ca = (tmp_path / "ca.pem").read_bytes()
    run_cli("dev-cert", "--out", str(tmp_path), "--hostname", "hulpmix.test")
    assert (tmp_path / "ca.pem").read_bytes() == ca
    assert (tmp_path / "server.key").stat().st_mode & 0o077 == 0


def test_each_worker_settles_its_garbage_collector(tmp_path: Path, dev_certs: Path) -> None:
    """Once serving, a worker freezes what start-up built and sets its thresholds
    (server/gctune.py): its own log says so, with the threshold from the environment; a
    threshold that is not a positive number is refused before anything starts."""
    url = f"sqlite:///{tmp_path / 'gc.db'}"
    run_cli("migrate", database_url=url)
    server = RunningServer(url, dev_certs, env={"HULPMIX_GC_YOUNG_THRESHOLD": "3000"}).start()
    try:
        with server.client() as client:
            assert client.get("/api/v1/ping").status_code == 200
    finally:
        server.stop()
    settled = [
        line for line in server.log_path.read_text().splitlines() if "garbage collector" in line
    ]
    assert len(settled) == 1, settled
    frozen = int(settled[0].split("garbage collector: ")[1].split()[0])
    assert frozen > 10_000  # the application's modules, routes and tables
    assert "thresholds (3000, 0, 1000)" in settled[0]

    refused = run_cli(
        "serve", database_url=url, check=False, env={"HULPMIX_GC_YOUNG_THRESHOLD": "0"}
    )
    assert refused.returncode != 0
    assert "gc_young_threshold must be positive" in refused.stderr
