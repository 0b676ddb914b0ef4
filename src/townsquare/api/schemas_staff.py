"""Request bodies of the staff, lockdown and approval routes."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import Field

from townsquare.api.schemas import ActionIn, Strict

Name = Field(min_length=1, max_length=128)


class LoginIn(Strict):
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=1_000)


class StaffIn(Strict):
    username: str = Field(min_length=2, max_length=63)
    display_name: str = Field(default="", max_length=128)
    email: str | None = Field(default=None, max_length=254)
    password: str | None = Field(default=None, min_length=12, max_length=1_000)
    teams: list[str] = Field(default_factory=list, max_length=20)
    roles: list[str] = Field(default_factory=list, max_length=20)


class GrantIn(Strict):
    role: str = Field(min_length=1, max_length=64)
    policies: list[str] | None = Field(default=None, max_length=100)
    queues: list[str] | None = Field(default=None, max_length=100)


class TeamsIn(Strict):
    teams: list[str] = Field(max_length=20)


class PasswordIn(Strict):
    password: str = Field(min_length=12, max_length=1_000)


class DisableIn(Strict):
    reason: str = Field(default="", max_length=2_000)


class RoleIn(Strict):
    name: str = Field(min_length=2, max_length=64)
    permissions: list[str] = Field(min_length=1, max_length=100)
    description: str = Field(default="", max_length=2_000)


class TokenIn(Strict):
    name: str = Name
    role: str = Field(min_length=1, max_length=64)


class StaffTokenIn(Strict):
    name: str = Name


class LockdownIn(Strict):
    reason: str = Field(min_length=1, max_length=2_000)
    permissions: list[str] | None = Field(default=None, max_length=100)
    exempt_staff: list[str] = Field(default_factory=list, max_length=500)
    exempt_teams: list[str] = Field(default_factory=list, max_length=50)
    exempt_roles: list[str] = Field(default_factory=list, max_length=50)
    restore_at: datetime | None = None


class NoteIn(Strict):
    note: str = Field(default="", max_length=2_000)


class ReasonIn(Strict):
    reason: str = Field(min_length=1, max_length=2_000)


class BulkActionIn(Strict):
    actions: list[ActionIn] = Field(min_length=1, max_length=500)
    reason: str = Field(min_length=1, max_length=2_000)


def outcome_body(status: str, result: Any = None, request: Any = None) -> dict[str, Any]:
    return {"status": status, "result": result, "approval_request": request}
