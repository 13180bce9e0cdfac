"""Interface strings checked against the code that formats them, whether or not a call is open."""

from __future__ import annotations

import pytest

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
