"""The in-process state behind the verdict hot path, kept fresh from the database.

Holds every subject's active labels (as ``SafetyLabel`` tuples plus a 64-bit mask of
the compiled policy's label bits), each post's author, each account's viewer
preference and the follow graph. ``start()`` loads everything, then a background
thread polls the two change logs (``label_changes``, ``content_changes``) every
``poll_interval`` seconds and reloads only the subjects that changed, so a write made
by any other worker process is seen here within about one interval.

Readers never touch the database: every value is immutable and replaced whole
(copy-on-write per entry; dict get/set are atomic under the GIL). ``_write_lock`` is
held only to swap in values already computed: by the refresher, and by a reader
storing an entry it recomputed after a label expired.
A label past its ``expires_at`` stops counting at evaluation time with no database
change: each entry keeps its earliest expiry and is recomputed lazily once past it.

With a ``policy`` resolver (stored versions and civic events), each poll also asks which
compiled policy is in force and switches to it: label bits are recomputed in memory when
the label set differs, and the new policy and its tables are published as one snapshot,
so a batch never mixes two policies.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple, Self

from sqlalchemy.orm import Session, sessionmaker

from townsquare.moderation.model import LabelSource, SafetyLabel, SubjectType
from townsquare.moderation.verdicts import CompiledPolicy
from townsquare.store import moderation as repo
from townsquare.store.moderation_tables import Label
from townsquare.store.tables import utcnow

log = logging.getLogger(__name__)

DEFAULT_POLL_INTERVAL = 0.2
CHANGES_PER_QUERY = 10_000
Clock = Callable[[], datetime]
PolicyResolver = Callable[[Session, datetime], CompiledPolicy]


@dataclass(frozen=True, slots=True)
class SubjectLabels:
    """A subject's active labels, their label bits, and when the first of them expires."""

    labels: tuple[SafetyLabel, ...]
    bits: int
    valid_until: datetime | None


NO_LABELS = SubjectLabels((), 0, None)


def subject_labels(
    labels: Iterable[SafetyLabel], compiled: CompiledPolicy, now: datetime
) -> SubjectLabels:
    """The labels active at ``now``, their bits (labels the policy lacks add none)."""
    active = tuple(lab for lab in labels if lab.active(now))
    bits = 0
    for lab in active:
        index = compiled.label_index.get(lab.label)
        if index is not None:
            bits |= 1 << index
    expiries = [lab.expires_at for lab in active if lab.expires_at is not None]
    return SubjectLabels(active, bits, min(expiries) if expiries else None)


def safety_label(row: Label) -> SafetyLabel:
    try:
        source = LabelSource(row.source)
    except ValueError:
        source = LabelSource.HUMAN
    return SafetyLabel(row.id, SubjectType(row.subject_type), row.subject_id, row.label,
                       row.policy, source, row.created_at, row.expires_at, row.note)


class CacheTables(NamedTuple):
    """The cache's tables at one moment, for batch loops; read them, never write them.
    ``compiled`` is the policy the label bits were computed for."""

    authors: Mapping[str, str]
    accounts: Mapping[str, bool]
    followees: Mapping[str, frozenset[str]]
    post_labels: Mapping[str, SubjectLabels]
    account_labels: Mapping[str, SubjectLabels]
    compiled: CompiledPolicy


