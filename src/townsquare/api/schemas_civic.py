"""Request bodies of the policy-version, civic-event and external-request routes."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field

from townsquare.api.schemas import Strict
from townsquare.policy_files import MAX_POLICY_BYTES
from townsquare.staff.coverage import DEFAULT_CIVIC_POLICY

Reason = Field(min_length=1, max_length=2_000)
Text = Field(max_length=5_000)


class PolicyVersionIn(Strict):
    text: str = Field(min_length=1, max_length=MAX_POLICY_BYTES)
    format: Literal["yaml", "toml"] = "yaml"
    reason: str = Reason


class CivicEventIn(Strict):
    name: str = Field(min_length=1, max_length=128)
    starts_at: datetime
    ends_at: datetime
    min_staff: int = Field(ge=0, le=10_000)
    policy_version: int | None = Field(default=None, ge=1)
    policy_text: str | None = Field(default=None, max_length=MAX_POLICY_BYTES)
    policy_format: Literal["yaml", "toml"] = "yaml"
    permissions: list[str] | None = Field(default=None, max_length=40)
    coverage_policy: str | None = Field(default=DEFAULT_CIVIC_POLICY, max_length=64)


class ReasonIn(Strict):
    reason: str = Reason


class ExternalRequestIn(Strict):
    kind: Literal["takedown", "data"]
    requester_name: str = Field(min_length=1, max_length=200)
    requester_type: str = Field(max_length=32)
    country: str = Field(max_length=2)
    legal_basis: str = Text
    subject_type: Literal["post", "account"]
    subject_id: str = Field(min_length=1, max_length=64)
    requested_action: str | None = Field(default=None, max_length=32)
    received_at: datetime | None = None
    details: str = Field(default="", max_length=5_000)


class DecisionIn(Strict):
    decision: Literal["comply", "partial", "reject"]
    rationale: str = Text
    action: str | None = Field(default=None, max_length=32)
    sections: list[str] | None = Field(default=None, max_length=4)
    duration_seconds: int | None = Field(default=None, gt=0)
    policy: str = Field(default="legal_request", min_length=1, max_length=64)


class PoliticalEntityIn(Strict):
    name: str = Field(min_length=1, max_length=200)
    kind: Literal["party", "candidate"]
    country: str | None = Field(default=None, max_length=2)
