"""What every use case may need, built once per process: the store, the live policy and
moderation context, the settings, and a hook that refreshes this worker's caches."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import yaml
from sqlalchemy.orm import Session, sessionmaker

from townsquare.bootstrap import App
from townsquare.moderation.detection import DetectionRule, parse_detection_rules
from townsquare.moderation.strikes import DEFAULT_LADDER
from townsquare.moderation.verdicts import CompiledPolicy
from townsquare.policy_files import load_policy_from_settings
from townsquare.services.enforcement import ModerationContext
from townsquare.settings import Settings


def _nothing() -> None:
    return None


@dataclass(frozen=True)
class Services:
    app: App
    moderation: ModerationContext
    # Called after a write so this worker's caches see it at once (others poll).
    on_change: Callable[[], None] = field(default=_nothing)

    @property
    def sessions(self) -> sessionmaker[Session]:
        return self.app.sessions

    @property
    def settings(self) -> Settings:
        return self.app.settings


def default_detection_rules(compiled: CompiledPolicy) -> tuple[DetectionRule, ...]:
    text = resources.files("townsquare.moderation.policies").joinpath("detection.yaml")
    data: Any = yaml.safe_load(text.read_text("utf-8"))
    return parse_detection_rules(data, compiled.policy)


def moderation_context(app: App, compiled: CompiledPolicy | None = None) -> ModerationContext:
    compiled = compiled or load_policy_from_settings(app.settings)
    return ModerationContext(
        app.sessions, compiled, DEFAULT_LADDER, default_detection_rules(compiled)
    )


def build_services(app: App, on_change: Callable[[], None] = _nothing) -> Services:
    return Services(app, moderation_context(app), on_change)
