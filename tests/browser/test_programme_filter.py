"""The calls index filters by programme without JavaScript (issue 16): radio buttons and CSS hide
the other programmes' calls and the groups left empty; "every programme" shows them all again."""

from __future__ import annotations

import sys

import pytest

from sitebuild import ROOT, served_build

sys.path.insert(0, str(ROOT / "tests" / "build"))  # the synthetic calls of the build tests
from synthetic import call_yaml, make_site

pytestmark = pytest.mark.browser
REAL = "Clusters Go International 2020"  # the project's own call, in the copied project


@pytest.fixture(scope="module")
def programmes_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("programme-filter")
    calls = {
        "cosme-open": call_yaml("2027-03-01 17:00", "Cosme open", programme="COSME"),
        "cosme-closed": call_yaml("2026-02-01 17:00", "Cosme closed", programme="COSME"),
        "horizon-open": call_yaml("2027-04-01 17:00", "Horizon open", programme="Horizon Europe"),
    }
    project = make_site(tmp, calls)
    with served_build(tmp / "site", "2027-01-20T12:00:00+01:00", project=project) as server:
        yield server


def visible_titles(page) -> list[str]:
    return [item.inner_text() for item in page.locator(".calls-index__title strong").all() if item.is_visible()]


def test_choosing_a_programme_shows_only_its_calls_without_javascript(browser, programmes_site):
    context = browser.new_context(java_script_enabled=False, locale="it-IT")
    page = context.new_page()
    page.goto(programmes_site.url + "bandi/")
    assert sorted(visible_titles(page)) == [REAL, "Cosme closed (it)", "Cosme open (it)", "Horizon open (it)"]
    assert page.get_by_label("Tutti i programmi").is_checked()
    page.get_by_label("Horizon Europe (1)").check()
    assert visible_titles(page) == ["Horizon open (it)"]
    closed = page.locator(".calls-group", has=page.locator("h2[id^=calls-closed]"))
    assert closed.count() == 2 and all(group.is_hidden() for group in closed.all())  # no Horizon call closed
    assert page.locator(".calls-group__count").first.is_hidden()  # counts are of every programme
    page.get_by_label("COSME (3)").check()  # the project's real call is a COSME call too
    assert sorted(visible_titles(page)) == [REAL, "Cosme closed (it)", "Cosme open (it)"]
    page.get_by_label("Tutti i programmi").check()
    assert len(visible_titles(page)) == 4 and page.locator(".calls-group__count").first.is_visible()
    context.close()


def test_the_filter_speaks_english_on_english_pages_and_is_reached_by_keyboard(browser, programmes_site):
    context = browser.new_context(java_script_enabled=False, locale="en-GB")
    page = context.new_page()
    page.goto(programmes_site.url + "en/bandi/")
    assert page.locator(".calls-filter legend").inner_text() == "Programme"
    page.get_by_label("All programmes").focus()
    page.keyboard.press("ArrowRight")  # radio buttons of one group: the arrow keys move the choice
    assert page.get_by_label("COSME (3)").is_checked()
    assert sorted(visible_titles(page)) == [REAL, "Cosme closed (en)", "Cosme open (en)"]
    context.close()
