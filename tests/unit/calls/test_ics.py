"""Calendar files: valid iCalendar with the zone's VTIMEZONE, the right instant and stable UIDs."""

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import vobject
from icalendar import Calendar

from calldata import call_pages, make_call, two_stage_call
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


COMMITTED = datetime(2020, 11, 16, 9, 30, tzinfo=timezone(timedelta(hours=1)))  # the call data's last commit
MOVED = {"local": "2020-12-09 17:00", "zone": "Europe/Brussels", "previous": "2020-12-02 17:00"}


def deadline_file(now: datetime, committed=lambda path: COMMITTED, **fields) -> bytes:
    call = make_call(**fields)
    return call_pages([call], now, "en").calendar_files(committed)["en/calendar/test-call-deadline.ics"]


def test_a_deadline_is_an_instant_dtstart_alone_without_dtend():
    _, vevent = event(files(datetime(2020, 11, 20, tzinfo=UTC))["calendar/test-call-deadline.ics"])
    assert "DTEND" not in vevent and "DURATION" not in vevent
    assert vevent.decoded("DTSTART") == datetime(2020, 12, 2, 17, tzinfo=ZoneInfo("Europe/Brussels"))


def test_dtstamp_is_the_call_datas_last_commit_whatever_the_build_clock():
    first = deadline_file(datetime(2020, 11, 20, tzinfo=UTC))
    later = deadline_file(datetime(2020, 11, 30, 16, 10, tzinfo=UTC))  # the daily rebuild of the same commit
    assert first == later
    assert event(first)[1].decoded("DTSTAMP") == COMMITTED.astimezone(UTC)


def test_without_git_history_the_stamp_is_the_build_clock():
    now = datetime(2020, 11, 20, 11, tzinfo=UTC)
    assert event(deadline_file(now, committed=lambda path: None))[1].decoded("DTSTAMP") == now


def sequence_and_modified_with_vobject(data: bytes) -> tuple[int, datetime | None]:
    vevent = vobject.readOne(data.decode("utf-8")).vevent
    modified = vevent.contents.get("last-modified")
    return int(vevent.sequence.value), modified[0].value if modified else None


def test_a_moved_deadline_has_a_higher_sequence_and_says_when_it_moved():
    now = datetime(2020, 11, 20, tzinfo=UTC)
    before = deadline_file(now)
    moved = deadline_file(now, deadline={**MOVED, "changed": "2020-11-18"})
    # icalendar
    assert event(before)[1].decoded("SEQUENCE") == 0 and "LAST-MODIFIED" not in event(before)[1]
    assert event(moved)[1].decoded("SEQUENCE") == 1
    assert event(moved)[1].decoded("LAST-MODIFIED") == datetime(2020, 11, 17, 23, tzinfo=UTC)  # 18th, Brussels
    assert event(moved)[1]["UID"] == event(before)[1]["UID"]
    # vobject, a second client
    assert sequence_and_modified_with_vobject(before) == (0, None)
    sequence, modified = sequence_and_modified_with_vobject(moved)
    assert sequence == 1 and modified == datetime(2020, 11, 17, 23, tzinfo=UTC)
    assert vobject.readOne(moved.decode("utf-8")).vevent.dtstart.value.astimezone(UTC) == datetime(
        2020, 12, 9, 16, tzinfo=UTC
    )


def test_a_move_without_its_day_is_dated_by_the_data_commit():
    moved = deadline_file(datetime(2020, 11, 20, tzinfo=UTC), deadline=MOVED)
    assert event(moved)[1].decoded("LAST-MODIFIED") == COMMITTED.astimezone(UTC)


def test_every_stage_moves_on_its_own():
    moved = two_stage_call(second={"local": "2021-06-17 17:00", "previous": "2021-06-10 17:00"})
    data = call_pages([moved], datetime(2020, 11, 20, tzinfo=UTC)).calendar_files(lambda path: COMMITTED)
    events = Calendar.from_ical(data["calendar/test-call-deadline.ics"]).walk("VEVENT")
    assert [e.decoded("SEQUENCE") for e in events] == [0, 1]


