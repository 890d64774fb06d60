"""The fairness report through the real server, against a roster built by hand here: the
counts, shares, spreads and the holiday ledger are worked out below from that roster and
the commitments (not from the code), on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.support.api import auth
from tests.support.forum import BACKENDS
from tests.support.roster import (
    API,
    assign,
    institution_ids,
    put_forum,
    roster,
    serve_roster,
    set_commitments,
    token,
)
from tests.support.servers import RunningServer

# The week of Liberation Day 2037 (Tuesday 5 May, open but hard to staff); no other
# holiday that week. Monday to Thursday three blocks, Friday two: 14 blocks.
START, END = date(2037, 5, 4), date(2037, 5, 8)
WEEK = {
    date(2037, 5, 4): (("bascule", "ggze", "bjzg"), "bascule"),
    date(2037, 5, 5): (("bascule", "ggze", "bjzo"), "ggze"),
    date(2037, 5, 6): (("bascule", "ggze", "bjzg"), "bjzg"),
    date(2037, 5, 7): (("bascule", "bjzg", "bjzo"), "bascule"),
    date(2037, 5, 8): (("ggze", "bjzo"), "ggze"),
}
# The ledger looks back 12 months from 8 May 2037, to 9 May 2036. Boxing Day 2036 (a
# Friday) is opened and staffed; Liberation Day 2036 (Monday 5 May) lies just outside.
BOXING_DAY = date(2036, 12, 26)
OUTSIDE = date(2036, 5, 5)
EXTRA = {
    BOXING_DAY: (("bjzg", "bjzo"), "bjzg"),
    OUTSIDE: (("bascule", "ggze", "bjzg"), "bascule"),
}
# min = max, so the weights (min + max) are 8, 8, 6, 4, 2: 28 in all, and the shares of
# the 14 blocks are 4, 4, 3, 2, 1.
COMMITMENTS = {"bascule": 4, "ggze": 4, "bjzg": 3, "bjzo": 2, "bjzzh": 1}


@pytest.fixture(scope="module", params=BACKENDS)
def roster_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, dev_certs: Path
) -> Iterator[RunningServer]:
    yield from serve_roster(request, tmp_path_factory, dev_certs)


@pytest.fixture(scope="module")
def built(roster_server: RunningServer) -> dict[str, str]:
    """The hand-built roster above; returns institution code -> id."""
    with roster_server.client() as client:
        tok = token(client, "coordinator")
        ids = institution_ids(client, tok)
        opened = client.put(
            f"/api/v1/chat/open-days/{BOXING_DAY.isoformat()}", json={"open": True},
            headers=auth(tok),
        )  # fmt: skip
        assert opened.status_code == 200, opened.text
        for day, (codes, duty) in {**WEEK, **EXTRA}.items():
            for index, code in enumerate(codes):
                assign(client, tok, day, index, ids[code])
            forum = roster(client, tok, day, day)["days"][0]["forum"]
            answer = put_forum(client, tok, day, ids[duty], forum["version"])
            assert answer.status_code == 200, answer.text
        answer = set_commitments(
            client, tok, START, END,
            [{"institution_id": ids[c], "min_blocks": n, "max_blocks": n}
             for c, n in COMMITMENTS.items()],
        )  # fmt: skip
        assert answer.status_code == 200, answer.text
        return ids


def report(client: httpx.Client, tok: str, start: date = START, end: date = END) -> Any:
    return client.get(
        f"{API}/fairness",
        params={"start": start.isoformat(), "end": end.isoformat()},
        headers=auth(tok),
    )


def test_figures_match_the_hand_built_week(
    roster_server: RunningServer, built: dict[str, str]
) -> None:
    with roster_server.client() as client:
        answer = report(client, token(client, "coordinator"))
    assert answer.status_code == 200, answer.text
    data = answer.json()
    assert (data["start"], data["end"], data["days"]) == ("2037-05-04", "2037-05-08", 5)
    rows = {r["code"]: r for r in data["institutions"] if r["code"] in COMMITMENTS}
    assert set(rows) == set(COMMITMENTS)

    def column(category: str, key: str) -> dict[str, Any]:
        return {code: rows[code][category][key] for code in COMMITMENTS}

    # Blocks: 4, 4, 3, 3, 0 against shares 4, 4, 3, 2, 1: bjzo one over, bjzzh one under.
    assert column("blocks", "count") == {"bascule": 4, "ggze": 4, "bjzg": 3, "bjzo": 3,
                                         "bjzzh": 0}  # fmt: skip
    assert column("blocks", "share") == {"bascule": 4, "ggze": 4, "bjzg": 3, "bjzo": 2,
                                         "bjzzh": 1}  # fmt: skip
    assert column("blocks", "deviation") == {"bascule": 0, "ggze": 0, "bjzg": 0, "bjzo": 1,
                                             "bjzzh": -1}  # fmt: skip
    assert {c: rows[c]["commitment"] for c in COMMITMENTS} == {
        "bascule": "within", "ggze": "within", "bjzg": "within", "bjzo": "above",
        "bjzzh": "below",
    }  # fmt: skip
    assert (rows["bjzo"]["min_blocks"], rows["bjzo"]["max_blocks"], rows["bjzo"]["weight"]) == (
        2, 2, 4,
    )  # fmt: skip
    # Fridays: one Friday, 2 blocks, shares 2w/28 = 4/7, 4/7, 3/7, 2/7, 1/7; ggze and bjzo
    # sit: deviations -4/7, 3/7, -3/7, 5/7, -1/7, spread 9/7.
    assert column("fridays", "count") == {"bascule": 0, "ggze": 1, "bjzg": 0, "bjzo": 1,
                                          "bjzzh": 0}  # fmt: skip
    assert column("fridays", "share")["bascule"] == pytest.approx(4 / 7, abs=1e-3)
    assert column("fridays", "deviation")["bjzo"] == pytest.approx(5 / 7, abs=1e-3)
    # Holidays: Liberation Day, 3 blocks, shares 6/7, 6/7, 9/14, 3/7, 3/14; bascule, ggze
    # and bjzo sit: deviations 1/7, 1/7, -9/14, 4/7, -3/14, spread 17/14.
    assert column("holidays", "count") == {"bascule": 1, "ggze": 1, "bjzg": 0, "bjzo": 1,
                                           "bjzzh": 0}  # fmt: skip
    # Forum: 5 days, shares 10/7, 10/7, 15/14, 5/7, 5/14; counts 2, 2, 1, 0, 0: deviations
    # 4/7, 4/7, -1/14, -5/7, -5/14, spread 9/7.
    assert column("forum", "count") == {"bascule": 2, "ggze": 2, "bjzg": 1, "bjzo": 0,
                                        "bjzzh": 0}  # fmt: skip
    assert column("forum", "deviation")["bjzo"] == pytest.approx(-5 / 7, abs=1e-3)
    categories = data["categories"]
    assert {k: v["total"] for k, v in categories.items()} == {
        "blocks": 14, "fridays": 2, "holidays": 3, "forum": 5,
    }  # fmt: skip
    assert {k: v["spread_exact"] for k, v in categories.items()} == {
        "blocks": "2", "fridays": "9/7", "holidays": "17/14", "forum": "9/7",
    }  # fmt: skip
    # The least possible: blocks 0 (whole shares); Fridays to bascule and ggze: 3/7 to
    # -3/7 = 6/7; holidays to bascule, ggze, bjzg: 5/14 to -3/7 = 11/14; forum 2, 1, 1, 1,
    # 0: 4/7 to -3/7 = 1.
    assert {k: v["least_spread_exact"] for k, v in categories.items()} == {
        "blocks": "0", "fridays": "6/7", "holidays": "11/14", "forum": "1",
    }  # fmt: skip
    assert categories["fridays"]["spread"] == pytest.approx(9 / 7, abs=1e-3)


def test_holiday_ledger_of_the_last_twelve_months(
    roster_server: RunningServer, built: dict[str, str]
) -> None:
    with roster_server.client() as client:
        data = report(client, token(client, "projectlead")).json()
    ledger = data["ledger"]
    assert (ledger["start"], ledger["end"]) == ("2036-05-09", "2037-05-08")
    by_id = {v: k for k, v in built.items()}
    days = [
        (d["day"], d["name"], d["hard_to_staff"], [by_id.get(i) for i in d["institutions"]],
         by_id.get(d["forum"]))
        for d in ledger["days"]
    ]  # fmt: skip
    assert days == [
        ("2036-12-26", "Tweede kerstdag", False, ["bjzg", "bjzo"], "bjzg"),
        ("2037-05-05", "Bevrijdingsdag", True, ["bascule", "ggze", "bjzo"], "ggze"),
    ]
    counts = {by_id[i]: n for i, n in ledger["counts"].items() if i in by_id}
    assert counts == {"bascule": 1, "ggze": 1, "bjzg": 1, "bjzo": 2, "bjzzh": 0}
    forum = {by_id[i]: n for i, n in ledger["forum_counts"].items() if i in by_id}
    assert forum == {"bascule": 0, "ggze": 1, "bjzg": 1, "bjzo": 0, "bjzzh": 0}


def test_who_may_read_and_bad_periods(roster_server: RunningServer, built: dict[str, str]) -> None:
    with roster_server.client() as client:
        # bascule.helper1 is a supervisor; bascule.helper2 only a helper.
        for user, status in (("bascule.helper1", 200), ("projectlead", 200),
                             ("bascule.helper2", 403), ("bascule.trainee1", 403),
                             ("admin", 403)):  # fmt: skip
            assert report(client, token(client, user)).status_code == status, user
        assert (
            client.get(
                f"{API}/fairness", params={"start": "2037-05-04", "end": "2037-05-08"}
            ).status_code
            == 401
        )
        coordinator = token(client, "coordinator")
        backwards = report(client, coordinator, END, START)
        assert backwards.status_code == 422 and backwards.json()["fields"][0]["field"] == "end"
        too_long = report(client, coordinator, date(2036, 1, 1), date(2037, 6, 1))
        assert too_long.status_code == 422
        missing = client.get(f"{API}/fairness", params={"start": "2037-05-04"},
                             headers=auth(coordinator))  # fmt: skip
        assert missing.status_code == 422 and missing.json()["fields"][0]["field"] == "end"
