"""Governance pages of the console over HTTP: approvals, lockdown, council, civic events,
external requests, the audit log, staff and roles — permissions, lockdowns, CSRF, bad
input, and that what the pages do is what the API then shows."""

from __future__ import annotations

from fastapi.routing import APIRoute
from tests.e2e.conftest import Api
from tests.e2e.test_api_staff import make_staff
from tests.e2e.test_console_session import sign_in

from townsquare.web.console import (
    governance,
    governance_audit,
    governance_civic,
    governance_council,
    governance_staff,
)

HTMX = {"HX-Request": "true"}


def form(api: Api, path: str, token: str, **fields: str | list[str]) -> str:
    r = api.client.post(path, data={"csrf": token, **fields})
    assert r.status_code == 200, r.text
    return r.text


def test_a_lockdown_lift_needs_a_second_person_who_approves_it_in_the_console(api: Api
                                                                             ) -> None:
    make_staff(api, "ana", "admin")
    make_staff(api, "ben", "admin")
    token = sign_in(api, "ana")
    page = form(api, "/console/lockdown", token, reason="ownership change",
                permissions=["labels.write", "actions.write"], exempt_teams="civic-integrity")
    assert "Lockdown #1 started (actions.write, labels.write)" in page
    assert "Lockdown in force" in page  # the banner: ana herself is frozen now
    assert api.get("/lockdowns").json()[0]["exempt_teams"] == ["civic-integrity"]
    page = form(api, "/console/lockdown/1/lift", token, reason="sale fell through")
    assert "needs a second person" in page and "approval request #1" in page
    page = api.client.get("/console/approvals").text
    assert "Needs a second person" in page and "Approve #1" not in page  # not her own
    token = sign_in(api, "ben")
    page = api.client.get("/console/approvals").text
    assert "Approve #1" in page and "asked by" in page.lower()
    assert "What approving applies" in page and '"lockdown_id": 1' in page
    r = api.client.post("/console/approvals/1/approve",
                        data={"csrf": token, "note": "confirmed with legal"}, headers=HTMX)
    assert r.status_code == 200 and 'id="gov-body"' in r.text and "<html" not in r.text
    assert "Approved request #1 (lockdown.lift): applied." in r.text
    assert "confirmed with legal" in r.text
    assert api.get("/lockdowns").json() == []
    assert "No lockdown is in force" in api.client.get("/console/lockdown").text


def test_a_frozen_control_is_disabled_with_its_reason_and_refused_anyway(api: Api) -> None:
    make_staff(api, "mia", "moderator")
    make_staff(api, "ana", "admin")
    api.post("/lockdowns", {"reason": "press leak", "permissions": ["approvals.read"]})
    api.post("/lockdowns", {"reason": "vendor audit", "permissions": ["council.admin"]})
    token = sign_in(api, "ana")
    page = api.client.get("/console/council").text
    assert "Seat member</button>" in page and "disabled" in page and "vendor audit" in page
    r = api.client.post("/console/council/members", data={"csrf": token, "name": "mia"})
    assert r.status_code == 403 and "frozen by a lockdown" in r.text
    assert api.get("/council/members").json() == []
    sign_in(api, "mia")
    r = api.client.get("/console/approvals")
    assert r.status_code == 403 and "frozen by a lockdown" in r.text
    page = api.client.get("/console/lockdown").text
    assert "press leak" in page  # everyone sees what is frozen and why
    assert 'disabled aria-disabled="true"' in page
    assert "needs the permission lockdown.manage" in page


def test_lockdown_and_approval_forms_need_csrf_permission_and_good_input(api: Api) -> None:
    make_staff(api, "mia", "moderator")
    make_staff(api, "ana", "admin")
    sign_in(api, "mia")
    r = api.client.post("/console/lockdown", data={"reason": "x"})
    assert r.status_code == 403 and "stale" in r.text
    token = sign_in(api, "mia")
    r = api.client.post("/console/lockdown", data={"csrf": token, "reason": "x"})
    assert r.status_code == 403 and "lockdown.manage" in r.text
    token = sign_in(api, "ana")
    for fields, message in [
        ({"reason": ""}, "reason"),
        ({"reason": "x", "restore_at": "tomorrow"}, "restore_at: a date and time"),
        ({"reason": "x", "restore_at": "2001-01-01T00:00"}, "must be in the future"),
        ({"reason": "x", "permissions": "status.read"}, "never frozen"),
        ({"reason": "x", "permissions": "no.such"}, "no.such"),
    ]:
        r = api.client.post("/console/lockdown", data={"csrf": token, **fields})
        assert r.status_code == 422 and message in r.text, (fields, r.text)
    assert api.get("/lockdowns").json() == []
    r = api.client.post("/console/approvals/99/approve", data={"csrf": token})
    assert r.status_code == 404 and "no approval request #99" in r.text
    r = api.client.post("/console/lockdown/7/lift", data={"csrf": token, "reason": "x"},
                        headers=HTMX)
    assert r.status_code == 404 and r.text.startswith('<p class="error"')


