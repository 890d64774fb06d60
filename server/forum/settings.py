"""The forum's settings (one JSON row, versioned): round windows, duty rotation, danger
words, the reasons screeners choose from, and the screening guidelines."""

from __future__ import annotations

import json
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from sqlalchemy import Connection, insert, select, update

from console.domain.forum import (
    DEFAULT_DANGER_WORDS,
    DEFAULT_EDIT_REASONS,
    DEFAULT_REJECT_REASONS,
    DEFAULT_WINDOWS,
    OTHER_REASON,
    RoundWindow,
)
from console.domain.roles import Role
from server.db.tables import forum_settings, institutions, user_roles, users

SETTINGS_ID = 1
SCREENER_ROLES = frozenset({Role.TRAINEE, Role.HELPER, Role.SUPERVISOR})

DEFAULT_GUIDELINES = """# Richtlijnen voor het screenen

- Publiceer berichten **zoals ze getypt zijn**: spelling en grammatica worden nooit verbeterd.
- Laat de inhoud zoveel mogelijk staan.
- **Bewerk** alleen met een reden: verheerlijken of aanmoedigen van destructief gedrag,
  persoonsgegevens (telefoonnummer, e-mail, adres, postcode, links), details over methoden.
- **Weiger** respectloze, niet-serieuze berichten (spam) en berichten met persoonsgegevens
  die niet weg te bewerken zijn. Ongeveer 1% van de reacties wordt geweigerd.
- **Twijfel?** Zet het bericht apart (vasthouden) voor het HIO-overleg.
- **Gevaar?** Escaleer naar de dienstdoende begeleiders.
"""


@dataclass(frozen=True)
class ForumSettings:
    windows: tuple[RoundWindow, ...]
    rotation: tuple[int, ...]
    danger_words: tuple[str, ...]
    edit_reasons: tuple[tuple[str, str], ...]
    reject_reasons: tuple[tuple[str, str], ...]
    guidelines: str
    version: int

    @property
    def edit_keys(self) -> tuple[str, ...]:
        return tuple(k for k, _ in self.edit_reasons)

    @property
    def reject_keys(self) -> tuple[str, ...]:
        return tuple(k for k, _ in self.reject_reasons)

    def to_json(self) -> dict[str, Any]:
        return {
            "windows": [w.to_json() for w in self.windows],
            "rotation": list(self.rotation),
            "danger_words": list(self.danger_words),
            "edit_reasons": [{"key": k, "label": label} for k, label in self.edit_reasons],
            "reject_reasons": [{"key": k, "label": label} for k, label in self.reject_reasons],
            "guidelines": self.guidelines,
            "version": self.version,
        }


def default_rotation(conn: Connection) -> tuple[int, ...]:
    """Until a rotation is configured: every active institution with screeners, by id."""
    rows = conn.execute(
        select(institutions.c.id)
        .where(
            institutions.c.active.is_(True),
            select(users.c.id)
            .join(user_roles, user_roles.c.user_id == users.c.id)
            .where(
                users.c.institution_id == institutions.c.id,
                users.c.active.is_(True),
                user_roles.c.role.in_([r.value for r in SCREENER_ROLES]),
            )
            .exists(),
        )
        .order_by(institutions.c.id)
    ).all()
    return tuple(int(r.id) for r in rows)


def _parse(data: dict[str, Any], version: int) -> ForumSettings:
    return ForumSettings(
        windows=tuple(RoundWindow.of(w["start"], w["end"]) for w in data["windows"]),
        rotation=tuple(int(i) for i in data["rotation"]),
        danger_words=tuple(str(w) for w in data["danger_words"]),
        edit_reasons=tuple((str(r["key"]), str(r["label"])) for r in data["edit_reasons"]),
        reject_reasons=tuple((str(r["key"]), str(r["label"])) for r in data["reject_reasons"]),
        guidelines=str(data["guidelines"]),
        version=version,
    )


def defaults() -> dict[str, Any]:
    return {
        "windows": [w.to_json() for w in DEFAULT_WINDOWS],
        "rotation": [],
        "danger_words": list(DEFAULT_DANGER_WORDS),
        "edit_reasons": [{"key": k, "label": v} for k, v in DEFAULT_EDIT_REASONS],
        "reject_reasons": [{"key": k, "label": v} for k, v in DEFAULT_REJECT_REASONS],
        "guidelines": DEFAULT_GUIDELINES,
    }


def load(conn: Connection) -> ForumSettings:
    """The settings in force; an empty rotation means the default rotation."""
    row = conn.execute(
        select(forum_settings.c.data, forum_settings.c.version).where(
            forum_settings.c.id == SETTINGS_ID
        )
    ).one_or_none()
    data, version = (defaults(), 0) if row is None else (json.loads(row.data), int(row.version))
    found = _parse(data, version)
    if not found.rotation:
        found = ForumSettings(**{**found.__dict__, "rotation": default_rotation(conn)})
    return found


def problems(conn: Connection, data: dict[str, Any]) -> list[dict[str, str]]:
    """What is wrong with new settings (empty: fine)."""
    wrong: list[dict[str, str]] = []
    windows: list[RoundWindow] = []
    for i, w in enumerate(data["windows"]):
        try:
            windows.append(RoundWindow.of(w["start"], w["end"]))
        except ValueError as exc:
            wrong.append({"field": f"windows.{i}", "message": str(exc)})
    if not data["windows"]:
        wrong.append({"field": "windows", "message": "At least one round window is needed."})
    windows.sort()
    for a, b in pairwise(windows):
        if b.start < a.end:
            wrong.append({"field": "windows", "message": f"{a.label} overlaps {b.label}."})
    known = {int(r.id) for r in conn.execute(select(institutions.c.id)).all()}
    for i, inst in enumerate(data["rotation"]):
        if inst not in known:
            wrong.append({"field": f"rotation.{i}", "message": f"Unknown institution {inst}."})
    for name in ("edit_reasons", "reject_reasons"):
        keys = [r["key"] for r in data[name]]
        if OTHER_REASON not in keys:
            wrong.append({"field": name, "message": "The list must keep 'other'."})
        if len(set(keys)) != len(keys):
            wrong.append({"field": name, "message": "Reason keys must be unique."})
    return wrong


def save(conn: Connection, data: dict[str, Any], version: int) -> bool:
    """Store new settings if `version` is current; False when it is stale."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    if version == 0:
        exists = conn.execute(
            select(forum_settings.c.id).where(forum_settings.c.id == SETTINGS_ID)
        ).first()
        if exists is not None:
            return False
        conn.execute(insert(forum_settings).values(id=SETTINGS_ID, data=text, version=1))
        return True
    result = conn.execute(
        update(forum_settings)
        .where(forum_settings.c.id == SETTINGS_ID, forum_settings.c.version == version)
        .values(data=text, version=version + 1)
    )
    return bool(result.rowcount)
