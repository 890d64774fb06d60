"""Screenshots of the youth's chat page (/chat) and forum pages (/forum), phone and desktop.

    .venv/bin/python scripts/youth_screenshots.py [chat|forum]

Starts a throwaway demo server (its own SQLite file and test certificates in a temporary
directory, fast presence timeouts), drives Debian's Chromium (/usr/bin/chromium) through
closed, short-chat notice, start form, waiting, active chat, lost connection, helper
reconnecting, hand-over question, stop confirmation, ended, survey and thank-you, and saves
PNGs at 390x844 and 1280x800 into docs/screenshots/youth/. The staff side is played over
HTTP, as in tests/browser.

The forum part (forum-*.png) uses a demo server of its own: it posts topics, stories and
replies as youths, publishes them as the duty screener (tests.support.forum moves the
server's forum clock into a round window), pins the page's clock to the same day, and
shoots the list, a theme, a topic with replies, a story without replies, both forms, the
after-sending notices, and the too-long and no-connection errors. With an argument only
that part runs (and only its PNGs are replaced).
"""

from __future__ import annotations

import sys
import tempfile
import threading
from datetime import datetime
from pathlib import Path
from urllib.parse import quote
from zoneinfo import ZoneInfo

import httpx

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from playwright.sync_api import Browser, Page, expect, sync_playwright  # noqa: E402

from tests.browser import (  # noqa: E402
    CHAT_PATH,
    CHROMIUM,
    LAUNCH_ARGS,
    SERVER_ENV,
    Staff,
    check_chromium,
    closing_soon_windows,
    tomorrow_windows,
    write_schedule,
)
from tests.support.api import auth  # noqa: E402
from tests.support.forum import (  # noqa: E402
    FORUM_ENV,
    close_round,
    decide,
    local,
    open_round,
    post,
    reset_clock,
    set_clock,
)
from tests.support.servers import RunningServer, make_dev_certs, run_cli  # noqa: E402

OUT = ROOT / "docs" / "screenshots" / "youth"
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
SIZES = {"phone": (390, 844), "desktop": (1280, 800)}
ALWAYS = {str(day): [["00:00", "24:00"]] for day in range(7)}
#: Per size: the helper who drops out (hand-over), and the one who takes over.
HELPERS = {
    "phone": ("bascule.helper2", "ggze.helper2"),
    "desktop": ("bjzg.helper2", "bjzo.helper2"),
}


class OtherYouth:
    """A youth waiting in the queue over HTTP (so the page is not first in line)."""

    def __init__(self, server: RunningServer) -> None:
        self.client = server.client(timeout=15)
        answer = self.client.post("/api/v1/youth/chats", json={})
        assert answer.status_code == 201, answer.text
        data = answer.json()
        self.chat_id, self.headers = data["chat_id"], auth(data["token"])
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._keep_polling, daemon=True)
        self._thread.start()

    def _keep_polling(self) -> None:
        cursor = 0
        while not self._stop.is_set():
            answer = self.client.get(
                f"/api/v1/youth/chats/{self.chat_id}/events",
                params={"since": cursor, "timeout": 1},
                headers=self.headers,
            )
            cursor = answer.json()["next"]

    def leave(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)
        self.client.post(f"/api/v1/youth/chats/{self.chat_id}/end", headers=self.headers)
        self.client.close()


def shoot(page: Page, name: str, size: str, full_page: bool = False) -> None:
    path = OUT / f"{name}-{size}.png"
    page.screenshot(path=str(path), full_page=full_page)
    print(f"saved {path.relative_to(ROOT)}")


