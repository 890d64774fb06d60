"""Hulpmix staff console: the desktop client (PySide6 + qasync)."""

__version__ = "0.1.0"
