"""The roster as an XLSX workbook: export a period, import a changed grid all-or-nothing.

Sheet "Roster" has a row per block: Day (YYYY-MM-DD), Block (1, 2, ...), Institution (its
code), Seat 1, Seat 2 (usernames), Forum duty ("yes" on the block of the institution with
the day's forum duty), Version and Forum version (the rows' versions at export, for the
stale check). Sheet "Commitments" lists the period's commitments and sheet "People" the
usernames one may type into a seat; both are for reading only and ignored on import.

An import is validated completely before anything is written: every row is checked (day,
block, institution, people, forum duty, versions) and so is each day as it would become
(an institution twice, forum duty of an institution without a block, names breaking
`validate_fills`); any error answers with the list of errors per row and changes nothing.
Rows equal to the current roster are left alone; a changed row must carry the version it
was exported with. A file is untrusted input: it must be a zip of bounded uncompressed
size (read with openpyxl's read-only mode, whose zip reader stops at the declared sizes),
only the first columns and rows up to a limit are read, and a formula is refused, never
evaluated.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Font
from openpyxl.utils.exceptions import InvalidFileException
from sqlalchemy import Connection, select

from console.domain.roster import BlockFill, Person, ServiceCalendar, describe, validate_fills
from server.db.tables import institutions, users
from server.roster import core

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SHEET = "Roster"
HEADERS = (
    "Day",
    "Block",
    "Institution",
    "Seat 1",
    "Seat 2",
    "Forum duty",
    "Version",
    "Forum version",
)
FIELDS = tuple(h.lower() for h in HEADERS)
#: Limits for an uploaded workbook (a year of blocks is about 800 rows).
MAX_ROWS = 2_000
MAX_ENTRIES = 100
MAX_UNCOMPRESSED = 8 * 1024 * 1024
MAX_ERRORS = 200
YES = frozenset({"yes", "ja", "y", "j", "x", "1", "true", "forum"})
NO = frozenset({"", "no", "nee", "n", "0", "false"})


class WorkbookRefused(Exception):
    """The upload is no workbook we read: `status` 413 (too big) or 422, with a sentence."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True)
class RowError:
    row: int
    field: str
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {"row": self.row, "field": self.field, "message": self.message}


# --------------------------------------------------------------------------- export


