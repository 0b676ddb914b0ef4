"""The public pages over HTTP: the transparency report's numbers equal counts computed
straight from the database; the moderation log is pseudonymised and downloads as CSV and
JSON; the status page opens only through an untampered signed link and files appeals;
/metrics exposes the operators' metrics; each request logs one JSON line."""

from __future__ import annotations

import csv
import io
import json
import logging
import re
import statistics
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy import text
from tests.e2e.conftest import Api, running_api

from townsquare.services import status_links, transparency
from townsquare.staff.actor import Actor, Forbidden, Grant
from townsquare.staff.permissions import Permission

TODAY = datetime.now(UTC).date()
PERIOD = f"from={TODAY - timedelta(days=1)}&to={TODAY}"


def rows(api: Api, sql: str) -> list[Any]:
    with api.engine.connect() as conn:
        return list(conn.execute(text(sql)).all())


def grouped(api: Api, sql: str) -> dict[str, int]:
    return {str(k): int(n) for k, n in rows(api, sql)}


def table(html: str, chart_id: str) -> dict[str, int]:
    """The numbers a reader sees in the data table beside chart ``chart_id``."""
    found = re.search(rf'<table id="{chart_id}-table">(.*?)</table>', html, re.S)
    if found is None:
        return {}
    return {name: int(n) for name, n in re.findall(
        r'<th scope="row">([^<]+)</th><td class="n">(\d+)</td>', found.group(1))}


def moment(value: Any) -> datetime:
    """A timestamp as the driver returns it (SQLite: text) as an aware datetime."""
    when = datetime.fromisoformat(value) if isinstance(value, str) else value
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def shown(html: str, element_id: str) -> str:
    found = re.search(rf'id="{element_id}">([^<]+)<', html)
    assert found, element_id
    return found.group(1)


def town_with_history(api: Api) -> None:
    """Reports, actions, labels, appeals, a reinstatement request, external requests."""
    for account in ("alice", "bob", "carol", "rita"):
        api.account(account)
    api.posted("p1", "alice", "miracle cure, click here")
    api.posted("p2", "bob", "the election is on tuesday")
    report = api.created("/reports", {"reporter_id": "rita", "subject_type": "post",
                                      "subject_id": "p1", "reason": "spam", "policy": "spam",
                                      "text": "rita's private words"}, "service")
    assert api.post(f"/reports/{report['id']}/claim", {}, "senior_moderator").status_code == 200
    r = api.post(f"/reports/{report['id']}/resolve",
                 {"action": {"kind": "remove_post", "note": "scam"}}, "senior_moderator")
    assert r.status_code == 200, r.text
    removal = r.json()["action"]
    api.label("post", "p2", "do_not_amplify", "civic_integrity")
    api.action("warn", "carol", "hateful_conduct")
    api.action("permanent_suspension", "bob", "spam", role="senior_moderator", note="spam farm")
    upheld = api.created("/appeals", {"target_type": "action", "target_id": removal["id"],
                                      "account_id": "alice", "statement": "my own shop"},
                         "service")
    assert api.post(f"/appeals/{upheld['id']}/decide",
                    {"outcome": "upheld", "rationale": "a real shop"}).status_code == 200
    with api.engine.begin() as conn:  # as if bob had been suspended 91 days ago
        conn.execute(text("UPDATE labels SET created_at = :t WHERE subject_id = 'bob' "
                          "AND label = 'suspended'"),
                     {"t": datetime.now(UTC) - timedelta(days=91)})
    api.created("/reinstatements", {"account_id": "bob", "statement": "I will stop."},
                "service")
    for requester, subject in (("government", "p2"), ("political_campaign", "p2"),
                               ("government", "p1")):
        api.created("/external-requests", {
            "kind": "takedown", "requester_name": f"A {requester}", "requester_type":
            requester, "country": "fr", "legal_basis": "a statute", "subject_type": "post",
            "subject_id": subject, "requested_action": "remove_post"}, "policy")


def standalone_labels(api: Api) -> list[Any]:
    written: set[int] = set()
    for (ids,) in rows(api, "SELECT label_ids FROM enforcement_actions"):
        written |= set(json.loads(ids) if isinstance(ids, str) else ids or [])
    return [r for r in rows(api, "SELECT id, policy, label FROM labels") if r[0] not in written]


