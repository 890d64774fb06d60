"""sqlite-utils, imported without its optional pandas and numpy support.

sqlite-utils imports pandas and numpy whenever they are installed, to accept data frames
we never pass. They are not the console's dependencies, but a developer's environment
has them (OR-Tools on the server side needs pandas), and importing them costs the
console a noticeable part of its start-up. So they are blocked for the duration of this
one import; anything else in the process can still import them afterwards.
"""

from __future__ import annotations

import sys

_blocked = [name for name in ("pandas", "numpy") if name not in sys.modules]
for _name in _blocked:
    sys.modules[_name] = None  # type: ignore[assignment]  # "import X" now raises ImportError
try:
    import sqlite_utils
finally:
    for _name in _blocked:
        if sys.modules.get(_name, 0) is None:
            del sys.modules[_name]

__all__ = ["sqlite_utils"]