def test_the_files_are_valid_icalendar_for_icalendar_and_vobject():
    for data in files(
        datetime(2020, 11, 1, tzinfo=UTC), webinar={"local": "2020-11-05 10:00", "zone": "Europe/Brussels"}
    ).values():
        cal = Calendar.from_ical(data)
        assert cal.to_ical() == data  # icalendar reads back what it wrote
        parsed = vobject.readOne(data.decode("utf-8"))
        parsed.validate()
        assert parsed.vevent.dtstamp.value.tzinfo is not None


def test_texts_with_characters_icalendar_escapes_read_back_as_written():
    text = "Partenariati, cluster; PMI\\paesi terzi\nSeconda riga " * 3 + "€" * 30
    entry = CalendarEntry(
        uid="x-deadline@example.org",
        start=datetime(2020, 12, 2, 17, tzinfo=ZoneInfo("Europe/Brussels")),
        summary=text,
        description=text,
        url="https://example.org/bandi/x/",
        stamp=COMMITTED,
    )
    [vevent] = Calendar.from_ical(calendar_file([entry], COMMITTED, "-//example.org//calls//IT", "it")).walk("VEVENT")
    assert str(vevent["SUMMARY"]) == str(vevent["DESCRIPTION"]) == text
    assert vevent["SUMMARY"].params["LANGUAGE"] == "it"


def test_a_calendar_put_together_from_its_components_is_icalendars_own_output_byte_for_byte():
    """calendar_file joins each component's cached lines; the file is the one icalendar writes whole."""
    from sitekit.calls import ics

    brussels, tokyo = ZoneInfo("Europe/Brussels"), ZoneInfo("Asia/Tokyo")
    entries = [
        CalendarEntry(
            "a@x",
            datetime(2020, 12, 2, 17, tzinfo=brussels),
            "Scadenza: A",
            "Sintesi, lunga " * 9,
            "https://x/a/",
            timedelta(days=1),
        ),
        CalendarEntry(
            "b@x",
            datetime(2021, 3, 2, 9, tzinfo=tokyo),
            "B",
            "b",
            "https://x/b/",
            None,
            datetime(2020, 1, 1, tzinfo=UTC),
            1,
            datetime(2020, 2, 1, tzinfo=UTC),
        ),
        CalendarEntry("c@x", datetime(2022, 1, 5, 12, tzinfo=brussels), "C", "c", "https://x/c/"),
    ]
    stamp = datetime(2020, 11, 20, 11, tzinfo=UTC)
    whole = Calendar()
    whole.add("prodid", "-//x//calls//IT")
    whole.add("version", "2.0")
    whole.add("calscale", "GREGORIAN")
    whole.add_component(ics._vtimezone("Europe/Brussels", 2020, 2022))
    whole.add_component(ics._vtimezone("Asia/Tokyo", 2021, 2021))
    for entry in entries:
        whole.add_component(ics._vevent(entry, stamp, "it"))
    assert calendar_file(entries, stamp, "-//x//calls//IT", "it") == whole.to_ical()
    assert calendar_file(entries, stamp, "-//x//calls//IT", "it") == whole.to_ical()  # from the cache too


def test_events_kept_on_disk_by_one_build_give_the_next_build_the_same_file_and_a_moved_deadline_a_new_one(
    tmp_path, monkeypatch
):
    """A new build process finds the events earlier builds drew (sitekit.calls.ics.event_cache): the
    same bytes without drawing them; an entry that differs in any field is drawn afresh."""
    from sitekit.calls import ics

    now = datetime(2020, 11, 20, tzinfo=UTC)
    moved = make_call(deadline={"local": "2020-12-09 17:00", "zone": "Europe/Brussels"})
    first = call_pages([make_call()], now).calendar_files(kept=ics.event_cache(tmp_path / "calendar"))
    assert any((tmp_path / "calendar").iterdir())

    ics._event_lines.cache_clear()  # as in a new process
    drawn = []
    monkeypatch.setattr(ics, "_vevent", lambda *args: drawn.append(args) or Calendar())
    again = call_pages([make_call()], now).calendar_files(kept=ics.event_cache(tmp_path / "calendar"))
    assert again == first and drawn == []
    monkeypatch.undo()

    ics._event_lines.cache_clear()
    later = call_pages([moved], now).calendar_files(kept=ics.event_cache(tmp_path / "calendar"))
    _, vevent = event(later["calendar/test-call-deadline.ics"])
    assert vevent.decoded("DTSTART").astimezone(UTC) == datetime(2020, 12, 9, 16, tzinfo=UTC)
    ics._event_lines.cache_clear()
