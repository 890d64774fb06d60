"""The forum through the real server: youths post, screeners decide in rounds, nothing
appears unscreened; claims, undo and missed rounds on the forum's test clock."""

from __future__ import annotations

import concurrent.futures
import json
import threading
import time
from collections.abc import Iterator
from datetime import UTC, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import create_engine, select
from sqlalchemy.pool import NullPool

from server.db.tables import audit_log, forum_decisions, forum_posts
from tests.support.api import auth, login
from tests.support.forum import (
    BACKENDS,
    close_round,
    decide,
    fresh_day,
    institution_code,
    item,
    listed_topic_ids,
    local,
    open_round,
    post,
    published_topic,
    reset_clock,
    rounds_of,
    serve_forum,
    set_clock,
    txn,
    utc,
)
from tests.support.servers import RunningServer


@pytest.fixture(scope="module", params=BACKENDS)
def forum_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, dev_certs: Path
) -> Iterator[RunningServer]:
    yield from serve_forum(request, tmp_path_factory, dev_certs)


@pytest.fixture
def client(forum_server: RunningServer) -> Iterator[httpx.Client]:
    with forum_server.client() as c:
        try:
            yield c
        finally:
            reset_clock(c)


def _rows(server: RunningServer, table: Any, *where: Any) -> list[dict[str, Any]]:
    url = server.database_url
    engine = create_engine(
        url.replace("postgresql://", "postgresql+psycopg://"), poolclass=NullPool
    )
    try:
        with engine.connect() as conn:
            return [dict(r) for r in conn.execute(select(table).where(*where)).mappings()]
    finally:
        engine.dispose()


# --- publishing --------------------------------------------------------------------------


def test_posts_appear_only_after_a_decision(client: httpx.Client) -> None:
    typed = "ik weet   niet wat ik moet doen <b>x</b>\nechtt  niet"
    topic = post(client, typed, title="Help  mij", theme="Familie")
    assert topic["status"] == "pending"
    assert published_topic(client, topic["post_id"]) is None
    assert topic["post_id"] not in listed_topic_ids(client)

    current = open_round(client)
    answer = decide(client, current.screener, topic["post_id"], "publish")
    assert answer.status_code == 200, answer.text
    decided = answer.json()
    assert decided["status"] == "published"
    assert decided["decision"]["by_name"]
    shown = published_topic(client, topic["post_id"])
    assert shown is not None
    assert shown["topic"]["body"] == typed  # exactly as typed: nothing corrected
    assert shown["topic"]["title"] == "Help  mij"
    assert topic["post_id"] in listed_topic_ids(client, theme="Familie")

    reply = post(client, "sterkte!!", kind="reply", parent_id=topic["post_id"])
    assert published_topic(client, topic["post_id"])["replies"] == []  # type: ignore[index]
    assert decide(client, current.screener, reply["post_id"]).status_code == 200
    replies = published_topic(client, topic["post_id"])["replies"]  # type: ignore[index]
    assert [r["body"] for r in replies] == ["sterkte!!"]
    close_round(client, current)


def test_edit_shows_edited_text_and_stores_the_diff(
    client: httpx.Client, forum_server: RunningServer
) -> None:
    topic = post(client, "ik ga me vanavond snijden met een mes", title="Vanavond")
    current = open_round(client)
    edited = "ik ga me vanavond [...]"
    missing_reason = decide(client, current.screener, topic["post_id"], "edit", body=edited)
    assert missing_reason.status_code == 422
    assert {f["field"] for f in missing_reason.json()["fields"]} == {"reason"}
    answer = decide(
        client, current.screener, topic["post_id"], "edit", reason="method_details", body=edited
    )
    assert answer.status_code == 200, answer.text
    data = answer.json()
    assert data["body"] == "ik ga me vanavond snijden met een mes"  # the original is kept
    assert data["decision"]["published_body"] == edited
    assert ["-", "snijden met een mes"] in data["decision"]["diff"]
    shown = published_topic(client, topic["post_id"])
    assert shown is not None and shown["topic"]["body"] == edited
    [row] = _rows(forum_server, forum_decisions, forum_decisions.c.post_id == topic["post_id"])
    assert row["reason"] == "method_details"
    assert ["+", "[...]"] in json.loads(row["diff"])
    [audit] = _rows(
        forum_server, audit_log, audit_log.c.subject == f"forum_post:{topic['post_id']}"
    )
    assert audit["action"] == "forum.edit"
    close_round(client, current)


