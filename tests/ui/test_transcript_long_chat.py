"""A long chat stays cheap to update: new messages are inserted, not a reset of every row,
the view lays rows out in batches and still follows the bottom, and the rows shown are
exactly the messages given (bench/console_figures.py measures the pauses this avoids)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from console.ui.chat.transcript import PendingRole, TranscriptModel, TranscriptView

START = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)


def message(seq, text, kind="youth", txn=None, minute=0):
    return {
        "seq": seq,
        "txn_id": txn or f"t{seq}",
        "from": kind,
        "author": "",
        "text": text,
        "at": START + timedelta(minutes=minute),
    }


def texts(model: TranscriptModel) -> list[str]:
    return [str(model.index(r, 0).data()).split(": ", 1)[1] for r in range(model.rowCount())]


class Changes:
    """What a model told its views: resets and inserted or removed row ranges."""

    def __init__(self, model: TranscriptModel) -> None:
        self.log: list[tuple[str, int, int]] = []
        model.modelReset.connect(lambda: self.log.append(("reset", 0, 0)))
        model.rowsInserted.connect(lambda _p, a, b: self.log.append(("insert", a, b)))
        model.rowsRemoved.connect(lambda _p, a, b: self.log.append(("remove", a, b)))

    def take(self) -> list[tuple[str, int, int]]:
        found, self.log = self.log, []
        return found


def test_a_growing_chat_inserts_only_the_new_rows(qtbot, dutch):
    model = TranscriptModel()
    changes = Changes(model)
    first = [message(seq, f"regel {seq}") for seq in range(1, 301)]
    model.set_messages(first)
    assert changes.take() == [("reset", 0, 0)]
    # The service gives the whole transcript again, with two new lines and a send on its way.
    pending = message(None, "Ben je er nog?", "helper", txn="out-1")
    model.set_messages([*first, message(301, "nieuw"), message(302, "nog een"), pending])
    assert changes.take() == [("insert", 300, 301), ("insert", 302, 302)]
    assert texts(model)[-3:] == ["nieuw", "nog een", "Ben je er nog?  (wordt verstuurd)"]
    assert model.index(302, 0).data(PendingRole) is True
    # The same again: nothing to tell the view.
    model.set_messages([*first, message(301, "nieuw"), message(302, "nog een"), pending])
    assert changes.take() == []
    # The server's copy of the send arrives: the pending row goes, the confirmed one comes.
    sent = message(303, "Ben je er nog?", "helper", txn="out-1")
    model.set_messages([*first, message(301, "nieuw"), message(302, "nog een"), sent, pending])
    assert changes.take() == [("remove", 302, 302), ("insert", 302, 302)]
    assert model.rowCount() == 303
    assert model.index(302, 0).data(PendingRole) is False


def test_an_earlier_message_or_a_shorter_transcript_shows_exactly_what_was_given(qtbot):
    model = TranscriptModel()
    changes = Changes(model)
    model.set_messages([message(seq, f"regel {seq}") for seq in (2, 4, 6)])
    changes.take()
    # History shared after a hand-over: an older line lands in between.
    model.set_messages([message(seq, f"regel {seq}") for seq in (6, 2, 3, 4, 4)])
    assert changes.take() == [("reset", 0, 0)]
    assert texts(model) == ["regel 2", "regel 3", "regel 4", "regel 6"]
    model.set_messages([message(5, "alleen deze")])
    assert texts(model) == ["alleen deze"]


def test_the_view_follows_a_long_chat_unless_the_reader_scrolled_up(qtbot):
    model = TranscriptModel()
    lines = [message(seq, f"regel {seq} " + "met wat tekst " * 8) for seq in range(1, 2001)]
    model.set_messages(lines)
    view = TranscriptView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(320, 240)
    view.show()
    qtbot.waitExposed(view)
    bar = view.verticalScrollBar()
    last = lambda: model.index(model.rowCount() - 1, 0)  # noqa: E731

    def at_bottom() -> bool:
        rect = view.visualRect(last())
        return (
            bar.maximum() > 0
            and bar.value() == bar.maximum()
            and rect.isValid()
            and (rect.bottom() <= view.viewport().height())
        )

    qtbot.waitUntil(at_bottom, timeout=20000)
    lines.append(message(2001, "nieuw\nover twee regels"))
    model.set_messages(lines)
    qtbot.waitUntil(at_bottom, timeout=20000)

    lines.append(message(2002, "nog een"))
    model.set_messages(lines)
    # The reader scrolls up while the rows are still being laid out in batches.
    bar.triggerAction(bar.SliderAction.SliderToMinimum)
    assert bar.value() == 0
    # Once the batched layout has reached the newest row, the reader's place has held.
    qtbot.waitUntil(lambda: view.visualRect(last()).height() > 0, timeout=20000)
    assert bar.value() == 0
    assert bar.maximum() > 0
