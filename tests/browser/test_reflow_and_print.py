"""At 320 CSS px and at 200% zoom nothing is cut off or scrolls sideways, whatever the fonts and however
long an unbroken token; a call page prints without navigation."""

from __future__ import annotations

import os

import pytest

from browsing import NARROW, OVERFLOW_JS, VIEWPORTS, new_tab, url_of
from lastcheck import record
from sitebuild import SubPathServer, build
from sitepages import built_pages
from synthetic import call_yaml, make_site

pytestmark = pytest.mark.browser

# The fonts pages are laid out with: the browser's own choice on this machine (a fresh Debian
# machine has only DejaVu), then each family that .ci/run installs, forced on every element. Wider
# glyphs (DejaVu) and narrower ones (Liberation, metric-compatible with Arial) move line breaks.
FONTS = {
    "browser's default": None,
    "DejaVu": ("DejaVu Sans", "DejaVu Sans Mono"),  # Debian fonts-dejavu-core
    "Liberation": ("Liberation Sans", "Liberation Mono"),
}  # Debian fonts-liberation2
FONTS_DEB = {"DejaVu": "fonts-dejavu-core", "Liberation": "fonts-liberation2"}

FONT_PRESENT_JS = """family => {
  // An installed family gives the same width whatever the fallback; a missing one shows the fallback's.
  const ctx = document.createElement('canvas').getContext('2d');
  const width = fallback => { ctx.font = `40px "${family}", ${fallback}`; return ctx.measureText('mmmWWWiiil 0123').width; };
  return width('monospace') === width('serif');
}"""


# One <style> that lays the page out with the given families (text, then code), on every element;
# with no families, the page's own fonts again.
FORCE_FONTS_JS = """([text, code]) => {
  let style = document.getElementById('forced-fonts');
  if (!style) { style = document.createElement('style'); style.id = 'forced-fonts'; document.head.append(style); }
  style.textContent = text ? `*, *::before, *::after { font-family: "${text}" !important; }
    code, kbd, pre, samp, code *, pre * { font-family: "${code}" !important; }` : '';
}"""


def require_fonts(tab) -> None:
    """Every family of FONTS is installed (a missing one would silently fall back to another)."""
    for font, families in FONTS.items():
        for family in families or ():
            if not tab.page.evaluate(FONT_PRESENT_JS, family):
                message = f"the font {family!r} is not installed: .ci/run installs it (apt install {FONTS_DEB[font]})"
                pytest.fail(message) if os.environ.get("CI") else pytest.skip(message)


def overflow_problems(browser, server, pages, narrow: str) -> list[str]:
    """What sticks out or is cut off on each page, laid out with each font of FONTS in turn."""
    viewport, scale = NARROW[narrow]
    tab = new_tab(browser, viewport, scale)
    problems = []
    for built in pages:
        tab.open(url_of(server, built))
        if built is pages[0]:
            require_fonts(tab)
        for font, families in FONTS.items():
            tab.page.evaluate(FORCE_FONTS_JS, list(families or ("", "")))
            problems += [f"{built.path or '/'} ({font}): {problem}" for problem in tab.page.evaluate(OVERFLOW_JS)]
    tab.close()
    return problems


@pytest.mark.parametrize("narrow", NARROW)
def test_no_page_scrolls_sideways_or_cuts_anything_off_whatever_the_font(browser, served_site, site_dir, narrow):
    pages = built_pages(site_dir)
    problems = overflow_problems(browser, served_site, pages, narrow)
    record("reflow", browser.version, len(pages), len(problems), part=narrow)  # passed or not
    assert problems == [], "\n".join(problems)


# Tokens with no place to break a line, as calls have them: an identifier, a web address, an amount,
# a word in a title (German compounds are long), in the call's data and in an editor's text.
LONG_ID = "COSCLUSINT20203010000000000000000000000000000000000000"
LONG_URL = (
    "https://ec.europa.eu/info/funding-tenders/opportunities/portal/screen/opportunities/topic-details/"
    "cos-clusint-2020-3-01?keywords=clusters&order=DESC&pageNumber=1&pageSize=50&sortBy=startDate"
)
LONG_WORD = "Clusterinternationalisierungsfoerderprogrammausschreibungsunterlagen"
LONG_SLUG = "long-tokens"


