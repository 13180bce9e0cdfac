"""Wall-clock times in an IANA zone: parse editors' "2020-12-02 17:00", refuse what is ambiguous."""

from __future__ import annotations

import calendar
import re
from datetime import datetime
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

import icu

from ..messages import _

WALL_TIME_FORMAT = "%Y-%m-%d %H:%M"
WALL_TIME_EXAMPLE = "2020-12-02 17:00"
FIRST_YEAR, LAST_YEAR = 1990, 2100  # calls this site publishes; beyond, date arithmetic overflows
_SHAPE = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})\s*\Z")


# The areas of the IANA zones that name a place (Area/City); Etc/GMT+1 (whose sign POSIX inverts),
# UTC, posixrules and the old US/, Canada/ ... names are not among them.
PLACE_AREAS = (
    "Africa",
    "America",
    "Antarctica",
    "Arctic",
    "Asia",
    "Atlantic",
    "Australia",
    "Europe",
    "Indian",
    "Pacific",
)


@lru_cache(maxsize=1)
def _browser_zones() -> frozenset[str]:
    """The zones ICU knows, as browsers' Intl does (Chromium's and Firefox's Intl are ICU)."""
    return frozenset(str(zone) for zone in icu.TimeZone.createEnumeration())


def parse_zone(name: str) -> ZoneInfo:
    """The IANA zone called `name`, if it names a place (Area/City) that browsers know too, or
    ValueError naming a close match."""
    try:
        zone = ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        zone = None
    if zone is not None:
        if name.split("/", 1)[0] in PLACE_AREAS and "/" in name and name in _browser_zones():
            return zone
        raise ValueError(
            _(
                '"{name}" is not the time zone of a place (Etc/GMT+1 even means UTC-1); write a zone of the form '
                "Area/City, such as Europe/Brussels"
            ).format(name=name)
        )
    hint = next((z for z in sorted(available_timezones()) if z.lower() == str(name).lower()), None)
    if hint and hint.split("/", 1)[0] in PLACE_AREAS:
        raise ValueError(_('"{name}" is not a known time zone; did you mean {zone}?').format(name=name, zone=hint))
    raise ValueError(
        _('"{name}" is not a known time zone; expected an IANA time zone such as Europe/Brussels').format(name=name)
    )


def parse_naive(text: str) -> datetime:
    """The wall time `text` without a zone; ValueError saying what is wrong with it."""
    try:
        naive = datetime.strptime(str(text).strip(), WALL_TIME_FORMAT)  # noqa: DTZ007 (a wall time: parse_wall_time adds its zone)
    except ValueError:
        raise ValueError(_not_a_date(str(text))) from None
    if not FIRST_YEAR <= naive.year <= LAST_YEAR:
        raise ValueError(
            _('"{text}" is outside the years this site handles ({first}-{last}); check the year').format(
                text=text, first=FIRST_YEAR, last=LAST_YEAR
            )
        )
    return naive


def parse_wall_time(text: str, zone: ZoneInfo) -> datetime:
    """An aware datetime for the wall time `text` in `zone`.

    Raises ValueError for a malformed or impossible date, and for a time that does not exist
    (skipped by a daylight-saving change) or exists twice (repeated by one): never guess.
    """
    naive = parse_naive(text)
    first = naive.replace(tzinfo=zone, fold=0)
    second = naive.replace(tzinfo=zone, fold=1)
    # A skipped time also has two offsets: test for the gap first, so the message says which it is.
    round_trip = first.astimezone(ZoneInfo("UTC")).astimezone(zone).replace(tzinfo=None)
    if round_trip != naive:
        raise ValueError(
            _('"{text}" does not exist in {zone} (clocks go forward that night); choose a time one hour later').format(
                text=text, zone=zone.key
            )
        )
    if first.utcoffset() != second.utcoffset():
        raise ValueError(
            _(
                '"{text}" happens twice in {zone} (clocks go back that night); choose a time one hour earlier or later'
            ).format(text=text, zone=zone.key)
        )
    return first


def _not_a_date(text: str) -> str:
    """Why `text` is not a wall time, as precisely as can be said."""
    shape = _SHAPE.match(text)
    if shape:
        year, month, day, hour, minute = map(int, shape.groups())
        if 1 <= month <= 12 and day > 0 and year > 0 and day > calendar.monthrange(year, month)[1]:
            return _(
                '"{text}": day {day} does not exist in {month} (that month has {days} days); check the date'
            ).format(text=text, day=day, month=f"{year}-{month:02d}", days=calendar.monthrange(year, month)[1])
        if month in range(1, 13) and day >= 1 and (hour > 23 or minute > 59):
            return _('"{text}": {time} is not a time of day; write hours 00-23 and minutes 00-59').format(
                text=text, time=f"{hour:02d}:{minute:02d}"
            )
    return _(
        '"{text}" is not a date and time; write it as {example} (year-month-day hours:minutes, 24-hour clock)'
    ).format(text=text, example=WALL_TIME_EXAMPLE)


def utc_iso(moment: datetime) -> str:
    """ISO 8601 in UTC with a Z, as the deadline markup contract wants: 2020-12-02T16:00:00Z."""
    return moment.astimezone(ZoneInfo("UTC")).strftime("%Y-%m-%dT%H:%M:%SZ")


def local_iso(moment: datetime) -> str:
    """ISO 8601 with the moment's own offset: 2020-12-02T17:00:00+01:00."""
    return moment.isoformat(timespec="seconds")
