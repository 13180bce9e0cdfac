"""Interface strings (data/strings/<locale>.yml) checked against the code that uses them: each is
text; a string the code formats has the {placeholders} it fills in, each a bare name (no !conversion,
no :format, no {{ or }}); a Babel pattern is tried on probe instants (a date shows its day, month and
year right across a year end; a time tells 17:00 from 5:00 and shows the minutes); Babel knows the
locale code. Checked before every build, whether or not a call is open (a string only shown then
would fail only then)."""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_time

from ..inputs.yamlfile import YamlDoc
from ..messages import N_, _
from ..problems import Problem, shown_text
from .fielderrors import close_match

# Every string the code formats, with the placeholders it fills in (and where). A string uses each
# of them and no other: a translated name ({rimasto}) or a missing one would lose the value.
PLACEHOLDERS: dict[tuple[str, ...], frozenset[str]] = {
    ("publishing", "feed", "entry"): frozenset({"title", "status", "deadline"}),  # publish/feeds.py
    ("publishing", "feed", "summary"): frozenset({"summary", "deadline"}),  # publish/feeds.py
    ("calls", "formats", "moment"): frozenset({"date", "time", "zone"}),  # dates/formatting.py
    ("calls", "formats", "approximate"): frozenset({"part", "month"}),  # calls/view.py
    ("calls", "formats", "money_in_text"): frozenset({"amount", "currency"}),  # dates/formatting.py
    ("calls", "time_left"): frozenset({"left"}),  # calls/view.py
    ("calls", "closed_since"): frozenset({"date"}),  # calls/view.py
    ("calls", "opens_on"): frozenset({"moment"}),  # calls/view.py
    ("calls", "opens_in"): frozenset({"left"}),  # calls/view.py, countdown.js
    ("calls", "labelled_after"): frozenset({"value", "label"}),  # partials (fill): the deadline sentence
    ("calls", "sentence", "forthcoming"): frozenset({"deadline", "opening"}),  # partials (fill)
    ("calls", "sentence", "open"): frozenset({"deadline"}),  # partials (fill)
    ("calls", "sentence", "closing"): frozenset({"deadline"}),  # partials (fill)
    ("calls", "sentence", "closed"): frozenset({"deadline"}),  # partials (fill)
    ("calls", "closed_notice", "text"): frozenset({"date"}),  # calls/view.py
    ("calls", "documents", "checked"): frozenset({"date"}),  # calls/view.py
    ("calls", "documents", "missing"): frozenset({"roles", "id"}),  # calls/view.py
    ("calls", "updates", "item"): frozenset({"what", "word", "deadline", "previous"}),  # calls/view.py
    ("calls", "your_zone"): frozenset({"moment"}),  # docs/assets/js/countdown.js
    ("calls", "webinar", "to_be_announced"): frozenset({"when"}),  # calls/view.py
    ("calls", "webinar", "starts_in"): frozenset({"left"}),  # calls/view.py
    ("calls", "webinar", "ended"): frozenset({"date"}),  # calls/view.py
    ("calls", "calendar", "deadline"): frozenset({"title"}),  # calls/pages.py
    ("calls", "calendar", "webinar"): frozenset({"title"}),  # calls/pages.py
    ("calls", "calendar", "stage"): frozenset({"title", "label"}),  # calls/pages.py
    ("calls", "webinar", "took_place"): frozenset({"when"}),  # calls/view.py
    ("calls", "labelled"): frozenset({"label", "value"}),  # partials (fill): box, index
    ("calls", "zone_note"): frozenset({"city", "zone", "offset"}),  # dates/formatting.py
    ("calls", "index", "closed"): frozenset({"year"}),  # calls/pages.py
    ("calls", "index", "count"): frozenset({"count"}),  # calls/pages.py
    ("publishing", "feed", "stage"): frozenset({"label", "deadline"}),  # publish/feeds.py
    ("publishing", "feed", "moved"): frozenset({"deadline", "word", "previous"}),  # publish/feeds.py
    ("glossary", "expansion"): frozenset({"expansion"}),  # partials/glossary.html (fill)
    ("glossary", "sources"): frozenset({"links"}),  # partials/glossary.html (fill)
    ("site", "published_by"): frozenset({"publisher"}),  # partials/copyright.html
    ("site", "last_updated"): frozenset({"date"}),  # main.html
    ("site", "printed"): frozenset({"date"}),  # main.html, print.js
    ("calls", "print_state"): frozenset({"date", "state"}),  # calls/view.py, countdown.js
    ("quality", "result"): frozenset({"date", "version", "pages", "problems"}),  # theme/lastcheck.py
    ("quality", "item"): frozenset({"check", "result"}),  # theme/lastcheck.py
}
# Every Babel pattern the code renders, with what it must show (and where): "date" (day, month,
# year), "month" (month and year), "time" (hours, minutes, morning or afternoon).
BABEL_PATTERNS: dict[tuple[str, ...], str] = {
    ("calls", "formats", "date"): "date",  # dates/formatting.py format_day
    ("calls", "formats", "time"): "time",  # dates/formatting.py format_moment
    ("calls", "formats", "month"): "month",  # dates/formatting.py format_month
}
# Babel patterns and codes, not Python format strings.
BABEL_LOCALE = ("calls", "formats", "locale")
NOT_FORMATTED = {BABEL_LOCALE, *BABEL_PATTERNS, ("calls", "formats", "money_currency")}

