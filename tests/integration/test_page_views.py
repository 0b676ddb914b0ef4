"""Per-viewer fingerprints of console texts: each view is a copy, and a leaked copy
names its viewer, page and time (pasted text here; screenshots in the browser test)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from townsquare.canary.normalize import fold_typography, strip_zero_width
from townsquare.keys import SecretKey
from townsquare.services.leaks import trace_leak
from townsquare.services.page_views import PageView, fingerprint_text
from townsquare.store.page_view_tables import PageText
from townsquare.store.page_view_tables import PageView as PageViewRow

NOTE = resources.files("townsquare.samples").joinpath("memo_en.md").read_text("utf-8")
KEY = SecretKey.generate()


def show(sessions: sessionmaker[Session], viewer: str, path: str, text: str = NOTE) -> tuple[
    PageView, str
]:
    view = PageView.new(viewer, path)
    return view, fingerprint_text(sessions, KEY, view, text)


def test_each_view_gets_its_own_copy_of_the_same_words(
    session_factory: sessionmaker[Session],
) -> None:
    copies = [show(session_factory, name, "/console/reports/7")[1] for name in ("ann", "bo", "cy")]
    assert len(set(copies)) == 3
    words = {tuple(fold_typography(strip_zero_width(c)).split()) for c in copies}
    assert len(words) == 1  # nobody sees a word changed
    with session_factory() as s:
        assert s.scalar(select(func.count()).select_from(PageText)) == 1
        assert s.scalar(select(PageText.copies)) == 3
        assert s.scalar(select(func.count()).select_from(PageViewRow)) == 3


def test_a_pasted_console_page_names_its_viewer_page_and_time(
    session_factory: sessionmaker[Session], tmp_path: Path
) -> None:
    for name in ("ann", "bo", "cy", "dee"):
        show(session_factory, name, "/console/reports/7")
    view, copy = show(session_factory, "eve", "/console/cases/12")
    show(session_factory, "ann", "/console/cases/12")
    leak = tmp_path / "leak.txt"
    leak.write_text("Found on a forum:\n\n" + copy.split("\n\n", 1)[1], encoding="utf-8")
    result = trace_leak(session_factory, KEY, leak, actor="sec")
    assert result["verdict"] == "identified"
    assert result["kind"] == "console_page"
    [who] = result["accused"]
    assert (who["name"], who["page"], who["recipient_id"]) == ("eve", "/console/cases/12", view.id)
    assert who["viewed_at"] == view.at.isoformat()
    assert who["false_accusation_probability"] <= 1e-6
    # evidence per sentence: every sentence read says which slots matched eve's copy
    assert result["evidence"]
    for sentence in result["evidence"]:
        assert sentence["slots_read"] == len(sentence["slots"])
        assert sentence["matches"][view.id] == sum(
            view.id in slot["matched"] for slot in sentence["slots"]
        )
    total = sum(s["matches"][view.id] for s in result["evidence"])
    assert total == result["slots_read"]  # a faithful paste matches eve at every slot read


def test_a_text_too_short_to_mark_is_shown_as_written_and_not_stored(
    session_factory: sessionmaker[Session],
) -> None:
    _, shown = show(session_factory, "ann", "/console/labels", "Spam, reported twice.")
    assert shown == "Spam, reported twice."
    with session_factory() as s:
        assert s.scalar(select(func.count()).select_from(PageText)) == 0
