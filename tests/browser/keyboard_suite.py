"""Keyboard alone, at one viewport: the skip link leads into the content, the language selector and
search are usable. Imported by one test module per viewport (its VIEWPORT), so that parallel workers
take one each (test_keyboard.py, test_keyboard_desktop.py). The walk with Tab through every page
(tab_walk_problems, below) runs in the page visits of axe_suite.py, which load each page once."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest
from playwright.sync_api import Error as PlaywrightError

from browsing import FOCUSABLE_JS, FOCUSED_JS, RESULTS_SETTLED_JS, VIEWPORTS, new_tab, tab_until, url_of
from sitebuild import soup
from sitepages import built_pages, configured_site_url

SITE_URL = configured_site_url()


@pytest.fixture
def tab(request, browser):
    tab = new_tab(browser, VIEWPORTS[request.module.VIEWPORT])
    yield tab
    tab.close()


def focused(tab) -> dict | None:
    return tab.page.evaluate(FOCUSED_JS)


SKIP_LINK_JS = """() => { const a = document.activeElement;
    return a.matches('a.md-skip') ? a.getAttribute('href') : a.outerHTML.slice(0, 80); }"""


def one_page_per_depth(site_dir) -> list:
    """A page of each depth in each language (home, index, call page, its sub-pages...): the same
    templates as every page, for the checks that follow links away from the page."""
    chosen: dict[tuple[str, int], object] = {}
    for built in built_pages(site_dir):
        chosen.setdefault((built.lang, built.path.rstrip("/").count("/")), built)
    return list(chosen.values())


def test_first_tab_shows_a_skip_link_that_moves_to_the_content(tab, served_site, site_dir):
    """The first stop of every page is checked in the walk (tab_walk_problems); here Enter on it, page
    by kind."""
    problems = []
    for built in one_page_per_depth(site_dir):
        tab.open(url_of(served_site, built))
        tab.page.keyboard.press("Tab")
        skip = tab.page.evaluate(SKIP_LINK_JS)
        state = focused(tab)
        if not skip.startswith("#") or not state["onScreen"] or not state["ring"]:
            problems.append(f"{built.path or '/'}: first Tab stop is {skip} (on screen: {state['onScreen']})")
            continue
        tab.page.keyboard.press("Enter")
        inside = tab.page.evaluate(
            """(id) => { const el = document.getElementById(id);
            return location.hash === '#' + id && !!el && !!el.closest('.md-content'); }""",
            skip[1:],
        )
        if not inside:
            problems.append(f"{built.path or '/'}: the skip link {skip} does not lead into the content")
    assert problems == [], "\n".join(problems)


def tab_walk_problems(tab, built) -> list[str]:
    """Tab through the page open in `tab` once, from the top: the first stop is the skip link, every
    stop is on screen with a visible focus indicator, and every visible control is reached. Run on
    every page at each viewport by the page visits of axe_suite.py, which load each page once; a
    walk that breaks off (a Tab that navigates, say) is a problem of its page, not an error of the
    visits."""
    try:
        return _walk(tab, built)
    except PlaywrightError as error:
        return [f"{built.path or '/'}: the walk with Tab broke off: {error.message.splitlines()[0]}"]


def _walk(tab, built) -> list[str]:
    problems = []
    wanted = set(map(str, tab.page.evaluate(FOCUSABLE_JS)))
    reached: set[str] = set()
    stops = 0
    while stops < 3 * len(wanted) + 20:
        tab.page.keyboard.press("Tab")
        stops += 1
        if stops == 1 and not (skip := tab.page.evaluate(SKIP_LINK_JS)).startswith("#"):
            problems.append(f"{built.path or '/'}: the first Tab stop is {skip}, not the skip link")
        state = focused(tab)
        if state is None:
            break  # back past the last control: the tab order has been walked once
        if not state["onScreen"]:
            problems.append(f"{built.path or '/'}: focus went to something off screen: {state['html']}")
        elif not state["ring"]:
            problems.append(f"{built.path or '/'}: no visible focus indicator on {state['html']}")
        if state["index"] is not None:
            if state["index"] in reached and reached >= wanted:
                break
            reached.add(state["index"])
    missing = wanted - reached
    if missing:
        html = tab.page.evaluate(
            "(ids) => ids.map(i => document.querySelector(`[data-quality-index='${i}']`).outerHTML.slice(0, 100))",
            sorted(missing),
        )
        problems.append(f"{built.path or '/'}: Tab never reaches {html}")
    return list(dict.fromkeys(problems))


def test_language_selector_works_with_the_keyboard_and_keeps_the_page(tab, served_site, site_dir):
    problems = []
    # A page of each kind: where each language's link leads is checked on every page by the build
    # tests (test_bilingual_site.py); here, that the keyboard follows it.
    pages = [p for p in one_page_per_depth(site_dir) if soup(p.file).select("link[rel=alternate][hreflang]")]
    assert len(pages) > 4
    for built in pages:
        alternates = {
            link["hreflang"]: link["href"] for link in soup(built.file).select("link[rel=alternate][hreflang]")
        }
        for lang, href in alternates.items():
            if lang in (built.lang, "x-default"):
                continue
            tab.open(url_of(served_site, built))
            # From the selector's own button on (the walk above reaches the button by Tab from
            # the top of every page): its menu opens on focus, and Tab goes through its links.
            tab.page.locator(".md-select > button").first.focus()
            if not tab_until(tab.page, f"el.matches('a.md-select__link[hreflang={lang}]')", len(alternates) + 2):
                problems.append(f"{built.path or '/'}: Tab never reaches the link to {lang}")
                continue
            if not focused(tab)["onScreen"]:
                problems.append(f"{built.path or '/'}: the link to {lang} is focused but not shown")
            with tab.page.expect_navigation():
                tab.page.keyboard.press("Enter")
            expected = urljoin(served_site.url, href.removeprefix(SITE_URL))  # absolute when built for this server
            landed_lang = tab.page.evaluate("document.documentElement.lang")
            if tab.page.url != expected or landed_lang != lang:
                problems.append(f"{built.path or '/'}: {lang} leads to {tab.page.url} ({landed_lang}), not {expected}")
    assert problems == [], "\n".join(problems)


# A word that both languages use on the call's pages.
SEARCH_TERM = "COSME"


@pytest.mark.parametrize("home", ["", "en/"])
def test_search_works_with_the_keyboard_alone(tab, served_site, home):
    tab.open(served_site.url + home)
    if not tab_until(tab.page, "el.matches('input.md-search__input, [data-quality-for=__search]')", 40):
        pytest.fail("Tab never reaches the search field or the search button")
    if tab.page.evaluate("document.activeElement.matches('button')"):
        tab.page.keyboard.press("Enter")
        assert tab.page.evaluate("document.activeElement.matches('input.md-search__input')"), (
            "Enter does not open the search"
        )
    tab.page.keyboard.type(SEARCH_TERM)
    tab.page.locator(".md-search-result__item").first.wait_for(state="visible")
    # Each letter typed asks the search again, and the list is drawn anew with each answer: a reader
    # moves to the results once they stop changing, and so does this test.
    tab.page.wait_for_function(RESULTS_SETTLED_JS, polling=150)
    tab.page.keyboard.press("ArrowDown")
    result = tab.page.evaluate(
        "document.activeElement.closest('.md-search-result__item') ? document.activeElement.href : null"
    )
    assert result, "ArrowDown does not move to the first result"
    with tab.page.expect_navigation():
        tab.page.keyboard.press("Enter")
    # Material links the home page as ".../en?h=", which the server redirects to ".../en/?h=".
    assert tab.page.url.split("?")[0].rstrip("/") == result.split("?")[0].rstrip("/")
    assert tab.page.url.startswith(served_site.url + home)
    assert SEARCH_TERM in tab.page.locator("article").inner_text()
