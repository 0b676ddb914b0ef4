"""A real local SMTP server (aiosmtpd) for the email tests, and reading what it received."""

from __future__ import annotations

import email
import email.policy
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP as SMTPProtocol
from aiosmtpd.smtp import Envelope, Session

from townsquare.bootstrap import App, open_app
from townsquare.services.leaks import trace_leak
from townsquare.services.memos import issue_memo
from townsquare.settings import load_settings
from townsquare.staff.actor import Actor, Grant
from townsquare.staff.permissions import permissions_of

MEMO = resources.files("townsquare.samples").joinpath("memo_en.md").read_text("utf-8")
ADMIN = Actor("alice", "staff", (Grant("admin", permissions_of("admin")),))
MODERATOR = Actor("mo", "staff", (Grant("moderator", permissions_of("moderator")),))


@dataclass
class Inbox:
    """What the SMTP server accepted; ``refuse`` makes it answer 451 to the next N."""

    messages: list[tuple[list[str], bytes]] = field(default_factory=list)
    refuse: int = 0

    async def handle_DATA(self, server: SMTPProtocol, session: Session,
                          envelope: Envelope) -> str:
        if self.refuse > 0:
            self.refuse -= 1
            return "451 4.3.0 try again later"
        content = envelope.original_content or b""
        self.messages.append((list(envelope.rcpt_tos), bytes(content)))
        return "250 OK"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def smtp_server(**options: Any) -> Iterator[tuple[Inbox, int]]:
    """A server on a free port; ``options`` go to aiosmtpd's SMTP (TLS, authentication)."""
    handler = Inbox()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port, **options)
    controller.start()
    try:
        yield handler, port
    finally:
        controller.stop()


def make_app(tmp_path: Path, database_url: str, port: int, **extra: Any) -> App:
    return open_app(load_settings(
        data_dir=tmp_path / "var", database_url=database_url, key_file=tmp_path / "key",
        smtp_host="127.0.0.1", smtp_port=port, mail_from="memos@example.org",
        mail_backoff_seconds=0, **extra))


def issue(app: App, tmp_path: Path, people: int) -> str:
    memo = tmp_path / "memo.md"
    memo.write_text(MEMO, "utf-8")
    csv = tmp_path / "people.csv"
    csv.write_text("id,name,email\n" + "".join(
        f"p{i},Person {i},p{i}@example.org\n" for i in range(people)), "utf-8")
    return issue_memo(app.sessions, app.key, memo, csv, tmp_path / "copies",
                      title="Quarterly plan", actor="alice").memo_id


class CopyPaste(HTMLParser):
    """The text a reader selects and copies from the rendered HTML: character data with
    entities resolved, markup and the <head> left out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("head", "style", "script"):
            self._skip += 1
        elif tag in ("hr", "p", "br"):
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("head", "style", "script"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def copied(html: str) -> str:
    parser = CopyPaste()
    parser.feed(html)
    return "".join(parser.parts)


def parts(raw: bytes) -> tuple[str, str]:
    message = email.message_from_bytes(raw, policy=email.policy.default)
    plain = message.get_body(("plain",))
    html = message.get_body(("html",))
    assert plain is not None and html is not None
    return plain.get_content(), html.get_content()


def traced(app: App, tmp_path: Path, text: str, name: str) -> list[str]:
    leak = tmp_path / f"{name}.txt"
    leak.write_text(text, "utf-8")
    result = trace_leak(app.sessions, app.key, leak, actor="alice")
    assert result["verdict"] == "identified", result
    return [a["recipient_id"] for a in result["accused"]]
