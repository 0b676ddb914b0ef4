"""English syntax that reads the same either way: the optional "that" after verbs of saying
and thinking ("said that we" / "said we"), "which"/"that" opening a restrictive relative
clause ("a tool which is" / "a tool that is").

Each rule is decided by what follows the optional word, never by the word itself, so
a copy that took either form offers the same choice again:

- "that" comes and goes only before a clause whose start is certain: a subject
  pronoun ("we", "she"), "it"/"there" before a verb, or a short noun phrase or a
  name directly followed by an auxiliary ("the plan will", "Debian is"). Never
  after a passive ("it was found that") or a noun ("the hope that"), and never
  before "you"/"it" alone ("found it useful" has no clause).
- "which"/"that" only after "determiner + noun" with no comma and directly before
  an auxiliary ("the only distribution which is"): there "that" cannot be a
  conjunction nor "which" a question word ("defines which software is").
"""

from __future__ import annotations

from collections.abc import Iterator

from townsquare.canary.lexical.base import Hit, SentenceView, make_hit, words
from townsquare.canary.lexical.en_contractions import contractible, expansion

PERSONAL = frozenset(words("i we they he she"))
AUX = frozenset(
    words(
        "is was are were will would can could should may might must has had have does did "
        "seems seemed remains remained isn't wasn't aren't weren't won't wouldn't can't "
        "couldn't shouldn't mustn't hasn't hadn't haven't doesn't didn't cannot"
    )
)
_VERB_AUX = AUX | frozenset(words("makes made takes took becomes became needs needed"))
NP_DETERMINERS = frozenset(
    words("the this these those our their its his her my your some many most all each every no")
)
_PRONOUNS = frozenset(
    words("i we they he she it you me us him them there who whom which that what where when")
)
_FUNCTION = NP_DETERMINERS | _PRONOUNS | frozenset(words("a an and or but not of to in on"))
_BE = frozenset(words("is was are were be been being am it's"))

SAY_VERBS = frozenset(
    words(
        "say says said think thinks thought believe believes believed know knows knew hope "
        "hopes hoped expect expects expected feel feels felt agree agrees agreed realize "
        "realizes realized realise realises realised find finds found decided assume assumes "
        "assumed suggest suggests suggested notice noticed learned heard understand "
        "understood understands wish wished promise promised promises mean means meant guess "
        "admitted claim claims claimed reported estimated"
    )
)

RULES: dict[str, str] = {
    "en.syntax.that": '"said that we" <-> "said we" (verbs of saying and thinking)',
    "en.syntax.which": '"a tool which is" / "a tool that is" / "a tool that\'s" (restrictive)',
}


def _lower(view: SentenceView, k: int) -> bool:
    """Token k is written in lower case (or the whole sentence is in capitals)."""
    core = view.toks[k].core
    return core.islower() or (view.all_caps and core.isupper())


def clause_at(view: SentenceView, k: int) -> bool:
    """Token k certainly opens a clause: "we ...", "it is", "the new plan will", "Debian is"."""
    if not view.bare(k) or not view.ok(k + 1) or view.toks[k + 1].lead:
        return False
    w, nxt = view.n(k), view.n(k + 1)
    base, _, tail = w.partition("'")
    if tail in ("s", "re", "ll", "ve", "d", "m") and base in PERSONAL | {"it", "there"}:
        return True
    if w in PERSONAL:
        return view.toks[k + 1].core[:1].isalpha() and nxt not in ("and", "or")
    if w == "it":
        verb_like = nxt.isalpha() and nxt.endswith(("s", "ed")) and not nxt.endswith("ss")
        return nxt in _VERB_AUX or verb_like
    if w == "there":
        return nxt in AUX
    if view.capitalised(k) and k != view.first and view.toks[k].core.isalpha():
        return nxt in AUX and view.bare(k)
    if w not in NP_DETERMINERS:
        # a bare plural noun before an auxiliary: "understands users may want"
        t = view.toks[k]
        return (
            nxt in AUX
            and t.core.isalpha()
            and _lower(view, k)
            and w.endswith("s")
            and not w.endswith(("ss", "ly"))
            and w not in _FUNCTION | _CLAUSE_VERBS | {"this", "thus", "always", "perhaps", "as"}
        )
    for m in range(k + 1, k + 5):
        if not view.ok(m) or view.toks[m].lead:
            return False
        if view.n(m) in AUX:
            return m > k + 1
        t = view.toks[m]
        if t.trail or view.n(m) in _FUNCTION or not t.core.isalpha() or not _lower(view, m):
            return False
    return False


