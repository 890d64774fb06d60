"""The chat's adjustable settings, kept in the database (`chat_settings`): opening hours,
capacity per person, the short texts helpers insert, the crisis protocol and the topics.
"""

from __future__ import annotations

import json
from datetime import date
from importlib import resources
from typing import Any

from sqlalchemy import Connection, insert, select, update

from console.domain.chat import Taxonomy
from console.domain.hours import ALWAYS_OPEN, DEFAULT_SCHEDULE, WeeklySchedule, Window
from server.db.tables import chat_settings

SCHEDULE = "schedule"
CAPACITY = "capacity"
TEXTS = "texts"
TAXONOMY = "taxonomy"

DEFAULT_TEXTS: dict[str, Any] = {
    "crisis_protocol": (
        "Crisisprotocol\n"
        "1. Blijf in gesprek en neem de jongere serieus.\n"
        "2. Vraag door: is er direct gevaar? Bij direct levensgevaar: 112.\n"
        "3. Steek je hand op: je begeleider kijkt mee.\n"
        "4. Bespreek een verwijzing: koud (de jongere belt zelf de huisarts of 113 "
        "Zelfmoordpreventie, 0800-0113) of warm (met toestemming bel jij).\n"
        "5. Noteer alleen contactgegevens als de jongere daar toestemming voor geeft.\n"
    ),
    "snippets": [
        {
            "title": "Afsluiten",
            "text": "Dank je wel voor je vertrouwen. Je kunt altijd terugkomen op de chat "
            "of op het forum. Veel sterkte!",
        },
        {
            "title": "Kort gesprek",
            "text": "De chat sluit bijna. We hebben nog even tijd, dus laten we kijken wat "
            "nu het belangrijkste is.",
        },
        {
            "title": "Verwijzing huisarts",
            "text": "Je huisarts kan je verder helpen en je doorverwijzen. Wil je daar "
            "een afspraak maken?",
        },
        {
            "title": "Verwijzing 113",
            "text": "Denk je aan zelfmoord? Bel 113 Zelfmoordpreventie op 0800-0113 of "
            "chat via 113.nl, dag en nacht, gratis en anoniem.",
        },
    ],
    "referral_services": [
        "Huisarts",
        "Bureau Jeugdzorg",
        "113 Zelfmoordpreventie",
        "Veilig Thuis",
        "Kindertelefoon",
        "GGZ-instelling",
    ],
}


def default_taxonomy() -> Taxonomy:
    data = resources.files("server.chat").joinpath("taxonomy.json").read_text("utf-8")
    return Taxonomy.from_json(json.loads(data))


def get(conn: Connection, key: str) -> Any | None:
    raw = conn.execute(
        select(chat_settings.c.value).where(chat_settings.c.key == key)
    ).scalar_one_or_none()
    return None if raw is None else json.loads(raw)


def put(conn: Connection, key: str, value: Any) -> None:
    raw = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    done = conn.execute(
        update(chat_settings)
        .where(chat_settings.c.key == key)
        .values(value=raw, version=chat_settings.c.version + 1)
    )
    if not done.rowcount:
        conn.execute(insert(chat_settings).values(key=key, value=raw, version=1))


def schedule_to_json(schedule: WeeklySchedule) -> dict[str, Any]:
    def hhmm(minutes: int) -> str:
        return f"{minutes // 60:02d}:{minutes % 60:02d}"

    return {
        "windows": {
            str(day): [[hhmm(w.start), hhmm(w.end)] for w in windows]
            for day, windows in sorted(schedule.windows.items())
        },
        "timezone": schedule.timezone,
        "closed_on_public_holidays": schedule.closed_on_public_holidays,
        "opened_dates": sorted(d.isoformat() for d in schedule.opened_dates),
        "closed_dates": sorted(d.isoformat() for d in schedule.closed_dates),
    }


def schedule_from_json(data: dict[str, Any]) -> WeeklySchedule:
    windows = {
        int(day): tuple(Window.of(start, end) for start, end in spans)
        for day, spans in data.get("windows", {}).items()
    }
    return WeeklySchedule(
        windows,
        timezone=str(data.get("timezone", "Europe/Amsterdam")),
        closed_on_public_holidays=bool(data.get("closed_on_public_holidays", True)),
        opened_dates=frozenset(date.fromisoformat(d) for d in data.get("opened_dates", [])),
        closed_dates=frozenset(date.fromisoformat(d) for d in data.get("closed_dates", [])),
    )


def schedule(conn: Connection) -> WeeklySchedule:
    stored = get(conn, SCHEDULE)
    return DEFAULT_SCHEDULE if stored is None else schedule_from_json(stored)


def open_around_the_clock(conn: Connection) -> None:
    """For the demo: every day, all day, holidays included."""
    put(conn, SCHEDULE, schedule_to_json(ALWAYS_OPEN))


def capacity(conn: Connection) -> int:
    stored = get(conn, CAPACITY)
    return 1 if stored is None else max(1, min(2, int(stored)))


def texts(conn: Connection) -> dict[str, Any]:
    stored = get(conn, TEXTS)
    return DEFAULT_TEXTS if stored is None else dict(stored)


def taxonomy(conn: Connection) -> Taxonomy:
    stored = get(conn, TAXONOMY)
    return default_taxonomy() if stored is None else Taxonomy.from_json(stored)
