"""The console's own figures: start-up, event-loop pauses under a big sync, and memory.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/console_figures.py
        [--runs 7] [--messages 500] [--backlog 10000] [--posts 5000]
        [--figures startup pause memory] [--transports long-poll sse]

1. Start-up: time from process start to a shown login window of the real console
   (`python -m console --startup-probe`) against a bare PySide6 window, median of
   `--runs` interleaved runs each (bench/startup.py's method), offscreen; the ratio.
2. Longest pause of the Qt event loop while a sync of `--backlog` events arrives. A real
   server (`python -m server serve`, HTTPS on 127.0.0.1, a SQLite file) holds 5,000 pending
   forum posts and four running chats of `--messages` messages each: two assigned to
   the supervisor `bascule.helper1` (the site allows two chats a person) and one to each
   of the institution's trainees, which the supervisor watches. The real console
   (`ConsoleApp`: Transport, Session, Store, SyncService, ChatService, ScreeningService,
   the other services, the main window and its pages, Dutch) logs in as the supervisor
   and shows everything. Then its SyncService stops (a lost network), `--backlog` chat
   messages are written into those four chats the way the server writes them
   (`server.chat.core.post_message`: `append_event` and the `chat_messages` row, 250 to a
   transaction), and the SyncService starts again. A QTimer ticking every 5 ms in the
   console's process records the gaps between its ticks from the restart until the
   store's cursor has passed the last event and every transcript model holds every
   message. Run per transport: `long-poll` (the network is remembered as buffering SSE)
   and `sse` (the console's default: long-poll first, SSE probed at once and taking over).
3. Memory: VmRSS (from /proc/self/status) of a fresh console process logged in as the
   same supervisor with the four chats of `--messages` messages open (each tab shown and
   painted) and the 5,000 posts in the screening queue (shown and painted).

Each figure in its own process (`--child`), each case on a fresh copy of the database
and its own server. Targets (issue 7): the pause under 50 ms, the memory under 250 MB;
(issue 2) the start-up ratio at most 2.5. Prints each figure with its target and
"met"/"NOT met" and the load average before and after; asserts nothing on time. Exit
code 2 when a run failed.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import itertools
import json
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.screening import SENTENCES, seed  # noqa: E402
from tests.support.servers import RunningServer, make_dev_certs, run_cli  # noqa: E402

PAUSE_TARGET_MS = 50.0
RSS_TARGET_MB = 250.0
RATIO_TARGET = 2.5
TICK_MS = 5
SUPERVISOR = "bascule.helper1"
TRAINEES = ("bascule.trainee1", "bascule.trainee2")
#: Nobody is swept away while the bench sets up and measures (seconds).
SERVER_ENV = {
    "HULPMIX_PRESENCE_TIMEOUT": "3600",
    "HULPMIX_CHAT_GRACE": "3600",
    "HULPMIX_RESUME_WINDOW": "3600",
}
CHILD_MARK = "console-figures: "


def note(text: str) -> None:
    print(f"  .. {text}", file=sys.stderr, flush=True)


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


def verdict(met: bool) -> str:
    return "met" if met else "NOT met"


def memory_mb() -> dict[str, float]:
    """VmRSS and VmHWM (peak) of this process, in MB (MiB)."""
    found: dict[str, float] = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            found[key] = int(value.split()[0]) / 1024
    return found


# ------------------------------------------------------------------------ 1. start-up
def startup_figure(runs: int) -> dict[str, Any]:
    from bench.startup import BARE, timed

    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            "HULPMIX_CONFIG_DIR": tmp,
            "HULPMIX_DATA_DIR": tmp,
            "HULPMIX_POLICY_FILE": str(Path(tmp) / "no-policy.json"),
        }
        bare_cmd = [sys.executable, "-c", BARE]
        console_cmd = [sys.executable, "-m", "console", "--startup-probe"]
        timed(bare_cmd, env)  # warm the file cache for both, once
        timed(console_cmd, env)
        bare: list[float] = []
        console: list[float] = []
        for _ in range(runs):  # interleaved, so drift hits both alike
            bare.append(timed(bare_cmd, env))
            console.append(timed(console_cmd, env))
    return {"bare": bare, "console": console}


# -------------------------------------------------------------------------- the world
def build_template(work: Path, posts: int) -> Path:
    """Demo accounts (all hours open), `posts` pending posts, two chats a person."""
    from server.chat import config
    from server.db.database import Database

    path = work / "template.db"
    url = f"sqlite:///{path}"
    run_cli("demo-data", database_url=url)
    seed(url, posts)
    db = Database(url)
    with db.write() as conn:
        config.put(conn, config.CAPACITY, 2)
    db.engine.dispose()
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def open_chats(server: RunningServer) -> list[tuple[int, int]]:
    """Four running chats: one for each trainee the supervisor watches, two for the
    supervisor.

    Returns (chat id, id of the staff member it is assigned to) per chat.
    """
    from tests.support.chat import StaffMember, Youth, query, until

    def assigned_to(user_id: int) -> list[int]:
        rows = query(server, "SELECT id FROM chats WHERE helper_id = :u ORDER BY id", u=user_id)
        return [int(r["id"]) for r in rows]

    found: list[tuple[int, int]] = []
    with server.client() as client:
        supervisor = StaffMember(client, SUPERVISOR)
        supervisor.keep_alive()  # present: a /sync call, as a console makes
        supervisor.available()  # trainees who need backup get chats only meanwhile
        # One at a time, so routing has one choice: trainees first (they go before
        # helpers), then the supervisor's own two.
        people = [(StaffMember(client, name), 1) for name in TRAINEES] + [(supervisor, 2)]
        for person, count in people:
            person.keep_alive()
            person.available()
            for n in range(count):
                Youth(client).start(nickname=f"Jongere {len(found) + n + 1}", age=15)
            until(
                lambda p=person, c=count: len(assigned_to(p.id)) == c,
                what="assignment",
                alive=[person, supervisor],
            )
            person.set_status("pause")
            found += [(chat_id, person.id) for chat_id in assigned_to(person.id)]
    return found


def write_messages(
    database_url: str, chats: list[tuple[int, int]], per_chat: int, tag: str
) -> tuple[int, float]:
    """`per_chat` messages into every chat, round robin, youth and helper taking turns,
    as the server writes them; returns the last seq and the seconds it took."""
    from server.chat.core import post_message
    from server.db.database import Database

    started = time.perf_counter()
    rng = random.Random(7)
    db = Database(database_url)
    last = 0
    plan = [(chat, n) for n in range(per_chat) for chat in chats]
    for start in range(0, len(plan), 250):
        with db.write() as conn:
            for (chat_id, helper_id), n in plan[start : start + 250]:
                youth = n % 2 == 0
                text = " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(1, 3)))
                result = post_message(
                    conn,
                    chat_id,
                    "youth" if youth else "helper",
                    None if youth else helper_id,
                    f"{tag}-{chat_id}-{n}",
                    text,
                    datetime_now(),
                )
                last = max(last, int(result.message["seq"]))
    db.engine.dispose()
    return last, time.perf_counter() - started


def datetime_now() -> Any:
    from datetime import UTC, datetime

    return datetime.now(UTC)


class Case:
    """A fresh copy of the template, its own server, the four chats with their messages."""

    def __init__(self, work: Path, template: Path, certs: Path, name: str, messages: int):
        self.work = work
        path = work / f"{name}.db"
        shutil.copyfile(template, path)
        self.database_url = f"sqlite:///{path}"
        self.server = RunningServer(self.database_url, certs, env=SERVER_ENV)
        self.messages = messages
        self.chats: list[tuple[int, int]] = []

    def __enter__(self) -> Case:
        self.server.start()
        try:
            self.chats = open_chats(self.server)
            _last, took = write_messages(self.database_url, self.chats, self.messages, "first")
            note(f"4 chats, {self.messages} messages each, written in {took:.1f} s")
        except BaseException:
            print(self.server.tail(), file=sys.stderr)
            self.server.stop()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.stop()

    def child(self, figure: str, **params: Any) -> dict[str, Any]:
        """Run one figure in a fresh console process; returns its figures."""
        config = {
            "figure": figure,
            "url": self.server.url,
            "ca_file": str(self.server.ca_file),
            "database_url": self.database_url,
            "chats": self.chats,
            "messages": self.messages,
            "store_dir": str(Path(tempfile.mkdtemp(prefix="store-", dir=self.work))),
            **params,
        }
        proc = subprocess.run(
            [sys.executable, str(Path(__file__).resolve()), "--child", json.dumps(config)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
            timeout=900,
            check=False,
        )
        for line in proc.stdout.splitlines():
            if line.startswith(CHILD_MARK):
                result: dict[str, Any] = json.loads(line[len(CHILD_MARK) :])
                return result
        print(proc.stdout, file=sys.stderr)
        print(self.server.tail(), file=sys.stderr)
        raise RuntimeError(f"the {figure} child failed (exit code {proc.returncode})")


# ------------------------------------------------------------------ the console (child)
async def logged_in_console(config: dict[str, Any], posts: int) -> Any:
    """A ConsoleApp logged in as the supervisor, every page shown and filled."""
    from console.app import ConsoleApp
    from console.domain.roles import Area
    from console.services.keyrings import MemoryKeyring
    from console.settings import Policy, SettingsStore
    from server.demo import DEMO_PASSWORD

    store_dir = Path(config["store_dir"])
    values = {"proxy_mode": "none", "extra_ca_file": config["ca_file"]}
    settings = SettingsStore(store_dir / "settings.json", Policy(values, frozenset()))
    app = ConsoleApp(settings, keyring=MemoryKeyring(), store_dir=store_dir)
    await app.login(config["url"], SUPERVISOR, DEMO_PASSWORD, False)
    window = app.window
    if window is None or app.chat is None or app.screening is None:
        raise RuntimeError("the console did not open the chat and screening areas")
    window.resize(1280, 800)
    window.show_area(Area.SCREENING)
    chat_ids = [int(chat_id) for chat_id, _helper in config["chats"]]
    expected = int(config["messages"])

    def ready() -> bool:
        panels = app.chat.page.panels
        return app.screening.page.model.rowCount() >= posts and all(
            c in panels and panels[c].model.rowCount() >= expected for c in chat_ids
        )

    await until(ready, 300.0, "the console shows the chats and the queue")
    window.repaint()
    await asyncio.sleep(0.1)  # the loop runs Qt's events (never processEvents in a task)
    window.show_area(Area.CHAT)
    for chat_id in chat_ids:  # every tab shown and painted once, as a person would look
        app.chat.page.focus_chat(chat_id)
        app.chat.page.panels[chat_id].repaint()
        await asyncio.sleep(0.1)
    await asyncio.sleep(0.5)
    return app


async def until(condition: Any, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out waiting for {what}")
        await asyncio.sleep(0.02)


async def memory_child(config: dict[str, Any]) -> dict[str, Any]:
    before = memory_mb()
    app = await logged_in_console(config, int(config["posts"]))
    gc.collect()
    await asyncio.sleep(1.0)
    after = memory_mb()
    rows = {
        "queue": app.screening.page.model.rowCount(),
        "chats": [p.model.rowCount() for p in app.chat.page.panels.values()],
    }
    await app.shutdown()
    return {"before_login": before, "shown": after, "rows": rows}


async def pause_child(config: dict[str, Any]) -> dict[str, Any]:
    from PySide6.QtCore import Qt, QTimer

    from console.services.sync import LONG_POLL

    app = await logged_in_console(config, int(config["posts"]))
    sync, store, page = app.sync, app.store, app.chat.page
    if config["transport"] == LONG_POLL:
        # This network was seen buffering SSE: the console stays on long-poll.
        app.settings.update(transports={sync.network: f"{LONG_POLL}:{time.time():.0f}"})
    chat_ids = [int(c) for c, _helper in config["chats"]]
    await sync.stop()  # the network is gone; the backlog piles up on the server
    rows_before = {c: page.panels[c].model.rowCount() for c in chat_ids}
    per_chat = int(config["backlog"]) // len(chat_ids)
    last, took = write_messages(config["database_url"], config["chats"], per_chat, "backlog")

    batches: list[int] = []
    sync.events_applied.connect(lambda events: batches.append(len(events)))
    ticks: list[tuple[float, float]] = []  # (wall clock, this thread's CPU time)
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(TICK_MS)
    timer.timeout.connect(lambda: ticks.append((time.perf_counter(), time.thread_time())))

    def done() -> bool:
        return store.cursor >= last and all(
            page.panels[c].model.rowCount() >= rows_before[c] + per_chat for c in chat_ids
        )

    timer.start()
    ticks.append((time.perf_counter(), time.thread_time()))
    started = time.perf_counter()
    sync.start()  # the network is back
    await until(done, 600.0, "the backlog")
    finished = time.perf_counter()
    await asyncio.sleep(0.5)  # whatever the last batch set off
    timer.stop()
    # A gap's wall time, and the CPU time the console's thread spent in it: on a loaded
    # machine a gap can be the process waiting for a core rather than the console working.
    spans = sorted(
        ((b[0] - a[0]) * 1000, (b[1] - a[1]) * 1000) for a, b in itertools.pairwise(ticks)
    )
    gaps = [wall for wall, _cpu in spans]
    figures = {
        "transport": config["transport"],
        "events": per_chat * len(chat_ids),
        "written_in": took,
        "caught_up_in": finished - started,
        "longest_ms": gaps[-1],
        "longest_cpu_ms": spans[-1][1],
        "most_cpu_ms": max(cpu for _wall, cpu in spans),
        "p99_ms": gaps[int(0.99 * (len(gaps) - 1))],
        "over_target": sum(1 for g in gaps if g > PAUSE_TARGET_MS),
        "ticks": len(ticks),
        "batches": len(batches),
        "largest_batch": max(batches, default=0),
        "ended_on": sync.transport_name,
        "rows": [page.panels[c].model.rowCount() for c in chat_ids],
    }
    await app.shutdown()
    return figures


def run_child(raw: str) -> int:
    import qasync
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from console.app import install_translator
    from console.qtguard import immortalize_singletons

    immortalize_singletons()  # PySide6 6.12.0 refcount bug: see console/qtguard.py

    def quiet(mode: object, context: object, message: str) -> None:
        if "propagateSizeHints" not in message:  # the offscreen plugin, on every dialog
            print(message, file=sys.stderr)

    qInstallMessageHandler(quiet)
    config = json.loads(raw)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    install_translator(app, "nl")
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    child = {"memory": memory_child, "pause": pause_child}[config["figure"]]
    try:
        with loop:
            figures = loop.run_until_complete(asyncio.wait_for(child(config), 900))
    except Exception:
        traceback.print_exc()
        return 2
    print(CHILD_MARK + json.dumps(figures), flush=True)
    return 0


# ----------------------------------------------------------------------------- report
def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def report_startup(figures: dict[str, Any], runs: int) -> None:
    bare, console = figures["bare"], figures["console"]
    b, c = statistics.median(bare), statistics.median(console)
    ratio = c / b
    print(f"start-up, median of {runs} runs each (offscreen):")
    print(f"  bare PySide6 window    {ms(b)} (min {ms(min(bare))}, max {ms(max(bare))})")
    print(f"  console login window   {ms(c)} (min {ms(min(console))}, max {ms(max(console))})")
    print(
        f"  ratio console / bare: {ratio:.2f} (target <= {RATIO_TARGET}) "
        f"{verdict(ratio <= RATIO_TARGET)}"
    )
    print(flush=True)


def report_pause(figures: dict[str, Any]) -> None:
    longest = figures["longest_ms"]
    print(
        f"event-loop pause while {figures['events']} events arrive, {figures['transport']} "
        f"(ended on {figures['ended_on']}):"
    )
    print(
        f"  caught up in {figures['caught_up_in']:.1f} s, {figures['batches']} batches "
        f"(largest {figures['largest_batch']} events); transcripts now {figures['rows']} rows"
    )
    print(
        f"  timer gaps: p99 {figures['p99_ms']:.1f} ms, {figures['over_target']} of "
        f"{figures['ticks']} over {PAUSE_TARGET_MS:.0f} ms"
    )
    print(
        f"  CPU of the console's thread in that pause {figures['longest_cpu_ms']:.1f} ms; "
        f"most CPU in any one pause {figures['most_cpu_ms']:.1f} ms"
    )
    print(
        f"  longest pause {longest:.1f} ms (target < {PAUSE_TARGET_MS:.0f} ms) "
        f"{verdict(longest < PAUSE_TARGET_MS)}"
    )
    print(flush=True)


def report_memory(figures: dict[str, Any]) -> None:
    rss = figures["shown"]["VmRSS"]
    rows = figures["rows"]
    print(f"memory, 4 open chats {rows['chats']} rows, screening queue {rows['queue']} rows:")
    print(
        f"  before login {figures['before_login']['VmRSS']:.0f} MB; "
        f"peak (VmHWM) {figures['shown']['VmHWM']:.0f} MB"
    )
    print(
        f"  memory (VmRSS) {rss:.0f} MB (target < {RSS_TARGET_MB:.0f} MB) "
        f"{verdict(rss < RSS_TARGET_MB)}"
    )
    print(flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="start-up runs of each window")
    parser.add_argument("--messages", type=int, default=500, help="messages per open chat")
    parser.add_argument("--backlog", type=int, default=10000, help="events in the sync")
    parser.add_argument("--posts", type=int, default=5000, help="posts in the screening queue")
    parser.add_argument(
        "--figures",
        nargs="+",
        default=["startup", "pause", "memory"],
        choices=["startup", "pause", "memory"],
    )
    parser.add_argument(
        "--transports", nargs="+", default=["long-poll", "sse"], choices=["long-poll", "sse"]
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return run_child(args.child)

    print(
        f"machine: {os.cpu_count()} CPUs, python {sys.version.split()[0]}, database sqlite, "
        f"Qt {os.environ['QT_QPA_PLATFORM']}"
    )
    print(f"load average before: {load_average()}", flush=True)
    work = Path(tempfile.mkdtemp(prefix="hulpmix-bench-console-"))
    try:
        if "startup" in args.figures:
            note(f"start-up: {args.runs} runs of each window")
            report_startup(startup_figure(args.runs), args.runs)
        if {"pause", "memory"} & set(args.figures):
            note(f"a template database: demo accounts, {args.posts} pending posts")
            certs = make_dev_certs(work / "certs")
            template = build_template(work, args.posts)
            common = {"posts": args.posts}
            if "memory" in args.figures:
                note("memory: a fresh console with the chats and the queue")
                with Case(work, template, certs, "memory", args.messages) as case:
                    report_memory(case.child("memory", **common))
            if "pause" in args.figures:
                for n, transport in enumerate(args.transports):
                    note(f"pause: {args.backlog} events, {transport}")
                    name = f"pause-{n}-{transport}"
                    with Case(work, template, certs, name, args.messages) as case:
                        figures = case.child(
                            "pause", transport=transport, backlog=args.backlog, **common
                        )
                    report_pause(figures)
    except Exception:
        traceback.print_exc()
        return 2
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"load average after: {load_average()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