def test_transparency_report_numbers_equal_database_counts(api: Api) -> None:
    town_with_history(api)
    r = api.client.get(f"/transparency?{PERIOD}")
    assert r.status_code == 200, r.text
    html = r.text

    actions = grouped(api, "SELECT policy, count(*) FROM enforcement_actions GROUP BY policy")
    labels = standalone_labels(api)
    assert labels, "the civic label stands on its own"
    for _, policy, _ in labels:
        actions[policy] = actions.get(policy, 0) + 1
    assert table(html, "chart-policy") == actions
    assert int(shown(html, "actions-total")) == sum(actions.values())
    kinds = grouped(api, "SELECT kind, count(*) FROM enforcement_actions GROUP BY kind")
    for _, _, name in labels:
        kinds[name] = kinds.get(name, 0) + 1
    assert table(html, "chart-kind") == kinds
    surfaces = table(html, "chart-surface")
    assert surfaces["none"] == grouped(
        api, "SELECT kind, count(*) FROM enforcement_actions GROUP BY kind")["warn"]
    assert surfaces["search_top"] >= 2  # the removed post and the unamplified one

    assert table(html, "chart-appeals") == grouped(
        api, "SELECT status, count(*) FROM appeals GROUP BY status") == {"upheld": 1}
    assert table(html, "chart-reinstatements") == grouped(
        api, "SELECT status, count(*) FROM reinstatement_requests GROUP BY status")
    assert int(shown(html, "reinstatements-total")) == 1
    assert table(html, "chart-requesters") == grouped(
        api, "SELECT requester_type, count(*) FROM external_requests GROUP BY requester_type"
    ) == {"government": 2, "political_campaign": 1}
    assert int(shown(html, "external-total")) == 3

    waits = [(moment(acted) - moment(filed)).total_seconds() for filed, acted in rows(
        api, "SELECT r.created_at, a.created_at FROM reports r "
             "JOIN enforcement_actions a ON a.id = r.action_id")]
    assert len(waits) == 1
    numbers = transparency.report(api.app.state.runtime.services, transparency.parse_period(
        str(TODAY - timedelta(days=1)), str(TODAY)))
    assert numbers["time_to_action"]["median_seconds"] == pytest.approx(
        statistics.median(waits), abs=1e-3)
    assert "minutes" in shown(html, "median-time")
    for chart in ("chart-policy", "chart-surface", "chart-appeals", "chart-requesters"):
        assert f'<svg class="chart" id="{chart}" role="img"' in html
    assert "rita's private words" not in html


def test_a_period_before_everything_is_empty_and_bad_periods_are_refused(api: Api) -> None:
    town_with_history(api)
    r = api.client.get("/transparency?from=2020-01-01&to=2020-01-31")
    assert r.status_code == 200
    assert shown(r.text, "actions-total") == "0" and "Nothing in this period." in r.text
    for query, message in (("from=2026-13-01", "from: expected a date like 2026-01-31"),
                           ("from=2026-02-01&to=2026-01-01", "is after to"),
                           ("from=2000-01-01&to=2026-01-01", "at most 3660 days")):
        r = api.client.get(f"/transparency?{query}")
        assert r.status_code == 422 and message in r.text, (query, r.text)
        assert "<html" in r.text  # a page, not JSON


def test_moderation_log_is_pseudonymised_paginated_and_downloads(api: Api) -> None:
    town_with_history(api)
    page = api.client.get(f"/transparency/log?{PERIOD}").text
    as_json = api.client.get(f"/transparency/log.json?{PERIOD}")
    assert as_json.headers["content-disposition"].startswith("attachment;")
    entries = as_json.json()["entries"]
    expected = rows(api, "SELECT count(*) FROM enforcement_actions")[0][0] + len(
        standalone_labels(api))
    assert len(entries) == expected == int(re.search(r"(\d+) entries", page).group(1))
    as_csv = api.client.get(f"/transparency/log.csv?{PERIOD}")
    assert as_csv.headers["content-type"].startswith("text/csv")
    read = list(csv.DictReader(io.StringIO(as_csv.text)))
    assert [e["subject"] for e in read] == [e["subject"] for e in entries]
    everything = page + as_json.text + as_csv.text
    for private in ("alice", "bob", "carol", "rita", "p1", "p2", "senior_moderator",
                    "admin", "scam", "spam farm", "rita's private words"):
        assert not re.search(rf"\b{re.escape(private)}\b", everything), private
    bob = next(e for e in entries if e["what"] == "permanent_suspension")
    assert re.fullmatch(r"account-[0-9a-f]{12}", bob["subject"])
    assert bob["account"] == bob["subject"]  # one account, one pseudonym
    bobs_post = next(e for e in entries if e["what"] == "do_not_amplify")
    assert re.fullmatch(r"post-[0-9a-f]{12}", bobs_post["subject"])
    assert bobs_post["account"] == bob["subject"]  # the post's author, pseudonymised
    removal = next(e for e in entries if e["what"] == "remove_post")
    assert removal["status"] == "reversed"  # the upheld appeal undid it

    first = api.client.get(f"/transparency/log?{PERIOD}&page=1")
    assert first.status_code == 200
    assert api.client.get(f"/transparency/log?{PERIOD}&page=0").status_code == 422


