"""Several deadlines in headless Chromium with a faked clock: when the first stage passes, it is
marked as passed and the box moves on to count down to the next one (DESIGN.md contract 6)."""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta

import pytest

from sitebuild import ROOT, served_build

sys.path.insert(0, str(ROOT / "tests" / "build"))  # the synthetic calls of the build tests
from synthetic import call_yaml, make_site

pytestmark = pytest.mark.browser

FIRST = datetime(2027, 2, 10, 16, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def staged_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("stages-browser")
    data = call_yaml("2000-01-01 00:00", "Two stages")
    del data["deadline"]
    data["deadlines"] = [
        {"local": "2027-02-10 17:00", "zone": "Europe/Brussels", "label": {"it": "Prima fase", "en": "First stage"}},
        {"local": "2027-06-10 17:00", "zone": "Europe/Brussels", "label": {"it": "Seconda fase", "en": "Second stage"}},
    ]
    project = make_site(tmp, {"two-stage": data})
    with served_build(tmp / "site", "2027-01-20T12:00:00+01:00", project=project) as server:
        yield server


def test_the_box_moves_on_to_the_next_stage_when_the_first_passes(browser, staged_site):
    context = browser.new_context(locale="it-IT", timezone_id="Europe/Rome")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(error))
    page.clock.install(time=FIRST - timedelta(seconds=30))
    page.goto(staged_site.url + "bandi/two-stage/")
    page.clock.pause_at(FIRST - timedelta(seconds=2))
    page.clock.run_for(1000)
    box = page.locator(".call-box--deadline")
    stages = box.locator(".call-stage")
    assert box.get_attribute("data-deadline") == "2027-02-10T16:00:00Z"
    assert box.get_attribute("data-state") == "closing"
    assert stages.nth(0).locator(".call-stage__passed").is_hidden()
    page.clock.run_for(2000)
    assert stages.nth(0).get_attribute("data-state") == "closed"
    assert stages.nth(0).locator(".call-stage__passed").is_visible()
    assert box.get_attribute("data-deadline") == "2027-06-10T15:00:00Z"
    assert box.get_attribute("data-state") == "open"
    assert box.locator(".call-box__label").text_content() == "Seconda fase"
    assert box.locator(".call-box__when time").get_attribute("datetime") == "2027-06-10T17:00:00+02:00"
    assert box.locator(".call-box__left").text_content().startswith("Tempo rimasto: 119 giorni")
    assert not errors
    context.close()
