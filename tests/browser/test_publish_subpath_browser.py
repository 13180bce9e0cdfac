"""In Chromium, the site served under /bandi/ (a GitHub Pages project site): pages, assets, language
switch, 404 page, search, feeds, open data and every same-site link work from that sub-path."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from browsing import goto

pytestmark = pytest.mark.browser

SLUG = "clusters-go-international-2020"
PAGES = ["", f"bandi/{SLUG}/", "en/", f"en/bandi/{SLUG}/", "en/glossario/"]


def visit(page, url: str):
    failures = []
    page.on("response", lambda r: failures.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    response = goto(page, url, "settled")
    return response, failures


@pytest.mark.parametrize("path", PAGES)
def test_page_and_all_its_assets_load_from_the_sub_path(page, served_site, path):
    response, failures = visit(page, served_site.url + path)
    assert response.status == 200
    assert failures == []
    # The site is built for its address (SITE_URL): nothing leaves it.
    assert [u for u in page.requests_seen if not u.startswith(served_site.url)] == []
    # Material fetches sitemap.xml beside every exact <link rel=alternate>: only the feeds at a
    # language root are such links, never a page's hreflang alternates (overrides/main.html).
    sitemaps = [u for u in page.requests_seen if u.endswith("sitemap.xml")]
    language_roots = {served_site.url + "sitemap.xml", served_site.url + "en/sitemap.xml"}
    assert set(sitemaps) <= language_roots, sitemaps
    assert page.evaluate("document.styleSheets.length") >= 2  # Material's CSS applied
    assert [m.text for m in page.console_messages_seen if m.type == "error"] == []


@pytest.mark.parametrize("path", [f"bandi/{SLUG}/", f"en/bandi/{SLUG}/"])
def test_every_same_site_link_of_a_call_page_answers(page, served_site, path):
    visit(page, served_site.url + path)
    hrefs = page.eval_on_selector_all("a[href], link[href]", "els => els.map(e => e.href)")
    same_site = sorted({h.split("#")[0] for h in hrefs if h.startswith(served_site.origin)})
    assert same_site
    for href in same_site:
        assert href.startswith(served_site.url), href
        assert page.request.get(href).status == 200, href


def test_language_switch_leads_to_the_same_page_in_english(page, served_site):
    visit(page, served_site.url + f"bandi/{SLUG}/")
    english = page.eval_on_selector('a.md-select__link[hreflang="en"]', "a => a.href")
    assert english == served_site.url + f"en/bandi/{SLUG}/"
    response, failures = visit(page, english)
    assert response.status == 200 and failures == []
    assert page.evaluate("document.documentElement.lang") == "en"


def test_missing_address_shows_the_styled_bilingual_404_page(page, served_site):
    response, failures = visit(page, served_site.url + "en/no-such-page/")
    assert response.status == 404
    assert failures == [response.url] or failures == [f"404 {response.url}"]
    assert page.evaluate("document.styleSheets.length") >= 2
    assert page.locator("section.not-found").count() == 2


@pytest.mark.parametrize("path, expected", [("", "bandi/"), ("en/", "en/bandi/")])
def test_search_finds_pages_of_the_language_under_the_sub_path(page, served_site, path, expected):
    visit(page, served_site.url + path)
    page.click("input.md-search__input")
    page.keyboard.type("COSME")  # as a reader types: Material searches on key events
    page.wait_for_selector(".md-search-result__item a", timeout=15000)
    results = page.eval_on_selector_all(".md-search-result__item a", "els => els.map(e => e.href)")
    assert results and all(href.startswith(served_site.url) for href in results), results
    assert any(href.startswith(served_site.url + expected) for href in results), results
    in_english = [href.startswith(served_site.url + "en/") for href in results]
    assert all(in_english) if path == "en/" else not any(in_english), results


@pytest.mark.parametrize("path, lang", [("", "it"), ("en/", "en")])
def test_feed_and_open_data_named_in_the_head_are_served(page, served_site, path, lang):
    visit(page, served_site.url + path)
    feed = page.eval_on_selector('link[rel=alternate][type="application/atom+xml"]', "l => l.href")
    data = page.eval_on_selector('link[rel=alternate][type="application/json"]', "l => l.href")
    assert feed == served_site.url + path + "calls.atom"
    atom = ET.fromstring(page.request.get(feed).body())
    assert atom.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
    assert json.loads(page.request.get(data).body())["calls"]
