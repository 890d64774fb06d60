"""The review form in the real console against the real server: the rubric's scores with
their Dutch labels, the average shown live, saving and releasing, and then the review in the
trainee's record. The trainee's own supervisor is refused, and the form says so in words."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from console.domain.readiness import RUBRIC
from tests.support.supervision import chat_ref, make_cast
from tests.support.waiting import until
from tests.ui.test_login_and_main_window import make_app
from tests.ui.test_supervision_progress import leave, open_area

TS, HO, SS = "trainee_self", "helper_other", "supervisor_same"

#: Typing in the searchable list opens its completion popup, which offscreen Qt warns about.
popup_on_offscreen = pytest.mark.qt_log_ignore(
    r"This plugin does not support (raise\(\)|grabbing the keyboard)"
)


def fill(qtbot, form, trainee_id: int, ref: str, values: list[int]) -> None:
    """Choose the trainee by typing their entry in the searchable list (or, when the list
    is empty, their number), then the chat and the scores."""
    if form.candidates:
        (entry,) = [c for c in form.candidates if c.id == trainee_id]
        form.candidate.lineEdit().clear()
        qtbot.keyClicks(form.candidate.lineEdit(), form.candidate_text(entry))
    else:
        form.trainee.setValue(trainee_id)
    assert form.trainee_id() == trainee_id
    form.chat_ref.clear()
    qtbot.keyClicks(form.chat_ref, ref)
    for name, value in zip(RUBRIC, values, strict=True):
        combo = form.scores[name]
        combo.setCurrentIndex(combo.findData(value))


@popup_on_offscreen
def test_a_review_is_saved_released_and_then_seen_by_the_trainee(
    qtbot, run, demo_sqlite_server, tmp_path
):
    server = demo_sqlite_server
    client = server.client(timeout=30)
    cast = make_cast(client)
    tid = cast.id(TS)
    ref = chat_ref()
    app = make_app(tmp_path, server)

    async def scenario() -> None:
        try:
            page = await open_area(qtbot, app, server, cast.users[HO]["username"])
            assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == [
                "Chatbeoordelingen",
                "Intervisie",
            ]
            form = page.reviews
            assert form is not None
            page.tabs.setCurrentWidget(form)
            combo = form.scores["phase_welcome"]
            assert [combo.itemText(i) for i in range(combo.count())] == [
                "\u2014 kies \u2014",
                "0 \u2013 ontbreekt",
                "1 \u2013 zwak",
                "2 \u2013 voldoende",
                "3 \u2013 goed",
                "4 \u2013 uitstekend",
            ]
            assert form.average.text() == "Gemiddelde: \u2014 (nog 8 onderdelen te scoren)"
            assert not form.save.isEnabled()
            # The trainees of other institutions to choose from; none of one's own.
            await until(lambda: tid in {c.id for c in form.candidates}, what="the candidates")
            assert form.candidate.isVisibleTo(form) and not form.trainee.isVisibleTo(form)
            mine = cast.users[HO]["institution_id"]
            assert all(c.institution_id != mine for c in form.candidates)
            (entry,) = [c for c in form.candidates if c.id == tid]
            assert entry.institution_name == cast.institutions["a"]["name"]
            # Part of a name is a search, not a choice: nothing to save yet.
            qtbot.keyClicks(form.candidate.lineEdit(), entry.display_name[2:])
            assert form.trainee_id() == 0
            completer = form.candidate.completer()
            offered = [
                completer.completionModel().index(i, 0).data()
                for i in range(completer.completionCount())
            ]
            assert form.candidate_text(entry) in offered  # found by any part of the name
            fill(qtbot, form, tid, ref, [4, 3, 3, 3, 4, 3, 2, 4])
            assert form.average.text() == "Gemiddelde: 3,25"
            assert form.save.isEnabled()
            qtbot.keyClicks(form.comment, "Mooie afsluiting van de cirkel.")
            qtbot.mouseClick(form.save, Qt.MouseButton.LeftButton)
            await until(lambda: form.mine.rowCount() == 1, what="the review in my list")
            assert form.mine.data(form.mine.index(0, 0)) == ref
            assert form.mine.data(form.mine.index(0, 3)) == "nog niet vrijgegeven"
            assert form.chat_ref.text() == "" and not form.save.isEnabled()  # ready for the next
            record = cast.get(TS, f"/trainees/{tid}").json()
            assert record["reviews"] == [], "not visible before release"

            form.mine_view.selectRow(0)
            assert form.release.isEnabled()
            qtbot.mouseClick(form.release, Qt.MouseButton.LeftButton)
            await until(
                lambda: form.mine.data(form.mine.index(0, 3)) == "vrijgegeven", what="released"
            )
            record = cast.get(TS, f"/trainees/{tid}").json()
            assert [(r["chat_ref"], r["average"], r["comment"]) for r in record["reviews"]] == [
                (ref, "13/4", "Mooie afsluiting van de cirkel.")
            ]
        finally:
            await leave(app)

    try:
        run(scenario())
    finally:
        client.close()


def test_the_trainees_own_supervisor_is_refused_in_words(qtbot, run, demo_sqlite_server, tmp_path):
    server = demo_sqlite_server
    with server.client(timeout=30) as client:
        cast = make_cast(client)
    tid = cast.id(TS)
    app = make_app(tmp_path, server)

    async def scenario() -> None:
        try:
            page = await open_area(qtbot, app, server, cast.users[SS]["username"])
            form = page.reviews
            assert form is not None
            await until(lambda: bool(form.candidates), what="the candidates")
            assert tid not in {c.id for c in form.candidates}, "never one's own trainees"
            # Without a list (say it is empty) the number can still be typed; the server
            # refuses the trainee's own supervisor all the same.
            form.set_candidates([])
            assert form.trainee.isVisibleTo(form) and not form.candidate.isVisibleTo(form)
            fill(qtbot, form, tid, chat_ref(), [3] * len(RUBRIC))
            qtbot.mouseClick(form.save, Qt.MouseButton.LeftButton)
            await until(lambda: form.message.text() != "", what="the answer")
            assert form.message.text() == (
                "U kunt deze HIO niet beoordelen: een beoordeling wordt geschreven door een "
                "hulpverlener of begeleider van een andere instelling, nooit door de eigen "
                "begeleiders of collega's van de HIO."
            )
            assert form.mine.rowCount() == 0
            assert form.chat_ref.text() != "", "nothing typed is lost"
        finally:
            await leave(app)

    run(scenario())
