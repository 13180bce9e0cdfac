"""The status of a call at a given moment: forthcoming, open, closing (soon) or closed."""
from __future__ import annotations

from datetime import datetime, timedelta

from .model import Call

STATES = ("forthcoming", "open", "closing", "closed")


def call_status(call: Call, now: datetime, closing_days: float = 7) -> str:
    """One of STATES. The deadline instant itself already counts as closed."""
    return instant_status(call.deadline.instant, now, closing_days,
                          call.opening.instant if call.opening else None)


def instant_status(deadline: datetime, now: datetime, closing_days: float = 7,
                   opening: datetime | None = None) -> str:
    """The status for a bare deadline (and opening, if known): also used for events."""
    if now >= deadline:
        return "closed"
    if opening is not None and now < opening:
        return "forthcoming"
    if deadline - now < timedelta(days=closing_days):
        return "closing"
    return "open"
