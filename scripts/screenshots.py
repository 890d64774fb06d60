"""Screenshots of the console's screens, from a real server, under Xvfb.

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python scripts/screenshots.py [--language en]

Starts a throwaway server with the demo data (its own SQLite file and certificates in a
temporary directory), drives the real console through login, the main window, a lost
connection, the settings and the connection test, and saves PNGs to docs/screenshots/.
Xvfb is not in the two commands' set-up: `apt-get install xvfb xauth` first (the xcb
libraries come with `scripts/bootstrap.py`'s QT_RUNTIME).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(tmp: Path, port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "HULPMIX_DATABASE_URL": f"sqlite:///{tmp / 'demo.db'}"}
    subprocess.run(
        [sys.executable, "-m", "server", "dev-cert", "--out", str(tmp)], check=True, env=env
    )
    subprocess.run(
        [sys.executable, "-m", "server", "demo-data"], check=True, env=env, capture_output=True
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "server", "serve", "--host", "127.0.0.1", "--port", str(port),
         "--cert", str(tmp / "server.pem"), "--key", str(tmp / "server.key")],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return proc
        time.sleep(0.2)
    raise SystemExit("server did not start")


async def until(condition, timeout: float = 30.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out waiting for {condition}")
        await asyncio.sleep(0.05)


async def settle() -> None:
    await asyncio.sleep(0.4)


def save(widget, name: str) -> None:  # type: ignore[no-untyped-def]
    widget.raise_()
    widget.activateWindow()
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    print(f"saved {path}")


async def scenario(app_cls, settings, keyring, tmp: Path, url: str, server_restart) -> None:  # type: ignore[no-untyped-def]
    from console.services.sync import ConnectionState

    app = app_cls(settings, keyring=keyring, store_dir=tmp / "data")
    app.start()
    dialog = app.login_dialog
    dialog.server.setText(url)
    dialog.username.setText("bascule.helper1")
    dialog.password.setText("niet-goed")
    dialog.login_button.click()
    await until(
        lambda: "klopt niet" in dialog.message.text() or "not correct" in dialog.message.text()
    )
    await settle()
    save(dialog, "login-error")
    dialog.password.setText("hulpmix-demo")
    dialog.message.hide()
    await settle()
    save(dialog, "login")
    dialog.login_button.click()
    await until(lambda: app.window is not None and app.window.isVisible())
    window = app.window
    await until(lambda: window.indicator.state is ConnectionState.ONLINE)
    for text in (
        "Goedemiddag! Ik zit vandaag tot 18:00 en neem de eerste chat.",
        "Denk eraan: intervisie na het overleg van donderdag.",
    ):
        app.team.post(text)
    await until(
        lambda: all(not m.pending for m in app.team.messages()) and len(app.team.messages()) >= 2
    )
    window.resize(1100, 700)
    await settle()
    save(window, "main-window")
    await chat_screens(app, window, tmp, url)
    await screening_screens(app, window)
    await roster_screens(app, window)
    window.nav.setCurrentRow(0)
    await server_restart(True)
    await until(lambda: window.indicator.state is ConnectionState.RECONNECTING)
    app.team.post("Dit bericht schreef ik tijdens de storing.")
    await settle()
    save(window, "main-window-reconnecting")
    await server_restart(False)
    window.indicator.retry.click()
    await until(lambda: window.indicator.state is ConnectionState.ONLINE, 60)
    await until(lambda: all(not m.pending for m in app.team.messages()), 60)

    app.open_settings()
    settings_dialog = app._dialogs[-1]
    await settle()
    save(settings_dialog, "settings")
    settings_dialog.reject()

    app.open_diagnosis(url)
    diag = app._dialogs[-1]
    await until(lambda: diag.again.isEnabled(), 40)
    await settle()
    save(diag, "connection-test")
    diag.reject()

    app.open_diagnosis(f"https://127.0.0.1:{free_port()}")
    diag = app._dialogs[-1]
    await until(lambda: diag.again.isEnabled(), 40)
    await settle()
    save(diag, "connection-test-failing")
    diag.reject()
    await app.quit()
    await proposal_screen(app_cls, settings, keyring, tmp, url)
    await supervision_screens(app_cls, settings, keyring, tmp, url)
    await referrals_screens(app_cls, settings, keyring, tmp, url)
    await admin_screens(app_cls, settings, keyring, tmp, url)


class Youth:
    """A young person on the chat page, played over HTTP."""

    def __init__(self, url: str, ca: Path) -> None:
        import httpx

        self.client = httpx.Client(base_url=url, verify=str(ca), timeout=30)
        answer = self.client.post(
            "/api/v1/youth/chats", json={"nickname": "Sam", "age": 15, "theme": "Familie"}
        )
        answer.raise_for_status()
        body = answer.json()
        self.chat_id, self.token = body["chat_id"], body["token"]

    def say(self, text: str) -> None:
        import uuid

        self.client.put(
            f"/api/v1/youth/chats/{self.chat_id}/messages/{uuid.uuid4().hex}",
            json={"text": text},
            headers={"Authorization": f"Bearer {self.token}"},
        ).raise_for_status()


async def chat_screens(app, window, tmp: Path, url: str) -> None:  # type: ignore[no-untyped-def]
    from console.domain.chat import Phase
    from console.domain.roles import Area

    window.show_area(Area.CHAT)
    page = window.page(Area.CHAT)
    await until(lambda: app.chat is not None and app.chat.service.me() is not None)
    await settle()
    save(window, "chat-empty")
    index = page.status.findData("available")
    page.status.setCurrentIndex(index)
    page.status.activated.emit(index)
    await until(lambda: (app.chat.service.me() or {}).get("status") == "available")
    youth = await asyncio.to_thread(Youth, url, tmp / "ca.pem")
    await until(lambda: youth.chat_id in page.panels)
    panel = page.panels[youth.chat_id]
    await asyncio.to_thread(youth.say, "hoi")
    await asyncio.to_thread(
        youth.say, "mijn ouders hebben steeds ruzie en ik weet niet meer wat ik moet doen"
    )
    app.chat.service.send(youth.chat_id, "Hoi Sam, fijn dat je er bent. Vertel maar, ik lees mee.")
    app.chat.service.reach_phase(youth.chat_id, Phase.WELCOME)
    await asyncio.to_thread(youth.say, "ze schreeuwen elke avond <b>echt</b> elke avond")
    app.chat.service.send(youth.chat_id, "Dat klinkt heftig. Hoe gaat het nu met jou?")
    app.chat.service.reach_phase(youth.chat_id, Phase.CLARIFY)
    await until(
        lambda: len([m for m in app.chat.service.messages(youth.chat_id) if m.seq is not None]) >= 6
    )
    await until(lambda: len(app.chat.service.chat(youth.chat_id).phases) == 2)
    await settle()
    window.resize(1200, 760)
    await settle()
    save(window, "chat-workspace")
    dialog = panel.open_crisis()
    dialog.warm.click()
    dialog.consent.click()
    await settle()
    save(dialog, "chat-crisis")
    dialog.reject()
    app.chat.service.end(youth.chat_id)
    await until(lambda: panel.registration is not None)
    await settle()
    save(window, "chat-registration")


async def screening_screens(app, window) -> None:  # type: ignore[no-untyped-def]
    """The screening view on the demo queue: a post with personal data selected, the
    editor with a reason and the visible diff, and the statistics tab."""
    from console.domain.roles import Area

    window.show_area(Area.SCREENING)
    page = window.page(Area.SCREENING)
    await until(lambda: app.screening is not None and page.model.rowCount() > 0)
    await until(lambda: page.rounds.cards)
    model = page.model
    marked = [r for r in range(model.rowCount()) if model.flags_of(model.item_at(r))[0]]
    page.select_row(marked[0] if marked else 0)
    window.resize(1280, 780)
    await settle()
    save(window, "screening")
    item = page.current_item()
    page.open_edit(item)
    editor = page.dialog
    text = item.body
    for mark_kind, found in page.item_panel.marks_shown:
        if mark_kind != "danger":
            text = text.replace(found, "[weggehaald]")
    editor.body.setPlainText(text if text != item.body else item.body + " ")
    editor.reason.setCurrentIndex(editor.reason.findData("personal_data"))
    await settle()
    save(editor, "screening-edit")
    editor.reject()
    await until(lambda: page.dialog is None)
    if page.stats is not None:
        page.tabs.setCurrentWidget(page.stats)
        await settle()
        await settle()
        save(window, "screening-stats")
        page.tabs.setCurrentIndex(0)


async def roster_screens(app, window) -> None:  # type: ignore[no-untyped-def]
    """The week grid of the demo roster, a block being filled (a trainee who still needs
    backup, alone: the problem in words, Save disabled) and "My shifts" with the feed."""
    from console.domain.roles import Area, Role

    window.show_area(Area.ROSTER)
    page = window.page(Area.ROSTER)
    service = app.roster.service
    await until(lambda: page.grid.model.rowCount() > 0 and service.directory is not None)
    window.resize(1280, 780)
    await settle()
    save(window, "roster-week")
    mine = str(window.user.institution_id)
    block = next(b for d in service.week.days for b in d.blocks if b.institution_id == mine)
    page.grid.select(block.day, block.index)
    page.grid.open_current()
    await until(lambda: page.dialog is not None)
    dialog = page.dialog
    trainee = next(
        p
        for p in service.directory.of_institution(mine)
        if p.role is Role.TRAINEE and p.needs_backup
    )
    dialog.seats[0].setCurrentIndex(dialog.seats[0].findData(trainee.id))
    dialog.seats[1].setCurrentIndex(0)
    await settle()
    save(dialog, "roster-fill")
    dialog.reject()
    await until(lambda: page.dialog is None)
    if page.mine is not None:
        page.tabs.setCurrentWidget(page.mine)
        await until(lambda: page.mine.model.rowCount() > 0)
        page.mine.subscribe.click()
        await until(lambda: bool(page.mine.url.text()))
        await settle()
        save(window, "roster-mine")
        page.mine.revoke.click()
        await until(lambda: not page.mine.url.text())
        page.tabs.setCurrentIndex(0)


async def proposal_screen(app_cls, settings, keyring, tmp: Path, url: str) -> None:  # type: ignore[no-untyped-def]
    """The coordinator's proposal for the month of the demo's draft week."""
    from console.domain.roles import Area

    app = app_cls(settings, keyring=keyring, store_dir=tmp / "coordinator")
    app.start()
    dialog = app.login_dialog
    dialog.server.setText(url)
    dialog.username.setText("coordinator")
    dialog.password.setText("hulpmix-demo")
    dialog.login_button.click()
    await until(lambda: app.window is not None and app.window.isVisible())
    window = app.window
    window.resize(1280, 780)
    window.show_area(Area.ROSTER)
    page = window.page(Area.ROSTER)
    grid = page.grid
    await until(lambda: grid.model.rowCount() > 0 and app.roster.service.directory is not None)
    for _ in range(3):
        grid.next.click()
    monday = grid.monday
    await until(lambda: grid.model.rows and grid.model.rows[0].day == monday)
    day = grid.model.rows[0].roster
    if day is not None:  # an empty block, so the proposal has something to fill
        grid.institution_chosen.emit(day.day, day.blocks[-1].index, None)
        await until(
            lambda: (
                app.roster.service.week.block(day.day, day.blocks[-1].index).institution_id is None
            )
        )
    page.propose.click()
    await until(lambda: page.dialog is not None, 90)
    await settle()
    save(page.dialog, "roster-proposal")
    page.dialog.reject_button.click()
    await until(lambda: page.dialog is None)
    await roster_report_screens(page)
    await roster_duty_screens(app, page)
    await app.quit()


async def roster_report_screens(page) -> None:  # type: ignore[no-untyped-def]
    """The month overview and the fairness report of the demo roster (this month)."""
    month = page.month_view
    page.tabs.setCurrentWidget(month)
    await until(lambda: month.model.rowCount() > 0)
    await settle()
    save(page.window(), "roster-month")
    fairness = page.fairness
    page.tabs.setCurrentWidget(fairness)
    await until(lambda: fairness.report is not None)
    await settle()
    save(page.window(), "roster-fairness")
    await roster_commitments_screen(page)
    page.tabs.setCurrentIndex(0)


async def roster_commitments_screen(page) -> None:  # type: ignore[no-untyped-def]
    """The commitments editor of this month with two institutions being edited (not saved)."""
    view = page.commitments
    page.tabs.setCurrentWidget(view)
    await until(lambda: view.page is not None and len(view.rows) >= 2)
    for row, (low, high, days) in zip(view.rows, ((4, 6, (0, 2)), (2, 3, (4,))), strict=False):
        row.takes_part.setChecked(True)
        row.minimum.setValue(low)
        row.maximum.setValue(high)
        for day in days:
            row.days[day].setChecked(True)
    view.table.selectRow(0)
    start, _end = view.period()
    view.add_unavailable(start.replace(day=10))
    view.add_unavailable(start.replace(day=17))
    await settle()
    save(page.window(), "roster-commitments")


async def roster_duty_screens(app, page) -> None:  # type: ignore[no-untyped-def]
    """The coordinator's replacement trail (the demo's open request) and the attendance
    report of the demo's past weeks."""
    duty = app.roster.duty
    view = duty.replacements
    page.tabs.setCurrentWidget(view)
    duty.refresh()
    await until(lambda: view.trail.rowCount() > 0)
    await settle()
    save(page.window(), "roster-replacement")
    report = duty.attendance
    page.tabs.setCurrentWidget(report)
    report.ask()
    await until(lambda: report.model.rowCount() > 0)
    await settle()
    save(page.window(), "roster-attendance")
    page.tabs.setCurrentIndex(0)


