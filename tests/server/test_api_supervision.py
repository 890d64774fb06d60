"""Readiness records, reviews, sign-off and intervision notes over the real server, on
each backend (the session's demo server, in fresh institutions per test)."""

from __future__ import annotations

import concurrent.futures
import threading
from typing import Any

from console.domain.readiness import DEFAULT_RULE
from tests.support.api import admin_token, auth
from tests.support.chat import all_values, query
from tests.support.servers import RunningServer
from tests.support.supervision import (
    Cast,
    chat_ref,
    make_cast,
    make_ready,
    record_shifts,
    scores,
)

TS, TO, HS, HO = "trainee_self", "trainee_other", "helper_same", "helper_other"
SS, SO, PL, CO = "supervisor_same", "supervisor_other", "project_lead", "coordinator"


def _record(cast: Cast, who: str = TS) -> dict[str, Any]:
    answer = cast.get(who, f"/trainees/{cast.id(TS)}")
    assert answer.status_code == 200, answer.text
    data: dict[str, Any] = answer.json()
    return data


def _needs_backup(server: RunningServer, user_id: int) -> bool:
    rows = query(server, "SELECT needs_backup FROM staff_status WHERE user_id = :u", u=user_id)
    return bool(rows[0]["needs_backup"])


def test_supervised_shifts_count_only_with_a_professional_of_the_same_institution(
    server: RunningServer,
) -> None:
    with server.client(timeout=20) as client:
        cast = make_cast(client)
        t = cast.id(TS)
        url = f"/trainees/{t}/sittings"

        def sit(day: str, block: int, who: str) -> dict[str, Any]:
            answer = cast.post(
                SS, url, {"day": day, "block": block, "professional_id": cast.id(who)}
            )
            assert answer.status_code in {200, 201}, answer.text
            data: dict[str, Any] = answer.json()
            return data

        first = sit("2026-01-05", 0, HS)
        assert first["counts"] is True and first["supervised_shifts"] == 1
        again = cast.post(
            SS, url, {"day": "2026-01-05", "block": 0, "professional_id": cast.id(HS)}
        )
        assert again.status_code == 200 and again.json()["supervised_shifts"] == 1
        # Two professionals in one block: still one shift.
        assert sit("2026-01-05", 0, SS)["supervised_shifts"] == 1
        # A helper of another institution, or another trainee, does not make it supervised.
        assert sit("2026-01-06", 0, HO) == {**sit("2026-01-06", 0, HO), "counts": False}
        assert sit("2026-01-06", 1, TO)["counts"] is False
        assert sit("2026-01-06", 1, TO)["supervised_shifts"] == 1
        # A helper promoted from trainee may not supervise: their shifts do not count.
        promoted = cast.add("promoted", "a", ["trainee"])
        token = admin_token(client)
        patched = client.patch(
            f"/api/v1/admin/users/{promoted['id']}",
            json={"version": promoted["version"], "roles": ["helper"]},
            headers=auth(token),
        )
        assert patched.status_code == 200, patched.text
        assert sit("2026-01-07", 0, "promoted")["counts"] is False
        lifted = client.put(
            f"/api/v1/supervision/staff/{promoted['id']}/may-supervise",
            json={"may_supervise": True},
            headers=auth(token),
        )
        assert lifted.status_code == 200 and lifted.json()["may_supervise"] is True
        assert sit("2026-01-07", 0, "promoted")["supervised_shifts"] == 2
        record = _record(cast)
        assert record["supervised_shifts"] == 2
        assert record["criteria"]["supervised_shifts"]["have"] == "2"
        # Bad input names the field and changes nothing.
        bad = cast.post(SS, url, {"day": "2026-01-08", "block": 0, "professional_id": 999999})
        assert bad.status_code == 422 and bad.json()["fields"][0]["field"] == "professional_id"
        assert (
            cast.post(SS, url, {"day": "nope", "block": 0, "professional_id": 1}).status_code == 422
        )
        assert _record(cast)["supervised_shifts"] == 2


