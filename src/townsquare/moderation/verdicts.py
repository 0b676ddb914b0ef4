"""The hot path: a policy compiled into action masks, evaluated for batches with NumPy.

Each (surface, viewer relation, viewer flags, label) cell holds a bit mask of
actions; an item's verdict is the OR of the cells of the labels it carries
(its own and its author's). Reasons are built only for items not allowed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from townsquare.moderation.model import (
    ALLOW,
    Action,
    ModerationError,
    Reason,
    Relation,
    SafetyLabel,
    Surface,
    Verdict,
    mask_actions,
)
from townsquare.moderation.policy import Policy

SURFACES: tuple[Surface, ...] = tuple(Surface)
RELATIONS: tuple[Relation, ...] = tuple(Relation)
SURFACE_INDEX = {s: i for i, s in enumerate(SURFACES)}
RELATION_INDEX = {r: i for i, r in enumerate(RELATIONS)}
ACTIONS_OF_MASK: tuple[tuple[str, ...], ...] = tuple(tuple(mask_actions(m)) for m in range(256))

U8 = npt.NDArray[np.uint8]
U64 = npt.NDArray[np.uint64]
I8 = npt.NDArray[np.int8]


def parse_surface(name: str) -> Surface:
    try:
        return Surface(name)
    except ValueError:
        options = ", ".join(s.value for s in Surface)
        raise ModerationError(f"unknown surface {name!r}; choose from {options}") from None


@dataclass(frozen=True)
class ItemLabels:
    """The active labels an item carries: its own and (for a post) its author's."""

    item_id: str
    bits: int
    labels: tuple[SafetyLabel, ...]


class CompiledPolicy:
    """A Policy as lookup tables: masks[surface, relation, flags, label] -> action bits."""

    def __init__(self, policy: Policy) -> None:
        self.policy = policy
        self.labels: tuple[str, ...] = tuple(policy.labels)
        self.label_index = {name: i for i, name in enumerate(self.labels)}
        flags = policy.viewer_flags
        self.flag_index = {f: i for i, f in enumerate(flags)}
        shape = (len(SURFACES), len(RELATIONS), 1 << len(flags), len(self.labels))
        self.masks: U8 = np.zeros(shape, dtype=np.uint8)
        self.rules: dict[tuple[int, int, int, int], list[str]] = {}
        for rule in policy.rules:
            bits = sum(1 << a for a in rule.actions)
            exempt = sum(1 << self.flag_index[f] for f in rule.unless_viewer)
            label = self.label_index[rule.label]
            for s in rule.surfaces:
                for r in rule.relations:
                    for f in range(1 << len(flags)):
                        if f & exempt:
                            continue
                        key = (SURFACE_INDEX[s], RELATION_INDEX[r], f, label)
                        self.masks[key] |= bits
                        self.rules.setdefault(key, []).append(rule.id)

    def bit(self, label: str) -> int:
        try:
            return 1 << self.label_index[label]
        except KeyError:
            raise ModerationError(
                f"unknown label {label!r}; the policy defines {', '.join(self.labels)}"
            ) from None

    def flags_value(self, flags: Iterable[str]) -> int:
        return sum(1 << self.flag_index[f] for f in flags if f in self.flag_index)

    def evaluate_masks(self, surface: Surface, relations: I8, flags: I8, bits: U64) -> U8:
        """Action masks for a batch (vectorised over items; loops only over labels present)."""
        out: U8 = np.zeros(len(bits), dtype=np.uint8)
        present = int(np.bitwise_or.reduce(bits)) if len(bits) else 0
        table = self.masks[SURFACE_INDEX[surface]]
        label = 0
        while present:
            if present & 1:
                has = ((bits >> np.uint64(label)) & np.uint64(1)).astype(bool)
                out[has] |= table[relations[has], flags[has], label]
            present >>= 1
            label += 1
        return out

    def reasons(
        self, surface: Surface, relation: Relation, flags: int, labels: Sequence[SafetyLabel]
    ) -> tuple[Reason, ...]:
        s, r = SURFACE_INDEX[surface], RELATION_INDEX[relation]
        out = []
        for lab in labels:
            index = self.label_index.get(lab.label)
            if index is None:
                continue
            for rule in self.rules.get((s, r, flags, index), ()):
                out.append(
                    Reason(
                        lab.label,
                        lab.subject_type.value,
                        lab.subject_id,
                        lab.policy,
                        rule,
                        lab.source.value,
                    )
                )
        return tuple(out)

    def surfaces_limited(self, label: str) -> list[str]:
        """Surfaces where this label changes what someone other than the author sees.

        Keeping ads away is not a limit on a surface's audience: it counts only for
        the ads-adjacency surface.
        """
        index = self.label_index[label]
        viewers = [
            RELATION_INDEX[r] for r in (Relation.FOLLOWER, Relation.OTHER, Relation.LOGGED_OUT)
        ]
        cells = self.masks[:, viewers][..., index]
        limited = np.asarray(cells & ~np.uint8(1 << Action.AVOID_ADS)).any(axis=(1, 2))
        reach = [bool(x) for x in np.atleast_1d(limited)]
        ads = bool((cells & np.uint8(1 << Action.AVOID_ADS)).any())
        return [
            s.value
            for i, s in enumerate(SURFACES)
            if reach[i] or (ads and s is Surface.ADS_ADJACENCY)
        ]


