"""Claim locks on reports: one person works a report at a time, and a forgotten claim
lapses after the queue's timeout so somebody else can take the report."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from townsquare.moderation.model import ModerationError

DEFAULT_CLAIM_TIMEOUT = timedelta(minutes=15)
MIN_CLAIM_SECONDS = 60
MAX_CLAIM_SECONDS = 24 * 3600


def check_claim_timeout(seconds: int) -> int:
    if isinstance(seconds, bool) or not isinstance(seconds, int) or not (
        MIN_CLAIM_SECONDS <= seconds <= MAX_CLAIM_SECONDS
    ):
        raise ModerationError(
            f"claim_timeout_seconds: an integer from {MIN_CLAIM_SECONDS} to {MAX_CLAIM_SECONDS}"
        )
    return seconds


@dataclass(frozen=True)
class Claim:
    """Who holds a report (None: nobody) and until when."""

    holder: str | None
    expires_at: datetime | None

    def live(self, now: datetime) -> bool:
        return self.holder is not None and self.expires_at is not None and now < self.expires_at

    def held_by(self, name: str, now: datetime) -> bool:
        return self.live(now) and self.holder == name

    def free_for(self, name: str, now: datetime) -> bool:
        """Whether ``name`` may claim now: nobody holds it, the claim lapsed, or it is theirs
        (claiming again renews it)."""
        return not self.live(now) or self.holder == name


def may_work(claim: Claim, name: str, can_assign: bool, now: datetime) -> bool:
    """Whether ``name`` may decide or escalate the report now: nobody else holds a live
    claim on it (working an unclaimed report takes it in the same step), or they may assign
    reports in this queue (a lead acting on someone's stalled report)."""
    return can_assign or claim.free_for(name, now)
