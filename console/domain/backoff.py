"""Reconnect backoff: exponential with full jitter (AWS architecture blog, 2015)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field


@dataclass
class Backoff:
    """Delay before the n-th retry: uniform in [0, min(cap, base * 2**n)].

    Full jitter spreads a crowd of consoles that lost the same proxy at the same moment,
    so they do not all return at once.
    """

    base: float = 0.5
    cap: float = 30.0
    attempt: int = 0
    rng: random.Random = field(default_factory=random.Random)

    def ceiling(self) -> float:
        return float(min(self.cap, self.base * (2 ** min(self.attempt, 30))))

    def next_delay(self) -> float:
        delay = self.rng.uniform(0.0, self.ceiling())
        self.attempt += 1
        return delay

    def reset(self) -> None:
        self.attempt = 0