def run(browser: Browser, server: RunningServer, size: str) -> None:
    width, height = SIZES[size]
    # The test CA is not in Chromium's store; the certificate chain is tested elsewhere.
    context = browser.new_context(
        ignore_https_errors=True,
        viewport={"width": width, "height": height},
        locale="nl-NL",
        timezone_id="Europe/Amsterdam",
    )
    context.set_default_timeout(30_000)
    page = context.new_page()
    url = server.url + CHAT_PATH

    windows, _says = tomorrow_windows()
    write_schedule(server, windows)
    page.goto(url)
    expect(page.locator("#closed-when")).to_contain_text("weer open")
    shoot(page, "01-closed", size)

    write_schedule(server, closing_soon_windows())
    page.reload()
    expect(page.locator("#short-notice")).to_be_visible()
    shoot(page, "02-short-chat", size)

    write_schedule(server, ALWAYS)
    others = [OtherYouth(server), OtherYouth(server)]
    page.reload()
    expect(page.locator("#queue-info")).to_contain_text("2 jongeren")
    form = page.locator("#start-form")
    form.get_by_label("Bijnaam").fill("Sam")
    form.get_by_label("Leeftijd").fill("15")
    form.get_by_label("Waar gaat het over?").select_option("School, werk & geld")
    shoot(page, "03-start", size)

    form.get_by_role("button", name="Start de chat").click()
    expect(page.locator("#chat-status")).to_contain_text("nummer 3")
    shoot(page, "04-waiting", size)
    for other in others:
        other.leave()

    first_name, second_name = HELPERS[size]
    first = Staff(server, first_name)
    second = Staff(server, second_name)
    try:
        first.available()
        chat_id = first.assigned_chat()["chat_id"]
        expect(page.locator("#chat-status")).to_have_text("Je chat met een hulpverlener.")
        first.say(chat_id, "Hoi Sam, fijn dat je er bent. Waar wil je het over hebben?")
        box = page.get_by_label("Je bericht")
        box.fill("Ik heb ruzie met mijn ouders over school en ik weet niet wat ik moet doen")
        box.press("Enter")
        first.wait_youth_texts(chat_id, 1)
        first.say(chat_id, "Wat vervelend. Kun je vertellen wat er gebeurde?")
        expect(page.locator("li.from-helper")).to_have_count(2)
        box.fill("Ze zeggen dat ik te weinig doe, maar ik doe echt mijn best <3")
        shoot(page, "05-active", size)
        box.press("Enter")
        first.wait_youth_texts(chat_id, 2)

        context.set_offline(True)
        expect(page.locator("#conn-notice")).to_be_visible()
        box.fill("Hallo? Is de verbinding weg?")
        box.press("Enter")
        expect(page.locator("li.pending")).to_have_count(1)
        shoot(page, "06-connection-lost", size)
        context.set_offline(False)
        expect(page.locator("li.pending")).to_have_count(0)
        expect(page.locator("#conn-notice")).to_be_hidden()

        first.silence()
        expect(page.locator("#helper-notice")).to_be_visible()
        shoot(page, "07-helper-reconnecting", size)

        expect(page.locator("#handover")).to_be_visible()
        shoot(page, "08-handover", size)
        page.get_by_role("button", name="Ja, dat mag").click()
        expect(page.locator("#handover")).to_be_hidden()

        second.available()
        assert second.assigned_chat()["chat_id"] == chat_id
        expect(page.locator("#chat-status")).to_have_text("Je chat met een hulpverlener.")
        second.say(chat_id, "Hoi, ik neem het over. Ik heb gelezen wat je schreef.")
        second.say(chat_id, "Je kunt altijd terugkomen. Sterkte!")
        expect(page.locator("li.from-helper")).to_have_count(4)
        page.get_by_role("button", name="Stoppen").click()
        expect(page.get_by_role("dialog")).to_be_visible()
        shoot(page, "09-stop-confirm", size)
        page.get_by_role("button", name="Ja, stoppen").click()
        expect(page.locator("#ended")).to_be_visible()
        shoot(page, "10-ended", size)

        page.get_by_role("button", name="Naar de korte vragenlijst").click()
        survey = page.locator("#survey-form")
        survey.get_by_label("Leeftijd").fill("15")
        survey.get_by_role("group", name="Voelde je je begrepen?").get_by_label("ja").check()
        shoot(page, "11-survey", size)
        page.get_by_role("button", name="Versturen").click()
        expect(page.get_by_role("heading", name="Bedankt!")).to_be_visible()
        shoot(page, "12-thanks", size)
    finally:
        first.close()
        second.close()
        context.close()


# --- the forum -----------------------------------------------------------------------------

