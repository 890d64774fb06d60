"""The roster's reports for the console, without Qt: the fairness report with the holiday
ledger, a month of the roster for the month overview, and the XLSX export and import.

The month comes from the same `GET /roster?start&end` as the week grid, parsed into the
same `RosterWeek`, without touching the week the RosterService keeps on screen. An import
the server refuses comes back as `ImportRefused` with the errors per row (sheet row,
column, and the server's English sentence, which the console shows as it is: it names a
cell, not a rule the console could translate by code).
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from console.services.errors import ApiError, Invalid, ServerError, TooLarge
from console.services.roster import RosterWeek
from console.services.transport import Transport

CATEGORIES = ("blocks", "fridays", "holidays", "forum")
#: The first bytes of every XLSX (a zip archive).
ZIP_MAGIC = b"PK\x03\x04"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
#: A workbook larger than this is not sent (the server's body limit is smaller still).
MAX_UPLOAD = 4 * 1024 * 1024


def _float(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _int(value: object) -> int:
    return int(value) if isinstance(value, int | float) and not isinstance(value, bool) else 0


@dataclass(frozen=True)
class Figure:
    """One institution's figure in one category: count, share and deviation from it."""

    count: int
    share: float | None
    deviation: float | None

    @classmethod
    def from_json(cls, data: object) -> Figure:
        raw = data if isinstance(data, dict) else {}
        return cls(_int(raw.get("count")), _float(raw.get("share")), _float(raw.get("deviation")))


@dataclass(frozen=True)
class InstitutionFairness:
    id: str
    code: str
    name: str
    min_blocks: int
    max_blocks: int | None
    commitment: str  # "within", "below" or "above"
    figures: Mapping[str, Figure]

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> InstitutionFairness:
        high = data.get("max_blocks")
        return cls(
            id=str(data.get("id") or ""),
            code=str(data.get("code") or ""),
            name=str(data.get("name") or ""),
            min_blocks=_int(data.get("min_blocks")),
            max_blocks=None if high is None else _int(high),
            commitment=str(data.get("commitment") or "within"),
            figures={c: Figure.from_json(data.get(c)) for c in CATEGORIES},
        )


@dataclass(frozen=True)
class CategorySpread:
    total: int
    spread: float
    least: float

    @property
    def as_fair_as_possible(self) -> bool:
        return self.spread <= self.least + 1e-6


@dataclass(frozen=True)
class LedgerDay:
    day: date
    name: str
    hard_to_staff: bool
    institutions: tuple[str | None, ...]
    forum: str | None


@dataclass(frozen=True)
class HolidayLedger:
    start: date
    end: date
    days: tuple[LedgerDay, ...]
    counts: Mapping[str, int]
    forum_counts: Mapping[str, int]

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> HolidayLedger:
        days = tuple(
            LedgerDay(
                day=date.fromisoformat(str(d["day"])),
                name=str(d.get("name") or ""),
                hard_to_staff=bool(d.get("hard_to_staff")),
                institutions=tuple(
                    None if i is None else str(i) for i in d.get("institutions") or []
                ),
                forum=None if d.get("forum") is None else str(d["forum"]),
            )
            for d in data.get("days") or []
            if isinstance(d, dict)
        )
        counts = data.get("counts")
        forum = data.get("forum_counts")
        return cls(
            start=date.fromisoformat(str(data["start"])),
            end=date.fromisoformat(str(data["end"])),
            days=days,
            counts={str(k): _int(v) for k, v in counts.items()} if isinstance(counts, dict) else {},
            forum_counts=(
                {str(k): _int(v) for k, v in forum.items()} if isinstance(forum, dict) else {}
            ),
        )


