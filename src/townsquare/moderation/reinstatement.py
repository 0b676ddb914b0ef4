"""Reinstatement of suspended accounts: may this account ask to return now, and what the
account holder is told about the answer.

Terms are data in the policy file (``Policy.reinstatement`` and ``Policy.policy_terms``).
A request is judged against every policy the account was actioned under (reversed
actions aside): one never-eligible offence makes the account never eligible, and the
longest waiting period applies, counted from the start of the suspension.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from townsquare.moderation.model import ModerationError, SubjectType
from townsquare.moderation.notices import Notice, format_when
from townsquare.moderation.policy import Policy

Decision = Literal["grant", "refuse"]
DECISIONS: tuple[Decision, ...] = ("grant", "refuse")
MAX_STATEMENT = 5_000
MAX_RATIONALE = 5_000


@dataclass(frozen=True)
class Eligibility:
    """The answer to "may this account ask to return now?", with what to tell them."""

    eligible: bool
    never: bool  # refused for good (a never-eligible policy)
    eligible_from: datetime | None
    reason: str
    policies: tuple[str, ...]


def _policy_words(policy: str) -> str:
    return policy.replace("_", " ").capitalize()


def eligibility(policy: Policy, suspended_at: datetime, policies: Iterable[str],
                now: datetime) -> Eligibility:
    """Whether an account suspended at ``suspended_at``, actioned under ``policies``, may
    request reinstatement at ``now``; a refusal says why and, when waiting, until when."""
    names = tuple(sorted(set(policies)))
    terms = {name: policy.reinstatement_terms(name) for name in names} or {
        "": policy.reinstatement}
    never = sorted(name for name, t in terms.items() if not t.eligible)
    if never:
        name = never[0]
        why = terms[name].reason or (
            f"offences under our {_policy_words(name)} policy are never eligible")
        return Eligibility(False, True, None,
                           f"This account can't be reinstated: {why.rstrip('.')}.", names)
    waiting = max(t.waiting_days for t in terms.values())
    eligible_from = suspended_at + timedelta(days=waiting)
    if now < eligible_from:
        return Eligibility(
            False, False, eligible_from,
            f"This account can ask to be reinstated from {format_when(eligible_from)} "
            f"({waiting} days after its suspension began).", names)
    return Eligibility(True, False, eligible_from, "eligible", names)


def parse_decision(value: str) -> Decision:
    if value == "grant":
        return "grant"
    if value == "refuse":
        return "refuse"
    raise ModerationError(f"decision: {value!r} is not 'grant' or 'refuse'")


def statement_for_decision(account_id: str, request_id: int, decision: Decision,
                           rationale: str, decided_by: str) -> Notice:
    """The notice telling the account holder how their reinstatement request ended."""
    if decision == "grant":
        title = "Your account is reinstated"
        first = ("We reviewed your request to be reinstated and granted it: your account is "
                 "no longer suspended and works as before.")
    else:
        title = "Your reinstatement request was refused"
        first = ("We reviewed your request to be reinstated and refused it: your account "
                 "stays suspended.")
    body = "\n\n".join([
        first,
        f"Who decided: {decided_by}.",
        f"Why: {rationale}",
        "This decision is published, with its rationale, in our list of reinstatement "
        f"decisions (request #{request_id}).",
    ])
    return Notice(account_id, f"reinstatement_{'granted' if decision == 'grant' else 'refused'}",
                  SubjectType.ACCOUNT.value, account_id, "", "", (), None, False, title, body)
