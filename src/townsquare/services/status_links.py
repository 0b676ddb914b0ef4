"""Signed links to an account holder's public status page, and appeals filed from it.

The platform mints a link for an account (``status.read``); the link carries its expiry
and an HMAC-SHA256 over the account id and that expiry, under a key derived from the key
file. Whoever holds the link sees the status and may appeal from it, like the account
holder would through the platform; a link that was altered, or has expired, is refused.
The appeal form sends the link's signature back, so a page on another site cannot file an
appeal in the holder's name (nothing rides on cookies).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from townsquare.keys import SecretKey
from townsquare.moderation.model import ModerationError
from townsquare.services import appeals, audit
from townsquare.services.context import Services
from townsquare.services.enforcement import account_status
from townsquare.services.errors import ForbiddenError, NotFoundError
from townsquare.staff.actor import Actor, Grant
from townsquare.staff.permissions import Permission
from townsquare.store.moderation_tables import Account
from townsquare.store.tables import utcnow

LINK_LABEL = "townsquare/status-link"
DEFAULT_HOURS = 24 * 7
MAX_HOURS = 24 * 30
# Appeals from the status page are filed as the platform would file them.
STATUS_PAGE = Actor("status-page", "service",
                    (Grant("status-page", frozenset({Permission.CONTENT_WRITE})),))


@dataclass(frozen=True)
class StatusLink:
    account_id: str
    expires: int  # Unix seconds
    signature: str

    @property
    def path(self) -> str:
        return f"/status/{self.account_id}?expires={self.expires}&sig={self.signature}"

    @property
    def expires_at(self) -> datetime:
        return datetime.fromtimestamp(self.expires, UTC)


def _signature(key: SecretKey, account_id: str, expires: int) -> str:
    mac = hmac.new(key.derive(LINK_LABEL), f"{account_id}\n{expires}".encode(),
                   hashlib.sha256).digest()
    return base64.urlsafe_b64encode(mac).rstrip(b"=").decode("ascii")


def sign(key: SecretKey, account_id: str, expires_at: datetime) -> StatusLink:
    expires = int(expires_at.timestamp())
    return StatusLink(account_id, expires, _signature(key, account_id, expires))


def verify(key: SecretKey, account_id: str, expires: str, signature: str,
           now: datetime | None = None) -> StatusLink:
    """The link, when its signature is right and it has not expired; ForbiddenError else."""
    if not expires.isdigit() or len(expires) > 12:
        raise ForbiddenError("this status link is not valid: ask the platform for a new one")
    link = StatusLink(account_id, int(expires), signature)
    if not hmac.compare_digest(_signature(key, account_id, link.expires), signature):
        raise ForbiddenError("this status link is not valid: ask the platform for a new one")
    if link.expires_at <= (now or utcnow()):
        raise ForbiddenError("this status link has expired: ask the platform for a new one")
    return link


def mint(services: Services, actor: Actor, account_id: str, hours: float = DEFAULT_HOURS
         ) -> StatusLink:
    """A link to ``account_id``'s status page, valid for ``hours``; staff minting one is
    recorded in the audit log (the platform's own service is not, as for status reads)."""
    actor.check(Permission.STATUS_READ)
    if not 0 < hours <= MAX_HOURS:
        raise ModerationError(f"hours: expected more than 0 and at most {MAX_HOURS}")
    with services.sessions.begin() as session:
        if session.get(Account, account_id) is None:
            raise NotFoundError(f"no account with id {account_id!r}")
        link = sign(services.app.key, account_id, utcnow() + timedelta(hours=hours))
        if actor.kind != "service":
            audit.record(session, actor, "status_link.mint", "account", account_id,
                         after={"expires_at": link.expires_at.isoformat()})
    return link


def status_for(services: Services, link: StatusLink) -> dict[str, Any]:
    """What the holder of ``link`` sees: the account's status (``account``), what appealing
    each limit would appeal (``targets``: label id -> (type, id); a label an action wrote
    appeals the action), what was appealed already (``appealed``), the decisions that limit
    nothing but may still be appealed (``decisions``: their notices, e.g. a warning), and
    the appeal window in days."""
    with services.sessions() as session:
        if session.get(Account, link.account_id) is None:
            raise NotFoundError("this account no longer exists")
    account = account_status(services.moderation, link.account_id)
    window = timedelta(days=services.settings.appeal_window_days)
    appealed = {(a["target_type"], a["target_id"]) for a in account["appeals"]}
    acted = {n["label_id"]: n["action_id"] for n in account["notices"]
             if n["label_id"] is not None and n["action_id"] is not None}
    targets = {lim["id"]: ("action", acted[lim["id"]]) if lim["id"] in acted
               else ("label", lim["id"]) for lim in account["limits"]}
    now = utcnow()
    decisions = [n for n in account["notices"]
                 if n["action_id"] is not None and n["label_id"] is None and n["appealable"]
                 and n["action_id"] not in acted.values()
                 and ("action", n["action_id"]) not in appealed
                 and n["created_at"] + window > now]
    return {"account": account, "targets": targets, "appealed": appealed,
            "decisions": decisions, "window_days": window.days}


def appeal_from_page(services: Services, link: StatusLink, target_type: str, target_id: int,
                     statement: str) -> dict[str, Any]:
    """File the holder's appeal against one of their limits (see appeals.file_appeal)."""
    return appeals.file_appeal(services, STATUS_PAGE, target_type, target_id,
                               link.account_id, statement)
