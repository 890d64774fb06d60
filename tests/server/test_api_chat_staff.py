"""The staff's side of the chat: status, routing, messages, supervision, registration,
referrals and settings, over the real server on each backend."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from server.chat.access import Grant, may_read
from server.chat.core import post_message
from server.db import Database
from server.db.tables import utcnow
from tests.support.api import auth, login
from tests.support.chat import (
    BACKENDS,
    ChatWorld,
    StaffMember,
    Youth,
    all_values,
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


def _assigned(youth: Youth, to: StaffMember, everyone: list[Any], what: str = "") -> dict[str, Any]:
    """Wait until `to` got the youth's chat; its `assignment` (reason, backup, passed over)."""
    until(lambda: to.has(youth.chat_id), what=what or f"{to} getting the chat", alive=everyone)
    found = to.assignment(youth.chat_id)
    assert found is not None
    return found


def _status_of(member: StaffMember, user_id: int) -> list[str]:
    return [
        e["data"]["status"]
        for e in member.events
        if e["kind"] == "chat.staff" and e["data"]["user_id"] == user_id
    ]


def test_status_available_pause_offline(w: ChatWorld) -> None:
    helper = w.member("bascule.helper2")
    colleague = w.member("ggze.helper2")
    for status in ["available", "pause", "offline", "pause"]:
        answer = helper.set_status(status)
        assert answer.status_code == 200, answer.text
        assert answer.json()["status"] == status
        assert answer.json()["since"].endswith("Z")
    until(
        lambda: _status_of(colleague, helper.id) == ["available", "pause", "offline", "pause"],
        what="the colleague seeing every change",
        alive=[helper, colleague],
    )
    wrong = helper.set_status("busy")
    assert wrong.status_code == 422
    coordinator = auth(login(w.client, "coordinator")["access_token"])
    refused = w.client.put("/api/v1/me/status", json={"status": "available"}, headers=coordinator)
    assert refused.status_code == 403

    # Nobody available (a pause does not count): the youth waits.
    youth = w.youth()
    assert youth.position == 1
    helper.available()
    _assigned(youth, helper, [helper, colleague, youth])
    fresh = StaffMember(w.client, "ggze.helper2")
    fresh.sync(0)
    team = {s["user_id"]: s for s in fresh.snapshot["chat"]["team"]}
    assert team[helper.id]["status"] == "available"
    assert team[helper.id]["active_chats"] == 1
    me = fresh.snapshot["chat"]["me"]  # never set a status: offline (or no row yet)
    assert me is None or me["status"] == "offline"
    assert fresh.id not in team


def test_trainees_first_capacity_one_and_registration_before_the_next(w: ChatWorld) -> None:
    supervisor = w.member("bascule.helper1")
    first = w.member("bascule.trainee2")
    second = w.member("bascule.trainee1")
    staff = [supervisor, first, second]
    for member in staff:  # in this order: the supervisor waits longest, then trainee2
        member.available()
    youths: list[Youth] = []

    youths.append(w.youth())
    got = _assigned(youths[0], first, [*staff, *youths])
    assert got["reason"] == "trainee_longest_waiting"
    assert got["backup_user_id"] == supervisor.id
    assert got["passed_over"] == {}

    youths.append(w.youth())
    got = _assigned(youths[1], second, [*staff, *youths])
    assert got["reason"] == "trainee_longest_waiting"
    assert got["passed_over"] == {str(first.id): "busy"}

    youths.append(w.youth())
    got = _assigned(youths[2], supervisor, [*staff, *youths])
    assert got["reason"] == "helper_no_trainee_free"
    assert got["backup_user_id"] is None
    assert got["passed_over"] == {str(first.id): "busy", str(second.id): "busy"}

    # Capacity one: everybody has a chat, so the fourth youth waits.
    late = w.youth()
    youths.append(late)
    assert late.position == 1
    for youth in youths[:3]:
        assert youth.say("hallo").status_code == 201

    assert first.end(youths[0].chat_id).status_code == 200
    until(lambda: youths[0].status() == "ended", alive=[*staff, *youths])
    refused = first.set_status("available")
    assert refused.status_code == 409
    assert refused.json()["reason"] == "registration_pending"
    assert refused.json()["chat_ids"] == [youths[0].chat_id]
    bad_theme = first.register(youths[0].chat_id, theme="Geen thema", subtopic=None)
    assert bad_theme.status_code == 422
    assert [f["field"] for f in bad_theme.json()["fields"]] == ["theme"]
    bad_sub = first.register(youths[0].chat_id, subtopic="Geen subthema")
    assert bad_sub.status_code == 422
    assert [f["field"] for f in bad_sub.json()["fields"]] == ["subtopic"]
    not_mine = second.register(youths[0].chat_id)
    assert not_mine.status_code == 409 and not_mine.json()["reason"] == "not_pending"
    assert late.statuses() == [] or late.status() == "waiting"
    done = first.register(youths[0].chat_id, remark="kort gesprek\x00")
    assert done.status_code == 201, done.text
    assert first.register(youths[0].chat_id, remark="kort gesprek").status_code == 200
    until(
        lambda: any(e["kind"] == "chat.registered" for e in first.events),
        alive=[*staff, *youths],
    )
    first.available()
    got = _assigned(late, first, [*staff, *youths], "the waiting youth going to the free trainee")
    assert got["reason"] == "trainee_longest_waiting"