def test_status_link_minted_by_the_platform_opens_the_page_and_files_an_appeal(
    api: Api,
) -> None:
    api.account("alice")
    api.posted("p1", "alice", "miracle cure")
    api.label("post", "p1", "do_not_amplify", "spam")
    assert api.post("/accounts/alice/status-link", {}, "moderator").status_code == 201
    assert api.post("/accounts/alice/status-link", {}, None).status_code == 401
    assert api.post("/accounts/nobody/status-link", {}, "service").status_code == 404
    assert api.post("/accounts/alice/status-link", {"hours": 0}, "service").status_code == 422
    minted = api.created("/accounts/alice/status-link", {"hours": 2}, "service")
    page = api.client.get(minted["path"])
    assert page.status_code == 200
    assert "do_not_amplify" in page.text and "spam" in page.text
    query = parse_qs(urlsplit(minted["path"]).query)

    def opened(account: str, expires: str, sig: str) -> int:
        return api.client.get(f"/status/{account}?expires={expires}&sig={sig}").status_code

    sig, expires = query["sig"][0], query["expires"][0]
    assert opened("alice", expires, sig) == 200
    assert opened("bob", expires, sig) == 403  # someone else's account
    assert opened("alice", str(int(expires) + 3600), sig) == 403  # a longer life
    assert opened("alice", expires, sig[:-2] + ("AA" if sig[-2:] != "AA" else "BB")) == 403
    assert opened("alice", expires, "") == 403
    refused = api.client.get(f"/status/alice?expires={expires}&sig=x")
    assert "not valid" in refused.text and "<html" in refused.text

    label_id = api.status("alice")["limits"][0]["id"]
    form = {"expires": expires, "sig": sig, "target_type": "label", "target_id": str(label_id),
            "statement": "It is satire."}
    forged = api.client.post("/status/alice/appeals", data={**form, "sig": "forged"})
    assert forged.status_code == 403
    empty = api.client.post("/status/alice/appeals", data={**form, "statement": " "})
    assert empty.status_code == 422
    assert rows(api, "SELECT count(*) FROM appeals")[0][0] == 0
    filed = api.client.post("/status/alice/appeals", data=form)
    assert filed.status_code == 201 and "was filed" in filed.text
    assert rows(api, "SELECT filed_by, statement FROM appeals") == [
        ("status-page", "It is satire.")]
    again = api.client.post("/status/alice/appeals", data=form)
    assert again.status_code == 409


def test_metrics_expose_requests_verdicts_and_operator_gauges(api: Api) -> None:
    api.account("alice")
    api.posted("p1", "alice")
    api.verdicts("home_timeline", None, ["p1", "p1", "p1"])
    api.client.get("/transparency")
    api.client.get("/no/such/page")
    assert api.post("/lockdowns", {"reason": "incident"}, "admin").status_code == 201
    body = api.client.get("/metrics").text
    assert 'townsquare_verdicts_served_total{surface="home_timeline"} 3.0' in body
    assert re.search(r'townsquare_http_requests_total\{method="GET",route="/transparency",'
                     r'status="200"\} 1\.0', body)
    assert 'route="<unmatched>",status="404"' in body
    assert "townsquare_http_request_duration_seconds_bucket" in body
    assert 'townsquare_open_reports{queue="default"} 0.0' in body
    assert "townsquare_pending_approvals 0.0" in body
    assert "townsquare_label_cache_lag_seconds" in body
    assert "townsquare_lockdowns_in_force 1.0" in body


