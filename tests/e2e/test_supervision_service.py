"""The console's SupervisionService against the real server, without Qt: progress read from
real records, a sign-off refused until the rule is met and then changing the trainee's
backup flag on the server, reviews by another institution only and visible to the trainee
once released (an event tells the trainee's console), and a case note written while the
network is down: kept sealed in the outbox, sent once it is back, stored exactly once,
with personal data in quoted fragments masked by the server."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from console.domain.readiness import Criterion
from console.services.errors import Forbidden, NotFound
from console.services.keyrings import MemoryKeyring
from console.services.session import Session, User
from console.services.store import Store, store_path
from console.services.supervision import (
    ActionItem,
    NotReady,
    Quote,
    SupervisionService,
)
from console.services.sync import ConnectionState, SyncService
from console.services.transport import Transport
from console.settings import Settings
from tests.support.api import DEMO_PASSWORD
from tests.support.chat import query
from tests.support.proxy import TestProxy
from tests.support.servers import RunningServer
from tests.support.supervision import Cast, chat_ref, make_cast, make_ready, scores
from tests.support.waiting import until

TS, TO, HS, HO, SS = (
    "trainee_self",
    "trainee_other",
    "helper_same",
    "helper_other",
    "supervisor_same",
)


@dataclass
class Console:
    user: User
    store: Store
    sync: SyncService
    service: SupervisionService


@contextlib.asynccontextmanager
async def console(
    server: RunningServer, folder: Path, username: str, proxy: str = ""
) -> AsyncIterator[Console]:
    settings = Settings(
        server_url=server.url,
        extra_ca_file=str(server.ca_file),
        proxy_mode="manual" if proxy else "none",
        proxy_url=proxy,
    )
    transport = Transport(settings)
    keyring = MemoryKeyring()
    user = await Session(transport, keyring).login(username, DEMO_PASSWORD, remember=False)
    store = Store(store_path(folder, server.url, username), keyring, username)
    sync = SyncService(transport, store, use_sse=False, poll_timeout=3)
    service = SupervisionService(sync, transport)
    sync.start()
    try:
        await until(lambda: sync.state is ConnectionState.ONLINE, what="online")
        yield Console(user, store, sync, service)
    finally:
        service.close()
        await sync.stop()
        await transport.aclose()
        store.close()


def run(coro: Any) -> Any:
    return asyncio.run(asyncio.wait_for(coro, 240))


def needs_backup(server: RunningServer, user_id: int) -> bool:
    rows = query(server, "SELECT needs_backup FROM staff_status WHERE user_id = :u", u=user_id)
    return bool(rows[0]["needs_backup"])


def test_progress_signoff_and_reviews(demo_sqlite_server, tmp_path):
    server = demo_sqlite_server
    with server.client(timeout=30) as client:
        cast = make_cast(client)
        tid = cast.id(TS)
        name = cast.users

        async def scenario() -> None:
            async with (
                console(server, tmp_path / "s", name[SS]["username"]) as sup,
                console(server, tmp_path / "t", name[TS]["username"]) as trainee,
                console(server, tmp_path / "r", name[HO]["username"]) as reviewer,
            ):
                rule, listed = await sup.service.trainees()
                assert rule.supervised_shifts == 10 and rule.reviews == 3
                assert {t.id for t in listed} == {tid, cast.id(TO)}
                record = await trainee.service.record(tid)
                assert [c.criterion for c in record.summary.criteria] == list(Criterion)
                assert not any(c.met for c in record.summary.criteria)
                shifts = record.summary.criteria[1]
                assert (shifts.have, shifts.need) == ("0", "10")
                assert record.signoff is None and record.reviews == ()

                with pytest.raises(NotReady) as refused:
                    await sup.service.sign_off(tid, "te vroeg", None)
                assert set(refused.value.unmet) == {c.value for c in Criterion}
                assert not any(c.met for c in refused.value.criteria)

                # The trainee's own institution never reviews; another one does.
                with pytest.raises(Forbidden):
                    await sup.service.review(tid, chat_ref(), scores(4), "")
                with pytest.raises(NotFound):
                    await reviewer.service.review(999_999, chat_ref(), scores(4), "")
                review = await reviewer.service.review(tid, chat_ref(), scores(4), "Warm welkom")
                assert review.average == 4 and not review.released
                assert [r.id for r in await reviewer.service.my_reviews()] == [review.id]
                assert (await trainee.service.record(tid)).reviews == ()
                heard: list[int] = []
                trainee.service.record_changed.connect(heard.append)
                released = await reviewer.service.release(review.id)
                assert released.released
                await until(lambda: tid in heard, what="the trainee's console hears")
                seen = (await trainee.service.record(tid)).reviews
                assert [(r.id, r.counted, r.comment) for r in seen] == [
                    (review.id, True, "Warm welkom")
                ]

                await asyncio.to_thread(make_ready, cast)
                ready = await sup.service.record(tid)
                assert ready.summary.ready and all(c.met for c in ready.summary.criteria)
                assert ready.supervised_shifts == 10 and ready.intervisions_attended == 1
                signed = await sup.service.sign_off(tid, "Zelfstandig", date(2026, 9, 1))
                assert signed.remark == "Zelfstandig" and signed.signed_by == sup.user.id
                assert not needs_backup(server, tid)
                mine = await trainee.service.record(tid)
                assert mine.signoff is not None and mine.signoff.review_date == date(2026, 9, 1)
                assert mine.summary.stage == "signed_off"
                names = await trainee.service.colleagues()
                assert names[sup.user.id] == sup.user.display_name

                await sup.service.revoke(tid, "Twee lastige chats; eerst weer met achtervang")
                assert needs_backup(server, tid)
                after = await trainee.service.record(tid)
                assert after.signoff is None and after.last_revoked is not None
                assert after.last_revoked.revoke_reason.startswith("Twee lastige chats")

        run(scenario())


def _meeting(cast: Cast, method: str, participants: list[int]) -> dict[str, Any]:
    made = cast.post(
        SS, "/meetings", {"day": "2026-03-10", "method": method, "participants": participants}
    )
    assert made.status_code == 201, made.text
    data: dict[str, Any] = made.json()
    return data


def test_a_note_written_offline_is_sent_once_when_back(demo_sqlite_server, tmp_path):
    server = demo_sqlite_server
    proxy = TestProxy()
    with server.client(timeout=30) as client:
        cast = make_cast(client)
        tid = cast.id(TS)
        meeting = _meeting(cast, "incident", [tid, cast.id(HS)])
        mid = int(meeting["id"])
    case = "Meisje van 14 met zorgen over thuis; uniek-zinnetje-7781"

    def stored() -> list[dict[str, Any]]:
        return query(
            server, "SELECT id, sealed FROM intervision_notes WHERE meeting_id = :m", m=mid
        )

    async def scenario() -> None:
        folder = tmp_path / "t"
        async with console(server, folder, cast.users[TS]["username"], proxy.url) as t:
            meetings = await t.service.meetings()
            assert [m.id for m in meetings] == [mid]
            assert meetings[0].method == "incident"
            assert {p.user_id for p in meetings[0].participants} >= {tid, cast.id(HS)}

            proxy.block()
            await until(lambda: t.sync.state is ConnectionState.RECONNECTING, what="offline")
            parts = {
                "case": case,
                "question": "Hoe vraag je door zonder te sturen?",
                "questions_and_advice": "Open vragen; samenvatten.",
                "approach": "Eerst het doel samen vaststellen.",
                "follow_up": "Volgende keer: hoe liep het?",
            }
            txn = t.service.write_note(
                mid,
                parts,
                [ActionItem("Casus nabellen", cast.id(HS), date(2026, 3, 24))],
                # Sent unmasked on purpose: the server masks again, whatever a console does.
                [Quote("chat-abc123", "Ik ben Sanne, bel me op 06-12345678 of jan@example.nl")],
            )
            queued = t.service.queued_notes(mid)
            assert [(q.txn_id, q.parts["case"], q.failed) for q in queued] == [(txn, case, "")]
            assert stored() == []
            # Never in plain text on this workstation: the outbox holds it sealed.
            on_disk = b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())
            assert b"uniek-zinnetje-7781" not in on_disk and b"06-12345678" not in on_disk

            proxy.unblock()
            t.sync.retry_now()
            await until(lambda: t.service.queued_notes() == [], timeout=60, what="sent")
            assert len(stored()) == 1
            notes = await t.service.notes(mid)
            assert len(notes) == 1
            note = notes[0]
            assert note.parts["case"] == case and note.author_id == tid
            assert [(a.text, a.owner_id, a.due) for a in note.action_items] == [
                ("Casus nabellen", cast.id(HS), date(2026, 3, 24))
            ]
            quote = note.quotes[0]
            assert "06-12345678" not in quote.text and "jan@example.nl" not in quote.text
            assert "[telefoon]" in quote.text and "[e-mail]" in quote.text
            assert set(quote.masked) >= {"phone", "email"}
            # The server keeps it sealed, not in plain text.
            assert "uniek-zinnetje-7781" not in stored()[0]["sealed"]

            # A second send of the same transaction (a lost answer) stores nothing new.
            again = await t.sync.transport.call(
                "PUT",
                f"/supervision/meetings/{mid}/notes/txn/{txn}",
                json_body={**parts, "action_items": [], "quotes": []},
            )
            assert again["id"] == note.id and len(stored()) == 1

            reads = await t.service.note_reads(note.id)
            assert [r.user_id for r in reads] == [tid]

    try:
        run(scenario())
    finally:
        proxy.close()
