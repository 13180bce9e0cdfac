"""The preview's search index keeps every page's entries; its clock is one instant until the site
would say something else."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from calldata import make_call
from sitekit.preview.clock import passed_since, state_changes
from sitekit.preview.search import merged_index


def entries(*locations: str, text: str = "old") -> list[dict[str, str]]:
    return [{"location": location, "title": location, "text": text} for location in locations]


def test_rebuilt_pages_entries_replace_theirs_in_place_and_the_others_stay():
    previous = {"config": {"lang": ["it"]}, "docs": entries("", "a/", "a/#one", "b/", "en/a/")}
    built = {"config": {"lang": ["it", "en"]}, "docs": entries("a/", "a/#two", text="new")}
    merged = merged_index(previous, built, {"a/"})
    assert [(d["location"], d["text"]) for d in merged["docs"]] == [
        ("", "old"),
        ("a/", "new"),
        ("a/#two", "new"),
        ("b/", "old"),
        ("en/a/", "old"),
    ]
    assert merged["config"] == built["config"]


def test_a_rebuilt_page_without_entries_now_loses_its_old_ones():
    previous = {"docs": entries("a/", "a/#one", "b/")}
    assert [d["location"] for d in merged_index(previous, {"docs": []}, {"a/"})["docs"]] == ["b/"]


def test_the_clock_moves_on_at_a_deadline_at_the_start_of_the_closing_days_and_at_midnight():
    call = make_call(deadline={"local": "2020-12-02 17:00", "zone": "Europe/Brussels"})
    changes = state_changes([call], 7)
    deadline = datetime(2020, 12, 2, 16, tzinfo=UTC)
    assert deadline in changes and deadline - timedelta(days=7) in changes
    built = datetime(2020, 12, 2, 15, 0, tzinfo=UTC)
    assert passed_since(built, built + timedelta(minutes=30), changes) is None
    assert passed_since(built, built + timedelta(hours=2), changes) == deadline
    late = datetime(2020, 12, 2, 23, 0, tzinfo=UTC)
    assert passed_since(late, late + timedelta(hours=2), changes) == datetime(2020, 12, 3, tzinfo=UTC)
