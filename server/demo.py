"""Demo institutions and accounts (`python -m server demo-data`); safe to run twice."""

from __future__ import annotations

from dataclasses import dataclass

from console.domain.roles import Role
from server.accounts import create_institution, create_user, institution_by_code, user_by_name
from server.chat.config import open_around_the_clock
from server.db.database import Database
from server.forum.demo import load_forum_demo
from server.roster.demo import load_roster_demo

DEMO_PASSWORD = "hulpmix-demo"  # noqa: S105 - documented demo password

INSTITUTIONS: list[tuple[str, str]] = [
    ("bascule", "GGZ De Bascule"),
    ("ggze", "GGZ Eindhoven"),
    ("bjzg", "Bureau Jeugdzorg Gelderland"),
    ("bjzo", "Bureau Jeugdzorg Overijssel"),
    ("bjzzh", "Bureau Jeugdzorg Zuid-Holland"),
]
CENTRAL = ("centraal", "Hulpmix (centraal)")

_NAMES: dict[str, list[str]] = {
    "bascule": ["Sanne de Vries", "Daan Jansen", "Lotte Bakker", "Thijs Visser"],
    "ggze": ["Emma van den Berg", "Bram Smit", "Fleur Mulder", "Ruben de Boer"],
    "bjzg": ["Iris Hendriks", "Jesse van Dijk", "Noor Dekker", "Lucas Brouwer"],
    "bjzo": ["Julia de Groot", "Sem Meijer", "Anouk Bos", "Milan Vos"],
    "bjzzh": ["Eva Peters", "Stijn Willems", "Maud Jacobs", "Niels van Leeuwen"],
}
_CENTRAL_USERS: list[tuple[str, str, Role]] = [
    ("coordinator", "Marieke Kok", Role.ROSTER_COORDINATOR),
    ("projectlead", "Joost van der Linden", Role.PROJECT_LEAD),
    ("helpdesk", "Femke Schouten", Role.HELPDESK),
    ("admin", "Pieter Verhoeven", Role.ADMIN),
]


@dataclass(frozen=True)
class DemoAccount:
    username: str
    display_name: str
    roles: frozenset[Role]
    institution: str
    created: bool


def demo_accounts() -> list[tuple[str, str, frozenset[Role], str]]:
    """(username, display name, roles, institution code) for every demo account."""
    accounts: list[tuple[str, str, frozenset[Role], str]] = []
    for code, _name in INSTITUTIONS:
        names = _NAMES[code]
        accounts += [
            (f"{code}.helper1", names[0], frozenset({Role.HELPER, Role.SUPERVISOR}), code),
            (f"{code}.helper2", names[1], frozenset({Role.HELPER}), code),
            (f"{code}.trainee1", names[2], frozenset({Role.TRAINEE}), code),
            (f"{code}.trainee2", names[3], frozenset({Role.TRAINEE}), code),
        ]
    for username, display, role in _CENTRAL_USERS:
        accounts.append((username, display, frozenset({role}), CENTRAL[0]))
    return accounts


def load_demo_data(db: Database) -> list[DemoAccount]:
    """Create whatever of the demo data is missing; returns every demo account."""
    result: list[DemoAccount] = []
    with db.write() as conn:
        ids: dict[str, int] = {}
        for code, name in [*INSTITUTIONS, CENTRAL]:
            row = institution_by_code(conn, code)
            ids[code] = row["id"] if row is not None else create_institution(conn, code, name)
        for username, display, roles, code in demo_accounts():
            exists = user_by_name(conn, username) is not None
            if not exists:
                create_user(conn, username, display, DEMO_PASSWORD, roles, ids[code])
            result.append(DemoAccount(username, display, roles, code, created=not exists))
        # The demo can be tried at any hour; production keeps weekdays 16:00-18:00.
        open_around_the_clock(conn)
        # The forum: duty rotates over the demo institutions; a queue to screen.
        decider = user_by_name(conn, f"{INSTITUTIONS[0][0]}.trainee1")
        assert decider is not None
        load_forum_demo(conn, [ids[code] for code, _name in INSTITUTIONS], int(decider["id"]))
        # The roster: commitments for this quarter, four weeks of blocks (three published).
        coordinator = user_by_name(conn, _CENTRAL_USERS[0][0])
        assert coordinator is not None
        load_roster_demo(
            conn, {code: ids[code] for code, _name in INSTITUTIONS}, int(coordinator["id"])
        )
    return result
