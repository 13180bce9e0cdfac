"""schema.org JSON-LD for a call's page: the WebPage, in its language, whose main entity is a
MonetaryGrant whose application ends at the deadline (an ApplyAction only while the call is not
closed: search engines would offer to apply to a closed call). `inLanguage` belongs to the page: a
Grant has no language in schema.org."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ..calls.model import Call
from ..calls.status import call_status
from ..calls.urls import absolute, call_page_path
from ..dates.localtime import local_iso
from ..languages import Language


def call_jsonld(call: Call, language: Language, site_url: str, now: datetime, closing_days: float) -> dict[str, Any]:
    """Plain values for <script type="application/ld+json"> (the template serialises and escapes)."""
    url = absolute(site_url, call_page_path(call.slug, language))
    grant: dict[str, Any] = {
        "@type": "MonetaryGrant",
        "@id": url + "#call",
        "url": url,
        "identifier": call.id,
        "name": call.title[language.locale],
        "description": call.summary[language.locale],
        "funder": {"@type": "Organization", "name": call.funder_in(language.locale)},
        "amount": {"@type": "MonetaryAmount", "currency": call.budget.currency, "value": call.budget.amount},
    }
    page: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "WebPage",
        "@id": url,
        "url": url,
        "name": call.title[language.locale],
        "inLanguage": language.locale,
        "mainEntity": grant,
    }
    if call_status(call, now, closing_days) == "closed":
        return page
    grant["potentialAction"] = {
        "@type": "ApplyAction",
        "actionStatus": "https://schema.org/PotentialActionStatus",
        "endTime": local_iso(call.final.instant),
    }
    if call.opening is not None:
        grant["potentialAction"]["startTime"] = local_iso(call.opening.instant)
    return page
