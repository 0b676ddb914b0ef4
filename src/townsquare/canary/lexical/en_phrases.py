"""English phrases with a same-meaning twin ("in order to"/"so as to", "make sure"/"ensure",
"because of"/"due to"), each with the context it needs, checked alike for every
spelling so a copy offers the same choice back; also hyphenated and closed compounds
("co-operate"/"cooperate", "well-known"/"well known", "on-line"/"online").

Left out: "to" for "in order to" and "like" for "such as" (neither could be told
back from the copy), "given" for "in light of", "before" -> "prior to" except
before a noun phrase ("before he left"). The optional "that" after verbs of
saying is in `en_syntax`.
"""

from __future__ import annotations

from townsquare.canary.lexical.base import SentenceView, words
from townsquare.canary.lexical.en_syntax import clause_at
from townsquare.canary.lexical.en_words import (
    CLAUSE_SUBJECTS,
    DETERMINERS,
    SPAN_UNITS,
    mid,
    next_word,
)
from townsquare.canary.lexical.swaps import Swap, SwapTable, inflect


def _with_that(view: SentenceView, i: int, j: int) -> bool:
    """ensure that / make sure that: any clause may follow."""
    return view.ok(j + 1) and view.toks[j + 1].core[:1].isalpha() and not view.toks[j].trail


def _clause_next(view: SentenceView, i: int, j: int) -> bool:
    """ensure (that) / make sure (that): "that" may go only before a certain clause start,
    judged on the word after "that" (so the copy without it offers the same choice)."""
    return not view.toks[j].trail and clause_at(view, j + 1)


def _cause(view: SentenceView, i: int, j: int) -> bool:
    """because of / due to / owing to: not after a copula ("is due to"), before a noun phrase."""
    copula = {
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "remains",
        "remain",
        "it's",
        "that's",
        "not",
    }
    nxt = view.n(j + 1)
    return (
        view.n(i - 1) not in copula
        and not view.toks[j].trail
        and (
            nxt in DETERMINERS
            or nxt.isdigit()
            or nxt
            in (
                "high",
                "low",
                "strong",
                "weak",
                "rising",
                "falling",
                "lower",
                "higher",
                "continued",
            )
        )
    )


def _infinitive(view: SentenceView, i: int, j: int) -> bool:
    t = view.toks[j + 1] if view.ok(j + 1) else None
    return t is not None and not t.lead and t.core.isalpha() and t.core.islower()


def _noun_phrase_next(view: SentenceView, i: int, j: int) -> bool:
    """ "before"/"prior to" + a determiner, a number, a name or an -ing form ("before he
    left" has no "prior to")."""
    if view.toks[j].trail or not view.ok(j + 1) or view.toks[j + 1].lead:
        return False
    nxt = view.n(j + 1)
    return (
        (
            nxt in DETERMINERS
            or nxt[:1].isdigit()
            or (nxt.endswith("ing") and len(nxt) > 5)
            or (view.capitalised(j + 1) and nxt != "i")
        )
        and view.n(i - 1) not in ("long", "just", "shortly", "right", "day", "week", "year")
        and not _clause_follows(view, j + 1)
    )


# Finite verbs that turn "before the meeting" into a clause ("before the meeting starts").
_FINITE = frozenset(
    words(
        "is are was were do does did can could will would has have had may might must shall "
        "should starts begins ends finishes closes opens arrives leaves expires happens "
        "occurs comes goes gets takes started began ended finished closed opened arrived "
        "left expired happened occurred came went got took"
    )
)


def _clause_follows(view: SentenceView, k: int) -> bool:
    """A finite verb within the next few words of the same clause."""
    for m in range(k, min(k + 6, len(view.toks))):
        if view.n(m) in _FINITE:
            return True
        if view.toks[m].trail:
            return False
    return False


def _not_comparison(view: SentenceView, i: int, j: int) -> bool:
    """ "as well as" is "in addition to" before a noun phrase or an -ing form, never in a
    comparison ("as well as we do")."""
    if not _noun_phrase_next(view, i, j) or view.capitalised(j + 1):
        return False
    return not any(view.n(k) in _DO for k in range(j + 1, j + 6))


