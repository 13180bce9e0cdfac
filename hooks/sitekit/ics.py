"""Calendar files (RFC 5545) for a deadline or an event with a known time, with icalendar."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from icalendar import Alarm, Calendar, Event


@dataclass(frozen=True)
class CalendarEntry:
    uid: str  # stable across builds and languages: "<call>-deadline@<site host>"
    start: datetime  # aware, in the call's own zone (written with its TZID and VTIMEZONE)
    summary: str
    description: str
    url: str
    reminder: timedelta | None = None


def calendar_file(entry: CalendarEntry, stamp: datetime, product: str, language: str) -> bytes:
    """One VCALENDAR with one VEVENT (zero length: a deadline is an instant)."""
    cal = Calendar()
    cal.add("prodid", product)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    event = Event()
    event.add("uid", entry.uid)
    event.add("dtstamp", stamp.astimezone(timezone.utc))
    event.add("dtstart", entry.start)
    event.add("dtend", entry.start)
    event.add("summary", entry.summary, parameters={"LANGUAGE": language})
    event.add("description", entry.description, parameters={"LANGUAGE": language})
    event.add("url", entry.url)
    event.add("transp", "TRANSPARENT")
    if entry.reminder:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", entry.summary)
        alarm.add("trigger", -entry.reminder)
        event.add_component(alarm)
    cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical()
