"""Chat delivery latency: N youths and N helpers' console services against one server.

    .venv/bin/python bench/chat_latency.py [--n 50 200] [--transports long-poll sse]
        [--messages 10] [--interval 1.0] [--database sqlite|postgresql] [--quick]
        [--profile-server DIR] [--arrive K]

For every transport and N: a fresh server (`python -m server serve`, HTTPS on 127.0.0.1) on
a fresh copy of a database that holds N helper accounts. N helper consoles run in this
process, each with its own Transport, Store, SyncService (long-poll, or SSE) and
ChatService, as the console builds them. Helpers and youths arrive 16 at a time
(`--arrive`): a helper logs in, the console comes online, the helper goes available, and a
youth (HTTP, as the chat page does: youths always long-poll) starts a chat; each chat goes
to exactly one helper (capacity 1). Then every pair exchanges M messages in each direction,
alternating youth and helper, one message per pair per `--interval` s (jittered, random
start), so the youth stays under its rate limit; a youth sends its next line only once the
server answered the last one, so an overloaded server slows the offered load down (the
printed msgs/s is what was achieved). Latency runs from issuing the youth's PUT (or
`ChatService.send`, which goes through the outbox) to the moment the other side first sees
the message: the helper's `SyncService.events_applied`, the youth's long-poll answer. Before
each of their lines a helper types for `TYPING_SECONDS` (2 s): the console opens its
connection at the first keystroke, as the real chat panel makes it do. This one process
plays all 2N clients, so it freezes its objects after set-up and leaves garbage collection
until the measurement ends (its own full collections took 250-500 ms). Lost = sent but not
seen within `--drain` s after the last send; duplicated = seen more than once (the final
transcripts on both sides are checked too).

The server lets one client address start at most 60 chats a minute; the youths therefore
come from 127.0.0.2-127.0.0.9 (distinct loopback source addresses, as distinct clients
would), never from a changed server setting.

`--profile-server DIR` samples the server with py-spy (`--gil`: only the thread that holds
the interpreter, so the shares are CPU, not waiting) while the messages flow, one file of
collapsed stacks per case: where the server's CPU per message goes.

Target (issue): p99 <= 100 ms at N = 200. Prints figures; asserts nothing on time. The
exit code is 1 when messages were lost or duplicated or a send failed, 2 when the run
failed.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import math
import os
import random
import resource
import shutil
import signal
import sqlite3
import ssl
import subprocess
import sys
import tempfile
import time
import traceback
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import queue_check  # noqa: E402
from console.domain.routing import StaffStatus  # noqa: E402
from console.services.chat import ChatService  # noqa: E402
from console.services.keyrings import MemoryKeyring  # noqa: E402
from console.services.session import Session  # noqa: E402
from console.services.store import Store, store_path  # noqa: E402
from console.services.sync import SSE, ConnectionState, SyncService  # noqa: E402
from console.services.transport import Transport  # noqa: E402
from console.settings import Settings  # noqa: E402
from server.demo import DEMO_PASSWORD  # noqa: E402
from tests.support.servers import RunningServer, make_dev_certs, run_cli  # noqa: E402

TRANSPORTS = ("long-poll", "sse")
Y2H = "youth→helper"
H2Y = "helper→youth"
#: Youths' source addresses: the server allows 60 new chats a minute per address.
YOUTH_ADDRESSES = [f"127.0.0.{i}" for i in range(2, 10)]
HELPER_PASSWORD = DEMO_PASSWORD  # a throwaway database
YOUTH_POLL_HOLD = 25


#: How long a helper types a line (the console opens its connection meanwhile).
TYPING_SECONDS = 2.0


def log(text: str) -> None:
    print(f"  .. {text}", file=sys.stderr, flush=True)


# ------------------------------------------------------------------------------ figures
def percentile(sorted_values: list[float], q: float) -> float:
    """Nearest rank: the smallest value with at least q of the values at or below it."""
    if not sorted_values:
        return math.nan
    rank = max(1, math.ceil(q * len(sorted_values)))
    return sorted_values[rank - 1]


@dataclass
class Direction:
    """One direction of one case: when each message went out and when it arrived."""

    sent: dict[str, float] = field(default_factory=dict)
    received: dict[str, float] = field(default_factory=dict)
    seen: Counter[str] = field(default_factory=Counter)
    send_failures: int = 0
    #: Why a youth's PUT was sent again (same txn_id), e.g. {"429": 3, "ReadTimeout": 1}.
    retries: Counter[str] = field(default_factory=Counter)
    #: Send and delivery records for the total-queue checker (bench/queue_check.py).
    journal: list[dict[str, Any]] = field(default_factory=list)

    def delivered(self, chat: int, to: str, seq: Any, txn_id: Any, text: str) -> None:
        self.journal.append({"chat": chat, "to": to, "seq": seq, "txn_id": txn_id, "text": text})

    def send_done(self, chat: int, sender: str, txn_id: str, text: str, acked: bool) -> None:
        self.journal.append(
            {"chat": chat, "from": sender, "txn_id": txn_id, "text": text, "acked": acked}
        )

    def arrive(self, text_id: str, at: float) -> None:
        self.seen[text_id] += 1
        self.received.setdefault(text_id, at)

    def latencies_ms(self) -> list[float]:
        return sorted(
            (self.received[k] - t) * 1000 for k, t in self.sent.items() if k in self.received
        )

    def lost(self) -> int:
        return sum(1 for k in self.sent if k not in self.received)

    def duplicated(self) -> int:
        return sum(count - 1 for count in self.seen.values() if count > 1)


@dataclass
class CaseResult:
    transport: str
    n: int
    directions: dict[str, Direction]
    setup: dict[str, float]
    measure_seconds: float
    bench_cpu: float
    server_cpu: float
    transcript_problems: list[str]
    server_errors: int
    youth_poll_errors: Counter[str]
    helper_rejected: int
    #: How late this process's event loop ran a 50 ms timer (ms), sorted: the bench's own
    #: share of the latencies.
    loop_lag_ms: list[float]
    #: One console's reset snapshot (`GET /sync?since=0`) just before the measurement.
    reset_ms: float
    #: 1-minute load average at the start and end of the measurement.
    load: tuple[float, float]
    #: perf_counter at the start of the measurement, to say when the slow messages went.
    measure_start: float = 0.0


# -------------------------------------------------------------------------- databases
class Databases:
    """A template database with the helper accounts; a fresh copy of it for every case."""

    def __init__(self, kind: str, work: Path) -> None:
        self.kind = kind
        self.work = work
        self._cluster: Any = None
        self.template_url = ""

    def create_template(self) -> str:
        if self.kind == "sqlite":
            self.template_url = f"sqlite:///{self.work / 'template.db'}"
        else:
            from tests.support.pg import PgCluster

            self._cluster = PgCluster()
            self._cluster.start()
            self.template_url = self._cluster.create_database("bench_template")
        run_cli("demo-data", database_url=self.template_url)  # migrates; open all hours
        return self.template_url

    def finish_template(self) -> None:
        """After the setup server stopped: make the template copyable."""
        if self.kind == "sqlite":
            with contextlib.closing(sqlite3.connect(self.work / "template.db")) as conn:
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def fresh_copy(self, name: str) -> str:
        if self.kind == "sqlite":
            target = self.work / f"{name}.db"
            shutil.copyfile(self.work / "template.db", target)
            return f"sqlite:///{target}"
        import psycopg

        with psycopg.connect(self._cluster.conninfo(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "bench_template"')
        return f"postgresql+psycopg://{self._cluster.user}@127.0.0.1:{self._cluster.port}/{name}"

    def close(self) -> None:
        if self._cluster is not None:
            self._cluster.stop()


async def create_helpers(server: RunningServer, count: int) -> list[str]:
    """`count` helper accounts (role helper) in a new institution, via the admin API."""
    ctx = ssl.create_default_context(cafile=str(server.ca_file))
    async with httpx.AsyncClient(base_url=server.url, verify=ctx, timeout=120) as client:
        answer = await client.post(
            "/api/v1/session", json={"username": "admin", "password": DEMO_PASSWORD}
        )
        answer.raise_for_status()
        auth = {"Authorization": f"Bearer {answer.json()['access_token']}"}
        answer = await client.post(
            "/api/v1/admin/institutions",
            json={"code": "bench", "name": "Bench helpers"},
            headers=auth,
        )
        answer.raise_for_status()
        institution_id = answer.json()["id"]
        names = [f"bench.helper{i:03d}" for i in range(count)]
        limit = asyncio.Semaphore(8)

        async def one(name: str) -> None:
            async with limit:
                made = await client.post(
                    "/api/v1/admin/users",
                    json={
                        "username": name,
                        "display_name": f"Helper {name[-3:]}",
                        "password": HELPER_PASSWORD,
                        "roles": ["helper"],
                        "institution_id": institution_id,
                    },
                    headers=auth,
                )
                made.raise_for_status()

        await asyncio.gather(*(one(name) for name in names))
    return names


# ------------------------------------------------------------------------ the helpers
@dataclass
class Helper:
    username: str
    transport: Transport
    session: Session
    store: Store
    sync: SyncService
    chat: ChatService
    #: The chats this helper holds: from `chat.assigned`, or from a reset's snapshot.
    owned: set[int] = field(default_factory=set)
    rejected: int = 0

    def take_snapshot(self) -> None:
        self.owned |= {v.chat_id for v in self.chat.chats() if v.mine}

    async def close(self) -> None:
        await self.sync.stop()
        await self.transport.aclose()
        self.store.close()


async def open_helper(
    server: RunningServer,
    data_dir: Path,
    username: str,
    use_sse: bool,
    received: Direction,
    echoes: Direction | None = None,
) -> Helper:
    settings = Settings(server_url=server.url, extra_ca_file=str(server.ca_file), proxy_mode="none")
    transport = Transport(settings)
    keyring = MemoryKeyring()
    session = Session(transport, keyring)
    try:
        user = await session.login(username, HELPER_PASSWORD, remember=False)
    except BaseException:
        await transport.aclose()
        raise
    store = Store(store_path(data_dir, server.url, username), keyring, username)
    sync = SyncService(transport, store, use_sse=use_sse)
    chat = ChatService(store, sync, transport, user.id)
    helper = Helper(username, transport, session, store, sync, chat)
    chat.assigned.connect(helper.owned.add)
    sync.reset_applied.connect(helper.take_snapshot)

    def applied(events: list[dict[str, Any]]) -> None:
        now = time.perf_counter()
        for event in events:
            if event.get("kind") != "chat.message":
                continue
            data = event["data"]
            text = str(data.get("text", ""))
            chat_id = int(data.get("chat_id", 0))
            if data.get("from") == "youth":
                received.arrive(text, now)
                received.delivered(chat_id, "helper", event.get("seq"), data.get("txn_id"), text)
            elif data.get("from") == "helper" and echoes is not None:
                # The console's own line back from the server: stored, so acknowledged.
                echoes.send_done(chat_id, "helper", str(data.get("txn_id")), text, True)

    def refused(_item: object, _error: object) -> None:
        helper.rejected += 1

    sync.events_applied.connect(applied)
    sync.rejected.connect(refused)
    return helper


# ------------------------------------------------------------------------- the youths
@dataclass
class Youth:
    client: httpx.AsyncClient
    chat_id: int = 0
    token: str = ""
    cursor: int = 0
    polled: asyncio.Event = field(default_factory=asyncio.Event)
    poll_errors: Counter[str] = field(default_factory=Counter)
    #: (seq, text) of every helper message seen, for the transcript check.
    heard: list[tuple[int, str]] = field(default_factory=list)

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    async def start(self) -> None:
        for _attempt in range(5):
            answer = await self.client.post("/api/v1/youth/chats", json={"theme": "Gevoel"})
            if answer.status_code == 429:
                await asyncio.sleep(float(answer.headers.get("retry-after", "1")))
                continue
            answer.raise_for_status()
            body = answer.json()
            self.chat_id, self.token = int(body["chat_id"]), str(body["token"])
            return
        raise RuntimeError("could not start a chat (throttled)")

    async def poll_forever(self, received: Direction) -> None:
        path = f"/api/v1/youth/chats/{self.chat_id}/events"
        while True:
            try:
                answer = await self.client.get(
                    path,
                    params={"since": self.cursor, "timeout": YOUTH_POLL_HOLD},
                    headers=self.auth,
                )
            except httpx.HTTPError as exc:
                self.poll_errors[type(exc).__name__] += 1
                await asyncio.sleep(0.5)
                continue
            now = time.perf_counter()
            if answer.status_code != 200:
                self.poll_errors[str(answer.status_code)] += 1
                await asyncio.sleep(0.5)
                continue
            body = answer.json()
            for event in body["events"]:
                if event.get("kind") == "message" and event.get("from") == "helper":
                    self.heard.append((int(event["seq"]), str(event["text"])))
                    received.arrive(str(event["text"]), now)
                    received.delivered(
                        self.chat_id, "youth", event["seq"], event.get("txn_id"), event["text"]
                    )
            self.cursor = int(body["next"])
            self.polled.set()

    async def say(self, text: str, direction: Direction) -> None:
        txn_id = uuid.uuid4().hex
        path = f"/api/v1/youth/chats/{self.chat_id}/messages/{txn_id}"
        direction.sent[text] = time.perf_counter()
        for _attempt in range(6):
            try:
                answer = await self.client.put(path, json={"text": text}, headers=self.auth)
            except httpx.HTTPError as exc:
                direction.retries[type(exc).__name__] += 1
                await asyncio.sleep(0.5)
                continue  # the same txn_id again: the server keeps it once
            if answer.status_code in (200, 201):
                direction.send_done(self.chat_id, "youth", txn_id, text, True)
                return
            if answer.status_code == 429 or answer.status_code >= 500:
                direction.retries[str(answer.status_code)] += 1
                await asyncio.sleep(float(answer.headers.get("retry-after", "0.5")))
                continue
            direction.retries[str(answer.status_code)] += 1
            break
        direction.send_failures += 1
        direction.send_done(self.chat_id, "youth", txn_id, text, False)
        del direction.sent[text]


def youth_client(server: RunningServer, ctx: ssl.SSLContext, address: str) -> httpx.AsyncClient:
    transport = httpx.AsyncHTTPTransport(
        verify=ctx,
        local_address=address,
        # A browser keeps its connection a minute or more between a youth's lines (httpx's
        # default of 5 s would add a TLS handshake to almost every line).
        limits=httpx.Limits(max_connections=4, max_keepalive_connections=4, keepalive_expiry=60),
    )
    return httpx.AsyncClient(
        base_url=server.url,
        transport=transport,
        timeout=httpx.Timeout(connect=20.0, read=YOUTH_POLL_HOLD + 20.0, write=20.0, pool=30.0),
    )


# ------------------------------------------------------------------------- the case
def process_cpu(pid: int) -> float:
    """CPU seconds (user + system) a process and its children (the server's workers when
    `HULPMIX_WORKERS` > 1) have used so far (Linux /proc)."""
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # ended meanwhile
        if stat.parent.name == str(pid) or fields[1] == str(pid):
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


async def until(check: Any, timeout: float, what: str, explain: Any = None) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            detail = f": {explain()}" if explain is not None else ""
            raise TimeoutError(f"timed out after {timeout:.0f} s waiting for {what}{detail}")
        await asyncio.sleep(0.05)


def console_states(helpers: list[Helper]) -> str:
    states = Counter(
        f"{h.sync.state.value}/{h.sync.transport_name}"
        + (
            f" ({type(h.sync.last_error).__name__}: {h.sync.last_error})"
            if h.sync.last_error
            else ""
        )
        for h in helpers
    )
    return "; ".join(f"{count} x {state}" for state, count in states.most_common(8))


async def time_reset(helper: Helper) -> float:
    """Median ms of `GET /sync?since=0` (the reset snapshot a console gets when it
    (re)connects without a cursor), with everybody available and chatting."""
    times = []
    for _ in range(3):
        before = time.perf_counter()
        await helper.transport.call("GET", "/sync", params={"since": 0, "timeout": 0})
        times.append((time.perf_counter() - before) * 1000)
    return sorted(times)[1]


async def watch_loop(lags: list[float]) -> None:
    """Append how late this process's event loop runs a 50 ms timer (ms), until cancelled."""
    while True:
        before = time.perf_counter()
        await asyncio.sleep(0.05)
        lags.append((time.perf_counter() - before - 0.05) * 1000)