def test_a_trainee_without_backup_present_is_passed_over(w: ChatWorld) -> None:
    trainee = w.member("ggze.trainee1")
    other = w.member("bascule.helper2")
    trainee.available()
    other.available()
    everyone: list[Any] = [trainee, other]
    youth = w.youth()
    everyone.append(youth)
    got = _assigned(youth, other, everyone)
    assert got["reason"] == "helper_no_trainee_free"
    assert got["passed_over"] == {str(trainee.id): "no_backup_available"}

    backup = w.member("ggze.helper2")
    everyone.append(backup)
    backup.available()
    youth = w.youth()
    everyone.append(youth)
    got = _assigned(youth, trainee, everyone)
    assert got["reason"] == "trainee_longest_waiting"
    assert got["backup_user_id"] == backup.id
    assert got["passed_over"] == {}

    # A trainee whose backup an admin lifted (moving over from the old service; supervisors
    # sign off through /supervision, see test_supervision_routing.py) chats without backup.
    signed_off = w.member("ggze.trainee2")
    supervisor = auth(login(w.client, "ggze.helper1")["access_token"])
    admin = auth(login(w.client, "admin")["access_token"])
    url = f"/api/v1/staff/{signed_off.id}/backup"
    lift = {"needs_backup": False, "reason": "Afgetekend bij de oude dienst"}
    # Not a supervisor's shortcut around the readiness criteria, and never without a reason.
    assert w.client.put(url, json=lift, headers=supervisor).status_code == 403
    assert w.client.put(url, json={"needs_backup": False}, headers=admin).status_code == 422
    helper_url = f"/api/v1/staff/{w.member('ggze.helper2').id}/backup"
    assert w.client.put(helper_url, json=lift, headers=admin).status_code == 422
    answer = w.client.put(url, json=lift, headers=admin)
    assert answer.status_code == 200, answer.text
    record = w.client.get(
        f"/api/v1/supervision/trainees/{signed_off.id}", headers=supervisor
    ).json()
    assert record["signoff"]["criteria"] == {"override": True}
    assert record["signoff"]["remark"] == "Afgetekend bij de oude dienst"
    try:
        backup.offline()
        everyone.remove(backup)
        signed_off.available()
        everyone.append(signed_off)
        youth = w.youth()
        everyone.append(youth)
        got = _assigned(youth, signed_off, everyone)
        assert got["reason"] == "trainee_longest_waiting"
        assert got["backup_user_id"] is None
    finally:
        restored = w.client.put(
            url, json={"needs_backup": True, "reason": "Terug naar begeleiding"}, headers=admin
        )
        assert restored.status_code == 200
        again = w.client.get(f"/api/v1/supervision/trainees/{signed_off.id}", headers=supervisor)
        assert again.json()["signoff"] is None


