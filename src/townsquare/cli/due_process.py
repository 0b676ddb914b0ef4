"""`townsquare appeal|reinstatement|council ...`: appeals, reinstatement requests and the
moderation council from the command line (identity: TOWNSQUARE_TOKEN). Each command checks
the permission its API route checks."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from townsquare.cli.common import application, cli_actor, emit_json, fail, out
from townsquare.staff.permissions import Permission as P

appeal_app = typer.Typer(no_args_is_help=True, help="Appeals against actions and labels.")
reinstatement_app = typer.Typer(no_args_is_help=True,
                                help="Suspended accounts' requests to return.")
council_app = typer.Typer(no_args_is_help=True, help="The moderation council.")

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON.")]


def _show(data: Any, as_json: bool, line: str) -> None:
    if as_json:
        emit_json(data)
    else:
        out.print(line, markup=False, highlight=False)


def _table(rows: list[dict[str, Any]], columns: tuple[str, ...], as_json: bool) -> None:
    if as_json:
        emit_json(rows)
        return
    table = Table(*columns)
    for row in rows:
        table.add_row(*("-" if row.get(c) is None else str(row[c]) for c in columns))
    out.print(table)


# --- appeals ----------------------------------------------------------------------------


@appeal_app.command("file")
def appeal_file(
    target_type: Annotated[str, typer.Argument(help="action or label")],
    target_id: Annotated[int, typer.Argument()],
    account: Annotated[str, typer.Option("--account", help="The account appealing.")],
    statement: Annotated[str, typer.Option("--statement", help="The author's own words.")],
    as_json: JsonOpt = False,
) -> None:
    """File an author's appeal (as the platform) against an action or a label."""
    from townsquare.services.appeals import file_appeal
    from townsquare.services.context import build_services

    with application() as a:
        made = file_appeal(build_services(a), cli_actor(a, P.CONTENT_WRITE), target_type,
                           target_id, account, statement)
    _show(made, as_json, f"appeal #{made['id']} filed against {target_type} #{target_id}")


