"""Interface strings (data/strings/<locale>.yml) checked against the code that uses them: each is
text, its {placeholders} are the ones the code fills in, and Babel knows its locale code. Checked
before every build, whether or not a call is open (a string only shown then would fail only then)."""

from __future__ import annotations

import string
from collections.abc import Iterator
from typing import Any

from babel import Locale, UnknownLocaleError

from ..inputs.yamlfile import YamlDoc
from ..messages import _
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
    ("quality", "result"): frozenset({"date", "version", "pages", "problems"}),  # theme/lastcheck.py
    ("quality", "item"): frozenset({"check", "result"}),  # theme/lastcheck.py
}
# Babel patterns and codes, not Python format strings.
BABEL_LOCALE = ("calls", "formats", "locale")
NOT_FORMATTED = {
    BABEL_LOCALE,
    ("calls", "formats", "date"),
    ("calls", "formats", "time"),
    ("calls", "formats", "month"),
    ("calls", "formats", "money_currency"),
}


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
        used = {name for _text, name, _spec, _conversion in string.Formatter().parse(text) if name is not None}
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
    problems = []
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
