"""Reinstatement as use cases on SQLite and PostgreSQL: waiting periods and never-eligible
policies, senior review with a second person's approval, the council for high-profile
accounts, published decisions."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from townsquare.bootstrap import App, open_app
from townsquare.moderation.model import ModerationError
from townsquare.services import approvals, content, council, reinstatement
from townsquare.services.context import Services, build_services
from townsquare.services.enforcement import account_status, request_from, take_action
from townsquare.services.errors import ConflictError, ForbiddenError, NotFoundError
from townsquare.services.tokens import create_token
from townsquare.settings import load_settings
from townsquare.staff.actor import Actor, Grant
from townsquare.staff.permissions import permissions_of
from townsquare.store.due_process_tables import ReinstatementRequest
from townsquare.store.tables import utcnow


def actor(name: str, role: str) -> Actor:
    return Actor(name, "service", (Grant(role, permissions_of(role)),))


PLATFORM = actor("platform", "service")
SAM, SUE = actor("sam", "senior_moderator"), actor("sue", "senior_moderator")


@pytest.fixture
def app(database_url: str, tmp_path: Path) -> Iterator[App]:
    opened = open_app(load_settings(database_url=database_url, data_dir=tmp_path,
                                    key_file=tmp_path / "key"))
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def services(app: App) -> Services:
    return build_services(app)


def suspend(services: Services, account: str, policy: str = "hateful_conduct", *,
            high_profile: bool = False, days_ago: int = 100) -> datetime:
    """A permanently suspended account; when its suspension began."""
    content.create_account(services.sessions, account, f"{account}_h", high_profile=high_profile)
    when = utcnow() - timedelta(days=days_ago)
    take_action(services.moderation, request_from({
        "kind": "permanent_suspension", "subject_type": "account", "subject_id": account,
        "policy": policy}), "mo", now=when)
    return when


def suspended(services: Services, account: str) -> bool:
    return any(lim["label"] == "suspended"
               for lim in account_status(services.moderation, account)["limits"])


def stored(services: Services) -> int:
    with services.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(ReinstatementRequest)) or 0)


def ask(services: Services, account: str, **kw: Any) -> dict[str, Any]:
    return reinstatement.request_reinstatement(services, PLATFORM, account,
                                               "I understand what I did wrong.", **kw)


def test_a_request_before_the_waiting_period_is_refused_with_the_date(
    services: Services,
) -> None:
    since = suspend(services, "alice", days_ago=10)
    with pytest.raises(ModerationError, match="can ask to be reinstated from") as refused:
        ask(services, "alice")
    assert f"{(since + timedelta(days=90)).year}" in str(refused.value)
    assert "(90 days after its suspension began)" in str(refused.value)
    assert stored(services) == 0
    filed = ask(services, "alice", now=since + timedelta(days=90))
    assert (filed["status"], filed["high_profile"]) == ("review", False)


def test_never_eligible_policies_and_bad_requests_store_nothing(services: Services) -> None:
    suspend(services, "tara", "terrorism", days_ago=4000)
    with pytest.raises(ModerationError, match=r"promote terrorism .* never reinstated"):
        ask(services, "tara")
    content.create_account(services.sessions, "fine", "fine_h")
    with pytest.raises(ModerationError, match="'fine' is not suspended"):
        ask(services, "fine")
    with pytest.raises(NotFoundError, match="no account with id 'ghost'"):
        ask(services, "ghost")
    suspend(services, "alice")
    with pytest.raises(ModerationError, match="statement"):
        reinstatement.request_reinstatement(services, PLATFORM, "alice", "")
    with pytest.raises(ForbiddenError):
        reinstatement.request_reinstatement(services, SAM, "alice", "let me back")
    assert stored(services) == 0
    ask(services, "alice")
    with pytest.raises(ConflictError, match="already open"):
        ask(services, "alice")
    assert stored(services) == 1


def test_a_grant_needs_a_second_senior_moderator_then_lifts_the_suspension(
    services: Services,
) -> None:
    suspend(services, "alice")
    filed = ask(services, "alice")
    decided = reinstatement.decide(services, SAM, filed["id"], "grant",
                                   "Ninety days without incident on other services.")
    assert decided["status"] == "pending" and suspended(services, "alice")
    request_id = decided["approval_request"]["id"]
    with pytest.raises(ForbiddenError, match="needs a second person"):
        approvals.approve(services, SAM, request_id)
    with pytest.raises(ConflictError, match="awaits a second person's approval"):
        reinstatement.decide(services, SUE, filed["id"], "refuse", "No.")
    approved = approvals.approve(services, SUE, request_id, "checked")
    assert approved["status"] == "applied" and not suspended(services, "alice")
    published = reinstatement.list_decisions(services)
    assert [(d["id"], d["status"], d["decided_through"]) for d in published] == [
        (filed["id"], "granted", "review")]
    assert published[0]["rationale"] == "Ninety days without incident on other services."
    assert "statement" not in published[0]
    notices = account_status(services.moderation, "alice")["notices"]
    granted = next(n for n in notices if n["kind"] == "reinstatement_granted")
    assert "a senior moderator, with a second person's approval" in granted["body"]
    shown = account_status(services.moderation, "alice")["reinstatement"]
    assert [(r["id"], r["status"], r["rationale"]) for r in shown] == [
        (filed["id"], "granted", "Ninety days without incident on other services.")]
    with pytest.raises(ConflictError, match="already granted"):
        reinstatement.decide(services, SAM, filed["id"], "refuse", "Too late.")


def test_a_refusal_is_published_and_a_new_request_may_follow(services: Services) -> None:
    suspend(services, "alice")
    filed = ask(services, "alice")
    with pytest.raises(ForbiddenError, match=r"reinstatement\.decide"):
        reinstatement.decide(services, actor("mo", "moderator"), filed["id"], "refuse", "No.")
    done = reinstatement.decide(services, SAM, filed["id"], "refuse",
                                "Threats continued under a new account.")
    assert done["status"] == "refused" and suspended(services, "alice")
    assert reinstatement.list_decisions(services)[0]["rationale"] == (
        "Threats continued under a new account.")
    assert ask(services, "alice")["status"] == "review"


def test_a_high_profile_account_goes_to_the_council_whose_vote_decides(
    services: Services,
) -> None:
    for name in ("ana", "bo", "cy"):
        create_token(services.sessions, name, "council")
        council.add_member(services, actor("chair", "admin"), name)
    suspend(services, "mayor", high_profile=True)
    filed = ask(services, "mayor")
    assert filed["status"] == "council" and filed["proposal_id"] is not None
    with pytest.raises(ConflictError, match="for the council to decide"):
        reinstatement.decide(services, SAM, filed["id"], "grant", "Public interest.")
    # Council members read the statement before voting (an audited read).
    case = reinstatement.case_for_council(services, actor("ana", "council"),
                                          filed["proposal_id"])
    assert case["statement"] == "I understand what I did wrong."
    with pytest.raises(ForbiddenError, match="does not vote on proposal"):
        reinstatement.case_for_council(services, actor("dee", "council"), filed["proposal_id"])
    with pytest.raises(ForbiddenError, match=r"reinstatement\.decide"):
        reinstatement.get_request(services, actor("ana", "council"), filed["id"])
    council.vote(services, actor("ana", "council"), filed["proposal_id"], "for",
                 "Elected officials must be heard.")
    council.vote(services, actor("bo", "council"), filed["proposal_id"], "against",
                 "The incitement was serious.")
    assert suspended(services, "mayor")
    closed = council.vote(services, actor("cy", "council"), filed["proposal_id"], "for",
                          "A year has passed without incident.")
    assert closed["status"] == "adopted" and not suspended(services, "mayor")
    published = reinstatement.list_decisions(services)[0]
    assert (published["status"], published["decided_through"]) == ("granted", "council")
    assert published["rationale"].startswith("Adopted (2 for, 1 against")
    assert "- bo (against): The incitement was serious." in published["rationale"]


def test_a_council_rejection_or_no_quorum_refuses(services: Services) -> None:
    for name in ("ana", "bo"):
        create_token(services.sessions, name, "council")
        council.add_member(services, actor("chair", "admin"), name)
    suspend(services, "mayor", high_profile=True)
    filed = ask(services, "mayor")
    council.close(services, actor("chair", "admin"), filed["proposal_id"])
    decision = reinstatement.list_decisions(services)[0]
    assert decision["status"] == "refused" and suspended(services, "mayor")
    assert "you may file a new request" in decision["rationale"]


def test_after_a_rejected_approval_the_request_can_be_decided_again(
    services: Services,
) -> None:
    suspend(services, "alice")
    filed = ask(services, "alice")
    pending = reinstatement.decide(services, SAM, filed["id"], "grant", "Long enough.")
    approvals.reject(services, SUE, pending["approval_request"]["id"], "not convinced")
    assert suspended(services, "alice")
    again = reinstatement.decide(services, SUE, filed["id"], "refuse", "Not convinced yet.")
    assert again["status"] == "refused" and again["request"]["rationale"] == (
        "Not convinced yet.")
