"""Widgets, dialogs and Qt item models. No HTTP and no SQL here: the UI talks to services."""