def test_training_is_versioned_and_validated(server: RunningServer) -> None:
    with server.client(timeout=20) as client:
        cast = make_cast(client)
        url = f"/trainees/{cast.id(TS)}/training"
        body = {"kindertelefoon_date": "2026-01-02", "role_plays": 3, "binder_read": True}
        first = cast.put(SS, url, {**body, "version": 0})
        assert first.status_code == 200 and first.json()["version"] == 1
        assert _record(cast)["criteria"]["training"]["met"] is True
        stale = cast.put(SS, url, {**body, "role_plays": 1, "version": 0})
        assert stale.status_code == 409
        assert stale.json()["current"]["role_plays"] == 3
        wrong = cast.put(SS, url, {**body, "role_plays": -1, "version": 1})
        assert wrong.status_code == 422 and wrong.json()["fields"][0]["field"] == "role_plays"
        assert _record(cast)["training"]["role_plays"] == 3
        refresh = cast.put(SS, url, {**body, "refreshers": {"suïcide": "2026-02-01"}, "version": 1})
        assert refresh.status_code == 200
        assert _record(cast)["training"]["refreshers"] == {"suïcide": "2026-02-01"}
        observed = cast.post(
            SS, f"/trainees/{cast.id(TS)}/observations",
            {"chat_ref": chat_ref(), "level": 4, "strengths": "warm welkom", "points": "doel"},
        )  # fmt: skip
        assert observed.status_code == 201, observed.text
        bad_level = cast.post(
            SS, f"/trainees/{cast.id(TS)}/observations", {"chat_ref": chat_ref(), "level": 6}
        )
        assert bad_level.status_code == 422 and bad_level.json()["fields"][0]["field"] == "level"
        assert [o["level"] for o in _record(cast)["observations"]] == [4]


def test_reviews_not_by_the_own_supervisor_and_hidden_until_released(
    server: RunningServer,
) -> None:
    with server.client(timeout=20) as client:
        cast = make_cast(client)
        url = f"/trainees/{cast.id(TS)}/reviews"
        ref = chat_ref()
        own = cast.post(SS, url, {"chat_ref": ref, "scores": scores()})
        assert own.status_code == 403
        colleague = cast.post(HS, url, {"chat_ref": ref, "scores": scores()})
        assert colleague.status_code == 403
        partial = cast.post(HO, url, {"chat_ref": ref, "scores": {"written_tone": 5}})
        assert partial.status_code == 422
        messages = [f["message"] for f in partial.json()["fields"]]
        assert "score out of range 0-4: written_tone=5" in messages
        assert any(m.startswith("missing score: phase_") for m in messages)

        made = cast.post(HO, url, {"chat_ref": ref, "scores": scores(4), "comment": "Goed"})
        assert made.status_code == 201, made.text
        review = made.json()
        assert review["released"] is False and review["calibration"] is False
        assert cast.post(HO, url, {"chat_ref": ref, "scores": scores(4)}).status_code == 409
        # Not released: the trainee (and their supervisor) do not see it; it does not count.
        assert _record(cast)["reviews"] == []
        assert _record(cast, SS)["reviews"] == []
        assert _record(cast)["criteria"]["reviews"]["have"] == "0"
        assert review["id"] in {r["id"] for r in cast.get(HO, "/reviews").json()["reviews"]}
        # Only the reviewer releases it.
        assert cast.post(SO, f"/reviews/{review['id']}/release").status_code == 403
        released = cast.post(HO, f"/reviews/{review['id']}/release")
        assert released.status_code == 200 and released.json()["released"] is True
        seen = _record(cast)["reviews"]
        assert [(r["id"], r["counted"], r["comment"]) for r in seen] == [
            (review["id"], True, "Goed")
        ]
        # A second reviewer of the same chat calibrates: shown, never counted twice.
        second = cast.post(SO, url, {"chat_ref": ref, "scores": scores(2)})
        assert second.status_code == 201 and second.json()["calibration"] is True
        cast.post(SO, f"/reviews/{second.json()['id']}/release")
        record = _record(cast)
        assert [r["counted"] for r in record["reviews"]] == [True, False]
        assert record["criteria"]["reviews"]["have"] == "1"
        assert record["criteria"]["reviews"]["average"] == "4"
        assert cast.post(HO, "/reviews/999999/release").status_code == 404


