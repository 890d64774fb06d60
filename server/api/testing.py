"""Test-only routes, mounted only when HULPMIX_TEST_ROUTES=1. Never in production."""

from __future__ import annotations

from fastapi import APIRouter, Depends

from server.auth import policy

router = APIRouter(tags=["testing"])


@router.get("/_test/boom", dependencies=[Depends(policy(None, "public"))])
def boom() -> None:
    """Fails on purpose, to prove that a 500 carries no stack trace."""
    raise RuntimeError("secret internal detail: SELECT * FROM users")
