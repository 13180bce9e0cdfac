"""Atom feed of calls, one per language (RFC 4287, written with lxml): an entry changes when its data
or status does."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from lxml import etree

from ..calls.model import Call
from ..calls.status import call_status
from ..calls.urls import FEED_FILE, absolute, call_page_path
from ..dates.formatting import format_moment
from ..dates.localtime import parse_zone
from ..languages import Language

FILE = FEED_FILE  # below each language's root: calls.atom, en/calls.atom
ATOM_NS = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True)
class FeedTexts:
    """The feed's words in one language, from data/strings/<locale>.yml (`publishing:`)."""

    title: str
    subtitle: str
    author: str
    entry: str  # "{title}: {status} ({deadline})"
    summary: str  # "{summary} Deadline: {deadline}."
    status: Mapping[str, str]
    stage: str = "{label}: {deadline}"  # one of several deadlines
    moved: str = "{deadline} ({word}; {previous})"  # a moved deadline, with the earlier one
    separator: str = "; "
    moved_words: Mapping[str, str] = field(default_factory=dict)  # calls.moved: extended, brought_forward
    formats: Mapping[str, str] = field(default_factory=dict)  # calls.formats: the pages' way of writing a time

    @classmethod
    def from_strings(cls, strings: Mapping) -> FeedTexts:
        feed = strings["publishing"]["feed"]
        return cls(
            feed["title"],
            feed["subtitle"],
            feed["author"],
            feed["entry"],
            feed["summary"],
            strings["publishing"]["status"],
            feed["stage"],
            feed["moved"],
            feed["separator"],
            strings["calls"]["moved"],
            strings["calls"]["formats"],
        )


def moment_text(instant: datetime, zone: str, formats: Mapping[str, str]) -> str:
    """An instant in its own zone, written as the pages write it: "2 dicembre 2020, ore 17:00 CET"."""
    return format_moment(instant.astimezone(parse_zone(zone)), formats)


def deadline_text(call: Call, locale: str, texts: FeedTexts) -> str:
    """Every deadline of the call, with its label when there are several and the earlier date when
    it moved: the entry changes with them."""
    parts = []
    for stage in call.stages:
        text = moment_text(stage.instant, stage.zone, texts.formats)
        if stage.previous_instant is not None:
            word = texts.moved_words["extended" if stage.previous_instant < stage.instant else "brought_forward"]
            text = texts.moved.format(
                deadline=text, word=word, previous=moment_text(stage.previous_instant, stage.zone, texts.formats)
            )
        if stage.label is not None and len(call.stages) > 1:
            text = texts.stage.format(label=stage.label[locale], deadline=text)
        parts.append(text)
    return texts.separator.join(parts)


def calls_feed(
    calls: Iterable[Call],
    language: Language,
    texts: FeedTexts,
    site_url: str,
    now: datetime,
    closing_days: float,
    changed: Mapping[str, datetime],
) -> bytes:
    """The Atom document for `language`; entries newest change first; `changed` maps slug -> instant."""
    feed_url = absolute(site_url, language.prefix + FILE)
    calls = sorted(calls, key=lambda call: (changed[call.slug], call.slug), reverse=True)
    feed = etree.Element(_atom("feed"), {XML_LANG: language.locale}, nsmap={None: ATOM_NS})
    _text(feed, "id", feed_url)
    _text(feed, "title", texts.title)
    _text(feed, "updated", _timestamp(max((changed[call.slug] for call in calls), default=now)))
    _text(etree.SubElement(feed, _atom("author")), "name", texts.author)
    _link(feed, feed_url, "self", "application/atom+xml")
    _link(feed, absolute(site_url, language.prefix), "alternate", "text/html", language.locale)
    _text(feed, "subtitle", texts.subtitle)
    for call in calls:
        url = absolute(site_url, call_page_path(call.slug, language))
        status = call_status(call, now, closing_days)
        entry = etree.SubElement(feed, _atom("entry"))
        _text(entry, "id", url)
        deadlines = deadline_text(call, language.locale, texts)
        _text(
            entry,
            "title",
            texts.entry.format(title=call.title[language.locale], status=texts.status[status], deadline=deadlines),
        )
        _text(entry, "updated", _timestamp(changed[call.slug]))
        _link(entry, url, "alternate", "text/html", language.locale)
        _text(
            entry,
            "summary",
            texts.summary.format(summary=call.summary[language.locale], deadline=deadlines),
        )
        etree.SubElement(entry, _atom("category"), term=status, label=texts.status[status])
    etree.indent(feed)
    return etree.tostring(feed, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _atom(name: str) -> str:
    return f"{{{ATOM_NS}}}{name}"


def _text(parent: etree._Element, name: str, text: str) -> None:
    etree.SubElement(parent, _atom(name)).text = text


def _link(parent: etree._Element, href: str, rel: str, type_: str, hreflang: str | None = None) -> None:
    attributes = {"href": href, "rel": rel, "type": type_}
    if hreflang:
        attributes["hreflang"] = hreflang
    etree.SubElement(parent, _atom("link"), attributes)


def _timestamp(instant: datetime) -> str:
    """RFC 3339, as Atom's date constructs require: the instant with its UTC offset."""
    if instant.utcoffset() is None:
        raise ValueError(f"{instant!r} has no time zone")
    return instant.isoformat()
