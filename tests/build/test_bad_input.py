"""Every editor's mistake stops the build with one message naming file, line, field, found, expected."""

from __future__ import annotations

import pytest

from sitebuild import build
from synthetic import call_yaml, make_site

GOOD = "2020-11-20T12:00:00+01:00"
FILE = "data/calls/bad-call.yml"


def raw_call(deadline_block: str) -> str:
    return f"""id: TEST-1
programme: Test
funder: Test funder
budget:
  amount: 1000
  currency: EUR
deadline:
{deadline_block}
title:
  it: Prova
  en: Test
summary:
  it: Prova
  en: Test
"""


def build_with(tmp_path, calls=None, pages=None, site_now=GOOD):
    project = make_site(tmp_path, calls or {}, pages)
    return build(project, tmp_path / "site", site_now=site_now)


def assert_stops(result, *expected: str) -> None:
    assert result.returncode != 0, result.output
    assert "problem" in result.output and "to fix before the site can be built" in result.output
    for text in expected:
        assert text in result.output, (text, result.output)
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "block, expected",
    [
        (
            '  local: "2020-13-02 17:00"\n  zone: Europe/Brussels',
            f'{FILE}:8: deadline.local: "2020-13-02 17:00" is not a date and time; write it as 2020-12-02 17:00',
        ),
        (
            '  local: "2020-02-30 17:00"\n  zone: Europe/Brussels',
            f'{FILE}:8: deadline.local: "2020-02-30 17:00": day 30 does not exist in 2020-02 (that month has 29 days)',
        ),
        ('  local: "2020-12-02 17:00"', f"{FILE}:7: deadline.zone: is missing; add it"),
        (
            '  local: "2020-12-02 17:00"\n  zone: Europe/Bruxelles',
            f'{FILE}:9: deadline.zone: "Europe/Bruxelles" is not a known time zone; expected an IANA time zone such as Europe/Brussels',
        ),
        (
            '  local: "2021-03-28 02:30"\n  zone: Europe/Brussels',
            f'{FILE}:7: deadline: "2021-03-28 02:30" does not exist in Europe/Brussels',
        ),
    ],
)
def test_bad_deadline_stops_the_build(tmp_path, block, expected):
    assert_stops(build_with(tmp_path, {"bad-call": raw_call(block)}), expected)


def test_naive_webinar_time_without_zone_stops_the_build(tmp_path):
    data = call_yaml("2021-01-10 12:00", "Naive", webinar={"local": "2020-12-01 10:00"})
    assert_stops(
        build_with(tmp_path, {"naive": data}),
        "data/calls/naive.yml",
        'webinar: local: "2020-12-01 10:00" has no zone; add `zone:`',
    )


def test_every_problem_is_listed_at_once(tmp_path):
    calls = {
        "bad-call": raw_call('  local: "2020-13-02 17:00"\n  zone: Europe/Brussels'),
        "other": call_yaml("2021-01-10 12:00", "Other", zone="Mars/Olympus"),
    }
    result = build_with(tmp_path, calls)
    assert_stops(
        result, "2 problems", f"{FILE}:8: deadline.local:", 'data/calls/other.yml:9: deadline.zone: "Mars/Olympus"'
    )


def test_a_missing_translation_of_a_title_stops_the_build(tmp_path):
    data = call_yaml("2021-01-10 12:00", "Half")
    data["title"] = {"it": "Solo italiano"}
    assert_stops(
        build_with(tmp_path, {"half": data}),
        'data/calls/half.yml:10: title.en: the "en" text is missing; add a line `en: ...` under title:',
    )


def test_a_page_naming_an_unknown_call_stops_the_build(tmp_path):
    page = "---\ntitle: Chi siamo\ndescription: Chi siamo\ncall: clusters-go-internationl-2020\n---\n\n# Chi siamo\n"
    result = build_with(tmp_path, pages={"docs/chi-siamo.it.md": page})
    assert_stops(
        result,
        'docs/chi-siamo.it.md:4: call: "clusters-go-internationl-2020" names no file in data/calls/; '
        "expected one of: clusters-go-international-2020",
    )


