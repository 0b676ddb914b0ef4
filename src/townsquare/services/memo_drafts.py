"""Use cases behind the console's memo and leak pages: review a draft memo's lexical
variants and plan, issue it from uploaded files (copies kept for download as a zip),
and trace an uploaded leak. Each calls the same use cases as the CLI (memos, leaks)."""

from __future__ import annotations

import io
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from townsquare.canary.layout import build_layout
from townsquare.canary.lexical import describe
from townsquare.canary.model import Channel
from townsquare.canary.plan import plan
from townsquare.services.context import Services
from townsquare.services.errors import NotFoundError
from townsquare.services.inputs import InputError
from townsquare.services.leaks import trace_leak
from townsquare.services.memos import issue_memo, list_memos, plan_to_dict, show_memo
from townsquare.staff.actor import Actor
from townsquare.staff.permissions import Permission as P
from townsquare.store import memos as memo_store
from townsquare.store.db import unit_of_work

COPIES_DIR = "console-copies"
MAX_RECIPIENTS_PLANNED = 1_000_000


@dataclass(frozen=True)
class LexicalRule:
    """A lexical rule that found places in this memo: what it swaps, where, how often."""

    rule: str
    family: str
    description: str
    places: int
    example: tuple[str, ...]  # the variants of its first place
    rejected: bool


@dataclass(frozen=True)
class DraftReview:
    language: str
    sentences: int
    rules: list[LexicalRule]
    plan: dict[str, Any]


def family_of(rule: str) -> str:
    return ".".join(rule.split(".")[:2])


def _is_rejected(rule: str, rejected: frozenset[str]) -> bool:
    return rule in rejected or family_of(rule) in rejected


def review_draft(
    actor: Actor, text: str, channels: tuple[Channel, ...], rejected: frozenset[str],
    recipients: int,
) -> DraftReview:
    """Every lexical rule that would change this memo (approved or rejected) and the plan
    with the rejected ones left out."""
    actor.check(P.MEMOS_ISSUE)
    if not text.strip():
        raise InputError("the memo is empty: write or upload its text")
    if not 1 <= recipients <= MAX_RECIPIENTS_PLANNED:
        raise InputError(f"the recipient count must be between 1 and {MAX_RECIPIENTS_PLANNED:,}")
    everything = build_layout(text, channels=channels)
    found: dict[str, list[tuple[str, ...]]] = {}
    for slot in everything.slots:
        if slot.channel == "lexical":
            found.setdefault(slot.kind, []).append(slot.variants)
    rules = [
        LexicalRule(rule, family_of(rule), describe(rule), len(places), places[0],
                    _is_rejected(rule, rejected))
        for rule, places in sorted(found.items())
    ]
    kept = build_layout(text, channels=channels, rejected_lexical=rejected)
    return DraftReview(kept.language, len(kept.sentences), rules,
                       plan_to_dict(plan(kept, recipients)))


@contextmanager
def _scratch() -> Iterator[Path]:
    """A private directory for uploads; error messages never show its path."""
    folder = Path(tempfile.mkdtemp(prefix="tsq-console-"))
    try:
        yield folder
    except InputError as exc:
        raise InputError(str(exc).replace(f"{folder}/", "")) from None
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def copies_root(services: Services) -> Path:
    return Path(services.app.settings.data_dir) / COPIES_DIR


def issue_from_console(
    services: Services, actor: Actor, *, title: str, text: str, filename: str,
    recipients_csv: bytes, channels: tuple[Channel, ...], rejected: frozenset[str],
) -> str:
    """Issue the memo to the uploaded recipient list; the copies stay on the server for
    download (``copies_zip``). Returns the memo id."""
    actor.check(P.MEMOS_ISSUE)
    if not text.strip():
        raise InputError("the memo is empty: write or upload its text")
    suffix = Path(filename).suffix if filename and len(Path(filename).suffix) <= 16 else ".txt"
    root = copies_root(services)
    with _scratch() as folder:
        memo = folder / f"{Path(filename).stem if filename else 'memo'}{suffix}"
        memo.write_text(text, encoding="utf-8")
        people = folder / "recipients.csv"
        people.write_bytes(recipients_csv)
        out = folder / "copies"
        result = issue_memo(services.sessions, services.app.key, memo, people, out,
                            title=title or None, channels=channels,
                            rejected_lexical=rejected, actor=actor.name)
        root.mkdir(parents=True, exist_ok=True)
        shutil.move(str(out), str(root / result.memo_id))
    return result.memo_id


def copies_zip(services: Services, actor: Actor, memo_id: str) -> bytes | None:
    """The issued copies of a memo as a zip (None when they were not issued here)."""
    actor.check(P.MEMOS_ISSUE)
    folder = copies_root(services) / memo_id
    if not memo_id.replace("_", "").isalnum() or not folder.is_dir():
        return None
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.iterdir()):
            archive.write(path, f"{memo_id}/{path.name}")
    return buffer.getvalue()


def trace_upload(
    services: Services, actor: Actor, *, data: bytes, filename: str, threshold: float,
) -> dict[str, Any]:
    """Trace an uploaded leak (text, or a screenshot) like `townsquare leak trace`."""
    actor.check(P.LEAKS_TRACE)
    if not data.strip():
        raise InputError("the leak is empty: paste its text or upload a file")
    with _scratch() as folder:
        leak = folder / (Path(filename).name if filename else "leak.txt")
        leak.write_bytes(data)
        return trace_leak(services.sessions, services.app.key, leak, threshold=threshold,
                          actor=actor.name)



def memo_list(services: Services, actor: Actor) -> list[Any]:
    actor.check(P.MEMOS_ISSUE)
    return list_memos(services.sessions)


def open_memo(services: Services, actor: Actor, memo_id: str) -> dict[str, Any]:
    """A memo's details, plan and traces, its canonical text, and whether its copies can
    be downloaded here."""
    actor.check(P.MEMOS_ISSUE)
    try:
        data = show_memo(services.sessions, memo_id)
    except InputError as exc:
        raise NotFoundError(str(exc)) from None
    with unit_of_work(services.sessions) as session:
        row = memo_store.get_memo(session, memo_id)
        data["text"] = row.canonical_text if row else ""
    data["has_copies"] = (copies_root(services) / memo_id).is_dir()
    return data
