"""Console logins: password check, rate limiting, sessions."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import InstrumentedAttribute, Session, sessionmaker

from townsquare.services import audit
from townsquare.services.authz import SESSION_PREFIX
from townsquare.services.staff import password_matches
from townsquare.services.tokens import secret_hash
from townsquare.store.db import unit_of_work
from townsquare.store.staff_tables import LoginAttempt, StaffMember, StaffSession
from townsquare.store.tables import utcnow

SESSION_HOURS = 12
WINDOW = timedelta(minutes=15)
MAX_FAILURES_PER_USER = 5  # per WINDOW
MAX_FAILURES_PER_CLIENT = 20  # per WINDOW, whatever usernames it tries
# Checked even for unknown usernames so timing does not reveal which names exist.
_DUMMY_HASH = (
    "$argon2id$v=19$m=65536,t=3,p=4$uw/QykdmHglfacw3n6BPoQ$"
    "Z4CHqexkvzYzuZQH1Rpo47vFYay/Ngk5Bu1fCZrhLGU"
)


class LoginFailed(Exception):
    """Wrong username or password, or a disabled account (one message for all three)."""


class LoginThrottled(Exception):
    """Too many failed attempts; ``retry_after`` seconds until the next one is heard."""

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


@dataclass(frozen=True)
class LoginSession:
    secret: str
    username: str
    expires_at: datetime


def _failures(
    session: Session, column: InstrumentedAttribute[str], value: str, since: datetime
) -> tuple[int, datetime | None]:
    row = session.execute(
        select(func.count(), func.min(LoginAttempt.at)).where(
            column == value, LoginAttempt.at > since, LoginAttempt.success.is_(False)
        )
    ).one()
    return int(row[0]), row[1]


def login(
    sessions: sessionmaker[Session], username: str, password: str, client: str,
    now: datetime | None = None,
) -> LoginSession:
    now = now or utcnow()
    name = username.strip().lower()[:64]
    client = client[:128] or "unknown"
    with sessions() as session:
        for column, value, limit in (
            (LoginAttempt.username, name, MAX_FAILURES_PER_USER),
            (LoginAttempt.client, client, MAX_FAILURES_PER_CLIENT),
        ):
            count, oldest = _failures(session, column, value, now - WINDOW)
            if count >= limit and oldest is not None:
                wait = int((oldest + WINDOW - now).total_seconds()) + 1
                raise LoginThrottled(f"too many failed logins; try again in {wait} s", wait)
        member = session.scalar(select(StaffMember).where(StaffMember.username == name))
    ok = password_matches(member.password_hash if member else _DUMMY_HASH, password)
    ok = ok and member is not None and member.disabled_at is None
    with unit_of_work(sessions) as session:
        session.add(LoginAttempt(username=name, client=client, at=now, success=ok))
        if not ok or member is None:
            session.flush()
        else:
            secret = SESSION_PREFIX + secrets.token_urlsafe(32)
            expires = now + timedelta(hours=SESSION_HOURS)
            session.add(StaffSession(token_hash=secret_hash(secret), staff_id=member.id,
                                     created_at=now, expires_at=expires, last_seen_at=now,
                                     client=client))
            audit.record(session, member.username, "staff.login", "staff", member.username,
                         after={"client": client})
    if not ok or member is None:
        raise LoginFailed("invalid username or password")
    return LoginSession(secret, member.username, expires)


def logout(sessions: sessionmaker[Session], secret: str) -> bool:
    """End a session; False when it was not live."""
    with unit_of_work(sessions) as session:
        done = session.execute(
            update(StaffSession)
            .where(StaffSession.token_hash == secret_hash(secret),
                   StaffSession.revoked_at.is_(None))
            .values(revoked_at=utcnow())
        )
        return bool(done.rowcount)  # type: ignore[attr-defined]
