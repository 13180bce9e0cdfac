"""What the calls hook does to one language's pages: markers, the deadline box, link definitions.

Plain Python over plain values: the hook hands in the page's Markdown and front matter and a
`render(template, **values)` function for the Jinja2 partials; problems are collected, not raised,
so that one build reports every marker and front matter mistake at once.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from html import escape
from itertools import count
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from ..dates.formatting import format_number, zone_note
from ..inputs.diskmemo import DiskMemo
from ..messages import _
from ..problems import Problem
from .ics import CalendarEntry, calendar_file
from .markers import Marker, MarkerMistake, front_matter_line, line_in, replace_markers
from .model import Call, Deadline
from .urls import CALLS_FOLDER, FEED_FILE
from .view import (
    budget_in_text,
    closed_notice_view,
    deadline_sentence,
    deadline_view,
    documents_view,
    event_view,
    facts_view,
    index_groups,
    index_order,
    official_page,
    programme_choices,
    reference_links,
    updates_view,
    way_view,
    with_calendar,
)

Render = Callable[..., str]
FIRST_HEADING = re.compile(r"^# .*$", re.MULTILINE)
# Stand-ins for the deadline box, which goes in after search has read the page.
BOX = "call-box"
STAND_IN = re.compile(rf"<!-- ({BOX}):\d+ -->")
CALENDAR_DIR = "calendar"
ALL_DEADLINES = "calls.ics"  # every deadline of every call, in one calendar file per language
DEADLINE_ANCHOR = "call-deadline"  # the id of the deadline box on a call's main page
DOCUMENTS_ANCHOR = "call-documents"
UPDATES_ANCHOR = "call-updates"
FILTER_CSS = "assets/css/calls-filter.css"  # below the site root: the index's filter by programme
REMINDER = timedelta(days=1)


@dataclass
class PageSource:
    """The parts of a MkDocs page this module needs."""

    markdown: str
    meta: Mapping[str, Any]
    url: str  # "bandi/x/" or "en/bandi/x/"
    shown_path: str  # "docs/bandi/x/index.it.md", for messages
    source: str | Callable[[], str]  # the whole file, front matter included, or how to read it
    title: str | None = None  # the page's title, for the way around a call

    def source_text(self) -> str:
        """The whole file, read only when a message needs a line number."""
        if callable(self.source):
            self.source = self.source()
        return self.source


# {locale: {(call, context): deadline view}} made by the last build of each language (CallPages._kept_view)
_last_views: dict[str, dict[tuple[str, str], dict[str, Any]]] = {}


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
    home_closed: int = 3  # how many closed calls the home page names before the link to the archive
    other_markers: tuple[str, ...] = ()  # markers other hooks handle (the glossary's), for "did you mean"
    problems: list[Problem] = field(default_factory=list)
    _read: dict[str, tuple[PageSource, Call | None]] = field(default_factory=dict, repr=False)  # url: page
    _call_pages: dict[str, dict[str, str]] = field(default_factory=dict, repr=False)  # slug: {url: title}
    _read_urls: set[str] = field(default_factory=set, repr=False)  # every page this build read
    _deadlines: dict[str, dict[str, Any]] = field(default_factory=dict, repr=False)
    _views: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict, repr=False)  # this build's
    _views_before: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict, repr=False)
    _view_context: str = field(default="", repr=False)  # what a view depends on besides its call
    _blocks: dict[str, str] = field(default_factory=dict, repr=False)  # stand-in: block of HTML
    _block_numbers: Iterator[int] = field(default_factory=count, repr=False)

    def __post_init__(self) -> None:
        self._views_before = _last_views.get(self.locale, {})
        _last_views[self.locale] = self._views  # filled by this build, read by the next
        self._view_context = f"{self.now.isoformat()}|{self.closing_days}|{self.strings!r}"

    # -- pages ------------------------------------------------------------------------------

    def page_markdown(self, page: PageSource) -> str:
        """The page's Markdown with the box on top and link definitions below (its markers are
        replaced in the HTML Markdown makes of it: `page_content`)."""
        call = self._page_call(page)
        self._read[page.url] = (page, call)
        self._read_urls.add(page.url)
        markdown = page.markdown
        if call is None:
            return markdown
        own_page = self.is_call_page(page.url, call.slug)
        main_page = page.url == self._call_url(call)
        if own_page:
            self._call_pages.setdefault(call.slug, {})[page.url] = (
                page.title or page.meta.get("title") or call.title[self.locale]
            )
        top = self._notice(call, page.url) if own_page else ""
        if own_page and not main_page:  # the call's other pages: one line, their own text in the first screen
            top += self.render("partials/call-deadline-strip.html", strip=self._strip(call, page.url))
        else:
            box = {**self._deadline(call, page.url), "anchor": DEADLINE_ANCHOR}
            if main_page:  # the way to where one applies, from the first screen
                box |= {
                    "documents_href": f"#{DOCUMENTS_ANCHOR}",
                    "documents_text": self.strings["documents"]["heading"],
                }
            top += self.render("partials/call-deadline-box.html", box=box)
        markdown = _after_first_heading(markdown, "\n" + self._block(top, kind=BOX) + "\n")
        markdown = markdown.rstrip("\n")
        if main_page:
            markdown += self._main_page_sections(call)
        return markdown + "\n\n" + reference_links(call, self.locale) + "\n"

    def _notice(self, call: Call, page_url: str) -> str:
        """The closed call's notice (DESIGN.md contract 14), or nothing while the call is not closed."""
        notice = closed_notice_view(call, self.strings, self.now, self.closing_days)
        if notice is None:
            return ""
        return self.render(
            "partials/call-closed-notice.html",
            notice={**notice, "href": self._href(self.calls_index_url, page_url)},
        )

    def _strip(self, call: Call, page_url: str) -> dict[str, Any]:
        main = self._call_url(call)
        return {
            **self._deadline(call, page_url),
            "stages_by_instant": {
                stage["utc"]: {"text": stage["text"], "local": stage["local"], "label": stage["label"]}
                for stage in self._deadline(call, page_url)["stages"]
            },
            "details_text": self.strings["strip"]["details"],
            "details_href": self._href(main, page_url) + f"#{DEADLINE_ANCHOR}",
        }

    def _main_page_sections(self, call: Call) -> str:
        """Markdown headings (in the table of contents) with their blocks, at the end of the call's
        main page: the official documents and how to apply, then the dated changes if any."""
        documents = documents_view(call, self.locale, self.strings)
        out = f"\n\n## {_heading_text(documents['heading'])} {{: #{DOCUMENTS_ANCHOR} }}\n"
        out += self._block(self.render("partials/call-documents.html", documents=documents), kind=BOX)
        updates = updates_view(call, self.locale, self.strings)
        if updates is not None:
            out += f"\n\n## {_heading_text(updates['heading'])} {{: #{UPDATES_ANCHOR} }}\n"
            out += self._block(self.render("partials/call-updates.html", updates=updates), kind=BOX)
        return out

    def _page_call(self, page: PageSource) -> Call | None:
        slug = page.meta.get("call")
        if slug is None:
            return None
        if isinstance(slug, str) and slug in self.calls:
            return self.calls[slug]
        self.problems.append(
            Problem(
                page.shown_path,
                front_matter_line(page.source_text(), "call"),
                "call",
                _('"{call}" is not a call in data/calls/; expected one of: {known}').format(
                    call=slug, known=self._known()
                ),
            )
        )
        return None

    def _marker(self, marker: Marker, page_call: Call | None, page: PageSource) -> str:
        handler = MARKERS.get(marker.key)

        def line() -> int | None:  # the file is read again only for a message
            return line_in(page.source_text(), marker.text)

        if handler is None:
            close = difflib.get_close_matches(marker.key, MARKERS, n=1, cutoff=0.6)
            message = (
                _("is not a marker this site knows; did you mean {marker}? expected one of: {known}")
                if close
                else _("is not a marker this site knows; expected one of: {known}")
            )
            self.problems.append(
                Problem(
                    page.shown_path,
                    line(),
                    f"<!-- {marker.key} -->",
                    message.format(marker=f"<!-- {close[0]} -->" if close else "", known=", ".join(sorted(MARKERS))),
                )
            )
            return ""
        if marker.family == "calls":
            return handler(self, None, page.url)
        call = self.calls.get(marker.arg) if marker.arg else page_call
        if call is None:
            message = (
                _(
                    'names "{call}", which is not a call in data/calls/; expected `call: <call>` in the front '
                    "matter or {marker} with one of: {known}"
                )
                if marker.arg
                else _("names no call; expected `call: <call>` in the front matter or {marker} with one of: {known}")
            )
            self.problems.append(
                Problem(
                    page.shown_path,
                    line(),
                    f"<!-- {marker.key} -->",
                    message.format(call=marker.arg, marker=f"<!-- {marker.key} <call> -->", known=self._known()),
                )
            )
            return ""
        return handler(self, call, page.url)

    def _known(self) -> str:
        return ", ".join(sorted(self.calls)) or _("(no calls yet)")

    # -- markers ----------------------------------------------------------------------------

    def _deadline(self, call: Call, page_url: str) -> dict[str, Any]:
        href = self._href(f"{self.prefix}{CALENDAR_DIR}/{call.slug}-deadline.ics", page_url)
        view = self._deadlines.get(call.slug)
        if view is None:  # formatted once per call and build: the box, facts, text and index reuse it
            view = self._deadlines[call.slug] = self._kept_view(call)
        return with_calendar(view, href)

    def _kept_view(self, call: Call) -> dict[str, Any]:
        """The call's deadline view, as the last build of this language made it if nothing it is made
        of changed: under `mkdocs serve` a rebuild of some pages keeps the build instant
        (sitekit.preview.clock), and at 500 calls it formatted 499 unchanged deadlines again."""
        key = (repr(call), self._view_context)
        view = self._views_before.get(key) or deadline_view(
            call, self.locale, self.strings, self.now, self.closing_days
        )
        self._views[key] = view
        return view

    def facts(self, call: Call, page_url: str) -> str:
        view = facts_view(call, self.locale, self.strings, self._deadline(call, page_url))
        return self.render("partials/call-facts.html", facts={**view, "id_href": official_page(call)})

    def deadline_text(self, call: Call, page_url: str) -> str:
        return _one_line(self.render("partials/call-deadline.html", deadline=self._deadline(call, page_url)))

    def zone_note(self, call: Call, page_url: str) -> str:
        deadline = call.next_deadline(self.now)  # a call with stages: the one the box counts down to
        text = zone_note(deadline.instant, deadline.zone, self.strings["zone_note"], self.strings["formats"])
        return _one_line(self.render("partials/call-zone-note.html", text=text))

    def identifier(self, call: Call, page_url: str) -> str:
        return _one_line(self.render("partials/call-id.html", id=call.id, href=official_page(call)))

    def sentence(self, call: Call, page_url: str) -> str:
        """The deadline in a sentence whose verb follows the call's state ("is", "was"), then the
        time zone's note: inside a sentence, or as a paragraph when written alone on its line."""
        sentence = deadline_sentence(call, self.locale, self.strings, self.now, self.closing_days)
        view = self._deadline(call, page_url)
        return _one_line(
            self.render("partials/call-deadline-sentence.html", deadline=view, sentence=sentence)
            + " "
            + self.zone_note(call, page_url)
        )

    def closing_days_text(self, _call: None, page_url: str) -> str:
        """How many days before a deadline a call counts as closing (extra.closing_threshold_days)."""
        days = format_number(self.closing_days, self.strings["formats"])
        return _one_line(self.render("partials/calls-closing-days.html", days=days))

    def budget(self, call: Call, page_url: str) -> str:
        return _one_line(self.render("partials/call-budget.html", budget=budget_in_text(call, self.strings)))

    def webinar(self, call: Call, page_url: str) -> str:
        if call.webinar is None:
            return ""
        href = self._href(f"{self.prefix}{CALENDAR_DIR}/{call.slug}-webinar.ics", page_url)
        view = event_view(call, call.webinar, "webinar", self.strings, self.now, href)
        return self.render("partials/call-deadline-box.html", box=view)

    def _listed(self, call: Call, page_url: str) -> dict[str, Any]:
        target = self._call_url(call)
        return {
            "title": call.title[self.locale],
            "summary": call.summary[self.locale],
            "programme": call.programme,
            "programme_index": None,  # its place in the index's filter by programme, if any
            "href": self._href(target, page_url) if self.page_url_exists(target) else None,
            "deadline": self._deadline(call, page_url),
        }

    def index(self, _call: None, page_url: str) -> str:
        groups = []
        programmes = programme_choices(list(self.calls.values()))
        position = {choice["name"]: choice["index"] for choice in programmes}
        for key, year, calls in index_groups(list(self.calls.values()), self.now, self.closing_days):
            texts = self.strings["index"]
            groups.append(
                {
                    "id": f"calls-{key}" + (f"-{year}" if year else ""),
                    "heading": texts[key].format(year=year) if year else texts[key],
                    "count": texts["count"].format(count=len(calls)),
                    "calls": [
                        {**self._listed(call, page_url), "programme_index": position.get(call.programme)}
                        for call in calls
                    ],
                }
            )
        # Put in after the search index has read the page, as the deadline boxes are: each call is
        # found on its own pages, not again on this one with its time left as of the build.
        return self._block(
            self.render(
                "partials/calls-index.html",
                groups=groups,
                programmes=programmes,
                strings=self.strings,
                filter_css=self._href(FILTER_CSS, page_url),
            )
        )

    def home(self, _call: None, page_url: str) -> str:
        ordered = index_order(list(self.calls.values()), self.now, self.closing_days)
        live = [c for c in ordered if self._deadline(c, page_url)["state"] != "closed"]
        closed = [c for c in ordered if self._deadline(c, page_url)["state"] == "closed"][: self.home_closed]
        return self._block(  # after the search index has read the page (see `index`)
            self.render(
                "partials/calls-home.html",
                strings=self.strings,
                live=[self._listed(call, page_url) for call in live],
                closed=[self._listed(call, page_url) for call in closed],
                index_href=self._href(f"{self.prefix}{CALLS_FOLDER}/", page_url),
                feed_href=self._href(f"{self.prefix}{FEED_FILE}", page_url),
                calendar_href=self._href(f"{self.prefix}{CALENDAR_DIR}/{ALL_DEADLINES}", page_url),
            )
        )

    def call_pages(self) -> dict[str, dict[str, str]]:
        """{call: {url: title}} of this language's pages of each call, as this build knows them."""
        return {slug: dict(pages) for slug, pages in self._call_pages.items()}

    def keep_unread_pages(self, previous: Mapping[str, Mapping[str, str]]) -> None:
        """A build that read only some pages (MkDocs' dirty build: the live preview rebuilding what a
        change shows, sitekit.preview): each page of a call that it did not read, and that is still
        there, keeps its title from `previous` (the last build's `call_pages()`), so that the menus of
        the pages it did read list it. A whole build reads every page: nothing is kept."""
        for slug, pages in previous.items():
            if slug not in self.calls:
                continue
            for url, title in pages.items():
                if url not in self._read_urls and self.page_url_exists(url) and self.is_call_page(url, slug):
                    self._call_pages.setdefault(slug, {}).setdefault(url, title)

    def unlisted_pages(self) -> list[tuple[str, int, str, str]]:
        """(call, index, name, known names) for each name in a call's `pages:` that is no page of
        the call in this language: a typo would silently leave the menu in another order."""
        found = []
        for slug, urls in self._call_pages.items():
            call, main = self.calls[slug], self._call_url(self.calls[slug])
            names = {url.removeprefix(main).strip("/") or "index" for url in urls}
            found += [
                (slug, index, name, ", ".join(sorted(names)))
                for index, name in enumerate(call.pages)
                if name not in names
            ]
        return found

    @property
    def calls_index_url(self) -> str:
        return f"{self.prefix}{CALLS_FOLDER}/"

    def is_call_page(self, url: str, slug: Any) -> bool:
        """A page of a call: it names the call and lives in the call's folder."""
        call = self.calls.get(slug) if isinstance(slug, str) else None
        return call is not None and url.startswith(self._call_url(call))

    def _call_url(self, call: Call) -> str:
        return f"{self.prefix}{CALLS_FOLDER}/{call.slug}/"

    # -- calendar files ---------------------------------------------------------------------

    def calendar_files(
        self, committed: Callable[[str], datetime | None] = lambda path: None, kept: DiskMemo | None = None
    ) -> dict[str, bytes]:
        """{path below the site root: .ics bytes} for every deadline and every event with a time.
        `committed(path)`: the last commit time of a file (sitekit.inputs.history), which dates the
        events (DTSTAMP: the same commit gives the same file; the build clock without git history).
        `kept`: the events earlier builds made (sitekit.calls.ics.event_cache)."""
        host = urlsplit(self.site_url).hostname or "localhost"
        product = f"-//{host}//calls//{self.locale.upper()}"
        out: dict[str, bytes] = {}
        everything: list[CalendarEntry] = []
        for call in self.calls.values():
            title = call.title[self.locale]
            page = f"{self.site_url.rstrip('/')}/{self.prefix}bandi/{call.slug}/"
            texts, several = self.strings["calendar"], len(call.stages) > 1
            stamp = committed(f"data/calls/{call.slug}.yml")  # None: the build clock's
            files = {
                "deadline": [
                    CalendarEntry(
                        uid=f"{call.slug}-deadline{f'-{number}' if several else ''}@{host}",
                        start=stage.instant,
                        summary=(
                            texts["stage"].format(title=title, label=(stage.label or {}).get(self.locale, ""))
                            if several
                            else texts["deadline"].format(title=title)
                        ),
                        description=call.summary[self.locale],
                        url=page,
                        stamp=stamp,
                        reminder=REMINDER,
                        sequence=1 if stage.previous else 0,  # the one move the data records
                        modified=moved_on(stage, stamp),
                    )
                    for number, stage in enumerate(call.stages, start=1)
                ]
            }
            if call.webinar is not None and call.webinar.instant is not None:
                files["webinar"] = [
                    CalendarEntry(
                        uid=f"{call.slug}-webinar@{host}",
                        start=call.webinar.instant,
                        summary=texts["webinar"].format(title=title),
                        description=call.summary[self.locale],
                        url=page,
                        stamp=stamp,
                    )
                ]
            everything += files["deadline"]
            for kind, entries in files.items():
                out[f"{self.prefix}{CALENDAR_DIR}/{call.slug}-{kind}.ics"] = calendar_file(
                    entries, self.now, product, self.locale, kept
                )
        everything.sort(key=lambda entry: (entry.start, entry.uid))
        out[f"{self.prefix}{CALENDAR_DIR}/{ALL_DEADLINES}"] = calendar_file(
            everything, self.now, product, self.locale, kept
        )
        return out

    # -- markers, in the HTML Markdown made of the page; the deadline box, after search -------

    def page_content(self, html: str, url: str) -> str:
        """The HTML of the page at `url` with its markers replaced (code, where Markdown left them
        as text, untouched); near misses and unclosed comments become problems."""
        if url not in self._read:  # a page whose Markdown this build did not read (serve --dirty)
            return html
        page, call = self._read.pop(url)

        def report(mistake: MarkerMistake) -> None:
            self.problems.append(
                Problem(page.shown_path, line_in(page.source_text(), mistake.text), mistake.field, mistake.message)
            )

        for comment, line in _inline_markers_made_blocks(html, page.source_text):
            self.problems.append(
                Problem(
                    page.shown_path,
                    line,
                    comment,
                    _(
                        "starts a line inside a sentence, so Markdown ends the "
                        "sentence (or the list) before it; move it after a word on "
                        "the line above"
                    ),
                )
            )
        html = _SENTENCE_ALONE.sub(r"<p>\1</p>", html)  # alone on its line: a paragraph of its own
        return replace_markers(
            html, lambda marker: self._marker(marker, call, page), [*MARKERS, *self.other_markers], report, STAND_IN
        )

    def _block(self, html: str, kind: str = BOX) -> str:
        """A stand-in for a block of HTML that Markdown never parses: `page_boxes` puts it in."""
        if not html.strip():
            return ""
        token = f"<!-- {kind}:{next(self._block_numbers)} -->"
        self._blocks[token] = _one_block(html).strip("\n")
        return "\n\n" + token + "\n\n"

    def page_boxes(self, html: str, page_url: str | None = None, slug: str | None = None) -> str:
        """The page's HTML with its deadline box, put in after the search index has read the page:
        a countdown as of the build ("Tempo rimasto: 12 giorni") is no text to find, and the same
        box would open the search result of every page of the call. (The facts keep the deadline.)
        With the page's address and call: the breadcrumb above, the call's own pages below."""
        html = self._put_in(html, BOX)
        call = self.calls.get(slug) if slug else None
        if call is None or page_url is None or page_url not in self._call_pages.get(call.slug, {}):
            return html
        way = way_view(call, self._call_pages[call.slug], page_url, self.locale, self.prefix, self.strings, self._href)
        if way["pages"]:  # the call's pages under the title, within a phone's first screen; previous/next below
            menu = self.render("partials/call-pages.html", way=way)
            html = html.replace("</h1>", "</h1>" + menu, 1) if "</h1>" in html else menu + html
            html += self.render("partials/call-pager.html", way=way)
        return self.render("partials/call-breadcrumb.html", way=way) + html

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


