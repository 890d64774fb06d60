from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from console.domain.routing import Candidate, Reason, StaffStatus, choose

T0 = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)


def person(uid, *, trainee=True, inst=1, status=StaffStatus.AVAILABLE, waited=0, active=0,
           capacity=1, needs_backup=False, can_back_up=None):  # fmt: skip
    return Candidate(
        user_id=uid,
        institution_id=inst,
        is_trainee=trainee,
        needs_backup=needs_backup,
        can_back_up=(not trainee) if can_back_up is None else can_back_up,
        status=status,
        active_chats=active,
        capacity=capacity,
        waiting_since=T0 - timedelta(minutes=waited),
    )


def test_longest_waiting_trainee_gets_it_before_any_helper():
    chosen = choose(
        [person(1, trainee=False, waited=90), person(2, waited=5), person(3, waited=20)]
    )
    assert chosen.user_id == 3 and chosen.reason is Reason.TRAINEE_LONGEST_WAITING


def test_a_helper_only_when_all_trainees_are_busy_or_away():
    chosen = choose(
        [
            person(1, active=1),
            person(2, status=StaffStatus.PAUSE, waited=60),
            person(3, trainee=False, waited=3),
            person(4, trainee=False, waited=9),
        ]
    )
    assert chosen.user_id == 4 and chosen.reason is Reason.HELPER_NO_TRAINEE_FREE
    assert chosen.passed_over == {1: "busy"}


def test_trainee_needing_backup_waits_for_a_helper_of_their_own_institution():
    alone = [person(1, needs_backup=True, inst=1, waited=50), person(9, trainee=False, inst=2)]
    chosen = choose(alone)
    assert chosen.user_id == 9  # the other institution's helper, not the unbacked trainee
    assert chosen.passed_over == {1: "no_backup_available"}
    backed = [*alone, person(5, trainee=False, inst=1, active=1)]  # busy, but present
    chosen = choose(backed)
    assert chosen.user_id == 1 and chosen.backup_user_id == 5


def test_a_promoted_helper_who_may_not_supervise_is_no_backup():
    chosen = choose(
        [person(1, needs_backup=True), person(2, trainee=False, can_back_up=False, active=1)]
    )
    assert chosen is None


def test_coming_back_from_a_break_puts_you_at_the_back_of_the_line():
    # waiting_since is reset when someone becomes available again: 0 minutes waited.
    assert choose([person(1, waited=0), person(2, waited=1)]).user_id == 2


def test_with_capacity_two_fewer_running_chats_go_first():
    chosen = choose([person(1, capacity=2, active=1, waited=60), person(2, capacity=2, waited=1)])
    assert chosen.user_id == 2


def test_nobody_available_means_no_assignment():
    assert (
        choose([person(1, status=StaffStatus.OFFLINE), person(2, trainee=False, active=1)]) is None
    )
    assert choose([]) is None


candidates = st.lists(
    st.builds(
        person,
        st.integers(1, 40),
        trainee=st.booleans(),
        inst=st.integers(1, 3),
        status=st.sampled_from(list(StaffStatus)),
        waited=st.integers(0, 120),
        active=st.integers(0, 2),
        capacity=st.integers(1, 2),
        needs_backup=st.booleans(),
        can_back_up=st.booleans(),
    ),
    max_size=12,
    unique_by=lambda c: c.user_id,
)


def eligible(c, everyone):
    if c.status is not StaffStatus.AVAILABLE or c.active_chats >= c.capacity:
        return False
    if c.is_trainee and c.needs_backup:
        return any(
            b.institution_id == c.institution_id
            and b.can_back_up
            and not b.is_trainee
            and b.status is StaffStatus.AVAILABLE
            for b in everyone
        )
    return True


@given(candidates, st.randoms())
def test_routing_rule_holds_for_any_staff_situation(people, rnd):
    chosen = choose(people)
    able = [c for c in people if eligible(c, people)]
    if not able:
        assert chosen is None
        return
    winner = next(c for c in people if c.user_id == chosen.user_id)
    assert eligible(winner, people)
    able_trainees = [c for c in able if c.is_trainee]
    assert winner.is_trainee == bool(able_trainees)
    pool = able_trainees or able
    best = min((c.active_chats, c.waiting_since, c.user_id) for c in pool)
    assert (winner.active_chats, winner.waiting_since, winner.user_id) == best
    shuffled = list(people)
    rnd.shuffle(shuffled)
    assert choose(shuffled) == chosen  # the order the server lists people in does not matter
