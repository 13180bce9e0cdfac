"""One build instant for every page of the preview: a rebuild of some pages computes what depends on
time (states, time left, the print date) at the instant of the last whole build, so that no page
says something else than the pages left as they were; the whole site is rebuilt once the real clock
has passed an instant at which that would change."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from ..calls.model import Call


def state_changes(calls: Iterable[Call], closing_days: float) -> list[datetime]:
    """The instants at which a call, a stage or an event changes state (sitekit.calls.status):
    opening, the start of the closing days, each deadline, the webinar's start or end."""
    out: list[datetime] = []
    for call in calls:
        if call.opening is not None:
            out.append(call.opening.instant)
        for stage in call.stages:
            out += [stage.instant, stage.instant - timedelta(days=closing_days)]
        if call.webinar is not None:
            out += [moment for moment in (call.webinar.instant, call.webinar.approximate_end) if moment is not None]
    return sorted(out)


def passed_since(built: datetime, now: datetime, changes: Iterable[datetime]) -> datetime | None:
    """The first instant after `built`, up to `now`, at which the site built at `built` says
    something else: a state change, or midnight (UTC: the build clock's zone) for the dates of the day."""
    if now.date() != built.date():
        return datetime.combine(built.date() + timedelta(days=1), datetime.min.time(), built.tzinfo)
    return next((moment for moment in changes if built < moment <= now), None)
