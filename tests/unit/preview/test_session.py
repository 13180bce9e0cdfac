"""After a rebuild of some pages: a whole rebuild follows when what other pages read of a rebuilt page
has changed (its call, the glossary, an anchor another page links to); the clock stands still between."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta

from sitekit.preview.changes import Plan
from sitekit.preview.record import page_facts
from sitekit.preview.session import CLOCK, Session

GLOSSARY = "<!-- glossary:entries -->"


def session_after_a_whole_build(tmp_path) -> Session:
    session = Session(root=tmp_path, watched=[], ok=True)
    session.begin(session.plan)  # the first build: whole
    session.read("chi-siamo.it.md", page_facts("# Chi siamo\n", {}, GLOSSARY))
    session.rendered("chi-siamo.it.md", {"contatti"}, {})
    session.read("index.it.md", page_facts("# Home\n", {}, GLOSSARY))
    session.rendered("index.it.md", set(), {"chi-siamo.it.md": {"contatti"}})
    session.finished(ok=True)
    return session


def rebuild_chi_siamo(session: Session, markdown: str, anchors: set[str]) -> Plan | None:
    session.begin(Plan(pages=frozenset({"chi-siamo.it.md"})))
    assert session.rebuild == {"chi-siamo.it.md"}
    session.read("chi-siamo.it.md", page_facts(markdown, {}, GLOSSARY))
    session.rendered("chi-siamo.it.md", anchors, {})
    return session.finished(ok=True)


def test_a_text_edit_is_kept_as_a_rebuild_of_that_page(tmp_path):
    assert rebuild_chi_siamo(session_after_a_whole_build(tmp_path), "# Chi siamo\n\nAltro.\n", {"contatti"}) is None


def test_an_anchor_another_page_links_to_gone_rebuilds_the_whole_site_whose_check_says_so(tmp_path):
    follow = rebuild_chi_siamo(session_after_a_whole_build(tmp_path), "# Chi siamo\n", {"scriveteci"})
    assert follow is not None and "index.it.md" in (follow.reason or "") and "#contatti" in (follow.reason or "")


def test_a_page_taking_the_glossary_or_a_call_rebuilds_the_whole_site(tmp_path):
    assert rebuild_chi_siamo(session_after_a_whole_build(tmp_path), f"# Chi siamo\n\n{GLOSSARY}\n", {"contatti"})
    session = session_after_a_whole_build(tmp_path)
    session.begin(Plan(pages=frozenset({"chi-siamo.it.md"})))
    session.read("chi-siamo.it.md", page_facts("# Chi siamo\n", {"call": "x"}, GLOSSARY))
    session.rendered("chi-siamo.it.md", {"contatti"}, {})
    assert session.finished(ok=True) is not None


def test_a_failed_build_is_followed_by_a_whole_one_and_the_clock_stands_still_between_whole_builds(
    tmp_path, monkeypatch
):
    monkeypatch.delenv(CLOCK, raising=False)
    session = session_after_a_whole_build(tmp_path)
    first = datetime(2020, 11, 20, 11, tzinfo=UTC)
    session.plan = Plan(reason="whole")
    session.set_clock(lambda: first)
    assert os.environ[CLOCK] == first.isoformat()
    session.release_clock()
    session.plan = Plan(pages=frozenset({"chi-siamo.it.md"}))
    session.set_clock(lambda: first + timedelta(minutes=5))  # a rebuild of some pages: the same instant
    assert os.environ[CLOCK] == first.isoformat()
    session.release_clock()
    assert CLOCK not in os.environ
    session.finished(ok=False)
    assert session.next_plan(first + timedelta(minutes=6)).whole
