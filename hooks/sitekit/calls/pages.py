"""What the calls hook does to one language's pages: markers, the deadline box, link definitions.

Plain Python over plain values: the hook hands in the page's Markdown and front matter and a
`render(template, **values)` function for the Jinja2 partials; problems are collected, not raised,
so that one build reports every marker and front matter mistake at once.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import count
from typing import Any, Callable, Iterator, Mapping
from urllib.parse import urlsplit

from ..problems import Problem
from .ics import CalendarEntry, calendar_file
from .markers import Marker, MarkerMistake, front_matter_line, line_in, replace_markers
from .model import Call
from .view import (budget_text, deadline_view, event_view, facts_view, index_order, links_view,
                   reference_links, with_calendar)

Render = Callable[..., str]
FIRST_HEADING = re.compile(r"^# .*$", re.MULTILINE)
# Stand-ins for the deadline box, which goes in after search has read the page.
BOX = "call-box"
STAND_IN = re.compile(rf"<!-- ({BOX}):\d+ -->")
CALENDAR_DIR = "calendar"
REMINDER = timedelta(days=1)


@dataclass
class PageSource:
    """The parts of a MkDocs page this module needs."""
    markdown: str
    meta: Mapping[str, Any]
    url: str  # "bandi/x/" or "en/bandi/x/"
    shown_path: str  # "docs/bandi/x/index.it.md", for messages
    source: str | Callable[[], str]  # the whole file, front matter included, or how to read it

    def source_text(self) -> str:
        """The whole file, read only when a message needs a line number."""
        if callable(self.source):
            self.source = self.source()
        return self.source


@dataclass
class CallPages:
    calls: dict[str, Call]
    locale: str
    prefix: str  # "" or "en/": this language's folder below the site root
    strings: Mapping[str, Any]  # the `calls` block of this language's strings
    now: datetime
    closing_days: float
    site_url: str
    render: Render
    page_url_exists: Callable[[str], bool] = lambda url: False
    other_markers: tuple[str, ...] = ()  # markers other hooks handle (the glossary's), for "did you mean"
    problems: list[Problem] = field(default_factory=list)
    _read: dict[str, tuple[PageSource, Call | None]] = field(default_factory=dict, repr=False)  # url: page
    _deadlines: dict[str, dict[str, Any]] = field(default_factory=dict, repr=False)
    _blocks: dict[str, str] = field(default_factory=dict, repr=False)  # stand-in: block of HTML
    _block_numbers: Iterator[int] = field(default_factory=count, repr=False)

    # -- pages ------------------------------------------------------------------------------

    def page_markdown(self, page: PageSource) -> str:
        """The page's Markdown with the box on top and link definitions below (its markers are
        replaced in the HTML Markdown makes of it: `page_content`)."""
        call = self._page_call(page)
        self._read[page.url] = (page, call)
        markdown = page.markdown
        if call is None:
            return markdown
        box = self.render("partials/call-deadline-box.html", box=self._deadline(call, page.url))
        markdown = _after_first_heading(markdown, "\n" + self._block(box, kind=BOX) + "\n")
        return markdown.rstrip("\n") + "\n\n" + reference_links(call, self.locale) + "\n"

    def _page_call(self, page: PageSource) -> Call | None:
        slug = page.meta.get("call")
        if slug is None:
            return None
        if isinstance(slug, str) and slug in self.calls:
            return self.calls[slug]
        self.problems.append(Problem(page.shown_path, front_matter_line(page.source_text(), "call"), "call",
                                     f'"{slug}" is not a call in data/calls/; expected one of: {self._known()}'))
        return None

    def _marker(self, marker: Marker, page_call: Call | None, page: PageSource) -> str:
        handler = MARKERS.get(marker.key)

        def line() -> int | None:  # the file is read again only for a message
            return line_in(page.source_text(), marker.text)

        if handler is None:
            close = difflib.get_close_matches(marker.key, MARKERS, n=1, cutoff=0.6)
            hint = f"did you mean <!-- {close[0]} -->? " if close else ""
            self.problems.append(Problem(page.shown_path, line(), f"<!-- {marker.key} -->",
                                         f"is not a marker this site knows; {hint}expected one of: "
                                         f"{', '.join(sorted(MARKERS))}"))
            return ""
        if marker.family == "calls":
            return handler(self, None, page.url)
        call = self.calls.get(marker.arg) if marker.arg else page_call
        if call is None:
            found = f'names "{marker.arg}", which is not a call in data/calls/' if marker.arg else "names no call"
            self.problems.append(Problem(page.shown_path, line(), f"<!-- {marker.key} -->",
                                         f"{found}; expected `call: <call>` in the front matter or "
                                         f"<!-- {marker.key} <call> --> with one of: {self._known()}"))
            return ""
        return handler(self, call, page.url)

    def _known(self) -> str:
        return ", ".join(sorted(self.calls)) or "(no calls yet)"

    # -- markers ----------------------------------------------------------------------------

    def _deadline(self, call: Call, page_url: str) -> dict[str, Any]:
        href = self._href(f"{self.prefix}{CALENDAR_DIR}/{call.slug}-deadline.ics", page_url)
        view = self._deadlines.get(call.slug)
        if view is None:  # formatted once per call and build: the box, facts, text and index reuse it
            view = self._deadlines[call.slug] = deadline_view(call, self.locale, self.strings, self.now,
                                                              self.closing_days)
        return with_calendar(view, href)

    def facts(self, call: Call, page_url: str) -> str:
        view = facts_view(call, self.locale, self.strings, self._deadline(call, page_url))
        return self.render("partials/call-facts.html", facts=view)

    def deadline_text(self, call: Call, page_url: str) -> str:
        return _one_line(self.render("partials/call-deadline.html", deadline=self._deadline(call, page_url)))

    def budget(self, call: Call, page_url: str) -> str:
        return _one_line(self.render("partials/call-budget.html", budget=budget_text(call, self.strings)))

    def webinar(self, call: Call, page_url: str) -> str:
        if call.webinar is None:
            return ""
        href = self._href(f"{self.prefix}{CALENDAR_DIR}/{call.slug}-webinar.ics", page_url)
        view = event_view(call, call.webinar, "webinar", self.strings, self.now, href)
        return self.render("partials/call-deadline-box.html", box=view)

    def links(self, call: Call, page_url: str) -> str:
        return self.render("partials/call-links.html", links=links_view(call, self.locale, self.strings))

    def index(self, _call: None, page_url: str) -> str:
        items = []
        for call in index_order(list(self.calls.values()), self.now, self.closing_days):
            target = f"{self.prefix}bandi/{call.slug}/"
            items.append({
                "title": call.title[self.locale],
                "summary": call.summary[self.locale],
                "href": self._href(target, page_url) if self.page_url_exists(target) else None,
                "deadline": self._deadline(call, page_url),
            })
        return self.render("partials/calls-index.html", calls=items, strings=self.strings)

    # -- calendar files ---------------------------------------------------------------------

    def calendar_files(self) -> dict[str, bytes]:
        """{path below the site root: .ics bytes} for every deadline and every event with a time."""
        host = urlsplit(self.site_url).hostname or "localhost"
        product = f"-//{host}//calls//{self.locale.upper()}"
        out: dict[str, bytes] = {}
        for call in self.calls.values():
            title = call.title[self.locale]
            page = f"{self.site_url.rstrip('/')}/{self.prefix}bandi/{call.slug}/"
            entries = [("deadline", call.deadline.instant, self.strings["calendar"]["deadline"])]
            if call.webinar is not None and call.webinar.instant is not None:
                entries.append(("webinar", call.webinar.instant, self.strings["calendar"]["webinar"]))
            for kind, start, summary in entries:
                entry = CalendarEntry(uid=f"{call.slug}-{kind}@{host}", start=start,
                                      summary=summary.format(title=title), description=call.summary[self.locale],
                                      url=page, reminder=REMINDER if kind == "deadline" else None)
                out[f"{self.prefix}{CALENDAR_DIR}/{call.slug}-{kind}.ics"] = calendar_file(
                    entry, self.now, product, self.locale)
        return out

    # -- markers, in the HTML Markdown made of the page; the deadline box, after search -------

    def page_content(self, html: str, url: str) -> str:
        """The HTML of the page at `url` with its markers replaced (code, where Markdown left them
        as text, untouched); near misses and unclosed comments become problems."""
        if url not in self._read:  # a page whose Markdown this build did not read (serve --dirty)
            return html
        page, call = self._read.pop(url)

        def report(mistake: MarkerMistake) -> None:
            if STAND_IN.fullmatch(mistake.text):
                return  # the deadline box's own stand-in
            self.problems.append(Problem(page.shown_path, line_in(page.source_text(), mistake.text),
                                         mistake.field, mistake.message))

        return replace_markers(html, lambda marker: self._marker(marker, call, page),
                               [*MARKERS, *self.other_markers], report)

    def _block(self, html: str, kind: str = BOX) -> str:
        """A stand-in for a block of HTML that Markdown never parses: `page_boxes` puts it in."""
        token = f"<!-- {kind}:{next(self._block_numbers)} -->"
        self._blocks[token] = _one_block(html).strip("\n")
        return "\n\n" + token + "\n\n"

    def page_boxes(self, html: str) -> str:
        """The page's HTML with its deadline box, put in after the search index has read the page:
        a countdown as of the build ("Tempo rimasto: 12 giorni") is no text to find, and the same
        box would open the search result of every page of the call. (The facts keep the deadline.)"""
        return self._put_in(html, BOX)

    def _put_in(self, html: str, kind: str) -> str:
        if f"<!-- {kind}:" not in html:
            return html
        return STAND_IN.sub(lambda m: self._blocks.pop(m[0], m[0]) if m[1] == kind else m[0], html)

    def _href(self, target: str, page_url: str) -> str:
        """`target` (below the site root) relative to the page at `page_url`, as MkDocs links."""
        base = [part for part in page_url.split("/")[:-1] if part not in ("", ".")]
        parts = target.split("/")
        common = 0
        while common < min(len(base), len(parts) - 1) and base[common] == parts[common]:
            common += 1
        return "../" * (len(base) - common) + "/".join(parts[common:]) or "./"


MARKERS: dict[str, Callable[[CallPages, Call | None, str], str]] = {
    "call:facts": CallPages.facts,
    "call:deadline-text": CallPages.deadline_text,
    "call:budget": CallPages.budget,
    "call:webinar": CallPages.webinar,
    "call:links": CallPages.links,
    "calls:index": CallPages.index,
}


def _one_line(html: str) -> str:
    """Inline HTML on one line, so that Markdown keeps it inside the sentence."""
    return "".join(part.strip() for part in html.splitlines() if part.strip())


def _one_block(html: str) -> str:
    """A block of raw HTML with no blank line inside (a blank line would end it for Markdown)."""
    return "\n\n" + "\n".join(line for line in html.splitlines() if line.strip()) + "\n\n"


def _after_first_heading(markdown: str, block: str) -> str:
    match = FIRST_HEADING.search(markdown)
    if match is None:
        return block + markdown
    return markdown[:match.end()] + "\n" + block + markdown[match.end():]
