"""External requests on SQLite and PostgreSQL: registration (political ones flagged),
decisions with the two-person rule where it applies, takedowns applied as enforcement
actions, data requests exported, and the transparency counts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select
from tests.integration import test_policy_versions as versions
from tests.integration.test_policy_versions import staff

from townsquare.bootstrap import App
from townsquare.moderation.model import ModerationError
from townsquare.services import approvals, content, labels
from townsquare.services import external_requests as requests
from townsquare.services.context import Services
from townsquare.services.errors import ConflictError, ForbiddenError, NotFoundError
from townsquare.services.personal_data import read_export
from townsquare.store.audit_tables import AuditEvent
from townsquare.store.civic_tables import ExternalRequest, PersonalDataExport
from townsquare.store.moderation_tables import EnforcementAction
from townsquare.store.tables import utcnow

app, services = versions.app, versions.services  # the same fixtures
POL, POL2 = staff("pat", "policy", 1), staff("quinn", "policy", 2)
SENIOR = staff("sam", "senior_moderator", 3)


@pytest.fixture
def platform(app: App, services: Services) -> App:
    content.create_account(app.sessions, "alice", "alice")
    content.create_account(app.sessions, "vip", "vip", high_profile=True)
    for post, author in (("p1", "alice"), ("p2", "alice"), ("v1", "vip")):
        content.create_post(app.sessions, services.moderation.compiled, post, author, "hi")
    labels.add_label(app.sessions, services.moderation.compiled, "post", "p2", "spam", "spam")
    return app


def takedown(services: Services, **over: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "kind": "takedown", "requester_name": "Ministry of Interior",
        "requester_type": "government", "country": "fr", "legal_basis": "Art. 6-1 LCEN",
        "subject_type": "post", "subject_id": "p1", "requested_action": "remove_post",
        **over}
    return requests.register_request(services, POL, **fields)


def stored(app: App, table: type) -> int:
    with app.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(table)) or 0)


def audited(app: App, prefix: str) -> list[str]:
    with app.sessions() as session:
        return list(session.scalars(select(AuditEvent.action).where(
            AuditEvent.action.like(f"{prefix}%")).order_by(AuditEvent.seq)))


def test_campaigns_and_listed_parties_are_flagged_political(
    platform: App, services: Services
) -> None:
    plain = takedown(services)
    campaign = takedown(services, requester_name="Doe 2028", requester_type="political_campaign")
    assert (plain["political"], plain["country"], plain["status"]) == (False, "FR", "open")
    assert campaign["political"] and "political campaign" in campaign["political_reason"]

    lawyer = takedown(services, requester_name="Counsel for Jane  DOE", requester_type="other")
    assert not lawyer["political"]
    listed = requests.add_political_entity(services, POL, "Jane Doe", "candidate", "fr")
    assert listed["flagged_requests"] == [lawyer["id"]]  # flagged once she is listed
    later = takedown(services, requester_name="Friends of jane-doe", requester_type="other")
    assert later["political_reason"] == "the requester names the listed candidate 'jane doe'"
    with pytest.raises(ConflictError):
        requests.add_political_entity(services, POL, "JANE DOE", "candidate")

    flagged = requests.list_requests(services, POL, political=True)
    assert [r["id"] for r in flagged] == [later["id"], lawyer["id"], campaign["id"]]
    assert audited(platform, "read.") == ["read.external_requests"]


@pytest.mark.parametrize(
    ("over", "error", "message"),
    [
        ({"country": "France"}, ModerationError, "country"),
        ({"requester_type": "alien"}, ModerationError, "requester_type"),
        ({"requested_action": "permanent_suspension"}, ModerationError, "requested_action"),
        ({"subject_type": "account", "subject_id": "alice"}, ModerationError, "remove_post"),
        ({"subject_id": "nope"}, NotFoundError, "no post"),
        ({"received_at": utcnow() + timedelta(days=1)}, ModerationError, "future"),
        ({"received_at": datetime(2026, 1, 1)}, ModerationError, "timezone"),
        ({"legal_basis": " "}, ModerationError, "legal_basis"),
        ({"kind": "data", "requested_action": "remove_post"}, ModerationError, "export"),
    ],
    ids=["country", "type", "action", "action-subject", "unknown-subject", "future", "naive",
         "no-basis", "data-action"],
)
def test_bad_registrations_are_refused_and_nothing_is_stored(
    platform: App, services: Services, over: dict[str, Any], error: type[Exception],
    message: str,
) -> None:
    with pytest.raises(error, match=message):
        takedown(services, **over)
    assert stored(platform, ExternalRequest) == 0
    assert audited(platform, "external_request") == []


def test_complying_with_a_takedown_applies_the_action_and_a_rejection_does_nothing(
    platform: App, services: Services
) -> None:
    first, second = takedown(services), takedown(services, subject_id="p2",
                                                   requested_action="limit_reach")
    done = requests.decide(services, POL, first["id"], decision="comply",
                           rationale="manifestly illegal under French law")
    assert done["status"] == "decided"
    decided = done["request"]
    assert (decided["decision"], decided["decided_by"], decided["status"]) == (
        "comply", "pat", "decided")
    with platform.sessions() as session:
        action = session.get(EnforcementAction, decided["action_id"])
        assert action is not None
        assert (action.kind, action.subject_id, action.policy) == ("remove_post", "p1",
                                                                   "legal_request")

    rejected = requests.decide(services, POL, second["id"], decision="reject",
                               rationale="lawful speech")["request"]
    assert (rejected["decision"], rejected["action_id"]) == ("reject", None)
    assert stored(platform, EnforcementAction) == 1
    with pytest.raises(ConflictError, match="decided"):
        requests.decide(services, POL, second["id"], decision="comply", rationale="changed")
    assert audited(platform, "external_request.decide") == ["external_request.decide"] * 2


@pytest.mark.parametrize(
    ("decision", "extra", "message"),
    [("comply", {"action": "limit_reach"}, "partial"), ("partial", {}, "lesser"),
     ("reject", {"action": "limit_reach"}, "rejection"), ("maybe", {}, "decision"),
     ("comply", {"sections": ["posts"]}, "data requests")],
)
def test_bad_decisions_are_refused(
    platform: App, services: Services, decision: str, extra: dict[str, Any], message: str
) -> None:
    request = takedown(services)
    with pytest.raises(ModerationError, match=message):
        requests.decide(services, POL, request["id"], decision=decision, rationale="r",
                        **extra)
    assert requests.get_request(services, POL, request["id"])["status"] == "open"
    assert stored(platform, EnforcementAction) == 0


def test_a_political_takedown_needs_a_second_person_to_comply(
    platform: App, services: Services
) -> None:
    request = takedown(services, requester_name="Doe 2028", requester_type="political_campaign",
                       requested_action="limit_reach")
    pending = requests.decide(services, POL, request["id"], decision="comply",
                              rationale="coordinated inauthentic behaviour")
    assert pending["status"] == "pending"
    approval_id = pending["approval_request"]["id"]
    assert requests.get_request(services, POL, request["id"])["status"] == "pending_approval"
    assert stored(platform, EnforcementAction) == 0
    with pytest.raises(ConflictError):  # no second decision while one waits
        requests.decide(services, POL2, request["id"], decision="reject", rationale="no")

    with pytest.raises(ForbiddenError, match="second person"):
        approvals.approve(services, POL, approval_id)
    with pytest.raises(ForbiddenError):  # a senior moderator lacks external.requests
        approvals.approve(services, SENIOR, approval_id)
    assert stored(platform, EnforcementAction) == 0

    approvals.approve(services, POL2, approval_id)
    decided = requests.get_request(services, POL, request["id"])
    assert (decided["status"], decided["decided_by"], decided["approved_by"]) == (
        "decided", "pat", "quinn")
    assert decided["action_id"] is not None and stored(platform, EnforcementAction) == 1


def test_a_rejected_approval_reopens_the_request(platform: App, services: Services) -> None:
    request = takedown(services, requester_type="political_campaign")
    pending = requests.decide(services, POL, request["id"], decision="comply", rationale="r")
    approvals.reject(services, POL2, pending["approval_request"]["id"], "not convinced")
    assert requests.get_request(services, POL, request["id"])["status"] == "open"
    done = requests.decide(services, POL, request["id"], decision="reject", rationale="fine")
    assert done["request"]["decision"] == "reject"


def test_complying_with_a_data_request_exports_the_account_after_a_second_person(
    platform: App, services: Services
) -> None:
    request = takedown(services, kind="data", requested_action=None, subject_type="account",
                       subject_id="alice", requester_type="law_enforcement",
                       requester_name="Police nationale")
    pending = requests.decide(services, POL, request["id"], decision="comply",
                              rationale="valid judicial requisition")
    approval_id = pending["approval_request"]["id"]
    with pytest.raises(ForbiddenError, match=r"personal_data\.read"):
        approvals.approve(services, POL2, approval_id)
    assert stored(platform, PersonalDataExport) == 0
    approvals.approve(services, SENIOR, approval_id)

    decided = requests.get_request(services, POL, request["id"])
    assert decided["export_id"] is not None and decided["approved_by"] == "sam"
    with pytest.raises(ForbiddenError):
        read_export(services, POL, decided["export_id"])
    export = read_export(services, SENIOR, decided["export_id"])
    document = export["document"]
    assert document["account"]["id"] == "alice"
    assert [p["id"] for p in document["posts"]] == ["p1", "p2"]
    assert [(lab["subject_id"], lab["label"]) for lab in document["labels"]] == [("p2", "spam")]
    assert {"actions", "notices"} <= set(document)
    assert audited(platform, "personal_data") == ["personal_data.export"]
    assert audited(platform, "read.personal_data") == ["read.personal_data_export"]


def test_partial_compliance_exports_only_the_sections_named(
    platform: App, services: Services
) -> None:
    request = takedown(services, kind="data", requested_action=None, subject_type="post",
                       subject_id="p1")
    pending = requests.decide(services, POL, request["id"], decision="partial",
                              rationale="posts only", sections=["posts"])
    approvals.approve(services, SENIOR, pending["approval_request"]["id"])
    export_id = requests.get_request(services, POL, request["id"])["export_id"]
    document = read_export(services, SENIOR, export_id)["document"]
    assert (document["account"]["id"], "posts" in document, "labels" in document) == (
        "alice", True, False)


def test_takedowns_on_high_profile_accounts_need_the_severe_permission(
    platform: App, services: Services
) -> None:
    request = takedown(services, subject_id="v1")
    with pytest.raises(ForbiddenError, match=r"actions\.severe"):
        requests.decide(services, POL, request["id"], decision="comply", rationale="r")
    done = requests.decide(services, staff("ada", "admin", 9), request["id"],
                           decision="comply", rationale="court order")
    assert done["request"]["action_id"] is not None


def test_transparency_counts_by_requester_type_decision_and_period(
    platform: App, services: Services
) -> None:
    autumn = datetime(2026, 10, 5, tzinfo=UTC)
    winter = datetime(2026, 11, 5, tzinfo=UTC)
    a = takedown(services, received_at=autumn)
    takedown(services, received_at=winter, requester_type="court", requester_name="TJ Paris")
    c = takedown(services, received_at=winter, requester_type="political_campaign")
    requests.decide(services, POL, a["id"], decision="reject", rationale="lawful")
    requests.decide(services, POL, c["id"], decision="reject", rationale="lawful")

    report = requests.transparency(services, period="month")
    assert (report["total"], report["political"]) == (3, 1)
    assert report["by_requester_type"] == {"government": 1, "political_campaign": 1,
                                           "court": 1}
    assert report["by_decision"] == {"reject": 2, "pending": 1}
    assert report["by_period"] == [
        {"period": "2026-10", "received": 1, "reject": 1},
        {"period": "2026-11", "received": 2, "reject": 1, "pending": 1}]
    since = requests.transparency(services, since=winter, period="quarter")
    assert [p["period"] for p in since["by_period"]] == ["2026-Q4"] and since["total"] == 2


def test_two_people_deciding_the_same_request_at_once_apply_it_once(
    platform: App, services: Services
) -> None:
    from concurrent.futures import ThreadPoolExecutor

    request = takedown(services)
    deciders = [staff("pat", "policy", 1), staff("quinn", "policy", 2)]

    def attempt(who: Any) -> str:
        try:
            requests.decide(services, who, request["id"], decision="comply", rationale="law")
        except ConflictError:
            return "refused"
        return "decided"

    with ThreadPoolExecutor(2) as pool:
        outcomes = sorted(pool.map(attempt, deciders))
    assert outcomes == ["decided", "refused"]
    assert stored(platform, EnforcementAction) == 1
    assert audited(platform, "external_request.decide") == ["external_request.decide"]
