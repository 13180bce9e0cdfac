"""Every page, both languages, phone and desktop: axe-core finds nothing, no third-party request, a quiet console."""
from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from browsing import VIEWPORTS, new_tab, url_of
from lastcheck import record
from sitepages import built_pages

pytestmark = pytest.mark.browser

# WCAG 2.1 A and AA, and best practices: every rule with these tags, none disabled.
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
               "resultTypes": ["violations"]}


@pytest.fixture(scope="module")
def visits(browser, served_site, site_dir):
    """Each page loaded once per viewport: axe-core's violations, console messages, requested URLs."""
    axe, seen, version = Axe(), {}, "?"
    for name, viewport in VIEWPORTS.items():
        tab = new_tab(browser, viewport)
        for built in built_pages(site_dir):
            tab.open(url_of(served_site, built), wait="networkidle")
            response = axe.run(tab.page, options=AXE_OPTIONS).response
            version = response.get("testEngine", {}).get("version", version)
            seen[name, built.path] = (response["violations"], list(tab.console), list(tab.requests))
        tab.page.context.close()
    # what this run found, on every page in every viewport, whether the tests below pass or not
    record("axe-core", version, len(seen), sum(len(found[0]) for found in seen.values()))
    return seen


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_axe_core_finds_no_violation_on_any_page(visits, viewport):
    found = [f"{path or '/'}: {v['id']} ({v['help']}) at {[n['target'] for n in v['nodes']][:3]}"
             for (name, path), (violations, _, _) in visits.items() if name == viewport for v in violations]
    assert found == [], "\n".join(found)


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_no_page_requests_anything_from_another_host(visits, viewport, served_site):
    foreign = [f"{path or '/'}: {url}" for (name, path), (_, _, requests) in visits.items() if name == viewport
               for url in requests if not url.startswith(served_site.url) and not url.startswith(("data:", "blob:"))]
    assert foreign == [], "\n".join(foreign)


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_no_page_prints_an_error_or_warning_to_the_console(visits, viewport):
    noisy = [f"{path or '/'}: {message}" for (name, path), (_, console, _) in visits.items() if name == viewport
             for message in console]
    assert noisy == [], "\n".join(noisy)


def test_the_axe_check_does_report_a_violation(browser, served_site):
    """The harness itself: an image without a text alternative must be reported."""
    tab = new_tab(browser, VIEWPORTS["desktop"])
    tab.open(served_site.url)
    tab.page.evaluate("document.querySelector('article').insertAdjacentHTML('beforeend', '<img src=\"x.png\">')")
    ids = {v["id"] for v in Axe().run(tab.page, options=AXE_OPTIONS).response["violations"]}
    tab.page.context.close()
    assert "image-alt" in ids
