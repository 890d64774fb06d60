"""Intervision: meetings, attendance and case notes.

A case note is structured by the meeting's method and may quote chat fragments; the
server masks every quoted fragment again (`console.domain.masking.mask_fragment`) and keeps
only the masked text. The whole note is sealed with Fernet (key from a server secret), so
the database never holds it in plain text. A note is readable by the meeting's
participants and the supervisors of their institutions, never by the project lead, the
helpdesk, admins or other institutions; every read is recorded, and the author sees who
read it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

from cryptography.fernet import Fernet
from sqlalchemy import Connection, RowMapping, insert, select, update

from console.domain.masking import mask_fragment
from console.domain.roles import Role
from server.auth import Principal
from server.chat.referrals import cipher
from server.db.tables import users
from server.events import append_event, iso
from server.supervision.tables import (
    intervision_meetings,
    intervision_note_reads,
    intervision_notes,
    intervision_participants,
)

NOTE_SECRET_NAME = "intervision_note_key"  # noqa: S105 - a name, not a secret

METHODS = ("incident", "ten_step", "balint", "free")
#: A case note's parts, in the order the methods walk through them.
FIELDS = ("case", "question", "questions_and_advice", "approach", "follow_up")
#: What each method asks to be written down.
REQUIRED: dict[str, tuple[str, ...]] = {
    "incident": ("case", "question", "questions_and_advice", "approach"),
    "ten_step": FIELDS,
    "balint": ("case", "question"),
    "free": ("case",),
}
#: Roles that never read intervision, whatever other role they hold.
NEVER = frozenset({Role.PROJECT_LEAD, Role.ADMIN, Role.HELPDESK})


def seal_for(secret: str) -> Fernet:
    """The notes' Fernet from the secret read once at start (`AppState.note_secret`)."""
    return cipher(secret)


# --- the note's content (pure) --------------------------------------------------------------


def note_problems(method: str, content: dict[str, Any]) -> list[dict[str, str]]:
    """The parts the method asks for that are missing, as `fields` of a 422."""
    return [
        {"field": name, "message": f"The {method} method asks for this part."}
        for name in REQUIRED[method]
        if not str(content.get(name, "")).strip()
    ]