def test_staff_messages_are_idempotent_and_only_for_the_chats_helper(w: ChatWorld) -> None:
    helper = w.member("bjzg.helper2")
    stranger = w.member("bjzg.helper1")
    helper.available()
    youth = w.youth()
    everyone: list[Any] = [helper, stranger, youth]
    _assigned(youth, helper, everyone)
    chat = youth.chat_id
    key = txn()
    first = helper.say(chat, "Hoi, waar wil je het over hebben?", key)
    assert first.status_code == 201, first.text
    again = helper.say(chat, "Hoi, waar wil je het over hebben?", key)
    assert again.status_code == 200
    assert again.json() == first.json()
    assert first.json()["author_id"] == helper.id and first.json()["from"] == "helper"
    changed = helper.say(chat, "Iets anders", key)
    assert changed.status_code == 409
    assert helper.say(chat, "").status_code == 422
    assert helper.say(chat, " \x00 ").status_code == 422
    assert helper.say(chat, "x" * 4001).status_code == 413

    intruder = stranger.say(chat, "Ik neem het over")
    assert intruder.status_code == 409 and intruder.json()["reason"] == "not_your_chat"
    assert stranger.end(chat).json()["reason"] == "not_your_chat"
    phase = w.client.put(f"/api/v1/chats/{chat}/phases/welcome", headers=stranger.headers)
    assert phase.status_code == 409
    assert stranger.read_chat(chat).status_code == 403  # not a trainee's chat: no supervision

    until(lambda: youth.texts("helper"), alive=everyone)
    assert helper.end(chat).status_code == 200
    until(lambda: youth.status() == "ended", alive=everyone)
    assert helper.say(chat, "Nog één ding").json()["reason"] == "ended"
    assert helper.say(chat, "Hoi, waar wil je het over hebben?", key).status_code == 200
    youth.events()
    assert youth.texts("helper") == ["Hoi, waar wil je het over hebben?"]
    assert [e["txn_id"] for e in youth.messages() if e["from"] == "helper"] == [key]
    assert "Ik neem het over" not in str(youth.seen)


def test_a_txn_id_another_helper_of_the_chat_used_is_a_conflict(
    w: ChatWorld, chat_server: RunningServer
) -> None:
    """Before a hand-over the chat had another helper, whose line took this txn_id (the
    server no longer looks for it twice inside the write): 409, and their text is not
    handed to the helper who asks."""
    helper = w.member("bjzg.helper2")
    before = w.member("bjzg.helper1")
    helper.available()
    youth = w.youth()
    everyone: list[Any] = [helper, before, youth]
    _assigned(youth, helper, everyone)
    chat, key = youth.chat_id, txn()
    db = Database(chat_server.database_url)
    try:
        with db.write() as conn:
            post_message(conn, chat, "helper", before.id, key, "Eerdere regel", utcnow())
    finally:
        db.dispose()
    taken = helper.say(chat, "Mijn regel", key)
    assert taken.status_code == 409, taken.text
    assert taken.json()["error"] == "conflict"
    assert "Eerdere regel" not in taken.text
    rows = query(chat_server, "SELECT author_id, text FROM chat_messages WHERE txn_id = :t", t=key)
    assert rows == [{"author_id": before.id, "text": "Eerdere regel"}]
    fresh = helper.say(chat, "Mijn regel")
    assert fresh.status_code == 201, fresh.text
    assert fresh.json()["author"] == helper.user["display_name"]


