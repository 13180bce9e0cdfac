"""When a call last changed for its readers: its data file was committed, or its status flipped."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

from ..dates.localtime import parse_zone
from .model import Call


def last_commit_times(folder: Path) -> dict[str, datetime]:
    """{file name: time of the last commit that touched it} for the files in `folder`, in one git
    call (one per file would cost ~20 ms each); empty outside git."""
    try:
        out = subprocess.run(
            ["git", "log", "--format=commit %cI", "--name-only", "--relative", "--", "."],
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=60,
        )
    except (OSError, subprocess.TimeoutExpired):
        return {}
    if out.returncode != 0:
        return {}
    times: dict[str, datetime] = {}
    when = None
    for line in out.stdout.splitlines():
        if line.startswith("commit "):
            when = datetime.fromisoformat(line.removeprefix("commit "))
        elif line and when is not None and "/" not in line:
            times.setdefault(line, when)  # newest first: the first time a name appears is its last commit
    return times


def status_changes(call: Call, closing_days: float) -> list[datetime]:
    """The instants at which the call's status changes: opening, "closing soon", each deadline."""
    moments = [
        moment for stage in call.stages for moment in (stage.instant - timedelta(days=closing_days), stage.instant)
    ]
    if call.opening is not None:
        moments.append(call.opening.instant)
    return sorted(moments)


def announced_changes(call: Call) -> list[datetime]:
    """The days a moved deadline was announced (`changed:`), as the start of that day in its zone."""
    return [
        datetime.combine(stage.changed, time(), tzinfo=parse_zone(stage.zone))
        for stage in call.stages
        if stage.changed is not None
    ]


def last_changed(call: Call, now: datetime, closing_days: float, committed: datetime | None) -> datetime:
    """The latest of the commit time, the announced changes and the status changes already past at
    `now` (UTC). A call with none of them (forthcoming, data not committed) counts as changed at `now`."""
    past = [m for m in [*status_changes(call, closing_days), *announced_changes(call)] if m <= now]
    if committed is not None and committed <= now:
        past.append(committed)
    return max(past, default=now).astimezone(UTC)
