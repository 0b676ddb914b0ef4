"""The /api/v1 routes: thin — parse, call one service, answer."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Response, status
from pydantic import TypeAdapter
from typing_extensions import TypedDict

from townsquare.api.auth import require, runtime
from townsquare.api.runtime import Runtime
from townsquare.api.schemas import (
    AccountIn,
    ActionIn,
    FollowIn,
    LabelIn,
    LabelOut,
    PolicyShadowIn,
    PostIn,
    StatusOut,
    VisibilityIn,
    VisibilityOut,
)
from townsquare.api.schemas_staff import BulkActionIn, outcome_body
from townsquare.moderation.enforcement import RESERVED_LABELS
from townsquare.moderation.model import ModerationError, Verdict
from townsquare.moderation.verdicts import CompiledPolicy, shadow_diff
from townsquare.policy_files import parse_policy_text
from townsquare.services import audit, content, labels
from townsquare.services.enforcement import account_status, detector, label_notifier
from townsquare.services.sensitive_actions import submit_action, submit_bulk, submit_label
from townsquare.staff.actor import Actor
from townsquare.staff.permissions import Permission as P

router = APIRouter(prefix="/api/v1")
Rt = Annotated[Runtime, Depends(runtime)]


@router.get("/health", tags=["meta"])
def health(rt: Rt) -> dict[str, Any]:
    """Liveness; no token needed."""
    return {
        "status": "ok",
        "policy": {"name": rt.compiled.policy.name, "version": rt.compiled.policy.version},
    }


@router.post("/accounts", status_code=201, tags=["content"])
def create_account(
    body: AccountIn, rt: Rt, who: Annotated[Actor, Depends(require(P.CONTENT_WRITE))]
) -> dict[str, Any]:
    record = content.create_account(
        rt.app.sessions,
        body.id,
        body.handle,
        high_profile=body.high_profile,
        sensitive_media_opt_in=body.sensitive_media_opt_in,
        actor=who.name,
    )
    rt.cache.refresh()  # read-your-writes on this worker; others poll
    return asdict(record)


@router.post("/posts", status_code=201, tags=["content"])
def create_post(
    body: PostIn, rt: Rt, who: Annotated[Actor, Depends(require(P.CONTENT_WRITE))]
) -> dict[str, Any]:
    record = content.create_post(
        rt.app.sessions,
        rt.compiled,
        body.id,
        body.author_id,
        body.text,
        urls=body.urls,
        created_at=body.created_at,
        detector=detector(rt.moderation),
        notify=label_notifier(rt.moderation),
        actor=who.name,
    )
    rt.cache.refresh()  # read-your-writes on this worker; others poll
    return asdict(record)


@router.post("/follows", status_code=201, tags=["content"])
def create_follow(
    body: FollowIn, rt: Rt, who: Annotated[Actor, Depends(require(P.CONTENT_WRITE))]
) -> dict[str, Any]:
    record = content.create_follow(rt.app.sessions, body.follower_id, body.followee_id,
                                   actor=who.name)
    rt.cache.refresh()  # read-your-writes on this worker; others poll
    return asdict(record)


@router.post("/labels", status_code=201, tags=["labels"],
             responses={201: {"model": LabelOut}})
def add_label(
    body: LabelIn, rt: Rt, response: Response,
    who: Annotated[Actor, Depends(require(P.LABELS_WRITE))],
) -> Any:
    """Label a post or account. On a high-profile account (or its post) this answers 202
    with the approval request a second person must approve."""
    if body.label in RESERVED_LABELS:  # else a label would skip the action's strike, notice, role
        raise ModerationError(
            f"label {body.label!r} is applied by the "
            f"{RESERVED_LABELS[body.label]} action: POST /api/v1/actions"
        )
    outcome = submit_label(rt.services, who, body.model_dump(mode="json"))
    if outcome.status == "pending":
        response.status_code = 202
        return outcome_body("pending", request=outcome.request)
    return outcome.result


@router.delete("/labels/{label_id}", response_model=LabelOut, tags=["labels"])
def remove_label(
    label_id: int, rt: Rt, who: Annotated[Actor, Depends(require(P.LABELS_WRITE))]
) -> Any:
    """Remove a label (the author is told). Lifting a suspension, lock or removal undoes an
    enforcement action, so it needs the severe-actions permission."""
    with rt.app.sessions() as session:
        current = labels.get_label(session, label_id)
    who.check(P.LABELS_WRITE, policy=current.policy)
    if current.label in RESERVED_LABELS and not who.may(P.ACTIONS_SEVERE):
        raise HTTPException(
            status.HTTP_403_FORBIDDEN,
            f"lifting {current.label!r} needs the permission {P.ACTIONS_SEVERE.value!r}",
        )
    record = labels.remove_label(
        rt.app.sessions, label_id, who.name, notify=label_notifier(rt.moderation)
    )
    rt.cache.refresh()  # read-your-writes on this worker; others poll
    return asdict(record)


@router.post("/actions", status_code=201, tags=["enforcement"])
def create_action(
    body: ActionIn, rt: Rt, response: Response,
    who: Annotated[Actor, Depends(require(P.ACTIONS_WRITE))],
) -> dict[str, Any]:
    """Enforcement: warn, label, limit_reach, remove_post, block_url, read_only, suspend,
    permanent_suspension. Strikes and the escalation ladder apply; the author gets notices.
    A permanent suspension or an action on a high-profile account answers 202 with the
    approval request a second person must approve (POST /api/v1/approvals/{id}/approve)."""
    outcome = submit_action(rt.services, who, body.model_dump())
    if outcome.status == "pending":
        response.status_code = 202
        return outcome_body("pending", request=outcome.request)
    return outcome.result or {}


@router.post("/actions/bulk", status_code=202, tags=["enforcement"])
def create_bulk_action(
    body: BulkActionIn, rt: Rt, response: Response,
    who: Annotated[Actor, Depends(require(P.ACTIONS_WRITE))],
) -> dict[str, Any]:
    """Many actions at once; a two-person operation by default (202 with the request)."""
    outcome = submit_bulk(rt.services, who, [a.model_dump() for a in body.actions],
                          body.reason)
    if outcome.status == "applied":
        response.status_code = 201
    return outcome_body(outcome.status, outcome.result, outcome.request)


class _VisibilityBody(TypedDict):
    surface: str
    verdicts: list[Verdict]


# One pydantic pass straight to JSON: converting each verdict to a dict and then
# validating the response model cost ten times the evaluation itself.
_VISIBILITY_JSON = TypeAdapter(_VisibilityBody)


@router.post("/visibility", response_model=VisibilityOut, tags=["visibility"])
def visibility(
    body: VisibilityIn, rt: Rt, _: Annotated[Actor, Depends(require(P.VISIBILITY_READ))]
) -> Response:
    """Verdicts for up to 1,000 items on one surface for one viewer (null: logged out)."""
    verdicts = rt.visibility.verdicts(
        body.surface, body.viewer_id, body.item_ids, body.viewer_flags
    )
    payload = _VISIBILITY_JSON.dump_json({"surface": body.surface, "verdicts": verdicts})
    return Response(payload, media_type="application/json")


@router.post("/visibility/floor", include_in_schema=False)
def visibility_floor(
    body: VisibilityIn, rt: Rt, _: Annotated[Actor, Depends(require(P.VISIBILITY_READ))]
) -> Response:
    """Benchmark floor: the same payload shape, without evaluating anything."""
    verdicts = [
        {"item_id": i, "action": "allow", "actions": ["allow"], "reasons": []}
        for i in body.item_ids
    ]
    return Response(
        VisibilityOut.model_validate(
            {"surface": body.surface, "verdicts": verdicts}
        ).model_dump_json(),
        media_type="application/json",
    )


@router.get("/accounts/{account_id}/status", response_model=StatusOut, tags=["status"])
def status_of(
    account_id: str, rt: Rt, who: Annotated[Actor, Depends(require(P.STATUS_READ))]
) -> Any:
    """Every active limit on the account and its posts, every notice, and strikes."""
    status_ = account_status(rt.moderation, account_id)
    if who.kind != "service":  # staff looking at a user's record; the platform is not audited
        with rt.app.sessions.begin() as session:
            audit.record(session, who, "read.status", "account", account_id)
    return status_


@router.get("/policy", tags=["policy"])
def current_policy(rt: Rt, _: Annotated[Actor, Depends(require(P.POLICY_READ))]) -> Any:
    p = rt.compiled.policy
    return {
        "name": p.name,
        "version": p.version,
        "viewer_flags": list(p.viewer_flags),
        "labels": {
            name: {
                "subjects": sorted(d.subjects),
                "appealable": d.appealable,
                "description": d.description,
                "surfaces_limited": rt.compiled.surfaces_limited(name),
            }
            for name, d in p.labels.items()
        },
    }


@router.post("/policy/shadow", tags=["policy"])
def shadow(
    body: PolicyShadowIn, rt: Rt, _: Annotated[Actor, Depends(require(P.POLICY_READ))]
) -> dict[str, Any]:
    """Evaluate a candidate policy beside the live one: every verdict cell that would change."""
    candidate = CompiledPolicy(parse_policy_text(body.policy, "yaml", "candidate"))
    changes = shadow_diff(rt.compiled, candidate)
    return {
        "live_version": rt.compiled.policy.version,
        "candidate_version": candidate.policy.version,
        "changes": changes,
        "changed_cells": len(changes),
    }
