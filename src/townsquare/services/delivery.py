"""Use case: email each recipient their own fingerprinted copy of a memo.

Copies are re-rendered from the stored layout and the key (the same bytes ``memo issue``
wrote), one message per recipient. A recipient whose copy was already accepted by the
server is skipped, so running the delivery again retries only the failures. A dry run
writes one ``<recipient id>.eml`` per recipient and stores no status."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import numpy as np

from townsquare.bootstrap import App
from townsquare.canary.embed import CopyWriter
from townsquare.canary.model import Layout
from townsquare.services import audit
from townsquare.services.errors import NotFoundError
from townsquare.services.mail import Outbox, Sent, Undeliverable, compose, outbox_for
from townsquare.services.memos import codebook_for
from townsquare.services.pledge_links import pledge_url
from townsquare.staff.actor import Actor
from townsquare.staff.permissions import Permission
from townsquare.store import deliveries as repo
from townsquare.store import memos as memo_repo
from townsquare.store.db import unit_of_work
from townsquare.store.delivery_tables import PledgeCampaign
from townsquare.store.memos import RecipientRow
from townsquare.store.tables import Memo, utcnow

_BATCH = 512
# A recipient claimed by a run that has not reported back for this long is sent again
# (that run died); within it, concurrent runs never send the same copy twice.
CLAIM_TIMEOUT = timedelta(minutes=10)


@dataclass(frozen=True)
class MemoCopies:
    """Renders any recipient's copy of one memo."""

    memo_id: str
    title: str
    layout: Layout
    app: App

    @classmethod
    def load(cls, app: App, memo: Memo) -> MemoCopies:
        return cls(memo.id, memo.title, Layout.from_dict(memo.canonical_text, memo.layout), app)

    def render(self, positions: list[int]) -> list[str]:
        book = codebook_for(self.app.key, self.memo_id, self.layout)
        writer = CopyWriter(self.layout)
        return [writer.render(row) for row in book.symbols(np.array(positions, dtype=np.int64))]


def load_memo(app: App, memo_id: str) -> tuple[MemoCopies, PledgeCampaign | None]:
    with unit_of_work(app.sessions) as session:
        memo = memo_repo.get_memo(session, memo_id)
        if memo is None:
            raise NotFoundError(f"no memo with id {memo_id!r}")
        campaign = repo.campaign_of_memo(session, memo_id)
        if campaign is not None:
            session.expunge(campaign)
        return MemoCopies.load(app, memo), campaign


def pledge_footer(app: App, campaign: PledgeCampaign, position: int,
                  reminder: bool) -> tuple[str, str]:
    """The request to acknowledge and the recipient's signed link."""
    url = pledge_url(app.settings.public_base_url, app.key, campaign.id, position)
    lead = "Reminder: you have not yet acknowledged this memo. " if reminder else ""
    return (f"{lead}Please read this memo and acknowledge it by "
            f"{campaign.deadline:%Y-%m-%d %H:%M} UTC:", url)


def _batches(rows: Iterator[RecipientRow]) -> Iterator[list[RecipientRow]]:
    batch: list[RecipientRow] = []
    for row in rows:
        batch.append(row)
        if len(batch) == _BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _claim(app: App, memo_id: str, person: RecipientRow) -> bool:
    now = utcnow()
    with unit_of_work(app.sessions) as session:
        return repo.claim_delivery(session, memo_id, person.position, person.email, now,
                                   now - CLAIM_TIMEOUT)


def deliver_memo(app: App, actor: Actor, memo_id: str, *, dry_run: Path | None = None,
                 outbox: Outbox | None = None) -> dict[str, Any]:
    """Send (or, with ``dry_run``, write) every recipient not yet served their copy; a
    memo with a pledge campaign adds each recipient's signed acknowledgement link.
    Returns the counts and each recipient's outcome; audited as ``memo.deliver``."""
    actor.check(Permission.MEMOS_ISSUE)
    copies, campaign = load_memo(app, memo_id)
    with unit_of_work(app.sessions) as session:
        done = {pos for pos, row in repo.deliveries(session, memo_id).items()
                if row.status == "sent"}
        people = [r for r in repo.recipients(session, memo_id)
                  if dry_run is not None or r.position not in done]
    outcomes: list[dict[str, Any]] = []
    busy = 0
    with outbox or outbox_for(app.settings, dry_run) as box:
        for batch in _batches(iter(people)):
            texts = copies.render([r.position for r in batch])
            for person, text in zip(batch, texts, strict=True):
                footer, link = ("", None) if campaign is None else pledge_footer(
                    app, campaign, person.position, False)
                if dry_run is None and not _claim(app, memo_id, person):
                    busy += 1  # sent or being sent by another run meanwhile
                    continue
                try:
                    message = compose(app.settings, to_name=person.name,
                                      to_address=person.email, subject=copies.title,
                                      body=text, footer=footer, link=link)
                except Undeliverable as exc:
                    sent = Sent("failed", 0, str(exc))
                else:
                    sent = box.send(message, person.recipient_id)
                if dry_run is None:
                    with unit_of_work(app.sessions) as session:
                        repo.save_delivery(session, memo_id, person.position, person.email,
                                           sent.status, sent.attempts, sent.error,
                                           sent.message_id)
                outcomes.append({"recipient_id": person.recipient_id, "email": person.email,
                                 "status": sent.status, "attempts": sent.attempts,
                                 "error": sent.error})
    counts = {s: sum(1 for o in outcomes if o["status"] == s)
              for s in ("sent", "failed", "written")}
    summary = {"memo_id": memo_id, "dry_run": dry_run is not None,
               "skipped": 0 if dry_run is not None else len(done), "in_progress": busy,
               **counts}
    with unit_of_work(app.sessions) as session:
        audit.record(session, actor, "memo.deliver", "memo", memo_id, after={
            **summary, "dry_run_dir": None if dry_run is None else str(dry_run)})
    return {**summary, "recipients": outcomes}


def delivery_status(app: App, actor: Actor, memo_id: str) -> list[dict[str, Any]]:
    """Every recipient with their latest delivery status: ``pending`` (never tried),
    ``sending`` (a run is on it), ``sent`` or ``failed``."""
    actor.check(Permission.MEMOS_ISSUE)
    with unit_of_work(app.sessions) as session:
        if memo_repo.get_memo(session, memo_id) is None:
            raise NotFoundError(f"no memo with id {memo_id!r}")
        tried = repo.deliveries(session, memo_id)
        found = []
        for r in repo.recipients(session, memo_id):
            row = tried.get(r.position)
            found.append({
                "recipient_id": r.recipient_id, "name": r.name, "email": r.email,
                "status": "pending" if row is None else row.status,
                "attempts": 0 if row is None else row.attempts,
                "error": None if row is None else row.last_error,
                "updated_at": None if row is None else row.updated_at.isoformat(),
            })
        return found