def test_rejected_never_appears_and_nothing_about_the_sender_is_stored(
    client: httpx.Client, forum_server: RunningServer
) -> None:
    topic = post(client, "koop nu goedkope sneakers", title="spam")
    current = open_round(client)
    no_remark = decide(client, current.screener, topic["post_id"], "reject", reason="other")
    assert no_remark.status_code == 422
    answer = decide(client, current.screener, topic["post_id"], "reject", reason="not_serious")
    assert answer.status_code == 200, answer.text
    assert answer.json()["status"] == "rejected"
    assert published_topic(client, topic["post_id"]) is None
    assert topic["post_id"] not in listed_topic_ids(client)
    [row] = _rows(forum_server, forum_posts, forum_posts.c.id == topic["post_id"])
    stored = " ".join(str(v) for v in row.values())
    assert "127.0.0.1" not in stored
    assert not any(k for k in row if "ip" in k.split("_") or "agent" in k or "address" in k)
    close_round(client, current)


def test_hold_and_escalate_stay_in_the_queue(client: httpx.Client) -> None:
    doubtful = post(client, "is dit wel ok om te zeggen", title="twijfel")
    danger = post(client, "ik wil dood", title="help")
    current = open_round(client)
    held = decide(client, current.screener, doubtful["post_id"], "hold", remark="HIO-overleg")
    assert held.status_code == 200 and held.json()["status"] == "held"
    escalated = decide(client, current.screener, danger["post_id"], "escalate")
    assert escalated.status_code == 200 and escalated.json()["status"] == "escalated"
    queue = client.get(
        "/api/v1/forum/items", params={"status": "held,escalated"}, headers=auth(current.second)
    ).json()
    ids = {i["id"]: i["status"] for i in queue["items"]}
    assert ids[doubtful["post_id"]] == "held" and ids[danger["post_id"]] == "escalated"
    # another screener cannot overrule a hold its screener may still undo ...
    fresh = decide(client, current.second, doubtful["post_id"], "publish")
    assert fresh.status_code == 409 and fresh.json()["reason"] == "decided"
    # ... but decides it later (e.g. after the trainees' meeting)
    set_clock(client, current.now + timedelta(seconds=180))
    later = decide(client, current.second, doubtful["post_id"], "publish")
    assert later.status_code == 200 and later.json()["status"] == "published"
    close_round(client, current)


def test_items_list_and_item_context(client: httpx.Client) -> None:
    topic = post(client, "waar vind ik hulp", title="hulp")
    current = open_round(client)
    assert decide(client, current.screener, topic["post_id"]).status_code == 200
    reply = post(client, "bel 06-12345678", kind="reply", parent_id=topic["post_id"])
    listing = client.get("/api/v1/forum/items", headers=auth(current.screener))
    assert listing.status_code == 200
    body = listing.json()
    assert body["head"] > 0
    found = {i["id"]: i for i in body["items"]}
    assert reply["post_id"] in found and topic["post_id"] not in found
    entry = found[reply["post_id"]]
    assert entry["parent_title"] == "hulp" and entry["claim"] is None and entry["decision"] is None
    detail = item(client, current.screener, reply["post_id"])
    assert detail["topic"]["id"] == topic["post_id"] and detail["topic"]["title"] == "hulp"
    bad = client.get(
        "/api/v1/forum/items", params={"status": "nonsense"}, headers=auth(current.screener)
    )
    assert bad.status_code == 422
    close_round(client, current)


# --- first decision wins ----------------------------------------------------------------------


