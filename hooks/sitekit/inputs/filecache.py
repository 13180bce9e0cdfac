"""A data file's text, read again only when the file changed: the checks, every hook and both
language builds ask for the same files, and under `mkdocs serve` an edited file is read afresh."""

from __future__ import annotations

import os
import time
from pathlib import Path

# path -> (what stat said when it was read, its text). A stat costs much less than open+read+close.
_texts: dict[Path, tuple[tuple[int, int, int], str]] = {}

# A file changed this recently may change again without its time changing (file systems keep
# times in ticks, up to 2 s on FAT): such a file is read again next time (git's "racy" files).
_SETTLED_NS = 1_000_000_000


def read_text(path: Path) -> str:
    """`path.read_text(encoding="utf-8")`, with the same errors, from memory while the file is unchanged
    (same modification time, size and inode: an editor saving in place or by renaming changes one)."""
    now = time.time_ns()
    stat = os.stat(path)  # before reading: a change during the read shows at the next call
    key = (stat.st_mtime_ns, stat.st_size, stat.st_ino)
    known = _texts.get(path)
    if known is not None and known[0] == key:
        return known[1]
    text = path.read_text(encoding="utf-8")
    if now - stat.st_mtime_ns >= _SETTLED_NS:
        _texts[path] = (key, text)
    else:
        _texts.pop(path, None)
    return text
