"""Everything a server process holds: store, key, live policy, label cache, verdict runtime."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from townsquare.bootstrap import App, open_app
from townsquare.moderation.strikes import StrikeLadder
from townsquare.moderation.verdicts import CompiledPolicy
from townsquare.services.context import Services, build_services
from townsquare.services.enforcement import ModerationContext
from townsquare.services.label_cache import LabelCache
from townsquare.services.policies import PolicyInForce
from townsquare.services.visibility import VisibilityRuntime
from townsquare.settings import Settings
from townsquare.store.tables import utcnow


@dataclass
class Runtime:
    app: App
    services: Services
    cache: LabelCache
    visibility: VisibilityRuntime
    # bearer secret -> (monotonic time, actor); see api.auth
    identities: dict[str, Any] = field(default_factory=dict)

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
    holder: list[Runtime] = []

    def refresh() -> None:  # after a write on this worker: its caches see it at once
        holder[0].identities.clear()
        holder[0].cache.refresh()

    def follow(compiled: CompiledPolicy) -> None:  # the cache switched policy: so do services
        if holder:
            holder[0].services = holder[0].services.with_policy(compiled)

    resolver = PolicyInForce(settings)  # stored versions and civic events; the cache polls it
    with app.sessions() as session:
        compiled, _ = resolver.at(session, utcnow())
    services = build_services(app, on_change=refresh, compiled=compiled)
    cache = LabelCache(app.sessions, compiled, poll_interval=settings.cache_poll_interval,
                       policy=lambda session, now: resolver.at(session, now)[0],
                       on_policy=follow).start()
    visibility = VisibilityRuntime(app.sessions, compiled, cache)
    holder.append(Runtime(app, services, cache, visibility))
    return holder[0]
