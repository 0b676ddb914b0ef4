"""Use cases for memos: plan, issue (write copies + store), list and show."""

from __future__ import annotations

import contextlib
import hashlib
import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy.orm import Session, sessionmaker

from townsquare.canary.codes import CodeBook, slot_laws
from townsquare.canary.embed import CopyWriter
from townsquare.canary.layout import build_layout
from townsquare.canary.model import CHANNELS, Channel, Layout
from townsquare.canary.plan import Plan, plan
from townsquare.canary.shingles import shingles
from townsquare.keys import SecretKey
from townsquare.services import audit
from townsquare.services.inputs import InputError, Recipient, read_memo, read_recipients
from townsquare.store import memos as repo
from townsquare.store.db import unit_of_work

Progress = Callable[[int], None]
_BATCH = 2048


def memo_seed(key: SecretKey, memo_id: str) -> bytes:
    """The per-memo secret every bias and codeword of that memo derives from."""
    return key.derive(f"townsquare/memo/{memo_id}")


def codebook_for(key: SecretKey, memo_id: str, layout: Layout) -> CodeBook:
    return CodeBook(memo_seed(key, memo_id), slot_laws(layout.slots))


def plan_to_dict(p: Plan) -> dict[str, Any]:
    return {
        "recipients": p.recipients,
        "sentences": p.sentences,
        "threshold": p.threshold,
        "can_carry": p.can_carry,
        "capacity": {c.channel: {"slots": c.slots, "bits": round(c.bits, 1)} for c in p.capacity},
        "forms": {
            f.form: {
                "full_copy_identifies": f.full_copy_identifies,
                "shortest_excerpt_sentences": f.shortest_excerpt,
                "typical_excerpt_sentences": f.typical_excerpt,
            }
            for f in p.forms
        },
    }


def plan_memo(
    path: Path,
    recipients: int,
    channels: Iterable[Channel] = CHANNELS,
    rejected_lexical: frozenset[str] = frozenset(),
) -> Plan:
    if recipients < 1:
        raise InputError("the recipient count must be at least 1")
    layout = build_layout(read_memo(path), channels=channels, rejected_lexical=rejected_lexical)
    return plan(layout, recipients)


@dataclass(frozen=True)
class IssueResult:
    memo_id: str
    copies: int
    out_dir: Path
    plan: Plan


def _refusal(p: Plan, n: int) -> str:
    return (
        f"this memo cannot carry {n} recipients: even a full pasted copy would not name one "
        f"leaker among {n} with a false-accusation probability of at most {p.threshold:g} "
        f"({p.sentences} sentences, capacity "
        + ", ".join(f"{c.channel} {c.slots} slots" for c in p.capacity)
        + "); use a longer memo, more channels, or fewer recipients"
    )


def issue_memo(
    sessions: sessionmaker[Session],
    key: SecretKey,
    memo_path: Path,
    recipients_path: Path,
    out_dir: Path,
    *,
    title: str | None = None,
    channels: Iterable[Channel] = CHANNELS,
    rejected_lexical: frozenset[str] = frozenset(),
    progress: Progress | None = None,
    actor: str = "cli",
) -> IssueResult:
    """Write one fingerprinted copy per recipient and store the memo; all or nothing.
    ``actor`` is who the audit log names."""
    text = read_memo(memo_path)
    recipients: list[Recipient] = read_recipients(recipients_path)
    layout = build_layout(text, channels=channels, rejected_lexical=rejected_lexical)
    p = plan(layout, len(recipients))
    if not p.can_carry:
        raise InputError(_refusal(p, len(recipients)))
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(f"output {out_dir} exists and is not a directory")
    memo_id = "m_" + secrets.token_hex(6)
    book = codebook_for(key, memo_id, layout)
    writer = CopyWriter(layout)
    extension = memo_path.suffix if len(memo_path.suffix) <= 16 else ""
    written: list[Path] = []
    digests: list[str] = []
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        for lo in range(0, len(recipients), _BATCH):
            batch = recipients[lo : lo + _BATCH]
            symbols = book.symbols(np.arange(lo, lo + len(batch), dtype=np.int64))
            for row, recipient in zip(symbols, batch, strict=True):
                data = writer.render(row).encode("utf-8")
                target = out_dir / f"{recipient.id}{extension}"
                target.write_bytes(data)
                written.append(target)
                digests.append(hashlib.sha256(data).hexdigest())
            if progress:
                progress(len(batch))
        with unit_of_work(sessions) as session:
            repo.add_memo(
                session,
                memo_id=memo_id,
                title=(title or memo_path.stem)[:200],
                filename=memo_path.name[:255],
                extension=extension,
                language=layout.language,
                channels=list(layout.channels),
                canonical_text=layout.text,
                layout=layout.to_dict(),
                slot_count=len(layout.slots),
                key_check=key.check_value(),
                recipients=[
                    (i, r.id, r.name, r.email, digests[i]) for i, r in enumerate(recipients)
                ],
                shingles=shingles([t.key for t in layout.tokens]),
            )
            audit.record(session, actor, "memo.issue", "memo", memo_id, after={
                "title": (title or memo_path.stem)[:200], "recipients": len(recipients),
                "channels": list(layout.channels), "slots": len(layout.slots),
            })
    except BaseException:
        for path in written:  # nothing half-issued: copies without a stored memo are removed
            with contextlib.suppress(OSError):
                path.unlink()
        raise
    return IssueResult(memo_id, len(recipients), out_dir, p)


def list_memos(sessions: sessionmaker[Session]) -> list[repo.MemoSummary]:
    with unit_of_work(sessions) as session:
        return repo.list_memos(session)


def show_memo(sessions: sessionmaker[Session], memo_id: str) -> dict[str, Any]:
    with unit_of_work(sessions) as session:
        memo = repo.get_memo(session, memo_id)
        if memo is None:
            raise InputError(f"no memo with id {memo_id!r} (see `townsquare memo list`)")
        layout = Layout.from_dict(memo.canonical_text, memo.layout)
        traces = repo.list_traces(session, memo_id)
        return {
            "memo_id": memo.id,
            "title": memo.title,
            "filename": memo.filename,
            "language": memo.language,
            "channels": memo.channels,
            "recipients": memo.recipient_count,
            "sentences": len(layout.sentences),
            "slots": memo.slot_count,
            "created_at": memo.created_at.isoformat(),
            "plan": plan_to_dict(plan(layout, max(memo.recipient_count, 1))),
            "traces": [
                {"id": t.id, "created_at": t.created_at.isoformat(), "verdict": t.verdict}
                for t in traces
            ],
        }
