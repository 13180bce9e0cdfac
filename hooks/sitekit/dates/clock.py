"""The build clock: SITE_NOW (ISO 8601 with a UTC offset) stands in for "now" in every build."""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import UTC, datetime

from ..messages import _
from .localtime import FIRST_YEAR, LAST_YEAR

EXAMPLE = "2020-11-20T12:00:00+01:00"


def site_now(environ: Mapping[str, str] = os.environ) -> datetime:
    """SITE_NOW as an aware datetime; unset or empty: the real time now, in UTC.

    Raises ValueError naming SITE_NOW when it is not ISO 8601 or has no UTC offset.
    """
    text = (environ.get("SITE_NOW") or "").strip()
    if not text:
        return datetime.now(UTC)
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(
            "SITE_NOW: "
            + _('"{text}" is not a date and time; write it in ISO 8601 with a UTC offset, e.g. {example}').format(
                text=text, example=EXAMPLE
            )
        ) from None
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(
            "SITE_NOW: "
            + _('"{text}" has no UTC offset, so the moment is ambiguous; add one, e.g. {example}').format(
                text=text, example=EXAMPLE
            )
        )
    if not FIRST_YEAR <= moment.year <= LAST_YEAR:
        raise ValueError(
            "SITE_NOW: "
            + _(
                '"{text}" is outside the years this site handles ({first}-{last}); check the year, e.g. {example}'
            ).format(text=text, first=FIRST_YEAR, last=LAST_YEAR, example=EXAMPLE)
        )
    return moment
