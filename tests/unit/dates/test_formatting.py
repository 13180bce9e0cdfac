"""Wall times in IANA zones, DST in Europe/Brussels, zones far from Europe, Babel formatting."""

from datetime import UTC, datetime, timedelta

import pytest
from pydantic import ValidationError

from calldata import STRINGS, make_call
from sitekit.dates.formatting import format_day, format_left, format_moment, format_money
from sitekit.dates.localtime import local_iso, utc_iso


def deadline(local: str, zone: str) -> datetime:
    return make_call(deadline={"local": local, "zone": zone}).deadline.instant


def test_the_real_deadline_is_16_utc_and_reads_well_in_both_languages():
    instant = deadline("2020-12-02 17:00", "Europe/Brussels")
    assert utc_iso(instant) == "2020-12-02T16:00:00Z"
    assert local_iso(instant) == "2020-12-02T17:00:00+01:00"
    assert format_moment(instant, STRINGS["it"]["formats"]) == "2 dicembre 2020, ore 17:00\xa0CET"
    assert format_moment(instant, STRINGS["en"]["formats"]) == "2 December 2020, 17:00\xa0CET"


def test_one_instant_in_two_zones_is_written_in_each_zone_however_often_it_is_asked():
    brussels = deadline("2020-12-02 17:00", "Europe/Brussels")
    tokyo = deadline("2020-12-03 01:00", "Asia/Tokyo")
    assert brussels == tokyo  # the same instant: datetimes compare equal across zones
    for _ in range(2):
        assert format_moment(brussels, STRINGS["en"]["formats"]) == "2 December 2020, 17:00\xa0CET"
        assert format_moment(tokyo, STRINGS["en"]["formats"]).startswith("3 December 2020, 01:00")
        assert format_moment(brussels, STRINGS["it"]["formats"]) == "2 dicembre 2020, ore 17:00\xa0CET"


def test_summer_time_in_brussels_is_two_hours_ahead_of_utc():
    instant = deadline("2021-06-15 17:00", "Europe/Brussels")
    assert utc_iso(instant) == "2021-06-15T15:00:00Z"
    assert format_moment(instant, STRINGS["en"]["formats"]) == "15 June 2021, 17:00\xa0CEST"


def test_the_days_around_the_spring_change_keep_their_wall_time():
    before = deadline("2021-03-27 17:00", "Europe/Brussels")
    after = deadline("2021-03-28 17:00", "Europe/Brussels")
    assert after.astimezone(UTC) - before.astimezone(UTC) == timedelta(
        hours=23
    )  # the night of 28 March 2021 lasts one hour less
    assert utc_iso(after) == "2021-03-28T15:00:00Z"


@pytest.mark.parametrize(
    "local, why",
    [
        ("2021-03-28 02:30", "does not exist"),  # clocks jump from 02:00 to 03:00
        ("2021-10-31 02:30", "happens twice"),  # clocks go back from 03:00 to 02:00
    ],
)
def test_times_skipped_or_repeated_by_a_dst_change_are_refused(local, why):
    with pytest.raises(ValidationError, match=why):
        deadline(local, "Europe/Brussels")


@pytest.mark.parametrize(
    "zone, utc, it_text",
    [
        ("Asia/Tokyo", "2020-12-02T08:00:00Z", "2 dicembre 2020, ore 17:00\xa0JST"),
        ("America/New_York", "2020-12-02T22:00:00Z", "2 dicembre 2020, ore 17:00\xa0EST"),
        ("Pacific/Auckland", "2020-12-02T04:00:00Z", "2 dicembre 2020, ore 17:00\xa0NZDT"),  # southern summer
        ("America/Sao_Paulo", "2020-12-02T20:00:00Z", "2 dicembre 2020, ore 17:00\xa0GMT-03:00"),
    ],
)
def test_zones_far_from_europe(zone, utc, it_text):
    instant = deadline("2020-12-02 17:00", zone)
    assert utc_iso(instant) == utc
    assert format_moment(instant, STRINGS["it"]["formats"]) == it_text


@pytest.mark.parametrize("local", ["2020-13-02 17:00", "2 December 2020", "2020-12-02"])
def test_malformed_dates_are_refused_with_the_expected_form(local):
    with pytest.raises(ValidationError, match="write it as 2020-12-02 17:00"):
        deadline(local, "Europe/Brussels")


@pytest.mark.parametrize(
    "local, says",
    [
        ("2020-02-30 17:00", r"day 30 does not exist in 2020-02 \(that month has 29 days\)"),
        ("2021-02-29 17:00", r"day 29 does not exist in 2021-02 \(that month has 28 days\)"),
        ("2020-12-02 24:30", "24:30 is not a time of day"),
        ("9999-12-31 23:59", r"outside the years this site handles \(1990-2100\)"),
        ("1899-12-31 23:59", r"outside the years this site handles \(1990-2100\)"),
    ],
)
def test_impossible_dates_say_what_is_wrong(local, says):
    with pytest.raises(ValidationError, match=says):
        deadline(local, "Europe/Brussels")


