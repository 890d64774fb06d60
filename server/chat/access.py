"""Which chats a staff member may read, and from which event on.

- The helper a chat is assigned to reads it from their assignment on, up to the end of
  that assignment (a hand-over or the end of the chat).
- A supervisor reads the chats of the trainees of their own institution (read-only), over
  the same span as the trainee.
- After a hand-over the new helper sees earlier messages only when the youth agreed.
Everybody with a chat role holds the `chatstaff` audience (queue, team, consultation).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, select

from console.domain.roles import Role
from server.chat.core import CHAT_ROLES
from server.db.tables import chat_assignments, chats, user_roles, users


@dataclass(frozen=True)
class Grant:
    chat_id: int
    from_seq: int
    until_seq: int | None
    #: "helper": the one the chat is assigned to; "supervisor": watching a trainee.
    as_role: str

    def covers(self, seq: int) -> bool:
        return seq >= self.from_seq and (self.until_seq is None or seq <= self.until_seq)


def grants_for(
    conn: Connection, user_id: int, institution_id: int, roles: Iterable[Role]
) -> list[Grant]:
    roles = frozenset(roles)
    found: list[Grant] = []
    own = conn.execute(
        select(
            chat_assignments.c.chat_id,
            chat_assignments.c.from_seq,
            chat_assignments.c.until_seq,
        ).where(chat_assignments.c.user_id == user_id)
    ).all()
    found += [Grant(int(r.chat_id), int(r.from_seq), r.until_seq, "helper") for r in own]
    if Role.SUPERVISOR in roles:
        trainees = (
            select(user_roles.c.user_id)
            .join(users, users.c.id == user_roles.c.user_id)
            .where(
                user_roles.c.role == Role.TRAINEE.value,
                users.c.institution_id == institution_id,
            )
        )
        watched = conn.execute(
            select(
                chat_assignments.c.chat_id,
                chat_assignments.c.from_seq,
                chat_assignments.c.until_seq,
            ).where(chat_assignments.c.user_id.in_(trainees), chat_assignments.c.user_id != user_id)
        ).all()
        found += [
            Grant(int(r.chat_id), int(r.from_seq), r.until_seq, "supervisor") for r in watched
        ]
    return found


def audience_extra(roles: Iterable[Role], grants: Iterable[Grant]) -> frozenset[str]:
    tags: set[str] = set()
    if CHAT_ROLES & frozenset(roles):
        tags.add("chatstaff")
    for grant in grants:
        tags.add(f"chat:{grant.chat_id}")
        tags.add(f"chatstaff:{grant.chat_id}")
    return frozenset(tags)


def event_filter(grants: Iterable[Grant]) -> dict[str, list[Grant]]:
    """Audience tag -> the grants that decide which of its events may be read."""
    by_tag: dict[str, list[Grant]] = {}
    for grant in grants:
        by_tag.setdefault(f"chat:{grant.chat_id}", []).append(grant)
        by_tag.setdefault(f"chatstaff:{grant.chat_id}", []).append(grant)
    return by_tag


def may_read(grants: Iterable[Grant], chat_id: int) -> Grant | None:
    """The grant that decides on `chat_id`: an open one (the chat is theirs, or their
    trainee's, now), else the widest closed one; None when there is none.

    (Not the order the rows came in: a closed grant must never win over the open one.)
    """
    found = [g for g in grants if g.chat_id == chat_id]
    if not found:
        return None
    return min(found, key=lambda g: (g.until_seq is not None, g.from_seq))


def is_current_helper(conn: Connection, chat_id: int, user_id: int) -> bool:
    helper = conn.execute(select(chats.c.helper_id).where(chats.c.id == chat_id)).scalar()
    return helper == user_id
