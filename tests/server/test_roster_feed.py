"""Own shifts, the .ics download and the secret calendar feed, parsed back with icalendar."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest
from icalendar import Calendar

from tests.support.api import auth
from tests.support.forum import BACKENDS
from tests.support.roster import (
    API,
    DEMO_CODES,
    complete,
    fill,
    institution_ids,
    publish,
    serve_roster,
    token,
    user_id,
)
from tests.support.servers import RunningServer

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@pytest.fixture(scope="module", params=BACKENDS)
def roster_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, dev_certs: Path
) -> Iterator[RunningServer]:
    yield from serve_roster(request, tmp_path_factory, dev_certs)


@pytest.fixture
def client(roster_server: RunningServer) -> Iterator[httpx.Client]:
    with roster_server.client() as c:
        yield c


def _events(ics: bytes) -> dict[str, Any]:
    calendar = Calendar.from_ical(ics)
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def _utc(value: Any) -> datetime:
    moment = value.dt
    assert isinstance(moment, datetime) and moment.tzinfo is not None
    return moment.astimezone(UTC)


@pytest.fixture
def shifts(client: httpx.Client) -> dict[str, Any]:
    """bjzg.trainee1 sits with bjzg.helper1 on two published days four months ahead and on
    one day whose roster is still a draft."""
    coordinator = token(client, "coordinator")
    insts = institution_ids(client, coordinator)
    today = datetime.now(AMSTERDAM).date()
    start = today + timedelta(days=120)
    start += timedelta(days=(7 - start.weekday()) % 7)  # a Monday
    end = start + timedelta(days=11)  # two weeks, Monday to Friday
    grid = complete(client, coordinator, start, end, [insts[c] for c in DEMO_CODES])
    trainee, helper = user_id(client, "bjzg.trainee1"), user_id(client, "bjzg.helper1")
    tok = token(client, "bjzg.helper1")
    first_week_end = start + timedelta(days=4)
    days: list[date] = []
    for found in grid["days"]:
        day = date.fromisoformat(found["day"])
        wanted = 2 if day <= first_week_end else 3
        for b in found["blocks"]:
            if b["institution_id"] == insts["bjzg"] and len(days) < wanted:
                answer = fill(client, tok, day, b["index"], [trainee, helper], b["version"])
                assert answer.status_code == 200, answer.text
                days.append(day)
    assert len(days) == 3
    published_days = [d for d in days if d <= first_week_end]
    draft_days = [d for d in days if d > first_week_end]
    assert published_days and draft_days
    answer = publish(client, coordinator, start, first_week_end)
    assert answer.status_code == 200, answer.text
    return {"published": published_days, "draft": draft_days, "trainee": trainee}


def test_my_shifts_show_times_colleagues_and_publication(
    client: httpx.Client, shifts: dict[str, Any]
) -> None:
    tok = token(client, "bjzg.trainee1")
    first, last = shifts["published"][0], shifts["draft"][-1]
    answer = client.get(
        f"{API}/mine", params={"start": str(first), "end": str(last)}, headers=auth(tok)
    )
    assert answer.status_code == 200, answer.text
    mine = {s["day"]: s for s in answer.json()["shifts"]}
    assert set(mine) == {d.isoformat() for d in shifts["published"] + shifts["draft"]}
    for day in shifts["published"]:
        shift = mine[day.isoformat()]
        assert shift["published"] is True
        assert shift["colleagues"] == ["Iris Hendriks"]  # bjzg.helper1
        assert datetime.fromisoformat(shift["start"]) == datetime.combine(
            day, time(16), tzinfo=AMSTERDAM
        )
        assert datetime.fromisoformat(shift["end"]) == datetime.combine(
            day, time(18), tzinfo=AMSTERDAM
        )
    assert all(mine[d.isoformat()]["published"] is False for d in shifts["draft"])
    default = client.get(f"{API}/mine", headers=auth(tok))
    assert default.status_code == 200
    assert all(
        s["day"] >= datetime.now(AMSTERDAM).date().isoformat() for s in default.json()["shifts"]
    )


def test_feed_matches_published_shifts_rotates_and_revokes(
    client: httpx.Client, shifts: dict[str, Any]
) -> None:
    tok = token(client, "bjzg.trainee1")
    made = client.post(f"{API}/feed", headers=auth(tok))
    assert made.status_code == 200, made.text
    url = made.json()["url"]
    assert url.startswith(str(client.base_url)) and url.endswith(".ics")
    assert "/api/v1/roster/feed/" in url

    got = client.get(url)  # no Authorization header: the URL is the key
    assert got.status_code == 200, got.text
    assert got.headers["content-type"].startswith("text/calendar")
    events = _events(got.content)

    # Exactly the published shifts of the feed's window (demo weeks included).
    today = datetime.now(AMSTERDAM).date()
    window = client.get(
        f"{API}/mine",
        params={"start": str(today - timedelta(days=30)), "end": str(today + timedelta(days=180))},
        headers=auth(tok),
    ).json()["shifts"]
    expected = {s["day"]: s for s in window if s["published"]}
    assert len(events) == len(expected)
    by_day = {
        _utc(e["DTSTART"]).astimezone(AMSTERDAM).date().isoformat(): e for e in events.values()
    }
    assert set(by_day) == set(expected)
    for day, shift in expected.items():
        event = by_day[day]
        assert str(event["SUMMARY"]) == "Hulpmix chatdienst"
        assert _utc(event["DTSTART"]) == datetime.fromisoformat(shift["start"]).astimezone(UTC)
        assert _utc(event["DTEND"]) == datetime.fromisoformat(shift["end"]).astimezone(UTC)
    for day in shifts["published"]:
        assert day.isoformat() in by_day
    for day in shifts["draft"]:
        assert day.isoformat() not in by_day
    # UIDs are stable per person and day.
    download = client.get(f"{API}/mine.ics", headers=auth(tok))
    assert download.status_code == 200
    assert set(_events(download.content)) == set(events)

    rotated = client.post(f"{API}/feed", headers=auth(tok)).json()["url"]
    assert rotated != url
    assert client.get(url).status_code == 404
    assert client.get(rotated).status_code == 200
    assert client.delete(f"{API}/feed", headers=auth(tok)).status_code == 204
    assert client.get(rotated).status_code == 404
    assert client.get(f"{API}/mine.ics").status_code == 401