def test_unknown_zone_is_refused_with_a_suggestion():
    with pytest.raises(
        ValidationError, match='"europe/brussels" is not a known time zone; did you mean Europe/Brussels'
    ):
        deadline("2020-12-02 17:00", "europe/brussels")


def test_a_deadline_without_a_zone_is_refused():
    with pytest.raises(ValidationError, match="zone"):
        make_call(deadline={"local": "2020-12-02 17:00"})


def test_time_left_rounds_down_and_never_promises_more():
    fmt_it, fmt_en = STRINGS["it"]["formats"], STRINGS["en"]["formats"]
    assert format_left(timedelta(days=12, hours=3, minutes=59), fmt_it) == "12 giorni e 3 ore"
    assert format_left(timedelta(days=1, seconds=59), fmt_en) == "1 day"
    assert format_left(timedelta(hours=1, minutes=1, seconds=59), fmt_en) == "1 hour and 1 minute"
    assert format_left(timedelta(seconds=59), fmt_en) == "0 minutes"


def test_closing_date_and_budget_in_each_language():
    instant = deadline("2020-12-02 17:00", "Europe/Brussels")
    assert format_day(instant, STRINGS["it"]["formats"]) == "2 dicembre 2020"
    assert format_money(7500000, "EUR", STRINGS["it"]["formats"]) == "7.500.000\xa0€"
    assert format_money(7500000, "EUR", STRINGS["en"]["formats"]) == "€7,500,000"


def test_a_late_evening_deadline_is_the_next_day_in_utc_but_formatted_on_its_own_day():
    instant = deadline("2020-12-31 23:30", "Europe/Brussels")
    assert utc_iso(instant) == "2020-12-31T22:30:00Z"
    assert format_day(instant, STRINGS["en"]["formats"]) == "31 December 2020"


def test_the_zone_note_names_the_city_abbreviation_and_offset_of_the_deadline_in_the_language():
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from sitekit.dates.formatting import zone_note

    winter = datetime(2020, 12, 2, 17, 0, tzinfo=ZoneInfo("Europe/Brussels"))
    assert (
        zone_note(winter, "Europe/Brussels", "All times are {city} time ({zone}, {offset}).", {"locale": "en_GB"})
        == "All times are Brussels time (CET, UTC+1)."
    )
    assert (
        zone_note(winter, "Europe/Brussels", "Gli orari sono quelli di {city} ({zone}, {offset}).", {"locale": "it"})
        == "Gli orari sono quelli di Bruxelles (CET, UTC+1)."
    )
    kolkata = datetime(2020, 12, 2, 17, 0, tzinfo=ZoneInfo("Asia/Kolkata"))
    assert zone_note(kolkata, "Asia/Kolkata", "{offset}", {"locale": "en_GB"}) == "UTC+5:30"


def test_an_amount_in_running_text_is_said_in_words_only_when_exact():
    from sitekit.dates.formatting import format_money_in_text

    it, en = STRINGS["it"]["formats"], STRINGS["en"]["formats"]
    assert format_money_in_text(7500000, "EUR", it) == "7,5 milioni di euro"
    assert format_money_in_text(7500000, "EUR", en) == "€7.5 million"
    assert format_money_in_text(1000000, "EUR", it) == "1 milione di euro"
    # an amount that millions cannot say exactly stays in full: nothing rounded away
    assert format_money_in_text(7525310, "EUR", it) == format_money(7525310, "EUR", it)
    assert format_money_in_text(950000, "EUR", en) == format_money(950000, "EUR", en)


def test_one_instant_is_formatted_in_each_moments_own_zone_and_fold_though_formats_are_remembered():
    # format_moment remembers what it formatted: equal datetimes (one instant in two zones, or the
    # two 02:30 of the night clocks go back) must still read as their own wall time and zone.
    fmt = STRINGS["en"]["formats"]
    from zoneinfo import ZoneInfo

    brussels = ZoneInfo("Europe/Brussels")
    summer = datetime(2020, 10, 25, 2, 30, tzinfo=brussels)
    winter = summer.replace(fold=1)
    assert summer == winter  # Python compares them as equal: the key must not
    assert [format_moment(moment, fmt) for moment in (summer, winter, summer)] == [
        "25 October 2020, 02:30\u00a0CEST",
        "25 October 2020, 02:30\u00a0CET",
        "25 October 2020, 02:30\u00a0CEST",
    ]
    deadline = datetime(2020, 12, 2, 17, 0, tzinfo=brussels)
    assert format_moment(deadline, fmt) == "2 December 2020, 17:00\u00a0CET"
    assert format_moment(deadline.astimezone(UTC), fmt) == "2 December 2020, 16:00\u00a0UTC"