def test_a_supervisor_watches_the_trainee_of_their_own_institution_only(w: ChatWorld) -> None:
    supervisor = w.member("bascule.helper1")
    trainee = w.member("bascule.trainee1")
    colleague = w.member("bascule.helper2")  # same institution, not a supervisor
    foreign = w.member("ggze.helper1")  # a supervisor of another institution
    supervisor.available()
    trainee.available()
    youth = w.youth()
    everyone: list[Any] = [supervisor, trainee, colleague, foreign, youth]
    _assigned(youth, trainee, everyone)
    chat = youth.chat_id

    youth.send("ik durf het bijna niet te zeggen")
    trainee.send(chat, "Neem je tijd.")
    until(
        lambda: supervisor.texts(chat) and "Neem je tijd." in supervisor.texts(chat),
        what="the supervisor reading along",
        alive=everyone,
    )
    assert supervisor.assignment(chat) is not None
    assert supervisor.assignment(chat)["user_id"] == trainee.id  # type: ignore[index]
    view = supervisor.read_chat(chat)
    assert view.status_code == 200, view.text
    assert view.json()["as_role"] == "supervisor" and view.json()["mine"] is False
    assert "Neem je tijd." in [m["text"] for m in view.json()["messages"]]

    whisper = supervisor.note("whisper", chat, "Vraag door naar school.")
    assert whisper.status_code == 201, whisper.text
    assert whisper.json()["from"] == "whisper"
    again = supervisor.note("whisper", chat, "Vraag door naar school.", whisper.json()["txn_id"])
    assert again.status_code == 200 and again.json()["seq"] == whisper.json()["seq"]
    until(
        lambda: "Vraag door naar school." in trainee.texts(chat, "whisper"),
        what="the trainee getting the whisper",
        alive=everyone,
    )
    assert trainee.note("whisper", chat, "zelf fluisteren").status_code == 403
    assert colleague.note("whisper", chat, "meekijken").status_code == 403
    assert foreign.note("whisper", chat, "meekijken").status_code == 403
    assert colleague.read_chat(chat).status_code == 403
    assert foreign.read_chat(chat).status_code == 403
    read_rows = query(
        w.server, "SELECT user_id FROM audit_log WHERE subject = :s", s=f"chat:{chat}"
    )  # fmt: skip
    assert {r["user_id"] for r in read_rows} == {supervisor.id}

    trainee.send(chat, "Hoe gaat het op school?")
    until(lambda: "Hoe gaat het op school?" in youth.texts("helper"), alive=everyone)
    assert trainee.end(chat).status_code == 200
    until(lambda: youth.status() == "ended", alive=everyone)
    until(lambda: supervisor.of_chat(chat, "chat.assignment_ended"), alive=everyone)
    for outsider in (colleague, foreign):
        outsider.sync()
        assert outsider.of_chat(chat) == [], outsider
    assert "Vraag door naar school." not in str(youth.seen)
    assert {e["from"] for e in youth.messages()} <= {"youth", "helper", "system"}


def test_consult_and_raised_hands_reach_the_right_people(w: ChatWorld) -> None:
    supervisor = w.member("bjzo.helper1")
    trainee = w.member("bjzo.trainee1")
    colleague = w.member("bjzo.helper2")
    foreign_supervisor = w.member("bjzzh.helper1")
    supervisor.available()
    trainee.available()
    youth = w.youth()
    everyone: list[Any] = [supervisor, trainee, colleague, foreign_supervisor, youth]
    _assigned(youth, trainee, everyone)
    chat = youth.chat_id

    consult = trainee.note("consult", chat, "Kent iemand een goede site over pesten?")
    assert consult.status_code == 201, consult.text
    answer = foreign_supervisor.note("consult", chat, "Probeer pestweb.nl")
    assert answer.status_code == 201
    hand = trainee.note("hand", chat, "Kun je meekijken? Het gaat over zelfbeschadiging.")
    assert hand.status_code == 201, hand.text
    assert colleague.note("hand", chat, "niet mijn chat").json()["reason"] == "not_your_chat"
    marker = "Dank, ik kijk mee."  # a consultation after the hand: everybody gets it
    assert supervisor.note("consult", chat, marker).status_code == 201
    for member in (supervisor, trainee, colleague, foreign_supervisor):
        until(
            lambda m=member: marker in m.texts(chat, "consult"),  # type: ignore[misc]
            what=f"{member} getting the consultation",
            alive=everyone,
        )
        assert member.texts(chat, "consult") == [
            "Kent iemand een goede site over pesten?",
            "Probeer pestweb.nl",
            marker,
        ]
    # Seq order: whoever got the marker would have got the hand before it.
    raised = [e["data"] for e in supervisor.of_chat(chat, "chat.hand_raised")]
    assert [(r["user_id"], r["chat_id"], r["text"]) for r in raised] == [
        (trainee.id, chat, "Kun je meekijken? Het gaat over zelfbeschadiging.")
    ]
    for member in (colleague, foreign_supervisor, trainee):
        assert member.of_chat(chat, "chat.hand_raised") == [], member
    youth.send("ben je er nog?")
    until(lambda: "ben je er nog?" in trainee.texts(chat), alive=everyone)
    youth.events()
    assert "pestweb" not in str(youth.seen) and "zelfbeschadiging" not in str(youth.seen)
    assert "kijk mee" not in str(youth.seen)


