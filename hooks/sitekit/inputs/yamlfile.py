"""Read YAML at a bounded cost and remember the line of every key, so that errors can point at it.

Every YAML file the build reads (call files, glossary, strings, front matter, mkdocs.yml for the
checks) goes through `parse_with_lines`: libyaml's parser (PyYAML's C extension, `yaml._yaml.CParser`)
gives the events, with the line of each, and the data is built here from them, in one pass, by
YAML 1.2's rules, so that:
- anchors and aliases are refused (a 500-byte file of nested aliases would expand to gigabytes);
- nesting is at most MAX_DEPTH deep, a file holds one document, explicit tags are refused;
- scalars are what they look like: `yes`, `0x10`, `010`, `1:30` and dates stay text; only plain
  `true`/`false`, `null`/`~`, whole numbers written plainly and decimal numbers are not text;
- the characters YAML 1.1 reads as line ends and YAML 1.2 as text (U+0085, U+2028, U+2029) are
  refused with the control characters, never read either way.
The cost is linear in the size of the file. Each text is parsed once per process (`parse_yaml`), and
once for all processes where a build says where to keep parses (`keep_parses_in`): what a text is
parsed to is kept on disk under the text itself, its mistakes never (their message is in the
language of the day).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from yaml.error import MarkedYAMLError, YAMLError
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.reader import ReaderError

from ..messages import N_, _, language
from ..problems import Problem
from .characters import NAME, TEXT, describe, forbidden_message
from .diskmemo import DiskMemo, source_version
from .filecache import read_text

MAX_DEPTH = 20  # mappings and lists inside each other; the deepest data file here uses 5

_NULL = {"", "~", "null", "Null", "NULL"}
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\Z")
_FLOAT = re.compile(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?\Z")

# The characters a YAML stream cannot hold (YAML 1.2, 5.1: C0 and C1 controls but tab and line ends,
# surrogates, U+FFFE/U+FFFF), refused before parsing, with the line they are on; also U+0085, U+2028
# and U+2029, which libyaml (YAML 1.1) reads as line ends where YAML 1.2 reads text, and a byte-order
# mark at the start of a line after the first (or after another), which libyaml skips where YAML 1.2
# keeps it.
_UNREADABLE = re.compile(
    "[^\t\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|(?<=[\n\r\ufeff])\ufeff"
)
try:  # libyaml, through PyYAML's C extension (every PyYAML wheel carries it): ~50x the pure parser
    from yaml._yaml import CParser as _Parser

    _BYTES = True  # its reader counts positions in UTF-8 bytes
except ImportError:  # pragma: no cover - PyYAML built without libyaml: the same events, slower
    from yaml import SafeLoader as _Parser  # type: ignore[assignment]

    _BYTES = False


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


class YamlProblem(Exception):
    """What makes a text unusable as data, at a 1-based line of the text, in editors' words."""

    def __init__(self, line: int | None, message: str, field: str = "YAML"):
        super().__init__(message)
        self.line, self.message, self.field = line, message, field


class _EscapeProblem(YamlProblem):
    """A double-quoted escape of a character no text may hold ("\\ud800"): the builder names its field."""


_ANCHOR = N_("uses an anchor or alias (&name, *name); this file does not allow them: write the value out in full")
_MORE_DOCUMENTS = N_("holds more than one document (a line `---` inside the file); keep one, without `---` lines")
_TAB = N_(
    "found a character that cannot start a value here (a tab?); indent with "
    "spaces and put values starting with @ or ` in quotes"
)

_DOCUMENT_END = re.compile(r"^\.\.\.[ \t]*(?:#.*)?$", re.MULTILINE)

# What the parser says, and what editors read instead (the first match wins; translated at use).
_PARSER_WORDS = [
    (
        "mapping values are not allowed",
        N_(
            "a `:` followed by a space inside a value; put the whole value in "
            'quotes ("..."), or check the indentation of this line'
        ),
    ),
    ("cannot start any token", _TAB),
    ("tab character", _TAB),  # libyaml: "found a tab character that violates indentation"
    # libyaml allows fewer characters in an anchor's name than YAML 1.2: `&é` is an anchor all the same
    ("scanning an anchor", _ANCHOR),
    ("scanning an alias", _ANCHOR),
    ("expected <document start>", _MORE_DOCUMENTS),  # after a line `...` (else: _parser_problem)
    ("unknown escape character", N_("a backslash (\\) inside double quotes; use single quotes ('...') or write \\\\")),
    ("end of stream", N_("a quote or a bracket is opened but never closed; close it on this line")),
    ("found duplicate anchor", N_("the same &name is written twice; write each value out instead")),
]
_AFTER_QUOTE = N_(
    "has text after the closing quote; put the whole value inside the quotes, or remove what follows them"
)
_PARSER_FALLBACK = N_("the indentation or the brackets do not line up; check this line and the one above it")