#: Topics and stories as youths might write them: (kind, theme, title, body, replies welcome).
FORUM_POSTS = [
    ("topic", "Familie", "Ruzie thuis over school",
     "Mijn ouders vinden dat ik te weinig doe voor school. Elke avond is er ruzie en ik "
     "zit dan maar op mijn kamer. Hoe praten jullie met je ouders als ze boos zijn?", True),
    ("story", "Gevoel", "Hoe ik weer durfde te praten",
     "Twee jaar lang zei ik bijna niks op school. Ik was bang dat ze me raar zouden vinden."
     "\n\nDit jaar heb ik het aan mijn mentor verteld. Dat was eng, maar het hielp echt. "
     "Ik schrijf dit voor iedereen die zich nu zo voelt: je bent niet de enige.", False),
    ("topic", "Vrienden & relaties", "Mijn beste vriendin negeert me <3",
     "Sinds de zomer praat ze alleen nog met haar nieuwe vrienden. Moet ik haar vragen wat "
     "er is of laat ik het gaan?", True),
    ("topic", "School, werk & geld", "Bijbaan en toetsweek",
     "Ik werk drie avonden per week en heb volgende week toetsweek. Hoe doen jullie dat?",
     True),
    ("story", "Lichaam", "Mijn verhaal over sporten",
     "Ik dacht dat ik nooit van sport zou houden. Nu loop ik twee keer per week hard met "
     "mijn broer en ik voel me beter. Reageer gerust als je tips hebt!", True),
]  # fmt: skip
FORUM_REPLIES = [
    (0, "Bij mij hielp het om een rustig moment te kiezen, niet midden in de ruzie."),
    (0, "Herkenbaar. Misschien kun je samen een planning maken zodat ze zien wat je doet?"),
    (2, "Ik zou het gewoon vragen. Misschien weet zij ook niet wat er aan de hand is."),
]


def publish_all(client: httpx.Client, post_ids: list[int], window: int) -> datetime:
    """Open today's round `window`, publish every post, close it; returns the round's
    moment (the forum clock is real time again afterwards). The demo server is ours alone,
    so today's rounds are free to use."""
    current = open_round(client, datetime.now(AMSTERDAM).date(), window)
    try:
        for post_id in post_ids:
            answer = decide(client, current.screener, post_id, "publish")
            assert answer.status_code == 200, answer.text
        return current.now
    finally:
        close_round(client, current)
        reset_clock(client)


def seed_forum(server: RunningServer) -> tuple[dict[str, int], datetime]:
    """Published topics, stories and replies; the ids by title and the last round's time."""
    with server.client(timeout=30) as client:
        ids: list[int] = []
        for kind, theme, title, body, welcome in FORUM_POSTS:
            answer = post(client, body, kind=kind, title=title, theme=theme,
                          replies_welcome=welcome if kind == "story" else None)  # fmt: skip
            ids.append(int(answer["post_id"]))
        publish_all(client, ids, 0)
        replies = [
            int(post(client, text, kind="reply", parent_id=ids[index])["post_id"])
            for index, text in FORUM_REPLIES
        ]
        last = publish_all(client, replies, 1)
    return {p[2]: ids[i] for i, p in enumerate(FORUM_POSTS)}, last


