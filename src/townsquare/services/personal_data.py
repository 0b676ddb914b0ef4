"""Personal-data exports of an account: its posts, the labels on it and its posts, the
enforcement actions and the notices it received. Exports are produced only by the
two-person operation ``personal_data.export`` (see ``services.external_requests``);
reading one back is audited."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from townsquare.moderation.external_requests import DATA_SECTIONS
from townsquare.services import audit
from townsquare.services.context import Services
from townsquare.services.errors import NotFoundError
from townsquare.staff.actor import Actor
from townsquare.staff.permissions import Permission
from townsquare.store.civic_tables import PersonalDataExport
from townsquare.store.db import unit_of_work
from townsquare.store.moderation_tables import Account, EnforcementAction, Label, Notice, Post
from townsquare.store.tables import utcnow


def _posts(session: Session, account_id: str) -> list[dict[str, Any]]:
    rows = session.scalars(select(Post).where(Post.author_id == account_id).order_by(Post.id))
    return [{"id": p.id, "text": p.text, "urls": p.urls, "created_at": p.created_at}
            for p in rows]


def _labels(session: Session, account_id: str) -> list[dict[str, Any]]:
    posts = select(Post.id).where(Post.author_id == account_id)
    rows = session.scalars(select(Label).where(or_(
        (Label.subject_type == "account") & (Label.subject_id == account_id),
        (Label.subject_type == "post") & Label.subject_id.in_(posts),
    )).order_by(Label.id))
    return [{"id": r.id, "subject_type": r.subject_type, "subject_id": r.subject_id,
             "label": r.label, "policy": r.policy, "source": r.source, "note": r.note,
             "created_at": r.created_at, "expires_at": r.expires_at,
             "removed_at": r.removed_at} for r in rows]


def _actions(session: Session, account_id: str) -> list[dict[str, Any]]:
    rows = session.scalars(select(EnforcementAction).where(
        EnforcementAction.account_id == account_id).order_by(EnforcementAction.id))
    return [{"id": r.id, "kind": r.kind, "subject_type": r.subject_type,
             "subject_id": r.subject_id, "policy": r.policy, "note": r.note,
             "created_at": r.created_at, "expires_at": r.expires_at,
             "reversed_at": r.reversed_at} for r in rows]


def _notices(session: Session, account_id: str) -> list[dict[str, Any]]:
    rows = session.scalars(select(Notice).where(Notice.account_id == account_id)
                           .order_by(Notice.id))
    return [{"id": r.id, "kind": r.kind, "subject_type": r.subject_type,
             "subject_id": r.subject_id, "policy": r.policy, "title": r.title,
             "body": r.body, "created_at": r.created_at} for r in rows]


_SECTIONS = {"posts": _posts, "labels": _labels, "actions": _actions, "notices": _notices}


def export_account(
    session: Session, account_id: str, sections: Iterable[str], *, reason: str,
    requested_by: str, approved_by: str | None, now: datetime | None = None,
) -> PersonalDataExport:
    """Store an export of ``account_id`` holding ``sections`` (in the caller's transaction)."""
    account = session.get(Account, account_id)
    if account is None:
        raise NotFoundError(f"no account with id {account_id!r}")
    chosen = [s for s in DATA_SECTIONS if s in set(sections)]
    now = now or utcnow()
    document: dict[str, Any] = {
        "account": {"id": account.id, "handle": account.handle,
                    "created_at": account.created_at.isoformat()},
        "exported_at": now.isoformat(),
    }
    for name in chosen:
        document[name] = _jsonable(_SECTIONS[name](session, account_id))
    row = PersonalDataExport(account_id=account_id, sections=chosen, document=document,
                             reason=reason, requested_by=requested_by,
                             approved_by=approved_by, created_at=now)
    session.add(row)
    session.flush()
    return row


def _jsonable(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows with datetimes as ISO strings (the document is stored as JSON)."""
    return [{k: v.isoformat() if isinstance(v, datetime) else v for k, v in r.items()}
            for r in rows]


def describe(row: PersonalDataExport, *, with_document: bool = False) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": row.id, "account_id": row.account_id, "sections": row.sections,
        "reason": row.reason, "requested_by": row.requested_by,
        "approved_by": row.approved_by, "created_at": row.created_at,
    }
    if with_document:
        data["document"] = row.document
    return data


def read_export(services: Services, actor: Actor, export_id: int) -> dict[str, Any]:
    """An export with its document (``personal_data.read``); the read is audited."""
    actor.check(Permission.PERSONAL_DATA_READ)
    with unit_of_work(services.sessions) as session:
        row = session.get(PersonalDataExport, export_id)
        if row is None:
            raise NotFoundError(f"no personal-data export #{export_id}")
        audit.record(session, actor, "read.personal_data_export", "account", row.account_id,
                     after={"export_id": row.id, "sections": row.sections})
        return describe(row, with_document=True)
