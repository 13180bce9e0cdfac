"""Plain values that the call partials in overrides/partials/ render: computed here, escaped there."""
from __future__ import annotations

from datetime import datetime
from typing import Any, Mapping

from ..dates.formatting import format_day, format_left, format_moment, format_money, format_month
from ..dates.localtime import local_iso, utc_iso
from .model import Call, Event
from .status import call_status, instant_status

Strings = Mapping[str, Any]  # the `calls` block of data/strings/<locale>.yml


def deadline_view(call: Call, locale: str, s: Strings, now: datetime, closing_days: float,
                  ics_href: str | None = None) -> dict[str, Any]:
    """The deadline of `call` as the deadline markup contract (DESIGN.md, 3) wants it."""
    return with_calendar(_deadline_view(call, locale, s, now, closing_days), ics_href)


def with_calendar(view: dict[str, Any], ics_href: str | None) -> dict[str, Any]:
    """`view` (a deadline or event) with the link to its calendar file, offered until it is over.
    The rest of a view is the same on every page, so it may be computed once and reused."""
    return {**view, "ics_href": ics_href if view["state"] != "closed" else None}


def _deadline_view(call: Call, locale: str, s: Strings, now: datetime, closing_days: float) -> dict[str, Any]:
    instant = call.deadline.instant
    opening = call.opening.instant if call.opening else None
    state = call_status(call, now, closing_days)
    fmt = s["formats"]
    return {
        "kind": "deadline",
        "heading": s["deadline"],
        "utc": utc_iso(instant),
        "local": local_iso(instant),
        "zone": call.deadline.zone,
        "text": format_moment(instant, fmt),
        "state": state,
        "closing_days": closing_days,
        "opening_utc": utc_iso(opening) if opening else None,
        "opens_text": s["opens_on"].format(date=format_day(opening, fmt)) if opening else None,
        "left": _left(instant, now, s["time_left"], fmt) if state != "closed" else None,
        "left_template": s["time_left"],
        "ended_text": s["closed_since"].format(date=format_day(instant, fmt)),
        "labels": dict(s["states"]),
        "your_zone_template": s["your_zone"],
        "intl_locale": fmt["locale"].replace("_", "-"),
        "ics_href": None,
        "calendar_label": s["add_to_calendar"],
    }


def event_view(call: Call, event: Event, name: str, s: Strings, now: datetime,
               ics_href: str | None = None) -> dict[str, Any]:
    """An event of the call (the webinar): counted down when its time is known, else honest words."""
    fmt, texts = s["formats"], s[name]
    if event.instant is None:
        year, month = (int(part) for part in event.approximate.split("-"))
        when = format_month(year, month, fmt)
        if event.part:
            when = fmt["approximate"].format(part=s["parts"][event.part], month=when)
        return {"kind": "approximate", "heading": texts["label"], "text": texts["to_be_announced"].format(when=when)}
    instant = event.instant
    state = instant_status(instant, now, closing_days=0)
    return {
        "kind": "event",
        "heading": texts["label"],
        "utc": utc_iso(instant),
        "local": local_iso(instant),
        "zone": event.zone,
        "text": format_moment(instant, fmt),
        "state": state,
        "closing_days": 0,
        "opening_utc": None,
        "opens_text": None,
        "left": _left(instant, now, texts["starts_in"], fmt) if state != "closed" else None,
        "left_template": texts["starts_in"],
        "ended_text": texts["ended"].format(date=format_day(instant, fmt)),
        "labels": None,
        "your_zone_template": s["your_zone"],
        "intl_locale": fmt["locale"].replace("_", "-"),
        "ics_href": ics_href if state != "closed" else None,
        "calendar_label": s["add_to_calendar"],
    }


def facts_view(call: Call, locale: str, s: Strings, deadline: dict[str, Any]) -> dict[str, Any]:
    return {
        "labels": s["facts"],
        "programme": call.programme,
        "funder": call.funder_in(locale),
        "id": call.id,
        "budget": budget_text(call, s),
        "deadline": deadline,
    }


def budget_text(call: Call, s: Strings) -> str:
    return format_money(call.budget.amount, call.budget.currency, s["formats"])


def links_view(call: Call, locale: str, s: Strings) -> dict[str, Any]:
    return {
        "heading": s["links"],
        "links": [{"url": str(link.url), "title": _text(link.title, locale)} for link in call.links.values()],
    }


def index_order(calls: list[Call], now: datetime, closing_days: float) -> list[Call]:
    """Open (and forthcoming) calls first, nearest deadline first; then closed ones, latest first."""
    live = [c for c in calls if call_status(c, now, closing_days) != "closed"]
    closed = [c for c in calls if call_status(c, now, closing_days) == "closed"]
    return (sorted(live, key=lambda c: (c.deadline.instant, c.slug))
            + sorted(closed, key=lambda c: (c.deadline.instant, c.slug), reverse=True))


def reference_links(call: Call, locale: str) -> str:
    """Markdown link definitions, so that pages can write `[the platform][eccp]`."""
    lines = []
    for key, link in call.links.items():
        # One line (a line break would end the definition); Markdown reads a title up to its
        # last quote, so quotes inside stay as written, and the title is escaped like any attribute.
        title = " ".join(_text(link.title, locale).split())
        lines.append(f'[{key}]: {link.url} "{title}"')
    return "\n".join(lines)


def _text(texts: Mapping[str, str], locale: str) -> str:
    return texts[locale]


def _left(instant: datetime, now: datetime, template: str, fmt: Mapping[str, str]) -> str:
    return template.format(left=format_left(instant - now, fmt))
