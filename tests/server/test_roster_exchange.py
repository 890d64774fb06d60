"""The roster as an XLSX workbook through the real server, on SQLite and PostgreSQL: a round
trip (export, change cells, import, the server shows the change and sends the events), a
file with bad rows reported per row with nothing applied, and hostile uploads."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from openpyxl import load_workbook

from tests.support.api import admin_token, auth, make_institution, make_user
from tests.support.forum import BACKENDS
from tests.support.roster import (
    API,
    assign,
    complete,
    day_of,
    institution_ids,
    roster,
    serve_roster,
    token,
    user_id,
)
from tests.support.servers import RunningServer

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
HEADERS = ["Day", "Block", "Institution", "Seat 1", "Seat 2", "Forum duty", "Version",
           "Forum version"]  # fmt: skip
#: Plain weeks (no holidays) of June 2037, one per test that writes.
WEEKS = {"trip": date(2037, 6, 1), "bad": date(2037, 6, 8), "kinds": date(2037, 6, 15)}
ROTATION = ("bascule", "ggze", "bjzg", "bjzo")


@pytest.fixture(scope="module", params=BACKENDS)
def roster_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, dev_certs: Path
) -> Iterator[RunningServer]:
    yield from serve_roster(request, tmp_path_factory, dev_certs)


@pytest.fixture
def client(roster_server: RunningServer) -> Iterator[httpx.Client]:
    with roster_server.client(timeout=60) as c:
        yield c


@pytest.fixture
def coordinator(client: httpx.Client) -> str:
    return token(client, "coordinator")


@pytest.fixture
def ids(client: httpx.Client, coordinator: str) -> dict[str, str]:
    return institution_ids(client, coordinator)


def build_week(client: httpx.Client, tok: str, ids: dict[str, str], monday: date) -> Any:
    """Mon bascule ggze bjzg, Tue ggze bjzg bjzo, Wed bjzg bjzo bascule, Thu bjzo bascule
    ggze, Fri bascule ggze; forum duty with each day's first block."""
    return complete(client, tok, monday, monday + timedelta(days=4), [ids[c] for c in ROTATION])


def export(client: httpx.Client, tok: str, monday: date) -> httpx.Response:
    friday = monday + timedelta(days=4)
    return client.get(
        f"{API}/export.xlsx",
        params={"start": monday.isoformat(), "end": friday.isoformat()},
        headers=auth(tok),
    )


def post(client: httpx.Client, tok: str, content: bytes) -> httpx.Response:
    return client.post(
        f"{API}/import", content=content, headers={**auth(tok), "Content-Type": XLSX}
    )


def edit(content: bytes, cells: dict[str, object]) -> bytes:
    """The workbook with these cells of the roster sheet changed ("C4": "bjzzh")."""
    book = load_workbook(io.BytesIO(content))
    sheet = book["Roster"]
    for ref, value in cells.items():
        sheet[ref] = value
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def state(grid: dict[str, Any]) -> list[Any]:
    return [
        (d["day"], d["forum"], [(b["institution_id"], b["people"], b["version"])
                                for b in d["blocks"]])
        for d in grid["days"]
    ]  # fmt: skip


def sync_cursor(client: httpx.Client, tok: str) -> int:
    answer = client.get("/api/v1/sync", params={"since": 0, "timeout": 0}, headers=auth(tok))
    return int(answer.json()["next"])


def events_since(client: httpx.Client, tok: str, since: int) -> list[dict[str, Any]]:
    answer = client.get("/api/v1/sync", params={"since": since, "timeout": 0}, headers=auth(tok))
    events: list[dict[str, Any]] = answer.json()["events"]
    return events


# --- round trip --------------------------------------------------------------------------


