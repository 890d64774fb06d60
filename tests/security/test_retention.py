"""Retention through the real server: after the purge nothing typed in a chat is left
anywhere in the database (every table and column, the event log included).

The purge functions alone are tested in tests/server/test_chat_retention.py; the console's
local store forgets a chat's messages once it is registered
(tests/e2e/test_chat_services.py::test_a_chat_from_queue_to_registration). This test runs a
whole chat over HTTP (nickname, both sides' messages, whisper, consult, a warm referral
with contact details, the survey) so that a new place that keeps text is caught, then ages
the chat past the retention in the database and runs the server's own retention pass.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from server.chat.loop import forget
from server.config import Settings
from server.db.database import Database
from server.db.tables import utcnow
from tests.support.chat import (
    BACKENDS,
    ChatWorld,
    all_values,
    query,
    serve_fresh,
    until,
    world,
)
from tests.support.servers import RunningServer

#: Tables that keep what is anonymous on purpose (DOMAIN.md: registrations and surveys
#: stay for the statistics), with the columns a youth or helper types into.
KEPT_ON_PURPOSE = {"chat_surveys": {"comment"}}


@pytest.fixture(scope="module", params=BACKENDS)
def chat_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, dev_certs: Path
) -> Iterator[RunningServer]:
    yield from serve_fresh(request, tmp_path_factory, dev_certs)


@pytest.fixture
def w(chat_server: RunningServer) -> Iterator[ChatWorld]:
    yield from world(chat_server)


def test_after_the_purge_no_text_of_the_chat_is_left_anywhere(
    w: ChatWorld, chat_server: RunningServer
) -> None:
    mark = f"geheim{uuid.uuid4().hex[:8]}"
    helper = w.member("bjzo.helper2")
    helper.available()
    youth = w.youth(nickname=f"{mark}nick", theme="Gevoel")
    until(lambda: helper.has(youth.chat_id), what="the assignment", alive=[helper, youth])
    youth.send(f"{mark} van de jongere")
    helper.send(youth.chat_id, f"{mark} van de hulpverlener")
    for kind in ("whisper", "consult"):
        helper.note(kind, youth.chat_id, f"{mark} {kind}")  # where the role allows it
    referral = w.client.post(
        f"/api/v1/chats/{youth.chat_id}/referrals",
        json={
            "kind": "warm",
            "service": "Bureau Jeugdzorg",
            "consent": True,
            "contact_name": f"{mark} naam",
            "contact_phone": "0612345678",
            "note": f"{mark} notitie",
        },
        headers=helper.headers,
    )
    assert referral.status_code in {200, 201}, referral.text
    said = f"{mark} van de hulpverlener"
    until(lambda: youth.events() is not None and said in youth.texts(), alive=[helper, youth])
    assert youth.end().status_code == 200
    survey = w.client.post(
        youth.url("/survey"), json={"comment": f"{mark} enquête"}, headers=youth.headers
    )
    assert survey.status_code == 201, survey.text
    assert helper.register(youth.chat_id).status_code in {200, 201}
    before = _where(chat_server, mark)
    assert {"chats", "chat_messages", "events"} <= before, before  # the probe finds text

    # Past the retention: the chat ended 31 days ago, the referral's maximum has passed.
    settings = Settings(database_url=chat_server.database_url)
    long_ago = utcnow() - timedelta(days=settings.transcript_retention_days + 1)
    db = Database(chat_server.database_url)
    try:
        with db.write() as conn:
            conn.execute(
                text("UPDATE chats SET ended_at = :t WHERE id = :c"),
                {"t": long_ago, "c": youth.chat_id},
            )
            conn.execute(
                text("UPDATE referrals SET expires_at = :t WHERE chat_id = :c"),
                {"t": long_ago, "c": youth.chat_id},
            )
        forget(db, settings)
    finally:
        db.dispose()

    left = _where(chat_server, mark)
    assert left <= set(KEPT_ON_PURPOSE), (
        f"text of a purged chat is still in {left - set(KEPT_ON_PURPOSE)}"
    )
    rows = query(
        chat_server,
        "SELECT sealed_contact, destroyed_at FROM referrals WHERE chat_id = :c",
        c=youth.chat_id,
    )
    assert rows and all(r["sealed_contact"] is None and r["destroyed_at"] for r in rows)
    with chat_server.client() as client:
        view = client.get(f"/api/v1/chats/{youth.chat_id}", headers=helper.headers)
        assert mark not in view.text
        snapshot = client.get("/api/v1/sync", params={"timeout": 0}, headers=helper.headers)
        assert snapshot.status_code == 200 and mark not in snapshot.text


def _where(server: RunningServer, mark: str) -> set[str]:
    """The tables in which `mark` occurs in any column."""
    return {table for table, values in all_values(server).items() if any(mark in v for v in values)}
