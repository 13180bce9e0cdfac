"""Exact, minimal repairs to the HTML that Material's base.html emits and no template block reaches.

Each fix finds start tags with the standard-library HTML parser and rewrites only those tags,
leaving every other byte of the page as it was.
"""

from __future__ import annotations

from functools import lru_cache
from html import escape
from html.parser import HTMLParser


class _CheckboxAutocomplete(HTMLParser):
    """Collects (offset, raw text, attributes) of <input type=checkbox autocomplete=…> tags."""

    def __init__(self, line_starts: list[int]):
        super().__init__(convert_charrefs=True)
        self.line_starts = line_starts
        self.found: list[tuple[int, str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = dict(attrs)
        if tag == "input" and (names.get("type") or "").lower() == "checkbox" and "autocomplete" in names:
            line, column = self.getpos()
            self.found.append((self.line_starts[line - 1] + column, self.get_starttag_text() or "", attrs))

    handle_startendtag = handle_starttag


def _line_starts(text: str) -> list[int]:
    starts, offset = [0], 0
    for line in text.splitlines(keepends=True):
        offset += len(line)
        starts.append(offset)
    return starts


def _start_tag(tag: str, attrs: list[tuple[str, str | None]]) -> str:
    parts = [tag] + [name if value is None else f'{name}="{escape(value)}"' for name, value in attrs]
    return "<" + " ".join(parts) + ">"


# Material's base.html writes its two toggles first in <body>, before this label, outside any
# template block. Parsing only that stretch of a page (not the whole page) costs a few per cent.
_TOGGLES_END = '<label class="md-overlay"'


def drop_checkbox_autocomplete(html: str) -> str:
    """Remove `autocomplete` from checkbox inputs: HTML allows it only on text-like inputs and
    the W3C Nu checker reports it as an error (Material's drawer and search toggles carry it).
    In a page laid out by Material only the start of <body>, where its toggles are, is read."""
    body = html.find("<body")
    end = html.find(_TOGGLES_END, body) if body >= 0 else -1
    if end < 0:
        return _drop_in(html)
    return html[:body] + _drop_in(html[body:end]) + html[end:]


@lru_cache(maxsize=64)  # Material's toggles read the same on every page of a language
def _drop_in(html: str) -> str:
    parser = _CheckboxAutocomplete(_line_starts(html))
    parser.feed(html)
    parser.close()
    for offset, raw, attrs in reversed(parser.found):
        kept = [(name, value) for name, value in attrs if name != "autocomplete"]
        html = html[:offset] + _start_tag("input", kept) + html[offset + len(raw) :]
    return html
