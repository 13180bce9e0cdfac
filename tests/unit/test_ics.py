"""Calendar files: valid iCalendar with the zone's VTIMEZONE, the right instant and stable UIDs."""
from datetime import datetime, timedelta, timezone

from icalendar import Calendar

from calldata import STRINGS, make_call
from sitebuild import ROOT
from sitekit.callpages import CallPages
from sitekit.partials import renderer


def files(now: datetime, locale: str = "it", **fields) -> dict[str, bytes]:
    call = make_call(**fields)
    pages = CallPages(calls={call.slug: call}, locale=locale, prefix="" if locale == "it" else "en/",
                      strings=STRINGS[locale], now=now, closing_days=7, site_url="https://example.org/bandi/",
                      render=renderer([ROOT / "overrides"]))
    return pages.calendar_files()


def event(data: bytes):
    cal = Calendar.from_ical(data)
    [vevent] = cal.walk("VEVENT")
    return cal, vevent


def test_deadline_file_has_the_instant_in_its_zone_with_a_vtimezone():
    cal, vevent = event(files(datetime(2020, 11, 20, tzinfo=timezone.utc))["calendar/test-call-deadline.ics"])
    assert cal["VERSION"] == "2.0" and cal["PRODID"].startswith("-//example.org//")
    assert vevent["DTSTART"].params["TZID"] == "Europe/Brussels"
    assert vevent.decoded("DTSTART").astimezone(timezone.utc) == datetime(2020, 12, 2, 16, tzinfo=timezone.utc)
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Europe/Brussels"]
    assert str(vevent["SUMMARY"]) == "Scadenza: Bando di prova"
    assert str(vevent["URL"]) == "https://example.org/bandi/bandi/test-call/"
    assert vevent.walk("VALARM")[0].decoded("TRIGGER") == -timedelta(days=1)


def test_uid_is_the_same_in_every_build_and_language():
    first = event(files(datetime(2020, 11, 1, tzinfo=timezone.utc))["calendar/test-call-deadline.ics"])[1]
    later = event(files(datetime(2020, 11, 30, tzinfo=timezone.utc), "en")["en/calendar/test-call-deadline.ics"])[1]
    assert first["UID"] == later["UID"] == "test-call-deadline@example.org"
    assert str(later["SUMMARY"]) == "Deadline: Test call"


def test_an_event_far_from_europe_keeps_its_own_zone():
    data = files(datetime(2020, 11, 1, tzinfo=timezone.utc),
                 webinar={"local": "2020-11-05 10:00", "zone": "America/New_York"})["calendar/test-call-webinar.ics"]
    cal, vevent = event(data)
    assert vevent["DTSTART"].params["TZID"] == "America/New_York"
    assert vevent.decoded("DTSTART").astimezone(timezone.utc) == datetime(2020, 11, 5, 15, tzinfo=timezone.utc)
    assert {tz["TZID"] for tz in cal.walk("VTIMEZONE")} == {"America/New_York"}
