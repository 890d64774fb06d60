"""The route table's role and scope declarations, for administrators."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request

from console.domain.roles import Role
from server.auth import policy, route_policies

router = APIRouter(tags=["admin"])

ADMINS = policy(frozenset({Role.ADMIN}), "all")


@router.get("/policies", dependencies=[Depends(ADMINS)])
def list_policies(request: Request) -> Any:
    """Every endpoint with the roles it serves and its scope."""
    return {
        "policies": [
            {"method": method, "path": path, **(p.describe() if p else {"undeclared": True})}
            for method, path, p in route_policies(request.app)
        ]
    }
