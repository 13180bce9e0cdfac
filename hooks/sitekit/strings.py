"""Interface strings per language, from data/strings/<locale>.yml: no language lives in code."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .inputs.yamlfile import load_yaml
from .messages import _
from .problems import Problem, SiteDataError


def load_strings(strings_dir: Path, locales: list[str], root: Path | None = None) -> dict[str, dict[str, Any]]:
    """{locale: strings} for every configured locale; SiteDataError if a file is missing or broken."""
    out: dict[str, dict[str, Any]] = {}
    problems: list[Problem] = []
    for locale in locales:
        path = strings_dir / f"{locale}.yml"
        shown = str(path.relative_to(root)) if root else str(path)
        if not path.exists():
            problems.append(
                Problem(
                    shown,
                    None,
                    _("file"),
                    _("is missing; copy {file} and translate it").format(file=f"data/strings/{locales[0]}.yml"),
                )
            )
            continue
        doc = load_yaml(path, shown)
        if isinstance(doc, Problem):
            problems.append(doc)
        else:
            out[locale] = doc.data or {}
    if problems:
        raise SiteDataError(problems)
    return out
