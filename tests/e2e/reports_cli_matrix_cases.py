"""CLI permission-matrix cases (see cli_matrix_cases.py) for `report ...` and `queue ...`.
Accounts are written through the services (the CLI has no content commands); reports are
filed by ``setup``, each call works on one of its own, unclaimed."""

from __future__ import annotations

from pathlib import Path

from tests.e2e.cli_matrix_cases import Cli, CliCase, _c, inv, staff

from townsquare.bootstrap import open_app
from townsquare.services.content import create_account
from townsquare.settings import load_settings
from townsquare.staff.permissions import Permission as P

OFFSET = 300_000  # reported accounts: clear of the ids other cases use


def account(n: int) -> str:
    app = open_app(load_settings())
    try:
        create_account(app.sessions, f"racct{n}", f"racct{n}")
    finally:
        app.close()
    return f"racct{n}"


def report(cli: Cli, n: int) -> str:
    made = cli.setup_json("report", "file", "--reporter", account(n), "--subject-type",
                          "account", "--subject", account(n + OFFSET), "--reason",
                          "harassment", "--policy", "hateful_conduct")
    return str(made["id"])


def queue(cli: Cli, n: int) -> str:
    cli.setup("queue", "create", f"queue{n}")
    return f"queue{n}"


def rule(cli: Cli, n: int) -> str:
    """A rule no case's report matches (one left behind must not reroute the others)."""
    added = cli.setup("queue", "rule-add", "--queue", queue(cli, n), "--match",
                      '{"reasons": ["intellectual_property"]}')
    return added.stdout.split("#")[1].split()[0]


def muted(cli: Cli, n: int) -> str:
    reporter = account(n)
    cli.setup("report", "mute", reporter, "--reason", "bad faith")
    return reporter


def next_in_its_queue(cli: Cli, n: int) -> str:
    shown = cli.setup_json("report", "show", report(cli, n))
    return str(shown["queue"])


def rules_file(cli: Cli, n: int) -> str:
    path: Path = cli.tmp / f"rules{n}.yaml"
    path.write_text("- queue: default\n  match: {reasons: [other]}\n", "utf-8")
    return str(path)


H = P.REPORTS_HANDLE
REPORTS_CLI_CASES: dict[str, CliCase] = {
    "report file": _c(P.CONTENT_WRITE, lambda c, n: inv(
        "report", "file", "--reporter", account(n), "--subject-type", "account",
        "--subject", account(n + OFFSET), "--reason", "spam", "--policy", "spam")),
    "report list": _c(P.REPORTS_READ, lambda c, n: inv("report", "list")),
    "report show": _c(P.REPORTS_READ, lambda c, n: inv("report", "show", report(c, n))),
    "report claim": _c(H, lambda c, n: inv("report", "claim", report(c, n))),
    "report release": _c(H, lambda c, n: inv("report", "release", report(c, n))),
    "report assign": _c(P.REPORTS_ASSIGN, lambda c, n: inv(
        "report", "assign", report(c, n), "--to", staff(c, n, "moderator"))),
    "report escalate": _c(H, lambda c, n: inv(
        "report", "escalate", report(c, n), "--note", "hard case", "--queue", queue(c, n))),
    # Resolving also takes an action: every role holding reports.handle and actions.write.
    "report resolve": _c(P.ACTIONS_WRITE, lambda c, n: inv(
        "report", "resolve", report(c, n), "--kind", "warn")),
    "report dismiss": _c(H, lambda c, n: inv("report", "dismiss", report(c, n), "--reason",
                                             "fine")),
    "report by": _c(P.STATUS_READ, lambda c, n: inv("report", "by", account(n))),
    "report mute": _c(P.REPORTS_ASSIGN, lambda c, n: inv(
        "report", "mute", account(n), "--reason", "bad faith")),
    "report unmute": _c(P.REPORTS_ASSIGN, lambda c, n: inv(
        "report", "unmute", muted(c, n), "--reason", "better now")),
    "report muted": _c(P.REPORTS_ASSIGN, lambda c, n: inv("report", "muted")),
    "queue list": _c(P.REPORTS_READ, lambda c, n: inv("queue", "list")),
    "queue create": _c(P.QUEUES_ADMIN, lambda c, n: inv("queue", "create", f"new{n}")),
    "queue update": _c(P.QUEUES_ADMIN, lambda c, n: inv(
        "queue", "update", queue(c, n), "--claim-timeout", "600")),
    "queue delete": _c(P.QUEUES_ADMIN, lambda c, n: inv("queue", "delete", queue(c, n))),
    "queue next": _c(H, lambda c, n: inv("queue", "next", next_in_its_queue(c, n))),
    "queue rules": _c(P.REPORTS_READ, lambda c, n: inv("queue", "rules")),
    "queue rule-add": _c(P.QUEUES_ADMIN, lambda c, n: inv(
        "queue", "rule-add", "--queue", "default", "--match", '{"reasons": ["spam"]}')),
    "queue rule-remove": _c(P.QUEUES_ADMIN, lambda c, n: inv(
        "queue", "rule-remove", rule(c, n))),
    "queue rules-set": _c(P.QUEUES_ADMIN, lambda c, n: inv(
        "queue", "rules-set", rules_file(c, n))),
}
