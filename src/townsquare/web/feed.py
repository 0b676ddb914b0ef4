"""How a demo page turns a batch of verdicts into what it renders (pure: no I/O).

drop -> not shown (listed as hidden, with reasons, for the curious);
downrank -> moved to the end; avoid_ads -> no ad slot next to it. tombstone, interstitial,
label and limited_engagement are flags the templates render.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Generic, TypeVar

from townsquare.moderation.model import ALLOW, Verdict

T = TypeVar("T")
DROP, TOMBSTONE, INTERSTITIAL = "drop", "tombstone", "interstitial"
LABEL, DOWNRANK, LIMITED, AVOID_ADS = "label", "downrank", "limited_engagement", "avoid_ads"


@dataclass(frozen=True)
class Shown(Generic[T]):
    """An item on the page, with the verdict that says how to render it."""

    item: T
    verdict: Verdict
    ad_after: bool = False

    def has(self, action: str) -> bool:
        return action in self.verdict.actions

    @property
    def allowed(self) -> bool:
        return self.verdict.action == ALLOW

    @property
    def tombstone(self) -> bool:
        return self.has(TOMBSTONE)

    @property
    def interstitial(self) -> bool:
        return self.has(INTERSTITIAL)

    @property
    def context(self) -> bool:
        return self.has(LABEL)

    @property
    def downranked(self) -> bool:
        return self.has(DOWNRANK)

    @property
    def limited(self) -> bool:
        return self.has(LIMITED)

    @property
    def avoid_ads(self) -> bool:
        return self.has(AVOID_ADS)


@dataclass(frozen=True)
class Hidden(Generic[T]):
    """A candidate the verdict dropped: not rendered, only counted and explained."""

    item: T
    verdict: Verdict


@dataclass(frozen=True)
class Section(Generic[T]):
    """What one surface of a page shows after asking for verdicts."""

    surface: str
    shown: tuple[Shown[T], ...]
    hidden: tuple[Hidden[T], ...]
    candidates: int

    @property
    def limited_count(self) -> int:
        return sum(1 for s in self.shown if not s.allowed)


def arrange(
    surface: str, items: Sequence[T], verdicts: Sequence[Verdict], *,
    key: Callable[[T], str], limit: int | None = None, ads_every: int | None = None,
) -> Section[T]:
    """Drop, keep the first ``limit``, move downranked ones to the end (stable), place ads."""
    by_id = {v.item_id: v for v in verdicts}
    kept: list[Shown[T]] = []
    hidden: list[Hidden[T]] = []
    for item in items:
        verdict = by_id[key(item)]
        if DROP in verdict.actions:
            hidden.append(Hidden(item, verdict))
        else:
            kept.append(Shown(item, verdict))
    # The page keeps its first `limit` items, then moves the downranked ones to its end:
    # a downranked post sinks, it does not vanish.
    page = kept[:limit] if limit is not None else kept
    shown = [s for s in page if not s.downranked] + [s for s in page if s.downranked]
    if ads_every:
        shown = place_ads(shown, ads_every)
    return Section(surface, tuple(shown), tuple(hidden), len(items))


def place_ads(shown: Sequence[Shown[T]], every: int) -> list[Shown[T]]:
    """An ad slot after every ``every`` items, deferred past items that must not sit next
    to an ad (avoid_ads) or that show nothing (tombstone)."""
    out: list[Shown[T]] = []
    since = 0
    for s in shown:
        since += 1
        slot = since >= every and not s.avoid_ads and not s.tombstone
        out.append(replace(s, ad_after=slot) if slot else s)
        if slot:
            since = 0
    return out
