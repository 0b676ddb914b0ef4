"""The default policy table of issue 3, row by row, through POST /api/v1/visibility.

Each row labels a post or its author (through /labels, or /actions for the labels only an
action may write), each row with an author of its own, then every surface is asked for
every viewer: the author, a follower, someone else, a logged-out visitor, and someone who
opted in to sensitive media (in their account, or as a flag the platform passes).
Expectations are written from the issue's table ("unlisted surfaces allow"), not from the
policy file. One world per database keeps this fast; a failure lists every wrong cell.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from conftest import Api

POST_SURFACES = ("home_timeline", "home_out_of_network", "search_top", "search_latest",
                 "trends", "notifications", "recommendations", "profile", "conversation",
                 "direct_messages", "ads_adjacency")
# viewer key -> (relation to each row's author, account id, viewer_flags sent)
VIEWERS: dict[str, tuple[str, str | None, list[str] | None]] = {
    "author": ("author", None, None),  # each row's own author, a{i}
    "follower": ("follower", "bob", None),
    "other": ("other", "carol", None),
    "logged_out": ("logged_out", None, None),
    "opted_in": ("other", "dave", None),  # dave's account says yes to sensitive media
    "opted_in_flag": ("other", "carol", ["sensitive_media_opt_in"]),  # the platform says so
}
STRENGTH = ("drop", "tombstone", "interstitial", "label", "downrank", "limited_engagement",
            "avoid_ads")
ALLOW = ("allow",)
DROP = ("drop",)

Expect = Callable[[str, str, bool], tuple[str, ...]]  # (surface, relation, opted in)


def do_not_amplify(s: str, r: str, _: bool) -> tuple[str, ...]:
    if s in ("home_out_of_network", "search_top", "trends", "recommendations"):
        return DROP
    if s == "notifications" and r in ("other", "logged_out"):
        return DROP
    return ("avoid_ads",)  # allowed (apart from ads) in latest, profile, conversation, home


def search_blacklist(s: str, _r: str, _o: bool) -> tuple[str, ...]:
    return DROP if s in ("search_top", "search_latest") else ALLOW


def trends_blacklist(s: str, _r: str, _o: bool) -> tuple[str, ...]:
    return DROP if s == "trends" else ALLOW


def recommendations_blacklist(s: str, _r: str, _o: bool) -> tuple[str, ...]:
    return DROP if s in ("recommendations", "home_out_of_network") else ALLOW


def hateful_conduct(s: str, r: str, _: bool) -> tuple[str, ...]:
    if r == "author":
        return ALLOW  # with an appealable notice (see test_api_status)
    if s in ("search_top", "search_latest", "trends", "recommendations", "notifications",
             "home_out_of_network"):
        return DROP
    # The policy also keeps ads away from it wherever it shows (beyond the table).
    if r == "follower":
        return ("label", "limited_engagement", "avoid_ads")
    if s in ("profile", "conversation"):
        return ("interstitial", "limited_engagement", "avoid_ads")
    return ("avoid_ads",)


def civic_misinformation(s: str, _r: str, _o: bool) -> tuple[str, ...]:
    if s in ("trends", "recommendations"):
        return DROP
    if s in ("home_timeline", "home_out_of_network"):
        return ("label", "downrank")
    return ("label",)


def sensitive_media(s: str, r: str, opted_in: bool) -> tuple[str, ...]:
    if s in ("trends", "search_top"):
        return DROP
    return ALLOW if r == "author" or opted_in else ("interstitial",)


def private_information(_s: str, r: str, _o: bool) -> tuple[str, ...]:
    return ("tombstone",) if r == "author" else DROP


def spam(s: str, _r: str, _o: bool) -> tuple[str, ...]:
    if s in ("search_top", "search_latest", "trends", "notifications", "recommendations"):
        return DROP
    return ("downrank",) if s == "conversation" else ALLOW


def gone(s: str, _r: str, _o: bool) -> tuple[str, ...]:
    return ("tombstone",) if s in ("profile", "conversation") else DROP


@dataclass(frozen=True)
class Row:
    label: str
    subject_type: str  # "post": the author's first post; "account": the author (both posts)
    expect: Expect
    people: tuple[str, ...] = ALLOW  # the author on people_search
    action: dict[str, Any] | None = None  # apply through /actions instead of /labels

    @property
    def policy(self) -> str:
        return f"{self.label}_policy"


ROWS = {
    "do_not_amplify-post": Row("do_not_amplify", "post", do_not_amplify),
    "do_not_amplify-author": Row("do_not_amplify", "account", do_not_amplify,
                                 people=("avoid_ads",)),
    "limit_reach-action": Row("do_not_amplify", "post", do_not_amplify,
                              action={"kind": "limit_reach"}),
    "search_blacklist-account": Row("search_blacklist", "account", search_blacklist,
                                    people=DROP),
    "trends_blacklist-post": Row("trends_blacklist", "post", trends_blacklist),
    "trends_blacklist-account": Row("trends_blacklist", "account", trends_blacklist),
    "recommendations_blacklist-account": Row("recommendations_blacklist", "account",
                                             recommendations_blacklist),
    "hateful_conduct-post": Row("hateful_conduct", "post", hateful_conduct),
    "civic_misinformation-post": Row("civic_misinformation", "post", civic_misinformation),
    "sensitive_media-post": Row("sensitive_media", "post", sensitive_media),
    "private_information-post": Row("private_information", "post", private_information),
    "spam-post": Row("spam", "post", spam),
    "suspended-account": Row("suspended", "account", gone, people=DROP,
                             action={"kind": "permanent_suspension"}),
    "suspended-temporarily": Row("suspended", "account", gone, people=DROP,
                                 action={"kind": "suspend", "duration_seconds": 86_400}),
    "removed-post": Row("removed", "post", gone, action={"kind": "remove_post"}),
}


def build(api: Api) -> None:
    """Row i: author ``a{i}`` writes ``p1_{i}`` and ``p2_{i}`` and the row's label goes on
    ``p1_{i}`` or on ``a{i}``. bob follows every author; carol follows only erin; dave opted
    in to sensitive media; erin's ``control`` post carries nothing."""
    for name in ("bob", "carol", "erin"):
        api.account(name)
    api.account("dave", sensitive_media_opt_in=True)
    api.follow("carol", "erin")
    api.posted("control", "erin")
    for i, row in enumerate(ROWS.values()):
        author = f"a{i}"
        api.account(author)
        api.follow("bob", author)
        api.posted(f"p1_{i}", author)
        api.posted(f"p2_{i}", author)
        subject = f"p1_{i}" if row.subject_type == "post" else author
        if row.action is None:
            api.label(row.subject_type, subject, row.label, row.policy)
        else:
            api.action(subject_id=subject, subject_type=row.subject_type, policy=row.policy,
                       **row.action)
    api.settle()


