"""Policy versions, civic events with the coverage check, external requests and
personal-data exports under /api/v1: parse, call one service, answer."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Response

from townsquare.api.auth import require, runtime
from townsquare.api.runtime import Runtime
from townsquare.api.schemas_civic import (
    CivicEventIn,
    DecisionIn,
    ExternalRequestIn,
    PolicyVersionIn,
    PoliticalEntityIn,
    ReasonIn,
)
from townsquare.services import civic, personal_data, policies
from townsquare.services import external_requests as requests
from townsquare.services.policy_changes import propose_change
from townsquare.staff.actor import Actor
from townsquare.staff.coverage import DEFAULT_CIVIC_POLICY
from townsquare.staff.permissions import Permission as P

router = APIRouter(prefix="/api/v1")
Rt = Annotated[Runtime, Depends(runtime)]
Reader = Annotated[Actor, Depends(require(P.POLICY_READ))]
Civic = Annotated[Actor, Depends(require(P.CIVIC_MANAGE))]
External = Annotated[Actor, Depends(require(P.EXTERNAL_REQUESTS))]


# --- policy versions ------------------------------------------------------------------


@router.get("/policy/versions", tags=["policy"])
def policy_versions(rt: Rt, _: Reader) -> list[dict[str, Any]]:
    """Every stored version, newest first (version 1 is the policy file)."""
    return [v.as_dict() for v in policies.list_versions(rt.app.sessions, rt.app.settings)]


@router.get("/policy/versions/{version}", tags=["policy"])
def policy_version(version: int, rt: Rt, _: Reader) -> dict[str, Any]:
    """One version with its text."""
    found = policies.get_version(rt.app.sessions, rt.app.settings, version)
    return found.as_dict(with_text=True)


@router.get("/policy/live", tags=["policy"])
def policy_live(rt: Rt, _: Reader) -> dict[str, Any]:
    """The version in force now, the base version, and the civic event behind a variant."""
    return policies.live_summary(rt.app.sessions, rt.app.settings)


@router.post("/policy/versions", status_code=201, tags=["policy"])
def propose_policy(body: PolicyVersionIn, rt: Rt, response: Response,
                   who: Annotated[Actor, Depends(require(P.POLICY_WRITE))]) -> dict[str, Any]:
    """Store a new live version: 201 when applied, 202 with the approval request while a
    second person must approve (``policy.change``)."""
    outcome = propose_change(rt.services, who, body.text, body.reason, body.format)
    if outcome.status == "pending":
        response.status_code = 202
    return {"status": outcome.status, "result": outcome.result,
            "approval_request": outcome.request}


# --- civic events ---------------------------------------------------------------------


@router.get("/civic/events", tags=["civic"])
def civic_events(rt: Rt, _: Reader, include_ended: bool = False) -> list[dict[str, Any]]:
    return civic.list_events(rt.services, include_ended=include_ended)


@router.post("/civic/events", status_code=201, tags=["civic"])
def create_civic_event(body: CivicEventIn, rt: Rt, who: Civic) -> dict[str, Any]:
    """An event with its stricter variant; ``warning`` says when coverage is short."""
    return civic.create_event(rt.services, who, **body.model_dump())


@router.get("/civic/events/{event_id}", tags=["civic"])
def civic_event(event_id: int, rt: Rt, _: Reader) -> dict[str, Any]:
    return civic.get_event(rt.services, event_id)


@router.post("/civic/events/{event_id}/end", tags=["civic"])
def end_civic_event(event_id: int, body: ReasonIn, rt: Rt, who: Civic) -> dict[str, Any]:
    """End the event now (cancel a scheduled one); the base policy is back at once."""
    return civic.end_event(rt.services, who, event_id, body.reason)


@router.get("/civic/events/{event_id}/coverage", tags=["civic"])
def civic_event_coverage(event_id: int, rt: Rt, _: Civic) -> dict[str, Any]:
    return civic.event_coverage(rt.services, event_id)


@router.get("/civic/coverage", tags=["civic"])
def civic_coverage(
    rt: Rt, _: Civic, minimum: Annotated[int | None, Query(ge=0, le=10_000)] = None,
    permissions: str | None = None, policy: str | None = DEFAULT_CIVIC_POLICY,
) -> dict[str, Any]:
    """One check per current or scheduled event (``short`` when any is short); with
    ``minimum``, an ad-hoc check of ``permissions`` (comma-separated) instead."""
    if minimum is None:
        return civic.coverage_report(rt.services)
    names = [p for p in permissions.split(",") if p] if permissions is not None else None
    checked = civic.coverage_check(rt.services, minimum=minimum, permissions=names,
                                   policy=policy)
    return {"short": checked.short, "checks": [{"event": None, "coverage": checked.as_dict()}]}


# --- external requests ----------------------------------------------------------------


@router.post("/external-requests", status_code=201, tags=["external requests"])
def register_external_request(body: ExternalRequestIn, rt: Rt, who: External
                              ) -> dict[str, Any]:
    """Register a takedown or data request; political ones come back flagged."""
    return requests.register_request(rt.services, who, **body.model_dump())


@router.get("/external-requests", tags=["external requests"])
def external_requests(
    rt: Rt, who: External, status: str | None = None, political: bool | None = None,
    requester_type: str | None = None, limit: int = 200,
) -> list[dict[str, Any]]:
    return requests.list_requests(rt.services, who, status=status, political=political,
                                  requester_type=requester_type, limit=limit)


@router.get("/external-requests/transparency", tags=["external requests"])
def external_request_counts(
    rt: Rt, _: Reader, since: datetime | None = None, until: datetime | None = None,
    period: str = "month",
) -> dict[str, Any]:
    """Counts for the transparency report: by requester type, decision, kind, period."""
    return requests.transparency(rt.services, since=since, until=until, period=period)


@router.get("/external-requests/{request_id}", tags=["external requests"])
def external_request(request_id: int, rt: Rt, who: External) -> dict[str, Any]:
    return requests.get_request(rt.services, who, request_id)


@router.post("/external-requests/{request_id}/decision", tags=["external requests"])
def decide_external_request(request_id: int, body: DecisionIn, rt: Rt, response: Response,
                            who: External) -> dict[str, Any]:
    """200 when decided; 202 with the approval request while a second person must approve."""
    outcome = requests.decide(rt.services, who, request_id, **body.model_dump())
    if outcome["status"] == "pending":
        response.status_code = 202
    return outcome


@router.get("/political-entities", tags=["external requests"])
def political_entities(rt: Rt, who: External) -> list[dict[str, Any]]:
    return requests.list_political_entities(rt.services, who)


@router.post("/political-entities", status_code=201, tags=["external requests"])
def add_political_entity(body: PoliticalEntityIn, rt: Rt, who: External) -> dict[str, Any]:
    """List a party or candidate: requests from requesters naming it are flagged."""
    return requests.add_political_entity(rt.services, who, body.name, body.kind, body.country)


@router.delete("/political-entities/{entity_id}", tags=["external requests"])
def remove_political_entity(entity_id: int, rt: Rt, who: External) -> dict[str, Any]:
    return requests.remove_political_entity(rt.services, who, entity_id)


@router.get("/personal-data-exports/{export_id}", tags=["external requests"])
def personal_data_export(
    export_id: int, rt: Rt, who: Annotated[Actor, Depends(require(P.PERSONAL_DATA_READ))]
) -> dict[str, Any]:
    """An export with its document; the read is audited."""
    return personal_data.read_export(rt.services, who, export_id)
