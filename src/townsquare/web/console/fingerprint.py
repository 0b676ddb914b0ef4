"""The ``fingerprint`` Jinja filter: internal text shown as this viewer's own copy.

``{{ report.text | fingerprint }}`` renders the text through the canary engine with a
codeword of this page view (one per request, recorded with its viewer, path and time),
so a screenshot or paste of the page names who viewed it. The copy is kept in a
``white-space: pre-wrap`` span: double spaces after sentences survive the browser's
whitespace collapsing and show in a screenshot's word gaps."""

from __future__ import annotations

import re
from typing import Any

from fastapi import Request
from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

from townsquare.services.page_views import PageView, fingerprint_text
from townsquare.web.console.session import runtime_of

STYLE = "white-space: pre-wrap"
# A zero-width space is a line-break opportunity; followed by a no-break space it would
# start the next line with a visible space. Kept together, the pair never breaks.
_ZW_BEFORE_NBSP = re.compile("\u200b[\u00a0\u202f]")
_GLUED = '<span style="white-space: nowrap">{}</span>'


def _view(request: Request, viewer: str) -> PageView:
    view: PageView | None = getattr(request.state, "page_view", None)
    if view is None or view.viewer != viewer:
        path = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        view = PageView.new(viewer, path)
        request.state.page_view = view
    return view


@pass_context
def fingerprint(context: Context, text: Any) -> Markup:
    """The text as the viewer's fingerprinted copy (escaped; unchanged when no staff
    member is signed in or the text is too short to carry a mark)."""
    if text is None:
        return Markup("")
    value = str(text)
    request: Request | None = context.get("request")
    viewer = context.get("viewer")
    if request is not None and viewer is not None and value.strip():
        runtime = runtime_of(request)
        value = fingerprint_text(
            runtime.services.sessions, runtime.app.key, _view(request, viewer.name), value
        )
    body = _ZW_BEFORE_NBSP.sub(lambda m: _GLUED.format(m.group()), str(escape(value)))
    return Markup('<span class="fp" style="{}">{}</span>').format(STYLE, Markup(body))
