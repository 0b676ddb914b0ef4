"""Storage of console page views and the fingerprinted texts they showed."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from townsquare.store.page_view_tables import PageText, PageTextCopy, PageTextShingle, PageView

IN_LIST_CHUNK = 900


@dataclass(frozen=True)
class CopyOwner:
    """Who a copy of a page text was shown to: the view, its viewer, page and time."""

    position: int
    view_id: str
    viewer: str
    path: str
    viewed_at: datetime


def ensure_view(session: Session, view_id: str, viewer: str, path: str, at: datetime) -> None:
    if session.get(PageView, view_id) is None:
        session.add(PageView(id=view_id, viewer=viewer, path=path[:500], viewed_at=at))
        session.flush()


def text_id_for(
    session: Session,
    sha256: str,
    canonical_text: str,
    layout: dict[str, Any],
    slot_count: int,
    key_check: str,
    shingles: Mapping[int, int],
) -> int:
    """The stored text with this digest, stored now if it is new (safe under races)."""
    found = session.scalar(select(PageText.id).where(PageText.sha256 == sha256))
    if found is not None:
        return found
    try:
        with session.begin_nested():
            row = PageText(sha256=sha256, canonical_text=canonical_text, layout=layout,
                           slot_count=slot_count, copies=0, key_check=key_check)
            session.add(row)
            session.flush()
            if shingles:
                session.execute(insert(PageTextShingle), [
                    {"text_id": row.id, "shingle": s, "count": n} for s, n in shingles.items()
                ])
            return row.id
    except IntegrityError:  # another view stored the same text meanwhile
        found = session.scalar(select(PageText.id).where(PageText.sha256 == sha256))
        if found is None:
            raise
        return found


def add_copy(session: Session, text_id: int, view_id: str) -> int:
    """Number the next copy of a text (one atomic increment) for a view; its position."""
    copies = session.execute(
        update(PageText).where(PageText.id == text_id)
        .values(copies=PageText.copies + 1).returning(PageText.copies)
    ).scalar_one()
    position = int(copies) - 1
    session.add(PageTextCopy(text_id=text_id, position=position, view_id=view_id))
    session.flush()
    return position


def get_text(session: Session, text_id: int) -> PageText | None:
    return session.get(PageText, text_id)


def candidate_texts(session: Session, shingles: Iterable[int]) -> tuple[int, int] | None:
    """The page text sharing most shingles with a leak: (text id, shared), or None."""
    hits: Counter[int] = Counter()
    ordered = sorted(set(shingles))
    for lo in range(0, len(ordered), IN_LIST_CHUNK):
        stmt = (
            select(PageTextShingle.text_id, func.count())
            .where(PageTextShingle.shingle.in_(ordered[lo : lo + IN_LIST_CHUNK]))
            .group_by(PageTextShingle.text_id)
        )
        for text_id, n in session.execute(stmt):
            hits[text_id] += n
    if not hits:
        return None
    return min(hits.items(), key=lambda item: (-item[1], item[0]))


def owners_at(session: Session, text_id: int, positions: Iterable[int]) -> dict[int, CopyOwner]:
    wanted = sorted(set(positions))
    stmt = (
        select(PageTextCopy.position, PageView.id, PageView.viewer, PageView.path,
               PageView.viewed_at)
        .join(PageView, PageView.id == PageTextCopy.view_id)
        .where(PageTextCopy.text_id == text_id, PageTextCopy.position.in_(wanted))
    )
    return {row[0]: CopyOwner(*row) for row in session.execute(stmt)} if wanted else {}


def views_of(session: Session, viewer: str, limit: int = 50) -> list[PageView]:
    stmt = (select(PageView).where(PageView.viewer == viewer)
            .order_by(PageView.viewed_at.desc()).limit(limit))
    return list(session.scalars(stmt))