def test_phases_are_recorded_once(w: ChatWorld) -> None:
    helper = w.member("bjzzh.helper2")
    helper.available()
    youth = w.youth()
    everyone: list[Any] = [helper, youth]
    _assigned(youth, helper, everyone)
    chat = youth.chat_id
    url = f"/api/v1/chats/{chat}/phases"
    first = w.client.put(f"{url}/welcome", headers=helper.headers)
    assert first.status_code == 200, first.text
    assert w.client.put(f"{url}/goal", headers=helper.headers).status_code == 200  # skipping
    again = w.client.put(f"{url}/welcome", headers=helper.headers)
    assert again.json() == first.json()
    assert w.client.put(f"{url}/sixth", headers=helper.headers).status_code == 422
    until(lambda: len(helper.of_chat(chat, "chat.phase")) >= 2, alive=everyone)
    helper.sync()
    phases = [e["data"]["phase"] for e in helper.of_chat(chat, "chat.phase")]
    assert phases == ["welcome", "goal"]
    rows = query(w.server, "SELECT phase FROM chat_phases WHERE chat_id = :c", c=chat)
    assert sorted(r["phase"] for r in rows) == ["goal", "welcome"]
    assert set(helper.read_chat(chat).json()["phases"]) == {"welcome", "goal"}


def test_the_first_helper_reads_what_the_youth_typed_while_waiting(w: ChatWorld) -> None:
    youth = w.youth()
    youth.send("Is er iemand?")
    youth.send("Ik wacht wel even.")
    helper = w.member("bascule.helper2")
    helper.available()
    _assigned(youth, helper, [helper, youth])
    until(lambda: len(helper.texts(youth.chat_id, "youth")) == 2, alive=[helper, youth])
    assert helper.texts(youth.chat_id, "youth") == ["Is er iemand?", "Ik wacht wel even."]
    view = helper.read_chat(youth.chat_id).json()
    assert [m["text"] for m in view["messages"] if m["from"] == "youth"] == [
        "Is er iemand?",
        "Ik wacht wel even.",
    ]


# Unlike any number in the demo data, so a hit in any table can only be this contact.
REFERRAL_PHONE = "06-31415926"
REFERRAL_EMAIL = "sam.geheim@example.org"


