"""Staff accounts, custom roles, grants, sessions, login attempts, lockdowns, approval requests."""

from __future__ import annotations
