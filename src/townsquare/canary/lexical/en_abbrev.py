"""English abbreviations with a same-meaning spelling: "OK"/"okay", "e.g."/"for example",
"i.e."/"that is", "Mr."/"Mr", "U.S."/"US".

A dotted abbreviation followed by a capitalised word may also end a sentence
("... in the U.S. The ..."), so it is left alone there: dropping its period
could merge two sentences.
"""

from __future__ import annotations

from collections.abc import Iterator

from townsquare.canary.lexical.base import Hit, SentenceView, make_hit

_TITLES = frozenset(["mr", "mrs", "ms", "dr", "prof"])
_COUNTRIES = {"u.s": "us", "u.k": "uk", "e.u": "eu", "u.n": "un", "u.s.a": "usa"}
_COUNTRY_BACK = {v.upper(): k for k, v in _COUNTRIES.items()}

RULES: dict[str, str] = {
    "en.abbrev.ok": '"OK" <-> "okay"',
    "en.abbrev.eg": '"e.g." / "for example" / "for instance" after a comma or "("',
    "en.abbrev.ie": '"i.e.," / "that is," / "in other words," after a comma or "("',
    "en.abbrev.title": '"Mr." <-> "Mr" (Mrs, Ms, Dr, Prof) before a name',
    "en.abbrev.country": '"U.S." <-> "US" (U.K., E.U., U.N., U.S.A.)',
}


def _dotted(view: SentenceView, i: int) -> tuple[str, bool] | None:
    """(punctuation after the abbreviation's own final dot, whether that dot also ends
    the sentence), or None when the abbreviation is ambiguous here."""
    t = view.toks[i]
    if not t.trail.startswith("."):
        return None
    after = t.trail[1:]
    is_last = i == len(view.toks) - 1
    if not after and not is_last and view.capitalised(i + 1):
        return None
    return after, is_last and not after


def _ok(view: SentenceView) -> Iterator[Hit | None]:
    for i, t in enumerate(view.toks):
        if not view.ok(i) or view.all_caps:
            continue
        if t.core == "OK":
            if view.ok(i - 1) and view.toks[i - 1].trail == "," and view.capitalised(i - 1):
                continue  # "Tulsa, OK"
            alt = "Okay" if i == view.first else "okay"
            yield make_hit(view, i, i, [alt], "en.abbrev.ok", case="exact")
        elif t.core in ("okay", "Okay"):
            yield make_hit(view, i, i, ["OK"], "en.abbrev.ok", case="exact")


_EG = ("e.g.", "for example", "for instance")
_IE = ("i.e.", "that is", "in other words")


def _eg_ie(view: SentenceView) -> Iterator[Hit | None]:
    """ "e.g." / "for example" / "for instance" and "i.e.," / "that is," / "in other words,"
    inside a sentence, after a comma or an opening parenthesis. The same context is asked
    of every spelling so a copy offers the same three back; "i.e." needs its own comma
    ("that is the" could be read "that's the"), and an abbreviation before a capital
    could end a sentence, so there the spelt-out forms are left as they are."""
    for i, t in enumerate(view.toks):
        if (
            i == view.first
            or not view.ok(i)
            or not (view.toks[i - 1].trail.endswith(",") or t.lead == "(")
        ):
            continue
        for forms, rule in ((_EG, "en.abbrev.eg"), (_IE, "en.abbrev.ie")):
            for form in forms:
                j = view.words(i, form.rstrip(".").split())
                if j is None:
                    continue
                trail = view.toks[j].trail
                if form.endswith("."):
                    if not trail.startswith("."):
                        continue
                    trail = trail[1:]
                if not view.ok(j + 1) or view.toks[j + 1].lead or trail not in ("", ","):
                    break
                if rule == "en.abbrev.ie" and trail != ",":
                    break
                if not trail and view.capitalised(j + 1):
                    break
                alts = [
                    (f.rstrip("."), "." + trail) if f.endswith(".") else (f, trail)
                    for f in forms
                    if f != form
                ]
                yield make_hit(view, i, j, alts, rule, case="keep")
                break


def _titles(view: SentenceView) -> Iterator[Hit | None]:
    for i, t in enumerate(view.toks):
        if not view.ok(i) or view.n(i) not in _TITLES or not view.capitalised(i) or t.lead:
            continue
        nxt = i + 1
        if not view.ok(nxt) or not view.capitalised(nxt) or view.toks[nxt].lead:
            continue
        if i != view.first and view.capitalised(i - 1):
            continue  # "Elm Dr. Suite"
        if t.trail == ".":
            yield make_hit(view, i, i, [(t.core, "")], "en.abbrev.title", case="keep")
        elif t.trail == "":
            yield make_hit(view, i, i, [(t.core, ".")], "en.abbrev.title", case="keep")


def _countries(view: SentenceView) -> Iterator[Hit | None]:
    if view.all_caps:
        return
    for i, t in enumerate(view.toks):
        if not view.ok(i) or t.lead:
            continue
        if t.core in ("U.S", "U.K", "E.U", "U.N", "U.S.A"):
            found = _dotted(view, i)
            if found is None:
                continue
            after, final = found
            plain = _COUNTRIES[t.core.lower()].upper()
            yield make_hit(
                view,
                i,
                i,
                [(plain, "." + after if final else after)],
                "en.abbrev.country",
                case="keep",
            )
        elif t.core in _COUNTRY_BACK and not (t.core == "US" and view.n(i - 1) in ("of", "to")):
            dotted = _COUNTRY_BACK[t.core].upper() + "."
            trail = t.trail[1:] if t.trail.startswith(".") else t.trail
            yield make_hit(view, i, i, [(dotted, trail)], "en.abbrev.country", case="keep")


FINDERS = (_ok, _eg_ie, _titles, _countries)
