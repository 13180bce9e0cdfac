"""The accessibility statement's evidence: each quality check records what its last run found in
data/quality/last-check.yml (tool version, day, problems), and the site shows that, no more."""
from __future__ import annotations

from datetime import datetime, timezone

import yaml

from sitebuild import ROOT

FILE = ROOT / "data" / "quality" / "last-check.yml"
HEADER = ("# Written by the test suite (tests/lastcheck.py): what the last run of each check found.\n"
          "# Read by the accessibility statement (<!-- quality:last-check -->). Do not edit by hand.\n")


def record(tool: str, version: str, pages: int, problems: int) -> None:
    """Record one tool's run over the whole site, today (UTC), keeping the other tools' records."""
    data = (yaml.safe_load(FILE.read_text(encoding="utf-8")) if FILE.exists() else None) or {}
    data[tool] = {"version": str(version), "date": datetime.now(timezone.utc).date().isoformat(),
                  "pages": pages, "problems": problems}
    FILE.parent.mkdir(parents=True, exist_ok=True)
    FILE.write_text(HEADER + yaml.safe_dump(data, sort_keys=True, allow_unicode=True), encoding="utf-8")