def seed_supervision(url: str, ca: Path) -> None:
    """Progress to show, through the API: Lotte (bascule) half-way, Thijs ready for
    sign-off, reviews by GGZ Eindhoven, and an intervision meeting."""
    import httpx

    from console.domain.readiness import RUBRIC

    api = f"{url}/api/v1"
    with httpx.Client(base_url=api, verify=str(ca), timeout=30) as client:

        def login(username: str) -> dict[str, str]:
            answer = client.post(
                "/session", json={"username": username, "password": "hulpmix-demo"}
            )
            answer.raise_for_status()
            return {"Authorization": f"Bearer {answer.json()['access_token']}"}

        sup, reviewer, colleague = (
            login("bascule.helper1"),
            login("ggze.helper2"),
            login("ggze.helper1"),
        )
        trainees = client.get("/supervision/trainees", headers=sup).json()["trainees"]
        by_name = {t["display_name"]: t["id"] for t in trainees}
        lotte, thijs = by_name["Lotte Bakker"], by_name["Thijs Visser"]
        people = client.get("/roster/people", headers=sup).json()["people"]
        daan = next(p["id"] for p in people if p["name"] == "Daan Jansen")
        client.put(
            f"/supervision/trainees/{lotte}/training",
            headers=sup,
            json={
                "kindertelefoon_date": "2026-09-14",
                "role_plays": 2,
                "binder_read": True,
                "refreshers": {"suïcidaliteit": "2026-10-05"},
                "version": 0,
            },
        ).raise_for_status()
        client.put(
            f"/supervision/trainees/{thijs}/training",
            headers=sup,
            json={
                "national_date": "2026-06-02",
                "national_trainer": "Marjolein de Wit",
                "version": 0,
            },
        ).raise_for_status()
        for trainee, count in ((lotte, 6), (thijs, 11)):
            for i in range(count):
                client.post(
                    f"/supervision/trainees/{trainee}/sittings",
                    headers=sup,
                    json={
                        "day": f"2026-10-{i + 1:02d}",
                        "block": 0,
                        "professional_id": daan,
                    },
                ).raise_for_status()
        marks = {
            lotte: [[3, 3, 2, 3, 3, 4, 2, 3]],
            thijs: [[4, 3, 3, 3, 4, 3, 3, 4], [3, 3, 3, 3, 3, 3, 3, 3], [4, 4, 3, 3, 4, 3, 3, 4]],
        }
        for trainee, sets in marks.items():
            for n, values in enumerate(sets):
                who = reviewer if n % 2 == 0 else colleague
                made = client.post(
                    f"/supervision/trainees/{trainee}/reviews",
                    headers=who,
                    json={
                        "chat_ref": f"chat-{trainee}{n}a7",
                        "scores": dict(zip(RUBRIC, values, strict=True)),
                        "comment": "Warm welkom; het doel kan eerder samen worden vastgesteld.",
                    },
                )
                made.raise_for_status()
                client.post(f"/supervision/reviews/{made.json()['id']}/release", headers=who)
        client.post(
            f"/supervision/trainees/{lotte}/observations",
            headers=sup,
            json={
                "chat_ref": "chat-4f2a9c",
                "level": 3,
                "strengths": "Rustig, laat de jongere uitpraten.",
                "points": "Eerder samenvatten voordat een doel gekozen wordt.",
            },
        ).raise_for_status()
        meeting = client.post(
            "/supervision/meetings",
            headers=sup,
            json={
                "day": "2026-11-19",
                "institution_id": None,
                "method": "incident",
                "participants": [lotte, thijs, daan],
            },
        )
        meeting.raise_for_status()
        data = meeting.json()
        client.put(
            f"/supervision/meetings/{data['id']}/attendance",
            headers=sup,
            json={
                "attended": [thijs, daan],
                "version": data["version"],
            },
        ).raise_for_status()


