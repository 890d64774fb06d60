"""Routing as a property, against the real server.

Hypothesis draws small populations from two institutions (who is available, in which
order, which trainees are signed off to chat without backup, how many youths arrive);
one long-lived server per backend serves every example, and each youth's chat must go
to exactly the person `console.domain.routing.choose` picks from the same facts, for the
same reason, with the same backup and the same passed-over trainees. Two rules are
checked on their own as well: never a trainee without backup present, never a helper
while a free trainee who may chat exists.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from console.domain.routing import Assignment, Candidate, Reason, StaffStatus, choose
from tests.support.api import auth, login
from tests.support.chat import BACKENDS, StaffMember, Youth, serve_fresh, until
from tests.support.servers import RunningServer

HELPERS = ["bascule.helper1", "bascule.helper2", "ggze.helper1", "ggze.helper2"]
TRAINEES = ["bascule.trainee1", "bascule.trainee2", "ggze.trainee1", "ggze.trainee2"]
PEOPLE = HELPERS + TRAINEES
T0 = datetime(2026, 1, 5, 16, 0, tzinfo=UTC)


@pytest.fixture(scope="module", params=BACKENDS)
def chat_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, dev_certs: Path
) -> Iterator[RunningServer]:
    yield from serve_fresh(request, tmp_path_factory, dev_certs)


@dataclass
class Population:
    """The eight chat people of two institutions, logged in once for every example."""

    client: httpx.Client
    members: dict[str, StaffMember]
    admin: dict[str, str]
    #: needs_backup as last set on the server, per trainee.
    needs_backup: dict[str, bool]

    def candidate(self, name: str, order: int, active: int, signed_off: set[str]) -> Candidate:
        user = self.members[name].user
        trainee = name in TRAINEES
        return Candidate(
            user_id=int(user["id"]),
            institution_id=int(user["institution"]["id"]),
            is_trainee=trainee,
            needs_backup=trainee and name not in signed_off,
            can_back_up=not trainee,
            status=StaffStatus.AVAILABLE,
            active_chats=active,
            capacity=1,
            waiting_since=T0 + timedelta(seconds=order),  # the order they became available
        )

    def set_backup(self, name: str, needs: bool) -> None:
        if self.needs_backup.get(name) == needs:
            return
        member = self.members[name]
        answer = self.client.put(
            f"/api/v1/staff/{member.id}/backup",
            json={"needs_backup": needs, "reason": "property test"},
            headers=self.admin,
        )
        assert answer.status_code == 200, answer.text
        self.needs_backup[name] = needs


@pytest.fixture(scope="module")
def population(chat_server: RunningServer) -> Iterator[Population]:
    with chat_server.client() as client:
        members = {name: StaffMember(client, name) for name in PEOPLE}
        for member in members.values():
            member.sync(0)
        admin = auth(login(client, "admin")["access_token"])
        yield Population(client, members, admin, {})


def _assignment_of(members: list[StaffMember], chat_id: int) -> dict[str, Any] | None:
    """The chat's `chat.assigned`, as the consoles of the available people receive it."""
    for member in members:
        member.sync()
    for member in members:
        found = member.assignment(chat_id)
        if found is not None:
            return found
    return None


def _check_rules(chosen: Candidate, candidates: list[Candidate]) -> None:
    """The two rules, independent of `choose`."""
    present_backups = {c.institution_id for c in candidates if c.can_back_up}

    def may_chat(c: Candidate) -> bool:
        return not c.needs_backup or c.institution_id in present_backups

    if chosen.is_trainee:
        assert may_chat(chosen), "a trainee without backup present got a chat"
    else:
        free = [c for c in candidates if c.is_trainee and c.active_chats < c.capacity]
        assert not [c for c in free if may_chat(c)], "a helper got it while a trainee was free"


def _compare(got: dict[str, Any] | None, want: Assignment | None) -> None:
    if want is None:
        assert got is None, f"nobody should have it, {got['user_id']} got it"  # type: ignore[index]
        return
    assert got is not None, f"{want.user_id} should have it, nobody got it"
    assert got["user_id"] == want.user_id
    assert got["reason"] == want.reason.value
    assert got["backup_user_id"] == want.backup_user_id
    assert got["passed_over"] == {str(k): v for k, v in want.passed_over.items()}
    assert got["handover"] is False


