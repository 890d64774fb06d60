"""A keyring that lives in memory: the fallback when the OS has none, and the tests' keyring.

Nothing in it survives the process, which is the point: without an OS keyring the console
remembers nothing rather than writing a secret to disk.
"""

from __future__ import annotations

#: The service name under which the console keeps its secrets in the OS keyring.
KEYRING_SERVICE = "Hulpmix console"


class MemoryKeyring:
    def __init__(self) -> None:
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service_name: str, username: str) -> str | None:
        return self.items.get((service_name, username))

    def set_password(self, service_name: str, username: str, password: str) -> None:
        self.items[(service_name, username)] = password

    def delete_password(self, service_name: str, username: str) -> None:
        self.items.pop((service_name, username), None)
