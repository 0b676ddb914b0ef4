"""A seeded moderation store for the verdict benchmarks: accounts, posts, follows, labels.

Rows are bulk-inserted with SQLAlchemy Core into a migrated database (setup, never timed):
the services' one-transaction-per-row writes would take minutes at these sizes and are
not what the benchmarks measure. The label cache reads these tables exactly as it reads
rows written through the API. Also: the benchmarks' sizes (FULL, QUICK) and the helpers
the in-process and HTTP benchmarks share.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from bench import canary_bench
from townsquare.bootstrap import open_app
from townsquare.settings import load_settings
from townsquare.store.moderation_tables import Account, Follow, Label, Post

# Default-policy labels, weighted roughly as a platform would see them.
POST_LABELS: tuple[tuple[str, int], ...] = (
    ("spam", 30), ("do_not_amplify", 15), ("sensitive_media", 15),
    ("civic_misinformation", 10), ("hateful_conduct", 10), ("trends_blacklist", 6),
    ("untrusted_url", 6), ("private_information", 4), ("removed", 4),
)
ACCOUNT_LABELS: tuple[tuple[str, int], ...] = (
    ("do_not_amplify", 25), ("search_blacklist", 20), ("spam", 15),
    ("recommendations_blacklist", 15), ("trends_blacklist", 10), ("sensitive_media", 5),
    ("suspended", 5), ("read_only", 5),
)
CHUNK = 5_000  # rows per executemany


@dataclass(frozen=True)
class StoreSize:
    posts: int
    accounts: int
    post_label_share: float = 0.05  # posts carrying at least one label
    account_label_share: float = 0.01  # accounts carrying at least one label
    follows_per_account: int = 100  # mean; skewed towards a few popular accounts


HIGH_PROFILE = 20  # the first accounts are high-profile (their labels need a second person)


@dataclass
class SeededStore:
    """What was written, for choosing benchmark batches and checking answers."""

    data_dir: Path
    posts: list[str]
    accounts: list[str]
    author: dict[str, str]
    followees: dict[str, set[str]]
    labelled_posts: set[str]
    labelled_accounts: set[str]
    posts_of: dict[str, list[str]] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def high_profile(self) -> set[str]:
        return set(self.accounts[:HIGH_PROFILE])

    def describe(self) -> str:
        c = self.counts
        return (
            f"seeded SQLite store: {c['posts']:,} posts by {c['accounts']:,} accounts, "
            f"{c['follows']:,} follows, {c['post_labels']:,} labels on "
            f"{len(self.labelled_posts):,} posts ({len(self.labelled_posts) / c['posts']:.1%}) "
            f"and {c['account_labels']:,} on {len(self.labelled_accounts):,} accounts "
            f"({len(self.labelled_accounts) / c['accounts']:.1%}), "
            f"{c['expiring']:,} of them expiring in 30 days; default policy"
        )


def _pick(rng: random.Random, weighted: Sequence[tuple[str, int]], k: int) -> list[str]:
    names = [n for n, _ in weighted]
    weights = [w for _, w in weighted]
    out: list[str] = []
    while len(out) < k:  # k distinct labels (a subject carries each label at most once)
        name = rng.choices(names, weights)[0]
        if name not in out:
            out.append(name)
    return out


def seed_store(data_dir: Path, size: StoreSize, seed: int = 20_261_125) -> SeededStore:
    """Create a migrated SQLite store under `data_dir` and fill it (deterministic for `seed`)."""
    rng = random.Random(seed)
    now = datetime.now(UTC)
    accounts = [f"a{i:05d}" for i in range(size.accounts)]
    posts = [f"p{i:07d}" for i in range(size.posts)]
    # Zipf-like authorship and popularity: a few accounts write and are followed a lot.
    weights = [1.0 / (1 + i) ** 0.8 for i in range(size.accounts)]
    author = dict(zip(posts, rng.choices(accounts, weights, k=size.posts), strict=True))
    followees: dict[str, set[str]] = {}
    for a in accounts:
        k = min(size.accounts - 1, max(1, int(rng.expovariate(1 / size.follows_per_account))))
        chosen = set(rng.choices(accounts, weights, k=k))
        chosen.discard(a)
        followees[a] = chosen
    labelled_posts = set(rng.sample(posts, int(size.posts * size.post_label_share)))
    n_accounts = max(1, int(size.accounts * size.account_label_share))
    labelled_accounts = set(rng.sample(accounts, n_accounts))

    label_rows: list[dict[str, object]] = []
    counts = {"post_labels": 0, "account_labels": 0, "expiring": 0}

    def add(kind: str, subject: str, names: list[str]) -> None:
        for name in names:
            expiring = rng.random() < 0.2
            counts["expiring"] += expiring
            counts[f"{kind}_labels"] += 1
            label_rows.append({
                "subject_type": kind, "subject_id": subject, "label": name,
                "policy": f"bench.{name}", "source": rng.choice(("human", "rule", "classifier")),
                "note": "", "created_by": "bench", "created_at": now - timedelta(days=1),
                "expires_at": now + timedelta(days=30) if expiring else None,
            })

    for p in sorted(labelled_posts):
        add("post", p, _pick(rng, POST_LABELS, 2 if rng.random() < 0.1 else 1))
    for a in sorted(labelled_accounts):
        add("account", a, _pick(rng, ACCOUNT_LABELS, 2 if rng.random() < 0.1 else 1))

    app = open_app(load_settings(data_dir=data_dir))
    try:
        with app.sessions() as session:
            session.execute(insert(Account), [
                {"id": a, "handle": f"h_{a}", "high_profile": i < HIGH_PROFILE,
                 "sensitive_media_opt_in": rng.random() < 0.05, "created_at": now}
                for i, a in enumerate(accounts)
            ])
            post_rows = [{"id": p, "author_id": author[p], "text": f"post {p}", "urls": [],
                          "created_at": now} for p in posts]
            follow_rows = [{"follower_id": f, "followee_id": e, "created_at": now}
                           for f, es in followees.items() for e in sorted(es)]
            for rows, table in ((post_rows, Post), (follow_rows, Follow), (label_rows, Label)):
                for lo in range(0, len(rows), CHUNK):
                    session.execute(insert(table), rows[lo : lo + CHUNK])
            session.commit()
    finally:
        app.close()
    posts_of: dict[str, list[str]] = {}
    for p in posts:
        posts_of.setdefault(author[p], []).append(p)
    counts |= {"posts": len(posts), "accounts": len(accounts), "follows": len(follow_rows)}
    return SeededStore(data_dir, posts, accounts, author, followees, labelled_posts,
                       labelled_accounts, posts_of, counts)


# --- benchmark sizes and shared helpers ----------------------------------------------


@dataclass(frozen=True)
class Sizes:
    store: StoreSize
    batches: int  # 1,000-item batches per timed in-process run
    http_items: int
    rates: tuple[int, ...]
    warmup_s: float
    duration_s: float
    connections: int  # keep-alive connections of the load generator
    changes: int  # label changes for label-propagation
    streak: int  # consecutive probes that must all reflect a change


FULL = Sizes(StoreSize(100_000, 2_000), 100, 100, (100, 200, 400, 800), 2.0, 10.0, 8, 10, 10)
QUICK = Sizes(StoreSize(20_000, 1_000), 20, 100, (100, 200), 1.0, 3.0, 8, 3, 6)


def sizes_for(sizes: object) -> Sizes:
    """These sizes, or FULL / QUICK for bench.canary_bench's FULL / QUICK (make bench passes
    those to every benchmark)."""
    if isinstance(sizes, Sizes):
        return sizes
    return QUICK if sizes == canary_bench.QUICK else FULL


def seed_logged(work: Path, size: StoreSize, log: Callable[[str], None], name: str) -> SeededStore:
    log(f"{name}: seeding {size.posts:,} posts by {size.accounts:,} accounts (not timed)")
    started = time.perf_counter()
    store = seed_store(work / "data", size)
    log(f"{name}: seeded in {time.perf_counter() - started:.1f} s")
    return store


def viewers(store: SeededStore) -> tuple[str, str]:
    """(follower, other): the account following most accounts, and one following fewest."""
    ranked = sorted(store.accounts, key=lambda a: (len(store.followees[a]), a))
    return ranked[-1], ranked[0]