async def supervision_screens(app_cls, settings, keyring, tmp: Path, url: str) -> None:  # type: ignore[no-untyped-def]
    """A supervisor's trainee list with progress, the sign-off form, a review being
    written (another institution) and a trainee's case note with the masking check."""
    from console.domain.readiness import RUBRIC
    from console.domain.roles import Area

    await asyncio.to_thread(seed_supervision, url, tmp / "ca.pem")

    async def login(username: str, folder: str):  # type: ignore[no-untyped-def]
        app = app_cls(settings, keyring=keyring, store_dir=tmp / folder)
        app.start()
        dialog = app.login_dialog
        dialog.server.setText(url)
        dialog.username.setText(username)
        dialog.password.setText("hulpmix-demo")
        dialog.login_button.click()
        await until(lambda: app.window is not None and app.window.isVisible())
        app.window.resize(1280, 780)
        app.window.show_area(Area.SUPERVISION)
        return app, app.window.page(Area.SUPERVISION)

    app, page = await login("bascule.helper1", "sup")
    await until(lambda: page.trainees.rowCount() >= 2)
    lotte = next(t.id for t in page.trainees.trainees if t.display_name == "Lotte Bakker")
    thijs = next(t.id for t in page.trainees.trainees if t.display_name == "Thijs Visser")
    page.select_trainee(lotte)
    await until(lambda: page.progress.record is not None and page.progress.record.id == lotte)
    await settle()
    save(app.window, "supervision-progress")
    page.select_trainee(thijs)
    await until(lambda: page.progress.record is not None and page.progress.record.id == thijs)
    page.progress.sign_button.click()
    await until(lambda: page.dialog is not None)
    page.dialog.remark.setPlainText("Rustig en zorgvuldig. Afspraak: bij crisis altijd overleggen.")
    await settle()
    save(page.dialog, "supervision-signoff")
    page.dialog.reject()
    await until(lambda: page.dialog is None)
    page.progress.training_button.click()
    await until(lambda: page.dialog is not None)
    await settle()
    save(page.dialog, "supervision-training")
    page.dialog.reject()
    await app.quit()

    app, page = await login("ggze.helper2", "reviewer")
    form = page.reviews
    page.tabs.setCurrentWidget(form)
    form.trainee.setValue(lotte)
    form.chat_ref.setText("chat-9c41e0")
    for name, value in zip(RUBRIC, [3, 4, 3, 2, 3, 4, 3, 3], strict=True):
        form.scores[name].setCurrentIndex(form.scores[name].findData(value))
    form.comment.setPlainText(
        "Mooie, open vragen. Let op de afsluiting: vat samen wat is afgesproken."
    )
    await until(lambda: form.mine.rowCount() > 0)
    await settle()
    save(app.window, "supervision-review")
    await app.quit()

    app, page = await login("bascule.trainee1", "trainee")
    await until(lambda: page.progress.record is not None)
    await settle()
    save(app.window, "supervision-my-progress")
    iv = page.intervision
    page.tabs.setCurrentWidget(iv)
    await until(lambda: iv.current_meeting() is not None)
    iv.write.click()
    await until(lambda: page.dialog is not None)
    editor = page.dialog
    editor.parts["case"].setPlainText(
        "Meisje van 14, ruzie thuis, slaapt slecht. Wil niet dat school het weet."
    )
    editor.parts["question"].setPlainText("Hoe blijf ik naast haar staan zonder te sturen?")
    editor.parts["questions_and_advice"].setPlainText(
        "Vraag wat zij al geprobeerd heeft; benoem wat goed gaat."
    )
    editor.parts["approach"].setPlainText("Eerst samen het doel vaststellen; daarna pas tips.")
    quote = editor.add_quote()
    quote.chat_ref.setText("chat-4f2a9c")
    quote.text.setPlainText("mijn zus Anouk zegt dat ik je moet appen op 06-12345678")
    action = editor.add_action()
    action.text.setText("Casus nabespreken met begeleider")
    await settle()
    save(editor, "supervision-note")
    editor.save.click()
    await until(lambda: editor.steps.currentIndex() == 1)
    await settle()
    save(editor, "supervision-note-masking")
    editor.save.click()
    await until(lambda: page.dialog is None)
    await until(lambda: iv.notes.rowCount() > 0)
    await until(lambda: all(type(r).__name__ == "Note" for r in iv.notes.rows), 30)
    iv.notes_view.selectRow(0)
    await settle()
    save(app.window, "supervision-intervision")
    await app.quit()