def test_signoff_refused_until_ready_then_drives_the_backup_flag(server: RunningServer) -> None:
    with server.client(timeout=20) as client:
        cast = make_cast(client)
        t = cast.id(TS)
        refused = cast.post(SS, f"/trainees/{t}/signoff", {"remark": "te vroeg"})
        assert refused.status_code == 409
        body = refused.json()
        assert body["error"] == "not_ready"
        assert set(body["unmet"]) == {"training", "supervised_shifts", "reviews", "intervision"}
        assert body["criteria"]["supervised_shifts"] == {
            "met": False, "have": "0", "need": str(DEFAULT_RULE.supervised_shifts), "detail": []
        }  # fmt: skip
        # Partly ready: only what is still missing is unmet.
        record_shifts(cast, TS, HS, DEFAULT_RULE.supervised_shifts)
        partly = cast.post(SS, f"/trainees/{t}/signoff", {})
        assert partly.status_code == 409
        assert "supervised_shifts" not in partly.json()["unmet"]
        assert _record(cast)["stage"] == "in_training"
        assert _record(cast)["signoff"] is None

        make_ready(cast)
        assert _record(cast)["stage"] == "ready"
        assert cast.post(SO, f"/trainees/{t}/signoff", {}).status_code == 403
        signed = cast.post(
            SS, f"/trainees/{t}/signoff", {"remark": "Zelfstandig", "review_date": "2026-09-01"}
        )
        assert signed.status_code == 201, signed.text
        data = signed.json()
        assert data["remark"] == "Zelfstandig" and data["review_date"] == "2026-09-01"
        assert all(c["met"] for c in data["criteria"].values())
        assert _needs_backup(server, t) is False
        assert _record(cast)["stage"] == "signed_off"
        twice = cast.post(SS, f"/trainees/{t}/signoff", {})
        assert twice.status_code == 409 and twice.json()["reason"] == "signed_off"

        assert cast.post(SS, f"/trainees/{t}/signoff/revoke", {"reason": ""}).status_code == 422
        revoked = cast.post(SS, f"/trainees/{t}/signoff/revoke", {"reason": "Crisis niet goed"})
        assert revoked.status_code == 200, revoked.text
        assert revoked.json()["revoke_reason"] == "Crisis niet goed"
        assert _needs_backup(server, t) is True
        record = _record(cast)
        assert record["signoff"] is None and record["stage"] == "ready"
        assert len(record["signoffs"]) == 1
        again = cast.post(SS, f"/trainees/{t}/signoff/revoke", {"reason": "x"})
        assert again.status_code == 409


def test_overview_counts_stages_without_names(server: RunningServer) -> None:
    with server.client(timeout=20) as client:
        cast = make_cast(client)
        make_ready(cast)
        assert cast.post(SS, f"/trainees/{cast.id(TS)}/signoff", {}).status_code == 201
        for who in (PL, CO):
            answer = cast.get(who, "/overview")
            assert answer.status_code == 200
            mine = [
                i
                for i in answer.json()["institutions"]
                if i["institution_id"] == cast.institutions["a"]["id"]
            ]
            assert mine == [
                {
                    "institution_id": cast.institutions["a"]["id"],
                    "name": cast.institutions["a"]["name"],
                    "trainees": 2,
                    "stages": {
                        "in_training": 1,
                        "gathering_shifts": 0,
                        "reviews": 0,
                        "ready": 0,
                        "signed_off": 1,
                    },
                }
            ]
            text = answer.text
            for person in (TS, TO):
                assert cast.users[person]["display_name"] not in text
                assert cast.users[person]["username"] not in text


