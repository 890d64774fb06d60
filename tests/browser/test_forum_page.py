"""The youth's forum pages (/forum) in a real Chromium against a real server.

The screeners are played over HTTP with tests.support.forum (open a round on a day of its
own, decide, close). Time: the server's forum clock is moved through its test route and
the page's clock is pinned to the same instant (Playwright's clock), so "vandaag" and
"morgen" in the after-sending notice are decided by the test, not by when it runs.
Waits are Playwright's auto-waiting `expect`; their timeouts are hang guards.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import Page, expect

from tests.support.forum import (
    FORUM_ENV,
    fresh_day,
    listed_topic_ids,
    local,
    post,
    publish_now,
    published_topic,
    reset_clock,
    serve_forum,
    set_clock,
)
from tests.support.servers import RunningServer, run_cli

expect.set_options(timeout=20_000)

NewPage = Callable[..., Page]
TITLE = 'Help <b>x</b> & "ik"'
BODY = 'Regel een <b>x</b>\n<img src=x onerror="window.__pwned = 1">\n   ingesprongen &amp; klaar'
STORE = "JSON.parse(sessionStorage.getItem('hulpmix.forum'))"


@pytest.fixture(scope="module", params=["sqlite"])
def forum_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, dev_certs: Path
) -> Iterator[RunningServer]:
    """A demo server of this module's own (youth post throttle set high)."""
    yield from serve_forum(request, tmp_path_factory, dev_certs)


@pytest.fixture(scope="module")
def throttled_server(
    tmp_path_factory: pytest.TempPathFactory, dev_certs: Path
) -> Iterator[RunningServer]:
    """A demo server that takes one post per address per 10 minutes."""
    url = f"sqlite:///{tmp_path_factory.mktemp('throttled') / 'forum.db'}"
    run_cli("demo-data", database_url=url)
    running = RunningServer(url, dev_certs, env={**FORUM_ENV, "HULPMIX_FORUM_RATE": "1"})
    running.start()
    yield running
    running.stop()


@pytest.fixture
def api(forum_server: RunningServer) -> Iterator[httpx.Client]:
    """HTTP for the screeners' side; the forum clock is real time again afterwards."""
    with forum_server.client(timeout=30) as client:
        yield client
        reset_clock(client)


# --- helpers ---------------------------------------------------------------------------


def at_same_time(page: Page, api: httpx.Client, moment: datetime) -> None:
    """Pin the server's forum clock and the page's clock to `moment`."""
    set_clock(api, moment)
    page.clock.set_fixed_time(moment)


def open_forum(page: Page, server: RunningServer, route: str = "") -> None:
    page.goto(server.url + "/forum" + route)
    if not route:
        expect(page.get_by_role("heading", name="Forum", exact=True)).to_be_visible()
        list_loaded(page)


def list_loaded(page: Page) -> None:
    expect(page.locator("#topic-list")).to_have_attribute("aria-busy", "false")


def write(page: Page, *, theme: str, title: str, body: str) -> None:
    form = page.locator("#write-form")
    form.get_by_label("Thema").select_option(theme)
    form.get_by_label("Titel").fill(title)
    form.locator("textarea").fill(body)


def send(page: Page, button: str) -> tuple[int, dict[str, Any]]:
    """Press `button`; returns the API's status and answer to the post."""
    with page.expect_response(lambda r: r.url.endswith("/api/v1/youth/forum/posts")) as got:
        page.get_by_role("button", name=button).click()
    answer = got.value
    return answer.status, answer.json()


def topic_link(page: Page, title: str) -> Any:
    return page.locator("#topic-list .topic-link").filter(has_text=title)


# --- tests -----------------------------------------------------------------------------


