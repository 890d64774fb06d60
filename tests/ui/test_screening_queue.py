"""The screening queue model: oldest first, and a change touches one row, never the whole
model (5,000 waiting posts must not be rebuilt on every event)."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

from console.services.forum import Claim, ScreeningItem
from console.ui.screening.queue_model import ItemIdRole, ScreeningQueueModel

NOW = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)


def item(item_id: int, minutes_ago: int, body: str = "gewoon een vraag") -> ScreeningItem:
    return ScreeningItem.from_json(
        {
            "id": item_id,
            "kind": "topic",
            "status": "pending",
            "title": f"Titel {item_id}",
            "body": body,
            "theme": "Gevoel",
            "created_at": (NOW - timedelta(minutes=minutes_ago)).isoformat(),
            "version": 1,
        }
    )


def ids(model: ScreeningQueueModel) -> list[int]:
    return [model.data(model.index(r, 0), ItemIdRole) for r in range(model.rowCount())]


def test_rows_are_inserted_updated_and_removed_one_by_one(qapp, dutch):
    model = ScreeningQueueModel(user_id=7, now=lambda: NOW)
    model.set_items([item(3, 5), item(1, 30), item(2, 12)])
    assert ids(model) == [1, 2, 3]
    assert model.data(model.index(0, model.AGE)) == "30 min"

    resets: list[str] = []
    inserted: list[tuple[int, int]] = []
    removed: list[tuple[int, int]] = []
    changed: list[int] = []
    model.modelReset.connect(lambda: resets.append("reset"))
    model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    model.rowsRemoved.connect(lambda _p, first, last: removed.append((first, last)))
    model.dataChanged.connect(lambda top, _bottom, _roles=(): changed.append(top.row()))

    model.upsert(item(4, 20))  # between 1 (30 min) and 2 (12 min)
    assert ids(model) == [1, 4, 2, 3] and inserted == [(1, 1)]

    claim = Claim(user_id=8, name="Sanne de Vries", institution_id=1, until=NOW + timedelta(5))
    model.upsert(dataclasses.replace(item(2, 12), claim=claim, version=2))
    assert changed == [2]
    assert model.data(model.index(2, model.CLAIM)) == "Sanne de Vries"

    model.upsert(dataclasses.replace(item(4, 20), status="published", version=2))
    assert ids(model) == [1, 2, 3] and removed == [(1, 1)]
    model.upsert(dataclasses.replace(item(9, 1), status="held"))  # another queue: ignored
    assert ids(model) == [1, 2, 3]
    assert resets == []


def test_flags_name_danger_and_personal_data(qapp, dutch):
    model = ScreeningQueueModel(user_id=7, now=lambda: NOW)
    model.set_danger_words(["zelfmoord"])
    model.set_items(
        [
            item(1, 3, "bel me op 06-12345678"),
            item(2, 2, "ik denk aan Zelfmoord"),
            item(3, 1, "niks bijzonders"),
        ]
    )
    flags = [model.data(model.index(r, model.FLAGS)) for r in range(3)]
    assert flags == ["persoonsgegevens", "\u26a0 gevaar", ""]
