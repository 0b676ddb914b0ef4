"""CLI permission-matrix cases (see cli_matrix_cases.py) for `policy versions|show|live|
propose`, `civic ...` and `request ...`."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.e2e.cli_matrix_cases import POLICY, Cli, CliCase, _c, inv

from townsquare.staff.permissions import Permission as P


def window(n: int) -> list[str]:
    """An hour-long window of its own, days ahead (windows may not overlap)."""
    start = datetime.now(UTC) + timedelta(days=n)
    return ["--start", start.isoformat(), "--end", (start + timedelta(hours=1)).isoformat()]


def event(cli: Cli, n: int) -> str:
    made = cli.setup_json("civic", "create", f"election {n}", *window(n), "--min-staff", "0",
                          "--policy-version", "1")
    return str(made["event"]["id"])


def account(cli: Cli, n: int) -> str:
    """An account of the platform (registered directly: the CLI has no content commands)."""
    from townsquare.bootstrap import open_app
    from townsquare.services.content import create_account
    from townsquare.settings import load_settings

    app = open_app(load_settings())
    try:
        create_account(app.sessions, f"acct{n}", f"acct{n}")
    finally:
        app.close()
    return f"acct{n}"


def request(cli: Cli, n: int) -> str:
    made = cli.setup_json("request", "register", "--kind", "data", "--requester", "Police",
                          "--type", "law_enforcement", "--country", "BE", "--legal-basis",
                          "warrant", "--subject-type", "account", "--subject-id",
                          account(cli, n))
    return str(made["id"])


def entity(cli: Cli, n: int) -> str:
    return str(cli.setup_json("request", "political-add", f"party {n}", "--kind", "party")["id"])


def export(cli: Cli, n: int) -> str:
    """A stored personal-data export (made directly: through the CLI it takes two people)."""
    from townsquare.bootstrap import open_app
    from townsquare.services.personal_data import export_account
    from townsquare.settings import load_settings
    from townsquare.store.db import unit_of_work

    subject = account(cli, n)
    app = open_app(load_settings())
    try:
        with unit_of_work(app.sessions) as session:
            return str(export_account(session, subject, ["posts"], reason="matrix",
                                      requested_by="matrix-setup", approved_by="other").id)
    finally:
        app.close()


CIVIC_CLI_CASES: dict[str, CliCase] = {
    "policy versions": _c(P.POLICY_READ, lambda c, n: inv("policy", "versions")),
    "policy show": _c(P.POLICY_READ, lambda c, n: inv("policy", "show", "1")),
    "policy live": _c(P.POLICY_READ, lambda c, n: inv("policy", "live")),
    "policy propose": _c(P.POLICY_WRITE, lambda c, n: inv(
        "policy", "propose", str(POLICY), "--reason", f"matrix {n}")),
    "civic create": _c(P.CIVIC_MANAGE, lambda c, n: inv(
        "civic", "create", f"vote {n}", *window(n), "--min-staff", "0",
        "--policy-version", "1")),
    "civic list": _c(P.POLICY_READ, lambda c, n: inv("civic", "list")),
    "civic show": _c(P.POLICY_READ, lambda c, n: inv("civic", "show", event(c, n))),
    "civic end": _c(P.CIVIC_MANAGE, lambda c, n: inv(
        "civic", "end", event(c, n), "--reason", "called off")),
    "civic coverage": _c(P.CIVIC_MANAGE, lambda c, n: inv(
        "civic", "coverage", "--minimum", "0")),
    "request register": _c(P.EXTERNAL_REQUESTS, lambda c, n: inv(
        "request", "register", "--kind", "data", "--requester", "Police", "--type",
        "law_enforcement", "--country", "BE", "--legal-basis", "warrant", "--subject-type",
        "account", "--subject-id", account(c, n))),
    "request list": _c(P.EXTERNAL_REQUESTS, lambda c, n: inv("request", "list")),
    "request show": _c(P.EXTERNAL_REQUESTS, lambda c, n: inv("request", "show", request(c, n))),
    "request decide": _c(P.EXTERNAL_REQUESTS, lambda c, n: inv(
        "request", "decide", request(c, n), "--decision", "reject", "--rationale", "no basis")),
    "request transparency": _c(P.POLICY_READ, lambda c, n: inv("request", "transparency")),
    "request political-add": _c(P.EXTERNAL_REQUESTS, lambda c, n: inv(
        "request", "political-add", f"candidate {n}", "--kind", "candidate")),
    "request political-list": _c(P.EXTERNAL_REQUESTS, lambda c, n: inv(
        "request", "political-list")),
    "request political-remove": _c(P.EXTERNAL_REQUESTS, lambda c, n: inv(
        "request", "political-remove", entity(c, n))),
    "request export": _c(P.PERSONAL_DATA_READ, lambda c, n: inv(
        "request", "export", export(c, n))),
}
