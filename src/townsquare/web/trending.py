"""Trends of the demo platform: top hashtags and terms among posts the trends surface
allows (pure: the caller asks for verdicts first, so a filtered post neither counts
toward a trend nor appears as its sample)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from townsquare.web.catalog import PostView
from townsquare.web.feed import Shown

HASHTAG = re.compile(r"#(\w+)")
WORD = re.compile(r"[^\W\d_]{4,}")
STOPWORDS = frozenset({
    "about", "after", "again", "also", "always", "another", "around", "because", "been",
    "before", "being", "best", "both", "came", "come", "could", "every", "everyone", "first",
    "from", "have", "here", "just", "know", "last", "like", "made", "make", "more", "most",
    "much", "need", "next", "nobody", "only", "other", "over", "please", "really", "same",
    "says", "should", "since", "some", "still", "than", "thank", "thanks", "that", "their",
    "them", "then", "there", "these", "they", "thing", "this", "those", "time", "today",
    "tomorrow", "tonight", "took", "very", "want", "week", "were", "what", "when", "where",
    "which", "while", "will", "with", "would", "year", "your", "ready", "going", "good",
    "great", "back", "home", "open", "free", "full", "half", "line", "ever", "days", "day"
})
MAX_HASHTAGS = 5
MAX_TERMS = 3
SAMPLES = 3


@dataclass(frozen=True)
class Trend:
    name: str  # "#RiverFestival" or "lantern"
    query: str  # what the search page is asked for
    count: int  # posts, among those the trends surface allows
    samples: tuple[Shown[PostView], ...]


def hashtags(text: str) -> set[str]:
    return {tag.lower() for tag in HASHTAG.findall(text)}


def terms(text: str) -> set[str]:
    plain = HASHTAG.sub(" ", text)
    return {w.lower() for w in WORD.findall(plain)} - STOPWORDS


def trends(shown: Sequence[Shown[PostView]], *, min_posts: int = 2) -> list[Trend]:
    """Top hashtags, then top terms not already inside a trending hashtag."""
    tag_sets = [hashtags(s.item.text) for s in shown]
    term_sets = [terms(s.item.text) for s in shown]
    spelled: dict[str, str] = {}
    for s in shown:
        for tag in HASHTAG.findall(s.item.text):
            spelled.setdefault(tag.lower(), tag)
    out: list[Trend] = []
    tag_counts = Counter(t for tags in tag_sets for t in tags)
    for tag, count in _top(tag_counts, MAX_HASHTAGS, min_posts):
        samples = [s for s, tags in zip(shown, tag_sets, strict=True) if tag in tags]
        name = f"#{spelled[tag]}"
        out.append(Trend(name, name, count, _samples(samples)))
    taken = [t.name[1:].lower() for t in out]
    term_counts = Counter(t for words in term_sets for t in words
                          if not any(t in tag for tag in taken))
    for term, count in _top(term_counts, MAX_TERMS, max(min_posts, 3)):
        samples = [s for s, words in zip(shown, term_sets, strict=True) if term in words]
        out.append(Trend(term, term, count, _samples(samples)))
    return out


def _top(counts: Counter[str], n: int, min_posts: int) -> list[tuple[str, int]]:
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [(k, c) for k, c in ranked if c >= min_posts][:n]


def _samples(shown: list[Shown[PostView]]) -> tuple[Shown[PostView], ...]:
    ranked = sorted(shown, key=lambda s: (-s.item.likes, -s.item.created_at.timestamp()))
    return tuple(ranked[:SAMPLES])
