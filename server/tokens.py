"""Access tokens (JWT, HS256, 15 minutes) and refresh tokens (random, hashed at rest)."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass

import jwt


@dataclass(frozen=True)
class AccessClaims:
    user_id: int
    session_id: str
    expires_at: float


class TokenSigner:
    def __init__(self, secret: str, ttl: int) -> None:
        self._secret = secret
        self.ttl = ttl

    def issue(self, user_id: int, session_id: str) -> str:
        exp = int(time.time()) + self.ttl
        claims = {"sub": str(user_id), "sid": session_id, "exp": exp}
        return jwt.encode(claims, self._secret, algorithm="HS256")

    def verify(self, token: str) -> AccessClaims | None:
        """The claims of a valid, unexpired token, or None."""
        try:
            claims = jwt.decode(
                token,
                self._secret,
                algorithms=["HS256"],
                options={"require": ["sub", "sid", "exp"]},
            )
            return AccessClaims(
                user_id=int(claims["sub"]),
                session_id=str(claims["sid"]),
                expires_at=float(claims["exp"]),
            )
        except (jwt.PyJWTError, ValueError, TypeError):
            return None


def new_refresh_secret() -> str:
    return secrets.token_urlsafe(32)


def refresh_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def split_refresh_token(token: str) -> tuple[str, str] | None:
    """A refresh token is `<session id>.<secret>`."""
    sid, dot, secret = token.partition(".")
    if not dot or not sid or not secret:
        return None
    return sid, secret


def same_hash(a: str, b: str) -> bool:
    return hmac.compare_digest(a, b)
