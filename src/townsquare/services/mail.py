"""Email messages carrying fingerprinted text, and the outboxes that send them: SMTP (with
STARTTLS, login and retries with backoff) or a directory of .eml files (dry run).

The text/plain and text/html parts carry the same characters: the HTML escapes only what
HTML must (``& < > "``), never folds a no-break space into ``&nbsp;`` or drops a zero-width
character, and shows the text with ``white-space: pre-wrap`` so double spaces, line breaks
and typographic choices look exactly as in the text part."""

from __future__ import annotations

import smtplib
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import formataddr, make_msgid
from pathlib import Path
from types import TracebackType
from typing import Protocol

from townsquare.settings import Settings

_HTML_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}
_STYLE = (
    "white-space: pre-wrap; font-family: Georgia, 'DejaVu Serif', serif; "
    "font-size: 16px; line-height: 1.5; max-width: 46em"
)


def html_text(text: str) -> str:
    """``text`` as HTML character data: only ``& < > "`` escaped, every other character
    (no-break spaces, zero-width marks, typographic quotes) kept as itself."""
    return "".join(_HTML_ESCAPES.get(ch, ch) for ch in text)


def html_document(body: str, footer: str = "", link: str | None = None) -> str:
    """A complete HTML part: the fingerprinted ``body`` in a pre-wrap block, then an
    optional plain ``footer`` and ``link`` (e.g. a pledge link) below a rule."""
    anchor = f' <a href="{html_text(link)}">{html_text(link)}</a>' if link else ""
    foot = (f'<hr><p style="font-family: sans-serif; font-size: 14px">{html_text(footer)}'
            f"{anchor}</p>" if footer or link else "")
    return ('<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head><body>'
            f'<div style="{_STYLE}">{html_text(body)}</div>{foot}</body></html>\n')


class Undeliverable(ValueError):
    """A recipient no message can be addressed to (no or a malformed email address)."""


def compose(
    settings: Settings, *, to_name: str, to_address: str, subject: str, body: str,
    footer: str = "", link: str | None = None,
) -> EmailMessage:
    """One message to one recipient: text/plain and text/html parts with the same body
    (and footer and link), UTF-8, quoted-printable (soft line breaks decode back to the
    exact text). Raises :class:`Undeliverable` without a usable address."""
    address = to_address.strip()
    if not address or "@" not in address or any(c in address for c in "\r\n <>,"):
        raise Undeliverable(f"no usable email address ({to_address!r})")
    message = EmailMessage(policy=SMTP)
    message["From"] = settings.mail_from
    message["To"] = formataddr((" ".join(to_name.split()), address))
    message["Subject"] = " ".join(subject.split())
    message["Message-ID"] = make_msgid(domain=settings.mail_from.rpartition("@")[2] or None)
    tail = " ".join(part for part in (footer, link) if part)
    plain = body if not tail else f"{body.rstrip()}\n\n-- \n{tail}\n"
    message.set_content(plain, charset="utf-8", cte="quoted-printable")
    message.add_alternative(html_document(body, footer, link), subtype="html",
                            charset="utf-8", cte="quoted-printable")
    return message


@dataclass(frozen=True)
class Sent:
    """What became of one message: ``sent`` (accepted by the server), ``written`` (dry
    run) or ``failed`` (with the last error), after ``attempts`` tries."""

    status: str
    attempts: int
    error: str | None = None
    message_id: str | None = None


class Outbox(Protocol):
    def send(self, message: EmailMessage, stem: str) -> Sent: ...

    def __enter__(self) -> Outbox: ...

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None: ...


class EmlDirectory:
    """Dry run: each message is written to ``<directory>/<stem>.eml``, nothing is sent."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def __enter__(self) -> EmlDirectory:
        self.directory.mkdir(parents=True, exist_ok=True)
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        return None

    def send(self, message: EmailMessage, stem: str) -> Sent:
        (self.directory / f"{stem}.eml").write_bytes(message.as_bytes())
        return Sent("written", 1, message_id=message["Message-ID"])


def _temporary(exc: Exception) -> bool:
    """Worth retrying: connection trouble or a 4xx answer (a 5xx answer is final)."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return all(400 <= code < 500 for code, _ in exc.recipients.values())
    if isinstance(exc, smtplib.SMTPResponseException):
        return 400 <= exc.smtp_code < 500
    return isinstance(exc, (smtplib.SMTPServerDisconnected, smtplib.SMTPConnectError, OSError))


def _describe(exc: Exception) -> str:
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return "; ".join(f"{addr}: {code} {msg.decode(errors='replace')}"
                         for addr, (code, msg) in exc.recipients.items())
    if isinstance(exc, smtplib.SMTPResponseException):
        text = exc.smtp_error.decode(errors="replace") if isinstance(exc.smtp_error, bytes) \
            else str(exc.smtp_error)
        return f"{exc.smtp_code} {text}"
    return f"{type(exc).__name__}: {exc}"


class SmtpOutbox:
    """Sends over one SMTP connection (opened lazily, re-opened after a failure), with
    ``settings.mail_retries`` retries per message, waiting ``mail_backoff_seconds`` then
    twice as long each time."""

    def __init__(self, settings: Settings, sleep: Callable[[float], None] = time.sleep,
                 timeout: float = 30.0) -> None:
        self.settings, self.sleep, self.timeout = settings, sleep, timeout
        self._smtp: smtplib.SMTP | None = None

    def __enter__(self) -> SmtpOutbox:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._close()

    def _connect(self) -> smtplib.SMTP:
        s = self.settings
        smtp = smtplib.SMTP(s.smtp_host, s.smtp_port, timeout=self.timeout)
        try:
            smtp.ehlo()
            if s.smtp_starttls:
                ca = None if s.smtp_ca_file is None else str(s.smtp_ca_file)
                smtp.starttls(context=ssl.create_default_context(cafile=ca))
                smtp.ehlo()
            if s.smtp_username:
                smtp.login(s.smtp_username, s.smtp_password or "")
        except BaseException:
            smtp.close()
            raise
        return smtp

    def _close(self) -> None:
        if self._smtp is not None:
            try:
                self._smtp.quit()
            except (smtplib.SMTPException, OSError):
                self._smtp.close()
            self._smtp = None

    def send(self, message: EmailMessage, stem: str) -> Sent:
        wait = self.settings.mail_backoff_seconds
        attempts = 0
        while True:
            attempts += 1
            try:
                if self._smtp is None:
                    self._smtp = self._connect()
                self._smtp.send_message(message)
                return Sent("sent", attempts, message_id=message["Message-ID"])
            except (smtplib.SMTPException, OSError) as exc:
                if self._smtp is not None:
                    self._close()
                if not _temporary(exc) or attempts > self.settings.mail_retries:
                    return Sent("failed", attempts, _describe(exc)[:1000])
                self.sleep(wait)
                wait *= 2


def outbox_for(settings: Settings, dry_run: Path | None) -> Outbox:
    """The .eml directory when ``dry_run`` names one, else the configured SMTP server."""
    return EmlDirectory(dry_run) if dry_run is not None else SmtpOutbox(settings)
