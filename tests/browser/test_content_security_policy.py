"""Contract 13 in Chromium: every page runs under its Content-Security-Policy without a violation,
and an inline event handler that slipped into a page's content is blocked."""

from __future__ import annotations

import pytest

from browsing import RECORD_VIOLATIONS, VIEWPORTS, new_tab
from conftest import SITE_NOW_DURING_CALL
from sitebuild import copy_project, served_build

pytestmark = pytest.mark.browser


def violations_on(tab, url: str) -> list[str]:
    tab.open(url, wait="settled")
    seen = tab.page.evaluate("window.__violations")
    return seen + [line for line in tab.console if "Content Security Policy" in line]


def recording_tab(browser):
    tab = new_tab(browser, VIEWPORTS["desktop"])
    tab.page.add_init_script(RECORD_VIOLATIONS)
    return tab


def test_search_breaks_no_policy(browser, served_site):
    """Every page's own visit is checked with axe-core (axe_suite.py); search runs in a worker,
    which the policy governs too: open it and find a word."""
    tab = recording_tab(browser)
    found = {"home": violations_on(tab, served_site.url)}
    tab.page.keyboard.press("/")
    tab.page.keyboard.type("cluster")
    tab.page.wait_for_selector(".md-search-result__item")
    found["search"] = tab.page.evaluate("window.__violations")
    tab.page.context.close()
    assert {path: seen for path, seen in found.items() if seen} == {}


@pytest.fixture(scope="module")
def seeded_site(tmp_path_factory):
    """The site with a page whose Markdown carries raw HTML with an inline handler and a script."""
    project = copy_project(tmp_path_factory.mktemp("seeded-project"))
    page = project / "docs" / "chi-siamo.it.md"
    page.write_text(
        page.read_text(encoding="utf-8") + '\n<img src="nothing.png" onerror="window.__pwned = 1" alt="">\n\n'
        "<script>window.__pwned = 2</script>\n",
        encoding="utf-8",
    )
    with served_build(tmp_path_factory.mktemp("seeded-site"), SITE_NOW_DURING_CALL, project=project) as server:
        yield server


def test_an_inline_handler_in_a_page_is_blocked(browser, seeded_site):
    tab = recording_tab(browser)
    seen = violations_on(tab, seeded_site.url + "chi-siamo/")
    assert tab.page.evaluate("window.__pwned") is None
    assert tab.page.locator("article img[src='nothing.png']").count() == 1  # the markup is there...
    assert any(v.startswith("script-src") for v in seen), seen  # ...and its code was refused
    tab.page.context.close()
