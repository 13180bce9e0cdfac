"""load_yaml parses a data file once and keeps dates as text and the line of every key."""
from __future__ import annotations

from pathlib import Path

from sitekit.inputs.yamlfile import load_yaml
from sitekit.problems import Problem


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "call.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_dates_stay_text_and_keys_keep_their_lines(tmp_path):
    doc = load_yaml(write(tmp_path, "id: X-1\ndeadline:\n  local: 2020-12-02 17:00\n  zone: Europe/Brussels\n"
                                    "budget:\n  amount: 7500000\nlinks:\n  - a\n  - b\n"))
    assert doc.data == {"id": "X-1", "deadline": {"local": "2020-12-02 17:00", "zone": "Europe/Brussels"},
                        "budget": {"amount": 7500000}, "links": ["a", "b"]}
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
