"""Presence: a chat belongs to the helper through a grace window, then is handed over
explicitly; a youth who goes quiet is shown to the helper, and after the grace the chat
ends. The server runs with 3 s presence timeout and 4 s grace; people are kept alive by
polling, and let go silent on purpose."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support.chat import (
    BACKENDS,
    YOUTH_KINDS,
    ChatWorld,
    StaffMember,
    Youth,
    query,
    serve_fresh,
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


def _chat_with(w: ChatWorld, username: str) -> tuple[StaffMember, Youth]:
    helper = w.member(username)
    helper.available()
    youth = w.youth()
    until(lambda: helper.has(youth.chat_id), what="the assignment", alive=[helper, youth])
    return helper, youth


def _handed_over(youth: Youth) -> bool:
    return any(e["kind"] == "handover" for e in youth.seen)


def _presence(member: StaffMember, chat: int) -> list[bool]:
    return [e["data"]["connected"] for e in member.of_chat(chat, "chat.youth_presence")]


def test_a_helper_back_within_the_grace_keeps_the_chat(w: ChatWorld) -> None:
    helper, youth = _chat_with(w, "bascule.helper2")
    chat = youth.chat_id
    both: list[Any] = [helper, youth]
    helper.send(chat, "Hoi! Waar wil je het over hebben?")
    youth.send("over thuis")
    until(lambda: "over thuis" in helper.texts(chat), alive=both)

    # The helper's connection drops: only the youth keeps polling.
    until(
        lambda: youth.status() == "helper_reconnecting",
        what="the youth being told the helper is reconnecting",
        alive=[youth],
    )
    meanwhile = ["ben je er nog?", "hallo??", "oké, ik wacht"]
    for text in meanwhile:
        youth.send(text)
    helper.sync()  # back, within the grace window
    until(lambda: youth.status() == "active", what="the chat resuming", alive=both)
    back = ["Sorry, mijn verbinding was even weg.", "Ik ben er weer. Vertel."]
    for text in back:
        helper.send(chat, text)
    until(lambda: youth.texts("helper")[-1:] == back[-1:], alive=both)
    until(lambda: helper.texts(chat, "youth")[-1:] == meanwhile[-1:], alive=both)

    # Every message exactly once, in order, on both sides.
    assert [m["text"] for m in helper.received(chat, "youth")] == ["over thuis", *meanwhile]
    assert youth.texts("helper") == ["Hoi! Waar wil je het over hebben?", *back]
    assert youth.texts("youth") == ["over thuis", *meanwhile]
    seqs = [e["seq"] for e in youth.seen]
    assert seqs == sorted(set(seqs))
    assert youth.statuses() == ["waiting", "active", "helper_reconnecting", "active"]
    # Still theirs: no hand-over, one assignment.
    assert not _handed_over(youth)
    assert helper.of_chat(chat, "chat.handover") == []
    assert len(helper.of_chat(chat, "chat.assigned")) == 1 and helper.has(chat)
    assert [e["data"]["status"] for e in helper.of_chat(chat, "chat.status")][-2:] == [
        "helper_reconnecting",
        "active",
    ]
    view = helper.read_chat(chat).json()
    assert view["state"] == "active" and view["mine"] is True and view["helper_id"] == helper.id


def test_a_helper_gone_past_the_grace_is_handed_over_without_the_history(
    w: ChatWorld,
) -> None:
    first, youth = _chat_with(w, "ggze.helper2")
    chat = youth.chat_id
    first.send(chat, "Vertel eens wat er is.")
    youth.send("mijn geheime verhaal")
    until(lambda: "mijn geheime verhaal" in first.texts(chat), alive=[first, youth])
    second = w.member("bjzg.helper2")
    second.available()  # free, but the chat is not theirs: it stays with the first

    until(
        lambda: _handed_over(youth),
        what="an explicit hand-over the youth sees",
        alive=[youth, second],
    )
    until(lambda: second.has(chat), what="the next helper", alive=[youth, second])
    got = second.assignment(chat)
    assert got is not None and got["handover"] is True
    assert got["reason"] == "helper_no_trainee_free"
    youth.send("ben jij iemand anders?")
    second.send(chat, "Ja, ik neem het gesprek over.")
    until(lambda: "ben jij iemand anders?" in second.texts(chat), alive=[youth, second])
    until(lambda: youth.texts("helper")[-1:] == ["Ja, ik neem het gesprek over."], alive=[youth])

    earlier = ("mijn geheime verhaal", "Vertel eens wat er is.")
    for text in earlier:
        assert text not in str(second.events)
    fresh = StaffMember(w.client, "bjzg.helper2")
    fresh.sync(0)
    view = fresh.view(chat)
    assert view is not None and view["mine"] is True
    assert "ben jij iemand anders?" in [m["text"] for m in view["messages"]]
    for text in earlier:
        assert text not in str(view)
        assert text not in second.read_chat(chat).text
    statuses = youth.statuses()
    assert statuses[-4:] == ["active", "helper_reconnecting", "waiting", "active"]
    assert {e["kind"] for e in youth.seen} <= YOUTH_KINDS

    # The first helper is back too late: the chat is no longer theirs, and they are offline.
    first.sync()
    assert first.of_chat(chat, "chat.handover")
    ended = first.of_chat(chat, "chat.assignment_ended")
    assert [e["data"]["cause"] for e in ended] == ["handover"]
    assert "ben jij iemand anders?" not in first.texts(chat)
    late = first.say(chat, "Ik ben er weer!")
    assert late.status_code == 409 and late.json()["reason"] == "not_your_chat"
    me = StaffMember(w.client, "ggze.helper2")
    me.sync(0)
    assert me.snapshot["chat"]["me"]["status"] == "offline"
    assert me.view(chat) is None and me.pending() == []

    # The youth agrees: the new helper gets the earlier messages as an explicit event.
    shared = youth.share_history(True)
    assert shared.status_code == 200 and shared.json() == {"history_shared": True}
    until(
        lambda: any(
            "mijn geheime verhaal" in str(e["data"]) for e in second.of_chat(chat, "chat.history")
        ),
        what="the shared history",
        alive=[youth, second],
    )
    texts = [m["text"] for m in second.messages(chat)]
    assert texts.index("Vertel eens wat er is.") < texts.index("mijn geheime verhaal")
    assert texts.index("mijn geheime verhaal") < texts.index("ben jij iemand anders?")
    again = StaffMember(w.client, "bjzg.helper2")
    again.sync(0)
    assert "mijn geheime verhaal" in str(again.view(chat))


def test_after_a_hand_over_the_dropped_helper_cannot_reach_the_waiting_chat(
    w: ChatWorld,
) -> None:
    """Nobody else is free, so the chat waits; what the dropped helper's console still had
    queued (a message, an end) must not reach the youth or end their chat."""
    first, youth = _chat_with(w, "bjzo.helper2")
    chat = youth.chat_id
    until(lambda: _handed_over(youth), what="the hand-over", alive=[youth])
    assert youth.status() == "waiting"
    late = first.say(chat, "Sorry, ik was even weg.")
    assert late.status_code == 409 and late.json()["reason"] == "not_your_chat"
    assert first.end(chat).status_code == 409
    youth.events()
    assert youth.status() == "waiting", "the chat still waits for the next helper"
    assert "Sorry, ik was even weg." not in youth.texts("helper")


def test_history_shared_while_waiting_reaches_the_next_helper(w: ChatWorld) -> None:
    first, youth = _chat_with(w, "bjzo.helper2")
    chat = youth.chat_id
    youth.send("wat ik eerder vertelde")
    until(lambda: "wat ik eerder vertelde" in first.texts(chat), alive=[first, youth])
    # The helper drops and nobody else is there: the youth waits, first in the queue.
    until(lambda: _handed_over(youth) and youth.status() == "waiting", alive=[youth])
    assert youth.share_history(True).status_code == 200
    youth.send("ik wacht op iemand nieuws")
    second = w.member("bjzzh.helper2")
    second.available()
    until(lambda: second.has(chat), alive=[youth, second])
    until(
        lambda: "wat ik eerder vertelde" in second.texts(chat),
        what="the history in the new helper's events",
        alive=[youth, second],
    )
    texts = [m["text"] for m in second.messages(chat)]
    assert texts.index("wat ik eerder vertelde") < texts.index("ik wacht op iemand nieuws")
    assert any(e["kind"] == "chat.history" for e in second.of_chat(chat))


def test_a_youth_holding_a_long_poll_is_present(w: ChatWorld) -> None:
    """A poll held open longer than the presence timeout still counts as a youth there."""
    helper, youth = _chat_with(w, "ggze.helper1")
    chat = youth.chat_id
    held: list[list[dict[str, Any]]] = []
    poll = threading.Thread(target=lambda: held.append(youth.events(timeout=7)))
    poll.start()
    until(lambda: not poll.is_alive(), what="the long poll ending", alive=[helper])
    poll.join()
    assert held == [[]]  # nothing happened meanwhile: the poll was held to its end
    helper.sync()
    assert _presence(helper, chat) == []
    assert youth.status() == "active"


def test_silent_youths_are_shown_and_then_their_chats_end(w: ChatWorld) -> None:
    helper, youth = _chat_with(w, "bjzzh.helper1")
    chat = youth.chat_id
    queued = w.youth()  # the helper is busy: this youth waits, and goes quiet as well
    assert queued.position == 1
    until(
        lambda: _presence(helper, chat) == [False],
        what="the helper seeing the youth gone",
        alive=[helper],
    )
    youth.events()  # back within the grace
    until(lambda: _presence(helper, chat) == [False, True], alive=[helper, youth])
    youth.send("sorry, mijn wifi")
    until(lambda: "sorry, mijn wifi" in helper.texts(chat), alive=[helper, youth])

    # Gone for good: the chat ends.
    until(
        lambda: any(e["data"]["status"] == "ended" for e in helper.of_chat(chat, "chat.status")),
        what="the chat ending without the youth",
        alive=[helper],
    )
    ended = [e["data"] for e in helper.of_chat(chat, "chat.status")][-1]
    assert ended == {"chat_id": chat, "status": "ended", "reason": "youth_gone"}
    assert _presence(helper, chat) == [False, True, False]
    refused = helper.set_status("available")
    assert refused.status_code == 409 and refused.json()["reason"] == "registration_pending"
    assert helper.register(chat).status_code == 201
    youth.events()
    assert youth.status() == "ended"
    assert (
        youth.texts("system")[-1] == "Het gesprek is afgesloten omdat je niet meer verbonden was."
    )
    assert youth.say("hallo?").status_code == 409

    # The youth who waited silently left the queue; nobody was assigned to them.
    until(lambda: w.waiting() == 0, what="the silent youth leaving the queue")
    queued.events()
    assert queued.statuses() == ["waiting", "ended"]
    rows = query(
        w.server, "SELECT state, end_reason, helper_id FROM chats WHERE id = :c", c=queued.chat_id
    )
    assert rows == [{"state": "ended", "end_reason": "abandoned", "helper_id": None}]


def test_a_youth_who_writes_is_there_without_polling(w: ChatWorld) -> None:
    """Writing counts as being there, whether the message writes it (the row is older than
    the touch interval, as here: 0.75 s) or notes it for the next tick; a youth shown gone
    is shown back by the message itself."""
    helper, youth = _chat_with(w, "bjzzh.helper2")
    chat = youth.chat_id
    # A line a second for twice the 3 s timeout, never polling: never shown gone.
    sent = []
    deadline = time.monotonic() + 6.5
    while time.monotonic() < deadline:
        sent.append(youth.send(f"regel {len(sent)}")["seq"])
        pause = time.monotonic() + 1.0
        while time.monotonic() < pause:
            helper.sync(timeout=max(0.0, pause - time.monotonic()))
    assert len(sent) >= 6
    until(lambda: len(helper.texts(chat, "youth")) == len(sent), alive=[helper])
    assert _presence(helper, chat) == []

    until(
        lambda: _presence(helper, chat) == [False],
        what="the helper seeing the youth gone",
        alive=[helper],
    )
    youth.send("ik ben er weer")
    until(
        lambda: _presence(helper, chat)[:2] == [False, True],
        what="the youth shown back by their message",
        alive=[helper],
    )
