"""What the demo tells a viewer about a verdict: the notice text for each action, taken
from the labels whose rules produced that action (friendly text for the default labels,
the policy's own description for any other)."""

from __future__ import annotations

from townsquare.moderation.model import Reason, Verdict
from townsquare.moderation.verdicts import CompiledPolicy

CONTEXT = {
    "civic_misinformation": "Context: this claim about when, where or how to vote is disputed. "
                            "Check official election information before you share it.",
    "hateful_conduct": "This post breaks the rules on hateful conduct. It stays up for the "
                       "record, with replies and likes turned off.",
    "untrusted_url": "This post links to a site that is blocked as unsafe. Others see it "
                     "behind a warning.",
}
WARNING = {
    "sensitive_media": "Sensitive media: this post may show graphic content.",
    "hateful_conduct": "This post breaks the rules on hateful conduct.",
    "untrusted_url": "This post links to a site flagged as unsafe (malware or phishing).",
}
TOMBSTONE = {
    "removed": "It was removed for breaking the rules.",
    "suspended": "The account that wrote it is suspended.",
    "private_information": "It shares someone's private information. Only you, its author, "
                           "see that it exists.",
}
LIMITED = "Replies and likes are turned off for this post."


class Explainer:
    """Notices for the actions of a verdict under one compiled policy."""

    def __init__(self, compiled: CompiledPolicy) -> None:
        policy = compiled.policy
        self.rule_actions = {rule.id: {a.wire for a in rule.actions} for rule in policy.rules}
        self.descriptions = {name: d.description for name, d in policy.labels.items()}

    def reasons_for(self, verdict: Verdict, action: str) -> list[Reason]:
        """The reasons whose rule produced ``action`` (all reasons when unknown)."""
        found = [r for r in verdict.reasons if action in self.rule_actions.get(r.rule, ())]
        return found or list(verdict.reasons)

    def notice(self, verdict: Verdict, action: str) -> str:
        """One sentence per label behind ``action``, in the viewer's words."""
        table = {"label": CONTEXT, "interstitial": WARNING, "tombstone": TOMBSTONE}.get(action, {})
        seen: list[str] = []
        for reason in self.reasons_for(verdict, action):
            text = table.get(reason.label) or self.descriptions.get(reason.label) or reason.label
            if text and text not in seen:
                seen.append(text)
        return " ".join(seen)

    @staticmethod
    def labels(verdict: Verdict, reasons: list[Reason] | None = None) -> str:
        """'label x, policy y' for each reason, for a short inline mention."""
        items = reasons if reasons is not None else list(verdict.reasons)
        return "; ".join(dict.fromkeys(f"label {r.label}, policy {r.policy}"
                                       for r in items if r.label))
