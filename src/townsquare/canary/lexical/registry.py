"""Every lexical rule by language: the finders to run and the rule ids an author can reject."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from townsquare.canary.lexical import (
    en_abbrev,
    en_connectives,
    en_contractions,
    en_dates,
    en_idioms,
    en_numbers,
    en_phrases,
    en_punct,
    en_spelling,
    en_syn_verbs,
    en_syn_words,
    en_syntax,
    en_usage,
    en_words,
    fr_connectives,
    fr_grammar,
    fr_numbers,
    fr_phrases,
    fr_quantities,
    fr_syn_verbs,
    fr_syn_words,
    fr_syntax,
    fr_words,
)
from townsquare.canary.lexical.base import Hit, SentenceView
from townsquare.canary.model import Language

Finder = Callable[[SentenceView], Iterable[Hit | None]]

# Order matters only for ties between equally valuable overlapping hits: earlier wins.
_MODULES = {
    "en": (
        en_contractions,
        en_connectives,
        en_numbers,
        en_dates,
        en_abbrev,
        en_words,
        en_usage,
        en_phrases,
        en_idioms,
        en_syntax,
        en_spelling,
        en_punct,
        en_syn_verbs,
        en_syn_words,
    ),
    "fr": (
        fr_connectives,
        fr_numbers,
        fr_grammar,
        fr_words,
        fr_syntax,
        fr_quantities,
        fr_phrases,
        fr_syn_verbs,
        fr_syn_words,
    ),
}

FINDERS: dict[str, tuple[Finder, ...]] = {
    lang: tuple(f for m in mods for f in m.FINDERS) for lang, mods in _MODULES.items()
}
RULES: dict[str, str] = {
    rule: text for mods in _MODULES.values() for m in mods for rule, text in m.RULES.items()
}


def finders_for(language: Language) -> tuple[Finder, ...]:
    return FINDERS[language]


def rule_ids(language: Language | None = None) -> list[str]:
    """All rule ids, or those of one language, sorted."""
    prefix = f"{language}." if language else ""
    return sorted(r for r in RULES if r.startswith(prefix))


def families(language: Language | None = None) -> list[str]:
    """Family prefixes ("en.contraction", "fr.number", ...) that can be rejected at once."""
    return sorted({".".join(r.split(".")[:2]) for r in rule_ids(language)})


def describe(rule: str) -> str:
    """What a rule id (or the first rule of a family prefix) does."""
    if rule in RULES:
        return RULES[rule]
    family = [r for r in RULES if r.startswith(rule + ".")]
    return f"{len(family)} rules, e.g. {RULES[family[0]]}" if family else ""