def test_two_screeners_deciding_at_once_one_wins(
    client: httpx.Client, forum_server: RunningServer
) -> None:
    current = open_round(client)
    for _ in range(5):
        topic = post(client, "gelijktijdig", title="race")
        barrier = threading.Barrier(2)

        def go(
            token: str, decision: str, topic_id: int = topic["post_id"], gate: Any = barrier
        ) -> httpx.Response:
            with forum_server.client() as own:
                gate.wait()
                return decide(own, token, topic_id, decision)

        with concurrent.futures.ThreadPoolExecutor(2) as pool:
            answers = list(pool.map(go, [current.screener, current.second], ["publish", "hold"]))
        codes = sorted(a.status_code for a in answers)
        assert codes == [200, 409], [a.text for a in answers]
        loser = next(a for a in answers if a.status_code == 409).json()
        winner = next(a for a in answers if a.status_code == 200).json()
        assert loser["reason"] == "decided"
        assert loser["detail"]["reason"] == "decided"
        assert loser["item"]["decision"]["by_name"] == winner["decision"]["by_name"]
        rows = _rows(forum_server, forum_decisions, forum_decisions.c.post_id == topic["post_id"])
        assert len(rows) == 1
    close_round(client, current)


def test_a_decision_is_idempotent_by_txn(client: httpx.Client) -> None:
    topic = post(client, "nog een keer", title="dubbel")
    current = open_round(client)
    same = txn()
    first = decide(client, current.screener, topic["post_id"], "publish", txn_id=same)
    again = decide(client, current.screener, topic["post_id"], "publish", txn_id=same)
    assert first.status_code == again.status_code == 200
    assert first.json()["decision"]["id"] == again.json()["decision"]["id"]
    other = post(client, "ander", title="ander")
    reused = decide(client, current.screener, other["post_id"], "publish", txn_id=same)
    assert reused.status_code == 409 and reused.json()["reason"] == "txn_reused"
    close_round(client, current)


# --- claims, undo, rounds ---------------------------------------------------------------------


def test_claims_block_others_and_lapse(client: httpx.Client) -> None:
    topic = post(client, "claim mij", title="claim")
    current = open_round(client)
    pid = topic["post_id"]
    claimed = client.put(f"/api/v1/forum/items/{pid}/claim", headers=auth(current.screener))
    assert claimed.status_code == 200, claimed.text
    assert claimed.json()["claim"]["user_id"] is not None
    theirs = client.put(f"/api/v1/forum/items/{pid}/claim", headers=auth(current.second))
    assert theirs.status_code == 409
    assert theirs.json()["detail"]["reason"] == "claimed"
    assert theirs.json()["detail"]["item"]["claim"]["name"]
    blocked = decide(client, current.second, pid, "publish")
    assert blocked.status_code == 409 and blocked.json()["reason"] == "claimed"
    # still held just before five idle minutes, lapsed after them
    set_clock(client, current.now + timedelta(seconds=290))
    assert item(client, current.second, pid)["claim"] is not None
    set_clock(client, current.now + timedelta(seconds=330))
    assert item(client, current.second, pid)["claim"] is None
    took = client.put(f"/api/v1/forum/items/{pid}/claim", headers=auth(current.second))
    assert took.status_code == 200
    released = client.delete(f"/api/v1/forum/items/{pid}/claim", headers=auth(current.second))
    assert released.status_code == 200 and released.json()["claim"] is None
    decided = decide(client, current.screener, pid, "publish")
    assert decided.status_code == 200
    late = client.put(f"/api/v1/forum/items/{pid}/claim", headers=auth(current.second))
    assert late.status_code == 409 and late.json()["reason"] == "decided"
    close_round(client, current)


def test_undo_within_two_minutes_only_by_the_decider(client: httpx.Client) -> None:
    first = post(client, "undo mij", title="undo")
    second = post(client, "te laat", title="laat")
    current = open_round(client)
    assert decide(client, current.screener, first["post_id"]).status_code == 200
    assert published_topic(client, first["post_id"]) is not None
    not_mine = client.post(
        f"/api/v1/forum/items/{first['post_id']}/undo", headers=auth(current.second)
    )
    assert not_mine.status_code == 409 and not_mine.json()["reason"] == "not_yours"
    set_clock(client, current.now + timedelta(seconds=119))
    undone = client.post(
        f"/api/v1/forum/items/{first['post_id']}/undo", headers=auth(current.screener)
    )
    assert undone.status_code == 200, undone.text
    assert undone.json()["status"] == "pending" and undone.json()["decision"] is None
    assert published_topic(client, first["post_id"]) is None  # unpublished again

    assert decide(client, current.screener, second["post_id"]).status_code == 200
    set_clock(client, current.now + timedelta(seconds=119 + 121))
    expired = client.post(
        f"/api/v1/forum/items/{second['post_id']}/undo", headers=auth(current.screener)
    )
    assert expired.status_code == 409 and expired.json()["reason"] == "undo_expired"
    assert published_topic(client, second["post_id"]) is not None
    close_round(client, current)