def test_topic_appears_only_after_screening_exactly_as_typed(
    forum_server: RunningServer, api: httpx.Client, new_page: NewPage
) -> None:
    page = new_page()
    day = fresh_day()
    at_same_time(page, api, local(day, 9, 0))
    open_forum(page, forum_server)
    page.get_by_role("link", name="Nieuw onderwerp").click()
    expect(page.get_by_role("heading", name="Nieuw onderwerp")).to_be_visible()
    # Before sending, the form already says when a post sent now would appear.
    expect(page.locator("#write-form .round-info")).to_contain_text("vandaag na 12:00")
    write(page, theme="Familie", title=TITLE, body=BODY)
    expect(page.locator("#write-body-count")).to_have_text(f"{len(BODY)} / 5000 tekens")

    status, answer = send(page, "Onderwerp versturen")
    assert status == 202, answer
    post_id = int(answer["post_id"])
    expect(page.get_by_role("heading", name="Bedankt, je onderwerp is verstuurd")).to_be_visible()
    notice = page.locator("#view-sent")
    expect(notice).to_contain_text("We lezen elk bericht voordat het online komt.")
    expect(notice).to_contain_text(
        "Je onderwerp komt na de volgende leesronde online: vandaag na 12:00."
    )
    # Sent: the draft is gone.
    assert page.evaluate(STORE)["drafts"].get("new") is None

    # Not on the forum before a screener decided: not in the list, not by its address.
    page.get_by_role("link", name="Naar het forum").click()
    list_loaded(page)
    expect(topic_link(page, TITLE)).to_have_count(0)
    assert post_id not in listed_topic_ids(api)
    open_forum(page, forum_server, f"#/onderwerp/{post_id}")
    expect(page.locator("#topic-error")).to_contain_text("staat (nog) niet op het forum")
    expect(page.locator("#topic")).to_be_hidden()

    publish_now(api, post_id)

    open_forum(page, forum_server)
    link = topic_link(page, TITLE)
    expect(link).to_have_count(1)
    assert link.text_content() == TITLE
    link.click()
    expect(page.locator("#topic-title")).to_have_text(TITLE)
    assert page.locator("#topic-title").text_content() == TITLE
    assert page.locator("#topic-body").text_content() == BODY
    # Shown as text: no element was made from it and nothing ran.
    expect(page.locator("#view-topic b, #view-topic img")).to_have_count(0)
    assert page.evaluate("window.__pwned") is None
    # A topic welcomes replies: the reply form is there.
    expect(page.get_by_label("Je reactie")).to_be_visible()
    expect(page.locator("#no-replies")).to_be_hidden()


def test_story_reply_form_only_where_replies_are_welcome(
    forum_server: RunningServer, api: httpx.Client, new_page: NewPage
) -> None:
    page = new_page()
    day = fresh_day()
    at_same_time(page, api, local(day, 19, 30))  # after the last round: tomorrow 12:00
    open_forum(page, forum_server)
    stories: dict[str, int] = {}
    for title, welcome in (("Verhaal zonder reacties", False), ("Verhaal met reacties", True)):
        page.get_by_role("link", name="Mijn verhaal delen").click()
        expect(page.get_by_role("heading", name="Mijn verhaal delen")).to_be_visible()
        write(page, theme="Gevoel", title=title, body=f"{title}: zo ging het.")
        tick = page.get_by_label("Reacties zijn welkom")
        expect(tick).to_be_checked()  # welcome unless the writer says otherwise
        tick.set_checked(welcome)
        status, answer = send(page, "Verhaal versturen")
        assert status == 202, answer
        stories[title] = int(answer["post_id"])
        expect(page.locator("#view-sent")).to_contain_text(
            "Je verhaal komt na de volgende leesronde online: morgen na 12:00."
        )
        page.get_by_role("link", name="Naar het forum").click()
        list_loaded(page)
    for post_id in stories.values():
        publish_now(api, post_id)

    open_forum(page, forum_server)
    item = page.locator("#topic-list li").filter(has_text="Verhaal zonder reacties")
    expect(item).to_contain_text("geen reacties gewenst")
    topic_link(page, "Verhaal zonder reacties").click()
    expect(page.locator("#topic-title")).to_have_text("Verhaal zonder reacties")
    expect(page.locator("#no-replies")).to_contain_text("wil liever geen reacties")
    expect(page.locator("#reply-form")).to_be_hidden()
    expect(page.get_by_label("Je reactie")).to_have_count(1)  # in the page, never shown
    expect(page.get_by_label("Je reactie")).to_be_hidden()

    page.get_by_role("link", name="Terug naar het forum").first.click()
    list_loaded(page)
    topic_link(page, "Verhaal met reacties").click()
    expect(page.locator("#topic-title")).to_have_text("Verhaal met reacties")
    expect(page.locator("#no-replies")).to_be_hidden()
    reply = "Herkenbaar <i>echt</i>, sterkte!"
    page.get_by_label("Je reactie").fill(reply)
    at_same_time(page, api, local(day, 19, 40))
    status, answer = send(page, "Reactie versturen")
    assert status == 202, answer
    sent = page.locator("#reply-sent")
    expect(sent).to_contain_text("We lezen elk bericht voordat het online komt.")
    expect(sent).to_contain_text(
        "Je reactie komt na de volgende leesronde online: morgen na 12:00."
    )
    reply_id = int(answer["post_id"])
    topic = published_topic(api, stories["Verhaal met reacties"])
    assert topic is not None and topic["replies"] == []  # not before screening

    publish_now(api, reply_id)
    page.reload()
    expect(page.locator("#reply-list .text")).to_have_text([reply])
    assert page.locator("#reply-list .text").first.text_content() == reply
    expect(page.locator("#reply-list i")).to_have_count(0)
    expect(page.locator("#replies-title")).to_have_text("Reacties (1)")


