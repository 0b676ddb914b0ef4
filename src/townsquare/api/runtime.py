"""Everything a server process holds: store, key, live policy, label cache, verdict runtime."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from townsquare.bootstrap import App, open_app
from townsquare.moderation.detection import DetectionRule, parse_detection_rules
from townsquare.moderation.strikes import DEFAULT_LADDER, StrikeLadder
from townsquare.moderation.verdicts import CompiledPolicy
from townsquare.policy_files import load_policy_from_settings
from townsquare.services.enforcement import ModerationContext
from townsquare.services.label_cache import LabelCache
from townsquare.services.visibility import VisibilityRuntime
from townsquare.settings import Settings


def default_detection_rules(compiled: CompiledPolicy) -> tuple[DetectionRule, ...]:
    text = resources.files("townsquare.moderation.policies").joinpath("detection.yaml")
    data: Any = yaml.safe_load(text.read_text("utf-8"))
    return parse_detection_rules(data, compiled.policy)


@dataclass
class Runtime:
    app: App
    compiled: CompiledPolicy
    ladder: StrikeLadder
    moderation: ModerationContext
    cache: LabelCache
    visibility: VisibilityRuntime

    def close(self) -> None:
        self.visibility.close()
        self.cache.close()
        self.app.close()


def open_runtime(settings: Settings) -> Runtime:
    app = open_app(settings)
    compiled = load_policy_from_settings(settings)
    ladder = DEFAULT_LADDER
    ctx = ModerationContext(app.sessions, compiled, ladder, default_detection_rules(compiled))
    cache = LabelCache(app.sessions, compiled, poll_interval=settings.cache_poll_interval).start()
    visibility = VisibilityRuntime(app.sessions, compiled, cache)
    return Runtime(app, compiled, ladder, ctx, cache, visibility)
