"""The accessibility statement's recorded checks: data/quality/last-check.yml (written by the test
suite: for each check the version of its tool or browser, the day, the pages and the problems
found) said in the page's language, one item per check, never more than the file records."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

from markupsafe import escape

from ..dates.formatting import format_day
from ..inputs.yamlfile import YamlDoc, load_yaml

MARKER = "<!-- quality:last-check -->"
FILE = Path("data") / "quality" / "last-check.yml"
# Every check the statement speaks of, in the order it lists them: the keys of the file, of
# `quality.checks` in data/strings/<locale>.yml and of tests/lastcheck.py's record(). A new check
# (another axe-core run, say) is one key here, one label per strings file and one record() call.
CHECKS = ("axe-core", "nu-html-checker", "keyboard", "reflow", "requests", "print", "axe-core-dark")


class Run(NamedTuple):
    """What the last recorded run of one check found."""

    version: str
    day: date
    pages: int
    problems: int


def recorded_runs(root: Path) -> dict[str, Run | None]:
    """Each check's last run as the file records it; None for a check without a complete record (a
    fresh clone, a check not run yet, a field missing): the statement then claims nothing for it."""
    doc = load_yaml(root / FILE, FILE.as_posix()) if (root / FILE).exists() else None
    records = doc.data if isinstance(doc, YamlDoc) and isinstance(doc.data, dict) else {}
    return {check: _run(records.get(check)) for check in CHECKS}


def last_check_items(root: Path, strings: Mapping[str, Any], fmt: Mapping[str, str]) -> list[str]:
    """One sentence per check: what it looks at, then its last recorded run or `quality.never`."""
    items = []
    for check, run in recorded_runs(root).items():
        label = strings["checks"][check]
        if run is None:
            items.append(strings["item"].format(check=label, result=strings["never"]))
            continue
        day = format_day(run.day, fmt)
        result = strings["result"].format(date=day, version=run.version, pages=run.pages, problems=run.problems)
        items.append(strings["item"].format(check=label, result=result))
    return items


def last_check_html(root: Path, strings: Mapping[str, Any], fmt: Mapping[str, str]) -> str:
    """The items as an HTML list, every text escaped, for the marker's place in the page's Markdown."""
    items = "".join(f"<li>{escape(item)}</li>" for item in last_check_items(root, strings, fmt))
    return f'\n\n<ul class="quality-last-check">{items}</ul>\n\n'


def _run(record: Any) -> Run | None:
    if not isinstance(record, dict):
        return None
    try:
        return Run(
            version=str(record["version"]),
            day=date.fromisoformat(str(record["date"])),
            pages=int(record["pages"]),
            problems=int(record["problems"]),
        )
    except (TypeError, KeyError, ValueError):
        return None
