"""The editors' pages as one check pass sees them: the docs folder walked once, each page's front
matter read once, shared by every check that needs it."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from ..inputs.yamlfile import YamlDoc
from ..problems import Problem
from .frontmatter import read_front_matter

# What MkDocs publishes as a page (.markdown, .mkd ...) or would copy as it is (.MD): every such
# file is listed, so that a page the checks do not read is refused (checks.parity), never published raw.
PAGE_SUFFIXES = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")


def markdown_files(folder: Path) -> tuple[Path, ...]:
    """Every page file under `folder` (any of PAGE_SUFFIXES, in any case), sorted, from one walk
    (rglob lists every folder twice; each check walking again listed the whole site again)."""
    found = [
        Path(parent, name)
        for parent, _, names in os.walk(folder, followlinks=True)  # as MkDocs finds pages
        for name in names
        if name.lower().endswith(PAGE_SUFFIXES)
    ]
    return tuple(sorted(found))


class PageSources:
    """One snapshot of the pages: made afresh for each check pass (each build), so that an edit
    saved under `mkdocs serve` is seen by the next one."""

    def __init__(self, paths: tuple[Path, ...], shown: Callable[[Path], str]):
        self.paths = paths
        self._known = frozenset(paths)
        self._shown = shown
        self._front_matter: dict[Path, tuple[YamlDoc | None, list[Problem]]] = {}

    def __contains__(self, path: Path) -> bool:
        return path in self._known

    def in_language(self, locale: str) -> tuple[Path, ...]:
        """The pages whose name ends in .<locale>.md."""
        return tuple(path for path in self.paths if path.name.endswith(f".{locale}.md"))

    def front_matter(self, path: Path) -> tuple[YamlDoc | None, list[Problem]]:
        """read_front_matter(path), read once: treat the result as read-only."""
        if path not in self._front_matter:
            self._front_matter[path] = read_front_matter(path, self._shown(path))
        doc, problems = self._front_matter[path]
        return doc, list(problems)
