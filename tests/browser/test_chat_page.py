"""The youth's chat page (/chat) in a real Chromium against a real server.

The staff side is played over HTTP (tests.browser.Staff). Waits are Playwright's
auto-waiting `expect` or `wait_until`; their timeouts are hang guards, never speed claims.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from typing import Any

from playwright.sync_api import Page, Route, expect

from tests.browser import (
    CHAT_PATH,
    Staff,
    closing_soon_windows,
    sqlite_path,
    tomorrow_windows,
    wait_until,
    write_schedule,
)
from tests.support.api import auth
from tests.support.servers import RunningServer

expect.set_options(timeout=20_000)

NewPage = Callable[..., Page]
StaffMaker = Callable[[str], Staff]
XSS = '<img src=x onerror="window.__pwned = 1"><b>vet</b> & "quotes"'


# --- helpers ---------------------------------------------------------------------------


def stored(page: Page) -> dict[str, Any]:
    """What the page keeps in sessionStorage."""
    data = page.evaluate("JSON.parse(sessionStorage.getItem('hulpmix.chat'))")
    assert isinstance(data, dict), data
    return data


def log(page: Page) -> Any:
    return page.get_by_role("log", name="Gesprek")


def bubbles(page: Page, who: str) -> Any:
    return log(page).locator(f"li.from-{who}")


def start_chat(page: Page, server: RunningServer, **form: str) -> int:
    """Open /chat, fill in the start form, press start; returns the chat id."""
    page.goto(server.url + CHAT_PATH)
    expect(page.get_by_role("heading", name="Chat met een hulpverlener")).to_be_visible()
    start = page.locator("#start-form")
    if "nickname" in form:
        start.get_by_label("Bijnaam").fill(form["nickname"])
    if "age" in form:
        start.get_by_label("Leeftijd").fill(form["age"])
    if "theme" in form:
        start.get_by_label("Waar gaat het over?").select_option(form["theme"])
    page.get_by_role("button", name="Start de chat").click()
    expect(page.locator("#resume-code")).to_have_text(re.compile(r"^[A-Z2-9]{4}-[A-Z2-9]{4}$"))
    return int(stored(page)["chatId"])


def active_chat(page: Page, server: RunningServer, helper: Staff, **form: str) -> int:
    """A chat in the page that `helper` has taken."""
    chat_id = start_chat(page, server, **form)
    helper.available()
    assert helper.assigned_chat()["chat_id"] == chat_id
    expect(page.locator("#chat-status")).to_have_text("Je chat met een hulpverlener.")
    return chat_id


def type_and_send(page: Page, text: str) -> None:
    box = page.get_by_label("Je bericht")
    expect(box).to_be_enabled()
    box.fill(text)
    box.press("Enter")


def confirmed(page: Page, text: str) -> None:
    """`text` is on the page once, as the youth's own, confirmed message."""
    mine = bubbles(page, "youth").filter(has=page.locator("p.text", has_text=text))
    expect(mine).to_have_count(1)
    expect(mine).not_to_have_class(re.compile(r"\bpending\b"))


# --- tests -----------------------------------------------------------------------------


def test_start_wait_chat_both_ways(
    chat_server: RunningServer, new_page: NewPage, staff: StaffMaker
) -> None:
    page = new_page()
    chat_id = start_chat(page, chat_server, nickname="Sam", age="15", theme="Gevoel")
    # Nobody is available yet: the youth waits, first in line.
    expect(page.locator("#chat-status")).to_contain_text("nummer 1")
    expect(page.get_by_label("Je bericht")).to_be_disabled()
    expect(page.get_by_text("Bewaar deze code")).to_be_visible()

    helper = staff("bascule.helper2")
    helper.available()
    chat = helper.assigned_chat()
    assert (chat["chat_id"], chat["nickname"], chat["age"], chat["theme"]) == (
        chat_id,
        "Sam",
        15,
        "Gevoel",
    )
    expect(page.locator("#chat-status")).to_have_text("Je chat met een hulpverlener.")

    type_and_send(page, "Hoi, mag ik iets vragen?")
    box = page.get_by_label("Je bericht")
    box.fill("regel een")
    box.press("Shift+Enter")
    box.press_sequentially("regel twee")
    box.press("Enter")
    assert helper.wait_youth_texts(chat_id, 2) == [
        "Hoi, mag ik iets vragen?",
        "regel een\nregel twee",
    ]
    confirmed(page, "Hoi, mag ik iets vragen?")
    expect(bubbles(page, "youth").nth(1).locator("p.text")).to_have_text("regel een\nregel twee")

    helper.say(chat_id, "Natuurlijk, vertel maar.")
    helper.say(chat_id, XSS)
    expect(bubbles(page, "helper").locator("p.text")).to_have_text(
        ["Natuurlijk, vertel maar.", XSS]
    )
    # Shown as text: no element was made from it and nothing ran.
    expect(log(page).locator("img, b")).to_have_count(0)
    assert page.evaluate("window.__pwned") is None
    # Own messages came back as events: still each exactly once.
    expect(bubbles(page, "youth")).to_have_count(2)

    helper.end(chat_id)
    expect(page.get_by_text("Het gesprek is afgelopen.", exact=False).first).to_be_visible()
    expect(page.get_by_text("De hulpverlener heeft het gesprek afgesloten.")).to_be_visible()
    helper.register(chat_id)


