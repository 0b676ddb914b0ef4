"""Parts of the public pages that need no server: periods, charts, CSV cells, status
link signatures, pseudonyms."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from townsquare.keys import SecretKey
from townsquare.moderation.model import ModerationError
from townsquare.services import status_links
from townsquare.services.errors import ForbiddenError
from townsquare.services.public_log import pseudonym
from townsquare.services.transparency import parse_period
from townsquare.web.public.charts import bar_chart
from townsquare.web.public.transparency_pages import _cell


def test_period_defaults_to_the_last_thirty_days_and_includes_both_ends() -> None:
    period = parse_period(None, None, today=date(2026, 3, 31))
    assert (period.first, period.last, period.days) == (date(2026, 3, 2), date(2026, 3, 31), 30)
    assert period.since == datetime(2026, 3, 2, tzinfo=UTC)
    assert period.until == datetime(2026, 4, 1, tzinfo=UTC)
    one_day = parse_period("2026-01-05", "2026-01-05")
    assert one_day.until - one_day.since == timedelta(days=1)
    with pytest.raises(ModerationError, match="to: expected a date"):
        parse_period("2026-01-01", "tomorrow")


def test_chart_names_every_number_and_escapes_names() -> None:
    svg = str(bar_chart("c1", "Actions by policy", {"spam": 4, "<script>": 1}))
    assert svg.startswith('<svg class="chart" id="c1" role="img"')
    assert '<title id="c1-title">Actions by policy</title>' in svg
    assert '<desc id="c1-desc">spam: 4; &lt;script&gt;: 1</desc>' in svg
    assert "<script>" not in svg
    assert svg.count('class="bar"') == 2
    assert "Nothing in this period" in str(bar_chart("c2", "Empty", {}))


def test_csv_cells_never_start_a_formula() -> None:
    assert _cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert _cell("@sum") == "'@sum"
    assert _cell("spam") == "spam" and _cell(None) == ""


def test_status_link_verifies_only_as_signed_and_until_it_expires() -> None:
    key = SecretKey.generate()
    now = datetime(2026, 1, 1, tzinfo=UTC)
    link = status_links.sign(key, "alice", now + timedelta(hours=1))
    assert status_links.verify(key, "alice", str(link.expires), link.signature, now) == link
    for account, expires, sig in (("bob", str(link.expires), link.signature),
                                  ("alice", str(link.expires + 1), link.signature),
                                  ("alice", "-1", link.signature),
                                  ("alice", str(link.expires), link.signature.upper())):
        with pytest.raises(ForbiddenError, match="not valid"):
            status_links.verify(key, account, expires, sig, now)
    with pytest.raises(ForbiddenError, match="not valid"):
        status_links.verify(SecretKey.generate(), "alice", str(link.expires), link.signature,
                            now)
    with pytest.raises(ForbiddenError, match="expired"):
        status_links.verify(key, "alice", str(link.expires), link.signature,
                            now + timedelta(hours=2))


def test_pseudonyms_are_stable_per_key_and_hide_the_id() -> None:
    key = SecretKey.generate()
    first = pseudonym(key, "account", "alice")
    assert first == pseudonym(key, "account", "alice") != pseudonym(key, "account", "bob")
    assert first != pseudonym(SecretKey.generate(), "account", "alice")
    assert "alice" not in first and first.startswith("account-") and len(first) == 20
