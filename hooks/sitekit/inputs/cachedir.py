"""Where the build keeps what it can reuse between runs (trimmed stylesheet, compiled templates, social
cards): `.cache/` below the project, never published; SITEKIT_CACHE names another folder, which several
copies of the project may share (the tests' copies do). Every entry is keyed by what it was made from,
so a shared or stale folder only ever saves work."""

from __future__ import annotations

import os
from pathlib import Path

ENVIRONMENT = "SITEKIT_CACHE"
DEFAULT_FOLDER = ".cache"  # below the project; .gitignore leaves it out


def cache_dir(project: Path, part: str) -> Path:
    """The folder for `part` (e.g. "cards") of the project whose mkdocs.yml is in `project`."""
    chosen = os.environ.get(ENVIRONMENT, "").strip()
    return (Path(chosen) if chosen else project / DEFAULT_FOLDER) / part
