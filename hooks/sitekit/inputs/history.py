"""When files last changed, from git: one `git log` over the repository per build command, read once
and shared by every language's build. No history (no .git, no git, a shallow clone that lacks a
file's commit): nothing is known, and the build says nothing rather than a wrong date."""

from __future__ import annotations

import subprocess
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

COMMIT = "commit "


@dataclass(frozen=True)
class History:
    """{path relative to the repository's root: the time of the last commit that changed it}."""

    commits: Mapping[str, datetime] = field(default_factory=dict)

    @classmethod
    def of(cls, root: Path) -> History:
        """The history of the repository at `root` as of its current commit (uncommitted edits are
        not history); read once per process and commit, however many builds ask."""
        head = _git(root, "rev-parse", "HEAD")
        return _read(str(root.resolve()), head.strip()) if head else cls()

    def last_commit(self, *paths: str) -> datetime | None:
        """The newest commit time among `paths` (in the commit's own zone), None if none is known."""
        return max((self.commits[p] for p in paths if p in self.commits), default=None)

    def last_changed(self, *paths: str) -> date | None:
        """The day (in the commit's own zone) of the newest commit among `paths`; None if none is known."""
        when = self.last_commit(*paths)
        return when.date() if when is not None else None


def parse_log(text: str, boundary: frozenset[str] = frozenset()) -> dict[str, datetime]:
    """{path: time of its newest commit} from `git log --name-only --format='commit %H %cI'`, newest
    first. A shallow clone's boundary commits seem to add every file they hold: they say nothing."""
    commits: dict[str, datetime] = {}
    when: datetime | None = None
    for line in text.splitlines():
        if line.startswith(COMMIT):
            sha, _, stamp = line.removeprefix(COMMIT).partition(" ")
            when = None if sha in boundary else datetime.fromisoformat(stamp)
        elif line and when is not None:
            commits.setdefault(line, when)  # newest first: a path's first commit is its last change
    return commits


@lru_cache(maxsize=4)
def _read(root: str, head: str) -> History:
    folder = Path(root)
    log = _git(folder, "log", "--name-only", "--no-renames", f"--format={COMMIT}%H %cI", "--relative", "--", ".")
    if log is None:
        return History()
    shallow = _git(folder, "rev-parse", "--git-path", "shallow")
    boundary_file = folder / shallow.strip() if shallow else None
    boundary = (
        frozenset(boundary_file.read_text(encoding="utf-8").split())
        if boundary_file is not None and boundary_file.is_file()
        else frozenset()
    )
    return History(parse_log(log, boundary))


def _git(root: Path, *args: str) -> str | None:
    """git's output, or None when git is missing, `root` is not in a repository, or git fails."""
    try:
        done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout if done.returncode == 0 else None