def _put(sheet: Any, row: int, column: int, value: object) -> Cell:
    """Write a cell; text is always text (a name starting with "=" is no formula).

    Control characters cannot be stored in a workbook: they are left out, so that one
    name typed with one does not make the whole export fail."""
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    cell: Cell = sheet.cell(row=row, column=column, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
    return cell


def _table(sheet: Any, headers: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    bold = Font(bold=True)
    for column, title in enumerate(headers, start=1):
        _put(sheet, 1, column, title).font = bold
        sheet.column_dimensions[chr(64 + column)].width = max(12, len(title) + 4)
    for number, values in enumerate(rows, start=2):
        for column, value in enumerate(values, start=1):
            _put(sheet, number, column, value)
    sheet.freeze_panes = "A2"


def export_xlsx(conn: Connection, start: date, end: date) -> bytes:
    """The draft of the period as a workbook (see the module's docstring)."""
    calendar = core.calendar_for(conn, start, end)
    blocks = core.load_blocks(conn, start, end)
    forum = core.load_forum(conn, start, end)
    people = core.load_people(conn)
    rows = core.roster_institutions(conn, people)
    codes = {str(r["id"]): str(r["code"]) for r in _institution_rows(conn)}
    usernames = _usernames(conn)
    grid: list[list[object]] = []
    for service_day in calendar.days:
        day = service_day.day
        duty = forum.get(day)
        duty_inst = (
            None if duty is None or duty["institution_id"] is None else str(duty["institution_id"])
        )
        for index in range(service_day.blocks):
            row = blocks.get((day, index))
            inst = (
                None if row is None or row["institution_id"] is None else str(row["institution_id"])
            )
            seats = core.block_people(row)
            grid.append(
                [
                    day.isoformat(),
                    index + 1,
                    codes.get(inst, inst) if inst else None,
                    usernames.get(seats[0], seats[0]) if seats else None,
                    usernames.get(seats[1], seats[1]) if len(seats) > 1 else None,
                    "yes" if inst is not None and inst == duty_inst else None,
                    0 if row is None else int(row["version"]),
                    0 if duty is None else int(duty["version"]),
                ]
            )
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = SHEET
    _table(sheet, HEADERS, grid)
    insts = core.domain_institutions(conn, calendar, rows, scale=True)
    _table(
        book.create_sheet("Commitments"),
        ("Institution", "Name", "Minimum", "Maximum", "Preferred weekdays", "Unavailable dates"),
        [
            [
                codes.get(i.id, i.id),
                i.name,
                i.min_blocks,
                None if i.max_blocks >= core.UNBOUNDED else i.max_blocks,
                " ".join(str(w + 1) for w in sorted(i.preferred_weekdays)),
                " ".join(d.isoformat() for d in sorted(i.unavailable_dates)),
            ]
            for i in insts
        ],
    )
    _table(
        book.create_sheet("People"),
        ("Username", "Name", "Institution", "Role"),
        [
            [usernames.get(p.id, p.id), p.name, codes.get(p.institution_id, ""), p.role.value]
            for p in sorted(
                core.seat_people(people), key=lambda p: (codes.get(p.institution_id, ""), p.name)
            )
        ],
    )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _institution_rows(conn: Connection) -> list[Any]:
    return list(
        conn.execute(
            select(institutions.c.id, institutions.c.code).where(institutions.c.active.is_(True))
        ).mappings()
    )


def _usernames(conn: Connection) -> dict[str, str]:
    rows = conn.execute(select(users.c.id, users.c.username).where(users.c.active.is_(True)))
    return {str(uid): str(name) for uid, name in rows}


# --------------------------------------------------------------------------- reading


def _open(content: bytes) -> Any:
    """The workbook's roster sheet, after the zip's declared sizes were checked."""
    if not content:
        raise WorkbookRefused(422, "The request body is empty; send an XLSX file.")
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise WorkbookRefused(422, "This is not an XLSX file.") from None
    if len(entries) > MAX_ENTRIES:
        raise WorkbookRefused(422, "This XLSX file has too many parts.")
    if sum(e.file_size for e in entries) > MAX_UNCOMPRESSED:
        raise WorkbookRefused(
            413, f"This XLSX file unpacks to more than {MAX_UNCOMPRESSED // 1_048_576} MB."
        )
    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError):
        raise WorkbookRefused(422, "This is not an XLSX file.") from None
    except Exception:  # a malformed part inside a zip: openpyxl raises many kinds
        raise WorkbookRefused(422, "This XLSX file cannot be read.") from None
    names = book.sheetnames
    if not names:
        raise WorkbookRefused(422, "This XLSX file has no sheets.")
    return book[SHEET] if SHEET in names else book[names[0]]


@dataclass
class ImportRow:
    """One row of the sheet, read and checked on its own."""

    number: int
    day: date | None = None
    index: int | None = None
    institution_id: str | None = None
    seats: tuple[str, ...] = ()
    forum: bool = False
    version: int = 0
    forum_version: int | None = None
    errors: list[RowError] = field(default_factory=list)

    def fail(self, where: str, message: str) -> None:
        self.errors.append(RowError(self.number, where, message))


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _whole(value: object, row: ImportRow, where: str, minimum: int) -> int | None:
    text = _text(value)
    if isinstance(value, bool) or not text.isdigit() or len(text) > 9 or int(text) < minimum:
        row.fail(where, f"Expected a whole number of at least {minimum}, not '{text[:40]}'.")
        return None
    return int(text)


def _day(value: object, row: ImportRow) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _text(value)
    if not text:
        row.fail("day", "A day is needed.")
        return None
    for parse in (date.fromisoformat, lambda t: datetime.strptime(t, "%d-%m-%Y").date()):
        try:
            return parse(text)
        except ValueError:
            continue
    row.fail("day", f"Not a date: '{text[:40]}'; write it as YYYY-MM-DD.")
    return None


@dataclass(frozen=True)
class Directory:
    institutions: Mapping[str, str]  # code (lower case) -> id
    users: Mapping[str, str]  # username (lower case) -> id


def read_rows(content: bytes, directory: Directory) -> tuple[list[ImportRow], list[RowError]]:
    """The sheet's rows, each checked on its own; file-level errors come back separately."""
    sheet = _open(content)
    rows: list[ImportRow] = []
    for number, cells in enumerate(sheet.iter_rows(min_row=1, max_col=len(HEADERS)), start=1):
        if number > MAX_ROWS + 1:
            raise WorkbookRefused(422, f"The sheet has more than {MAX_ROWS} rows.")
        if number == 1:
            found = tuple(_text(c.value).lower() for c in cells)
            if found[: len(FIELDS)] != FIELDS:
                message = "The first row must name the columns: " + ", ".join(HEADERS) + "."
                return [], [RowError(1, "sheet", message)]
            continue
        if all(_text(c.value) == "" for c in cells):
            continue
        row = ImportRow(number)
        formulas = [FIELDS[n] for n, c in enumerate(cells) if c.data_type == "f"]
        for where in formulas:
            row.fail(where, "Formulas are not accepted; type the value itself.")
        if formulas:
            rows.append(row)
            continue
        values = [c.value for c in cells] + [None] * (len(HEADERS) - len(cells))
        _read_row(row, values, directory)
        rows.append(row)
    if not rows:
        return [], [RowError(2, "sheet", "The sheet has no rows with blocks.")]
    return rows, []


def _read_row(row: ImportRow, values: Sequence[object], directory: Directory) -> None:
    day, block, inst, seat1, seat2, duty, version, forum_version = values[: len(HEADERS)]
    row.day = _day(day, row)
    number = _whole(block, row, "block", 1)
    row.index = None if number is None else number - 1
    code = _text(inst)
    if code:
        row.institution_id = directory.institutions.get(code.lower())
        if row.institution_id is None:
            row.fail("institution", f"No active institution is known as '{code[:40]}'.")
    seats: list[str] = []
    for where, value in (("seat 1", seat1), ("seat 2", seat2)):
        name = _text(value)
        if not name:
            continue
        person = directory.users.get(name.lower())
        if person is None:
            row.fail(where, f"Nobody is known as '{name[:40]}'.")
        else:
            seats.append(person)
    row.seats = tuple(seats)
    if seats and not code:
        row.fail("institution", "A block with names needs an institution.")
    mark = _text(duty).lower()
    if mark in YES:
        row.forum = True
        if not code:
            row.fail("forum duty", "Forum duty goes to the institution of a block; this has none.")
    elif mark not in NO:
        row.fail("forum duty", f"Write 'yes' or leave it empty, not '{mark[:40]}'.")
    row.version = 0 if _text(version) == "" else (_whole(version, row, "version", 0) or 0)
    if _text(forum_version) != "":
        row.forum_version = _whole(forum_version, row, "forum version", 0)


# --------------------------------------------------------------------------- checking


@dataclass(frozen=True)
class BlockPlan:
    day: date
    index: int
    version: int
    before: str | None
    after: str | None
    pinned: bool
    seats: tuple[int | None, int | None]


@dataclass(frozen=True)
class ForumPlan:
    day: date
    version: int
    before: str | None
    after: str | None


@dataclass
class Plan:
    blocks: list[BlockPlan] = field(default_factory=list)
    forum: list[ForumPlan] = field(default_factory=list)
    rows: int = 0


def directory_of(conn: Connection) -> Directory:
    insts = {str(r["code"]).lower(): str(r["id"]) for r in _institution_rows(conn)}
    names = {name.lower(): uid for uid, name in _usernames(conn).items()}
    return Directory(insts, names)


def plan_import(conn: Connection, content: bytes) -> tuple[Plan, list[RowError]]:
    """Read and check the whole file against the roster as it is; the writes to make, or
    every error found (then the plan is empty)."""
    rows, errors = read_rows(content, directory_of(conn))
    if errors:
        return Plan(), errors
    seen: dict[tuple[date, int], int] = {}
    days = [r.day for r in rows if r.day is not None]
    if days and (max(days) - min(days)).days + 1 > core.MAX_PERIOD_DAYS:
        errors.append(
            RowError(0, "day", f"A file spans at most {core.MAX_PERIOD_DAYS} days of blocks.")
        )
        return Plan(), errors
    calendar = core.calendar_for(conn, min(days), max(days)) if days else None
    for row in rows:
        if calendar is not None and row.day is not None:
            _check_place(row, calendar, seen)
    plan = Plan(rows=len(rows))
    good = [r for r in rows if not r.errors]
    if calendar is not None and good:
        _check_days(conn, calendar, good, plan)
    errors = [e for r in rows for e in r.errors]
    errors.sort(key=lambda e: (e.row, FIELDS.index(e.field) if e.field in FIELDS else 99))
    return (Plan(), errors) if errors else (plan, [])


def _check_place(
    row: ImportRow, calendar: ServiceCalendar, seen: dict[tuple[date, int], int]
) -> None:
    assert row.day is not None
    service_day = calendar.by_date().get(row.day)
    if service_day is None:
        reason = calendar.closed.get(row.day, "not an open day")
        row.fail("day", f"The chat is closed on {row.day.isoformat()} ({reason}).")
        return
    if row.index is None:
        return
    if row.index >= service_day.blocks:
        row.fail("block", f"{row.day.isoformat()} has {service_day.blocks} blocks.")
        return
    key = (row.day, row.index)
    if key in seen:
        row.fail("block", f"This block is listed twice (also in row {seen[key]}).")
    else:
        seen[key] = row.number


def _check_days(
    conn: Connection, calendar: ServiceCalendar, rows: list[ImportRow], plan: Plan
) -> None:
    period = calendar.period
    blocks = core.load_blocks(conn, period.start, period.end)
    forum = core.load_forum(conn, period.start, period.end)
    people = core.load_people(conn)
    by_day: dict[date, list[ImportRow]] = {}
    for row in rows:
        assert row.day is not None
        by_day.setdefault(row.day, []).append(row)
    open_days = calendar.by_date()
    for day, mine in sorted(by_day.items()):
        _check_day(day, open_days[day].blocks, mine, blocks, forum.get(day), people, plan)


def _sid(value: object) -> str | None:
    return None if value is None else str(value)


def _check_day(
    day: date,
    needed: int,
    rows: list[ImportRow],
    blocks: Mapping[tuple[date, int], Any],
    forum_row: Any,
    people: Mapping[str, Person],
    plan: Plan,
) -> None:
    """The day as the file would leave it: versions, institutions, forum duty, names."""
    current = {i: blocks.get((day, i)) for i in range(needed)}
    after_inst = {
        i: _sid(r["institution_id"]) if r is not None else None for i, r in current.items()
    }
    after_people = {i: tuple(core.block_people(r)) for i, r in current.items()}
    changed: list[ImportRow] = []
    for row in rows:
        assert row.index is not None
        old = current[row.index]
        before = (after_inst[row.index], after_people[row.index])
        if (row.institution_id, row.seats) != before:
            stored = 0 if old is None else int(old["version"])
            if row.version != stored:
                row.fail(
                    "version",
                    f"This block was changed after the export (it is at version {stored} "
                    "now); export again and redo this row.",
                )
                continue
            changed.append(row)
        after_inst[row.index] = row.institution_id
        after_people[row.index] = row.seats
    by_row = {r.index: r for r in rows}
    sitting = [i for i in after_inst.values() if i]
    for index, inst in after_inst.items():
        found = by_row.get(index)
        if inst and sitting.count(inst) > 1 and found is not None and found in changed:
            found.fail("institution", f"This institution has another block on {day.isoformat()}.")
    # Forum duty: a marked row gives it; a file with every block of the day and no mark
    # takes it away; otherwise it stays as it is.
    marked = [r for r in rows if r.forum]
    for extra in marked[1:]:
        extra.fail("forum duty", f"Forum duty is marked twice on {day.isoformat()}.")
    old_duty = None if forum_row is None else _sid(forum_row["institution_id"])
    new_duty = old_duty
    if marked:
        new_duty = marked[0].institution_id
    elif len(rows) == needed:
        new_duty = None
    sitting_before = [_sid(r["institution_id"]) for r in current.values() if r is not None]
    moved = new_duty != old_duty or new_duty in sitting_before
    if new_duty is not None and new_duty not in sitting and moved:
        (marked or rows)[0].fail(
            "forum duty", f"The institution with forum duty has no block on {day.isoformat()}."
        )
    if new_duty != old_duty:
        stored = 0 if forum_row is None else int(forum_row["version"])
        carrier = marked[0] if marked else rows[0]
        given = next((r.forum_version for r in [carrier, *rows] if r.forum_version is not None), 0)
        if given != stored:
            carrier.fail(
                "forum version",
                f"Forum duty of {day.isoformat()} was changed after the export (it is at "
                f"version {stored} now); export again.",
            )
    fills_before = [
        BlockFill(day, i, inst, tuple(core.block_people(current[i])))
        for i, inst in (
            (i, _sid(r["institution_id"]) if r is not None else None) for i, r in current.items()
        )
        if inst
    ]
    fills_after = [
        BlockFill(day, i, inst, after_people[i]) for i, inst in after_inst.items() if inst
    ]
    old = [p.as_dict() for p in validate_fills(fills_before, people)]
    for problem in validate_fills(fills_after, people):
        if problem.as_dict() in old:
            continue
        who = str(problem.params.get("person", ""))
        target, where = _row_of(who, changed or rows, people)
        target.fail(where, describe(problem))
    if any(r.errors for r in rows):
        return
    for row in changed:
        assert row.index is not None
        old_row = current[row.index]
        pinned = bool(old_row["pinned"]) if old_row is not None else False
        seats = [int(p) for p in row.seats] + [None, None]
        plan.blocks.append(
            BlockPlan(
                day,
                row.index,
                row.version,
                None if old_row is None else _sid(old_row["institution_id"]),
                row.institution_id,
                pinned and row.institution_id is not None,
                (seats[0], seats[1]),
            )
        )
    if new_duty != old_duty:
        stored = 0 if forum_row is None else int(forum_row["version"])
        plan.forum.append(ForumPlan(day, stored, old_duty, new_duty))


def _row_of(
    who: str, rows: Sequence[ImportRow], people: Mapping[str, Person]
) -> tuple[ImportRow, str]:
    """The row and seat a problem about person `who` (a name or an id) belongs to."""
    for row in rows:
        for n, person_id in enumerate(row.seats):
            person = people.get(person_id)
            if who in (person_id, person.name if person is not None else ""):
                return row, f"seat {n + 1}"
    return rows[0], "seat 1"


# --------------------------------------------------------------------------- applying


def apply_plan(conn: Connection, plan: Plan, user_id: int, now: datetime) -> bool:
    """Write every change of `plan` with the same events as hand edits; False when a row
    moved meanwhile (the caller rolls back: nothing is half-applied)."""
    for change in plan.blocks:
        write = core.BlockWrite(
            None if change.after is None else int(change.after), change.pinned, change.seats
        )
        if not core.write_block(
            conn, change.day, change.index, change.version, write, user_id, now
        ):
            return False
        core.announce_block(conn, change.day, change.index, (change.before, change.after))
    for duty in plan.forum:
        after = None if duty.after is None else int(duty.after)
        if not core.write_forum(conn, duty.day, duty.version, after, user_id, now):
            return False
        core.announce_forum(conn, duty.day, (duty.before, duty.after))
    return True
