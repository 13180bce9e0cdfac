"""Plain values that the call partials in overrides/partials/ render: computed here, escaped there."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from babel.lists import format_list

from ..dates.formatting import format_day, format_left, format_moment, format_money, format_money_in_text, format_month
from ..dates.localtime import local_iso, utc_iso
from .model import Call, Deadline, Event
from .status import call_status, instant_status, stage_status
from .urls import CALLS_FOLDER

Strings = Mapping[str, Any]  # the `calls` block of data/strings/<locale>.yml


def deadline_view(
    call: Call, locale: str, s: Strings, now: datetime, closing_days: float, ics_href: str | None = None
) -> dict[str, Any]:
    """The deadline of `call` as the deadline markup contract (DESIGN.md, 3) wants it."""
    return with_calendar(_deadline_view(call, locale, s, now, closing_days), ics_href)


def with_calendar(view: dict[str, Any], ics_href: str | None) -> dict[str, Any]:
    """`view` (a deadline or event) with the link to its calendar file, offered until it is over.
    The rest of a view is the same on every page, so it may be computed once and reused."""
    return {**view, "ics_href": ics_href if view["state"] != "closed" else None}


def _deadline_view(call: Call, locale: str, s: Strings, now: datetime, closing_days: float) -> dict[str, Any]:
    """The call's next deadline (what the box counts down to) with every stage, when it has several."""
    upcoming = call.next_deadline(now)
    opening = call.opening.instant if call.opening else None
    state = call_status(call, now, closing_days)
    fmt = s["formats"]
    stages = call.stages
    opening_text = format_moment(opening, fmt) if opening else None
    left: str | None
    if state == "forthcoming" and opening:  # nobody can apply yet: count to the opening
        left = _left(opening, now, s["opens_in"], fmt)
    else:
        left = _left(upcoming.instant, now, s["time_left"], fmt) if state != "closed" else None
    return {
        "kind": "deadline",
        "heading": s["deadline"],
        **stage_view(call, upcoming, locale, s, now, closing_days),
        "state": state,
        "closing_days": closing_days,
        "opening_utc": utc_iso(opening) if opening else None,
        "opening_local": local_iso(opening) if opening else None,
        "opening_text": opening_text,
        "opening_label": s["opening"],
        "opens_text": s["opens_on"].format(moment=opening_text) if opening_text else None,
        "opens_in_template": s["opens_in"],
        "left": left,
        "left_template": s["time_left"],
        # on paper, the state as of the day it is printed (countdown.js); as of the build without it
        "print_state_template": s["print_state"],
        "print_state": s["print_state"].format(date=format_day(now, fmt), state=s["states"][state]),
        "ended_text": s["closed_since"].format(date=format_day(call.final.instant, fmt)),
        "labels": dict(s["states"]),
        "your_zone_template": s["your_zone"],
        "intl_locale": fmt["locale"].replace("_", "-"),
        "ics_href": None,
        "calendar_label": s["add_to_calendar"],
        "stages": [stage_view(call, stage, locale, s, now, closing_days) for stage in stages]
        if len(stages) > 1
        else [],
        "following": [utc_iso(stage.instant) for stage in stages if stage.instant > upcoming.instant],
        "stages_heading": s["stages"]["heading"],
    }


def stage_view(
    call: Call, stage: Deadline, locale: str, s: Strings, now: datetime, closing_days: float
) -> dict[str, Any]:
    """One deadline: its instant, its label (several stages), its own state, the earlier time if moved."""
    fmt, moved = s["formats"], s["moved"]
    previous = stage.previous_instant
    return {
        "label": stage.label[locale] if stage.label else None,
        "utc": utc_iso(stage.instant),
        "local": local_iso(stage.instant),
        "zone": stage.zone,
        "text": format_moment(stage.instant, fmt),
        "stage_state": stage_status(call, stage, now, closing_days),
        "passed_text": s["stages"]["passed"],
        "previous_local": local_iso(previous) if previous else None,
        "previous_text": format_moment(previous, fmt) if previous else None,
        "moved_word": (moved["extended"] if previous < stage.instant else moved["brought_forward"])
        if previous
        else None,
        "was": moved["was"],
    }


