"""A memo issued straight through the service, for the delivery and pledge tests."""

from __future__ import annotations

import tempfile
from importlib import resources
from pathlib import Path

from tests.e2e.conftest import Api

from townsquare.services.memos import issue_memo
from townsquare.store import deliveries
from townsquare.store.db import unit_of_work

MEMO = resources.files("townsquare.samples").joinpath("memo_en.md").read_text("utf-8")


def memo(api: Api, n: int, delivered: bool = False) -> str:
    """An issued memo with three recipients (every copy marked delivered if asked)."""
    app = api.app.state.runtime.app
    work = Path(tempfile.mkdtemp(prefix="matrix-memo-"))
    (work / "memo.md").write_text(MEMO, "utf-8")
    (work / "people.csv").write_text("id,name,email\n" + "".join(
        f"r{i},Person {i},r{i}@example.org\n" for i in range(3)), "utf-8")
    memo_id = issue_memo(app.sessions, app.key, work / "memo.md", work / "people.csv",
                         work / "copies", title=f"memo {n}").memo_id
    if delivered:
        with unit_of_work(app.sessions) as session:
            for i in range(3):
                deliveries.save_delivery(session, memo_id, i, f"r{i}@example.org", "sent", 1,
                                         None, None)
    return memo_id