_DO = frozenset(words("do does did can could is are was were will would"))


def _no_or_after(view: SentenceView, i: int, j: int) -> bool:
    """ "whether or not X" / "whether X", never "whether X or Y"."""
    return next_word(view, i, j) and all(view.n(k) != "or" for k in range(j + 1, len(view.toks)))


def _after_amount(view: SentenceView, i: int, j: int) -> bool:
    prev = view.toks[i - 1].core if view.ok(i - 1) else ""
    return any(c.isdigit() for c in prev) or view.n(i - 1) in ("once", "twice", "times")


_ENSURE = (("ensure", "make"), ("ensures", "makes"), ("ensured", "made"), ("ensuring", "making"))

_HYPHENS: tuple[tuple[str, ...], ...] = (
    ("co-operate", "cooperate"),
    ("co-operates", "cooperates"),
    ("co-operated", "cooperated"),
    ("co-operating", "cooperating"),
    ("co-operation", "cooperation"),
    ("co-operative", "cooperative"),
    ("co-ordinate", "coordinate"),
    ("co-ordinated", "coordinated"),
    ("co-ordinating", "coordinating"),
    ("co-ordination", "coordination"),
    ("co-ordinator", "coordinator"),
    ("co-ordinators", "coordinators"),
    ("co-worker", "coworker"),
    ("co-workers", "coworkers"),
    ("co-founder", "cofounder"),
    ("co-founders", "cofounders"),
    ("non-profit", "nonprofit"),
    ("non-profits", "nonprofits"),
    ("well-being", "wellbeing"),
    ("e-commerce", "ecommerce"),
    ("re-evaluate", "reevaluate"),
    ("re-evaluated", "reevaluated"),
    ("re-evaluating", "reevaluating"),
    ("re-evaluation", "reevaluation"),
    ("re-examine", "reexamine"),
    ("re-examined", "reexamined"),
    ("re-establish", "reestablish"),
    ("re-established", "reestablished"),
    ("pre-existing", "preexisting"),
    ("health care", "healthcare"),
    ("child care", "childcare"),
    ("decision-making", "decision making"),
    ("decision-makers", "decision makers"),
    ("policymakers", "policy makers", "policy-makers"),
    ("policymaker", "policy maker", "policy-maker"),
    ("time frame", "timeframe"),
    ("time frames", "timeframes"),
    ("data set", "dataset"),
    ("data sets", "datasets"),
    ("home page", "homepage"),
    ("web page", "webpage"),
    ("web pages", "webpages"),
    ("by-product", "byproduct"),
    ("by-products", "byproducts"),
    ("long-standing", "longstanding"),
    ("mid-size", "midsize"),
    ("week-long", "weeklong"),
    ("year-long", "yearlong"),
    ("multi-year", "multiyear"),
    ("non-commercial", "noncommercial"),
    ("non-functional", "nonfunctional"),
    ("non-existent", "nonexistent"),
    ("non-essential", "nonessential"),
    ("non-standard", "nonstandard"),
    ("non-technical", "nontechnical"),
    ("non-negotiable", "nonnegotiable"),
    ("non-partisan", "nonpartisan"),
    ("non-interactive", "noninteractive"),
    ("co-author", "coauthor"),
    ("co-authors", "coauthors"),
    ("co-authored", "coauthored"),
    ("co-chair", "cochair"),
    ("co-chairs", "cochairs"),
    ("co-exist", "coexist"),
    ("co-existence", "coexistence"),
    ("re-elect", "reelect"),
    ("re-elected", "reelected"),
    ("re-enter", "reenter"),
    ("re-implement", "reimplement"),
    ("re-implementing", "reimplementing"),
    ("re-implemented", "reimplemented"),
    ("re-implementation", "reimplementation"),
    ("re-install", "reinstall"),
    ("re-installed", "reinstalled"),
    ("re-use", "reuse"),
    ("re-used", "reused"),
    ("re-using", "reusing"),
    ("pre-installed", "preinstalled"),
    ("pre-selected", "preselected"),
    ("pre-packaged", "prepackaged"),
    ("pre-approved", "preapproved"),
    ("multi-user", "multiuser"),
    ("multi-platform", "multiplatform"),
    ("sub-project", "subproject"),
    ("sub-projects", "subprojects"),
    ("sub-committee", "subcommittee"),
    ("sub-committees", "subcommittees"),
    ("on-line", "online"),
    ("web site", "website"),
    ("web sites", "websites"),
    ("world-wide", "worldwide"),
    ("nation-wide", "nationwide"),
    ("life cycle", "lifecycle"),
    ("well-known", "well known"),
    ("well-organized", "well organized"),
    ("well-organised", "well organised"),
    ("well-defined", "well defined"),
    ("well-designed", "well designed"),
    ("well-documented", "well documented"),
    ("well-maintained", "well maintained"),
    ("well-tested", "well tested"),
    ("well-established", "well established"),
    ("well-funded", "well funded"),
    ("well-written", "well written"),
    ("well-paid", "well paid"),
    ("well-respected", "well respected"),
    ("well-informed", "well informed"),
    ("well-received", "well received"),
    ("well-deserved", "well deserved"),
    ("well-suited", "well suited"),
    ("well-placed", "well placed"),
    ("well-positioned", "well positioned"),
    ("well-equipped", "well equipped"),
    ("well-trained", "well trained"),
    ("case-in-point", "case in point"),
    ("brand-new", "brand new"),
)


