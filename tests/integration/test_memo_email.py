"""Memo copies delivered by email to a real local SMTP server (aiosmtpd): the received
bytes trace back to their recipients from the text part and from the HTML part."""

from __future__ import annotations

import ssl
import subprocess
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.smtp import AuthResult
from tests.integration.smtp_server import (
    ADMIN,
    MEMO,
    MODERATOR,
    Inbox,
    copied,
    free_port,
    issue,
    make_app,
    parts,
    smtp_server,
    traced,
)

from townsquare.services.delivery import deliver_memo, delivery_status
from townsquare.services.errors import ForbiddenError, NotFoundError
from townsquare.services.mail import html_document
from townsquare.services.memos import issue_memo
from townsquare.store import deliveries
from townsquare.store.db import unit_of_work


@pytest.fixture
def inbox() -> Iterator[tuple[Inbox, int]]:
    with smtp_server() as server:
        yield server


def test_each_received_message_traces_back_to_its_recipient_from_both_parts(
    inbox: tuple[Inbox, int], tmp_path: Path, database_url: str,
) -> None:
    server, port = inbox
    app = make_app(tmp_path, database_url, port)
    try:
        memo_id = issue(app, tmp_path, 6)
        report = deliver_memo(app, ADMIN, memo_id)
        assert (report["sent"], report["failed"]) == (6, 0)
        assert len(server.messages) == 6
        for rcpts, raw in server.messages:
            (address,) = rcpts
            recipient = address.split("@")[0]
            plain, html = parts(raw)
            assert traced(app, tmp_path, plain, f"{recipient}-text") == [recipient]
            assert traced(app, tmp_path, copied(html), f"{recipient}-html") == [recipient]
            # the HTML shows the very characters of the copy (no &nbsp; folding)
            assert "&nbsp;" not in html and "white-space: pre-wrap" in html
        on_disk = (tmp_path / "copies" / "p3.md").read_text("utf-8")
        sent_to_p3 = next(raw for rcpts, raw in server.messages if rcpts == ["p3@example.org"])
        assert parts(sent_to_p3)[0].replace("\r\n", "\n") == on_disk
        assert {r["status"] for r in delivery_status(app, ADMIN, memo_id)} == {"sent"}
    finally:
        app.close()


def test_a_second_run_sends_nothing_twice_and_temporary_refusals_are_retried(
    inbox: tuple[Inbox, int], tmp_path: Path, database_url: str,
) -> None:
    server, port = inbox
    app = make_app(tmp_path, database_url, port, mail_retries=2)
    try:
        memo_id = issue(app, tmp_path, 3)
        server.refuse = 2  # the first recipient's first two tries get 451
        first = deliver_memo(app, ADMIN, memo_id)
        assert (first["sent"], first["failed"]) == (3, 0)
        assert first["recipients"][0]["attempts"] == 3
        again = deliver_memo(app, ADMIN, memo_id)
        assert (again["sent"], again["skipped"]) == (0, 3)
        assert len(server.messages) == 3
    finally:
        app.close()


def test_failures_are_stored_per_recipient_and_retried_on_the_next_run(
    inbox: tuple[Inbox, int], tmp_path: Path, database_url: str,
) -> None:
    server, port = inbox
    app = make_app(tmp_path, database_url, port, mail_retries=1)
    try:
        memo_id = issue(app, tmp_path, 3)
        server.refuse = 2  # p0 gets 451 twice: retried once, then failed
        first = deliver_memo(app, ADMIN, memo_id)
        assert (first["sent"], first["failed"]) == (2, 1)
        status = {r["recipient_id"]: r for r in delivery_status(app, ADMIN, memo_id)}
        assert status["p0"]["status"] == "failed" and "451" in status["p0"]["error"]
        assert status["p0"]["attempts"] == 2
        second = deliver_memo(app, ADMIN, memo_id)
        assert (second["sent"], second["skipped"]) == (1, 2)
        assert sorted(r for rcpts, _ in server.messages for r in rcpts) == [
            "p0@example.org", "p1@example.org", "p2@example.org"]
    finally:
        app.close()


def test_dry_run_writes_eml_files_that_trace_back_and_sends_nothing(
    inbox: tuple[Inbox, int], tmp_path: Path, database_url: str,
) -> None:
    server, port = inbox
    app = make_app(tmp_path, database_url, port)
    try:
        memo_id = issue(app, tmp_path, 4)
        report = deliver_memo(app, ADMIN, memo_id, dry_run=tmp_path / "eml")
        assert report["written"] == 4 and server.messages == []
        plain, html = parts((tmp_path / "eml" / "p2.eml").read_bytes())
        assert traced(app, tmp_path, plain, "dry-text") == ["p2"]
        assert traced(app, tmp_path, copied(html), "dry-html") == ["p2"]
        assert {r["status"] for r in delivery_status(app, ADMIN, memo_id)} == {"pending"}
    finally:
        app.close()


