"""What an operator watches, read at scrape time: open reports per queue, two-person
requests waiting, lockdowns in force."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, or_, select

from townsquare.moderation.reports import UNDECIDED
from townsquare.services.context import Services
from townsquare.store.report_tables import Report, ReportQueue
from townsquare.store.staff_tables import ApprovalRequest, LockdownRow
from townsquare.store.tables import utcnow


@dataclass(frozen=True)
class Gauges:
    open_reports: dict[str, int]  # every queue, 0 included
    pending_approvals: int
    lockdowns_in_force: int


def read_gauges(services: Services, now: datetime | None = None) -> Gauges:
    now = now or utcnow()
    with services.sessions() as session:
        queues = {name: 0 for name in session.scalars(select(ReportQueue.name))}
        for queue, count in session.execute(
                select(Report.queue, func.count()).where(
                    Report.status.in_([s.value for s in UNDECIDED])).group_by(Report.queue)
        ):
            queues[queue] = count
        pending = session.scalar(select(func.count()).select_from(ApprovalRequest).where(
            ApprovalRequest.status == "pending", ApprovalRequest.expires_at > now)) or 0
        lockdowns = session.scalar(select(func.count()).select_from(LockdownRow).where(
            LockdownRow.lifted_at.is_(None),
            or_(LockdownRow.restore_at.is_(None), LockdownRow.restore_at > now))) or 0
    return Gauges(queues, pending, lockdowns)
