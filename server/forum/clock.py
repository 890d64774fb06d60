"""The forum's clock: real UTC time, shifted by an offset that only tests set.

Screening rules depend on the time of day (round windows, claim lapse, the undo window,
missed rounds). Tests move this clock through `PUT /_test/forum/clock` (mounted only with
HULPMIX_TEST_ROUTES) instead of sleeping. The offset lives in this process's memory: the
tests run one worker.
"""

from __future__ import annotations

import threading
from datetime import datetime, timedelta

from server.db.tables import utcnow

_lock = threading.Lock()
_offset = timedelta(0)


def now() -> datetime:
    with _lock:
        offset = _offset
    return utcnow() + offset


def set_now(moment: datetime | None) -> datetime:
    """Make `now()` answer `moment` from here on (None: real time again)."""
    global _offset
    with _lock:
        _offset = timedelta(0) if moment is None else moment - utcnow()
    return now()
