"""A copy of the files editors change, for the checks that run before the build: and what those
checks say once one text in it is changed."""

from __future__ import annotations

import shutil
from pathlib import Path

from sitebuild import ROOT
from sitekit.checks.siteconfig import read_layout
from sitekit.checks.validation import collect_problems

EDITABLE = ("mkdocs.yml", "data", "docs", "overrides")


def editable_copy(dest: Path) -> Path:
    dest.mkdir(parents=True)
    for part in EDITABLE:
        (shutil.copytree if (ROOT / part).is_dir() else shutil.copy2)(ROOT / part, dest / part)
    return dest


def problems_after(project: Path, rel: str, old: str, new: str) -> list[str]:
    """Every problem the checks find in `project` once the first `old` in `rel` reads `new`."""
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return [str(p) for p in collect_problems(read_layout(project / "mkdocs.yml"))]
