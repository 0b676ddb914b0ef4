"""Report handling in the console over HTTP (SQLite and PostgreSQL): the queue and case
pages, claim / resolve / dismiss / label through the forms, two-person answers, and what a
triage user, a stale form and bad input get."""

from __future__ import annotations

import re

from tests.e2e.conftest import Api
from tests.e2e.test_api_staff import make_staff
from tests.e2e.test_console_session import sign_in
from tests.e2e.test_reports_api import report


def _case(api: Api) -> int:
    """A post by bob (followed by carol) reported under hateful_conduct; the report's id."""
    api.account("bob")
    api.account("carol")
    api.follow("carol", "bob")
    api.posted("p-bob", "bob", "a post someone reported")
    return report(api, "p-bob", "post", text_="it insults my neighbours")


def test_a_moderator_claims_the_next_report_and_labels_the_post(api: Api) -> None:
    report_id = _case(api)
    make_staff(api, "mia", "moderator")
    csrf = sign_in(api, "mia")
    queues = api.client.get("/console/queues").text
    assert "Claim next in default" in queues
    r = api.client.post("/console/queues/default/next", data={"csrf": csrf},
                        follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith(
        f"/console/reports/{report_id}")
    case = api.client.get(r.headers["location"]).text
    assert "You hold the claim" in case and "mia until" in case
    assert "it insults my neighbours" in case and "a post someone reported" in case
    assert "follower (carol)" in case and "logged out" in case
    assert "Release" in case and "Resolve with this action" in case

    r = api.client.post(f"/console/reports/{report_id}/resolve", data={
        "csrf": csrf, "kind": "label", "label": "do_not_amplify", "duration_seconds": "86400",
        "target": "subject", "note": "keep it out of search", "close_related": "true"})
    assert r.status_code == 200, r.text
    assert "Resolved with label (action #" in r.text
    assert re.search(r'data-field="status">actioned<', r.text)
    assert api.verdict("search_top", None, "p-bob")["action"] != "allow"
    # the decided case shows no decision forms any more, and its history shows the label
    assert "Resolve with this action" not in r.text and "do_not_amplify" in r.text


def test_dismiss_and_escalate_through_htmx_answer_with_the_case_body(api: Api) -> None:
    first = _case(api)
    second = report(api, "p-bob", "post", reason="spam", policy="spam")
    api.created("/queues", {"name": "seniors", "description": "hard cases"})
    make_staff(api, "mia", "moderator")
    csrf = sign_in(api, "mia")
    htmx = {"HX-Request": "true", "X-CSRF-Token": csrf}
    r = api.client.post(f"/console/reports/{first}/escalate",
                        data={"note": "needs a senior look", "queue": "seniors"}, headers=htmx)
    assert r.status_code == 200, r.text
    assert r.text.lstrip().startswith('<div id="case">')
    assert "Escalated to seniors." in r.text and "<html" not in r.text
    r = api.client.post(f"/console/reports/{second}/dismiss",
                        data={"reason": "not spam"}, headers=htmx)
    assert r.status_code == 200 and "Dismissed." in r.text
    assert api.get(f"/reports/{second}").json()["status"] == "dismissed"


def test_an_action_on_a_high_profile_account_waits_for_a_second_person(api: Api) -> None:
    api.account("mayor", high_profile=True)
    api.posted("p-mayor", "mayor", "a speech")
    report_id = report(api, "p-mayor", "post")
    make_staff(api, "mia", "moderator")
    csrf = sign_in(api, "mia")
    r = api.client.post(f"/console/reports/{report_id}/resolve", data={
        "csrf": csrf, "kind": "label", "label": "do_not_amplify", "target": "subject"})
    assert r.status_code == 202
    number = api.get(f"/reports/{report_id}").json()["approval_request_id"]
    assert f"Waiting for a second person (request #{number})" in r.text
    assert api.verdict("search_top", None, "p-mayor")["action"] == "allow"


def test_a_triage_user_sees_no_action_form_and_is_refused_anyway(api: Api) -> None:
    report_id = _case(api)
    make_staff(api, "tom", "triage")
    csrf = sign_in(api, "tom")
    case = api.client.get(f"/console/reports/{report_id}").text
    assert "Claim" in case and "Dismiss" in case
    assert "Resolve with this action" not in case and "Add label" not in case
    assert "needs the permission actions.write" in case
    before = api.counts()
    r = api.client.post(f"/console/reports/{report_id}/resolve", data={
        "csrf": csrf, "kind": "label", "label": "do_not_amplify"})
    assert r.status_code == 403 and "actions.write" in r.text
    r = api.client.post(f"/console/reports/{report_id}/label", data={
        "csrf": csrf, "label": "do_not_amplify", "policy": "hateful_conduct"})
    assert r.status_code == 403
    assert api.counts() == before
    assert api.get(f"/reports/{report_id}").json()["status"] == "open"


def test_a_lockdown_disables_the_action_button_with_its_reason(api: Api) -> None:
    report_id = _case(api)
    make_staff(api, "mia", "moderator")
    api.post("/lockdowns", {"reason": "ownership change", "permissions": ["actions.write"]})
    csrf = sign_in(api, "mia")
    case = api.client.get(f"/console/reports/{report_id}").text
    assert re.search(r"<button type=\"submit\" disabled[^>]*>Resolve with this action", case)
    assert "ownership change" in case
    r = api.client.post(f"/console/reports/{report_id}/resolve", data={
        "csrf": csrf, "kind": "warn"})
    assert r.status_code == 403 and "frozen by a lockdown" in r.text


def test_forms_without_the_csrf_token_are_refused(api: Api) -> None:
    report_id = _case(api)
    make_staff(api, "mia", "moderator")
    sign_in(api, "mia")
    for path, data in ((f"/console/reports/{report_id}/claim", {}),
                       (f"/console/reports/{report_id}/dismiss", {"reason": "fine"}),
                       ("/console/queues/default/next", {})):
        r = api.client.post(path, data={**data, "csrf": "0" * 64})
        assert r.status_code == 403 and "stale" in r.text, path
    assert api.get(f"/reports/{report_id}").json()["claimed_by"] is None


def test_bad_input_gets_a_clear_message_and_stores_nothing(api: Api) -> None:
    report_id = _case(api)
    make_staff(api, "mia", "moderator")
    csrf = sign_in(api, "mia")
    before = api.counts()
    cases = [
        ("resolve", {"kind": "obliterate"}, "kind"),
        ("resolve", {"kind": "label", "label": "no_such_label"}, "no_such_label"),
        ("resolve", {"kind": "suspend", "duration_seconds": "soon"}, "duration"),
        ("label", {"label": "removed", "policy": "spam"}, "remove_post"),
        ("label", {"label": "do_not_amplify", "policy": ""}, "policy"),
        ("dismiss", {"reason": ""}, "reason"),
        ("escalate", {"note": "x", "queue": "nowhere"}, "nowhere"),
    ]
    for what, data, expect in cases:
        r = api.client.post(f"/console/reports/{report_id}/{what}", data={"csrf": csrf, **data})
        assert 400 <= r.status_code < 500 and expect in r.text, (what, data, r.status_code)
    assert api.counts() == before
    assert api.get(f"/reports/{report_id}").json()["status"] == "open"
    assert api.client.get("/console/reports/999999").status_code == 404


def test_report_lists_filter_by_status_and_claim_next_says_when_none_waits(api: Api) -> None:
    report_id = _case(api)
    make_staff(api, "mia", "moderator")
    csrf = sign_in(api, "mia")
    listed = api.client.get("/console/reports?queue=default").text
    assert f'href="/console/reports/{report_id}"' in listed and "p-bob" in listed
    api.client.post(f"/console/reports/{report_id}/dismiss",
                    data={"csrf": csrf, "reason": "satire"})
    assert f"/console/reports/{report_id}\"" not in api.client.get(
        "/console/reports?queue=default").text
    assert f"/console/reports/{report_id}\"" in api.client.get(
        "/console/reports?queue=default&status=dismissed").text
    r = api.client.post("/console/queues/default/next", data={"csrf": csrf})
    assert r.status_code == 404 and "Not found" in r.text
    assert api.client.get("/console/reports?status=closed").status_code == 422
    nav = api.client.get("/console/").text
    assert "/console/queues" in nav and "/console/appeals" not in nav


def test_release_and_an_account_report_previews_people_search(api: Api) -> None:
    api.account("bob")
    report_id = report(api, "bob", "account")
    make_staff(api, "mia", "moderator")
    csrf = sign_in(api, "mia")
    r = api.client.post(f"/console/reports/{report_id}/claim", data={"csrf": csrf})
    assert r.status_code == 200 and "Claimed until" in r.text
    assert api.get(f"/reports/{report_id}").json()["claimed_by"] == "mia"
    assert 'data-surface="people_search"' in r.text and 'data-surface="search_top"' not in r.text
    r = api.client.post(f"/console/reports/{report_id}/release", data={"csrf": csrf})
    assert r.status_code == 200 and "Released: back in the queue." in r.text
    assert api.get(f"/reports/{report_id}").json()["claimed_by"] is None
