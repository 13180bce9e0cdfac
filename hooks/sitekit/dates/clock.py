"""The build clock: SITE_NOW (ISO 8601 with a UTC offset) stands in for "now" in every build."""
from __future__ import annotations

import os
from datetime import datetime, timezone
from typing import Mapping

from .localtime import FIRST_YEAR, LAST_YEAR

EXAMPLE = "2020-11-20T12:00:00+01:00"


def site_now(environ: Mapping[str, str] = os.environ) -> datetime:
    """SITE_NOW as an aware datetime; unset or empty: the real time now, in UTC.

    Raises ValueError naming SITE_NOW when it is not ISO 8601 or has no UTC offset.
    """
    text = (environ.get("SITE_NOW") or "").strip()
    if not text:
        return datetime.now(timezone.utc)
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f'SITE_NOW: "{text}" is not a date and time; write it in ISO 8601 with a UTC '
                         f"offset, e.g. {EXAMPLE}") from None
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f'SITE_NOW: "{text}" has no UTC offset, so the moment is ambiguous; add one, '
                         f"e.g. {EXAMPLE}")
    if not FIRST_YEAR <= moment.year <= LAST_YEAR:
        raise ValueError(f'SITE_NOW: "{text}" is outside the years this site handles ({FIRST_YEAR}-{LAST_YEAR}); '
                         f"check the year, e.g. {EXAMPLE}")
    return moment
