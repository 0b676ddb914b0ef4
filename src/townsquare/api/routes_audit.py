"""The audit log under /api/v1: browse its events, verify its hash chain (audit.read)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from townsquare.api.auth import require, runtime
from townsquare.api.runtime import Runtime
from townsquare.audit import Anchor
from townsquare.services import audit
from townsquare.staff.actor import Actor
from townsquare.staff.permissions import Permission as P

router = APIRouter(prefix="/api/v1", tags=["audit"])
Rt = Annotated[Runtime, Depends(runtime)]
Reader = Annotated[Actor, Depends(require(P.AUDIT_READ))]


@router.get("/audit/events")
def audit_events(
    rt: Rt, who: Reader,
    actor: Annotated[str | None, Query(max_length=128)] = None,
    action: Annotated[str | None, Query(max_length=64)] = None,
    subject_type: Annotated[str | None, Query(max_length=32)] = None,
    subject_id: Annotated[str | None, Query(max_length=128)] = None,
    after: Annotated[int | None, Query(ge=0, description="Oldest first, after this seq.")] = None,
    before: Annotated[int | None, Query(ge=1, description="Newest first, below this seq.")]
    = None,
    limit: Annotated[int, Query(ge=1, le=audit.MAX_PAGE)] = 100,
) -> dict[str, Any]:
    """Events matching every filter given: the newest first (paging with ``before``), or the
    oldest after ``after`` first (following the log). ``next`` is the next page's query."""
    page = audit.list_events(
        rt.services.sessions, who, audit.EventFilter(actor, action, subject_type, subject_id),
        after=after, before=before, limit=limit,
    )
    direction = "after" if after is not None else "before"
    return {
        "events": [e.to_dict() for e in page.events],
        "next": None if page.next_cursor is None else {direction: page.next_cursor},
    }


@router.get("/audit/verify")
def audit_verify(
    rt: Rt, who: Reader,
    expect_head: Annotated[str | None, Query(
        max_length=200, description="SEQ:HASH of a head kept from an earlier export; "
        "catches the newest events being deleted.")] = None,
) -> dict[str, Any]:
    """Walk the hash chain: ``ok``, or the first bad event (``bad_seq``), the kind of
    ``problem`` and the ``reason``."""
    anchor = Anchor.parse(expect_head) if expect_head is not None else None
    return audit.verify_log(rt.services.sessions, who, anchor=anchor).to_dict()
