"""Calendar files: valid iCalendar with the zone's VTIMEZONE, the right instant and stable UIDs."""

from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Event, Timezone

from calldata import call_pages, make_call
from sitekit.calls.ics import CalendarEntry, calendar_file


def files(now: datetime, locale: str = "it", **fields) -> dict[str, bytes]:
    call = make_call(**fields)
    return call_pages([call], now, locale).calendar_files()


def event(data: bytes):
    cal = Calendar.from_ical(data)
    [vevent] = cal.walk("VEVENT")
    return cal, vevent


def test_deadline_file_has_the_instant_in_its_zone_with_a_vtimezone():
    cal, vevent = event(files(datetime(2020, 11, 20, tzinfo=UTC))["calendar/test-call-deadline.ics"])
    assert cal["VERSION"] == "2.0" and cal["PRODID"].startswith("-//example.org//")
    assert vevent["DTSTART"].params["TZID"] == "Europe/Brussels"
    assert vevent.decoded("DTSTART").astimezone(UTC) == datetime(2020, 12, 2, 16, tzinfo=UTC)
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Europe/Brussels"]
    assert str(vevent["SUMMARY"]) == "Scadenza: Bando di prova"
    assert str(vevent["URL"]) == "https://example.org/bandi/bandi/test-call/"
    assert vevent.walk("VALARM")[0].decoded("TRIGGER") == -timedelta(days=1)


def test_uid_is_the_same_in_every_build_and_language():
    first = event(files(datetime(2020, 11, 1, tzinfo=UTC))["calendar/test-call-deadline.ics"])[1]
    later = event(files(datetime(2020, 11, 30, tzinfo=UTC), "en")["en/calendar/test-call-deadline.ics"])[1]
    assert first["UID"] == later["UID"] == "test-call-deadline@example.org"
    assert str(later["SUMMARY"]) == "Deadline: Test call"


def test_an_event_far_from_europe_keeps_its_own_zone():
    data = files(datetime(2020, 11, 1, tzinfo=UTC), webinar={"local": "2020-11-05 10:00", "zone": "America/New_York"})[
        "calendar/test-call-webinar.ics"
    ]
    cal, vevent = event(data)
    assert vevent["DTSTART"].params["TZID"] == "America/New_York"
    assert vevent.decoded("DTSTART").astimezone(UTC) == datetime(2020, 11, 5, 15, tzinfo=UTC)
    assert {tz["TZID"] for tz in cal.walk("VTIMEZONE")} == {"America/New_York"}


def whole_components(entry: CalendarEntry, stamp: datetime, product: str, language: str) -> bytes:
    """The calendar as icalendar writes it from whole components: what calendar_file must equal."""
    cal = Calendar()
    cal.add("prodid", product)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    vevent = Event()
    vevent.add("uid", entry.uid)
    vevent.add("dtstamp", stamp.astimezone(UTC))
    vevent.add("dtstart", entry.start)
    vevent.add("dtend", entry.start)
    vevent.add("summary", entry.summary, parameters={"LANGUAGE": language})
    vevent.add("description", entry.description, parameters={"LANGUAGE": language})
    vevent.add("url", entry.url)
    vevent.add("transp", "TRANSPARENT")
    if entry.reminder:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", entry.summary)
        alarm.add("trigger", -entry.reminder)
        vevent.add_component(alarm)
    assert entry.start.tzinfo is not None
    cal.add_component(
        Timezone.from_tzinfo(
            entry.start.tzinfo, first_date=date(entry.start.year - 1, 1, 1), last_date=date(entry.start.year + 2, 1, 1)
        )
    )
    cal.add_component(vevent)
    return cal.to_ical()


def test_the_file_is_byte_for_byte_what_icalendar_writes_from_whole_components():
    # Lines on both sides of the 75-octet fold, in one-byte and two-byte characters, with
    # characters that iCalendar escapes, a line break, a folding point on an escape; two zones.
    texts = (
        ["x" * n for n in range(55, 80)]
        + ["è" * n for n in range(25, 45)]
        + ["Partenariati, cluster; PMI\\paesi terzi\nSeconda riga " * 3, "a" * 73 + ",b", "€" * 30 + "🇪🇺" * 10]
    )
    stamps = [datetime(2020, 11, 20, 12, tzinfo=timezone(timedelta(hours=1))), datetime(2021, 3, 1, tzinfo=UTC)]
    starts = [
        datetime(2020, 12, 2, 17, tzinfo=ZoneInfo("Europe/Brussels")),
        datetime(2021, 7, 5, 10, 30, tzinfo=ZoneInfo("America/New_York")),
    ]
    for i, text in enumerate(texts):
        entry = CalendarEntry(
            uid=f"call-{i}-deadline@example.org",
            start=starts[i % 2],
            summary=text,
            description=texts[-1 - i],
            url=f"https://example.org/bandi/{'p' * i}/",
            reminder=timedelta(days=1) if i % 3 else None,
        )
        for language in ("it", "en"):
            stamp, product = stamps[i % 2], f"-//example.org//calls//{language.upper()}"
            assert calendar_file(entry, stamp, product, language) == whole_components(entry, stamp, product, language)
