"""Helpers for unit tests: a Call built in code (one deadline or two stages), the pages of calls in
one language, and each language's `calls` strings."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from sitebuild import ROOT
from sitekit.calls.model import Call
from sitekit.calls.pages import CallPages
from sitekit.strings import load_strings
from sitekit.theme.partials import renderer

STRINGS = {locale: s["calls"] for locale, s in load_strings(ROOT / "data" / "strings", ["it", "en"]).items()}


def make_call(**fields: Any) -> Call:
    data: dict[str, Any] = {
        "slug": "test-call",
        "id": "TEST-01",
        "programme": "COSME",
        "funder": "European Commission",
        "budget": {"amount": 7500000, "currency": "EUR"},
        "deadline": {"local": "2020-12-02 17:00", "zone": "Europe/Brussels"},
        "title": {"it": "Bando di prova", "en": "Test call"},
        "summary": {"it": "Sintesi", "en": "Summary"},
    }
    data.update(fields)
    return Call(**data)


FIRST_STAGE = {
    "local": "2021-02-10 17:00",
    "zone": "Europe/Brussels",
    "label": {"it": "Prima fase", "en": "First stage"},
}
SECOND_STAGE = {
    "local": "2021-06-10 17:00",
    "zone": "Europe/Brussels",
    "label": {"it": "Seconda fase", "en": "Second stage"},
}


def two_stage_call(second: dict[str, Any] | None = None, **fields: Any) -> Call:
    """A call with two stages (10 February and 10 June 2021, Brussels); `second` changes the second."""
    return make_call(deadline=None, deadlines=[FIRST_STAGE, {**SECOND_STAGE, **(second or {})}], **fields)


RENDER = renderer([ROOT / "overrides"])


def call_pages(
    calls: Iterable[Call], now: datetime, locale: str = "it", page_url_exists: Callable[[str], bool] = lambda url: True
) -> CallPages:
    """The pages of `calls` in `locale` as of `now`, rendered with the real partials."""
    return CallPages(
        calls={call.slug: call for call in calls},
        locale=locale,
        prefix="" if locale == "it" else f"{locale}/",
        strings=STRINGS[locale],
        now=now,
        closing_days=7,
        site_url="https://example.org/bandi/",
        render=RENDER,
        page_url_exists=page_url_exists,
    )