def test_an_unknown_marker_stops_the_build(tmp_path):
    page = "---\ntitle: About\ndescription: About\n---\n\n# About\n\nText.\n\n<!-- call:dedline-text clusters-go-international-2020 -->\n"
    result = build_with(tmp_path, pages={"docs/chi-siamo.en.md": page})
    assert_stops(
        result,
        "docs/chi-siamo.en.md:10: <!-- call:dedline-text -->: is not a marker this site knows; "
        "did you mean <!-- call:deadline-text -->? expected one of: call:budget, call:deadline-sentence, call:deadline-text",
    )


def test_a_near_miss_of_a_marker_or_an_unclosed_comment_stops_the_build(tmp_path):
    page = (
        "---\ntitle: About\ndescription: About\n---\n\n# About\n\n<!-- Call:facts -->\n\n"
        "```\n<!-- cal:facts -->\n```\n\nText <!-- to check\n"
    )
    result = build_with(tmp_path, pages={"docs/chi-siamo.en.md": page})
    assert_stops(
        result,
        "docs/chi-siamo.en.md:8: <!-- Call:facts -->: is not a marker this site knows; "
        "did you mean <!-- call:facts -->?",
        "docs/chi-siamo.en.md:14: <!--: is never closed, so the page shows it as text",
    )
    assert "cal:facts" not in result.output  # in code: an example, not a marker


def test_a_marker_naming_an_unknown_call_stops_the_build(tmp_path):
    page = "---\ntitle: About\ndescription: About\n---\n\n# About\n\nDue <!-- call:deadline-text nope -->.\n"
    assert_stops(
        build_with(tmp_path, pages={"docs/chi-siamo.en.md": page}),
        'docs/chi-siamo.en.md:8: <!-- call:deadline-text -->: names "nope", which is not a call in data/calls/',
    )


@pytest.mark.parametrize(
    "value, expected",
    [
        ("yesterday", 'SITE_NOW: "yesterday" is not a date and time; write it in ISO 8601 with a UTC offset'),
        ("2020-11-20T12:00:00", 'SITE_NOW: "2020-11-20T12:00:00" has no UTC offset'),
    ],
)
def test_malformed_site_now_stops_the_build(tmp_path, value, expected):
    result = build_with(tmp_path, site_now=value)
    assert_stops(result, "environment variable SITE_NOW", expected)
    assert not (tmp_path / "site" / "index.html").exists()


def test_a_language_missing_a_calls_string_stops_the_build(tmp_path):
    project = make_site(tmp_path, {})
    english = project / "data" / "strings" / "en.yml"
    english.write_text(
        english.read_text(encoding="utf-8").replace("  add_to_calendar: Add to calendar\n", ""), encoding="utf-8"
    )
    result = build(project, tmp_path / "site", site_now=GOOD)
    line = next(
        n for n, text in enumerate(english.read_text(encoding="utf-8").splitlines(), 1) if text.startswith("calls:")
    )  # the block the missing key belongs in
    assert_stops(result, f"data/strings/en.yml:{line}: calls.add_to_calendar: is missing; translate the text at line")


@pytest.mark.parametrize(
    "title, where, character",
    [
        ('"Prova\\a"', "title.it", "U+0007 BELL"),  # lxml: "All strings must be XML compatible"
        ('"Prova\\udc80"', "title.it", "U+DC80"),  # the calendar files: "surrogates not allowed"
        ('"\\u202eavorP"', "title.it", "U+202E RIGHT-TO-LEFT OVERRIDE"),  # shown reversed
    ],
)
def test_a_character_no_writer_can_hold_stops_the_build_before_any_writer(tmp_path, title, where, character):
    data = raw_call('  local: "2020-12-02 17:00"\n  zone: Europe/Brussels').replace(
        "  it: Prova\n", f"  it: {title}\n", 1
    )
    result = build_with(tmp_path, {"bad-call": data})
    assert_stops(result, f"{FILE}:11: {where}: contains ", character)
