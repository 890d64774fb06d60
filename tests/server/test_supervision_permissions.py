"""Who may call which supervision endpoint: every person of the cast against every
endpoint, on each backend. The table says exactly who gets 2xx; everyone else gets 403."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import httpx

from console.domain.readiness import DEFAULT_RULE
from tests.support.servers import RunningServer
from tests.support.supervision import PEOPLE, Cast, chat_ref, make_cast, make_ready, scores

TS, TO = "trainee_self", "trainee_other"
HS, HO = "helper_same", "helper_other"
SS, SO = "supervisor_same", "supervisor_other"
CO, PL, HD, AD = "coordinator", "project_lead", "helpdesk", "admin"
STAFF = {TS, TO, HS, HO, SS, SO}

Call = Callable[[Cast, str], httpx.Response]


def _rows(cast: Cast, ids: dict[str, int]) -> list[tuple[str, Call, set[str]]]:
    t = cast.id(TS)

    def training_version() -> int:
        return int(cast.get(SS, f"/trainees/{t}").json()["training"]["version"])

    def meeting_version() -> int:
        return int(cast.get(SS, f"/meetings/{ids['meeting']}").json()["version"])

    def note_version() -> int:
        return int(cast.get(HS, f"/notes/{ids['note']}").json()["version"])

    note = {"case": "Een jongere over school.", "quotes": []}
    rule = {
        "supervised_shifts": DEFAULT_RULE.supervised_shifts,
        "reviews": DEFAULT_RULE.reviews,
        "review_average": str(DEFAULT_RULE.review_average),
        "intervisions": DEFAULT_RULE.intervisions,
        "role_plays": DEFAULT_RULE.role_plays,
    }
    m, n = ids["meeting"], ids["note"]
    # (what, call, who gets 2xx)
    return [
        ("GET trainees", lambda c, w: c.get(w, "/trainees"), {SS, SO}),
        ("GET trainee", lambda c, w: c.get(w, f"/trainees/{t}"), {TS, SS}),
        (
            "PUT training",
            lambda c, w: c.put(
                w,
                f"/trainees/{t}/training",
                {
                    "national_date": "2026-01-02",
                    "national_trainer": "T",
                    "version": training_version(),
                },
            ),
            {SS},
        ),
        (
            "POST observation",
            lambda c, w: c.post(
                w, f"/trainees/{t}/observations", {"chat_ref": chat_ref(), "level": 3}
            ),
            {SS},
        ),
        (
            "POST sitting",
            lambda c, w: c.post(
                w,
                f"/trainees/{t}/sittings",
                {"day": "2025-06-02", "block": 1, "professional_id": cast.id(HS)},
            ),
            {SS},
        ),
        (
            "POST review",
            lambda c, w: c.post(
                w, f"/trainees/{t}/reviews", {"chat_ref": chat_ref(), "scores": scores(2)}
            ),
            {HO, SO},
        ),
        ("GET my reviews", lambda c, w: c.get(w, "/reviews"), {HS, HO, SS, SO}),
        ("GET review candidates", lambda c, w: c.get(w, "/review-candidates"), {HS, HO, SS, SO}),
        ("POST release", lambda c, w: c.post(w, f"/reviews/{ids['review']}/release"), {HO}),
        ("POST signoff", lambda c, w: c.post(w, f"/trainees/{t}/signoff", {"remark": "ok"}), {SS}),
        (
            "POST revoke",
            lambda c, w: c.post(w, f"/trainees/{t}/signoff/revoke", {"reason": "test"}),
            {SS},
        ),
        ("GET overview", lambda c, w: c.get(w, "/overview"), {CO, PL}),
        ("GET rule", lambda c, w: c.get(w, "/rule"), STAFF | {CO, PL}),
        (
            "PUT rule",
            lambda c, w: c.put(
                w, "/rule", {**rule, "version": c.get(PL, "/rule").json()["version"]}
            ),
            {PL},
        ),
        (
            "PUT may-supervise",
            lambda c, w: c.put(w, f"/staff/{cast.id(HS)}/may-supervise", {"may_supervise": True}),
            {AD},
        ),
        (
            "POST meeting",
            lambda c, w: c.post(
                w, "/meetings", {"day": "2026-03-03", "method": "free", "participants": [t]}
            ),
            {SS, SO},
        ),
        ("GET meetings", lambda c, w: c.get(w, "/meetings"), STAFF),
        ("GET meeting", lambda c, w: c.get(w, f"/meetings/{m}"), {TS, HS, SS}),
        (
            "PUT attendance",
            lambda c, w: c.put(
                w, f"/meetings/{m}/attendance", {"attended": [t], "version": meeting_version()}
            ),
            {SS},
        ),
        ("POST note", lambda c, w: c.post(w, f"/meetings/{m}/notes", note), {TS, HS, SS}),
        (
            "PUT note by txn",
            lambda c, w: c.put(w, f"/meetings/{m}/notes/txn/perm-{w}-{uuid.uuid4().hex}", note),
            {TS, HS, SS},
        ),
        ("GET notes", lambda c, w: c.get(w, f"/meetings/{m}/notes"), {TS, HS, SS}),
        ("GET note", lambda c, w: c.get(w, f"/notes/{n}"), {TS, HS, SS}),
        (
            "PUT note",
            lambda c, w: c.put(w, f"/meetings/{m}/notes/{n}", {**note, "version": note_version()}),
            {HS},
        ),
        ("GET note reads", lambda c, w: c.get(w, f"/notes/{n}/reads"), {HS}),
    ]


def _setup(cast: Cast) -> dict[str, int]:
    """A ready trainee, a review by helper_other, a meeting of trainee_self and
    helper_same organised by supervisor_same, and a note by helper_same."""
    make_ready(cast)
    t = cast.id(TS)
    review = cast.post(HO, f"/trainees/{t}/reviews", {"chat_ref": chat_ref(), "scores": scores()})
    assert review.status_code == 201, review.text
    meeting = cast.post(
        SS,
        "/meetings",
        {"day": "2026-03-02", "method": "free", "participants": [t, cast.id(HS)]},
    )
    assert meeting.status_code == 201, meeting.text
    note = cast.post(HS, f"/meetings/{meeting.json()['id']}/notes", {"case": "Casus"})
    assert note.status_code == 201, note.text
    return {
        "review": int(review.json()["id"]),
        "meeting": int(meeting.json()["id"]),
        "note": int(note.json()["id"]),
    }


def test_permission_matrix(server: RunningServer) -> None:
    with server.client(timeout=20) as client:
        cast = make_cast(client)
        ids = _setup(cast)
        results: dict[str, dict[str, int]] = {}
        wrong: list[str] = []
        for what, call, allowed in _rows(cast, ids):
            results[what] = {}
            for person in PEOPLE:
                answer = call(cast, person)
                status = answer.status_code
                results[what][person] = status
                if person in allowed and not 200 <= status < 300:
                    wrong.append(f"{what}: {person} got {status} ({answer.text[:160]})")
                if person not in allowed and status != 403:
                    wrong.append(f"{what}: {person} got {status}, not 403")
        assert wrong == [], "\n".join(wrong)
        # The other institution's supervisor lists only their own trainees.
        listed = cast.get(SO, "/trainees").json()["trainees"]
        assert cast.id(TS) not in {row["id"] for row in listed}
        # Review candidates: active trainees of the other institutions, never one's own.
        theirs = {row["id"]: row for row in cast.get(SO, "/review-candidates").json()["trainees"]}
        ours = {row["id"] for row in cast.get(SS, "/review-candidates").json()["trainees"]}
        assert {cast.id(TS), cast.id(TO)} <= set(theirs)
        assert theirs[cast.id(TS)]["institution_name"] == cast.institutions["a"]["name"]
        assert theirs[cast.id(TS)]["display_name"] == cast.users[TS]["display_name"]
        assert not {cast.id(TS), cast.id(TO)} & ours
        assert not {cast.id(p) for p in (HS, HO, SS, SO)} & (set(theirs) | ours)


def test_admin_manages_accounts_not_content(server: RunningServer) -> None:
    """An admin (and the helpdesk, and the project lead) get 403 on records and notes even
    for ids that exist; the record's own trainee reads it."""
    with server.client(timeout=20) as client:
        cast = make_cast(client)
        t = cast.id(TS)
        for who in (AD, HD, PL, CO):
            assert cast.get(who, f"/trainees/{t}").status_code == 403
            assert cast.get(who, "/meetings").status_code == 403
        record: dict[str, Any] = cast.get(TS, f"/trainees/{t}").json()
        assert record["id"] == t and record["stage"] == "in_training"