def test_too_long_keeps_the_text(
    forum_server: RunningServer, api: httpx.Client, new_page: NewPage
) -> None:
    page = new_page()
    open_forum(page, forum_server, "#/nieuw")
    expect(page.get_by_role("heading", name="Nieuw onderwerp")).to_be_visible()
    body = ("Dit is lang. " * 400)[:4995] + "Einde."  # 5,001 characters
    assert len(body) == 5001
    write(page, theme="Gevoel", title="Te lang", body=body)
    expect(page.locator("#write-body-count")).to_have_text("5001 / 5000 tekens: 1 teken te veel")

    status, answer = send(page, "Onderwerp versturen")
    assert status == 413, answer
    expect(page.locator("#write-form .form-error")).to_have_text(
        "Je bericht is te lang: hoogstens 5000 tekens. "
        "Je tekst staat er nog: maak hem korter en verstuur opnieuw."
    )
    expect(page.locator("#write-body-error")).to_have_text("Maak het 1 teken korter.")
    expect(page.locator("#write-body")).to_have_attribute("aria-invalid", "true")
    box = page.locator("#write-body")
    assert box.input_value() == body
    assert page.get_by_label("Titel").input_value() == "Te lang"
    # The draft survives a reload as well.
    page.reload()
    expect(page.get_by_role("heading", name="Nieuw onderwerp")).to_be_visible()
    expect(box).to_have_value(body)
    expect(page.get_by_label("Titel")).to_have_value("Te lang")
    expect(page.locator("#write-theme")).to_have_value("Gevoel")

    # Made shorter, it goes.
    box.fill(body[:5000])
    expect(page.locator("#write-body-count")).to_have_text("5000 / 5000 tekens")
    status, answer = send(page, "Onderwerp versturen")
    assert status == 202, answer


def test_network_loss_keeps_the_text_and_offers_a_retry(
    forum_server: RunningServer, api: httpx.Client, new_page: NewPage
) -> None:
    page = new_page()
    open_forum(page, forum_server, "#/verhaal")
    expect(page.get_by_role("heading", name="Mijn verhaal delen")).to_be_visible()
    title, body = "Zonder verbinding", "Dit schreef ik in de trein.\nDe tunnel in."
    write(page, theme="Lichaam", title=title, body=body)

    page.context.set_offline(True)
    page.get_by_role("button", name="Verhaal versturen").click()
    expect(page.locator("#write-form .form-error")).to_have_text(
        "Geen verbinding. Je tekst is bewaard. Controleer je internet en probeer het opnieuw."
    )
    expect(page.locator("#write-body")).to_have_value(body)
    assert page.evaluate(STORE)["drafts"]["story"]["body"] == body

    page.context.set_offline(False)
    with page.expect_response(lambda r: r.url.endswith("/api/v1/youth/forum/posts")) as got:
        page.get_by_role("button", name="Opnieuw proberen").click()
    assert got.value.status == 202
    expect(page.get_by_role("heading", name="Bedankt, je verhaal is verstuurd")).to_be_visible()
    post_id = int(got.value.json()["post_id"])
    assert published_topic(api, post_id) is None


