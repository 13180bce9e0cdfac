"""No traceback reaches an editor: generated call files, glossaries, strings files and front matter,
valid and invalid, are either accepted or reported as `file:line: field: message`, never raised.
Hypothesis with a fixed seed (derandomize) and a bounded number of examples, so `make test` is
repeatable and quick."""

from __future__ import annotations

import io
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from sitekit.calls.model import Call, load_call
from sitekit.checks.frontmatter import front_matter_problems
from sitekit.checks.interface import interface_problems
from sitekit.glossary.model import load_glossary
from sitekit.inputs.yamlfile import parse_yaml
from sitekit.problems import Problem, SiteDataError

LOCALES = ["it", "en"]
SETTINGS = settings(
    max_examples=60,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
# What a schema or YAML library says, which an editor should never have to read.
JARGON = re.compile(
    r"Input should|valid dictionary|instance of|pydantic|Value error|ScannerError|ParserError|"
    r"mapping values|could not find expected|type="
)
MESSAGE = re.compile(r"^[^\n:]+(:\d+)?: [^\n]+?: \S[^\n]*$")

# What editors type by mistake, or what a pull request from outside could carry.
TRICKY = st.sampled_from(
    [
        ":",
        ": ",
        "&a ",
        "*a",
        "!!python/object ",
        "{",
        "}",
        "[",
        "]",
        "\t",
        "\u200b",
        "\ufeff",
        '"',
        "'",
        "\n",
        "\n  ",
        "- ",
        "#",
        "%",
        "@",
        "`",
        "---\n",
        "\x07",
        "<b>",
        "{left}",
        "1:30",
        "0x10",
        "010",
        "yes",
        "~",
        "2020-02-30 17:00",
        "9999-12-31 23:59",
        "Europe/Bruxelles",
    ]
)
TEXT = st.text(st.characters(blacklist_categories=["Cs"]), max_size=12) | TRICKY
JUNK = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**15), 10**15) | st.floats(allow_nan=False) | TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=6,
)


def maybe(valid) -> st.SearchStrategy:
    return st.one_of(st.just(valid), JUNK) if not isinstance(valid, st.SearchStrategy) else st.one_of(valid, JUNK)


def texts(value: str) -> st.SearchStrategy:
    return st.fixed_dictionaries({"it": maybe(value), "en": maybe(value)}) | JUNK


