"""Shared machinery of the lexical channel: token views, case and apostrophe style, hits.

A rule looks at one sentence through a `SentenceView` and proposes `Hit`s:
whole-token spans with alternatives. Every alternative is built by `make_hit`,
which carries the original's leading and trailing punctuation, its case
pattern and the memo's apostrophe style, and drops alternatives that read the
same as another once cleaned (`lexical_form`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from townsquare.canary.model import Language
from townsquare.canary.normalize import lexical_form

MAX_VARIANTS = 8

LEAD_CHARS = "\"'“‘«([{*_¿¡"
TRAIL_CHARS = ".,;:!?\"'”’»)]}*_…"
_APOS_TABLE = str.maketrans({"’": "'", "ʼ": "'"})
VOWELS = "aeiouyàâäéèêëîïôöùûüœæ"

Alt = str | tuple[str, str]


def words(text: str) -> list[str]:
    """A word list written as one string (keeps the tables short)."""
    return text.split()


def phrases(text: str) -> list[str]:
    """A phrase list written as one "|"-separated string."""
    return text.split("|")  # an alternative's words, or (words, trailing punctuation)


@dataclass(frozen=True, slots=True)
class LexicalCandidate:
    """A lexical slot: `variants[0] == text[start:end]`, the others replace it in copies."""

    start: int
    end: int
    variants: tuple[str, ...]
    rule: str

    @property
    def q(self) -> int:
        return len(self.variants)


@dataclass(frozen=True, slots=True)
class Style:
    """How the memo writes what the variants must write the same way."""

    apostrophe: str  # "’" when the memo uses it anywhere, else "'"
    fr_space: str  # separator the memo puts inside "1 000", before "%", "€", "h"

    @classmethod
    def of(cls, text: str) -> Style:
        apostrophe = "’" if "’" in text else "'"
        fr_space = " "
        m = re.search(r"\d([\u00a0\u202f])(?:\d{3}|%|€|h\b)", text)
        if m:
            fr_space = m.group(1)
        return cls(apostrophe, fr_space)


@dataclass(frozen=True, slots=True)
class Tok:
    """A token of the sentence split into leading punctuation, word and trailing punctuation."""

    start: int
    end: int
    raw: str
    lead: str
    core: str
    trail: str
    norm: str  # core, casefolded, apostrophes as "'"
    protected: bool


def split_token(raw: str) -> tuple[str, str, str]:
    i = 0
    while i < len(raw) and raw[i] in LEAD_CHARS:
        i += 1
    j = len(raw)
    while j > i and raw[j - 1] in TRAIL_CHARS:
        j -= 1
    return raw[:i], raw[i:j], raw[j:]


def norm_word(word: str) -> str:
    return word.translate(_APOS_TABLE).casefold()


@dataclass(frozen=True, slots=True)
class Hit:
    """A proposed slot over tokens first..last (inclusive) of one sentence."""

    first: int
    last: int
    variants: tuple[str, ...]
    rule: str


@dataclass
class SentenceView:
    text: str
    toks: list[Tok]
    first: int  # index of the first word token (after list markers), len(toks) if none
    language: Language
    style: Style
    rejected: Callable[[str], bool]
    all_caps: bool
    question: bool
    earlier_starts: frozenset[str]  # first words of the memo's earlier sentences

    def n(self, i: int) -> str:
        """Normalised word of token i, "" when out of range or protected."""
        if 0 <= i < len(self.toks) and not self.toks[i].protected:
            return self.toks[i].norm
        return ""

    def ok(self, i: int) -> bool:
        return 0 <= i < len(self.toks) and not self.toks[i].protected

    def bare(self, i: int) -> bool:
        """Token i exists, is not protected and has no punctuation around its word."""
        return self.ok(i) and not self.toks[i].lead and not self.toks[i].trail

    def gap(self, i: int) -> str:
        """The text between token i and token i + 1."""
        return self.text[self.toks[i].end : self.toks[i + 1].start]

    def spaced(self, i: int, j: int, *, nbsp: bool = False) -> bool:
        allowed = (" ", "\u00a0", "\u202f") if nbsp else (" ",)
        if i < 0 or j >= len(self.toks):
            return False
        return all(self.gap(k) in allowed for k in range(i, j))

    def words(self, i: int, words: Sequence[str], *, last_trail: bool = True) -> int | None:
        """Index of the last token when tokens from i spell `words`, else None.

        Inner tokens must be bare; the first may have leading punctuation and
        the last trailing punctuation (unless `last_trail` is False).
        """
        j = i + len(words) - 1
        if i < 0 or j >= len(self.toks):
            return None
        for k, w in enumerate(words):
            t = self.toks[i + k]
            if t.protected or t.norm != w:
                return None
            if k > 0 and t.lead:
                return None
            if (i + k < j or not last_trail) and t.trail:
                return None
        if not self.spaced(i, j):
            return None
        return j

    def capitalised(self, i: int) -> bool:
        core = self.toks[i].core if 0 <= i < len(self.toks) else ""
        return bool(core) and core[0].isupper()

    def proper_risk(self, i: int, j: int | None = None) -> bool:
        """True when tokens i..j may be (part of) a name: capitalised mid-sentence, or
        sentence-initial and followed by another capitalised word, or ALL CAPS."""
        j = i if j is None else j
        for k in range(i, j + 1):
            core = self.toks[k].core
            letters = [c for c in core if c.isalpha()]
            if letters and all(c.isupper() for c in letters) and len(letters) > 1:
                return True
            if core[:1].isupper() and k != self.first:
                return True
        nxt = j + 1
        return (
            i == self.first
            and self.capitalised(i)
            and self.ok(nxt)
            and self.capitalised(nxt)
            and self.toks[nxt].norm != "i"
        )

    def rule_off(self, rule: str) -> bool:
        return self.rejected(rule)


# --- case -----------------------------------------------------------------

_PRONOUN_I_RE = re.compile(r"(?<![^\W\d_])I(?=$|[^\w]|['’](?:m|ve|ll|d)\b)")


def case_pattern(inner: str) -> str:
    """ "lower", "title", "upper", "none" (no letters) or "other" (mixed, e.g. a name)."""
    letters = [c for c in _PRONOUN_I_RE.sub("", inner) if c.isupper() or c.islower()]
    if not letters:
        return "none" if not any(c.isalpha() for c in inner) else "title"
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return "upper"
    if all(c.islower() for c in letters):
        return "lower"
    if letters[0].isupper() and all(c.islower() for c in letters[1:]):
        return "title"
    return "other"


def capitalise(s: str) -> str:
    return s[:1].upper() + s[1:] if s[:1].isalpha() else s


def apply_case(alt: str, pattern: str, *, initial: bool, all_caps: bool) -> str:
    if pattern == "upper" or (pattern == "none" and all_caps):
        return alt.upper()
    if pattern == "title" or (pattern == "none" and initial):
        return capitalise(alt)
    return alt


def _dedupe(variants: Iterable[str]) -> tuple[str, ...]:
    seen: set[str] = set()
    out: list[str] = []
    for v in variants:
        form = lexical_form(v)
        if form and form not in seen:
            seen.add(form)
            out.append(v)
    return tuple(out[:MAX_VARIANTS])


def make_hit(
    view: SentenceView,
    i: int,
    j: int,
    alts: Iterable[Alt],
    rule: str,
    *,
    case: str = "auto",
) -> Hit | None:
    """A hit over tokens i..j whose alternatives are written like the original.

    Each alternative replaces the words between the first token's leading and
    the last token's trailing punctuation; a (words, trail) pair also replaces
    the trailing punctuation. `case`: "auto" writes alternatives in the
    original's case pattern, "keep" only upper-cases them when the original is
    ALL CAPS (alternatives already written like the original), "exact" leaves them.
    """
    if i < 0 or j >= len(view.toks) or j < i:
        return None
    first, last = view.toks[i], view.toks[j]
    if any(view.toks[k].protected for k in range(i, j + 1)):
        return None
    original = view.text[first.start : last.end]
    if "\n" in original:
        return None
    inner = view.text[first.start + len(first.lead) : last.end - len(last.trail)]
    pattern = case_pattern(inner)
    if pattern == "other" and case == "auto":
        return None
    out = [original]
    for alt in alts:
        words, trail = (alt, last.trail) if isinstance(alt, str) else alt
        words = words.replace("'", view.style.apostrophe)
        if case == "auto":
            words = apply_case(words, pattern, initial=i == view.first, all_caps=view.all_caps)
        elif case == "keep" and (pattern == "upper" or (pattern == "none" and view.all_caps)):
            words = words.upper()
        out.append(first.lead + words + trail)
    variants = _fit_article(view, i, out)
    if len(variants) < 2:
        return None
    return Hit(i, j, variants, rule)


def _fit_article(view: SentenceView, i: int, out: list[str]) -> tuple[str, ...]:
    """Drop alternatives that would clash with the word before the span.

    English "a"/"an" and French elided or contracted words ("le", "de", "que",
    "du", ...) depend on the sound that follows; an alternative starting with
    another kind of sound than the original is dropped.
    """
    prev = view.n(i - 1)
    if view.language == "en":
        clash = prev in ("a", "an")
    else:
        clash = prev in FR_ELIDABLE or prev in ("du", "au", "aux", "ma", "ta", "sa", "beau")
    if not clash:
        return _dedupe(out)

    def kind(s: str) -> str:
        body = s.lstrip(LEAD_CHARS)
        c = body[:1].casefold()
        if c.isdigit():  # French never elides before a digit ("le 1er", "le 8")
            return "digit" + body[:1] if view.language == "en" else "other"
        if view.language == "fr" and c == "h":
            return "h" + body[:2].casefold()
        return "vowel" if c in VOWELS else "other"

    k0 = kind(out[0])
    return _dedupe([v for v in out if kind(v) == k0])


# --- French elision -------------------------------------------------------------

FR_ELIDABLE = frozenset(words("de que le la je ne se ce me te lorsque puisque quoique jusque si"))
# Elided prefix (apostrophe normalised) -> the full word used before a consonant.
FR_ELISIONS: dict[str, str] = {
    "qu'": "que",
    "d'": "de",
    "j'": "je",
    "n'": "ne",
    "s'": "se",
    "m'": "me",
    "t'": "te",
    "c'": "ce",
    "lorsqu'": "lorsque",
    "puisqu'": "puisque",
    "quoiqu'": "quoique",
}
_ELISION_RE = re.compile(r"^((?:lorsqu|puisqu|quoiqu|jusqu|qu|[ldjnsmtc])['’ʼ])(.+)$", re.I)


def split_elision(core: str) -> tuple[str, str]:
    """("qu'", "il") for "qu'il"; ("", word) when the token is not elided."""
    m = _ELISION_RE.match(core)
    if not m:
        return "", core
    return m.group(1), m.group(2)


def starts_with_vowel(word: str) -> bool:
    return word[:1].casefold() in VOWELS


def elide(word: str, nxt: str) -> str:
    """`word` followed by `nxt`, elided when `word` can be and `nxt` starts with a vowel."""
    if word.casefold() in FR_ELIDABLE and starts_with_vowel(nxt) and word.casefold() != "si":
        return word[:-1] + "'" + nxt
    if word.casefold() == "si" and nxt.casefold() in ("il", "ils"):
        return "s'" + nxt
    return word + " " + nxt


# Gender of the nouns that variants put after an elided "l'".
FR_ARTICLE: dict[str, str] = {
    w: "le" for w in ["courriel", "mail", "week-end", "weekend", "e-mail", "email"]
}


def relink(prefix: str, word: str) -> str | None:
    """The elided token prefix+... rewritten in front of `word`: "qu'" + "en ce moment" ->
    "qu'en ce moment", "qu'" + "pour" -> "que pour"; None when it cannot be known
    ("l'" before a consonant needs the noun's gender)."""
    if not prefix:
        return word
    base = norm_word(prefix)
    if starts_with_vowel(word):
        return prefix + word
    if word[:1].casefold() == "h":
        return None
    full = FR_ELISIONS.get(base)
    if full is None and base == "l'":
        full = FR_ARTICLE.get(word.split(" ")[0].casefold())
    if full is None:
        return None
    return (prefix[0] + full[1:] if prefix[0].isupper() else full) + " " + word