def test_intervision_notes_confidential_masked_sealed_and_audited(server: RunningServer) -> None:
    with server.client(timeout=20) as client:
        cast = make_cast(client)
        t, hs = cast.id(TS), cast.id(HS)
        # Across institutions: trainee_self (a) and helper_other (b), organised by b.
        meeting = cast.post(
            SO, "/meetings",
            {"day": "2026-04-01", "method": "incident", "participants": [t, cast.id(HO)]},
        )  # fmt: skip
        assert meeting.status_code == 201, meeting.text
        m = meeting.json()["id"]
        incomplete = cast.post(TS, f"/meetings/{m}/notes", {"case": "Alleen de casus"})
        assert incomplete.status_code == 422
        assert {f["field"] for f in incomplete.json()["fields"]} == {
            "question", "questions_and_advice", "approach"
        }  # fmt: skip
        secret_case = "Casus over pesten op school, geheim-woord-XYZ"
        fragment = "ik ben Sarah, bel me op 06-12345678 of mail sarah@example.nl"
        body = {
            "case": secret_case,
            "question": "Hoe begrens ik?",
            "questions_and_advice": "Vragen en adviezen",
            "approach": "Aanpak",
            "action_items": [{"text": "Protocol lezen", "owner_id": t, "due": "2026-04-15"}],
            "quotes": [{"chat_ref": "chat-abc", "text": fragment, "names": ["Sarah"]}],
        }
        made = cast.post(TS, f"/meetings/{m}/notes", body)
        assert made.status_code == 201, made.text
        note = made.json()
        quoted = note["quotes"][0]["text"]
        assert "06-12345678" not in quoted and "sarah@example.nl" not in quoted
        assert "Sarah" not in quoted and "[telefoon]" in quoted and "[e-mail]" in quoted
        n = note["id"]

        # Stored sealed: neither the case nor the quote appears anywhere in the database.
        everything = all_values(server)
        assert not any(secret_case in v for values in everything.values() for v in values)
        assert not any("geheim-woord-XYZ" in v for values in everything.values() for v in values)
        sealed = query(server, "SELECT sealed FROM intervision_notes WHERE id = :n", n=n)
        assert sealed[0]["sealed"].startswith("gAAAA")  # a Fernet token

        # Readers: participants and supervisors of their institutions; nobody else.
        readers = {TS: 200, HO: 200, SO: 200, SS: 200, HS: 403, TO: 403, PL: 403, CO: 403}
        for who, status in readers.items():
            got = cast.get(who, f"/notes/{n}")
            assert got.status_code == status, f"{who}: {got.status_code}"
            if status == 200:
                assert got.json()["case"] == secret_case
        assert cast.get("admin", f"/notes/{n}").status_code == 403
        assert cast.get("helpdesk", f"/notes/{n}").status_code == 403
        listed = cast.get(SS, f"/meetings/{m}/notes")
        assert listed.status_code == 200 and [x["id"] for x in listed.json()["notes"]] == [n]

        # The audit: every read, visible to the author only.
        reads = cast.get(TS, f"/notes/{n}/reads")
        assert reads.status_code == 200
        assert [r["user_id"] for r in reads.json()["reads"]] == [
            cast.id(TS), cast.id(HO), cast.id(SO), cast.id(SS), cast.id(SS)
        ]  # fmt: skip
        for who in (HO, SS, SO):
            assert cast.get(who, f"/notes/{n}/reads").status_code == 403

        # Only the author edits, against the version read; a stale edit answers 409.
        edit = {**body, "case": "Bijgewerkt", "version": 1}
        assert cast.put(HO, f"/meetings/{m}/notes/{n}", edit).status_code == 403
        assert cast.put(TS, f"/meetings/{m}/notes/{n}", edit).status_code == 200
        stale = cast.put(TS, f"/meetings/{m}/notes/{n}", edit)
        assert stale.status_code == 409 and stale.json()["current"]["case"] == "Bijgewerkt"
        # Only participants write notes (a supervisor of their institution reads only).
        assert cast.post(SS, f"/meetings/{m}/notes", body).status_code == 403

        # Attendance counts for the readiness rule; non-participants are refused.
        v = meeting.json()["version"]
        strangers = cast.put(SO, f"/meetings/{m}/attendance", {"attended": [hs], "version": v})
        assert strangers.status_code == 422
        taken = cast.put(SO, f"/meetings/{m}/attendance", {"attended": [t], "version": v})
        assert taken.status_code == 200
        assert (
            cast.put(SO, f"/meetings/{m}/attendance", {"attended": [], "version": v}).status_code
            == 409
        )
        assert _record(cast)["intervisions_attended"] == 1
        assert m in {x["id"] for x in cast.get(SS, "/meetings").json()["meetings"]}
        assert m not in {x["id"] for x in cast.get(TO, "/meetings").json()["meetings"]}


