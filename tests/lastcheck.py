"""The accessibility statement's evidence: each quality check records what its last run found in
data/quality/last-check.yml (version of its tool or browser, day, pages, problems), and the site
shows that, no more: a check with no record is not stated as done.

Recorded today: axe-core and the keyboard walk and requests of every page (tests/browser/axe_suite.py),
the Nu checker (tests/build/test_valid_html.py), reflow and print (tests/browser/test_reflow_and_print.py).
To add a check (another axe-core run, say): name it in CHECKS of hooks/sitekit/theme/lastcheck.py,
give it a label under `quality.checks` in every data/strings/<locale>.yml, and call record() with
that name where the check runs, before its assertions (a failing run is recorded too).

During a run the records wait in data/quality/.pending/ and are written into the file only when
the whole run ends (conftest.pytest_sessionfinish): a site built by another test meanwhile reads
the same statement from start to end of the run."""

from __future__ import annotations

from datetime import UTC, datetime

import yaml

from sitebuild import ROOT
from sitekit.theme.lastcheck import CHECKS

FILE = ROOT / "data" / "quality" / "last-check.yml"
PENDING = FILE.parent / ".pending"
HEADER = (
    "# Written by the test suite (tests/lastcheck.py): what the last run of each check found.\n"
    "# Read by the accessibility statement (<!-- quality:last-check -->). Do not edit by hand.\n"
)


def record(tool: str, version: str, pages: int, problems: int, part: str = "") -> None:
    """Record one tool's run (or one `part` of it, such as a viewport run by one test worker), today
    (UTC), to be written into the file at the end of the test run. `tool` is the check's name in
    CHECKS; `version` that of the tool or browser that ran it."""
    assert tool in CHECKS, (
        f"{tool!r} is not in CHECKS of hooks/sitekit/theme/lastcheck.py: the statement would not show it"
    )
    PENDING.mkdir(parents=True, exist_ok=True)
    entry = {
        "tool": tool,
        "version": str(version),
        "date": datetime.now(UTC).date().isoformat(),
        "pages": pages,
        "problems": problems,
    }
    (PENDING / f"{tool}.{part or 'all'}.yml").write_text(yaml.safe_dump(entry), encoding="utf-8")


def write_pending() -> None:
    """Merge the run's records into the file, keeping the tools this run did not check; a tool run in
    parts counts the sum of its parts and the earliest day."""
    if not PENDING.is_dir():
        return
    runs: dict[str, list[dict]] = {}
    for path in sorted(PENDING.glob("*.yml")):
        entry = yaml.safe_load(path.read_text(encoding="utf-8"))
        runs.setdefault(entry.pop("tool"), []).append(entry)
        path.unlink()
    PENDING.rmdir()
    data = (yaml.safe_load(FILE.read_text(encoding="utf-8")) if FILE.exists() else None) or {}
    for tool, parts in runs.items():
        data[tool] = {
            "version": parts[0]["version"],
            "date": min(part["date"] for part in parts),
            "pages": sum(part["pages"] for part in parts),
            "problems": sum(part["problems"] for part in parts),
        }
    FILE.parent.mkdir(parents=True, exist_ok=True)
    FILE.write_text(HEADER + yaml.safe_dump(data, sort_keys=True, allow_unicode=True), encoding="utf-8")
