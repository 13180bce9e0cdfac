"""The status of a call at a given moment: forthcoming, open, closing (soon) or closed.
Minimal stand-in with the agreed signature; the deadlines branch owns this module."""
from __future__ import annotations

from datetime import datetime, timedelta

from .calls import Call


def call_status(call: Call, now: datetime, closing_days: float = 7) -> str:
    """One of "forthcoming", "open", "closing", "closed"; the deadline instant is already closed."""
    deadline = call.deadline.instant
    if now >= deadline:
        return "closed"
    if call.opening is not None and now < call.opening.instant:
        return "forthcoming"
    if deadline - now < timedelta(days=closing_days):
        return "closing"
    return "open"
