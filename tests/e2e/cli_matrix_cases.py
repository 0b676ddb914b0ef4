"""One working invocation per CLI command, for the CLI permission matrix
(test_cli_permission_matrix.py).

``make(cli, n)`` prepares what the command needs through ``cli.setup`` (an admin every
lockdown in the matrix exempts) and returns the arguments (and stdin) of the call to make
as the role under test. ``need`` is the permission the command checks; ``"any"`` means any
valid token, ``"public"`` a command that never opens the store (run without a token).
Commands in ``NOT_RUN`` are listed with the reason they are not invoked.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from click.testing import Result
from typer.testing import CliRunner

from townsquare.cli import app
from townsquare.staff.permissions import ROLES
from townsquare.staff.permissions import Permission as P

PASSWORD = "matrix password 1"
MEMO = resources.files("townsquare.samples").joinpath("memo_en.md").read_text("utf-8")
POLICY = resources.files("townsquare.moderation.policies").joinpath("default.yaml")
Need = P | Literal["any", "public"]


@dataclass
class Cli:
    runner: CliRunner
    tmp: Path
    setup_token: str = ""

    def run(self, token: str | None, args: list[str], stdin: str | None = None) -> Result:
        env = {"TOWNSQUARE_TOKEN": token or ""}
        return self.runner.invoke(app, args, input=stdin, env=env)

    def setup(self, *args: str, stdin: str | None = None) -> Result:
        result = self.run(self.setup_token, list(args), stdin)
        assert result.exit_code == 0, (args, result.output)
        return result

    def setup_json(self, *args: str) -> Any:
        return json.loads(self.setup(*args, "--json").stdout)


@dataclass(frozen=True)
class Invocation:
    args: list[str]
    stdin: str | None = None


@dataclass(frozen=True)
class CliCase:
    need: Need
    make: Callable[[Cli, int], Invocation]


def memo_files(cli: Cli, n: int) -> tuple[Path, Path]:
    memo = cli.tmp / f"memo{n}.md"
    memo.write_text(MEMO, encoding="utf-8")
    people = cli.tmp / f"people{n}.csv"
    people.write_text("id,name,email\n" + "".join(
        f"r{i},Person {i},r{i}@example.org\n" for i in range(20)), encoding="utf-8")
    return memo, people


def issued_memo(cli: Cli, n: int) -> tuple[str, Path]:
    memo, people = memo_files(cli, n)
    out = cli.tmp / f"copies{n}"
    made = cli.setup_json("memo", "issue", str(memo), "--recipients", str(people),
                          "--out", str(out))
    return str(made["memo_id"]), out / "r3.md"


def staff(cli: Cli, n: int, *roles: str) -> str:
    name = f"staff{n}"
    args = ["staff", "create", name, "--no-password"]
    for role in roles:
        args += ["--role", role]
    cli.setup(*args)
    return name


def token(cli: Cli, n: int) -> str:
    cli.setup("token", "create", f"token{n}", "--role", "service")
    return f"token{n}"


# A drill lockdown that every built-in role is exempt from: in force, yet it freezes
# nothing the matrix goes on to call.
DRILL = ["--permission", "leaks.trace", *(x for role in sorted(ROLES)
                                          for x in ("--exempt-role", role))]


def drill_lockdown(cli: Cli, n: int) -> str:
    return str(cli.setup_json("lockdown", "start", "--reason", f"drill {n}", *DRILL)["id"])


def pending_lift(cli: Cli, n: int) -> str:
    """An approval request (lifting a drill lockdown) made by ``setup``."""
    lift = cli.setup("lockdown", "lift", drill_lockdown(cli, n), "--reason", "over")
    return lift.stdout.split("#")[1].split()[0]


def _c(need: Need, make: Callable[[Cli, int], Invocation]) -> CliCase:
    return CliCase(need, make)


def inv(*args: str, stdin: str | None = None) -> Invocation:
    return Invocation(list(args), stdin)


NOT_RUN = {
    "serve": "starts a long-running server; opens the store only to migrate it",
    "demo": "runs in a throwaway store of its own (never the configured one)",
    "staff bootstrap": "works only while no staff exist; tested in test_cli_staff.py",
}

CLI_CASES: dict[str, CliCase] = {
    # --- leak tracing ---
    "memo issue": _c(P.MEMOS_ISSUE, lambda c, n: inv(
        "memo", "issue", *_issue_args(c, n))),
    "memo plan": _c("public", lambda c, n: inv(
        "memo", "plan", str(memo_files(c, n)[0]), "--recipients", "100")),
    "memo list": _c(P.MEMOS_ISSUE, lambda c, n: inv("memo", "list")),
    "memo show": _c(P.MEMOS_ISSUE, lambda c, n: inv("memo", "show", issued_memo(c, n)[0])),
    "leak trace": _c(P.LEAKS_TRACE, lambda c, n: inv(
        "leak", "trace", str(issued_memo(c, n)[1]), "--json")),
    # --- tokens and policy files ---
    "token create": _c(P.STAFF_ADMIN, lambda c, n: inv(
        "token", "create", f"new{n}", "--role", "service")),
    "token revoke": _c(P.STAFF_ADMIN, lambda c, n: inv("token", "revoke", token(c, n))),
    "policy check": _c("public", lambda c, n: inv("policy", "check", str(POLICY))),
    "policy shadow": _c(P.POLICY_READ, lambda c, n: inv("policy", "shadow", str(POLICY))),
    # --- staff and roles ---
    "staff create": _c(P.STAFF_ADMIN, lambda c, n: inv(
        "staff", "create", f"new{n}", "--no-password")),
    "staff list": _c(P.STAFF_ADMIN, lambda c, n: inv("staff", "list")),
    "staff show": _c(P.STAFF_ADMIN, lambda c, n: inv("staff", "show", staff(c, n))),
    "staff disable": _c(P.STAFF_ADMIN, lambda c, n: inv(
        "staff", "disable", staff(c, n), "--reason", "left")),
    "staff enable": _c(P.STAFF_ADMIN, lambda c, n: inv("staff", "enable", staff(c, n))),
    "staff grant": _c(P.STAFF_ADMIN, lambda c, n: inv("staff", "grant", staff(c, n),
                                                      "triage")),
    "staff revoke": _c(P.STAFF_ADMIN, lambda c, n: inv(
        "staff", "revoke", staff(c, n, "triage"), "triage")),
    "staff teams": _c(P.STAFF_ADMIN, lambda c, n: inv("staff", "teams", staff(c, n),
                                                      "civic-integrity")),
    "staff passwd": _c(P.STAFF_ADMIN, lambda c, n: inv(
        "staff", "passwd", staff(c, n), "--password-stdin", stdin=PASSWORD + "\n")),
    "staff token": _c(P.STAFF_ADMIN, lambda c, n: inv("staff", "token", staff(c, n),
                                                      f"tok{n}")),
    "role list": _c("any", lambda c, n: inv("role", "list")),
    "role create": _c(P.STAFF_ADMIN, lambda c, n: inv(
        "role", "create", f"role_{n}", "--permission", "status.read")),
    # --- lockdowns and approvals ---
    "lockdown start": _c(P.LOCKDOWN_MANAGE, lambda c, n: inv(
        "lockdown", "start", "--reason", f"drill {n}", *DRILL)),
    "lockdown list": _c("any", lambda c, n: inv("lockdown", "list")),
    "lockdown lift": _c(P.LOCKDOWN_MANAGE, lambda c, n: inv(
        "lockdown", "lift", drill_lockdown(c, n), "--reason", "over")),
    "approval list": _c(P.APPROVALS_READ, lambda c, n: inv("approval", "list")),
    "approval approve": _c(P.LOCKDOWN_MANAGE, lambda c, n: inv(
        "approval", "approve", pending_lift(c, n))),
    "approval reject": _c(P.LOCKDOWN_MANAGE, lambda c, n: inv(
        "approval", "reject", pending_lift(c, n))),
    # --- audit ---
    "audit verify": _c(P.AUDIT_READ, lambda c, n: inv("audit", "verify")),
    "audit export": _c(P.AUDIT_READ, lambda c, n: inv(
        "audit", "export", "--out", str(c.tmp / f"audit{n}.jsonl"))),
    "audit list": _c(P.AUDIT_READ, lambda c, n: inv("audit", "list")),
}


def _issue_args(cli: Cli, n: int) -> list[str]:
    memo, people = memo_files(cli, n)
    return [str(memo), "--recipients", str(people), "--out", str(cli.tmp / f"out{n}")]
from tests.e2e.civic_cli_matrix_cases import CIVIC_CLI_CASES  # noqa: E402

CLI_CASES.update(CIVIC_CLI_CASES)
from tests.e2e.due_process_cli_matrix_cases import DUE_PROCESS_CLI_CASES  # noqa: E402

CLI_CASES.update(DUE_PROCESS_CLI_CASES)
from tests.e2e.reports_cli_matrix_cases import REPORTS_CLI_CASES  # noqa: E402

CLI_CASES.update(REPORTS_CLI_CASES)
from tests.e2e.delivery_cli_matrix_cases import DELIVERY_CLI_CASES  # noqa: E402

CLI_CASES.update(DELIVERY_CLI_CASES)