async def referrals_screens(app_cls, settings, keyring, tmp: Path, url: str) -> None:  # type: ignore[no-untyped-def]
    """The referrals to follow up: a warm referral (obviously fake demo contact details,
    recorded through the crisis dialog) and a cold one; then the warm one's details shown."""
    from console.domain.roles import Area

    app = app_cls(settings, keyring=keyring, store_dir=tmp / "referrals")
    app.start()
    dialog = app.login_dialog
    dialog.server.setText(url)
    dialog.username.setText("bjzg.helper2")
    dialog.password.setText("hulpmix-demo")
    dialog.login_button.click()
    await until(lambda: app.window is not None and app.window.isVisible())
    window = app.window
    window.resize(1200, 760)
    window.show_area(Area.CHAT)
    page = window.page(Area.CHAT)
    await until(lambda: app.chat is not None and app.chat.service.me() is not None)
    index = page.status.findData("available")
    page.status.setCurrentIndex(index)
    page.status.activated.emit(index)
    await until(lambda: (app.chat.service.me() or {}).get("status") == "available")
    view = app.referrals.view
    youth = await asyncio.to_thread(Youth, url, tmp / "ca.pem")
    await until(lambda: youth.chat_id in page.panels)
    for service, warm in (("Huisarts", False), ("Bureau Jeugdzorg", True)):
        crisis = page.panels[youth.chat_id].open_crisis()
        if warm:
            crisis.warm.click()
            crisis.consent.click()
            crisis.contact_name.setText("Demo Voorbeeld (nep)")
            crisis.contact_phone.setText("06-00000000")
            crisis.contact_email.setText("demo@voorbeeld.invalid")
            crisis.note.setPlainText("Demo: na 17:00 bellen")
        crisis.service.setCurrentText(service)
        rows = view.model.rowCount()
        crisis.ok.click()
        await until(lambda rows=rows: view.model.rowCount() == rows + 1)
    page.show_referrals()
    await until(lambda: app.referrals.loading == 0)
    view.select(view.model.rows[-1].id)
    await settle()
    save(window, "chat-referrals")
    view.show_button.click()
    await until(lambda: view.contact_shown())
    await settle()
    save(window, "chat-referrals-details")
    page.sections.setCurrentIndex(0)
    await until(lambda: app.referrals.loading == 0)
    await app.quit()


