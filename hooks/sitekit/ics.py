"""Calendar files (RFC 5545) for a deadline or an event with a known time, with icalendar."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Event, Timezone


@dataclass(frozen=True)
class CalendarEntry:
    uid: str  # stable across builds and languages: "<call>-deadline@<site host>"
    start: datetime  # aware, with a ZoneInfo: written with its TZID and its VTIMEZONE
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
    text = cal.to_ical()
    # The VTIMEZONE goes before its first use, the VEVENT: serialised once per zone and year.
    at = text.index(b"BEGIN:VEVENT\r\n")
    return text[:at] + _vtimezone_ical(entry.start.tzinfo.key, entry.start.year) + text[at:]


@lru_cache(maxsize=None)
def _vtimezone(zone: str, year: int) -> Timezone:
    """The zone's rules around `year` (computing them is slow, and a whole century is not needed)."""
    return Timezone.from_tzinfo(ZoneInfo(zone), first_date=date(year - 1, 1, 1), last_date=date(year + 2, 1, 1))


@lru_cache(maxsize=None)
def _vtimezone_ical(zone: str, year: int) -> bytes:
    return _vtimezone(zone, year).to_ical()
