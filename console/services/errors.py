"""What can go wrong between the console and the server, as types the UI can explain.

The services never phrase messages for people: the UI maps each type to a translated
sentence (console/ui/errors.py), so the words stay in one place and in the user's language.
"""

from __future__ import annotations

from typing import Any


class TransportError(Exception):
    """Base of every failure to get an answer from the server."""

    #: True when retrying later may help (a lost connection), False when a person must act.
    retryable = False


class Offline(TransportError):
    """No connection: name lookup, TCP, a reset, or a time-out."""

    retryable = True

    def __init__(self, step: str, detail: str) -> None:
        super().__init__(f"{step}: {detail}")
        self.step = step  # "dns", "connect", "timeout", "reset"
        self.detail = detail


class TlsUntrusted(TransportError):
    """The server's certificate does not chain to a trusted root. Never fall back."""

    def __init__(self, detail: str, issuer: str | None = None, subject: str | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.issuer = issuer
        self.subject = subject


class BadCertificateFile(TransportError):
    """The extra root certificate file from the settings or policy cannot be used."""

    def __init__(self, path: str, detail: str) -> None:
        super().__init__(f"{path}: {detail}")
        self.path = path
        self.detail = detail


class ProxyAuthRequired(TransportError):
    """The proxy answered 407. `schemes` are the methods it offers (Basic, NTLM, Negotiate)."""

    def __init__(self, schemes: list[str], had_credentials: bool) -> None:
        super().__init__(f"proxy authentication required ({', '.join(schemes) or 'unknown'})")
        self.schemes = schemes
        self.had_credentials = had_credentials

    @property
    def basic_possible(self) -> bool:
        return any(s.lower() == "basic" for s in self.schemes)


class ServerError(TransportError):
    """The server answered 5xx, or something that is not our API (a proxy's error page)."""

    retryable = True

    def __init__(
        self, status: int, detail: str, incident: str | None = None, code: str | None = None
    ) -> None:
        super().__init__(f"HTTP {status}: {detail}")
        self.status = status
        self.detail = detail
        self.incident = incident
        #: Our API's `error` code when the body is ours (`busy`: a database conflict).
        self.code = code

    @property
    def busy(self) -> bool:
        """Our server's 503: it was busy with the same data; trying again works."""
        return self.status == 503 and self.code == "busy"


class ApiError(TransportError):
    """A 4xx answer from our API, with its `error` code and readable `message`."""

    def __init__(self, status: int, code: str, message: str, body: dict[str, Any]) -> None:
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.body = body


class Unauthorized(ApiError):
    pass


class Forbidden(ApiError):
    pass


class NotFound(ApiError):
    pass


class Conflict(ApiError):
    @property
    def current(self) -> dict[str, Any] | None:
        current = self.body.get("current")
        return current if isinstance(current, dict) else None


class TooLarge(ApiError):
    pass


class Invalid(ApiError):
    pass


class Throttled(ApiError):
    @property
    def retry_after(self) -> int:
        value = self.body.get("retry_after", 60)
        return int(value) if isinstance(value, int | float | str) else 60


_BY_STATUS: dict[int, type[ApiError]] = {
    401: Unauthorized,
    403: Forbidden,
    404: NotFound,
    409: Conflict,
    413: TooLarge,
    422: Invalid,
    400: Invalid,
    429: Throttled,
}


def api_error(status: int, body: dict[str, Any]) -> ApiError:
    cls = _BY_STATUS.get(status, ApiError)
    return cls(status, str(body.get("error", "error")), str(body.get("message", "")), body)
