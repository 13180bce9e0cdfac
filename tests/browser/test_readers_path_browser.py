"""The reader's path in headless Chromium (issue 24): on a phone the call's pages are linked within
the first screen and a sub-page's own text starts there too; the breadcrumb is one line on a
desktop; a forthcoming call counts to its opening, then, at that instant and without a reload, to
its deadline; axe-core finds nothing on the new kinds of page, at both sizes."""

from __future__ import annotations

import re
import sys
from datetime import UTC, datetime, timedelta

import pytest

from browsing import new_tab
from sitebuild import ROOT, served_build

sys.path.insert(0, str(ROOT / "tests" / "build"))  # the synthetic calls of the build tests
from axe_suite import AXE_OPTIONS, axe_results, load_axe_in
from synthetic import FORTHCOMING_CALL, OPEN_CALL, READERS_NOW, readers_path_site

pytestmark = pytest.mark.browser

REAL = "clusters-go-international-2020"
REAL_PAGES = ["", "sezione-a/", "sezione-b/", "webinar/", "come-partecipare/"]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
OPENING = datetime(2031, 5, 6, 10, 0, tzinfo=UTC)  # 12:00 in Brussels


@pytest.fixture(scope="module")
def three_calls(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("readers-browser")
    project = readers_path_site(tmp)
    with served_build(tmp / "site", READERS_NOW, project=project) as server:
        yield server


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_on_a_phone_every_page_of_the_call_links_the_others_within_the_first_screen(browser, served_site, prefix):
    tab = new_tab(browser, PHONE)
    for path in REAL_PAGES:
        tab.open(f"{served_site.url}{prefix}bandi/{REAL}/{path}")
        links = tab.page.locator("article nav.call-pages a")
        assert links.count() == len(REAL_PAGES), path
        for number in range(links.count()):
            box = links.nth(number).bounding_box()
            assert box is not None and box["y"] + box["height"] <= PHONE["height"], (path, number, box)
        assert tab.page.locator("article nav.call-pages a[aria-current=page]").count() == 1
        if path:  # a sub-page: the strip, then the page's own text, still in the first screen
            own = tab.page.locator("article .call-strip ~ p").first.bounding_box()
            assert own is not None and own["y"] < PHONE["height"], (path, own)
    tab.close()


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_on_a_desktop_the_breadcrumb_is_one_line(browser, served_site, prefix):
    tab = new_tab(browser, DESKTOP)
    for path in REAL_PAGES[1:]:
        tab.open(f"{served_site.url}{prefix}bandi/{REAL}/{path}")
        items = tab.page.locator("nav.call-breadcrumb li")
        tops = {round(items.nth(n).bounding_box()["y"]) for n in range(items.count())}  # type: ignore[index]
        assert len(tops) == 1, (path, tops)
        assert tab.page.locator("nav.call-breadcrumb abbr").count() == 0
    tab.close()


@pytest.mark.parametrize(
    "prefix, before, after", [("", "Apre tra: ", "Tempo rimasto: "), ("en/", "Opens in: ", "Time left: ")]
)
def test_a_forthcoming_call_counts_to_its_opening_then_to_its_deadline(browser, three_calls, prefix, before, after):
    for path in ("", f"bandi/{FORTHCOMING_CALL}/"):  # the home page's list, the call's box
        context = browser.new_context(locale="it-IT" if not prefix else "en-GB", timezone_id="Europe/Rome")
        page = context.new_page()
        errors: list = []
        page.on("pageerror", lambda error, errors=errors: errors.append(error))
        page.clock.install(time=OPENING - timedelta(seconds=30))
        page.goto(f"{three_calls.url}{prefix}{path}")
        page.clock.pause_at(OPENING - timedelta(seconds=3))
        item = page.locator(f"li[data-opening]:has(a[href*='{FORTHCOMING_CALL}']), #call-deadline").first
        left = item.locator(".call-left")
        assert re.match(before + "[23] ", left.text_content() or ""), left.text_content()  # seconds to the opening
        assert item.get_attribute("data-state") == "forthcoming"
        page.clock.run_for(4000)  # the opening passes, with no reload
        assert item.get_attribute("data-state") == "open"
        assert (left.text_content() or "").startswith(after + "225 "), left.text_content()  # now the deadline
        assert item.locator(".call-badge").first.text_content() in ("Aperto", "Open")
        assert not errors
        context.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP])
def test_axe_core_finds_nothing_on_the_new_kinds_of_page(browser, three_calls, viewport):
    tab = new_tab(browser, viewport)
    load_axe_in(tab.page)
    found = {}
    for prefix in ("", "en/"):
        for path in (
            "",
            f"bandi/{OPEN_CALL}/",
            f"bandi/{OPEN_CALL}/dettagli/",
            f"bandi/{FORTHCOMING_CALL}/",  # the real call's pages: every page in axe_suite.py
        ):
            tab.open(f"{three_calls.url}{prefix}{path}")
            violations = axe_results(tab.page, AXE_OPTIONS)["violations"]
            if violations:
                found[prefix + path] = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations]
    tab.close()
    assert not found
