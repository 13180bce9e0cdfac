"""Write generated files below the site folder, each folder made once rather than once per file, and
a file this process wrote with the same bytes, still as it left it, not again."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path

# {file: (its modification time and size once written, a digest of the bytes)}: under `mkdocs serve`
# a rebuild after a small change (sitekit.preview) writes every calendar, feed and card again, nearly
# all the same; creating a file costs ~0.4 ms of system time here. A file changed or removed since
# (a whole rebuild empties the folder) no longer matches and is written.
_written: dict[Path, tuple[int, int, bytes]] = {}


def write_files(root: Path, files: Mapping[str, bytes]) -> None:
    """Write {path below root: bytes}, making the folders they need."""
    made: set[Path] = set()
    for path, content in files.items():
        target = root / path
        digest = hashlib.blake2b(content, digest_size=16).digest()
        if (known := _written.get(target)) is not None and known[2] == digest:
            try:
                st = target.stat()
            except OSError:
                pass
            else:
                if (st.st_mtime_ns, st.st_size) == known[:2]:
                    continue
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        target.write_bytes(content)
        st = target.stat()
        _written[target] = (st.st_mtime_ns, st.st_size, digest)