@dataclass(frozen=True)
class FairnessReport:
    start: date
    end: date
    categories: Mapping[str, CategorySpread]
    institutions: tuple[InstitutionFairness, ...]
    ledger: HolidayLedger

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> FairnessReport:
        raw = data.get("categories")
        categories = raw if isinstance(raw, dict) else {}
        spreads = {}
        for name in CATEGORIES:
            entry = categories.get(name)
            entry = entry if isinstance(entry, dict) else {}
            spreads[name] = CategorySpread(
                _int(entry.get("total")),
                _float(entry.get("spread")) or 0.0,
                _float(entry.get("least_spread")) or 0.0,
            )
        ledger = data.get("ledger")
        return cls(
            start=date.fromisoformat(str(data["start"])),
            end=date.fromisoformat(str(data["end"])),
            categories=spreads,
            institutions=tuple(
                InstitutionFairness.from_json(i)
                for i in data.get("institutions") or []
                if isinstance(i, dict)
            ),
            ledger=HolidayLedger.from_json(
                ledger if isinstance(ledger, dict) else {"start": data["start"], "end": data["end"]}
            ),
        )

    def extremes(self, category: str) -> tuple[set[str], set[str]]:
        """Institutions furthest above and below their share (the spread's two ends)."""
        deviations = {
            i.id: d for i in self.institutions if (d := i.figures[category].deviation) is not None
        }
        if not deviations or max(deviations.values()) - min(deviations.values()) < 1e-6:
            return set(), set()
        high, low = max(deviations.values()), min(deviations.values())
        return (
            {i for i, d in deviations.items() if abs(d - high) < 1e-6},
            {i for i, d in deviations.items() if abs(d - low) < 1e-6},
        )


@dataclass(frozen=True)
class RowError:
    row: int | None
    field: str
    message: str


@dataclass(frozen=True)
class Imported:
    rows: int
    blocks: int
    forum: int


class ImportRefused(Exception):
    """The server refused the file: every error per row; nothing was changed."""

    def __init__(self, message: str, errors: list[RowError], more: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.errors = errors
        self.more = more


def _row_errors(exc: ApiError) -> list[RowError]:
    found = []
    for raw in exc.body.get("errors") or []:
        if isinstance(raw, dict):
            row = raw.get("row")
            found.append(
                RowError(
                    row if isinstance(row, int) else None,
                    str(raw.get("field") or ""),
                    str(raw.get("message") or ""),
                )
            )
    return found


class RosterReportsService:
    """Collaborators come in through the constructor; it keeps no state of its own."""

    def __init__(self, transport: Transport) -> None:
        self.transport = transport

    async def fairness(self, start: date, end: date) -> FairnessReport:
        answer = await self.transport.call(
            "GET", "/roster/fairness", params={"start": start.isoformat(), "end": end.isoformat()}
        )
        if not isinstance(answer, dict):
            raise ServerError(200, "the fairness answer is not an object")
        return FairnessReport.from_json(answer)

    async def month(self, start: date, end: date) -> RosterWeek:
        """A period of the roster (a month) for the overview; the week on screen stays."""
        answer = await self.transport.call(
            "GET", "/roster", params={"start": start.isoformat(), "end": end.isoformat()}
        )
        if not isinstance(answer, dict):
            raise ServerError(200, "the roster answer is not an object")
        return RosterWeek.from_json(answer)

    async def export_xlsx(self, start: date, end: date, path: Path) -> int:
        """The draft of the period as a workbook at `path`; returns the bytes written."""
        query = f"start={start.isoformat()}&end={end.isoformat()}"
        content = await self.transport.fetch(f"/roster/export.xlsx?{query}", timeout=60)
        if not content.startswith(ZIP_MAGIC):
            raise ServerError(200, "the answer is not a workbook")
        await asyncio.to_thread(path.write_bytes, content)
        return len(content)

    async def import_xlsx(self, path: Path) -> Imported:
        """Send the workbook at `path`; all its changes are made, or none (ImportRefused)."""
        size = await asyncio.to_thread(lambda: path.stat().st_size)
        if size > MAX_UPLOAD:
            raise ImportRefused("too large", [RowError(None, "file", "too large")])
        content = await asyncio.to_thread(path.read_bytes)
        try:
            answer = await self.transport.upload(
                "/roster/import", content, content_type=XLSX_TYPE, timeout=120.0
            )
        except (Invalid, TooLarge) as exc:
            errors = _row_errors(exc) or [RowError(None, "file", exc.message)]
            more = exc.body.get("more")
            raise ImportRefused(exc.message, errors, more if isinstance(more, int) else 0) from exc
        data = answer if isinstance(answer, dict) else {}
        return Imported(_int(data.get("rows")), _int(data.get("blocks")), _int(data.get("forum")))
