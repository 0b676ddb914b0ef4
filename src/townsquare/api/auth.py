"""Bearer-token authentication and per-permission authorisation."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, HTTPException, Request, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from townsquare.api.runtime import Runtime
from townsquare.services.authz import actor_for_secret
from townsquare.staff.actor import Actor
from townsquare.staff.permissions import Permission

_bearer = HTTPBearer(auto_error=False, description="A token from `townsquare token create`.")
# A revoked token, a disabled member or a lockdown takes effect on other workers within
# this long (at once on the worker that made the change: its cache is cleared).
_CACHE_SECONDS = 5.0


def runtime(request: Request) -> Runtime:
    rt: Runtime = request.app.state.runtime
    return rt


def cached_actor(rt: Runtime, secret: str) -> Actor | None:
    """The actor behind a token or session secret, cached briefly per worker."""
    return _identity(rt, secret, rt.identities)


def _identity(
    rt: Runtime, secret: str, cache: dict[str, tuple[float, Actor | None]]
) -> Actor | None:
    now = time.monotonic()
    hit = cache.get(secret)
    if hit and now - hit[0] < _CACHE_SECONDS:
        return hit[1]
    with rt.app.sessions() as session:
        who = actor_for_secret(session, secret)
    if len(cache) > 10_000:
        cache.clear()
    cache[secret] = (now, who)
    return who


def require(permission: Permission | None) -> Callable[..., Actor]:
    """A dependency: the caller (a bearer token or console session), if they may use
    ``permission`` now (else 401/403); ``None`` only authenticates."""

    def check(
        request: Request,
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    ) -> Actor:
        if credentials is None or credentials.scheme.lower() != "bearer":
            raise HTTPException(
                status.HTTP_401_UNAUTHORIZED,
                "missing bearer token",
                headers={"WWW-Authenticate": "Bearer"},
            )
        rt = runtime(request)
        who = _identity(rt, credentials.credentials, rt.identities)
        if who is None:
            raise HTTPException(
                status.HTTP_401_UNAUTHORIZED,
                "unknown or revoked token",
                headers={"WWW-Authenticate": "Bearer"},
            )
        if permission is not None:
            who.check(permission)  # Forbidden -> 403 with the reason
        return who

    check.permission = permission  # type: ignore[attr-defined]  # read by the matrix test
    return check
