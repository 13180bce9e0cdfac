"""The status of a call at a given moment: forthcoming, open, closing (soon) or closed."""

from __future__ import annotations

from datetime import datetime, timedelta

from .model import Call, Deadline

STATES = ("forthcoming", "open", "closing", "closed")


def call_status(call: Call, now: datetime, closing_days: float = 7) -> str:
    """One of STATES, following the call's next deadline (its last, once all have passed).
    A deadline instant itself already counts as closed."""
    return instant_status(
        call.next_deadline(now).instant, now, closing_days, call.opening.instant if call.opening else None
    )


def stage_status(call: Call, stage: Deadline, now: datetime, closing_days: float = 7) -> str:
    """The state of one deadline of `call`: a passed stage is closed, whatever comes after it."""
    return instant_status(stage.instant, now, closing_days, call.opening.instant if call.opening else None)


def instant_status(deadline: datetime, now: datetime, closing_days: float = 7, opening: datetime | None = None) -> str:
    """The status for a bare deadline (and opening, if known): also used for events."""
    if now >= deadline:
        return "closed"
    if opening is not None and now < opening:
        return "forthcoming"
    if deadline - now < timedelta(days=closing_days):
        return "closing"
    return "open"
