"""Institutions and users as rows and as the JSON the API answers."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, RowMapping, delete, insert, select, update

from console.domain.roles import Role
from server.db.tables import institutions, user_roles, users, utcnow
from server.errors import ApiError, conflict
from server.events import iso
from server.passwords import hash_password, password_problem


def institution_json(row: RowMapping) -> dict[str, Any]:
    return {
        "id": row["id"],
        "code": row["code"],
        "name": row["name"],
        "active": bool(row["active"]),
        "version": row["version"],
        "created_at": iso(row["created_at"]),
    }


def get_institution(conn: Connection, institution_id: int) -> RowMapping | None:
    return (
        conn.execute(select(institutions).where(institutions.c.id == institution_id))
        .mappings()
        .one_or_none()
    )


def institution_by_code(conn: Connection, code: str) -> RowMapping | None:
    return (
        conn.execute(select(institutions).where(institutions.c.code == code))
        .mappings()
        .one_or_none()
    )


def create_institution(conn: Connection, code: str, name: str) -> int:
    if institution_by_code(conn, code) is not None:
        raise conflict(f"The institution code {code!r} is already taken.")
    result = conn.execute(
        insert(institutions)
        .values(code=code, name=name, active=True, version=1, created_at=utcnow())
        .returning(institutions.c.id)
    )
    return int(result.scalar_one())


def roles_of(conn: Connection, user_id: int) -> list[str]:
    rows = conn.execute(
        select(user_roles.c.role).where(user_roles.c.user_id == user_id).order_by(user_roles.c.role)
    ).scalars()
    return [str(r) for r in rows]


def get_user(conn: Connection, user_id: int) -> RowMapping | None:
    return conn.execute(select(users).where(users.c.id == user_id)).mappings().one_or_none()


def user_by_name(conn: Connection, username: str) -> RowMapping | None:
    return conn.execute(select(users).where(users.c.username == username)).mappings().one_or_none()


def user_json(conn: Connection, row: RowMapping) -> dict[str, Any]:
    """The `user` object of the protocol."""
    inst = get_institution(conn, row["institution_id"])
    assert inst is not None
    return {
        "id": row["id"],
        "username": row["username"],
        "display_name": row["display_name"],
        "roles": roles_of(conn, row["id"]),
        "institution": {"id": inst["id"], "code": inst["code"], "name": inst["name"]},
    }


def admin_user_json(conn: Connection, row: RowMapping) -> dict[str, Any]:
    """The user as administrators see it: the protocol's `user` plus its bookkeeping."""
    data = user_json(conn, row)
    data.update(
        institution_id=row["institution_id"],
        active=bool(row["active"]),
        version=row["version"],
        created_at=iso(row["created_at"]),
    )
    return data


def set_roles(conn: Connection, user_id: int, roles: Iterable[Role]) -> None:
    conn.execute(delete(user_roles).where(user_roles.c.user_id == user_id))
    values = [{"user_id": user_id, "role": role.value} for role in sorted(set(roles))]
    if values:
        conn.execute(insert(user_roles), values)


def check_password(password: str) -> None:
    problem = password_problem(password)
    if problem is not None:
        raise ApiError(422, "invalid", problem, fields=[{"field": "password", "message": problem}])


def create_user(
    conn: Connection,
    username: str,
    display_name: str,
    password: str,
    roles: Iterable[Role],
    institution_id: int,
) -> int:
    check_password(password)
    if user_by_name(conn, username) is not None:
        raise conflict(f"The username {username!r} is already taken.")
    if get_institution(conn, institution_id) is None:
        raise ApiError(
            422,
            "invalid",
            "No such institution.",
            fields=[{"field": "institution_id", "message": "No such institution."}],
        )
    result = conn.execute(
        insert(users)
        .values(
            username=username,
            display_name=display_name,
            password_hash=hash_password(password),
            institution_id=institution_id,
            active=True,
            version=1,
            failed_logins=0,
            created_at=utcnow(),
        )
        .returning(users.c.id)
    )
    user_id = int(result.scalar_one())
    set_roles(conn, user_id, roles)
    return user_id


def set_password(conn: Connection, user_id: int, password: str) -> None:
    check_password(password)
    conn.execute(
        update(users)
        .where(users.c.id == user_id)
        .values(password_hash=hash_password(password), failed_logins=0, locked_until=None)
    )
