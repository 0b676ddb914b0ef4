"""The council as use cases on SQLite and PostgreSQL: members, proposals, votes with reasons,
quorum and majority, closing (everyone voted, deadline, council.admin), published decisions."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import timedelta
from importlib import resources
from pathlib import Path

import pytest
from sqlalchemy import func, select

from townsquare.bootstrap import App, open_app
from townsquare.moderation.model import ModerationError
from townsquare.services import council
from townsquare.services.context import Services, build_services
from townsquare.services.errors import ConflictError, ForbiddenError, NotFoundError
from townsquare.services.tokens import create_token
from townsquare.settings import load_settings
from townsquare.staff.actor import Actor, Grant
from townsquare.staff.permissions import permissions_of
from townsquare.store.audit_tables import AuditEvent
from townsquare.store.due_process_tables import CouncilProposal
from townsquare.store.tables import utcnow

POLICY = resources.files("townsquare.moderation").joinpath(
    "policies", "default.yaml").read_text("utf-8")


def actor(name: str, role: str) -> Actor:
    return Actor(name, "service", (Grant(role, permissions_of(role)),))


CHAIR = actor("chair", "admin")
ANA, BO, CY = actor("ana", "council"), actor("bo", "council"), actor("cy", "council")


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
    for name in ("ana", "bo", "cy", "dee"):
        create_token(app.sessions, name, "council")
    services = build_services(app)
    for name in ("ana", "bo", "cy"):
        council.add_member(services, CHAIR, name)
    return services


def proposals(services: Services) -> int:
    with services.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(CouncilProposal)) or 0)


def other(services: Services, title: str = "Publish moderator guidelines?") -> int:
    made = council.propose(services, CHAIR, "other", title, "Should we publish them in full?")
    return int(made["id"])


def test_membership_is_managed_by_council_admins_and_names_real_identities(
    services: Services,
) -> None:
    assert [m["name"] for m in council.list_members(services)] == ["ana", "bo", "cy"]
    with pytest.raises(ForbiddenError, match=r"council\.admin"):
        council.add_member(services, ANA, "dee")
    with pytest.raises(NotFoundError, match="no staff member or token named 'zed'"):
        council.add_member(services, CHAIR, "zed")
    with pytest.raises(ConflictError, match="already a council member"):
        council.add_member(services, CHAIR, "ana")
    council.remove_member(services, CHAIR, "cy")
    assert [m["name"] for m in council.list_members(services)] == ["ana", "bo"]
    assert [m["name"] for m in council.list_members(services, include_past=True)] == [
        "ana", "bo", "cy"]
    with pytest.raises(NotFoundError, match="not a council member"):
        council.remove_member(services, CHAIR, "cy")


def test_a_proposal_closes_when_everyone_voted_and_publishes_tally_and_reasons(
    services: Services,
) -> None:
    pid = other(services)
    council.vote(services, ANA, pid, "against", "Too early.")
    open_view = council.vote(services, ANA, pid, "for", "Changed my mind: transparency.")
    assert open_view["status"] == "open" and open_view["votes"] is None
    assert open_view["voted"] == ["ana"]
    council.vote(services, BO, pid, "abstain", "Conflict of interest.")
    done = council.vote(services, CY, pid, "against", "Guidelines help evaders.")
    assert done["status"] == "rejected" and done["closed_by"] == "council"
    assert done["tally"] == {"for": 1, "against": 1, "abstain": 1, "cast": 3, "electorate": 3,
                             "quorum": 2, "outcome": "rejected"}
    assert "- ana (for): Changed my mind: transparency." in done["decision"]
    assert [v["member"] for v in done["votes"]] == ["ana", "bo", "cy"]
    with pytest.raises(ConflictError, match="closed"):
        council.vote(services, ANA, pid, "for", "again")
    with services.sessions() as session:
        logged = list(session.scalars(select(AuditEvent.action).where(
            AuditEvent.subject_type == "council_proposal", AuditEvent.subject_id == str(pid))))
    assert logged == ["council.propose", "council.vote", "council.vote", "council.vote",
                      "council.vote", "council.close"]


def test_only_the_electorate_votes_and_every_vote_has_a_reason(services: Services) -> None:
    pid = other(services)
    council.add_member(services, CHAIR, "dee")  # seated after the proposal opened
    for outsider in (actor("dee", "council"), actor("eve", "council"), CHAIR):
        with pytest.raises(ForbiddenError, match="not a council member voting on"):
            council.vote(services, outsider, pid, "for", "I want in.")
    with pytest.raises(ForbiddenError, match=r"council\.vote"):
        council.vote(services, actor("ana", "moderator"), pid, "for", "x")
    with pytest.raises(ModerationError, match="states its reason"):
        council.vote(services, ANA, pid, "for", " ")
    with pytest.raises(NotFoundError, match="no council proposal #99"):
        council.vote(services, ANA, 99, "for", "x")
    council.remove_member(services, CHAIR, "bo")
    with pytest.raises(ForbiddenError):
        council.vote(services, BO, pid, "for", "still here?")
    assert council.get_proposal(services, pid)["voted"] == []


def test_the_deadline_or_an_admin_closes_voting(services: Services) -> None:
    late = other(services, "Late one?")
    council.vote(services, ANA, late, "for", "Yes.")
    assert council.close_due(services, utcnow() + timedelta(days=8)) == [late]
    closed = council.get_proposal(services, late)
    assert (closed["status"], closed["closed_by"]) == ("no_quorum", "deadline")
    assert closed["decision"].startswith("Not decided: quorum not reached")
    early = other(services, "Early one?")
    council.vote(services, ANA, early, "for", "Yes.")
    council.vote(services, BO, early, "for", "Agreed.")
    with pytest.raises(ForbiddenError):
        council.close(services, ANA, early)
    closed = council.close(services, CHAIR, early)
    assert (closed["status"], closed["closed_by"]) == ("adopted", "chair")
    assert [p["id"] for p in council.list_proposals(services, "closed")] == [early, late]


def test_policy_changes_carry_a_valid_policy_and_cases_name_their_subject(
    services: Services,
) -> None:
    with pytest.raises(ModerationError, match="policy_text"):
        council.propose(services, CHAIR, "policy_change", "Tighten", "Why", policy_text=None)
    with pytest.raises(ModerationError, match="policy_text"):
        council.propose(services, CHAIR, "policy_change", "Tighten", "Why",
                        policy_text="version: 0\n")
    with pytest.raises(ModerationError, match="subject_type"):
        council.propose(services, CHAIR, "escalated_case", "Case", "Why", subject_type="post",
                        subject_id="p1")
    with pytest.raises(ModerationError, match="opened by the reinstatement requests"):
        council.propose(services, CHAIR, "reinstatement", "Back?", "Why")
    with pytest.raises(ForbiddenError):
        council.propose(services, actor("mo", "moderator"), "escalated_case", "Case", "Why",
                        subject_type="report", subject_id="7")
    assert proposals(services) == 0
    policy = council.propose(services, actor("pat", "policy"), "policy_change",
                             "Civic labels stricter", "Elections are near.", policy_text=POLICY)
    case = council.propose(services, actor("sam", "senior_moderator"), "escalated_case",
                           "Threat or satire?", "We disagree.", subject_type="report",
                           subject_id="7")
    assert policy["electorate"] == ["ana", "bo", "cy"] and policy["policy_text"] == POLICY
    assert (case["subject_type"], case["subject_id"]) == ("report", "7")


def test_an_empty_council_cannot_be_asked(services: Services) -> None:
    for name in ("ana", "bo", "cy"):
        council.remove_member(services, CHAIR, name)
    with pytest.raises(ModerationError, match="the council has no members"):
        other(services)
    assert proposals(services) == 0


def test_the_last_two_votes_racing_close_the_proposal_once(services: Services) -> None:
    council.remove_member(services, CHAIR, "cy")
    pid = other(services)
    barrier = threading.Barrier(2)

    def cast(member: Actor) -> None:
        barrier.wait()
        council.vote(services, member, pid, "for", "Agreed.")

    threads = [threading.Thread(target=cast, args=(m,)) for m in (ANA, BO)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    done = council.get_proposal(services, pid)
    assert done["status"] == "adopted" and done["tally"]["cast"] == 2
    with services.sessions() as session:
        closes = session.scalar(select(func.count()).select_from(AuditEvent).where(
            AuditEvent.action == "council.close", AuditEvent.subject_id == str(pid)))
    assert closes == 1
