"""Request and response bodies of the HTTP API (the contract in README and /docs)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Id = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.:@-]+$")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class AccountIn(Strict):
    id: str = Id
    handle: str = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.-]+$")
    high_profile: bool = False
    sensitive_media_opt_in: bool = False


class PostIn(Strict):
    id: str = Id
    author_id: str = Id
    text: str = Field(max_length=10_000)
    urls: list[str] = Field(default_factory=list, max_length=20)
    created_at: datetime | None = None


class FollowIn(Strict):
    follower_id: str = Id
    followee_id: str = Id


class LabelIn(Strict):
    subject_type: Literal["post", "account"]
    subject_id: str = Id
    label: str = Field(min_length=1, max_length=64)
    policy: str = Field(min_length=1, max_length=64)
    note: str = Field(default="", max_length=2_000)
    expires_at: datetime | None = None


class LabelOut(BaseModel):
    id: int
    subject_type: str
    subject_id: str
    label: str
    policy: str
    source: str
    note: str
    created_by: str
    created_at: datetime
    expires_at: datetime | None
    removed_at: datetime | None = None


class ActionIn(Strict):
    """An enforcement action. `duration_seconds` for limit_reach, read_only, suspend
    (required) and label; `label` for kind=label; `url_or_domain` for block_url."""

    kind: Literal[
        "warn",
        "label",
        "limit_reach",
        "remove_post",
        "block_url",
        "read_only",
        "suspend",
        "permanent_suspension",
    ]
    subject_type: Literal["post", "account"] = "account"
    subject_id: str = Field(default="", max_length=64)
    policy: str = Field(min_length=1, max_length=64)
    duration_seconds: int | None = Field(default=None, gt=0)
    note: str = Field(default="", max_length=2_000)
    label: str | None = None
    url_or_domain: str | None = Field(default=None, max_length=2_000)


class VisibilityIn(Strict):
    surface: str
    viewer_id: str | None = None
    item_ids: list[str] = Field(max_length=1_000)
    viewer_flags: list[str] = Field(default_factory=list, max_length=8)


class ReasonOut(BaseModel):
    label: str
    subject_type: str
    subject_id: str
    policy: str
    rule: str
    source: str


class VerdictOut(BaseModel):
    item_id: str
    action: str
    actions: list[str]
    reasons: list[ReasonOut]


class VisibilityOut(BaseModel):
    surface: str
    verdicts: list[VerdictOut]


class StatusOut(BaseModel):
    account_id: str
    limits: list[dict[str, Any]]
    notices: list[dict[str, Any]]
    strikes: dict[str, Any]
    appeals: list[dict[str, Any]] = []
    reinstatement: list[dict[str, Any]] = []


class PolicyShadowIn(Strict):
    policy: str = Field(min_length=1, max_length=200_000, description="Candidate policy (YAML).")