def parse_with_lines(text: str, tags: bool = False, first_line: int = 1) -> tuple[Any, dict[tuple, int]]:
    """(data, key path -> line) of one YAML document whose first line is line `first_line` of its
    file. With `tags`, an explicit tag (MkDocs' !ENV, !relative) makes its value None instead of a
    problem. Raises YamlProblem."""
    _check_flow_depth(text, first_line)
    events = _events(text, first_line)
    lines: dict[tuple, int] = {}
    builder = _Builder(events, lines, tags, first_line)
    try:
        next(events)  # stream start
        start = next(events)
        if isinstance(start, StreamEndEvent):
            return None, lines
        data = builder.node((), 0)
        next(events)  # document end
        if isinstance(next(events), DocumentStartEvent):
            raise YamlProblem(
                start.start_mark.line + first_line,
                _(_MORE_DOCUMENTS),
            )
    except StopIteration:  # pragma: no cover - the parser always ends the stream
        return None, lines
    return data, lines


def _check_flow_depth(text: str, first_line: int) -> None:
    """Brackets nested deeper than MAX_DEPTH, refused before parsing: the parser's cost grows with
    the square of their depth (1 KB of `[` took half a second)."""
    depth, quote = 0, ""
    for index, char in enumerate(text):
        if char == "\n":
            quote = ""  # an apostrophe in plain text (dell'Emilia) quotes nothing past its line
        elif quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise YamlProblem(
                    text.count("\n", 0, index) + first_line,
                    _(
                        "has brackets nested more than {depth} deep; data here needs far fewer: "
                        "check the [ and {{ on this line"
                    ).format(depth=MAX_DEPTH),
                )
        elif char in "]}" and depth:
            depth -= 1


def _events(text: str, first_line: int) -> Iterator[Any]:
    """The parser's events, its errors as YamlProblems."""
    unreadable = _UNREADABLE.search(text)
    if unreadable is not None:
        raise _unreadable(text, unreadable.start(), unreadable.group(), first_line)
    parser = _Parser(text)
    try:
        while parser.check_event():
            yield parser.get_event()
    except ReaderError as err:  # pragma: no cover - _UNREADABLE finds each character first
        index = len(text.encode("utf-8")[: err.position].decode("utf-8", "ignore")) if _BYTES else err.position
        raise _unreadable(text, index, chr(err.character), first_line) from None
    except MarkedYAMLError as err:
        raise _parser_problem(text, err, first_line) from None
    except YAMLError as err:  # pragma: no cover - every parser error above carries a mark
        raise YamlProblem(None, _(_PARSER_FALLBACK)) from err
    finally:
        parser.dispose()


def _parser_problem(text: str, err: MarkedYAMLError, first_line: int) -> YamlProblem:
    """What the parser said, in editors' words, at its line."""
    mark = err.problem_mark or err.context_mark
    if mark is None:  # pragma: no cover - libyaml marks every error
        return YamlProblem(None, _(_PARSER_FALLBACK))
    said = f"{err.problem or ''} {err.context or ''}"
    escaped = _escaped_character(text, mark) if "invalid Unicode character escape" in said else None
    if escaped is not None:  # libyaml refuses the escape of a surrogate, which YAML 1.2 reads
        return _EscapeProblem(mark.line + first_line, forbidden_message(escaped))
    message = next((words for key, words in _PARSER_WORDS if key in said), _PARSER_FALLBACK)
    lines = text.splitlines()
    here = lines[mark.line] if mark.line < len(lines) else ""
    if message == _MORE_DOCUMENTS and not _DOCUMENT_END.search("\n".join(lines[: mark.line])):
        message = _PARSER_FALLBACK  # libyaml's words for any text after a whole value: `''s'`
    field = "YAML"
    if message == _PARSER_FALLBACK and _after_closing_quote(text, mark.line, mark.column):
        message = _AFTER_QUOTE
        key = re.match(r"\s*(?:-\s+)?([^\s:#][^:#]*?)\s*:", here)
        field = key.group(1) if key else field
    elif message == _PARSER_FALLBACK and "\t" in here:
        message = _TAB
    return YamlProblem(mark.line + first_line, _(message), field)