@appeal_app.command("list")
def appeal_list(
    status: Annotated[str | None, typer.Option("--status", help="open, upheld or denied")
                      ] = None,
    account: Annotated[str | None, typer.Option("--account")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Appeals under the policies you may decide, newest first."""
    from townsquare.services.appeals import list_appeals
    from townsquare.services.context import build_services

    with application() as a:
        rows = list_appeals(build_services(a), cli_actor(a, P.APPEALS_DECIDE), status=status,
                            account_id=account)
    _table(rows, ("id", "status", "target_type", "target_id", "account_id", "policy",
                  "filed_at", "decided_by"), as_json)


@appeal_app.command("show")
def appeal_show(appeal_id: Annotated[int, typer.Argument()], as_json: JsonOpt = False) -> None:
    """One appeal with the author's statement (the read is audited)."""
    from townsquare.services.appeals import get_appeal
    from townsquare.services.context import build_services

    with application() as a:
        row = get_appeal(build_services(a), cli_actor(a, P.APPEALS_DECIDE), appeal_id)
    _show(row, as_json, f"appeal #{row['id']} ({row['status']}) against "
                        f"{row['target_type']} #{row['target_id']} by {row['account_id']}: "
                        f"{row['statement']}")


@appeal_app.command("decide")
def appeal_decide(
    appeal_id: Annotated[int, typer.Argument()],
    outcome: Annotated[str, typer.Option("--outcome", help="upheld (undo it) or denied")],
    rationale: Annotated[str, typer.Option("--rationale", help="Told to the author.")],
    as_json: JsonOpt = False,
) -> None:
    """Uphold or deny an appeal (not as the person who took the action)."""
    from townsquare.services.appeals import decide_appeal
    from townsquare.services.context import build_services

    with application() as a:
        done = decide_appeal(build_services(a), cli_actor(a, P.APPEALS_DECIDE), appeal_id,
                             outcome, rationale)
    undone = done["undone"] or {}
    _show(done, as_json, f"appeal #{appeal_id} {done['status']}" + (
        f": lifted {len(undone.get('labels', []))} label(s), removed "
        f"{len(undone.get('strikes', []))} strike(s)" if done["status"] == "upheld" else ""))


# --- reinstatement ----------------------------------------------------------------------


@reinstatement_app.command("request")
def reinstatement_request(
    account: Annotated[str, typer.Argument()],
    statement: Annotated[str, typer.Option("--statement", help="The account holder's words.")],
    as_json: JsonOpt = False,
) -> None:
    """File a suspended account's request to return (as the platform)."""
    from townsquare.services.context import build_services
    from townsquare.services.reinstatement import request_reinstatement

    with application() as a:
        made = request_reinstatement(build_services(a), cli_actor(a, P.CONTENT_WRITE),
                                     account, statement)
    where = (f"council proposal #{made['proposal_id']}" if made["proposal_id"]
             else "senior review")
    _show(made, as_json, f"reinstatement request #{made['id']} for {account}: {where}")


@reinstatement_app.command("list")
def reinstatement_list(
    status: Annotated[str | None, typer.Option(
        "--status", help="review, council, approval, granted or refused")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Requests with their statements (the read is audited)."""
    from townsquare.services.context import build_services
    from townsquare.services.reinstatement import list_requests

    with application() as a:
        rows = list_requests(build_services(a), cli_actor(a, P.REINSTATEMENT_DECIDE), status)
    _table(rows, ("id", "account_id", "status", "high_profile", "proposal_id", "filed_at",
                  "statement"), as_json)


@reinstatement_app.command("show")
def reinstatement_show(request_id: Annotated[int, typer.Argument()],
                       as_json: JsonOpt = False) -> None:
    from townsquare.services.context import build_services
    from townsquare.services.reinstatement import get_request

    with application() as a:
        row = get_request(build_services(a), cli_actor(a, P.REINSTATEMENT_DECIDE), request_id)
    _show(row, as_json, f"request #{row['id']} ({row['status']}) for {row['account_id']}: "
                        f"{row['statement']}")


@reinstatement_app.command("decide")
def reinstatement_decide(
    request_id: Annotated[int, typer.Argument()],
    decision: Annotated[str, typer.Option("--decision", help="grant or refuse")],
    rationale: Annotated[str, typer.Option("--rationale", help="Published with the decision.")],
    as_json: JsonOpt = False,
) -> None:
    """Refuse, or grant (a second senior moderator approves: townsquare approval approve)."""
    from townsquare.services.context import build_services
    from townsquare.services.reinstatement import decide

    with application() as a:
        done = decide(build_services(a), cli_actor(a, P.REINSTATEMENT_DECIDE), request_id,
                      decision, rationale)
    pending = done["approval_request"]
    _show(done, as_json, f"approval request #{pending['id']} waits for a second person"
          if done["status"] == "pending" and pending else
          f"reinstatement request #{request_id} {done['status']}")


@reinstatement_app.command("decisions")
def reinstatement_decisions(as_json: JsonOpt = False) -> None:
    """Published decisions and their rationales."""
    from townsquare.services.context import build_services
    from townsquare.services.reinstatement import list_decisions

    with application() as a:
        cli_actor(a, P.STATUS_READ)
        rows = list_decisions(build_services(a))
    _table(rows, ("id", "account_id", "status", "decided_through", "decided_at", "rationale"),
           as_json)


# --- council ----------------------------------------------------------------------------


@council_app.command("members")
def council_members(
    include_past: Annotated[bool, typer.Option("--all", help="Former members too.")] = False,
    as_json: JsonOpt = False,
) -> None:
    from townsquare.services.context import build_services
    from townsquare.services.council import list_members

    with application() as a:
        cli_actor(a, P.STATUS_READ)
        rows = list_members(build_services(a), include_past)
    _table(rows, ("name", "added_by", "added_at", "removed_at"), as_json)


@council_app.command("add-member")
def council_add_member(name: Annotated[str, typer.Argument(
        help="A staff username or a token's name.")]) -> None:
    from townsquare.services.context import build_services
    from townsquare.services.council import add_member

    with application() as a:
        add_member(build_services(a), cli_actor(a, P.COUNCIL_ADMIN), name)
    out.print(f"{name} sits on the council", markup=False)


@council_app.command("remove-member")
def council_remove_member(name: Annotated[str, typer.Argument()]) -> None:
    from townsquare.services.context import build_services
    from townsquare.services.council import remove_member

    with application() as a:
        remove_member(build_services(a), cli_actor(a, P.COUNCIL_ADMIN), name)
    out.print(f"{name} left the council", markup=False)


@council_app.command("propose")
def council_propose(
    kind: Annotated[str, typer.Option("--kind", help="policy_change, escalated_case or other")],
    title: Annotated[str, typer.Option("--title")],
    body: Annotated[str, typer.Option("--body", help="The question and its background.")],
    policy_file: Annotated[Path | None, typer.Option(
        "--policy-file", help="policy_change: the proposed policy (YAML).")] = None,
    subject_type: Annotated[str | None, typer.Option(
        "--subject-type", help="escalated_case: report, action or appeal")] = None,
    subject_id: Annotated[str | None, typer.Option("--subject-id")] = None,
    days: Annotated[float | None, typer.Option(
        "--days", help="Voting period (default: the configured one).")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Put a question to the council (council.admin; policy.write for a policy change,
    reports.assign for an escalated case)."""
    from townsquare.services.context import build_services
    from townsquare.services.council import propose
    from townsquare.store.tables import utcnow

    policy_text = None
    if policy_file is not None:
        try:
            policy_text = policy_file.read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            fail(f"{policy_file}: cannot read a UTF-8 policy file ({exc})")
    if days is not None and days <= 0:
        fail("--days: a positive number of days")
    with application() as a:
        deadline = utcnow() + timedelta(days=days) if days is not None else None
        made = propose(build_services(a), cli_actor(a, None), kind, title, body,
                       policy_text=policy_text, subject_type=subject_type,
                       subject_id=subject_id, deadline=deadline)
    _show(made, as_json, f"council proposal #{made['id']} open until {made['deadline']}; "
                         f"electorate: {', '.join(made['electorate'])}")


@council_app.command("proposals")
def council_proposals(
    status: Annotated[str | None, typer.Option(
        "--status", help="open, closed, adopted, rejected or no_quorum")] = None,
    as_json: JsonOpt = False,
) -> None:
    from townsquare.services.context import build_services
    from townsquare.services.council import list_proposals

    with application() as a:
        cli_actor(a, P.STATUS_READ)
        rows = list_proposals(build_services(a), status)
    _table(rows, ("id", "kind", "title", "status", "deadline", "voted"), as_json)


@council_app.command("show")
def council_show(proposal_id: Annotated[int, typer.Argument()],
                 as_json: JsonOpt = False) -> None:
    """A proposal; once closed, its published decision with every vote and reason."""
    from townsquare.services.context import build_services
    from townsquare.services.council import get_proposal

    with application() as a:
        cli_actor(a, P.STATUS_READ)
        row = get_proposal(build_services(a), proposal_id)
    _show(row, as_json, f"#{row['id']} {row['title']} [{row['status']}]\n"
                        f"{row['decision'] or 'voted so far: ' + ', '.join(row['voted'])}")


@council_app.command("case")
def council_case(proposal_id: Annotated[int, typer.Argument()],
                 as_json: JsonOpt = False) -> None:
    """The reinstatement request behind a proposal, for its voters (audited read)."""
    from townsquare.services.context import build_services
    from townsquare.services.reinstatement import case_for_council

    with application() as a:
        row = case_for_council(build_services(a), cli_actor(a, P.COUNCIL_VOTE), proposal_id)
    _show(row, as_json, f"request #{row['id']} for {row['account_id']} (suspended since "
                        f"{row['suspended_at']}): {row['statement']}")


@council_app.command("vote")
def council_vote(
    proposal_id: Annotated[int, typer.Argument()],
    choice: Annotated[str, typer.Option("--choice", help="for, against or abstain")],
    reason: Annotated[str, typer.Option("--reason", help="Published with the decision.")],
    as_json: JsonOpt = False,
) -> None:
    """Cast or change your vote (members of the proposal's electorate)."""
    from townsquare.services.context import build_services
    from townsquare.services.council import vote

    with application() as a:
        row = vote(build_services(a), cli_actor(a, P.COUNCIL_VOTE), proposal_id, choice,
                   reason)
    _show(row, as_json, f"vote recorded on #{proposal_id}; proposal {row['status']}")


@council_app.command("close")
def council_close(proposal_id: Annotated[int, typer.Argument()],
                  as_json: JsonOpt = False) -> None:
    """Close voting now and publish the decision."""
    from townsquare.services.context import build_services
    from townsquare.services.council import close

    with application() as a:
        row = close(build_services(a), cli_actor(a, P.COUNCIL_ADMIN), proposal_id)
    _show(row, as_json, f"#{proposal_id} {row['status']}: {row['decision']}")


@council_app.command("close-due")
def council_close_due() -> None:
    """Close every proposal past its deadline (for a scheduler; reads do it too)."""
    from townsquare.services.context import build_services
    from townsquare.services.council import close_due

    with application() as a:
        cli_actor(a, P.COUNCIL_ADMIN)
        closed = close_due(build_services(a))
    out.print(f"closed {len(closed)} proposal(s)" + (
        f": {', '.join(f'#{i}' for i in closed)}" if closed else ""), markup=False)