async def bounded(limit: int, jobs: list[Any]) -> list[Any]:
    gate = asyncio.Semaphore(limit)

    async def one(job: Any) -> Any:
        async with gate:
            return await job

    return await asyncio.gather(*(one(job) for job in jobs))


def start_profiler(pid: int, out: Path, tag: str) -> subprocess.Popen[bytes] | None:
    """Sample the server with py-spy while messages flow (not during set-up), as collapsed
    stacks in `out/<case>.txt`: where the server's time per message goes."""
    spy = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    if not Path(spy).exists():
        log("py-spy not found: no profile")
        return None
    out.mkdir(parents=True, exist_ok=True)
    target = out / f"{tag}.txt"
    log(f"profiling the server into {target}")
    command = [spy, "record", "--pid", str(pid), "--rate", "100", "--nonblocking", "--gil"]
    command += ["--format", "raw", "--output", str(target)]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def stop_profiler(spy: subprocess.Popen[bytes]) -> None:
    spy.send_signal(signal.SIGINT)
    try:
        spy.wait(timeout=30)
    except subprocess.TimeoutExpired:
        spy.kill()


async def run_case(
    databases: Databases,
    certs: Path,
    usernames: list[str],
    transport_name: str,
    n: int,
    messages: int,
    interval: float,
    drain: float,
    work: Path,
    keep: bool,
    profile_dir: Path | None = None,
    arrive_at_once: int = 16,
) -> CaseResult:
    tag = f"{transport_name.replace('-', '')}_{n}_{uuid.uuid4().hex[:6]}"
    case_dir = work / tag
    case_dir.mkdir()
    setup: dict[str, float] = {}
    directions = {Y2H: Direction(), H2Y: Direction()}
    use_sse = transport_name == "sse"

    started = time.perf_counter()
    url = await asyncio.to_thread(databases.fresh_copy, tag)
    server = RunningServer(url, certs)
    await asyncio.to_thread(server.start)
    setup["server start"] = time.perf_counter() - started
    assert server._proc is not None
    server_pid = server._proc.pid
    log(f"{transport_name} N={n}: server up ({server.url}, log {server.log_path})")

    helpers: list[Helper] = []
    youths: list[Youth] = []
    poll_tasks: list[asyncio.Task[None]] = []
    # This process's event-loop lag while the clients arrive: a set-up that times out may
    # be this process falling behind rather than the server.
    setup_lags: list[float] = []
    setup_watcher = asyncio.create_task(watch_loop(setup_lags))
    try:
        # Consoles and youths arrive 16 at a time, each as in real life: the helper logs
        # in, the console comes online (and on SSE), the helper goes available, and a
        # youth starts a chat. (At N = 200, starting all N consoles' sync at the same
        # moment did not come online within 3 minutes: see `time_reset`.)
        started = time.perf_counter()
        ctx = ssl.create_default_context(cafile=str(server.ca_file))

        def online(h: Helper) -> bool:
            return h.sync.state is ConnectionState.ONLINE and (
                not use_sse or h.sync.transport_name == SSE
            )

        async def arrive(i: int) -> None:
            helper = await open_helper(
                server, case_dir, usernames[i], use_sse, directions[Y2H], directions[H2Y]
            )
            helpers.append(helper)
            helper.sync.start()
            await until(lambda: online(helper), 120, f"{helper.username} online ({transport_name})")
            await helper.chat.set_status(StaffStatus.AVAILABLE)
            address = YOUTH_ADDRESSES[i % len(YOUTH_ADDRESSES)]
            youth = Youth(youth_client(server, ctx, address))
            youths.append(youth)
            await youth.start()
            poll_tasks.append(
                asyncio.create_task(
                    youth.poll_forever(directions[H2Y]), name=f"youth-{youth.chat_id}"
                )
            )

        await bounded(arrive_at_once, [arrive(i) for i in range(n)])
        setup["helpers log in, online, available; youths start chats"] = (
            time.perf_counter() - started
        )
        started = time.perf_counter()
        chat_ids = {y.chat_id for y in youths}

        def all_assigned() -> bool:
            return chat_ids <= {c for h in helpers for c in h.owned}

        def unassigned() -> str:
            owned = {c for h in helpers for c in h.owned}
            return f"{len(chat_ids - owned)} not yet seen by a console; {console_states(helpers)}"

        await until(all_assigned, 180, f"{n} chats assigned", unassigned)
        await until(lambda: all(y.polled.is_set() for y in youths), 60, "youths polling")
        await until(
            lambda: all(online(h) for h in helpers),
            60,
            f"{n} consoles online",
            lambda: console_states(helpers),
        )
        owner: dict[int, Helper] = {}
        for h in helpers:
            for chat_id in h.owned:
                if chat_id in owner:
                    raise RuntimeError(f"chat {chat_id} assigned twice")
                owner[chat_id] = h
        if sorted(len(h.owned) for h in helpers) != [1] * n:
            raise RuntimeError("not exactly one chat per helper")
        setup["all assigned"] = time.perf_counter() - started
        setup_watcher.cancel()
        reset_ms = await time_reset(helpers[0])
        await asyncio.sleep(1.0)  # let the assignment's events settle everywhere
        log(f"{transport_name} N={n}: {n} pairs ready; exchanging {messages} messages each way")
        spy = start_profiler(server_pid, profile_dir, tag) if profile_dir else None

        async def converse(youth: Youth) -> None:
            helper = owner[youth.chat_id]
            await asyncio.sleep(random.uniform(0, interval))
            for k in range(messages):
                await youth.say(f"y:{youth.chat_id}:{k}", directions[Y2H])
                # The helper types the answer for a while; the console warms its connection
                # at the first keystroke (ChatPanel.typing_started -> ChatService.warm).
                pause = interval * random.uniform(0.8, 1.2)
                typing = min(TYPING_SECONDS, pause / 2)
                await asyncio.sleep(pause - typing)
                warming = asyncio.create_task(helper.chat.warm())
                await asyncio.sleep(typing)
                await warming
                text = f"h:{youth.chat_id}:{k}"
                directions[H2Y].sent[text] = time.perf_counter()
                helper.chat.send(youth.chat_id, text)
                await asyncio.sleep(interval * random.uniform(0.8, 1.2))

        lags: list[float] = []
        # This one process plays 200 consoles and 200 browsers; a real console serves one
        # helper. Its full garbage collections over all of them (250-500 ms at N = 200)
        # would be counted as delivery latency, so they wait until the measurement ends.
        gc.collect()
        gc.freeze()
        gc.disable()
        load_before = os.getloadavg()[0]
        cpu_bench, cpu_server = time.process_time(), process_cpu(server_pid)
        measure_start = time.perf_counter()
        watcher = asyncio.create_task(watch_loop(lags))
        await asyncio.gather(*(converse(y) for y in youths))

        def all_arrived() -> bool:
            return all(len(d.received) >= len(d.sent) for d in directions.values())

        with contextlib.suppress(TimeoutError):
            await until(all_arrived, drain, "every message to arrive")
        await asyncio.sleep(0.5)  # a late duplicate still counts
        measure_seconds = time.perf_counter() - measure_start
        cpu_bench = time.process_time() - cpu_bench
        cpu_server = process_cpu(server_pid) - cpu_server
        gc.enable()
        gc.unfreeze()
        watcher.cancel()
        if spy is not None:
            stop_profiler(spy)
        load_after = os.getloadavg()[0]

        problems = check_transcripts(youths, owner, messages)
        result = CaseResult(
            transport=transport_name,
            n=n,
            directions=directions,
            setup=setup,
            measure_seconds=measure_seconds,
            bench_cpu=cpu_bench,
            server_cpu=cpu_server,
            transcript_problems=problems,
            server_errors=0,
            youth_poll_errors=sum((y.poll_errors for y in youths), Counter[str]()),
            helper_rejected=sum(h.rejected for h in helpers),
            loop_lag_ms=sorted(lags),
            reset_ms=reset_ms,
            load=(load_before, load_after),
            measure_start=measure_start,
        )
    finally:
        setup_watcher.cancel()
        if setup_lags:
            log(
                f"{transport_name} N={n}: bench event-loop lag during set-up: "
                f"p99 {percentile(sorted(setup_lags), 0.99):.0f} ms, max {max(setup_lags):.0f} ms"
            )
        for task in poll_tasks:
            task.cancel()
        await asyncio.gather(*poll_tasks, return_exceptions=True)
        await asyncio.gather(*(y.client.aclose() for y in youths), return_exceptions=True)
        await asyncio.gather(*(h.close() for h in helpers), return_exceptions=True)
        await asyncio.to_thread(server.stop)
        log(f"{transport_name} N={n}: server stopped")
    result.server_errors = count_server_errors(server.log_path)
    if not keep:
        server.log_path.unlink(missing_ok=True)
    return result


