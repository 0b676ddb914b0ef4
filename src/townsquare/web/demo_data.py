"""The demo platform's synthetic content (``demo_data.yaml``), read once into plain records.

townsquare mirrors only what moderation needs (ids, handles, text, follows); display names,
bios and like counts are the demo platform's own and stay here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml

ACCOUNT_ID_PREFIX = "acct-"


def account_id(handle: str) -> str:
    """The account id the seed gives the account with this handle."""
    return ACCOUNT_ID_PREFIX + handle


@dataclass(frozen=True)
class DemoAccount:
    handle: str
    name: str
    bio: str
    high_profile: bool = False
    sensitive_media_opt_in: bool = False

    @property
    def id(self) -> str:
        return account_id(self.handle)


@dataclass(frozen=True)
class DemoPost:
    id: str
    handle: str
    text: str
    hours_ago: float
    likes: int
    urls: tuple[str, ...] = ()


@dataclass(frozen=True)
class DemoLabel:
    subject_type: str  # "post" | "account"
    subject_id: str
    label: str
    policy: str
    note: str


@dataclass(frozen=True)
class DemoData:
    accounts: tuple[DemoAccount, ...]
    follows: tuple[tuple[str, str], ...]  # (follower handle, followee handle)
    posts: tuple[DemoPost, ...]
    labels: tuple[DemoLabel, ...]
    _by_handle: dict[str, DemoAccount] = field(init=False, repr=False, compare=False)
    _likes: dict[str, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_handle", {a.handle: a for a in self.accounts})
        object.__setattr__(self, "_likes", {p.id: p.likes for p in self.posts})

    def account(self, handle: str) -> DemoAccount | None:
        return self._by_handle.get(handle)

    def likes(self, post_id: str) -> int:
        """The demo's like count of a post (0 for posts the seed did not write)."""
        return self._likes.get(post_id, 0)


def _posts(raw: list[dict[str, Any]]) -> tuple[DemoPost, ...]:
    counters: dict[str, int] = {}
    posts = []
    for item in raw:
        handle = item["by"]
        counters[handle] = counters.get(handle, 0) + 1
        posts.append(DemoPost(
            id=item.get("id") or f"{handle}-{counters[handle]}", handle=handle,
            text=item["text"], hours_ago=float(item["h"]), likes=int(item.get("likes", 0)),
            urls=tuple(item.get("urls", ())),
        ))
    return tuple(posts)


def _label(item: dict[str, Any]) -> DemoLabel:
    if "account" in item:
        subject_type, subject_id = "account", account_id(item["account"])
    else:
        subject_type, subject_id = "post", item["subject"]
    return DemoLabel(subject_type, subject_id, item["label"], item["policy"],
                     item.get("note", ""))


@cache
def demo_data() -> DemoData:
    """The bundled demo content (parsed once per process)."""
    text = resources.files("townsquare.web").joinpath("demo_data.yaml").read_text("utf-8")
    raw: Any = yaml.safe_load(text)
    accounts = tuple(
        DemoAccount(a["handle"], a["name"], a.get("bio", ""), bool(a.get("high_profile")),
                    bool(a.get("sensitive_media_opt_in")))
        for a in raw["accounts"]
    )
    follows = tuple((follower, followee) for follower, followees in raw["follows"].items()
                    for followee in followees)
    return DemoData(accounts, follows, _posts(raw["posts"]),
                    tuple(_label(item) for item in raw.get("labels", ())))