def _escaped_character(text: str, mark: Any) -> str | None:
    """The character of the escape (\\xXX, \\uXXXX, \\UXXXXXXXX) whose digits start at `mark`."""
    lines = text.splitlines()
    if mark is None or mark.line >= len(lines) or mark.column < 1:
        return None
    line = lines[mark.line]
    digits = line[mark.column : mark.column + {"x": 2, "u": 4, "U": 8}.get(line[mark.column - 1], 0)]
    try:
        return chr(int(digits, 16))
    except ValueError:  # not hexadecimal digits, or past U+10FFFF
        return None


def _unreadable(text: str, index: int, character: str, first_line: int) -> YamlProblem:
    return YamlProblem(
        text.count("\n", 0, index) + first_line,
        _(
            "contains the invisible character {character}, which a data file cannot hold; delete it (retype the line)"
        ).format(character=describe(character)),
    )


def _after_closing_quote(text: str, line: int, column: int) -> bool:
    """The parser stopped right after a quoted value on its line: `title: "Prova" (bis)`."""
    lines = text.splitlines()
    return line < len(lines) and lines[line][:column].rstrip().endswith(('"', "'"))


class _Builder:
    def __init__(self, events: Iterator[Any], lines: dict[tuple, int], tags: bool, first_line: int):
        self.events, self.lines, self.tags, self.first_line = events, lines, tags, first_line

    def node(self, loc: tuple, depth: int, event: Any = None) -> Any:
        event = event or self._next(loc)
        line = event.start_mark.line + self.first_line
        self.lines.setdefault(loc, line)
        if isinstance(event, AliasEvent) or getattr(event, "anchor", None):
            raise YamlProblem(
                line,
                _(_ANCHOR),
                _field(loc),
            )
        if depth > MAX_DEPTH:
            raise YamlProblem(
                line,
                _("is nested more than {depth} levels deep; data here needs far fewer: check the indentation").format(
                    depth=MAX_DEPTH
                ),
                _field(loc[:2]),
            )
        tag = getattr(event, "tag", None)
        if tag not in (None, "!"):
            if not self.tags:
                raise YamlProblem(
                    line,
                    _(
                        "has the tag {tag}; this file does not use tags: remove it "
                        "(put the value in quotes to make it text)"
                    ).format(tag=tag),
                    _field(loc),
                )
            self._skip(event)
            return None
        if isinstance(event, ScalarEvent):
            self._check_characters(event, loc, TEXT)
            return scalar(event.value, plain=not event.style)
        if isinstance(event, SequenceStartEvent):
            items: list[Any] = []
            while not isinstance(child := self._next(loc + (len(items),)), SequenceEndEvent):
                items.append(self.node(loc + (len(items),), depth + 1, child))
            return items
        return self._mapping(loc, depth)

    def _mapping(self, loc: tuple, depth: int) -> dict:
        mapping: dict[Any, Any] = {}
        key_lines: dict[Any, int] = {}
        while not isinstance(key_event := self._next(loc), MappingEndEvent):
            line = key_event.start_mark.line + self.first_line
            if not isinstance(key_event, ScalarEvent) or getattr(key_event, "anchor", None):
                raise YamlProblem(
                    line,
                    _(
                        "has a key that is not plain text (a list, a block or an alias before "
                        "`:`); write a name, then `:`"
                    ),
                    _field(loc),
                )
            self._check_characters(key_event, loc, NAME)
            key = scalar(key_event.value, plain=not key_event.style)
            if key == "<<" and not key_event.style:
                raise YamlProblem(
                    line,
                    _("is a merge key (<<:), which copies fields from elsewhere; write the fields out in full instead"),
                    _field(loc + ("<<",)),
                )
            if key in key_lines:
                raise YamlProblem(
                    line,
                    _(
                        "appears twice (lines {first} and {second}); YAML would silently keep only "
                        "the last one: keep one, or rename one"
                    ).format(first=key_lines[key], second=line),
                    str(key),
                )
            key_lines[key] = line
            self.lines[loc + (key,)] = line
            mapping[key] = self.node(loc + (key,), depth + 1)
        return mapping

    def _next(self, loc: tuple) -> Any:
        """The next event, for the value at `loc`: a character refused in an escape is that value's."""
        try:
            return next(self.events)
        except _EscapeProblem as err:
            err.field = _field(loc)
            raise

    def _check_characters(self, event: Any, loc: tuple, pattern: re.Pattern[str]) -> None:
        """A value (or key) holding a character no published text may hold (inputs.characters):
        double-quoted escapes ("\\a", "\\udc80", "\\u202e") put them past the reader's own check."""
        found = pattern.search(event.value)
        if found is None:
            return
        # a value written over several lines: the line the character is on, as near as the text tells
        line = event.start_mark.line + self.first_line + event.value.count("\n", 0, found.start())
        raise YamlProblem(line, forbidden_message(found.group()), _field(loc))

    def _skip(self, event: Any) -> None:
        """Pass over the rest of a tagged value (MkDocs' `!ENV [NAME, default]`)."""
        open_ = 1 if isinstance(event, (SequenceStartEvent, MappingStartEvent)) else 0
        while open_:
            event = next(self.events)
            if isinstance(event, (SequenceStartEvent, MappingStartEvent)):
                open_ += 1
            elif isinstance(event, (SequenceEndEvent, MappingEndEvent)):
                open_ -= 1


