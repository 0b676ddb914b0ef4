"""Everything a server process holds: store, key, live policy, label cache, verdict runtime."""

from __future__ import annotations

from dataclasses import dataclass

from townsquare.bootstrap import App, open_app
from townsquare.moderation.strikes import StrikeLadder
from townsquare.moderation.verdicts import CompiledPolicy
from townsquare.services.context import Services, build_services
from townsquare.services.enforcement import ModerationContext
from townsquare.services.label_cache import LabelCache
from townsquare.services.visibility import VisibilityRuntime
from townsquare.settings import Settings


@dataclass
class Runtime:
    app: App
    services: Services
    cache: LabelCache
    visibility: VisibilityRuntime

    @property
    def moderation(self) -> ModerationContext:
        return self.services.moderation

    @property
    def compiled(self) -> CompiledPolicy:
        return self.services.moderation.compiled

    @property
    def ladder(self) -> StrikeLadder:
        return self.services.moderation.ladder

    def close(self) -> None:
        self.visibility.close()
        self.cache.close()
        self.app.close()


def open_runtime(settings: Settings) -> Runtime:
    app = open_app(settings)
    holder: list[LabelCache] = []

    def refresh() -> None:
        holder[0].refresh()

    services = build_services(app, on_change=refresh)
    compiled = services.moderation.compiled
    cache = LabelCache(app.sessions, compiled, poll_interval=settings.cache_poll_interval).start()
    holder.append(cache)
    visibility = VisibilityRuntime(app.sessions, compiled, cache)
    return Runtime(app, services, cache, visibility)
