"""At 320 CSS px and at 200% zoom nothing is cut off or scrolls sideways; a call page prints without navigation."""
from __future__ import annotations

import pytest

from browsing import NARROW, OVERFLOW_JS, VIEWPORTS, new_tab, url_of
from sitepages import built_pages

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("narrow", NARROW)
def test_no_page_scrolls_sideways_or_cuts_anything_off(browser, served_site, site_dir, narrow):
    viewport, scale = NARROW[narrow]
    tab = new_tab(browser, viewport, scale)
    problems = []
    for built in built_pages(site_dir):
        tab.open(url_of(served_site, built))
        problems += [f"{built.path or '/'}: {problem}" for problem in tab.page.evaluate(OVERFLOW_JS)]
    tab.page.context.close()
    assert problems == [], "\n".join(problems)


def test_without_javascript_no_page_scrolls_sideways_on_a_phone(browser, served_site, site_dir):
    # Without JavaScript Material's header has fewer buttons, so menus sit elsewhere (the closed
    # language list once stuck out of the screen this way).
    context = browser.new_context(viewport={"width": 320, "height": 640}, java_script_enabled=False)
    page = context.new_page()
    problems = []
    for built in built_pages(site_dir):
        page.goto(url_of(served_site, built))
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            problems.append(f"{built.path or '/'}: {width} px wide")
    context.close()
    assert problems == [], "\n".join(problems)


def call_pages(site_dir) -> list:
    """Pages of a single call: below bandi/<call>/ in either language."""
    return [p for p in built_pages(site_dir) if p.path.removeprefix("en/").count("/") >= 2 and
            p.path.removeprefix("en/").startswith("bandi/")]


PRINT_JS = """() => {
  const shown = el => el.checkVisibility({checkVisibilityCSS: true});
  const links = [...document.querySelectorAll('article a[href^="http"]')];
  return {
    navigation: [...document.querySelectorAll('.md-header, .md-sidebar, .md-footer, nav')].filter(shown).map(el => el.className),
    heading: shown(document.querySelector('article h1')),
    deadlines: [...document.querySelectorAll('[data-deadline]')].map(shown),
    linksWithoutUrl: links.filter(a => !getComputedStyle(a, '::after').content.includes(a.href.replace(/\\/$/, '')))
                          .map(a => a.href),
    links: links.length,
  };
}"""


def test_a_call_page_prints_its_content_deadline_and_link_urls_without_navigation(browser, served_site, site_dir):
    pages = call_pages(site_dir)
    assert pages, "no call page found below bandi/<call>/"
    tab = new_tab(browser, VIEWPORTS["desktop"])
    tab.page.emulate_media(media="print")
    for built in pages:
        tab.open(url_of(served_site, built))
        # Besides the page's own links, one added for sure: a link in running text, as editors write.
        tab.page.evaluate("""document.querySelector('article').insertAdjacentHTML('beforeend',
            '<p>Fonte: <a href="https://ec.europa.eu/info/funding-tenders/">Funding &amp; Tenders</a>.</p>')""")
        result = tab.page.evaluate(PRINT_JS)
        assert result["navigation"] == [], (built.path, result["navigation"])
        assert result["heading"], built.path
        assert all(result["deadlines"]), (built.path, "a deadline is hidden on paper")
        assert result["linksWithoutUrl"] == [], (built.path, result["linksWithoutUrl"])
        assert result["links"] >= 1
    tab.page.context.close()