MARKERS: dict[str, Callable[[CallPages, Any, str], str]] = {  # Any: a call, or None for calls:
    "call:facts": CallPages.facts,
    "call:deadline-text": CallPages.deadline_text,
    "call:budget": CallPages.budget,
    "call:id": CallPages.identifier,
    "call:zone-note": CallPages.zone_note,
    "call:deadline-sentence": CallPages.sentence,
    "call:webinar": CallPages.webinar,
    "calls:index": CallPages.index,
    "calls:home": CallPages.home,
    "calls:closing-days": CallPages.closing_days_text,
}


# Markers that go inside a sentence: written at the start of a line that continues a paragraph or a
# list item, Markdown takes them for a block of HTML and ends the paragraph or list before them.
INLINE_MARKERS = (
    "call:deadline-text",
    "call:deadline-sentence",
    "call:budget",
    "call:zone-note",
    "call:id",
    "calls:closing-days",
)
_LINE_START_COMMENT = re.compile(r"^[ \t]*(<!--\s*(calls?:[\w-]+)\b[^>]*-->)", re.MULTILINE)


def _inline_markers_made_blocks(html: str, source: Callable[[], str]) -> list[tuple[str, int]]:
    """(marker, line) of each inline marker that Markdown made a block of although its line is
    part of running text (more text on its line, or a line of text just above). Markdown starts a
    line of its HTML with a block; the page's source is read only when one is an inline marker.
    Each place the marker is written, in code too (where the HTML has it escaped), comes out once
    and in order: the n-th in the HTML is the n-th in the source, so each is judged at its line."""
    made_blocks = {match[1] for match in _LINE_START_COMMENT.finditer(html) if match[2] in INLINE_MARKERS}
    if not made_blocks:
        return []
    text = source()
    lines = text.splitlines()
    found = []
    for comment in sorted(made_blocks):
        written = [m.start() for m in re.finditer(re.escape(comment), text)]
        shown = list(re.finditer(f"{re.escape(comment)}|{re.escape(escape(comment))}", html))
        if len(written) != len(shown):
            continue  # not the same places: say nothing rather than point at the wrong line
        for at, out in zip(written, shown, strict=True):
            block = out[0] == comment and html[: out.start()].rsplit("\n", 1)[-1].strip() == ""
            number = text.count("\n", 0, at) + 1
            line = lines[number - 1].strip()
            if block and (line != comment or (number > 1 and lines[number - 2].strip())):
                found.append((comment, number))
    return found


