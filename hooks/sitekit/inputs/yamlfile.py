"""Load a YAML file and remember the line of every key, so that errors can point at it."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

if TYPE_CHECKING:  # the C loader has the same interface; mypy wants a static base class
    SafeLoader = yaml.SafeLoader
else:  # libyaml when installed: 10x faster
    SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

from ..problems import Problem
from .filecache import read_text


@dataclass
class YamlDoc:
    path: str
    data: Any
    lines: dict[tuple, int] = field(default_factory=dict)  # key path -> 1-based line

    def line_of(self, loc: tuple) -> int | None:
        """Line of the deepest known key on `loc` (a pydantic-style location tuple)."""
        for end in range(len(loc), -1, -1):
            if tuple(loc[:end]) in self.lines:
                return self.lines[tuple(loc[:end])]
        return None


class _LineLoader(SafeLoader):
    """SafeLoader that keeps every scalar as YAML 1.1 would, except dates and times stay text:
    editors write "2020-12-02 17:00", and the call model parses it with a clear message."""


# Dates and timestamps stay strings; the models parse them and explain what went wrong.
_LineLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def parse_with_lines(text: str, loader_class: type = _LineLoader) -> tuple[yaml.Node | None, Any, dict[tuple, int]]:
    """(node tree, data, key path -> 1-based line) of one YAML document, parsed once: the node
    tree gives the lines, the same tree gives the data. Raises yaml.YAMLError."""
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    lines: dict[tuple, int] = {}
    if node is not None:
        _walk(node, (), lines)
    return node, data, lines


def _walk(node: yaml.Node, loc: tuple, lines: dict[tuple, int]) -> None:
    lines.setdefault(loc, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            child = loc + (key.value,)
            lines[child] = key.start_mark.line + 1
            _walk(value, child, lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, loc + (index,), lines)


def _first_duplicate_key(node: yaml.Node) -> tuple[str, int, int] | None:
    """(key, first line, second line) of the first key written twice in one mapping."""
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key, value in node.value:
            line = key.start_mark.line + 1
            if key.value in seen:
                return key.value, seen[key.value], line
            seen[key.value] = line
            found = _first_duplicate_key(value)
            if found:
                return found
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            found = _first_duplicate_key(item)
            if found:
                return found
    return None


def load_yaml(path: Path, display_path: str | None = None) -> YamlDoc | Problem:
    """The parsed file with its key lines, or a Problem saying why it is not valid YAML."""
    shown = display_path or str(path)
    try:
        text = read_text(path)
    except (OSError, UnicodeDecodeError) as err:
        return unreadable(shown, err)
    return parse_yaml(text, shown)


def unreadable(shown: str, err: OSError | UnicodeDecodeError) -> Problem:
    """The Problem of a file that cannot be read as text."""
    return Problem(shown, None, "file", f"cannot be read ({err}); save it as UTF-8 text")


def parse_yaml(text: str, shown: str, first_line: int = 1) -> YamlDoc | Problem:
    """Parse YAML `text` that starts on line `first_line` of the file `shown` (front matter: 2)."""
    try:
        node, data, lines = parse_with_lines(text, _LineLoader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark
        return Problem(shown, mark.line + first_line if mark else None, "YAML",
                       f"{err.problem}; check the indentation and quotes on this line")
    if node is not None:
        twice = _first_duplicate_key(node)
        if twice:
            key, first, second = twice
            return Problem(shown, second + first_line - 1, str(key),
                           f"appears twice (lines {first + first_line - 1} and {second + first_line - 1}); "
                           "YAML would silently keep only the last one: keep one, or rename one")
    if first_line != 1:
        lines = {loc: line + first_line - 1 for loc, line in lines.items()}
    return YamlDoc(shown, data, lines)