@settings(max_examples=15, deadline=None, database=None)
@given(
    order=st.lists(st.sampled_from(PEOPLE), unique=True, max_size=len(PEOPLE)),
    signed_off=st.sets(st.sampled_from(TRAINEES)),
    youths=st.integers(min_value=1, max_value=3),
)
@example(order=["ggze.trainee1", "bascule.helper2"], signed_off=set(), youths=1)
@example(
    order=["bascule.helper1", "ggze.trainee2", "bascule.trainee1", "bascule.trainee2"],
    signed_off=set(),
    youths=3,
)
@example(order=["ggze.trainee1", "ggze.helper2"], signed_off={"ggze.trainee1"}, youths=3)
def test_every_chat_goes_to_the_person_the_rule_picks(
    population: Population, order: list[str], signed_off: set[str], youths: int
) -> None:
    client = population.client
    for name in TRAINEES:
        population.set_backup(name, name not in signed_off)
    available = [population.members[name] for name in order]
    for member in available:
        member.available()
    active = dict.fromkeys(order, 0)
    started: list[Youth] = []
    taken: dict[int, StaffMember] = {}
    by_id = {population.members[name].id: population.members[name] for name in order}
    try:
        for _ in range(youths):
            for member in available:  # all of them present right now
                member.sync()
            candidates = [
                population.candidate(name, i, active[name], signed_off)
                for i, name in enumerate(order)
            ]
            want = choose(candidates)
            youth = Youth(client).start()
            started.append(youth)
            got = _assignment_of(available, youth.chat_id)
            _compare(got, want)
            if want is None:
                assert youth.position == 1
                assert youth.end().status_code == 200  # leave the queue for the next one
                continue
            assert youth.position == 0
            chosen = next(c for c in candidates if c.user_id == want.user_id)
            _check_rules(chosen, candidates)
            winner = by_id[want.user_id]
            until(lambda w=winner, y=youth: w.has(y.chat_id), alive=available)  # type: ignore[misc]
            taken[youth.chat_id] = winner
            for name in order:
                if population.members[name] is winner:
                    active[name] += 1
    finally:
        for chat_id, member in taken.items():
            assert member.end(chat_id).status_code == 200
            assert member.register(chat_id).status_code == 201
        for youth in started:
            youth.end()
        for member in available:
            member.offline()


@settings(max_examples=300, deadline=None, database=None)
@given(
    people=st.lists(
        st.tuples(
            st.booleans(),  # trainee
            st.integers(1, 2),  # institution
            st.booleans(),  # needs backup (trainees)
            st.sampled_from(list(StaffStatus)),
            st.integers(0, 2),  # running chats
            st.integers(1, 2),  # capacity
            st.integers(0, 120),  # minutes waiting
        ),
        max_size=8,
    )
)
def test_the_rule_itself_never_breaks_the_two_promises(
    people: list[tuple[bool, int, bool, StaffStatus, int, int, int]],
) -> None:
    """`choose` alone, over wider populations than the server run can afford."""
    candidates = [
        Candidate(
            user_id=uid,
            institution_id=inst,
            is_trainee=trainee,
            needs_backup=trainee and needs,
            can_back_up=not trainee,
            status=status,
            active_chats=running,
            capacity=capacity,
            waiting_since=T0 - timedelta(minutes=waited),
        )
        for uid, (trainee, inst, needs, status, running, capacity, waited) in enumerate(
            people, start=1
        )
    ]
    chosen = choose(candidates)
    present = [c for c in candidates if c.status is StaffStatus.AVAILABLE]
    free = [c for c in present if c.active_chats < c.capacity]
    backups = {c.institution_id for c in present if c.can_back_up}
    may_chat = [
        c for c in free if c.is_trainee and (not c.needs_backup or c.institution_id in backups)
    ]
    if chosen is None:
        assert not may_chat and not [c for c in free if not c.is_trainee]
        return
    person = next(c for c in candidates if c.user_id == chosen.user_id)
    assert person in free
    if person.is_trainee:
        assert person in may_chat
        assert chosen.reason is Reason.TRAINEE_LONGEST_WAITING
        # Longest waiting among those with the fewest running chats.
        best = min(may_chat, key=lambda c: (c.active_chats, c.waiting_since, c.user_id))
        assert person == best
        if not person.needs_backup:
            assert chosen.backup_user_id is None
        else:
            assert chosen.backup_user_id in {
                c.user_id
                for c in present
                if c.can_back_up and c.institution_id == person.institution_id
            }
    else:
        assert not may_chat
        assert chosen.reason is Reason.HELPER_NO_TRAINEE_FREE
    for uid, why in chosen.passed_over.items():
        passed = next(c for c in candidates if c.user_id == uid)
        assert passed.is_trainee and passed not in may_chat, (passed, why)
