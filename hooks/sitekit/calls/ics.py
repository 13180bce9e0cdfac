"""Calendar files (RFC 5545) for a deadline or an event with a known time, built with icalendar's
`Calendar` and `Event`.

A deadline is an instant: DTSTART alone (§3.8.2.2: DTEND must be later than DTSTART). A calendar
replaces an event it imported only when its SEQUENCE grows: a moved deadline carries a higher one,
and LAST-MODIFIED the day the move was published. DTSTAMP is the last commit of the call's data, so
the same commit always gives the same file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import cache, lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
from icalendar import Alarm, Calendar, Event, Timezone

from ..inputs.diskmemo import DiskMemo, source_version


@dataclass(frozen=True)
class CalendarEntry:
    uid: str  # stable across builds and languages: "<call>-deadline@<site host>"
    start: datetime  # aware, with a ZoneInfo: written with its TZID and its VTIMEZONE
    summary: str
    description: str
    url: str
    reminder: timedelta | None = None
    stamp: datetime | None = None  # DTSTAMP: its data file's last commit (None: the file's stamp)
    sequence: int = 0  # how many times the instant has moved since it was first published
    modified: datetime | None = None  # LAST-MODIFIED: when it last moved (None: not known)


def calendar_file(
    entries: CalendarEntry | Sequence[CalendarEntry],
    stamp: datetime,
    product: str,
    language: str,
    kept: DiskMemo | None = None,
) -> bytes:
    """One VCALENDAR with one VEVENT per entry (a call with several deadlines has one event each),
    each VTIMEZONE before the events. `stamp`: the DTSTAMP of entries that have none of their own
    (the build clock, when there is no git history). The bytes of icalendar's `Calendar.to_ical()`,
    put together from each component's own (each made once: see `_event_lines`; `kept`: events
    made by earlier builds, from `event_cache`)."""
    entries = [entries] if isinstance(entries, CalendarEntry) else list(entries)
    years: dict[str, list[int]] = {}
    for entry in entries:
        years.setdefault(str(entry.start.tzinfo), []).append(entry.start.year)  # a ZoneInfo's str() is its key
    return b"".join(
        [
            _calendar_head(product),
            *(_vtimezone_lines(zone, min(found), max(found)) for zone, found in years.items()),
            *(_event_lines(entry, stamp, language, kept) for entry in entries),
            END,
        ]
    )


END = b"END:VCALENDAR\r\n"


@cache
def _calendar_head(product: str) -> bytes:
    cal = Calendar()
    cal.add("prodid", product)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    whole = cal.to_ical()
    assert whole.endswith(END)
    return whole.removesuffix(END)


# An event gives the same lines for the same entry: each call's calendar and the calendar of every
# deadline share them, and under `mkdocs serve` a rebuild after one call's change (sitekit.preview, at
# the last build's instant) draws only that call's events again (icalendar: ~1 ms an event). Between
# build processes, `kept` holds them: keyed by the entry's every field, the stamp and the language.
@lru_cache(maxsize=8192)
def _event_lines(entry: CalendarEntry, stamp: datetime, language: str, kept: DiskMemo | None = None) -> bytes:
    key = repr((entry, stamp, language))  # datetimes' repr carries their zone and fold
    lines = kept.get(key) if kept is not None else None
    if not isinstance(lines, bytes):
        lines = _vevent(entry, stamp, language).to_ical()
        if kept is not None:
            kept.put(key, lines)
    return lines


@cache  # one per folder and process: the in-memory cache above is keyed by it
def event_cache(folder: Path) -> DiskMemo:
    """The events earlier builds made, in `folder` (sitekit.inputs.cachedir's "calendar")."""
    return DiskMemo(folder, source_version(Path(__file__), icalendar.__version__))


def _vevent(entry: CalendarEntry, stamp: datetime, language: str) -> Event:
    text = {"LANGUAGE": language}
    event = Event()
    event.add("uid", entry.uid)
    event.add("dtstamp", (entry.stamp or stamp).astimezone(UTC))
    event.add("dtstart", entry.start)
    event.add("sequence", entry.sequence)
    if entry.modified is not None:
        event.add("last-modified", entry.modified.astimezone(UTC))
    event.add("summary", entry.summary, parameters=text)
    event.add("description", entry.description, parameters=text)
    event.add("url", entry.url)
    event.add("transp", "TRANSPARENT")
    if entry.reminder:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", entry.summary)
        alarm.add("trigger", -entry.reminder)
        event.add_component(alarm)
    return event


@cache
def _vtimezone_lines(zone: str, first_year: int, last_year: int) -> bytes:
    return _vtimezone(zone, first_year, last_year).to_ical()


@cache
def _vtimezone(zone: str, first_year: int, last_year: int) -> Timezone:
    """The zone's rules around the years of its events (computing them is slow, and a whole
    century is not needed)."""
    return Timezone.from_tzinfo(
        ZoneInfo(zone), first_date=date(first_year - 1, 1, 1), last_date=date(last_year + 2, 1, 1)
    )
