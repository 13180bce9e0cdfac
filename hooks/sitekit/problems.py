"""Problems found in editors' files, reported all at once as `file:line: field: found; expected`."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    field: str
    message: str  # "what was found; what is expected", in plain words

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.field}: {self.message}"


class SiteDataError(Exception):
    """Raised with every problem found, so that an editor fixes them in one go."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line or 0, p.field))
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} to fix before the site can be built:"
        super().__init__("\n".join([head, *(f"  {p}" for p in self.problems)]))
