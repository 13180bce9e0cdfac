"""Editors' markers in Markdown: `<!-- call:name -->` or `<!-- call:name other-call -->`.

An HTML comment survives Markdown and reads clearly in the source; a marker nothing handles is
an error, never silently left in the page.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

MARKER = re.compile(r"<!--\s*(?P<family>calls?):(?P<name>[\w-]*)(?:\s+(?P<arg>[^\s>]+))?\s*-->")
FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass(frozen=True)
class Marker:
    family: str  # "call" or "calls"
    name: str
    arg: str | None
    line: int  # 1-based, in the Markdown given

    @property
    def key(self) -> str:
        return f"{self.family}:{self.name}"


def replace_markers(markdown: str, render: Callable[[Marker], str]) -> str:
    """`markdown` with every marker outside fenced code replaced by `render(marker)`."""
    out, fenced = [], False
    for number, line in enumerate(markdown.splitlines(keepends=True), start=1):
        if FENCE.match(line):
            fenced = not fenced
        if not fenced:
            line = MARKER.sub(lambda m: render(Marker(m["family"], m["name"], m["arg"], number)), line)  # noqa: B023 (called at once)
        out.append(line)
    return "".join(out)


def front_matter_lines(source: str) -> int:
    """How many lines of YAML front matter (with its --- fences) precede the Markdown."""
    lines = source.splitlines()
    if not lines or lines[0].strip() != "---":
        return 0
    for index, line in enumerate(lines[1:], start=1):
        if line.strip() in ("---", "..."):
            return index + 1
    return 0


def front_matter_line(source: str, key: str) -> int | None:
    """Line of `key:` in the front matter, for error messages."""
    end = front_matter_lines(source)
    for index, line in enumerate(source.splitlines()[:end], start=1):
        if line.startswith(f"{key}:"):
            return index
    return None


def markdown_offset(source: str, markdown: str) -> int:
    """Lines of the source file before line 1 of `markdown` (front matter and the blank lines
    that MkDocs strips after it), so that messages point at the editor's line."""
    lines = source.splitlines()
    start = front_matter_lines(source)
    while start < len(lines) and not lines[start].strip():
        start += 1
    md_lines = markdown.splitlines()
    blank = next((index for index, line in enumerate(md_lines) if line.strip()), len(md_lines))
    return start - blank