def check_transcripts(youths: list[Youth], owner: dict[int, Helper], messages: int) -> list[str]:
    """Both sides' final transcripts: every line exactly once, in the order sent."""
    problems: list[str] = []
    for youth in youths:
        helper = owner[youth.chat_id]
        lines = [
            m.text
            for m in helper.chat.messages(youth.chat_id)
            if m.seq is not None and m.sender == "youth"
        ]
        expected = [f"y:{youth.chat_id}:{k}" for k in range(messages)]
        if lines != expected:
            problems.append(f"helper's transcript of chat {youth.chat_id}: {lines}")
        heard = [text for _seq, text in sorted(set(youth.heard))]
        if len(set(youth.heard)) != len(youth.heard):
            problems.append(f"youth of chat {youth.chat_id} got a seq twice")
        expected = [f"h:{youth.chat_id}:{k}" for k in range(messages)]
        if heard != expected:
            problems.append(f"youth's transcript of chat {youth.chat_id}: {heard}")
    return problems


def count_server_errors(server_log: Path) -> int:
    text = server_log.read_text(errors="replace")
    return text.count(" ERROR ") + text.count("Traceback")


# --------------------------------------------------------------------------- output
def print_results(results: list[CaseResult], account_setup: float, args: Any) -> None:
    print()
    print(
        f"machine: {os.cpu_count()} CPUs, python {sys.version.split()[0]}, "
        f"database {args.database}; M = {args.messages} messages each way per pair, "
        f"one message per pair every ~{args.interval:g} s"
    )
    print(
        "youths long-poll from 127.0.0.2-127.0.0.9 (new-chat limit is per address); "
        "'transport' is the helper consoles'"
    )
    print(f"setup, once: {account_setup:.1f} s for the template database with helper accounts")
    print()
    header = (
        f"{'transport':<10} {'N':>4}  {'direction':<13} {'msgs':>6} {'p50 ms':>8} "
        f"{'p99 ms':>8} {'max ms':>8} {'lost':>5} {'dup':>4}"
    )
    print(header)
    print("-" * len(header))
    for r in results:
        for name, d in r.directions.items():
            lat = d.latencies_ms()
            print(
                f"{r.transport:<10} {r.n:>4}  {name:<13} {len(d.sent):>6} "
                f"{percentile(lat, 0.5):>8.1f} {percentile(lat, 0.99):>8.1f} "
                f"{(lat[-1] if lat else math.nan):>8.1f} {d.lost():>5} {d.duplicated():>4}"
            )
    print()
    for r in results:
        steps = ", ".join(f"{k} {v:.1f} s" for k, v in r.setup.items())
        rate = sum(len(d.sent) for d in r.directions.values()) / max(r.measure_seconds, 1e-9)
        print(f"{r.transport} N={r.n}: setup: {steps}")
        print(
            f"    measured {r.measure_seconds:.1f} s (~{rate:.0f} msgs/s); CPU in that time: "
            f"server {100 * r.server_cpu / r.measure_seconds:.0f}% of a core, "
            f"bench (helpers + youths) {100 * r.bench_cpu / r.measure_seconds:.0f}%; "
            f"load average {r.load[0]:.1f} -> {r.load[1]:.1f}"
        )
        lag = r.loop_lag_ms
        print(
            f"    bench event-loop lag: p50 {percentile(lag, 0.5):.1f} ms, "
            f"p99 {percentile(lag, 0.99):.1f} ms, max {(lag[-1] if lag else math.nan):.1f} ms; "
            f"a console's reset snapshot (GET /sync?since=0) took {r.reset_ms:.0f} ms"
        )
        retries = sum((d.retries for d in r.directions.values()), Counter[str]())
        extra = {
            "youth PUTs sent again": ", ".join(f"{k} x{v}" for k, v in retries.items()),
            "send failures": sum(d.send_failures for d in r.directions.values()),
            "outbox rejections": r.helper_rejected,
            "youth polls failed": ", ".join(f"{k} x{v}" for k, v in r.youth_poll_errors.items()),
            "server log errors": r.server_errors,
            "transcript problems": len(r.transcript_problems),
        }
        shown = ", ".join(f"{k} {v}" for k, v in extra.items() if v)
        if shown:
            print(f"    {shown}")
        for problem in r.transcript_problems[:5]:
            print(f"    ! {problem}")
        print(f"    {queue_check.totals_line(queue_report(r))}")
        print(f"    {slow_line(r)}")
    print()
    print("target: p99 <= 100 ms at N = 200")


