"""The audit log in the console: events with filters and paging (newest first), and the
hash chain's verification status (audit.read; both reads are themselves audited)."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from townsquare.audit import Anchor, AuditError, Event
from townsquare.moderation.model import ModerationError
from townsquare.services import audit
from townsquare.staff.permissions import Permission as P
from townsquare.web.console.governance_forms import answer, optional
from townsquare.web.console.pages import Viewer
from townsquare.web.console.render import add_nav
from townsquare.web.console.routing import ConsoleRoute
from townsquare.web.console.session import runtime_of

audit_router = APIRouter(route_class=ConsoleRoute)
Filter = Annotated[str, Query(max_length=128)]
PAGE = 50

add_nav("Audit log", "/console/audit", P.AUDIT_READ)


def _row(event: Event) -> dict[str, Any]:
    def doc(value: Any) -> str:
        return "" if value is None else json.dumps(value, indent=1, sort_keys=True,
                                                   ensure_ascii=False)

    return {"seq": event.seq, "at": event.at.isoformat(timespec="seconds"),
            "actor": event.actor, "actor_kind": event.actor_kind, "action": event.action,
            "subject": f"{event.subject_type} {event.subject_id}", "before": doc(event.before),
            "after": doc(event.after), "request_id": event.request_id or "",
            "hash": event.hash}


@audit_router.get("/audit")
def audit_page(
    request: Request, viewer: Viewer, actor: Filter = "", action: Filter = "",
    subject_type: Filter = "", subject_id: Filter = "",
    before: Annotated[int | None, Query(ge=1)] = None,
    expect_head: Annotated[str, Query(max_length=200)] = "",
) -> HTMLResponse:
    """Newest first; "Older" follows ``before``. The first page also verifies the chain
    (against ``expect_head``, a SEQ:HASH kept from an earlier export, when given)."""
    sessions = runtime_of(request).services.sessions
    where = audit.EventFilter(optional(actor), optional(action), optional(subject_type),
                              optional(subject_id))
    verdict = None
    if before is None:
        try:
            anchor = Anchor.parse(expect_head.strip()) if expect_head.strip() else None
        except AuditError as exc:
            raise ModerationError(f"expected head: {exc}") from None
        verdict = audit.verify_log(sessions, viewer, anchor=anchor).to_dict()
    found = audit.list_events(sessions, viewer, where, before=before, limit=PAGE)
    filters = {"actor": actor, "action": action, "subject_type": subject_type,
               "subject_id": subject_id}
    return answer(request, viewer, "audit", title="Audit log", verdict=verdict,
                  events=[_row(e) for e in found.events], next_cursor=found.next_cursor,
                  filters=filters, expect_head=expect_head,
                  query={k: v for k, v in filters.items() if v})
