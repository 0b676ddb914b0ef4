"""English contractions, both ways: "do not"/"don't", "it is"/"it's", and the three
spellings of "it is not" / "it's not" / "it isn't".

Safety: a pronoun and its verb are contracted only when a word follows on the
same clause (never "what it is." -> "what it's."), never after what/as/than...
where the verb is stressed, never in questions when a negative contraction
is expanded ("Don't you...?"), and "'s"/"'d" are expanded only when the next
word tells "is" from "has" and "would" from "had".
"""

from __future__ import annotations

from collections.abc import Iterator

from townsquare.canary.lexical.base import Hit, SentenceView, make_hit, words

# Auxiliary + not <-> negative contraction.
NEGATIONS: dict[str, str] = {
    "do": "don't",
    "does": "doesn't",
    "did": "didn't",
    "is": "isn't",
    "are": "aren't",
    "was": "wasn't",
    "were": "weren't",
    "has": "hasn't",
    "have": "haven't",
    "had": "hadn't",
    "will": "won't",
    "would": "wouldn't",
    "should": "shouldn't",
    "could": "couldn't",
    "must": "mustn't",
}
_NEG_BACK = {v: k for k, v in NEGATIONS.items()}

# Subject + verb <-> contraction. The verb decides what must follow.
SUBJECTS: dict[tuple[str, str], str] = {
    ("i", "am"): "I'm",
    **{(p, "are"): f"{p}'re" for p in ("you", "we", "they")},
    **{(p, "is"): f"{p}'s" for p in ("he", "she", "it", "that", "there", "here", "what")},
    **{(p, "will"): f"{p}'ll" for p in ("i", "you", "we", "they", "he", "she")},
    **{(p, "have"): f"{p}'ve" for p in ("i", "you", "we", "they")},
    **{(p, "has"): f"{p}'s" for p in ("he", "she", "it", "that", "there")},
    **{(p, "would"): f"{p}'d" for p in ("i", "you", "we", "they", "he", "she")},
}
_SUBJECT_OF = {"i": "I"}
# Before these the verb is stressed and cannot be contracted ("what it is", "as it is").
_STRESSED_AFTER = frozenset(
    words("what who whom where how as than whatever wherever however whoever whichever why which")
)
_PRONOUN_NEXT = frozenset(words("it this that he she they you we i there me him her us them"))
# Words that start a clause after an auxiliary: its subject in a question.
_SUBJECT_WORDS = frozenset(
    words(
        "i you we they he she it there this that these those the a an our your their his her "
        "its my all any some everyone anyone someone anybody everybody one people"
    )
)
PARTICIPLES = frozenset(
    words(
        "been done gone seen made taken given had got gotten become begun known shown grown "
        "written spoken chosen found left lost kept held brought thought told said paid sent "
        "spent built met run put set read led won felt heard understood come become fallen "
        "risen driven broken forgotten worn torn drawn flown sold bought taught caught sought "
        "fought stood sat hit cut let shut spread struck begun undertaken overseen withdrawn"
    )
)
_HAVE_ADVERBS = frozenset(
    words(
        "already also just never always recently since ever long finally previously "
        "successfully now clearly often largely"
    )
)
# After "'d": would + these, had + "better".
_WOULD_NEXT = frozenset(
    words(
        "like love be have need want appreciate prefer welcome suggest recommend expect "
        "rather also never not"
    )
)
_LET_US_NEXT = frozenset(
    words(
        "be consider look take make begin start turn remember not hope focus work move keep "
        "now recall review examine discuss try get go continue also first briefly return "
        "summarize summarise note imagine agree face"
    )
)

RULES: dict[str, str] = {
    **{f"en.contraction.{k}_not": f'"{k} not" <-> "{v}"' for k, v in NEGATIONS.items()},
    "en.contraction.cannot": '"cannot" <-> "can\'t"',
    **{f"en.contraction.{p}_{v}": f'"{p} {v}" <-> "{c}"' for (p, v), c in SUBJECTS.items()},
    "en.contraction.neg3": '"it is not" / "it\'s not" / "it isn\'t" (and are, have)',
    "en.contraction.let_us": '"Let us" <-> "Let\'s" (imperative, sentence start)',
}


def is_participle(word: str) -> bool:
    return word in PARTICIPLES or (len(word) > 4 and word.endswith("ed"))


def _follows(view: SentenceView, j: int) -> bool:
    """A word follows token j in the same clause."""
    t = view.toks[j]
    nxt = j + 1
    return (
        not t.trail
        and view.ok(nxt)
        and not view.toks[nxt].lead
        and view.toks[nxt].core[:1].isalnum()
    )


def _negations(view: SentenceView) -> Iterator[Hit | None]:
    for i, t in enumerate(view.toks):
        w = view.n(i)
        if w in NEGATIONS and view.words(i + 1, ["not"]) is not None and not t.trail:
            if view.spaced(i, i + 1) and not _inverted(view, i, i + 2):
                yield make_hit(view, i, i + 1, [NEGATIONS[w]], f"en.contraction.{w}_not")
        elif w in _NEG_BACK and not _inverted(view, i, i + 1):
            aux = _NEG_BACK[w]
            yield make_hit(view, i, i, [f"{aux} not"], f"en.contraction.{aux}_not")
        elif w == "cannot":
            yield make_hit(view, i, i, ["can't"], "en.contraction.cannot")
        elif w == "can't" and not _inverted(view, i, i + 1):
            yield make_hit(view, i, i, ["cannot"], "en.contraction.cannot")


