"""The bilingual site in headless Chromium, served under a sub-path as on GitHub Pages."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from browsing import RESULTS_SETTLED_JS, goto

pytestmark = pytest.mark.browser


def search(page, query: str) -> list[str]:
    """Type a query in Material's search box, key by key as a reader does, and return the result
    titles once the list stops changing: the worker answers each key's query in turn (the first
    one once it has indexed the site), and the last answer is the whole query's."""
    page.keyboard.press("/")  # Material's shortcut opens the search dialog
    page.locator("input.md-search__input").press_sequentially(query)
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    page.wait_for_function(RESULTS_SETTLED_JS, polling=150)
    return [t.strip() for t in page.locator(".md-search-result__item h1, .md-search-result__item h2").all_inner_texts()]


def test_italian_search_finds_italian_pages_only(page, served_site):
    goto(page, served_site.url, "settled")
    titles = search(page, "glossario")
    assert any("Glossario" in t for t in titles)
    hrefs = page.locator(".md-search-result__item a").evaluate_all("els => els.map(e => e.href)")
    assert hrefs and not any("/en/" in h for h in hrefs), hrefs


def test_english_search_finds_english_pages_only(page, served_site):
    goto(page, served_site.url + "en/", "settled")
    search(page, "glossary")
    hrefs = page.locator(".md-search-result__item a").evaluate_all("els => els.map(e => e.href)")
    assert hrefs and all("/bandi/en/" in h for h in hrefs), hrefs


def test_search_answers_again_after_its_language_file_failed_to_load(page, served_site):
    """The worker loads lunr's Italian file at the first query; when that load fails (a phone
    that lost its connection), the next keys' queries load it again and are answered, instead of
    every later query waiting for an answer that never comes."""
    failed: list[str] = []

    def fail_once(route) -> None:
        if failed:
            route.continue_()
        else:
            failed.append(route.request.url)
            route.abort()

    page.route("**/lunr/min/lunr.it.min.js", fail_once)
    goto(page, served_site.url)
    titles = search(page, "registrazioni")
    assert failed, "the language file was never requested"
    assert "Come partecipare" in titles, titles


# Notes when the search results are drawn again (Material draws the list anew for each answer, even
# an answer the same as the one before).
WATCH_REDRAW_JS = """() => {
  window.__redrawn = false;
  new MutationObserver(() => { window.__redrawn = true; })
    .observe(document.querySelector('.md-search-result__list'), {childList: true});
}"""
# The words Material marks in the search results.
MARKS_JS = "() => [...document.querySelectorAll('.md-search-result__item mark')].map(m => m.textContent)"


def search_engine_files(requests: list[str]) -> list[str]:
    """Material's own search worker and lunr's files, which search-stemmed.js loads on demand."""
    return [url for url in requests if "/workers/search." in url or "/lunr/" in url]


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_pages_index_the_site_for_search_only_once_the_reader_searches(page, served_site, prefix):
    """Loaded with every page, Material's worker read lunr and indexed the whole site on each page
    opened, searched or not. Now a page loads neither until the reader types a query; the first
    query loads them and is answered, and so are the ones typed while the index was being built."""
    goto(page, served_site.url + prefix, "settled")
    page.wait_for_timeout(500)  # beyond "settled": whatever the page still meant to load
    assert any(url.endswith("/search/search_index.json") for url in page.requests_seen)
    assert search_engine_files(page.requests_seen) == []
    page.keyboard.press("/")
    page.locator("input.md-search__input").press_sequentially("glossario" if not prefix else "glossary")
    # The first key's query ("g") loads the worker, and its results mark words such as "Go"; the
    # results shown last are the whole word's, each of their marks on "gloss…".
    page.wait_for_function(
        f"() => {{ const marks = ({MARKS_JS})(); return marks.length > 0 && marks.every(m => m.toLowerCase().startsWith('gloss')); }}",
        timeout=10_000,
    )
    assert any("/workers/search." in url for url in search_engine_files(page.requests_seen))


