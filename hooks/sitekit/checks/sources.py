"""The editors' pages as one check pass sees them: the docs folder walked once, each page's front
matter read once, shared by every check that needs it."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..inputs.filecache import read_text
from ..inputs.yamlfile import YamlDoc
from ..problems import Problem
from .frontmatter import body_start, read_front_matter

# What MkDocs publishes as a page (.markdown, .mkd ...) or would copy as it is (.MD): every such
# file is listed, so that a page the checks do not read is refused (checks.parity), never published raw.
PAGE_SUFFIXES = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")
# What a browser runs from <script src>: the checks allow only the project's own (checks.scripts).
SCRIPT_SUFFIXES = (".js", ".mjs", ".cjs")

# Code in Markdown, where text is shown as written: fenced blocks (``` or ~~~, closed by the same
# fence or the end of the page) and code spans (`...`, ``...``).
_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,}).*?(?:^[ \t]*\1[ \t]*$|\Z)", re.MULTILINE | re.DOTALL)
_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)


def outside_code(markdown: str) -> str:
    """`markdown` with its code blanked out (each character but line ends as a space): what is left
    is what Markdown reads as text and HTML, at the same offsets and lines."""

    def blank(match: re.Match[str]) -> str:
        return re.sub(r"[^\n]", " ", match.group())

    return _SPAN.sub(blank, _FENCE.sub(blank, markdown))


def markdown_files(folder: Path) -> tuple[Path, ...]:
    """Every page file under `folder` (any of PAGE_SUFFIXES, in any case), sorted."""
    return docs_files(folder).pages


@dataclass(frozen=True)
class DocsTree:
    """What one walk of the docs folder found."""

    pages: tuple[Path, ...] = ()  # every page file (any of PAGE_SUFFIXES, in any case), sorted
    scripts: tuple[Path, ...] = ()  # every file a browser would run through <script src> (SCRIPT_SUFFIXES)
    outside: tuple[Path, ...] = ()  # symbolic links to a file or folder outside `within` (not walked)
    loops: tuple[Path, ...] = ()  # symbolic links to a folder they are inside of (not walked)


def docs_files(folder: Path, within: Path | None = None) -> DocsTree:
    """One walk of `folder` (rglob lists every folder twice; each check walking again listed the whole
    site again), following symbolic links as MkDocs does, except a link that leads outside `within`
    (the project: MkDocs would publish /etc/hostname) or back into a folder it is inside of (a loop)."""
    within = Path(os.path.realpath(within or folder))
    pages: list[Path] = []
    scripts: list[Path] = []
    outside: list[Path] = []
    loops: list[Path] = []
    for parent, folders, names in os.walk(folder, followlinks=True):  # as MkDocs finds pages
        real_parent = os.path.realpath(parent)
        for name in list(folders):
            path = Path(parent, name)
            if not path.is_symlink():
                continue
            real = os.path.realpath(path)
            if not _inside(real, within):
                outside.append(path)
                folders.remove(name)
            elif _inside(real_parent, Path(real)):
                loops.append(path)
                folders.remove(name)
        for name in names:
            path = Path(parent, name)
            if path.is_symlink() and not _inside(os.path.realpath(path), within):
                outside.append(path)
                continue
            lower = name.lower()
            if lower.endswith(PAGE_SUFFIXES):
                pages.append(path)
            elif lower.endswith(SCRIPT_SUFFIXES):
                scripts.append(path)
    return DocsTree(tuple(sorted(pages)), tuple(sorted(scripts)), tuple(sorted(outside)), tuple(sorted(loops)))


def _inside(path: str, folder: Path) -> bool:
    return Path(path) == folder or Path(path).is_relative_to(folder)


class PageSources:
    """One snapshot of the pages: made afresh for each check pass (each build), so that an edit
    saved under `mkdocs serve` is seen by the next one."""

    def __init__(self, paths: tuple[Path, ...], shown: Callable[[Path], str], tree: DocsTree | None = None):
        self.paths = paths
        self.tree = tree or DocsTree(paths)  # also the scripts and links found beside the pages
        self.scripts = self.tree.scripts  # checks.scripts
        self._known = frozenset(paths)
        self._shown = shown
        self._front_matter: dict[Path, tuple[YamlDoc | None, list[Problem]]] = {}
        self._prose: dict[Path, tuple[int, str]] = {}

    def __contains__(self, path: Path) -> bool:
        return path in self._known

    def in_language(self, locale: str) -> tuple[Path, ...]:
        """The pages whose name ends in .<locale>.md."""
        return tuple(path for path in self.paths if path.name.endswith(f".{locale}.md"))

    def text(self, path: Path) -> str | None:
        """The page's whole text (None when it cannot be read as UTF-8: front_matter says why)."""
        try:
            return read_text(path).removeprefix("\ufeff")
        except (OSError, UnicodeDecodeError):
            return None

    def prose(self, path: Path) -> tuple[int, str]:
        """(where the Markdown starts in text(path), that Markdown with its code blanked out: what
        Markdown reads as text and HTML), computed once for every check that looks at it."""
        if path not in self._prose:
            text = self.text(path) or ""
            start = body_start(text)
            self._prose[path] = (start, outside_code(text[start:]))
        return self._prose[path]

    def front_matter(self, path: Path) -> tuple[YamlDoc | None, list[Problem]]:
        """read_front_matter(path), read once: treat the result as read-only."""
        if path not in self._front_matter:
            self._front_matter[path] = read_front_matter(path, self._shown(path))
        doc, problems = self._front_matter[path]
        return doc, list(problems)