def test_a_note_sent_twice_from_the_outbox_is_stored_once(server: RunningServer) -> None:
    """The console's outbox may send a note again after a lost answer, or twice at once."""
    with server.client(timeout=20) as client:
        cast = make_cast(client)
        t = cast.id(TS)
        meeting = cast.post(
            SS, "/meetings", {"day": "2026-05-01", "method": "balint", "participants": [t]}
        )
        assert meeting.status_code == 201, meeting.text
        m = meeting.json()["id"]
        body = {
            "case": "Een casus uit de wachtrij",
            "question": "Wat nu?",
            "questions_and_advice": "Rondes",
            "approach": "Aanpak",
            "quotes": [{"chat_ref": "chat-q1", "text": "bel 06-12345678", "names": []}],
        }
        first = cast.put(TS, f"/meetings/{m}/notes/txn/note-txn-0001", body)
        assert first.status_code == 201, first.text
        again = cast.put(TS, f"/meetings/{m}/notes/txn/note-txn-0001", body)
        assert again.status_code == 200, again.text
        assert again.json()["id"] == first.json()["id"]
        assert "[telefoon]" in again.json()["quotes"][0]["text"]
        # The same txn in another meeting is a mistake, not a repeat.
        other = cast.post(
            SS, "/meetings", {"day": "2026-05-02", "method": "free", "participants": [t]}
        ).json()["id"]
        clash = cast.put(TS, f"/meetings/{other}/notes/txn/note-txn-0001", body)
        assert clash.status_code == 409
        # A hostile txn id is refused before anything is stored.
        assert cast.put(TS, f"/meetings/{m}/notes/txn/x;drop", body).status_code == 422
        # Only participants write, as with POST; a refused send stores nothing.
        assert cast.put(HS, f"/meetings/{m}/notes/txn/note-txn-0002", body).status_code == 403

        # Two sends racing: exactly one note.
        barrier = threading.Barrier(2)

        def send(_: int) -> int:
            with server.client(timeout=20) as own:
                barrier.wait()
                answer = own.put(
                    f"/api/v1/supervision/meetings/{m}/notes/txn/note-txn-race",
                    json=body,
                    headers=cast.headers[TS],
                )
                return answer.status_code

        with concurrent.futures.ThreadPoolExecutor(2) as pool:
            codes = sorted(pool.map(send, range(2)))
        assert codes == [200, 201]
        rows = query(
            server,
            "SELECT COUNT(*) AS n FROM intervision_notes WHERE author_id = :a AND meeting_id = :m",
            a=t,
            m=m,
        )
        assert rows[0]["n"] == 2  # note-txn-0001 and note-txn-race, once each


def _meet(cast: Cast, by: str, day: str, people: list[str], own: bool) -> int:
    body: dict[str, Any] = {
        "day": day,
        "method": "free",
        "participants": [cast.id(p) for p in people],
    }
    if own:
        body["institution_id"] = cast.users[by]["institution_id"]
    made = cast.post(by, "/meetings", body)
    assert made.status_code == 201, made.text
    return int(made.json()["id"])


def _note(cast: Cast, who: str, meeting: int, **parts: Any) -> int:
    made = cast.post(who, f"/meetings/{meeting}/notes", {"case": "Casus", **parts})
    assert made.status_code == 201, made.text
    return int(made.json()["id"])


