"""Glossary tooltips in headless Chromium: shown on hover and on keyboard focus, one tab stop per term."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from browsing import tab_until
from conftest import LOCALES, PREFIX, ROOT
from sitekit.glossary.model import load_glossary

pytestmark = pytest.mark.browser

GLOSSARY = load_glossary(ROOT / "data" / "glossary.yml", ROOT, LOCALES)
PAGE = "bandi/clusters-go-international-2020/"  # ESCP-4i appears there more than once


def tooltip_of(page, abbr):
    """The tooltip Material shows for `abbr`: the one its aria-describedby names, once active.
    (The tooltip of a term left a moment ago fades out with a delay, so never pick "any" tooltip.)"""
    page.wait_for_function("el => el.hasAttribute('aria-describedby')", arg=abbr.element_handle())
    tooltip = page.locator(f"[id='{abbr.get_attribute('aria-describedby')}']")
    assert tooltip.get_attribute("role") == "tooltip"
    page.locator(f"[id='{tooltip.get_attribute('id')}'].md-tooltip2--active").wait_for(state="visible")
    return tooltip


def escp(locale: str):
    return next(t for t in GLOSSARY.terms(locale) if t.slug == "escp-4i")


def open_page(page, served_site, locale: str) -> None:
    page.goto(served_site.url + PREFIX[locale] + PAGE)
    page.wait_for_selector("article abbr")


@pytest.mark.parametrize("locale", LOCALES)
def test_hovering_a_term_shows_its_expansion_and_definition(page, served_site, locale):
    open_page(page, served_site, locale)
    later = page.locator("article abbr:not(:has(a))", has_text="ESCP-4i").first
    assert later.get_attribute("aria-describedby") is None
    later.hover()
    assert tooltip_of(page, later).inner_text().strip() == escp(locale).title


@pytest.mark.parametrize("locale", LOCALES)
def test_tabbing_to_the_first_occurrence_shows_the_tooltip_and_describes_it(page, served_site, locale):
    open_page(page, served_site, locale)
    first = page.locator("article abbr:has(a.glossary-link)", has_text="ESCP-4i").first
    if not tab_until(page, "el.matches('a.glossary-link') && el.textContent === 'ESCP-4i'", 60):
        pytest.fail("the first ESCP-4i on the page is not reachable with the Tab key")
    focused = page.locator(":focus")
    expect(focused).to_have_accessible_name("ESCP-4i")
    expect(focused).to_have_accessible_description(escp(locale).title)  # what a screen reader says
    tooltip = tooltip_of(page, first)
    assert tooltip.inner_text().strip() == escp(locale).title
    tooltip_id = tooltip.get_attribute("id")
    page.keyboard.press("Tab")  # leaving the term hides its tooltip again
    page.locator(f"[id='{tooltip_id}'].md-tooltip2--active").wait_for(state="hidden")


@pytest.mark.parametrize("locale", LOCALES)
def test_only_the_first_occurrence_of_a_term_is_a_tab_stop(page, served_site, locale):
    open_page(page, served_site, locale)
    stops = page.evaluate("""() => [...document.querySelectorAll('article abbr')]
        .map(abbr => [abbr.textContent, abbr.tabIndex >= 0 || !!abbr.querySelector('a[href]')])""")
    focusable = [text for text, tabbable in stops if tabbable]
    assert len(stops) > len(focusable) > 0
    assert len(focusable) == len(set(focusable))  # each term once


def test_the_first_occurrence_leads_to_the_entry_on_the_glossary_page(page, served_site):
    open_page(page, served_site, "it")
    page.locator("article a.glossary-link", has_text="ESCP-4i").first.click()
    page.wait_for_url("**/glossario/#escp-4i")
    assert page.locator("#escp-4i dfn").inner_text() == "ESCP-4i"
    assert page.evaluate("location.pathname") == "/bandi/glossario/"
