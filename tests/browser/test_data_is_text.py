"""Text from data is text in the reader's browser: markup written in the glossary, a call, the
interface strings or a page's front matter shows as written (tooltips included) and never runs."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from browsing import close_tab, origin_of, warm_context
from conftest import SITE_NOW_DURING_CALL
from sitebuild import copy_project, served_build

pytestmark = pytest.mark.browser


def payload(place: str) -> str:
    """Markup that sets a global naming `place` if it ever runs, and shows an element if parsed."""
    return f"<img src=x onerror=\"window.__pwned='{place}'\"> & <b>{place}</b>"


CALL = "data/calls/clusters-go-international-2020.yml"
PLACES = {
    "definition": payload("definition"),
    "expansion": payload("expansion"),
    "call title": payload("call title"),
    "call summary": payload("call summary"),
    "link title": payload("link title"),
    "404 title": payload("404 title"),
    "404 text": payload("404 text"),
    "feed link": payload("feed link"),
    "page title": "PMI (<250 dipendenti) " + payload("page title") + " with a title long enough to be cut short "
    "in the header of the page at any width",
    "nav title": payload("nav title"),
    "page subtitle": payload("page subtitle"),
}


def _yaml(text: str) -> str:
    return json.dumps(text)  # a JSON string is a YAML double-quoted scalar


def _replace(project, rel: str, old: str, new: str) -> None:
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{rel} no longer contains {old!r}"
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("hostile-project"))
    glossary = project / "data" / "glossary.yml"
    text = glossary.read_text(encoding="utf-8")
    text = text.replace(
        "    expansion: European Strategic Cluster Partnerships for Going International\n",
        f"    expansion: {_yaml(PLACES['expansion'])}\n",
    )
    text = text.replace(
        "    definition: >-\n      Partenariati strategici europei",
        f"    definition: >-\n      {PLACES['definition']} Partenariati strategici europei",
    )
    text = text.replace(
        "    definition: >-\n      Partnerships of European clusters",
        f"    definition: >-\n      {PLACES['definition']} Partnerships of European clusters",
    )
    glossary.write_text(text, encoding="utf-8")
    _replace(project, CALL, "  it: Clusters Go International 2020\n", f"  it: {_yaml(PLACES['call title'])}\n")
    found = re.search(r"^summary:\n(  it: .*\n)", (project / CALL).read_text(encoding="utf-8"), re.M)
    assert found, f"{CALL} has no summary.it"
    summary = found[1]
    _replace(project, CALL, summary, f"  it: {_yaml(PLACES['call summary'])}\n")
    _replace(
        project,
        CALL,
        "      it: European Cluster Collaboration Platform (ECCP)\n",
        f"      it: {_yaml(PLACES['link title'])}\n",
    )
    _replace(
        project, "data/strings/it.yml", "  title: Pagina non trovata\n", f"  title: {_yaml(PLACES['404 title'])}\n"
    )
    _replace(
        project,
        "data/strings/it.yml",
        "  text: La pagina che cercate non esiste o è stata spostata.\n",
        f"  text: {_yaml(PLACES['404 text'])}\n",
    )
    _replace(
        project, "data/strings/it.yml", "    feed: Bandi (feed Atom)\n", f"    feed: {_yaml(PLACES['feed link'])}\n"
    )
    _replace(
        project,
        "docs/chi-siamo.it.md",
        "title: Chi siamo e privacy\n",
        f"title: {_yaml(PLACES['page title'])}\nsubtitle: {_yaml(PLACES['page subtitle'])}\n",
    )
    _replace(
        project, "mkdocs.yml", "  - Chi siamo: chi-siamo.md\n", f"  - {_yaml(PLACES['nav title'])}: chi-siamo.md\n"
    )
    _replace(
        project, "mkdocs.yml", "            Chi siamo: About\n", f"            {_yaml(PLACES['nav title'])}: About\n"
    )
    with served_build(tmp_path_factory.mktemp("hostile-site"), SITE_NOW_DURING_CALL, project=project) as server:
        yield server


@pytest.fixture
def tab(browser):
    page = warm_context(browser, viewport={"width": 1280, "height": 800}, locale="it-IT").new_page()
    origins: set[str] = set()
    page.on("request", lambda request: origins.update(filter(None, [origin_of(request.url)])))
    yield page
    assert page.evaluate("window.__pwned") is None, f"markup from {page.evaluate('window.__pwned')} ran"
    close_tab(page, origins)


def assert_shown_as_written(tab, text: str) -> None:
    """`text` is on the page as text, and no element was made of it."""
    assert text in tab.evaluate("document.body.innerText"), text
    assert tab.evaluate("document.querySelectorAll('img[src=x], b').length") == 0


def test_call_title_summary_and_link_title_show_as_written(tab, hostile_site):
    tab.goto(hostile_site.url + "bandi/")
    tab.wait_for_load_state("load")
    assert PLACES["call title"] in tab.locator(".calls-index__title").first.inner_text()
    assert PLACES["call summary"] in tab.locator(".calls-index__summary").first.inner_text()
    assert_shown_as_written(tab, PLACES["call title"])
    tab.goto(hostile_site.url + "bandi/clusters-go-international-2020/")
    tab.wait_for_load_state("load")
    assert PLACES["link title"] in tab.locator(".call-documents").inner_text()
    assert_shown_as_written(tab, PLACES["link title"])


def test_link_title_tooltip_shows_as_written(tab, hostile_site):
    """A page linking [the platform][eccp] gets the link's title from data: Material's tooltip."""
    tab.goto(hostile_site.url + "bandi/clusters-go-international-2020/come-partecipare/")
    link = tab.locator("article a[title]").first.element_handle()  # a handle: Material removes the title
    link.hover()
    tooltip = _tooltip_of(tab, link)
    assert tooltip.inner_text().strip() == PLACES["link title"]
    assert tooltip.locator("img, b").count() == 0


# What the tooltip Material opens for an element shows, read as soon as it opens (within 3 seconds
# of the pointer reaching the element); null if none opens.
OPENED_TOOLTIP = """el => new Promise(done => {
  const start = Date.now();
  (function poll() {
    const tooltip = el.hasAttribute('aria-describedby') && document.getElementById(el.getAttribute('aria-describedby'));
    if (tooltip) return done({text: tooltip.textContent.trim(), markup: tooltip.querySelectorAll('img, b').length});
    if (Date.now() - start > 3000) return done(null);
    setTimeout(poll, 50);
  })();
})"""


def _tooltip_of(tab, host):
    """The tooltip Material opened for the element `host` (a handle)."""
    tab.wait_for_function("el => el.hasAttribute('aria-describedby')", arg=host)
    tooltip = tab.locator(f"[id='{host.get_attribute('aria-describedby')}']")
    tooltip.wait_for(state="visible")
    return tooltip


@pytest.mark.parametrize("how", ["hover", "focus"])
def test_glossary_tooltip_shows_markup_as_written(tab, hostile_site, how):
    tab.goto(hostile_site.url + "bandi/clusters-go-international-2020/")
    first = tab.locator("article abbr:has(a.glossary-link)", has_text="ESCP-4i").first.element_handle()
    expected = f"{PLACES['expansion']}: {PLACES['definition']} Partenariati strategici europei"
    if how == "hover":
        first.hover()
    else:
        first.query_selector("a").focus()
    tooltip = _tooltip_of(tab, first)
    assert tooltip.inner_text().strip().startswith(expected)
    assert tooltip.locator("img, b").count() == 0
    # the page's HTML keeps the plain text (contract 4), for readers without JavaScript
    assert first.query_selector("a").get_attribute("aria-description").startswith(expected)


def test_glossary_page_shows_markup_as_written(tab, hostile_site):
    tab.goto(hostile_site.url + "glossario/")
    tab.wait_for_load_state("load")
    assert_shown_as_written(tab, PLACES["definition"])


def test_404_page_shows_strings_as_written(tab, hostile_site):
    tab.goto(hostile_site.url + "no-such-page/")
    tab.wait_for_load_state("load")
    assert tab.locator("h1").inner_text() == PLACES["404 title"]
    assert_shown_as_written(tab, PLACES["404 text"])


def test_head_link_titles_are_attributes_not_markup(tab, hostile_site):
    tab.goto(hostile_site.url)
    titles = tab.eval_on_selector_all(
        "head link[rel=alternate][type='application/atom+xml']", "links => links.map(l => l.title)"
    )
    assert titles == [PLACES["feed link"]]
    # the one 404 page is written by the last language built (static-i18n #284): English here
    for path in ("", "no-such-page/"):
        tab.goto(hostile_site.url + path)
        assert tab.evaluate("document.head.querySelectorAll('img, b').length") == 0


HOVER_TIMEOUT_MS = 5_000


def _header_title_tooltip(tab) -> dict | None:
    """Scroll until the header shows the page's title, point at it, and return what Material's
    tooltip shows, read the moment it opens ({text, markup: elements of markup in it}); None if it
    did not open. (Read at once: under load it was seen to close again before a second look.)"""
    tab.evaluate("window.scrollTo(0, 0); window.scrollBy(0, 600)")
    # Material swaps the site's name for the page's title once the heading has scrolled away
    tab.wait_for_selector(".md-header__title--active")
    topic = tab.locator("[data-md-component=header-topic] .md-ellipsis").element_handle()
    tab.wait_for_function("el => el.hasAttribute('title')", arg=topic)  # Material saw it cut short
    for _ in range(3):  # the header's topics slide in: a pointer that arrived mid-slide is moved again
        tab.mouse.move(0, 0)
        try:
            # Playwright waits until nothing covers the title; under load the header's own box was seen
            # to cover it for good (the title's topic not yet taking the pointer): the page is loaded
            # again (the caller), rather than waiting out Playwright's 30 s and failing on the spot.
            topic.hover(timeout=HOVER_TIMEOUT_MS)
        except PlaywrightTimeoutError:
            return None
        if shown := tab.evaluate(OPENED_TOOLTIP, topic):
            return shown
    return None


def test_front_matter_and_navigation_titles_show_as_written(tab, hostile_site):
    tab.goto(hostile_site.url + "chi-siamo/")
    tab.wait_for_load_state("load")
    assert tab.locator("h1").inner_text() == "Chi siamo e privacy"  # the page's own heading
    assert tab.title().startswith(PLACES["page title"])
    nav = tab.locator(".md-sidebar--primary .md-nav__link--active").first
    assert PLACES["nav title"] in nav.inner_text()
    assert PLACES["page subtitle"] in nav.inner_text()
    assert tab.locator(".md-sidebar--primary, .md-header").locator("img, b").count() == 0
    # scrolled down, the header shows the page's title, cut short: Material's tooltip shows it whole.
    # Under load Material now and then misses the pointer's arrival for good (seen on fresh-clone runs:
    # three hovers, then 30 s, and no tooltip); the page is then loaded again, up to three times.
    for _ in range(3):
        tooltip = _header_title_tooltip(tab)
        if tooltip is not None:
            break
        tab.reload()
    else:
        pytest.fail("Material never opened the tooltip of the page's title in the header")
    assert tooltip == {"text": PLACES["page title"], "markup": 0}


def test_sharing_metadata_home_list_and_breadcrumb_keep_data_as_text(tab, hostile_site):
    """Open Graph tags carry a page's title (the one its <title> gives, from the front matter) and
    the card's description as attribute values; the home page's list and the breadcrumb of a call's
    page show the call's title as written."""
    tab.goto(hostile_site.url + "chi-siamo/")
    tab.wait_for_load_state("load")
    assert tab.evaluate("document.querySelector('meta[property=\"og:title\"]').content") == PLACES["page title"]
    assert tab.evaluate("document.head.querySelectorAll('img, b').length") == 0
    tab.goto(hostile_site.url + "bandi/clusters-go-international-2020/")
    tab.wait_for_load_state("load")
    alt = tab.evaluate("document.querySelector('meta[property=\"og:image:alt\"]').content")
    assert PLACES["call title"] in alt
    assert tab.evaluate("document.head.querySelectorAll('img, b').length") == 0
    tab.goto(hostile_site.url + "bandi/clusters-go-international-2020/sezione-a/")  # names the call's main page
    tab.wait_for_load_state("load")
    assert PLACES["call title"] in tab.locator(".call-breadcrumb").inner_text()
    assert_shown_as_written(tab, PLACES["call title"])
    tab.goto(hostile_site.url)
    tab.wait_for_load_state("load")
    assert PLACES["call title"] in tab.locator(".calls-home").inner_text()
    assert_shown_as_written(tab, PLACES["call title"])
