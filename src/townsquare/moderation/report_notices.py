"""What a reporter is told about their report: that we acted or found no violation, never
what the action was nor anything private about the account they reported."""

from __future__ import annotations

from datetime import datetime

from townsquare.moderation.model import SubjectType
from townsquare.moderation.notices import Notice, _policy_name, format_when
from townsquare.moderation.reports import ReporterView

REPORT_OUTCOME = "report_outcome"
REPORT_REVERSED = "report_reversed"

_OUTCOMES = {
    ReporterView.ACTION_TAKEN: (
        "We took action on {what} you reported",
        "We reviewed it and found that it breaks our {policy} policy, so we took action. "
        "To protect everyone's privacy, we don't share what the action was.",
    ),
    ReporterView.NO_VIOLATION: (
        "We found no violation in {what} you reported",
        "We reviewed it and found no violation of our {policy} policy, so we didn't take "
        "action. If you'd rather not see this content, you can mute or block the account.",
    ),
    ReporterView.ACTION_REVERSED: (
        "We reversed our action on {what} you reported",
        "After a further review (for example, an appeal by the account's owner), we found "
        "that it doesn't break our {policy} policy after all, and we reversed the action we "
        "had told you about.",
    ),
}


def statement_for_reporter(
    report_id: int, reporter_id: str, subject_type: SubjectType | str, subject_id: str,
    policy: str, filed_at: datetime, outcome: ReporterView,
) -> Notice:
    """The notice to the reporter about report ``report_id`` (outcome: action taken, no
    violation, or action reversed)."""
    if outcome is ReporterView.RECEIVED:
        raise ValueError("a reporter is told only decided outcomes")
    noun = "post" if subject_type == SubjectType.POST else "account"
    what = f"the {noun} ({subject_id})"
    title, finding = _OUTCOMES[outcome]
    body = "\n\n".join((
        f"Thanks for your report of {what} on {format_when(filed_at)}.",
        finding.format(policy=_policy_name(policy)),
        "Reports like yours help keep the town square safe. You can see all your reports "
        "and what became of them on your account's reports page.",
    ))
    kind = REPORT_REVERSED if outcome is ReporterView.ACTION_REVERSED else REPORT_OUTCOME
    return Notice(reporter_id, kind, "report", str(report_id), policy, "", (), None, False,
                  title.format(what=f"the {noun}"), body)
