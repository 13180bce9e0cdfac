"""Reading comfort in headless Chromium (issue 26): a term marked once per section, the tooltip as
readable as the text, the page's title heavier than its sections, the language button naming the
current language, dark colours following the system (axe-core finds nothing in either scheme),
and paper without anything live, with the state as of the printing day and every address once."""

from __future__ import annotations

import re

import pytest

from axe_suite import AXE_OPTIONS, axe_results, load_axe_in
from browsing import new_tab, tab_until
from lastcheck import record

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
CALL = "bandi/clusters-go-international-2020/"
PAGES = ["", CALL, CALL + "sezione-a/", "glossario/"]  # home, call page, sub-page, glossary
LANGUAGES = {"": ("it", "IT"), "en/": ("en", "EN")}


def open_page(browser, served_site, viewport, path, scheme="light"):
    tab = new_tab(browser, viewport)
    tab.page.emulate_media(color_scheme=scheme)
    tab.open(served_site.url + path)
    return tab


@pytest.mark.parametrize("prefix", LANGUAGES)
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP])
def test_the_title_outweighs_the_sections_and_the_language_button_names_the_language(
    browser, served_site, prefix, viewport
):
    locale, code = LANGUAGES[prefix]
    tab = new_tab(browser, viewport)
    for path in PAGES:
        tab.open(served_site.url + prefix + path)
        weights = tab.page.evaluate(
            """() => [document.querySelector('article h1'), ...document.querySelectorAll('article h2')]
                .map(h => [parseInt(getComputedStyle(h).fontWeight), parseFloat(getComputedStyle(h).fontSize)])"""
        )
        h1, *h2s = weights
        assert all(h1[0] > w and h1[1] > s for w, s in h2s), (path, weights)
        button = tab.page.locator(".md-header__button.site-language")
        assert button.is_visible() and button.inner_text().strip() == code
        assert code in (button.get_attribute("aria-label") or "")  # the name a screen reader reads has it too
        current = tab.page.locator(".md-select__link[aria-current]")
        assert current.count() == 1 and current.get_attribute("hreflang") == locale
    tab.close()


@pytest.mark.parametrize("prefix", LANGUAGES)
def test_a_term_is_marked_once_per_section_and_its_tooltip_reads_like_the_text(browser, served_site, prefix):
    tab = open_page(browser, served_site, DESKTOP, prefix + CALL)
    sections = tab.page.evaluate(
        """() => {
          const out = []; let marked = [];
          for (const el of document.querySelector('article').querySelectorAll('h2, abbr')) {
            if (el.tagName === 'H2') { out.push(marked); marked = []; } else marked.push(el.textContent);
          }
          out.push(marked); return out;
        }"""
    )
    for marked in sections:
        assert len(marked) == len(set(marked)), marked  # each term at most once in a section
    assert tab.page.locator("article h1 abbr, article h2 abbr, article th abbr, nav abbr").count() == 0
    term = tab.page.locator("article abbr").nth(1)
    term.hover()
    tooltip = tab.page.locator("[role=tooltip] .md-tooltip2__inner").first
    tooltip.wait_for(state="visible")
    size, weight = tooltip.evaluate("t => [parseFloat(getComputedStyle(t).fontSize), getComputedStyle(t).fontWeight]")
    body = tab.page.evaluate("parseFloat(getComputedStyle(document.querySelector('article p')).fontSize)")
    assert size >= 0.8 * 20 * 0.999 and size >= body * 0.99 and weight == "400", (size, weight, body)
    tab.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP])
def test_dark_colours_follow_the_system_and_axe_core_finds_nothing_in_either_scheme(browser, served_site, viewport):
    found, version = {}, "?"
    # the light scheme: every page at both sizes in axe_suite.py; here the system's dark setting.
    # One tab, each page loaded with nothing stored (Material keeps the palette it last showed in
    # local storage, which would stand in for the system's setting on the next page).
    tab = new_tab(browser, viewport)
    tab.page.emulate_media(color_scheme="dark")
    tab.page.add_init_script("localStorage.clear()")
    load_axe_in(tab.page)
    for prefix in LANGUAGES:
        for path in PAGES:
            tab.open(served_site.url + prefix + path)
            assert tab.page.evaluate("document.body.dataset.mdColorScheme") == "slate", prefix + path
            response = axe_results(tab.page, AXE_OPTIONS)
            version = response.get("testEngine", {}).get("version", version)
            violations = response["violations"]
            if violations:
                found[f"dark {prefix}{path}"] = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations]
    tab.close()
    runs = len(LANGUAGES) * len(PAGES)
    record("axe-core-dark", version, runs, sum(len(v) for v in found.values()), part=str(viewport["width"]))
    assert not found


def test_the_colour_toggle_is_remembered(browser, served_site):
    tab = open_page(browser, served_site, DESKTOP, "")
    tab.page.locator("form[data-md-component=palette] label:visible").click()
    assert tab.page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    tab.open(served_site.url + CALL)
    assert tab.page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    tab.close()