MOMENT = st.fixed_dictionaries(
    {
        "local": maybe(st.sampled_from(["2020-12-02 17:00", "2021-03-28 02:30", "2020-10-25 02:30"])),
        "zone": maybe("Europe/Brussels"),
    }
)
CALL = st.fixed_dictionaries(
    {
        "id": maybe("COS-1"),
        "programme": maybe("COSME"),
        "funder": maybe(st.just("EC") | texts("Commissione")),
        "budget": maybe(
            st.fixed_dictionaries({"amount": maybe(st.sampled_from([7500000, "7_500_000"])), "currency": maybe("EUR")})
        ),
        "deadline": maybe(MOMENT),
        "title": texts("Titolo"),
        "summary": texts("Sintesi"),
    },
    optional={
        "opening": maybe(MOMENT),
        "webinar": maybe(
            st.fixed_dictionaries(
                {},
                optional={
                    "approximate": maybe("2020-11"),
                    "part": maybe("early"),
                    "local": maybe("2020-11-05 10:00"),
                    "zone": maybe("Europe/Brussels"),
                    "registration": maybe(False),
                },
            )
        ),
        "links": maybe(
            st.dictionaries(
                st.sampled_from(["a", "b c", "1"]),
                st.fixed_dictionaries({"url": maybe("https://example.org/"), "title": texts("Sito")}),
                max_size=2,
            )
        ),
        "dealine": JUNK,
    },
)
TERM = st.fixed_dictionaries(
    {"term": maybe("PMI"), "definition": maybe("Piccole e medie imprese.")},
    optional={"expansion": maybe("Piccole e medie imprese"), "aliases": maybe(["PMI"])},
)
GLOSSARY = st.dictionaries(
    st.sampled_from(["pmi", "escp-4i", "Bad Key"]) | TEXT,
    maybe(
        st.fixed_dictionaries(
            {"it": maybe(TERM), "en": maybe(TERM)},
            optional={"links": maybe([{"url": "https://x.org/", "title": {"it": "x", "en": "x"}}])},
        )
    ),
    max_size=3,
)
STRINGS = st.fixed_dictionaries(
    {
        "calls": maybe(
            st.fixed_dictionaries(
                {
                    "time_left": maybe(
                        st.sampled_from(
                            ["Tempo rimasto: {left}", "{rimasto}", "{left", "{}", "{0}", "{left.x}", "{left!z}"]
                        )
                    ),
                    "formats": maybe(
                        st.fixed_dictionaries(
                            {
                                "locale": maybe(st.sampled_from(["it", "xx_YY", "en-GB"])),
                                "moment": maybe("{date}, ore {time} {zone}"),
                            }
                        )
                    ),
                }
            )
        )
    }
)
FRONT_MATTER = st.fixed_dictionaries(
    {"title": maybe("Titolo"), "description": maybe("Descrizione")},
    optional={
        "call": maybe("test-call"),
        "hide": maybe(["toc"]),
        "search": maybe({"exclude": True}),
        "status": JUNK,
        "template": JUNK,
        "icon": JUNK,
    },
)


def dump(data) -> str:
    out = io.StringIO()
    YAML(typ="safe", pure=True).dump(data, out)
    return out.getvalue()


@st.composite
def yaml_text(draw, data: st.SearchStrategy) -> str:
    """The data as YAML, sometimes with a few of the characters editors mistype put in."""
    text = dump(draw(data))
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(TRICKY) + text[at + draw(st.integers(0, 2)) :]
    return text


def assert_reported(problems, text: str) -> None:
    lines = text.count("\n") + 1
    for problem in problems:
        assert isinstance(problem, Problem), problem
        assert MESSAGE.match(str(problem)), str(problem)
        assert problem.message.strip(), str(problem)  # an empty field shows as "(no name)"
        assert not JARGON.search(problem.message), str(problem)
        assert problem.line is None or 1 <= problem.line <= lines + 1, (str(problem), lines)


@SETTINGS
@given(text=yaml_text(CALL))
def test_a_generated_call_file_is_accepted_or_reported(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("call") / "test-call.yml"
    path.write_text(text, encoding="utf-8")
    result = load_call(path, "data/calls/test-call.yml", LOCALES)
    if not isinstance(result, Call):
        assert result, "refused without a word"
        assert_reported(result, text)


@SETTINGS
@given(text=yaml_text(GLOSSARY))
def test_a_generated_glossary_is_accepted_or_reported(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("glossary") / "glossary.yml"
    path.write_text(text, encoding="utf-8")
    try:
        load_glossary(path, path.parent, LOCALES)
    except SiteDataError as err:
        assert_reported(err.problems, text)


@SETTINGS
@given(text=yaml_text(STRINGS))
def test_a_generated_strings_file_is_accepted_or_reported(text):
    doc = parse_yaml(text, "data/strings/it.yml")
    problems = [doc] if isinstance(doc, Problem) else interface_problems(doc)
    assert_reported(problems, text)


@SETTINGS
@given(text=yaml_text(FRONT_MATTER))
def test_generated_front_matter_is_accepted_or_reported(tmp_path_factory, text):
    page = tmp_path_factory.mktemp("page") / "p.it.md"
    source = f"---\n{text}---\n\n# Titolo\n"
    page.write_text(source, encoding="utf-8")
    assert_reported(front_matter_problems(page, "docs/p.it.md", {"test-call"}), source)
