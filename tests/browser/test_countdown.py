"""The countdown in headless Chromium with a faked clock: it ticks, and closes at the instant."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from conftest import record_page
from sitebuild import served_build

pytestmark = pytest.mark.browser

CALL = "bandi/clusters-go-international-2020/"
DEADLINE = datetime(2020, 12, 2, 16, 0, tzinfo=UTC)
LIVE_COUNTER = """() => {
  window.liveChanges = 0;
  const seen = new MutationObserver(records => { window.liveChanges += records.length; });
  document.querySelectorAll('[aria-live]').forEach(el =>
    seen.observe(el, {subtree: true, childList: true, characterData: true}));
}"""


@pytest.fixture
def page(browser, served_site):
    """A tab in a context of its own: the tests fake the clock, which Playwright installs on the
    whole context (conftest's `page` shares one)."""
    context = browser.new_context(locale="it-IT", timezone_id="Europe/Rome")
    yield record_page(context.new_page())
    context.close()


@pytest.fixture(scope="session")
def served_closed_site(tmp_path_factory):
    """The real site built today (no SITE_NOW): the call is closed."""
    with served_build(tmp_path_factory.mktemp("site-today"), site_now=None) as server:
        yield server


def open_call_page(page, served_site, at: datetime, path: str = CALL):
    """The call page with the browser's clock stopped at `at`, then run for one second: the
    script's last tick fell in (at, at + 1 s], so the countdown shows `at` + 1 s rounded down."""
    page.errors_seen = []
    page.on("pageerror", lambda error: page.errors_seen.append(error))
    page.clock.install(time=at - timedelta(seconds=30))
    page.goto(served_site.url + path)
    page.clock.pause_at(at)
    page.clock.run_for(1000)
    return page.locator(".call-box--deadline")


def third_party_requests(page, served_site) -> list[str]:
    # The served site is built for its own address (SITE_URL): every request stays on it.
    return [url for url in page.requests_seen if not url.startswith(served_site.origin)]


def test_countdown_ticks_and_the_box_turns_closed_at_the_deadline(page, served_site):
    box = open_call_page(page, served_site, DEADLINE - timedelta(seconds=11))
    left = box.locator(".call-box__left")
    assert box.get_attribute("data-state") == "closing"  # built "open" on 20 November; JS knows better
    assert left.text_content() == "Tempo rimasto: 10 secondi"
    page.clock.run_for(1000)
    assert left.text_content() == "Tempo rimasto: 9 secondi"
    page.clock.run_for(8999)  # one millisecond before the deadline
    assert box.get_attribute("data-state") == "closing"
    page.clock.run_for(1)  # the deadline instant
    assert box.get_attribute("data-state") == "closed"
    assert box.locator(".call-box__status").text_content().split() == [
        "Chiuso",
        "Il",
        "bando",
        "è",
        "chiuso",
        "dal",
        "2",
        "dicembre",
        "2020",
    ]
    assert left.count() == 0 and box.locator(".call-box__calendar").count() == 0
    for other in page.locator("article [data-deadline]").all():
        assert other.get_attribute("data-state") == "closed"
    assert page.locator(".call-facts .call-badge").text_content() == "Chiuso"
    assert not page.errors_seen and not third_party_requests(page, served_site)


def test_screen_readers_hear_state_changes_not_every_second(page, served_site):
    box = open_call_page(page, served_site, DEADLINE - timedelta(seconds=11))
    assert box.locator(".call-box__left").evaluate("el => el.closest('[aria-live]')") is None
    page.evaluate(LIVE_COUNTER)
    page.clock.run_for(5000)
    assert box.locator(".call-box__left").text_content() == "Tempo rimasto: 5 secondi"
    assert page.evaluate("window.liveChanges") == 0
    page.clock.run_for(6000)
    assert page.evaluate("window.liveChanges") > 0


def test_the_box_turns_closing_when_the_threshold_passes(page, served_site):
    box = open_call_page(page, served_site, datetime(2020, 11, 25, 15, 59, 59, tzinfo=UTC))
    assert box.get_attribute("data-state") == "open"  # exactly 7 days left: not less than 7
    assert box.locator(".call-badge").text_content() == "Aperto"
    page.clock.run_for(1)
    assert box.get_attribute("data-state") == "closing"
    assert box.locator(".call-badge").text_content() == "In scadenza"


@pytest.mark.parametrize(
    "locale, zone, date, time",
    [
        ("en-GB", "Asia/Tokyo", "3 December 2020", "01:00"),
        ("en-US", "America/New_York", "December 2, 2020", "11:00"),  # the reader's own English
    ],
)
def test_readers_in_another_zone_see_the_deadline_in_their_own(browser, served_site, locale, zone, date, time):
    context = browser.new_context(locale=locale, timezone_id=zone)
    tab = context.new_page()
    try:
        box = open_call_page(tab, served_site, datetime(2020, 11, 20, 11, 0, tzinfo=UTC), "en/" + CALL)
        yours = box.locator(".call-box__yours")
        assert yours.is_visible()
        text = yours.text_content()
        assert text.startswith(f"In your time zone: {date}") and time in text
        assert box.locator("time").text_content() == "2 December 2020, 17:00\xa0CET"
    finally:
        context.close()


def test_readers_in_the_calls_own_offset_see_no_second_time(page, served_site):
    box = open_call_page(page, served_site, datetime(2020, 11, 20, 11, 0, tzinfo=UTC))  # Europe/Rome
    assert box.locator(".call-box__left").text_content() == "Tempo rimasto: 12 giorni, 4 ore, 59 minuti e 59 secondi"
    assert box.locator(".call-box__yours").is_hidden()


def test_reduced_motion_drops_the_seconds(browser, served_site):
    context = browser.new_context(locale="it-IT", timezone_id="Europe/Rome", reduced_motion="reduce")
    tab = context.new_page()
    try:
        box = open_call_page(tab, served_site, datetime(2020, 11, 20, 11, 0, 30, tzinfo=UTC))
        assert box.locator(".call-box__left").text_content() == "Tempo rimasto: 12 giorni, 4 ore e 59 minuti"
        tab.clock.run_for(20_000)
        assert box.locator(".call-box__left").text_content() == "Tempo rimasto: 12 giorni, 4 ore e 59 minuti"
    finally:
        context.close()


def test_countdown_restarts_on_material_instant_navigation(page, served_site):
    open_call_page(page, served_site, datetime(2020, 11, 20, 11, 0, tzinfo=UTC))
    # What instant navigation does: swap the content in place, then emit on document$.
    page.evaluate("""() => {
      const clone = document.querySelector('.call-box--deadline').cloneNode(true);
      clone.id = 'swapped'; clone.dataset.deadline = '2020-11-20T11:00:05Z';
      document.querySelector('article').prepend(clone);
      window.document$.next(document);
    }""")
    page.clock.run_for(6000)
    assert page.locator("#swapped").get_attribute("data-state") == "closed"


def test_a_call_closed_at_build_time_shows_no_countdown(page, served_closed_site):
    page.clock.install()  # the page's timers then run when the test says, at once
    page.goto(served_closed_site.url + CALL)
    box = page.locator(".call-box--deadline")
    assert box.get_attribute("data-state") == "closed"
    assert "Il bando è chiuso dal 2 dicembre 2020" in box.text_content()
    page.clock.run_for(1500)  # the script's ticks, had it started a countdown
    assert box.locator(".call-box__left").count() == 0 and box.locator(".call-box__calendar").count() == 0
    assert not third_party_requests(page, served_closed_site)
