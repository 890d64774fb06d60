"""Soak run: chats start and end for `--minutes`, with screening and roster edits alongside.

    .venv/bin/python bench/soak.py [--minutes 30] [--helpers 10] [--keep]
    .venv/bin/python bench/soak.py --minutes 2          # the CI run (tests/soak)

A fresh server (`python -m server serve`, HTTPS on 127.0.0.1, test CA) on a fresh SQLite
file with the demo data and K helper accounts (`--helpers`, default 10) made through the
admin API. K helper consoles run in this process as the console builds them (Transport,
Session, Store, SyncService, ChatService); every other one follows the log over SSE, the
rest long-poll. K youths talk HTTP as the chat page does (from 127.0.0.2-127.0.0.9: the
server lets one address start 60 chats a minute). Over and over, each youth starts a chat,
the helper it is assigned to and the youth exchange 2-5 lines each way, the helper ends
the chat, registers it and goes available again, and the youth starts the next one.
Alongside, a youth posts a forum post every few seconds and the duty screener (forum
API; the forum clock is moved into a round window, a test route) claims and publishes
what is pending, and the roster coordinator (roster API) reassigns a block of a week in
2031 every two seconds. No server setting is changed except the forum's post throttle.

Every message sent and every message shown to the other side is written to an event log
(`events.jsonl`, JSON lines, see bench/queue_check.py), which the total-queue checker
reads at the end. The server's and this process's resident memory (VmRSS from
/proc/<pid>/status) is sampled every 10 s (`memory.csv`). Printed: chats completed,
messages, screening and roster work, the checker's totals, memory at start, middle and
end and the growth per minute over the second half (a least-squares slope). "Flat" means
a slope below 1 MB/min (30 MB over a 30-minute run would be a leak worth chasing); the
first half is warm-up (caches, SQLite pages, the allocator's arenas). This process holds
K consoles' services and the youths, so its memory stands for the console's services.

Exit code 1 when the checker finds a lost, duplicated, reordered or unexpected message,
or a chat could not be completed; 2 when the run failed. Asserts nothing on time or
memory (the figures are printed).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import random
import shutil
import ssl
import sys
import tempfile
import time
import traceback
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.queue_check import check, format_report, read_logs  # noqa: E402
from bench.soak_parts import (  # noqa: E402
    ApiUser,
    EventLog,
    Helper,
    Sampler,
    Youth,
    create_helpers,
    open_helper,
    until,
    youth_client,
)
from console.domain.chat import Registration, TargetGroup  # noqa: E402
from console.domain.routing import StaffStatus  # noqa: E402
from console.services.errors import Conflict  # noqa: E402
from console.services.sync import SSE, ConnectionState  # noqa: E402
from server.demo import INSTITUTIONS  # noqa: E402
from tests.support.servers import RunningServer, make_dev_certs, run_cli  # noqa: E402

#: Youths' source addresses: the server lets one address start 60 chats a minute.
YOUTH_ADDRESSES = [f"127.0.0.{i}" for i in range(2, 10)]
FORUM_ADDRESS = "127.0.0.10"
SERVER_ENV = {"HULPMIX_FORUM_RATE": "100000"}
#: A registration the demo taxonomy accepts.
REGISTRATION = Registration(
    theme="Gevoel", subtopic="Onzeker", seemed_serious=False, target_group=TargetGroup.IN_TARGET
)
FLAT_MB_PER_MINUTE = 1.0
SCREENING_DAY = date(2031, 3, 4)
ROSTER_WEEK = date(2031, 9, 1)  # a Monday


def log(text: str) -> None:
    print(f"  .. {text}", file=sys.stderr, flush=True)


@dataclass
class Figures:
    chats: int = 0
    failed_chats: int = 0
    failures: list[str] = field(default_factory=list)
    messages: Counter[str] = field(default_factory=Counter)
    posts: int = 0
    screened: int = 0
    roster_edits: int = 0
    roster_conflicts: int = 0
    side_errors: Counter[str] = field(default_factory=Counter)

    def fail(self, what: str) -> None:
        self.failed_chats += 1
        if len(self.failures) < 10:
            self.failures.append(what)


# ------------------------------------------------------------------------------ chats
class Soak:
    def __init__(self, server: RunningServer, helpers: list[Helper], events: EventLog) -> None:
        self.server = server
        self.helpers = helpers
        self.events = events
        self.figures = Figures()
        self.ctx = ssl.create_default_context(cafile=str(server.ca_file))

    def owner(self, chat_id: int) -> Helper | None:
        return next((h for h in self.helpers if chat_id in h.owned), None)

    async def youth_slot(self, slot: int, deadline: float) -> None:
        address = YOUTH_ADDRESSES[slot % len(YOUTH_ADDRESSES)]
        await asyncio.sleep(random.uniform(0, 2))
        while time.monotonic() < deadline:
            youth = Youth(youth_client(self.server, self.ctx, address), self.events)
            try:
                await self.one_chat(youth)
                self.figures.chats += 1
            except Exception as exc:  # the others go on; the failure is counted and printed
                self.figures.fail(f"chat {youth.chat_id}: {type(exc).__name__}: {exc}")
                await self.clean_up(youth)
            finally:
                await youth.close()

    async def one_chat(self, youth: Youth) -> None:
        await youth.start()
        youth.follow()
        await until(lambda: self.owner(youth.chat_id) is not None, 120, "an assignment")
        helper = self.owner(youth.chat_id)
        assert helper is not None
        lines = random.randint(2, 5)
        for k in range(lines):
            await youth.say(f"y:{youth.chat_id}:{k}")
            self.figures.messages["youth→helper"] += 1
            await asyncio.sleep(random.uniform(0.4, 1.0))
            helper.send(youth.chat_id, f"h:{youth.chat_id}:{k}")
            self.figures.messages["helper→youth"] += 1
            await asyncio.sleep(random.uniform(0.4, 1.0))
        helper.chat.end(youth.chat_id)
        await until(lambda: youth.ended, 60, "the youth to see the end")
        await self.register(helper, youth.chat_id)

    async def register(self, helper: Helper, chat_id: int) -> None:
        await until(
            lambda: chat_id in helper.chat.pending_registrations(), 60, "registration pending"
        )
        await helper.chat.register(chat_id, REGISTRATION)
        helper.forget(chat_id)
        for _attempt in range(20):
            try:
                await helper.chat.set_status(StaffStatus.AVAILABLE)
                return
            except Conflict:  # another chat of this helper still waits for its registration
                await asyncio.sleep(0.5)
        raise RuntimeError(f"{helper.username} could not go available again")

    async def clean_up(self, youth: Youth) -> None:
        """After a failed chat: end it, and free its helper for the next one."""
        if not youth.chat_id:
            return
        with contextlib.suppress(Exception):
            await youth.end()
        helper = self.owner(youth.chat_id)
        if helper is not None:
            with contextlib.suppress(Exception):
                await self.register(helper, youth.chat_id)

    # -------------------------------------------------------------------- alongside
    async def screening(self, stop: asyncio.Event) -> None:
        """A youth posts every few seconds; the duty screener publishes what is pending."""
        coordinator = ApiUser(self.server, self.ctx, "coordinator")
        poster = youth_client(self.server, self.ctx, FORUM_ADDRESS)
        screener: ApiUser | None = None
        try:
            day = SCREENING_DAY
            rounds: list[dict[str, Any]] = []
            while not rounds:
                answer = await coordinator.call("GET", "/forum/rounds", params={"date": str(day)})
                rounds = answer["rounds"]
                day += timedelta(days=1)
            chosen = rounds[0]
            start = datetime.fromisoformat(chosen["starts_at"].replace("Z", "+00:00"))
            await coordinator.call(
                "PUT", "/_test/forum/clock", json={"at": (start + timedelta(minutes=1)).isoformat()}
            )
            code = {name: code for code, name in INSTITUTIONS}[chosen["institution_name"]]
            screener = ApiUser(self.server, self.ctx, f"{code}.trainee1")
            await screener.call("POST", f"/forum/rounds/{chosen['id']}/open")
            while not stop.is_set():
                n = self.figures.posts
                answer = await poster.post(
                    "/api/v1/youth/forum/posts",
                    json={
                        "kind": "topic",
                        "title": f"Soak {n}",
                        "body": f"Bericht {n} van de soak run. Ik weet het even niet meer.",
                        "theme": "Gevoel",
                    },
                )
                if answer.status_code == 202:
                    self.figures.posts += 1
                else:
                    self.figures.side_errors[f"forum post {answer.status_code}"] += 1
                queue = await screener.call("GET", "/forum/items")
                for item in queue["items"]:
                    if item["status"] != "pending":
                        continue
                    await screener.call("PUT", f"/forum/items/{item['id']}/claim")
                    await screener.call(
                        "PUT",
                        f"/forum/items/{item['id']}/decision/{uuid.uuid4().hex}",
                        json={"decision": "publish"},
                    )
                    self.figures.screened += 1
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), random.uniform(2, 4))
        finally:
            with contextlib.suppress(Exception):
                await coordinator.call("PUT", "/_test/forum/clock", json={"at": None})
            await poster.aclose()
            await coordinator.aclose()
            if screener is not None:
                await screener.aclose()

    async def roster(self, stop: asyncio.Event) -> None:
        """The coordinator reassigns a block of a 2031 week every two seconds."""
        coordinator = ApiUser(self.server, self.ctx, "coordinator")
        try:
            people = await coordinator.call("GET", "/roster/people")
            institutions = [i["id"] for i in people["institutions"]] + [None]
            end = ROSTER_WEEK + timedelta(days=4)
            grid = await coordinator.call(
                "GET", "/roster", params={"start": str(ROSTER_WEEK), "end": str(end)}
            )
            blocks = [(d["day"], b["index"]) for d in grid["days"] for b in d["blocks"]]
            versions = {
                (d["day"], b["index"]): b["version"] for d in grid["days"] for b in d["blocks"]
            }
            while not stop.is_set():
                day, index = random.choice(blocks)
                answer = await coordinator.raw(
                    "PUT",
                    f"/roster/blocks/{day}/{index}",
                    json={
                        "institution_id": random.choice(institutions),
                        "pinned": False,
                        "version": versions[(day, index)],
                    },
                )
                if answer.status_code == 409:
                    self.figures.roster_conflicts += 1
                    versions[(day, index)] = answer.json()["current"]["version"]
                elif answer.status_code == 200:
                    self.figures.roster_edits += 1
                    versions[(day, index)] = answer.json()["version"]
                else:
                    self.figures.side_errors[f"roster edit {answer.status_code}"] += 1
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), random.uniform(1.5, 2.5))
        finally:
            await coordinator.aclose()


async def alongside(name: str, job: Any, figures: Figures) -> None:
    """Screening and roster edits: a failure is counted and printed, the chats go on."""
    try:
        await job
    except Exception as exc:
        figures.side_errors[f"{name} stopped: {type(exc).__name__}: {exc}"] += 1
        traceback.print_exc()


# ------------------------------------------------------------------------------- run
async def run(args: argparse.Namespace, work: Path) -> tuple[Figures, Sampler, Path]:
    certs = await asyncio.to_thread(make_dev_certs, work / "certs")
    url = f"sqlite:///{work / 'soak.db'}"
    await asyncio.to_thread(run_cli, "demo-data", database_url=url)
    server = RunningServer(url, certs, env=SERVER_ENV)
    await asyncio.to_thread(server.start)
    log(f"server up ({server.url}, log {server.log_path})")
    assert server._proc is not None
    events = EventLog(work / "events.jsonl")
    sampler = Sampler(server._proc.pid)
    helpers: list[Helper] = []
    try:
        names = await create_helpers(server, args.helpers)
        for i, name in enumerate(names):
            helper = await open_helper(server, work, name, use_sse=i % 2 == 0, events=events)
            helpers.append(helper)
            helper.sync.start()

        def online() -> bool:
            return all(
                h.sync.state is ConnectionState.ONLINE
                and (not h.use_sse or h.sync.transport_name == SSE)
                for h in helpers
            )

        await until(online, 120, "every console online")
        for helper in helpers:
            await helper.chat.set_status(StaffStatus.AVAILABLE)
        log(f"{len(helpers)} consoles online and available; soaking {args.minutes:g} minutes")

        soak = Soak(server, helpers, events)
        stop = asyncio.Event()
        sampling = asyncio.create_task(sampler.run(stop))
        side = [
            asyncio.create_task(alongside("screening", soak.screening(stop), soak.figures)),
            asyncio.create_task(alongside("roster", soak.roster(stop), soak.figures)),
        ]
        deadline = time.monotonic() + args.minutes * 60
        await asyncio.gather(*(soak.youth_slot(i, deadline) for i in range(len(helpers))))
        stop.set()
        await asyncio.gather(*side)
        log("chats done; letting the last messages arrive")
        with contextlib.suppress(TimeoutError):
            await until(lambda: events.outstanding() == 0, args.drain, "the last messages")
        await asyncio.sleep(1.0)  # a late duplicate still counts
        await sampling
        for helper in helpers:
            helper.settle()  # sends still unanswered are logged as not acknowledged
        return soak.figures, sampler, events.path
    finally:
        await asyncio.gather(*(h.close() for h in helpers), return_exceptions=True)
        events.close()
        await asyncio.to_thread(server.stop)
        log("server stopped")
        if not args.keep:
            server.log_path.unlink(missing_ok=True)


def print_figures(args: argparse.Namespace, figures: Figures, sampler: Sampler) -> None:
    print()
    print(
        f"soak: {args.minutes:g} minutes, {args.helpers} helper consoles (half SSE, half "
        f"long-poll) and {args.helpers} youths, SQLite; {os.cpu_count()} CPUs, "
        f"python {sys.version.split()[0]}"
    )
    total = sum(figures.messages.values())
    per = ", ".join(f"{k} {v}" for k, v in figures.messages.items())
    print(f"chats completed: {figures.chats} (failed: {figures.failed_chats})")
    print(f"messages: {total} ({per})")
    print(f"screening: {figures.posts} posts posted, {figures.screened} published by the screener")
    print(f"roster: {figures.roster_edits} block edits ({figures.roster_conflicts} conflicts)")
    for what, count in figures.side_errors.items():
        print(f"  ! {what} x{count}")
    for failure in figures.failures:
        print(f"  ! {failure}")
    print()
    print(sampler.table(FLAT_MB_PER_MINUTE))


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=30.0, help="how long chats go on")
    parser.add_argument("--helpers", type=int, default=10, help="K helper consoles and youths")
    parser.add_argument("--drain", type=float, default=30.0, help="s to wait for stragglers")
    parser.add_argument("--keep", action="store_true", help="keep the work directory and logs")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="hulpmix-soak-"))
    try:
        figures, sampler, log_path = asyncio.run(run(args, work))
        print_figures(args, figures, sampler)
        report = check(read_logs([log_path]))
        print()
        print(format_report(report))
        (work / "memory.csv").write_text(sampler.csv())
    except Exception:
        traceback.print_exc()
        print(f"run failed; work directory kept: {work}")
        sys.exit(2)
    bad = not report.ok or figures.failed_chats > 0
    if args.keep or bad:
        print(f"event log and memory samples kept in {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
