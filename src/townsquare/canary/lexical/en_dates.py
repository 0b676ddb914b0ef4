"""English times and dates written another way; values never change.

- "5 pm"/"5 p.m."/"5pm"/"5:00 pm" after a time preposition ("p.m." is never
  offered where it would end a sentence that another follows: the reader
  could not see the sentence end);
- "July 11, 2000"/"July 11th, 2000"/"11 July 2000"/"11th July 2000" (and
  without the year), after a date preposition ("on", "by", "until"...);
- "in May of 1998"/"in May 1998".

A date opening the sentence ("On July 11, 2000, Joel ...", "In May 1998 the
...") before a clear subject also carries the optional comma after it in the
same slot (up to 8 variants); the US form with a year keeps its comma, which
English requires after the year. Rejecting "en.comma.intro" keeps the memo's
comma in every variant.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from townsquare.canary.lexical.base import Alt, Hit, SentenceView, make_hit, words
from townsquare.canary.lexical.connectives import starts_clause
from townsquare.canary.lexical.en_connectives import SUBJECTS
from townsquare.canary.lexical.en_numbers import MONTHS

RULES: dict[str, str] = {
    "en.time.ampm": '"5 pm" / "5 p.m." / "5pm" / "5:00 pm"',
    "en.date.format": '"July 11, 2000" / "July 11th, 2000" / "11 July 2000" / "11th July 2000"',
    "en.date.month_year": '"in May of 1998" <-> "in May 1998"',
}

_TIME_PREV = frozenset(
    words(
        "at by until till before after from to between and around about approximately roughly "
        "since or past than - – —"
    )
)
_DATE_PREV = frozenset(
    words("on by until till before after since from to through of and dated between as")
)
_MONTH_YEAR_PREV = frozenset(words("in during since by until before after from of through"))
_INTRO_PREPS = frozenset(words("on by until till before after since from in during"))
_PARAGRAPH_END_RE = re.compile(r"[ \t]*(?:\n[ \t]*\n|\s*$)")
_AMPM_RE = re.compile(r"^([ap])(\.?)m(\.?)$", re.I)
_CLOCK_RE = re.compile(r"^(\d{1,2})(?::([0-5]\d))?$")
_CLOCK_AMPM_RE = re.compile(r"^(\d{1,2})(?::([0-5]\d))?([ap]\.?m\.?)$", re.I)
_DAY_RE = re.compile(r"^(\d{1,2})(st|nd|rd|th)?$", re.I)
_YEAR_RE = re.compile(r"^(?:1[0-9]|20)\d\d$")


def _time_variants(hour: str, minutes: str | None, marker: str) -> list[str]:
    dotted = f"{marker}.m."
    plain = f"{marker}m"
    if minutes and minutes != "00":
        clock = f"{hour}:{minutes}"
        return [f"{clock} {plain}", f"{clock} {dotted}", f"{clock}{plain}"]
    return [f"{hour} {plain}", f"{hour} {dotted}", f"{hour}{plain}", f"{hour}:00 {plain}"]


def _times(view: SentenceView) -> Iterator[Hit | None]:
    for i, t in enumerate(view.toks):
        if not view.ok(i) or t.lead or view.n(i - 1) not in _TIME_PREV:
            continue
        one = _CLOCK_AMPM_RE.match(t.core)
        if one:
            hour, minutes, marker_raw, last = one.group(1), one.group(2), one.group(3), i
        else:
            clock = _CLOCK_RE.match(t.core)
            if not clock or t.trail or not view.ok(i + 1) or not view.spaced(i, i + 1):
                continue
            nxt = view.toks[i + 1]
            if nxt.lead or not _AMPM_RE.match(nxt.core):
                continue
            hour, minutes, marker_raw, last = clock.group(1), clock.group(2), nxt.core, i + 1
        if not 1 <= int(hour) <= 12:
            continue
        trail = view.toks[last].trail
        is_last = last == len(view.toks) - 1
        dotted = bool(re.search(r"\.m$", marker_raw, re.I))
        if dotted:
            after = trail[1:] if trail.startswith(".") else trail
            final = after == "" and is_last and trail.startswith(".")
            if trail.startswith(".") and not is_last and view.capitalised(last + 1):
                continue  # "5 p.m. The ..." may end a sentence: ambiguous
        else:
            final = is_last and trail.startswith(".")
            after = trail[1:] if final else trail
        out: list[tuple[str, str]] = []
        # "p.m." ending a sentence that another follows would hide the sentence end.
        open_end = final and not _PARAGRAPH_END_RE.match(view.text, view.toks[last].end)
        for v in _time_variants(hour, minutes, marker_raw[0].lower()):
            if open_end and v.endswith("."):
                continue
            end_punct = after if v.endswith(".") else ("." if final else "") + after
            out.append((v, end_punct))
        if any(c.isupper() for c in marker_raw):
            out = [(w.upper(), e) for w, e in out]
        yield make_hit(view, i, last, out, "en.time.ampm", case="keep")


def _ordinal(day: int) -> str:
    if 10 <= day % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def _day(view: SentenceView, k: int) -> int | None:
    """The day of month written at token k ("5", "5th"), or None."""
    if not view.ok(k) or view.toks[k].lead:
        return None
    m = _DAY_RE.match(view.toks[k].core)
    if not m:
        return None
    day = int(m.group(1))
    if not 1 <= day <= 31 or (m.group(2) and m.group(2).lower() != _ordinal(day)):
        return None
    return day


def _month(view: SentenceView, k: int) -> str | None:
    if view.n(k) in MONTHS and view.capitalised(k) and not view.toks[k].lead:
        return view.toks[k].core
    return None


def _year(view: SentenceView, k: int) -> str | None:
    if view.ok(k) and not view.toks[k].lead and _YEAR_RE.match(view.toks[k].core):
        return view.toks[k].core
    return None


def _parse_date(view: SentenceView, i: int) -> tuple[int, str, int, str | None] | None:
    """(last token, month, day, year) for a date starting at token i: "July 11th, 2000",
    "July 11", "11 July 2000", "11th July"."""
    month, day = _month(view, i), _day(view, i + 1)
    if month and day and view.bare(i) and view.spaced(i, i + 1):
        trail = view.toks[i + 1].trail
        year = _year(view, i + 2) if trail == "," and view.spaced(i + 1, i + 2) else None
        if year:
            return i + 2, month, day, year
        return (i + 1, month, day, None) if trail in ("", ",", ".", ";", ":", ")") else None
    day, month = _day(view, i), _month(view, i + 1)
    if month and day and view.bare(i) and view.spaced(i, i + 1):
        trail = view.toks[i + 1].trail
        year = _year(view, i + 2) if not trail and view.spaced(i + 1, i + 2) else None
        return (i + 2, month, day, year) if year else (i + 1, month, day, None)
    return None


def _intro_commas(view: SentenceView, i: int, last: int) -> list[str]:
    """Commas the date may end with: both when it closes an opening phrase ("On July 11,
    2000, Joel ...") before a clear subject, else the memo's own."""
    trail = view.toks[last].trail
    if (
        i - 1 == view.first
        and view.n(i - 1) in _INTRO_PREPS
        and trail in ("", ",")
        and not view.rule_off("en.comma.intro")
        and starts_clause(view, last + 1, SUBJECTS)
    ):
        return [",", ""]
    return [trail]


def _dates(view: SentenceView) -> Iterator[Hit | None]:
    for i in range(1, len(view.toks) - 1):
        if view.n(i - 1) not in _DATE_PREV or not view.bare(i - 1):
            continue
        found = _parse_date(view, i)
        if found is None:
            continue
        last, month, day, year = found
        t = view.toks[last]
        if t.trail.startswith(".") and view.ok(last + 1):
            continue
        if not view.spaced(i, last):
            continue
        nth = f"{day}{_ordinal(day)}"
        alts: list[Alt] = []
        commas = _intro_commas(view, i, last)
        for comma in commas:
            end = comma if comma or t.trail in ("", ",") else t.trail
            if year:
                if comma or len(commas) == 1:  # the US form keeps its comma after the year
                    alts += [(f"{month} {day}, {year}", end), (f"{month} {nth}, {year}", end)]
                alts += [(f"{day} {month} {year}", end), (f"{nth} {month} {year}", end)]
            else:
                alts += [(f"{month} {day}", end), (f"{month} {nth}", end)]
                alts += [(f"{day} {month}", end), (f"{nth} {month}", end)]
        yield make_hit(view, i, last, alts, "en.date.format", case="keep")


def _month_year(view: SentenceView) -> Iterator[Hit | None]:
    """ "in May of 1998" <-> "in May 1998"."""
    for i in range(1, len(view.toks) - 1):
        month = _month(view, i)
        if not month or view.n(i - 1) not in _MONTH_YEAR_PREV or not view.bare(i - 1):
            continue
        if view.n(i + 1) == "of" and view.bare(i + 1) and view.bare(i):
            last = i + 2
        elif view.bare(i):
            last = i + 1
        else:
            continue
        year = _year(view, last)
        if not year or not view.spaced(i, last):
            continue
        t = view.toks[last]
        alts: list[Alt] = []
        for comma in _intro_commas(view, i, last):
            end = comma if t.trail in ("", ",") else t.trail
            alts += [(f"{month} of {year}", end), (f"{month} {year}", end)]
        yield make_hit(view, i, last, alts, "en.date.month_year", case="keep")


FINDERS = (_times, _dates, _month_year)
