"""The garbage collector of a serving worker, tuned for short pauses.

CPython's cyclic collector stops the whole worker while it runs, and a collection's cost
grows with the live objects it walks. With 200 chats a worker holds 400 long-polls or
streams open, each a stack of some 27 coroutines and ~300 objects (uvicorn, FastAPI's
middleware, our handler); every message ends one and starts the next. So:

- once the worker has started, `settle` collects once and freezes what is left
  (`gc.freeze`): the modules, routes, compiled queries and settings live as long as the
  process, so no later collection walks them;
- the young generation is collected every `young` net allocations (default 1,000;
  Python's 700). The count is allocations minus deallocations, and ended requests free as
  much as new ones allocate, so 5,000-20,000 objects were really there by then (at 50 chats);
- the middle generation's threshold is 0: it is collected at every second young
  collection, so the objects of a held request are walked at most twice and then rest in
  the oldest generation. The earlier (10,000, 20, 20) let held requests pile up in the
  young generations: ~80,000 objects at a collection, 50-85 ms each, every ~8 s;
- the oldest generation is collected after 1,000 middle collections (and, as always in
  CPython, only once a quarter of it is new). With 400 held requests living there such a
  full collection takes 130-250 ms; at 200 chats a middle collection comes every ~2 s, so
  this is one pause about every half hour. With 100 it came every few minutes, and the
  full collections showed in the latency figures. (Where chats start and end all the time
  with few held, as in the soak run, they come every few minutes but take 26-73 ms.)

Measured in docs/performance.md (bench/chat_latency.py, long-poll, N = 200): young
collections went from 50-85 ms every ~8 s to 10-40 ms every ~2 s, and the worker's loop
no longer stalled over 40 ms while messages flowed. Nothing is switched off: cycles are
still found; the soak run checks that memory stays flat with these settings. Objects
frozen at start-up that later become cyclic garbage are never collected; at start-up they
are the application itself.
"""

from __future__ import annotations

import gc
import logging
import time

log = logging.getLogger(__name__)

#: Python's default is 700.
DEFAULT_YOUNG_THRESHOLD = 1_000
#: The middle and oldest generations' thresholds (Python's default: 10, 10).
OLDER_THRESHOLDS = (0, 1000)


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
