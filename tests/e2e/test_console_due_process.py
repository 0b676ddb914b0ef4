"""Appeals and reinstatement requests in the console over HTTP (SQLite and PostgreSQL):
the person who took an action sees why they cannot decide its appeal and is refused, a
second senior moderator upholds it, and a reinstatement grant waits for a second person."""

from __future__ import annotations

import re

from tests.e2e.conftest import Api
from tests.e2e.test_api_staff import make_staff
from tests.e2e.test_console_session import sign_in
from tests.e2e.test_reinstatement_api import backdate_suspension
from tests.e2e.test_reports_api import report


def test_the_actor_cannot_decide_the_appeal_and_someone_else_upholds_it(api: Api) -> None:
    api.account("bob")
    api.posted("p-bob", "bob", "hello river festival")
    report_id = report(api, "p-bob", "post")
    make_staff(api, "sam", "senior_moderator")
    make_staff(api, "lee", "senior_moderator")
    csrf = sign_in(api, "sam")
    r = api.client.post(f"/console/reports/{report_id}/resolve", data={
        "csrf": csrf, "kind": "label", "label": "do_not_amplify", "target": "subject"})
    assert r.status_code == 200, r.text
    action_id = int(re.search(r"action #(\d+)", r.text).group(1))  # type: ignore[union-attr]
    assert api.verdict("search_top", None, "p-bob")["action"] != "allow"
    appeal = api.created("/appeals", {"target_type": "action", "target_id": action_id,
                                      "account_id": "bob", "statement": "It was satire."},
                         "service")

    listed = api.client.get("/console/appeals").text
    assert f'href="/console/appeals/{appeal["id"]}"' in listed
    mine = api.client.get(f"/console/appeals/{appeal['id']}").text
    assert "It was satire." in mine
    assert re.search(r"<button type=\"submit\" disabled[^>]*>Decide</button>", mine)
    assert "someone else must decide its appeal" in mine
    r = api.client.post(f"/console/appeals/{appeal['id']}/decide", data={
        "csrf": csrf, "outcome": "upheld", "rationale": "mine to undo"})
    assert r.status_code == 403 and "someone else must decide" in r.text
    assert api.get(f"/appeals/{appeal['id']}").json()["status"] == "open"

    csrf = sign_in(api, "lee")
    r = api.client.post(f"/console/appeals/{appeal['id']}/decide", data={
        "csrf": csrf, "outcome": "maybe", "rationale": "x"})
    assert r.status_code == 422 and "outcome" in r.text
    r = api.client.post(f"/console/appeals/{appeal['id']}/decide", data={
        "csrf": csrf, "outcome": "upheld", "rationale": ""})
    assert r.status_code == 422 and "rationale" in r.text
    r = api.client.post(f"/console/appeals/{appeal['id']}/decide", data={
        "csrf": csrf, "outcome": "upheld", "rationale": "Satire is allowed here."},
        headers={"HX-Request": "true"})
    assert r.status_code == 200 and r.text.lstrip().startswith('<div id="appeal">')
    assert "Upheld: the action is undone" in r.text
    assert api.verdict("search_top", None, "p-bob")["action"] == "allow"
    assert api.status("bob")["appeals"][0]["rationale"] == "Satire is allowed here."


def test_a_moderator_has_no_appeals_or_reinstatement_pages(api: Api) -> None:
    make_staff(api, "mia", "moderator")
    sign_in(api, "mia")
    assert "/console/appeals" not in api.client.get("/console/").text
    assert api.client.get("/console/appeals").status_code == 403
    assert api.client.get("/console/reinstatements").status_code == 403


def test_reinstatement_refused_or_granted_with_a_second_person(api: Api) -> None:
    for account in ("eve", "fay"):
        api.account(account)
        api.action("suspend", account, "spam", note="spam ring", duration_seconds=90 * 86_400)
        backdate_suspension(api, account, 200)
    asks = [api.created("/reinstatements", {"account_id": a, "statement": f"{a} is sorry"},
                        "service")["id"] for a in ("eve", "fay")]
    make_staff(api, "sam", "senior_moderator")
    csrf = sign_in(api, "sam")
    listed = api.client.get("/console/reinstatements").text
    assert "eve" in listed and "fay" in listed
    assert "eve is sorry" in api.client.get(f"/console/reinstatements/{asks[0]}").text
    r = api.client.post(f"/console/reinstatements/{asks[0]}/decide", data={
        "csrf": csrf, "decision": "refuse", "rationale": "still spamming elsewhere"})
    assert r.status_code == 200 and "Decided: refused." in r.text
    r = api.client.post(f"/console/reinstatements/{asks[1]}/decide", data={
        "csrf": csrf, "decision": "grant", "rationale": "a year of good conduct"})
    assert r.status_code == 202
    number = api.get(f"/reinstatements/{asks[1]}").json()["approval_request_id"]
    assert f"Waiting for a second person (request #{number})" in r.text
    r = api.client.post(f"/console/reinstatements/{asks[1]}/decide", data={
        "csrf": csrf, "decision": "grant", "rationale": "again"})
    assert r.status_code == 409 and f"approval request #{number}" in r.text


def test_appeal_and_reinstatement_decisions_need_the_csrf_token(api: Api) -> None:
    api.account("eve")
    action = api.action("suspend", "eve", "spam", duration_seconds=90 * 86_400)
    backdate_suspension(api, "eve", 200)
    appeal = api.created("/appeals", {"target_type": "action", "target_id": action["id"],
                                      "account_id": "eve", "statement": "unfair"}, "service")
    ask = api.created("/reinstatements", {"account_id": "eve", "statement": "sorry"},
                      "service")
    make_staff(api, "lee", "senior_moderator")
    sign_in(api, "lee")
    r = api.client.post(f"/console/appeals/{appeal['id']}/decide",
                        data={"outcome": "upheld", "rationale": "x"})
    assert r.status_code == 403 and "stale" in r.text
    r = api.client.post(f"/console/reinstatements/{ask['id']}/decide",
                        data={"decision": "refuse", "rationale": "x"})
    assert r.status_code == 403 and "stale" in r.text
    assert api.get(f"/appeals/{appeal['id']}").json()["status"] == "open"
    assert api.get(f"/reinstatements/{ask['id']}").json()["status"] == "review"
