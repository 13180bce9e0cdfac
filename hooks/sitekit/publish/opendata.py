"""Open data: every call as one JSON document (calls.json), described by schemas/calls.schema.json."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from ..calls.model import Call, Deadline, Moment
from ..calls.status import call_status, stage_status
from ..calls.urls import absolute, call_page_path
from ..dates.localtime import local_iso, utc_iso
from ..languages import Language

FILE = "calls.json"
SCHEMA_FILE = "schemas/calls.schema.json"
FORMAT_VERSION = 1


def moment_record(moment: Moment) -> dict[str, str]:
    return {"utc": utc_iso(moment.instant), "local": local_iso(moment.instant), "zone": moment.zone}


def deadline_record(
    call: Call, stage: Deadline, now: datetime, closing_days: float, languages: list[Language]
) -> dict[str, Any]:
    """One deadline: its moment, label (several stages), own status and the earlier moment if moved."""
    previous = stage.previous_instant
    return {
        **moment_record(stage),
        "label": {lang.locale: stage.label[lang.locale] for lang in languages} if stage.label else None,
        "status": stage_status(call, stage, now, closing_days),
        "previous": (
            {"utc": utc_iso(previous), "local": local_iso(previous), "zone": stage.zone} if previous else None
        ),
    }


def call_record(
    call: Call, now: datetime, closing_days: float, site_url: str, languages: Iterable[Language]
) -> dict[str, Any]:
    """One call as plain JSON values; `status` is as of `now`."""
    languages = list(languages)
    return {
        "id": call.id,
        "slug": call.slug,
        "programme": call.programme,
        "funder": {lang.locale: call.funder_in(lang.locale) for lang in languages},
        "title": dict(call.title),
        "summary": dict(call.summary),
        "status": call_status(call, now, closing_days),
        "opening": moment_record(call.opening) if call.opening else None,
        "deadline": deadline_record(call, call.next_deadline(now), now, closing_days, languages),
        "deadlines": [deadline_record(call, stage, now, closing_days, languages) for stage in call.stages],
        "budget": {"amount": call.budget.amount, "currency": call.budget.currency},
        "pages": {lang.locale: absolute(site_url, call_page_path(call.slug, lang)) for lang in languages},
        "links": {key: {"url": str(link.url), "title": dict(link.title)} for key, link in call.links.items()},
    }


def calls_document(
    calls: Iterable[Call], now: datetime, closing_days: float, site_url: str, languages: Iterable[Language]
) -> dict[str, Any]:
    """The whole file: every call, nearest next deadline first, with the moment its statuses refer to."""
    languages = list(languages)
    ordered = sorted(calls, key=lambda call: (call.next_deadline(now).instant, call.slug))
    return {
        "$schema": absolute(site_url, SCHEMA_FILE),
        "version": FORMAT_VERSION,
        "generated": utc_iso(now),
        "site": site_url,
        "languages": [lang.locale for lang in languages],
        "calls": [call_record(call, now, closing_days, site_url, languages) for call in ordered],
    }


def dumps(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