def test_round_trip(client: httpx.Client, coordinator: str, ids: dict[str, str]) -> None:
    monday = WEEKS["trip"]
    build_week(client, coordinator, ids, monday)
    answer = export(client, coordinator, monday)
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"] == XLSX
    assert answer.headers["content-disposition"] == (
        'attachment; filename="hulpmix-rooster-2037-06-01-2037-06-05.xlsx"'
    )
    book = load_workbook(io.BytesIO(answer.content), read_only=True)
    assert book.sheetnames == ["Roster", "Commitments", "People"]
    rows = [list(r) for r in book["Roster"].iter_rows(values_only=True)]
    assert rows[0] == HEADERS
    assert len(rows) == 1 + 3 * 4 + 2  # Monday to Thursday 3 blocks, Friday 2
    assert rows[1][:6] == ["2037-06-01", 1, "bascule", None, None, "yes"]
    assert rows[3][:6] == ["2037-06-01", 3, "bjzg", None, None, None]
    assert rows[14][:3] == ["2037-06-05", 2, "ggze"]
    people = {r[0]: r for r in book["People"].iter_rows(min_row=2, values_only=True)}
    assert people["bjzzh.helper1"][2:] == ("bjzzh", "supervisor")
    book.close()

    # Monday's third block goes to bjzzh with two names, and bjzzh gets forum duty.
    changed = edit(
        answer.content,
        {"C4": "bjzzh", "D4": "bjzzh.helper1", "E4": "bjzzh.trainee1", "F2": None, "F4": "yes"},
    )
    member = token(client, "bjzzh.trainee2")
    since = sync_cursor(client, member)
    done = post(client, coordinator, changed)
    assert done.status_code == 200, done.text
    assert done.json() == {"rows": 14, "blocks": 1, "forum": 1}
    day = day_of(roster(client, coordinator, monday, monday), monday)
    helper, trainee = user_id(client, "bjzzh.helper1"), user_id(client, "bjzzh.trainee1")
    assert day["blocks"][2]["institution_id"] == ids["bjzzh"]
    assert day["blocks"][2]["people"] == [helper, trainee]
    assert day["forum"]["institution_id"] == ids["bjzzh"]
    assert [b["institution_id"] for b in day["blocks"][:2]] == [ids["bascule"], ids["ggze"]]
    # The same events as hand edits: the new institution hears of its block and duty.
    kinds = [(e["kind"], e["data"].get("index")) for e in events_since(client, member, since)]
    assert ("roster.block", 2) in kinds and ("roster.forum", None) in kinds
    # Exported again, the file shows the change; importing it unchanged changes nothing.
    again = export(client, coordinator, monday).content
    rows = [list(r) for r in load_workbook(io.BytesIO(again)).active.iter_rows(values_only=True)]
    assert rows[3][:6] == ["2037-06-01", 3, "bjzzh", "bjzzh.helper1", "bjzzh.trainee1", "yes"]
    assert rows[1][5] is None
    same = post(client, coordinator, again)
    assert same.status_code == 200 and same.json() == {"rows": 14, "blocks": 0, "forum": 0}


# --- bad rows ----------------------------------------------------------------------------


def test_three_bad_rows_are_reported_and_nothing_changes(
    client: httpx.Client, coordinator: str, ids: dict[str, str]
) -> None:
    monday = WEEKS["bad"]
    build_week(client, coordinator, ids, monday)
    friday = monday + timedelta(days=4)
    before = state(roster(client, coordinator, monday, friday))
    content = export(client, coordinator, monday).content
    bad = edit(
        content,
        {
            "C3": "nope",  # Monday block 2: no such institution
            "B6": 4,  # Tuesday has three blocks
            "D10": "bascule.trainee1",  # Wednesday block 3 (bascule): a trainee alone
            "D12": "bascule.helper1",  # Thursday block 2 (bascule): a good change
        },
    )
    answer = post(client, coordinator, bad)
    assert answer.status_code == 422, answer.text
    body = answer.json()
    assert body["error"] == "invalid"
    assert body["message"] == "3 row(s) of the file have errors; nothing was changed."
    found = [(e["row"], e["field"]) for e in body["errors"]]
    assert found == [(3, "institution"), (6, "block"), (10, "seat 1")]
    messages = {e["row"]: e["message"] for e in body["errors"]}
    assert messages[3] == "No active institution is known as 'nope'."
    assert messages[6] == "2037-06-09 has 3 blocks."
    assert "Lotte Bakker still needs backup" in messages[10]
    assert state(roster(client, coordinator, monday, friday)) == before


