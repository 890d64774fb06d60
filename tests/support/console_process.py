"""A helper's console services in a child process that a test can kill with SIGKILL.

The child (`python -m tests.support.console_process`) builds Transport, Session, Store,
SyncService and ChatService the way `console.app` does after a login: the store file under
the data directory, its key and the remembered refresh token in a keyring. The keyring is
a JSON file here (`FileKeyring`), standing in for the OS keyring, so a second child started
on the same data directory is the same workstation after a restart: it resumes the session
from the keyring and opens the same store with the same key.

The kill point is a test hook of this script only, never of console/ code: with
`HULPMIX_TEST_KILL_AT` set to
- `outbox:<text>`: the child kills itself right after the store committed a message with
  that text to its outbox, before the outbox loop can upload it;
- `upload:<text>`: the child kills itself right after the server answered the upload of
  that message, before the outbox marks it sent in the store.

The parent drives the child with one JSON object per line on stdin and reads one JSON
answer per line on stdout (`ConsoleProcess.ask`). Logs go to stderr (a file).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import queue
import signal
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
KILL_AT_ENV = "HULPMIX_TEST_KILL_AT"
CONFIG_ENV = "HULPMIX_TEST_CONSOLE"


class FileKeyring:
    """The OS keyring's stand-in for a workstation that restarts: a JSON file."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def _load(self) -> dict[str, str]:
        if not self.path.exists():
            return {}
        data: dict[str, str] = json.loads(self.path.read_text())
        return data

    def _save(self, items: dict[str, str]) -> None:
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(items))
        tmp.replace(self.path)  # atomic: a kill never leaves half a keyring

    def get_password(self, service_name: str, username: str) -> str | None:
        return self._load().get(f"{service_name}\n{username}")

    def set_password(self, service_name: str, username: str, password: str) -> None:
        items = self._load()
        items[f"{service_name}\n{username}"] = password
        self._save(items)

    def delete_password(self, service_name: str, username: str) -> None:
        items = self._load()
        items.pop(f"{service_name}\n{username}", None)
        self._save(items)


def store_key_name(username: str, server_url: str) -> str:
    """The name the app gives a user's store key (console/app.py `_logged_in`)."""
    return f"{username}@{server_url.rstrip('/')}"


# --- the child ----------------------------------------------------------------------------


def _die() -> None:
    sys.stdout.flush()
    os.kill(os.getpid(), signal.SIGKILL)


def install_kill_hook(store: Any, transport: Any, spec: str) -> None:
    """Wrap the boundary named by `spec` (see the module docstring) on these instances."""
    point, _, text = spec.partition(":")
    if point == "outbox":
        enqueue = store.enqueue

        def enqueue_then_die(txn_id: str, method: str, path: str, body: dict[str, Any]) -> None:
            enqueue(txn_id, method, path, body)
            if body.get("text") == text:
                _die()

        store.enqueue = enqueue_then_die
    elif point == "upload":
        call = transport.call

        async def call_then_die(method: str, path: str, **kwargs: Any) -> Any:
            answer = await call(method, path, **kwargs)
            body = kwargs.get("json_body")
            if "/messages/" in path and isinstance(body, dict) and body.get("text") == text:
                _die()
            return answer

        transport.call = call_then_die
    else:
        raise ValueError(f"unknown kill point {spec!r}")


def _state(sync: Any, store: Any, chat: Any) -> dict[str, Any]:
    chats = chat.chats()
    return {
        "connection": sync.state.value,
        "cursor": store.cursor,
        "chats": [
            {"chat_id": v.chat_id, "mine": v.mine, "state": v.state, "helper_id": v.helper_id}
            for v in chats
        ],
        "messages": {
            str(v.chat_id): [
                [m.seq, m.sender, m.text, m.txn_id, m.pending, m.failed]
                for m in chat.messages(v.chat_id)
            ]
            for v in chats
        },
        "outbox": [[i.txn_id, i.path, i.state, i.body.get("text")] for i in store.outbox(None)],
    }


