"""Wall-clock times in an IANA zone: parse editors' "2020-12-02 17:00", refuse what is ambiguous."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

WALL_TIME_FORMAT = "%Y-%m-%d %H:%M"
WALL_TIME_EXAMPLE = "2020-12-02 17:00"


def parse_zone(name: str) -> ZoneInfo:
    """The IANA zone called `name`, or ValueError naming a close match."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        hint = next((z for z in sorted(available_timezones()) if z.lower() == str(name).lower()), None)
        expected = f"did you mean {hint}?" if hint else "an IANA time zone such as Europe/Brussels"
        raise ValueError(f'"{name}" is not a known time zone; expected {expected}') from None


def parse_wall_time(text: str, zone: ZoneInfo) -> datetime:
    """An aware datetime for the wall time `text` in `zone`.

    Raises ValueError for a malformed or impossible date, and for a time that does not exist
    (skipped by a daylight-saving change) or exists twice (repeated by one): never guess.
    """
    try:
        naive = datetime.strptime(str(text).strip(), WALL_TIME_FORMAT)
    except ValueError:
        raise ValueError(f'"{text}" is not a date and time; write it as {WALL_TIME_EXAMPLE} '
                         "(year-month-day hours:minutes, 24-hour clock)") from None
    first = naive.replace(tzinfo=zone, fold=0)
    second = naive.replace(tzinfo=zone, fold=1)
    # A skipped time also has two offsets: test for the gap first, so the message says which it is.
    round_trip = first.astimezone(ZoneInfo("UTC")).astimezone(zone).replace(tzinfo=None)
    if round_trip != naive:
        raise ValueError(f'"{text}" does not exist in {zone.key} (clocks go forward that night); '
                         "choose a time one hour later")
    if first.utcoffset() != second.utcoffset():
        raise ValueError(f'"{text}" happens twice in {zone.key} (clocks go back that night); '
                         "choose a time one hour earlier or later")
    return first


def utc_iso(moment: datetime) -> str:
    """ISO 8601 in UTC with a Z, as the deadline markup contract wants: 2020-12-02T16:00:00Z."""
    return moment.astimezone(ZoneInfo("UTC")).strftime("%Y-%m-%dT%H:%M:%SZ")


def local_iso(moment: datetime) -> str:
    """ISO 8601 with the moment's own offset: 2020-12-02T17:00:00+01:00."""
    return moment.isoformat(timespec="seconds")


