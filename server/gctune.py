"""The garbage collector of a serving worker, tuned for short pauses.

CPython's cyclic collector stops the whole worker while it runs. With 200 chats (400
long-polls or streams held open) a worker holds some 300,000 tracked objects; a full
collection of them took 165-750 ms on the two-core bench machine and came every 5-25 s,
and every message in flight waited for it (bench/chat_latency.py, docs/performance.md).

Once the worker has started, `settle` therefore
- collects once and freezes what is left (`gc.freeze`): the modules, routes, compiled
  queries and settings live as long as the process, so no later collection walks them;
- raises the young generation's threshold from 700 to `young` allocations (default
  10,000) and the older two from 10 to 20: fewer collections, so fewer objects of a held
  request survive into the oldest generation, and full collections become rare.

Nothing is switched off: cycles are still found, only less often; the 30-minute soak
checks that memory stays flat with these settings. Objects frozen at start-up that later
become cyclic garbage are never collected; at start-up they are the application itself.
"""

from __future__ import annotations

import gc
import logging
import time

log = logging.getLogger(__name__)

#: Python's default is 700.
DEFAULT_YOUNG_THRESHOLD = 10_000
OLDER_THRESHOLDS = (20, 20)


def settle(young: int) -> None:
    """Freeze what start-up built and set the thresholds (call once, after start-up)."""
    if young <= 0:
        raise ValueError("the young-generation threshold must be positive")
    started = time.perf_counter()
    gc.collect()
    gc.freeze()
    gc.set_threshold(young, *OLDER_THRESHOLDS)
    log.info(
        "garbage collector: %d start-up objects frozen in %.0f ms; thresholds %s",
        gc.get_freeze_count(),
        (time.perf_counter() - started) * 1000,
        gc.get_threshold(),
    )
