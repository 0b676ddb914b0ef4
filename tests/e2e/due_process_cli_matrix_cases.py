"""CLI permission-matrix cases (see cli_matrix_cases.py) for `appeal ...`, `reinstatement
...` and `council ...`. Accounts, actions and old suspensions are written through the
services (the CLI has no content commands)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

from sqlalchemy import select
from tests.e2e.cli_matrix_cases import Cli, CliCase, Invocation, _c, inv

from townsquare.bootstrap import App, open_app
from townsquare.services.content import create_account
from townsquare.services.context import build_services
from townsquare.services.enforcement import request_from, take_action
from townsquare.settings import load_settings
from townsquare.staff.permissions import Permission as P
from townsquare.store.moderation_tables import ApiToken
from townsquare.store.tables import utcnow


@contextmanager
def store() -> Iterator[App]:
    app = open_app(load_settings())
    try:
        yield app
    finally:
        app.close()


def acted(n: int, kind: str, days_ago: int = 0, high_profile: bool = False) -> tuple[str, int]:
    """A new account and an action on it by matrix-setup; (account, action id)."""
    with store() as app:
        create_account(app.sessions, f"acct{n}", f"acct{n}", high_profile=high_profile)
        body = {"kind": kind, "subject_type": "account", "subject_id": f"acct{n}",
                "policy": "spam"}
        if kind == "suspend":
            body["duration_seconds"] = 3_600 * 24 * 3_000
        made = take_action(build_services(app).moderation, request_from(body), "matrix-setup",
                           now=utcnow() - timedelta(days=days_ago))
    return f"acct{n}", int(made["id"])


def appeal(cli: Cli, n: int) -> str:
    subject, action = acted(n, "warn")
    made = cli.setup_json("appeal", "file", "action", str(action), "--account", subject,
                          "--statement", "unfair")
    return str(made["id"])


def reinstatement(cli: Cli, n: int, high_profile: bool = False) -> dict[str, object]:
    subject, _ = acted(n, "suspend", days_ago=100, high_profile=high_profile)
    made: dict[str, object] = cli.setup_json("reinstatement", "request", subject,
                                             "--statement", "Let me back.")
    return made


def seat_matrix_identities(cli: Cli) -> None:
    """Every matrix identity there is on the council (the role under test among them)."""
    with store() as app, app.sessions() as session:
        names = list(session.scalars(select(ApiToken.name).where(
            ApiToken.name.like("matrix-%"))))
    for name in names:
        cli.run(cli.setup_token, ["council", "add-member", name])  # seated already: fine


def proposal(cli: Cli, n: int) -> str:
    seat_matrix_identities(cli)
    made = cli.setup_json("council", "propose", "--kind", "other", "--title", f"Q{n}",
                          "--body", "Well?")
    return str(made["id"])


def new_proposal(cli: Cli, n: int) -> Invocation:
    seat_matrix_identities(cli)
    return inv("council", "propose", "--kind", "other", "--title", f"New {n}", "--body",
               "Well?")


def council_case(cli: Cli, n: int) -> str:
    seat_matrix_identities(cli)
    return str(reinstatement(cli, n, high_profile=True)["proposal_id"])


def seat(cli: Cli, n: int) -> str:
    cli.setup("token", "create", f"seat{n}", "--role", "council")
    return f"seat{n}"


def seated(cli: Cli, n: int) -> str:
    name = seat(cli, n)
    cli.setup("council", "add-member", name)
    return name


DUE_PROCESS_CLI_CASES: dict[str, CliCase] = {
    "appeal file": _c(P.CONTENT_WRITE, lambda c, n: inv(
        "appeal", "file", "action", str(acted(n, "warn")[1]), "--account", f"acct{n}",
        "--statement", "unfair")),
    "appeal list": _c(P.APPEALS_DECIDE, lambda c, n: inv("appeal", "list")),
    "appeal show": _c(P.APPEALS_DECIDE, lambda c, n: inv("appeal", "show", appeal(c, n))),
    "appeal decide": _c(P.APPEALS_DECIDE, lambda c, n: inv(
        "appeal", "decide", appeal(c, n), "--outcome", "denied", "--rationale", "It stands.")),
    "reinstatement request": _c(P.CONTENT_WRITE, lambda c, n: inv(
        "reinstatement", "request", acted(n, "suspend", days_ago=100)[0], "--statement",
        "Let me back.")),
    "reinstatement list": _c(P.REINSTATEMENT_DECIDE, lambda c, n: inv(
        "reinstatement", "list")),
    "reinstatement show": _c(P.REINSTATEMENT_DECIDE, lambda c, n: inv(
        "reinstatement", "show", str(reinstatement(c, n)["id"]))),
    "reinstatement decide": _c(P.REINSTATEMENT_DECIDE, lambda c, n: inv(
        "reinstatement", "decide", str(reinstatement(c, n)["id"]), "--decision", "refuse",
        "--rationale", "Too soon.")),
    "reinstatement decisions": _c(P.STATUS_READ, lambda c, n: inv(
        "reinstatement", "decisions")),
    "council members": _c(P.STATUS_READ, lambda c, n: inv("council", "members")),
    "council add-member": _c(P.COUNCIL_ADMIN, lambda c, n: inv(
        "council", "add-member", seat(c, n))),
    "council remove-member": _c(P.COUNCIL_ADMIN, lambda c, n: inv(
        "council", "remove-member", seated(c, n))),
    "council propose": _c(P.COUNCIL_ADMIN, lambda c, n: new_proposal(c, n)),
    "council proposals": _c(P.STATUS_READ, lambda c, n: inv("council", "proposals")),
    "council show": _c(P.STATUS_READ, lambda c, n: inv("council", "show", proposal(c, n))),
    "council case": _c(P.COUNCIL_VOTE, lambda c, n: inv("council", "case", council_case(c, n))),
    "council vote": _c(P.COUNCIL_VOTE, lambda c, n: inv(
        "council", "vote", proposal(c, n), "--choice", "abstain", "--reason", "Not my area.")),
    "council close": _c(P.COUNCIL_ADMIN, lambda c, n: inv("council", "close", proposal(c, n))),
    "council close-due": _c(P.COUNCIL_ADMIN, lambda c, n: inv("council", "close-due")),
}
