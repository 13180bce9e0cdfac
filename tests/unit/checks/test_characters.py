"""One rule for every text an editor writes (data, strings, front matter, mkdocs.yml, page bodies
outside code): control characters, lone surrogates, noncharacters and bidirectional controls are
refused, naming file, line, field and the character; zero-width characters too in terms, keys and
names. What passes, the writers (lxml's feeds, the calendar files' UTF-8) always accept."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from checkcopy import editable_copy
from sitekit.checks.siteconfig import read_layout
from sitekit.checks.validation import collect_problems
from sitekit.inputs.characters import NAME, TEXT, describe
from sitekit.problems import SiteDataError

CONTROLS = [chr(c) for c in [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)]]
BIDI = [chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]]
SURROGATES = [chr(c) for c in (0xD800, 0xDBFF, 0xDC80, 0xDFFF)]
FORBIDDEN = CONTROLS + BIDI + SURROGATES + ["\ufffe", "\uffff"]
ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]


def yaml_escape(char: str) -> str:
    """`char` as a double-quoted YAML escape: what puts it into a value past the YAML reader."""
    return f"\\u{ord(char):04x}"


# Where an editor writes text: (file, the text there, how the character is written into it, field)
PLACES = {
    "call title": (
        "data/calls/clusters-go-international-2020.yml",
        "  it: Clusters Go International 2020\n",
        lambda c: f'  it: "Clusters Go{yaml_escape(c)} International 2020"\n',
        "title.it",
    ),
    "strings": (
        "data/strings/en.yml",
        "  letters: ",
        lambda c: f'  letters: "A{yaml_escape(c)}Z"\n  x_letters: ',
        "glossary.letters",
    ),
    "front matter": (
        "docs/chi-siamo.en.md",
        "\ntitle: ",
        lambda c: f'\ntitle: "About{yaml_escape(c)}"\nx_title: ',
        "title",
    ),
    "mkdocs.yml": (
        "mkdocs.yml",
        "site_name: Clust-ER · Bandi europei",
        lambda c: f'site_name: "Clust-ER{yaml_escape(c)}"',
        "site_name",
    ),
    "page body": ("docs/chi-siamo.en.md", "\n# ", lambda c: f"\nA line with{c} in it.\n\n# ", "text"),
}


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return editable_copy(tmp_path_factory.mktemp("characters") / "project")


def problems_with(project, rel: str, old: str, new: str) -> list[str]:
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8", errors="surrogatepass")
    try:
        return [str(p) for p in collect_problems(read_layout(project / "mkdocs.yml"))]
    except SiteDataError as err:  # mkdocs.yml itself cannot be read
        return [str(p) for p in err.problems]
    finally:
        path.write_text(text, encoding="utf-8")


def line_holding(project, rel: str, old: str) -> int:
    text = (project / rel).read_text(encoding="utf-8")
    return text[: text.index(old) + 1].count("\n") + (0 if old.startswith("\n") else 1)


@pytest.mark.parametrize("place", PLACES)
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(char=st.sampled_from(FORBIDDEN))
def test_a_forbidden_character_is_refused_naming_file_line_field_and_character(project, place, char):
    rel, old, new, field = PLACES[place]
    if place == "page body" and (char in SURROGATES or char == "\r"):
        return  # a file cannot hold a surrogate (UTF-8 has none; the YAML escapes can); a CR is a line end
    problems = problems_with(project, rel, old, new(char))
    line = line_holding(project, rel, old) + (1 if old.startswith("\n") else 0)
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{rel}:{line}: {field}: contains "), problems
    assert f"U+{ord(char):04X}" in problems[0]


@pytest.mark.parametrize("char", ZERO_WIDTH)
def test_a_zero_width_character_in_a_term_or_key_is_refused(project, char):
    rel = "data/glossary.yml"
    term = problems_with(project, rel, "    term: ESCP-4i\n", f'    term: "ESCP{yaml_escape(char)}-4i"\n')
    line = line_holding(project, rel, "    term: ESCP-4i\n")
    assert term == [
        f"{rel}:{line}: escp-4i.it.term: contains the invisible character {describe(char)}, which a term, key or "
        "name cannot hold (it would never match); delete it (retype the word)"
    ]
    key = problems_with(project, rel, "\nescp-4i:\n", f'\n"escp{yaml_escape(char)}-4i":\n')
    assert len(key) == 1 and f"{describe(char)}, which a term, key or name cannot hold" in key[0], key


def test_a_zero_width_character_in_a_page_s_name_is_refused(project):
    page = project / "docs" / "chi-siamo.it.md"
    twin = page.with_name("chi\u200bsiamo.it.md")
    twin.write_text(page.read_text(encoding="utf-8"), encoding="utf-8")
    try:
        problems = [str(p) for p in collect_problems(read_layout(project / "mkdocs.yml"))]
    finally:
        twin.unlink()
    assert any("file name: contains the invisible character U+200B ZERO WIDTH SPACE" in p for p in problems), problems


def test_a_character_shown_as_code_or_written_plainly_passes(project):
    code = "\n```\nbidi\u202e demo\n```\n\nAn emoji family 👨\u200d👩\u200d👧, a tab:\tthere.\n\n# "
    assert problems_with(project, "docs/chi-siamo.en.md", "\n# ", code) == []
    crlf = (project / "docs/chi-siamo.en.md").read_text(encoding="utf-8").replace("\n", "\r\n")
    assert problems_with(project, "docs/chi-siamo.en.md", "", crlf) == []  # Windows line ends


def test_every_character_has_a_name_in_the_message():
    for char in FORBIDDEN + ZERO_WIDTH:
        assert re.fullmatch(r"U\+[0-9A-F]{4} \S.*", describe(char)), char
    assert describe("\u202e") == "U+202E RIGHT-TO-LEFT OVERRIDE"
    assert describe("\x07") == "U+0007 BELL"


@given(st.text(st.characters(codec="utf-8") | st.sampled_from(FORBIDDEN), max_size=40))
def test_whatever_the_rule_lets_through_the_writers_accept(text):
    if TEXT.search(text):
        return
    element = etree.Element("title")
    element.text = text  # lxml: "All strings must be XML compatible" otherwise
    assert text.encode("utf-8") is not None  # the calendar files: "surrogates not allowed" otherwise
    assert etree.tostring(element, encoding="unicode")


def test_the_rule_is_the_one_of_the_issue():
    for code in range(0x110000):
        char = chr(code)
        category = unicodedata.category(char)
        expected = (
            (category == "Cc" and char not in "\t\n") or category == "Cs" or char in BIDI or char in "\ufffe\uffff"
        )
        assert bool(TEXT.fullmatch(char)) == expected, hex(code)
        assert bool(NAME.fullmatch(char)) == (expected or char in ZERO_WIDTH), hex(code)
