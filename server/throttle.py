"""Login throttling.

Per account (stored in the users row): after 5 failures within 15 minutes the account is
locked for 1 minute, and each further failure doubles that, up to 15 minutes.
Per client address (this worker's memory only; the address is never stored): after 20
failures within 15 minutes the address is refused until its failures age out.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from datetime import datetime, timedelta

WINDOW = timedelta(minutes=15)
ACCOUNT_FAILURES = 5
ACCOUNT_MAX_LOCK = timedelta(minutes=15)
CLIENT_FAILURES = 20
CLIENT_MAX_TRACKED = 100_000


def account_failure(
    failed_logins: int, last_failed_at: datetime | None, now: datetime
) -> tuple[int, datetime | None]:
    """After one more failure: the new failure count and the lock end (or None)."""
    if last_failed_at is None or now - last_failed_at > WINDOW:
        failed_logins = 0
    failed_logins += 1
    if failed_logins < ACCOUNT_FAILURES:
        return failed_logins, None
    lock = timedelta(minutes=2 ** (failed_logins - ACCOUNT_FAILURES))
    return failed_logins, now + min(lock, ACCOUNT_MAX_LOCK)


def seconds_until(moment: datetime, now: datetime) -> int:
    return max(1, math.ceil((moment - now).total_seconds()))


class ClientThrottle:
    """Failed logins per client address, in memory, in a sliding window."""

    def __init__(
        self, limit: int = CLIENT_FAILURES, window: float = WINDOW.total_seconds()
    ) -> None:
        self.limit = limit
        self.window = window
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def retry_after(self, address: str, now: float | None = None) -> int | None:
        """Seconds until `address` may try again, or None when it may try now."""
        now = time.monotonic() if now is None else now
        with self._lock:
            times = self._failures.get(address)
            if times is None:
                return None
            self._expire(address, times, now)
            if len(times) < self.limit:
                return None
            return max(1, math.ceil(times[-self.limit] + self.window - now))

    def failed(self, address: str, now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        with self._lock:
            if len(self._failures) >= CLIENT_MAX_TRACKED:
                self._sweep(now)
            times = self._failures.setdefault(address, deque())
            times.append(now)
            while len(times) > self.limit:
                times.popleft()

    def _expire(self, address: str, times: deque[float], now: float) -> None:
        while times and times[0] <= now - self.window:
            times.popleft()
        if not times:
            del self._failures[address]

    def _sweep(self, now: float) -> None:
        for address in list(self._failures):
            self._expire(address, self._failures[address], now)
        if len(self._failures) >= CLIENT_MAX_TRACKED:  # still full: forget the oldest
            oldest = min(self._failures, key=lambda a: self._failures[a][-1])
            del self._failures[oldest]
