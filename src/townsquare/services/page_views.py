"""Use cases: show a console text with its viewer's fingerprint, and trace a leaked
console page back to the staff member who viewed it, the page and the time.

Each text shown through the console is stored once; every page view that shows it is
one more numbered copy of it, exactly like one more recipient of a memo. Only the
channels that change no word are used (spacing, typography, zero_width): staff must see
reports and notes as written. A screenshot keeps the spacing channel (sentence gaps).
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

import numpy as np
from sqlalchemy.orm import Session, sessionmaker

from townsquare.canary.codes import CodeBook
from townsquare.canary.embed import CopyWriter
from townsquare.canary.layout import build_layout
from townsquare.canary.model import CanaryError, Channel, Layout
from townsquare.canary.read import read_leak
from townsquare.canary.shingles import shingles
from townsquare.canary.trace import TraceOutcome, trace
from townsquare.keys import SecretKey
from townsquare.store import page_views as repo
from townsquare.store.db import unit_of_work

PAGE_CHANNELS: tuple[Channel, ...] = ("spacing", "typography", "zero_width")
MIN_WORDS = 8  # shorter texts cannot be traced (see canary.trace.MIN_WORDS_MATCHED)


@dataclass(frozen=True)
class PageView:
    """One rendering of a console page for one staff member."""

    id: str
    viewer: str
    path: str
    at: datetime

    @classmethod
    def new(cls, viewer: str, path: str) -> PageView:
        return cls("v_" + secrets.token_hex(8), viewer, path, datetime.now(UTC))


@lru_cache(maxsize=512)
def _layout(text: str) -> Layout | None:
    try:
        layout = build_layout(text, channels=PAGE_CHANNELS)
    except CanaryError:
        return None
    return layout if layout.slots and len(layout.tokens) >= MIN_WORDS else None


def _book(key: SecretKey, text_id: int, layout: Layout) -> CodeBook:
    """The code of one page text. Binary slots take the near-1/2 bias law (the lexical
    table) instead of Tardos' arcsine law: a console page leaks through one viewer far more
    often than through a coalition, and with the few sentence gaps a screenshot keeps,
    each read slot must carry as much single-viewer evidence as it can (up to one bit)."""
    seed = key.derive(f"townsquare/page-text/{text_id}")
    laws: list[tuple[Channel, int]] = [
        ("lexical" if s.q == 2 else s.channel, s.q) for s in layout.slots
    ]
    return CodeBook(seed, laws)


def fingerprint_text(
    sessions: sessionmaker[Session], key: SecretKey, view: PageView, text: str
) -> str:
    """``text`` as this view's copy (its canonical form carrying the view's codeword),
    with the copy recorded; a text with nothing to mark comes back unchanged."""
    layout = _layout(text)
    if layout is None:
        return text
    digest = hashlib.sha256(layout.text.encode("utf-8")).hexdigest()
    with unit_of_work(sessions) as session:
        repo.ensure_view(session, view.id, view.viewer, view.path, view.at)
        text_id = repo.text_id_for(
            session, digest, layout.text, layout.to_dict(), len(layout.slots),
            key.check_value(), shingles([t.key for t in layout.tokens]),
        )
        position = repo.add_copy(session, text_id, view.id)
    symbols = _book(key, text_id, layout).symbols(np.array([position], dtype=np.int64))[0]
    return CopyWriter(layout).render(symbols).rstrip("\n")


def find_text(session: Session, leak_text: str) -> tuple[int, int] | None:
    """(page text id, shared shingles) of the console text a leak most resembles."""
    from townsquare.canary.segment import tokenize

    return repo.candidate_texts(session, shingles([k for _, _, k in tokenize(leak_text)]))


@dataclass(frozen=True)
class PageTrace:
    text_id: int
    layout: Layout
    book: CodeBook
    outcome: TraceOutcome
    channels: dict[str, Any]
    owners: dict[int, repo.CopyOwner]
    observed: Any


def trace_text(
    session: Session, key: SecretKey, text_id: int, leak_text: str, *, invisible_lost: bool,
    threshold: float,
) -> PageTrace | None:
    """Score every view of a stored page text against the leak (None: another key)."""
    row = repo.get_text(session, text_id)
    if row is None or row.key_check != key.check_value():
        return None
    layout = Layout.from_dict(row.canonical_text, row.layout)
    reading = read_leak(layout, leak_text, invisible_lost=invisible_lost)
    book = _book(key, text_id, layout)
    outcome = trace(layout, book, reading, max(row.copies, 1), threshold)
    shown = [s.position for s in (*outcome.accused, *outcome.runners_up)]
    owners = repo.owners_at(session, text_id, shown)
    return PageTrace(text_id, layout, book, outcome, reading.channels, owners, reading.observed)
