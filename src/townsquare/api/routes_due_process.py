"""Appeals, reinstatement and the moderation council under /api/v1: thin routes over the
services in townsquare.services.appeals, .reinstatement and .council."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Response
from pydantic import Field

from townsquare.api.auth import require, runtime
from townsquare.api.runtime import Runtime
from townsquare.api.schemas import Id, Strict
from townsquare.services import appeals, council, reinstatement
from townsquare.staff.actor import Actor
from townsquare.staff.permissions import Permission as P

router = APIRouter(prefix="/api/v1")
Rt = Annotated[Runtime, Depends(runtime)]
Anyone = Annotated[Actor, Depends(require(None))]  # the service checks what is needed
Platform = Annotated[Actor, Depends(require(P.CONTENT_WRITE))]
Reader = Annotated[Actor, Depends(require(P.STATUS_READ))]
Text = Field(min_length=1, max_length=5_000)


class AppealIn(Strict):
    target_type: Literal["action", "label"]
    target_id: int = Field(ge=1)
    account_id: str = Id
    statement: str = Field(min_length=1, max_length=5_000,
                           description="The account holder's own words.")


class AppealDecisionIn(Strict):
    outcome: Literal["upheld", "denied"] = Field(
        description="upheld: the author wins and the action is undone; denied: it stays.")
    rationale: str = Text


class ReinstatementIn(Strict):
    account_id: str = Id
    statement: str = Text


class ReinstatementDecisionIn(Strict):
    decision: Literal["grant", "refuse"]
    rationale: str = Text


class MemberIn(Strict):
    name: str = Field(min_length=1, max_length=128)


class ProposalIn(Strict):
    kind: Literal["policy_change", "escalated_case", "other"]
    title: str = Field(min_length=1, max_length=200)
    body: str = Field(min_length=1, max_length=20_000)
    policy_text: str | None = Field(default=None, max_length=200_000)
    subject_type: Literal["report", "action", "appeal"] | None = None
    subject_id: str | None = Field(default=None, max_length=128)
    deadline: datetime | None = None


class VoteIn(Strict):
    choice: Literal["for", "against", "abstain"]
    reason: str = Text


# --- appeals ----------------------------------------------------------------------------


@router.post("/appeals", status_code=201, tags=["appeals"])
def file_appeal(body: AppealIn, rt: Rt, who: Platform) -> dict[str, Any]:
    """The platform files an author's appeal against an action or a label (409 when it was
    appealed already, 422 past the window or when the policy makes it final)."""
    return appeals.file_appeal(rt.services, who, body.target_type, body.target_id,
                               body.account_id, body.statement)


@router.get("/appeals", tags=["appeals"])
def list_appeals(
    rt: Rt, who: Annotated[Actor, Depends(require(P.APPEALS_DECIDE))],
    status: Literal["open", "upheld", "denied"] | None = None, account_id: str | None = None,
) -> list[dict[str, Any]]:
    return appeals.list_appeals(rt.services, who, status=status, account_id=account_id)


@router.get("/appeals/{appeal_id}", tags=["appeals"])
def get_appeal(appeal_id: int, rt: Rt,
               who: Annotated[Actor, Depends(require(P.APPEALS_DECIDE))]) -> dict[str, Any]:
    return appeals.get_appeal(rt.services, who, appeal_id)


@router.post("/appeals/{appeal_id}/decide", tags=["appeals"])
def decide_appeal(appeal_id: int, body: AppealDecisionIn, rt: Rt,
                  who: Annotated[Actor, Depends(require(P.APPEALS_DECIDE))]
                  ) -> dict[str, Any]:
    """Uphold (undo the action, its strike and escalations) or deny; 403 for the person who
    took the action."""
    return appeals.decide_appeal(rt.services, who, appeal_id, body.outcome, body.rationale)


# --- reinstatement ----------------------------------------------------------------------


@router.post("/reinstatements", status_code=201, tags=["reinstatement"])
def request_reinstatement(body: ReinstatementIn, rt: Rt, who: Platform) -> dict[str, Any]:
    """A suspended account asks to return; 422 with the date before the waiting period
    ends, or with the reason under a never-eligible policy."""
    return reinstatement.request_reinstatement(rt.services, who, body.account_id,
                                               body.statement)


@router.get("/reinstatements/decisions", tags=["reinstatement"])
def reinstatement_decisions(rt: Rt, _: Reader) -> list[dict[str, Any]]:
    """Published decisions with their rationales (no statements, no staff names)."""
    return reinstatement.list_decisions(rt.services)


@router.get("/reinstatements", tags=["reinstatement"])
def list_reinstatements(
    rt: Rt, who: Annotated[Actor, Depends(require(P.REINSTATEMENT_DECIDE))],
    status: Literal["review", "council", "approval", "granted", "refused"] | None = None,
) -> list[dict[str, Any]]:
    return reinstatement.list_requests(rt.services, who, status)


@router.get("/reinstatements/{request_id}", tags=["reinstatement"])
def get_reinstatement(request_id: int, rt: Rt,
                      who: Annotated[Actor, Depends(require(P.REINSTATEMENT_DECIDE))]
                      ) -> dict[str, Any]:
    """One request with the account holder's statement (an audited read)."""
    return reinstatement.get_request(rt.services, who, request_id)


