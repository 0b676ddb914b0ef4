"""The `townsquare` command line: thin Typer commands over the services."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, cast

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn
from rich.table import Table

from townsquare.canary.layout import parse_channels, parse_rejected
from townsquare.canary.model import CHANNELS, CanaryError
from townsquare.cli.common import application, cli_actor, emit_json, err, fail, out
from townsquare.settings import load_settings
from townsquare.staff.permissions import Permission as P

app = typer.Typer(no_args_is_help=True, add_completion=False, help=__doc__)
memo_app = typer.Typer(no_args_is_help=True, help="Issue fingerprinted memo copies.")
leak_app = typer.Typer(no_args_is_help=True, help="Trace leaked copies to their recipients.")
app.add_typer(memo_app, name="memo")
app.add_typer(leak_app, name="leak")
token_app = typer.Typer(no_args_is_help=True, help="API bearer tokens.")
policy_app = typer.Typer(no_args_is_help=True, help="Visibility policy files.")
app.add_typer(token_app, name="token")
app.add_typer(policy_app, name="policy")

def _channels(value: str) -> tuple[Any, ...]:
    try:
        return parse_channels(value.split(","))
    except CanaryError as exc:
        raise typer.BadParameter(str(exc)) from None


ALL_CHANNELS = ",".join(CHANNELS)
RejectOpt = Annotated[
    str,
    typer.Option(
        "--reject-lexical",
        help="Comma-separated lexical rule ids or families to leave out (e.g. en.contraction).",
    ),
]


def _rejected(value: str) -> frozenset[str]:
    try:
        return parse_rejected(value.split(","))
    except CanaryError as exc:
        raise typer.BadParameter(str(exc)) from None


ChannelsOpt = Annotated[
    str,
    typer.Option("--channels", help="Comma-separated channels to use.", show_default=True),
]


@memo_app.command("issue")
def memo_issue(
    memo: Annotated[Path, typer.Argument(help="The memo (UTF-8 text or Markdown).")],
    recipients: Annotated[Path, typer.Option("--recipients", help="CSV with id,name,email.")],
    out_dir: Annotated[Path, typer.Option("--out", help="Directory for the copies.")],
    title: Annotated[str | None, typer.Option("--title", help="Title shown in listings.")] = None,
    channels: ChannelsOpt = ALL_CHANNELS,
    reject_lexical: RejectOpt = "",
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON object.")] = False,
) -> None:
    """Write one fingerprinted copy per recipient to OUT/<id><ext> and store the memo."""
    from townsquare.services.memos import issue_memo, plan_to_dict

    chosen = _channels(channels)
    rejected = _rejected(reject_lexical)
    with application() as a:
        actor = cli_actor(a, P.MEMOS_ISSUE)
        with Progress(
            "[progress.description]{task.description}",
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=err,
            transient=True,
            disable=as_json,
        ) as bar:
            task = bar.add_task("issuing copies", total=None)

            def advance(n: int) -> None:
                bar.update(task, advance=n)

            result = issue_memo(
                a.sessions,
                a.key,
                memo,
                recipients,
                out_dir,
                title=title,
                channels=chosen,
                rejected_lexical=rejected,
                progress=advance,
                actor=actor.name,
            )
        if as_json:
            emit_json(
                {
                    "memo_id": result.memo_id,
                    "copies": result.copies,
                    "out": str(result.out_dir),
                    "capacity": plan_to_dict(result.plan)["capacity"],
                    "plan": plan_to_dict(result.plan),
                }
            )
        else:
            err.print(f"wrote {result.copies} copies to {result.out_dir}")
            out.print(result.memo_id, highlight=False)


@memo_app.command("plan")
def memo_plan(
    memo: Annotated[Path, typer.Argument(help="The memo to plan for.")],
    recipients: Annotated[int, typer.Option("--recipients", help="How many recipients.")],
    channels: ChannelsOpt = ALL_CHANNELS,
    reject_lexical: RejectOpt = "",
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON object.")] = False,
) -> None:
    """Capacity per channel and the shortest excerpt that still names one leaker."""
    from townsquare.services.memos import plan_memo, plan_to_dict

    chosen = _channels(channels)
    try:
        p = plan_memo(memo, recipients, chosen, _rejected(reject_lexical))
    except CanaryError as exc:
        fail(str(exc))
        return
    data = plan_to_dict(p)
    if as_json:
        emit_json(data)
        return
    cap = Table(title=f"Capacity ({p.sentences} sentences)")
    for col in ("channel", "slots", "bits"):
        cap.add_column(col)
    for c in p.capacity:
        cap.add_row(c.channel, str(c.slots), f"{c.bits:.0f}")
    out.print(cap)
    forms = Table(title=f"Naming one leaker among {p.recipients} (error <= {p.threshold:g})")
    for col in ("leak form", "full copy", "any excerpt of", "typical excerpt"):
        forms.add_column(col)
    for f in p.forms:
        forms.add_row(
            f.form,
            "yes" if f.full_copy_identifies else "no",
            f"{f.shortest_excerpt} sentences" if f.shortest_excerpt else "-",
            f"{f.typical_excerpt} sentences" if f.typical_excerpt else "-",
        )
    out.print(forms)
    if not p.can_carry:
        fail(f"this memo cannot carry {recipients} recipients", code=1)


@memo_app.command("list")
def memo_list(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Stored memos, newest first."""
    from townsquare.services.memos import list_memos

    with application() as a:
        cli_actor(a, P.MEMOS_ISSUE)
        rows = list_memos(a.sessions)
    if as_json:
        emit_json([r._asdict() for r in rows])
        return
    table = Table()
    for col in ("id", "title", "language", "recipients", "created"):
        table.add_column(col)
    for r in rows:
        table.add_row(
            r.id, r.title, r.language, str(r.recipient_count), f"{r.created_at:%Y-%m-%d %H:%M}"
        )
    out.print(table)


