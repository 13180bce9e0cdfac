"""Every page, both languages, phone and desktop: axe-core finds nothing, no third-party request, a quiet console."""
from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from browsing import VIEWPORTS, new_tab, url_of
from sitepages import built_pages
from tools import axe_js, locked_npm_version

pytestmark = pytest.mark.browser

# WCAG 2.0, 2.1 and 2.2 A and AA, and best practices: every rule with these tags, none disabled.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}


@pytest.fixture(scope="module")
def axe():
    """axe-core from node_modules, at the release package-lock.json pins."""
    return Axe.from_file(axe_js())


@pytest.fixture(scope="module", params=list(VIEWPORTS))
def visits(request, browser, served_site, site_dir, axe):
    """Each page loaded once at one viewport (one per parameter, so that parallel workers can take
    one each): {path: (axe-core's violations, console messages, requested URLs)}."""
    seen = {}
    tab = new_tab(browser, VIEWPORTS[request.param])
    for built in built_pages(site_dir):
        tab.open(url_of(served_site, built), wait="networkidle")
        violations = axe.run(tab.page, options=AXE_OPTIONS).response["violations"]
        seen[built.path] = (violations, list(tab.console), list(tab.requests))
    tab.page.context.close()
    return seen


def test_axe_core_finds_no_violation_on_any_page(visits):
    found = [f"{path or '/'}: {v['id']} ({v['help']}) at {[n['target'] for n in v['nodes']][:3]}"
             for path, (violations, _, _) in visits.items() for v in violations]
    assert found == [], "\n".join(found)


def test_no_page_requests_anything_from_another_host(visits, served_site):
    foreign = [f"{path or '/'}: {url}" for path, (_, _, requests) in visits.items()
               for url in requests if not url.startswith(served_site.url) and not url.startswith(("data:", "blob:"))]
    assert foreign == [], "\n".join(foreign)


def test_no_page_prints_an_error_or_warning_to_the_console(visits):
    noisy = [f"{path or '/'}: {message}" for path, (_, console, _) in visits.items() for message in console]
    assert noisy == [], "\n".join(noisy)


def test_the_axe_check_does_report_a_violation(browser, served_site, axe):
    """The harness itself: the pinned axe-core runs, with WCAG 2.2 rules among those enabled; an image
    without a text alternative must be reported."""
    tab = new_tab(browser, VIEWPORTS["desktop"])
    tab.open(served_site.url)
    tab.page.evaluate("document.querySelector('article').insertAdjacentHTML('beforeend', '<img src=\"x.png\">')")
    results = axe.run(tab.page, options={**AXE_OPTIONS, "resultTypes": ["violations", "passes", "inapplicable"]})
    version = tab.page.evaluate("axe.version")
    wcag22 = tab.page.evaluate("axe.getRules(['wcag22aa']).map(rule => rule.ruleId)")
    tab.page.context.close()
    assert version == locked_npm_version("axe-core")
    assert "image-alt" in {v["id"] for v in results.response["violations"]}
    ran = {rule["id"] for kind in ("violations", "passes", "inapplicable") for rule in results.response[kind]}
    assert wcag22 and set(wcag22) <= ran, (wcag22, "WCAG 2.2 rules did not run")