def forum_run(
    browser: Browser, server: RunningServer, size: str, ids: dict[str, int], day_end: datetime
) -> None:
    width, height = SIZES[size]
    context = browser.new_context(
        ignore_https_errors=True,
        viewport={"width": width, "height": height},
        locale="nl-NL",
        timezone_id="Europe/Amsterdam",
    )
    context.set_default_timeout(30_000)
    page = context.new_page()
    client = server.client(timeout=30)
    try:
        # The evening of the last round's day: the next round is tomorrow 10:00-12:00.
        evening = local(day_end.astimezone(AMSTERDAM).date(), 19, 15)
        set_clock(client, evening)
        page.clock.set_fixed_time(evening)
        url = server.url + "/forum"
        page.goto(url)
        expect(page.locator("#topic-list")).to_have_attribute("aria-busy", "false")
        expect(page.locator("#topic-list")).to_contain_text(FORUM_POSTS[-1][2])
        shoot(page, "forum-01-list", size, full_page=True)

        page.goto(f"{url}#/thema/{quote('School, werk & geld')}")
        expect(page.get_by_role("heading", name="School, werk & geld")).to_be_visible()
        expect(page.locator("#topic-list")).to_contain_text("Bijbaan en toetsweek")
        shoot(page, "forum-02-theme", size, full_page=True)

        page.goto(f"{url}#/onderwerp/{ids['Ruzie thuis over school']}")
        expect(page.locator("#reply-list li")).to_have_count(2)
        page.get_by_label("Je reactie").fill("Sterkte! Bij ons thuis was het ook zo.")
        shoot(page, "forum-03-topic", size, full_page=True)
        page.get_by_role("button", name="Reactie versturen").click()
        expect(page.locator("#reply-sent")).to_be_visible()
        shoot(page, "forum-04-reply-sent", size, full_page=True)

        page.goto(f"{url}#/onderwerp/{ids['Hoe ik weer durfde te praten']}")
        expect(page.locator("#no-replies")).to_be_visible()
        shoot(page, "forum-05-story-no-replies", size, full_page=True)

        page.goto(f"{url}#/nieuw")
        form = page.locator("#write-form")
        expect(page.get_by_role("heading", name="Nieuw onderwerp")).to_be_visible()
        form.get_by_label("Thema").select_option("Verslaving")
        form.get_by_label("Titel").fill("Mijn vader drinkt te veel")
        form.locator("textarea").fill(
            "Elke avond drinkt hij bier en dan wordt hij boos. Mijn moeder zegt dat het wel "
            "meevalt. Wat zouden jullie doen?"
        )
        shoot(page, "forum-06-new-topic", size, full_page=True)

        page.goto(f"{url}#/verhaal")
        expect(page.get_by_role("heading", name="Mijn verhaal delen")).to_be_visible()
        form.get_by_label("Thema").select_option("Gevoel")
        form.get_by_label("Titel").fill("Wat mij hielp toen ik me alleen voelde")
        form.locator("textarea").fill(
            "Vorig jaar voelde ik me heel alleen. Ik wil vertellen wat mij hielp.\n\n"
            "Eerst heb ik het aan mijn tante verteld..."
        )
        form.get_by_label("Reacties zijn welkom").uncheck()
        shoot(page, "forum-07-story-form", size, full_page=True)
        form.get_by_role("button", name="Verhaal versturen").click()
        expect(page.get_by_role("heading", name="Bedankt, je verhaal is verstuurd")).to_be_visible()
        shoot(page, "forum-08-sent", size, full_page=True)

        page.goto(f"{url}#/nieuw")
        expect(page.get_by_role("heading", name="Nieuw onderwerp")).to_be_visible()
        form.get_by_label("Thema").select_option("Gevoel")
        form.get_by_label("Titel").fill("Een heel lang verhaal")
        form.locator("textarea").fill(("Ik wil alles vertellen wat er gebeurd is. " * 130)[:5040])
        form.get_by_role("button", name="Onderwerp versturen").click()
        expect(form.locator(".form-error")).to_contain_text("te lang")
        shoot(page, "forum-09-too-long", size, full_page=True)

        form.locator("textarea").fill("Is er iemand die dit herkent?")
        context.set_offline(True)
        form.get_by_role("button", name="Onderwerp versturen").click()
        expect(form.locator(".form-error")).to_contain_text("Geen verbinding")
        expect(form.get_by_role("button", name="Opnieuw proberen")).to_be_visible()
        shoot(page, "forum-10-offline", size, full_page=True)
        context.set_offline(False)
    finally:
        reset_clock(client)
        client.close()
        context.close()


def forum_part(browser: Browser, tmp: Path, certs: Path) -> None:
    url = f"sqlite:///{tmp / 'forum.db'}"
    run_cli("demo-data", database_url=url)
    server = RunningServer(url, certs, env=FORUM_ENV).start()
    try:
        ids, last = seed_forum(server)
        for size in SIZES:
            forum_run(browser, server, size, ids, last)
    finally:
        server.stop()


def chat_part(browser: Browser, tmp: Path, certs: Path) -> None:
    url = f"sqlite:///{tmp / 'demo.db'}"
    run_cli("demo-data", database_url=url)
    server = RunningServer(url, certs, env=SERVER_ENV).start()
    try:
        for size in SIZES:
            run(browser, server, size)
    finally:
        server.stop()


def main(argv: list[str]) -> int:
    parts = set(argv) or {"chat", "forum"}
    if not parts <= {"chat", "forum"}:
        print("usage: youth_screenshots.py [chat|forum]", file=sys.stderr)
        return 2
    check_chromium()
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.png"):
        if ("forum" if old.name.startswith("forum-") else "chat") in parts:
            old.unlink()
    with tempfile.TemporaryDirectory(prefix="hulpmix-youth-") as tmp:
        certs = make_dev_certs(Path(tmp) / "certs")
        with sync_playwright() as driver:
            browser = driver.chromium.launch(
                executable_path=str(CHROMIUM), args=LAUNCH_ARGS, headless=True
            )
            if "chat" in parts:
                chat_part(browser, Path(tmp), certs)
            if "forum" in parts:
                forum_part(browser, Path(tmp), certs)
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
