"""The parts of the soak run (bench/soak.py): the event log, the helpers' consoles, the
youths, the staff on the plain API, and the memory sampler."""

from __future__ import annotations

import asyncio
import contextlib
import json
import ssl
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from console.services.chat import ChatService
from console.services.keyrings import MemoryKeyring
from console.services.session import Session
from console.services.store import Store, store_path
from console.services.sync import SyncService
from console.services.transport import Transport
from console.settings import Settings
from server.demo import DEMO_PASSWORD
from tests.support.servers import RunningServer

YOUTH_POLL_HOLD = 25


# ---------------------------------------------------------------------------- the log
class EventLog:
    """The run's sends and deliveries as JSON lines (bench/queue_check.py reads them).

    Also keeps the acknowledged messages not yet shown (and the ones shown before their
    acknowledgement came), so the end of the run knows when everything arrived; both stay
    small: only messages in flight."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._file = path.open("w", encoding="utf-8")
        self._unseen: set[tuple[int, str]] = set()
        self._early: set[tuple[int, str]] = set()

    def _write(self, record: dict[str, Any]) -> None:
        self._file.write(json.dumps(record, ensure_ascii=False) + "\n")
        self._file.flush()

    def sent(self, chat: int, sender: str, txn_id: str, text: str, acked: bool) -> None:
        self._write(
            {"chat": chat, "from": sender, "txn_id": txn_id, "text": text, "acked": acked,
             "t": round(time.time(), 3)}
        )  # fmt: skip
        key = (chat, txn_id)
        if key in self._early:
            self._early.discard(key)
        elif acked:
            self._unseen.add(key)

    def shown(self, chat: int, to: str, seq: int, txn_id: str, text: str) -> None:
        self._write(
            {"chat": chat, "to": to, "seq": seq, "txn_id": txn_id, "text": text,
             "t": round(time.time(), 3)}
        )  # fmt: skip
        key = (chat, txn_id)
        if key in self._unseen:
            self._unseen.discard(key)
        else:
            self._early.add(key)

    def outstanding(self) -> int:
        return len(self._unseen)

    def close(self) -> None:
        self._file.close()


async def until(check: Any, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out after {timeout:.0f} s waiting for {what}")
        await asyncio.sleep(0.05)


# ------------------------------------------------------------------------ the helpers
async def create_helpers(server: RunningServer, count: int) -> list[str]:
    """`count` helper accounts in a new institution, via the admin API (as
    bench/chat_latency.py makes them)."""
    admin = ApiUser(server, ssl.create_default_context(cafile=str(server.ca_file)), "admin")
    try:
        made = await admin.call(
            "POST", "/admin/institutions", json={"code": "soak", "name": "Soak helpers"}
        )
        names = [f"soak.helper{i:03d}" for i in range(count)]
        for name in names:
            await admin.call(
                "POST",
                "/admin/users",
                json={
                    "username": name, "display_name": f"Helper {name[-3:]}",
                    "password": DEMO_PASSWORD, "roles": ["helper"],
                    "institution_id": made["id"],
                },
            )  # fmt: skip
    finally:
        await admin.aclose()
    return names


@dataclass
class Helper:
    username: str
    use_sse: bool
    transport: Transport
    store: Store
    sync: SyncService
    chat: ChatService
    events: EventLog
    #: The chats this helper holds: from `chat.assigned`, or from a reset's snapshot.
    owned: set[int] = field(default_factory=set)
    #: Messages in the outbox, in send order: (chat, txn_id, text).
    sending: list[tuple[int, str, str]] = field(default_factory=list)
    #: The youth's lines of the chats held now that were shown: (chat, txn_id).
    seen: set[tuple[int, str]] = field(default_factory=set)

    def shown(self, chat_id: int, seq: int, txn_id: str, text: str) -> None:
        self.seen.add((chat_id, txn_id))
        self.events.shown(chat_id, "helper", seq, txn_id, text)

    def forget(self, chat_id: int) -> None:
        self.owned.discard(chat_id)
        self.seen = {key for key in self.seen if key[0] != chat_id}

    def send(self, chat_id: int, text: str) -> None:
        self.sending.append((chat_id, self.chat.send(chat_id, text), text))

    def settle(self, final: bool = True) -> None:
        """Log the sends whose outcome is known (all of them when `final`): gone from the
        outbox = stored by the server; failed (or still there at the end) = not."""
        if not self.sending:
            return
        states = {item.txn_id: item.state for item in self.store.outbox(state=None)}
        waiting = []
        for chat_id, txn_id, text in self.sending:
            state = states.get(txn_id)
            if state == "pending" and not final:
                waiting.append((chat_id, txn_id, text))
            else:
                self.events.sent(chat_id, "helper", txn_id, text, acked=state is None)
        self.sending = waiting

    def take_snapshot(self) -> None:
        """After a reset the snapshot shows the chats: what was not shown yet is now."""
        self.owned |= {v.chat_id for v in self.chat.chats() if v.mine}
        for chat_id in self.owned:
            for m in self.chat.messages(chat_id):
                if (
                    m.sender == "youth"
                    and m.seq is not None
                    and (chat_id, m.txn_id) not in self.seen
                ):
                    self.shown(chat_id, m.seq, m.txn_id, m.text)

    async def close(self) -> None:
        await self.sync.stop()
        await self.transport.aclose()
        self.store.close()


async def open_helper(
    server: RunningServer, data_dir: Path, username: str, use_sse: bool, events: EventLog
) -> Helper:
    settings = Settings(server_url=server.url, extra_ca_file=str(server.ca_file), proxy_mode="none")
    transport = Transport(settings)
    keyring = MemoryKeyring()
    try:
        user = await Session(transport, keyring).login(username, DEMO_PASSWORD, remember=False)
    except BaseException:
        await transport.aclose()
        raise
    store = Store(store_path(data_dir, server.url, username), keyring, username)
    sync = SyncService(transport, store, use_sse=use_sse)
    chat = ChatService(store, sync, transport, user.id)
    helper = Helper(username, use_sse, transport, store, sync, chat, events)
    chat.assigned.connect(helper.owned.add)
    sync.reset_applied.connect(helper.take_snapshot)

    def applied(batch: list[dict[str, Any]]) -> None:
        for event in batch:
            data = event.get("data") or {}
            if event.get("kind") == "chat.message" and data.get("from") == "youth":
                helper.shown(
                    int(data["chat_id"]), int(event["seq"]), str(data["txn_id"]), str(data["text"])
                )

    sync.events_applied.connect(applied)
    sync.outbox_changed.connect(lambda: helper.settle(final=False))
    return helper


# ------------------------------------------------------------------------- the youths
def youth_client(server: RunningServer, ctx: ssl.SSLContext, address: str) -> httpx.AsyncClient:
    transport = httpx.AsyncHTTPTransport(
        verify=ctx,
        local_address=address,
        limits=httpx.Limits(max_connections=4, max_keepalive_connections=4, keepalive_expiry=60),
    )
    return httpx.AsyncClient(
        base_url=server.url,
        transport=transport,
        timeout=httpx.Timeout(connect=20.0, read=YOUTH_POLL_HOLD + 20.0, write=20.0, pool=30.0),
    )


class Youth:
    """One young person's chat, over HTTP as the chat page does it (always long-poll)."""

    def __init__(self, client: httpx.AsyncClient, events: EventLog) -> None:
        self.client = client
        self.events = events
        self.chat_id = 0
        self.token = ""
        self.cursor = 0
        self.ended = False
        self._poll: asyncio.Task[None] | None = None

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    async def start(self) -> None:
        for _attempt in range(10):
            answer = await self.client.post("/api/v1/youth/chats", json={"theme": "Gevoel"})
            if answer.status_code == 429:
                await asyncio.sleep(float(answer.headers.get("retry-after", "1")))
                continue
            answer.raise_for_status()
            body = answer.json()
            self.chat_id, self.token = int(body["chat_id"]), str(body["token"])
            return
        raise RuntimeError("could not start a chat (throttled)")

    def follow(self) -> None:
        self._poll = asyncio.create_task(self._follow(), name=f"youth-{self.chat_id}")

    async def _follow(self) -> None:
        path = f"/api/v1/youth/chats/{self.chat_id}/events"
        while not self.ended:
            try:
                answer = await self.client.get(
                    path, params={"since": self.cursor, "timeout": YOUTH_POLL_HOLD},
                    headers=self.auth,
                )  # fmt: skip
            except httpx.HTTPError:
                await asyncio.sleep(0.5)
                continue
            if answer.status_code != 200:
                await asyncio.sleep(0.5)
                continue
            body = answer.json()
            for event in body["events"]:
                if event.get("kind") == "message" and event.get("from") == "helper":
                    self.events.shown(
                        self.chat_id, "youth", int(event["seq"]), str(event["txn_id"]),
                        str(event["text"]),
                    )  # fmt: skip
                elif event.get("kind") == "status" and event.get("status") == "ended":
                    self.ended = True
            self.cursor = int(body["next"])

    async def say(self, text: str) -> None:
        """PUT the line, again with the same txn_id after a throttle or a cut answer."""
        txn_id = uuid.uuid4().hex
        path = f"/api/v1/youth/chats/{self.chat_id}/messages/{txn_id}"
        acked = False
        for _attempt in range(8):
            try:
                answer = await self.client.put(path, json={"text": text}, headers=self.auth)
            except httpx.HTTPError:
                await asyncio.sleep(0.5)
                continue
            if answer.status_code in (200, 201):
                acked = True
                break
            if answer.status_code == 429 or answer.status_code >= 500:
                await asyncio.sleep(float(answer.headers.get("retry-after", "0.5")))
                continue
            break
        self.events.sent(self.chat_id, "youth", txn_id, text, acked)
        if not acked:
            raise RuntimeError(f"the youth's line {text!r} was refused")

    async def end(self) -> None:
        await self.client.post(f"/api/v1/youth/chats/{self.chat_id}/end", headers=self.auth)

    async def close(self) -> None:
        if self._poll is not None:
            self._poll.cancel()
            await asyncio.gather(self._poll, return_exceptions=True)
        await self.client.aclose()