def test_each_request_logs_one_json_line(api: Api, caplog: pytest.LogCaptureFixture) -> None:
    logger = logging.getLogger("townsquare.requests")
    logger.addHandler(caplog.handler)
    try:
        r = api.client.get("/transparency/log.json", headers={"X-Request-ID": "trace-me-1"})
    finally:
        logger.removeHandler(caplog.handler)
    assert r.status_code == 200
    mine = [rec for rec in caplog.records if getattr(rec, "fields", {}).get(
        "request_id") == "trace-me-1"]
    assert len(mine) == 1
    fields = mine[0].fields  # type: ignore[attr-defined]
    assert fields["route"] == "/transparency/log.json" and fields["status"] == 200
    assert fields["duration_ms"] > 0
    line = json.loads(logger.handlers[0].format(mine[0]))
    assert line["level"] == "info" and line["request_id"] == "trace-me-1"


def test_staff_minting_a_status_link_is_audited_the_platform_is_not(api: Api) -> None:
    api.account("alice")
    services = api.app.state.runtime.services
    staff = Actor("sam", "staff", (Grant("moderator", frozenset({Permission.STATUS_READ})),))
    link = status_links.mint(services, staff, "alice", 1)
    assert link.expires_at > datetime.now(UTC)
    api.created("/accounts/alice/status-link", {}, "service")
    assert rows(api, "SELECT actor, action, subject_id FROM audit_events "
                     "WHERE action = 'status_link.mint'") == [("sam", "status_link.mint",
                                                               "alice")]
    nobody = Actor("nobody", "staff", ())
    with pytest.raises(Forbidden):
        status_links.mint(services, nobody, "alice", 1)


def test_metrics_want_the_operators_token_when_one_is_set(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TOWNSQUARE_METRICS_TOKEN", "s3cret-metrics")
    with running_api(database_url, tmp_path, "") as api:
        assert api.client.get("/metrics").status_code == 403
        wrong = api.client.get("/metrics", headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 403
        right = api.client.get("/metrics", headers={"Authorization": "Bearer s3cret-metrics"})
        assert right.status_code == 200 and "townsquare_pending_approvals" in right.text


def test_a_warning_limits_nothing_but_is_appealed_from_the_status_page(api: Api) -> None:
    api.account("carol")
    warning = api.action("warn", "carol", "hateful_conduct")
    path = api.created("/accounts/carol/status-link", {}, "service")["path"]
    page = api.client.get(path).text
    assert "No active limits" in page and "Appeal this decision" in page
    query = parse_qs(urlsplit(path).query)
    filed = api.client.post("/status/carol/appeals", data={
        "expires": query["expires"][0], "sig": query["sig"][0], "target_type": "action",
        "target_id": str(warning["id"]), "statement": "I was quoting someone."})
    assert filed.status_code == 201
    assert "Appeal this decision" not in filed.text  # appealed: the form is gone
    assert rows(api, "SELECT target_type, target_id FROM appeals") == [
        ("action", warning["id"])]


def test_a_limit_an_action_wrote_is_appealed_as_that_action(api: Api) -> None:
    api.account("dan")
    api.posted("d1", "dan", "buy followers")
    action = api.action("limit_reach", "d1", "spam", subject_type="post")
    page = api.client.get(api.created("/accounts/dan/status-link", {}, "service")["path"]).text
    assert re.search(r'name="target_type" value="action">\s*<input type="hidden" '
                     rf'name="target_id" value="{action["id"]}">', page)


def test_a_pledge_link_never_reaches_the_request_log(
    api: Api, caplog: pytest.LogCaptureFixture
) -> None:
    logger = logging.getLogger("townsquare.requests")
    logger.addHandler(caplog.handler)
    try:
        api.client.get("/pledge/some-secret-token", headers={"X-Request-ID": "pledge-1"})
    finally:
        logger.removeHandler(caplog.handler)
    mine = [rec for rec in caplog.records if getattr(rec, "fields", {}).get(
        "request_id") == "pledge-1"]
    assert len(mine) == 1
    assert "some-secret-token" not in json.dumps(mine[0].fields)  # type: ignore[attr-defined]
