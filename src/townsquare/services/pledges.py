"""Use cases of pledge campaigns: a memo each recipient must acknowledge by a deadline.

Recipients acknowledge through their signed link (``/pledge/<token>``, no login: the token
is the credential) or a staff member records it in the console. ``remind`` emails everyone
who has not signed, at most once per recipient per reminder window (a UTC day within the
``remind_hours`` before the deadline), so running it from cron every hour is safe."""

from __future__ import annotations

import contextlib
import csv
import io
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy.exc import IntegrityError

from townsquare.bootstrap import App
from townsquare.moderation.model import ModerationError
from townsquare.services import audit
from townsquare.services.delivery import MemoCopies, load_memo, pledge_footer
from townsquare.services.errors import ConflictError, NotFoundError
from townsquare.services.mail import Outbox, Undeliverable, compose, outbox_for
from townsquare.services.pledge_links import read_token
from townsquare.staff.actor import Actor
from townsquare.staff.permissions import Permission
from townsquare.store import deliveries as repo
from townsquare.store import memos as memo_repo
from townsquare.store.db import unit_of_work
from townsquare.store.delivery_tables import PledgeCampaign
from townsquare.store.tables import utcnow

MAX_REMIND_HOURS = 24 * 60


def _campaign_dict(c: PledgeCampaign) -> dict[str, Any]:
    return {"id": c.id, "memo_id": c.memo_id, "deadline": c.deadline.isoformat(),
            "remind_hours": c.remind_hours, "created_by": c.created_by,
            "created_at": c.created_at.isoformat()}


def create_campaign(app: App, actor: Actor, memo_id: str, deadline: datetime,
                    remind_hours: int = 48, now: datetime | None = None) -> dict[str, Any]:
    """Make ``memo_id`` a pledge: every recipient must acknowledge it by ``deadline``;
    reminders go out in the ``remind_hours`` before it. Deliver the memo afterwards: each
    message then carries its recipient's signed link."""
    actor.check(Permission.MEMOS_ISSUE)
    now = now or utcnow()
    if deadline.tzinfo is None:
        raise ModerationError("the deadline needs a time zone (e.g. 2026-12-01T17:00:00Z)")
    if deadline <= now:
        raise ModerationError("the deadline must be in the future")
    if not 0 < remind_hours <= MAX_REMIND_HOURS:
        raise ModerationError(f"remind_hours must be between 1 and {MAX_REMIND_HOURS}")
    try:
        with unit_of_work(app.sessions) as session:
            if memo_repo.get_memo(session, memo_id) is None:
                raise NotFoundError(f"no memo with id {memo_id!r}")
            if repo.campaign_of_memo(session, memo_id) is not None:
                raise ConflictError(f"memo {memo_id} already has a pledge campaign")
            row = PledgeCampaign(memo_id=memo_id, deadline=deadline, remind_hours=remind_hours,
                                 created_by=actor.name, created_at=now)
            session.add(row)
            session.flush()
            made = _campaign_dict(row)
            audit.record(session, actor, "pledge.create", "pledge_campaign", row.id, after=made)
            return made
    except IntegrityError:  # a concurrent create for the same memo won
        raise ConflictError(f"memo {memo_id} already has a pledge campaign") from None


def list_campaigns(app: App, actor: Actor) -> list[dict[str, Any]]:
    """Every campaign (nearest deadline first) with how many signed out of how many."""
    actor.check(Permission.MEMOS_ISSUE)
    with unit_of_work(app.sessions) as session:
        found = []
        for c in repo.campaigns(session):
            memo = memo_repo.get_memo(session, c.memo_id)
            found.append({**_campaign_dict(c), "title": memo.title if memo else "",
                          "recipients": memo.recipient_count if memo else 0,
                          "signed": len(repo.signatures(session, c.id))})
        return found