def masked_quotes(quotes: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The quoted fragments masked again; only the masked text is kept."""
    kept = []
    for quote in quotes:
        masked = mask_fragment(str(quote["text"]), quote.get("names") or ())
        kept.append(
            {
                "chat_ref": quote["chat_ref"],
                "text": masked.text,
                "masked": [kind for kind, _original in masked.removed],
            }
        )
    return kept


def content_of(method: str, body: dict[str, Any]) -> dict[str, Any]:
    """What is sealed: the parts, the action items, the masked quotes."""
    return {
        "method": method,
        **{name: str(body.get(name, "")) for name in FIELDS},
        "action_items": [
            {
                "text": item["text"],
                "owner_id": item["owner_id"],
                "due": None if item.get("due") is None else str(item["due"]),
            }
            for item in body.get("action_items", [])
        ],
        "quotes": masked_quotes(body.get("quotes", [])),
    }


# --- meetings -------------------------------------------------------------------------------


def get_meeting(conn: Connection, meeting_id: int) -> RowMapping | None:
    return (
        conn.execute(select(intervision_meetings).where(intervision_meetings.c.id == meeting_id))
        .mappings()
        .one_or_none()
    )


def participants(conn: Connection, meeting_id: int) -> list[RowMapping]:
    return list(
        conn.execute(
            select(
                intervision_participants.c.user_id,
                intervision_participants.c.attended,
                users.c.display_name,
                users.c.institution_id,
            )
            .join(users, users.c.id == intervision_participants.c.user_id)
            .where(intervision_participants.c.meeting_id == meeting_id)
            .order_by(users.c.display_name, users.c.id)
        ).mappings()
    )


def may_read(who: Principal, people: Sequence[RowMapping]) -> bool:
    """A participant, or a supervisor of a participant's institution; never the project
    lead, the helpdesk or an admin."""
    if who.roles & NEVER:
        return False
    if any(int(p["user_id"]) == who.user_id for p in people):
        return True
    return Role.SUPERVISOR in who.roles and any(
        int(p["institution_id"]) == who.institution_id for p in people
    )


def is_participant(who: Principal, people: Sequence[RowMapping]) -> bool:
    return not (who.roles & NEVER) and any(int(p["user_id"]) == who.user_id for p in people)


def may_take_attendance(who: Principal, meeting: RowMapping, people: Sequence[RowMapping]) -> bool:
    if who.roles & NEVER:
        return False
    if int(meeting["created_by"]) == who.user_id:
        return True
    return Role.SUPERVISOR in who.roles and any(
        int(p["institution_id"]) == who.institution_id for p in people
    )


def meeting_json(meeting: RowMapping, people: Sequence[RowMapping]) -> dict[str, Any]:
    return {
        "id": meeting["id"],
        "day": meeting["day"].isoformat(),
        "institution_id": meeting["institution_id"],
        "method": meeting["method"],
        "created_by": meeting["created_by"],
        "created_at": iso(meeting["created_at"]),
        "version": meeting["version"],
        "participants": [
            {
                "user_id": p["user_id"],
                "display_name": p["display_name"],
                "institution_id": p["institution_id"],
                "attended": p["attended"],
            }
            for p in people
        ],
    }


def create_meeting(
    conn: Connection,
    day: date,
    institution_id: int | None,
    method: str,
    people: Iterable[int],
    by: int,
    now: datetime,
) -> int:
    meeting_id = int(
        conn.execute(
            insert(intervision_meetings)
            .values(
                day=day,
                institution_id=institution_id,
                method=method,
                created_by=by,
                created_at=now,
                version=1,
            )
            .returning(intervision_meetings.c.id)
        ).scalar_one()
    )
    conn.execute(
        insert(intervision_participants),
        [
            {"meeting_id": meeting_id, "user_id": uid, "attended": None}
            for uid in sorted(set(people))
        ],
    )
    return meeting_id


def visible_meetings(conn: Connection, who: Principal) -> list[dict[str, Any]]:
    """Meetings the caller may read, newest first."""
    if who.roles & NEVER:
        return []
    mine = select(intervision_participants.c.meeting_id).where(
        intervision_participants.c.user_id == who.user_id
    )
    query = select(intervision_meetings.c.id).where(intervision_meetings.c.id.in_(mine))
    if Role.SUPERVISOR in who.roles:
        theirs = (
            select(intervision_participants.c.meeting_id)
            .join(users, users.c.id == intervision_participants.c.user_id)
            .where(users.c.institution_id == who.institution_id)
        )
        query = select(intervision_meetings.c.id).where(
            intervision_meetings.c.id.in_(mine) | intervision_meetings.c.id.in_(theirs)
        )
    found = []
    for meeting_id in conn.execute(query).scalars():
        meeting = get_meeting(conn, int(meeting_id))
        assert meeting is not None
        found.append(meeting_json(meeting, participants(conn, int(meeting_id))))
    return sorted(found, key=lambda m: (m["day"], m["id"]), reverse=True)


def set_attendance(conn: Connection, meeting_id: int, attended: set[int]) -> None:
    for uid in conn.execute(
        select(intervision_participants.c.user_id).where(
            intervision_participants.c.meeting_id == meeting_id
        )
    ).scalars():
        conn.execute(
            update(intervision_participants)
            .where(
                intervision_participants.c.meeting_id == meeting_id,
                intervision_participants.c.user_id == uid,
            )
            .values(attended=int(uid) in attended)
        )
    conn.execute(
        update(intervision_meetings)
        .where(intervision_meetings.c.id == meeting_id)
        .values(version=intervision_meetings.c.version + 1)
    )


def announce_meeting(conn: Connection, meeting_id: int, people: Sequence[RowMapping]) -> None:
    """Participants and their institutions' supervisors hear that something changed (ids
    only: the console fetches what it may read)."""
    data = {"meeting_id": meeting_id}
    tags = {f"user:{p['user_id']}" for p in people}
    tags |= {f"inst:{p['institution_id']}:role:supervisor" for p in people}
    for tag in sorted(tags):
        append_event(conn, f"intervision:{meeting_id}", "intervision.changed", tag, data)


# --- notes ----------------------------------------------------------------------------------


def get_note(conn: Connection, note_id: int) -> RowMapping | None:
    return (
        conn.execute(select(intervision_notes).where(intervision_notes.c.id == note_id))
        .mappings()
        .one_or_none()
    )


def notes_of(conn: Connection, meeting_id: int) -> list[RowMapping]:
    return list(
        conn.execute(
            select(intervision_notes)
            .where(intervision_notes.c.meeting_id == meeting_id)
            .order_by(intervision_notes.c.id)
        ).mappings()
    )


def note_by_txn(conn: Connection, author: int, txn_id: str) -> RowMapping | None:
    """The note this author already stored under the console's transaction id, if any."""
    return (
        conn.execute(
            select(intervision_notes).where(
                intervision_notes.c.author_id == author, intervision_notes.c.txn_id == txn_id
            )
        )
        .mappings()
        .one_or_none()
    )