_CLAUSE_OPENERS = frozenset(words("and or but so nor yet then"))


def _inverted(view: SentenceView, i: int, nxt: int) -> bool:
    """The auxiliary at i may come before its subject (at `nxt`): a question, or a
    subject word right after it where a clause opens ("Don't you dare", "Why don't we").
    Such a negation is written as it is, both ways ("Do not you" is no English)."""
    if view.question:
        return True
    if view.n(nxt) not in _SUBJECT_WORDS:
        return False
    return (
        i == view.first
        or view.n(i - 1) in _STRESSED_AFTER | _CLAUSE_OPENERS
        or bool(view.toks[i - 1].trail)
    )


def contractible(view: SentenceView, i: int, verb_at: int) -> bool:
    if view.n(i - 1) in _STRESSED_AFTER or not _follows(view, verb_at):
        return False
    return view.n(verb_at + 1) not in _PRONOUN_NEXT


def _subjects(view: SentenceView) -> Iterator[Hit | None]:
    for i in range(len(view.toks) - 1):
        p, v = view.n(i), view.n(i + 1)
        full = SUBJECTS.get((p, v))
        if (
            full is not None
            and view.words(i, [p, v], last_trail=False) is not None
            and contractible(view, i, i + 1)
            and expansion(p, full.split("'")[1], view.n(i + 2)) == v
        ):
            yield make_hit(view, i, i + 1, [full], f"en.contraction.{p}_{v}")
    for i in range(len(view.toks)):
        w = view.n(i)
        if "'" not in w:
            continue
        subject, _, tail = w.partition("'")
        verb = expansion(subject, tail, view.n(i + 1))
        if verb is None or (subject, verb) not in SUBJECTS or not contractible(view, i, i):
            continue
        words = f"{_SUBJECT_OF.get(subject, subject)} {verb}"
        yield make_hit(view, i, i, [words], f"en.contraction.{subject}_{verb}")


def expansion(subject: str, tail: str, nxt: str) -> str | None:
    """The verb a contraction stands for, when the next word tells: "'s" is "has" before
    "been", "is" before a word that is no participle; "'d" is "would" before a verb.
    Both directions use it, so a contraction is only made where it can be undone."""
    if tail == "m":
        return "am"
    if tail == "re":
        return "are"
    if tail == "ll":
        return "will"
    if tail == "ve":
        return "have" if is_participle(nxt) or nxt in _HAVE_ADVERBS else None
    if tail == "d":
        return "would" if nxt in _WOULD_NEXT else None
    if tail == "s":
        if nxt in ("been", "got", "gotten", "had", "become"):
            return "has" if (subject, "has") in SUBJECTS else None
        if is_participle(nxt) or nxt.endswith("en") or not nxt:
            return None
        return "is"
    return None


_NEG3_BE = {"is": "isn't", "are": "aren't"}


def _neg3(view: SentenceView) -> Iterator[Hit | None]:
    """Subject + is/are/have + not: three spellings of one meaning."""
    for i in range(len(view.toks) - 1):
        w = view.n(i)
        p = w.partition("'")[0]
        if view.n(i - 1) in _STRESSED_AFTER or view.toks[i].trail:
            continue
        forms: tuple[str, str, str] | None = None
        last = -1
        for verb in ("is", "are", "have"):
            contracted = SUBJECTS.get((p, verb))
            if contracted is None:
                continue
            neg = _NEG3_BE.get(verb, "haven't")
            subject = _SUBJECT_OF.get(p, p)
            trio = (f"{subject} {verb} not", f"{contracted} not", f"{subject} {neg}")
            if view.words(i, [p, verb, "not"]) is not None:
                forms, last = trio, i + 2
            elif view.words(i, [contracted.casefold(), "not"]) is not None or (
                view.words(i, [p, neg]) is not None and not view.question
            ):
                forms, last = trio, i + 1
            if forms is not None:
                after = view.n(last + 1)
                ambiguous_s = verb == "is" and (is_participle(after) or after.endswith("en"))
                if (
                    verb == "have" and not (is_participle(after) or after in _HAVE_ADVERBS)
                ) or ambiguous_s:
                    forms = None
                break
        if forms is not None:
            yield make_hit(view, i, last, list(forms), "en.contraction.neg3")


def _let_us(view: SentenceView) -> Iterator[Hit | None]:
    i = view.first
    if view.words(i, ["let", "us"], last_trail=False) is not None:
        if view.n(i + 2) in _LET_US_NEXT:
            yield make_hit(view, i, i + 1, ["let's"], "en.contraction.let_us")
    elif view.n(i) == "let's" and not view.toks[i].trail:
        yield make_hit(view, i, i, ["let us"], "en.contraction.let_us")


FINDERS = (_negations, _subjects, _neg3, _let_us)