def test_referrals_cold_warm_sealed_audited_and_destroyed(w: ChatWorld) -> None:
    supervisor = w.member("bascule.helper1")
    trainee = w.member("bascule.trainee2")
    colleague = w.member("bascule.helper2")
    foreign = w.member("ggze.helper1")
    supervisor.available()
    trainee.available()
    youth = w.youth()
    everyone: list[Any] = [supervisor, trainee, youth]
    _assigned(youth, trainee, everyone)
    chat = youth.chat_id
    url = f"/api/v1/chats/{chat}/referrals"

    def refer(member: StaffMember, **body: Any) -> Any:
        return w.client.post(url, json=body, headers=member.headers)

    cold = refer(trainee, kind="cold", service="Huisarts")
    assert cold.status_code == 201, cold.text
    assert cold.json()["has_contact"] is False and cold.json()["kind"] == "cold"
    contact = {
        "contact_name": "Sam",
        "contact_phone": REFERRAL_PHONE,
        "contact_email": REFERRAL_EMAIL,
    }
    assert refer(trainee, kind="cold", service="Huisarts", **contact).status_code == 422
    assert refer(trainee, kind="warm", service="GGZ-instelling", **contact).status_code == 422
    assert refer(trainee, kind="warm", service="GGZ-instelling", consent=True).status_code == 422
    assert refer(trainee, kind="none", service="Huisarts").status_code == 422
    assert refer(supervisor, kind="cold", service="Huisarts").status_code == 403
    assert refer(foreign, kind="cold", service="Huisarts").status_code == 403
    warm = refer(
        trainee,
        kind="warm",
        service="GGZ-instelling",
        consent=True,
        note="bellen na 17u",
        **contact,
    )
    assert warm.status_code == 201, warm.text
    referral = warm.json()
    assert referral["has_contact"] is True and "contact_phone" not in referral
    rid = referral["id"]

    sealed = query(w.server, "SELECT * FROM referrals WHERE id = :r", r=rid)[0]
    assert sealed["sealed_contact"]
    for plain in (REFERRAL_PHONE, REFERRAL_EMAIL, "12345678", "bellen na 17u"):
        assert plain not in str(sealed), plain
    for table, values in all_values(w.server).items():  # nowhere in plain text
        assert REFERRAL_PHONE not in str(values) and REFERRAL_EMAIL not in str(values), table

    def reads() -> int:
        rows = query(
            w.server,
            "SELECT user_id FROM audit_log WHERE action = 'referral.read_contact' AND subject = :s",
            s=f"referral:{rid}",
        )
        return len(rows)

    for reader in (trainee, supervisor):
        before = reads()
        answer = w.client.get(f"/api/v1/referrals/{rid}", headers=reader.headers)
        assert answer.status_code == 200, (reader, answer.text)
        got = answer.json()["contact"]
        assert got["phone"] == REFERRAL_PHONE and got["email"] == REFERRAL_EMAIL
        assert got["name"] == "Sam" and got["note"] == "bellen na 17u"
        assert reads() == before + 1
        listed = w.client.get("/api/v1/referrals", headers=reader.headers).json()["referrals"]
        assert rid in [r["id"] for r in listed]
        assert REFERRAL_PHONE not in str(listed)
    for outsider in (foreign, colleague):
        before = reads()
        answer = w.client.get(f"/api/v1/referrals/{rid}", headers=outsider.headers)
        assert answer.status_code == 404, outsider
        assert w.client.post(
            f"/api/v1/referrals/{rid}/close", headers=outsider.headers
        ).status_code == 404  # fmt: skip
        listed = w.client.get("/api/v1/referrals", headers=outsider.headers).json()["referrals"]
        assert rid not in [r["id"] for r in listed]
        assert reads() == before

    closed = w.client.post(f"/api/v1/referrals/{rid}/close", headers=trainee.headers)
    assert closed.status_code == 200, closed.text
    assert closed.json()["closed_at"] and closed.json()["destroyed_at"]
    assert closed.json()["has_contact"] is False
    row = query(w.server, "SELECT sealed_contact FROM referrals WHERE id = :r", r=rid)[0]
    assert row["sealed_contact"] is None
    after = w.client.get(f"/api/v1/referrals/{rid}", headers=supervisor.headers)
    assert after.status_code == 200 and after.json()["contact"] is None
    listed = w.client.get("/api/v1/referrals", headers=trainee.headers).json()["referrals"]
    assert [r["id"] for r in listed] == [cold.json()["id"]]
    youth.events()
    assert REFERRAL_PHONE not in str(youth.seen)


TEXTS = {
    "crisis_protocol": "1. Blijf in gesprek.\n2. Bel bij direct gevaar 112.",
    "snippets": [{"title": "Welkom", "text": "Fijn dat je er bent."}],
    "referral_services": ["Huisarts", "113 Zelfmoordpreventie"],
}


def test_chat_texts_only_for_admin_and_project_lead(w: ChatWorld) -> None:
    helper = w.member("bjzg.helper1")
    url = "/api/v1/chat/texts"
    for username in ("coordinator", "bjzg.helper1", "bjzg.trainee1", "helpdesk"):
        token = auth(login(w.client, username)["access_token"])
        assert w.client.get(url, headers=token).status_code == 403, username
        body = {**TEXTS, "version": 0}
        assert w.client.put(url, json=body, headers=token).status_code == 403, username
    for username in ("admin", "projectlead"):
        token = auth(login(w.client, username)["access_token"])
        read = w.client.get(url, headers=token)
        assert read.status_code == 200, read.text
        texts = {**TEXTS, "crisis_protocol": f"{TEXTS['crisis_protocol']}\n({username})"}
        answer = w.client.put(url, json={**texts, "version": read.json()["version"]}, headers=token)
        assert answer.status_code == 200, answer.text
        assert answer.json() == {**texts, "version": read.json()["version"] + 1}
        until(
            lambda t=texts: any(  # type: ignore[misc]
                e["kind"] == "chat.texts" and e["data"] == t for e in helper.events
            ),
            what="the chat team getting the texts",
            alive=[helper],
        )
    admin = auth(login(w.client, "admin")["access_token"])
    version = w.client.get(url, headers=admin).json()["version"]
    wrong = {**TEXTS, "snippets": [{"title": "zonder tekst"}], "version": version}
    assert w.client.put(url, json=wrong, headers=admin).status_code == 422
    assert w.client.put(url, json=TEXTS, headers=admin).status_code == 422  # no version
    fresh = StaffMember(w.client, "bjzg.helper1")
    fresh.sync(0)
    assert fresh.snapshot["chat"]["texts"]["crisis_protocol"].endswith("(projectlead)")
    assert "version" not in fresh.snapshot["chat"]["texts"]


