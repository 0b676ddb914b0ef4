"""Request bodies of the report, queue, routing-rule and reporter routes."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from townsquare.api.schemas import Id, Strict

Note = Field(min_length=1, max_length=2_000)


class ReportIn(Strict):
    """A user's report, filed by the platform on their behalf."""

    reporter_id: str = Id
    subject_type: Literal["post", "account"]
    subject_id: str = Id
    reason: str = Field(min_length=1, max_length=32)
    policy: str = Field(min_length=1, max_length=64)
    text: str = Field(default="", max_length=5_000)


class AssignIn(Strict):
    to: str = Field(min_length=1, max_length=64, description="A staff member's username.")


class EscalateIn(Strict):
    note: str = Note
    queue: str | None = Field(default=None, max_length=64,
                              description="None: where the routing rules send escalations.")


class ReportActionIn(Strict):
    """The action to take; its subject and policy come from the report."""

    kind: Literal["warn", "label", "limit_reach", "remove_post", "block_url", "read_only",
                  "suspend", "permanent_suspension"]
    duration_seconds: int | None = Field(default=None, gt=0)
    note: str = Field(default="", max_length=2_000)
    label: str | None = None
    url_or_domain: str | None = Field(default=None, max_length=2_000)


class ResolveIn(Strict):
    action: ReportActionIn
    target: Literal["subject", "author"] = Field(
        default="subject", description="Act on the reported post/account, or on its author.")
    close_related: bool = Field(
        default=True, description="Close the other open reports on the subject and policy.")


class DismissIn(Strict):
    reason: str = Note
    close_related: bool = True


class QueueIn(Strict):
    name: str = Field(min_length=1, max_length=64)
    description: str = Field(default="", max_length=2_000)
    claim_timeout_seconds: int | None = None


class QueueChangeIn(Strict):
    description: str | None = Field(default=None, max_length=2_000)
    claim_timeout_seconds: int | None = None


class RuleIn(Strict):
    """A routing rule: the first rule whose criteria all hold sends a report to its queue."""

    queue: str = Field(min_length=1, max_length=64)
    priority: int = 0
    name: str = Field(default="", max_length=128)
    match: dict[str, Any] = Field(default_factory=dict)
    position: int | None = Field(default=None, description="From 1; None: last.")


class MuteIn(Strict):
    reason: str = Note
