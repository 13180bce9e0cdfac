"""What a save under `mkdocs serve` rebuilds: some pages for an edited page or call data file, the
whole site for anything else."""

from __future__ import annotations

import time

from sitekit.preview.changes import Layout, plan, snapshot

LAYOUT = Layout()


def stamps(*paths: str) -> dict[str, tuple[int, int, int]]:
    return {path: (1, 10, n) for n, path in enumerate(paths)}


SITE = stamps("mkdocs.yml", "docs/chi-siamo.it.md", "docs/bandi/x/index.en.md", "data/calls/x.yml", "data/glossary.yml")


def edited(before: dict, *paths: str) -> dict:
    return {path: (stamp[0] + 1, *stamp[1:]) if path in paths else stamp for path, stamp in before.items()}


def test_an_edited_page_rebuilds_that_page():
    found = plan(SITE, edited(SITE, "docs/bandi/x/index.en.md"), LAYOUT)
    assert not found.whole and found.pages == {"bandi/x/index.en.md"} and not found.calls


def test_an_edited_call_data_file_rebuilds_what_shows_that_call():
    found = plan(SITE, edited(SITE, "data/calls/x.yml", "docs/chi-siamo.it.md"), LAYOUT)
    assert not found.whole and found.calls == {"x"} and found.pages == {"chi-siamo.it.md"}


def test_settings_strings_glossary_templates_and_hooks_rebuild_the_whole_site():
    for path in ("mkdocs.yml", "data/glossary.yml"):
        found = plan(SITE, edited(SITE, path), LAYOUT)
        assert found.whole and path in (found.reason or "")
    for path in ("data/strings/it.yml", "overrides/main.html", "hooks/calls_hook.py", "docs/assets/js/countdown.js"):
        before = {**SITE, path: (1, 1, 99)}
        assert plan(before, edited(before, path), LAYOUT).whole


def test_a_page_or_call_added_or_removed_rebuilds_the_whole_site():
    assert plan(SITE, {**SITE, "docs/nuova.it.md": (1, 1, 50)}, LAYOUT).whole
    assert plan(SITE, {**SITE, "data/calls/y.yml": (1, 1, 50)}, LAYOUT).whole
    gone = dict(SITE)
    del gone["docs/chi-siamo.it.md"]
    assert "removed" in (plan(SITE, gone, LAYOUT).reason or "")


def test_an_editors_swap_file_in_docs_rebuilds_nothing_but_the_first_build_and_no_change_rebuild_all():
    found = plan(SITE, {**SITE, "docs/.chi-siamo.it.md.swp": (1, 1, 60)}, LAYOUT)
    assert not found.whole and not found.pages and not found.calls
    assert plan(None, SITE, LAYOUT).whole
    assert plan(SITE, dict(SITE), LAYOUT).whole  # the watcher saw something this cannot name


def test_a_save_that_keeps_the_size_is_seen(tmp_path):
    page = tmp_path / "docs" / "a.it.md"
    page.parent.mkdir()
    page.write_text("uno", encoding="utf-8")
    before = snapshot(tmp_path, [tmp_path / "docs", tmp_path / "mkdocs.yml"])
    time.sleep(0.02)
    page.write_text("due", encoding="utf-8")
    assert plan(before, snapshot(tmp_path, [tmp_path / "docs", tmp_path / "mkdocs.yml"]), LAYOUT).pages == {"a.it.md"}
