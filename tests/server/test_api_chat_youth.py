"""The youth's side of the chat: anonymous, by a per-chat token, over the real server."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.api import admin_token, auth, login, unique
from tests.support.chat import (
    BACKENDS,
    YOUTH_KINDS,
    YOUTH_SENDERS,
    ChatWorld,
    Youth,
    all_values,
    closing_days,
    query,
    serve_fresh,
    txn,
    until,
    world,
)
from tests.support.servers import RunningServer


@pytest.fixture(scope="module", params=BACKENDS)
def chat_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, dev_certs: Path
) -> Iterator[RunningServer]:
    yield from serve_fresh(request, tmp_path_factory, dev_certs)


@pytest.fixture
def w(chat_server: RunningServer) -> Iterator[ChatWorld]:
    yield from world(chat_server)


def _taken_by(w: ChatWorld, username: str) -> tuple[Youth, int]:
    """A youth whose chat `username` (made available first) has taken."""
    helper = w.member(username)
    helper.available()
    youth = w.youth()
    until(lambda: helper.has(youth.chat_id), what="the assignment", alive=[helper, youth])
    return youth, helper.id


def test_status_shape(w: ChatWorld) -> None:
    answer = w.client.get("/api/v1/youth/status")
    assert answer.status_code == 200
    status = answer.json()
    assert set(status) == {"open", "short_chat_only", "opens_at", "closes_at", "holiday", "waiting"}
    assert status["open"] is True  # the demo data opens the chat around the clock
    assert status["short_chat_only"] is False
    assert status["opens_at"] is None and status["holiday"] is None
    assert isinstance(status["closes_at"], str) and status["closes_at"].endswith("Z")
    assert status["waiting"] == 0
    w.youth()
    assert w.client.get("/api/v1/youth/status").json()["waiting"] == 1


def test_start_answers_token_resume_code_and_position(w: ChatWorld) -> None:
    first = w.new_youth()
    answer = first.try_start(nickname="Sam", age=15, theme="Gevoel")
    assert answer.status_code == 201, answer.text
    data = answer.json()
    assert set(data) == {"chat_id", "token", "resume_code", "position"}
    assert len(data["token"]) >= 32
    assert re.fullmatch(r"[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}", data["resume_code"])
    assert data["position"] == 1  # nobody is available
    second = w.youth()
    assert second.position == 2
    assert second.token != first.token and second.chat_id != first.chat_id

    until(lambda: first.events() or first.seen, what="the first youth's events")
    assert first.statuses() == ["waiting"]
    assert [e["position"] for e in first.seen if e["kind"] == "position"][-1] == 1
    assert first.end().status_code == 200
    until(
        lambda: any(e["kind"] == "position" and e["position"] == 1 for e in second.events()),
        what="the second youth moving up",
    )


def test_a_closed_day_refuses_new_chats(w: ChatWorld) -> None:
    coordinator = auth(login(w.client, "coordinator")["access_token"])
    helper = auth(login(w.client, "bascule.helper1")["access_token"])
    days = closing_days()
    refused = w.client.put(
        f"/api/v1/chat/open-days/{days[0]}", json={"open": False}, headers=helper
    )
    assert refused.status_code == 403
    try:
        for day in days:
            closed = w.client.put(
                f"/api/v1/chat/open-days/{day}", json={"open": False}, headers=coordinator
            )
            assert closed.status_code == 200, closed.text
            assert day.isoformat() in closed.json()["schedule"]["closed_dates"]
        status = w.client.get("/api/v1/youth/status").json()
        assert status["open"] is False
        assert status["opens_at"] is not None and status["closes_at"] is None
        youth = w.new_youth()
        answer = youth.try_start()
        assert answer.status_code == 409
        assert answer.json()["error"] == "conflict"
        assert answer.json()["reason"] == "closed"
        assert answer.json()["opens_at"] == status["opens_at"]
        assert w.waiting() == 0
    finally:
        for day in days:
            reopened = w.client.put(
                f"/api/v1/chat/open-days/{day}", json={"open": True}, headers=coordinator
            )
            assert reopened.status_code == 200, reopened.text
    assert w.client.get("/api/v1/youth/status").json()["open"] is True
    w.youth()


def test_the_youth_sees_no_staff_only_events(w: ChatWorld) -> None:
    supervisor = w.member("bascule.helper1")
    trainee = w.member("bascule.trainee1")
    supervisor.available()
    trainee.available()
    youth = w.youth()
    everyone = [supervisor, trainee, youth]
    until(lambda: trainee.has(youth.chat_id), what="the trainee's chat", alive=everyone)
    chat = youth.chat_id

    assert w.client.put(
        f"/api/v1/chats/{chat}/phases/welcome", headers=trainee.headers
    ).status_code == 200  # fmt: skip
    assert trainee.note("consult", chat, "consult geheim").status_code == 201
    assert trainee.note("hand", chat, "hand geheim").status_code == 201
    assert supervisor.note("whisper", chat, "whisper geheim").status_code == 201
    trainee.send(chat, "Hoi, fijn dat je er bent.")
    youth.send("hallo")
    until(
        lambda: "whisper geheim" in trainee.texts(chat) and "hallo" in trainee.texts(chat),
        what="the trainee getting the whisper and the youth's message",
        alive=everyone,
    )
    assert trainee.end(chat).status_code == 200
    until(lambda: youth.status() == "ended", what="the end", alive=everyone)

    assert {e["kind"] for e in youth.seen} <= YOUTH_KINDS
    assert {e["from"] for e in youth.messages()} <= YOUTH_SENDERS
    assert not [e for e in youth.messages() if "geheim" in e["text"]]
    assert youth.texts("helper") == ["Hoi, fijn dat je er bent."]
    assert youth.texts("youth") == ["hallo"]
    assert youth.statuses() == ["waiting", "active", "ended"]
    seqs = [e["seq"] for e in youth.seen]
    assert seqs == sorted(set(seqs))
    # The staff-only events did exist (so the check above could fail).
    kinds = {e["kind"] for e in trainee.of_chat(chat)}
    assert {"chat.assigned", "chat.phase"} <= kinds
    assert "consult geheim" in trainee.texts(chat, "consult")


def test_a_repeated_message_is_stored_once(w: ChatWorld, chat_server: RunningServer) -> None:
    youth, _helper_id = _taken_by(w, "ggze.helper2")
    helper = w.member("ggze.helper2")
    key = txn()
    first = youth.say("hallo daar", key)
    assert first.status_code == 201, first.text
    again = youth.say("hallo daar", key)
    assert again.status_code == 200, again.text
    assert again.json() == first.json()
    assert set(first.json()) == {"seq", "txn_id", "at"}
    different = youth.say("iets anders", key)
    assert different.status_code == 409
    assert different.json()["error"] == "conflict"

    until(lambda: "hallo daar" in helper.texts(youth.chat_id), alive=[helper, youth])
    until(lambda: "hallo daar" in youth.texts("youth"), alive=[helper, youth])
    assert [m["txn_id"] for m in helper.messages(youth.chat_id, "youth")] == [key]
    assert [e["txn_id"] for e in youth.messages() if e["from"] == "youth"] == [key]
    rows = query(
        chat_server, "SELECT text, seq FROM chat_messages WHERE txn_id = :t", t=key
    )  # fmt: skip
    assert rows == [{"text": "hallo daar", "seq": first.json()["seq"]}]


def test_message_size_and_emptiness(w: ChatWorld) -> None:
    youth = w.youth()  # messages may be typed while waiting
    assert youth.say("a" * 4000).status_code == 201
    too_long = youth.say("a" * 4001)
    assert too_long.status_code == 413
    assert too_long.json()["error"] == "too_large"
    for empty in ["", "   ", " \n\t ", "\x00\x01"]:
        answer = youth.say(empty)
        assert answer.status_code == 422, (empty, answer.text)
        assert answer.json()["error"] == "invalid"
    until(lambda: youth.events() or youth.messages(), what="the stored message")
    assert [len(t) for t in youth.texts("youth")] == [4000]


def test_messages_too_fast_are_throttled(w: ChatWorld, chat_server: RunningServer) -> None:
    youth = w.youth()
    accepted: list[str] = []
    refused = None
    for n in range(60):
        answer = youth.say(f"snel {n}")
        if answer.status_code == 429:
            refused = answer
            break
        assert answer.status_code == 201, answer.text
        accepted.append(f"snel {n}")
    assert refused is not None, "never throttled"
    assert len(accepted) >= 10  # the default allows ten per ten seconds
    retry = int(refused.headers["Retry-After"])
    assert 1 <= retry <= 10
    assert refused.json()["error"] == "throttled" and refused.json()["retry_after"] == retry
    late = txn()
    assert youth.say("later", late).status_code == 429
    assert query(chat_server, "SELECT id FROM chat_messages WHERE txn_id = :t", t=late) == []
    # The limit lifts again; the refused message can then be sent with the same id.
    until(
        lambda: youth.say("later", late).status_code == 201,
        what="the throttle lifting",
        alive=[youth],
    )
    until(lambda: "later" in youth.texts("youth"), alive=[youth])
    assert youth.texts("youth") == [*accepted, "later"]


def test_tokens_belong_to_one_chat(w: ChatWorld) -> None:
    first = w.youth()
    second = w.youth()
    staff = auth(login(w.client, "bascule.helper2")["access_token"])
    wrong = {
        "none": {},
        "garbage": auth("not-a-token"),
        "basic": {"Authorization": "Basic eDp5"},
        "other chat": first.headers,
        "staff": staff,
    }
    for name, headers in wrong.items():
        calls = [
            w.client.get(second.url("/events"), params={"timeout": 0}, headers=headers),
            w.client.put(second.url(f"/messages/{txn()}"), json={"text": "x"}, headers=headers),
            w.client.post(second.url("/end"), headers=headers),
            w.client.post(second.url("/history"), json={"share": True}, headers=headers),
            w.client.post(second.url("/survey"), json={}, headers=headers),
        ]
        for answer in calls:
            assert answer.status_code == 401, (name, answer.request.url, answer.text)
            assert answer.json()["error"] == "unauthorized"
    missing = w.client.get("/api/v1/youth/chats/999999/events", headers=first.headers)
    assert missing.status_code == 401
    # Nothing of that reached the second chat.
    second.events()
    assert second.statuses() == ["waiting"] and second.messages() == []


def test_end_and_survey(w: ChatWorld, chat_server: RunningServer) -> None:
    youth, helper_id = _taken_by(w, "bjzg.helper2")
    helper = w.member("bjzg.helper2")
    early = w.client.post(youth.url("/survey"), json={}, headers=youth.headers)
    assert early.status_code == 409 and early.json()["reason"] == "not_ended"

    assert youth.end().status_code == 200
    assert youth.end().json() == {"status": "ended"}  # again: no change
    until(lambda: youth.status() == "ended", alive=[youth, helper])
    until(
        lambda: any(
            e["data"]["status"] == "ended" for e in helper.of_chat(youth.chat_id, "chat.status")
        ),
        alive=[helper],
    )
    ended = [
        e for e in helper.of_chat(youth.chat_id, "chat.status") if e["data"]["status"] == "ended"
    ]
    assert [e["data"]["reason"] for e in ended] == ["youth"]
    late = youth.say("nog iets")
    assert late.status_code == 409 and late.json()["reason"] == "ended"

    invalid = [
        {"age": 5},
        {"age": "oud"},
        {"understood": "misschien"},
        {"helped": "super"},
        {"gender": "x" * 101},
        {"comment": "x" * 2001},
        {"unknown_field": 1},
    ]
    for body in invalid:
        answer = w.client.post(youth.url("/survey"), json=body, headers=youth.headers)
        assert answer.status_code == 422, (body, answer.text)
    survey = {
        "age": 16,
        "gender": "meisje",
        "country_father": "Marokko",
        "country_mother": "Nederland",
        "understood": "yes",
        "helped": "fairly_good",
        "comment": "Fijn\x00 gesprek",
    }
    given = w.client.post(youth.url("/survey"), json=survey, headers=youth.headers)
    assert given.status_code == 201, given.text
    twice = w.client.post(youth.url("/survey"), json=survey, headers=youth.headers)
    assert twice.status_code == 409 and twice.json()["reason"] == "done"
    rows = query(
        chat_server,
        "SELECT age, gender, understood, helped, comment FROM chat_surveys WHERE chat_id = :c",
        c=youth.chat_id,
    )
    assert rows == [
        {
            "age": 16,
            "gender": "meisje",
            "understood": "yes",
            "helped": "fairly_good",
            "comment": "Fijn gesprek",
        }
    ]
    assert helper_id == helper.id


def test_resume_with_the_code(w: ChatWorld) -> None:
    youth = w.youth()
    youth.send("voor het sluiten van het tabblad")
    old = youth.headers
    code = youth.resume_code.lower().replace("-", " ")  # typed sloppily
    answer = w.client.post("/api/v1/youth/chats/resume", json={"resume_code": code})
    assert answer.status_code == 200, answer.text
    assert answer.json()["chat_id"] == youth.chat_id
    assert answer.json()["token"] != youth.token
    youth.token = answer.json()["token"]
    youth.cursor = 0
    youth.seen = []
    youth.events()
    assert youth.texts("youth") == ["voor het sluiten van het tabblad"]
    assert youth.say("weer terug").status_code == 201
    stale = w.client.get(youth.url("/events"), params={"timeout": 0}, headers=old)
    assert stale.status_code == 401
    assert w.client.put(
        youth.url(f"/messages/{txn()}"), json={"text": "x"}, headers=old
    ).status_code == 401  # fmt: skip

    unknown = w.client.post("/api/v1/youth/chats/resume", json={"resume_code": "ZZZZ-ZZZZ"})
    assert unknown.status_code == 404
    assert unknown.json()["error"] == "not_found"
    assert youth.end().status_code == 200
    after = w.client.post("/api/v1/youth/chats/resume", json={"resume_code": youth.resume_code})
    assert after.status_code == 404


HOSTILE = [
    ("<script>alert('x')</script><img src=x onerror=alert(1)>",) * 2,
    ("a\x00b\x00c", "abc"),
    ("\u202egnp.exe wie ben jij", "\u202egnp.exe wie ben jij"),
    ("rood\x1b[31m!\x07\x08", "rood[31m!"),
    ("c1\u009b31m\u0085einde", "c131meinde"),
    ("regel 1\nregel 2\tmet tab", "regel 1\nregel 2\tmet tab"),
    ("👩\u200d👩\u200d👧 ' OR 1=1; --", "👩\u200d👩\u200d👧 ' OR 1=1; --"),
    ("😀" * 4000, "😀" * 4000),
]


def test_hostile_text_is_stored_as_typed(w: ChatWorld, chat_server: RunningServer) -> None:
    youth, _helper_id = _taken_by(w, "bjzo.helper2")
    helper = w.member("bjzo.helper2")
    for typed, _stored in HOSTILE:
        answer = youth.say(typed)
        assert answer.status_code == 201, (typed[:40], answer.text)
    too_many = youth.say("😀" * 10_000)
    assert too_many.status_code == 413
    expected = [stored for _typed, stored in HOSTILE]
    until(lambda: len(helper.texts(youth.chat_id, "youth")) == len(expected), alive=[helper, youth])
    assert helper.texts(youth.chat_id, "youth") == expected
    until(lambda: len(youth.texts("youth")) == len(expected), alive=[youth])
    assert youth.texts("youth") == expected
    rows = query(
        chat_server,
        "SELECT text FROM chat_messages WHERE chat_id = :c AND sender = 'youth' ORDER BY seq",
        c=youth.chat_id,
    )
    assert [r["text"] for r in rows] == expected
    view = helper.read_chat(youth.chat_id).json()
    assert [m["text"] for m in view["messages"] if m["from"] == "youth"] == expected


def test_nothing_about_the_youth_is_stored_but_what_they_typed(
    w: ChatWorld, chat_server: RunningServer
) -> None:
    agent = f"HulpmixProbe/{unique('ua')}"
    forwarded = "203.0.113.77"
    headers = {"User-Agent": agent, "X-Forwarded-For": forwarded, "Referer": f"https://{agent}/"}
    helper = w.member("bjzzh.helper2")
    helper.available()
    with chat_server.client(headers=headers) as own:
        youth = Youth(own).start(nickname="Anoniempje", age=14, theme="Familie")
        w.youths.append(youth)
        until(lambda: helper.has(youth.chat_id), alive=[helper, youth])
        youth.send("ik wil iets vertellen")
        youth.events()
        assert youth.end().status_code == 200
        assert own.post(
            youth.url("/survey"), json={"comment": "ok"}, headers=youth.headers
        ).status_code == 201  # fmt: skip

    rows = query(chat_server, "SELECT * FROM chats WHERE id = :c", c=youth.chat_id)
    assert len(rows) == 1
    chat = rows[0]
    for column, value in chat.items():
        for secret in ("127.0.0.1", forwarded, agent, "HulpmixProbe"):
            assert secret not in str(value), f"chats.{column} holds {secret!r}"
    assert chat["nickname"] == "Anoniempje" and chat["age"] == 14 and chat["theme"] == "Familie"
    assert youth.token not in str(chat) and youth.resume_code not in str(chat)
    for table, values in all_values(chat_server).items():
        joined = "\n".join(values)
        assert agent not in joined and "HulpmixProbe" not in joined, table
        assert forwarded not in joined, table
        if table.startswith("chat") or table in {"events", "referrals"}:
            assert "127.0.0.1" not in joined, table


def test_a_staff_token_is_not_needed_and_admin_sees_no_youth_secrets(w: ChatWorld) -> None:
    """The youth API is public; staff APIs never answer a youth's token or resume code."""
    youth = w.youth()
    token = admin_token(w.client)
    listing = w.client.get("/api/v1/policies", headers=auth(token)).json()["policies"]
    youth_routes = [p for p in listing if p["path"].startswith("/api/v1/youth/")]
    assert youth_routes and all(p["scope"] == "public" for p in youth_routes)
    staff = w.member("bascule.helper2")
    queue = staff.snapshot["chat"]["queue"]
    assert [c["chat_id"] for c in queue] == [youth.chat_id]
    assert youth.token not in str(staff.snapshot) and youth.resume_code not in str(staff.snapshot)