def event_view(
    call: Call, event: Event, name: str, s: Strings, now: datetime, ics_href: str | None = None
) -> dict[str, Any]:
    """An event of the call (the webinar): counted down when its time is known, else honest words."""
    fmt, texts = s["formats"], s[name]
    if event.instant is None:
        assert event.approximate is not None  # Event._known_or_approximate: one or the other
        year, month = (int(part) for part in event.approximate.split("-"))
        when = format_month(year, month, fmt)
        if event.part:
            when = fmt["approximate"].format(part=s["parts"][event.part], month=when)
        end = event.approximate_end
        over = end is not None and now >= end
        template = texts["took_place"] if over else texts["to_be_announced"]
        return {
            "kind": "approximate",
            "heading": texts["label"],
            "text": template.format(when=when),
            "over": over,
            "labelled": s["labelled"],
        }
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
        "opening_text": None,
        "opens_text": None,
        "opens_in_template": None,
        "left": _left(instant, now, texts["starts_in"], fmt) if state != "closed" else None,
        "left_template": texts["starts_in"],
        "ended_text": texts["ended"].format(date=format_day(instant, fmt)),
        "labels": None,
        "your_zone_template": s["your_zone"],
        "intl_locale": fmt["locale"].replace("_", "-"),
        "ics_href": ics_href if state != "closed" else None,
        "calendar_label": s["add_to_calendar"],
        "label": None,
        "previous_local": None,
        "stages": [],
        "following": [],
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


def budget_in_text(call: Call, s: Strings) -> str:
    """The budget as a sentence says it ("7,5 milioni di euro"); the facts keep the full amount."""
    return format_money_in_text(call.budget.amount, call.budget.currency, s["formats"])


# The roles of a call's official links, in the order a reader needs them; the first three are what
# an applicant looks for, and the documents section says plainly when one has no checked address.
LINK_ROLES = ("portal", "documents", "submission", "news", "info")
APPLYING_ROLES = LINK_ROLES[:3]


def documents_view(call: Call, locale: str, s: Strings) -> dict[str, Any]:
    """The call's official links by role, only those confirmed by a stored copy (`confirmed:`):
    never an address nobody checked. Roles an applicant needs without one are named."""
    texts, fmt = s["documents"], s["formats"]
    confirmed = [link for link in call.links.values() if link.confirmed is not None]
    groups = []
    for role in LINK_ROLES:
        links = [
            {
                "url": str(link.url),
                "title": _text(link.title, locale),
                "checked": texts["checked"].format(date=format_day(link.confirmed.checked, fmt)),
            }
            for link in confirmed
            if link.role == role and link.confirmed is not None
        ]
        if links:
            groups.append({"role": role, "heading": texts["roles"][role], "links": links})
    missing = [texts["missing_roles"][role] for role in APPLYING_ROLES if not any(g["role"] == role for g in groups)]
    return {
        "heading": texts["heading"],
        "groups": groups,
        "missing": texts["missing"].format(roles=format_list(missing, locale=fmt["locale"]), id=call.id)
        if missing and groups
        else None,
        "none": texts["none"] if not groups else None,
    }


def official_page(call: Call) -> str | None:
    """The address of the call's own official page (the portal's), when a stored copy confirms it."""
    return next(
        (str(link.url) for link in call.links.values() if link.role == "portal" and link.confirmed is not None),
        None,
    )


def updates_view(call: Call, locale: str, s: Strings) -> dict[str, Any] | None:
    """The call's dated changes (a moved deadline with `changed:`), newest first; None without any."""
    texts, fmt, moved = s["updates"], s["formats"], s["moved"]
    items = []
    for stage in call.stages:
        if stage.changed is None or stage.previous_instant is None:
            continue
        earlier = stage.previous_instant
        items.append(
            (
                stage.changed,
                {
                    "date": stage.changed.isoformat(),
                    "date_text": format_day(stage.changed, fmt),
                    "text": texts["item"].format(
                        what=stage.label[locale] if stage.label else texts["deadline"],
                        word=moved["extended"] if earlier < stage.instant else moved["brought_forward"],
                        deadline=format_moment(stage.instant, fmt),
                        previous=format_moment(earlier, fmt),
                    ),
                },
            )
        )
    if not items:
        return None
    return {
        "heading": texts["heading"],
        "changes": [item for _, item in sorted(items, key=lambda i: i[0], reverse=True)],
    }


def deadline_sentence(call: Call, locale: str, s: Strings, now: datetime, closing_days: float) -> dict[str, Any]:
    """The sentence about the deadline in the form of the call's state ("is" while it is open, "was"
    once it is closed, with the opening while it is forthcoming), with every stage in order: the
    patterns and values that partials/call-deadline-sentence.html puts together."""
    fmt = s["formats"]
    state = call_status(call, now, closing_days)
    stages = call.stages
    names = [f"s{number}" for number in range(len(stages))]
    opening = call.opening.instant if call.opening else None
    return {
        "pattern": s["sentence"][state],
        # Babel joins the stages as the language does ("A e B", "A, B and C"), around placeholders
        "list_pattern": format_list([f"{{{name}}}" for name in names], locale=fmt["locale"]),
        "item_pattern": s["labelled_after"],
        "stages": [
            {
                "name": name,
                "local": local_iso(stage.instant),
                "text": format_moment(stage.instant, fmt),
                "label": _text(stage.label, locale) if stage.label and len(stages) > 1 else None,
            }
            for name, stage in zip(names, stages, strict=True)
        ],
        "opening": {"local": local_iso(opening), "text": format_moment(opening, fmt)} if opening else None,
    }


