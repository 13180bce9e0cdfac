"""When a call last changed for its readers: its data file was committed, or its status flipped."""
from __future__ import annotations

import subprocess
from datetime import datetime, timedelta, timezone
from pathlib import Path

from .calls import Call


def last_commit_time(path: Path) -> datetime | None:
    """The time of the last git commit that touched `path`; None outside git or when uncommitted."""
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%cI", "--", path.name], cwd=path.parent,
                             capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    text = out.stdout.strip()
    return datetime.fromisoformat(text) if out.returncode == 0 and text else None


def status_changes(call: Call, closing_days: float) -> list[datetime]:
    """The instants at which the call's status changes: opening, "closing soon", closed."""
    deadline = call.deadline.instant
    moments = [deadline - timedelta(days=closing_days), deadline]
    if call.opening is not None:
        moments.append(call.opening.instant)
    return sorted(moments)


def last_changed(call: Call, now: datetime, closing_days: float, committed: datetime | None) -> datetime:
    """The latest of the commit time and the status changes already past at `now` (UTC).
    A call with neither (forthcoming, data not committed) counts as changed at `now`."""
    past = [m for m in status_changes(call, closing_days) if m <= now]
    if committed is not None and committed <= now:
        past.append(committed)
    return max(past, default=now).astimezone(timezone.utc)