def check_verdict(row: Row, subject: tuple[str, str], v: dict[str, Any],
                  expected: tuple[str, ...]) -> str:
    """'' when ``v`` is right, else what is wrong with it."""
    got = tuple(v["actions"])
    if got != expected:
        return f"actions {got}, expected {expected}"
    if v["action"] != got[0] or min(got, key=(*STRENGTH, "allow").index) != got[0]:
        return f"action {v['action']!r} is not the strongest of {got}"
    if got == ALLOW:
        return "" if v["reasons"] == [] else f"allow with reasons {v['reasons']}"
    mine = [x for x in v["reasons"] if (x["label"], x["policy"]) == (row.label, row.policy)
            and (x["subject_type"], x["subject_id"]) == subject and x["rule"] and x["source"]]
    return "" if mine else f"no reason names {row.label}/{row.policy}: {v['reasons']}"


def test_default_policy_table(api: Api) -> None:
    """Every row, surface and viewer; the failure lists every cell that differs."""
    build(api)
    names = list(ROWS)
    problems = []

    def compare(viewer: str, surface: str, verdicts: list[dict[str, Any]],
                rows: range | list[int]) -> None:
        relation = VIEWERS[viewer][0]
        opted_in = viewer.startswith("opted_in")
        by_item = {v["item_id"]: v for v in verdicts}
        if by_item["control"]["actions"] != ["allow"]:
            problems.append(f"control on {surface} for {viewer}: {by_item['control']}")
        for i in rows:
            row = ROWS[names[i]]
            labelled = {f"p1_{i}"} | ({f"p2_{i}"} if row.subject_type == "account" else set())
            for item in (f"p1_{i}", f"p2_{i}"):
                want = row.expect(surface, relation, opted_in) if item in labelled else ALLOW
                subject = ("post", item) if row.subject_type == "post" else ("account", f"a{i}")
                if problem := check_verdict(row, subject, by_item[item], want):
                    problems.append(f"[{names[i]}] {item} on {surface} for {viewer}: {problem}")

    everything = ["control"] + [f"p{n}_{i}" for i in range(len(ROWS)) for n in (1, 2)]
    for surface in POST_SURFACES:
        for viewer, (_, account, flags) in VIEWERS.items():
            if viewer == "author":  # each row's author sees their own posts
                for i in range(len(ROWS)):
                    compare(viewer, surface, api.verdicts(
                        surface, f"a{i}", ["control", f"p1_{i}", f"p2_{i}"]), [i])
            else:
                compare(viewer, surface, api.verdicts(surface, account, everything, flags),
                        range(len(ROWS)))
    authors = [f"a{i}" for i in range(len(ROWS))]
    for viewer, (_, account, flags) in VIEWERS.items():
        for i, v in enumerate(api.verdicts("people_search", account, [*authors, "erin"], flags)):
            if i == len(ROWS):
                if v["actions"] != ["allow"]:
                    problems.append(f"erin on people_search for {viewer}: {v['actions']}")
                continue
            row = ROWS[names[i]]
            subject = ("account", f"a{i}")
            if problem := check_verdict(row, subject, v, row.people):
                problems.append(f"[{names[i]}] a{i} on people_search for {viewer}: {problem}")
    assert not problems, f"{len(problems)} cells differ:\n" + "\n".join(problems)

    # Two labels on one post: the verdict combines them, strongest first, both explained.
    api.posted("combo", "erin")
    api.label("post", "combo", "civic_misinformation", "civic_policy")
    api.label("post", "combo", "sensitive_media", "media_policy")
    api.settle()
    v = api.verdict("profile", "carol", "combo")
    assert v["actions"] == ["interstitial", "label"] and v["action"] == "interstitial"
    assert {(x["label"], x["policy"]) for x in v["reasons"]} == {
        ("civic_misinformation", "civic_policy"), ("sensitive_media", "media_policy")}
    assert api.verdict("trends", "carol", "combo")["actions"] == ["drop"]