def test_reload_keeps_the_conversation(
    chat_server: RunningServer, new_page: NewPage, staff: StaffMaker
) -> None:
    page = new_page()
    helper = staff("ggze.helper2")
    chat_id = active_chat(page, chat_server, helper)
    code = page.locator("#resume-code").inner_text()
    type_and_send(page, "Voor het herladen")
    helper.wait_youth_texts(chat_id, 1)
    helper.say(chat_id, "Antwoord voor het herladen")
    expect(bubbles(page, "helper")).to_have_count(1)
    confirmed(page, "Voor het herladen")

    page.reload()

    expect(page.locator("#chat-status")).to_have_text("Je chat met een hulpverlener.")
    expect(page.locator("#resume-code")).to_have_text(code)
    confirmed(page, "Voor het herladen")
    expect(bubbles(page, "helper").locator("p.text")).to_have_text(["Antwoord voor het herladen"])
    type_and_send(page, "Na het herladen")
    assert helper.wait_youth_texts(chat_id, 2) == ["Voor het herladen", "Na het herladen"]
    helper.say(chat_id, "Antwoord na het herladen")
    expect(bubbles(page, "helper").locator("p.text")).to_have_text(
        ["Antwoord voor het herladen", "Antwoord na het herladen"]
    )
    confirmed(page, "Na het herladen")
    helper.end(chat_id)
    helper.register(chat_id)


def test_rejoin_with_the_resume_code(
    chat_server: RunningServer, new_page: NewPage, staff: StaffMaker
) -> None:
    first = new_page()
    helper = staff("bjzg.helper2")
    chat_id = active_chat(first, chat_server, helper)
    type_and_send(first, "Ik moet zo weg")
    helper.wait_youth_texts(chat_id, 1)
    old = stored(first)
    first.context.close()

    # Written while the youth's window is closed.
    helper.say(chat_id, "Terwijl je weg was 1")
    helper.say(chat_id, "Terwijl je weg was 2")

    second = new_page(1280, 800)
    second.goto(chat_server.url + CHAT_PATH)
    second.get_by_text("Ik heb een code").click()
    second.get_by_label("Je code").fill(old["code"].lower().replace("-", " "))
    second.get_by_role("button", name="Verder met mijn chat").click()

    expect(second.locator("#resume-code")).to_have_text(old["code"])
    confirmed(second, "Ik moet zo weg")
    expect(bubbles(second, "helper").locator("p.text")).to_have_text(
        ["Terwijl je weg was 1", "Terwijl je weg was 2"]
    )
    assert stored(second)["chatId"] == chat_id
    type_and_send(second, "Ik ben er weer")
    assert helper.wait_youth_texts(chat_id, 2) == ["Ik moet zo weg", "Ik ben er weer"]
    # The old window's token no longer works.
    with chat_server.client() as client:
        answer = client.get(
            f"/api/v1/youth/chats/{chat_id}/events",
            params={"timeout": 0},
            headers=auth(old["token"]),
        )
    assert answer.status_code == 401
    helper.end(chat_id)
    helper.register(chat_id)


def test_offline_messages_are_sent_once_in_order(
    chat_server: RunningServer, new_page: NewPage, staff: StaffMaker
) -> None:
    page = new_page()
    helper = staff("bjzo.helper2")
    chat_id = active_chat(page, chat_server, helper)
    type_and_send(page, "Online bericht")
    helper.wait_youth_texts(chat_id, 1)

    page.context.set_offline(True)
    expect(page.locator("#conn-notice")).to_have_text("Verbinding kwijt, we proberen het opnieuw…")
    type_and_send(page, "Offline een")
    type_and_send(page, "Offline twee")
    pending = bubbles(page, "youth").filter(has_text="wordt verstuurd")
    expect(pending.locator("p.text")).to_have_text(["Offline een", "Offline twee"])
    assert [m["text"] for m in stored(page)["outbox"]] == ["Offline een", "Offline twee"]
    assert helper.youth_texts(chat_id) == ["Online bericht"]

    page.context.set_offline(False)
    expect(pending).to_have_count(0)
    expect(page.locator("#conn-notice")).to_be_hidden()
    assert helper.wait_youth_texts(chat_id, 3) == ["Online bericht", "Offline een", "Offline twee"]
    confirmed(page, "Offline een")
    confirmed(page, "Offline twee")
    assert stored(page)["outbox"] == []
    # Nothing more arrives later (no duplicate from a retry): the helper's next message
    # comes after them, and the count is still three.
    helper.say(chat_id, "Alles binnen")
    expect(bubbles(page, "helper")).to_have_count(1)
    assert helper.youth_texts(chat_id) == ["Online bericht", "Offline een", "Offline twee"]
    stored_texts = [
        m["text"] for m in helper.read_chat(chat_id)["messages"] if m["from"] == "youth"
    ]
    assert stored_texts == ["Online bericht", "Offline een", "Offline twee"]
    helper.end(chat_id)
    helper.register(chat_id)