def test_unknown_theme_says_which_field(
    forum_server: RunningServer, api: httpx.Client, new_page: NewPage
) -> None:
    """The server's 422 names the field; the page says it in Dutch and keeps the text."""
    page = new_page()
    open_forum(page, forum_server, "#/nieuw")
    expect(page.get_by_role("heading", name="Nieuw onderwerp")).to_be_visible()
    write(page, theme="Gevoel", title="Een thema dat niet bestaat", body="Mijn vraag.")
    # A theme the server does not know (as if the list changed since the page loaded).
    page.locator("#write-theme option[value='Gevoel']").evaluate("o => { o.value = 'Weg'; }")

    status, answer = send(page, "Onderwerp versturen")
    assert status == 422, answer
    expect(page.locator("#write-form .form-error")).to_have_text(
        "Controleer het thema. Je tekst is bewaard."
    )
    expect(page.locator("#write-theme-error")).to_have_text("Controleer het thema.")
    expect(page.locator("#write-theme")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#write-body")).to_have_value("Mijn vraag.")


def test_themes_with_counts_and_filter(
    forum_server: RunningServer, api: httpx.Client, new_page: NewPage
) -> None:
    page = new_page()
    open_forum(page, forum_server)
    chips = page.locator("#theme-list a")
    expect(chips).to_have_count(9)  # "Alles" and the eight themes
    themes = api.get("/api/v1/youth/forum/themes").json()["themes"]
    assert len(themes) == 8
    for theme in themes:
        chip = page.get_by_role("link", name=f"{theme['label']}, ", exact=False)
        expect(chip).to_contain_text(f"{theme['label']} {theme['count']}")
    page.get_by_role("link", name="Familie, ", exact=False).click()
    expect(page.get_by_role("heading", name="Familie", exact=True)).to_be_visible()
    list_loaded(page)
    family = next(t for t in themes if t["key"] == "Familie")
    expect(page.locator("#topic-list li")).to_have_count(family["count"])
    for meta in page.locator("#topic-list .meta").all():
        expect(meta).to_contain_text("Familie")


def test_throttled_says_how_long_to_wait_and_keeps_the_text(
    throttled_server: RunningServer, new_page: NewPage
) -> None:
    with throttled_server.client(timeout=30) as client:
        post(client, "Mijn eerste bericht")  # the one post this address may send for now
    page = new_page()
    page.clock.install()  # the countdown runs only when the test moves the page's clock
    open_forum(page, throttled_server, "#/nieuw")
    expect(page.get_by_role("heading", name="Nieuw onderwerp")).to_be_visible()
    write(page, theme="Geweld", title="Nog een vraag", body="Nog een bericht, vlak erna.")

    with page.expect_response(lambda r: r.url.endswith("/api/v1/youth/forum/posts")) as got:
        page.get_by_role("button", name="Onderwerp versturen").click()
    assert got.value.status == 429
    wait = int(got.value.headers["retry-after"])
    assert wait > 120, wait  # the 10-minute window
    error = page.locator("#write-form .form-error")
    expect(error).to_have_text(
        f"Je hebt net al een paar berichten verstuurd. Wacht ongeveer {math.ceil(wait / 60)} "
        "minuten en verstuur het dan opnieuw. Je tekst is bewaard."
    )
    send_button = page.locator("#write-form .send-button")
    expect(send_button).to_be_disabled()
    expect(page.locator("#write-body")).to_have_value("Nog een bericht, vlak erna.")

    page.clock.run_for((wait - 30) * 1000)
    expect(error).to_have_text(
        "Je hebt net al een paar berichten verstuurd. Wacht 30 seconden en verstuur het dan "
        "opnieuw. Je tekst is bewaard."
    )
    expect(send_button).to_be_disabled()
    page.clock.run_for(30_000)
    expect(error).to_have_text("Je kunt het nu opnieuw versturen.")
    expect(send_button).to_be_enabled()
    expect(page.locator("#write-body")).to_have_value("Nog een bericht, vlak erna.")


def test_pages_are_served_strictly(forum_server: RunningServer) -> None:
    """Only our own script and style, no inline code, no referrer, no third parties."""
    with forum_server.client(timeout=30, follow_redirects=False) as client:
        page = client.get("/forum")
        assert page.status_code == 200
        assert page.headers["content-type"].startswith("text/html")
        policy = page.headers["content-security-policy"]
        for directive in ("default-src 'self'", "script-src 'self'", "style-src 'self'"):
            assert directive in policy, policy
        assert "unsafe-inline" not in policy
        assert page.headers["x-content-type-options"] == "nosniff"
        assert page.headers["referrer-policy"] == "no-referrer"
        assert "http:" not in page.text and "https:" not in page.text
        for name, kind in (("forum.js", "text/javascript"), ("forum.css", "text/css")):
            asset = client.get(f"/forum/static/{name}")
            assert asset.status_code == 200
            assert asset.headers["content-type"].startswith(kind)
            assert asset.headers["content-security-policy"] == policy
            assert "http:" not in asset.text and "https:" not in asset.text
        assert client.get("/forum/static/chat.js").status_code == 404
        assert client.get("/forum/static/..%2Fapp.py").status_code == 404
        moved = client.get("/forum/")
        assert (moved.status_code, moved.headers["location"]) == (308, "/forum")
