"""What every command shares: consoles, failing with a message, opening the store."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import typer
from rich.console import Console

from townsquare.bootstrap import App, open_app
from townsquare.canary.model import CanaryError
from townsquare.keys import KeyFileError
from townsquare.moderation.model import ModerationError
from townsquare.services.errors import ConflictError, NotFoundError
from townsquare.settings import load_settings
from townsquare.staff.actor import Actor, Forbidden
from townsquare.staff.permissions import Permission, UnknownRoleError

out = Console()
err = Console(stderr=True)
TOKEN_ENV = "TOWNSQUARE_TOKEN"
FORBIDDEN_EXIT = 3


def fail(message: str, code: int = 2) -> None:
    # plain write: no markup parsing of user text, no wrapping of long paths
    sys.stderr.write(f"error: {message}\n")
    raise typer.Exit(code)


@contextmanager
def application() -> Iterator[App]:
    """Open the store and key; turn bad input into a message and exit code 2 (3 for a
    forbidden operation)."""
    from sqlalchemy.exc import SQLAlchemyError

    try:
        application = open_app(load_settings())
    except (KeyFileError, SQLAlchemyError, OSError) as exc:
        fail(f"cannot open the store: {exc}")
        raise
    try:
        yield application
    except Forbidden as exc:
        fail(f"forbidden: {message_of(exc)}", FORBIDDEN_EXIT)
    except (CanaryError, ModerationError, NotFoundError, ConflictError, UnknownRoleError) as exc:
        fail(message_of(exc))
    finally:
        application.close()


def message_of(exc: Exception) -> str:
    # str(KeyError) adds quotes around the message
    first = exc.args[0] if len(exc.args) == 1 else None
    return first if isinstance(first, str) else str(exc)


def emit_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")





def cli_actor(app: App, permission: Permission | None, **scope: str | None) -> Actor:
    """The caller named by ``TOWNSQUARE_TOKEN``, if it may use ``permission`` now (None:
    any valid caller; the service then checks what the command needs).

    No token, an unknown or revoked one: exit 2. Not allowed (role, scope, lockdown): the
    reason and exit 3, before anything is stored."""
    import os

    from townsquare.services.authz import actor_for_secret

    secret = os.environ.get(TOKEN_ENV, "").strip()
    if not secret:
        fail(f"set {TOKEN_ENV} to a token (townsquare token create, or staff bootstrap)")
    with app.sessions() as session:
        actor = actor_for_secret(session, secret)
    if actor is None:
        fail(f"{TOKEN_ENV} holds an unknown, revoked or expired token")
        raise AssertionError  # unreachable: fail() exits
    try:
        if permission is not None:
            actor.check(permission, **scope)
    except Forbidden as exc:
        fail(f"forbidden: {exc}", FORBIDDEN_EXIT)
    return actor
