"""Compile each theme template once, not once per build.

MkDocs builds a new Jinja2 environment for every build, and mkdocs-static-i18n builds every
language, so each of Material's templates was compiled once per language (and again on every
save under `mkdocs serve`). A bytecode cache kept for the life of the process hands later
builds the compiled code. Jinja2 keys each entry by the template's file name and checks it
against a checksum of the template's source, so an edited template is compiled again. Each
compiled template is also kept on disk (Jinja2's FileSystemBytecodeCache, written atomically; its
entries also carry Jinja2's and Python's versions), so the next build process starts with them:
compiling Material's templates took ~0.7 s of every build.
"""

from __future__ import annotations

import contextlib
import pickle
from pathlib import Path

from jinja2 import BytecodeCache, Environment, FileSystemBytecodeCache
from jinja2.bccache import Bucket


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates in memory, keyed by template file and checked against its source; behind
    it, optionally, `disk`, read on a miss and written with every compiled template."""

    def __init__(self, disk: BytecodeCache | None = None) -> None:
        self._code: dict[str, bytes] = {}
        self.disk = disk

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)
        elif self.disk is not None:
            try:
                self.disk.load_bytecode(bucket)  # a stale or foreign entry leaves the bucket empty
            except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError):  # unreadable: compiled again
                bucket.reset()
            if bucket.code is not None:
                self._code[bucket.key] = bucket.bytecode_to_string()

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()
        if self.disk is not None:
            with contextlib.suppress(OSError):  # a read-only checkout: compiled again by the next process
                self.disk.dump_bytecode(bucket)


PROCESS_CACHE = MemoryBytecodeCache()


def share_compiled_templates(
    env: Environment, cache: MemoryBytecodeCache = PROCESS_CACHE, folder: Path | None = None
) -> Environment:
    """`env` with the process-wide `cache` of compiled templates, kept on disk in `folder` too."""
    if folder is not None and cache.disk is None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            cache.disk = FileSystemBytecodeCache(str(folder))
        except OSError:
            pass
    env.bytecode_cache = cache
    return env
