"""The demo platform at /demo: home timeline, search, trends, profiles and account status.

Each page does what a real platform does on every render: collect the candidate items of
a surface, ask townsquare for the verdicts of that batch for this viewer, and render by
verdict. The question goes in process, through ``runtime.visibility.verdicts`` — the very
call behind ``POST /api/v1/visibility`` (the demo lives in the API's process, so an HTTP
round trip to itself would add a token and latency and show nothing more).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from functools import cache, wraps
from pathlib import Path
from typing import Any, TypeVar

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

from townsquare.api.runtime import Runtime
from townsquare.moderation.model import Verdict
from townsquare.services.enforcement import account_status
from townsquare.store.tables import utcnow
from townsquare.web.catalog import Catalog, Person, PostView, top
from townsquare.web.demo_data import demo_data
from townsquare.web.feed import Section, arrange
from townsquare.web.trending import trends
from townsquare.web.wording import LIMITED, Explainer

HERE = Path(__file__).resolve().parent
STATIC = {"demo.css": "text/css; charset=utf-8", "demo.js": "text/javascript; charset=utf-8"}
VIEWER_COOKIE = "demo_viewer"
HOME_LIMIT, FOR_YOU_LIMIT, SEARCH_LIMIT, PEOPLE_LIMIT, PROFILE_LIMIT = 50, 8, 20, 5, 50
ADS_EVERY = 4
ADS = (
    "Riverside Cycles: a helmet for every head, 20% off this week.",
    "Mill Street Books: new releases every Friday.",
    "Riverton Hardware: lantern kits and fairy lights.",
    "Harbour Lights, live on the festival main stage on Friday.",
)
HASHTAG_LINK = re.compile(r"#(\w+)")
T = TypeVar("T")

demo_router = APIRouter(prefix="/demo", include_in_schema=False)


class UnknownAccount(LookupError):
    """A handle that names no account."""


class DemoOff(LookupError):
    """The database was not seeded with the demo."""


@dataclass(frozen=True)
class Page:
    """One request's view of the platform: who is looking, and the content store."""

    request: Request
    runtime: Runtime
    catalog: Catalog
    viewer: Person | None

    def verdicts(self, surface: str, item_ids: Sequence[str]) -> list[Verdict]:
        """townsquare's verdicts for these items on this surface, for this viewer."""
        viewer_id = self.viewer.id if self.viewer else None
        return self.runtime.visibility.verdicts(surface, viewer_id, list(item_ids))

    def section(self, surface: str, items: Sequence[T], *, key: Callable[[T], str],
                limit: int | None = None, ads_every: int | None = None) -> Section[T]:
        """Ask for the verdicts of every candidate, then arrange what may be shown."""
        verdicts = self.verdicts(surface, [key(i) for i in items])
        return arrange(surface, items, verdicts, key=key, limit=limit, ads_every=ads_every)

    def posts(self, surface: str, posts: Sequence[PostView], **kw: Any) -> Section[PostView]:
        return self.section(surface, posts, key=_post_id, **kw)


def _post_id(post: PostView) -> str:
    return post.id


def _person_id(person: Person) -> str:
    return person.id


def _viewer(request: Request, catalog: Catalog) -> Person | None:
    """`?as=handle` (remembered in a cookie), else the cookie, else logged out."""
    chosen = request.query_params.get("as")
    explicit = chosen is not None
    handle = (chosen if explicit else request.cookies.get(VIEWER_COOKIE, "")) or ""
    handle = handle.strip().lstrip("@")
    if not handle:
        return None
    person = catalog.person(handle)
    if person is None and explicit:
        raise UnknownAccount(handle)
    return person  # a stale cookie (fresh data dir) reads as logged out


@contextmanager
def _page(request: Request) -> Iterator[Page]:
    runtime: Runtime = request.app.state.runtime
    with runtime.app.sessions() as session:
        catalog = Catalog(session, demo_data())
        if not _seeded(request, catalog):
            raise DemoOff()
        yield Page(request, runtime, catalog, _viewer(request, catalog))


def _seeded(request: Request, catalog: Catalog) -> bool:
    """Whether this database holds the demo. The demo's pages (account status included) need
    no token, so they stay off on a database nobody seeded with `serve --seed-demo`."""
    if getattr(request.app.state, "demo_seeded", False):
        return True
    seeded = catalog.person(demo_data().accounts[0].handle) is not None
    request.app.state.demo_seeded = seeded
    return seeded


def _render(page: Page, template: str, status_code: int = 200, **values: Any) -> HTMLResponse:
    request = page.request
    people = page.catalog.people()
    context = {
        "viewer": page.viewer, "people": people, "handles": {p.id: p.handle for p in people},
        "explain": Explainer(page.runtime.compiled), "limited_text": LIMITED, "ads": ADS,
        "path": request.url.path,
        "params": {k: v for k, v in request.query_params.items() if k != "as"},
        **values,
    }
    response = templates().TemplateResponse(request, template, context, status_code=status_code)
    chosen = request.query_params.get("as")
    if chosen is not None:
        response.set_cookie(VIEWER_COOKIE, chosen.strip().lstrip("@"), path="/demo",
                            httponly=True, samesite="lax")
    return response


def _missing(request: Request, what: str) -> HTMLResponse:
    response = templates().TemplateResponse(
        request, "missing.html", {"what": what, "viewer": None, "people": [], "handles": {},
                                  "path": request.url.path, "params": {}},
        status_code=404)
    if "as" in request.query_params:  # an unknown viewer: forget the remembered one too
        response.delete_cookie(VIEWER_COOKIE, path="/demo")
    return response


