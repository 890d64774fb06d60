"""A real server in a subprocess: `python -m server serve` over HTTPS with a test CA."""

from __future__ import annotations

import concurrent.futures
import os
import signal
import ssl
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path

import httpx

from tests.support.net import free_port

REPO = Path(__file__).resolve().parents[2]
START_TIMEOUT = 30.0


def run_cli(
    *args: str,
    database_url: str | None = None,
    input: str | None = None,
    env: Mapping[str, str] | None = None,
    check: bool = True,
    timeout: float = 120,
) -> subprocess.CompletedProcess[str]:
    """Run `python -m server ARGS` and return the finished process."""
    full_env = {**os.environ, **(env or {})}
    if database_url is not None:
        full_env["HULPMIX_DATABASE_URL"] = database_url
    result = subprocess.run(
        [sys.executable, "-m", "server", *args],
        cwd=REPO,
        env=full_env,
        input=input if input is not None else "",
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if check and result.returncode != 0:
        raise AssertionError(
            f"python -m server {' '.join(args)} failed ({result.returncode}):\n"
            f"{result.stdout}\n{result.stderr}"
        )
    return result


#: Servers are spawned from this one long-lived thread: PR_SET_PDEATHSIG fires when the
#: spawning THREAD ends, and tests restart servers from short-lived worker threads.
_SPAWNER = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="spawner")


def _die_with_parent() -> None:
    """Linux: the server gets SIGTERM when the test process dies, even by SIGKILL.

    Without it a killed pytest run leaves servers listening behind it.
    """
    import ctypes

    pr_set_pdeathsig = 1
    ctypes.CDLL("libc.so.6", use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)


def make_dev_certs(out: Path) -> Path:
    run_cli("dev-cert", "--out", str(out))
    return out


def ssl_context(ca_file: Path) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=str(ca_file))


class RunningServer:
    """One `python -m server serve` process on 127.0.0.1."""

    def __init__(
        self,
        database_url: str,
        certs: Path,
        *,
        env: Mapping[str, str] | None = None,
        args: tuple[str, ...] = (),
        port: int | None = None,
    ) -> None:
        self.database_url = database_url
        self.certs = certs
        self.ca_file = certs / "ca.pem"
        self.port = port or free_port()
        self.url = f"https://127.0.0.1:{self.port}"
        self.env = dict(env or {})
        self.args = args
        self.log_path = Path(tempfile.mkstemp(prefix="hulpmix-server-", suffix=".log")[1])
        self._proc: subprocess.Popen[bytes] | None = None
        self._ssl = ssl_context(self.ca_file)

    # -- lifecycle -----------------------------------------------------------------------

    def start(self) -> RunningServer:
        if self._proc is not None and self._proc.poll() is None:
            return self
        env = {
            **os.environ,
            "HULPMIX_DATABASE_URL": self.database_url,
            "HULPMIX_TEST_ROUTES": "1",
            "PYTHONUNBUFFERED": "1",
            **self.env,
        }
        cmd = [
            sys.executable, "-m", "server", "serve",
            "--host", "127.0.0.1", "--port", str(self.port),
            "--cert", str(self.certs / "server.pem"), "--key", str(self.certs / "server.key"),
            *self.args,
        ]  # fmt: skip
        with open(self.log_path, "ab") as log:
            log.write(f"\n--- starting {' '.join(cmd)}\n".encode())
            log.flush()
            self._proc = _SPAWNER.submit(
                subprocess.Popen,
                cmd,
                cwd=REPO,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None,
            ).result()
        self._wait_ready()
        return self

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        announced = False
        while time.monotonic() < deadline:
            assert self._proc is not None
            if self._proc.poll() is not None:
                raise RuntimeError(f"server exited with {self._proc.returncode}\n{self.tail()}")
            if not announced:
                announced = "Hulpmix server listening on" in self.log_path.read_text(
                    errors="replace"
                )
            if announced:
                try:
                    with self.client(timeout=2) as client:
                        if client.get("/api/v1/ping").status_code == 200:
                            return
                except httpx.HTTPError:
                    pass
            time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"server did not start within {START_TIMEOUT} s\n{self.tail()}")

    def stop(self) -> None:
        proc, self._proc = self._proc, None
        if proc is None or proc.poll() is not None:
            return
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)

    def kill(self) -> None:
        """SIGKILL, not a graceful stop: no drain, no goodbye to the open connections."""
        proc, self._proc = self._proc, None
        if proc is None or proc.poll() is not None:
            return
        proc.kill()
        proc.wait(timeout=15)

    @property
    def pid(self) -> int | None:
        """The server's (or, with several workers, the supervisor's) process id."""
        return None if self._proc is None else self._proc.pid

    def restart(self) -> RunningServer:
        self.stop()
        return self.start()

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    # -- talking to it -------------------------------------------------------------------

    def client(self, timeout: float = 30.0, **kwargs: object) -> httpx.Client:
        return httpx.Client(base_url=self.url, verify=self._ssl, timeout=timeout, **kwargs)  # type: ignore[arg-type]

    def tail(self, lines: int = 60) -> str:
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return "(no server log)"
        return "--- server log (tail) ---\n" + "\n".join(text.splitlines()[-lines:])

    def __repr__(self) -> str:
        return f"RunningServer({self.url}, {self.database_url})"
