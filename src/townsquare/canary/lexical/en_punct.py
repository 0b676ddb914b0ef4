"""English punctuation that readers take either way: the serial comma, and the comma
before "and"/"but"/"yet" joining two clauses when the second opens with a pronoun
subject ("..., but we ..."), where it can be added as safely as removed.

Left out: the comma before "so" ("We left early so we could ..." reads as
purpose, ", so" as result), and any serial comma where the list is not
evident: "my brother, John and Mary" (an appositive) never gets one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from townsquare.canary.lexical.base import Hit, SentenceView, make_hit, words
from townsquare.canary.lexical.en_syntax import AUX
from townsquare.canary.lexical.protect import code_ranges

_DETERMINERS = frozenset(words("a an the my our your his her their its this that these those"))
MAX_ITEM = 3
# Openers whose comma ends an introductory phrase, not a list item.
_INTRO_STARTS = frozenset(
    words(
        "in on at by for since after before during when while if although because as today "
        "yesterday tomorrow however meanwhile first second finally then"
    )
)

RULES: dict[str, str] = {
    "en.serial_comma": '"A, B and C" <-> "A, B, and C" where the list is evident',
    "en.comma.but": '", but we" <-> " but we": optional comma before a clause with a pronoun',
    "en.comma.yet": '", yet it" <-> " yet it": optional comma before a clause with a pronoun',
    "en.comma.and": '", and we" <-> " and we" between two clauses',
    "en.quote.marks": '"\u201cword\u201d" <-> "\u2018word\u2019": double or single quotation marks',
}


def _word(view: SentenceView, k: int) -> bool:
    t = view.toks[k]
    return (
        view.ok(k)
        and not t.lead
        and bool(t.core)
        and all(c.isalpha() or c in "-'’" for c in t.core)
    )


def _items_before(view: SentenceView, k: int) -> list[tuple[int, int]] | None:
    """Comma-delimited items ending at token k (k ends the item just before the conjunction).

    Returns the items fully delimited by commas, nearest first, plus the span of
    the first item's last token (start unknown) as (-1, end).
    """
    items: list[tuple[int, int]] = []
    end = k
    start = k
    while True:
        # extend the item leftwards while tokens have no trailing punctuation
        while start - 1 >= 0 and _word(view, start - 1) and not view.toks[start - 1].trail:
            start -= 1
            if end - start + 1 > MAX_ITEM:
                return items if len(items) >= 1 else None
        prev = start - 1
        if prev < 0 or not _word(view, prev) or view.toks[prev].trail != ",":
            return items
        items.append((start, end))
        end = start = prev


def _intro_like(view: SentenceView, comma_at: int) -> bool:
    """The first comma may close an introductory phrase ("On Monday, March 3, ...")."""
    if view.n(view.first) in _INTRO_STARTS:
        return True
    return any(
        any(ch.isdigit() for ch in view.toks[k].core) or view.capitalised(k)
        for k in range(view.first + 1, comma_at + 1)
    )


def _parallel(view: SentenceView, a: int, s: int, c: int) -> bool:
    """Three two-word items opening with the same determiner: "your X, your Y and your Z"."""
    det = view.n(a - 1)
    return (
        det in _DETERMINERS
        and view.bare(a - 1)
        and view.toks[a].trail == ","
        and _word(view, a)
        and view.n(s) == det
        and view.n(c) == det
        and view.bare(c)
        and view.ok(c + 1)
        and _word(view, c + 1)
    )


def _serial(view: SentenceView) -> Iterator[Hit | None]:
    for c in range(1, len(view.toks) - 1):
        if view.n(c) not in ("and", "or") or not view.bare(c) or not _word(view, c + 1):
            continue
        if view.n(c + 1) == "so" and view.n(c + 2) in ("on", "forth"):
            continue  # "..., and so on" closes the list: en.abbrev.etc
        k = c - 1
        t = view.toks[k]
        if not _word(view, k) or t.trail not in ("", ","):
            continue
        if not view.spaced(k, c):
            continue
        items = _items_before(view, k)
        if not items:
            continue
        # items: fully delimited items (nearest first); the leftmost list item lies before.
        if len(items) >= 2:
            first_comma = items[-1][0] - 1
            if first_comma - view.first < 4 and len(items) < 3 and _intro_like(view, first_comma):
                continue
            sizes = [e - s + 1 for s, e in items]
            if max(sizes) > MAX_ITEM:
                continue
        else:
            s, e = items[0]
            a = s - 1  # the first item's last token, ending with a comma
            before = a - 1
            if e - s == 1 and _parallel(view, a, s, c + 1):
                s, before = e, a - 2  # "your manager, your salary and your benefits"
            elif (
                e != s
                or not _word(view, a)
                or view.toks[a].trail != ","
                # "our sponsors, Acme and Globex" may be an appositive: same case throughout
                or len({view.toks[x].core[:1].isupper() for x in (a, s, c + 1)}) != 1
            ):
                continue
            if not (
                before < view.first
                or (view.ok(before) and view.toks[before].trail == ":")
                or (
                    _word(view, before)
                    and not view.toks[before].trail
                    and view.n(before) not in _DETERMINERS
                )
            ):
                continue
            if view.n(a) in _DETERMINERS or view.n(s) in _DETERMINERS:
                continue
        core = t.core
        alt = (core, "") if t.trail == "," else (core, ",")
        yield make_hit(view, k, k, [alt], "en.serial_comma", case="keep")


_PERSONAL = frozenset(words("i we they he she"))
_IT_THERE = frozenset(words("it there"))


def _subject_clause(view: SentenceView, k: int) -> bool:
    """Token k opens a clause with a pronoun subject ("we", "it is", "there will"): a comma
    before the conjunction can then be added as safely as removed."""
    if not view.bare(k) or not view.ok(k + 1) or view.toks[k + 1].lead:
        return False
    w = view.n(k)
    base, _, tail = w.partition("'")
    if tail in ("s", "re", "ll", "ve", "d", "m") and base in _PERSONAL | _IT_THERE:
        return True  # "we're", "it's": a subject and its verb
    if w in _PERSONAL:
        return view.toks[k + 1].core[:1].isalpha()
    nxt = view.n(k + 1)
    if w == "it" and nxt.isalpha() and nxt.endswith(("s", "ed")) and not nxt.endswith("ss"):
        return True
    return w in _IT_THERE and nxt in AUX


_S_BASES = frozenset(words("it that there he she what here who let"))


def _words_in(view: SentenceView, a: int, b: int) -> int:
    """Words of tokens a..b, a contraction counting as the two words it stands for, so
    that "it is" and "it's" weigh the same in every copy."""
    n = 0
    for k in range(a, b + 1):
        w = view.n(k)
        base, _, tail = w.partition("'")
        short = tail in ("t", "re", "ll", "ve", "d", "m") or (tail == "s" and base in _S_BASES)
        n += 2 if w == "cannot" or short else 1
    return n


def _clause_sizes(view: SentenceView, j: int) -> tuple[int, int, bool]:
    """Words of the clause ending at token j (since the previous comma), words after the
    conjunction at j + 1 up to the next punctuation, and whether that runs to the end."""
    k = j
    while k - 1 >= view.first and not view.toks[k - 1].trail:
        k -= 1
    m = j + 2
    while m < len(view.toks) - 1 and not view.toks[m].trail:
        m += 1
    return _words_in(view, k, j), _words_in(view, j + 2, m), m >= len(view.toks) - 1


def _but_yet(view: SentenceView) -> Iterator[Hit | None]:
    for j in range(view.first, len(view.toks) - 2):
        t = view.toks[j]
        conj = view.n(j + 1)
        if conj not in ("but", "yet") or t.trail not in ("", ",") or not view.bare(j + 1):
            continue
        if not view.ok(j) or not t.core[-1:].isalnum() or view.toks[j + 1].core != conj:
            continue
        if view.n(j) in _CONJ or not view.spaced(j, j + 1):
            continue
        if not _subject_clause(view, j + 2):
            continue
        before, after, to_end = _clause_sizes(view, j)
        if before < 3 or (not to_end and after < 4):
            continue
        alt = (t.core, "" if t.trail else ",")
        yield make_hit(view, j, j, [alt], f"en.comma.{conj}", case="keep")


_CONJ = frozenset(words("and or but nor yet so not"))


def _and(view: SentenceView) -> Iterator[Hit | None]:
    """ "X, and we ..." / "X and we ...": two clauses, the second with a pronoun subject
    (a list never ends in "and we" + verb, so the comma is no serial comma)."""
    for j in range(view.first, len(view.toks) - 3):
        t = view.toks[j]
        if view.n(j + 1) != "and" or t.trail not in ("", ",") or not view.bare(j + 1):
            continue
        if not view.ok(j) or not t.core[-1:].isalnum() or not view.spaced(j, j + 1):
            continue
        if view.n(j) in _CONJ or not _subject_clause(view, j + 2):
            continue
        before, after, _ = _clause_sizes(view, j)
        if before >= 4 and after >= 3:
            alt = (t.core, "" if t.trail else ",")
            yield make_hit(view, j, j, [alt], "en.comma.and", case="keep")


# Opening quote -> (its closer, the other kind's opener and closer).
_QUOTES = {
    "“": ("”", "‘", "’"),
    "‘": ("’", "“", "”"),
    '"': ('"', "'", "'"),
    "'": ("'", '"', '"'),
}
_QUOTED_RE = re.compile(r"^[^\W\d_][\w -]*[^\W_]$|^[^\W\d_]$")
_MAX_QUOTED = 6


def _quote_marks(view: SentenceView) -> Iterator[Hit | None]:
    """ "“flavors”" <-> "‘flavors’": double or single quotation marks around a few plain
    words. Only the marks change; the words stay as they are. Never code, never a
    quotation holding an apostrophe or punctuation (a single quote there could be
    read as one)."""
    code: list[tuple[int, int]] | None = None
    for i, t in enumerate(view.toks):
        opener = t.lead[-1:]
        if opener not in _QUOTES or any(c not in "([" for c in t.lead[:-1]):
            continue
        closer, open2, close2 = _QUOTES[opener]
        for j in range(i, min(i + _MAX_QUOTED, len(view.toks))):
            tj = view.toks[j]
            if j > i and tj.lead:
                break
            at = tj.trail.find(closer)
            if at < 0:
                if tj.trail:
                    break
                continue
            if at > 0 or not view.spaced(i, j):
                break
            content = view.text[t.start + len(t.lead) : tj.end - len(tj.trail)]
            if not _QUOTED_RE.match(content) or "_" in content:
                break
            if code is None:
                code = code_ranges(view.text)
            if any(a < tj.end and t.start < b for a, b in code):
                break
            if opener in "'\"" and view.style.apostrophe == "’":
                open2, close2 = ("‘", "’") if opener == '"' else ("“", "”")
            original = view.text[t.start : tj.end]
            other = t.lead[:-1] + open2 + content + close2 + tj.trail[1:]
            yield Hit(i, j, (original, other), "en.quote.marks")
            break


FINDERS = (_serial, _but_yet, _and, _quote_marks)
