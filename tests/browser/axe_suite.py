"""Every page, both languages, at one viewport: axe-core finds nothing, no third-party request, a quiet
console, no breach of the page's Content-Security-Policy, and Tab walks through every control with
the focus always shown. Imported by one test module per viewport (its VIEWPORT), so parallel workers
take one each; each page is loaded once for all these checks."""

from __future__ import annotations

from typing import NamedTuple

import pytest
from playwright.sync_api import Page

from browsing import RECORD_VIOLATIONS, VIEWPORTS, new_tab, url_of
from keyboard_suite import tab_walk_problems
from lastcheck import record
from sitepages import built_pages
from tools import axe_js

# WCAG 2.0, 2.1 and 2.2 A and AA, and best practices: every rule with these tags, none disabled.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}


class Visit(NamedTuple):
    """What one page showed at one viewport."""

    violations: list[dict]  # axe-core's
    console: list[str]  # errors and warnings printed
    requests: list[str]  # every URL requested
    breaches: list[str]  # of the page's Content-Security-Policy
    tab_walk: list[str]  # problems found walking the page with Tab


def load_axe_in(page: Page) -> None:
    """axe-core from node_modules, at the release package-lock.json pins, in every page the tab loads
    from now on (before the page's own scripts, which it leaves alone: it only defines `axe`). The tab
    keeps the script: sending the 650 KB file into each page for each run instead cost ~0.1 s of CPU
    more per page."""
    page.add_init_script(path=axe_js())


def axe_results(page: Page, options: dict) -> dict:
    """axe-core's results for the page open in the tab (load_axe_in first), as axe.run gives them."""
    return page.evaluate("options => axe.run(options)", options)


@pytest.fixture(scope="module")
def visits(request, browser, served_site, site_dir):
    """Each page loaded once at the test module's VIEWPORT: {path: Visit}. The Tab walk comes last: it
    moves the focus and scrolls, and the other checks read the page at rest."""
    seen, version = {}, "?"
    tab = new_tab(browser, VIEWPORTS[request.module.VIEWPORT])
    tab.page.add_init_script(RECORD_VIOLATIONS)
    load_axe_in(tab.page)
    for built in built_pages(site_dir):
        tab.open(url_of(served_site, built), wait="settled")
        breaches = tab.page.evaluate("window.__violations")  # before axe-core, which the policy does not govern
        response = axe_results(tab.page, AXE_OPTIONS)
        version = response.get("testEngine", {}).get("version", version)
        console, requests = list(tab.console), list(tab.requests)
        seen[built.path] = Visit(response["violations"], console, requests, breaches, tab_walk_problems(tab, built))
    tab.close()
    # what this run found, on every page at this viewport, whether the tests below pass or not
    viewport = request.module.VIEWPORT
    record("axe-core", version, len(seen), sum(len(visit.violations) for visit in seen.values()), part=viewport)
    record("keyboard", browser.version, len(seen), sum(len(visit.tab_walk) for visit in seen.values()), part=viewport)
    foreign = sum(len(foreign_requests(visit, served_site)) for visit in seen.values())
    record("requests", browser.version, len(seen), foreign, part=viewport)
    return seen


def foreign_requests(visit: Visit, served_site) -> list[str]:
    """The URLs a page requested from another host than the site's own."""
    return [
        url for url in visit.requests if not url.startswith(served_site.url) and not url.startswith(("data:", "blob:"))
    ]


def test_axe_core_finds_no_violation_on_any_page(visits):
    found = [
        f"{path or '/'}: {v['id']} ({v['help']}) at {[n['target'] for n in v['nodes']][:3]}"
        for path, visit in visits.items()
        for v in visit.violations
    ]
    assert found == [], "\n".join(found)


def test_no_page_requests_anything_from_another_host(visits, served_site):
    foreign = [
        f"{path or '/'}: {url}" for path, visit in visits.items() for url in foreign_requests(visit, served_site)
    ]
    assert foreign == [], "\n".join(foreign)


def test_no_page_prints_an_error_or_warning_to_the_console(visits):
    noisy = [f"{path or '/'}: {message}" for path, visit in visits.items() for message in visit.console]
    assert noisy == [], "\n".join(noisy)


def test_no_page_breaks_its_own_content_security_policy(visits, site_dir):
    """Contract 13: each page carries its policy, and nothing on it (Material's inline scripts, its
    workers, our bundles) is refused by it. A seeded breach is shown blocked in
    test_content_security_policy.py."""
    for built in built_pages(site_dir):
        assert "http-equiv=Content-Security-Policy>" in built.file.read_text(encoding="utf-8"), built.path
    breaches = {path or "/": found for path, visit in visits.items() if (found := visit.breaches)}
    assert breaches == {}


def test_tab_reaches_every_visible_control_and_always_shows_where_the_focus_is(visits):
    problems = [problem for visit in visits.values() for problem in visit.tab_walk]
    assert problems == [], "\n".join(problems)