# Days around year ends, where a week-based year (YYYY) differs from the calendar year, and a day
# that differs from its day of the year (D).
_PROBE_DAYS = (date(2024, 12, 30), date(2025, 1, 2), date(2021, 1, 3), date(2026, 12, 31), date(2020, 12, 2))
_DIGITS = re.compile(r"\d+")


def interface_problems(doc: YamlDoc) -> list[Problem]:
    """Every problem of one language's strings file."""
    problems: list[Problem] = []
    for loc, value in leaves(doc.data):
        field = ".".join(str(part) for part in loc)
        line = doc.line_of(loc)
        if not isinstance(value, str):
            problems.append(
                Problem(
                    doc.path,
                    line,
                    field,
                    _(
                        "found {found}; expected one line of text: write it on the same line, in quotes if it starts "
                        "with [ or {{"
                    ).format(found=shown_text(value)),
                )
            )
        elif loc == BABEL_LOCALE:
            problems.extend(_locale_problem(doc, line, field, value))
        elif loc in BABEL_PATTERNS:
            problems.extend(_pattern_problems(doc, line, field, value, BABEL_PATTERNS[loc]))
        elif loc not in NOT_FORMATTED:
            problems.extend(_placeholder_problems(doc, line, field, value, PLACEHOLDERS.get(loc, frozenset())))
    return problems


def leaves(data: Any, loc: tuple = ()) -> Iterator[tuple[tuple, Any]]:
    """(key path, value) of every value that is not a block of keys."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from leaves(value, loc + (key,))
    elif loc:
        yield loc, data


def _placeholder_problems(
    doc: YamlDoc, line: int | None, field: str, text: str, known: frozenset[str]
) -> list[Problem]:
    try:
        fields = [(name, spec, conversion) for _text, name, spec, conversion in string.Formatter().parse(text)]
    except ValueError:
        return [
            Problem(
                doc.path,
                line,
                field,
                _(
                    'found a lone {{ or }} in "{text}"; the site fills in only {names}: write those exactly, and no '
                    "other brace"
                ).format(text=text, names=_names(known)),
            )
        ]
    used = {name for name, _spec, _conversion in fields if name is not None}
    problems = []
    if "{{" in text or "}}" in text:
        problems.append(
            Problem(
                doc.path,
                line,
                field,
                _(
                    'found {{{{ or }}}} in "{text}", which shows as a brace; write a placeholder with one brace on '
                    "each side ({names}), and no other brace"
                ).format(text=text, names=_names(known)),
            )
        )
    for name, spec, conversion in fields:
        if name is not None and (spec or conversion):
            written = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
            problems.append(
                Problem(
                    doc.path,
                    line,
                    field,
                    _("found {found}; a placeholder is its name alone between braces: write {placeholder}").format(
                        found=written, placeholder=f"{{{name}}}"
                    ),
                )
            )
    for name in sorted(used - known):
        close = close_match(name, known) if known else None
        message = (
            _(
                "found {found}, which the site does not fill in here; did you mean `{name}`? "
                "(placeholders stay as in the original, untranslated)"
            )
            if close
            else _("found {found}, which the site does not fill in here; write only {names}")
        )
        problems.append(
            Problem(doc.path, line, field, message.format(found=f"{{{name}}}", name=close, names=_names(known)))
        )
    for name in sorted(known - used):
        problems.append(
            Problem(
                doc.path,
                line,
                field,
                _(
                    "does not have {placeholder}; write it where the value goes (placeholders stay as in the "
                    "original, untranslated)"
                ).format(placeholder=f"{{{name}}}"),
            )
        )
    return problems


def _names(known: frozenset[str]) -> str:
    return ", ".join(f"{{{name}}}" for name in sorted(known)) or _("no {{placeholder}}").format()


def _locale_problem(doc: YamlDoc, line: int | None, field: str, code: str) -> list[Problem]:
    try:
        Locale.parse(code)
    except (UnknownLocaleError, ValueError, TypeError):
        return [
            Problem(
                doc.path,
                line,
                field,
                _(
                    "found {found}, which is not a language code Babel knows; write one such as it, en, fr or pt_BR"
                ).format(found=shown_text(code)),
            )
        ]
    return []


def _pattern_problems(doc: YamlDoc, line: int | None, field: str, pattern: str, kind: str) -> list[Problem]:
    """A Babel pattern rendered on probe instants in the file's own locale: what it must show, right."""
    locale = _file_locale(doc)
    if locale is None:
        return []  # the locale's own problem is reported; nothing to render with
    try:
        wrong = _time_wrong(pattern, locale) if kind == "time" else _date_wrong(pattern, locale, kind == "date")
    except Exception:
        wrong = (N_("found {found}, which Babel cannot read as a pattern; write one such as {example}"), {})
    if wrong is None:
        return []
    message, values = wrong
    example = {"date": "d MMMM y", "month": "LLLL y", "time": "HH:mm"}[kind]
    return [Problem(doc.path, line, field, _(message).format(found=shown_text(pattern), example=example, **values))]


