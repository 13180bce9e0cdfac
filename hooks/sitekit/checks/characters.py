"""The characters no published text may hold (inputs.characters), in what the YAML reader does not
see: the Markdown of every page (outside code) and the names of pages and data files (their slugs)."""

from __future__ import annotations

from pathlib import Path

from ..inputs.characters import NAME, PAGE, forbidden_message
from ..messages import _
from ..problems import Problem
from .siteconfig import SiteLayout


def page_character_problems(layout: SiteLayout) -> list[Problem]:
    """A control character, lone surrogate or bidirectional control in a page's text (outside code)."""
    problems: list[Problem] = []
    for path in layout.pages.paths:
        start, prose = layout.pages.prose(path)
        found = PAGE.search(prose)
        if found:
            line = (layout.pages.text(path) or "").count("\n", 0, start + found.start()) + 1
            problems.append(Problem(layout.shown(path), line, _("text"), forbidden_message(found.group())))
    return problems


def file_name_problems(layout: SiteLayout) -> list[Problem]:
    """A page's or data file's name is part of an address or a key (a call's slug): no invisible
    character, no control."""
    folders = [layout.calls_dir, layout.root / "data" / "strings"]
    names = [*layout.pages.paths, *(path for folder in folders if folder.is_dir() for path in folder.iterdir())]
    problems: list[Problem] = []
    for path in names:
        relative = path.relative_to(layout.docs_dir if path in layout.pages else layout.root)
        found = NAME.search(relative.as_posix())
        if found:
            problems.append(Problem(_shown_name(layout, path), None, _("file name"), forbidden_message(found.group())))
    return problems


def _shown_name(layout: SiteLayout, path: Path) -> str:
    return layout.shown(path).encode("utf-8", "backslashreplace").decode("utf-8")
