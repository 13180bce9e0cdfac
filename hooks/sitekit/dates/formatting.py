"""Dates, times, durations and amounts in a page's language, with Babel (CLDR data).

`fmt` is the `calls.formats` block of data/strings/<locale>.yml: the Babel locale and the few
pattern pieces that differ by language ("{date}, ore {time} {zone}"), so no language lives here.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from copy import copy
from datetime import date, datetime, timedelta
from functools import cache, lru_cache
from typing import Literal

from babel import Locale
from babel.dates import format_date, format_datetime, format_time, format_timedelta, get_timezone, get_timezone_location
from babel.lists import format_list
from babel.numbers import (
    NumberPattern,
    format_compact_decimal,
    format_currency,
    format_decimal,
    get_currency_name,
    get_currency_symbol,
)

Formats = Mapping[str, str]


def format_moment(moment: datetime, fmt: Formats) -> str:
    """The moment in its own zone: "2 dicembre 2020, ore 17:00 CET"."""
    # A call's deadline is written on its pages, in the listings, on its card and in its feed entry:
    # Babel's formatting (~0.5 ms) is done once per moment and language. The zone and the fold are
    # part of the key: datetimes of one instant in two zones are equal, and so are the two 02:30 of
    # the night clocks go back (same zone, fold 0 and 1).
    key = (moment, moment.tzinfo, moment.fold)
    return _format_moment(key, fmt["moment"], fmt.get("date", "long"), fmt["time"], fmt["locale"])


@lru_cache(maxsize=16384)  # the pages, feeds and cards of 1,000 calls write the same moments
def _format_moment(key: tuple[datetime, object, int], pattern: str, day: str, time: str, locale: str) -> str:
    moment = key[0]
    fmt = {"date": day, "time": time, "locale": locale}
    return pattern.format(
        date=format_day(moment, fmt),
        time=format_time(moment, time, tzinfo=moment.tzinfo, locale=locale),
        zone=zone_abbreviation(moment, fmt),
    )


def zone_note(moment: datetime, zone: str, pattern: str, fmt: Formats) -> str:
    """`pattern` ("All times are {city} time ({zone}, {offset}).") for the zone of `moment`: the
    zone's city in the language (Bruxelles, Brussels), its abbreviation (CET) and offset (UTC+1)."""
    offset = moment.utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    hours, rest = divmod(abs(minutes), 60)
    utc = f"UTC{'-' if minutes < 0 else '+'}{hours}" + (f":{rest:02d}" if rest else "")
    city = get_timezone_location(get_timezone(zone), locale=fmt["locale"], return_city=True)
    return pattern.format(city=city, zone=zone_abbreviation(moment, fmt), offset=utc)


def format_day(moment: datetime | date, fmt: Formats) -> str:
    """The calendar day, in full: "2 dicembre 2020" (in the moment's own zone)."""
    return format_date(moment, fmt.get("date", "long"), locale=fmt["locale"])


def format_month(year: int, month: int, fmt: Formats) -> str:
    """A month on its own: "novembre 2020"."""
    return format_date(date(year, month, 1), fmt["month"], locale=fmt["locale"])


def zone_abbreviation(moment: datetime, fmt: Formats) -> str:
    """The zone's short name in the language (CET, MEZ), else the tz database's (JST), else GMT+9."""
    name = format_datetime(moment, "z", tzinfo=moment.tzinfo, locale=fmt["locale"])
    if name[:1] not in "+-" and " " not in name:  # some locales fall back to the long name
        return name
    tz_name = moment.tzname() or ""
    if tz_name.isalpha():
        return tz_name
    return format_datetime(moment, "OOOO", tzinfo=moment.tzinfo, locale=fmt["locale"])


def format_left(delta: timedelta, fmt: Formats) -> str:
    """Time left, rounded down so that it never promises more than there is: "12 giorni e 3 ore"."""
    minutes = max(0, math.floor(delta.total_seconds() / 60))
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    units: list[tuple[_Unit, int]]
    if days:
        units = [("day", days), ("hour", hours)]
    elif hours:
        units = [("hour", hours), ("minute", minutes)]
    else:
        units = [("minute", minutes)]
    parts = [_amount(value, unit, fmt) for unit, value in units if value] or [_amount(0, "minute", fmt)]
    return format_list(parts, locale=fmt["locale"])


_Unit = Literal["day", "hour", "minute"]


def _amount(value: int, unit: _Unit, fmt: Formats) -> str:
    seconds = {"day": 86400, "hour": 3600, "minute": 60}[unit]
    return format_timedelta(
        timedelta(seconds=value * seconds), granularity=unit, threshold=math.inf, locale=fmt["locale"]
    )


def format_number(number: float, fmt: Formats) -> str:
    """A number as the language writes it: "7", "1,5" in Italian, "1.5" in English."""
    return format_decimal(number, locale=fmt["locale"])


def format_money(amount: int, currency: str, fmt: Formats) -> str:
    """A whole amount with the language's currency pattern, no decimals: "7.500.000 €"."""
    return _money(amount, currency, fmt["locale"])


def format_money_in_text(amount: int, currency: str, fmt: Formats) -> str:
    """An amount as running text says it: "7,5 milioni di euro", "€7.5 million" (the
    `money_in_text` pattern, with the currency's name, symbol or code as `money_currency` says), when
    millions or billions say it exactly to two decimals; any other amount in full ("7.525.310 €")."""
    for unit in (10**9, 10**6):
        if amount >= unit and (amount * 100) % unit == 0:
            break
    else:
        return format_money(amount, currency, fmt)
    locale = fmt["locale"]
    number = format_compact_decimal(amount, format_type="long", locale=locale, fraction_digits=2)
    names = {
        "name": lambda: get_currency_name(currency, count=amount, locale=locale),
        "symbol": lambda: get_currency_symbol(currency, locale=locale),
        "code": lambda: currency,
    }
    return fmt["money_in_text"].format(amount=number, currency=names.get(fmt["money_currency"], names["code"])())


@lru_cache(maxsize=4096)  # every page of a call shows its budget, in facts and in running text
def _money(amount: int, currency: str, locale: str) -> str:
    pattern = _currency_pattern(locale, whole=amount == int(amount))
    return format_currency(amount, currency, format=pattern, locale=locale, currency_digits=False)


@cache  # parsing the locale and copying its pattern once, not for every amount
def _currency_pattern(locale: str, whole: bool) -> NumberPattern:
    pattern = copy(Locale.parse(locale).currency_formats["standard"])
    if whole:
        pattern.frac_prec = (0, 0)
    return pattern
