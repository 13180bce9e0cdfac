"""Editors' markers in Markdown: `<!-- call:name -->` or `<!-- call:name other-call -->`.

An HTML comment survives Markdown and reads clearly in the source; a marker nothing handles is
an error, never silently left in the page. Markers are found in the HTML that Markdown made of the
page, not in its source: Markdown itself has then decided what is code (fenced with ``` or ~~~ in
any nesting, indented, inline), and a marker written in code is there as text (`&lt;!--`), never as
a comment. A comment that looks like a marker but is none (`<!-- Call:facts -->`) and a `<!--`
that is never closed (Markdown leaves it as text) are reported with a "did you mean".
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from html.parser import HTMLParser

from ..messages import _

COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)
MARKER = re.compile(r"\s*(?P<family>calls?):(?P<name>[\w-]*)(?:\s+(?P<arg>[^\s>]+))?\s*\Z")
# What an editor may have meant as a marker: a word, a colon, a name (and an argument).
LOOKS_LIKE = re.compile(r"\s*(?P<key>[A-Za-z][\w-]*\s*:\s*[\w-]*)(?:\s+[^\s>]+)?\s*\Z")
OPENING = "<!--"


@dataclass(frozen=True)
class Marker:
    family: str  # "call" or "calls"
    name: str
    arg: str | None
    text: str  # the whole comment, as written: finds its line in the source

    @property
    def key(self) -> str:
        return f"{self.family}:{self.name}"


@dataclass(frozen=True)
class MarkerMistake:
    text: str  # as written, to find its line
    field: str
    message: str


def replace_markers(
    html: str,
    render: Callable[[Marker], str],
    known: Iterable[str] = (),
    report: Callable[[MarkerMistake], None] = lambda mistake: None,
    own: re.Pattern[str] | None = None,
) -> str:
    """`html` (what Markdown made of a page) with each marker comment replaced by `render(marker)`;
    a near miss of one of the `known` markers, or a `<!--` never closed, goes to `report`. A comment
    that `own` matches whole (the site's own stand-ins) is left as it is, and is no near miss."""
    known = sorted(set(known))

    def one(match: re.Match) -> str:
        marker = MARKER.match(match[1])
        if marker:
            return render(Marker(marker["family"], marker["name"], marker["arg"], match[0]))
        if own is not None and own.fullmatch(match[0]):
            return match[0]
        mistake = near_miss(match[0], match[1], known)
        if mistake is not None:
            report(mistake)
        return match[0]

    out = COMMENT.sub(one, html) if OPENING in html else html
    if "&lt;!--" in html:
        for text in unclosed_openings(html):
            report(
                MarkerMistake(
                    text,
                    OPENING,
                    _("is never closed, so the page shows it as text; end the comment with -->, or remove it"),
                )
            )
    return out


def near_miss(comment: str, body: str, known: list[str]) -> MarkerMistake | None:
    """A comment written like one of the `known` markers but not quite (capitals, a typo)."""
    shape = LOOKS_LIKE.match(body)
    if not shape or any(body.strip().startswith(key) for key in known):
        return None
    written = re.sub(r"\s+", "", shape["key"])
    close = difflib.get_close_matches(written.lower(), known, n=1, cutoff=0.75)
    if not close:
        return None
    return MarkerMistake(
        comment,
        comment.strip(),
        _(
            "is not a marker this site knows; did you mean {marker}? (markers are written in lower case, exactly)"
        ).format(marker=f"<!-- {close[0]} -->"),
    )


class _TextOutsideCode(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.in_code = 0
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("code", "pre", "kbd", "samp"):
            self.in_code += 1

    def handle_endtag(self, tag):
        if tag in ("code", "pre", "kbd", "samp") and self.in_code:
            self.in_code -= 1

    def handle_data(self, data):
        if not self.in_code and OPENING in data:
            self.found.append(data[data.index(OPENING) :].split("\n", 1)[0].strip())


def unclosed_openings(html: str) -> list[str]:
    """The text from each `<!--` that Markdown left as text outside code (a comment never closed)."""
    parser = _TextOutsideCode()
    parser.feed(html)
    parser.close()
    return parser.found


def line_in(source: str, text: str) -> int | None:
    """The 1-based line of the first `text` in `source`, for messages."""
    at = source.find(text)
    return source.count("\n", 0, at) + 1 if at >= 0 else None


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
