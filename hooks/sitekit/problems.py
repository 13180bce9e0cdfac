"""Problems found in editors' files, reported all at once as `file:line: field: found; expected`."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any, Iterable


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


def shown_text(value: Any) -> str:
    """A value as a message shows it: text in quotes with invisible characters named (U+200B),
    nothing as "nothing", a block or list as such."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a block of fields"
    if isinstance(value, list):
        return "a list"
    if not isinstance(value, str):
        return str(value)
    return '"' + "".join(f"<U+{ord(c):04X}>" if _invisible(c) else c for c in value) + '"'


def _invisible(char: str) -> bool:
    return unicodedata.category(char) in ("Cf", "Cc", "Zl", "Zp") or (char.isspace() and char != " ")