async def _child(config: dict[str, Any]) -> None:
    from console.domain.routing import StaffStatus
    from console.services.chat import ChatService
    from console.services.session import Session
    from console.services.store import Store, store_path
    from console.services.sync import SyncService
    from console.services.transport import Transport
    from console.settings import Settings

    keyring = FileKeyring(Path(config["keyring"]))
    settings = Settings(
        server_url=config["server_url"], extra_ca_file=config["ca_file"], proxy_mode="none"
    )
    transport = Transport(settings)
    session = Session(transport, keyring)
    username = config["username"]
    user = await session.resume(username)  # a restarted workstation: the keyring remembers
    resumed = user is not None
    if user is None:
        user = await session.login(username, config["password"], remember=True)
    path = store_path(Path(config["data_dir"]), transport.base_url, user.username)
    store = Store(path, keyring, store_key_name(user.username, transport.base_url))
    remembered: dict[str, str] = {}
    sync = SyncService(
        transport,
        store,
        recall_transport=remembered.get,
        remember_transport=remembered.__setitem__,
        use_sse=bool(config.get("use_sse", True)),
    )
    chat = ChatService(store, sync, transport, user.id)
    kill_at = os.environ.get(KILL_AT_ENV, "")
    if kill_at:
        install_kill_hook(store, transport, kill_at)
    sync.start()

    def answer(value: dict[str, Any]) -> None:
        sys.stdout.write(json.dumps(value) + "\n")
        sys.stdout.flush()

    answer({"ready": True, "user_id": user.id, "resumed": resumed})
    try:
        while line := await asyncio.to_thread(sys.stdin.readline):
            command = json.loads(line)
            op = command["op"]
            if op == "available":
                answer(await chat.set_status(StaffStatus.AVAILABLE))
            elif op == "send":
                answer({"txn_id": chat.send(int(command["chat_id"]), command["text"])})
            elif op == "state":
                answer(_state(sync, store, chat))
            elif op == "quit":
                break
            else:
                answer({"error": f"unknown op {op}"})
    finally:
        await sync.stop()
        await transport.aclose()
        store.close()
    answer({"bye": True})


def main() -> None:
    logging.basicConfig(level=logging.INFO, stream=sys.stderr)
    asyncio.run(_child(json.loads(os.environ[CONFIG_ENV])))


# --- the parent ---------------------------------------------------------------------------


class ConsoleProcess:
    """One run of the child: start it, ask it things, kill it or let it end."""

    def __init__(
        self,
        server_url: str,
        ca_file: Path,
        data_dir: Path,
        username: str,
        password: str,
        *,
        kill_at: str = "",
        use_sse: bool = True,
    ) -> None:
        data_dir.mkdir(parents=True, exist_ok=True)
        self.data_dir = data_dir
        self.keyring_path = data_dir / "keyring.json"
        self.server_url = server_url
        self.username = username
        config = {
            "server_url": server_url,
            "ca_file": str(ca_file),
            "data_dir": str(data_dir),
            "keyring": str(self.keyring_path),
            "username": username,
            "password": password,
            "use_sse": use_sse,
        }
        env = {**os.environ, CONFIG_ENV: json.dumps(config), "PYTHONUNBUFFERED": "1"}
        env.pop(KILL_AT_ENV, None)
        if kill_at:
            env[KILL_AT_ENV] = kill_at
        self.log_path = Path(tempfile.mkstemp(prefix="hulpmix-console-", suffix=".log")[1])
        from tests.support.servers import _SPAWNER, _die_with_parent

        with open(self.log_path, "ab") as log:
            self.proc: subprocess.Popen[str] = _SPAWNER.submit(
                subprocess.Popen,
                [sys.executable, "-m", "tests.support.console_process"],
                cwd=REPO,
                env=env,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=log,
                text=True,
                preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None,
            ).result()
        self._lines: queue.Queue[str | None] = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self.hello = self._next(60)
        self.user_id = int(self.hello["user_id"])

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self._lines.put(line)
        self._lines.put(None)

    def _next(self, timeout: float) -> dict[str, Any]:
        try:
            line = self._lines.get(timeout=timeout)
        except queue.Empty:
            raise AssertionError(f"the console process did not answer\n{self.tail()}") from None
        if line is None:
            raise ProcessGone(self.proc.wait(10))
        found: dict[str, Any] = json.loads(line)
        return found

    def ask(self, op: str, timeout: float = 60, **args: Any) -> dict[str, Any]:
        """Send one command and return its answer; `ProcessGone` when the child died."""
        assert self.proc.stdin is not None
        try:
            self.proc.stdin.write(json.dumps({"op": op, **args}) + "\n")
            self.proc.stdin.flush()
        except BrokenPipeError:
            raise ProcessGone(self.proc.wait(10)) from None
        return self._next(timeout)

    def state(self) -> dict[str, Any]:
        return self.ask("state")

    def wait_dead(self, timeout: float = 30) -> int:
        return self.proc.wait(timeout)

    def stop(self) -> None:
        """End the child: politely when it is alive, else just reap it."""
        if self.proc.poll() is None:
            with contextlib.suppress(ProcessGone, AssertionError, OSError):
                self.ask("quit", timeout=30)  # answers {"bye": true} once all is closed
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self._reader.join(10)
        for stream in (self.proc.stdin, self.proc.stdout):
            if stream is not None:
                with contextlib.suppress(OSError):  # a dead child's stdin cannot flush
                    stream.close()

    def tail(self, lines: int = 40) -> str:
        text = self.log_path.read_text(errors="replace")
        return "--- console log (tail) ---\n" + "\n".join(text.splitlines()[-lines:])


class ProcessGone(Exception):
    """The child ended (its exit code; -9 after SIGKILL)."""

    def __init__(self, returncode: int) -> None:
        super().__init__(f"the console process ended with {returncode}")
        self.returncode = returncode


if __name__ == "__main__":
    main()
