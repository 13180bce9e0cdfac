"""Every page, both languages, on a phone: axe-core finds nothing, no third-party request, a quiet
console, Tab reaches every control with the focus shown (tests in axe_suite.py); and the axe-core
harness itself."""

from __future__ import annotations

import pytest

from axe_suite import *  # noqa: F403 (the tests and fixtures of axe_suite, run at VIEWPORT)
from axe_suite import AXE_OPTIONS, axe_results, load_axe_in
from browsing import VIEWPORTS, new_tab
from tools import locked_npm_version

pytestmark = pytest.mark.browser
VIEWPORT = "phone"


def test_the_axe_check_does_report_a_violation(browser, served_site):
    """The harness itself, loaded as the checks load it: the pinned axe-core runs, with WCAG 2.2 rules
    among those enabled; an image without a text alternative must be reported."""
    tab = new_tab(browser, VIEWPORTS["desktop"])
    load_axe_in(tab.page)
    tab.open(served_site.url)
    tab.page.evaluate("document.querySelector('article').insertAdjacentHTML('beforeend', '<img src=\"x.png\">')")
    results = axe_results(tab.page, {**AXE_OPTIONS, "resultTypes": ["violations", "passes", "inapplicable"]})
    version = tab.page.evaluate("axe.version")
    wcag22 = tab.page.evaluate("axe.getRules(['wcag22aa']).map(rule => rule.ruleId)")
    tab.close()
    assert version == locked_npm_version("axe-core")
    assert "image-alt" in {v["id"] for v in results["violations"]}
    ran = {rule["id"] for kind in ("violations", "passes", "inapplicable") for rule in results[kind]}
    assert wcag22 and set(wcag22) <= ran, (wcag22, "WCAG 2.2 rules did not run")
