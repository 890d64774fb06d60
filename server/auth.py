"""Who is calling, and may they call this route?

Every route declares `policy(roles, scope)` as a dependency. The policy authenticates the
bearer token (loading the session and the user on every request, so a revoked session or a
deactivated user stops working at once) and checks the roles. The declarations are
found again by walking the route table (`route_policies`), which is what
`GET /api/v1/policies` lists and what the declaration test checks.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any, Literal

import fastapi.routing
from fastapi import Depends, FastAPI, Request
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool

from console.domain.roles import Role, parse_roles
from server.accounts import get_user, roles_of
from server.errors import forbidden, unauthorized
from server.events import audience_for
from server.sessions import live_session
from server.state import AppState, app_state

Scope = Literal["public", "self", "institution", "all"]

_bearer = HTTPBearer(auto_error=False, description="The access token from POST /session.")


@dataclass(frozen=True)
class Principal:
    """An authenticated staff member for the length of one request."""

    user_id: int
    username: str
    display_name: str
    institution_id: int
    roles: frozenset[Role]
    session_id: str
    token_expires_at: float

    @property
    def audience(self) -> frozenset[str]:
        return audience_for(self.user_id, self.institution_id, (r.value for r in self.roles))


class Policy:
    """A route's declaration; calling it (as a FastAPI dependency) enforces it."""

    def __init__(self, roles: frozenset[Role] | None, scope: Scope) -> None:
        if scope == "public" and roles is not None:
            raise ValueError("a public route cannot require roles")
        self.roles = roles
        self.scope = scope

    def __repr__(self) -> str:
        roles = "any" if self.roles is None else sorted(r.value for r in self.roles)
        return f"policy(roles={roles}, scope={self.scope})"

    def allows(self, roles: frozenset[Role]) -> bool:
        return self.roles is None or bool(self.roles & roles)

    def describe(self) -> dict[str, object]:
        return {
            "roles": None if self.roles is None else sorted(r.value for r in self.roles),
            "scope": self.scope,
        }

    async def __call__(
        self,
        request: Request,
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    ) -> Principal | None:
        # Async, so a public route (every youth request) costs no thread hand-off; the
        # database part of authenticating runs in the threadpool as a sync dependency would.
        if self.scope == "public":
            return None
        if credentials is None or credentials.scheme.lower() != "bearer":
            raise unauthorized("Log in first.")
        principal = await run_in_threadpool(
            authenticate, app_state(request), credentials.credentials
        )
        if not self.allows(principal.roles):
            raise forbidden()
        return principal


def policy(roles: frozenset[Role] | None, scope: Scope) -> Policy:
    """Declare (and enforce) who may call a route. `roles=None`: any staff member."""
    return Policy(roles, scope)


def authenticate(state: AppState, token: str) -> Principal:
    """The principal behind an access token; raises 401 when it does not (or no longer) work."""
    claims = state.signer.verify(token)
    if claims is None:
        raise unauthorized("Your session has expired. Log in again.")
    with state.db.read() as conn:
        if live_session(conn, claims.session_id) is None:
            raise unauthorized("Your session has ended. Log in again.")
        user = get_user(conn, claims.user_id)
        if user is None or not user["active"]:
            raise unauthorized("This account is not active.")
        roles = parse_roles(roles_of(conn, user["id"]))
    return Principal(
        user_id=int(user["id"]),
        username=user["username"],
        display_name=user["display_name"],
        institution_id=int(user["institution_id"]),
        roles=roles,
        session_id=claims.session_id,
        token_expires_at=claims.expires_at,
    )


def _find_policy(dependant: Dependant) -> Iterator[Policy]:
    if isinstance(dependant.call, Policy):
        yield dependant.call
    for sub in dependant.dependencies:
        yield from _find_policy(sub)


def route_policy(route: APIRoute) -> Policy | None:
    """The route's declaration; raises when it has more than one."""
    found = list(_find_policy(route.dependant))
    unique = {id(p): p for p in found}
    if len(unique) > 1:
        raise RuntimeError(f"{route.path} declares more than one policy")
    return found[0] if found else None


def api_routes(app: FastAPI) -> Iterator[tuple[str, frozenset[str], APIRoute]]:
    """(full path, methods, route) for every API route, whether included or not.

    FastAPI >= 0.16x keeps included routers as lazy entries in `app.routes`;
    `iter_route_contexts` flattens them. Older versions list APIRoutes directly.
    """
    flatten: Any = getattr(fastapi.routing, "iter_route_contexts", None)
    if flatten is None:
        for route in app.routes:
            if isinstance(route, APIRoute):
                yield route.path, frozenset(route.methods or ()), route
        return
    for context in flatten(app.routes):
        route = context.original_route
        if isinstance(route, APIRoute):
            methods = context.methods or route.methods or ()
            yield str(context.path), frozenset(methods), route


def route_policies(app: FastAPI) -> list[tuple[str, str, Policy | None]]:
    """(method, path, policy) for every API route, in route-table order."""
    table: list[tuple[str, str, Policy | None]] = []
    for path, methods, route in api_routes(app):
        for method in sorted(methods):
            table.append((method, path, route_policy(route)))
    return table
