"""Helpers for unit tests: a Call built in code, and each language's `calls` strings."""

from __future__ import annotations

from typing import Any

from sitebuild import ROOT
from sitekit.calls.model import Call
from sitekit.strings import load_strings

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
