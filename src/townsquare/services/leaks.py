"""Use case: trace a leaked text or screenshot back to the recipients it came from."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from townsquare.canary.codes import CodeBook
from townsquare.canary.model import Layout
from townsquare.canary.read import read_leak
from townsquare.canary.segment import tokenize
from townsquare.canary.shingles import shingles
from townsquare.canary.trace import DEFAULT_THRESHOLD, TraceOutcome, sentence_evidence, trace
from townsquare.keys import SecretKey
from townsquare.services import audit, page_views
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
    evidence: list[dict[str, Any]] | None = None,
    extra: dict[int, dict[str, Any]] | None = None,
) -> dict[str, Any]:
    def suspect(s: Any) -> dict[str, Any]:
        rid, name = names.get(s.position, ("?", "?"))
        return {
            "recipient_id": rid,
            "name": name,
            "false_accusation_probability": s.false_accusation_probability,
            "score": round(s.score, 3),
            **(extra or {}).get(s.position, {}),
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
            "kind": None,
            "evidence": [],
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
        "kind": "memo" if memo_id else "console_page",
        "evidence": evidence or [],
    }


EXCERPT = 160  # characters of a sentence shown beside its evidence


def _evidence(
    layout: Layout, book: CodeBook, observed: Any, outcome: TraceOutcome,
    names: dict[int, tuple[str, str]],
) -> list[dict[str, Any]]:
    """Per sentence read: its opening words, the slots read, and for each accused or
    runner-up, which of those slots show that person's symbol."""
    positions = [s.position for s in (*outcome.accused, *outcome.runners_up)]
    label = {p: names.get(p, ("?", "?"))[0] for p in positions}
    out = []
    for item in sentence_evidence(layout, book, observed, positions):
        sentence = layout.sentences[item.sentence]
        text = layout.text[sentence.start : sentence.end]
        out.append({
            "sentence": item.sentence,
            "text": text if len(text) <= EXCERPT else text[: EXCERPT - 1] + "…",
            "slots_read": len(item.slots),
            "matches": {label[p]: item.matches(p) for p in positions},
            "slots": [
                {"channel": e.channel, "kind": e.kind, "seen": e.seen,
                 "matched": [label[p] for p in e.matched]}
                for e in item.slots
            ],
        })
    return out


def _find_memo(session: Session, text: str) -> tuple[str, int] | None:
    """The memo the leak most resembles and how many shingles they share."""
    keys = [k for _, _, k in tokenize(text)]
    ranked = repo.candidate_memos(session, list(shingles(keys)), limit=1)
    if ranked and ranked[0][1] >= MIN_SHARED_SHINGLES:
        return ranked[0]
    return None


def _trace_page(
    session: Session, key: SecretKey, leak: LeakText, threshold: float
) -> dict[str, Any] | None:
    """The report for a leaked console page: the views accused are named with their
    viewer, page and time. None when no console text resembles the leak."""
    found = page_views.find_text(session, leak.text)
    if found is None or found[1] < MIN_SHARED_SHINGLES:
        return None
    traced = page_views.trace_text(
        session, key, found[0], leak.text, invisible_lost=leak.kind == "image",
        threshold=threshold,
    )
    if traced is None:
        return None
    names = {p: (o.view_id, o.viewer) for p, o in traced.owners.items()}
    extra = {
        p: {"page": o.path, "viewed_at": o.viewed_at.isoformat()}
        for p, o in traced.owners.items()
    }
    evidence = _evidence(traced.layout, traced.book, traced.observed, traced.outcome, names)
    result = _result(None, traced.outcome, names, traced.channels, leak, evidence, extra)
    result["page_text_id"] = traced.text_id
    return result


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
        page_result = None
        if memo_id is None:
            found = _find_memo(session, leak.text)
            page = page_views.find_text(session, leak.text)
            if page is not None and (found is None or page[1] >= found[1]):
                # A console page shows this text (perhaps a memo seen in the console):
                # its viewer's copy is the better guess; the memo is tried if it names no one.
                page_result = _trace_page(session, key, leak, threshold)
                if page_result is not None and page_result["verdict"] == "identified":
                    found = None
            memo = repo.get_memo(session, found[0]) if found else None
        if memo is None:
            result = page_result or _result(None, None, {}, {}, leak)
        else:
            if memo.key_check != key.check_value():
                raise InputError(
                    f"memo {memo.id} was issued with a different key file; set "
                    "TOWNSQUARE_KEY_FILE to the key it was issued with"
                )
            layout = Layout.from_dict(memo.canonical_text, memo.layout)
            reading = read_leak(layout, leak.text, invisible_lost=leak.kind == "image")
            book = codebook_for(key, memo.id, layout)
            outcome = trace(layout, book, reading, memo.recipient_count, threshold)
            shown = [s.position for s in (*outcome.accused, *outcome.runners_up)]
            rows = repo.recipients_at(session, memo.id, shown)
            names = {pos: (row.recipient_id, row.name) for pos, row in rows.items()}
            evidence = _evidence(layout, book, reading.observed, outcome, names)
            result = _result(memo.id, outcome, names, reading.channels, leak, evidence)
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
            **({"page_text_id": result["page_text_id"]} if "page_text_id" in result else {}),
        })
    return result
