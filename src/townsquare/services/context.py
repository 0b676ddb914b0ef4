"""What every use case may need, built once per process: the store, the live policy and
moderation context, the settings, and a hook that refreshes this worker's caches."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from sqlalchemy.orm import Session, sessionmaker

from townsquare.bootstrap import App
from townsquare.moderation.strikes import DEFAULT_LADDER
from townsquare.moderation.verdicts import CompiledPolicy
from townsquare.policy_files import default_detection_rules
from townsquare.services.enforcement import ModerationContext
from townsquare.services.policies import live_policy
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

    def with_policy(self, compiled: CompiledPolicy) -> Services:
        """These services with ``compiled`` as the live policy (detection rules re-checked)."""
        moderation = replace(self.moderation, compiled=compiled,
                             rules=default_detection_rules(compiled))
        return replace(self, moderation=moderation)


def moderation_context(app: App, compiled: CompiledPolicy | None = None) -> ModerationContext:
    """The moderation context with ``compiled``, else the policy in force now (stored
    versions and civic events, else the policy file)."""
    compiled = compiled or live_policy(app.sessions, app.settings)
    return ModerationContext(
        app.sessions, compiled, DEFAULT_LADDER, default_detection_rules(compiled)
    )


def build_services(app: App, on_change: Callable[[], None] = _nothing,
                   compiled: CompiledPolicy | None = None) -> Services:
    """Services on ``app`` with ``compiled``, else the policy in force now."""
    return Services(app, moderation_context(app, compiled), on_change)
