"""mkdocs-static-i18n's file list under `mkdocs serve`: each page's or asset's per-language copy made once
per process, then copied for every rebuild (~0.25 ms of path work a file, 3,000 files a language at
500 calls; a copy is a few microseconds). Its paths and URL depend on names and settings only."""

from __future__ import annotations

import copy
import functools
import importlib
from collections.abc import Callable
from typing import Any

MODULES = ("mkdocs_static_i18n.suffix", "mkdocs_static_i18n.folder")  # docs_structure: suffix, folder
_remembering: set[Callable[..., Any]] = set()  # the functions made here: each module's is wrapped once


def remember_i18n_files() -> None:
    """Each module's `create_i18n_file` made to remember its files (at most once per process)."""
    for name in MODULES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        create = getattr(module, "create_i18n_file", None)
        if callable(create) and create not in _remembering:
            setattr(module, "create_i18n_file", remembering(create))  # noqa: B010 (typed without it)


def remembering(create: Callable[..., Any]) -> Callable[..., Any]:
    """`create(file, current_language, default_language, all_languages, config)` returning, for the same
    names and settings, a fresh copy of the file it made the first time: each build may change its
    copies (their page, their alternates) without touching the one remembered."""
    made: dict[tuple, Any] = {}

    @functools.wraps(create)
    def create_i18n_file(file, current_language, default_language, all_languages, config):
        if file.generated_by is not None or not isinstance(file.abs_src_path, str):
            return create(file, current_language, default_language, all_languages, config)
        key = (
            type(file),
            file.src_uri,
            file.dest_uri,
            file.inclusion,
            current_language,
            default_language,
            tuple(all_languages),
            config.docs_dir,
            config.site_dir,
            config.use_directory_urls,
        )
        if key not in made:
            made[key] = create(file, current_language, default_language, all_languages, config)
        return fresh(made[key], current_language)

    _remembering.add(create_i18n_file)
    return create_i18n_file


def fresh(file: Any, current_language: str) -> Any:
    """A copy of a file as `create_i18n_file` returns it: its own alternates, listing itself."""
    out = copy.copy(file)
    out.alternates = {current_language: out}
    return out