def campaign_table(app: App, actor: Actor, campaign_id: int,
                   now: datetime | None = None) -> dict[str, Any]:
    """The campaign and one row per recipient: signed or not, when, how, reminders."""
    actor.check(Permission.MEMOS_ISSUE)
    now = now or utcnow()
    with unit_of_work(app.sessions) as session:
        c = repo.campaign(session, campaign_id)
        if c is None:
            raise NotFoundError(f"no pledge campaign {campaign_id}")
        memo = memo_repo.get_memo(session, c.memo_id)
        signed = repo.signatures(session, campaign_id)
        reminders = repo.reminder_counts(session, campaign_id)
        rows = []
        for r in repo.recipients(session, c.memo_id):
            s = signed.get(r.position)
            rows.append({
                "recipient_id": r.recipient_id, "name": r.name, "email": r.email,
                "signed": s is not None,
                "signed_at": None if s is None else s.signed_at.isoformat(),
                "late": s is not None and s.signed_at > c.deadline,
                "via": None if s is None else s.via,
                "recorded_by": None if s is None or s.via == "link" else s.signed_by,
                "reminders": reminders.get(r.position, 0),
            })
        return {**_campaign_dict(c), "title": memo.title if memo else "",
                "overdue": now >= c.deadline, "signed": len(signed),
                "unsigned": len(rows) - len(signed), "rows": rows}


