"""Call status at the boundaries: the deadline instant, the closing threshold, the opening."""

from datetime import UTC, datetime, timedelta, timezone

import pytest

from calldata import make_call
from sitekit.calls.status import call_status

DEADLINE = datetime(2020, 12, 2, 16, 0, tzinfo=UTC)  # 17:00 CET
SECOND = timedelta(seconds=1)


def test_open_one_second_before_and_closed_one_second_after_the_deadline():
    call = make_call()
    assert call_status(call, DEADLINE - SECOND) == "closing"
    assert call_status(call, DEADLINE) == "closed"
    assert call_status(call, DEADLINE + SECOND) == "closed"


def test_deadline_instant_is_the_same_whatever_zone_now_is_written_in():
    call = make_call()
    tokyo = timezone(timedelta(hours=9))
    assert call_status(call, datetime(2020, 12, 3, 0, 59, 59, tzinfo=tokyo)) == "closing"
    assert call_status(call, datetime(2020, 12, 3, 1, 0, 0, tzinfo=tokyo)) == "closed"


@pytest.mark.parametrize("days", [7, 3, 0.5])
def test_closing_starts_when_less_than_the_threshold_is_left(days):
    call = make_call()
    threshold = DEADLINE - timedelta(days=days)
    assert call_status(call, threshold - SECOND, days) == "open"
    assert call_status(call, threshold, days) == "open"  # exactly the threshold left: not yet "less than"
    assert call_status(call, threshold + SECOND, days) == "closing"


def test_forthcoming_until_the_opening_instant():
    call = make_call(opening={"local": "2020-10-01 09:00", "zone": "Europe/Brussels"})
    opening = datetime(2020, 10, 1, 7, 0, tzinfo=UTC)  # 09:00 CEST
    assert call_status(call, opening - SECOND) == "forthcoming"
    assert call_status(call, opening) == "open"


def test_without_an_opening_date_a_call_is_open_however_early():
    assert call_status(make_call(), datetime(2000, 1, 1, tzinfo=UTC)) == "open"
