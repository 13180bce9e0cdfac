"""SITE_NOW, the build clock: parsed with its offset, refused when malformed or naive."""

from datetime import UTC, datetime, timedelta

import pytest

from sitekit.dates.clock import site_now


def test_site_now_reads_the_offset():
    now = site_now({"SITE_NOW": "2020-11-20T12:00:00+01:00"})
    assert now == datetime(2020, 11, 20, 11, 0, tzinfo=UTC)
    assert now.utcoffset() == timedelta(hours=1)


def test_site_now_accepts_z_for_utc():
    assert site_now({"SITE_NOW": "2020-12-02T16:00:00Z"}) == datetime(2020, 12, 2, 16, tzinfo=UTC)


def test_unset_or_empty_site_now_is_the_real_time():
    for environ in ({}, {"SITE_NOW": ""}):
        now = site_now(environ)
        assert now.tzinfo is not None
        assert abs(now - datetime.now(UTC)) < timedelta(minutes=1)


@pytest.mark.parametrize("text", ["yesterday", "2020-13-01T12:00:00+01:00", "20/11/2020 12:00"])
def test_malformed_site_now_names_the_variable_and_the_expected_form(text):
    with pytest.raises(ValueError) as err:
        site_now({"SITE_NOW": text})
    assert "SITE_NOW" in str(err.value) and text in str(err.value) and "2020-11-20T12:00:00+01:00" in str(err.value)


def test_site_now_without_offset_is_refused():
    with pytest.raises(ValueError, match=r"SITE_NOW.*no UTC offset"):
        site_now({"SITE_NOW": "2020-11-20T12:00:00"})


@pytest.mark.parametrize("text", ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59+00:00"])
def test_a_build_clock_outside_the_supported_years_is_refused(text):
    with pytest.raises(ValueError, match=r"SITE_NOW: .* is outside the years this site handles \(1990-2100\)"):
        site_now({"SITE_NOW": text})
