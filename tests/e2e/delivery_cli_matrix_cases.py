"""CLI permission-matrix cases (see cli_matrix_cases.py) for `memo deliver|deliveries` and
`pledge ...` (deliveries and reminders as dry runs: no SMTP server is needed)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.e2e.cli_matrix_cases import Cli, CliCase, _c, inv, issued_memo

from townsquare.staff.permissions import Permission as P


def deadline() -> str:
    return (datetime.now(UTC) + timedelta(days=1)).isoformat()


def campaign(cli: Cli, n: int) -> str:
    memo_id, _ = issued_memo(cli, n)
    return str(cli.setup_json("pledge", "create", memo_id, "--deadline", deadline())["id"])


DELIVERY_CLI_CASES: dict[str, CliCase] = {
    "memo deliver": _c(P.MEMOS_ISSUE, lambda c, n: inv(
        "memo", "deliver", issued_memo(c, n)[0], "--dry-run", str(c.tmp / f"eml{n}"))),
    "memo deliveries": _c(P.MEMOS_ISSUE, lambda c, n: inv(
        "memo", "deliveries", issued_memo(c, n)[0])),
    "pledge create": _c(P.MEMOS_ISSUE, lambda c, n: inv(
        "pledge", "create", issued_memo(c, n)[0], "--deadline", deadline())),
    "pledge list": _c(P.MEMOS_ISSUE, lambda c, n: inv("pledge", "list")),
    "pledge status": _c(P.MEMOS_ISSUE, lambda c, n: inv("pledge", "status", campaign(c, n))),
    "pledge sign": _c(P.MEMOS_ISSUE, lambda c, n: inv("pledge", "sign", campaign(c, n), "r1")),
    "pledge remind": _c(P.MEMOS_ISSUE, lambda c, n: inv(
        "pledge", "remind", "--dry-run", str(c.tmp / f"reminders{n}"))),
    "pledge export": _c(P.MEMOS_ISSUE, lambda c, n: inv("pledge", "export", campaign(c, n))),
}
