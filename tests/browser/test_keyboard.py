"""Keyboard alone on a phone: the tests of keyboard_suite.py at the phone's viewport, and the
navigation drawer, which only phones have."""

from __future__ import annotations

import pytest

from browsing import VIEWPORTS, new_tab, tab_until
from keyboard_suite import *  # noqa: F403 (the tests and fixtures of keyboard_suite, run at VIEWPORT)
from keyboard_suite import focused

pytestmark = pytest.mark.browser
VIEWPORT = "phone"


def test_on_a_phone_the_navigation_drawer_opens_with_the_keyboard(browser, served_site):
    tab = new_tab(browser, VIEWPORTS["phone"])
    tab.open(served_site.url)
    if not tab_until(tab.page, "el.matches('[data-quality-for=__drawer]')", 20):
        pytest.fail("Tab never reaches the button that opens the navigation")
    assert tab.page.evaluate("document.activeElement.getAttribute('aria-expanded')") == "false"
    tab.page.keyboard.press("Enter")
    assert tab.page.evaluate("document.activeElement.getAttribute('aria-expanded')") == "true"
    if not tab_until(tab.page, "!!el.closest('nav.md-nav--primary')", 30):
        pytest.fail("Tab never reaches the navigation once it is open")
    assert focused(tab)["onScreen"], focused(tab)["html"]
    tab.close()
