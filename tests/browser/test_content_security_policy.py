"""Contract 13 in Chromium: every page runs under its Content-Security-Policy without a violation,
and an inline event handler that slipped into a page's content is blocked."""

from __future__ import annotations

import re
from pathlib import Path

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
    tab.close()
    assert {path: seen for path, seen in found.items() if seen} == {}


@pytest.fixture(scope="module")
def seeded_site(tmp_path_factory):
    """The site with a page whose Markdown carries raw HTML with an inline handler (a <script> element
    the checks refuse before the build: tests/unit/checks/test_scripts.py)."""
    project = copy_project(tmp_path_factory.mktemp("seeded-project"))
    page = project / "docs" / "chi-siamo.it.md"
    page.write_text(
        page.read_text(encoding="utf-8") + '\n<img src="nothing.png" onerror="window.__pwned = 1" alt="">\n',
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
    tab.close()


def test_a_script_no_template_wrote_does_not_run_wherever_it_stands(browser, served_site):
    """A built page into which scripts came from outside the templates (as `site_name` or `copyright`
    would print them, in the header and the footer, and from a page into its article), its policy
    computed as the build computes it: none runs, the theme's own scripts do."""
    import importlib.util

    from conftest import ROOT
    from sitekit.theme.csp import theme_scripts, with_policy

    built = (served_site.site_dir / "chi-siamo" / "index.html").read_text(encoding="utf-8")
    html = re.sub(r"<meta content=\"script-src[^>]*>", "", built)
    html = html.replace("<header", "<script>window.__pwned = 1</script><header", 1)
    html = html.replace("</footer>", "<script>window.__pwned = 2</script></footer>", 1)
    html = html.replace("</article>", "<script>window.__pwned = 3</script></article>", 1)
    templates = theme_scripts(
        (
            str(ROOT / "overrides"),
            str(Path(getattr(importlib.util.find_spec("material"), "origin", "")).parent / "templates"),
        )
    )
    seeded = with_policy(html, templates)
    tab = recording_tab(browser)
    url = served_site.url + "chi-siamo/"
    tab.page.route(url, lambda route: route.fulfill(body=seeded, content_type="text/html; charset=utf-8"))
    seen = violations_on(tab, url)
    assert tab.page.evaluate("window.__pwned") is None
    assert len([v for v in seen if v.startswith("script-src")]) >= 3, seen
    assert tab.page.evaluate("typeof __md_get") == "function"  # the theme's inline script ran
    tab.close()
