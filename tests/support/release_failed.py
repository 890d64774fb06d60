"""Release a failed test's locals when it fails, as a passing test's are when it returns.

pytest keeps the traceback of a failed test in `sys.last_traceback` (for post-mortem
debugging) until the next test's call phase begins, and the traceback's frames sit in
reference cycles beyond that. Those frames hold the test's locals: widgets, services, a
console logged in on a qasync loop that the `qloop` fixture has closed in the meantime.
They are freed whenever the cyclic collector runs, in the middle of an innocent test,
where Qt objects dying can crash the interpreter: the likeliest reason why one failure on
CI was followed by a segfault in the next test and nothing more was printed. Here the
failed test's frames are cleared right after its report is written, so its locals go
before its own fixtures are torn down, as on success.

Python 3.11's `frame.clear()` leaves the snapshot dict of a frame's locals (made when
pytest reads `f_locals` for `__tracebackhide__`) holding everything, so that dict is
emptied too; chained exceptions (`raise ... from`, a timeout around a cancelled task)
carry frames of their own and are walked as well.

Off under `--pdb`, which wants those frames.
"""

from __future__ import annotations

import contextlib
import inspect
import sys
from collections.abc import Generator
from types import TracebackType

import pytest

_LAST = ("last_type", "last_value", "last_traceback", "last_exc")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield  # the failure's text is formatted by now
    if call.excinfo is not None and not item.config.getoption("usepdb", False):
        release(call.excinfo.value)
        for name in _LAST:
            if hasattr(sys, name):
                delattr(sys, name)
    return report


def release(error: BaseException) -> None:
    """Drop what the frames of `error`'s tracebacks (and its chained errors') hold."""
    seen: set[int] = set()
    pending: list[BaseException | None] = [error]
    while pending:
        current = pending.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        _clear(current.__traceback__)
        pending += [current.__cause__, current.__context__]
        if isinstance(current, BaseExceptionGroup):
            pending += list(current.exceptions)


def _clear(tb: TracebackType | None) -> None:
    while tb is not None:
        frame = tb.tb_frame
        try:
            frame.clear()
        except RuntimeError:  # still running: not ours to clear
            pass
        else:
            if frame.f_code.co_flags & inspect.CO_OPTIMIZED:  # a function's, not a module's
                with contextlib.suppress(Exception):
                    frame.f_locals.clear()
        tb = tb.tb_next
