"""Administration of institutions and user accounts."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse
from sqlalchemy import Connection, RowMapping, select, update

from console.domain.roles import Role, parse_roles
from server.accounts import (
    admin_user_json,
    create_institution,
    create_user,
    get_institution,
    get_user,
    institution_json,
    roles_of,
    set_password,
    set_roles,
)
from server.api.models import InstitutionCreate, InstitutionPatch, UserCreate, UserPatch
from server.auth import policy
from server.db.tables import institutions, users, utcnow
from server.errors import ApiError, conflict, not_found
from server.events import append_event
from server.sessions import revoke_all
from server.state import app_state
from server.supervision.core import note_role_change

router = APIRouter(prefix="/admin", tags=["admin"])

ADMINS = policy(frozenset({Role.ADMIN}), "all")
USER_READERS = policy(frozenset({Role.ADMIN, Role.HELPDESK}), "all")


def _stale(current: dict[str, Any]) -> ApiError:
    return conflict(
        "Someone else changed this in the meantime. Compare and try again.", current=current
    )


@router.get("/institutions", dependencies=[Depends(ADMINS)])
def list_institutions(request: Request) -> Any:
    with app_state(request).db.read() as conn:
        rows = conn.execute(select(institutions).order_by(institutions.c.code)).mappings()
        return {"institutions": [institution_json(r) for r in rows]}


@router.post("/institutions", status_code=201, dependencies=[Depends(ADMINS)])
def add_institution(body: InstitutionCreate, request: Request) -> Any:
    with app_state(request).db.write() as conn:
        new_id = create_institution(conn, body.code, body.name)
        row = get_institution(conn, new_id)
        assert row is not None
        return JSONResponse(institution_json(row), status_code=201)


@router.patch("/institutions/{institution_id}", dependencies=[Depends(ADMINS)])
def edit_institution(institution_id: int, body: InstitutionPatch, request: Request) -> Any:
    with app_state(request).db.write() as conn:
        row = get_institution(conn, institution_id)
        if row is None:
            raise not_found("No such institution.")
        if body.version != row["version"]:
            raise _stale(institution_json(row))
        changes: dict[str, Any] = {"version": row["version"] + 1}
        if body.name is not None:
            changes["name"] = body.name
        if body.active is not None:
            changes["active"] = body.active
        conn.execute(update(institutions).where(institutions.c.id == row["id"]).values(changes))
        updated = get_institution(conn, institution_id)
        assert updated is not None
        return institution_json(updated)


@router.get("/users", dependencies=[Depends(USER_READERS)])
def list_users(request: Request) -> Any:
    with app_state(request).db.read() as conn:
        rows = conn.execute(select(users).order_by(users.c.username)).mappings().all()
        return {"users": [admin_user_json(conn, r) for r in rows]}


def _user_changed(conn: Connection, row: RowMapping) -> dict[str, Any]:
    data = admin_user_json(conn, row)
    append_event(conn, f"user:{row['id']}", "user.changed", f"user:{row['id']}", data)
    return data


@router.post("/users", status_code=201, dependencies=[Depends(ADMINS)])
def add_user(body: UserCreate, request: Request) -> Any:
    with app_state(request).db.write() as conn:
        new_id = create_user(
            conn, body.username, body.display_name, body.password, body.roles, body.institution_id
        )
        row = get_user(conn, new_id)
        assert row is not None
        return JSONResponse(_user_changed(conn, row), status_code=201)


@router.patch("/users/{user_id}", dependencies=[Depends(ADMINS)])
def edit_user(user_id: int, body: UserPatch, request: Request) -> Any:
    with app_state(request).db.write() as conn:
        row = get_user(conn, user_id)
        if row is None:
            raise not_found("No such user.")
        if body.version != row["version"]:
            raise _stale(admin_user_json(conn, row))
        changes: dict[str, Any] = {"version": row["version"] + 1}
        if body.display_name is not None:
            changes["display_name"] = body.display_name
        if body.active is not None:
            changes["active"] = body.active
        if body.institution_id is not None:
            if get_institution(conn, body.institution_id) is None:
                raise ApiError(
                    422,
                    "invalid",
                    "No such institution.",
                    fields=[{"field": "institution_id", "message": "No such institution."}],
                )
            changes["institution_id"] = body.institution_id
        conn.execute(update(users).where(users.c.id == user_id).values(changes))
        if body.roles is not None:
            before = parse_roles(roles_of(conn, user_id))
            set_roles(conn, user_id, body.roles)
            # A trainee promoted to helper may not supervise until an admin lifts it.
            note_role_change(conn, user_id, before, frozenset(body.roles), utcnow())
        if body.password is not None:
            set_password(conn, user_id, body.password)
        if body.active is False or body.password is not None:
            revoke_all(conn, user_id)
        updated = get_user(conn, user_id)
        assert updated is not None
        return _user_changed(conn, updated)
