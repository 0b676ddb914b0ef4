"""Leak tracing in the console: compose or upload a memo, approve or reject its lexical
variants, see the plan, issue it to an uploaded recipient list (copies as a zip), see a
memo (its text shown as the viewer's own fingerprinted copy), and trace an uploaded leak
— text or screenshot, of a memo or of a console page — to the accused, with the evidence
per sentence."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from townsquare.canary.model import CHANNELS, Channel
from townsquare.canary.trace import DEFAULT_THRESHOLD
from townsquare.services import memo_drafts
from townsquare.services.errors import NotFoundError
from townsquare.services.inputs import InputError
from townsquare.staff.actor import Actor
from townsquare.staff.permissions import Permission as P
from townsquare.web.console.pages import Csrf, Viewer
from townsquare.web.console.render import add_nav, is_htmx, page
from townsquare.web.console.routing import ConsoleRoute
from townsquare.web.console.session import runtime_of

leaks_router = APIRouter(prefix="/console", include_in_schema=False, route_class=ConsoleRoute)
MAX_MEMO_BYTES = 400_000
Text = Annotated[str, Form(max_length=MAX_MEMO_BYTES)]
Names = Annotated[list[str], Form()]
Upload = Annotated[UploadFile | None, File()]

add_nav("Memos", "/console/memos", P.MEMOS_ISSUE)
add_nav("Leak trace", "/console/leaks", P.LEAKS_TRACE)


def _channels(chosen: list[str]) -> tuple[Channel, ...]:
    picked = tuple(c for c in CHANNELS if c in chosen)
    if not picked:
        raise InputError("choose at least one channel")
    return picked


async def _upload_text(upload: UploadFile | None, text: str, what: str) -> tuple[str, str]:
    """The uploaded file's text (and name) when one was chosen, else the typed text."""
    if upload is None or not upload.filename:
        return text, ""
    data = await upload.read(MAX_MEMO_BYTES + 1)
    if len(data) > MAX_MEMO_BYTES:
        raise InputError(f"the {what} is larger than {MAX_MEMO_BYTES:,} bytes")
    try:
        return data.decode("utf-8-sig"), upload.filename
    except UnicodeDecodeError:
        raise InputError(f"the {what} {upload.filename!r} is not UTF-8 text") from None


def _rejected(reviewed: bool, offered: list[str], used: list[str]) -> frozenset[str]:
    """Rules and families offered on the review page but not ticked as used."""
    return frozenset(offered) - frozenset(used) if reviewed else frozenset()


@leaks_router.get("/memos")
def memos(request: Request, viewer: Viewer) -> Response:
    rows = memo_drafts.memo_list(runtime_of(request).services, viewer)
    return page(request, viewer, "leaks_memos.html", title="Memos", memos=rows,
                channels=CHANNELS)


def _review_page(request: Request, viewer: Actor, *, title: str, text: str, filename: str,
                 channels: tuple[Channel, ...], rejected: frozenset[str],
                 recipients: int) -> Response:
    review = memo_drafts.review_draft(viewer, text, channels, rejected, recipients)
    families: dict[str, list[memo_drafts.LexicalRule]] = {}
    for rule in review.rules:
        families.setdefault(rule.family, []).append(rule)
    template = "leaks_review_body.html" if is_htmx(request) else "leaks_review.html"
    return page(request, viewer, template, title="Review memo", review=review,
                families=families, memo_title=title, text=text, filename=filename,
                chosen=channels, channels=CHANNELS, rejected=rejected, recipients=recipients)


@leaks_router.post("/memos/review", dependencies=[Csrf])
async def review(
    request: Request, viewer: Viewer, title: Annotated[str, Form(max_length=200)] = "",
    text: Text = "", upload: Upload = None, filename: Annotated[str, Form(max_length=255)] = "",
    channel: Names = [], reviewed: Annotated[bool, Form()] = False,  # noqa: B006
    offered: Names = [], use: Names = [],  # noqa: B006
    recipients: Annotated[int, Form(ge=1, le=memo_drafts.MAX_RECIPIENTS_PLANNED)] = 100,
) -> Response:
    body, uploaded = await _upload_text(upload, text, "memo")
    return _review_page(request, viewer, title=title, text=body,
                        filename=uploaded or filename, channels=_channels(channel),
                        rejected=_rejected(reviewed, offered, use), recipients=recipients)


@leaks_router.post("/memos/issue", dependencies=[Csrf])
async def issue(
    request: Request, viewer: Viewer, people: Upload = None,
    title: Annotated[str, Form(max_length=200)] = "", text: Text = "",
    filename: Annotated[str, Form(max_length=255)] = "",
    channel: Names = [], offered: Names = [], use: Names = [],  # noqa: B006
) -> Response:
    csv = await people.read(MAX_MEMO_BYTES + 1) if people is not None else b""
    if people is None or not people.filename or not csv.strip():
        raise InputError("choose the recipient list (a CSV with the header id,name,email)")
    memo_id = memo_drafts.issue_from_console(
        runtime_of(request).services, viewer, title=title, text=text, filename=filename,
        recipients_csv=csv, channels=_channels(channel),
        rejected=_rejected(True, offered, use),
    )
    target = f"/console/memos/{memo_id}"
    if is_htmx(request):
        return Response(status_code=204, headers={"HX-Redirect": target})
    return RedirectResponse(target, status_code=303)


@leaks_router.get("/memos/{memo_id}")
def memo(request: Request, viewer: Viewer, memo_id: str) -> Response:
    data = memo_drafts.open_memo(runtime_of(request).services, viewer, memo_id)
    return page(request, viewer, "leaks_memo.html", title=data["title"], memo=data)


@leaks_router.get("/memos/{memo_id}/copies.zip")
def copies(request: Request, viewer: Viewer, memo_id: str) -> Response:
    data = memo_drafts.copies_zip(runtime_of(request).services, viewer, memo_id)
    if data is None:
        raise NotFoundError(f"no copies of memo {memo_id!r} were issued from the console")
    return Response(data, media_type="application/zip", headers={
        "Content-Disposition": f'attachment; filename="{memo_id}-copies.zip"'})


@leaks_router.get("/leaks")
def trace_form(request: Request, viewer: Viewer) -> Response:
    return page(request, viewer, "leaks_trace.html", title="Trace a leak", result=None,
                threshold=DEFAULT_THRESHOLD)


@leaks_router.post("/leaks", dependencies=[Csrf])
async def trace(
    request: Request, viewer: Viewer, text: Text = "", leak: Upload = None,
    threshold: Annotated[float, Form(gt=0, lt=1)] = DEFAULT_THRESHOLD,
) -> Response:
    if leak is not None and leak.filename:
        data, name = await leak.read(), leak.filename
    else:
        data, name = text.encode("utf-8"), "leak.txt"
    result: dict[str, Any] = memo_drafts.trace_upload(
        runtime_of(request).services, viewer, data=data, filename=name, threshold=threshold)
    template = "leaks_result.html" if is_htmx(request) else "leaks_trace.html"
    return page(request, viewer, template, title="Trace a leak", result=result,
                threshold=threshold)
