"""What a slow, pure function made, kept on disk for the next build process: every `mkdocs build` is a
new process, and at 500 calls parsing the data files and drawing the calendar events again cost ~1 s
of every build. An entry is keyed by everything its value is made from: the function's inputs (the
key), the source of the module that makes it and the libraries' versions (the version), so an
edited file, a changed function or an upgraded library never finds an old value, only a miss.

Entries live in a folder of the cache (sitekit.inputs.cachedir), one file each, written atomically;
an unreadable, truncated or foreign entry is a miss. Nothing here is published."""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
from pathlib import Path
from typing import Any


class DiskMemo:
    """`get(key)` / `put(key, value)` for keys of one kind (`version`: what else the values depend on)."""

    def __init__(self, folder: Path, version: str):
        self.folder = folder
        self.version = version

    def _file(self, key: str) -> Path:
        digest = hashlib.blake2b(f"{self.version}\0{key}".encode("utf-8", "surrogatepass"), digest_size=20)
        return self.folder / digest.hexdigest()

    def get(self, key: str) -> Any | None:
        """The value put under `key`, or None (never put, or unreadable)."""
        try:
            stored_key, value = pickle.loads(self._file(key).read_bytes())
        except (OSError, EOFError, ValueError, TypeError, AttributeError, ImportError, pickle.UnpicklingError):
            return None
        return value if stored_key == (self.version, key) else None  # a collision of digests: a miss

    def put(self, key: str, value: Any) -> None:
        """Keep `value` under `key`; a folder that cannot be written (a read-only checkout) keeps nothing."""
        write_whole(self._file(key), pickle.dumps(((self.version, key), value), protocol=pickle.HIGHEST_PROTOCOL))


def write_whole(file: Path, data: bytes) -> None:
    """`data` into `file` (its folder made if need be), whole or not at all: another build may read it
    meanwhile. A folder that cannot be written (a read-only checkout, a full disk) keeps nothing."""
    temporary = file.with_name(f".{file.name}.{os.getpid()}")
    with contextlib.suppress(OSError):
        file.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(data)
        os.replace(temporary, file)
    with contextlib.suppress(OSError):
        temporary.unlink(missing_ok=True)


def source_version(*modules_and_versions: object) -> str:
    """A version string from module files (their bytes' digest) and library version strings."""
    parts = []
    for item in modules_and_versions:
        if isinstance(item, Path):
            parts.append(hashlib.blake2b(item.read_bytes(), digest_size=12).hexdigest())
        else:
            parts.append(str(item))
    return "|".join(parts)
