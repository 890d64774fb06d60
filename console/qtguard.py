"""A guard against PySide6 6.12.0 dropping references to True, False and None.

PySide6 6.12.0 drops one reference to `True` (and in some paths `None`) each time a
signal reaches a Python slot. On Python 3.11 those objects are reference counted like any
other, so after enough deliveries (a few thousand in the test suite; minutes to hours in
a console with clocks and models updating) the interpreter frees `True` and aborts with
"bool_dealloc". Python 3.12 made these objects immortal, which ends the problem; on 3.11
we do the same by hand: their counts are raised far beyond anything a session could drop.
`tests/unit/test_qt_refcount.py` proves a console process survives the bug.
Remove when PySide6 fixes it (the test then shows no drift) or Python 3.12 is the minimum.
"""

from __future__ import annotations

import ctypes
import sys

#: 2**40 references: at a million dropped a second, about 12 days of continuous use.
_MARGIN = 1 << 40
_done = False


def immortalize_singletons() -> None:
    """Raise the reference counts of True, False and None (once; nothing on 3.12+)."""
    global _done
    if _done or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for singleton in (True, False, None):
        # ob_refcnt is the object's first field (a Py_ssize_t) in CPython's layout.
        count = ctypes.c_ssize_t.from_address(id(singleton))
        count.value += _MARGIN
    _done = True
