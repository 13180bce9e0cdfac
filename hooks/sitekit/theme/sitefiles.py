"""Write generated files below the site folder, each folder made once rather than once per file."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path


def write_files(root: Path, files: Mapping[str, bytes]) -> None:
    """Write {path below root: bytes}, making the folders they need."""
    made: set[Path] = set()
    for path, content in files.items():
        target = root / path
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        target.write_bytes(content)
