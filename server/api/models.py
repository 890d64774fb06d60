"""Request bodies shared by the routers (answers are plain JSON objects)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated, Any

from fastapi import Path
from pydantic import BaseModel, ConfigDict, Field

from console.domain.roles import Role

#: The largest row id: ids are INTEGER columns, so a larger one in a path is a 422 that
#: names it, not an overflow (500) in the database driver.
MAX_ID = 2**31 - 1
#: A row id in a path.
RowId = Annotated[int, Path(ge=1, le=MAX_ID)]


def named(fields: Iterable[str], message: str = "This value is not valid.") -> list[dict[str, Any]]:
    """A 422's `fields` in the protocol's shape, from the names a domain check returned."""
    return [{"field": name, "message": message} for name in fields]


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class LoginBody(Body):
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=1024)


class RefreshBody(Body):
    refresh_token: str = Field(min_length=1, max_length=512)


class PasswordChangeBody(Body):
    current_password: str = Field(min_length=1, max_length=1024)
    new_password: str = Field(min_length=10, max_length=1024)


class TeamMessageBody(Body):
    text: str = Field(min_length=1, max_length=2000)


class InstitutionCreate(Body):
    code: str = Field(min_length=2, max_length=32, pattern=r"^[a-z0-9][a-z0-9_-]*$")
    name: str = Field(min_length=1, max_length=200)


class InstitutionPatch(Body):
    version: int
    name: str | None = Field(default=None, min_length=1, max_length=200)
    active: bool | None = None


class UserCreate(Body):
    username: str = Field(min_length=2, max_length=64, pattern=r"^[A-Za-z0-9._-]+$")
    display_name: str = Field(min_length=1, max_length=200)
    password: str = Field(min_length=10, max_length=1024)
    roles: list[Role] = Field(min_length=1)
    institution_id: int


class UserPatch(Body):
    version: int
    display_name: str | None = Field(default=None, min_length=1, max_length=200)
    roles: list[Role] | None = Field(default=None, min_length=1)
    active: bool | None = None
    institution_id: int | None = None
    password: str | None = Field(default=None, min_length=10, max_length=1024)
