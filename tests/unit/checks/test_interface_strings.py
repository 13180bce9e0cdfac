"""Interface strings checked against the code that formats them, whether or not a call is open."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest
from babel.dates import format_date, format_time
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT
from sitekit.checks.interface import PLACEHOLDERS, interface_problems
from sitekit.inputs.yamlfile import YamlDoc, load_yaml, parse_yaml

IT = ROOT / "data" / "strings" / "it.yml"


def problems_with(old: str, new: str) -> list[str]:
    text = IT.read_text(encoding="utf-8")
    assert old in text, old
    doc = parse_yaml(text.replace(old, new), "data/strings/it.yml")
    assert isinstance(doc, YamlDoc), doc
    return [str(p) for p in interface_problems(doc)]


def line(start: str) -> int:
    return next(n for n, text in enumerate(IT.read_text(encoding="utf-8").splitlines(), 1) if text.startswith(start))


def test_the_real_strings_have_no_problem():
    for path in sorted(IT.parent.glob("*.yml")):
        doc = load_yaml(path, path.name)
        assert isinstance(doc, YamlDoc), doc
        assert interface_problems(doc) == []


def test_every_placeholder_the_code_fills_is_in_the_real_strings():
    doc = load_yaml(IT)
    for loc, names in PLACEHOLDERS.items():
        value = doc.data
        for part in loc:
            value = value[part]
        assert all(f"{{{name}}}" in value for name in names), loc


@pytest.mark.parametrize(
    "old, new, expected",
    [
        (
            'time_left: "Tempo rimasto: {left}"',
            'time_left: "Tempo rimasto: {rimasto}"',
            [
                "{L}: calls.time_left: found {rimasto}, which the site does not fill in here; write only {left}",
                "{L}: calls.time_left: does not have {left}; write it where the value goes (placeholders stay as in "
                "the original, untranslated)",
            ],
        ),
        (
            'time_left: "Tempo rimasto: {left}"',
            'time_left: "Tempo rimasto: {lef}"',
            [
                "{L}: calls.time_left: found {lef}, which the site does not fill in here; did you mean `left`? "
                "(placeholders stay as in the original, untranslated)",
                "{L}: calls.time_left: does not have {left}; write it where the value goes (placeholders stay as in "
                "the original, untranslated)",
            ],
        ),
        (
            'time_left: "Tempo rimasto: {left}"',
            'time_left: "Tempo rimasto: {left"',
            [
                '{L}: calls.time_left: found a lone { or } in "Tempo rimasto: {left"; the site fills in only {left}: '
                "write those exactly, and no other brace"
            ],
        ),
        (
            'time_left: "Tempo rimasto: {left}"',
            "time_left: [Tempo, rimasto]",
            [
                "{L}: calls.time_left: found a list; expected one line of text: write it on the same line, in quotes "
                "if it starts with [ or {"
            ],
        ),
        (
            'time_left: "Tempo rimasto: {left}"',
            'time_left: "Tempo rimasto: {left} {date}"',
            ["{L}: calls.time_left: found {date}, which the site does not fill in here; write only {left}"],
        ),
        (
            "locale: it ",
            "locale: italiano ",
            [
                '{LOCALE}: calls.formats.locale: found "italiano", which is not a language code Babel knows; '
                "write one such as it, en, fr or pt_BR"
            ],
        ),
    ],
)
def test_a_wrong_string_is_reported_at_its_line(old, new, expected):
    where = {
        "{L}": f"data/strings/it.yml:{line('  time_left:')}",
        "{LOCALE}": f"data/strings/it.yml:{line('    locale:')}",
    }
    for key, value in where.items():
        expected = [e.replace(key, value) for e in expected]
    assert problems_with(old, new) == expected


@pytest.mark.parametrize(
    "new, says",
    [
        ('"Tempo rimasto: {left!r}"', "found {left!r}; a placeholder is its name alone between braces: write {left}"),
        ('"Tempo rimasto: {left:>99999}"', "found {left:>99999}; a placeholder is its name alone between braces"),
        ('"Tempo rimasto: {left!s:^9}"', "found {left!s:^9}; a placeholder is its name alone between braces"),
        ('"Tempo rimasto: {{left}}"', 'found {{ or }} in "Tempo rimasto: {{left}}", which shows as a brace'),
        ('"Tempo {{ rimasto: {left}"', 'found {{ or }} in "Tempo {{ rimasto: {left}", which shows as a brace'),
    ],
)
def test_a_placeholder_is_a_bare_name_between_single_braces(new, says):
    problems = problems_with('time_left: "Tempo rimasto: {left}"', f"time_left: {new}")
    assert problems and all(
        p.startswith(f"data/strings/it.yml:{line('  time_left:')}: calls.time_left: ") for p in problems
    )
    assert any(says in p for p in problems), problems


@pytest.mark.parametrize(
    "key, old, new, says",
    [
        (
            "date",
            "date: long ",
            'date: "dd/MM/YYYY" ',
            "shows 30/12/2025 for a day of 2024: the year must be the calendar year",
        ),
        ("date", "date: long ", 'date: "d MMMM" ', "shows 30 dicembre for a day of 2024"),
        ("date", "date: long ", 'date: "D/MM/y" ', "shows 365/12/2024: the day of the month (d) is missing"),
        ("date", "date: long ", 'date: "d y" ', "for another month too: the month (M or L) is missing"),
        ("time", 'time: "HH:mm"', 'time: "hh:mm"', "shows 05:00 for 17:00 and for 5:00 alike"),
        ("time", 'time: "HH:mm"', 'time: "HH"', "for 17:00 and for 17:30 alike: the minutes (mm) are missing"),
        ("time", 'time: "HH:mm"', 'time: "HH:MM"', "which Babel cannot read as a pattern; write one such as HH:mm"),
        ("month", 'month: "LLLL y"', 'month: "LLLL"', "shows dicembre for a day of 2024"),
        ("month", 'month: "LLLL y"', 'month: "LLLL YYYY"', "shows dicembre 2025 for a day of 2024"),
    ],
)
def test_a_babel_pattern_that_shows_a_wrong_or_partial_date_or_time_is_refused(key, old, new, says):
    problems = problems_with(old, new)
    assert len(problems) == 1 and problems[0].startswith(
        f"data/strings/it.yml:{line(f'    {key}:')}: calls.formats.{key}: found "
    ), problems
    assert says in problems[0], problems


@pytest.mark.parametrize(
    "old, new",
    [
        ("date: long ", 'date: "d/M/y" '),
        ("date: long ", "date: full "),
        ("date: long ", 'date: "EEEE d MMMM y" '),
        ('time: "HH:mm"', 'time: "h:mm a"'),
        ('time: "HH:mm"', "time: short"),
        ('month: "LLLL y"', 'month: "MM/y"'),
    ],
)
def test_a_pattern_that_shows_day_month_year_or_time_right_passes(old, new):
    assert problems_with(old, new) == []


# Babel's pattern letters for dates and times, with literal text between them
_DATE_LETTERS = st.sampled_from(
    ["d", "dd", "D", "M", "MM", "MMM", "MMMM", "L", "LLLL", "y", "yy", "yyyy", "Y", "YYYY", "E", "EEEE", "w", "u"]
)
_TIME_LETTERS = st.sampled_from(["H", "HH", "h", "hh", "K", "k", "a", "m", "mm", "s", "M", "B"])
_SEPARATORS = st.sampled_from([" ", "/", "-", ".", ", ", ":"])


def _pattern(letters) -> st.SearchStrategy[str]:
    return st.lists(st.tuples(letters, _SEPARATORS), min_size=1, max_size=4).map(
        lambda parts: "".join(a + b for a, b in parts).strip(" ,/-.:")
    )


@settings(max_examples=150, deadline=None)
@given(
    pattern=_pattern(_DATE_LETTERS),
    day=st.dates(date(1990, 1, 1), date(2060, 12, 31)),
    locale=st.sampled_from(["it", "en_GB", "fr"]),
)
def test_a_date_pattern_the_check_passes_shows_any_day_right(pattern, day, locale):
    doc = YamlDoc("data/strings/x.yml", {"calls": {"formats": {"locale": locale, "date": pattern}}})
    if interface_problems(doc):
        return
    shown = format_date(day, pattern, locale=locale)
    numbers = [int(n) for n in re.findall(r"\d+", shown)]
    assert day.year in numbers and day.day in numbers, (pattern, day, shown)
    assert [n for n in numbers if n >= 1000] == [day.year], (pattern, day, shown)
    assert format_date(day.replace(day=1, month=day.month % 12 + 1), pattern, locale=locale) != format_date(
        day.replace(day=1), pattern, locale=locale
    ), (pattern, day)


@settings(max_examples=150, deadline=None)
@given(pattern=_pattern(_TIME_LETTERS), hour=st.integers(0, 11), minute=st.integers(0, 58))
def test_a_time_pattern_the_check_passes_tells_morning_from_afternoon_and_the_minutes(pattern, hour, minute):
    doc = YamlDoc("data/strings/x.yml", {"calls": {"formats": {"locale": "it", "time": pattern}}})
    if interface_problems(doc):
        return

    def shown(h: int, m: int) -> str:
        return format_time(datetime(2020, 12, 2, h, m, tzinfo=UTC), pattern, locale="it")

    assert shown(hour, minute) != shown(hour + 12, minute), pattern
    assert shown(hour, minute) != shown(hour, minute + 1), pattern


@given(st.text(st.sampled_from("ab {}!r:>9left"), max_size=24))
def test_a_string_the_check_passes_is_filled_with_its_value_and_nothing_else(text):
    doc = YamlDoc("data/strings/x.yml", {"calls": {"time_left": text}})
    if interface_problems(doc):
        return
    filled = text.format(left="VALUE")
    assert filled == text.replace("{left}", "VALUE") and "{" not in filled and "}" not in filled


@pytest.mark.parametrize("pattern", ["d y E", "E d y"])
def test_a_date_pattern_with_a_weekday_but_no_month_is_refused(pattern):
    # 1 February and 1 March 2001 are both Thursdays: the day of the next month alone could not tell
    doc = YamlDoc("data/strings/x.yml", {"calls": {"formats": {"locale": "it", "date": pattern}}})
    [problem] = interface_problems(doc)
    assert "the month (M or L) is missing" in problem.message