_SENTENCE_ALONE = re.compile(r"^(<!--\s*call:deadline-sentence\b[^>]*-->)$", re.MULTILINE)


def _one_line(html: str) -> str:
    """Inline HTML on one line, so that Markdown keeps it inside the sentence."""
    return "".join(part.strip() for part in html.splitlines() if part.strip())


def _one_block(html: str) -> str:
    """A block of raw HTML with no blank line inside (a blank line would end it for Markdown)."""
    return "\n\n" + "\n".join(line for line in html.splitlines() if line.strip()) + "\n\n"


def _heading_text(text: str) -> str:
    """A strings text as the text of a Markdown heading: one line, markup as text (`<`, `&`
    escaped for HTML, Markdown's own characters with a backslash)."""
    return re.sub(r"([\\`*_{}\[\]#!])", r"\\\1", escape(" ".join(text.split()), quote=False))


def _after_first_heading(markdown: str, block: str) -> str:
    match = FIRST_HEADING.search(markdown)
    if match is None:
        return block + markdown
    return markdown[: match.end()] + "\n" + block + markdown[match.end() :]


def moved_on(stage: Deadline, committed: datetime | None) -> datetime | None:
    """When a moved deadline's move was published: the start of its `changed:` day in the
    deadline's zone, else the last commit of the call's data; None for a deadline never moved
    (or moved on a day nothing says)."""
    if not stage.previous:
        return None
    if stage.changed is not None:
        return datetime.combine(stage.changed, time(), ZoneInfo(stage.zone))
    return committed