def _readers(cast: Cast, author: str, note: int) -> list[int]:
    answer = cast.get(author, f"/notes/{note}/reads")
    assert answer.status_code == 200, answer.text
    return [r["user_id"] for r in answer.json()["reads"]]


def test_the_previous_meetings_follow_ups_for_those_who_may_read_them_audited(
    server: RunningServer,
) -> None:
    with server.client(timeout=20) as client:
        cast = make_cast(client)
        t, to = cast.id(TS), cast.id(TO)
        item = {"text": "Protocol lezen", "owner_id": t, "due": "2026-06-20"}
        # Institution a: three meetings; the latest earlier one is "previous".
        oldest = _meet(cast, SS, "2026-05-01", [TS], own=True)
        _note(cast, TS, oldest, follow_up="Oude afspraak")
        before = _meet(cast, SS, "2026-06-01", [TS, HS], own=True)
        kept = _note(cast, TS, before, follow_up="Terugkoppelen aan de groep", action_items=[item])
        silent = _note(cast, HS, before)  # nothing due next time: not shown, not read
        now = _meet(cast, SS, "2026-06-08", [TS, TO], own=True)

        plain = cast.get(TS, f"/meetings/{now}")
        assert plain.status_code == 200 and "previous" not in plain.json()
        assert cast.get(TS, "/meetings").status_code == 200
        assert _readers(cast, TS, kept) == []  # looking at meetings reads no note

        shown = cast.get(TS, f"/meetings/{now}", params={"with_previous": "true"})
        assert shown.status_code == 200, shown.text
        previous = shown.json()["previous"]
        assert previous["id"] == before and previous["day"] == "2026-06-01"
        assert previous["follow_ups"] == [
            {"note_id": kept, "author_id": t, "follow_up": "Terugkoppelen aan de groep",
             "action_items": [item]}
        ]  # fmt: skip
        assert _readers(cast, TS, kept) == [t]
        assert _readers(cast, HS, silent) == []
        # The institution's supervisor reads it too (and it is recorded).
        by_supervisor = cast.get(SS, f"/meetings/{now}", params={"with_previous": "true"})
        assert by_supervisor.json()["previous"]["id"] == before
        assert _readers(cast, TS, kept) == [t, cast.id(SS)]
        # A participant of this meeting who was not at the previous one sees nothing of it.
        newcomer = cast.get(TO, f"/meetings/{now}", params={"with_previous": "true"})
        assert newcomer.status_code == 200 and newcomer.json()["previous"] is None
        # Strangers are refused the meeting itself; nothing is recorded for them.
        for who in (HS, HO, SO, PL, CO, "admin", "helpdesk"):
            refused = cast.get(who, f"/meetings/{now}", params={"with_previous": "true"})
            assert refused.status_code == 403, f"{who}: {refused.status_code}"
        assert to not in _readers(cast, TS, kept)
        assert _readers(cast, TS, kept) == [t, cast.id(SS)]
        # The first meeting has no previous one.
        first = cast.get(TS, f"/meetings/{oldest}", params={"with_previous": "true"})
        assert first.json()["previous"] is None
        assert cast.get(TS, f"/meetings/{now}", params={"with_previous": "x"}).status_code == 422

        # Across institutions: the latest earlier one sharing a participant.
        across = _meet(cast, SO, "2026-06-01", [TS, HO], own=False)
        theirs = _note(cast, HO, across, follow_up="Casus nabespreken")
        _meet(cast, SS, "2026-06-09", [TO], own=False)  # later, shares nobody with `again`
        again = _meet(cast, SO, "2026-06-10", [HO], own=False)
        seen = cast.get(HO, f"/meetings/{again}", params={"with_previous": "true"})
        assert seen.status_code == 200, seen.text
        assert seen.json()["previous"]["id"] == across
        assert [f["note_id"] for f in seen.json()["previous"]["follow_ups"]] == [theirs]
        assert _readers(cast, HO, theirs) == [cast.id(HO)]
        assert cast.get(SS, f"/meetings/{again}").status_code == 403
