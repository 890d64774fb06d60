"""Roles, areas and who sees which area.

Shared by the server (authorisation) and the console (navigation). The names are the
wire names; the UI translates them.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum


class Role(StrEnum):
    TRAINEE = "trainee"
    HELPER = "helper"
    SUPERVISOR = "supervisor"
    ROSTER_COORDINATOR = "roster_coordinator"
    PROJECT_LEAD = "project_lead"
    HELPDESK = "helpdesk"
    ADMIN = "admin"


ALL_ROLES: frozenset[Role] = frozenset(Role)

#: Roles that talk with youths.
CHAT_ROLES: frozenset[Role] = frozenset({Role.TRAINEE, Role.HELPER, Role.SUPERVISOR})

#: Who edits the chat's texts (crisis protocol, short texts, referral services).
CHAT_TEXT_EDITORS: frozenset[Role] = frozenset({Role.ADMIN, Role.PROJECT_LEAD})

#: Who opens a public holiday or closes a day for the chat.
CHAT_SCHEDULERS: frozenset[Role] = frozenset(
    {Role.ROSTER_COORDINATOR, Role.PROJECT_LEAD, Role.ADMIN}
)


class Area(StrEnum):
    """The console's areas, in navigation order."""

    HOME = "home"
    CHAT = "chat"
    SCREENING = "screening"
    ROSTER = "roster"
    SUPERVISION = "supervision"
    REPORTS = "reports"
    ADMIN = "admin"


_AREA_ROLES: dict[Area, frozenset[Role]] = {
    Area.HOME: ALL_ROLES,
    Area.CHAT: CHAT_ROLES,
    # Trainees screen; helpers back them up; the coordinator watches the rounds.
    Area.SCREENING: frozenset(
        {Role.TRAINEE, Role.HELPER, Role.SUPERVISOR, Role.ROSTER_COORDINATOR}
    ),
    # Everyone sees their own shifts; coordinators fill the blocks.
    Area.ROSTER: frozenset(
        {Role.TRAINEE, Role.HELPER, Role.SUPERVISOR, Role.ROSTER_COORDINATOR, Role.PROJECT_LEAD}
    ),
    # Trainees see their own progress; supervisors sign off. The project lead only sees
    # readiness counts, never intervision notes: that is enforced by the server.
    Area.SUPERVISION: frozenset(
        {Role.TRAINEE, Role.HELPER, Role.SUPERVISOR, Role.ROSTER_COORDINATOR, Role.PROJECT_LEAD}
    ),
    Area.REPORTS: frozenset({Role.ROSTER_COORDINATOR, Role.PROJECT_LEAD, Role.SUPERVISOR}),
    # Administration holds the chat's texts and its open days, so exactly the roles the
    # server lets edit either (the same sets authorise `PUT /chat/texts` and
    # `PUT /chat/open-days/{day}`). Open days stay here rather than in the roster: the
    # admin, who may set them too, has no roster area. The helpdesk may use neither screen
    # and would only find an empty area; it comes back with an accounts screen.
    Area.ADMIN: CHAT_TEXT_EDITORS | CHAT_SCHEDULERS,
}


def parse_roles(names: Iterable[str]) -> frozenset[Role]:
    """Parse wire role names; raises ValueError naming the first unknown one."""
    roles: set[Role] = set()
    for name in names:
        try:
            roles.add(Role(name))
        except ValueError:
            raise ValueError(f"unknown role: {name!r}") from None
    return frozenset(roles)


def areas_for(roles: Iterable[Role]) -> list[Area]:
    """The areas a person with these roles may open, in navigation order."""
    held = frozenset(roles)
    return [area for area in Area if _AREA_ROLES[area] & held]
