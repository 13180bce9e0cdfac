"""load_yaml parses a data file once and keeps dates as text and the line of every key."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from sitekit.inputs.yamlfile import MAX_DEPTH, load_yaml, parse_yaml
from sitekit.problems import Problem


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "call.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_dates_stay_text_and_keys_keep_their_lines(tmp_path):
    doc = load_yaml(
        write(
            tmp_path,
            "id: X-1\ndeadline:\n  local: 2020-12-02 17:00\n  zone: Europe/Brussels\n"
            "budget:\n  amount: 7500000\nlinks:\n  - a\n  - b\n",
        )
    )
    assert doc.data == {
        "id": "X-1",
        "deadline": {"local": "2020-12-02 17:00", "zone": "Europe/Brussels"},
        "budget": {"amount": 7500000},
        "links": ["a", "b"],
    }
    assert doc.line_of(("deadline", "local")) == 3
    assert doc.line_of(("budget", "amount")) == 6
    assert doc.line_of(("links", 1)) == 9
    assert doc.line_of(("deadline", "nonexistent")) == 2


def test_broken_yaml_is_a_problem_naming_file_and_line(tmp_path):
    problem = load_yaml(write(tmp_path, "id: X-1\ndeadline:\n  local: 2020-12-02\n zone: [\n"), "data/calls/x.yml")
    assert isinstance(problem, Problem)
    assert problem.file == "data/calls/x.yml" and problem.line in (3, 4) and problem.field == "YAML"


def test_empty_file_has_no_data(tmp_path):
    doc = load_yaml(write(tmp_path, ""))
    assert doc.data is None and doc.lines == {}


# -- bounded cost, YAML 1.2 as it looks -------------------------------------------------------------

LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(9)
)


@pytest.mark.parametrize(
    "text, line, words",
    [
        (LAUGHS, 1, "anchor or alias"),
        ("a: &a [*a]\n", 1, "anchor or alias"),
        ("a: 1\nb: *a\n", 2, "anchor or alias"),
        ("x: " + "[" * (MAX_DEPTH + 2) + "]" * (MAX_DEPTH + 2) + "\n", 1, f"nested more than {MAX_DEPTH} deep"),
        (
            "".join("  " * i + f"k{i}:\n" for i in range(MAX_DEPTH + 2)) + "  " * (MAX_DEPTH + 2) + "v\n",
            MAX_DEPTH + 2,
            f"more than {MAX_DEPTH} levels",
        ),
        ("a: !!python/object:os.system x\n", 1, "tag"),
        ("a: 1\n---\nb: 2\n", 1, "more than one document"),
        ("a: 1\nb: 2\u200b\x07\n", 2, "U+0007"),
        ("a:\n\tb: 1\n", 2, "indent with spaces"),
        ("title: Chi siamo: privacy\n", 1, "put the whole value in quotes"),
    ],
)
def test_costly_or_surprising_yaml_is_a_problem_with_its_line(text, line, words):
    tracemalloc.start()
    problem = parse_yaml(text, "data/x.yml")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert isinstance(problem, Problem), problem
    assert (problem.line, words in problem.message) == (line, True), str(problem)
    assert peak < 5_000_000, peak  # the time it takes: benchmarks/yaml_cost.py


def test_scalars_are_what_they_look_like():
    doc = parse_yaml(
        "a: yes\nb: 0x7500000\nc: 0750000\nd: 1:30\ne: 7_500_000\nf: 7500000\ng: true\n"
        "h: ~\ni: 2.5\nj: '12'\nk: no\nl: 2020-12-02\n",
        "x.yml",
    )
    assert doc.data == {
        "a": "yes",
        "b": "0x7500000",
        "c": "0750000",
        "d": "1:30",
        "e": "7_500_000",
        "f": 7500000,
        "g": True,
        "h": None,
        "i": 2.5,
        "j": "12",
        "k": "no",
        "l": "2020-12-02",
    }


def test_a_byte_order_mark_and_windows_line_ends_are_read_as_text_files():
    doc = parse_yaml("\ufeffa: 1\r\nb:\r\n  c: x\r\n", "x.yml")
    assert doc.data == {"a": 1, "b": {"c": "x"}} and doc.line_of(("b", "c")) == 3


def test_front_matter_lines_count_from_the_file():
    problem = parse_yaml("title: a\ntitle: b\n", "docs/p.it.md", first_line=2)
    assert str(problem) == (
        "docs/p.it.md:3: title: appears twice (lines 2 and 3); YAML would silently keep "
        "only the last one: keep one, or rename one"
    )


def test_an_alias_in_mkdocs_yml_is_a_problem_not_a_traceback(tmp_path):
    from sitekit.checks.siteconfig import read_layout
    from sitekit.problems import SiteDataError

    (tmp_path / "mkdocs.yml").write_text("site_name: &n x\nsite_description: *n\n", encoding="utf-8")
    with pytest.raises(SiteDataError) as err:
        read_layout(tmp_path / "mkdocs.yml")
    assert [str(p) for p in err.value.problems] == [
        "mkdocs.yml:1: site_name: uses an anchor or alias (&name, *name); this file does not allow them: "
        "write the value out in full"
    ]


# -- libyaml's parser, YAML 1.2's reading -----------------------------------------------------------


def test_yaml_is_parsed_by_libyaml():
    """The C parser (~50x the pure-Python one): a PyYAML without it would still read every file the
    same way, only slower, so nothing else would tell."""
    from yaml._yaml import CParser

    from sitekit.inputs import yamlfile

    assert yamlfile._Parser is CParser


@pytest.mark.parametrize(
    "text, line, character",
    [
        ("a: x\n\nb: x\x85y\n", 3, "U+0085"),  # YAML 1.1 reads a line end, 1.2 a character
        ("a: x\u2028y\n", 1, "U+2028"),
        ("a: x\nb: y\u2029\n", 2, "U+2029"),
        ("a: 1\n\ufeffb: 2\n", 2, "U+FEFF"),  # libyaml skips a byte-order mark at a line's start
    ],
)
def test_characters_yaml_versions_read_differently_are_refused_with_their_line(text, line, character):
    problem = parse_yaml(text, "data/x.yml")
    assert isinstance(problem, Problem), problem
    assert (problem.line, character in problem.message) == (line, True), str(problem)


def test_an_escaped_surrogate_is_refused_naming_its_field():
    problem = parse_yaml('title:\n  it: x\n  en: "About\\ud800"\n', "data/x.yml")
    assert isinstance(problem, Problem), problem
    assert (problem.line, problem.field, "U+D800" in problem.message) == (3, "title.en", True), str(problem)


@pytest.mark.parametrize(
    "text, line, words",
    [
        ("a: &é 1\n", 1, "anchor or alias"),  # a name libyaml (YAML 1.1) does not take for one
        ("a: *é\n", 1, "anchor or alias"),
        ("a: 1\n...\nb: 2\n", 3, "more than one document"),
        ("title: 'it''s' fine\n", 1, "text after the closing quote"),
        ("a: 1\n\tb: 2\n", 2, "indent with spaces"),
    ],
)
def test_libyaml_errors_are_said_in_editors_words(text, line, words):
    problem = parse_yaml(text, "data/x.yml")
    assert isinstance(problem, Problem), problem
    assert (problem.line, words in problem.message) == (line, True), str(problem)


def test_a_text_is_parsed_once_whatever_name_it_is_read_under():
    text = "title: Once\ndescription: under two names\n"
    first, second = parse_yaml(text, "docs/p.it.md", first_line=2), parse_yaml(text, "p.it.md", first_line=2)
    assert (first.path, second.path) == ("docs/p.it.md", "p.it.md")
    assert first.data is second.data and first.line_of(("description",)) == 3
    broken = "title: a\ntitle: b\n"
    assert [str(parse_yaml(broken, name, first_line=2)).split(":")[0] for name in ("docs/q.md", "q.md")] == [
        "docs/q.md",
        "q.md",
    ]


def test_a_parse_kept_on_disk_is_read_back_by_the_next_process_and_a_mistake_is_never_kept(tmp_path, monkeypatch):
    from sitekit.inputs import yamlfile

    monkeypatch.setattr(yamlfile, "_kept", [])
    yamlfile.keep_parses_in(tmp_path)
    text = "title: Bando\ndeadline:\n  local: 2020-12-02 17:00\n"
    first = yamlfile.parse_yaml(text, "data/calls/x.yml")
    kept = set(tmp_path.iterdir())
    assert len(kept) == 1

    yamlfile._parse_text.cache_clear()  # as in a new process: only the disk knows it
    monkeypatch.setattr(yamlfile, "parse_with_lines", lambda *args, **kwargs: pytest.fail("parsed again"))
    again = yamlfile.parse_yaml(text, "data/calls/x.yml")
    assert (again.data, again.lines) == (first.data, first.lines)
    monkeypatch.undo()
    monkeypatch.setattr(yamlfile, "_kept", [])
    yamlfile.keep_parses_in(tmp_path)

    yamlfile._parse_text.cache_clear()
    changed = yamlfile.parse_yaml(text.replace("Bando", "Bando 2"), "data/calls/x.yml")
    assert changed.data["title"] == "Bando 2"
    mistake = yamlfile.parse_yaml("title: [unclosed\n", "data/calls/x.yml")
    assert isinstance(mistake, Problem)
    assert len(set(tmp_path.iterdir())) == 2  # the changed text is kept; the mistake is not
    yamlfile._parse_text.cache_clear()