@pytest.mark.parametrize(("prefix", "query"), [("", "glossario"), ("en/", "glossary")])
def test_a_query_marks_its_words_whatever_was_searched_before(page, served_site, prefix, query):
    """Answering a query once changed the index's own record of where its words are: after
    "glossar", "glossary" found its pages and marked nothing in them."""
    goto(page, served_site.url + prefix)
    search(page, query[:-1])
    assert page.evaluate(MARKS_JS)
    page.evaluate(WATCH_REDRAW_JS)
    page.locator("input.md-search__input").press(query[-1])
    page.wait_for_function("() => window.__redrawn")  # the last key's answer, not the list before it
    page.wait_for_function(RESULTS_SETTLED_JS, polling=150)
    marks = page.evaluate(MARKS_JS)
    assert marks and all(mark.lower().startswith(query[:5]) for mark in marks), marks


def result_links(page) -> list[str]:
    return page.locator(".md-search-result__item a").evaluate_all("els => els.map(e => e.href)")


@pytest.mark.parametrize(
    "query",
    [
        "partecipazione",  # no page says it: the Italian stemmer finds "partecipare"
        "registrazioni",  # plural of "registrazione", which the page says
        "registrazion",  # a word still being typed, longer than its stem
    ],
)
def test_italian_search_stems_words_and_finds_them_as_they_are_typed(page, served_site, query):
    goto(page, served_site.url, "settled")
    search(page, query)
    assert any("come-partecipare" in h for h in result_links(page)), result_links(page)


def test_english_search_stems_english_words(page, served_site):
    goto(page, served_site.url + "en/", "settled")
    search(page, "applications")  # the pages say "apply" and "application"
    assert any("/en/bandi/clusters-go-international-2020/come-partecipare/" in h for h in result_links(page))


@pytest.mark.parametrize(("prefix", "query"), [("", "clusters go international"), ("en/", "clusters go international")])
def test_search_results_mark_each_word_once_as_readable_text(page, served_site, prefix, query):
    """A word is in the index stemmed and as written: both matched, Material marked it twice, the
    second mark inside the first, and the title read "Clusters ark>Go International"."""
    goto(page, served_site.url + prefix, "settled")
    titles = search(page, query)
    assert "Clusters Go International 2020" in titles, titles
    assert not any("ark>" in title or "<" in title for title in titles), titles
    marks = page.locator(".md-search-result__item mark")
    assert marks.count() > 0
    assert page.locator(".md-search-result__item mark mark").count() == 0
    first = page.locator(".md-search-result__item h1").first
    assert first.locator("mark").all_inner_texts() == ["Clusters", "Go", "International"]


def test_language_selector_lands_on_the_same_page(page, served_site):
    page.goto(served_site.url + "bandi/clusters-go-international-2020/sezione-b/")
    page.locator(".md-header__option .md-select button").hover()
    page.locator('a.md-select__link[hreflang="en"]').click()
    page.wait_for_url("**/bandi/en/bandi/clusters-go-international-2020/sezione-b/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert "Strand B" in page.locator("h1").inner_text()


def test_pages_make_no_third_party_request_and_log_no_console_error(page, served_site):
    for path in ["", "en/", "bandi/clusters-go-international-2020/", "en/glossario/"]:
        goto(page, served_site.url + path, "settled")
    hosts = {urlparse(u).netloc for u in page.requests_seen if urlparse(u).scheme in ("http", "https")}
    assert hosts == {urlparse(served_site.origin).netloc}, hosts
    bad = [m.text for m in page.console_messages_seen if m.type in ("error", "warning")]
    assert bad == []


def test_missing_address_shows_the_bilingual_404_with_its_styles(page, served_site):
    response = page.goto(served_site.url + "en/no-such-page/")
    assert response.status == 404
    assert page.locator('section[lang="it"] h1').inner_text() == "Pagina non trovata"
    assert page.locator('section[lang="en"]').is_visible()
    # the theme's stylesheet loaded even this deep below the sub-path
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in ("sticky", "fixed")
