"""Following up the referrals made from chats, without Qt.

`GET /referrals` lists the open referrals the caller may see (the helper's own; a
supervisor's also those of the institution), without contact details. `GET
/referrals/{id}` reads one with its contact details: the server audits every such read.
`POST /referrals/{id}/close` closes it and destroys the contact details.

The contact details are held in memory only, for as long as the caller keeps the returned
object: never written to the local store, and left out of every `repr` (so a log line or
a traceback never carries them). The server sends no event for referrals: the list is
read when asked for.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from console.services.errors import ServerError
from console.services.transport import Transport


def _time(value: Any) -> datetime | None:
    if not value:
        return None
    return datetime.fromisoformat(str(value).replace("Z", "+00:00"))


@dataclass(frozen=True)
class Referral:
    """A referral as the list shows it (`docs/protocol.md`, *Referrals*)."""

    id: int
    chat_id: int
    #: "cold" (the youth contacts the service) or "warm" (the helper does).
    kind: str
    service: str
    consent: bool
    #: Contact details are (still) stored for it.
    has_contact: bool
    created_at: datetime | None
    #: When the contact details are destroyed at the latest.
    expires_at: datetime | None
    closed_at: datetime | None = None
    version: int = 0

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Referral:
        return cls(
            id=int(data["id"]),
            chat_id=int(data["chat_id"]),
            kind=str(data.get("kind") or ""),
            service=str(data.get("service") or ""),
            consent=bool(data.get("consent")),
            has_contact=bool(data.get("has_contact")),
            created_at=_time(data.get("created_at")),
            expires_at=_time(data.get("expires_at")),
            closed_at=_time(data.get("closed_at")),
            version=int(data.get("version") or 0),
        )


@dataclass(frozen=True)
class Contact:
    """The youth's contact details of a warm referral. Never logged, never stored."""

    name: str = field(default="", repr=False)
    phone: str = field(default="", repr=False)
    email: str = field(default="", repr=False)
    note: str = field(default="", repr=False)
    #: Sealed under a key the server no longer has: stored, but not readable.
    unreadable: bool = False

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Contact:
        return cls(
            name=str(data.get("name") or ""),
            phone=str(data.get("phone") or ""),
            email=str(data.get("email") or ""),
            note=str(data.get("note") or ""),
            unreadable=bool(data.get("unreadable")),
        )


@dataclass(frozen=True)
class ReferralDetails:
    referral: Referral
    #: None: no contact details (a cold referral, no consent, or already destroyed).
    contact: Contact | None = field(repr=False)


class ReferralService:
    def __init__(self, transport: Transport) -> None:
        self.transport = transport

    async def _object(self, method: str, path: str) -> dict[str, Any]:
        answer = await self.transport.call(method, path)
        if not isinstance(answer, dict):
            raise ServerError(200, f"the answer to {path} is not an object")
        return answer

    async def open_referrals(self) -> list[Referral]:
        """The open referrals the caller may see, oldest first."""
        answer = await self._object("GET", "/referrals")
        return [Referral.from_json(r) for r in answer.get("referrals") or [] if isinstance(r, dict)]

    async def details(self, referral_id: int) -> ReferralDetails:
        """One referral with its contact details; the server records this read. Raises
        `NotFound` when it does not exist or the caller may not see it."""
        answer = await self._object("GET", f"/referrals/{referral_id}")
        contact = answer.get("contact")
        return ReferralDetails(
            Referral.from_json(answer),
            Contact.from_json(contact) if isinstance(contact, dict) else None,
        )

    async def close(self, referral_id: int) -> Referral:
        """Close the referral: the server destroys its contact details. Closing one that is
        already closed answers it as it is; `NotFound` when the caller may not see it."""
        return Referral.from_json(await self._object("POST", f"/referrals/{referral_id}/close"))