PRINT_JS = """() => {
  const shown = el => el.checkVisibility({checkVisibilityCSS: true});
  const text = document.querySelector('article').innerText;
  const links = [...document.querySelectorAll('article a[href]')].filter(shown);
  const printed = links.map(a => getComputedStyle(a, '::after').content).filter(c => c && c !== 'none');
  return {
    live: [...document.querySelectorAll('.call-left, .call-box__calendar, .edit-links, .md-search, nav, .md-header, button')]
      .filter(shown).map(el => el.className || el.tagName),
    meta: shown(document.querySelector('.print-meta')) ? document.querySelector('.print-meta').innerText : '',
    state: [...document.querySelectorAll('.call-box__print-state')].filter(shown).map(el => el.innerText),
    addresses: links.filter(a => a.href.split('#')[0] !== location.href.split('#')[0]).map(a => a.href),
    printed: printed,
    text: text,
  };
}"""


@pytest.mark.parametrize(
    "prefix, printed, state", [("", "Stampato il", "Stato al"), ("en/", "Printed on", "Status on")]
)
def test_paper_shows_nothing_live_the_state_of_the_day_and_every_address_once(
    browser, served_site, prefix, printed, state
):
    tab = new_tab(browser, DESKTOP)
    for path in PAGES:
        tab.page.emulate_media(media="screen")  # each page loads on screen, then goes to paper
        tab.open(served_site.url + prefix + path)
        tab.page.emulate_media(media="print")
        result = tab.page.evaluate(PRINT_JS)
        assert result["live"] == [], (path, result["live"])
        assert "Clust-ER" in result["meta"] and printed in result["meta"]
        assert re.search(r"https?://\S+" + re.escape(prefix + path), result["meta"]), result["meta"]
        if path == CALL:
            [line] = result["state"]
            assert line.startswith(state) and re.search(r"\d{4}", line), line
            assert not re.search(r"Tempo rimasto|Time left", result["text"])
        for address in set(result["addresses"]):
            assert sum(f"({address})" in c for c in result["printed"]) == 1, (path, address)  # once
    tab.close()


@pytest.mark.parametrize("prefix", LANGUAGES)
def test_on_a_touch_screen_every_mark_opens_a_box_with_a_link_to_its_entry(browser, served_site, prefix):
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True, locale="it-IT")
    page = context.new_page()
    page.goto(served_site.url + prefix + CALL)
    page.wait_for_load_state("load")
    url = page.url
    first = page.locator("article abbr[data-entry]:has(a)").first  # the first of a term: a link
    later = page.locator("article abbr[data-entry]:not(:has(a))").first  # a later one: no link
    for mark in (first, later):
        mark.scroll_into_view_if_needed()
        mark.tap()
        box = page.locator(".glossary-box")
        assert box.count() == 1 and box.is_visible() and page.url == url  # the first mark's link is not followed
        assert box.locator("a").get_attribute("href") == mark.get_attribute("data-entry")
        assert len(box.inner_text()) > 20
        mark.tap()  # a second tap closes it
        assert page.locator(".glossary-box").count() == 0
    later.tap()
    page.locator("article h1").tap()  # a tap elsewhere
    assert page.locator(".glossary-box").count() == 0
    later.tap()
    page.keyboard.press("Escape")
    assert page.locator(".glossary-box").count() == 0
    later.tap()
    page.locator(".glossary-box a").tap()  # the link leads to the entry
    page.wait_for_url(re.compile(r".*glossario/#[\w-]+$"))
    context.close()


def test_the_colour_toggle_works_from_the_keyboard_with_its_focus_shown(browser, served_site):
    tab = open_page(browser, served_site, DESKTOP, CALL)
    assert tab_until(tab.page, "el.matches('[data-md-component=palette] .md-option')", 40)
    ring = tab.page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert ring != "none"
    tab.page.keyboard.press("Space")
    tab.page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
    assert tab.page.evaluate("document.activeElement.matches('[data-md-component=palette] .md-option:checked')")
    tab.page.keyboard.press("Enter")
    tab.page.wait_for_function("document.body.dataset.mdColorScheme === 'default'")
    tab.close()


@pytest.mark.parametrize("prefix", LANGUAGES)
def test_the_phones_drawer_lists_the_languages_with_the_current_one_marked(browser, served_site, prefix):
    locale, _ = LANGUAGES[prefix]
    tab = open_page(browser, served_site, PHONE, prefix + CALL + "sezione-a/")
    tab.page.locator("[data-quality-for=__drawer]").click()
    links = tab.page.locator(".md-nav--primary .site-drawer-languages a")
    links.first.wait_for(state="visible")
    assert links.count() == len(LANGUAGES)
    current = tab.page.locator(".md-nav--primary .site-drawer-languages a[aria-current]")
    assert current.is_visible() and current.get_attribute("hreflang") == locale
    other = tab.page.locator(".md-nav--primary .site-drawer-languages a:not([aria-current])")
    other.click()
    tab.page.wait_for_load_state("load")
    assert tab.page.url.endswith(("en/" if not prefix else "") + CALL + "sezione-a/")
    tab.close()


def test_a_swipe_that_starts_on_a_term_scrolls_and_opens_nothing(browser, served_site):
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True, locale="it-IT")
    page = context.new_page()
    page.goto(served_site.url + CALL)
    page.wait_for_load_state("load")
    term = page.locator("article abbr[data-entry]:not(:has(a))").first
    term.scroll_into_view_if_needed()
    box = term.bounding_box()
    assert box is not None
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    cdp = context.new_cdp_session(page)
    for kind, points in (("touchStart", [(x, y)]), ("touchMove", [(x, y - 120)]), ("touchEnd", [])):
        cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": [{"x": px, "y": py} for px, py in points]})
    page.wait_for_timeout(300)
    assert page.locator(".glossary-box").count() == 0
    context.close()