def test_council_members_vote_with_reasons_and_the_decision_is_published(api: Api) -> None:
    for name in ("cai", "dee", "eve"):
        make_staff(api, name, "council")
    make_staff(api, "ana", "admin")
    token = sign_in(api, "ana")
    for name in ("cai", "dee", "eve"):
        form(api, "/console/council/members", token, name=name)
    page = form(api, "/console/council", token, kind="other", title="Ban link shorteners?",
                body="Should shortened links be blocked outright?")
    assert "Proposal #1 is open for voting" in page
    r = api.client.post("/console/council", data={"csrf": token, "kind": "other", "title": "",
                                                  "body": "x"})
    assert r.status_code == 422 and "title" in r.text
    token = sign_in(api, "cai")
    r = api.client.post("/console/council/1/vote", data={"csrf": token, "choice": "for",
                                                         "reason": "  "})
    assert r.status_code == 422 and "reason" in r.text
    page = form(api, "/console/council/1/vote", token, choice="for", reason="spam vector")
    assert "Your vote (for) is recorded." in page and "cai" in page
    assert "spam vector" not in page  # reasons are published when voting closes
    r = api.client.post("/console/council/1/close", data={"csrf": token})
    assert r.status_code == 403 and "council.admin" in r.text
    token = sign_in(api, "ana")
    r = api.client.post("/console/council/1/vote", data={"csrf": token, "choice": "for",
                                                         "reason": "me too"})
    assert r.status_code == 403  # not a council member
    token = sign_in(api, "dee")
    form(api, "/console/council/1/vote", token, choice="against", reason="breaks sharing")
    token = sign_in(api, "ana")
    page = form(api, "/console/council/1/close", token)
    assert "Voting closed: rejected." in page  # 1 for, 1 against: no majority
    assert api.get("/council/proposals/1").json()["status"] == "rejected"
    assert "spam vector" in page and "breaks sharing" in page
    assert "Published decisions" in api.client.get("/console/council").text


def test_the_audit_log_pages_filters_and_shows_the_chain_intact_then_broken(api: Api) -> None:
    make_staff(api, "aud", "auditor")
    make_staff(api, "mia", "moderator")
    for n in range(60):
        api.post("/lockdowns", {"reason": f"drill {n}", "permissions": ["labels.write"]})
    sign_in(api, "mia")
    r = api.client.get("/console/audit")
    assert r.status_code == 403 and "audit.read" in r.text
    sign_in(api, "aud")
    page = api.client.get("/console/audit").text
    assert "Chain verification: intact" in page and "drill 59" in page
    assert "drill 5<" not in page and "Older events" in page
    older = api.client.get("/console/audit?before=10").text
    assert "Chain verification" not in older and 'id="event-9"' in older
    assert 'id="event-10"' not in older
    only = api.client.get("/console/audit", params={"action": "lockdown.start",
                                                    "subject_id": "7"}).text
    assert only.count('<tr id="event-') == 1 and "drill 6" in only
    r = api.client.get("/console/audit", params={"expect_head": "nonsense"})
    assert r.status_code == 422 and "SEQ:HASH" in r.text
    r = api.client.get("/console/audit", params={"before": "0"})
    assert r.status_code == 422
    with api.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE audit_events SET actor = 'nobody' WHERE seq = 20")
    page = api.client.get("/console/audit").text
    assert "Chain verification: BROKEN" in page and "Event #20: edited" in page