def slow_line(r: CaseResult, limit_ms: float = 100.0) -> str:
    """When the messages slower than the target were sent, in seconds from the start of
    the measurement: clustered in a few moments means pauses, spread out means load."""
    slow: list[tuple[float, float]] = []
    for d in r.directions.values():
        for text, sent in d.sent.items():
            arrived = d.received.get(text)
            if arrived is not None and (arrived - sent) * 1000 > limit_ms:
                slow.append((sent - r.measure_start, (arrived - sent) * 1000))
    if not slow:
        return f"no message slower than {limit_ms:.0f} ms"
    seconds = Counter(int(at) for at, _ in slow)
    busiest = ", ".join(f"+{s}s x{c}" for s, c in sorted(seconds.most_common(8)))
    return (
        f"{len(slow)} messages slower than {limit_ms:.0f} ms, sent in {len(seconds)} "
        f"distinct seconds; the busiest: {busiest}"
    )


def queue_report(r: CaseResult) -> queue_check.Report:
    """The total-queue check over both directions' send and delivery records."""
    return queue_check.check(record for d in r.directions.values() for record in d.journal)


def failed(results: list[CaseResult]) -> bool:
    return any(
        d.lost() or d.duplicated() or d.send_failures
        for r in results
        for d in r.directions.values()
    ) or any(r.transcript_problems or r.helper_rejected or not queue_report(r).ok for r in results)