def closed_notice_view(call: Call, s: Strings, now: datetime, closing_days: float) -> dict[str, Any] | None:
    """The notice on every page of a closed call (DESIGN.md contract 14); None while it is not closed."""
    if call_status(call, now, closing_days) != "closed":
        return None
    texts = s["closed_notice"]
    return {"text": texts["text"].format(date=format_moment(call.final.instant, s["formats"])), "link": texts["link"]}


def index_order(calls: list[Call], now: datetime, closing_days: float) -> list[Call]:
    """Open (and forthcoming) calls first, nearest deadline first; then closed ones, latest first."""
    live = [c for c in calls if call_status(c, now, closing_days) != "closed"]
    closed = [c for c in calls if call_status(c, now, closing_days) == "closed"]
    return sorted(live, key=lambda c: (c.next_deadline(now).instant, c.slug)) + sorted(
        closed, key=lambda c: (c.final.instant, c.slug), reverse=True
    )


def index_groups(calls: list[Call], now: datetime, closing_days: float) -> list[tuple[str, int | None, list[Call]]]:
    """The calls index by state: (key, year, calls) for open and closing calls, then forthcoming
    ones, each nearest deadline first, then closed ones by the year of their last deadline (in its
    own zone), latest first. Empty groups are left out."""
    key: tuple[str, int | None]
    groups: dict[tuple[str, int | None], list[Call]] = {("live", None): [], ("forthcoming", None): []}
    for call in index_order(calls, now, closing_days):
        state = call_status(call, now, closing_days)
        if state == "closed":
            key = ("closed", call.final.instant.year)
        else:
            key = ("forthcoming", None) if state == "forthcoming" else ("live", None)
        groups.setdefault(key, []).append(call)
    return [(key, year, members) for (key, year), members in groups.items() if members]


# The calls index filters by programme with radio buttons and CSS alone (no JavaScript): the style
# sheet has one rule per position (docs/assets/css/deadline.css), so this many programmes at most.
PROGRAMME_FILTER_MAX = 12


def programme_choices(calls: list[Call]) -> list[dict[str, Any]]:
    """The programmes of `calls` for the index's filter, by name: position (1, 2, ...), name and
    how many calls; none when there is a single programme, or more than the filter can show."""
    names = sorted({call.programme for call in calls}, key=lambda name: (name.casefold(), name))
    if not 1 < len(names) <= PROGRAMME_FILTER_MAX:
        return []
    return [
        {"index": number, "name": name, "count": sum(call.programme == name for call in calls)}
        for number, name in enumerate(names, start=1)
    ]


def way_view(
    call: Call,
    pages: Mapping[str, str],
    here: str,
    locale: str,
    prefix: str,
    s: Strings,
    href: Callable[[str, str], str],
) -> dict[str, Any]:
    """The way around a call's pages (DESIGN.md contract 8): breadcrumb, the call's own pages in
    the order of `pages:` in its data (else the main page first, then by address), previous/next.
    `pages`: {url: title} of this language's pages of the call; `href(target, here)` links."""
    main = f"{prefix}{CALLS_FOLDER}/{call.slug}/"
    order = {f"{main}{name}/" if name != "index" else main: number for number, name in enumerate(call.pages)}
    urls = sorted(pages, key=lambda url: (url != main, order.get(url, len(order)), url))
    items = [{"title": pages[url], "href": href(url, here), "current": url == here} for url in urls]
    at = urls.index(here)
    texts = s["way"]
    crumbs = [
        {"title": texts["home"], "href": href(prefix, here)},
        {"title": texts["calls"], "href": href(f"{prefix}{CALLS_FOLDER}/", here)},
    ]
    if here != main:
        crumbs.append({"title": call.title[locale], "href": href(main, here)})
    return {
        "texts": texts,
        "crumbs": crumbs,
        "pages": items if len(items) > 1 else [],
        "previous": items[at - 1] if at > 0 else None,
        "next": items[at + 1] if at + 1 < len(items) else None,
    }


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