def test_server_errors_are_retried(
    chat_server: RunningServer, new_page: NewPage, staff: StaffMaker
) -> None:
    page = new_page()
    helper = staff("ggze.helper1")
    chat_id = active_chat(page, chat_server, helper)
    failing = {"on": True, "count": 0}

    def events(route: Route) -> None:
        if failing["on"]:
            failing["count"] += 1
            route.fulfill(status=503, content_type="application/json", body='{"error":"x"}')
        else:
            route.continue_()

    page.route(re.compile(r"/api/v1/youth/chats/\d+/events"), events)
    notice = page.locator("#conn-notice")
    expect(notice).to_have_text("Verbinding kwijt, we proberen het opnieuw…")
    helper.say(chat_id, "Tijdens de storing")
    failing["on"] = False
    expect(notice).to_be_hidden()
    expect(bubbles(page, "helper").locator("p.text")).to_have_text(["Tijdens de storing"])
    assert failing["count"] >= 1
    helper.end(chat_id)
    helper.register(chat_id)


def test_rejoined_elsewhere_the_old_window_stops(
    chat_server: RunningServer, new_page: NewPage, staff: StaffMaker
) -> None:
    first = new_page()
    start_chat(first, chat_server)
    code = stored(first)["code"]
    second = new_page()
    second.goto(chat_server.url + CHAT_PATH)
    second.get_by_text("Ik heb een code").click()
    second.get_by_label("Je code").fill(code)
    second.get_by_role("button", name="Verder met mijn chat").click()
    expect(second.locator("#resume-code")).to_have_text(code)

    expect(first.locator("#entry-notice")).to_have_text(
        "Je chat is in een ander venster verder gegaan. Hier kun je niet verder."
    )
    expect(first.get_by_role("heading", name="Chat met een hulpverlener")).to_be_visible()
    assert first.evaluate("sessionStorage.getItem('hulpmix.chat')") is None
    second.get_by_role("button", name="Stoppen").click()
    second.get_by_role("button", name="Ja, stoppen").click()
    expect(second.get_by_text("Je bent uit de rij gegaan.", exact=False)).to_be_visible()


def test_helper_reconnecting_notice(
    chat_server: RunningServer, new_page: NewPage, staff: StaffMaker
) -> None:
    page = new_page()
    helper = staff("bjzzh.helper2")
    chat_id = active_chat(page, chat_server, helper)
    notice = page.locator("#helper-notice")
    expect(notice).to_be_hidden()

    helper.silence()
    expect(notice).to_have_text("Je hulpverlener is even de verbinding kwijt en komt zo terug.")
    helper.resume()
    expect(notice).to_be_hidden()
    expect(page.locator("#chat-status")).to_have_text("Je chat met een hulpverlener.")
    expect(page.get_by_text("Je hulpverlener is er weer.")).to_be_visible()
    helper.end(chat_id)
    helper.register(chat_id)


def test_handover_asks_to_share_the_history(
    chat_server: RunningServer, new_page: NewPage, staff: StaffMaker
) -> None:
    page = new_page()
    first = staff("bascule.helper1")
    chat_id = active_chat(page, chat_server, first)
    type_and_send(page, "Iets van eerder")
    first.wait_youth_texts(chat_id, 1)

    first.silence()  # and never comes back: after the grace the chat is handed over
    question = page.get_by_role("group", name=re.compile("Mag die lezen"))
    expect(question).to_be_visible()
    expect(page.locator("#chat-status")).to_contain_text("nummer 1")
    question.get_by_role("button", name="Ja, dat mag").click()
    expect(question).to_be_hidden()
    expect(page.get_by_text("De nieuwe hulpverlener mag je eerdere gesprek lezen.")).to_be_visible()

    second = staff("ggze.helper1")
    second.available()
    assert second.assigned_chat()["chat_id"] == chat_id
    expect(page.locator("#chat-status")).to_have_text("Je chat met een hulpverlener.")
    earlier = [m["text"] for m in second.read_chat(chat_id)["messages"] if m["from"] == "youth"]
    assert earlier == ["Iets van eerder"]
    type_and_send(page, "Hallo nieuwe hulpverlener")
    assert second.wait_youth_texts(chat_id, 1) == ["Hallo nieuwe hulpverlener"]
    # The page remembers the answer: a reload does not ask again.
    page.reload()
    confirmed(page, "Hallo nieuwe hulpverlener")
    expect(question).to_be_hidden()
    second.end(chat_id)
    second.register(chat_id)


