"""Time zones name a place (IANA Area/City) that browsers' Intl knows: Etc/GMT+1 (sign inverted by
POSIX), posixrules, UTC and the old US/... names are refused; every accepted zone gives the browser's
offset at any instant."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import available_timezones

import icu
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitekit.dates.localtime import PLACE_AREAS, parse_zone

ZONES = sorted(available_timezones())


@pytest.mark.parametrize("name", ["Etc/GMT+1", "Etc/GMT-14", "posixrules", "UTC", "GMT", "US/Eastern", "Factory"])
def test_a_zone_that_names_no_place_is_refused(name):
    with pytest.raises(ValueError, match=r"is not the time zone of a place .* such as Europe/Brussels"):
        parse_zone(name)


@pytest.mark.parametrize("name", ["Europe/Brussels", "America/Argentina/Buenos_Aires", "Asia/Kolkata", "Europe/Kyiv"])
def test_a_zone_of_a_place_passes(name):
    assert parse_zone(name).key == name


@settings(max_examples=300, deadline=None)
@given(name=st.sampled_from(ZONES), seconds=st.integers(631152000, 4102444800))  # 1990 to 2100
def test_every_accepted_zone_is_a_place_whose_offset_the_browser_computes_alike(name, seconds):
    try:
        zone = parse_zone(name)
    except ValueError:
        assert name.split("/")[0] not in PLACE_AREAS or "/" not in name or not _icu_knows(name)
        return
    assert name.split("/")[0] in PLACE_AREAS
    moment = datetime.fromtimestamp(seconds, tz=UTC)
    raw, dst = icu.TimeZone.createTimeZone(name).getOffset(float(seconds), False)  # PyICU: a date in seconds
    assert moment.astimezone(zone).utcoffset() == timedelta(milliseconds=raw + dst), (name, moment)


def _icu_knows(name: str) -> bool:
    return name in {str(z) for z in icu.TimeZone.createEnumeration()}


def test_a_call_in_an_inverted_zone_is_refused_at_its_line(tmp_path):
    from checkcopy import editable_copy, problems_after

    project = editable_copy(tmp_path / "project")
    call = "data/calls/clusters-go-international-2020.yml"
    found = problems_after(project, call, "  zone: Europe/Brussels\n", "  zone: Etc/GMT+1\n")
    line = (project / call).read_text(encoding="utf-8").splitlines().index("  zone: Etc/GMT+1") + 1
    assert found == [
        f'{call}:{line}: deadline.zone: "Etc/GMT+1" is not the time zone of a place (Etc/GMT+1 even means UTC-1); '
        "write a zone of the form Area/City, such as Europe/Brussels"
    ]