def test_staff_admins_create_members_grant_scoped_roles_and_disable_them(api: Api) -> None:
    make_staff(api, "ana", "admin")
    make_staff(api, "mia", "moderator")
    sign_in(api, "mia")
    assert api.client.get("/console/staff").status_code == 403
    token = sign_in(api, "ana")
    page = api.client.get("/console/staff").text
    assert "mia@example.org" in page and "senior_moderator" in page
    assert api.get("/audit/events?action=read.staff").json()["events"][0]["actor"] == "ana"
    page = form(api, "/console/staff", token, username="sol", display_name="Sol",
                email="sol@example.org", password="a long password 1", teams="trust, civic",
                roles=["triage"])
    assert "sol was created." in page
    assert api.get("/staff/sol").json()["teams"] == ["civic", "trust"]
    r = api.client.post("/console/staff", data={"csrf": token, "username": "sol"})
    assert r.status_code == 409 and "already exists" in r.text
    r = api.client.post("/console/staff", data={"csrf": token, "username": "tim",
                                                "password": "short"})
    assert r.status_code == 422 and "12 characters" in r.text
    page = form(api, "/console/staff/sol/grants", token, role="moderator", policies="spam")
    assert "sol now holds moderator." in page and "policies spam" in page
    grants = {g["role"]: g for g in api.get("/staff/sol").json()["grants"]}
    assert grants["moderator"]["policies"] == ["spam"]
    page = form(api, "/console/staff/sol/grants/triage/revoke", token)
    assert "sol no longer holds triage." in page
    r = api.client.post("/console/staff/sol/grants/triage/revoke", data={"csrf": token})
    assert r.status_code == 404
    r = api.client.post("/console/staff/sol/grants", data={"csrf": token, "role": "boss"})
    assert r.status_code == 422 and "boss" in r.text
    page = form(api, "/console/roles", token, name="spam_lead",
                permissions=["labels.write", "reports.read"], description="spam desk")
    assert "Role spam_lead was created (labels.write, reports.read)." in page
    r = api.client.post("/console/roles", data={"csrf": token, "name": "Bad Name",
                                                "permissions": "labels.write"})
    assert r.status_code == 422 and "lowercase" in r.text
    page = form(api, "/console/staff/sol/disable", token, reason="left the company")
    assert "sol is disabled." in page and "Enable sol" in page
    assert api.get("/staff/sol").json()["disabled"] is True
    assert "You cannot disable yourself" in api.client.get("/console/staff/ana").text
    form(api, "/console/staff/sol/enable", token)
    assert api.get("/staff/sol").json()["disabled"] is False


def test_nobody_grants_more_than_they_hold_in_the_console(api: Api) -> None:
    api.created("/roles", {"name": "people", "permissions": ["staff.admin", "status.read"]})
    make_staff(api, "hr", "people")
    make_staff(api, "sol")
    token = sign_in(api, "hr")
    r = api.client.post("/console/staff/sol/grants", data={"csrf": token, "role": "admin"})
    assert r.status_code == 403
    assert api.get("/staff/sol").json()["grants"] == []


