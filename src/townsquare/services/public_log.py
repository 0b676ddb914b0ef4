"""Use case: the public moderation log of a period, pseudonymised.

Account and post ids are replaced by keyed pseudonyms (HMAC of the id under a key derived
from the key file), stable within one deployment so a reader can follow one account
through the log without learning who it is; staff names, notes and report text never
appear.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from typing import Any

from townsquare.keys import SecretKey
from townsquare.moderation.model import ModerationError
from townsquare.services.context import Services
from townsquare.services.transparency import ModerationEntry, Period, moderation_entries
from townsquare.store.tables import utcnow

PSEUDONYM_LABEL = "townsquare/public-log-pseudonym"
PER_PAGE = 50
MAX_PER_PAGE = 500
FIELDS = ("at", "entry", "what", "policy", "subject_type", "subject", "account", "source",
          "surfaces", "expires_at", "status")


def pseudonym(key: SecretKey, kind: str, value: str) -> str:
    """``kind-`` and 12 hex characters standing for ``value`` in public."""
    digest = hmac.new(key.derive(PSEUDONYM_LABEL), f"{kind}\n{value}".encode(),
                      hashlib.sha256).hexdigest()
    return f"{kind}-{digest[:12]}"


@dataclass(frozen=True)
class LogPage:
    entries: list[dict[str, Any]]
    page: int
    per_page: int
    total: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


def _public(key: SecretKey, entry: ModerationEntry) -> dict[str, Any]:
    now = utcnow()
    if entry.ended_at is not None:
        status = "reversed" if entry.kind == "action" else "removed"
    elif entry.expires_at is not None and entry.expires_at <= now:
        status = "expired"
    else:
        status = "active"
    return {
        "at": entry.at.isoformat(),
        "entry": entry.kind,
        "what": entry.what,
        "policy": entry.policy,
        "subject_type": entry.subject_type,
        "subject": pseudonym(key, entry.subject_type, entry.subject_id),
        "account": pseudonym(key, "account", entry.account_id) if entry.account_id else None,
        "source": entry.source,
        "surfaces": list(entry.surfaces),
        "expires_at": entry.expires_at.isoformat() if entry.expires_at else None,
        "status": status,
    }


def log_page(services: Services, period: Period, page: int = 1, per_page: int = PER_PAGE
             ) -> LogPage:
    """Page ``page`` (from 1) of the period's log, newest first."""
    if page < 1:
        raise ModerationError(f"page: expected 1 or more, got {page}")
    if not 1 <= per_page <= MAX_PER_PAGE:
        raise ModerationError(f"per_page: expected 1 to {MAX_PER_PAGE}, got {per_page}")
    entries = _entries(services, period)
    start = (page - 1) * per_page
    shown = [_public(services.app.key, e) for e in entries[start:start + per_page]]
    return LogPage(shown, page, per_page, len(entries))


def whole_log(services: Services, period: Period) -> list[dict[str, Any]]:
    """Every entry of the period (the downloads)."""
    return [_public(services.app.key, e) for e in _entries(services, period)]


def _entries(services: Services, period: Period) -> list[ModerationEntry]:
    with services.sessions() as session:
        return moderation_entries(session, services.moderation.compiled, period)