def scalar(value: str, plain: bool = True) -> Any:
    """A scalar as it looks: quoted or block text is text; a plain one is None, a boolean, a whole
    number written plainly (no leading zero, no 0x), a decimal number, or else text."""
    if not plain:
        return value
    if value in _NULL:
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _INT.match(value):
        return int(value)
    if _FLOAT.match(value):
        return float(value)
    return value


def _field(loc: tuple) -> str:
    return ".".join(str(part) for part in loc) or "YAML"


def load_yaml(path: Path, display_path: str | None = None) -> YamlDoc | Problem:
    """The parsed file with its key lines, or a Problem saying why it is not valid YAML."""
    shown = display_path or str(path)
    try:
        text = read_text(path)
    except UnicodeDecodeError as err:
        return Problem(
            shown,
            None,
            _("file"),
            _("is not UTF-8 text (byte {byte} cannot be read); save it again choosing the UTF-8 encoding").format(
                byte=err.start
            ),
        )
    except OSError as err:
        return Problem(
            shown,
            None,
            _("file"),
            _("cannot be read ({reason}); check that it exists and is a file").format(reason=err.strerror or err),
        )
    return parse_yaml(text, shown)


def parse_yaml(text: str, shown: str, first_line: int = 1) -> YamlDoc | Problem:
    """Parse YAML `text` that starts on line `first_line` of the file `shown` (front matter: 2).
    The data is shared with every other reader of the same text: read it, never change it."""
    parsed = _parse_text(text, first_line, language())
    if isinstance(parsed, Problem):
        return Problem(shown, parsed.line, parsed.field, parsed.message)
    return YamlDoc(shown, *parsed)


# The checks, several hooks and both language builds read the same texts, under names of their own
# (a page is docs/x.it.md to the checks, x.it.md to MkDocs): each text is parsed once per process,
# whoever asks (per language of the messages, `messages_in`). Bounded far above any site's number
# of files (an LRU smaller than what a build reads in turn would find nothing), so that a long
# `mkdocs serve` does not keep every text ever saved.
@lru_cache(maxsize=65536)
def _parse_text(text: str, first_line: int, messages_in: str) -> tuple[Any, dict[tuple, int]] | Problem:
    key = f"{first_line}\0{text}"
    kept = _kept[0].get(key) if _kept else None
    if isinstance(kept, tuple):
        return kept
    try:
        parsed = parse_with_lines(text.removeprefix("\ufeff"), first_line=first_line)
    except YamlProblem as err:
        return Problem("", err.line, err.field, err.message)
    if _kept:
        _kept[0].put(key, parsed)
    return parsed


_kept: list[DiskMemo] = []  # where parses are kept between processes, once a build says


def keep_parses_in(folder: Path) -> None:
    """Keep what texts parse to in `folder` (sitekit.inputs.cachedir's "yaml"), and read it back:
    ~0.3 ms a text (the data files and every page's front matter) becomes a file read. The key is the
    text; the version, this module's and the characters' rules and PyYAML's and libyaml's versions."""
    here = Path(__file__).parent
    libyaml = getattr(sys.modules.get("yaml._yaml"), "get_version_string", lambda: "none")()
    version = source_version(
        here / "yamlfile.py", here / "characters.py", yaml.__version__, _Parser.__module__, libyaml
    )
    if _kept and _kept[0].folder == folder and _kept[0].version == version:
        return
    _kept[:] = [DiskMemo(folder, version)]
