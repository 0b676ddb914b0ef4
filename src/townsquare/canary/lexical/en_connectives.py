"""English sentence openers: connective swaps and the optional comma after them.

"Thus," joins "Therefore," / "Consequently," / "As a result," (at a sentence's
start, with its comma or before a subject, it draws a consequence). The comma
after a short opening prepositional phrase is optional where the phrase's end
is certain: it ends on a name, a month or a year before a subject ("Within
Debian she ...", "In 1994, the ...").

Left out on purpose: "However," (without its comma "However we ..." means "in
whatever way we ..."), "Still,", "Now,", "Next," and ordinals (the comma
keeps "First time ..." from reading as one phrase), and "Finally," -> "Lastly,"
unless the memo enumerates (narrative "Finally" means "at last").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from townsquare.canary.lexical.base import Hit, SentenceView, make_hit, phrases, words
from townsquare.canary.lexical.connectives import (
    Connective,
    comma_only_hits,
    connective_hits,
    starts_clause,
)

T, F = True, False
CONNECTIVES: tuple[Connective, ...] = (
    Connective(
        "en.connective.addition",
        (("in addition", T), ("additionally", T), ("moreover", T), ("furthermore", T)),
    ),
    Connective("en.connective.example", (("for example", T), ("for instance", T))),
    Connective(
        "en.connective.result",
        (("as a result", T), ("consequently", T), ("therefore", T), ("thus", T)),
    ),
    Connective(
        "en.connective.concession",
        (("nevertheless", T), ("nonetheless", T), ("even so", F), ("that said", F)),
    ),
    Connective("en.connective.finally", (("finally", F), ("lastly", F)), needs_enumeration=True),
    Connective(
        "en.connective.current", (("currently", T), ("at present", T), ("at the moment", T))
    ),
    Connective("en.connective.meanwhile", (("meanwhile", T), ("in the meantime", T))),
    Connective(
        "en.connective.similarly", (("similarly", T), ("likewise", T), ("in the same way", F))
    ),
    Connective("en.connective.summary", (("in summary", T), ("to sum up", F), ("in short", T))),
    Connective("en.connective.overall", (("overall", T), ("on the whole", T))),
    Connective("en.connective.first", (("first", F), ("firstly", F), ("first of all", F))),
    Connective("en.connective.second", (("second", F), ("secondly", F))),
    Connective("en.connective.third", (("third", F), ("thirdly", F))),
    Connective("en.connective.unfortunately", (("unfortunately", T), ("regrettably", T))),
    Connective("en.connective.fortunately", (("fortunately", T), ("luckily", T))),
    Connective(
        "en.connective.general",
        (("in general", T), ("generally", T), ("generally speaking", T)),
    ),
    Connective("en.connective.usually", (("usually", T), ("normally", T))),
    Connective("en.connective.so_far", (("so far", T), ("to date", T), ("thus far", T))),
    Connective("en.connective.contrast", (("in contrast", T), ("by contrast", T))),
    Connective(
        "en.connective.other_words",
        (("in other words", T), ("put differently", F), ("put another way", F)),
    ),
    Connective("en.connective.initially", (("initially", T), ("at first", F))),
    Connective(
        "en.connective.later",
        (("later", F), ("afterwards", T), ("afterward", T), ("subsequently", T)),
    ),
    Connective("en.connective.conclusion", (("in conclusion", T), ("to conclude", F))),
)
ENUMERATORS = frozenset(["first", "firstly", "second", "secondly", "third", "thirdly"])

SUBJECTS = frozenset(
    words(
        "we i you they he she it the this that these those our their his her its my your a an "
        "there all many most some several each every both no none everyone nobody staff "
        "employees people teams managers something someone somebody everything everybody "
        "anyone anybody anything nothing"
    )
)

_INTRO_WORDS = words(
    "indeed instead accordingly today yesterday tomorrow recently importantly notably "
    "specifically ultimately typically traditionally historically previously originally "
    "tonight clearly obviously essentially basically eventually apparently arguably admittedly "
    "interestingly surprisingly unsurprisingly ideally technically nowadays lately "
    "occasionally sometimes otherwise"
)
_INTRO_PHRASES = phrases(
    "of course|in fact|in particular|in practice|in total|on balance|for now|"
    "since then|until now|in the past|in recent years|in the long run|"
    "in the short term|in turn|this year|this week|this month|this quarter|last year|"
    "last week|last month|last quarter|next year|next week|next month|next quarter|"
    "earlier this year|later this year|earlier this month|later this month|"
    "this morning|this afternoon|at the same time|above all|as a rule|in the end|"
    "on the contrary|until then|even then|legally speaking|in this way|in this case|"
    "in that case|in any case|for this reason|for that reason|at that time|at this point|"
    "at the time|on the other hand|in response|as such|as usual|as expected|as always|"
    "in most cases|in many cases|in some cases|in both cases|after all|in reality|"
    "in theory|in principle|for the most part|more importantly|most importantly|"
    "until recently|back then|by then|by now|over time|over the years|every year|"
    "each year|this time|at first glance|to be sure"
)
INTRO = frozenset(_INTRO_WORDS + _INTRO_PHRASES)

MONTHS = words(
    "january february march april may june july august september october november december"
)
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_TIME_PREPS = frozenset(
    ["in", "by", "since", "until", "during", "before", "after", "through", "from"]
)
_YEAR_RE = re.compile(r"^(?:19|20)\d\d$")

RULES: dict[str, str] = {
    **{c.rule: " / ".join(m for m, _ in c.members) + " (sentence start)" for c in CONNECTIVES},
    "en.comma.intro": "optional comma after a sentence-initial connective or time phrase",
}


def _connectives(view: SentenceView) -> Iterator[Hit | None]:
    yield from connective_hits(view, CONNECTIVES, "en.comma.intro", SUBJECTS, ENUMERATORS)


def _intro_commas(view: SentenceView) -> Iterator[Hit | None]:
    yield from comma_only_hits(view, INTRO, 3, "en.comma.intro", SUBJECTS)
    yield from _time_intro(view)


def _time_intro(view: SentenceView) -> Iterator[Hit | None]:
    """ "In 2023," / "By March," / "In March 2024," / "On Monday," -> comma optional."""
    i = view.first
    prep = view.n(i)
    j: int | None = None
    if prep in _TIME_PREPS and view.bare(i):
        a, b = view.n(i + 1), view.n(i + 2)
        if _YEAR_RE.match(a):
            j = i + 1
        elif a in MONTHS and view.capitalised(i + 1):
            j = i + 2 if _YEAR_RE.match(b) and view.bare(i + 1) else i + 1
    elif prep == "on" and view.bare(i) and view.n(i + 1) in WEEKDAYS:
        j = i + 1
    if j is None or not view.spaced(i, j) or any(view.toks[k].trail for k in range(i, j)):
        return
    trail = view.toks[j].trail
    if trail not in ("", ",") or view.toks[j].lead or not starts_clause(view, j + 1, SUBJECTS):
        return
    first = view.toks[i]
    inner = view.text[first.start + len(first.lead) : view.toks[j].end - len(trail)]
    yield make_hit(view, i, j, [(inner, "" if trail else ",")], "en.comma.intro", case="keep")


_PREPS = frozenset(
    words(
        "in on at by for from with within without among during after before since until "
        "under through throughout across beyond inside outside despite following unlike"
    )
)
_PERSONAL = frozenset(words("i we they he she it there"))
_NOT_INSIDE = frozenset(
    words(
        "who which that whom whose when where while if because as and or but is are was were "
        "be been has have had will would can could should may might must do does did not"
    )
)
_ANY_YEAR_RE = re.compile(r"^(?:1[0-9]|20)\d\d$")


def _certain_end(view: SentenceView, j: int) -> bool:
    """The opening phrase surely ends at token j: j is a name, a month or a year, and
    the next word opens a clause no phrase could continue into ("Within Debian she",
    "In 1994 the"). A plain noun could take a relative clause ("In the way we ..."),
    a number a name ("In 3 Debian releases"), a name another name ("In Debian Linux")."""
    core = view.toks[j].core
    nxt = j + 1
    if not starts_clause(view, nxt, SUBJECTS) or view.toks[nxt].lead:
        return False
    next_is_name = view.capitalised(nxt) and view.n(nxt) not in _PERSONAL
    if _ANY_YEAR_RE.match(core):
        return True
    if core.isalpha() and core[:1].isupper() and view.n(j) != "i":
        return not next_is_name or view.n(j) in MONTHS or view.n(j) in WEEKDAYS
    return core.isdigit() and not next_is_name and view.n(nxt) not in SUBJECTS - _PERSONAL


def _pp_intro(view: SentenceView) -> Iterator[Hit | None]:
    """ "Within Debian, she ..." / "Within Debian she ...": the comma after a short
    opening prepositional phrase, where the phrase's end is certain."""
    i = view.first
    if view.n(i) not in _PREPS or not view.bare(i):
        return
    for j in range(i + 1, min(i + 6, len(view.toks) - 1)):
        t = view.toks[j]
        if not view.ok(j) or t.lead or view.n(j) in _NOT_INSIDE or not view.spaced(j - 1, j):
            return
        if t.trail not in ("", ","):
            return
        if _certain_end(view, j):
            inner = view.text[view.toks[i].start : t.end - len(t.trail)]
            alt = (inner, "" if t.trail else ",")
            yield make_hit(view, i, j, [alt], "en.comma.intro", case="keep")
            return
        if t.trail:
            return


FINDERS = (_connectives, _intro_commas, _pp_intro)
