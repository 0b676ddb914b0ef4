"""Appeals against enforcement actions and labels: who may appeal what and until when, who
may decide, what an upheld appeal leaves in place, and what the author is told.

An appeal is *upheld* when the author wins (the action is undone) and *denied* otherwise.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from townsquare.moderation.model import ModerationError
from townsquare.moderation.notices import Notice, format_when
from townsquare.moderation.strikes import Consequence, ConsequenceKind
from townsquare.staff.actor import Actor, Forbidden

TargetType = Literal["action", "label"]
Outcome = Literal["upheld", "denied"]
OPEN = "open"
LADDER_PREFIX = "ladder:"  # escalations are recorded as taken by "ladder:<actor>"
MAX_STATEMENT = 5_000
MAX_RATIONALE = 5_000


@dataclass(frozen=True)
class AppealTarget:
    """What an appeal is against: an enforcement action or a label, as far as the rules need."""

    type: TargetType
    id: int
    account_id: str
    subject_type: str  # the post or account the action or label is on
    subject_id: str
    policy: str
    what: str  # the action kind or the label name
    created_at: datetime
    created_by: str
    appealable: bool = True
    reversed: bool = False

    @property
    def key(self) -> str:
        return f"{self.type}:{self.id}"

    def describe(self) -> str:
        noun = "action" if self.type == "action" else "label"
        return f'the {self.what.replace("_", " ")} {noun} (#{self.id})'


def parse_target_type(value: str) -> TargetType:
    if value == "action":
        return "action"
    if value == "label":
        return "label"
    raise ModerationError(f"target_type: {value!r} is not 'action' or 'label'")


def parse_outcome(value: str) -> Outcome:
    if value == "upheld":
        return "upheld"
    if value == "denied":
        return "denied"
    raise ModerationError(
        f"outcome: {value!r} is not 'upheld' (the author wins: undo it) or 'denied'")


def required_text(value: str, what: str, limit: int) -> str:
    """``value`` stripped; ModerationError when empty or longer than ``limit``."""
    value = value.strip() if isinstance(value, str) else ""
    if not value:
        raise ModerationError(f"{what}: must not be empty")
    if len(value) > limit:
        raise ModerationError(f"{what}: at most {limit} characters")
    return value


def check_filing(target: AppealTarget, appellant: str, now: datetime, window: timedelta
                 ) -> None:
    """Raise unless ``appellant`` may appeal ``target`` at ``now``: Forbidden for someone
    else's action, ModerationError (with what to do) for anything that cannot be appealed."""
    if appellant != target.account_id:
        raise Forbidden(
            f"{target.describe()} concerns account {target.account_id!r}, not "
            f"{appellant!r}: only the account it concerns can appeal it")
    if target.reversed:
        raise ModerationError(f"{target.describe()} was already lifted or reversed")
    if not target.appealable:
        raise ModerationError(f"{target.describe()} cannot be appealed under the policy")
    closes = target.created_at + window
    if now >= closes:
        raise ModerationError(
            f"the appeal window for {target.describe()} closed on {format_when(closes)} "
            f"({window.days} days after it was taken)")


def original_actor(created_by: str) -> str:
    """Who took an action: the moderator behind a ladder escalation, the creator otherwise."""
    return created_by.removeprefix(LADDER_PREFIX)


def check_decider(target: AppealTarget, decider: Actor) -> None:
    """Forbidden when ``decider`` took the action (or applied the label) under appeal."""
    if decider.name == original_actor(target.created_by):
        raise Forbidden(
            f"{decider.name!r} took {target.describe()}: someone else must decide its appeal")


def escalation_still_due(remaining: Consequence, kind: str, duration: timedelta | None
                         ) -> bool:
    """Whether an escalation the ladder applied is still deserved once a strike is removed:
    the consequence of the strikes that remain is at least as harsh."""
    kinds = {"read_only": ConsequenceKind.READ_ONLY, "suspend": ConsequenceKind.SUSPEND,
             "permanent_suspension": ConsequenceKind.PERMANENT_SUSPENSION}
    if kind not in kinds:
        return True
    applied = Consequence(kinds[kind], duration if kinds[kind] is not
                          ConsequenceKind.PERMANENT_SUSPENSION else None)
    return remaining.severity() >= applied.severity()


def label_lifted(label: str, subject_type: str, subject_id: str) -> str:
    """What lifting a label means to the author, in one sentence."""
    if label == "removed":
        return f"Your post ({subject_id}) is restored."
    if label == "suspended":
        return "Your account is no longer suspended."
    if label == "read_only":
        return "Your account is no longer read-only."
    noun = "post" if subject_type == "post" else "account"
    return f'The "{label.replace("_", " ")}" label no longer applies to your {noun} ({subject_id}).'


def strike_removed(policy: str, remaining: int, per_policy: bool = True) -> str:
    scope = "under this policy" if per_policy else "across all policies"
    return (f"The strike under our {policy.replace('_', ' ').capitalize()} policy is removed: "
            f"you now have {remaining} active strike{'' if remaining == 1 else 's'} {scope}.")


def statement_for_decision(appeal_id: int, target: AppealTarget, outcome: Outcome,
                           rationale: str, undone: Sequence[str], decided_at: datetime
                           ) -> Notice:
    """The notice telling the author how their appeal ended, why, and what changed."""
    what = target.describe()
    if outcome == "upheld":
        title = "Your appeal succeeded"
        paragraphs = [f"We reviewed your appeal (#{appeal_id}) against {what} and agree with "
                      "you: we have undone it."]
        if undone:
            paragraphs.append("What changed: " + " ".join(undone))
    else:
        title = "Your appeal was not successful"
        paragraphs = [f"We reviewed your appeal (#{appeal_id}) against {what} and decided to "
                      "keep it in place."]
    paragraphs += [f"Why: {rationale}", f"Decided on {format_when(decided_at)}. "
                   "This decision is final."]
    return Notice(target.account_id, f"appeal_{outcome}", target.subject_type,
                  target.subject_id, target.policy, "", (), None, False, title,
                  "\n\n".join(paragraphs))
