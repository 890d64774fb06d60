"""Referrals from a chat. The youth's contact details (only for a warm referral the youth
agreed to) are kept apart from the chat, sealed with Fernet, readable by the helper and the
supervisors of that institution only, every read audited, and destroyed when the referral
is closed or at the latest after `referral_max_days`.
"""

from __future__ import annotations

import base64
import hashlib
import json
from datetime import datetime, timedelta
from typing import Any

from cryptography.fernet import Fernet, InvalidToken
from sqlalchemy import Connection, RowMapping, insert, select, update

from console.domain.chat import ReferralDraft, ReferralKind
from console.domain.roles import Role
from server.db.tables import audit_log, referrals
from server.events import iso


def cipher(secret: str) -> Fernet:
    """A Fernet key derived from the configured (or stored) secret."""
    return Fernet(base64.urlsafe_b64encode(hashlib.sha256(secret.encode()).digest()))


def audit(conn: Connection, user_id: int, action: str, subject: str, now: datetime) -> None:
    conn.execute(insert(audit_log).values(at=now, user_id=user_id, action=action, subject=subject))


def create(
    conn: Connection,
    draft: ReferralDraft,
    chat_id: int,
    institution_id: int,
    helper_id: int,
    now: datetime,
    max_days: int,
    seal: Fernet,
) -> int:
    contact = None
    if draft.kind is ReferralKind.WARM and draft.consent and draft.has_contact():
        plain = json.dumps(
            {
                "name": draft.contact_name,
                "phone": draft.contact_phone,
                "email": draft.contact_email,
                "note": draft.note,
            },
            ensure_ascii=False,
        )
        contact = seal.encrypt(plain.encode()).decode()
    referral_id = conn.execute(
        insert(referrals)
        .values(
            chat_id=chat_id,
            institution_id=institution_id,
            helper_id=helper_id,
            kind=draft.kind.value,
            service=draft.service.strip(),
            consent=draft.consent,
            sealed_contact=contact,
            created_at=now,
            expires_at=now + timedelta(days=max_days),
            version=1,
        )
        .returning(referrals.c.id)
    ).scalar_one()
    audit(conn, helper_id, "referral.create", f"referral:{referral_id}", now)
    return int(referral_id)


def may_see(row: RowMapping, user_id: int, institution_id: int, roles: frozenset[Role]) -> bool:
    if row["helper_id"] == user_id:
        return True
    return Role.SUPERVISOR in roles and row["institution_id"] == institution_id


def get(conn: Connection, referral_id: int) -> RowMapping | None:
    return (
        conn.execute(select(referrals).where(referrals.c.id == referral_id))
        .mappings()
        .one_or_none()
    )


def summary(row: RowMapping) -> dict[str, Any]:
    return {
        "id": row["id"],
        "chat_id": row["chat_id"],
        "kind": row["kind"],
        "service": row["service"],
        "consent": row["consent"],
        "has_contact": row["sealed_contact"] is not None,
        "created_at": iso(row["created_at"]),
        "expires_at": iso(row["expires_at"]),
        "closed_at": None if row["closed_at"] is None else iso(row["closed_at"]),
        "destroyed_at": None if row["destroyed_at"] is None else iso(row["destroyed_at"]),
        "version": row["version"],
    }


def visible(
    conn: Connection, user_id: int, institution_id: int, roles: frozenset[Role]
) -> list[dict[str, Any]]:
    query = select(referrals).where(referrals.c.closed_at.is_(None))
    if Role.SUPERVISOR in roles:
        query = query.where(
            (referrals.c.institution_id == institution_id) | (referrals.c.helper_id == user_id)
        )
    else:
        query = query.where(referrals.c.helper_id == user_id)
    return [summary(r) for r in conn.execute(query.order_by(referrals.c.id)).mappings()]


def read_contact(
    conn: Connection, row: RowMapping, reader_id: int, now: datetime, seal: Fernet
) -> dict[str, Any] | None:
    """The contact details (audited), or None when there are none (any more)."""
    audit(conn, reader_id, "referral.read_contact", f"referral:{row['id']}", now)
    if row["sealed_contact"] is None:
        return None
    try:
        data: dict[str, Any] = json.loads(seal.decrypt(row["sealed_contact"].encode()))
    except InvalidToken:
        # Sealed under another key (HULPMIX_REFERRAL_KEY changed): unreadable, not a crash.
        return {"unreadable": True}
    return data


def close(conn: Connection, row: RowMapping, user_id: int, now: datetime) -> None:
    """Close the referral and destroy the contact details for good."""
    conn.execute(
        update(referrals)
        .where(referrals.c.id == row["id"])
        .values(
            closed_at=now,
            sealed_contact=None,
            destroyed_at=now if row["sealed_contact"] is not None else row["destroyed_at"],
            version=referrals.c.version + 1,
        )
    )
    audit(conn, user_id, "referral.close", f"referral:{row['id']}", now)
