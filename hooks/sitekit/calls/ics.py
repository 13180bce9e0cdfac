"""Calendar files (RFC 5545) for a deadline or an event with a known time, with icalendar.

Every line is icalendar's: its value types, parameters, escaping and folding. The file is put
together line by line, in the order `Calendar.to_ical()` gives, because building and serialising
whole components cost 0.4 ms a file; the lines that do not depend on the entry are made once.
tests/unit/calls/test_ics.py checks the bytes against icalendar's whole-component output.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import cache, lru_cache
from zoneinfo import ZoneInfo

from icalendar import Calendar, Parameters, Timezone, vDDDTypes, vText, vUri
from icalendar.parser import Contentline

FOLD_AT = 75  # icalendar folds a line once it reaches 75 octets, CRLF excluded


@dataclass(frozen=True)
class CalendarEntry:
    uid: str  # stable across builds and languages: "<call>-deadline@<site host>"
    start: datetime  # aware, with a ZoneInfo: written with its TZID and its VTIMEZONE
    summary: str
    description: str
    url: str
    reminder: timedelta | None = None


def calendar_file(
    entries: CalendarEntry | Sequence[CalendarEntry], stamp: datetime, product: str, language: str
) -> bytes:
    """One VCALENDAR with one VEVENT per entry (zero length: a deadline is an instant; a call
    with several deadlines has one event each), each VTIMEZONE before its first use; each
    VEVENT's properties in icalendar's order (SUMMARY, DTSTART, DTEND, DTSTAMP, UID, then by
    name), its VALARM last."""
    entries = [entries] if isinstance(entries, CalendarEntry) else list(entries)
    parts = [_head(product)]
    zones: dict[str, list[int]] = {}
    for entry in entries:
        zones.setdefault(str(entry.start.tzinfo), []).append(entry.start.year)  # a ZoneInfo's str() is its key
    for zone, years in zones.items():
        parts.append(_vtimezone_ical(zone, min(years), max(years)))
    for entry in entries:
        parts.append(_vevent(entry, stamp, language))
    parts.append(b"END:VCALENDAR\r\n")
    return b"".join(parts)


def _vevent(entry: CalendarEntry, stamp: datetime, language: str) -> bytes:
    text = Parameters({"LANGUAGE": language})
    start = vDDDTypes(entry.start)
    parts = [
        b"BEGIN:VEVENT\r\n",
        _line("SUMMARY", vText(entry.summary), text),
        _line("DTSTART", start),
        _line("DTEND", start),
        _stamp(stamp),
        _line("UID", vText(entry.uid)),
        _line("DESCRIPTION", vText(entry.description), text),
        TRANSPARENT,
        _line("URL", vUri(entry.url)),
    ]
    if entry.reminder:
        before, after = _alarm(entry.reminder)
        parts += [before, _line("DESCRIPTION", vText(entry.summary)), after]
    parts.append(b"END:VEVENT\r\n")
    return b"".join(parts)


def _line(name: str, value, parameters: Parameters | None = None) -> bytes:
    """One content line as icalendar writes it, with its CRLF."""
    line = Contentline.from_parts(name, value.params if parameters is None else parameters, value)
    raw = line.encode("utf-8")
    # icalendar's folding walks the line character by character, and leaves a short one as it is.
    return (raw if len(raw) < FOLD_AT else line.to_ical()) + b"\r\n"


TRANSPARENT = _line("TRANSP", vText("TRANSPARENT"))


@cache
def _head(product: str) -> bytes:
    """BEGIN:VCALENDAR and its properties, as icalendar writes the calendar."""
    cal = Calendar()
    cal.add("prodid", product)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    text = cal.to_ical()
    return text[: text.index(b"END:VCALENDAR\r\n")]


@lru_cache(maxsize=4)
def _stamp(stamp: datetime) -> bytes:
    return _line("DTSTAMP", vDDDTypes(stamp.astimezone(UTC)))


@cache
def _alarm(reminder: timedelta) -> tuple[bytes, bytes]:
    """A VALARM's lines before and after its DESCRIPTION (the entry's summary)."""
    return (
        b"BEGIN:VALARM\r\n" + _line("ACTION", vText("DISPLAY")),
        _line("TRIGGER", vDDDTypes(-reminder)) + b"END:VALARM\r\n",
    )


@cache
def _vtimezone(zone: str, first_year: int, last_year: int) -> Timezone:
    """The zone's rules around the years of its events (computing them is slow, and a whole
    century is not needed)."""
    return Timezone.from_tzinfo(
        ZoneInfo(zone), first_date=date(first_year - 1, 1, 1), last_date=date(last_year + 2, 1, 1)
    )


@cache
def _vtimezone_ical(zone: str, first_year: int, last_year: int) -> bytes:
    return _vtimezone(zone, first_year, last_year).to_ical()