@memo_app.command("show")
def memo_show(
    memo_id: Annotated[str, typer.Argument(help="The memo id (see `memo list`).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """A memo's details, plan and trace history."""
    from townsquare.services.memos import show_memo

    with application() as a:
        cli_actor(a, P.MEMOS_ISSUE)
        data = show_memo(a.sessions, memo_id)
    if as_json:
        emit_json(data)
        return
    for k in (
        "memo_id",
        "title",
        "filename",
        "language",
        "recipients",
        "sentences",
        "slots",
        "created_at",
    ):
        out.print(f"[bold]{k}:[/] {data[k]}", highlight=False)
    out.print(f"[bold]channels:[/] {', '.join(data['channels'])}")
    out.print(f"[bold]traces:[/] {len(data['traces'])}")


def _print_trace(r: dict[str, Any]) -> None:
    colour = {"identified": "red", "inconclusive": "yellow", "no_match": "green"}[r["verdict"]]
    page = r.get("kind") == "console_page"
    source = f"console page text #{r['page_text_id']}" if page else f"memo: {r['memo_id'] or '-'}"
    out.print(f"[bold {colour}]{r['verdict']}[/]  {source}", highlight=False)
    if r["accused"]:
        table = Table(title="Accused")
        columns = ("viewer", "page", "viewed at", "view") if page else ("recipient", "name")
        for col in (*columns, "false-accusation probability", "score"):
            table.add_column(col)
        for a in r["accused"]:
            who = (
                (a["name"], a["page"], a["viewed_at"], a["recipient_id"])
                if page
                else (a["recipient_id"], a["name"])
            )
            table.add_row(*who, f"{a['false_accusation_probability']:.2e}", f"{a['score']:.1f}")
        out.print(table)
    out.print(
        f"slots read: {r['slots_read']} of {r['slots_total']} "
        f"(sentences matched: {r.get('sentences_matched', 0)})"
    )
    for name, ch in r["channels"].items():
        if ch.get("enabled"):
            out.print(f"  {name}: {ch['read']} of {ch['slots']} slots read")
    if r["verdict"] == "inconclusive":
        more = r["needed_sentences"]
        out.print(
            "not enough evidence to name anyone"
            + (f"; about {more} more sentences would be needed" if more else "")
        )


@leak_app.command("trace")
def leak_trace(
    file: Annotated[Path, typer.Argument(help="Leaked text, or an image (PNG/JPEG) of it.")],
    memo_id: Annotated[str | None, typer.Option("--memo", help="The memo it leaked from.")] = None,
    threshold: Annotated[
        float, typer.Option("--threshold", help="False-accusation probability allowed.")
    ] = 1e-6,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Name the recipient(s) a leak came from, with a false-accusation probability each."""
    from townsquare.services.leaks import trace_leak

    with application() as a:
        actor = cli_actor(a, P.LEAKS_TRACE)
        result = trace_leak(a.sessions, a.key, file, memo_id=memo_id, threshold=threshold,
                            actor=actor.name)
    if as_json:
        emit_json(result)
    else:
        _print_trace(result)


@app.command("demo")
def demo(
    recipients: Annotated[int, typer.Option("--recipients", help="How many copies.")] = 1000,
) -> None:
    """Issue copies of a bundled memo, leak one in several ways, trace each leak (in a
    throwaway store of its own: the configured one is not touched)."""
    import tempfile

    from townsquare.bootstrap import open_app
    from townsquare.demo import run_demo

    with tempfile.TemporaryDirectory(prefix="townsquare-demo-") as work:
        demo_app = open_app(load_settings(
            data_dir=Path(work), database_url=f"sqlite:///{work}/demo.sqlite3",
            key_file=Path(work) / "demo.key"))
        try:
            run_demo(demo_app, recipients, out, _print_trace)
        finally:
            demo_app.close()


@token_app.command("create")
def token_create(
    name: Annotated[str, typer.Argument(help="Who or what the token is for.")],
    role: Annotated[
        str,
        typer.Option(
            "--role", help="service, triage, moderator, senior_moderator, policy, auditor or admin."
        ),
    ],
) -> None:
    """Create a bearer token; the secret is printed once, as the last line."""
    from townsquare.services.staff import create_service_token

    with application() as a:
        try:
            secret = create_service_token(a.sessions, cli_actor(a, P.STAFF_ADMIN), name, role)
        except ValueError as exc:
            fail(str(exc))
            return
    err.print(f"token {name!r} with role {role!r} created; store it now, it is not shown again")
    print(secret)


@token_app.command("revoke")
def token_revoke(name: Annotated[str, typer.Argument(help="The token's name.")]) -> None:
    """Revoke a token (servers stop accepting it within seconds)."""
    from townsquare.services.tokens import revoke_token

    with application() as a:
        revoke_token(a.sessions, name, actor=cli_actor(a, P.STAFF_ADMIN))
    out.print(f"revoked {name}")


@policy_app.command("check")
def policy_check(
    file: Annotated[Path, typer.Argument(help="A policy file (YAML or TOML).")],
) -> None:
    """Validate a policy file; exit 2 with the first problem."""
    from townsquare.moderation.model import ModerationError
    from townsquare.moderation.verdicts import CompiledPolicy
    from townsquare.policy_files import read_policy

    try:
        policy = read_policy(file)
        CompiledPolicy(policy)
    except ModerationError as exc:
        fail(str(exc))
        return
    out.print(
        f"ok: {policy.name} v{policy.version}: {len(policy.labels)} labels, "
        f"{len(policy.rules)} rules"
    )


@policy_app.command("shadow")
def policy_shadow(
    file: Annotated[Path, typer.Argument(help="Candidate policy file.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Compare a candidate policy with the one in force now (a stored version, or a civic
    event's variant): every verdict that would change."""
    from townsquare.moderation.model import ModerationError
    from townsquare.moderation.verdicts import CompiledPolicy, shadow_diff
    from townsquare.policy_files import read_policy
    from townsquare.services.policies import live_policy

    try:
        candidate = CompiledPolicy(read_policy(file))
    except ModerationError as exc:
        fail(str(exc))
        return
    with application() as a:
        cli_actor(a, P.POLICY_READ)
        live = live_policy(a.sessions, a.settings)
    changes = shadow_diff(live, candidate)
    if as_json:
        emit_json({"changed_cells": len(changes), "changes": changes})
        return
    table = Table(title=f"{len(changes)} verdict cells change")
    for col in ("label", "surface", "relation", "viewer flags", "before", "after"):
        table.add_column(col)
    for c in changes:
        table.add_row(
            str(c["label"]),
            str(c["surface"]),
            str(c["relation"]),
            str(c["viewer_flags"]),
            ", ".join(cast(list[str], c["before"])),
            ", ".join(cast(list[str], c["after"])),
        )
    out.print(table)


@app.command("serve")
def serve(
    host: Annotated[str, typer.Option("--host")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port")] = 8000,
    workers: Annotated[int, typer.Option("--workers", min=1, max=32)] = 1,
    seed_demo: Annotated[bool, typer.Option("--seed-demo", help="Seed the demo platform.")] = False,
) -> None:
    """Serve the HTTP API (OpenAPI at /docs) and the demo platform at /demo."""
    import uvicorn

    with application() as a:  # migrate once, before workers start
        if seed_demo:
            from townsquare.web.seed import seed_demo as seed

            seed(a)
    err.print(f"townsquare on http://{host}:{port}  (API docs: /docs, demo: /demo)")
    uvicorn.run(
        "townsquare.api.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
    )


def main() -> None:
    app()


# Command groups in modules of their own register themselves on `app`.
from townsquare.cli.lockdown import approval_app, lockdown_app  # noqa: E402
from townsquare.cli.staff import role_app, staff_app  # noqa: E402

app.add_typer(staff_app, name="staff")
app.add_typer(role_app, name="role")
app.add_typer(lockdown_app, name="lockdown")
app.add_typer(approval_app, name="approval")
from townsquare.cli.audit import audit_app  # noqa: E402

app.add_typer(audit_app, name="audit")
from townsquare.cli.reports import queue_app, report_app  # noqa: E402

app.add_typer(report_app, name="report")
app.add_typer(queue_app, name="queue")
from townsquare.cli.civic import civic_app, register_policy_commands  # noqa: E402
from townsquare.cli.external_requests import request_app  # noqa: E402

app.add_typer(civic_app, name="civic")
app.add_typer(request_app, name="request")
register_policy_commands(policy_app)
from townsquare.cli.due_process import appeal_app, council_app, reinstatement_app  # noqa: E402

app.add_typer(appeal_app, name="appeal")
app.add_typer(reinstatement_app, name="reinstatement")
app.add_typer(council_app, name="council")
from townsquare.cli.delivery import pledge_app, register_memo_commands  # noqa: E402

register_memo_commands(memo_app)
app.add_typer(pledge_app, name="pledge")
