"""The demo platform's own content queries: people, posts, follows.

A real platform keeps its content in its own stores and registers it with townsquare;
the demo reads the mirrored tables instead, read-only. What a page may *show* is never
decided here: every candidate list goes to the verdict service first.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from townsquare.store.moderation_tables import Account, Follow, Post
from townsquare.web.demo_data import DemoData

MAX_PEOPLE = 500  # the viewer switcher and people search look at this many accounts
CANDIDATES = 300  # posts a page considers before filtering and ranking


@dataclass(frozen=True)
class Person:
    id: str
    handle: str
    name: str
    bio: str
    high_profile: bool
    sensitive_media_opt_in: bool


@dataclass(frozen=True)
class PostView:
    id: str
    author: Person
    text: str
    urls: tuple[str, ...]
    created_at: datetime
    likes: int


class Catalog:
    """Content lookups over one session, decorated with the demo's names and likes."""

    def __init__(self, session: Session, data: DemoData) -> None:
        self.session = session
        self.data = data
        self._people: dict[str, Person] = {}

    def _person(self, row: Account) -> Person:
        if row.id not in self._people:
            profile = self.data.account(row.handle)
            self._people[row.id] = Person(
                row.id, row.handle, profile.name if profile else row.handle,
                profile.bio if profile else "", row.high_profile, row.sensitive_media_opt_in)
        return self._people[row.id]

    def people(self) -> list[Person]:
        """Accounts by handle (the first MAX_PEOPLE)."""
        rows = self.session.scalars(select(Account).order_by(Account.handle).limit(MAX_PEOPLE))
        return [self._person(row) for row in rows]

    def person(self, handle: str) -> Person | None:
        row = self.session.scalar(select(Account).where(Account.handle == handle))
        return self._person(row) if row else None

    def find_people(self, query: str) -> list[Person]:
        """Accounts whose handle or display name contains every word of the query."""
        words = [w.lstrip("@#").lower() for w in query.split()]
        return [p for p in self.people()
                if words and all(w in f"{p.handle} {p.name}".lower() for w in words)]

    def followees(self, account_id: str) -> set[str]:
        return set(self.session.scalars(
            select(Follow.followee_id).where(Follow.follower_id == account_id)))

    def follow_counts(self, account_id: str) -> tuple[int, int]:
        """(followers, following) of an account."""
        followers = self.session.scalar(
            select(func.count()).where(Follow.followee_id == account_id)) or 0
        following = self.session.scalar(
            select(func.count()).where(Follow.follower_id == account_id)) or 0
        return followers, following

    def _posts(self, *where: object, limit: int = CANDIDATES) -> list[PostView]:
        stmt = (select(Post, Account).join(Account, Post.author_id == Account.id)
                .where(*where).order_by(Post.created_at.desc(), Post.id).limit(limit))  # type: ignore[arg-type]
        return [PostView(post.id, self._person(author), post.text, tuple(post.urls or ()),
                         post.created_at, self.data.likes(post.id))
                for post, author in self.session.execute(stmt)]

    def posts_by(self, author_ids: Iterable[str], limit: int = CANDIDATES) -> list[PostView]:
        """Newest posts of these authors."""
        ids = sorted(set(author_ids))
        return self._posts(Post.author_id.in_(ids), limit=limit) if ids else []

    def posts_not_by(self, author_ids: Iterable[str], limit: int = CANDIDATES) -> list[PostView]:
        """Newest posts of everyone else (out-of-network candidates)."""
        ids = sorted(set(author_ids))
        return self._posts(Post.author_id.not_in(ids), limit=limit) if ids else self.recent(limit)

    def recent(self, limit: int = CANDIDATES) -> list[PostView]:
        return self._posts(limit=limit)

    def search(self, query: str, limit: int = CANDIDATES) -> list[PostView]:
        """Newest posts containing every word of the query (any case; '#tag' matches tags)."""
        words = query.split()
        if not words:
            return []
        return self._posts(*(Post.text.ilike(f"%{_escape(w)}%", escape="\\") for w in words),
                           limit=limit)


def top(posts: Sequence[PostView]) -> list[PostView]:
    """Posts ranked the way 'Top' tabs rank them here: most liked first, then newest."""
    return sorted(posts, key=lambda p: (-p.likes, -p.created_at.timestamp()))


def _escape(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")