def test_a_stale_texts_version_answers_409_with_the_current_texts(w: ChatWorld) -> None:
    url = "/api/v1/chat/texts"
    admin = auth(login(w.client, "admin")["access_token"])
    lead = auth(login(w.client, "projectlead")["access_token"])
    read = w.client.get(url, headers=admin).json()
    assert set(read) == {"crisis_protocol", "snippets", "referral_services", "version"}
    version = read["version"]
    # Both read the same version; the project lead saves first.
    first = {**TEXTS, "crisis_protocol": "Versie van de projectleider.", "version": version}
    assert w.client.put(url, json=first, headers=lead).status_code == 200
    second = {**TEXTS, "crisis_protocol": "Versie van de beheerder.", "version": version}
    stale = w.client.put(url, json=second, headers=admin)
    assert stale.status_code == 409, stale.text
    assert stale.json()["reason"] == "stale"
    current = stale.json()["current"]
    assert current["crisis_protocol"] == "Versie van de projectleider."
    assert current["version"] == version + 1
    stored = w.client.get(url, headers=admin).json()
    assert stored["crisis_protocol"] == "Versie van de projectleider."
    # Saved again against the current version, the admin's text wins on purpose.
    again = w.client.put(url, json={**second, "version": current["version"]}, headers=admin)
    assert again.status_code == 200, again.text
    assert w.client.get(url, headers=lead).json()["crisis_protocol"] == "Versie van de beheerder."
    # A version from the future is stale too, and so is 0 once a row is stored.
    for wrong in (version + 99, 0):
        answer = w.client.put(url, json={**second, "version": wrong}, headers=admin)
        assert answer.status_code == 409, (wrong, answer.text)


def test_the_schedule_is_readable_by_those_who_open_days(w: ChatWorld) -> None:
    url = "/api/v1/chat/schedule"
    for username in ("bjzg.helper1", "helpdesk"):
        token = auth(login(w.client, username)["access_token"])
        assert w.client.get(url, headers=token).status_code == 403, username
    coordinator = auth(login(w.client, "coordinator")["access_token"])
    day = "2031-12-25"
    opened = w.client.put(f"/api/v1/chat/open-days/{day}", json={"open": True}, headers=coordinator)
    assert opened.status_code == 200, opened.text
    for username in ("coordinator", "projectlead", "admin"):
        token = auth(login(w.client, username)["access_token"])
        schedule = w.client.get(url, headers=token)
        assert schedule.status_code == 200, schedule.text
        assert schedule.json() == opened.json()
        assert day in schedule.json()["schedule"]["opened_dates"]


def test_the_open_grant_decides_whatever_order_the_rows_come_in() -> None:
    """A supervisor watching a chat handed from one trainee to another (or a helper who
    gets a chat back) holds a closed and an open grant: the open one decides."""
    closed = Grant(chat_id=7, from_seq=0, until_seq=50, as_role="supervisor")
    open_ = Grant(chat_id=7, from_seq=51, until_seq=None, as_role="supervisor")
    other = Grant(chat_id=8, from_seq=0, until_seq=None, as_role="helper")
    for grants in ([closed, open_, other], [other, open_, closed]):
        assert may_read(grants, 7) == open_
    assert may_read([closed, other], 7) == closed
    assert may_read([other], 7) is None