def _optional_that(view: SentenceView) -> Iterator[Hit | None]:
    for i in range(len(view.toks) - 2):
        if view.n(i) not in SAY_VERBS or not view.bare(i) or i == view.first:
            continue
        prev = view.n(i - 1)
        if prev in _BE or prev in NP_DETERMINERS or prev in ("a", "an", "that"):
            continue
        core = view.toks[i].core
        if view.n(i + 1) == "that" and view.bare(i + 1) and view.spaced(i, i + 1):
            if clause_at(view, i + 2):
                yield make_hit(view, i, i + 1, [core], "en.syntax.that", case="exact")
        elif clause_at(view, i + 1) and view.spaced(i, i + 1):
            yield make_hit(view, i, i, [f"{core} that"], "en.syntax.that", case="keep")


_PAST = frozenset(words("saw told wrote showed proved made gave took kept left put set do"))
# Verbs that take a "that" clause: "He knows that is wrong" has no relative clause.
_CLAUSE_VERBS = SAY_VERBS | frozenset(
    words(
        "shows proves implies ensures guarantees states argues notes explains indicates "
        "understands realizes realises agrees decides insists admits reports confirms requires "
        "demands asks warns stresses announces mentions adds writes sees hears learns "
        "recognizes acknowledges predicts fears doubts recommends proposes reveals suspects "
        "concludes discovers notices remembers forgets considers accepts denies show prove "
        "imply ensure state argue explain indicate require demand ask see hear consider"
    )
)
_HEAD_LEFT = NP_DETERMINERS | frozenset(
    words(
        "a an other any several few both various numerous two three four five six seven "
        "eight nine ten of for on in with from by about into at under over between among "
        "without within through"
    )
)


def _content(view: SentenceView, m: int) -> bool:
    t = view.toks[m]
    return (
        view.bare(m)
        and t.core.replace("-", "").isalpha()
        and _lower(view, m)
        and view.n(m) not in _FUNCTION | AUX | {"such", "so", "same", "do", "than"}
    )


def _relative_head(view: SentenceView, i: int) -> bool:
    """The words before token i are a noun phrase opened by a determiner, a quantifier or
    a preposition ("for the developers", "on other software", "three libraries"), and
    the last is no verb ("the man said that is" has no relative clause)."""
    last = view.n(i - 1)
    if (
        last in _CLAUSE_VERBS
        or last in _PAST
        or (len(last) > 4 and last.endswith(("ed", "ing")))
        or not _content(view, i - 1)
    ):
        return False
    for m in range(i - 2, max(i - 6, -1), -1):
        if view.n(m).isdigit() and view.bare(m):
            return True
        if view.n(m) in _HEAD_LEFT and view.bare(m):
            return _lower(view, m) or m == view.first
        if not _content(view, m):
            return False
    return False


def _which_that(view: SentenceView) -> Iterator[Hit | None]:
    """ "which"/"that" before an auxiliary; before "is" also "that's" (three spellings)."""
    for i in range(1, len(view.toks)):
        w = view.n(i)
        if view.toks[i - 1].trail or not view.spaced(i - 1, i) or not _relative_head(view, i):
            continue
        if w == "that's" and not view.toks[i].lead and expansion("that", "s", view.n(i + 1)):
            if contractible(view, i, i):
                yield make_hit(view, i, i, ["that is", "which is"], "en.syntax.which")
            continue
        if w not in ("which", "that") or not view.bare(i) or not view.spaced(i, i + 1):
            continue
        if view.n(i + 1) not in AUX or not view.ok(i + 1) or view.toks[i + 1].lead:
            continue
        other = "that" if w == "which" else "which"
        if (
            view.n(i + 1) == "is"
            and expansion("that", "s", view.n(i + 2)) == "is"
            and contractible(view, i, i + 1)
        ):
            yield make_hit(view, i, i + 1, [f"{other} is", "that's"], "en.syntax.which")
        else:
            yield make_hit(view, i, i, [other], "en.syntax.which")


FINDERS = (_optional_that, _which_that)
