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
from types import CodeType
from typing import Any

from jinja2 import BytecodeCache, Environment, FileSystemBytecodeCache
from jinja2.bccache import Bucket


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates in memory, keyed by template file and checked against its source; behind
    it, optionally, `disk`, read on a miss and written with every compiled template. Memory holds the
    code itself, not its marshalled bytes: a template is loaded again by every build's environment,
    both languages' and every preview's, and reading the bytes back cost as much as the rest of it."""

    def __init__(self, disk: BytecodeCache | None = None) -> None:
        self._code: dict[str, tuple[str | None, CodeType]] = {}  # key: (checksum of the source, code)
        self.disk = disk

    def load_bytecode(self, bucket: Bucket) -> None:
        kept = self._code.get(bucket.key)
        if kept is not None and kept[0] == bucket.checksum:  # an edited template is compiled again
            bucket.code = kept[1]
        elif self.disk is not None:
            try:
                self.disk.load_bytecode(bucket)  # a stale or foreign entry leaves the bucket empty
            except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError):  # unreadable: compiled again
                bucket.reset()
            if bucket.code is not None:
                self._code[bucket.key] = (bucket.checksum, bucket.code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        if bucket.code is not None:
            self._code[bucket.key] = (bucket.checksum, bucket.code)
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


def share_with_every_environment(theme: Any, folder: Path | None = None) -> None:
    """Every environment `theme` (MkDocs' Theme) makes from now on shares the process-wide cache,
    also those plugins make before `on_env` (Material's search reads its translations in
    `on_config`: without the cache those templates were compiled again on every build)."""
    make = theme.get_env
    if getattr(make, "shares_compiled_templates", False):
        return

    def get_env() -> Environment:
        return share_compiled_templates(make(), folder=folder)

    get_env.shares_compiled_templates = True  # type: ignore[attr-defined]
    theme.get_env = get_env