class LabelCache:
    """Labels, authors, viewer preferences and follows of the whole platform, in memory."""

    def __init__(
        self, sessions: sessionmaker[Session], compiled: CompiledPolicy, *,
        poll_interval: float = DEFAULT_POLL_INTERVAL, clock: Clock = utcnow,
        policy: PolicyResolver | None = None,
        on_policy: Callable[[CompiledPolicy], None] | None = None,
    ) -> None:
        self.compiled = compiled
        self.poll_interval = poll_interval
        self._sessions = sessions
        self._clock = clock
        self._policy = policy
        self._on_policy = on_policy  # told after each switch (the worker's Services follow)
        self._post_labels: dict[str, SubjectLabels] = {}
        self._account_labels: dict[str, SubjectLabels] = {}
        self._authors: dict[str, str] = {}
        self._accounts: dict[str, bool] = {}  # account_id -> sensitive_media_opt_in
        self._followees: dict[str, frozenset[str]] = {}
        self._tables = self._snapshot()
        self._label_version = 0
        self._content_version = 0
        self._write_lock = threading.Lock()
        self._refresh_lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.last_refresh: float | None = None  # time.monotonic() of the last good poll
        self.last_error: str | None = None

    # --- lifecycle -------------------------------------------------------------------

    def start(self) -> Self:
        """Load everything, then keep fresh from a background thread until ``close()``."""
        self.load()
        if self._thread is None and self.poll_interval > 0:
            self._stop.clear()
            self._thread = threading.Thread(target=self._poll_forever, name="label-cache",
                                            daemon=True)
            self._thread.start()
        return self

    def close(self) -> None:
        """Stop the background thread (the cached data stays readable)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=max(5.0, 10 * self.poll_interval))
            self._thread = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @property
    def running(self) -> bool:
        """Whether the background refresher is alive."""
        return self._thread is not None and self._thread.is_alive()

    @property
    def versions(self) -> tuple[int, int]:
        """The (label, content) change versions this cache has applied."""
        return self._label_version, self._content_version

    def load(self) -> None:
        """Replace everything with a full read of the database."""
        with self._refresh_lock, self._sessions() as session:
            self._load(session)

    def _load(self, session: Session) -> None:
        # Versions first: whatever commits during the load is re-applied by the next poll.
        label_version, content_version = repo.change_versions(session)
        now = self._clock()
        before = self.compiled
        if self._policy is not None:
            self.compiled = self._policy(session, now)
        grouped: dict[tuple[str, str], list[SafetyLabel]] = {}
        for row in repo.iter_active_labels(session, now):
            grouped.setdefault((row.subject_type, row.subject_id), []).append(safety_label(row))
        post_labels: dict[str, SubjectLabels] = {}
        account_labels: dict[str, SubjectLabels] = {}
        for (subject_type, subject_id), labels in grouped.items():
            table = post_labels if subject_type == SubjectType.POST else account_labels
            table[subject_id] = subject_labels(labels, self.compiled, now)
        authors = dict(repo.iter_posts(session))
        accounts = dict(repo.iter_accounts(session))
        follows: dict[str, set[str]] = {}
        for follower, followee in repo.iter_follows(session):
            follows.setdefault(follower, set()).add(followee)
        with self._write_lock:
            self._post_labels, self._account_labels = post_labels, account_labels
            self._authors, self._accounts = authors, accounts
            self._followees = {k: frozenset(v) for k, v in follows.items()}
            self._label_version, self._content_version = label_version, content_version
            self._tables = self._snapshot()
        self.last_refresh = time.monotonic()
        if self.compiled is not before and self._on_policy is not None:
            self._on_policy(self.compiled)

    def refresh(self) -> int:
        """Apply what changed since the last poll; returns how many changes were read."""
        with self._refresh_lock, self._sessions() as session:
            label_version, content_version = repo.change_versions(session)
            if label_version < self._label_version or content_version < self._content_version:
                self._load(session)  # the logs went backwards: a restored or new database
                return 0
            count = 0
            if label_version > self._label_version:
                count += self._apply_label_changes(session)
            if content_version > self._content_version:
                count += self._apply_content_changes(session)
            switched = self._follow_policy(session)
        self.last_refresh = time.monotonic()
        self.last_error = None
        if switched and self._on_policy is not None:
            self._on_policy(self.compiled)
        return count

    def _follow_policy(self, session: Session) -> bool:
        """Switch to the policy in force now, if it changed; True when it did."""
        if self._policy is None:
            return False
        compiled = self._policy(session, self._clock())
        if compiled is self.compiled:
            return False
        if compiled.labels == self.compiled.labels:  # same label bits: swap the policy only
            with self._write_lock:
                self.compiled = compiled
                self._tables = self._snapshot()
            return True
        now = self._clock()
        with self._write_lock:
            post_labels = {k: subject_labels(v.labels, compiled, now)
                           for k, v in self._post_labels.items()}
            account_labels = {k: subject_labels(v.labels, compiled, now)
                              for k, v in self._account_labels.items()}
            self._post_labels, self._account_labels = post_labels, account_labels
            self.compiled = compiled
            self._tables = self._snapshot()
        return True

    def _snapshot(self) -> CacheTables:
        return CacheTables(self._authors, self._accounts, self._followees, self._post_labels,
                           self._account_labels, self.compiled)

    def _poll_forever(self) -> None:
        while not self._stop.wait(self.poll_interval):
            try:
                self.refresh()
            except Exception as exc:  # a database hiccup must not end the refresher
                message = f"{type(exc).__name__}: {exc}"
                if message != self.last_error:
                    log.warning("label cache refresh failed: %s", message)
                self.last_error = message

    def _apply_label_changes(self, session: Session) -> int:
        rows: list[repo.ChangeRow] = []
        while batch := repo.label_changes_after(
            session, rows[-1].version if rows else self._label_version, CHANGES_PER_QUERY
        ):
            rows.extend(batch)
            if len(batch) < CHANGES_PER_QUERY:
                break
        if not rows:
            return 0
        now = self._clock()
        fresh: dict[str, dict[str, SubjectLabels]] = {}
        for subject_type in (SubjectType.POST, SubjectType.ACCOUNT):
            ids = {r.subject_id for r in rows if r.kind == subject_type}
            found: dict[str, list[SafetyLabel]] = {i: [] for i in ids}
            for row in repo.active_labels_of_subjects(session, subject_type, ids, now):
                found[row.subject_id].append(safety_label(row))
            fresh[subject_type] = {
                i: subject_labels(labels, self.compiled, now) for i, labels in found.items()
            }
        with self._write_lock:
            for subject_type, table in ((SubjectType.POST, self._post_labels),
                                        (SubjectType.ACCOUNT, self._account_labels)):
                for subject_id, entry in fresh[subject_type].items():
                    if entry.labels:
                        table[subject_id] = entry
                    else:
                        table.pop(subject_id, None)
            self._label_version = rows[-1].version
        return len(rows)

    def _apply_content_changes(self, session: Session) -> int:
        rows: list[repo.ChangeRow] = []
        while batch := repo.content_changes_after(
            session, rows[-1].version if rows else self._content_version, CHANGES_PER_QUERY
        ):
            rows.extend(batch)
            if len(batch) < CHANGES_PER_QUERY:
                break
        if not rows:
            return 0
        post_ids = {r.subject_id for r in rows if r.kind == repo.POST_CHANGE}
        account_ids = {r.subject_id for r in rows if r.kind == repo.ACCOUNT_CHANGE}
        follower_ids = {r.subject_id for r in rows if r.kind == repo.FOLLOW_CHANGE}
        authors = repo.posts_by_ids(session, post_ids)
        accounts = repo.accounts_by_ids(session, account_ids)
        followees = repo.followees_of(session, follower_ids)
        with self._write_lock:
            for post_id in post_ids:
                if post_id in authors:
                    self._authors[post_id] = authors[post_id]
                else:
                    self._authors.pop(post_id, None)
            for account_id in account_ids:
                if account_id in accounts:
                    self._accounts[account_id] = accounts[account_id]
                else:
                    self._accounts.pop(account_id, None)
            for follower, followed in followees.items():
                if followed:
                    self._followees[follower] = frozenset(followed)
                else:
                    self._followees.pop(follower, None)
            self._content_version = rows[-1].version
        return len(rows)

    # --- the hot path: lock-free reads -----------------------------------------------

    def tables(self) -> CacheTables:
        """The current tables and their policy; a label past its expiry is still in them
        (see ``fresh``)."""
        return self._tables

    def fresh(self, entry: SubjectLabels, subject_type: str, subject_id: str,
              now: datetime, compiled: CompiledPolicy | None = None) -> SubjectLabels:
        """``entry`` (read from ``tables()``) as of ``now``: expired labels taken out, bits
        for ``compiled`` (the tables' policy; default: the current one)."""
        if entry.valid_until is None or now < entry.valid_until:
            return entry
        if compiled is not None and compiled is not self.compiled:
            return subject_labels(entry.labels, compiled, now)  # the policy switched mid-batch
        table = self._post_labels if subject_type == SubjectType.POST else self._account_labels
        return self._current(table, subject_id, now)

    def sensitive_media_opt_in(self, account_id: str) -> bool:
        return self._accounts.get(account_id, False)

    def followees(self, account_id: str) -> frozenset[str]:
        return self._followees.get(account_id, frozenset())

    def post_labels(self, post_id: str, now: datetime) -> SubjectLabels:
        return self._current(self._post_labels, post_id, now)

    def _current(self, table: dict[str, SubjectLabels], key: str, now: datetime) -> SubjectLabels:
        entry = table.get(key)
        if entry is None:
            return NO_LABELS
        if entry.valid_until is None or now < entry.valid_until:
            return entry
        # A label expired: recompute; store it unless the refresher replaced the entry meanwhile.
        current = subject_labels(entry.labels, self.compiled, now)
        with self._write_lock:
            if table.get(key) is entry:
                if current.labels:
                    table[key] = current
                else:
                    del table[key]
        return current

    def now(self) -> datetime:
        """The cache's clock (tests override it)."""
        return self._clock()
