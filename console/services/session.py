"""Login, token refresh and logout. The refresh token lives only in the OS keyring.

The access token stays in memory. With "remember me" the refresh token goes to the
keyring (Windows Credential Manager, macOS Keychain, Secret Service); without it, it is
kept in memory for this run only. Nothing secret is written to a settings file.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass
from typing import Any, Protocol

from console.domain.roles import Role, parse_roles
from console.services.errors import ApiError, TransportError, Unauthorized
from console.services.keyrings import KEYRING_SERVICE
from console.services.signals import Signal
from console.services.transport import Transport

log = logging.getLogger(__name__)


class KeyringLike(Protocol):
    def get_password(self, service_name: str, username: str) -> str | None: ...

    def set_password(self, service_name: str, username: str, password: str) -> None: ...

    def delete_password(self, service_name: str, username: str) -> None: ...


@dataclass(frozen=True)
class User:
    id: int
    username: str
    display_name: str
    roles: frozenset[Role]
    institution_id: int
    institution_code: str
    institution_name: str

    @classmethod
    def from_wire(cls, data: dict[str, Any]) -> User:
        inst = data.get("institution") or {}
        return cls(
            id=int(data["id"]),
            username=str(data["username"]),
            display_name=str(data.get("display_name") or data["username"]),
            roles=parse_roles(r for r in data.get("roles", []) if r in Role._value2member_map_),
            institution_id=int(inst.get("id", 0)),
            institution_code=str(inst.get("code", "")),
            institution_name=str(inst.get("name", "")),
        )


def _keyring_user(server_url: str, username: str) -> str:
    return f"{username}@{server_url.rstrip('/')}"


class Session:
    def __init__(self, transport: Transport, keyring: KeyringLike) -> None:
        self.transport = transport
        self.keyring = keyring
        self.user: User | None = None
        self._access: str | None = None
        self._refresh: str | None = None
        self._expires_at = 0.0
        self._remember = False
        self._refresh_lock = asyncio.Lock()
        #: The session cannot be renewed any more: the user must log in again.
        self.expired: Signal[[]] = Signal()
        transport.tokens = self

    def _key(self, username: str) -> str:
        """Where this user's refresh token for this server lives in the keyring."""
        return _keyring_user(self.transport.base_url, username)

    # TokenSource -------------------------------------------------------------
    def access_token(self) -> str | None:
        return self._access

    async def refresh_access_token(self) -> str | None:
        """Use the refresh token once, even when several requests ask at the same moment."""
        stale = self._access
        async with self._refresh_lock:
            if self._access != stale and self._access:
                return self._access  # someone else refreshed while we waited
            if not self._refresh:
                return None
            try:
                answer = await self.transport.call(
                    "POST",
                    "/session/refresh",
                    json_body={"refresh_token": self._refresh},
                    auth=False,
                )
            except Unauthorized:
                log.info("refresh token no longer accepted; login needed")
                self._forget_tokens()
                self.expired.emit()
                return None
            self._take(answer)
            return self._access

    # -------------------------------------------------------------------------
    @property
    def logged_in(self) -> bool:
        return self.user is not None and self._access is not None

    def _take(self, answer: dict[str, Any]) -> None:
        self._access = str(answer["access_token"])
        self._refresh = str(answer["refresh_token"])
        self._expires_at = time.monotonic() + float(answer.get("expires_in", 900))
        self.user = User.from_wire(answer["user"])
        if self._remember:
            self.keyring.set_password(
                KEYRING_SERVICE,
                self._key(self.user.username),
                self._refresh,
            )

    def _forget_tokens(self) -> None:
        if self.user is not None:
            try:
                self.keyring.delete_password(KEYRING_SERVICE, self._key(self.user.username))
            except Exception as exc:  # keyring backends raise their own types
                log.debug("nothing to delete in the keyring: %s", exc)
        self._access = None
        self._refresh = None

    async def login(self, username: str, password: str, remember: bool) -> User:
        self._remember = remember
        answer = await self.transport.call(
            "POST", "/session", json_body={"username": username, "password": password}, auth=False
        )
        if not remember:
            try:
                self.keyring.delete_password(KEYRING_SERVICE, self._key(username))
            except Exception as exc:
                log.debug("no remembered session to forget: %s", exc)
        self._take(answer)
        assert self.user is not None
        return self.user

    def has_remembered(self, username: str) -> bool:
        token = self.keyring.get_password(KEYRING_SERVICE, self._key(username))
        return bool(token)

    async def resume(self, username: str) -> User | None:
        """Log in with a remembered refresh token; None when there is none or it was revoked."""
        token = self.keyring.get_password(KEYRING_SERVICE, self._key(username))
        if not token:
            return None
        self._remember = True
        try:
            answer = await self.transport.call(
                "POST", "/session/refresh", json_body={"refresh_token": token}, auth=False
            )
        except Unauthorized:
            self.keyring.delete_password(KEYRING_SERVICE, self._key(username))
            return None
        self._take(answer)
        return self.user

    async def logout(self) -> None:
        try:
            if self._access:
                await self.transport.call("POST", "/session/logout")
        except (TransportError, ApiError) as exc:
            log.info("logout could not reach the server (%s); forgetting locally", exc)
        finally:
            self._forget_tokens()
            self.user = None

    async def change_password(self, current: str, new: str) -> None:
        await self.transport.call(
            "PUT", "/me/password", json_body={"current_password": current, "new_password": new}
        )