# ----------------------------------------------------------------- screener, coordinator
class ApiUser:
    """A staff member on the plain API (the screener, the coordinator): logs in again
    when the access token ran out."""

    def __init__(self, server: RunningServer, ctx: ssl.SSLContext, username: str) -> None:
        self.username = username
        self.client = httpx.AsyncClient(base_url=server.url + "/api/v1", verify=ctx, timeout=60)
        self.token = ""

    async def login(self) -> None:
        answer = await self.client.post(
            "/session", json={"username": self.username, "password": DEMO_PASSWORD}
        )
        answer.raise_for_status()
        self.token = str(answer.json()["access_token"])

    async def raw(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        for _attempt in range(2):
            if not self.token:
                await self.login()
            answer = await self.client.request(
                method, path, headers={"Authorization": f"Bearer {self.token}"}, **kwargs
            )
            if answer.status_code != 401:
                return answer
            self.token = ""
        return answer

    async def call(self, method: str, path: str, **kwargs: Any) -> Any:
        answer = await self.raw(method, path, **kwargs)
        if answer.status_code >= 400:
            raise RuntimeError(f"{method} {path}: {answer.status_code} {answer.text[:200]}")
        return answer.json()

    async def aclose(self) -> None:
        await self.client.aclose()


# ------------------------------------------------------------------------------ memory
def rss_mb(pid: int | str) -> float:
    """Resident memory of a process in MB (VmRSS from /proc/<pid>/status)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def slope_per_minute(points: list[tuple[float, float]]) -> float:
    """Least-squares slope of (seconds, MB) points, in MB per minute."""
    if len(points) < 2:
        return float("nan")
    n = len(points)
    mean_t = sum(t for t, _ in points) / n
    mean_v = sum(v for _, v in points) / n
    var = sum((t - mean_t) ** 2 for t, _ in points)
    if var == 0:
        return float("nan")
    return 60 * sum((t - mean_t) * (v - mean_v) for t, v in points) / var


class Sampler:
    """The server's and this process's resident memory every `every` seconds."""

    def __init__(self, server_pid: int, every: float = 10.0) -> None:
        self.server_pid = server_pid
        self.every = every
        #: (seconds since start, server MB, bench MB)
        self.samples: list[tuple[float, float, float]] = []

    async def run(self, stop: asyncio.Event) -> None:
        started = time.monotonic()
        while True:
            self.samples.append(
                (time.monotonic() - started, rss_mb(self.server_pid), rss_mb("self"))
            )
            if stop.is_set():
                return
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), self.every)

    def table(self, flat: float) -> str:
        if not self.samples:
            return "memory: no samples"
        middle = self.samples[len(self.samples) // 2]
        half = self.samples[-1][0] / 2
        lines = [
            f"{'memory (RSS, MB)':<28} {'start':>8} {'middle':>8} {'end':>8} "
            f"{'2nd half MB/min':>16}  verdict"
        ]
        for column, name in ((1, "server"), (2, "bench (consoles + youths)")):
            slope = slope_per_minute([(s[0], s[column]) for s in self.samples if s[0] >= half])
            verdict = "flat" if abs(slope) < flat else "GROWING" if slope > 0 else "shrinking"
            lines.append(
                f"{name:<28} {self.samples[0][column]:>8.1f} {middle[column]:>8.1f} "
                f"{self.samples[-1][column]:>8.1f} {slope:>16.2f}  {verdict}"
            )
        lines.append(
            f"({len(self.samples)} samples every {self.every:g} s; flat = the least-squares "
            f"slope over the second half below {flat:g} MB/min)"
        )
        return "\n".join(lines)

    def csv(self) -> str:
        rows = [f"{t:.1f},{server:.1f},{bench:.1f}" for t, server, bench in self.samples]
        return "seconds,server_mb,bench_mb\n" + "\n".join(rows) + "\n"