def export_csv(app: App, actor: Actor, campaign_id: int) -> str:
    """The table as CSV (audited: it lists people and what they did)."""
    table = campaign_table(app, actor, campaign_id)
    out = io.StringIO()
    columns = ["recipient_id", "name", "email", "signed", "signed_at", "late", "via",
               "recorded_by", "reminders"]
    writer = csv.DictWriter(out, columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in table["rows"]:
        writer.writerow({**row, "signed": "yes" if row["signed"] else "no",
                         "late": "yes" if row["late"] else "no"})
    with unit_of_work(app.sessions) as session:
        audit.record(session, actor, "pledge.export", "pledge_campaign", campaign_id,
                     after={"rows": len(table["rows"])})
    return out.getvalue()


@dataclass(frozen=True)
class PledgeView:
    """What a recipient's signed link shows: their own copy and whether they signed."""

    token: str
    campaign_id: int
    title: str
    name: str
    copy: str
    deadline: datetime
    signed_at: datetime | None


def _by_token(app: App, token: str) -> tuple[PledgeCampaign, MemoCopies, int, str, str]:
    found = read_token(app.key, token)
    if found is None:
        raise NotFoundError("this pledge link is not valid (check that it was copied whole)")
    campaign_id, position = found
    with unit_of_work(app.sessions) as session:
        c = repo.campaign(session, campaign_id)
        people = None if c is None else memo_repo.recipients_at(session, c.memo_id, [position])
        if c is None or not people:
            raise NotFoundError("this pledge link no longer leads to a campaign")
        person = people[position]
        memo_id = c.memo_id
    copies, campaign = load_memo(app, memo_id)
    assert campaign is not None
    return campaign, copies, position, person.recipient_id, person.name


def pledge_view(app: App, token: str) -> PledgeView:
    """The recipient's copy behind a signed link (NotFoundError for a forged one)."""
    campaign, copies, position, _, name = _by_token(app, token)
    with unit_of_work(app.sessions) as session:
        s = repo.signatures(session, campaign.id).get(position)
    return PledgeView(token, campaign.id, copies.title, name, copies.render([position])[0],
                      campaign.deadline, None if s is None else s.signed_at)


def acknowledge(app: App, token: str, now: datetime | None = None) -> PledgeView:
    """Record the link holder's acknowledgement (once: signing again changes nothing)."""
    campaign, _, position, recipient_id, _ = _by_token(app, token)
    now = now or utcnow()
    try:
        with unit_of_work(app.sessions) as session:
            if position not in repo.signatures(session, campaign.id):
                repo.add_signature(session, campaign.id, position, "link", recipient_id, now)
                audit.record(session, f"recipient:{recipient_id}", "pledge.sign",
                             "pledge_campaign", campaign.id,
                             after={"recipient_id": recipient_id, "via": "link",
                                    "late": now > campaign.deadline})
    except IntegrityError:  # signed twice at once: the first one counts
        pass
    return pledge_view(app, token)


def record_acknowledgement(app: App, actor: Actor, campaign_id: int,
                           recipient_id: str, now: datetime | None = None) -> dict[str, Any]:
    """A staff member records that ``recipient_id`` acknowledged (e.g. in person)."""
    actor.check(Permission.MEMOS_ISSUE)
    now = now or utcnow()
    with unit_of_work(app.sessions) as session:
        c = repo.campaign(session, campaign_id)
        if c is None:
            raise NotFoundError(f"no pledge campaign {campaign_id}")
        position = repo.position_of(session, c.memo_id, recipient_id)
        if position is None:
            raise NotFoundError(f"{recipient_id!r} is not a recipient of memo {c.memo_id}")
        if position in repo.signatures(session, campaign_id):
            raise ConflictError(f"{recipient_id} has already acknowledged")
        repo.add_signature(session, campaign_id, position, "console", actor.name, now)
        audit.record(session, actor, "pledge.sign", "pledge_campaign", campaign_id,
                     after={"recipient_id": recipient_id, "via": "console",
                            "late": now > c.deadline})
        return {"campaign_id": campaign_id, "recipient_id": recipient_id,
                "signed_at": now.isoformat(), "via": "console"}


def reminder_window(campaign: PledgeCampaign, now: datetime) -> str | None:
    """The reminder window ``now`` falls in (its UTC date), or None outside the reminder
    period (before ``deadline - remind_hours``, or once the deadline has passed)."""
    if not campaign.deadline - timedelta(hours=campaign.remind_hours) <= now < campaign.deadline:
        return None
    return now.date().isoformat()


def remind(app: App, actor: Actor, *, now: datetime | None = None,
           dry_run: Path | None = None, outbox: Outbox | None = None) -> list[dict[str, Any]]:
    """Email every recipient who has not signed a campaign in its reminder period, unless
    already reminded in this window. A dry run writes .eml files and records nothing."""
    actor.check(Permission.MEMOS_ISSUE)
    now = now or utcnow()
    with unit_of_work(app.sessions) as session:
        due: list[tuple[int, str, str]] = []
        for c in repo.campaigns(session):
            window = reminder_window(c, now)
            if window is not None:
                due.append((c.id, c.memo_id, window))
    report = []
    with outbox or outbox_for(app.settings, dry_run) as box:
        for campaign_id, memo_id, window in due:
            copies, campaign = load_memo(app, memo_id)
            assert campaign is not None
            with unit_of_work(app.sessions) as session:
                skip = set(repo.signatures(session, campaign_id)) | repo.reminded(
                    session, campaign_id, window)
                people = [r for r in repo.recipients(session, memo_id)
                          if r.position not in skip]
            sent = failed = 0
            texts = copies.render([p.position for p in people]) if people else []
            for person, text in zip(people, texts, strict=True):
                footer, link = pledge_footer(app, campaign, person.position, True)
                try:
                    message = compose(app.settings, to_name=person.name,
                                      to_address=person.email,
                                      subject=f"Reminder: {copies.title}", body=text,
                                      footer=footer, link=link)
                except Undeliverable:
                    failed += 1
                    continue
                outcome = box.send(message, f"{person.recipient_id}-reminder")
                if outcome.status == "failed":
                    failed += 1
                    continue
                sent += 1
                if dry_run is None:
                    # (IntegrityError: a concurrent run recorded this reminder first)
                    with contextlib.suppress(IntegrityError), \
                            unit_of_work(app.sessions) as session:
                        repo.add_reminder(session, campaign_id, person.position, window, now)
            entry = {"campaign_id": campaign_id, "memo_id": memo_id, "window": window,
                     "reminded": sent, "failed": failed, "dry_run": dry_run is not None}
            with unit_of_work(app.sessions) as session:
                audit.record(session, actor, "pledge.remind", "pledge_campaign", campaign_id,
                             after=entry)
            report.append(entry)
    return report