def test_civic_setup_shows_who_counts_and_who_a_lockdown_froze(api: Api) -> None:
    from datetime import UTC, datetime, timedelta

    make_staff(api, "cleo", "moderator", teams=["civic-integrity"])
    make_staff(api, "dev", "senior_moderator")
    make_staff(api, "pol", "policy", teams=["civic-integrity"])
    make_staff(api, "tri", "triage")
    soon = datetime.now(UTC) + timedelta(hours=1)
    window = {"name": "Election", "starts_at": soon.strftime("%Y-%m-%dT%H:%M"),
              "ends_at": (soon + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
              "min_staff": "3", "policy_version": "1"}
    token = sign_in(api, "tri")
    r = api.client.post("/console/civic", data={"csrf": token, **window})
    assert r.status_code == 403 and "civic.manage" in r.text
    assert "Coverage:" not in api.client.get("/console/civic").text  # not for triage
    token = sign_in(api, "pol")
    for bad, message in [({"starts_at": "soon"}, "starts_at: a date and time"),
                         ({"min_staff": "many"}, "min_staff: a whole number"),
                         ({"policy_version": ""}, "either policy_version"),
                         ({"permissions": "mind.read"}, "mind.read")]:
        r = api.client.post("/console/civic", data={"csrf": token, **window, **bad})
        assert r.status_code == 422 and message in r.text, (bad, r.text)
    assert api.get("/civic/events").json() == []
    page = form(api, "/console/civic", token, **window)
    assert "Civic event #1 &#39;Election&#39; is scheduled." in page
    assert "fewer than the 3 required" in page and "Coverage: SHORT" in page
    assert "Who counts</dt><dd>cleo, dev</dd>" in page
    api.post("/lockdowns", {"reason": "ownership change", "exempt_teams": ["civic-integrity"]})
    page = api.client.get("/console/civic").text
    assert "Who counts</dt><dd>cleo</dd>" in page
    assert "Frozen by a lockdown</dt><dd>dev</dd>" in page
    page = form(api, "/console/civic/1/end", token, reason="postponed")
    assert "Civic event #1 ended" in page and "ended (postponed)" in page


def test_external_requests_are_flagged_political_and_compliance_needs_a_second_person(
    api: Api
) -> None:
    api.account("alice")
    api.posted("p1", "alice", "the other candidate lies")
    make_staff(api, "pol", "policy")
    make_staff(api, "mia", "moderator")
    sign_in(api, "mia")
    assert api.client.get("/console/external").status_code == 403
    token = sign_in(api, "pol")
    request = {"kind": "takedown", "requester_name": "Doe for Mayor",
               "requester_type": "political_campaign", "country": "us",
               "legal_basis": "defamation claim", "subject_type": "post", "subject_id": "p1",
               "requested_action": "remove_post"}
    r = api.client.post("/console/external", data={"csrf": token, **request,
                                                   "subject_id": "nope"})
    assert r.status_code == 404
    r = api.client.post("/console/external", data={"csrf": token, **request, "country": "u"})
    assert r.status_code == 422
    page = form(api, "/console/external", token, **request)
    assert "External request #1 registered. Flagged political" in page
    assert '<strong class="flag">political</strong>' in page
    assert "No request matches" in api.client.get("/console/external?political=no").text
    assert "Doe for Mayor" in api.client.get("/console/external?political=yes").text
    r = api.client.post("/console/external/1/decision", data={"csrf": token,
                                                              "decision": "comply",
                                                              "rationale": ""})
    assert r.status_code == 422
    page = form(api, "/console/external/1/decision", token, decision="comply",
                rationale="court order attached")
    assert "needs a second person: approval request #1" in page
    assert api.counts()["actions"] == 0
    assert "pending_approval" in api.client.get("/console/external/1").text


def test_every_governance_form_refuses_a_post_without_the_csrf_token(api: Api) -> None:
    make_staff(api, "ana", "admin")
    sign_in(api, "ana")
    routers = [(governance.governance_router, ""), (governance_audit.audit_router, "/console"),
               (governance_civic.civic_router, "/console"),
               (governance_council.council_router, "/console"),
               (governance_staff.staff_router, "/console")]
    posts = [prefix + route.path for router, prefix in routers for route in router.routes
             if isinstance(route, APIRoute) and "POST" in route.methods]
    assert len(posts) >= 15
    for path in posts:
        concrete = path.replace("{request_id}", "1").replace("{lockdown_id}", "1").replace(
            "{proposal_id}", "1").replace("{event_id}", "1").replace("{username}", "ana")
        concrete = concrete.replace("{role}", "admin").replace("{name}", "ana")
        r = api.client.post(concrete, data={"reason": "x", "note": "x", "name": "x"})
        assert r.status_code == 403 and "stale" in r.text, concrete
    assert api.get("/lockdowns").json() == [] and api.get("/council/members").json() == []


def test_a_second_person_rejects_with_a_note_and_a_requester_withdraws(api: Api) -> None:
    make_staff(api, "ana", "admin")
    make_staff(api, "ben", "admin")
    api.post("/lockdowns", {"reason": "drill", "permissions": ["labels.write"]})
    token = sign_in(api, "ana")
    form(api, "/console/lockdown/1/lift", token, reason="drill over")
    page = api.client.get("/console/lockdown").text
    assert "A lift waits for a second person" in page and "Ask to lift #1" not in page
    token = sign_in(api, "ben")
    r = api.client.post("/console/approvals/1/reject",
                        data={"csrf": token, "note": "not yet"}, headers=HTMX)
    assert r.status_code == 200 and "Request #1 rejected." in r.text and "not yet" in r.text
    r = api.client.post("/console/approvals/1/approve", data={"csrf": token})
    assert r.status_code == 409 and "is rejected, not pending" in r.text
    form(api, "/console/lockdown/1/lift", token, reason="drill over now")
    page = form(api, "/console/approvals/2/reject", token, note="asked too early")
    assert "Request #2 cancelled." in page  # one's own reject is a withdrawal
    assert len(api.get("/lockdowns").json()) == 1