@router.post("/reinstatements/{request_id}/decide", tags=["reinstatement"])
def decide_reinstatement(
    request_id: int, body: ReinstatementDecisionIn, rt: Rt, response: Response,
    who: Annotated[Actor, Depends(require(P.REINSTATEMENT_DECIDE))],
) -> dict[str, Any]:
    """Refuse now, or grant: 202 with the approval request a second senior moderator must
    approve (POST /api/v1/approvals/{id}/approve)."""
    answer = reinstatement.decide(rt.services, who, request_id, body.decision, body.rationale)
    if answer["status"] == "pending":
        response.status_code = 202
    return answer


# --- council ----------------------------------------------------------------------------


@router.get("/council/members", tags=["council"])
def council_members(rt: Rt, _: Reader, include_past: bool = False) -> list[dict[str, Any]]:
    return council.list_members(rt.services, include_past)


@router.post("/council/members", status_code=201, tags=["council"])
def add_council_member(body: MemberIn, rt: Rt,
                       who: Annotated[Actor, Depends(require(P.COUNCIL_ADMIN))]
                       ) -> dict[str, Any]:
    """Seat a staff member (username) or an identity (token name) on the council."""
    return council.add_member(rt.services, who, body.name)


@router.delete("/council/members/{name}", tags=["council"])
def remove_council_member(name: str, rt: Rt,
                          who: Annotated[Actor, Depends(require(P.COUNCIL_ADMIN))]
                          ) -> dict[str, Any]:
    return council.remove_member(rt.services, who, name)


@router.get("/council/proposals", tags=["council"])
def council_proposals(
    rt: Rt, _: Reader,
    status: Literal["open", "closed", "adopted", "rejected", "no_quorum"] | None = None,
) -> list[dict[str, Any]]:
    """Proposals and published decisions (votes and reasons once voting closed)."""
    return council.list_proposals(rt.services, status)


@router.get("/council/proposals/{proposal_id}", tags=["council"])
def council_proposal(proposal_id: int, rt: Rt, _: Reader) -> dict[str, Any]:
    return council.get_proposal(rt.services, proposal_id)


@router.get("/council/proposals/{proposal_id}/case", tags=["council"])
def council_case(proposal_id: int, rt: Rt,
                 who: Annotated[Actor, Depends(require(P.COUNCIL_VOTE))]) -> dict[str, Any]:
    """For the members voting on a reinstatement proposal: the request and the account
    holder's statement (an audited read)."""
    return reinstatement.case_for_council(rt.services, who, proposal_id)


@router.post("/council/proposals", status_code=201, tags=["council"])
def propose(body: ProposalIn, rt: Rt, who: Anyone) -> dict[str, Any]:
    """Open a proposal: council.admin, or policy.write for a policy change, or
    reports.assign for an escalated case."""
    return council.propose(rt.services, who, body.kind, body.title, body.body,
                           policy_text=body.policy_text, subject_type=body.subject_type,
                           subject_id=body.subject_id, deadline=body.deadline)


@router.post("/council/proposals/{proposal_id}/votes", tags=["council"])
def vote(proposal_id: int, body: VoteIn, rt: Rt,
         who: Annotated[Actor, Depends(require(P.COUNCIL_VOTE))]) -> dict[str, Any]:
    """Cast or change one's vote with its reason (members of the proposal's electorate
    only); the proposal closes once everyone has voted."""
    return council.vote(rt.services, who, proposal_id, body.choice, body.reason)


@router.post("/council/proposals/{proposal_id}/close", tags=["council"])
def close_proposal(proposal_id: int, rt: Rt,
                   who: Annotated[Actor, Depends(require(P.COUNCIL_ADMIN))]
                   ) -> dict[str, Any]:
    return council.close(rt.services, who, proposal_id)
