"""English numbers written another way; values never change.

- "approximately/about/around/roughly" before a number, when "about" cannot
  mean "concerning" ("talk about 5 issues") nor "around" a place;
- "more than"/"over" before a number, not before a duration ("over 5 years"
  may mean "during");
- "10%"/"10 percent"/"10 per cent";
- "3 teams"/"three teams", "21 years"/"twenty-one years" for 2-99 before a
  plural noun (never "one", never a label such as "Phase 2", never at a
  sentence's start);
- "1,500"/"1500" for 4-digit amounts that cannot be years.

Times and dates are in `en_dates`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from townsquare.canary.lexical.base import Hit, SentenceView, make_hit, words

_ONES = words("one two three four five six seven eight nine")
_TEENS = words("ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen")
_TENS = words("twenty thirty forty fifty sixty seventy eighty ninety")
# 2 to 99 ("one" never: "one team" may mean "a single, united team").
WORDS: dict[int, str] = {n: w for n, w in enumerate(_ONES, start=1) if n > 1}
WORDS.update(enumerate(_TEENS, start=10))
for _k, _tens in enumerate(_TENS, start=2):
    WORDS[10 * _k] = _tens
    WORDS.update((10 * _k + u, f"{_tens}-{w}") for u, w in enumerate(_ONES, start=1))
_BY_WORD = {w: n for n, w in WORDS.items()}
_NUMBER_RE = re.compile(r"^[$€£]?\d[\d,.]*(?:%|k|m|bn)?$")
_NUMBER_WORDS = frozenset(
    [
        *WORDS.values(),
        "ten",
        "eleven",
        "twelve",
        "fifteen",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
        "hundred",
        "half",
        "a",
    ]
)
_APPROX = ("approximately", "about", "around", "roughly")
# "about"/"around" after these means "concerning" or a place: no approximation slot.
_ABOUT_BLOCK = frozenset(
    words(
        "a an the talk talked talking talks speak spoke spoken speaking think thinking "
        "thought learn learned learning know knew known worry worried care cared write wrote "
        "written writing read hear heard ask asked asking complain complained concerned "
        "concerns information question questions news story article report reports details "
        "debate discussion discussions decision doubts feel feeling felt something nothing "
        "anything everything what how bring brought come came go went walk walked move moved "
        "look looked travel traveled travelled turn turned spread centered centred revolve "
        "revolves revolved set is are was were be been being it this that"
    )
)
_QUANT_PREV = frozenset(
    words(
        "of to by at for from with in within after before than cost costs costing employs "
        "employ employed employing reached reach reaches totaled totalled total totals rose "
        "fell grew dropped declined increased decreased climbed jumped gained lost saved save "
        "saves spent spend spends take takes took taking last lasts lasted weigh weighs "
        "weighed represent represents represented has have had hired affected affects affect "
        "involve involved involves attracted drew received receive receives raised earned "
        "generated serve serves served contain contains contained numbered and or only just "
        "now still est estimated hire hired hiring add added adds adding create created "
        "creates cut cuts build built plant planted sell sold sells buy bought produce "
        "produced need needs needed require requires required reaches host hosted hosts "
        "recruit recruited open opened close closed lose gain gains earn earns earned pay "
        "pays paid charge charged raise invest invested owe owed count counted record "
        "recorded register registered attract attracts see saw sees receive handle handled "
        "handles process processed review reviewed treat treated train trained welcome "
        "welcomed feed fed house housed run runs ran manage manages managed operate operates "
        "operated"
    )
)
_UNITS = frozenset(
    words(
        "percent per million billion thousand hundred people employees staff users customers "
        "hours days weeks months years minutes seconds km miles kilometers kilometres meters "
        "metres pounds dollars euros tons tonnes members participants jobs sites stores"
    )
)
_DURATIONS = frozenset(
    words(
        "years year months month weeks week days day hours hour minutes decades decade "
        "centuries quarters period"
    )
)
_LABEL_PREV = frozenset(
    words(
        "section chapter article part room level phase stage step version tier grade figure "
        "table page no number item line floor building gate platform route bus flight class "
        "category type model round act scene verse paragraph clause rule point appendix annex "
        "exhibit schedule term season episode volume issue q to and or between from through "
        "than by of x"
    )
)
_NOT_PLURAL = frozenset(
    words(
        "is was has does this thus always perhaps as us its his hers yes plus minus less "
        "unless across whereas news percent series its"
    )
)
_IRREGULAR_PLURALS = frozenset(
    ["people", "children", "men", "women", "staff", "feet", "teeth", "criteria"]
)
_INITIAL_OK = frozenset(
    words(
        "the only all these those about nearly over just some our their another at in for "
        "with after before within by on under around roughly approximately"
    )
)
MONTHS = frozenset(
    words("january february march april may june july august september october november december")
)
_PERCENT_RE = re.compile(r"^([+-]?\d+(?:\.\d+)?)%$")
_THOUSANDS_RE = re.compile(r"^([$€£]?)(\d),?(\d{3})$")

RULES: dict[str, str] = {
    "en.number.approx": "approximately / about / around / roughly before a number",
    "en.number.more_than": '"more than" / "over" before a number (not a duration)',
    "en.number.percent": '"10%" / "10 percent" / "10 per cent"',
    "en.number.words": '"3 teams" <-> "three teams" (2-99 before a plural noun)',
    "en.number.thousands": '"1,500" <-> "1500" (4 digits, never a year)',
}


def _is_number(view: SentenceView, k: int) -> bool:
    if not view.ok(k) or view.toks[k].lead:
        return False
    core = view.toks[k].core
    return bool(_NUMBER_RE.match(core)) or (view.n(k) in _NUMBER_WORDS and view.bare(k))


def _has_unit(view: SentenceView, k: int) -> bool:
    core = view.toks[k].core
    if core[:1] in "$€£" or core.endswith("%"):
        return True
    return not view.toks[k].trail and view.n(k + 1) in _UNITS


def _quantity_context(view: SentenceView, i: int, k: int) -> bool:
    """The word(s) at i (ending before number token k) can only qualify the number."""
    prev = view.n(i - 1)
    if prev in _ABOUT_BLOCK or not _is_number(view, k):
        return False
    if view.n(k) == "a" and view.n(k + 1) not in (
        "dozen",
        "hundred",
        "thousand",
        "third",
        "quarter",
        "fifth",
        "million",
    ):
        return False
    return (
        i == view.first
        or prev in _QUANT_PREV
        or (i > 0 and view.toks[i - 1].trail in (",", ":"))
        or _has_unit(view, k)
    )


def _approx(view: SentenceView) -> Iterator[Hit | None]:
    for i in range(len(view.toks) - 1):
        if (
            view.n(i) in _APPROX
            and view.bare(i)
            and view.spaced(i, i + 1)
            and _quantity_context(view, i, i + 1)
        ):
            yield make_hit(view, i, i, _APPROX, "en.number.approx")


def _more_than(view: SentenceView) -> Iterator[Hit | None]:
    for i in range(len(view.toks) - 1):
        j = view.words(i, ["more", "than"], last_trail=False)
        if j is None and view.n(i) == "over" and view.bare(i):
            j = i
        if j is None or not view.spaced(j, j + 1) or not _quantity_context(view, i, j + 1):
            continue
        if view.n(j + 2) in _DURATIONS or view.n(i - 1) in ("a", "an", "the", "no"):
            continue
        yield make_hit(view, i, j, ["more than", "over"], "en.number.more_than")


def _percent(view: SentenceView) -> Iterator[Hit | None]:
    for i, t in enumerate(view.toks):
        if not view.ok(i) or t.lead.endswith("-"):
            continue
        m = _PERCENT_RE.match(t.core)
        if m:
            n, last = m.group(1), i
        elif re.fullmatch(r"\d+(?:\.\d+)?", t.core) and not t.trail:
            if view.words(i + 1, ["percent"]) is not None:
                n, last = t.core, i + 1
            elif view.words(i + 1, ["per", "cent"]) is not None:
                n, last = t.core, i + 2
            else:
                continue
            if not view.spaced(i, last):
                continue
        else:
            continue
        yield make_hit(
            view, i, last, [f"{n}%", f"{n} percent", f"{n} per cent"], "en.number.percent"
        )


def _plural_noun(view: SentenceView, k: int) -> bool:
    if not view.ok(k) or view.toks[k].lead:
        return False
    core = view.toks[k].core
    w = view.n(k)
    if not core.isalpha() or not (core.islower() or (view.all_caps and core.isupper())):
        return False
    if w in _IRREGULAR_PLURALS:
        return True
    return (
        len(w) >= 3
        and w.endswith("s")
        and not w.endswith(("ss", "us", "is"))
        and w not in _NOT_PLURAL
        and w not in MONTHS
    )


def _number_words(view: SentenceView) -> Iterator[Hit | None]:
    for i, t in enumerate(view.toks):
        if not view.bare(i) or not _plural_noun(view, i + 1) or not view.spaced(i, i + 1):
            continue
        prev = view.n(i - 1)
        if i > 0 and not view.ok(i - 1):
            continue
        if prev in _LABEL_PREV or (i > 0 and any(c.isdigit() for c in view.toks[i - 1].core)):
            continue
        if (
            i - 1 >= 0
            and view.capitalised(i - 1)
            and not view.all_caps
            and not (i - 1 == view.first and prev in _INITIAL_OK)
        ):
            continue
        if i == view.first:
            continue  # "Five teams met" has no digit form, so "5 teams met" gets no slot
        if t.core.isdigit() and int(t.core) in WORDS and t.core[0] != "0":
            yield make_hit(view, i, i, [WORDS[int(t.core)]], "en.number.words")
        elif view.n(i) in _BY_WORD and (t.core.islower() or view.all_caps):
            yield make_hit(view, i, i, [str(_BY_WORD[view.n(i)])], "en.number.words")


_YEAR_PREPS = frozenset(
    words("in since by until from to of before after during circa year fy between through")
)
_QUANTITY_PREV = frozenset((*_APPROX, "nearly", "almost", "over", "than", "some", "just", "only"))


def _thousands(view: SentenceView) -> Iterator[Hit | None]:
    """ "1,500" <-> "1500": the same context is required of both spellings (an amount, not
    a year, a code or a label), so a copy offers the other spelling back."""
    for i, t in enumerate(view.toks):
        m = _THOUSANDS_RE.match(t.core)
        if not m or not view.ok(i):
            continue
        cur, a, b = m.groups()
        value = int(a + b)
        if not cur and 1100 <= value <= 2099:
            continue
        if not cur:
            if view.n(i - 1) in _YEAR_PREPS or view.n(i - 1) in _LABEL_PREV:
                continue
            amount = (
                _plural_noun(view, i + 1)
                or view.n(i + 1) in _UNITS
                or (view.bare(i + 1) and _plural_noun(view, i + 2))
                or view.n(i - 1) in _QUANTITY_PREV
            )
            if t.trail or not amount:
                continue
        alts = [f"{cur}{a},{b}", f"{cur}{a}{b}"]
        yield make_hit(view, i, i, alts, "en.number.thousands")


FINDERS = (_approx, _more_than, _percent, _number_words, _thousands)