@pytest.fixture(scope="module")
def long_tokens_site(tmp_path_factory, browser):
    tmp = tmp_path_factory.mktemp("long-tokens")
    call = {
        **call_yaml("2020-12-02 17:00", "x"),
        "id": LONG_ID,
        "title": {"it": f"Bando {LONG_WORD}", "en": f"Call {LONG_WORD}"},
        "summary": {"it": f"Sintesi {LONG_WORD}.", "en": f"Summary {LONG_WORD}."},
        "budget": {"amount": 7500000000000000, "currency": "EUR"},
        "links": {"home": {"url": LONG_URL, "title": {"it": LONG_URL, "en": LONG_URL}}},
    }
    body = (
        f"# {LONG_WORD}\n\n<!-- call:facts -->\n\nIdentificativo `{LONG_ID}`, pagina <{LONG_URL}>, "
        f"[{LONG_URL}][home], importo 7500000000000000000000 EUR.\n"
    )
    pages = {
        f"docs/bandi/{LONG_SLUG}/index.{locale}.md": f"---\ntitle: {LONG_WORD}\ndescription: {LONG_WORD}\ncall: {LONG_SLUG}\n---\n\n{body}"
        for locale in ("it", "en")
    }
    project = make_site(tmp, {LONG_SLUG: call}, pages)
    with SubPathServer() as server:
        result = build(project, tmp / "site", site_now="2020-11-20T12:00:00+01:00", extra_env={"SITE_URL": server.url})
        assert result.returncode == 0, result.output
        server.site_dir = tmp / "site"
        shown = [
            p
            for p in built_pages(server.site_dir)
            if p.path in ("", "en/", "bandi/", "en/bandi/", f"bandi/{LONG_SLUG}/", f"en/bandi/{LONG_SLUG}/")
        ]
        assert len(shown) == 6
        yield server, shown


@pytest.mark.parametrize("narrow", NARROW)
def test_long_unbroken_tokens_wrap_instead_of_widening_the_page(browser, long_tokens_site, narrow):
    server, pages = long_tokens_site
    # The tokens are there to be wrapped: the call page shows each of them.
    tab = new_tab(browser, VIEWPORTS["desktop"])
    tab.open(url_of(server, next(p for p in pages if p.path == f"bandi/{LONG_SLUG}/")))
    text = tab.page.inner_text("article")
    tab.close()
    assert LONG_ID in text and LONG_URL in text and LONG_WORD in text
    problems = overflow_problems(browser, server, pages, narrow)
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
    return [
        p
        for p in built_pages(site_dir)
        if p.path.removeprefix("en/").count("/") >= 2 and p.path.removeprefix("en/").startswith("bandi/")
    ]


PRINT_JS = """() => {
  const shown = el => el.checkVisibility({checkVisibilityCSS: true});
  const links = [...document.querySelectorAll('article a[href^="http"]')].filter(shown);  // on paper
  return {
    navigation: [...document.querySelectorAll('.md-header, .md-sidebar, .md-footer, nav')].filter(shown).map(el => el.className),
    heading: shown(document.querySelector('article h1')),
    deadlines: [...document.querySelectorAll('[data-deadline]')].map(shown),
    // each address once: its first link on paper says where it goes (print.js, print.css)
    linksWithoutUrl: links.filter((a, i) => links.findIndex(b => b.href === a.href) === i)
                          .filter(a => !getComputedStyle(a, '::after').content.includes(a.href.replace(/\\/$/, '')))
                          .map(a => a.href),
    links: links.length,
  };
}"""


def test_a_call_page_prints_its_content_deadline_and_link_urls_without_navigation(browser, served_site, site_dir):
    pages = call_pages(site_dir)
    assert pages, "no call page found below bandi/<call>/"
    tab = new_tab(browser, VIEWPORTS["desktop"])
    tab.page.emulate_media(media="print")
    problems: list[str] = []
    for built in pages:
        tab.open(url_of(served_site, built))
        # Besides the page's own links, one added for sure: a link in running text, as editors write.
        tab.page.evaluate("""document.querySelector('article').insertAdjacentHTML('beforeend',
            '<p>Fonte: <a href="https://ec.europa.eu/info/funding-tenders/">Funding &amp; Tenders</a>.</p>');
            window.dispatchEvent(new Event('beforeprint'))""")
        result = tab.page.evaluate(PRINT_JS)
        problems += [f"{built.path}: menus on paper: {nav}" for nav in result["navigation"]]
        problems += [] if result["heading"] else [f"{built.path}: no title on paper"]
        problems += [] if all(result["deadlines"]) else [f"{built.path}: a deadline is hidden on paper"]
        problems += [f"{built.path}: link printed without its address: {url}" for url in result["linksWithoutUrl"]]
        problems += [] if result["links"] >= 1 else [f"{built.path}: no link to print"]
    tab.close()
    record("print", browser.version, len(pages), len(problems))  # what this run found, passed or not
    assert problems == [], "\n".join(problems)
