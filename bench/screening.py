"""The screening view with a long queue: 5,000 pending posts in the real console view.

    .venv/bin/python bench/screening.py [--posts 5000] [--steps 500]

A fresh server (`python -m server serve`, HTTPS on 127.0.0.1) on a fresh SQLite file with
the demo accounts; the posts are written straight into `forum_posts` before the server
starts (the youth API would throttle 5,000 posts from one address, by design), a mix of
topics, replies and stories with phone numbers, e-mail addresses and danger words in some
of them. Then, in this process, under offscreen Qt, a screener's console as the app
builds it: Transport, Session, Store, SyncService, ScreeningService, ScreeningController
and its ScreeningPage, shown at 1280x800.

Printed:
- time to first paint of the queue: from the moment the view asks for the queue
  (`GET /forum/items`) until the table with every row has been painted, split into the
  request (server and network), reading the items, and filling the model plus painting;
- per next-item step (the j key, sent as a key event to the queue): the time until the
  event is handled and the queue and the post (with its highlighting) are painted again;
  median and worst over `--steps` steps;
- for reference, a claim's round trip (the view claims the post a screener stays on).

Targets (issue): the queue shows within 1 s; each step within 50 ms. Prints figures;
asserts nothing on time. Exit code 2 when the run failed.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import tempfile
import time
import traceback
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from console.qtguard import immortalize_singletons  # noqa: E402
from tests.support.servers import RunningServer, make_dev_certs, run_cli  # noqa: E402

# PySide6 6.12.0 drops references to True on signal delivery: see console/qtguard.py.
immortalize_singletons()

THEMES = ("Gevoel", "Familie", "Vrienden & relaties", "Geweld", "Lichaam", "School, werk & geld")
SENTENCES = (
    "Ik weet echt niet meer wat ik moet doen, thuis is het elke dag ruzie.",
    "Mijn beste vriendin praat niet meer met me sinds de zomer.",
    "Soms denk ik aan zelfmoord maar ik durf het niemand te vertellen.",
    "Je kunt me appen op 06-12345678 als je wil praten.",
    "Mail me gerust: iemand.anders@example.nl",
    "Ik woon in de Kerkstraat 12 en de buren horen alles.",
    "Op school word ik gepest en de mentor doet niks.",
    "Wat helpt jullie als je je zo somber voelt?",
    "Kijk eens op www.voorbeeld.nl daar staat meer.",
    "Ik heb me weer gesneden en schaam me er zo voor.",
)


def note(text: str) -> None:
    print(f"  .. {text}", file=sys.stderr, flush=True)


def seed(database_url: str, posts: int) -> float:
    """Write `posts` pending posts into the database; returns the seconds it took."""
    from sqlalchemy import insert

    from server.db.database import Database
    from server.db.tables import forum_posts

    started = time.perf_counter()
    rng = random.Random(4)
    now = datetime.now(UTC)
    rows = []
    for n in range(posts):
        kind = ("topic", "story")[n % 2]
        body = " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(1, 6)))
        rows.append(
            {
                "kind": kind,
                "status": "pending",
                "theme": rng.choice(THEMES),
                "parent_id": None,
                "title": f"Bericht {n + 1}",
                "body": body,
                "replies_welcome": kind != "story",
                "created_at": now - timedelta(minutes=posts - n),
                "version": 1,
            }
        )
    db = Database(database_url)
    with db.write() as conn:
        conn.execute(insert(forum_posts), rows)
    db.engine.dispose()
    return time.perf_counter() - started


def on_duty(server: RunningServer) -> str:
    """A trainee of the institution with forum duty today: only they may claim."""
    from server.demo import INSTITUTIONS

    with server.client() as client:
        answer = client.post(
            "/api/v1/session", json={"username": "coordinator", "password": "hulpmix-demo"}
        )
        token = answer.json()["access_token"]
        rounds = client.get(
            "/api/v1/forum/rounds", headers={"Authorization": f"Bearer {token}"}
        ).json()["rounds"]
    names = {name: code for code, name in INSTITUTIONS}
    return f"{names[rounds[0]['institution_name']]}.trainee1"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


async def measure(server: RunningServer, args: argparse.Namespace) -> dict[str, object]:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from console.app import install_translator
    from console.screening_controller import ScreeningController
    from console.services.forum import ScreeningService
    from console.services.keyrings import MemoryKeyring
    from console.services.session import Session
    from console.services.store import Store, store_path
    from console.services.sync import SyncService
    from console.services.transport import Transport
    from console.settings import Settings
    from server.demo import DEMO_PASSWORD

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    settings = Settings(server_url=server.url, extra_ca_file=str(server.ca_file), proxy_mode="none")
    transport = Transport(settings)
    keyring = MemoryKeyring()
    user = await Session(transport, keyring).login(args.user, DEMO_PASSWORD, remember=False)
    tmp = Path(tempfile.mkdtemp(prefix="hulpmix-bench-store-"))
    store = Store(store_path(tmp, server.url, args.user), keyring, args.user)
    sync = SyncService(transport, store, use_sse=False)
    service = ScreeningService(sync, transport, user.id)
    await transport.call("GET", "/ping", auth=False)  # the connection is warm, as in use

    figures: dict[str, object] = {}
    tasks: list[asyncio.Task[object]] = []
    marks: dict[str, float] = {}
    original_call = transport.call

    async def timed_call(method: str, path: str, **kwargs: object) -> object:
        if path == "/forum/items":
            marks["request"] = time.perf_counter()
            answer = await original_call(method, path, **kwargs)  # type: ignore[arg-type]
            marks["answered"] = time.perf_counter()
            return answer
        return await original_call(method, path, **kwargs)  # type: ignore[arg-type]

    transport.call = timed_call  # type: ignore[method-assign]
    service.reset.connect(lambda: marks.setdefault("parsed", time.perf_counter()))

    def spawn(coro: object, name: str) -> None:
        tasks.append(asyncio.ensure_future(coro))  # type: ignore[arg-type]

    install_translator(app, "nl")
    controller = ScreeningController(service, user, spawn)
    page = controller.page
    page.resize(1280, 800)
    page.show()

    def paint() -> None:
        # Runs right after the controller filled the model from the same signal.
        page.queue.viewport().repaint()
        page.item_panel.repaint()
        marks.setdefault("painted", time.perf_counter())
        shown.set()

    shown = asyncio.Event()
    service.reset.connect(paint)
    await shown.wait()
    painted = marks["painted"]
    rows = page.model.rowCount()
    figures["rows"] = rows
    figures["request"] = marks["answered"] - marks["request"]
    figures["read"] = marks["parsed"] - marks["answered"]
    figures["model_paint"] = painted - marks["parsed"]
    figures["first_paint"] = painted - marks["request"]
    await asyncio.gather(*tasks)
    transport.call = original_call  # type: ignore[method-assign]

    page.queue.setFocus()
    steps: list[float] = []
    for _ in range(min(args.steps, rows - 1)):
        started = time.perf_counter()
        QTest.keyClick(page.queue, Qt.Key.Key_J)
        page.queue.viewport().repaint()
        page.item_panel.repaint()
        steps.append(time.perf_counter() - started)
        await asyncio.sleep(0)  # let the loop breathe as it would between key presses
    figures["steps"] = steps
    figures["row_after"] = page.queue.currentIndex().row()

    claims: list[float] = []
    for item in service.queue()[:20]:
        started = time.perf_counter()
        await service.claim(item.id)
        claims.append(time.perf_counter() - started)
        await service.release(item.id)
    figures["claims"] = claims
    service.close()
    await transport.aclose()
    store.close()
    page.close()
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--posts", type=int, default=5000)
    parser.add_argument("--steps", type=int, default=500)
    parser.add_argument("--user", default="on-duty", help="screener (default: one on duty)")
    args = parser.parse_args()

    import qasync
    from PySide6.QtWidgets import QApplication

    work = Path(tempfile.mkdtemp(prefix="hulpmix-bench-screening-"))
    server: RunningServer | None = None
    try:
        note("certificates and a fresh database with the demo accounts")
        certs = make_dev_certs(work / "certs")
        url = f"sqlite:///{work / 'hulpmix.db'}"
        run_cli("demo-data", database_url=url)
        note(f"writing {args.posts} pending posts")
        seeding = seed(url, args.posts)
        server = RunningServer(url, certs).start()
        if args.user == "on-duty":
            args.user = on_duty(server)
        app = QApplication.instance() or QApplication(sys.argv[:1])
        loop = qasync.QEventLoop(app)
        asyncio.set_event_loop(loop)
        with loop:
            figures = loop.run_until_complete(asyncio.wait_for(measure(server, args), 600))
    except Exception:
        traceback.print_exc()
        if server is not None:
            print(server.tail(), file=sys.stderr)
        return 2
    finally:
        if server is not None:
            server.stop()

    steps = sorted(figures["steps"])  # type: ignore[arg-type]
    claims = sorted(figures["claims"])  # type: ignore[arg-type]
    print()
    print(
        f"machine: {os.cpu_count()} CPUs, python {sys.version.split()[0]}, database sqlite, "
        f"Qt offscreen; {args.posts} pending posts written in {seeding:.1f} s"
    )
    print()
    print(f"queue shown: {figures['rows']} rows")
    print(f"  time to first paint      {ms(figures['first_paint'])}")  # type: ignore[arg-type]
    print(f"    GET /forum/items       {ms(figures['request'])}")  # type: ignore[arg-type]
    print(f"    reading the items      {ms(figures['read'])}")  # type: ignore[arg-type]
    print(f"    model fill + paint     {ms(figures['model_paint'])}")  # type: ignore[arg-type]
    print()
    print(f"next-item step (j), {len(steps)} steps, ending on row {figures['row_after']}:")
    p99 = steps[int(0.99 * (len(steps) - 1))]
    print(f"  median {ms(statistics.median(steps))}, p99 {ms(p99)}, worst {ms(steps[-1])}")
    print(
        f"claim round trip, {len(claims)} claims: median {ms(statistics.median(claims))}, "
        f"worst {ms(claims[-1])}"
    )
    print()
    print("target: queue within 1 s; each step within 50 ms")
    return 0


if __name__ == "__main__":
    code = main()
    sys.exit(code)