def unknown_verdict(item_id: str) -> Verdict:
    return Verdict(
        item_id,
        Action.DROP.wire,
        (Action.DROP.wire,),
        (Reason("", "", item_id, "", "unknown_item", "system"),),
    )


UNLABELLED = ItemLabels("", 0, ())  # shared by every known item without labels
_ALLOW = (ALLOW,)


def verdicts_for(
    compiled: CompiledPolicy,
    surface: Surface,
    items: Sequence[ItemLabels | None],
    relations: Sequence[Relation],
    flags: int,
    item_ids: Sequence[str],
) -> list[Verdict]:
    """Verdicts for a batch: None items are unknown (dropped, with a reason).

    Items without labels are allowed without touching the tables; the labelled
    rest are evaluated together with NumPy.
    """
    out: list[Verdict] = []
    labelled: list[int] = []
    for i, item in enumerate(items):
        if item is None:
            out.append(unknown_verdict(item_ids[i]))
        else:
            out.append(Verdict(item_ids[i], ALLOW, _ALLOW, ()))
            if item.bits:
                labelled.append(i)
    if not labelled:
        return out
    n = len(labelled)
    bits = np.fromiter((items[i].bits for i in labelled), dtype=np.uint64, count=n)  # type: ignore[union-attr]
    rel = np.fromiter((RELATION_INDEX[relations[i]] for i in labelled), dtype=np.int8, count=n)
    masks = compiled.evaluate_masks(surface, rel, np.full(n, flags, dtype=np.int8), bits)
    for i, mask in zip(labelled, masks.tolist(), strict=True):
        item = items[i]
        if mask and item is not None:
            actions = ACTIONS_OF_MASK[mask]
            out[i] = Verdict(
                item_ids[i],
                actions[0],
                actions,
                compiled.reasons(surface, relations[i], flags, item.labels),
            )
    return out


def shadow_diff(live: CompiledPolicy, candidate: CompiledPolicy) -> list[dict[str, object]]:
    """Every (label, surface, relation, viewer flags) cell whose actions would change."""
    changes: list[dict[str, object]] = []
    for label in sorted(set(live.labels) | set(candidate.labels)):
        for si, surface in enumerate(SURFACES):
            for ri, relation in enumerate(RELATIONS):
                for f in range(max(live.masks.shape[2], candidate.masks.shape[2])):
                    before = _cell(live, si, ri, f, label)
                    after = _cell(candidate, si, ri, f, label)
                    if before != after:
                        changes.append(
                            {
                                "label": label,
                                "surface": surface.value,
                                "relation": relation.value,
                                "viewer_flags": f,
                                "before": list(ACTIONS_OF_MASK[before]),
                                "after": list(ACTIONS_OF_MASK[after]),
                            }
                        )
    return changes


def _cell(compiled: CompiledPolicy, s: int, r: int, f: int, label: str) -> int:
    index = compiled.label_index.get(label)
    if index is None or f >= compiled.masks.shape[2]:
        return 0
    return int(compiled.masks[s, r, f, index])