def production_hours(tmp: Path) -> None:
    """Give the throwaway demo server production hours (weekdays 16:00-18:00, closed on
    public holidays) instead of the demo's around the clock, so the open days show them."""
    import sqlite3

    from console.domain.hours import DEFAULT_SCHEDULE
    from server.chat import config

    raw = json.dumps(config.schedule_to_json(DEFAULT_SCHEDULE))
    with sqlite3.connect(tmp / "demo.db") as db:
        db.execute("UPDATE chat_settings SET value = ? WHERE key = 'schedule'", (raw,))


def project_lead_edits_protocol(url: str, ca: Path) -> None:
    import httpx

    with httpx.Client(base_url=url, verify=str(ca), timeout=30) as client:
        login = client.post(
            "/api/v1/session", json={"username": "projectlead", "password": "hulpmix-demo"}
        )
        login.raise_for_status()
        headers = {"Authorization": f"Bearer {login.json()['access_token']}"}
        theirs = client.get("/api/v1/chat/texts", headers=headers).json()
        theirs["crisis_protocol"] += "6. Meld elke crisis dezelfde dag bij de projectleider.\n"
        client.put("/api/v1/chat/texts", json=theirs, headers=headers).raise_for_status()


async def admin_screens(app_cls, settings, keyring, tmp: Path, url: str) -> None:  # type: ignore[no-untyped-def]
    """The admin's chat texts editor (a short text being edited) and the open days with a
    holiday opened and a training day closed."""
    from datetime import date, timedelta

    from PySide6.QtCore import QDate

    from console.domain.roles import Area

    production_hours(tmp)
    app = app_cls(settings, keyring=keyring, store_dir=tmp / "admin")
    app.start()
    dialog = app.login_dialog
    dialog.server.setText(url)
    dialog.username.setText("admin")
    dialog.password.setText("hulpmix-demo")
    dialog.login_button.click()
    await until(lambda: app.window is not None and app.window.isVisible())
    window = app.window
    window.resize(1280, 780)
    window.show_area(Area.ADMIN)
    page = window.page(Area.ADMIN)
    editor = page.texts
    await until(lambda: editor.loaded is not None)
    editor.snippet_list.setCurrentRow(1)
    editor.snippet_text.setPlainText(
        "De chat sluit over een kwartier. We hebben nog even tijd: wat is nu het "
        "belangrijkste voor je?"
    )
    editor.services.setCurrentRow(2)
    await settle()
    save(window, "admin-texts")

    # Meanwhile the project lead saves another protocol: saving gives the conflict.
    await asyncio.to_thread(project_lead_edits_protocol, url, tmp / "ca.pem")
    editor.save_button.click()
    await until(lambda: editor.conflict is not None)
    await settle()
    save(window, "admin-texts-conflict")
    editor.take_theirs_button.click()

    view = page.open_days
    page.tabs.setCurrentWidget(view)
    await until(lambda: view.schedule is not None)
    holiday = next(r for r in view.model.rows if r.day.weekday() < 5 and r.may_open)
    view.ask(holiday.day, True)
    await until(lambda: not view.busy)
    training = date.today() + timedelta(days=20)
    while training.weekday() >= 5 or view.row_of(training) is not None:
        training += timedelta(days=1)
    view.other_day.setDate(QDate(training.year, training.month, training.day))
    view.close_other_button.click()
    await until(lambda: not view.busy and view.row_of(training) is not None)
    view.select(holiday.day)
    await settle()
    save(window, "admin-open-days")
    await until(lambda: app.admin.loading == 0)
    await app.quit()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--language", default="nl", choices=["nl", "en"])
    parser.add_argument("--out", type=Path, default=None, help="folder for the PNG files")
    parser.add_argument(
        "--only",
        choices=["supervision", "admin", "referrals"],
        default=None,
        help="take only these screens",
    )
    args = parser.parse_args()
    global OUT
    if args.out is not None:
        OUT = args.out.resolve()
    sys.path.insert(0, str(ROOT))
    import qasync
    from PySide6.QtWidgets import QApplication

    from console.app import ConsoleApp, MemoryKeyring, install_translator
    from console.settings import Policy, SettingsStore

    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        port = free_port()
        url = f"https://localhost:{port}"
        server = start_server(tmp, port)

        async def server_restart(stop: bool) -> None:
            nonlocal server
            if stop:
                server.terminate()
                await asyncio.to_thread(server.wait)
            else:
                server = await asyncio.to_thread(start_server, tmp, port)

        try:
            qt_app = QApplication(sys.argv[:1])
            # As the console itself does: one console quitting is not the end of the run.
            qt_app.setQuitOnLastWindowClosed(False)
            install_translator(qt_app, args.language)
            policy_values = {
                "extra_ca_file": str(tmp / "ca.pem"),
                "proxy_mode": "none",
                "language": args.language,
            }
            (tmp / "policy.json").write_text(json.dumps({"settings": policy_values}))
            settings = SettingsStore(tmp / "settings.json", Policy.load(tmp / "policy.json"))
            loop = qasync.QEventLoop(qt_app)
            asyncio.set_event_loop(loop)
            with loop:
                if args.only == "admin":
                    loop.run_until_complete(
                        admin_screens(ConsoleApp, settings, MemoryKeyring(), tmp, url)
                    )
                elif args.only == "referrals":
                    loop.run_until_complete(
                        referrals_screens(ConsoleApp, settings, MemoryKeyring(), tmp, url)
                    )
                elif args.only == "supervision":
                    loop.run_until_complete(
                        supervision_screens(ConsoleApp, settings, MemoryKeyring(), tmp, url)
                    )
                else:
                    loop.run_until_complete(
                        scenario(ConsoleApp, settings, MemoryKeyring(), tmp, url, server_restart)
                    )
        finally:
            server.terminate()
            server.wait()


if __name__ == "__main__":
    main()
