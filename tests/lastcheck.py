"""The accessibility statement's evidence: each quality check records what its last run found in
data/quality/last-check.yml (tool version, day, problems), and the site shows that, no more."""
from __future__ import annotations

from datetime import datetime, timezone

import yaml
from filelock import FileLock

from sitebuild import ROOT

FILE = ROOT / "data" / "quality" / "last-check.yml"
HEADER = ("# Written by the test suite (tests/lastcheck.py): what the last run of each check found.\n"
          "# Read by the accessibility statement (<!-- quality:last-check -->). Do not edit by hand.\n")


def record(tool: str, version: str, pages: int, problems: int, part: str = "") -> None:
    """Record one tool's run over the whole site, today (UTC), keeping the other tools' records.
    A run split over test workers records each `part` (a viewport, say); the tool's figures are
    the sum of its parts. A lock keeps two workers from writing at once."""
    with FileLock(str(FILE) + ".lock"):
        data = (yaml.safe_load(FILE.read_text(encoding="utf-8")) if FILE.exists() else None) or {}
        today = datetime.now(timezone.utc).date().isoformat()
        entry = {"version": str(version), "date": today, "pages": pages, "problems": problems}
        if part:
            parts = dict((data.get(tool) or {}).get("parts") or {})
            parts[part] = entry
            entry = {"version": str(version), "date": min(run["date"] for run in parts.values()),
                     "pages": sum(run["pages"] for run in parts.values()),
                     "problems": sum(run["problems"] for run in parts.values()), "parts": parts}
        data[tool] = entry
        FILE.parent.mkdir(parents=True, exist_ok=True)
        FILE.write_text(HEADER + yaml.safe_dump(data, sort_keys=True, allow_unicode=True), encoding="utf-8")
