"""The accessibility statement's last check: data/quality/last-check.yml (written by the test
suite: each tool's version, day and problems found) said in the page's language, never more."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from ..dates.formatting import format_day
from ..inputs.yamlfile import YamlDoc, load_yaml

MARKER = "<!-- quality:last-check -->"
FILE = Path("data") / "quality" / "last-check.yml"
TOOLS = ("axe-core", "nu-html-checker")


def last_check_text(root: Path, strings: Mapping[str, Any], fmt: Mapping[str, str]) -> str:
    """`quality.last_check` filled from the file, or `quality.never` when a tool has no record
    (a fresh clone without a run, or a file that does not say what it should)."""
    doc = load_yaml(root / FILE, FILE.as_posix()) if (root / FILE).exists() else None
    records = doc.data if isinstance(doc, YamlDoc) and isinstance(doc.data, dict) else {}
    runs = {tool: records.get(tool) or {} for tool in TOOLS}
    try:
        days = [date.fromisoformat(str(run["date"])) for run in runs.values()]
        values = {tool.split("-")[0]: (str(run["version"]), int(run["problems"])) for tool, run in runs.items()}
    except (TypeError, KeyError, ValueError):
        return strings["never"]
    return strings["last_check"].format(
        date=format_day(min(days), fmt),  # the older of the two runs: the statement claims no more
        axe_version=values["axe"][0],
        axe_problems=values["axe"][1],
        nu_version=values["nu"][0],
        nu_problems=values["nu"][1],
    )
