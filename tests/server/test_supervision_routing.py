"""Sign-off and "may not supervise" change who gets chats, over a fresh chat server on each
backend: a signed-off trainee chats with no backup of their institution present, revoking
reverses it, and a helper promoted from trainee is no backup until an admin lifts it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support.api import admin_token, auth
from tests.support.chat import BACKENDS, ChatWorld, StaffMember, Youth, serve_fresh, until, world
from tests.support.servers import RunningServer
from tests.support.supervision import make_cast, make_ready


@pytest.fixture(scope="module", params=BACKENDS)
def chat_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, dev_certs: Path
) -> Iterator[RunningServer]:
    yield from serve_fresh(request, tmp_path_factory, dev_certs)


@pytest.fixture
def w(chat_server: RunningServer) -> Iterator[ChatWorld]:
    yield from world(chat_server)


def _assigned(youth: Youth, to: StaffMember, everyone: list[Any]) -> dict[str, Any]:
    until(lambda: to.has(youth.chat_id), what=f"{to} getting the chat", alive=everyone)
    found = to.assignment(youth.chat_id)
    assert found is not None
    return found


def _member(w: ChatWorld, username: str) -> StaffMember:
    return w.member(username)


def test_signed_off_trainee_chats_without_backup_and_revoking_reverses_it(w: ChatWorld) -> None:
    cast = make_cast(w.client)
    make_ready(cast)
    trainee = _member(w, cast.users["trainee_self"]["username"])
    outsider = _member(w, cast.users["helper_other"]["username"])
    trainee.available()
    outsider.available()
    everyone: list[Any] = [trainee, outsider]

    # Not signed off, no backup of the trainee's institution: the other helper gets it.
    youth = w.youth()
    everyone.append(youth)
    got = _assigned(youth, outsider, everyone)
    assert got["passed_over"] == {str(trainee.id): "no_backup_available"}
    assert outsider.end(youth.chat_id).status_code == 200
    assert outsider.register(youth.chat_id).status_code == 201
    outsider.offline()
    everyone.remove(outsider)

    signed = cast.post("supervisor_same", f"/trainees/{trainee.id}/signoff", {"remark": "klaar"})
    assert signed.status_code == 201, signed.text
    youth = w.youth()
    everyone.append(youth)
    got = _assigned(youth, trainee, everyone)
    assert got["reason"] == "trainee_longest_waiting"
    assert got["backup_user_id"] is None
    assert trainee.end(youth.chat_id).status_code == 200
    assert trainee.register(youth.chat_id).status_code == 201
    trainee.available()

    revoked = cast.post(
        "supervisor_same", f"/trainees/{trainee.id}/signoff/revoke", {"reason": "opnieuw"}
    )
    assert revoked.status_code == 200, revoked.text
    outsider.available()
    everyone.append(outsider)
    youth = w.youth()
    everyone.append(youth)
    got = _assigned(youth, outsider, everyone)
    assert got["passed_over"] == {str(trainee.id): "no_backup_available"}


def test_a_promoted_trainee_is_no_backup_until_an_admin_lifts_it(w: ChatWorld) -> None:
    cast = make_cast(w.client)
    token = admin_token(w.client)
    former = cast.add("former_trainee", "a", ["trainee"])
    promoted = w.client.patch(
        f"/api/v1/admin/users/{former['id']}",
        json={"version": former["version"], "roles": ["helper"]},
        headers=auth(token),
    )
    assert promoted.status_code == 200, promoted.text
    trainee = _member(w, cast.users["trainee_self"]["username"])
    helper = _member(w, former["username"])
    helper.available()
    trainee.available()  # the trainee waits shorter, the helper is the only one else
    everyone: list[Any] = [trainee, helper]

    youth = w.youth()
    everyone.append(youth)
    got = _assigned(youth, helper, everyone)
    assert got["reason"] == "helper_no_trainee_free"
    assert got["passed_over"] == {str(trainee.id): "no_backup_available"}
    assert helper.end(youth.chat_id).status_code == 200
    assert helper.register(youth.chat_id).status_code == 201

    lifted = w.client.put(
        f"/api/v1/supervision/staff/{former['id']}/may-supervise",
        json={"may_supervise": True},
        headers=auth(token),
    )
    assert lifted.status_code == 200, lifted.text
    helper.available()
    youth = w.youth()
    everyone.append(youth)
    got = _assigned(youth, trainee, everyone)
    assert got["reason"] == "trainee_longest_waiting"
    assert got["backup_user_id"] == helper.id
