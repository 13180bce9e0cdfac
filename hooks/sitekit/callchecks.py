"""Checks across a call file that the call model alone cannot make: a text for every language."""
from __future__ import annotations

from pathlib import Path

from .problems import Problem
from .yamlfile import load_yaml


def missing_translations(calls_dir: Path, root: Path | None, locales: list[str]) -> list[Problem]:
    """A Problem for every title, summary or link title that lacks one of `locales`."""
    problems: list[Problem] = []
    for path in sorted(calls_dir.glob("*.yml")):
        doc = load_yaml(path, str(path.relative_to(root)) if root else str(path))
        if isinstance(doc, Problem) or not isinstance(doc.data, dict):
            continue  # load_calls reports these
        texts = [("title",), ("summary",)]
        links = doc.data.get("links")
        if isinstance(links, dict):
            texts += [("links", key, "title") for key in links]
        for loc in texts:
            value = _get(doc.data, loc)
            if not isinstance(value, dict):
                continue
            for locale in locales:
                if not isinstance(value.get(locale), str) or not value[locale].strip():
                    problems.append(Problem(doc.path, doc.line_of(loc), ".".join(loc),
                                            f"has no text for the language {locale!r}; add `{locale}: ...`"))
    return problems


def _get(data: dict, loc: tuple):
    for key in loc:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data