# ----------------------------------------------------------------------------- main
def raise_fd_limit() -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = 65536 if hard == resource.RLIM_INFINITY else min(hard, 65536)
    if soft < wanted:
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))


async def main_async(args: Any) -> tuple[list[CaseResult], list[str]]:
    work = Path(tempfile.mkdtemp(prefix="hulpmix-bench-"))
    databases = Databases(args.database, work)
    results: list[CaseResult] = []
    broken: list[str] = []
    try:
        certs = await asyncio.to_thread(make_dev_certs, work / "certs")
        started = time.perf_counter()
        template = await asyncio.to_thread(databases.create_template)
        setup_server = RunningServer(template, certs)
        await asyncio.to_thread(setup_server.start)
        try:
            usernames = await create_helpers(setup_server, max(args.n))
        finally:
            await asyncio.to_thread(setup_server.stop)
        await asyncio.to_thread(databases.finish_template)
        account_setup = time.perf_counter() - started
        log(f"template database with {len(usernames)} helpers in {account_setup:.1f} s")
        for n in args.n:
            for transport_name in args.transports:
                try:
                    result = await run_case(
                        databases,
                        certs,
                        usernames,
                        transport_name,
                        n,
                        args.messages,
                        args.interval,
                        args.drain,
                        work,
                        args.keep,
                        args.profile_server,
                        args.arrive,
                    )
                except Exception as exc:  # the other cases still run and print
                    traceback.print_exc()
                    broken.append(f"{transport_name} N={n}: {type(exc).__name__}: {exc}")
                    continue
                results.append(result)
        print_results(results, account_setup, args)
        for line in broken:
            print(f"FAILED {line}")
    finally:
        databases.close()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            log(f"kept {work}")
    return results, broken


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, nargs="+", default=[50, 200])
    parser.add_argument("--transports", nargs="+", choices=TRANSPORTS, default=list(TRANSPORTS))
    parser.add_argument("--messages", type=int, default=10, help="M per direction per pair")
    parser.add_argument("--interval", type=float, default=1.0, help="s between a pair's lines")
    parser.add_argument("--drain", type=float, default=30.0, help="s to wait for stragglers")
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--quick", action="store_true", help="smoke run: N=10, M=3")
    parser.add_argument(
        "--profile-server",
        type=Path,
        default=None,
        metavar="DIR",
        help="sample the server with py-spy while messages flow (collapsed stacks per case)",
    )
    parser.add_argument(
        "--arrive", type=int, default=16, help="helpers and youths arriving at once in set-up"
    )
    parser.add_argument("--keep", action="store_true", help="keep the work directory")
    args = parser.parse_args()
    if args.quick:
        args.n, args.messages = [10], 3
    raise_fd_limit()  # before the servers start: they inherit it
    try:
        results, broken = asyncio.run(main_async(args))
    except Exception:
        traceback.print_exc()
        sys.exit(2)
    sys.exit(2 if broken else 1 if failed(results) else 0)


if __name__ == "__main__":
    main()