def test_decisions_need_an_open_round_of_your_institution(client: httpx.Client) -> None:
    topic = post(client, "geen ronde", title="wacht")
    day = fresh_day()
    coordinator = login(client, "coordinator")["access_token"]
    rounds = rounds_of(client, coordinator, day)
    assert [r["window"] for r in rounds] == [
        {"start": "10:00", "end": "12:00"},
        {"start": "16:00", "end": "18:00"},
    ]
    assert rounds[0]["institution_id"] == rounds[1]["institution_id"]
    set_clock(client, local(day, 9, 30))
    current_duty = rounds[0]["institution_id"]
    code = institution_code(client, current_duty)
    trainee = login(client, f"{code}.trainee1")["access_token"]
    closed = decide(client, trainee, topic["post_id"])
    assert closed.status_code == 409 and closed.json()["reason"] == "round_closed"
    early = client.post(f"/api/v1/forum/rounds/{rounds[0]['id']}/open", headers=auth(trainee))
    assert early.status_code == 409 and early.json()["reason"] == "outside_window"
    other_code = "bascule" if code != "bascule" else "ggze"
    outsider = login(client, f"{other_code}.trainee1")["access_token"]
    set_clock(client, local(day, 10, 1))
    refused = client.post(f"/api/v1/forum/rounds/{rounds[0]['id']}/open", headers=auth(outsider))
    assert refused.status_code == 403
    opened = client.post(f"/api/v1/forum/rounds/{rounds[0]['id']}/open", headers=auth(trainee))
    assert opened.status_code == 200 and opened.json()["state"] == "open"
    twice = client.post(f"/api/v1/forum/rounds/{rounds[0]['id']}/open", headers=auth(trainee))
    assert twice.status_code == 409
    assert decide(client, outsider, topic["post_id"]).status_code == 403
    assert (
        decide(client, trainee, topic["post_id"], "reject", reason="disrespectful").status_code
        == 200
    )
    closed_round = client.post(
        f"/api/v1/forum/rounds/{rounds[0]['id']}/close", headers=auth(trainee)
    )
    assert closed_round.status_code == 200
    summary = closed_round.json()["summary"]
    assert summary["counts"]["reject"] == 1
    assert [s["name"] for s in summary["screeners"]]
    assert summary["seconds"] >= 0
    late_post = post(client, "na", title="na")
    # this window's round is over: the post waits for the afternoon round
    assert utc(late_post["expected_by"]) == local(day, 18, 0).astimezone(UTC)
    after = decide(client, trainee, late_post["post_id"])
    assert after.status_code == 409 and after.json()["reason"] == "round_closed"


def test_a_missed_round_raises_one_alert(client: httpx.Client) -> None:
    day = fresh_day()
    coordinator = login(client, "coordinator")["access_token"]
    lead = login(client, "projectlead")["access_token"]
    first = rounds_of(client, coordinator, day)[0]
    since = client.get("/api/v1/forum/items", headers=auth(coordinator)).json()["head"]
    set_clock(client, local(day, 12, 1))  # the 10:00-12:00 window passed unopened
    deadline = time.monotonic() + 30
    alerts: list[dict[str, Any]] = []
    while time.monotonic() < deadline:
        alerts = _alerts(client, coordinator, since, first["id"])
        if alerts:
            break
        time.sleep(0.2)
    assert len(alerts) == 1, alerts
    assert alerts[0]["data"]["round"]["state"] == "missed"
    time.sleep(1.0)  # a few more sweeps: still one alert
    assert len(_alerts(client, coordinator, since, first["id"])) == 1
    assert len(_alerts(client, lead, since, first["id"])) == 1
    states = {r["id"]: r["state"] for r in rounds_of(client, coordinator, day)}
    assert states[first["id"]] == "missed"