def own_content(note: RowMapping, seal: Fernet) -> dict[str, Any]:
    """The note's content for its author answering a repeated send (not a read to audit)."""
    return dict(json.loads(seal.decrypt(note["sealed"].encode())))


def add_note(
    conn: Connection, meeting_id: int, author: int, content: dict[str, Any], seal: Fernet,
    now: datetime, txn_id: str | None = None,
) -> int:  # fmt: skip
    return int(
        conn.execute(
            insert(intervision_notes)
            .values(
                meeting_id=meeting_id,
                author_id=author,
                sealed=_seal(seal, content),
                created_at=now,
                updated_at=now,
                version=1,
                txn_id=txn_id,
            )
            .returning(intervision_notes.c.id)
        ).scalar_one()
    )


def update_note(
    conn: Connection, note: RowMapping, content: dict[str, Any], seal: Fernet, now: datetime
) -> None:
    conn.execute(
        update(intervision_notes)
        .where(intervision_notes.c.id == note["id"])
        .values(sealed=_seal(seal, content), updated_at=now, version=note["version"] + 1)
    )


def read_note(
    conn: Connection, note: RowMapping, reader: int, seal: Fernet, now: datetime
) -> dict[str, Any]:
    """The note opened for `reader`: the read is recorded in the same transaction."""
    conn.execute(insert(intervision_note_reads).values(note_id=note["id"], user_id=reader, at=now))
    return note_json(note, json.loads(seal.decrypt(note["sealed"].encode())))


def note_json(note: RowMapping, content: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": note["id"],
        "meeting_id": note["meeting_id"],
        "author_id": note["author_id"],
        "created_at": iso(note["created_at"]),
        "updated_at": iso(note["updated_at"]),
        "version": note["version"],
        **content,
    }


def reads_of(conn: Connection, note_id: int) -> list[dict[str, Any]]:
    rows = conn.execute(
        select(intervision_note_reads, users.c.display_name)
        .join(users, users.c.id == intervision_note_reads.c.user_id)
        .where(intervision_note_reads.c.note_id == note_id)
        .order_by(intervision_note_reads.c.id)
    ).mappings()
    return [
        {"user_id": r["user_id"], "display_name": r["display_name"], "at": iso(r["at"])}
        for r in rows
    ]


def _seal(seal: Fernet, content: dict[str, Any]) -> str:
    return seal.encrypt(json.dumps(content, ensure_ascii=False).encode()).decode()


# --- the follow-up due next time ------------------------------------------------------------


def previous_meeting(conn: Connection, meeting: RowMapping) -> RowMapping | None:
    """The meeting before this one: the latest with an earlier day of the same institution
    or, for a meeting across institutions, the latest earlier one across institutions that
    shares at least one participant with it."""
    query = select(intervision_meetings).where(intervision_meetings.c.day < meeting["day"])
    if meeting["institution_id"] is not None:
        query = query.where(intervision_meetings.c.institution_id == meeting["institution_id"])
    else:
        shared = select(intervision_participants.c.meeting_id).where(
            intervision_participants.c.user_id.in_(
                select(intervision_participants.c.user_id).where(
                    intervision_participants.c.meeting_id == meeting["id"]
                )
            )
        )
        query = query.where(
            intervision_meetings.c.institution_id.is_(None),
            intervision_meetings.c.id.in_(shared),
        )
    order = (intervision_meetings.c.day.desc(), intervision_meetings.c.id.desc())
    return conn.execute(query.order_by(*order).limit(1)).mappings().first()


def previous_json(
    conn: Connection, meeting: RowMapping, who: Principal, seal: Fernet, now: datetime
) -> dict[str, Any] | None:
    """The previous meeting's follow-ups and action items for `who`, each note shown
    recorded as read; None when there is no previous meeting or `who` may not read it
    (then nothing about it is shown, not even its day)."""
    before = previous_meeting(conn, meeting)
    if before is None or not may_read(who, participants(conn, int(before["id"]))):
        return None
    shown = []
    for note in notes_of(conn, int(before["id"])):
        content = json.loads(seal.decrypt(note["sealed"].encode()))
        if not str(content.get("follow_up", "")).strip() and not content.get("action_items"):
            continue
        conn.execute(
            insert(intervision_note_reads).values(note_id=note["id"], user_id=who.user_id, at=now)
        )
        shown.append(
            {
                "note_id": note["id"],
                "author_id": note["author_id"],
                "follow_up": str(content.get("follow_up", "")),
                "action_items": list(content.get("action_items", [])),
            }
        )
    return {"id": before["id"], "day": before["day"].isoformat(), "follow_ups": shown}
