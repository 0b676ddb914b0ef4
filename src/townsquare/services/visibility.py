"""The verdict hot path in process: what a viewer may see of a batch of items on a surface.

Items are posts (their own labels plus their author's account labels), except on
``people_search`` where items are accounts. Everything is read from a ``LabelCache``;
evaluating never touches the database.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from townsquare.moderation.model import ModerationError, Relation, SubjectType, Surface, Verdict
from townsquare.moderation.verdicts import (
    UNLABELLED,
    CompiledPolicy,
    ItemLabels,
    parse_surface,
    verdicts_for,
)
from townsquare.services.label_cache import (
    DEFAULT_POLL_INTERVAL,
    CacheTables,
    LabelCache,
    SubjectLabels,
)
from townsquare.store.tables import utcnow

MAX_ITEMS = 1_000
SENSITIVE_MEDIA_OPT_IN = "sensitive_media_opt_in"
_NONE: frozenset[str] = frozenset()


class VisibilityRuntime:
    """Verdicts for batches of items, from an in-memory cache kept fresh by polling.

    Pass the cache a worker shares, or none to have one created, started and closed
    with this runtime. Given the cache's own policy, the runtime follows the cache when
    it switches policy (a new version, a civic event). A ``compiled`` policy other than
    the cache's (a shadow candidate) is evaluated correctly, on a slower path that maps
    label names to its own bits.
    """

    def __init__(
        self, sessions: sessionmaker[Session], compiled: CompiledPolicy,
        cache: LabelCache | None = None, *, poll_interval: float = DEFAULT_POLL_INTERVAL,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self._fixed = compiled
        self._owns_cache = cache is None
        self.cache = cache or LabelCache(sessions, compiled, poll_interval=poll_interval,
                                         clock=clock).start()
        self._clock = clock
        self._live = self.cache.compiled is compiled  # else a fixed candidate policy

    @property
    def compiled(self) -> CompiledPolicy:
        """The policy verdicts are evaluated with right now."""
        return self.cache.compiled if self._live else self._fixed

    def close(self) -> None:
        """Stop the cache's refresher if this runtime created it."""
        if self._owns_cache:
            self.cache.close()

    def viewer_flags(self, viewer_id: str | None, requested: Iterable[str] = (),
                     compiled: CompiledPolicy | None = None) -> int:
        """The viewer-flags value: flags the caller passes plus the viewer's own preferences."""
        compiled = compiled or self.compiled
        names = set(requested)
        if unknown := names - set(compiled.flag_index):
            declared = ", ".join(compiled.policy.viewer_flags) or "none"
            raise ModerationError(f"unknown viewer flag(s) {sorted(unknown)}; the policy "
                                  f"declares {declared}")
        if viewer_id is not None and self.cache.sensitive_media_opt_in(viewer_id):
            names.add(SENSITIVE_MEDIA_OPT_IN)
        return compiled.flags_value(names)

    def verdicts(
        self, surface: str, viewer_id: str | None, item_ids: Sequence[str],
        viewer_flags: Iterable[str] = (), *, now: datetime | None = None,
    ) -> list[Verdict]:
        """One verdict per item id, in order; unknown items are dropped with a reason.

        Raises ModerationError for an unknown surface or viewer flag, or more than
        MAX_ITEMS ids.
        """
        where = parse_surface(surface)
        if len(item_ids) > MAX_ITEMS:
            raise ModerationError(f"item_ids: at most {MAX_ITEMS} per request, got {len(item_ids)}")
        tables = self.cache.tables()  # one snapshot: a policy switch never splits a batch
        compiled = tables.compiled if self._live else self._fixed
        flags = self.viewer_flags(viewer_id, viewer_flags, compiled)
        if not item_ids:
            return []
        now = now or self._clock()
        if where is Surface.PEOPLE_SEARCH:
            items, relations = self._accounts(tables, compiled, viewer_id, item_ids, now)
        else:
            items, relations = self._posts(tables, compiled, viewer_id, item_ids, now)
        return verdicts_for(compiled, where, items, relations, flags, item_ids)

    def _posts(
        self, tables: CacheTables, compiled: CompiledPolicy, viewer_id: str | None,
        item_ids: Sequence[str], now: datetime,
    ) -> tuple[list[ItemLabels | None], list[Relation]]:
        # Locals and one dict lookup per table: this loop is most of the batch's cost.
        cache = self.cache
        bits_for = tables.compiled
        author_of, post_labels = tables.authors.get, tables.post_labels.get
        account_labels = tables.account_labels.get
        followees = tables.followees.get(viewer_id, _NONE) if viewer_id is not None else _NONE
        items: list[ItemLabels | None] = []
        relations: list[Relation] = []
        for post_id in item_ids:
            author = author_of(post_id)
            if author is None:
                items.append(None)
                relations.append(Relation.OTHER)
                continue
            own, authors = post_labels(post_id), account_labels(author)
            if own is None and authors is None:
                items.append(UNLABELLED)
            else:
                parts = []
                if own is not None:
                    parts.append(cache.fresh(own, SubjectType.POST, post_id, now, bits_for))
                if authors is not None:
                    parts.append(cache.fresh(authors, SubjectType.ACCOUNT, author, now, bits_for))
                items.append(self._item(post_id, parts, compiled, bits_for))
            if viewer_id is None:
                relations.append(Relation.LOGGED_OUT)
            elif viewer_id == author:
                relations.append(Relation.AUTHOR)
            elif author in followees:
                relations.append(Relation.FOLLOWER)
            else:
                relations.append(Relation.OTHER)
        return items, relations

    def _accounts(
        self, tables: CacheTables, compiled: CompiledPolicy, viewer_id: str | None,
        item_ids: Sequence[str], now: datetime,
    ) -> tuple[list[ItemLabels | None], list[Relation]]:
        cache = self.cache
        followees = tables.followees.get(viewer_id, _NONE) if viewer_id is not None else _NONE
        items: list[ItemLabels | None] = []
        relations: list[Relation] = []
        for account_id in item_ids:
            if account_id not in tables.accounts:
                items.append(None)
                relations.append(Relation.OTHER)
                continue
            entry = tables.account_labels.get(account_id)
            parts = [] if entry is None else [
                cache.fresh(entry, SubjectType.ACCOUNT, account_id, now, tables.compiled)]
            items.append(self._item(account_id, parts, compiled, tables.compiled)
                         if parts else UNLABELLED)
            relations.append(_relation(viewer_id, account_id, followees))
        return items, relations

    @staticmethod
    def _item(item_id: str, parts: Sequence[SubjectLabels], compiled: CompiledPolicy,
              bits_for: CompiledPolicy) -> ItemLabels:
        """The item's labels with bits for ``compiled`` (``parts`` carry bits for
        ``bits_for``, reused when it is the same policy)."""
        labels = tuple(lab for part in parts for lab in part.labels)
        if compiled is bits_for:
            bits = 0
            for part in parts:
                bits |= part.bits
        else:
            index = compiled.label_index
            bits = sum({1 << index[lab.label] for lab in labels if lab.label in index})
        return ItemLabels(item_id, bits, labels)


def _relation(viewer_id: str | None, author_id: str, followees: frozenset[str]) -> Relation:
    if viewer_id is None:
        return Relation.LOGGED_OUT
    if viewer_id == author_id:
        return Relation.AUTHOR
    if author_id in followees:
        return Relation.FOLLOWER
    return Relation.OTHER