def _alerts(client: httpx.Client, token: str, since: int, round_id: int) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    cursor = since
    while True:
        answer = client.get(
            "/api/v1/sync", params={"since": cursor, "timeout": 0}, headers=auth(token)
        )
        assert answer.status_code == 200, answer.text
        data = answer.json()
        found += [
            e
            for e in data["events"]
            if e["kind"] == "forum.alert" and e["data"]["round"]["id"] == round_id
        ]
        if data["next"] == cursor or not data["events"]:
            return found
        cursor = data["next"]


# --- statistics, settings, policies -------------------------------------------------------------


def test_stats_per_round_and_screener(client: httpx.Client) -> None:
    current = open_round(client)
    topic = post(client, "stats", title="stats")
    assert decide(client, current.screener, topic["post_id"]).status_code == 200
    reply = post(client, "stom", kind="reply", parent_id=topic["post_id"])
    assert (
        decide(
            client, current.second, reply["post_id"], "reject", reason="disrespectful"
        ).status_code
        == 200
    )
    close_round(client, current)
    coordinator = login(client, "coordinator")["access_token"]
    day = current.day.isoformat()
    answer = client.get(
        "/api/v1/forum/stats", params={"from": day, "to": day}, headers=auth(coordinator)
    )
    assert answer.status_code == 200, answer.text
    stats = answer.json()
    [one] = stats["rounds"]
    assert one["round_id"] == current.id
    rates = {s["counts"].get("reject", 0): s["reject_rate"] for s in one["per_screener"]}
    assert rates == {0: 0.0, 1: 1.0}
    assert stats["overall"]["reject_rate"] == 0.5
    assert stats["overall"]["reply_reject_rate"] == 1.0
    trainee = current.screener
    assert client.get("/api/v1/forum/stats", headers=auth(trainee)).status_code == 403


def test_settings_versioned_and_only_for_admin_or_project_lead(client: httpx.Client) -> None:
    lead = login(client, "projectlead")["access_token"]
    trainee = login(client, "bascule.trainee1")["access_token"]
    current = client.get("/api/v1/forum/settings", headers=auth(trainee))
    assert current.status_code == 200
    data = current.json()
    assert data["danger_words"] and data["guidelines"] and len(data["rotation"]) == 5
    changed = {**data, "danger_words": [*data["danger_words"], "vluchten"]}
    assert (
        client.put("/api/v1/forum/settings", json=changed, headers=auth(trainee)).status_code == 403
    )
    saved = client.put("/api/v1/forum/settings", json=changed, headers=auth(lead))
    assert saved.status_code == 200, saved.text
    assert "vluchten" in saved.json()["danger_words"]
    stale = client.put("/api/v1/forum/settings", json=changed, headers=auth(lead))
    assert (
        stale.status_code == 409 and stale.json()["current"]["version"] == saved.json()["version"]
    )
    bad = {**saved.json(), "windows": [{"start": "12:00", "end": "10:00"}]}
    assert client.put("/api/v1/forum/settings", json=bad, headers=auth(lead)).status_code == 422
    no_other = {**saved.json(), "reject_reasons": [{"key": "spam", "label": "Spam"}]}
    assert (
        client.put("/api/v1/forum/settings", json=no_other, headers=auth(lead)).status_code == 422
    )


# --- the youth API's limits ---------------------------------------------------------------


def test_youth_input_errors(client: httpx.Client) -> None:
    url = "/api/v1/youth/forum/posts"
    too_long = client.post(
        url, json={"kind": "topic", "title": "t", "theme": "Gevoel", "body": "x" * 5001}
    )
    assert too_long.status_code == 413 and too_long.json()["error"] == "too_large"
    long_title = client.post(
        url, json={"kind": "topic", "title": "t" * 121, "theme": "Gevoel", "body": "x"}
    )
    assert long_title.status_code == 413
    control = client.post(
        url, json={"kind": "topic", "title": "t", "theme": "Gevoel", "body": "a\x00b"}
    )
    assert control.status_code == 422 and control.json()["fields"][0]["field"] == "body"
    no_title = client.post(url, json={"kind": "story", "theme": "Gevoel", "body": "x"})
    assert no_title.status_code == 422 and no_title.json()["fields"][0]["field"] == "title"
    no_theme = client.post(url, json={"kind": "topic", "title": "t", "theme": "Onzin", "body": "x"})
    assert no_theme.status_code == 422 and no_theme.json()["fields"][0]["field"] == "theme"
    orphan = client.post(url, json={"kind": "reply", "body": "x", "parent_id": 999999})
    assert orphan.status_code == 422 and orphan.json()["fields"][0]["field"] == "parent_id"
    pending = post(client, "nog niet gepubliceerd")
    unpublished = client.post(
        url, json={"kind": "reply", "body": "x", "parent_id": pending["post_id"]}
    )
    assert unpublished.status_code == 422
    story = post(client, "mijn verhaal", kind="story", replies_welcome=False)
    current = open_round(client)
    assert decide(client, current.screener, story["post_id"]).status_code == 200
    close_round(client, current)
    closed_story = client.post(
        url, json={"kind": "reply", "body": "x", "parent_id": story["post_id"]}
    )
    assert closed_story.status_code == 422
    assert "replies" in closed_story.json()["message"]
    tabs = post(client, "regel 1\n\tregel 2")
    assert tabs["status"] == "pending"


