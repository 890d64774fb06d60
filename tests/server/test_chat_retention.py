"""Forgetting on time, on both databases: transcripts after the retention, referral contact
details after their maximum; the anonymous registration stays for the statistics."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, insert, select

from console.domain.chat import EndReason, ReferralDraft, ReferralKind
from server.chat import referrals
from server.chat.core import create_chat, end_chat, get_chat, post_message
from server.chat.retention import destroy_expired_referrals, purge_transcripts
from server.db.database import Database
from server.db.migrate import upgrade
from server.db.tables import (
    chat_messages,
    chat_registrations,
    events,
    institutions,
    users,
    utcnow,
)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db(request, tmp_path):
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'retention.db'}"
    else:
        url = request.getfixturevalue("pg_cluster").create_database()
    database = Database(url)
    upgrade(database)
    yield database
    database.dispose()


def _staff(conn) -> tuple[int, int]:
    now = utcnow()
    inst = conn.execute(
        insert(institutions)
        .values(code="ret", name="Retention", active=True, version=1, created_at=now)
        .returning(institutions.c.id)
    ).scalar_one()
    user = conn.execute(
        insert(users)
        .values(
            username="ret.helper",
            display_name="R",
            password_hash="x",
            institution_id=inst,
            active=True,
            version=1,
            failed_logins=0,
            created_at=now,
        )
        .returning(users.c.id)
    ).scalar_one()
    return int(inst), int(user)


def test_transcripts_go_after_the_retention_and_the_registration_stays(db):
    now = utcnow()
    with db.write() as conn:
        inst, user = _staff(conn)
        old = create_chat(conn, now - timedelta(days=40), False, "Kim", 15, "Gevoel")
        recent = create_chat(conn, now - timedelta(days=2), False, "Noor", 16, "Familie")
        for chat in (old, recent):
            post_message(conn, chat.chat_id, "youth", None, "t-1-abcdef", "geheim", now)
        end_chat(conn, get_chat(conn, old.chat_id), EndReason.YOUTH, now - timedelta(days=31))
        end_chat(conn, get_chat(conn, recent.chat_id), EndReason.YOUTH, now - timedelta(days=1))
        conn.execute(
            insert(chat_registrations).values(
                chat_id=old.chat_id,
                user_id=user,
                institution_id=inst,
                theme="Gevoel",
                subtopic="Depri",
                seemed_serious=True,
                target_group="in_target",
                referral="none",
                referred_to="",
                crisis=False,
                phases="welcome",
                remark="",
                at=now,
            )
        )
    with db.write() as conn:
        assert purge_transcripts(conn, now, retention_days=30) == 1
        assert purge_transcripts(conn, now, retention_days=30) == 0, "once"
    with db.read() as conn:

        def count(table, chat_id):
            return conn.execute(
                select(func.count()).select_from(table).where(table.c.chat_id == chat_id)
            ).scalar_one()

        assert count(chat_messages, old.chat_id) == 0
        assert count(chat_messages, recent.chat_id) >= 1
        gone = conn.execute(
            select(func.count()).where(events.c.stream == f"chat:{old.chat_id}")
        ).scalar_one()
        assert gone == 0, "the event log forgets the chat's text too"
        assert get_chat(conn, old.chat_id)["nickname"] is None
        assert get_chat(conn, recent.chat_id)["nickname"] == "Noor"
        assert count(chat_registrations, old.chat_id) == 1


def test_referral_contact_details_are_destroyed_after_their_maximum(db):
    now = utcnow()
    seal = referrals.cipher("a secret kept outside the database")
    draft = ReferralDraft(
        ReferralKind.WARM, "Bureau Jeugdzorg", consent=True, contact_phone="0612345678"
    )
    with db.write() as conn:
        inst, user = _staff(conn)
        chat = create_chat(conn, now, False, None, None, None)
        ref = referrals.create(conn, draft, chat.chat_id, inst, user, now, 30, seal)
        row = referrals.get(conn, ref)
        assert "0612345678" not in row["sealed_contact"], "sealed at rest"
        assert referrals.read_contact(conn, row, user, now, seal)["phone"] == "0612345678"
    with db.write() as conn:
        assert destroy_expired_referrals(conn, now + timedelta(days=29)) == 0
        assert destroy_expired_referrals(conn, now + timedelta(days=31)) == 1
    with db.read() as conn:
        row = referrals.get(conn, ref)
        assert row["sealed_contact"] is None and row["destroyed_at"] is not None
        assert row["service"] == "Bureau Jeugdzorg", "the referral itself stays"
