"""User reports as plain data: why people report, the states a report goes through, how
much a reporter's past reports are worth, and what the reporter is shown."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from townsquare.moderation.model import ModerationError, SubjectType
from townsquare.moderation.policy import Policy

MAX_REPORT_TEXT = 5_000
MAX_NOTE = 2_000


class ReportReason(StrEnum):
    """What the reporter says is wrong (the platform's report form offers these)."""

    SPAM = "spam"
    HARASSMENT = "harassment"
    HATEFUL_CONDUCT = "hateful_conduct"
    VIOLENCE = "violence"
    SELF_HARM = "self_harm"
    SEXUAL_CONTENT = "sexual_content"
    CHILD_SAFETY = "child_safety"
    PRIVATE_INFORMATION = "private_information"
    IMPERSONATION = "impersonation"
    MISINFORMATION = "misinformation"
    CIVIC_INTEGRITY = "civic_integrity"
    ILLEGAL_CONTENT = "illegal_content"
    INTELLECTUAL_PROPERTY = "intellectual_property"
    OTHER = "other"

    @classmethod
    def parse(cls, name: str) -> ReportReason:
        try:
            return cls(name)
        except ValueError:
            options = ", ".join(r.value for r in cls)
            raise ModerationError(f"unknown reason {name!r}; choose from {options}") from None


class ReportStatus(StrEnum):
    OPEN = "open"  # in a queue, maybe claimed
    ACTIONING = "actioning"  # an action is being taken for it right now
    PENDING_APPROVAL = "pending_approval"  # its action waits for a second person
    ACTIONED = "actioned"
    DISMISSED = "dismissed"


# Open for the reporter's purposes: a second report on the same subject is a duplicate.
UNDECIDED = frozenset({ReportStatus.OPEN, ReportStatus.ACTIONING, ReportStatus.PENDING_APPROVAL})
DECIDED = frozenset({ReportStatus.ACTIONED, ReportStatus.DISMISSED})


class ReporterTrust(StrEnum):
    """How often a reporter's decided reports led to action."""

    NEW = "new"  # too few decided reports to tell
    TRUSTED = "trusted"
    NORMAL = "normal"
    LOW = "low"


TRUST_MIN_DECIDED = 3
TRUSTED_SHARE = 0.6
LOW_SHARE = 0.2


def trust_level(actioned: int, dismissed: int) -> ReporterTrust:
    """The reporter's trust from their decided reports (actioned vs dismissed)."""
    if actioned < 0 or dismissed < 0:
        raise ValueError("report counts cannot be negative")
    decided = actioned + dismissed
    if decided < TRUST_MIN_DECIDED:
        return ReporterTrust.NEW
    share = actioned / decided
    if share >= TRUSTED_SHARE:
        return ReporterTrust.TRUSTED
    if share < LOW_SHARE:
        return ReporterTrust.LOW
    return ReporterTrust.NORMAL


class ReporterView(StrEnum):
    """What the reporter sees of their report: never queues, claims, mutes or approvals."""

    RECEIVED = "received"
    ACTION_TAKEN = "action_taken"
    NO_VIOLATION = "no_violation"
    ACTION_REVERSED = "action_reversed"  # the action was undone later (an appeal)


def reporter_view(status: str, action_reversed: bool = False) -> ReporterView:
    if status == ReportStatus.ACTIONED:
        return ReporterView.ACTION_REVERSED if action_reversed else ReporterView.ACTION_TAKEN
    if status == ReportStatus.DISMISSED:
        return ReporterView.NO_VIOLATION
    return ReporterView.RECEIVED


def report_policies(policy: Policy) -> frozenset[str]:
    """The policy names a report may cite: the live policy file's ``policies`` (e.g.
    ``child_safety``) and its labels, each a policy of its own (``spam``, ``hateful_conduct``)."""
    return frozenset(policy.labels) | frozenset(policy.policy_terms)


@dataclass(frozen=True)
class NewReport:
    """A report as filed; construction validates it (ModerationError with the reason)."""

    reporter_id: str
    subject_type: SubjectType
    subject_id: str
    reason: ReportReason
    policy: str
    text: str = ""

    def __post_init__(self) -> None:
        try:
            object.__setattr__(self, "subject_type", SubjectType(self.subject_type))
        except ValueError:
            raise ModerationError(
                f"subject_type {self.subject_type!r} is not 'post' or 'account'"
            ) from None
        object.__setattr__(self, "reason", ReportReason.parse(str(self.reason)))
        for name in ("reporter_id", "subject_id", "policy"):
            if not str(getattr(self, name)).strip():
                raise ModerationError(f"{name} must not be empty")
        if len(self.text) > MAX_REPORT_TEXT:
            raise ModerationError(f"text: at most {MAX_REPORT_TEXT} characters")
        if self.subject_type is SubjectType.ACCOUNT and self.subject_id == self.reporter_id:
            raise ModerationError("an account cannot report itself")

    def check_policy(self, known: frozenset[str]) -> None:
        if self.policy not in known:
            raise ModerationError(
                f"unknown policy {self.policy!r}; reports may cite {', '.join(sorted(known))}"
            )

    @property
    def dedupe_key(self) -> str:
        """Equal for two undecided reports of one reporter on one subject (refused)."""
        return dedupe_key(self.reporter_id, self.subject_type.value, self.subject_id)


def dedupe_key(reporter_id: str, subject_type: str, subject_id: str) -> str:
    return f"{reporter_id}\x1f{subject_type}\x1f{subject_id}"