def test_a_resent_post_is_one_post(client: httpx.Client, forum_server: RunningServer) -> None:
    """The page sends a random client_id per text: a resend after a lost answer, or two
    sends racing, answer the same post; there is one row."""
    url = "/api/v1/youth/forum/posts"
    client_id = txn()
    body = {"kind": "topic", "title": "dubbel?", "theme": "Gevoel", "body": "een keer"}
    first = client.post(url, json={**body, "client_id": client_id})
    assert first.status_code == 202, first.text
    again = client.post(url, json={**body, "client_id": client_id})
    assert again.status_code == 202
    assert again.json()["post_id"] == first.json()["post_id"]

    racing = txn()

    def send(_: int) -> httpx.Response:
        with forum_server.client() as own:
            return own.post(url, json={**body, "client_id": racing})

    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(send, range(4)))
    assert {a.status_code for a in answers} == {202}
    assert len({a.json()["post_id"] for a in answers}) == 1
    for cid in (client_id, racing):
        assert len(_rows(forum_server, forum_posts, forum_posts.c.client_id == cid)) == 1
    bad = client.post(url, json={**body, "client_id": "<script>"})
    assert bad.status_code == 422


def test_youth_themes_and_schedule(client: httpx.Client) -> None:
    themes = client.get("/api/v1/youth/forum/themes").json()["themes"]
    assert len(themes) == 8
    assert sum(t["count"] for t in themes) >= 5  # the demo's published topics and stories
    day = fresh_day()
    set_clock(client, local(day, 12, 30))
    schedule = client.get("/api/v1/youth/forum/schedule").json()
    assert schedule["windows"][1] == {"start": "16:00", "end": "18:00"}
    assert utc(schedule["next_round_end"]) == local(day, 18, 0).astimezone(UTC)
    answer = post(client, "wanneer?")
    assert answer["expected_by"] == schedule["next_round_end"]


def test_item_events_reach_screening_staff_only(client: httpx.Client) -> None:
    trainee = login(client, "bjzg.trainee2")["access_token"]
    lead = login(client, "projectlead")["access_token"]
    helpdesk = login(client, "helpdesk")["access_token"]
    head = client.get("/api/v1/forum/items", headers=auth(trainee)).json()["head"]
    new = post(client, "een nieuw bericht voor de wachtrij")

    def kinds(token: str) -> list[tuple[str, int | None]]:
        answer = client.get(
            "/api/v1/sync", params={"since": head, "timeout": 0}, headers=auth(token)
        )
        assert answer.status_code == 200, answer.text
        return [(e["kind"], e["data"].get("id")) for e in answer.json()["events"]]

    assert ("forum.item", new["post_id"]) in kinds(trainee)
    assert not any(k == "forum.item" for k, _ in kinds(lead))
    assert not any(k == "forum.item" for k, _ in kinds(helpdesk))
    assert client.get("/api/v1/forum/items", headers=auth(helpdesk)).status_code == 403


def test_forum_routes_are_in_the_schema(client: httpx.Client) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in (
        "/api/v1/youth/forum/posts",
        "/api/v1/youth/forum/topics",
        "/api/v1/youth/forum/topics/{topic_id}",
        "/api/v1/forum/items/{item_id}/decision/{txn_id}",
        "/api/v1/forum/rounds/{round_id}/open",
    ):
        assert path in paths, path
