"""The console's ScreeningService against the real server: two screeners, posts from the
youth API, claims, one decision and one conflict, edits with a diff, idempotent retries,
undo inside and outside its two minutes (moved by the server's test clock)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest

from console.domain.forum import AMSTERDAM
from console.services.forum import ScreeningConflict, ScreeningService
from console.services.keyrings import MemoryKeyring
from console.services.session import Session, User
from console.services.store import Store, store_path
from console.services.sync import SyncService
from console.services.transport import Transport
from console.settings import Settings
from server.demo import DEMO_PASSWORD, INSTITUTIONS
from tests.support.api import auth, login
from tests.support.servers import RunningServer
from tests.support.waiting import until
from tests.support.youth import chat_server


@pytest.fixture
def forum_server(tmp_path: Path, dev_certs: Path) -> Iterator[RunningServer]:
    running = chat_server(tmp_path, dev_certs)
    yield running
    running.stop()


# --------------------------------------------------------------------- server set-up
def set_clock(server: RunningServer, moment: datetime | None) -> None:
    with server.client() as client:
        answer = client.put(
            "/api/v1/_test/forum/clock",
            json={"at": moment.isoformat() if moment is not None else None},
        )
    assert answer.status_code == 200, answer.text


def today_at(hour: int, minute: int = 0) -> datetime:
    day = datetime.now(AMSTERDAM).date()
    return datetime.combine(day, time(hour, minute), AMSTERDAM)


def tomorrow_at(hour: int, minute: int = 0) -> datetime:
    """A moment of tomorrow for the server's forum clock: the server's sweeper has already
    seen today at the real time and marks today's passed windows missed, so a test that
    needs a round it can still open must not depend on the hour the suite runs at."""
    return today_at(hour, minute) + timedelta(days=1)


def on_duty(server: RunningServer) -> str:
    """The demo code of the institution with forum duty today (by the server's clock).

    Duty follows the configured rotation by date and a round keeps the institution it
    was made with, so the tests screen as whoever has duty instead of changing it."""
    with server.client() as client:
        token = login(client, "coordinator")["access_token"]
        answer = client.get("/api/v1/forum/rounds", headers=auth(token))
    assert answer.status_code == 200, answer.text
    rounds = answer.json()["rounds"]
    assert rounds, "the server makes today's rounds by itself"
    names = {name: code for code, name in INSTITUTIONS}
    return names[rounds[0]["institution_name"]]


def submit(server: RunningServer, body: str, *, title: str = "Een vraag", **extra: Any) -> int:
    payload = {"kind": "topic", "title": title, "body": body, "theme": "Gevoel", **extra}
    if payload["kind"] == "reply":
        payload.pop("title")
        payload.pop("theme")
    with server.client() as client:
        answer = client.post("/api/v1/youth/forum/posts", json=payload)
    assert answer.status_code == 202, answer.text
    return int(answer.json()["post_id"])


def published_topic(server: RunningServer, post_id: int) -> tuple[int, dict[str, Any]]:
    with server.client() as client:
        answer = client.get(f"/api/v1/youth/forum/topics/{post_id}")
    return answer.status_code, (answer.json() if answer.status_code == 200 else {})


# --------------------------------------------------------------------- a screener's console
@dataclass
class Screener:
    user: User
    sync: SyncService
    service: ScreeningService


@contextlib.asynccontextmanager
async def screener(server: RunningServer, tmp_path: Path, username: str) -> AsyncIterator[Screener]:
    settings = Settings(server_url=server.url, extra_ca_file=str(server.ca_file), proxy_mode="none")
    transport = Transport(settings)
    keyring = MemoryKeyring()
    user = await Session(transport, keyring).login(username, DEMO_PASSWORD, remember=False)
    store = Store(store_path(tmp_path, server.url, username), keyring, username)
    sync = SyncService(transport, store, use_sse=False, poll_timeout=5)
    service = ScreeningService(sync, transport, user.id, retry_pause=0.05)
    sync.start()
    try:
        await service.load()
        yield Screener(user, sync, service)
    finally:
        service.close()
        await sync.stop()
        await transport.aclose()
        store.close()


def run(coro: Any) -> Any:
    return asyncio.run(asyncio.wait_for(coro, 180))


def status_of(screener: Screener, post_id: int) -> str | None:
    item = screener.service.item(post_id)
    return item.status if item is not None else None


# --------------------------------------------------------------------- the tests
def test_screening_from_claim_to_conflict_edit_and_undo(forum_server, tmp_path):
    server = forum_server
    set_clock(server, tomorrow_at(10, 15))
    duty = on_duty(server)

    async def scenario() -> None:
        async with (
            screener(server, tmp_path, f"{duty}.trainee1") as anne,
            screener(server, tmp_path, f"{duty}.trainee2") as bart,
        ):
            first = await asyncio.to_thread(submit, server, "Ik voel me zo alleen.")
            second = await asyncio.to_thread(
                submit, server, "Bel me op 06-12345678, ik woon Kerkstraat 12.", title="Hulp"
            )
            third = await asyncio.to_thread(submit, server, "koop nu goedkope pillen www.spam.nl")
            for who in (anne, bart):
                await until(
                    lambda who=who: all(
                        status_of(who, p) == "pending" for p in (first, second, third)
                    ),
                    what="the new posts in the queue",
                )
            # Oldest first among ours. (Not "the last three": the demo's own posts are
            # dated by the real clock, ours by the forum clock at 10:15, so after about
            # 10:20 the demo's are the newer ones.)
            ours = (first, second, third)
            assert [i.id for i in anne.service.queue() if i.id in ours] == list(ours)

            # No round open yet: deciding is refused, and says why.
            with pytest.raises(ScreeningConflict) as closed:
                await anne.service.decide(first, "publish")
            assert closed.value.reason == "round_closed"

            rounds = await anne.service.load_rounds()
            morning = next(r for r in rounds if r.start == "10:00")
            assert morning.institution_id == anne.user.institution_id
            opened = await anne.service.open_round(morning.id)
            assert opened.state == "open"
            await until(
                lambda: any(r.id == morning.id and r.state == "open" for r in bart.service.rounds),
                what="the other screener sees the round open",
            )

            # Anne claims the first post; Bart sees the claim and cannot take or decide it.
            claimed = await anne.service.claim(first)
            assert claimed.claim is not None and claimed.claim.user_id == anne.user.id
            await until(
                lambda: (
                    (bart.service.item(first) or claimed).claim is not None
                    and bart.service.item(first).claim.user_id == anne.user.id
                ),  # type: ignore[union-attr]
                what="Bart sees Anne's claim",
            )
            with pytest.raises(ScreeningConflict) as taken:
                await bart.service.claim(first)
            assert taken.value.reason == "claimed"
            assert taken.value.who == anne.user.display_name
            with pytest.raises(ScreeningConflict) as refused:
                await bart.service.decide(first, "publish")
            assert refused.value.reason == "claimed"

            published = await anne.service.decide(first, "publish")
            assert published.status == "published"
            assert published.decision is not None
            assert published.decision.by_name == anne.user.display_name
            await until(lambda: status_of(bart, first) == "published", what="Bart sees it go")
            assert first not in [i.id for i in bart.service.queue()]
            with pytest.raises(ScreeningConflict) as late:
                await bart.service.decide(first, "reject", reason="not_serious")
            assert late.value.reason == "decided"
            assert late.value.who == anne.user.display_name
            code, shown = await asyncio.to_thread(published_topic, server, first)
            assert code == 200 and shown["topic"]["body"] == "Ik voel me zo alleen."

            # An edit: reason required, the diff kept, the edited text is what appears.
            edited_body = "Bel me op [weggehaald], ik woon [weggehaald]."
            edited = await bart.service.decide(
                second, "edit", reason="personal_data", body=edited_body
            )
            assert edited.decision is not None
            assert ("-", "06") in edited.decision.diff or any(
                op == "-" and "06-12345678" in text for op, text in edited.decision.diff
            )
            code, shown = await asyncio.to_thread(published_topic, server, second)
            assert code == 200 and shown["topic"]["body"] == edited_body

            # A retried rejection (same txn id) is one decision with one answer.
            rejected = await anne.service.decide(
                third, "reject", reason="not_serious", txn_id="retry-me-once"
            )
            again = await anne.service.decide(
                third, "reject", reason="not_serious", txn_id="retry-me-once"
            )
            assert rejected.decision is not None and again.decision is not None
            assert again.decision.id == rejected.decision.id
            code, _ = await asyncio.to_thread(published_topic, server, third)
            assert code == 404

            # Undo within two minutes: pending again, for both screeners.
            assert anne.service.can_undo() == third
            with pytest.raises(ScreeningConflict) as not_hers:
                await bart.service.undo(third)
            assert not_hers.value.reason == "not_yours"
            back = await anne.service.undo()
            assert back.status == "pending" and back.decision is None
            await until(lambda: status_of(bart, third) == "pending", what="back in Bart's queue")

            # … and not after: the server's clock moves on three minutes.
            await anne.service.decide(third, "hold")
            await asyncio.to_thread(set_clock, server, tomorrow_at(10, 19))
            with pytest.raises(ScreeningConflict) as expired:
                await anne.service.undo(third)
            assert expired.value.reason == "undo_expired"
            assert status_of(anne, third) == "held"

            closed_round = await anne.service.close_round(morning.id)
            assert closed_round.state == "closed"
            assert closed_round.summary is not None

    try:
        run(scenario())
    finally:
        set_clock(server, None)


def test_claims_lapse_after_five_idle_minutes(forum_server, tmp_path):
    server = forum_server
    set_clock(server, tomorrow_at(16, 5))
    duty = on_duty(server)

    async def scenario() -> None:
        async with (
            screener(server, tmp_path, f"{duty}.trainee1") as anne,
            screener(server, tmp_path, f"{duty}.helper2") as bart,
        ):
            post = await asyncio.to_thread(submit, server, "Mijn verhaal", kind="story")
            await until(lambda: status_of(bart, post) == "pending", what="the post")
            await anne.service.claim(post)
            with pytest.raises(ScreeningConflict):
                await bart.service.claim(post)
            await asyncio.to_thread(set_clock, server, tomorrow_at(16, 11))
            taken = await bart.service.claim(post)
            assert taken.claim is not None and taken.claim.user_id == bart.user.id
            await until(
                lambda: (
                    (anne.service.item(post) or taken).claim is not None
                    and anne.service.item(post).claim.user_id == bart.user.id
                ),  # type: ignore[union-attr]
                what="Anne sees the claim moved",
            )

    try:
        run(scenario())
    finally:
        set_clock(server, None)
