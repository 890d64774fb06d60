"""Hostile text in every field a youth can fill: stored and shown as text, never interpreted.

Server side, on a fresh database per backend: HTML and script, right-to-left override,
control characters and megabyte strings in the chat's nickname and theme, the survey
comment, a forum post's title, body and theme, and the resume code. Over the body limit
(64 KiB) is 413; within it the text comes back exactly as stored (the chat removes control
characters, the forum refuses them with 422 naming the field); nothing is a 500.

Console side: the screening view shows such a post as plain text (the chat transcript's
plain-text test is tests/ui/test_chat_widgets.py::test_transcript_is_plain_text_sorted_by_
seq_and_deduplicated). The youth pages: tests/browser/test_chat_page.py (XSS) and
tests/browser/test_forum_page.py::test_topic_appears_only_after_screening_exactly_as_typed.
Chat messages: tests/server/test_api_chat_youth.py::test_hostile_text_is_stored_as_typed.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from PySide6.QtCore import Qt

from console.services.forum import ScreeningItem
from console.ui.screening.dialogs import EditDialog
from console.ui.screening.item_panel import ItemPanel
from tests.support.api import auth
from tests.support.chat import BACKENDS, CHAT_ENV, Youth, query, serve_fresh, until
from tests.support.forum import (
    FORUM_ENV,
    THEME,
    close_round,
    find_item,
    open_round,
    reset_clock,
)
from tests.support.servers import RunningServer

SCRIPT = "<script>alert('x')</script><img src=x onerror=alert(1)>"
RTL = "\u202egnp.exe wie ben jij"
HTML = '<b>vet</b> &amp; "quotes" <a href="javascript:alert(1)">klik</a>'
#: Typed, and what a chat field stores (control characters removed, ends trimmed).
CHAT_CASES = [
    (SCRIPT[:40], SCRIPT[:40]),  # the nickname's limit is 40
    (RTL, RTL),
    (HTML[:40], HTML[:40]),
    ("a\x00b\x1b[31mc\x07", "ab[31mc"),
]
MEGABYTE = "A" * 1_048_576
LIMIT = 65_536  # server/config.py max_body_bytes


@pytest.fixture(scope="module", params=BACKENDS)
def server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, dev_certs: Path
) -> Iterator[RunningServer]:
    yield from serve_fresh(request, tmp_path_factory, dev_certs, env={**CHAT_ENV, **FORUM_ENV})


@pytest.fixture
def client(server: RunningServer) -> Iterator[httpx.Client]:
    with server.client() as c:
        yield c


def _refused_as_too_large(answer: httpx.Response) -> None:
    assert answer.status_code == 413, answer.text
    assert answer.json()["error"] == "too_large"


def test_chat_start_stores_the_nickname_as_text_and_ignores_a_hostile_theme(
    client: httpx.Client, server: RunningServer
) -> None:
    for typed, stored in CHAT_CASES:
        youth = Youth(client)
        answer = youth.try_start(nickname=typed, theme=SCRIPT)
        if answer.status_code == 409:
            pytest.skip("the demo chat is closed right now")
        assert answer.status_code == 201, answer.text
        rows = query(server, "SELECT nickname, theme FROM chats WHERE id = :c", c=youth.chat_id)
        assert rows == [{"nickname": stored, "theme": None}]
        assert youth.end().status_code == 200
    too_long = client.post("/api/v1/youth/chats", json={"nickname": "x" * 41})
    assert too_long.status_code == 422
    assert too_long.json()["fields"][0]["field"] == "nickname"
    _refused_as_too_large(client.post("/api/v1/youth/chats", json={"nickname": MEGABYTE}))
    _refused_as_too_large(client.post("/api/v1/youth/chats", json={"theme": MEGABYTE}))


def test_chat_message_of_a_megabyte_is_413_and_the_chat_goes_on(client: httpx.Client) -> None:
    youth = Youth(client)
    if youth.try_start().status_code == 409:
        pytest.skip("the demo chat is closed right now")
    _refused_as_too_large(youth.say(MEGABYTE))
    _refused_as_too_large(youth.say("😀" * (LIMIT // 4 + 1)))  # 4 bytes each in UTF-8
    assert youth.say(SCRIPT).status_code == 201
    until(lambda: youth.events() is not None and SCRIPT in youth.texts("youth"), what="echo")
    assert youth.texts("youth") == [SCRIPT]
    assert youth.end().status_code == 200


def test_survey_comment_is_stored_as_text(client: httpx.Client, server: RunningServer) -> None:
    for typed, stored in CHAT_CASES:
        youth = Youth(client)
        if youth.try_start().status_code == 409:
            pytest.skip("the demo chat is closed right now")
        assert youth.end().status_code == 200
        url = youth.url("/survey")
        _refused_as_too_large(client.post(url, json={"comment": MEGABYTE}, headers=youth.headers))
        too_long = client.post(url, json={"comment": "x" * 2001}, headers=youth.headers)
        assert too_long.status_code == 422
        assert "comment" in str(too_long.json()["fields"])
        done = client.post(url, json={"comment": typed}, headers=youth.headers)
        assert done.status_code == 201, done.text
        rows = query(server, "SELECT comment FROM chat_surveys WHERE chat_id = :c", c=youth.chat_id)
        assert rows == [{"comment": stored}]


def test_resume_code_of_any_shape_is_a_clean_refusal(client: httpx.Client) -> None:
    url = "/api/v1/youth/chats/resume"
    for code in (SCRIPT[:20], RTL, "ABCD-\x00EFG", "' OR 1=1; --", "\u0000\u0000\u0000\u0000"):
        answer = client.post(url, json={"resume_code": code})
        assert answer.status_code in {404, 422}, (code, answer.status_code, answer.text)
    long = client.post(url, json={"resume_code": "A" * 21})
    assert long.status_code == 422 and long.json()["fields"][0]["field"] == "resume_code"
    _refused_as_too_large(client.post(url, json={"resume_code": MEGABYTE}))


def test_forum_post_is_stored_and_returned_exactly_or_refused_naming_the_field(
    client: httpx.Client,
) -> None:
    url = "/api/v1/youth/forum/posts"
    title = f"{RTL} {SCRIPT}"[:100]
    body = f"{HTML}\n\t{SCRIPT}\n{RTL}\n👩\u200d👩\u200d👧 ' OR 1=1; --"
    sent = client.post(url, json={"kind": "topic", "title": title, "body": body, "theme": THEME})
    assert sent.status_code == 202, sent.text
    for field in ("title", "body"):
        bad = {"kind": "topic", "title": title, "body": body, "theme": THEME}
        bad[field] = "rood\x1b[31m!\x07"
        refused = client.post(url, json=bad)
        assert refused.status_code == 422, refused.text
        assert refused.json()["fields"][0]["field"] == field
    unknown = client.post(url, json={"kind": "topic", "title": "t", "body": "b", "theme": SCRIPT})
    assert unknown.status_code == 422 and "theme" in str(unknown.json()["fields"])
    huge = {"kind": "topic", "title": "t", "body": MEGABYTE, "theme": THEME}
    _refused_as_too_large(client.post(url, json=huge))
    current = open_round(client)
    try:
        found = find_item(client, current.screener, body)
        assert found is not None
        assert (found["title"], found["body"]) == (title, body)
        shown = client.get(f"/api/v1/forum/items/{found['id']}", headers=auth(current.screener))
        assert (shown.json()["title"], shown.json()["body"]) == (title, body)
    finally:
        close_round(client, current)
        reset_clock(client)


# --- the console ---------------------------------------------------------------------------


def _item(title: str, body: str) -> ScreeningItem:
    return ScreeningItem.from_json(
        {
            "id": 7,
            "kind": "topic",
            "status": "pending",
            "title": title,
            "body": body,
            "theme": SCRIPT,
            "created_at": datetime(2026, 11, 23, 9, 0, tzinfo=UTC).isoformat(),
            "version": 1,
        }
    )


def test_the_screening_view_shows_hostile_posts_as_plain_text(qtbot) -> None:
    title, body = f"{SCRIPT} {RTL}", f"{HTML}\n{SCRIPT}"
    panel = ItemPanel(lambda: datetime(2026, 11, 23, 9, 5, tzinfo=UTC), user_id=1)
    qtbot.addWidget(panel)
    panel.show_item(_item(title, body))
    assert panel.title.textFormat() == Qt.TextFormat.PlainText
    assert panel.title.text() == title
    assert panel.header.textFormat() == Qt.TextFormat.PlainText
    assert SCRIPT in panel.header.text()
    assert panel.body.toPlainText() == body
    edit = EditDialog(_item(title, body), [("spelling", "Spelling")])
    qtbot.addWidget(edit)
    edit.body.setPlainText(body + " <i>extra</i>")
    assert edit.title.text() == title
    # The diff is the only HTML view: everything the youth typed arrives escaped.
    shown = edit.diff.toPlainText()
    assert SCRIPT in shown and "<i>extra</i>" in shown
    assert "<img" not in edit.diff.toHtml().replace("&lt;img", "")
