"""Statements of reasons: what happened, under which policy, where and how content is limited,
for how long, and how to appeal, in plain English (deterministic: tests compare substrings)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from townsquare.moderation.enforcement import ActionKind, EnforcementPlan, span_words
from townsquare.moderation.model import (
    Action,
    ModerationError,
    Relation,
    SafetyLabel,
    SubjectType,
    Surface,
)
from townsquare.moderation.policy import LabelDef
from townsquare.moderation.strikes import Strike, StrikeLadder, consequence, strike_count
from townsquare.moderation.verdicts import ACTIONS_OF_MASK, CompiledPolicy

SURFACE_NAMES = {  # each reads after "in"
    "home_timeline": "home timelines", "search_top": "top search results",
    "home_out_of_network": "the home timelines of people who don't follow you",
    "search_latest": "latest search results", "people_search": "people search",
    "trends": "trends", "notifications": "notifications", "recommendations": "recommendations",
    "profile": "your profile", "conversation": "conversations (replies)",
    "direct_messages": "direct messages", "ads_adjacency": "placements next to ads",
}
MERGED = (("search_top", "search_latest", "search results"),
          ("home_timeline", "home_out_of_network", "home timelines"))
VIEWERS = (Relation.AUTHOR, Relation.FOLLOWER, Relation.OTHER, Relation.LOGGED_OUT)
AUDIENCES: dict[frozenset[str], str] = {
    frozenset(VIEWERS): "people",
    frozenset(VIEWERS[1:]): "other people",
    frozenset({"other", "logged_out"}): "people who don't follow you",
    frozenset({"follower"}): "your followers",
    frozenset({"other"}): "logged-in people who don't follow you",
    frozenset({"logged_out"}): "people who aren't logged in",
    frozenset({"author"}): "you",
}
# How each verdict action reads; a drop for everyone reads EVERYONE_DROP.
EVERYONE_DROP = "{Obj} won't appear {where_or}."
PHRASES = {
    Action.DROP: "{Who} won't see {obj} {where_or}.",
    Action.TOMBSTONE: "{In_where}, {who} see a notice in place of {obj}.",
    Action.INTERSTITIAL: "{In_where}, {who} see {obj} only after clicking through a warning.",
    Action.LABEL: "{In_where}, {who} see {obj} with a notice that gives context.",
    Action.DOWNRANK: "{In_where}, {who} see {obj} lower down than usual.",
    Action.LIMITED_ENGAGEMENT: "{In_where}, {who} can't reply to, repost or like {obj}.",
    Action.AVOID_ADS: "Ads won't be shown next to {obj}.",
}
MONTHS = "January February March April May June July August September October November December"


@dataclass(frozen=True)
class Notice:
    account_id: str
    kind: str  # label_applied | label_removed | action | strike | warning
    subject_type: str
    subject_id: str
    policy: str
    label: str
    surfaces: tuple[str, ...]
    expires_at: datetime | None
    appealable: bool
    title: str
    body: str


@dataclass(frozen=True)
class LabelEffect:
    """One visible effect of a label: an action, for an audience, on some surfaces."""

    action: Action
    audience: frozenset[Relation]
    surfaces: tuple[Surface, ...]


def surface_effects(compiled: CompiledPolicy, label: str) -> tuple[LabelEffect, ...]:
    """What a label does, for wording: strongest action first, for viewers without opt-ins."""
    index = compiled.label_index[label]
    groups: dict[tuple[Action, frozenset[Relation]], list[Surface]] = {}
    for action in sorted(Action, reverse=True):
        for s, surface in enumerate(Surface):  # the compiled tables use enum order
            cells = compiled.masks[s, :, 0, index]
            who = frozenset(r for i, r in enumerate(Relation)
                            if action.wire in ACTIONS_OF_MASK[cells[i]])
            if who:
                groups.setdefault((action, who), []).append(surface)
    return tuple(LabelEffect(a, who, tuple(s)) for (a, who), s in groups.items())


def _join(items: Sequence[str], word: str) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {word} {items[-1]}"


def _where(surfaces: Sequence[Surface], word: str) -> tuple[str, str]:
    """('in top search results or trends', 'In top search results and trends') and the like."""
    if len(surfaces) == len(Surface):
        return "anywhere", "Everywhere"
    if len(surfaces) >= len(Surface) - 3:
        rest = _join([SURFACE_NAMES[s] for s in Surface if s not in surfaces], "and")
        return f"anywhere except {rest}", f"Everywhere except {rest}"
    # The out-of-network home timeline reads best last: "... or the home timelines of ..."
    names = [SURFACE_NAMES[s] for s in sorted(surfaces, key=lambda s: s == "home_out_of_network")]
    for first, second, both in MERGED:
        if first in surfaces and second in surfaces:
            names.remove(SURFACE_NAMES[second])
            names[names.index(SURFACE_NAMES[first])] = both
    return f"in {_join(names, word)}", f"In {_join(names, 'and')}"


def _audience(who: frozenset[Relation]) -> str:
    if who in AUDIENCES:
        return AUDIENCES[who]
    return _join([AUDIENCES[frozenset({r})] for r in VIEWERS if r in who], "and")


def describe_effects(effects: Sequence[LabelEffect], subject_type: SubjectType | str) -> str:
    """Sentences saying where and how a post (or an account and its posts) is limited, for whom."""
    obj = "your post" if subject_type == SubjectType.POST else "your account and posts"
    sentences: list[str] = []
    for effect in effects:
        who = _audience(effect.audience)
        where_or, in_where = _where(effect.surfaces, "or")
        everyone = effect.action is Action.DROP and who == "people"
        phrase = EVERYONE_DROP if everyone else PHRASES[effect.action]
        sentences.append(phrase.format(In_where=in_where, where_or=where_or, who=who,
                                       Who=who.capitalize(), obj=obj, Obj=obj.capitalize()))
    return " ".join(dict.fromkeys(sentences))


def format_when(moment: datetime) -> str:
    """'12 March 2025 at 14:00 UTC' (naive datetimes are taken as UTC)."""
    utc = moment.astimezone(UTC) if moment.tzinfo else moment
    return f"{utc.day} {MONTHS.split()[utc.month - 1]} {utc.year} at {utc:%H:%M} UTC"


def _policy_name(policy: str) -> str:
    return policy.replace("_", " ").capitalize()


def _noun(subject_type: SubjectType | str, subject_id: str) -> str:
    return f"your {'post' if subject_type == SubjectType.POST else 'account'} ({subject_id})"


def _owner(label: SafetyLabel, account_id: str | None) -> str:
    if account_id or label.subject_type is SubjectType.ACCOUNT:
        return account_id or label.subject_id
    raise ModerationError("a notice about a post needs the author's account_id")


def _changes(effects: Sequence[LabelEffect] | None, surfaces: Sequence[str],
             subject_type: SubjectType) -> str:
    if effects:
        return "What this changes: " + describe_effects(effects, subject_type)
    if surfaces:
        names = [SURFACE_NAMES.get(s, s.replace("_", " ")) for s in surfaces]
        return f"What this changes: It limits where your content is shown: {_join(names, 'and')}."
    return "What this changes: It doesn't change who can see your content."


def _body(*paragraphs: str, note: str = "", appeal_url: str | None = None) -> str:
    """Paragraphs, then the note and how to appeal (appeal_url None: not appealable)."""
    parts = [p for p in paragraphs if p]
    if note.strip():
        parts.append(f'Note from our team: "{note.strip()}"')
    if appeal_url is None:
        parts.append("This decision can't be appealed.")
    elif appeal_url:
        parts.append(f"How to appeal: if you think we got this wrong, you can appeal at "
                     f"{appeal_url}. A moderator will review your appeal and tell you the outcome.")
    return "\n\n".join(parts)


def statement_for_label(label: SafetyLabel, label_def: LabelDef, surfaces: list[str],
                        appeal_url: str, *, account_id: str | None = None,
                        effects: Sequence[LabelEffect] | None = None) -> Notice:
    """The notice for a label; `account_id` (the author) is required for a post label, and
    `effects` (from `surface_effects`) says how each surface changes, not only which do."""
    owner = _owner(label, account_id)
    name, noun = label.label.replace("_", " "), _noun(label.subject_type, label.subject_id)
    until = ("How long: this label has no end date. It stays until we remove it, for example "
             "after a successful appeal." if label.expires_at is None
             else f"How long: until {format_when(label.expires_at)}.")
    body = _body(
        f'We applied the "{name}" label to {noun} under our {_policy_name(label.policy)} policy.',
        f"About this label: {label_def.description}" if label_def.description else "",
        _changes(effects, surfaces, label.subject_type), until,
        note=label.note, appeal_url=appeal_url if label_def.appealable else None)
    return Notice(owner, "label_applied", label.subject_type.value, label.subject_id,
                  label.policy, label.label, tuple(surfaces), label.expires_at,
                  label_def.appealable, f'{noun.capitalize()} was labelled "{name}"', body)


def statement_for_label_removed(label: SafetyLabel, *, account_id: str | None = None,
                                reason: str = "") -> Notice:
    """The notice that a label no longer applies (expired, lifted, or reversed on appeal)."""
    owner = _owner(label, account_id)
    name, noun = label.label.replace("_", " "), _noun(label.subject_type, label.subject_id)
    body = _body(
        f'We removed the "{name}" label from {noun}. It was applied under our '
        f"{_policy_name(label.policy)} policy. Any limits it placed no longer apply.",
        f"Why: {reason.strip()}" if reason.strip() else "", appeal_url="")
    return Notice(owner, "label_removed", label.subject_type.value, label.subject_id,
                  label.policy, label.label, (), None, False,
                  f'The "{name}" label was removed from {noun}', body)


INTROS = {  # kind -> (title, first paragraph)
    ActionKind.WARN: ("Warning about {noun}", "We reviewed {noun} and found that it breaks our "
                      "{policy} policy. This is a warning: nothing about your posts or account "
                      "has changed."),
    ActionKind.LABEL: ('We labelled {noun} "{label}"',
                       'We applied the "{label}" label to {noun} under our {policy} policy.'),
    ActionKind.LIMIT_REACH: ("We limited the reach of {noun}", "We limited the reach of {noun} "
                             "under our {policy} policy. Nothing is deleted, but it will reach "
                             "fewer people."),
    ActionKind.REMOVE_POST: ("We removed {noun}",
                             "We removed {noun} because it breaks our {policy} policy."),
    ActionKind.BLOCK_URL: ("We blocked a link you shared", "We blocked {block} under our {policy} "
                           "policy. Posts that share it are shown with a warning, and anyone "
                           "who shares it sees why."),
    ActionKind.READ_ONLY: ("Your account is read-only", "Your account is read-only under our "
                           "{policy} policy: you can still read and browse, but you can't post, "
                           "reply, repost or like."),
    ActionKind.SUSPEND: ("Your account is suspended", "We suspended your account under our "
                         "{policy} policy. While it is suspended you can't use it, and other "
                         "people see a notice instead of your profile and posts."),
    ActionKind.PERMANENT_SUSPENSION: ("Your account is permanently suspended", "We permanently "
                                      "suspended your account under our {policy} policy. Other "
                                      "people see a notice instead of your profile and posts."),
}


def _how_long(plan: EnforcementPlan) -> str:
    kind, duration = plan.request.kind, plan.request.duration
    if kind is ActionKind.WARN:
        return ""
    if kind is ActionKind.PERMANENT_SUSPENSION:
        return "How long: permanently. Only a successful appeal can undo it."
    if kind is ActionKind.REMOVE_POST:
        return "How long: the post stays removed unless your appeal succeeds."
    if plan.expires_at is None or duration is None:
        return "How long: no end date; it stays until we lift it or your appeal succeeds."
    return f"How long: for {span_words(duration)}, until {format_when(plan.expires_at)}."


def statement_for_action(plan: EnforcementPlan, account_id: str, appeal_url: str, *,
                         effects: Sequence[LabelEffect] | None = None,
                         appealable: bool = True) -> Notice:
    """The notice for an action, to the account it concerns (a post's author); `effects`
    (from `surface_effects` for the plan's label) says how the content is limited."""
    request = plan.request
    label = plan.labels[0].label if plan.labels else ""
    block = plan.url_block or ""
    block = f"the link {block}" if "/" in block else f"links to {block} and its subdomains"
    policy = _policy_name(request.policy)
    title, intro = (part.format(noun=_noun(request.subject_type, request.subject_id),
                                block=block, policy=policy, label=label.replace("_", " "))
                    for part in INTROS[request.kind])
    body = _body(
        intro[0].upper() + intro[1:],
        f"This follows from the strikes on your account under our {policy} policy."
        if request.escalation else "",
        "What this changes: " + describe_effects(effects, request.subject_type) if effects else "",
        _how_long(plan),
        f"This counts as a strike under our {policy} policy. Strikes expire after a while; "
        "repeated strikes lead to stronger limits." if plan.counts_as_strike else "",
        note=request.note, appeal_url=appeal_url if appealable else None)
    kind = "warning" if request.kind is ActionKind.WARN else "action"
    limited = {s for e in effects or () if e.action is not Action.AVOID_ADS for s in e.surfaces}
    return Notice(account_id, kind, request.subject_type.value, request.subject_id,
                  request.policy, label, tuple(s.value for s in Surface if s in limited),
                  plan.expires_at, appealable,
                  title[0].upper() + title[1:], body)


def statement_for_strike(strike: Strike, active: Sequence[Strike], ladder: StrikeLadder,
                         appeal_url: str) -> Notice:
    """The notice for a new strike; `active` holds the account's active strikes, this one too."""
    count = strike_count(active, strike.policy, ladder)
    policy = _policy_name(strike.policy)
    scope = "under this policy" if ladder.per_policy else "across all policies"
    expires = strike.created_at + ladder.decay
    body = _body(
        f"Your account received a strike under our {policy} policy. You now have {count} "
        f"active strike{'' if count == 1 else 's'} {scope}.",
        f"What happens now: {consequence(count, ladder).describe()}.",
        f"If you get another strike {scope}: {consequence(count + 1, ladder).describe()}.",
        f"How long: each strike stops counting {span_words(ladder.decay)} after it was given; "
        f"this one stops counting on {format_when(expires)}.",
        f"How to appeal: appeal the action behind this strike at {appeal_url}. If your appeal "
        "succeeds, the strike is removed too.", appeal_url="")
    return Notice(strike.account_id, "strike", SubjectType.ACCOUNT.value, strike.account_id,
                  strike.policy, "", (), expires, True,
                  f"Your account received a strike ({policy} policy)", body)