def _guarded(view: Callable[..., HTMLResponse]) -> Callable[..., HTMLResponse]:
    """Unknown accounts (in `as=` or the path) answer a 404 page, not a traceback."""
    @wraps(view)
    def run(request: Request, *args: Any, **kwargs: Any) -> HTMLResponse:
        try:
            return view(request, *args, **kwargs)
        except UnknownAccount as exc:
            return _missing(request, f"There is no account @{exc.args[0]}.")
        except DemoOff:
            return _missing(request, "The demo platform is off on this server: start it with "
                                     "`townsquare serve --seed-demo` (as `make run` does).")

    return run


@demo_router.get("", response_class=HTMLResponse)
@_guarded
def home(request: Request) -> HTMLResponse:
    """Home: the viewer's network (home_timeline), then 'For you' (home_out_of_network)."""
    with _page(request) as page:
        timeline = None
        if page.viewer is not None:
            network = page.catalog.followees(page.viewer.id) | {page.viewer.id}
            timeline = page.posts("home_timeline", page.catalog.posts_by(network),
                                  limit=HOME_LIMIT, ads_every=ADS_EVERY)
            others = page.catalog.posts_not_by(network)
        else:
            others = page.catalog.recent()
        for_you = page.posts("home_out_of_network", top(others), limit=FOR_YOU_LIMIT,
                             ads_every=ADS_EVERY)
        return _render(page, "home.html", timeline=timeline, for_you=for_you)


@demo_router.get("/search", response_class=HTMLResponse)
@_guarded
def search(request: Request, q: str = Query("", max_length=200),
           tab: str = Query("top", max_length=10)) -> HTMLResponse:
    """Search: 'Top' (search_top, with people_search) or 'Latest' (search_latest)."""
    tab = tab if tab in ("top", "latest") else "top"
    query = q.strip()
    with _page(request) as page:
        people = posts = None
        if query:
            found = page.catalog.search(query)
            if tab == "top":
                people = page.section("people_search", page.catalog.find_people(query),
                                      key=_person_id, limit=PEOPLE_LIMIT)
                posts = page.posts("search_top", top(found), limit=SEARCH_LIMIT,
                                   ads_every=ADS_EVERY)
            else:
                posts = page.posts("search_latest", found, limit=SEARCH_LIMIT)
        return _render(page, "search.html", q=query, tab=tab, people_section=people,
                       posts=posts)


@demo_router.get("/trends", response_class=HTMLResponse)
@_guarded
def trends_page(request: Request) -> HTMLResponse:
    """Trends over recent posts the trends surface allows, with sample posts for each."""
    with _page(request) as page:
        section = page.posts("trends", page.catalog.recent())
        return _render(page, "trends.html", section=section, trends=trends(section.shown))


@demo_router.get("/@{handle}", response_class=HTMLResponse)
@_guarded
def profile(request: Request, handle: str) -> HTMLResponse:
    """An account's posts on the profile surface."""
    with _page(request) as page:
        person = page.catalog.person(handle)
        if person is None:
            raise UnknownAccount(handle)
        posts = page.posts("profile", page.catalog.posts_by([person.id], PROFILE_LIMIT))
        followers, following = page.catalog.follow_counts(person.id)
        viewer = page.viewer
        return _render(
            page, "profile.html", person=person, posts=posts, followers=followers,
            following=following,
            viewer_follows=bool(viewer and person.id in page.catalog.followees(viewer.id)),
            follows_viewer=bool(viewer and viewer.id in page.catalog.followees(person.id)))


@demo_router.get("/status/{handle}", response_class=HTMLResponse)
@_guarded
def status(request: Request, handle: str) -> HTMLResponse:
    """Account status (every active limit, notices, strikes), as the account holder sees it."""
    with _page(request) as page:
        person = page.catalog.person(handle)
        if person is None:
            raise UnknownAccount(handle)
        return _render(page, "status.html", person=person,
                       status=account_status(page.runtime.moderation, person.id))


@demo_router.get("/static/{name}")
def static(name: str) -> FileResponse:
    if name not in STATIC:
        raise HTTPException(404, f"no static file {name!r}")
    return FileResponse(HERE / "static" / name, media_type=STATIC[name],
                        headers={"Cache-Control": "max-age=300"})


# --- templates -----------------------------------------------------------------------------


def _linkify(text: str) -> Markup:
    """Escaped post text with hashtags linked to search."""
    out: list[str] = []
    last = 0
    for match in HASHTAG_LINK.finditer(text):
        out.append(str(escape(text[last:match.start()])))
        tag = match.group(0)
        out.append(f'<a href="/demo/search?q=%23{escape(match.group(1))}">{escape(tag)}</a>')
        last = match.end()
    out.append(str(escape(text[last:])))
    return Markup("".join(out))


def _ago(when: datetime | None) -> str:
    if when is None:
        return ""
    seconds = max(0, int((utcnow() - when).total_seconds()))
    for size, unit in ((86_400, "d"), (3_600, "h"), (60, "min")):
        if seconds >= size:
            return f"{seconds // size} {unit}"
    return "now"


def _when(value: datetime | str | None) -> str:
    if value is None:
        return "no end date"
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.strftime("%Y-%m-%d %H:%M UTC")


@cache
def templates() -> Jinja2Templates:
    env = Environment(loader=FileSystemLoader(HERE / "templates"),
                      autoescape=select_autoescape(["html"]), trim_blocks=True,
                      lstrip_blocks=True)
    env.filters.update(linkify=_linkify, ago=_ago, when=_when)
    return Jinja2Templates(env=env)
