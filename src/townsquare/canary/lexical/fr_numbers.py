"""French numbers, times and amounts written another way; values never change.

- "environ"/"à peu près"/"près de" before a number (not after "de", "à" or
  an article, where the swap would need a different elision);
- "10 %"/"10%"/"10 pour cent";
- "1 000"/"1000" for 4-digit amounts (a year such as "en 2024" is never
  split; "12 000" keeps its space);
- "3 équipes"/"trois équipes", "19 ans"/"dix-neuf ans" for 2-99 before a plural
  noun (never "un(e)" nor "vingt et un(e)", where the noun's gender counts,
  never a date such as "le 3 mars", never a label such as "article 3");
- "17 h"/"17h"/"17 h 00"/"17h00"/"17:00" after a time preposition ("pendant
  8 h" is a duration);
- "500 €"/"500 euros".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from townsquare.canary.lexical.base import Hit, SentenceView, make_hit, words
from townsquare.canary.lexical.fr_connectives import MONTHS

_UNITS = words(
    "zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze "
    "seize dix-sept dix-huit dix-neuf"
)
_TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}


def spelled(n: int) -> str | None:
    """French words for 2..99 as one token; None where a gender or "et" would be needed
    ("vingt et un(e)", "soixante et onze", "quatre-vingt-un(e)")."""
    if n < 2 or n > 99:
        return None
    if n < 20:
        return _UNITS[n]
    if n >= 80:
        rest = n - 80
        return (
            "quatre-vingts" if rest == 0 else None if rest == 1 else f"quatre-vingt-{_UNITS[rest]}"
        )
    tens, rest = (6, n - 60) if n >= 60 else divmod(n, 10)
    if rest == 0:
        return _TENS[tens]
    return None if rest in (1, 11) else f"{_TENS[tens]}-{_UNITS[rest]}"


WORDS = {n: w for n in range(2, 100) if (w := spelled(n)) is not None}
_BY_WORD = {w: n for n, w in WORDS.items()}
_NUM_RE = re.compile(r"^\d+(?:,\d+)?$")
_APPROX = ("environ", "à peu près", "près de", "approximativement")
_APPROX_BLOCK = frozenset(words("de d' à du des au aux le la les un une l' en par sur"))
_LABEL_PREV = frozenset(
    words(
        "article articles page pages numéro n° no chapitre étape phase niveau salle bâtiment "
        "étage tome lot annexe point alinéa section titre livre version partie à et ou de "
        "entre sur contre fois"
    )
)
_NOT_PLURAL = frozenset(
    words(
        "nous vous les des ces mes tes ses nos vos leurs plus moins sous dans après depuis "
        "alors jamais toujours très mais puis pas trois deux six dix"
    )
)
_TIME_PREV = frozenset(["à", "vers", "dès", "avant", "après", "jusqu'à", "entre", "a"])
_H_RE = re.compile(r"^(\d{1,2})h(\d{2})?$")
_COLON_RE = re.compile(r"^(\d{1,2}):(\d{2})$")
_THOUSANDS_RE = re.compile(r"^\d{4}$")

RULES: dict[str, str] = {
    "fr.number.approx": "environ / à peu près / près de / approximativement + nombre",
    "fr.number.percent": '"10 %" / "10%" / "10 pour cent"',
    "fr.number.thousands": '"1 000" <-> "1000" (4 chiffres, jamais une année)',
    "fr.number.words": '"3 équipes" <-> "trois équipes" (2 à 9)',
    "fr.time.h": '"17 h" / "17h" / "17 h 00" / "17h00" / "17:00" / "17 heures"',
    "fr.number.euro": '"500 €" <-> "500 euros"',
    "fr.number.premier": '"le 1er octobre" <-> "le premier octobre"',
}


def _number_at(view: SentenceView, k: int) -> bool:
    """A number at token k, bare or glued to its unit ("10", "10%", "500€")."""
    core = view.toks[k].core if view.ok(k) else ""
    return not view.toks[k].lead and bool(_NUM_RE.match(core.rstrip("%€"))) if core else False


def _approx(view: SentenceView) -> Iterator[Hit | None]:
    for i in range(len(view.toks) - 1):
        if view.n(i - 1) in _APPROX_BLOCK or (i > 0 and not view.ok(i - 1)):
            continue
        for form in _APPROX:
            j = view.words(i, form.split(), last_trail=False)
            if j is not None and view.spaced(j, j + 1) and _number_at(view, j + 1):
                yield make_hit(view, i, j, _APPROX, "fr.number.approx")
                break


def _percent(view: SentenceView) -> Iterator[Hit | None]:
    sep = view.style.fr_space
    for i, t in enumerate(view.toks):
        if not view.ok(i) or t.lead:
            continue
        m = re.match(r"^(\d+(?:,\d+)?)%$", t.core)
        if m:
            n, last = m.group(1), i
        elif _NUM_RE.match(t.core) and not t.trail and view.ok(i + 1):
            nxt = view.toks[i + 1]
            if nxt.core == "%" and not nxt.lead and view.spaced(i, i + 1, nbsp=True):
                n, last, sep = t.core, i + 1, view.gap(i)
            elif view.words(i + 1, ["pour", "cent"]) is not None and view.spaced(i, i + 1):
                n, last = t.core, i + 2
            else:
                continue
        else:
            continue
        trail = view.toks[last].trail
        alts = [(f"{n}{sep}%", trail), (f"{n}%", trail), (f"{n} pour cent", trail)]
        yield make_hit(view, i, last, alts, "fr.number.percent", case="keep")


_LABELS = frozenset(
    words("article page pages numéro n° no chapitre version modèle salle bureau code lot route")
)


def _amount(view: SentenceView, before: int, after: int, value: int) -> bool:
    """A 4-digit number is an amount (not a year, a code or a label): the same test for
    "4 000" and "4000", so a copy offers the other spelling back."""
    if 1100 <= value <= 2099 and view.n(after) != "€":
        return False
    if view.n(before) in _LABELS or view.n(before) in ("l'an", "an", "année", "en"):
        return False
    return (
        _plural_noun(view, after)
        or view.n(after) in ("€", "%", "euros")
        or (view.bare(after) and _plural_noun(view, after + 1))
    )


def _thousands(view: SentenceView) -> Iterator[Hit | None]:
    sep = view.style.fr_space
    for i, t in enumerate(view.toks):
        if not view.ok(i) or t.lead:
            continue
        if i > 0 and re.search(r"\d$", view.toks[i - 1].core):
            continue
        if re.fullmatch(r"[1-9]", t.core) and not t.trail and view.ok(i + 1):
            nxt = view.toks[i + 1]
            if not re.fullmatch(r"\d{3}", nxt.core) or nxt.lead or nxt.trail:
                continue
            if not view.spaced(i, i + 1, nbsp=True) or re.fullmatch(r"\d{3}", view.n(i + 2)):
                continue
            if _amount(view, i - 1, i + 2, int(t.core + nxt.core)):
                yield make_hit(
                    view, i, i + 1, [f"{t.core}{nxt.core}"], "fr.number.thousands", case="keep"
                )
        elif (
            _THOUSANDS_RE.match(t.core) and not t.trail and _amount(view, i - 1, i + 1, int(t.core))
        ):
            alt = f"{t.core[0]}{sep}{t.core[1:]}"
            yield make_hit(view, i, i, [alt], "fr.number.thousands", case="keep")


def _plural_noun(view: SentenceView, k: int) -> bool:
    if not view.ok(k) or view.toks[k].lead:
        return False
    core = view.toks[k].core
    w = view.n(k)
    return (
        core.isalpha()
        and core.islower()
        and len(w) >= 3
        and w.endswith(("s", "x"))
        and w not in _NOT_PLURAL
        and w not in MONTHS
    )


def _number_words(view: SentenceView) -> Iterator[Hit | None]:
    for i, t in enumerate(view.toks):
        if not view.bare(i) or not _plural_noun(view, i + 1):
            continue
        if not view.spaced(i, i + 1, nbsp=True):  # "19\u00a0années" is as good as "19 années"
            continue
        prev = view.n(i - 1)
        # "plus de 19 ans", "l'âge de 9 ans": "de" after a quantity word is no range
        after_amount = prev == "de" and view.n(i - 2).split("'")[-1] in ("âge", "plus", "moins")
        if i > 0 and (not view.ok(i - 1) or (prev in _LABEL_PREV and not after_amount)):
            continue
        if view.n(i + 1) in ("heure", "heures"):
            continue  # a time ("vers 17 heures") is `fr.time.h`'s
        if i > 0 and any(c.isdigit() for c in view.toks[i - 1].core):
            continue
        if i > 0 and view.capitalised(i - 1) and i - 1 != view.first:
            continue
        if i == view.first:
            continue  # a sentence never opens with a digit: no slot either way
        if t.core.isdigit() and t.core[0] != "0" and len(t.core) <= 2 and int(t.core) in WORDS:
            yield make_hit(view, i, i, [WORDS[int(t.core)]], "fr.number.words")
        elif view.n(i) in _BY_WORD and (t.core.islower() or view.all_caps):
            yield make_hit(view, i, i, [str(_BY_WORD[view.n(i)])], "fr.number.words")


def _time_forms(hour: str, minutes: str | None, sep: str) -> list[str]:
    if minutes and minutes != "00":
        return [f"{hour}{sep}h{sep}{minutes}", f"{hour}h{minutes}", f"{hour}:{minutes}"]
    heures = "heure" if int(hour) < 2 else "heures"
    return [
        f"{hour}{sep}h",
        f"{hour}h",
        f"{hour}{sep}h{sep}00",
        f"{hour}h00",
        f"{hour}:00",
        f"{hour} {heures}",
    ]


def _times(view: SentenceView) -> Iterator[Hit | None]:
    for i, t in enumerate(view.toks):
        if not view.ok(i) or t.lead or view.n(i - 1) not in _TIME_PREV:
            continue
        sep = view.style.fr_space
        one = _H_RE.match(t.core) or _COLON_RE.match(t.core)
        if one:
            hour, minutes, last = one.group(1), one.group(2), i
        elif (
            re.fullmatch(r"\d{1,2}", t.core)
            and not t.trail
            and view.n(i + 1) in ("heure", "heures")
            and view.spaced(i, i + 1)
        ):
            hour, minutes, last = t.core, None, i + 1
        elif re.fullmatch(r"\d{1,2}", t.core) and not t.trail and view.n(i + 1) == "h":
            if not view.spaced(i, i + 1, nbsp=True):
                continue
            hour, minutes, last, sep = t.core, None, i + 1, view.gap(i)
            if (
                not view.toks[i + 1].trail
                and re.fullmatch(r"\d{2}", view.n(i + 2))
                and view.spaced(i + 1, i + 2, nbsp=True)
            ):
                minutes, last = view.n(i + 2), i + 2
        else:
            continue
        if int(hour) > 23 or view.toks[last].lead:
            continue
        after = view.n(last + 1)
        if view.n(i - 1) in ("après", "avant") and (
            after in ("de", "d'") or after.startswith("d'")
        ):
            continue  # "après 2 h de négociations": a duration
        yield make_hit(view, i, last, _time_forms(hour, minutes, sep), "fr.time.h", case="keep")


def _euros(view: SentenceView) -> Iterator[Hit | None]:
    sep = view.style.fr_space
    for i, t in enumerate(view.toks):
        if not view.ok(i) or t.lead:
            continue
        m = re.fullmatch(r"(\d+(?:,\d+)?)€", t.core)
        if m:
            n, last = m.group(1), i
        elif _NUM_RE.match(t.core) and not t.trail and view.ok(i + 1):
            nxt = view.toks[i + 1]
            if nxt.core == "€" and not nxt.lead and view.spaced(i, i + 1, nbsp=True):
                n, last, sep = t.core, i + 1, view.gap(i)
            elif view.words(i + 1, ["euros"]) is not None and view.spaced(i, i + 1):
                n, last = t.core, i + 1
            else:
                continue
        else:
            continue
        if float(n.replace(",", ".")) < 2:
            continue
        if re.search(r"\d$", view.toks[i - 1].core if i > 0 else ""):
            continue  # "1 500 €": the amount starts a token earlier
        yield make_hit(view, i, last, [f"{n}{sep}€", f"{n} euros"], "fr.number.euro")


def _premier(view: SentenceView) -> Iterator[Hit | None]:
    """ "le 1er octobre" / "le premier octobre"."""
    for i in range(len(view.toks) - 1):
        if (
            view.n(i) in ("1er", "premier")
            and view.bare(i)
            and view.n(i + 1) in MONTHS
            and view.spaced(i, i + 1)
            and view.n(i - 1) in ("le", "du", "au", "dès", "depuis")
        ):
            alt = "premier" if view.n(i) == "1er" else "1er"
            yield make_hit(view, i, i, [alt], "fr.number.premier")


FINDERS = (_premier, _approx, _percent, _thousands, _number_words, _times, _euros)