def test_stop_and_survey(chat_server: RunningServer, new_page: NewPage, staff: StaffMaker) -> None:
    page = new_page()
    helper = staff("bjzg.helper1")
    chat_id = active_chat(page, chat_server, helper)
    token = stored(page)["token"]

    page.get_by_role("button", name="Stoppen").click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text("Wil je het gesprek echt stoppen?")
    dialog.get_by_role("button", name="Nee, ga terug").click()
    expect(dialog).to_be_hidden()
    expect(page.get_by_label("Je bericht")).to_be_enabled()  # still chatting

    page.get_by_role("button", name="Stoppen").click()
    dialog.get_by_role("button", name="Ja, stoppen").click()
    expect(page.get_by_text("Je hebt het gesprek afgesloten.")).to_be_visible()
    wait_until(
        lambda: any(
            d["chat_id"] == chat_id and d["status"] == "ended" for d in helper.seen("chat.status")
        ),
        "the helper to see the chat end",
    )

    page.get_by_role("button", name="Naar de korte vragenlijst").click()
    survey = page.locator("#survey-form")
    survey.get_by_label("Leeftijd").fill("16")
    survey.get_by_label("Gender / geslacht").fill("meisje")
    survey.get_by_label("Land van herkomst vader").fill("Marokko")
    survey.get_by_label("Land van herkomst moeder").fill("Nederland")
    survey.get_by_role("group", name="Voelde je je begrepen?").get_by_label("een beetje").check()
    survey.get_by_role("group", name="Heb je er iets aan gehad?").get_by_label(
        "redelijk goed"
    ).check()
    survey.get_by_label("Opmerking").fill("Dank je <wel>")
    page.get_by_role("button", name="Versturen").click()
    expect(page.get_by_role("heading", name="Bedankt!")).to_be_visible()

    # Stored: a second survey for this chat is refused, and the row holds the answers.
    with chat_server.client() as client:
        again = client.post(f"/api/v1/youth/chats/{chat_id}/survey", json={}, headers=auth(token))
    assert again.status_code == 409, again.text
    assert again.json()["reason"] == "done"
    with sqlite3.connect(sqlite_path(chat_server)) as db:
        row = db.execute(
            "SELECT age, gender, country_father, country_mother, understood, helped, comment "
            "FROM chat_surveys WHERE chat_id = ?",
            (chat_id,),
        ).fetchone()
    assert row == (16, "meisje", "Marokko", "Nederland", "partly", "fairly_good", "Dank je <wel>")
    helper.register(chat_id)


def test_closed_outside_opening_hours(schedule_server: RunningServer, new_page: NewPage) -> None:
    page = new_page()
    write_schedule(schedule_server, {})  # never open
    page.goto(schedule_server.url + CHAT_PATH)
    expect(page.get_by_role("heading", name="De chat is nu gesloten")).to_be_visible()
    expect(page.locator("#closed-when")).to_have_text(
        "We weten nog niet wanneer de chat weer open is."
    )
    forum = page.get_by_role("link", name="forum")
    expect(forum).to_have_attribute("href", "/forum")
    expect(page.get_by_role("button", name="Start de chat")).to_be_hidden()

    windows, says = tomorrow_windows()
    write_schedule(schedule_server, windows)
    page.reload()
    expect(page.locator("#closed-when")).to_have_text(says)
    expect(page.get_by_text("Ik heb een code")).to_be_visible()


def test_short_chat_notice_and_closing_while_on_the_form(
    schedule_server: RunningServer, new_page: NewPage
) -> None:
    page = new_page()
    write_schedule(schedule_server, closing_soon_windows())
    page.goto(schedule_server.url + CHAT_PATH)
    expect(page.locator("#short-notice")).to_contain_text(
        "Er is alleen nog tijd voor een kort gesprek."
    )
    # The chat closes while the youth is on the form: starting says when it opens again.
    windows, says = tomorrow_windows()
    write_schedule(schedule_server, windows)
    page.get_by_role("button", name="Start de chat").click()
    expect(page.get_by_role("heading", name="De chat is nu gesloten")).to_be_visible()
    expect(page.locator("#closed-when")).to_have_text(says)
