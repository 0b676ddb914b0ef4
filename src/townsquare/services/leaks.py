"""Use case: trace a leaked text or screenshot back to the recipients it came from."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from townsquare.canary.model import Layout
from townsquare.canary.read import read_leak
from townsquare.canary.segment import tokenize
from townsquare.canary.shingles import shingles
from townsquare.canary.trace import DEFAULT_THRESHOLD, TraceOutcome, trace
from townsquare.keys import SecretKey
from townsquare.services import audit
from townsquare.services.inputs import InputError, decode_leak, is_image, read_bytes
from townsquare.services.memos import codebook_for
from townsquare.store import memos as repo
from townsquare.store.db import unit_of_work

MIN_SHARED_SHINGLES = 3  # fewer shared 4-word runs than this is not the same memo


@dataclass(frozen=True)
class LeakText:
    text: str
    kind: str  # "text" | "image"
    sha256: str


def load_leak(path: Path) -> LeakText:
    """The leak's words: decoded text, or OCR (with sentence spacing) for an image."""
    data = read_bytes(path, "leak")
    digest = hashlib.sha256(data).hexdigest()
    if is_image(data):
        from townsquare.ocr import OcrError, text_from_image

        try:
            rebuilt = text_from_image(path, language="en+fr")
        except OcrError as exc:
            raise InputError(str(exc)) from None
        if not rebuilt.text.strip():
            raise InputError(f"no text could be read from the image {path}")
        return LeakText(rebuilt.text, "image", digest)
    return LeakText(decode_leak(data, path), "text", digest)


def _result(
    memo_id: str | None,
    outcome: TraceOutcome | None,
    names: dict[int, tuple[str, str]],
    channels: dict[str, Any],
    leak: LeakText,
) -> dict[str, Any]:
    def suspect(s: Any) -> dict[str, Any]:
        rid, name = names.get(s.position, ("?", "?"))
        return {
            "recipient_id": rid,
            "name": name,
            "false_accusation_probability": s.false_accusation_probability,
            "score": round(s.score, 3),
        }

    if outcome is None:
        return {
            "memo_id": None,
            "verdict": "no_match",
            "accused": [],
            "slots_read": 0,
            "slots_total": 0,
            "channels": {},
            "needed_sentences": None,
            "source": leak.kind,
            "sentences_matched": 0,
        }
    return {
        "memo_id": memo_id,
        "verdict": outcome.verdict,
        "accused": [suspect(s) for s in outcome.accused],
        "slots_read": outcome.slots_read,
        "slots_total": outcome.slots_total,
        "channels": channels,
        "needed_sentences": outcome.needed_sentences,
        "source": leak.kind,
        "sentences_matched": outcome.sentences_matched,
        "threshold": outcome.threshold,
        "runners_up": [suspect(s) for s in outcome.runners_up],
    }


def _find_memo(session: Session, text: str) -> str | None:
    keys = [k for _, _, k in tokenize(text)]
    ranked = repo.candidate_memos(session, list(shingles(keys)), limit=1)
    if ranked and ranked[0][1] >= MIN_SHARED_SHINGLES:
        return ranked[0][0]
    return None


def trace_leak(
    sessions: sessionmaker[Session],
    key: SecretKey,
    path: Path,
    *,
    memo_id: str | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    actor: str = "cli",
) -> dict[str, Any]:
    """The trace report (see the CLI's --json contract); records the run, and in the audit
    log who ran it (``actor``) and whom it named."""
    if not 0 < threshold < 1:
        raise InputError("the threshold must be between 0 and 1")
    leak = load_leak(path)
    with unit_of_work(sessions) as session:
        if memo_id is not None:
            memo = repo.get_memo(session, memo_id)
            if memo is None:
                raise InputError(f"no memo with id {memo_id!r} (see `townsquare memo list`)")
        else:
            found = _find_memo(session, leak.text)
            memo = repo.get_memo(session, found) if found else None
        if memo is None:
            result = _result(None, None, {}, {}, leak)
        else:
            if memo.key_check != key.check_value():
                raise InputError(
                    f"memo {memo.id} was issued with a different key file; set "
                    "TOWNSQUARE_KEY_FILE to the key it was issued with"
                )
            layout = Layout.from_dict(memo.canonical_text, memo.layout)
            reading = read_leak(layout, leak.text, invisible_lost=leak.kind == "image")
            outcome = trace(
                layout,
                codebook_for(key, memo.id, layout),
                reading,
                memo.recipient_count,
                threshold,
            )
            shown = [s.position for s in (*outcome.accused, *outcome.runners_up)]
            rows = repo.recipients_at(session, memo.id, shown)
            names = {pos: (row.recipient_id, row.name) for pos, row in rows.items()}
            result = _result(memo.id, outcome, names, reading.channels, leak)
        row = repo.add_trace(
            session,
            memo_id=result["memo_id"],
            source_kind=leak.kind,
            source_sha256=leak.sha256,
            verdict=result["verdict"],
            result=result,
        )
        audit.record(session, actor, "leak.trace", "trace", row.id, after={
            "memo_id": result["memo_id"], "verdict": result["verdict"],
            "source": leak.kind, "source_sha256": leak.sha256,
            "accused": [s["recipient_id"] for s in result["accused"]],
        })
    return result