def _file_locale(doc: YamlDoc) -> Locale | None:
    code: Any = doc.data
    for part in BABEL_LOCALE:
        code = code.get(part) if isinstance(code, dict) else None
    try:
        return Locale.parse(code) if isinstance(code, str) else None
    except (UnknownLocaleError, ValueError, TypeError):
        return None


_Wrong = tuple[str, dict[str, Any]] | None


def _date_wrong(pattern: str, locale: Locale, with_day: bool) -> _Wrong:
    for day in _PROBE_DAYS:
        shown = format_date(day, pattern, locale=locale)
        numbers = [int(n) for n in _DIGITS.findall(shown)]
        if [n for n in numbers if n >= 1000] != [day.year]:
            message = N_(
                "found {found}, which shows {shown} for a day of {year}: the year must be the calendar year "
                "(y, not Y), in full; write one such as {example}"
            )
            return message, {"shown": shown, "year": day.year}
        if with_day and day.day not in numbers:
            message = N_(
                "found {found}, which shows {shown}: the day of the month (d) is missing; write one such as {example}"
            )
            return message, {"shown": shown}
        # The same day of every other month of the year: a weekday (E) alone can tell two months apart
        # (1 February and 1 March 2001 are both Thursdays), a month name or number always does.
        first = day.replace(day=min(day.day, 28))
        shown_first = format_date(first, pattern, locale=locale)
        if any(
            format_date(first.replace(month=month), pattern, locale=locale) == shown_first
            for month in range(1, 13)
            if month != first.month
        ):
            message = N_(
                "found {found}, which shows {shown} for another month too: the month (M or L) is missing; "
                "write one such as {example}"
            )
            return message, {"shown": shown}
    return None


def _time_wrong(pattern: str, locale: Locale) -> _Wrong:
    def shown(hour: int, minute: int) -> str:
        return format_time(datetime(2020, 12, 2, hour, minute, tzinfo=UTC), pattern, locale=locale)

    if shown(17, 0) == shown(5, 0):
        message = N_(
            "found {found}, which shows {shown} for 17:00 and for 5:00 alike: write the hours from 0 to 23 (HH), "
            "or add the morning or afternoon (a); e.g. {example}"
        )
        return message, {"shown": shown(17, 0)}
    if shown(17, 0) == shown(17, 30):
        message = N_(
            "found {found}, which shows {shown} for 17:00 and for 17:30 alike: the minutes (mm) are missing; "
            "write one such as {example}"
        )
        return message, {"shown": shown(17, 0)}
    return None
