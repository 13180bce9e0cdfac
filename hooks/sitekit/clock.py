"""The build clock: SITE_NOW (ISO 8601 with a UTC offset) stands in for "now" in every build.
Minimal stand-in with the agreed signature; the deadlines branch owns this module."""
from __future__ import annotations

import os
from datetime import datetime, timezone
from typing import Mapping


def site_now(environ: Mapping[str, str] = os.environ) -> datetime:
    """SITE_NOW as an aware datetime; unset: the real time now in UTC; malformed: ValueError."""
    text = (environ.get("SITE_NOW") or "").strip()
    if not text:
        return datetime.now(timezone.utc)
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f'SITE_NOW: "{text}" is not ISO 8601; write e.g. 2020-11-20T12:00:00+01:00') from None
    if moment.utcoffset() is None:
        raise ValueError(f'SITE_NOW: "{text}" has no UTC offset; write e.g. 2020-11-20T12:00:00+01:00')
    return moment
