"""Plain data shared by the canary engine: tokens, sentences, slots and a memo's layout."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Channel = Literal["spacing", "typography", "lexical", "zero_width"]
CHANNELS: tuple[Channel, ...] = ("spacing", "typography", "lexical", "zero_width")
Language = Literal["en", "fr"]


class CanaryError(ValueError):
    """Bad input to the engine, with a message a user can act on."""


@dataclass(frozen=True, slots=True)
class Token:
    """A whitespace-delimited word of the canonical text."""

    start: int
    end: int
    sentence: int
    key: str  # match key: case-folded letters and digits only, stable under cleaning


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    paragraph: int
    start: int
    end: int
    first_token: int
    end_token: int  # exclusive


@dataclass(frozen=True, slots=True)
class Slot:
    """One place in the memo where copies may differ.

    `variants[s]` replaces `text[start:end]` in the copy whose codeword holds
    symbol `s`; `variants[0]` is what the canonical text already has there.
    """

    channel: Channel
    kind: str
    sentence: int
    token: int  # first token the slot is anchored to
    token_end: int  # exclusive; token + 1 for single-token anchors
    start: int
    end: int
    variants: tuple[str, ...]

    @property
    def q(self) -> int:
        return len(self.variants)

    def to_list(self) -> list[Any]:
        return [
            self.channel,
            self.kind,
            self.sentence,
            self.token,
            self.token_end,
            self.start,
            self.end,
            list(self.variants),
        ]

    @classmethod
    def from_list(cls, row: list[Any]) -> Slot:
        channel, kind, sentence, token, token_end, start, end, variants = row
        return cls(channel, kind, sentence, token, token_end, start, end, tuple(variants))


@dataclass(frozen=True)
class Layout:
    """A memo ready for fingerprinting: its canonical text, structure and slots."""

    text: str
    language: Language
    channels: tuple[Channel, ...]
    sentences: tuple[Sentence, ...]
    tokens: tuple[Token, ...]
    slots: tuple[Slot, ...]

    def slots_of(self, channel: Channel) -> list[int]:
        return [i for i, s in enumerate(self.slots) if s.channel == channel]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form, stored with the memo so traces do not depend on finder versions."""
        return {
            "version": 1,
            "language": self.language,
            "channels": list(self.channels),
            "sentences": [
                [s.index, s.paragraph, s.start, s.end, s.first_token, s.end_token]
                for s in self.sentences
            ],
            "tokens": [[t.start, t.end, t.sentence, t.key] for t in self.tokens],
            "slots": [s.to_list() for s in self.slots],
        }

    @classmethod
    def from_dict(cls, text: str, data: dict[str, Any]) -> Layout:
        return cls(
            text=text,
            language=data["language"],
            channels=tuple(data["channels"]),
            sentences=tuple(Sentence(*row) for row in data["sentences"]),
            tokens=tuple(Token(*row) for row in data["tokens"]),
            slots=tuple(Slot.from_list(row) for row in data["slots"]),
        )
