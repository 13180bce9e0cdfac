"""The suite's tabs (browsing.take_tab): a tab a test closed is taken again by the next test only as
good as new, and never after its test changed it for good."""

from __future__ import annotations

from browsing import VIEWPORTS, new_tab

STORED_JS = "() => [localStorage.getItem('left-by-the-last-test'), sessionStorage.getItem('left-by-the-last-test')]"
STORE_JS = "() => { localStorage.setItem('left-by-the-last-test', '1'); sessionStorage.setItem('left-by-the-last-test', '1'); }"
HOVERED_JS = (
    "() => [...document.querySelectorAll('a:hover, button:hover, label:hover')].map(el => el.outerHTML.slice(0, 80))"
)


def test_a_tab_taken_again_keeps_nothing_of_the_test_before(browser, served_site):
    first = new_tab(browser, VIEWPORTS["desktop"])
    first.open(served_site.url)
    first.page.evaluate(STORE_JS)
    first.page.locator(".md-content a[href]").first.hover()
    assert first.page.evaluate(HOVERED_JS), "the test's own hover shows"
    first.page.evaluate("() => console.error('left by the last test')")
    first.close()

    again = new_tab(browser, VIEWPORTS["desktop"])
    try:
        assert again.page is first.page  # taken again: no new renderer to start
        assert again.page.url == "about:blank"
        again.open(served_site.url)
        assert again.page.evaluate(STORED_JS) == [None, None]  # local and session storage
        assert again.page.evaluate(HOVERED_JS) == []  # the mouse is off the page
        assert not any("left by the last test" in line for line in again.console)
        assert all(url.startswith(served_site.origin) for url in again.requests)
        assert not any(url == "about:blank" for url in again.requests)
    finally:
        again.close()


def test_a_tab_its_test_changed_for_good_is_closed_not_taken_again(browser, served_site):
    changed = new_tab(browser, VIEWPORTS["desktop"])
    changed.open(served_site.url)
    changed.page.emulate_media(color_scheme="dark")  # outlives the page: the next test's pages would be dark
    changed.close()
    assert changed.page.is_closed()

    fresh = new_tab(browser, VIEWPORTS["desktop"])
    try:
        assert fresh.page is not changed.page
        fresh.open(served_site.url)
        assert fresh.page.evaluate("() => matchMedia('(prefers-color-scheme: dark)').matches") is False
    finally:
        fresh.close()


def test_a_listener_a_test_gave_its_tab_does_not_hear_the_next_test(browser, served_site):
    heard: list[str] = []
    first = new_tab(browser, VIEWPORTS["desktop"])
    first.page.on("request", lambda request: heard.append(request.url))
    first.open(served_site.url)
    first.close()
    heard.clear()

    again = new_tab(browser, VIEWPORTS["desktop"])
    try:
        assert again.page is first.page
        again.open(served_site.url)
        assert heard == []
    finally:
        again.close()
