import random

from hypothesis import given
from hypothesis import strategies as st

from console.domain.backoff import Backoff


@given(st.integers(min_value=0, max_value=200), st.integers(min_value=0, max_value=2**32))
def test_delay_is_within_zero_and_the_capped_ceiling(attempt, seed):
    backoff = Backoff(base=0.5, cap=30.0, attempt=attempt, rng=random.Random(seed))
    ceiling = backoff.ceiling()
    assert ceiling == min(30.0, 0.5 * 2**attempt)
    assert 0.0 <= backoff.next_delay() <= ceiling


def test_ceiling_grows_then_stays_at_the_cap_and_reset_starts_over():
    backoff = Backoff(base=0.5, cap=30.0, rng=random.Random(1))
    ceilings = []
    for _ in range(10):
        ceilings.append(backoff.ceiling())
        backoff.next_delay()
    assert ceilings[:7] == [0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 30.0]
    assert ceilings[7:] == [30.0, 30.0, 30.0]
    backoff.reset()
    assert backoff.ceiling() == 0.5


def test_jitter_spreads_a_crowd_of_consoles():
    delays = [Backoff(attempt=6, rng=random.Random(seed)).next_delay() for seed in range(200)]
    # Full jitter: a crowd reconnecting after the same outage does not come back together.
    assert len({round(d, 2) for d in delays}) > 150
    assert min(delays) < 5.0 < 25.0 < max(delays)
