"""Compile each theme template once per process, not once per build.

MkDocs builds a new Jinja2 environment for every build, and mkdocs-static-i18n builds every
language, so each of Material's templates was compiled once per language (and again on every
save under `mkdocs serve`). A bytecode cache kept for the life of the process hands later
builds the compiled code. Jinja2 keys each entry by the template's file name and checks it
against a checksum of the template's source, so an edited template is compiled again.
"""

from __future__ import annotations

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates in memory, keyed by template file and checked against its source."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


PROCESS_CACHE = MemoryBytecodeCache()


def share_compiled_templates(env: Environment, cache: BytecodeCache = PROCESS_CACHE) -> Environment:
    """`env` with the process-wide cache of compiled templates."""
    env.bytecode_cache = cache
    return env
