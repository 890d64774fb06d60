"""Widgets, dialogs and Qt item models. No HTTP and no SQL here: the UI talks to services."""

from console.qtguard import immortalize_singletons

# Every Qt user in this code base imports this package first (see console/qtguard.py).
immortalize_singletons()