def test_every_kind_of_row_error(
    client: httpx.Client, coordinator: str, ids: dict[str, str]
) -> None:
    monday = WEEKS["kinds"]
    build_week(client, coordinator, ids, monday)
    friday = monday + timedelta(days=4)
    content = export(client, coordinator, monday).content
    # After the export, someone changes Thursday's first block by hand.
    assign(client, coordinator, monday + timedelta(days=3), 0, ids["bjzzh"])
    before = state(roster(client, coordinator, monday, friday))
    bad = edit(
        content,
        {
            "A2": "2037-06-20",  # a Saturday
            "D3": "nobody.at.all",  # Monday block 2 (ggze)
            "A5": "15 juni",  # not a date
            "C13": '=HYPERLINK("http://x")',  # a formula
            "F9": "yes",  # Wednesday: forum duty marked twice
            "C11": "bascule",  # Thursday block 1 changed after the export
            "D14": "ggze.helper1",  # Friday block 1 is bascule's: not of the institution
            "B15": "two",
        },
    )
    answer = post(client, coordinator, bad)
    assert answer.status_code == 422, answer.text
    found = [(e["row"], e["field"]) for e in answer.json()["errors"]]
    assert found == [
        (2, "day"), (3, "seat 1"), (5, "day"), (9, "forum duty"),
        (11, "version"), (13, "institution"), (14, "seat 1"), (15, "block"),
    ]  # fmt: skip
    messages = {e["row"]: e["message"] for e in answer.json()["errors"]}
    assert messages[2] == "The chat is closed on 2037-06-20 (not an open day)."
    assert messages[13] == "Formulas are not accepted; type the value itself."
    assert "version 2" in messages[11]
    assert "is not of" in messages[14]
    assert state(roster(client, coordinator, monday, friday)) == before


# --- hostile uploads ---------------------------------------------------------------------


def zip_of(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return out.getvalue()


def test_hostile_uploads(client: httpx.Client, coordinator: str) -> None:
    def refused(content: bytes, status: int) -> str:
        answer = post(client, coordinator, content)
        assert answer.status_code == status, answer.text
        message: str = answer.json()["message"]
        return message

    assert refused(b"", 422) == "The request body is empty; send an XLSX file."
    assert refused(b"Day,Block\n2037-06-01,1\n", 422) == "This is not an XLSX file."
    assert refused(b"PK\x03\x04" + b"\x00" * 200, 422) == "This is not an XLSX file."
    assert refused(zip_of({"hello.txt": b"hi"}), 422) in {
        "This is not an XLSX file.", "This XLSX file cannot be read.",
    }  # fmt: skip
    # A zip bomb: 9 MB of zeros packs into a few KB but unpacks past the limit.
    bomb = zip_of({"xl/worksheets/sheet1.xml": b"\x00" * (9 * 1024 * 1024)})
    assert len(bomb) < 64 * 1024
    assert refused(bomb, 413) == "This XLSX file unpacks to more than 8 MB."
    # Over the body limit: refused before it is read.
    assert post(client, coordinator, b"PK" + b"\x01" * (70 * 1024)).status_code == 413
    answer = post(client, coordinator, b"")
    assert answer.json()["errors"] == [
        {"row": None, "field": "file", "message": "The request body is empty; send an XLSX file."}
    ]


def test_wrong_headers_and_too_many_rows(client: httpx.Client, coordinator: str) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Datum", "Blok"])
    out = io.BytesIO()
    book.save(out)
    answer = post(client, coordinator, out.getvalue())
    assert answer.status_code == 422
    assert answer.json()["errors"][0]["row"] == 1
    assert answer.json()["errors"][0]["field"] == "sheet"
    book = Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    for n in range(2_001):
        sheet.append(["2037-06-01", 1 + n % 3])
    out = io.BytesIO()
    book.save(out)
    answer = post(client, coordinator, out.getvalue())
    assert answer.status_code == 422, answer.text
    assert answer.json()["message"] == "The sheet has more than 2000 rows."


def test_who_may_export_and_import(client: httpx.Client, coordinator: str) -> None:
    monday = WEEKS["trip"]
    content = export(client, coordinator, monday).content
    lead = token(client, "projectlead")
    assert export(client, lead, monday).status_code == 200
    assert post(client, lead, content).status_code == 403
    helper = token(client, "bascule.helper1")
    assert export(client, helper, monday).status_code == 403
    assert post(client, helper, content).status_code == 403
    assert client.post(f"{API}/import", content=content).status_code == 401
    backwards = client.get(
        f"{API}/export.xlsx", params={"start": "2037-06-05", "end": "2037-06-01"},
        headers=auth(coordinator),
    )  # fmt: skip
    assert backwards.status_code == 422


def test_text_that_looks_like_a_formula_is_exported_as_text(
    client: httpx.Client, coordinator: str
) -> None:
    admin = admin_token(client)
    inst = make_institution(client, admin, name="=1+2")
    make_user(client, admin, inst["id"], ["trainee"])
    content = export(client, coordinator, WEEKS["trip"]).content
    book = load_workbook(io.BytesIO(content))
    cells = [c for row in book["Commitments"].iter_rows() for c in row if c.value == "=1+2"]
    assert cells and all(c.data_type == "s" for c in cells)
