"""Screenshots of the youth's chat page (/chat), in every state, phone and desktop size.

    .venv/bin/python scripts/youth_screenshots.py

Starts a throwaway demo server (its own SQLite file and test certificates in a temporary
directory, fast presence timeouts), drives Debian's Chromium (/usr/bin/chromium) through
closed, short-chat notice, start form, waiting, active chat, lost connection, helper
reconnecting, hand-over question, stop confirmation, ended, survey and thank-you, and saves
PNGs at 390x844 and 1280x800 into docs/screenshots/youth/. The staff side is played over
HTTP, as in tests/browser.
"""

from __future__ import annotations

import sys
import tempfile
import threading
from pathlib import Path

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
from tests.support.servers import RunningServer, make_dev_certs, run_cli  # noqa: E402

OUT = ROOT / "docs" / "screenshots" / "youth"
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


def shoot(page: Page, name: str, size: str) -> None:
    path = OUT / f"{name}-{size}.png"
    page.screenshot(path=str(path))
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


def main() -> int:
    check_chromium()
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory(prefix="hulpmix-youth-") as tmp:
        certs = make_dev_certs(Path(tmp) / "certs")
        url = f"sqlite:///{Path(tmp) / 'demo.db'}"
        run_cli("demo-data", database_url=url)
        server = RunningServer(url, certs, env=SERVER_ENV).start()
        try:
            with sync_playwright() as driver:
                browser = driver.chromium.launch(
                    executable_path=str(CHROMIUM), args=LAUNCH_ARGS, headless=True
                )
                for size in SIZES:
                    run(browser, server, size)
                browser.close()
        finally:
            server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