SWAPS: list[Swap] = [
    *[
        Swap(
            "en.phrase.coming", (f"in the coming {u}", f"over the coming {u}", f"in the {u} ahead")
        )
        for u in SPAN_UNITS
    ],
    Swap("en.phrase.compared_with", ("compared with", "compared to")),
    Swap("en.phrase.thank_you", ("thank you for", "thanks for")),
    *[
        Swap(
            "en.phrase.talk_to",
            (f"{t} to", f"{s} to", f"{s} with"),
            check=lambda v, i, j: (
                v.n(j + 1) in DETERMINERS | CLAUSE_SUBJECTS | {"me", "us", "him", "them"}
            ),
        )
        for t, s in (
            ("talk", "speak"),
            ("talks", "speaks"),
            ("talked", "spoke"),
            ("talking", "speaking"),
        )
    ],
    *inflect(
        "en.word.email",
        [
            ("e-mail", "email"),
            ("e-mails", "emails"),
            ("e-mailed", "emailed"),
            ("e-mailing", "emailing"),
        ],
    ),
    Swap("en.phrase.in_order_to", ("in order to", "so as to"), check=_infinitive),
    Swap("en.phrase.in_order_to", ("in order not to", "so as not to"), check=_infinitive),
    Swap("en.phrase.prior_to", ("prior to", "before"), check=_noun_phrase_next),
    *[
        Swap(
            "en.phrase.ensure", (f"{e} that", f"{m} sure that", e, f"{m} sure"), check=_clause_next
        )
        for e, m in _ENSURE
    ],
    *[
        Swap("en.phrase.ensure", (f"{e} that", f"{m} sure that"), check=_with_that)
        for e, m in _ENSURE
    ],
    Swap(
        "en.phrase.because_of", ("because of", "due to", "owing to", "as a result of"), check=_cause
    ),
    Swap("en.phrase.in_addition_to", ("in addition to", "as well as"), check=_not_comparison),
    Swap("en.phrase.except_for", ("with the exception of", "except for")),
    Swap("en.phrase.whether_or_not", ("whether or not", "whether"), check=_no_or_after),
    Swap("en.phrase.in_light_of", ("in light of", "in the light of")),
    Swap("en.phrase.for_now", ("for the time being", "for now")),
    Swap("en.phrase.if_necessary", ("if necessary", "if needed", "if required")),
    *[
        Swap("en.phrase.per_year", (f"per {u}", f"a {u}"), check=_after_amount)
        for u in ("year", "month", "week", "day", "hour")
    ],
    Swap("en.phrase.for_example", ("for example", "for instance"), check=mid),
    *[Swap("en.hyphen." + row[-1].replace(" ", "_").replace("-", "_"), row) for row in _HYPHENS],
]

TABLE = SwapTable(SWAPS)
RULES: dict[str, str] = TABLE.rules()
FINDERS = (TABLE.hits,)