def test_unreachable_server_fails_each_recipient_with_the_reason(
    tmp_path: Path, database_url: str,
) -> None:
    app = make_app(tmp_path, database_url, free_port(), mail_retries=0)  # nobody listens
    try:
        memo_id = issue(app, tmp_path, 2)
        report = deliver_memo(app, ADMIN, memo_id)
        assert report["failed"] == 2
        assert "refused" in (report["recipients"][0]["error"] or "").lower()
    finally:
        app.close()


def test_delivery_needs_memos_issue_and_a_known_memo(tmp_path: Path, database_url: str) -> None:
    app = make_app(tmp_path, database_url, 25)
    try:
        memo_id = issue(app, tmp_path, 2)
        with pytest.raises(ForbiddenError):
            deliver_memo(app, MODERATOR, memo_id, dry_run=tmp_path / "eml")
        with pytest.raises(NotFoundError):
            deliver_memo(app, ADMIN, "m_nope", dry_run=tmp_path / "eml")
        assert not (tmp_path / "eml").exists()
    finally:
        app.close()


def test_html_keeps_no_break_spaces_zero_width_marks_and_double_spaces() -> None:
    text = "A\u00a0b.  C\u200bd \u2019e\u2019 <x> & \"q\""
    html = html_document(text)
    assert copied(html).strip() == text
    assert "\u00a0" in html and "\u200b" in html and "&lt;x&gt; &amp;" in html


def self_signed(tmp_path: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 and its key (the certificate is its own CA)."""
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    return cert, key


def test_starttls_and_login_before_sending(tmp_path: Path, database_url: str) -> None:
    cert, key = self_signed(tmp_path)
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    tls.load_cert_chain(cert, key)
    logins: list[tuple[str, bool]] = []

    def authenticate(server: Any, session: Any, envelope: Any, mechanism: str,
                     data: Any) -> AuthResult:
        ok = (data.login, data.password) == (b"mailer", b"s3cret")
        logins.append((data.login.decode(), session.ssl is not None))
        return AuthResult(success=ok)

    with smtp_server(tls_context=tls, require_starttls=True, auth_required=True,
                     authenticator=authenticate) as (server, port):
        app = make_app(tmp_path, database_url, port, smtp_starttls=True, smtp_ca_file=cert,
                       smtp_username="mailer", smtp_password="s3cret", mail_retries=0)
        try:
            memo_id = issue(app, tmp_path, 2)
            assert deliver_memo(app, ADMIN, memo_id)["sent"] == 2
            assert len(server.messages) == 2 and logins[0] == ("mailer", True)
        finally:
            app.close()


def test_a_recipient_without_an_address_fails_alone(
    inbox: tuple[Inbox, int], tmp_path: Path, database_url: str,
) -> None:
    server, port = inbox
    app = make_app(tmp_path, database_url, port)
    try:
        memo = tmp_path / "memo.md"
        memo.write_text(MEMO, "utf-8")
        people = tmp_path / "people.csv"
        people.write_text('id,name,email\na,"Ann\nSmith",a@example.org\nb,Bo,\n', "utf-8")
        memo_id = issue_memo(app.sessions, app.key, memo, people, tmp_path / "copies",
                             actor="alice").memo_id
        report = deliver_memo(app, ADMIN, memo_id)
        assert (report["sent"], report["failed"]) == (1, 1)
        assert "no usable email address" in report["recipients"][1]["error"]
        (rcpts, raw), = server.messages
        assert rcpts == ["a@example.org"] and b"To: Ann Smith <a@example.org>" in raw
    finally:
        app.close()


def test_a_copy_another_run_is_sending_is_not_sent_twice(
    inbox: tuple[Inbox, int], tmp_path: Path, database_url: str,
) -> None:
    server, port = inbox
    app = make_app(tmp_path, database_url, port)
    try:
        memo_id = issue(app, tmp_path, 3)
        now = datetime.now(UTC)
        with unit_of_work(app.sessions) as session:  # another run holds p1 since just now
            assert deliveries.claim_delivery(session, memo_id, 1, "p1@example.org", now,
                                             now - timedelta(minutes=10))
        report = deliver_memo(app, ADMIN, memo_id)
        assert (report["sent"], report["in_progress"]) == (2, 1)
        assert sorted(r for rcpts, _ in server.messages for r in rcpts) == [
            "p0@example.org", "p2@example.org"]
        status = {r["recipient_id"]: r["status"] for r in delivery_status(app, ADMIN, memo_id)}
        assert status == {"p0": "sent", "p1": "sending", "p2": "sent"}
        later = datetime.now(UTC) + timedelta(minutes=11)  # that run died: p1 is taken over
        with unit_of_work(app.sessions) as session:
            assert deliveries.claim_delivery(session, memo_id, 1, "p1@example.org", later,
                                             later - timedelta(minutes=10))
            assert not deliveries.claim_delivery(session, memo_id, 0, "p0@example.org", later,
                                                 later - timedelta(minutes=10))
    finally:
        app.close()
